//! The recognition rules.
//!
//! Each rule is one regex, built from the word tables of [`crate::vocab`],
//! and a [`Handler`] that says what its captures mean. A rule runs over the
//! sentences holding one of its trigger words; its matches must lie on token
//! boundaries and pass a context check ([`accept`]); overlapping matches are
//! settled longest first; the survivors are normalised ([`normalise()`]) in
//! text order, so that a fully specified date can anchor the relative
//! expressions that follow it when the document date is unknown.

use std::collections::{BTreeMap, HashMap};

use jiff::civil::Date;
use regex::{Captures, Regex};
use tidings_core::Span;
use tidings_tokenize::Tokens;

use crate::vocab::*;
use crate::Timex;

mod normalise;
mod ranges;
mod weeks;

use normalise::{normalise, Ctx};

/// What a rule's captures mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Handler {
    Iso,
    Numeric,
    Dotted,
    MonthDay,
    DayMonth,
    Holiday,
    DayAlone,
    MonthYear,
    MonthRelYear,
    Month,
    Weekday,
    Year,
    FiscalCode,
    SpelledYear,
    Decade,
    Century,
    Season,
    Quarter,
    QuarterCode,
    Half,
    Period,
    DayRel,
    Ago,
    UnitRel,
    YearAgo,
    YearEnd,
    Present,
    Past,
    Future,
    Duration,
    Set,
}

struct Rule {
    re: Regex,
    handler: Handler,
}

/// The compiled rule set.
pub(crate) struct Rules {
    rules: Vec<Rule>,
    /// Lowercased trigger word → bit mask of the rules it can start.
    triggers: HashMap<&'static str, u64>,
    /// The rules that a token with a digit can start.
    digit_rules: u64,
}

/// Words without which a rule cannot match (one of them is a whole token
/// of every match). Running a rule only over the sentences that hold one of
/// its triggers keeps the tagger fast: most sentences hold no date.
fn triggers(h: Handler) -> (&'static [&'static str], bool) {
    const MONTHS_W: &[&str] = &[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "sept",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "oct",
        "nov",
        "dec",
    ];
    const WEEKDAYS_W: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    const UNITS_W: &[&str] = &[
        "second",
        "seconds",
        "minute",
        "minutes",
        "hour",
        "hours",
        "day",
        "days",
        "week",
        "weeks",
        "fortnight",
        "fortnights",
        "month",
        "months",
        "year",
        "years",
        "decade",
        "decades",
        "century",
        "centuries",
    ];
    match h {
        Handler::Iso
        | Handler::Numeric
        | Handler::Dotted
        | Handler::Year
        | Handler::QuarterCode => (&[], true),
        Handler::FiscalCode => (&["fy"], true),
        Handler::MonthDay
        | Handler::DayMonth
        | Handler::MonthYear
        | Handler::MonthRelYear
        | Handler::Month => (MONTHS_W, false),
        Handler::Weekday => (WEEKDAYS_W, false),
        Handler::SpelledYear => (&["nineteen", "eighteen", "thousand"], false),
        Handler::Decade => (
            &[
                "twenties",
                "thirties",
                "forties",
                "fifties",
                "sixties",
                "seventies",
                "eighties",
                "nineties",
            ],
            true,
        ),
        Handler::Century => (&["century"], false),
        Handler::Holiday => (&["christmas", "year", "halloween", "boxing"], false),
        Handler::DayAlone => (&[], true),
        Handler::Season => (&["spring", "summer", "autumn", "fall", "winter"], false),
        Handler::Quarter => (&["quarter"], false),
        Handler::Half => (&["half"], false),
        Handler::Period => (&["period"], false),
        Handler::DayRel => (&["today", "yesterday", "tomorrow", "tonight"], false),
        Handler::Ago => (&["ago", "earlier", "later", "now", "hence", "back"], false),
        Handler::UnitRel => (
            &[
                "day", "week", "weekend", "month", "year", "decade", "century", "fiscal",
            ],
            false,
        ),
        Handler::YearAgo | Handler::YearEnd => (&["year"], false),
        Handler::Present => (
            &[
                "now",
                "currently",
                "current",
                "present",
                "days",
                "nowadays",
                "presently",
                "moment",
                "being",
            ],
            false,
        ),
        Handler::Past => (
            &[
                "recently", "recent", "lately", "past", "last", "previous", "years",
            ],
            false,
        ),
        Handler::Future => (
            &[
                "future", "coming", "ahead", "come", "possible", "term", "next", "quarters",
            ],
            false,
        ),
        Handler::Duration => (UNITS_W, false),
        Handler::Set => (
            &[
                "annual",
                "annually",
                "yearly",
                "biannual",
                "biennial",
                "daily",
                "weekly",
                "monthly",
                "quarterly",
                "every",
                "each",
                "per",
                "once",
                "twice",
                "thrice",
                "times",
            ],
            false,
        ),
    }
}

/// A match that survived the overlap check, waiting to be normalised.
struct Candidate<'t> {
    span: Span,
    rule: usize,
    caps: Captures<'t>,
}

/// Replaces `\b` by its ASCII form, which keeps the fast regex engines
/// usable on non-ASCII text.
fn compile(pattern: &str) -> Regex {
    let p = format!("(?i){}", pattern.replace(r"\b", r"(?-u:\b)"));
    Regex::new(&p).unwrap_or_else(|e| panic!("bad temporal pattern {pattern}: {e}"))
}

impl Rules {
    pub(crate) fn new() -> Rules {
        let month_any = alternation(MONTHS.iter().map(|(w, _)| *w));
        let month_full = alternation(MONTHS[..FULL_MONTHS].iter().map(|(w, _)| *w));
        let weekday = alternation(WEEKDAYS.iter().map(|(w, _)| *w));
        let season = alternation(SEASONS.iter().map(|(w, _)| *w));
        let ord = ordinal_pattern();
        let num = number_pattern();
        let vague = vague_pattern();
        let spelled = spelled_year_pattern();
        let year = r"(?:1[6-9]|20)\d\d\b";
        let yearx = format!(r"(?:{year}|{spelled}\b)");
        let day = format!(r"(?:[0-3]?\d(?:st|nd|rd|th)?|{ord})");
        // Modifiers that narrow a period without changing its TIMEX3 value.
        let modp = r"(?:(?:the\s+)?(?:(?:very\s+)?(?:end|beginning|start|middle|turn|close|rest|remainder|balance)\s+of|early|mid|late|end)[\s-]+)?";
        let rel = r"(?:this\s+past|this\s+coming|last|next|this|coming|past)";
        let unit = r"(?:second|minute|hour|day|week|fortnight|month|year|decade|century|centurie)";
        let table: Vec<(Handler, String)> = vec![
            (Handler::Iso, r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b".into()),
            (Handler::Numeric, r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})\b".into()),
            // "15.08.2024": day first, as in European and Turkish copy.
            (Handler::Dotted, r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})\b".into()),
            (
                Handler::MonthDay,
                format!(
                    r"(?:\b(?:(?P<wrel>this\s+coming|this|last|next)\s+)?(?P<wd>{weekday})\s*,?\s+)?\b(?P<m>{month_any})\b\.?\s+(?:the\s+)?(?P<d>{day})\b(?:(?:\s*,\s*|\s+)(?:(?P<y>{yearx})|(?:of\s+)?(?P<rel>last|this|next)\s+year\b))?"
                ),
            ),
            (
                Handler::DayMonth,
                format!(
                    r"\b(?:(?P<wd>{weekday})\s*,?\s+)?(?:the\s+)?(?P<d>{day})\b(?P<of>\s+of)?\s+(?P<m>{month_any})\b\.?(?:\s*,?\s*(?P<y>{yearx}))?"
                ),
            ),
            (
                Handler::Holiday,
                format!(
                    r"\b(?:(?P<rel>last|next|this)\s+)?(?P<h>christmas(?:\s+(?:day|eve))?|new\s+year(?:'|’)s(?:\s+(?:day|eve))?|halloween|boxing\s+day)\b(?:\s*,?\s*(?P<y>{yearx}))?"
                ),
            ),
            // "on the 25th": a day of the month of the story.
            (
                Handler::DayAlone,
                r"\bthe\s+(?P<d>[0-3]?\d(?:st|nd|rd|th))\b".into(),
            ),
            (
                Handler::MonthYear,
                format!(r"\b{modp}(?P<m>{month_any})\b\.?(?:\s+of)?\s*,?\s+(?P<y>{yearx})"),
            ),
            (
                Handler::MonthRelYear,
                format!(r"\b{modp}(?P<m>{month_full})\s+(?:of\s+)?(?P<rel>last|this|next|that|the\s+same)\s+year\b"),
            ),
            (
                Handler::Month,
                format!(
                    r"\b(?:(?P<rel>{rel})\s+)?{modp}(?P<m>{month_full})\b(?:[\s-](?P<end>end)\b)?"
                ),
            ),
            (
                Handler::Weekday,
                format!(
                    r"\b(?:(?P<rel>{rel}|the\s+previous|the\s+following|previous|early|late|earlier|later)\s+)?(?P<wd>{weekday})\b"
                ),
            ),
            (
                Handler::Year,
                format!(
                    r"\b{modp}(?:(?P<pre>fiscal(?:\s+year)?|calendar(?:\s+year)?|the\s+year|model\s+year|financial\s+year)[\s-]*)?(?P<y>{year})(?:[-–/](?P<fy>\d\d)\b)?(?P<later>\s+(?:or\s+later|and\s+beyond))?"
                ),
            ),
            (Handler::FiscalCode, r"\bFY\s*-?\s*'?(?P<y>\d{4}|\d{2})\b".into()),
            (
                Handler::SpelledYear,
                format!(r"\b(?P<pre>the\s+year\s+)?(?P<y>{spelled})\b"),
            ),
            (
                Handler::Decade,
                format!(
                    r"\b(?:the\s+)?{modp}(?:(?P<dec>(?:1[6-9]|20)\d0)'?s|'(?P<dec2>\d0)'?s|(?P<decw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b"
                ),
            ),
            (
                Handler::Century,
                format!(
                    r"\b(?:the\s+)?{modp}(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)|(?P<nw>{ord}))[\s-]+century\b"
                ),
            ),
            (
                Handler::Season,
                format!(
                    r"\b(?:(?P<rel>{rel}|the)\s+)?{modp}(?P<s>{season})\b(?:\s+(?:of\s+)?(?P<y>{yearx}))?"
                ),
            ),
            (
                Handler::Quarter,
                format!(
                    r"\b(?:(?P<det>the|its|their|a|this|that|last|next)\s+)?(?:(?P<ry>this|last|next)\s+year'?s\s+)?(?:(?P<ya>year-earlier|year-ago|comparable\s+year-ago|comparable|corresponding|same)\s+)?(?:(?P<y1>{year})\s+)?(?:fiscal[\s-]+)?(?:(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|final|latest|current|previous|past|last|next|recent|most\s+recent|coming|following)[\s-]+)?(?:fiscal[\s-]+)?quarter\b(?:\s+(?:of\s+)?(?:(?:fiscal\s+)?(?P<y2>{year})|(?P<rel2>last|this|next)\s+year\b|the\s+(?:fiscal\s+)?year\b)|\s+(?P<ago>a\s+year\s+(?:ago|earlier))\b)?"
                ),
            ),
            (
                Handler::QuarterCode,
                r"\b(?:Q(?P<q>[1-4])|(?P<q2>[1-4])Q)(?:\s*(?:FY\s*)?'?(?P<y>\d{4}|\d{2}))?\b".into(),
            ),
            (
                Handler::Half,
                format!(
                    r"\b(?:the\s+)?(?P<h>first|second|last|latter)\s+half\b(?:\s+(?:of\s+)?(?:(?:fiscal\s+)?(?P<y>{year})|(?P<rel>this|last|next)\s+year\b|the\s+(?:fiscal\s+)?year\b))?"
                ),
            ),
            (
                Handler::Period,
                format!(
                    r"\b(?:the\s+)?(?:(?P<ya>year-earlier|year-ago|comparable|corresponding|same|latest|recent|most\s+recent)\s+|(?P<y>{year})\s+)period\b(?:\s+(?:a\s+year\s+(?:ago|earlier)|(?P<ly>last\s+year)))?"
                ),
            ),
            (
                Handler::DayRel,
                r"\b(?:(?P<mod>early|late|earlier|later)\s+)?(?P<dba>the\s+day\s+(?:before|after)\s+)?(?P<w>today|yesterday|tomorrow|tonight)\b".into(),
            ),
            (
                Handler::Ago,
                format!(
                    r"\b(?:(?:about|nearly|almost|some|more\s+than|less\s+than|roughly|around|just|only|over|barely)\s+)?(?P<n>{vague}|{num})[\s-]+(?P<u>{unit})s?(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|from\s+now|hence|back)\b"
                ),
            ),
            (
                Handler::UnitRel,
                format!(
                    r"\b(?:{modp}|(?:earlier|later)\s+)(?P<rel>this\s+past|this\s+coming|this|last|next|past|coming|the\s+past|the\s+last|the\s+previous|the\s+next|the\s+coming|the\s+current|the\s+following|the\s+latest|the\s+same|that|the)\s+(?P<u>day|week|weekend|month|year|decade|century|(?:fiscal|calendar|financial)\s+year|fiscal)\b"
                ),
            ),
            (
                Handler::YearAgo,
                r"\b(?P<w>year-earlier|year-ago|year\s+earlier)\b".into(),
            ),
            (
                Handler::YearEnd,
                r"\b(?P<w>year[\s-]end|year's\s+end|year-to-date)\b".into(),
            ),
            (
                Handler::Present,
                r"\b(?:the\s+present\s+time|the\s+time\s+being|at\s+the\s+moment|right\s+now|just\s+now|at\s+present|these\s+days|nowadays|the\s+present|currently|presently|current|now)\b".into(),
            ),
            (
                Handler::Past,
                format!(
                    r"\b(?:more\s+)?(?:(?:the\s+)?(?:past|last|previous)\s+(?:{vague})\s+(?:years|months|weeks|days|decades|quarters)|recent\s+(?:years|months|weeks|days|times|decades|quarters)(?:\s+and\s+(?:years|months|weeks|days))?|in\s+years\s+past|past\s+years|the\s+past|recently|recent|lately)\b"
                ),
            ),
            (
                Handler::Future,
                format!(
                    r"\b(?:the\s+(?:coming|next)\s+(?:(?:{vague})\s+)?(?:days|weeks|months|years|decades|quarters)|(?:the\s+)?(?:days|weeks|months|years)\s+(?:ahead|to\s+come)|coming\s+(?:days|weeks|months|years|quarters)|the\s+(?:near|foreseeable|distant)\s+future|as\s+soon\s+as\s+possible|the\s+near\s+term|future\s+quarters|the\s+future|future)\b"
                ),
            ),
            (
                Handler::Duration,
                format!(
                    r"\b(?:(?P<pre>(?:the\s+)?(?:past|last|next|coming|first|previous|following|final|latest)|another|more\s+than|less\s+than|nearly|almost|about|over|some|at\s+least|up\s+to|around)\s+)?(?P<n>{num}|{vague})[\s-]+(?P<u>{unit})s?(?:[\s-]+(?:long|old))?\b"
                ),
            ),
            (
                Handler::Set,
                format!(
                    r"\b(?:annual|annually|yearly|biannual|biennial|daily|weekly|monthly|quarterly|every\s+(?:other\s+)?(?:{num}\s+)?(?P<u>day|week|month|year|quarter|decade|morning|evening|night|weekend|{weekday})s?|each\s+(?P<u2>day|week|month|year|quarter|{weekday})|(?:once|twice|thrice|{num}\s+times)\s+(?:a|per|every|each)\s+(?P<u3>day|week|month|year|quarter)|per\s+(?P<u4>day|week|month|year|annum))\b"
                ),
            ),
        ];
        assert!(table.len() <= 64, "rule masks are 64 bits wide");
        let mut trig: HashMap<&'static str, u64> = HashMap::new();
        let mut digit_rules = 0;
        for (i, (h, _)) in table.iter().enumerate() {
            let (words, digits) = triggers(*h);
            for w in words {
                *trig.entry(w).or_default() |= 1 << i;
            }
            if digits {
                digit_rules |= 1 << i;
            }
        }
        Rules {
            rules: table
                .into_iter()
                .map(|(handler, p)| Rule {
                    re: compile(&p),
                    handler,
                })
                .collect(),
            triggers: trig,
            digit_rules,
        }
    }

    /// For each sentence, the mask of the rules whose trigger words it holds.
    fn sentence_masks(&self, text: &str, tokens: &Tokens) -> Vec<u64> {
        let toks = tokens.tokens();
        let mut buf = [0u8; 16];
        tokens
            .sentences()
            .iter()
            .map(|s| {
                let mut mask = 0u64;
                for t in &toks[s.tokens.clone()] {
                    if t.shape == tidings_tokenize::Shape::Punct {
                        continue;
                    }
                    let w = t.text(text).trim_end_matches('.').as_bytes();
                    if w.iter().any(u8::is_ascii_digit) {
                        mask |= self.digit_rules;
                    }
                    // Every trigger word is short ASCII; longer tokens cannot be one.
                    if w.len() <= buf.len() && w.is_ascii() {
                        let b = &mut buf[..w.len()];
                        b.copy_from_slice(w);
                        b.make_ascii_lowercase();
                        if let Ok(key) = std::str::from_utf8(b) {
                            if let Some(m) = self.triggers.get(key) {
                                mask |= m;
                            }
                        }
                    }
                }
                mask
            })
            .collect()
    }

    pub(crate) fn tag(&self, text: &str, tokens: &Tokens, dct: Option<Date>) -> Vec<Timex> {
        let toks = tokens.tokens();
        if toks.is_empty() {
            return Vec::new();
        }
        // 1. Every rule's matches, aligned on token boundaries and accepted
        //    by the rule's context check. A rule runs only over the runs of
        //    sentences that hold one of its trigger words.
        let masks = self.sentence_masks(text, tokens);
        let sentences = tokens.sentences();
        let mut cands: Vec<Candidate> = Vec::new();
        for (ri, rule) in self.rules.iter().enumerate() {
            let bit = 1u64 << ri;
            let mut i = 0;
            while i < sentences.len() {
                if masks[i] & bit == 0 {
                    i += 1;
                    continue;
                }
                let first = i;
                while i < sentences.len() && masks[i] & bit != 0 {
                    i += 1;
                }
                let off = sentences[first].span.start;
                let region = &text[off..sentences[i - 1].span.end];
                for caps in rule.re.captures_iter(region) {
                    let Some(m) = caps.get(0) else { continue };
                    let mut span = Span::new(off + m.start(), off + m.end());
                    // An optional abbreviation dot may have taken the sentence's
                    // full stop ("the 5th of May."): give it back.
                    if span.len() > 1
                        && text[span].ends_with('.')
                        && tokens.token_starting_at(span.end - 1).is_some()
                    {
                        span.end -= 1;
                    }
                    if span.is_empty()
                        || tokens.token_starting_at(span.start).is_none()
                        || tokens.token_ending_at(span.end).is_none()
                    {
                        continue;
                    }
                    if !accept(rule.handler, &caps, text, tokens, span) {
                        continue;
                    }
                    cands.push(Candidate {
                        span,
                        rule: ri,
                        caps,
                    });
                }
            }
        }
        // 2. Longest match wins; among equals the earlier rule.
        cands.sort_by(|a, b| {
            b.span
                .len()
                .cmp(&a.span.len())
                .then(a.rule.cmp(&b.rule))
                .then(a.span.start.cmp(&b.span.start))
        });
        // Taken spans by start; a new span overlaps a taken one only if it
        // overlaps its neighbour on either side, so each check is O(log n).
        let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
        let mut kept: Vec<Candidate> = Vec::new();
        for c in cands {
            let before = taken.range(..=c.span.start).next_back();
            let after = taken.range(c.span.start..).next();
            let clash = before.is_some_and(|(_, &end)| end > c.span.start)
                || after.is_some_and(|(&start, _)| start < c.span.end);
            if !clash {
                taken.insert(c.span.start, c.span.end);
                kept.push(c);
            }
        }
        kept.sort_by_key(|c| c.span.start);
        // 3. Normalise in text order.
        let mut ctx = Ctx {
            text,
            tokens,
            dct,
            anchor: None,
            quarter: None,
            year: None,
        };
        let mut out: Vec<Timex> = Vec::with_capacity(kept.len());
        for c in &kept {
            let handler = self.rules[c.rule].handler;
            let Some((kind, value, rule)) = normalise(handler, &c.caps, &mut ctx, c.span) else {
                continue;
            };
            out.push(Timex {
                span: c.span,
                kind,
                value,
                rule,
            });
        }
        ranges::complete(text, tokens, &mut out);
        out.sort_by_key(|t| t.span.start);
        weeks::join(text, &mut out);
        out
    }
}

/// The lowercased text of the token before byte `start`, if any.
fn prev_word(text: &str, tokens: &Tokens, start: usize) -> Option<String> {
    let i = tokens.token_starting_at(start)?;
    let t = tokens.tokens().get(i.checked_sub(1)?)?;
    Some(t.text(text).to_lowercase())
}

/// The lowercased text of the token after byte `end`, if any.
fn next_word(text: &str, tokens: &Tokens, end: usize) -> Option<String> {
    let i = tokens.token_ending_at(end)?;
    let t = tokens.tokens().get(i + 1)?;
    Some(t.text(text).to_lowercase())
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Prepositions and modifiers that make a following number or name a date.
#[rustfmt::skip]
const DATE_PREPS: &[&str] = &[
    "in", "since", "by", "until", "till", "of", "from", "to", "through", "during", "before",
    "after", "early", "late", "mid", "fiscal", "between", "and", "or", "on", "for", "around",
    "circa", "year", "last", "next", "this", "the", "-",
];

/// Prepositions after which a four-digit number is a year even before a
/// plural noun.
#[rustfmt::skip]
const STRONG_PREPS: &[&str] = &[
    "in", "since", "by", "until", "till", "of", "from", "during", "before", "after", "between",
];

/// Words ending in "s" that are not plural nouns, or plural nouns that
/// follow a year ("2016 elections").
#[rustfmt::skip]
const NOT_PLURALS: &[&str] = &[
    "was", "has", "this", "thus", "its", "his", "elections", "polls", "olympics", "games",
];

/// Nouns that make a preceding four-digit number a count, not a year.
#[rustfmt::skip]
const COUNT_NOUNS: &[&str] = &[
    "people", "men", "women", "personnel", "feet", "metres", "meters", "km", "kg", "tonnes",
    "tons", "miles", "rupees", "dollars", "crore", "lakh", "percent", "per", "children",
    "police", "staff", "yards", "acres", "hectares", "points", "units", "cc", "mw", "kw",
    "rounds", "soldiers", "troops", "jobs", "workers", "employees", "shares", "cases",
    "students", "aircraft", "vehicles", "tanks", "jets", "missiles",
];

/// Context checks that a pattern alone cannot express.
fn accept(h: Handler, caps: &Captures, text: &str, tokens: &Tokens, span: Span) -> bool {
    let cap = |n: &str| caps.name(n).map(|m| m.as_str());
    // Month and weekday names are capitalised in running news text.
    for n in ["m", "wd"] {
        if let Some(w) = cap(n) {
            if w.chars().any(char::is_alphabetic) && !starts_upper(w) {
                return false;
            }
        }
    }
    let prev = prev_word(text, tokens, span.start);
    let next = next_word(text, tokens, span.end);
    let prev_is = |ws: &[&str]| prev.as_deref().is_some_and(|p| ws.contains(&p));
    match h {
        // "on the 25th", not "on the 25th anniversary" or "the 25th of".
        Handler::DayAlone => {
            let d =
                cap("d").and_then(|s| s.trim_end_matches(char::is_alphabetic).parse::<i64>().ok());
            d.is_some_and(|d| (1..=31).contains(&d))
                && prev_is(&["on"])
                && next.as_deref().is_none_or(|n| {
                    !n.chars().next().is_some_and(char::is_alphanumeric)
                        || matches!(
                            n,
                            "and" | "at" | "in" | "when" | "after" | "before" | "with" | "as"
                        )
                })
        }
        Handler::MonthDay | Handler::DayMonth => {
            let d = cap("d").and_then(day_number).unwrap_or(0);
            if !(1..=31).contains(&d) {
                return false;
            }
            // "the first of May" needs "of" when the day is a word.
            if h == Handler::DayMonth
                && cap("d").is_some_and(|s| s.starts_with(|c: char| c.is_alphabetic()))
                && cap("of").is_none()
            {
                return false;
            }
            // "May 5" against "may 5 percent" is settled by capitals; a
            // following colon or decimal is a time or a figure.
            if text[span.end..].starts_with([':', '.'])
                && text[span.end + 1..].starts_with(|c: char| c.is_ascii_digit())
            {
                return false;
            }
            true
        }
        Handler::Month => {
            let m = cap("m").unwrap_or("");
            if m.eq_ignore_ascii_case("may") && cap("rel").is_none() && !span_has_mod(caps) {
                // "May" alone is usually the modal verb.
                return prev_is(&[
                    "in", "since", "by", "until", "of", "from", "to", "through", "during",
                    "before", "after", "between", "and", "or", "early", "late", "mid", "last",
                    "next", "this",
                ]);
            }
            if m.eq_ignore_ascii_case("march") && next.as_deref() == Some("on") {
                return false;
            }
            true
        }
        Handler::Year => {
            // "2016-17" is a financial year only when the second year follows the first.
            if let (Some(y), Some(fy)) = (cap("y"), cap("fy")) {
                let next = (y.parse::<i64>().unwrap_or(0) + 1) % 100;
                if fy.parse::<i64>().ok() != Some(next) {
                    return false;
                }
            }
            if cap("pre").is_some() || span_has_mod(caps) {
                return true;
            }
            let before = &text[..span.start];
            if before.ends_with(['$', '#', '£', '€', '₹', '+'])
                || before.trim_end().ends_with("No.")
            {
                return false;
            }
            // Part of a name: "Northern/Interaction-2023", "Vostok-2018"
            // (a year joined to a word by a hyphen, no space).
            if let Some(word) = before.strip_suffix('-') {
                if word.ends_with(|c: char| c.is_alphabetic()) {
                    return false;
                }
            }
            // ... or to a name by a space: "Exercise Talisman Sabre 2025",
            // "RIMPAC 2024", "Vision 2030" (not "In 2025", "Christmas 2024",
            // "FY 2025").
            let word_before = before.trim_end_matches(' ');
            if word_before.len() + 1 == before.len() {
                let w = word_before
                    .rsplit(|c: char| !c.is_alphanumeric())
                    .next()
                    .unwrap_or("");
                let lower = w.to_lowercase();
                if w.starts_with(|c: char| c.is_uppercase())
                    && w.chars().all(char::is_alphabetic)
                    && !DATE_PREPS.contains(&lower.as_str())
                    && !matches!(
                        lower.as_str(),
                        "that"
                            | "these"
                            | "those"
                            | "its"
                            | "their"
                            | "his"
                            | "her"
                            | "our"
                            | "your"
                            | "my"
                            | "a"
                            | "an"
                            | "every"
                            | "each"
                            | "at"
                            | "as"
                            | "with"
                            | "against"
                            | "than"
                            | "about"
                            | "over"
                            | "under"
                            | "but"
                            | "while"
                            | "when"
                            | "what"
                            | "which"
                    )
                    && !crate::vocab::is_temporal_word(&lower)
                {
                    return false;
                }
            }
            if text[span.end..].starts_with(['%', '-', '/', '.', ',']) {
                let after = &text[span.end + 1..];
                if after.starts_with(|c: char| c.is_ascii_digit())
                    || text[span.end..].starts_with('%')
                {
                    return false;
                }
            }
            // A count noun after the number makes it a quantity ("2000
            // troops"), whatever comes before; a plural noun does unless a
            // temporal preposition precedes ("in 2016 elections").
            if let Some(n) = next.as_deref() {
                if COUNT_NOUNS.contains(&n) {
                    return false;
                }
                // A name is no plural noun: "the 2014 Wales summit".
                let capital = tokens
                    .token_ending_at(span.end)
                    .and_then(|i| tokens.tokens().get(i + 1))
                    .is_some_and(|t| starts_upper(t.text(text)));
                let plural = n.len() > 3
                    && n.ends_with('s')
                    && n.chars().all(|c| c.is_ascii_lowercase())
                    && !capital
                    && !NOT_PLURALS.contains(&n);
                if plural && !prev_is(STRONG_PREPS) {
                    return false;
                }
            }
            if prev_is(DATE_PREPS) {
                return true;
            }
            if prev.as_deref().is_some_and(|p| {
                p.chars().any(|c| c.is_ascii_digit())
                    && p.chars().all(|c| c.is_ascii_digit() || c == ',')
            }) {
                return false;
            }
            true
        }
        Handler::FiscalCode | Handler::QuarterCode => {
            // These codes are written in capitals.
            text[span].starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit())
        }
        Handler::SpelledYear => {
            let s = text[span].to_lowercase();
            if s.contains("thousand") {
                return cap("pre").is_some()
                    || prev_is(&["in", "since", "by", "until", "of", "year"]);
            }
            true
        }
        Handler::Season => {
            let s = cap("s").unwrap_or("").to_lowercase();
            let has_rel = cap("rel").is_some_and(|r| !r.eq_ignore_ascii_case("the"));
            if has_rel || cap("y").is_some() || span_has_mod(caps) {
                return true;
            }
            if next.as_deref() == Some("of") {
                return false;
            }
            if s == "fall" || s == "spring" {
                return cap("rel").is_some()
                    && prev_is(&[
                        "in", "by", "until", "since", "during", "through", "over", "for", "this",
                        "last", "next",
                    ]);
            }
            cap("rel").is_some()
                || prev_is(&[
                    "in", "by", "until", "since", "during", "through", "over", "this", "last",
                    "next", "early", "late", "mid",
                ])
        }
        Handler::Quarter => {
            let has_q = cap("q").is_some()
                || cap("y1").is_some()
                || cap("y2").is_some()
                || cap("ya").is_some()
                || cap("ry").is_some();
            if text[span.end..].starts_with('-') && !text[span.end..].starts_with("-end") {
                // "quarter-point", "quarter-century".
                return false;
            }
            if !has_q {
                let det = cap("det").map(str::to_lowercase);
                if !matches!(
                    det.as_deref(),
                    Some("the" | "this" | "that" | "its" | "their" | "last" | "next")
                ) {
                    return false;
                }
                if next.as_deref() == Some("of") || next.as_deref() == Some("century") {
                    return false;
                }
            }
            true
        }
        Handler::Half => {
            cap("y").is_some()
                || cap("rel").is_some()
                || text[span].to_lowercase().ends_with("year")
        }
        Handler::Present => {
            let s = text[span].to_lowercase();
            if s == "current" {
                // "current" alone only when it qualifies a period or policy
                // of now, not "current account" or electric current.
                return !matches!(
                    next.as_deref(),
                    Some(
                        "account"
                            | "accounts"
                            | "affairs"
                            | "events"
                            | "flows"
                            | "flow"
                            | "of"
                            | ","
                            | "."
                            | "and"
                            | "density"
                    )
                );
            }
            if s == "now" {
                // "now-defunct", "now that" still refer to the present.
                return true;
            }
            true
        }
        Handler::Future => {
            let s = text[span].to_lowercase();
            if s == "future" {
                return prev_is(&["the", "near", "in"])
                    || matches!(next.as_deref(), Some("." | "," | ";"));
            }
            true
        }
        Handler::Past => {
            let s = text[span].to_lowercase();
            if s == "recent" {
                // "recent" alone qualifies an event in the past; keep it
                // (TimeBank marks it) but not in "most recent" chains.
                return true;
            }
            true
        }
        Handler::UnitRel => {
            let r = cap("rel").unwrap_or("").to_lowercase();
            let u = cap("u").unwrap_or("").to_lowercase();
            // "the day" alone is any day ("the day he arrived"); "the next
            // day" is the day after the one the story last named.
            let r = r.split_whitespace().collect::<Vec<_>>().join(" ");
            let anaphoric_day = matches!(
                r.as_str(),
                "the next" | "the following" | "the previous" | "the same"
            );
            if u == "day" && !span_has_mod(caps) && !anaphoric_day {
                return false;
            }
            // "the year-ago results", "the year-end figure": a compound
            // adjective that another rule reads whole.
            if text[span.end..].starts_with('-') {
                return false;
            }
            if matches!(r.as_str(), "that" | "the same") && u != "year" && !anaphoric_day {
                return false;
            }
            // "the decade" alone is any decade; "the end of the decade" is
            // the story's.
            if r == "the" && matches!(u.as_str(), "century" | "decade") && !span_has_mod(caps) {
                return false;
            }
            // "the year two thousand" belongs to the spelled-year rule.
            true
        }
        _ => true,
    }
}

/// Whether the match carries a narrowing modifier ("early", "mid-", "the end of").
fn span_has_mod(caps: &Captures) -> bool {
    let s = caps.get(0).map_or("", |m| m.as_str()).to_lowercase();
    [
        "early",
        "mid",
        "late",
        "end of",
        "beginning of",
        "start of",
        "middle of",
        "turn of",
        "close of",
        "rest of",
        "remainder of",
        "balance of",
    ]
    .iter()
    .any(|w| {
        s.starts_with(w)
            || s.starts_with(&format!("the {w}"))
            || s.starts_with(&format!("the very {w}"))
    })
}
