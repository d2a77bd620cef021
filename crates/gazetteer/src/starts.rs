//! Where an automaton walk can start: the ways a list name can begin a
//! text token.
//!
//! Most text tokens begin no list name, and most of those that do are
//! short and ASCII. [`Starts`] turns the first kind away with Bloom filters
//! that stay in cache, and for the second gives the automaton state after
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

/// The low `n` bytes of a word set (`1 <= n <= 8`), by a table: a load
/// costs less than the shifts.
#[inline(always)]
fn mask(n: usize) -> u64 {
    const MASKS: [u64; 9] = {
        let mut masks = [0; 9];
        let mut n = 1;
        while n <= 8 {
            masks[n] = u64::MAX >> (64 - 8 * n);
            n += 1;
        }
        masks
    };
    MASKS[n]
}

/// Bytes `at..at + n` of `bytes` (`1 <= n <= 8`) as a little-endian word,
/// the rest zero: one unaligned load where `bytes` goes on for eight bytes.
#[inline(always)]
fn load_word(bytes: &[u8], at: usize, n: usize) -> u64 {
    let x = match bytes.get(at..at.wrapping_add(8)) {
        Some(&[a, b, c, d, e, f, g, h]) => u64::from_le_bytes([a, b, c, d, e, f, g, h]),
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

/// The first-pass key of a token: its first eight bytes (fewer for a
/// shorter token) with bit 5 of each set, which makes ASCII letters lower
/// case (and a few other bytes the same as others: `@` and a backquote,
/// which only lets a few more tokens through), and its length up to eight,
/// hashed. `ascii` says whether the eight bytes are ASCII: only then is
/// the key the token's, folded.
#[inline(always)]
fn short_key(bytes: &[u8], start: usize, end: usize) -> (u64, bool) {
    let n = (end - start).min(8);
    word_key(load_word(bytes, start, n), n)
}

/// The first-pass key of `n` bytes (`1 <= n <= 8`) in `x`, the rest zero.
#[inline(always)]
fn word_key(x: u64, n: usize) -> (u64, bool) {
    (
        (x | 0x2020_2020_2020_2020 & mask(n)) ^ n as u64,
        x & HIGH_BITS == 0,
    )
}

/// [`short_key`] of a token that has eight bytes of text from its start
/// on (`start + 8 <= bytes.len()`): the load needs no check of the end.
#[inline(always)]
fn short_key_within(bytes: &[u8], start: usize, end: usize) -> (u64, bool) {
    let n = (end - start).min(8);
    let word = bytes[start..start + 8].try_into().unwrap_or([0; 8]);
    word_key(u64::from_le_bytes(word) & mask(n), n)
}

/// Two Bloom filters with one hash function over the first-pass keys of
/// the ways a list name can begin a text token: one of all of them, and
/// one of those of names that have a form not written with a capital, the
/// only names that a token in lower case can begin.
///
/// The key is the token's first eight bytes and length up to eight, so
/// that every token costs one load and one multiplication, and the answer
/// is one bit read: no branch on the token's length or case.
#[derive(Clone, Debug)]
struct Filters {
    /// The filter of all (`2^ALL_BITS` bits), then that of the lower-case
    /// ones (`2^LOWER_BITS` bits), in an array of a power-of-two size, so
    /// that a masked index needs no bounds check.
    bits: Box<[u64; Filters::WORDS]>,
    /// The hash's multiplier: of several, the one that lets the fewest
    /// [`COMMON`] tokens through.
    mul: u64,
}

/// Tokens that make up a large part of any English news text: ASCII
/// punctuation and the commonest words (tokens that are not ASCII pass
/// the filters anyway). The filters' hash is chosen so that as few of
/// them (separated by spaces) as it can help get through without beginning a list name, since
/// each that does costs a table probe wherever it occurs ("-" alone was
/// four false starts in ten before).
const COMMON: &str = "\
    , . - -- ' \" ` `` '' ( ) : ; ? ! / $ % & * 's s 0 1 2 3 4 5 6 7 8 9 10 11 12 20 30 100 \
    a an the of to and in on for that is was with he she it by at as from his her their its \
    said says say be been have has had are were will would could should can may not but or \
    this these those there they them we our you i who which what when where while after \
    before over into about than more most other also up out one two three new last first \
    year years told if no all some any such so do did does made make since during against \
    between under through both per cent percent million billion mr mrs ms inc corp co ltd \
    week month today yesterday monday tuesday wednesday thursday friday saturday sunday \
    government officials official people country countries time because only just like being \
    him then now here very well back down off still even much many each own way part group";

/// Candidate multipliers for the filters' hash: odd 64-bit constants.
const MULTIPLIERS: [u64; 8] = [
    HASH_K,
    0x9e37_79b9_7f4a_7c15,
    0xbf58_476d_1ce4_e5b9,
    0x94d0_49bb_1331_11eb,
    0xd6e8_feb8_6659_fd93,
    0xa076_1d64_78bd_642f,
    0xe703_7ed1_a0b4_28db,
    0x8ebc_6af0_9c88_c6e3,
];

impl Filters {
    /// 2^18 bits (32 KiB) for about 45,000 prefixes: about one token in
    /// eleven that begins no list name gets through, and the filter stays
    /// in the first-level cache.
    const ALL_BITS: u32 = 18;
    /// 2^14 bits (2 KiB) for a few hundred prefixes.
    const LOWER_BITS: u32 = 14;
    /// The words of the array that holds both filters.
    const WORDS: usize = (((1_usize << Filters::ALL_BITS) + (1_usize << Filters::LOWER_BITS)) >> 6)
        .next_power_of_two();

    /// The filters of the first-pass `keys` (see [`short_key`]) of the
    /// ways a list name can begin a token, each with whether a token in
    /// lower case can begin it so.
    fn new(keys: &[(u64, bool)]) -> Filters {
        MULTIPLIERS
            .iter()
            .map(|&mul| Filters::with(keys, mul))
            .min_by_key(Filters::common_passes)
            .unwrap_or_else(|| Filters::with(keys, HASH_K))
    }

    /// The filters of `keys` with the hash's multiplier `mul`.
    fn with(keys: &[(u64, bool)], mul: u64) -> Filters {
        let mut filters = Filters {
            bits: Box::new([0; Filters::WORDS]),
            mul,
        };
        for &(key, lower) in keys {
            filters.insert(key, false);
            if lower {
                filters.insert(key, true);
            }
        }
        filters
    }

    /// How many [`COMMON`] tokens get through, each in the case it is
    /// written in and with a capital, as at the start of a sentence.
    fn common_passes(&self) -> usize {
        COMMON
            .split_whitespace()
            .map(|t| {
                let mut cap = t.to_string();
                if let Some(first) = cap.get_mut(..1) {
                    first.make_ascii_uppercase();
                }
                self.may_start(t.as_bytes(), 0, t.len(), true) as usize
                    + self.may_start(cap.as_bytes(), 0, cap.len(), false) as usize
            })
            .sum()
    }

    /// The bit of a hash in the filter of all (`lower` false) or of the
    /// lower-case ones.
    #[inline(always)]
    fn bit(hash: u64, lower: bool) -> usize {
        // Selects, not branches: `lower` is the text's case, which no
        // predictor guesses.
        let shift = if lower {
            64 - Filters::LOWER_BITS
        } else {
            64 - Filters::ALL_BITS
        };
        let base = if lower { 1 << Filters::ALL_BITS } else { 0 };
        (hash >> shift) as usize + base
    }

    fn insert(&mut self, key: u64, lower: bool) {
        let bit = Filters::bit(key.wrapping_mul(self.mul), lower);
        self.bits[bit >> 6 & (Filters::WORDS - 1)] |= 1 << (bit & 63);
    }

    /// Whether a list name may begin with the token `bytes[start..end]`,
    /// which is in lower case when `lower`: its key is in the filter, or
    /// its first eight bytes are not all ASCII (folding may make anything
    /// of them).
    #[inline(always)]
    fn may_start(&self, bytes: &[u8], start: usize, end: usize, lower: bool) -> bool {
        self.answer(short_key(bytes, start, end), lower)
    }

    /// The filters' answer for a token of first-pass key `key` (and
    /// whether its first eight bytes are ASCII).
    #[inline(always)]
    fn answer(&self, (key, ascii): (u64, bool), lower: bool) -> bool {
        let bit = Filters::bit(key.wrapping_mul(self.mul), lower);
        ((self.bits[bit >> 6 & (Filters::WORDS - 1)] >> (bit & 63)) & 1 != 0) | !ascii
    }
}

/// A Bloom filter with one hash function of the first two tokens of the
/// list names of more than one word: a first token's [`Key`] hash, and the
/// first-pass key ([`short_key`]) of a second token after a space.
#[derive(Clone, Debug)]
struct Pairs {
    bits: Vec<u64>,
}

impl Pairs {
    /// 2^19 bits (64 KiB) for some 30,000 pairs: about one pair in twenty
    /// that begins no list name gets through.
    const BITS: u32 = 19;

    fn new() -> Pairs {
        Pairs {
            bits: vec![0; 1 << (Pairs::BITS - 6)],
        }
    }

    #[inline(always)]
    fn bit(first: u64, second: u64) -> usize {
        ((first ^ second).wrapping_mul(HASH_K) >> (64 - Pairs::BITS)) as usize
    }

    fn insert(&mut self, first: u64, second: u64) {
        let bit = Pairs::bit(first, second);
        self.bits[bit >> 6] |= 1 << (bit & 63);
    }

    #[inline(always)]
    fn may_contain(&self, first: u64, second: u64) -> bool {
        let bit = Pairs::bit(first, second);
        (self.bits[bit >> 6] >> (bit & 63)) & 1 != 0
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
    /// The hash of the token's key, for [`Starts::may_follow`].
    pub(crate) hash: u64,
}

/// The information of one table slot, in 32 bits: the token's length
/// (0 for an empty slot), whether a name goes on after something other
/// than a space, whether a name that begins so has a form not written
/// with a capital, and the number of entry forms.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Info(u32);

impl Info {
    const OTHER: u32 = 1 << 6;
    const LOWER: u32 = 1 << 7;

    fn new(len: usize, start: &Start, lower: bool) -> Info {
        let count = start.forms.end - start.forms.start;
        let other = if start.more_after_other {
            Info::OTHER
        } else {
            0
        };
        let lower = if lower { Info::LOWER } else { 0 };
        Info(len as u32 | other | lower | count << 8)
    }

    fn len(self) -> usize {
        (self.0 & 31) as usize
    }

    fn start(self, forms: u32, state: StateID, after_space: u32, hash: u64) -> Start {
        Start {
            forms: forms..forms + (self.0 >> 8),
            after_space,
            more_after_other: self.0 & Info::OTHER != 0,
            state,
            len: self.len(),
            hash,
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
    /// A table of `entries`: a first token, what it starts, and whether a
    /// token in lower case can start it.
    fn new(entries: &[(Key, Start, bool)]) -> Table<N> {
        let empty = Slot {
            words: [0; N],
            forms: 0,
            info: Info::default(),
            state: StateID::ZERO,
            after_space: 0,
        };
        let mut slots = vec![empty; (entries.len() * 4 / 3 + 1).next_power_of_two()];
        let last = slots.len() - 1;
        for (key, start, lower) in entries {
            let mut at = key.hash as usize & last;
            while slots[at].info.len() != 0 {
                at = (at + 1) & last;
            }
            let mut words = [0; N];
            words.copy_from_slice(&key.words[..N]);
            slots[at] = Slot {
                words,
                forms: start.forms.start,
                info: Info::new(key.len, start, *lower),
                state: start.state,
                after_space: start.after_space,
            };
        }
        Table { slots }
    }

    /// What the token of `key` starts; `lower` when the token is in lower
    /// case, which only the names with a form not written with a capital
    /// can begin with.
    #[inline(always)]
    fn find(&self, key: &Key, lower: bool) -> Option<Start> {
        let last = self.slots.len() - 1;
        let mut at = key.hash as usize & last;
        loop {
            let slot = &self.slots[at];
            match slot.info.len() {
                0 => return None,
                len if len == key.len && slot.words[..] == key.words[..N] => {
                    if lower && slot.info.0 & Info::LOWER == 0 {
                        return None;
                    }
                    let (forms, state) = (slot.forms, slot.state);
                    return Some(slot.info.start(forms, state, slot.after_space, key.hash));
                }
                _ => at = (at + 1) & last,
            }
        }
    }
}

/// The ways the automaton's patterns can begin a text token: Bloom filters
/// of all, and tables of those of up to sixteen bytes.
#[derive(Clone, Debug)]
pub(crate) struct Starts {
    filters: Filters,
    pairs: Pairs,
    short: Table<1>,
    long: Table<2>,
}

impl Starts {
    /// The starts of `patterns` (folded; the entry forms of pattern `i` are
    /// `forms(i)`; those with `in_nfa[i]` are compiled into `nfa`, in
    /// order; those with `lower[i]` have a form not written with a
    /// capital): each prefix that ends where the tokenizer may end a token
    /// (at the pattern's end or next to a character that is not a letter
    /// or digit), up to the first space. The filters take every prefix
    /// whose first eight bytes are ASCII, the tables the ASCII ones of up
    /// to sixteen bytes. A pattern that is not in the automaton is one
    /// word, matched by the tables alone.
    pub(crate) fn new(
        patterns: &[String],
        in_nfa: &[bool],
        lower: &[bool],
        nfa: &NFA,
        forms: impl Fn(usize) -> Range<u32>,
    ) -> Starts {
        let mut first_keys = Vec::new();
        let mut pairs = Pairs::new();
        let mut entries: FxHashMap<([u64; 2], usize), (Key, Start, bool)> = FxHashMap::default();
        let word = |c: u8| c.is_ascii_alphanumeric() || c >= 0x80;
        let Ok(anchored) = nfa.start_state(Anchored::Yes) else {
            return Starts {
                filters: Filters::new(&[]),
                pairs,
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
                if !end {
                    continue;
                }
                if let (key, true) = short_key(b, 0, i) {
                    first_keys.push((key, lower[pid]));
                }
                if let Some(key) = Key::of(b, 0, i) {
                    if i <= TABLE_BYTES {
                        let (_, start, lower_start) =
                            entries.entry((key.words, key.len)).or_insert_with(|| {
                                let start = Start {
                                    forms: 0..0,
                                    after_space: 0,
                                    more_after_other: false,
                                    state: StateID::ZERO,
                                    len: key.len,
                                    hash: key.hash,
                                };
                                (key, start, false)
                            });
                        *lower_start |= lower[pid];
                        if in_nfa[pid] {
                            start.state = state;
                        }
                        match b.get(i) {
                            None => start.forms = forms(pid),
                            Some(b' ') => {
                                // Forms are trimmed: a byte follows the space.
                                let next = b.get(i + 1).map_or(0, |&c| 1 << (c & 31));
                                start.after_space |= next;
                                // This token and each way the next can be a
                                // text token.
                                let rest = &b[i + 1..];
                                let stop = rest.iter().position(|&c| c == b' ');
                                for e in 1..=stop.unwrap_or(rest.len()) {
                                    let end =
                                        e == rest.len() || !word(rest[e]) || !word(rest[e - 1]);
                                    if let (second, true) = short_key(rest, 0, e) {
                                        if end {
                                            pairs.insert(key.hash, second);
                                        }
                                    }
                                }
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
        let (short, long): (Vec<_>, Vec<_>) =
            entries.into_values().partition(|(k, _, _)| k.len <= 8);
        Starts {
            filters: Filters::new(&first_keys),
            pairs,
            short: Table::new(&short),
            long: Table::new(&long),
        }
    }

    /// Whether a list name may begin with the token `bytes[start..end]`,
    /// which is in lower case when `lower`: Bloom filters that turn most
    /// tokens away, with a false positive now and then.
    #[inline(always)]
    pub(crate) fn may_start(&self, bytes: &[u8], start: usize, end: usize, lower: bool) -> bool {
        self.filters.may_start(bytes, start, end, lower)
    }

    /// [`Starts::may_start`] for a token with eight bytes of text from its
    /// start on (`start + 8 <= bytes.len()`), a little faster.
    #[inline(always)]
    pub(crate) fn may_start_within(
        &self,
        bytes: &[u8],
        start: usize,
        end: usize,
        lower: bool,
    ) -> bool {
        self.filters
            .answer(short_key_within(bytes, start, end), lower)
    }

    /// Whether a list name that begins with the token of `first` may go on
    /// with a space and the token `bytes[start..end]`: a Bloom filter that
    /// turns most away before the automaton is walked.
    #[inline]
    pub(crate) fn may_follow(&self, first: &Start, bytes: &[u8], start: usize, end: usize) -> bool {
        let (second, ascii) = short_key(bytes, start, end);
        self.pairs.may_contain(first.hash, second) | !ascii
    }

    /// What the token of `key` opens; `lower` when the token is in lower
    /// case. A token too long for the tables opens a walk.
    #[inline(always)]
    pub(crate) fn find(&self, key: &Key, lower: bool) -> Opens {
        let found = match key.len {
            ..=8 => self.short.find(key, lower),
            9..=TABLE_BYTES => self.long.find(key, lower),
            _ => return Opens::Walk,
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
    fn the_filters_let_first_tokens_through_by_case() {
        // (pattern, whether it has a form not written with a capital)
        let lists = [
            ("chief executive", true),
            ("pres.", true),
            ("al-qaeda", true),
            ("undersecretary of state", true),
            ("ministere de la d\u{e9}fense", true),
            ("new delhi", false),
            ("internationalization agency", false),
        ];
        let patterns: Vec<String> = lists.iter().map(|(p, _)| p.to_string()).collect();
        let lower: Vec<bool> = lists.iter().map(|&(_, l)| l).collect();
        let nfa = NFA::new(&patterns).unwrap();
        let starts = Starts::new(&patterns, &vec![true; lists.len()], &lower, &nfa, |_| 0..0);
        let may = |s: &str, lower| starts.may_start(s.as_bytes(), 0, s.len(), lower);
        for t in [
            "chief",
            "pres",
            "pres.",
            "al",
            "al-",
            "undersecretary",
            "ministere",
            // Only the first eight bytes count: the tables say no.
            "undersecretaries",
            // Not ASCII: folding decides.
            "d\u{e9}fense",
        ] {
            assert!(may(t, true), "{t}");
            assert!(may(t, false), "{t}");
        }
        // Read from inside a text too.
        let text = "the pres. said";
        assert!(starts.may_start(text.as_bytes(), 4, 9, true));
        // A name written only with a capital begins no token in lower case.
        for t in ["New", "Internationalization"] {
            assert!(may(t, false), "{t}");
            assert!(!may(&t.to_lowercase(), true), "{t}");
        }
        // Most other words are turned away (a false positive is possible,
        // but not for these).
        for t in ["the", "minster", "presently", "alas", "said", "a", "mi"] {
            assert!(!may(t, true), "{t}");
            assert!(!may(t, false), "{t}");
        }
    }

    #[test]
    fn the_filters_hash_turns_common_tokens_away() {
        // Prefixes enough to fill the filter of all about as much as the
        // default lists do (45,000), none of them a common token.
        let keys: Vec<(u64, bool)> = (0..45_000)
            .map(|i| {
                let word = format!("zq{i}");
                (short_key(word.as_bytes(), 0, word.len()).0, i % 100 == 0)
            })
            .collect();
        let chosen = Filters::new(&keys);
        let each: Vec<usize> = MULTIPLIERS
            .iter()
            .map(|&mul| Filters::with(&keys, mul).common_passes())
            .collect();
        assert_eq!(chosen.common_passes(), *each.iter().min().unwrap());
        // With one hash, about one common token in seven would get through;
        // the best of eight lets fewer through than the first.
        assert!(chosen.common_passes() < each[0], "{each:?}");
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
        // "counter-terrorism" is written only with a capital.
        let lower = [true, true, true, true, false, true];
        let starts = Starts::new(&patterns, &in_nfa, &lower, &nfa, |i| {
            10 * i as u32..10 * i as u32 + 1
        });
        // The length is checked on its own.
        let at = |s: &str| {
            let found = starts.find(&Key::of(s.as_bytes(), 0, s.len()).unwrap(), false);
            match found {
                Opens::Start(start) => {
                    assert_eq!(start.len, s.len());
                    Opens::Start(Start {
                        len: 0,
                        hash: 0,
                        ..start
                    })
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
                hash: 0,
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
        let lower_case = |s: &str| starts.find(&Key::of(s.as_bytes(), 0, s.len()).unwrap(), true);
        assert_eq!(lower_case("counter"), Opens::Nothing);
        assert_ne!(lower_case("counterterrorism"), Opens::Nothing);
        assert_eq!(at("Internationalization"), Opens::Walk);
        let whole = start(20..21, 0, false, after("al-qaeda"));
        assert_eq!(at("al-qaeda"), whole);
        assert_eq!(at("Delhi"), Opens::Nothing);
        // The pairs filter knows which token can follow after a space.
        let follows = |first: &str, second: &str| {
            let Opens::Start(start) =
                starts.find(&Key::of(first.as_bytes(), 0, first.len()).unwrap(), false)
            else {
                panic!("{first} starts nothing");
            };
            starts.may_follow(&start, second.as_bytes(), 0, second.len())
        };
        assert!(follows("New", "Delhi"));
        assert!(follows("new", "DELHI"));
        assert!(follows("Counterterrorism", "Center"));
        // Not ASCII: folding decides.
        assert!(follows("New", "D\u{e9}lhi"));
        assert!(!follows("New", "York"));
        assert!(!follows("New", "Zealand"));
        assert!(!follows("Counterterrorism", "Delhi"));
        assert_eq!(at("qaeda"), Opens::Nothing);
    }
}
