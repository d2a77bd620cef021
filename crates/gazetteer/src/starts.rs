//! Where an automaton walk can start: the ways a list name can begin a
//! text token.
//!
//! Most text tokens begin no list name, and most of those that do are
//! short and ASCII. [`Starts`] turns the first kind away with a Bloom filter
//! that stays in cache, and for the second gives the automaton state after
//! the whole token from one table probe, so that the walk does not feed the
//! token byte by byte through states spread over the automaton's memory.

use std::ops::Range;

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::Anchored;
use rustc_hash::FxHashMap;

const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
const HASH_K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
/// The longest token, in bytes, that the tables hold.
pub(crate) const TABLE_BYTES: usize = 16;

/// An ASCII token folded to lower case, as a lookup key.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Key {
    /// The first sixteen folded bytes, little-endian, zero past the end.
    words: [u64; 2],
    len: usize,
    hash: u64,
}

impl Key {
    /// The key of the non-empty `bytes[start..end]`; None when the bytes
    /// are not all ASCII. They are read eight at a time, so that a short
    /// token costs one load.
    #[inline(always)]
    pub(crate) fn of(bytes: &[u8], start: usize, end: usize) -> Option<Key> {
        let len = end - start;
        // Each word in a register of its own: no array on the stack, whose
        // eight-byte stores a sixteen-byte load could not forward from.
        let step = |h: u64, x: u64| (h ^ x).wrapping_mul(HASH_K).rotate_left(29);
        let first = load_word(bytes, start, len.min(8));
        let mut high = first;
        let mut h = step(len as u64, to_lower(first));
        let mut second = 0;
        let mut at = start + 8;
        while at < end {
            let x = load_word(bytes, at, (end - at).min(8));
            high |= x;
            if at == start + 8 {
                second = to_lower(x);
            }
            h = step(h, to_lower(x));
            at += 8;
        }
        let h = h.wrapping_mul(HASH_K);
        (high & HIGH_BITS == 0).then_some(Key {
            words: [to_lower(first), second],
            len,
            hash: h ^ h >> 32,
        })
    }
}

/// The low `n` bytes of a word set (`1 <= n <= 8`).
#[inline(always)]
fn mask(n: usize) -> u64 {
    u64::MAX >> (64 - 8 * n)
}

/// Bytes `at..at + n` of `bytes` (`1 <= n <= 8`) as a little-endian word,
/// the rest zero: one unaligned load where `bytes` goes on for eight bytes.
#[inline(always)]
fn load_word(bytes: &[u8], at: usize, n: usize) -> u64 {
    let x = match bytes.get(at..).and_then(<[u8]>::first_chunk::<8>) {
        Some(word) => u64::from_le_bytes(*word),
        // Near the end of the text, byte by byte (no call to memcpy).
        _ => bytes[at..at + n]
            .iter()
            .rev()
            .fold(0, |x, &b| x << 8 | b as u64),
    };
    x & mask(n)
}

/// ASCII letters made lower case, eight bytes at once (bytes of 0x80 and
/// above give garbage, which [`Key::of`] throws away).
#[inline(always)]
fn to_lower(x: u64) -> u64 {
    // A byte's high bit after adding: at least `A`, and at least `[`.
    let from_a = x.wrapping_add(0x3f3f_3f3f_3f3f_3f3f);
    let past_z = x.wrapping_add(0x2525_2525_2525_2525);
    x | ((from_a & !past_z & HIGH_BITS) >> 2)
}

/// A Bloom filter with one hash function, over [`Key`] hashes.
#[derive(Clone, Debug)]
pub(crate) struct Bloom {
    bits: Vec<u64>,
    /// 64 minus the log2 of the number of bits.
    shift: u32,
}

impl Bloom {
    /// A filter of `2^log2_bits` bits; about one bit in twenty set keeps
    /// false positives near 5%.
    pub(crate) fn new(log2_bits: u32) -> Bloom {
        Bloom {
            bits: vec![0; 1 << log2_bits.saturating_sub(6)],
            shift: 64 - log2_bits.max(6),
        }
    }

    pub(crate) fn insert(&mut self, key: &Key) {
        let bit = key.hash >> self.shift;
        self.bits[(bit >> 6) as usize] |= 1 << (bit & 63);
    }

    /// Whether `key` may be in the set.
    #[inline]
    pub(crate) fn may_contain(&self, key: &Key) -> bool {
        let bit = key.hash >> self.shift;
        self.bits[(bit >> 6) as usize] & (1 << (bit & 63)) != 0
    }
}

/// The first words of the forms written in lower case, as a filter for
/// text tokens in lower case: most of them are turned away by a 2 KiB
/// Bloom filter of (first eight letters, number of letters up to eight)
/// without a hash of the whole token.
#[derive(Clone, Debug)]
pub(crate) struct LowerWords {
    /// For each first byte and second byte (its low five bits), the length
    /// of the shortest word that begins so: a lower-case token shorter
    /// than that begins no word. Most are turned away here, before the
    /// letters are counted and hashed.
    min_len: Vec<u8>,
    bits: Vec<u64>,
}

impl LowerWords {
    /// 2^14 bits (2 KiB), for a few hundred words.
    const SHIFT: u32 = 64 - 14;

    pub(crate) fn new<'a>(words: impl Iterator<Item = &'a str>) -> LowerWords {
        let mut filter = LowerWords {
            min_len: vec![u8::MAX; 128 << 5],
            bits: vec![0; 1 << (14 - 6)],
        };
        for w in words.filter(|w| w.bytes().all(|b| b.is_ascii_lowercase())) {
            // A word of fewer than two letters is followed in a token by a
            // byte that is not a letter, of any five low bits; the empty
            // word, by any first byte that is not a letter.
            let firsts: Vec<u8> = match w.as_bytes().first() {
                Some(&b) => vec![b],
                None => (0..128).filter(|b: &u8| !b.is_ascii_lowercase()).collect(),
            };
            let seconds: Vec<u8> = match w.as_bytes().get(1) {
                Some(&b) => vec![b & 31],
                None => (0..32).collect(),
            };
            for &b0 in &firsts {
                for &b1 in &seconds {
                    let at = (b0 as usize) << 5 | b1 as usize;
                    filter.min_len[at] = filter.min_len[at].min(w.len().clamp(1, 255) as u8);
                }
            }
            let n = w.len().min(8);
            let first = if n == 0 {
                0
            } else {
                load_word(w.as_bytes(), 0, n)
            };
            let bit = LowerWords::bit(first, n);
            filter.bits[bit >> 6] |= 1 << (bit & 63);
        }
        filter
    }

    #[inline(always)]
    fn bit(first: u64, letters: usize) -> usize {
        let x = if letters == 0 {
            0
        } else {
            first & mask(letters)
        };
        ((x ^ letters as u64).wrapping_mul(HASH_K) >> LowerWords::SHIFT) as usize
    }

    /// Whether the lower-case token `bytes[start..end]` may begin with one
    /// of the words: its leading ASCII letters (up to eight) must be in the
    /// filter. A token with other bytes among its first eight counts only
    /// the letters before them, which are its first word; one with bytes
    /// that are not ASCII there may fold to anything and gets through.
    #[inline(always)]
    pub(crate) fn may_start(&self, bytes: &[u8], start: usize, end: usize) -> bool {
        let len = end - start;
        let k = len.min(8);
        let x = load_word(bytes, start, k);
        if x & HIGH_BITS != 0 {
            // Not ASCII: folding may make letters of it ("défense").
            return true;
        }
        let pair = ((x & 0x7f) << 5 | (x >> 8) & 31) as usize;
        if len < self.min_len[pair] as usize {
            return false;
        }
        // The bytes past the token count as an `a`.
        let filled = x | (!mask(k) & 0x6161_6161_6161_6161);
        let below_a = !((filled | HIGH_BITS) - 0x6161_6161_6161_6161) & HIGH_BITS;
        let above_z = (filled & !HIGH_BITS) + 0x0505_0505_0505_0505;
        let other = (below_a | above_z) & HIGH_BITS;
        let letters = if other == 0 {
            k
        } else {
            (other.trailing_zeros() / 8) as usize
        };
        let bit = LowerWords::bit(x, letters);
        self.bits[bit >> 6] & (1 << (bit & 63)) != 0
    }
}

/// What a text token opens, by the start tables.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Opens {
    /// No list name begins with it.
    Nothing,
    /// It is too long for the tables, or not ASCII when folded: the walk
    /// feeds it to the automaton to find out.
    Walk,
    /// What the tables know of it.
    Start(Start),
}

/// What a token that can begin a list name starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Start {
    /// The entry forms (indexes into the gazetteer's form table) of the
    /// list name that is this token alone; empty when there is none.
    pub(crate) forms: Range<u32>,
    /// Whether a longer list name goes on after the token with a space and
    /// a byte of these low five bits (bit `b & 31` for byte `b`; none when
    /// no name goes on after a space).
    pub(crate) after_space: u32,
    /// Whether one goes on with anything else (punctuation, or the next
    /// token with no space between).
    pub(crate) more_after_other: bool,
    /// The automaton state after the token, where a walk for a longer
    /// name goes on.
    pub(crate) state: StateID,
    /// The token's length, folded.
    pub(crate) len: usize,
}

/// The information of one table slot, in 32 bits: the token's length
/// (0 for an empty slot), whether a name goes on after something other
/// than a space, and the number of entry forms.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Info(u32);

impl Info {
    const OTHER: u32 = 1 << 6;

    fn new(len: usize, start: &Start) -> Info {
        let count = start.forms.end - start.forms.start;
        let other = if start.more_after_other {
            Info::OTHER
        } else {
            0
        };
        Info(len as u32 | other | count << 8)
    }

    fn len(self) -> usize {
        (self.0 & 31) as usize
    }

    fn start(self, forms: u32, state: StateID, after_space: u32) -> Start {
        Start {
            forms: forms..forms + (self.0 >> 8),
            after_space,
            more_after_other: self.0 & Info::OTHER != 0,
            state,
            len: self.len(),
        }
    }
}

/// One slot of an open-addressing table from tokens of up to `8 * N`
/// bytes: 24 bytes for `N = 1`.
#[derive(Clone, Copy, Debug)]
struct Slot<const N: usize> {
    words: [u64; N],
    forms: u32,
    info: Info,
    state: StateID,
    after_space: u32,
}

/// An open-addressing table (linear probing, at most three quarters full)
/// from the tokens of up to `8 * N` bytes that can begin a list name.
#[derive(Clone, Debug)]
struct Table<const N: usize> {
    slots: Vec<Slot<N>>,
}

impl<const N: usize> Table<N> {
    fn new(entries: &[(Key, Start)]) -> Table<N> {
        let empty = Slot {
            words: [0; N],
            forms: 0,
            info: Info::default(),
            state: StateID::ZERO,
            after_space: 0,
        };
        let mut slots = vec![empty; (entries.len() * 4 / 3 + 1).next_power_of_two()];
        let last = slots.len() - 1;
        for (key, start) in entries {
            let mut at = key.hash as usize & last;
            while slots[at].info.len() != 0 {
                at = (at + 1) & last;
            }
            let mut words = [0; N];
            words.copy_from_slice(&key.words[..N]);
            slots[at] = Slot {
                words,
                forms: start.forms.start,
                info: Info::new(key.len, start),
                state: start.state,
                after_space: start.after_space,
            };
        }
        Table { slots }
    }

    #[inline(always)]
    fn find(&self, key: &Key) -> Option<Start> {
        let last = self.slots.len() - 1;
        let mut at = key.hash as usize & last;
        loop {
            let slot = &self.slots[at];
            match slot.info.len() {
                0 => return None,
                len if len == key.len && slot.words[..] == key.words[..N] => {
                    return Some(slot.info.start(slot.forms, slot.state, slot.after_space))
                }
                _ => at = (at + 1) & last,
            }
        }
    }
}

/// The ways the automaton's patterns can begin a text token: a Bloom filter
/// of all, and tables of those of up to sixteen bytes.
#[derive(Clone, Debug)]
pub(crate) struct Starts {
    bloom: Bloom,
    short: Table<1>,
    long: Table<2>,
}

impl Starts {
    /// The starts of `patterns` (folded; the entry forms of pattern `i` are
    /// `forms(i)`; those with `in_nfa[i]` are compiled into `nfa`, in
    /// order): each ASCII prefix that ends where the tokenizer may end a
    /// token (at the pattern's end or next to a character that is not a
    /// letter or digit), up to the first space. A pattern that is not in
    /// the automaton is one word, matched by the tables alone.
    pub(crate) fn new(
        patterns: &[String],
        in_nfa: &[bool],
        nfa: &NFA,
        forms: impl Fn(usize) -> Range<u32>,
    ) -> Starts {
        // 2^18 bits (32 KiB) for about 45,000 prefixes: about one in six
        // tokens that begin no list name gets through to the tables, but
        // the filter stays in cache.
        let mut bloom = Bloom::new(18);
        let mut entries: FxHashMap<([u64; 2], usize), (Key, Start)> = FxHashMap::default();
        let word = |c: u8| c.is_ascii_alphanumeric() || c >= 0x80;
        let Ok(anchored) = nfa.start_state(Anchored::Yes) else {
            return Starts {
                bloom,
                short: Table::new(&[]),
                long: Table::new(&[]),
            };
        };
        for (pid, pattern) in patterns.iter().enumerate() {
            let b = pattern.as_bytes();
            // The automaton state after each prefix, for the patterns in it.
            let mut state = anchored;
            for i in 1..=b.len() {
                if in_nfa[pid] {
                    state = nfa.next_state(Anchored::Yes, state, b[i - 1]);
                }
                let end = i == b.len() || !word(b[i]) || !word(b[i - 1]);
                if let Some(key) = Key::of(b, 0, i).filter(|_| end) {
                    bloom.insert(&key);
                    if i <= TABLE_BYTES {
                        let (_, start) = entries.entry((key.words, key.len)).or_insert_with(|| {
                            let start = Start {
                                forms: 0..0,
                                after_space: 0,
                                more_after_other: false,
                                state: StateID::ZERO,
                                len: key.len,
                            };
                            (key, start)
                        });
                        if in_nfa[pid] {
                            start.state = state;
                        }
                        match b.get(i) {
                            None => start.forms = forms(pid),
                            Some(b' ') => {
                                // Forms are trimmed: a byte follows the space.
                                let next = b.get(i + 1).map_or(0, |&c| 1 << (c & 31));
                                start.after_space |= next;
                            }
                            Some(_) => start.more_after_other = true,
                        }
                    }
                }
                if b.get(i) == Some(&b' ') {
                    break;
                }
            }
        }
        let (short, long): (Vec<_>, Vec<_>) = entries.into_values().partition(|(k, _)| k.len <= 8);
        Starts {
            bloom,
            short: Table::new(&short),
            long: Table::new(&long),
        }
    }

    /// Whether a list name may begin with the token of `key`: a Bloom
    /// filter that turns most tokens away, with a false positive now and
    /// then.
    #[inline(always)]
    pub(crate) fn may_contain(&self, key: &Key) -> bool {
        self.bloom.may_contain(key)
    }

    /// What the token of `key` opens.
    #[inline(always)]
    pub(crate) fn find(&self, key: &Key) -> Opens {
        let found = match key.len {
            ..=8 => self.short.find(key),
            9..=TABLE_BYTES => self.long.find(key),
            _ if self.bloom.may_contain(key) => return Opens::Walk,
            _ => None,
        };
        found.map_or(Opens::Nothing, Opens::Start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_ascii_case_and_refuse_other_bytes() {
        let key = |s: &str| Key::of(s.as_bytes(), 0, s.len());
        let (a, b) = (key("New-Delhi").unwrap(), key("nEW-dELHI").unwrap());
        assert_eq!((a.words, a.len, a.hash), (b.words, b.len, b.hash));
        // Only letters change case: `@` and a backquote stay apart.
        assert_ne!(key("@x").unwrap().words, key("`x").unwrap().words);
        assert!(key("Türkiye").is_none());
        // Reading past the token does not change its key.
        let text = "Delhi Police";
        let inner = Key::of(text.as_bytes(), 0, 5).unwrap();
        assert_eq!(inner.hash, key("delhi").unwrap().hash);
    }

    #[test]
    fn lower_words_let_their_words_through() {
        let words = ["minister", "pres", "al", "undersecretary", "x"];
        let filter = LowerWords::new(words.into_iter());
        let may = |s: &str| filter.may_start(s.as_bytes(), 0, s.len());
        for t in [
            "minister",
            "pres.",
            "al",
            "undersecretary",
            "undersecretaries",
            "x",
            "x'y",
            // Not ASCII: folding decides.
            "d\u{e9}fense",
        ] {
            assert!(may(t), "{t}");
        }
        // Read from inside a text too.
        let text = "the pres. said";
        assert!(filter.may_start(text.as_bytes(), 4, 9));
        // Most other words are turned away (a false positive is possible,
        // but not for these).
        for t in ["the", "minster", "presently", "alas", "said", "a", "mi"] {
            assert!(!may(t), "{t}");
        }
    }

    #[test]
    fn the_tables_know_what_a_first_token_starts() {
        let patterns: Vec<String> = [
            "new delhi",
            "new",
            "al-qaeda",
            "counterterrorism center",
            "counter-terrorism",
            "internationalization agency",
        ]
        .map(String::from)
        .to_vec();
        // Pattern i has entry forms 10i..10i+1.
        let nfa = NFA::new(&patterns).unwrap();
        let in_nfa = vec![true; patterns.len()];
        let starts = Starts::new(&patterns, &in_nfa, &nfa, |i| {
            10 * i as u32..10 * i as u32 + 1
        });
        // The length is checked on its own.
        let at = |s: &str| {
            let found = starts.find(&Key::of(s.as_bytes(), 0, s.len()).unwrap());
            match found {
                Opens::Start(start) => {
                    assert_eq!(start.len, s.len());
                    Opens::Start(Start { len: 0, ..start })
                }
                other => other,
            }
        };
        let after = |s: &str| {
            let start = nfa.start_state(Anchored::Yes).unwrap();
            s.bytes()
                .fold(start, |sid, b| nfa.next_state(Anchored::Yes, sid, b))
        };
        let start = |forms: Range<u32>, space, other, state| {
            Opens::Start(Start {
                forms,
                after_space: space,
                more_after_other: other,
                state,
                len: 0,
            })
        };
        // "new delhi": a `d` may follow the space.
        let d = 1 << (b'd' & 31);
        assert_eq!(at("New"), start(10..11, d, false, after("new")));
        assert_eq!(at("al"), start(0..0, 0, true, after("al")));
        assert_eq!(at("al-"), start(0..0, 0, true, after("al-")));
        let long = after("counterterrorism");
        let c = 1 << (b'c' & 31);
        assert_eq!(at("Counterterrorism"), start(0..0, c, false, long));
        assert_eq!(at("counter"), start(0..0, 0, true, after("counter")));
        assert_eq!(at("Internationalization"), Opens::Walk);
        let whole = start(20..21, 0, false, after("al-qaeda"));
        assert_eq!(at("al-qaeda"), whole);
        assert_eq!(at("Delhi"), Opens::Nothing);
        assert_eq!(at("qaeda"), Opens::Nothing);
    }
}
