//! Compiling the AST to a small program, and the backtracking matcher.
//!
//! The matcher is a bounded backtracker in the style of RE2's: every
//! (instruction, token position) pair is explored at most once per search.
//! That is what keeps pathological patterns such as `([]*)*` linear in
//! (program size × sentence length) instead of exponential, and it is exact:
//! the first path to reach a pair has the highest priority, and every match
//! reachable from that pair has already been seen from it. A step budget
//! backs this up for lookbehind, which searches once per earlier position.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use crate::parse::{self, shape_bit, Cons, LabelMatch, Node, PatternError};
use crate::seq::{AnnIndex, Sequence};

/// Programs bigger than this are refused ("pattern too large"); unrolled
/// counted repetitions are the only way to get near it.
const MAX_INSTS: usize = 2_000;
/// Steps one match attempt may take, lookaround searches included, before it
/// gives up and reports no match rather than hang.
const STEP_BUDGET: u64 = 200_000;

#[derive(Clone, Debug)]
enum Inst {
    Tok(Cons),
    Ann(LabelMatch),
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
        };
        let main = c.prog(&parsed.node)?;
        c.progs[0] = main;
        Ok(Pattern {
            inner: Arc::new(Inner {
                src: src.to_string(),
                progs: c.progs,
                slot_names: parsed.slot_names,
                slot_ann,
                max_width: c.max_width,
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
        let idx = seq.index();
        let mut scratch = Scratch::new(&self.inner);
        let mut out = Vec::new();
        let mut pos = 0;
        while pos < seq.tokens.len() {
            match self.run(seq, &idx, pos, &mut scratch) {
                Some(m) => {
                    pos = m.tokens.end;
                    out.push(m);
                }
                None => pos += 1,
            }
        }
        out
    }

    /// The longest match starting at each token position, possibly
    /// overlapping, in order of start.
    pub fn find_all(&self, seq: &Sequence<'_>) -> Vec<Match> {
        let idx = seq.index();
        let mut scratch = Scratch::new(&self.inner);
        (0..seq.tokens.len())
            .filter_map(|pos| self.run(seq, &idx, pos, &mut scratch))
            .collect()
    }

    /// The longest match starting exactly at token `start`, if any.
    pub fn match_at(&self, seq: &Sequence<'_>, start: usize) -> Option<Match> {
        if start >= seq.tokens.len() {
            return None;
        }
        let idx = seq.index();
        let mut scratch = Scratch::new(&self.inner);
        self.run(seq, &idx, start, &mut scratch)
    }

    /// Whether the pattern matches anywhere in the sequence.
    pub fn is_match(&self, seq: &Sequence<'_>) -> bool {
        let idx = seq.index();
        let mut scratch = Scratch::new(&self.inner);
        (0..seq.tokens.len()).any(|pos| self.run(seq, &idx, pos, &mut scratch).is_some())
    }

    fn run(
        &self,
        seq: &Sequence<'_>,
        idx: &AnnIndex,
        start: usize,
        scratch: &mut Scratch,
    ) -> Option<Match> {
        scratch.steps = 0;
        scratch.exhausted = false;
        let env = Env {
            pat: &self.inner,
            seq,
            idx,
        };
        // Most patterns begin with a token or annotation test that fails at
        // most positions; checking it here skips the search set-up.
        // Zero-width steps without branches before it do not change that.
        let first = self.inner.progs[0].iter().find(|i| {
            !matches!(
                i,
                Inst::CapStart(_) | Inst::Look { .. } | Inst::Bol | Inst::Eol
            )
        });
        match first {
            Some(Inst::Tok(c)) if !env.check(c, start) => return None,
            Some(Inst::Ann(l)) if !env.any_label(&idx.starting, start, l) => return None,
            _ => {}
        }
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

impl Compiler {
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
                self.push(insts, Inst::Tok(c.clone()))?;
            }
            Node::Ann(l) => {
                self.push(insts, Inst::Ann(l.clone()))?;
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

/// Reusable buffers for one pattern's searches over one sequence.
struct Scratch {
    progs: Vec<ProgScratch>,
    /// Per program, per token position (lookaround bodies only).
    looks: Vec<Vec<LookMemo>>,
    starts: Vec<usize>,
    steps: u64,
    exhausted: bool,
}

impl Scratch {
    fn new(pat: &Inner) -> Scratch {
        Scratch {
            progs: pat.progs.iter().map(|_| ProgScratch::default()).collect(),
            looks: vec![Vec::new(); pat.progs.len()],
            starts: vec![0; pat.slot_names.len()],
            steps: 0,
            exhausted: false,
        }
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
                    let Inst::Ann(label) = &insts[pc] else {
                        continue;
                    };
                    let cands = self.idx.starting.get(pos).map_or(&[][..], Vec::as_slice);
                    let Some(j) = (k..cands.len()).find(|&j| {
                        let a = cands[j] as usize;
                        label.matches(&self.seq.annotations[a].label)
                    }) else {
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
                    Inst::Tok(c) => {
                        if pos < n && self.check(c, pos) {
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
            scratch.looks[sub] = vec![LookMemo::Unknown; n + 1];
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

    fn check(&self, c: &Cons, i: usize) -> bool {
        let tok = &self.seq.tokens[i];
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
            Cons::In(l) => self.any_label(&self.idx.covering, i, l),
            Cons::Starts(l) => self.any_label(&self.idx.starting, i, l),
            Cons::Ends(l) => self.any_label(&self.idx.ending, i, l),
            Cons::Not(c) => !self.check(c, i),
            Cons::And(v) => v.iter().all(|c| self.check(c, i)),
            Cons::Or(v) => v.iter().any(|c| self.check(c, i)),
        }
    }

    fn any_label(&self, lists: &[Vec<u32>], i: usize, l: &LabelMatch) -> bool {
        lists.get(i).is_some_and(|list| {
            list.iter()
                .any(|&a| l.matches(&self.seq.annotations[a as usize].label))
        })
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

    fn ends(node: &Node, pos: usize, env: &Env<'_, '_, '_>) -> BTreeSet<usize> {
        let n = env.seq.tokens.len();
        let mut out = BTreeSet::new();
        match node {
            Node::Tok(c) => {
                if pos < n && env.check(c, pos) {
                    out.insert(pos + 1);
                }
            }
            Node::Ann(l) => {
                for &a in env.idx.starting.get(pos).map_or(&[][..], Vec::as_slice) {
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
        let words = ["a", "b", "c"];
        for _ in 0..1500 {
            let src = format!("{} {}", gen(&mut rng, 3), gen(&mut rng, 2));
            let pat = Pattern::parse(&src).unwrap_or_else(|e| panic!("{src}: {e}"));
            let parsed = parse::parse(&src).unwrap();
            let n = rng.next(7);
            let toks: Vec<&str> = (0..n).map(|_| words[rng.next(3)]).collect();
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
        }
    }
}
