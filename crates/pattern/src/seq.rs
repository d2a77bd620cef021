//! The input that patterns run over: tokens plus labelled annotations.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use tidings_tokenize::{Shape, Token};

use crate::lit::hash_str;
use crate::parse::shape_bit;

/// One token as the matcher sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tok<'a> {
    /// The token's text, as in the input.
    pub text: &'a str,
    /// The lower-cased text; literals and `lower=` compare against this.
    /// Borrowed from `text` when that is already lower case (most words),
    /// so building a sequence allocates only for capitalised words.
    pub lower: Cow<'a, str>,
    /// The orthographic shape.
    pub shape: Shape,
    /// Whether the token is an abbreviation or initial ending in a full stop.
    pub abbrev: bool,
    /// Whether whitespace separates it from the previous token.
    pub space_before: bool,
}

impl<'a> Tok<'a> {
    /// A token, with `lower` filled from `text`.
    pub fn new(text: &'a str, shape: Shape, abbrev: bool, space_before: bool) -> Tok<'a> {
        Tok {
            text,
            lower: if text.chars().any(char::is_uppercase) {
                Cow::Owned(text.to_lowercase())
            } else {
                Cow::Borrowed(text)
            },
            shape,
            abbrev,
            space_before,
        }
    }

    /// A token from a [`tidings_tokenize::Token`] of `text`.
    ///
    /// Returns `None` when the token's span does not lie inside `text`.
    pub fn from_token(text: &'a str, token: &Token) -> Option<Tok<'a>> {
        let word = text.get(token.span.start..token.span.end)?;
        Some(Tok::new(
            word,
            token.shape,
            token.abbrev,
            token.space_before,
        ))
    }
}

/// A labelled run of tokens, e.g. a gazetteer hit, an entity mention or a timex.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Annotation {
    /// The label, namespaced by convention: `gaz:TITLE`, `ent:PERSON`, `date`.
    pub label: String,
    /// Token indices into [`Sequence::tokens`]; must be non-empty to be seen.
    pub tokens: Range<usize>,
    /// The caller's payload index (which gazetteer match, mention or timex).
    pub id: usize,
}

impl Annotation {
    /// An annotation.
    pub fn new(label: impl Into<String>, tokens: Range<usize>, id: usize) -> Annotation {
        Annotation {
            label: label.into(),
            tokens,
            id,
        }
    }
}

/// One sentence (or any token run) prepared for matching.
///
/// The index that makes `@label`, `<label>` and literal tests cheap (the
/// annotations per token, and a hash of each token's `lower` form) is built
/// the first time a pattern runs over the sequence and then reused by every
/// other pattern. If the public fields are changed afterwards (annotations,
/// or the tokens and their forms), call [`Sequence::reindex`]; as a safety
/// net a change in the number of tokens or annotations is noticed and a
/// fresh index is built for that call.
#[derive(Clone, Debug, Default)]
pub struct Sequence<'a> {
    /// The tokens, in order.
    pub tokens: Vec<Tok<'a>>,
    /// The annotations, in any order. Ranges reaching past the last token are
    /// clipped; empty ones are ignored.
    pub annotations: Vec<Annotation>,
    index: OnceLock<AnnIndex>,
}

impl<'a> Sequence<'a> {
    /// A sequence of tokens with annotations.
    pub fn new(tokens: Vec<Tok<'a>>, annotations: Vec<Annotation>) -> Sequence<'a> {
        Sequence {
            tokens,
            annotations,
            index: OnceLock::new(),
        }
    }

    /// A sequence of the tokenizer's tokens `tokens` of `text`, with no
    /// annotations. Pass one sentence's slice,
    /// `&doc.tokens()[sentence.tokens.clone()]`; annotation token indices are
    /// then relative to the sentence's first token. Tokens whose spans fall
    /// outside `text` are skipped.
    pub fn from_tokens(text: &'a str, tokens: &[Token]) -> Sequence<'a> {
        let toks = tokens
            .iter()
            .filter_map(|t| Tok::from_token(text, t))
            .collect();
        Sequence::new(toks, Vec::new())
    }

    /// A sequence built from whitespace-separated words, with shapes from
    /// [`tidings_tokenize::shape`] — handy in tests and examples.
    pub fn from_words(text: &'a str) -> Sequence<'a> {
        let toks = text
            .split_whitespace()
            .map(|w| Tok::new(w, tidings_tokenize::shape(w), false, true))
            .collect();
        Sequence::new(toks, Vec::new())
    }

    /// Adds an annotation (builder style).
    pub fn with(mut self, label: impl Into<String>, tokens: Range<usize>, id: usize) -> Self {
        self.push_annotation(Annotation::new(label, tokens, id));
        self
    }

    /// Adds an annotation.
    pub fn push_annotation(&mut self, annotation: Annotation) {
        self.annotations.push(annotation);
        self.reindex();
    }

    /// Drops the cached annotation index; call after editing the public fields.
    pub fn reindex(&mut self) {
        self.index = OnceLock::new();
    }

    /// The number of tokens.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Whether there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    pub(crate) fn index(&self) -> Cow<'_, AnnIndex> {
        let idx = self.index.get_or_init(|| AnnIndex::build(self));
        if idx.n_tokens == self.tokens.len() && idx.n_annotations == self.annotations.len() {
            Cow::Borrowed(idx)
        } else {
            // The fields were edited after indexing: do not trust the cache.
            Cow::Owned(AnnIndex::build(self))
        }
    }
}

/// One list of annotation indices per token, stored flat.
#[derive(Clone, Debug, Default)]
pub(crate) struct Lists {
    /// The list of token `i` is `items[offsets[i]..offsets[i + 1]]`.
    offsets: Vec<u32>,
    items: Vec<u32>,
}

impl Lists {
    /// The list of token `i` (empty past the end).
    #[inline]
    pub fn get(&self, i: usize) -> &[u32] {
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.items[a as usize..b as usize],
            _ => &[],
        }
    }

    /// Lists over `n` tokens where annotation `a` (in `ranges` order) is in
    /// the list of every token of `tokens(a)`, in annotation order.
    fn build(
        n: usize,
        ranges: &[Range<usize>],
        tokens: impl Fn(&Range<usize>) -> Range<usize>,
    ) -> Lists {
        let mut offsets = vec![0u32; n + 1];
        for r in ranges {
            for i in tokens(r) {
                offsets[i + 1] += 1;
            }
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        let mut fill: Vec<u32> = offsets[..n].to_vec();
        let mut items = vec![0u32; offsets[n] as usize];
        for (a, r) in ranges.iter().enumerate() {
            for i in tokens(r) {
                // `ranges` holds at most `u32::MAX` annotations (see `build`).
                items[fill[i] as usize] = a as u32;
                fill[i] += 1;
            }
        }
        Lists { offsets, items }
    }
}

/// Per-token lists of annotation indices, built once per sequence.
#[derive(Clone, Debug, Default)]
pub(crate) struct AnnIndex {
    n_tokens: usize,
    n_annotations: usize,
    /// Annotations covering token `i`.
    pub covering: Lists,
    /// Annotations starting at token `i`, longest first (then input order).
    pub starting: Lists,
    /// Annotations ending at token `i` (whose last token is `i`).
    pub ending: Lists,
    /// The clipped token range of each annotation (empty when unusable).
    pub ranges: Vec<Range<usize>>,
    /// [`hash_str`] of each token's `lower`, for the literal tests.
    pub lower_hash: Vec<u64>,
    /// The class of each token for the first-set prefilter: its
    /// [`shape_bit`], and [`AnnIndex::ANNOTATED`] when an annotation covers it.
    pub classes: Vec<u8>,
}

impl AnnIndex {
    /// The bit of [`AnnIndex::classes`] that says an annotation covers the token.
    pub const ANNOTATED: u8 = 0x80;

    fn build(seq: &Sequence<'_>) -> AnnIndex {
        let n = seq.tokens.len();
        let mut ranges: Vec<Range<usize>> = Vec::with_capacity(seq.annotations.len());
        for ann in &seq.annotations {
            let end = ann.tokens.end.min(n);
            let start = ann.tokens.start.min(end);
            ranges.push(start..end);
        }
        // u32 keeps the lists small; a sequence with 4 billion annotations
        // is not a sentence. Annotations past that are not indexed.
        let indexed = &ranges[..ranges.len().min(u32::MAX as usize)];
        let covering = Lists::build(n, indexed, Range::clone);
        let mut starting = Lists::build(n, indexed, |r| {
            if r.is_empty() {
                0..0
            } else {
                r.start..r.start + 1
            }
        });
        let ending = Lists::build(n, indexed, |r| {
            if r.is_empty() {
                0..0
            } else {
                r.end - 1..r.end
            }
        });
        for i in 0..n {
            let (a, b) = (
                starting.offsets[i] as usize,
                starting.offsets[i + 1] as usize,
            );
            // Stable sort keeps input order among equally long annotations.
            starting.items[a..b].sort_by_key(|&x| std::cmp::Reverse(ranges[x as usize].len()));
        }
        let classes = (seq.tokens.iter().enumerate())
            .map(|(i, t)| {
                let annotated = !covering.get(i).is_empty();
                shape_bit(t.shape) | if annotated { AnnIndex::ANNOTATED } else { 0 }
            })
            .collect();
        AnnIndex {
            n_tokens: n,
            n_annotations: seq.annotations.len(),
            covering,
            starting,
            ending,
            ranges,
            lower_hash: seq.tokens.iter().map(|t| hash_str(&t.lower)).collect(),
            classes,
        }
    }
}
