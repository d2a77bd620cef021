//! Compiling the AST to a small program, and the backtracking matcher.
//!
//! The matcher is a bounded backtracker in the style of RE2's: every
//! (instruction, token position) pair is explored at most once per search.
//! That is what keeps pathological patterns such as `([]*)*` linear in
//! (program size × sentence length) instead of exponential, and it is exact:
//! the first path to reach a pair has the highest priority, and every match
//! reachable from that pair has already been seen from it. A step budget
//! backs this up for lookbehind, which searches once per earlier position.
//!
//! Speed comes from four things:
//!
//! - A prefilter: the *first set* of the pattern (the token tests and
//!   annotation labels that can consume the first token of a match) is
//!   computed at compile time, and start positions where none of them holds
//!   are skipped without entering the backtracker.
//! - Memoisation: every distinct token test of a pattern (a `[constraint]`,
//!   literal or regex; copies made by unrolling `{m,n}` share one) is
//!   evaluated at most once per token per call, and every distinct label
//!   once per annotation.
//! - Regexes that are plain alternations of literals (`/met|meets|meet/`)
//!   are matched by lookup in a string set instead of by the regex engine,
//!   and the parts of an `&` / `|` constraint are tried cheapest first.
//! - The search buffers live in a per-thread pool, so a call allocates
//!   nothing but its results.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use regex::Regex;

use crate::lit::{hash_str, literal_set, LitSet};
use crate::parse::{self, shape_bit, Cons, LabelMatch, Node, PatternError};
use crate::seq::{AnnIndex, Lists, Sequence};

/// Programs bigger than this are refused ("pattern too large"); unrolled
/// counted repetitions are the only way to get near it.
const MAX_INSTS: usize = 2_000;
/// Steps one match attempt may take, lookaround searches included, before it
/// gives up and reports no match rather than hang.
const STEP_BUDGET: u64 = 200_000;

#[derive(Clone, Debug)]
enum Inst {
    /// One token passing test `tests[i]`.
    Tok(usize),
    /// One annotation whose label passes `labels[i]`.
    Ann(usize),
    /// Try the first target, then the second.
    Split(usize, usize),
    Jmp(usize),
    CapStart(usize),
    CapEnd(usize),
    Bol,
    Eol,
    Look {
        prog: usize,
        ahead: bool,
        negate: bool,
    },
    Match,
}

/// A compiled one-token test: a [`Cons`] with labels interned, regexes
/// that are finite string sets replaced by the set, and the parts of `&`
/// and `|` ordered cheapest first.
#[derive(Clone, Debug)]
enum Test {
    Any,
    Text(Box<str>),
    TextSet(LitSet),
    TextRe(Regex),
    /// A lower-case form and its [`hash_str`].
    Lower(Box<str>, u64),
    LowerSet(LitSet),
    LowerRe(Regex),
    /// Bit set over [`shape_bit`].
    Shape(u8),
    Abbrev,
    Space,
    NoSpace,
    /// Inside an annotation whose label passes `labels[i]`.
    In(usize),
    Starts(usize),
    Ends(usize),
    Not(Box<Test>),
    And(Vec<Test>),
    Or(Vec<Test>),
}

/// A cheap necessary condition for a token to be consumed by a test: one
/// of some shapes, and maybe inside an annotation. [`AnnIndex::classes`]
/// holds each token's [`shape_bit`] and [`AnnIndex::ANNOTATED`], so a
/// gate is two bit tests a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Gate {
    /// The [`shape_bit`]s the token may have.
    shapes: u8,
    /// Whether the token has to be inside an annotation.
    annotated: bool,
}

impl Gate {
    /// Every token passes.
    const ANY: Gate = Gate {
        shapes: 0x7f,
        annotated: false,
    };
    /// No token passes (the start of a union).
    const NONE: Gate = Gate {
        shapes: 0,
        annotated: true,
    };
    /// Tokens inside an annotation.
    const ANNOTATED: Gate = Gate {
        shapes: 0x7f,
        annotated: true,
    };

    /// Both gates hold.
    fn and(self, other: Gate) -> Gate {
        Gate {
            shapes: self.shapes & other.shapes,
            annotated: self.annotated | other.annotated,
        }
    }

    /// Either gate holds.
    fn or(self, other: Gate) -> Gate {
        Gate {
            shapes: self.shapes | other.shapes,
            annotated: self.annotated & other.annotated,
        }
    }

    /// Whether a token of class `class` (see [`AnnIndex::classes`]) passes.
    #[inline(always)]
    fn passes(self, class: u8) -> bool {
        let need = if self.annotated {
            AnnIndex::ANNOTATED
        } else {
            0
        };
        (class & self.shapes != 0) & (class & need == need)
    }
}

/// At most this many must-steps are checked per call.
const MAX_MUST: usize = 3;

impl Test {
    /// Whether the test can only hold for tokens with one of a few given
    /// forms: a literal or literal set, alone or as part of an `&`.
    fn literal_core(&self) -> bool {
        match self {
            Test::Text(_) | Test::TextSet(_) | Test::Lower(..) | Test::LowerSet(_) => true,
            Test::And(v) => v.iter().any(Test::literal_core),
            Test::Or(v) => v.iter().all(Test::literal_core),
            _ => false,
        }
    }

    /// What a token must be for the test to hold, as a [`Gate`]: only
    /// `shape=` narrows the shapes, and only an annotation test asks for
    /// an annotation (a sequence's tokens carry whatever shape their maker
    /// gave them, so a literal says nothing of its token's shape).
    fn gate(&self) -> Gate {
        match self {
            Test::Shape(bits) => Gate {
                shapes: *bits,
                annotated: false,
            },
            Test::In(_) | Test::Starts(_) | Test::Ends(_) => Gate::ANNOTATED,
            Test::And(v) => v.iter().fold(Gate::ANY, |g, t| g.and(t.gate())),
            Test::Or(v) => v.iter().fold(Gate::NONE, |g, t| g.or(t.gate())),
            _ => Gate::ANY,
        }
    }

    /// A rough cost of evaluating the test once.
    fn cost(&self) -> u32 {
        match self {
            Test::Any | Test::Shape(_) | Test::Abbrev | Test::Space | Test::NoSpace => 1,
            Test::Text(_) | Test::Lower(..) => 2,
            Test::TextSet(_) | Test::LowerSet(_) => 4,
            Test::In(_) | Test::Starts(_) | Test::Ends(_) => 5,
            Test::TextRe(_) | Test::LowerRe(_) => 30,
            Test::Not(t) => t.cost(),
            Test::And(v) | Test::Or(v) => v.iter().map(Test::cost).sum(),
        }
    }
}

/// A test in the pattern's table.
#[derive(Clone, Debug)]
struct TestEntry {
    test: Test,
    /// Whether results are worth remembering (cheap tests are recomputed).
    memo: bool,
    /// Whether the test is `[]`, true everywhere.
    any: bool,
}

/// Something that can consume the first token of a match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum First {
    Tok(usize),
    Ann(usize),
}

/// A compiled pattern, ready to run over any [`Sequence`].
///
/// Cheap to clone (the program is shared), `Send` and `Sync`.
#[derive(Clone)]
pub struct Pattern {
    inner: Arc<Inner>,
}

struct Inner {
    src: String,
    /// `progs[0]` is the pattern; the others are lookaround bodies.
    progs: Vec<Vec<Inst>>,
    slot_names: Vec<Arc<str>>,
    /// Whether the capture in this slot is exactly one `<label>` element.
    slot_ann: Vec<bool>,
    /// The most tokens each program can consume (`None`: unbounded); bounds
    /// how far back a lookbehind has to start.
    max_width: Vec<Option<usize>>,
    /// The distinct token tests, indexed by [`Inst::Tok`].
    tests: Vec<TestEntry>,
    /// The distinct label matchers, indexed by [`Inst::Ann`] and [`Test::In`]
    /// and friends.
    labels: Vec<LabelMatch>,
    /// What can consume the first token of a match; `None` when anything
    /// can (a leading `[]`), so every position has to be tried.
    first: Option<FirstFilter>,
    /// Steps every match passes at some token at or after its start (see
    /// [`Compiler::must`]); a start past the last token where one of them
    /// holds has no match.
    must: Vec<First>,
}

/// The prefilter built from a pattern's first set.
struct FirstFilter {
    /// The lower-case forms of the first-set tests that are plain literals
    /// or literal sets, merged into one set: one probe per token.
    lits: Option<LitSet>,
    /// The rest of the first set.
    rest: Vec<First>,
    /// What a token must be for a step of `rest` to hold: with the
    /// literals' Bloom filter, a start whose token passes neither is
    /// stepped over without a test (most tokens of news are lower case
    /// and outside any annotation, while most name rules begin with a
    /// capital, most relation rules with an entity and most event rules
    /// with one of a few words).
    gate: Gate,
}

impl FirstFilter {
    fn new(first: Vec<First>, tests: &[TestEntry]) -> FirstFilter {
        let mut words = Vec::new();
        let mut rest = Vec::new();
        for f in first {
            match f {
                First::Tok(t) => match &tests[t].test {
                    Test::Lower(s, _) => words.push(s.to_string()),
                    Test::LowerSet(set) => words.extend(set.words().iter().map(|w| w.to_string())),
                    _ => rest.push(f),
                },
                First::Ann(_) => rest.push(f),
            }
        }
        // Cheap tests first; annotations last.
        rest.sort_by_key(|f| match *f {
            First::Tok(t) => u64::from(tests[t].test.cost()),
            First::Ann(_) => u64::MAX,
        });
        let gate = rest.iter().fold(Gate::NONE, |g, f| {
            g.or(match *f {
                First::Tok(t) => tests[t].test.gate(),
                First::Ann(_) => Gate::ANNOTATED,
            })
        });
        FirstFilter {
            lits: (!words.is_empty()).then(|| LitSet::new(words)),
            rest,
            gate,
        }
    }

    /// A cheap necessary condition for a match to start at a token of
    /// class `class` (see [`AnnIndex::classes`]) whose `lower` has hash
    /// `hash`.
    #[inline(always)]
    fn may_pass(&self, class: u8, hash: u64) -> bool {
        self.lits
            .as_ref()
            .is_some_and(|l| l.may_contain_hashed(hash))
            | self.gate.passes(class)
    }
}

impl fmt::Debug for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Pattern").field(&self.inner.src).finish()
    }
}

impl fmt::Display for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.inner.src)
    }
}

impl std::str::FromStr for Pattern {
    type Err = PatternError;
    fn from_str(s: &str) -> Result<Pattern, PatternError> {
        Pattern::parse(s)
    }
}

/// A named capture of a match.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Capture {
    /// The capture's name, the `role` of `(?<role> ...)`.
    pub name: Arc<str>,
    /// The tokens it covers (may be empty, e.g. for `(?<x>"a"?)`).
    pub tokens: Range<usize>,
    /// When the capture is exactly one `<label>` element: the matched
    /// [`Annotation::id`](crate::Annotation::id).
    pub annotation: Option<usize>,
}

/// One match of a pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    /// The tokens matched (never empty).
    pub tokens: Range<usize>,
    /// Every capture, ordered by start (outer before inner at the same
    /// start); a capture inside a repetition appears once per repetition.
    pub captures: Vec<Capture>,
}

impl Match {
    /// The first capture called `name`.
    pub fn get(&self, name: &str) -> Option<&Capture> {
        self.captures.iter().find(|c| &*c.name == name)
    }

    /// Every capture called `name`, in order.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Capture> + 'a {
        self.captures.iter().filter(move |c| &*c.name == name)
    }
}

impl Pattern {
    /// Parses and compiles a pattern (see the crate docs for the syntax).
    pub fn parse(src: &str) -> Result<Pattern, PatternError> {
        let parsed = parse::parse(src)?;
        let mut slot_ann = vec![false; parsed.slot_names.len()];
        mark_ann_slots(&parsed.node, &mut slot_ann);
        let mut c = Compiler {
            progs: vec![Vec::new()],
            max_width: vec![max_width(&parsed.node)],
            tests: Vec::new(),
            test_ids: HashMap::new(),
            labels: Vec::new(),
            label_ids: HashMap::new(),
        };
        let main = c.prog(&parsed.node)?;
        c.progs[0] = main;
        let first = first_set(&c.progs[0], &c.tests).map(|f| FirstFilter::new(f, &c.tests));
        let mut must = c.must(&parsed.node);
        // Only steps likely to be rare are worth a scan of the sequence:
        // annotations and tests that require a literal.
        must.retain(|f| match *f {
            First::Tok(t) => c.tests[t].test.literal_core(),
            First::Ann(_) => true,
        });
        must.truncate(MAX_MUST);
        Ok(Pattern {
            inner: Arc::new(Inner {
                src: src.to_string(),
                progs: c.progs,
                slot_names: parsed.slot_names,
                slot_ann,
                max_width: c.max_width,
                tests: c.tests,
                labels: c.labels,
                first,
                must,
            }),
        })
    }

    /// The source text the pattern was parsed from.
    pub fn as_str(&self) -> &str {
        &self.inner.src
    }

    /// The distinct capture names, in order of first appearance.
    pub fn capture_names(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for n in &self.inner.slot_names {
            if !out.contains(&&**n) {
                out.push(n);
            }
        }
        out
    }

    /// All non-overlapping matches: scanning left to right, at each start the
    /// longest match is taken and scanning resumes after it.
    pub fn find_iter(&self, seq: &Sequence<'_>) -> Vec<Match> {
        let mut out = Vec::new();
        self.scan(seq, |m| {
            let end = m.tokens.end;
            out.push(m);
            Some(end)
        });
        out
    }

    /// The longest match starting at each token position, possibly
    /// overlapping, in order of start.
    pub fn find_all(&self, seq: &Sequence<'_>) -> Vec<Match> {
        let mut out = Vec::new();
        self.scan(seq, |m| {
            let next = m.tokens.start + 1;
            out.push(m);
            Some(next)
        });
        out
    }

    /// The longest match starting exactly at token `start`, if any.
    pub fn match_at(&self, seq: &Sequence<'_>, start: usize) -> Option<Match> {
        if start >= seq.tokens.len() {
            return None;
        }
        let idx = seq.index();
        with_scratch(&self.inner, seq, |scratch| {
            let env = Env {
                pat: &self.inner,
                seq,
                idx: &idx,
            };
            if !self.may_start(&env, start, scratch) {
                return None;
            }
            self.run(&env, start, scratch)
        })
    }

    /// Whether the pattern matches anywhere in the sequence.
    pub fn is_match(&self, seq: &Sequence<'_>) -> bool {
        let mut found = false;
        self.scan(seq, |_| {
            found = true;
            None
        });
        found
    }

    /// Finds the longest match at each start from the left, skipping starts
    /// the prefilters rule out, and hands it to `found`, which says where to
    /// go on (`None`: stop).
    fn scan(&self, seq: &Sequence<'_>, mut found: impl FnMut(Match) -> Option<usize>) {
        let n = seq.tokens.len();
        if n == 0 {
            return;
        }
        let idx = seq.index();
        with_scratch(&self.inner, seq, |scratch| {
            let env = Env {
                pat: &self.inner,
                seq,
                idx: &idx,
            };
            // Computed at the first start that passes the first-set test, so
            // a sequence where no start does never pays for it.
            let mut limit: Option<Option<usize>> = None;
            let mut pos = 0;
            while pos < n {
                if let Some(first) = &self.inner.first {
                    // Past the tokens no first step can take.
                    match (pos..n).find(|&i| first.may_pass(idx.classes[i], idx.lower_hash[i])) {
                        Some(next) => pos = next,
                        None => return,
                    }
                }
                if !self.may_start(&env, pos, scratch) {
                    pos += 1;
                    continue;
                }
                let last = *limit.get_or_insert_with(|| self.limit(&env, scratch));
                if last.is_none_or(|l| pos > l) {
                    return;
                }
                match self.run(&env, pos, scratch) {
                    Some(m) => match found(m) {
                        Some(next) => pos = next,
                        None => return,
                    },
                    None => pos += 1,
                }
            }
        });
    }

    /// The first-set prefilter: a match has to consume its first token with
    /// one of the first-set steps, so where none holds there is no match.
    #[inline]
    fn may_start(&self, env: &Env<'_, '_, '_>, start: usize, scratch: &mut Scratch) -> bool {
        let Some(first) = &self.inner.first else {
            return true;
        };
        let memo = &mut scratch.memo;
        first.lits.as_ref().is_some_and(|lits| {
            lits.contains_hashed(&env.seq.tokens[start].lower, env.idx.lower_hash[start])
        }) || first.rest.iter().any(|f| match *f {
            First::Tok(t) => env.tok(t, start, memo),
            First::Ann(l) => env.any_label(&env.idx.starting, start, l, memo),
        })
    }

    /// The last start position that may have a match, from the steps every
    /// match must pass (`None`: no position may).
    fn limit(&self, env: &Env<'_, '_, '_>, scratch: &mut Scratch) -> Option<usize> {
        let (seq, idx) = (env.seq, env.idx);
        let n = seq.tokens.len();
        let mut limit = n.checked_sub(1)?;
        for f in &self.inner.must {
            // The last token where the step can hold; the match has to start
            // at or before it. (It may lie past the limit set by another
            // step, so every step looks at the whole sequence.)
            let last = match *f {
                First::Tok(t) => {
                    let gate = self.inner.tests[t].test.gate();
                    (0..n).rev().find(|&i| {
                        gate.passes(idx.classes[i]) && env.tok(t, i, &mut scratch.memo)
                    })?
                }
                First::Ann(l) => (0..seq.annotations.len())
                    .filter(|&a| {
                        let r = &idx.ranges[a];
                        r.start < r.end && env.label_ok(l, a, &mut scratch.memo)
                    })
                    .map(|a| idx.ranges[a].start)
                    .max()?,
            };
            limit = limit.min(last);
        }
        Some(limit)
    }

    /// The longest match starting at `start`, by a full search.
    fn run(&self, env: &Env<'_, '_, '_>, start: usize, scratch: &mut Scratch) -> Option<Match> {
        let seq = env.seq;
        scratch.steps = 0;
        scratch.exhausted = false;
        let (end, mut caps) = env.search(0, start..start + 1, None, true, scratch)?;
        if end <= start {
            // Matches must cover at least one token.
            return None;
        }
        caps.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
        Some(Match {
            tokens: start..end,
            captures: caps
                .into_iter()
                .map(|c| Capture {
                    name: self.inner.slot_names[c.slot].clone(),
                    tokens: c.start..c.end,
                    annotation: c.ann.and_then(|a| seq.annotations.get(a).map(|a| a.id)),
                })
                .collect(),
        })
    }
}

/// The first set of program `insts`: the `Tok` and `Ann` steps reachable
/// from the start through zero-width steps only. `None` when one of them is
/// `[]`, which holds everywhere.
///
/// A match covers at least one token, and that token is consumed by one of
/// these steps at the start position, so a start where none of them holds
/// has no match. Lookaround and `^` only restrict further, so they are
/// stepped over; after `$` nothing can be consumed (a match never starts at
/// the end), and reaching `Match` without consuming is an empty match,
/// which does not count.
fn first_set(insts: &[Inst], tests: &[TestEntry]) -> Option<Vec<First>> {
    let mut seen = vec![false; insts.len()];
    let mut todo = vec![0];
    let mut out = Vec::new();
    while let Some(pc) = todo.pop() {
        if pc >= insts.len() || std::mem::replace(&mut seen[pc], true) {
            continue;
        }
        let f = match &insts[pc] {
            Inst::Tok(t) => {
                if tests[*t].any {
                    return None;
                }
                First::Tok(*t)
            }
            Inst::Ann(l) => First::Ann(*l),
            Inst::Split(a, b) => {
                todo.push(*b);
                todo.push(*a);
                continue;
            }
            Inst::Jmp(a) => {
                todo.push(*a);
                continue;
            }
            Inst::CapStart(_) | Inst::CapEnd(_) | Inst::Bol | Inst::Look { .. } => {
                todo.push(pc + 1);
                continue;
            }
            Inst::Eol | Inst::Match => continue,
        };
        if !out.contains(&f) {
            out.push(f);
        }
    }
    Some(out)
}

fn mark_ann_slots(node: &Node, slot_ann: &mut [bool]) {
    match node {
        Node::Cap { slot, node } => {
            if matches!(**node, Node::Ann(_)) {
                slot_ann[*slot] = true;
            }
            mark_ann_slots(node, slot_ann);
        }
        Node::Seq(v) | Node::Alt(v) => v.iter().for_each(|n| mark_ann_slots(n, slot_ann)),
        Node::Rep { node, .. } | Node::Look { node, .. } => mark_ann_slots(node, slot_ann),
        Node::Tok(_) | Node::Ann(_) | Node::Bol | Node::Eol => {}
    }
}

struct Compiler {
    progs: Vec<Vec<Inst>>,
    max_width: Vec<Option<usize>>,
    tests: Vec<TestEntry>,
    /// Tests by their `Debug` form, so equal constraints share an entry.
    test_ids: HashMap<String, usize>,
    labels: Vec<LabelMatch>,
    label_ids: HashMap<(bool, String), usize>,
}

/// The most tokens `node` can consume, `None` when unbounded (annotations
/// count as unbounded: their length is only known at match time).
fn max_width(node: &Node) -> Option<usize> {
    match node {
        Node::Tok(_) => Some(1),
        Node::Ann(_) => None,
        Node::Bol | Node::Eol | Node::Look { .. } => Some(0),
        Node::Cap { node, .. } => max_width(node),
        Node::Seq(v) => v
            .iter()
            .try_fold(0usize, |acc, n| Some(acc.saturating_add(max_width(n)?))),
        Node::Alt(v) => v
            .iter()
            .try_fold(0usize, |acc, n| Some(acc.max(max_width(n)?))),
        Node::Rep { node, max, .. } => match (max_width(node)?, max) {
            (0, _) => Some(0),
            (w, Some(m)) => Some(w.saturating_mul(*m as usize)),
            (_, None) => None,
        },
    }
}

/// The literal strings a `/regex/` (compiled as `^(?:body)$`) matches, if
/// it is a plain alternation of literals.
fn regex_set(re: &Regex) -> Option<LitSet> {
    let body = re.as_str().strip_prefix("^(?:")?.strip_suffix(")$")?;
    literal_set(body).map(LitSet::new)
}

impl Compiler {
    /// Steps that every match of `node` passes: `Tok` tests that hold at
    /// one of its tokens and `Ann` labels of an annotation that starts at one
    /// of them (so at or after the start of the match). Only the consuming
    /// path counts: lookaround may look before the start. Call after `emit`,
    /// which assigns the ids.
    fn must(&mut self, node: &Node) -> Vec<First> {
        match node {
            Node::Tok(c) => vec![First::Tok(self.test_id(c))],
            Node::Ann(l) => vec![First::Ann(self.label_id(l))],
            Node::Seq(v) => {
                let mut out: Vec<First> = Vec::new();
                for n in v {
                    for f in self.must(n) {
                        if !out.contains(&f) {
                            out.push(f);
                        }
                    }
                }
                out
            }
            Node::Alt(v) => {
                let mut it = v.iter();
                let Some(first) = it.next() else {
                    return Vec::new();
                };
                let mut out = self.must(first);
                for n in it {
                    let m = self.must(n);
                    out.retain(|f| m.contains(f));
                }
                out
            }
            Node::Rep { node, min, .. } if *min >= 1 => self.must(node),
            Node::Cap { node, .. } => self.must(node),
            Node::Rep { .. } | Node::Bol | Node::Eol | Node::Look { .. } => Vec::new(),
        }
    }

    fn label_id(&mut self, l: &LabelMatch) -> usize {
        let key = match l {
            LabelMatch::Exact(s) => (false, s.clone()),
            LabelMatch::Prefix(s) => (true, s.clone()),
        };
        if let Some(&id) = self.label_ids.get(&key) {
            return id;
        }
        self.labels.push(l.clone());
        self.label_ids.insert(key, self.labels.len() - 1);
        self.labels.len() - 1
    }

    fn test(&mut self, c: &Cons) -> Test {
        match c {
            Cons::Any => Test::Any,
            Cons::Text(s) => Test::Text(s.as_str().into()),
            Cons::TextRe(re) => {
                regex_set(re).map_or_else(|| Test::TextRe(re.clone()), Test::TextSet)
            }
            Cons::Lower(s) => Test::Lower(s.as_str().into(), hash_str(s)),
            Cons::LowerRe(re) => {
                regex_set(re).map_or_else(|| Test::LowerRe(re.clone()), Test::LowerSet)
            }
            Cons::Shape(b) => Test::Shape(*b),
            Cons::Abbrev => Test::Abbrev,
            Cons::Space => Test::Space,
            Cons::NoSpace => Test::NoSpace,
            Cons::In(l) => Test::In(self.label_id(l)),
            Cons::Starts(l) => Test::Starts(self.label_id(l)),
            Cons::Ends(l) => Test::Ends(self.label_id(l)),
            Cons::Not(c) => Test::Not(Box::new(self.test(c))),
            // The parts have no side effects, so their order is free:
            // cheapest first (stable, so equal costs keep source order).
            Cons::And(v) => {
                let mut v: Vec<Test> = v.iter().map(|c| self.test(c)).collect();
                v.sort_by_key(Test::cost);
                Test::And(v)
            }
            Cons::Or(v) => {
                let mut v: Vec<Test> = v.iter().map(|c| self.test(c)).collect();
                v.sort_by_key(Test::cost);
                Test::Or(v)
            }
        }
    }

    fn test_id(&mut self, c: &Cons) -> usize {
        // `Regex`'s `Debug` shows its source, so equal forms are equal tests.
        let key = format!("{c:?}");
        if let Some(&id) = self.test_ids.get(&key) {
            return id;
        }
        let test = self.test(c);
        let memo = test.cost() >= 4;
        let any = matches!(test, Test::Any);
        self.tests.push(TestEntry { test, memo, any });
        self.test_ids.insert(key, self.tests.len() - 1);
        self.tests.len() - 1
    }

    fn prog(&mut self, node: &Node) -> Result<Vec<Inst>, PatternError> {
        let mut insts = Vec::new();
        self.emit(node, &mut insts)?;
        insts.push(Inst::Match);
        Ok(insts)
    }

    fn push(&self, insts: &mut Vec<Inst>, inst: Inst) -> Result<usize, PatternError> {
        let total: usize = self.progs.iter().map(Vec::len).sum::<usize>() + insts.len();
        if total >= MAX_INSTS {
            return Err(PatternError::new(1, "pattern too large"));
        }
        insts.push(inst);
        Ok(insts.len() - 1)
    }

    fn emit(&mut self, node: &Node, insts: &mut Vec<Inst>) -> Result<(), PatternError> {
        match node {
            Node::Tok(c) => {
                let t = self.test_id(c);
                self.push(insts, Inst::Tok(t))?;
            }
            Node::Ann(l) => {
                let l = self.label_id(l);
                self.push(insts, Inst::Ann(l))?;
            }
            Node::Bol => {
                self.push(insts, Inst::Bol)?;
            }
            Node::Eol => {
                self.push(insts, Inst::Eol)?;
            }
            Node::Seq(v) => {
                for n in v {
                    self.emit(n, insts)?;
                }
            }
            Node::Alt(v) => {
                // split L1, next; L1: a; jmp end; next: split L2, ... ; last
                let mut jumps = Vec::new();
                for (i, n) in v.iter().enumerate() {
                    if i + 1 < v.len() {
                        let split = self.push(insts, Inst::Split(0, 0))?;
                        self.emit(n, insts)?;
                        jumps.push(self.push(insts, Inst::Jmp(0))?);
                        let next = insts.len();
                        insts[split] = Inst::Split(split + 1, next);
                    } else {
                        self.emit(n, insts)?;
                    }
                }
                let end = insts.len();
                for j in jumps {
                    insts[j] = Inst::Jmp(end);
                }
            }
            Node::Cap { slot, node } => {
                self.push(insts, Inst::CapStart(*slot))?;
                self.emit(node, insts)?;
                self.push(insts, Inst::CapEnd(*slot))?;
            }
            Node::Look {
                node,
                ahead,
                negate,
            } => {
                let body = self.prog(node)?;
                self.progs.push(body);
                self.max_width.push(max_width(node));
                let prog = self.progs.len() - 1;
                self.push(
                    insts,
                    Inst::Look {
                        prog,
                        ahead: *ahead,
                        negate: *negate,
                    },
                )?;
            }
            Node::Rep {
                node,
                min,
                max,
                greedy,
            } => {
                let split = |greedy: bool, body: usize, out: usize| {
                    if greedy {
                        Inst::Split(body, out)
                    } else {
                        Inst::Split(out, body)
                    }
                };
                let fixed = match max {
                    None => min.saturating_sub(1),
                    Some(_) => *min,
                };
                for _ in 0..fixed {
                    self.emit(node, insts)?;
                }
                match max {
                    None if *min >= 1 => {
                        // body; split(body, out)
                        let body = insts.len();
                        self.emit(node, insts)?;
                        let s = self.push(insts, Inst::Split(0, 0))?;
                        insts[s] = split(*greedy, body, s + 1);
                    }
                    None => {
                        // L: split(body, out); body; jmp L
                        let s = self.push(insts, Inst::Split(0, 0))?;
                        self.emit(node, insts)?;
                        self.push(insts, Inst::Jmp(s))?;
                        let out = insts.len();
                        insts[s] = split(*greedy, s + 1, out);
                    }
                    Some(max) => {
                        // Nested optionals: split(b1, end); b1; split(b2, end); b2 ...
                        let mut splits = Vec::new();
                        for _ in *min..*max {
                            splits.push(self.push(insts, Inst::Split(0, 0))?);
                            self.emit(node, insts)?;
                        }
                        let end = insts.len();
                        for s in splits {
                            insts[s] = split(*greedy, s + 1, end);
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

#[derive(Clone, Copy, Debug)]
struct CapRec {
    slot: usize,
    start: usize,
    end: usize,
    ann: Option<usize>,
}

enum Job {
    Step { pc: usize, pos: usize },
    AnnNext { pc: usize, pos: usize, k: usize },
    RestoreStart { slot: usize, old: usize },
    TruncCaps(usize),
    RestoreAnn(Option<usize>),
}

#[derive(Default)]
struct ProgScratch {
    visited: Vec<u32>,
    generation: u32,
    /// The last search found nothing and ran to completion, so every pair
    /// it visited leads to no match from any start: keep them visited.
    clean_fail: bool,
    stack: Vec<Job>,
    caps: Vec<CapRec>,
}

/// What a lookaround body gave at a position, remembered for the whole
/// sequence: it does not depend on where the enclosing match started.
#[derive(Clone)]
enum LookMemo {
    Unknown,
    No,
    Yes(Vec<CapRec>),
}

/// Remembered test results for one pattern over one sequence: 0 unknown,
/// 1 false, 2 true.
#[derive(Default)]
struct Memo {
    /// The number of tokens.
    n: usize,
    /// The number of annotations.
    n_ann: usize,
    /// `tok[test * n + token]`.
    tok: Vec<u8>,
    /// `lab[label * n_ann + annotation]`.
    lab: Vec<u8>,
}

/// Reusable buffers for one pattern's searches over one sequence.
#[derive(Default)]
struct Scratch {
    progs: Vec<ProgScratch>,
    /// Per program, per token position (lookaround bodies only).
    looks: Vec<Vec<LookMemo>>,
    starts: Vec<usize>,
    memo: Memo,
    steps: u64,
    exhausted: bool,
}

/// Scratch buffers bigger than this (in visited slots) are not kept for
/// reuse, so one huge sentence does not pin its memory for good.
const KEEP_VISITED: usize = 1 << 20;

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Runs `f` with scratch buffers prepared for `pat` over `seq`: the
/// thread's own (used in place, so nothing is moved or allocated), or fresh
/// ones if those are busy.
fn with_scratch<R>(pat: &Inner, seq: &Sequence<'_>, f: impl FnOnce(&mut Scratch) -> R) -> R {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut scratch) => {
            scratch.prepare(pat, seq);
            let out = f(&mut scratch);
            if scratch.progs.iter().any(|p| p.visited.len() > KEEP_VISITED) {
                *scratch = Scratch::default();
            }
            out
        }
        Err(_) => {
            let mut scratch = Scratch::default();
            scratch.prepare(pat, seq);
            f(&mut scratch)
        }
    })
}

impl Scratch {
    fn prepare(&mut self, pat: &Inner, seq: &Sequence<'_>) {
        let n_progs = pat.progs.len();
        self.progs.resize_with(n_progs, ProgScratch::default);
        for p in &mut self.progs {
            // Visited pairs of another pattern or sequence say nothing here.
            p.clean_fail = false;
        }
        self.looks.resize_with(n_progs, Vec::new);
        for l in &mut self.looks {
            l.clear();
        }
        self.starts.clear();
        self.starts.resize(pat.slot_names.len(), 0);
        let (n, n_ann) = (seq.tokens.len(), seq.annotations.len());
        let m = &mut self.memo;
        m.n = n;
        m.n_ann = n_ann;
        m.tok.clear();
        m.tok.resize(pat.tests.len() * n, 0);
        m.lab.clear();
        m.lab.resize(pat.labels.len() * n_ann, 0);
        self.steps = 0;
        self.exhausted = false;
    }
}

struct Env<'p, 's, 'a> {
    pat: &'p Inner,
    seq: &'s Sequence<'a>,
    idx: &'s AnnIndex,
}

impl Env<'_, '_, '_> {
    /// Runs program `prog` from `start`. With `longest`, explores every path
    /// and returns the longest match (the highest-priority one among equally
    /// long matches); otherwise returns the first match found. With
    /// `need_end`, only matches ending there count (for lookbehind).
    ///
    /// Several `starts` may be given only without `longest`: they are tried
    /// last first, and share the visited set, which is sound because a
    /// (step, position) pair that failed from one start fails from any.
    fn search(
        &self,
        prog: usize,
        starts: Range<usize>,
        need_end: Option<usize>,
        longest: bool,
        scratch: &mut Scratch,
    ) -> Option<(usize, Vec<CapRec>)> {
        let mut ps = std::mem::take(&mut scratch.progs[prog]);
        let res = self.search_in(prog, starts, need_end, longest, &mut ps, scratch);
        ps.clean_fail = res.is_none() && !scratch.exhausted && need_end.is_none();
        ps.stack.clear();
        ps.caps.clear();
        scratch.progs[prog] = ps;
        res
    }

    fn search_in(
        &self,
        prog: usize,
        starts: Range<usize>,
        need_end: Option<usize>,
        longest: bool,
        ps: &mut ProgScratch,
        scratch: &mut Scratch,
    ) -> Option<(usize, Vec<CapRec>)> {
        let insts = &self.pat.progs[prog];
        let n = self.seq.tokens.len();
        let width = n + 1;
        let size = insts.len() * width;
        if ps.visited.len() < size {
            ps.visited.resize(size, 0);
        }
        let reuse_visited = ps.clean_fail && need_end.is_none();
        if !reuse_visited || ps.generation == 0 {
            ps.generation = ps.generation.wrapping_add(1);
        }
        if ps.generation == 0 {
            ps.visited.iter_mut().for_each(|v| *v = 0);
            ps.generation = 1;
        }
        let gen = ps.generation;
        ps.stack.clear();
        ps.caps.clear();
        let mut last_ann: Option<usize> = None;
        let mut best: Option<(usize, Vec<CapRec>)> = None;
        for pos in starts {
            ps.stack.push(Job::Step { pc: 0, pos });
        }

        'jobs: while let Some(job) = ps.stack.pop() {
            let (mut pc, mut pos) = match job {
                Job::Step { pc, pos } => (pc, pos),
                Job::RestoreStart { slot, old } => {
                    scratch.starts[slot] = old;
                    continue;
                }
                Job::TruncCaps(len) => {
                    ps.caps.truncate(len);
                    continue;
                }
                Job::RestoreAnn(old) => {
                    last_ann = old;
                    continue;
                }
                Job::AnnNext { pc, pos, k } => {
                    let Inst::Ann(label) = insts[pc] else {
                        continue;
                    };
                    let cands = self.idx.starting.get(pos);
                    let memo = &mut scratch.memo;
                    let Some(j) =
                        (k..cands.len()).find(|&j| self.label_ok(label, cands[j] as usize, memo))
                    else {
                        continue;
                    };
                    let a = cands[j] as usize;
                    ps.stack.push(Job::AnnNext { pc, pos, k: j + 1 });
                    ps.stack.push(Job::RestoreAnn(last_ann));
                    last_ann = Some(a);
                    (pc + 1, self.idx.ranges[a].end)
                }
            };
            loop {
                let slot = pc * width + pos;
                if ps.visited[slot] == gen {
                    continue 'jobs;
                }
                ps.visited[slot] = gen;
                scratch.steps += 1;
                if scratch.steps > STEP_BUDGET {
                    scratch.exhausted = true;
                }
                if scratch.exhausted {
                    return None;
                }
                match &insts[pc] {
                    Inst::Tok(t) => {
                        if pos < n && self.tok(*t, pos, &mut scratch.memo) {
                            pc += 1;
                            pos += 1;
                        } else {
                            continue 'jobs;
                        }
                    }
                    Inst::Ann(_) => {
                        ps.stack.push(Job::AnnNext { pc, pos, k: 0 });
                        continue 'jobs;
                    }
                    Inst::Split(a, b) => {
                        ps.stack.push(Job::Step { pc: *b, pos });
                        pc = *a;
                    }
                    Inst::Jmp(a) => pc = *a,
                    Inst::CapStart(s) => {
                        ps.stack.push(Job::RestoreStart {
                            slot: *s,
                            old: scratch.starts[*s],
                        });
                        scratch.starts[*s] = pos;
                        pc += 1;
                    }
                    Inst::CapEnd(s) => {
                        ps.stack.push(Job::TruncCaps(ps.caps.len()));
                        let ann = if self.pat.slot_ann[*s] {
                            last_ann
                        } else {
                            None
                        };
                        ps.caps.push(CapRec {
                            slot: *s,
                            start: scratch.starts[*s],
                            end: pos,
                            ann,
                        });
                        pc += 1;
                    }
                    Inst::Bol => {
                        if pos != 0 {
                            continue 'jobs;
                        }
                        pc += 1;
                    }
                    Inst::Eol => {
                        if pos != n {
                            continue 'jobs;
                        }
                        pc += 1;
                    }
                    Inst::Look {
                        prog: sub,
                        ahead,
                        negate,
                    } => {
                        // `None`: the step budget ran out, so the attempt fails.
                        let found = self.look(*sub, *ahead, pos, scratch)?;
                        match (found, *negate) {
                            (Some((_, caps)), false) => {
                                ps.stack.push(Job::TruncCaps(ps.caps.len()));
                                ps.caps.extend(caps);
                                pc += 1;
                            }
                            (None, true) => pc += 1,
                            _ => continue 'jobs,
                        }
                    }
                    Inst::Match => {
                        if need_end.is_some_and(|e| e != pos) {
                            continue 'jobs;
                        }
                        if !longest {
                            return Some((pos, ps.caps.clone()));
                        }
                        if best.as_ref().is_none_or(|(e, _)| pos > *e) {
                            best = Some((pos, ps.caps.clone()));
                            if pos == n {
                                // Nothing can be longer.
                                break 'jobs;
                            }
                        }
                        continue 'jobs;
                    }
                }
            }
        }
        best
    }

    /// Runs lookaround body `sub` at `pos` (memoised); `None` when the step
    /// budget ran out.
    fn look(
        &self,
        sub: usize,
        ahead: bool,
        pos: usize,
        scratch: &mut Scratch,
    ) -> Option<Option<(usize, Vec<CapRec>)>> {
        let n = self.seq.tokens.len();
        if scratch.looks[sub].len() != n + 1 {
            scratch.looks[sub].clear();
            scratch.looks[sub].resize(n + 1, LookMemo::Unknown);
        }
        match &scratch.looks[sub][pos] {
            LookMemo::No => return Some(None),
            LookMemo::Yes(caps) => return Some(Some((pos, caps.clone()))),
            LookMemo::Unknown => {}
        }
        let found = if ahead {
            self.search(sub, pos..pos + 1, None, false, scratch)
        } else {
            // Lookbehind: the body must end exactly here, starting anywhere
            // it can reach from; one search over all starts shares the
            // visited set.
            let from = match self.pat.max_width[sub] {
                Some(w) => pos.saturating_sub(w),
                None => 0,
            };
            self.search(sub, from..pos + 1, Some(pos), false, scratch)
        };
        if scratch.exhausted {
            return None;
        }
        scratch.looks[sub][pos] = match &found {
            Some((_, caps)) => LookMemo::Yes(caps.clone()),
            None => LookMemo::No,
        };
        Some(found)
    }

    /// Whether token `i` passes test `t` of the pattern's table.
    #[inline]
    fn tok(&self, t: usize, i: usize, memo: &mut Memo) -> bool {
        let entry = &self.pat.tests[t];
        if !entry.memo {
            return self.test(&entry.test, i, memo);
        }
        let slot = t * memo.n + i;
        match memo.tok[slot] {
            1 => false,
            2 => true,
            _ => {
                let r = self.test(&entry.test, i, memo);
                memo.tok[slot] = 1 + u8::from(r);
                r
            }
        }
    }

    fn test(&self, t: &Test, i: usize, memo: &mut Memo) -> bool {
        let tok = &self.seq.tokens[i];
        match t {
            Test::Any => true,
            Test::Text(s) => tok.text == &**s,
            Test::TextSet(set) => set.contains(tok.text),
            Test::TextRe(re) => re.is_match(tok.text),
            Test::Lower(s, h) => self.idx.lower_hash[i] == *h && tok.lower == **s,
            Test::LowerSet(set) => set.contains_hashed(&tok.lower, self.idx.lower_hash[i]),
            Test::LowerRe(re) => re.is_match(&tok.lower),
            Test::Shape(bits) => bits & shape_bit(tok.shape) != 0,
            Test::Abbrev => tok.abbrev,
            Test::Space => tok.space_before,
            Test::NoSpace => !tok.space_before,
            Test::In(l) => self.any_label(&self.idx.covering, i, *l, memo),
            Test::Starts(l) => self.any_label(&self.idx.starting, i, *l, memo),
            Test::Ends(l) => self.any_label(&self.idx.ending, i, *l, memo),
            Test::Not(t) => !self.test(t, i, memo),
            Test::And(v) => v.iter().all(|t| self.test(t, i, memo)),
            Test::Or(v) => v.iter().any(|t| self.test(t, i, memo)),
        }
    }

    /// Whether annotation `a`'s label passes label matcher `l`.
    #[inline]
    fn label_ok(&self, l: usize, a: usize, memo: &mut Memo) -> bool {
        let slot = l * memo.n_ann + a;
        match memo.lab[slot] {
            1 => false,
            2 => true,
            _ => {
                let r = self.pat.labels[l].matches(&self.seq.annotations[a].label);
                memo.lab[slot] = 1 + u8::from(r);
                r
            }
        }
    }

    fn any_label(&self, lists: &Lists, i: usize, l: usize, memo: &mut Memo) -> bool {
        lists
            .get(i)
            .iter()
            .any(|&a| self.label_ok(l, a as usize, memo))
    }
}

#[cfg(test)]
mod tests {
    //! A differential test against a naive matcher over the AST that
    //! computes every reachable end position. It checks the extent of
    //! matches (captures are covered by the table tests) and, through
    //! `find_iter`, the reuse of visited pairs across starts.

    use std::collections::BTreeSet;

    use super::*;
    use crate::seq::Annotation;

    /// The reference semantics of a constraint, straight from the AST.
    fn check(env: &Env<'_, '_, '_>, c: &Cons, i: usize) -> bool {
        let tok = &env.seq.tokens[i];
        let any = |lists: &Lists, l: &LabelMatch| {
            lists
                .get(i)
                .iter()
                .any(|&a| l.matches(&env.seq.annotations[a as usize].label))
        };
        match c {
            Cons::Any => true,
            Cons::Text(s) => tok.text == s,
            Cons::TextRe(re) => re.is_match(tok.text),
            Cons::Lower(s) => tok.lower == *s,
            Cons::LowerRe(re) => re.is_match(&tok.lower),
            Cons::Shape(bits) => bits & shape_bit(tok.shape) != 0,
            Cons::Abbrev => tok.abbrev,
            Cons::Space => tok.space_before,
            Cons::NoSpace => !tok.space_before,
            Cons::In(l) => any(&env.idx.covering, l),
            Cons::Starts(l) => any(&env.idx.starting, l),
            Cons::Ends(l) => any(&env.idx.ending, l),
            Cons::Not(c) => !check(env, c, i),
            Cons::And(v) => v.iter().all(|c| check(env, c, i)),
            Cons::Or(v) => v.iter().any(|c| check(env, c, i)),
        }
    }

    fn ends(node: &Node, pos: usize, env: &Env<'_, '_, '_>) -> BTreeSet<usize> {
        let n = env.seq.tokens.len();
        let mut out = BTreeSet::new();
        match node {
            Node::Tok(c) => {
                if pos < n && check(env, c, pos) {
                    out.insert(pos + 1);
                }
            }
            Node::Ann(l) => {
                for &a in env.idx.starting.get(pos) {
                    if l.matches(&env.seq.annotations[a as usize].label) {
                        out.insert(env.idx.ranges[a as usize].end);
                    }
                }
            }
            Node::Seq(v) => {
                out.insert(pos);
                for node in v {
                    out = out.iter().flat_map(|&p| ends(node, p, env)).collect();
                }
            }
            Node::Alt(v) => v.iter().for_each(|node| out.extend(ends(node, pos, env))),
            Node::Rep { node, min, max, .. } => {
                let mut cur: BTreeSet<usize> = [pos].into();
                let limit = max.map_or(*min as usize + n + 2, |m| m as usize);
                if *min == 0 {
                    out.insert(pos);
                }
                for k in 1..=limit {
                    cur = cur.iter().flat_map(|&p| ends(node, p, env)).collect();
                    if k >= *min as usize {
                        out.extend(cur.iter().copied());
                    }
                }
            }
            Node::Cap { node, .. } => out = ends(node, pos, env),
            Node::Bol => {
                if pos == 0 {
                    out.insert(pos);
                }
            }
            Node::Eol => {
                if pos == n {
                    out.insert(pos);
                }
            }
            Node::Look {
                node,
                ahead,
                negate,
            } => {
                let ok = if *ahead {
                    !ends(node, pos, env).is_empty()
                } else {
                    (0..=pos).any(|s| ends(node, s, env).contains(&pos))
                };
                if ok != *negate {
                    out.insert(pos);
                }
            }
        }
        out
    }

    struct Rng(u64);
    impl Rng {
        fn next(&mut self, k: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % k as u64) as usize
        }
    }

    fn gen(rng: &mut Rng, depth: usize) -> String {
        const ATOMS: &[&str] = &[
            r#""a""#,
            r#""b""#,
            r#""a" "b""#,
            "[]",
            "<x>",
            "<y>",
            "<*>",
            "[@x]",
            "[!@y & !lower=\"c\"]",
            "[start@x]",
            "[end@y]",
            "^",
            "$",
            // Literal sets, literals inside constraints, and a regex that
            // stays a regex: these exercise the prefilters.
            "/a|c/",
            "/b?/",
            "[lower=/a|b/ & !@x]",
            "[shape=Lower & text=\"c\"]",
            "[lower=\"a\" | @y]",
            "/[bc]+/",
            // Shapes and annotations in the first set: the gates.
            "[shape=Capitalized|Upper]",
            "[shape=Capitalized & @x]",
            "[shape=Lower | @y]",
            "[!shape=Lower]",
            "[shape=Upper & lower=\"a\"]",
        ];
        let base = if depth == 0 || rng.next(3) == 0 {
            ATOMS[rng.next(ATOMS.len())].to_string()
        } else {
            match rng.next(7) {
                0 => format!("({} | {})", gen(rng, depth - 1), gen(rng, depth - 1)),
                1 => format!("({} {})", gen(rng, depth - 1), gen(rng, depth - 1)),
                2 => format!("(?<r>{})", gen(rng, depth - 1)),
                3 => format!("(?={})", gen(rng, depth - 1)),
                4 => format!("(?!{})", gen(rng, depth - 1)),
                5 => format!("(?<={})", gen(rng, depth - 1)),
                _ => format!("(?<!{})", gen(rng, depth - 1)),
            }
        };
        let q = [
            "", "", "?", "*", "+", "{2}", "{1,3}", "{0,2}?", "*?", "{2,}",
        ];
        format!("{base}{}", q[rng.next(q.len())])
    }

    #[test]
    fn agrees_with_a_naive_matcher() {
        let mut rng = Rng(0x2545_F491_4F6C_DD1D);
        let words = ["a", "b", "c", "A", "Bb"];
        for _ in 0..3000 {
            let src = format!("{} {}", gen(&mut rng, 3), gen(&mut rng, 2));
            let pat = Pattern::parse(&src).unwrap_or_else(|e| panic!("{src}: {e}"));
            let parsed = parse::parse(&src).unwrap();
            let n = rng.next(7);
            let toks: Vec<&str> = (0..n).map(|_| words[rng.next(words.len())]).collect();
            let text = toks.join(" ");
            let mut seq = Sequence::from_words(&text);
            for id in 0..rng.next(4) {
                if n == 0 {
                    break;
                }
                let start = rng.next(n);
                let end = start + 1 + rng.next(n - start);
                let label = if rng.next(2) == 0 { "x" } else { "y" };
                seq.push_annotation(Annotation::new(label, start..end, id));
            }
            let idx = seq.index();
            let env = Env {
                pat: &pat.inner,
                seq: &seq,
                idx: &idx,
            };
            let longest = |s: usize| {
                ends(&parsed.node, s, &env)
                    .into_iter()
                    .max()
                    .filter(|&e| e > s)
            };
            let want_all: Vec<Range<usize>> =
                (0..n).filter_map(|s| longest(s).map(|e| s..e)).collect();
            let got_all: Vec<Range<usize>> =
                pat.find_all(&seq).into_iter().map(|m| m.tokens).collect();
            assert_eq!(
                got_all, want_all,
                "find_all {src:?} on {text:?} {:?}",
                seq.annotations
            );
            let mut want_iter = Vec::new();
            let mut s = 0;
            while s < n {
                match longest(s) {
                    Some(e) => {
                        want_iter.push(s..e);
                        s = e;
                    }
                    None => s += 1,
                }
            }
            let got_iter: Vec<Range<usize>> =
                pat.find_iter(&seq).into_iter().map(|m| m.tokens).collect();
            assert_eq!(
                got_iter, want_iter,
                "find_iter {src:?} on {text:?} {:?}",
                seq.annotations
            );
            assert_eq!(
                pat.is_match(&seq),
                !want_all.is_empty(),
                "is_match {src:?} on {text:?} {:?}",
                seq.annotations
            );
            for s in 0..n {
                assert_eq!(
                    pat.match_at(&seq, s).map(|m| m.tokens),
                    longest(s).map(|e| s..e),
                    "match_at {s} {src:?} on {text:?} {:?}",
                    seq.annotations
                );
            }
        }
    }
}
