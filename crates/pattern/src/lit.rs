//! Regexes that are finite sets of strings, such as `/met|meets|meet/` or
//! `/corp\.?/`, matched by lookup instead of by the regex engine.

/// More strings than this and the regex engine is used after all.
const LIMIT: usize = 512;

/// The characters that `regex` treats as syntax somewhere; escaped, they
/// stand for themselves.
fn is_meta(c: char) -> bool {
    matches!(
        c,
        '\\' | '.'
            | '+'
            | '*'
            | '?'
            | '('
            | ')'
            | '|'
            | '['
            | ']'
            | '{'
            | '}'
            | '^'
            | '$'
            | '#'
            | '&'
            | '-'
            | '~'
    )
}

/// The exact set of strings that the regex `^(?:body)$` matches, when `body`
/// is an alternation of plain literals, optionally with `?` after a
/// character or a simple character class (`talks?`, `corp\.?`, `[-+]`).
/// `None` for anything else (flags, groups, `.`, `\d`, ranges, other
/// quantifiers, ...), and when the set would be large.
///
/// `body` must be a valid regex: this only reads the subset it understands
/// and gives up on everything else, so it never has to reject bad syntax.
pub(crate) fn literal_set(body: &str) -> Option<Vec<String>> {
    let chars: Vec<char> = body.chars().collect();
    let mut out: Vec<String> = Vec::new();
    // The expansions of the alternative being read.
    let mut cur: Vec<String> = vec![String::new()];
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let atom: Vec<char> = match c {
            '|' => {
                out.append(&mut cur);
                cur.push(String::new());
                i += 1;
                continue;
            }
            '\\' => {
                let d = *chars.get(i + 1)?;
                if !is_meta(d) {
                    return None;
                }
                i += 2;
                vec![d]
            }
            '[' => {
                i += 1;
                let start = i;
                if matches!(chars.get(i), Some('^' | ']')) {
                    return None;
                }
                let mut set = Vec::new();
                loop {
                    let d = *chars.get(i)?;
                    if d == ']' {
                        break;
                    }
                    if matches!(d, '\\' | '[' | '&' | '~') {
                        return None;
                    }
                    // A '-' is literal only first or last in the class.
                    if d == '-' && i != start && chars.get(i + 1) != Some(&']') {
                        return None;
                    }
                    if !set.contains(&d) {
                        set.push(d);
                    }
                    i += 1;
                }
                i += 1;
                set
            }
            '.' | '+' | '*' | '?' | '(' | ')' | '{' | '}' | '^' | '$' | ']' => return None,
            _ => {
                i += 1;
                vec![c]
            }
        };
        let optional = chars.get(i) == Some(&'?');
        if optional {
            i += 1;
        }
        if matches!(chars.get(i), Some('?' | '*' | '+' | '{')) {
            return None;
        }
        let grown = cur.len() * (atom.len() + usize::from(optional));
        if out.len() + grown > LIMIT {
            return None;
        }
        let mut next = Vec::with_capacity(grown);
        for s in &cur {
            if optional {
                next.push(s.clone());
            }
            for &a in &atom {
                let mut t = s.clone();
                t.push(a);
                next.push(t);
            }
        }
        cur = next;
    }
    out.append(&mut cur);
    Some(out)
}

/// A fast, non-cryptographic hash of a string (FxHash-style, 8 bytes at a
/// time). Sets and token forms are hashed with it so membership is one
/// table probe; a hit is confirmed by comparing the strings.
#[inline]
pub(crate) fn hash_str(s: &str) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let b = s.as_bytes();
    let mut h = (b.len() as u64).wrapping_mul(K);
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    let r = chunks.remainder();
    if !r.is_empty() {
        let mut w = [0u8; 8];
        w[..r.len()].copy_from_slice(r);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    h ^ (h >> 29)
}

/// The Bloom filter bit of a hash (its top 8 bits; the table uses the low
/// ones).
#[inline]
fn bloom_bit(h: u64) -> usize {
    (h >> 56) as usize
}

/// A set of strings, for exact membership tests: an open-addressing hash
/// table over [`hash_str`].
#[derive(Clone, Debug)]
pub(crate) struct LitSet {
    /// Without duplicates.
    words: Vec<Box<str>>,
    /// `hash_str` of each word.
    hashes: Vec<u64>,
    /// Word index + 1 in each slot, 0 for an empty slot; the length is a
    /// power of two at least twice the number of words.
    table: Vec<u32>,
    /// A one-hash Bloom filter over the top 8 bits of the hashes: most
    /// misses are decided here without touching the table or the strings.
    bloom: [u64; 4],
}

impl LitSet {
    pub fn new(words: Vec<String>) -> LitSet {
        let mut words: Vec<Box<str>> = words.into_iter().map(String::into_boxed_str).collect();
        words.sort();
        words.dedup();
        let hashes: Vec<u64> = words.iter().map(|w| hash_str(w)).collect();
        let size = (words.len() * 2).next_power_of_two().max(4);
        let mut table = vec![0u32; size];
        for (k, &h) in hashes.iter().enumerate() {
            let mut i = h as usize & (size - 1);
            while table[i] != 0 {
                i = (i + 1) & (size - 1);
            }
            // Sets are at most a few hundred words (see `LIMIT`).
            table[i] = u32::try_from(k + 1).expect("small set");
        }
        let mut bloom = [0u64; 4];
        for &h in &hashes {
            let b = bloom_bit(h);
            bloom[b >> 6] |= 1 << (b & 63);
        }
        LitSet {
            words,
            hashes,
            table,
            bloom,
        }
    }

    /// The words, in sorted order.
    pub fn words(&self) -> &[Box<str>] {
        &self.words
    }

    /// Whether a word whose [`hash_str`] is `h` may be in the set, by its
    /// Bloom filter alone (false: it is not).
    #[inline(always)]
    pub fn may_contain_hashed(&self, h: u64) -> bool {
        let b = bloom_bit(h);
        self.bloom[b >> 6] & (1 << (b & 63)) != 0
    }

    /// Whether `s`, whose [`hash_str`] is `h`, is in the set.
    #[inline]
    pub fn contains_hashed(&self, s: &str, h: u64) -> bool {
        if !self.may_contain_hashed(h) {
            return false;
        }
        let mask = self.table.len() - 1;
        let mut i = h as usize & mask;
        loop {
            let e = self.table[i] as usize;
            if e == 0 {
                return false;
            }
            if self.hashes[e - 1] == h && *self.words[e - 1] == *s {
                return true;
            }
            i = (i + 1) & mask;
        }
    }

    /// Whether `s` is in the set.
    #[inline]
    pub fn contains(&self, s: &str) -> bool {
        self.contains_hashed(s, hash_str(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    fn set(body: &str) -> Option<Vec<String>> {
        literal_set(body).map(|mut v| {
            v.sort();
            v.dedup();
            v
        })
    }

    #[test]
    fn plain_alternations_become_sets() {
        assert_eq!(set("met|meets|meet").unwrap(), ["meet", "meets", "met"]);
        assert_eq!(set("talks?").unwrap(), ["talk", "talks"]);
        assert_eq!(set(r"corp\.?").unwrap(), ["corp", "corp."]);
        assert_eq!(set("[-+]").unwrap(), ["+", "-"]);
        assert_eq!(set("'s|’s").unwrap(), ["'s", "’s"]);
        assert_eq!(set("a|").unwrap(), ["", "a"]);
        assert_eq!(set("[ab]?c").unwrap(), ["ac", "bc", "c"]);
        assert_eq!(set("a b").unwrap(), ["a b"]);
    }

    #[test]
    fn anything_else_falls_back_to_the_regex() {
        for body in [
            "(?i)met", r"\d+", "a.b", "ab*", "ab+", "a{2}", "(a|b)c", "[a-z]", "[^a]", "[]a]",
            r"\bx", r"\<x", "a??", "^a", "a$", r"[\w]", "[a&&b]",
        ] {
            assert_eq!(set(body), None, "{body}");
        }
        // Too many strings.
        assert_eq!(set(&"[ab]".repeat(12)), None);
    }

    #[test]
    fn sets_agree_with_the_regex_engine() {
        let bodies = [
            "met|meets|meet",
            "talks?",
            r"corp\.?|ltd\.?|inc\.?",
            "[-+]",
            "‘|'|\"|“",
            "[’'\"”]",
            r"jr\.?|sr\.?|ii|iii|iv",
            "a|",
            "x?y?z?",
            r"\-\&\~\#",
            "a-b|c#d|e&f|g~h",
            "[+-]x",
        ];
        let probes = [
            "", "met", "meet", "meets", "mee", "talk", "talks", "talkss", "corp", "corp.",
            "corp..", "ltd", "inc.", "-", "+", "+-", "‘", "'", "\"", "“", "”", "’", "jr", "jr.",
            "ii", "iii", "iv", "v", "a", "x", "y", "z", "xy", "xz", "yz", "xyz", "zyx", "-&~#",
            "\\-", "a-b", "c#d", "e&f", "g~h", "+x", "-x", "x-",
        ];
        for body in bodies {
            let re = Regex::new(&format!("^(?:{body})$")).unwrap();
            let lits = LitSet::new(literal_set(body).unwrap_or_else(|| panic!("{body}")));
            for p in probes {
                assert_eq!(lits.contains(p), re.is_match(p), "{body} on {p:?}");
            }
        }
    }
}
