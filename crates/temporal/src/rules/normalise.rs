//! The normaliser: turns the captures of a rule into a TIMEX3 value.
//!
//! Relative expressions are resolved against the reference date of the
//! [`Ctx`]: the document date, or in narrative mode the latest fully
//! specified date seen before the expression. All calendar arithmetic goes
//! through `jiff`.

use jiff::civil::Date;
use jiff::ToSpan;
use regex::Captures;
use tidings_core::Span;
use tidings_tokenize::Tokens;

use super::{prev_word, Handler};
use crate::tense::{tense_at, Tense};
use crate::vocab::*;
use crate::TimexKind;

/// What the normaliser knows at a point of the text.
pub(super) struct Ctx<'a> {
    pub(super) text: &'a str,
    pub(super) tokens: &'a Tokens,
    pub(super) dct: Option<Date>,
    /// The latest fully specified date seen so far (narrative mode).
    pub(super) anchor: Option<Date>,
    /// The latest quarter named so far (year, quarter), for "a year earlier".
    pub(super) quarter: Option<(i64, i64)>,
    /// The latest explicit year named so far, for "that year".
    pub(super) year: Option<i64>,
}

impl Ctx<'_> {
    /// The reference date: the document date, else the narrative anchor.
    fn reference(&self) -> Option<Date> {
        self.dct.or(self.anchor)
    }
}

pub(super) type Norm = Option<(TimexKind, String, &'static str)>;

fn date(kind: &'static str, value: String) -> Norm {
    Some((TimexKind::Date, value, kind))
}

fn ymd(y: i64, m: i64, d: i64) -> Option<Date> {
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

fn fmt_date(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

pub(super) fn fmt_week(d: Date) -> String {
    let w = d.iso_week_date();
    format!("{:04}-W{:02}", w.year(), w.week())
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(n.days()).ok()
}

fn add_months(d: Date, n: i64) -> Option<Date> {
    d.checked_add(n.months()).ok()
}

fn quarter_of(d: Date) -> i64 {
    (i64::from(d.month()) - 1) / 3 + 1
}

/// The direction a bare expression points in, from the tense of its clause.
fn direction(ctx: &Ctx, span: Span) -> Tense {
    direction_with(ctx, span, true)
}

/// The tense of the clause around `span`; with `prepositions`, a
/// preposition right before the expression overrides it.
fn direction_with(ctx: &Ctx, span: Span, prepositions: bool) -> Tense {
    let toks = ctx.tokens;
    let (Some(a), Some(b)) = (
        toks.token_starting_at(span.start),
        toks.token_ending_at(span.end),
    ) else {
        return Tense::Unknown;
    };
    if let Some(t) = by_preposition(ctx, span).filter(|_| prepositions) {
        return t;
    }
    tense_at(ctx.text, toks, a, b + 1)
}

/// The direction a preposition right before the date gives, which says
/// more than the verb: "payable Dec. 1", "completed by Dec. 15", "through
/// January".
fn by_preposition(ctx: &Ctx, span: Span) -> Option<Tense> {
    match prev_word(ctx.text, ctx.tokens, span.start)?.as_str() {
        "by" | "until" | "till" | "through" | "payable" | "effective" | "due" | "starting"
        | "beginning" | "to" => Some(Tense::Future),
        "since" => Some(Tense::Past),
        _ => None,
    }
}

/// The direction of the clause around `span` (as [`direction`]) and
/// whether its verb is in the future tense ("will gather"), whatever the
/// preposition before it; the clause's tense is read once.
fn direction_and_verb(ctx: &Ctx, span: Span) -> (Tense, bool) {
    let verb = direction_with(ctx, span, false);
    (
        by_preposition(ctx, span).unwrap_or(verb),
        verb == Tense::Future,
    )
}

/// The year of month `m` (and day `d`) without a year, seen from `r`.
///
/// The tense of the clause picks the occurrence before or after the
/// reference, as long as that one lies within nine months back or half a
/// year ahead; otherwise, and
/// when the clause has no tense, the nearest occurrence wins. News speaks
/// of dates near its own ("payable Dec. 1" in late October is this
/// December, whatever the verb), and past-tense reporting of coming dates
/// ("said it was extended to Nov. 16") is common.
fn year_for(r: Date, m: i64, d: Option<i64>, tense: Tense, said_will: bool) -> i64 {
    let y = i64::from(r.year());
    let rm = i64::from(r.month());
    let rd = i64::from(r.day());
    // Distance in days, roughly: months of 30.5 days are close enough to
    // choose between two occurrences a year apart.
    let dist = |yy: i64| -> f64 {
        let there = (yy * 12 + m) as f64 * 30.5 + d.map_or(15.0, |d| d as f64);
        let here = (y * 12 + rm) as f64 * 30.5 + if d.is_some() { rd as f64 } else { 15.0 };
        there - here
    };
    if m == rm && d.is_none() {
        return y;
    }
    let (prev, next) = if dist(y) <= 0.0 {
        (y, y + 1)
    } else {
        (y - 1, y)
    };
    if prev == next {
        return y;
    }
    let (dp, dn) = (-dist(prev), dist(next));
    let nearest = if dp <= dn { prev } else { next };
    match tense {
        // News looks back further than forward: a past-tense clause keeps
        // its date up to nine months back. A verb in the future tense
        // (`said_will`: "leaders will gather on June 24", said in November)
        // does not speak of a day gone by: it takes the coming one up to
        // eleven months ahead; a preposition alone ("through August") only
        // half a year.
        Tense::Past if dp <= 280.0 => prev,
        Tense::Future if dn <= 335.0 && said_will => next,
        Tense::Future | Tense::Present if dn <= 183.0 => next,
        // With no verb to go by, news more often looks back: the past
        // occurrence up to nine months back, as for a past tense.
        Tense::Unknown if dp <= 280.0 => prev,
        _ => nearest,
    }
}

/// The weekday `wd` nearest to `r` in the given direction (`r` itself counts).
fn weekday_from(r: Date, wd: i64, back: bool, strict: bool) -> Option<Date> {
    let cur = i64::from(r.weekday().to_monday_one_offset());
    let mut off = if back {
        (cur - wd).rem_euclid(7)
    } else {
        (wd - cur).rem_euclid(7)
    };
    if strict && off == 0 {
        off = 7;
    }
    add_days(r, if back { -off } else { off })
}

fn two_digit_year(y: i64) -> i64 {
    if y < 100 {
        if y < 50 {
            2000 + y
        } else {
            1900 + y
        }
    } else {
        y
    }
}

/// Turns a match into a value, updating the context.
pub(super) fn normalise(h: Handler, caps: &Captures, ctx: &mut Ctx, span: Span) -> Norm {
    let cap = |n: &str| caps.name(n).map(|m| m.as_str());
    let lc = |n: &str| caps.name(n).map(|m| fold(m.as_str()));
    let r = ctx.reference();
    let ry = r.map(|d| i64::from(d.year()));
    match h {
        Handler::Iso => {
            let d = ymd(
                cap("y")?.parse().ok()?,
                cap("m")?.parse().ok()?,
                cap("d")?.parse().ok()?,
            )?;
            ctx.anchor = Some(d);
            ctx.year = Some(i64::from(d.year()));
            date("iso_date", fmt_date(d))
        }
        Handler::Numeric => {
            let a: i64 = cap("a")?.parse().ok()?;
            let b: i64 = cap("b")?.parse().ok()?;
            let y = two_digit_year(cap("y")?.parse().ok()?);
            // Month first as in US copy, unless that cannot be a date.
            let d = ymd(y, a, b).or_else(|| ymd(y, b, a))?;
            ctx.anchor = Some(d);
            date("numeric_date", fmt_date(d))
        }
        Handler::Dotted => {
            let d: i64 = cap("d")?.parse().ok()?;
            let m: i64 = cap("m")?.parse().ok()?;
            let y: i64 = cap("y")?.parse().ok()?;
            let dt = ymd(y, m, d)?;
            ctx.anchor = Some(dt);
            date("dotted_date", fmt_date(dt))
        }
        Handler::MonthDay | Handler::DayMonth | Handler::Holiday => {
            // A holiday is its month and day ("Christmas" is December 25).
            let named = |md: &'static str, dm: &'static str, holiday: &'static str| match h {
                Handler::MonthDay => md,
                Handler::DayMonth => dm,
                _ => holiday,
            };
            let (m, d) = match h {
                Handler::Holiday => holiday_day(&lc("h")?)?,
                _ => (i64::from(month_number(cap("m")?)?), day_number(cap("d")?)?),
            };
            // A holiday is a point of reference, not the story's day: it
            // anchors nothing that follows.
            let anchors = h != Handler::Holiday;
            if let Some(y) = cap("y").and_then(year_number) {
                let dt = ymd(y, m, d)?;
                if anchors {
                    ctx.anchor = Some(dt);
                    ctx.year = Some(y);
                }
                return date(
                    named("month_day_year", "day_month_year", "holiday_year"),
                    fmt_date(dt),
                );
            }
            // "next Christmas" is the coming one, "last Christmas" the one
            // before; a month and day with "next year" is a year on.
            if let (Handler::Holiday, Some(rel), Some(r)) = (h, lc("rel"), r) {
                let y = i64::from(r.year());
                let this = ymd(y, m, d)?;
                let dt = match rel.as_str() {
                    "last" if this >= r => ymd(y - 1, m, d)?,
                    "next" if this < r => ymd(y + 1, m, d)?,
                    _ => this,
                };
                return date("holiday_rel", fmt_date(dt));
            }
            if let Some(rel) = lc("rel") {
                let shift = match rel.as_str() {
                    "last" => -1,
                    "next" => 1,
                    _ => 0,
                };
                ymd(2000, m, d)?; // validates the day (leap years allowed)
                let rule = named(
                    "month_day_rel_year",
                    "month_day_rel_year",
                    "holiday_rel_year",
                );
                return match ry {
                    // A February 29 must exist in the year it lands on.
                    Some(y) => date(rule, fmt_date(ymd(y + shift, m, d)?)),
                    None => date(rule, format!("XXXX-{m:02}-{d:02}")),
                };
            }
            ymd(2000, m, d)?;
            let rule = named("month_day", "day_month", "holiday");
            match r {
                Some(r) => {
                    let (tense, said_will) = match lc("wrel").as_deref() {
                        Some("last") => (Tense::Past, false),
                        Some(_) => (Tense::Future, false),
                        None => direction_and_verb(ctx, span),
                    };
                    let y = year_for(r, m, Some(d), tense, said_will);
                    let dt = ymd(y, m, d)?;
                    // A day the story names is the anchor of "two days
                    // later", even when its year is inferred.
                    if anchors {
                        ctx.anchor = Some(dt);
                    }
                    date(rule, fmt_date(dt))
                }
                None => date(rule, format!("XXXX-{m:02}-{d:02}")),
            }
        }
        Handler::MonthYear => {
            let m = month_number(cap("m")?)?;
            let y = year_number(cap("y")?)?;
            ctx.year = Some(y);
            date("month_year", format!("{y:04}-{m:02}"))
        }
        Handler::MonthRelYear => {
            let m = month_number(cap("m")?)?;
            // "in August that year", "in December of the same year": the
            // year the story last named.
            let rel = lc("rel")?;
            if rel == "that" || rel.starts_with("the") {
                return match ctx.year {
                    Some(y) => date("month_that_year", format!("{y:04}-{m:02}")),
                    None => date("month_that_year", format!("XXXX-{m:02}")),
                };
            }
            let shift = match rel.as_str() {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            match ry {
                Some(y) => date("month_rel_year", format!("{:04}-{m:02}", y + shift)),
                None => date("month_rel_year", format!("XXXX-{m:02}")),
            }
        }
        Handler::Month => {
            let m = i64::from(month_number(cap("m")?)?);
            let Some(r) = r else {
                return date("month", format!("XXXX-{m:02}"));
            };
            let rm = i64::from(r.month());
            let y = i64::from(r.year());
            let y = match lc("rel").as_deref() {
                Some("last" | "past" | "this past") => {
                    if m < rm {
                        y
                    } else {
                        y - 1
                    }
                }
                Some("next" | "coming" | "this coming") => {
                    if m > rm {
                        y
                    } else {
                        y + 1
                    }
                }
                Some(_) => y,
                None => {
                    let (tense, said_will) = direction_and_verb(ctx, span);
                    year_for(r, m, None, tense, said_will)
                }
            };
            date("month", format!("{y:04}-{m:02}"))
        }
        Handler::DayAlone => {
            let d: i64 = cap("d")?
                .trim_end_matches(char::is_alphabetic)
                .parse()
                .ok()?;
            let r = r?;
            let (y, m) = (i64::from(r.year()), i64::from(r.month()));
            // The story's month, or the one after (before) it when the
            // clause looks ahead (back) past that day.
            let rd = i64::from(r.day());
            let shift = match direction_and_verb(ctx, span).0 {
                Tense::Future if d < rd => 1,
                Tense::Past if d > rd => -1,
                _ => 0,
            };
            let months = y * 12 + (m - 1) + shift;
            let dt = ymd(months.div_euclid(12), months.rem_euclid(12) + 1, d)?;
            date("day_alone", fmt_date(dt))
        }
        Handler::Weekday => {
            let wd = i64::from(weekday_number(cap("wd")?)?);
            let rel = lc("rel");
            let Some(r) = r else {
                return date("weekday", format!("XXXX-WXX-{wd}"));
            };
            let d = match rel.as_deref() {
                Some("last" | "past" | "this past" | "the previous" | "previous") => {
                    weekday_from(r, wd, true, true)?
                }
                Some("next" | "coming" | "this coming" | "the following") => {
                    weekday_from(r, wd, false, true)?
                }
                Some("this") => weekday_from(r, wd, false, false)?,
                // News mostly reports what happened: only a future cue
                // moves a bare weekday forward, or a start or end in a
                // clause not in the past ("is visiting Sri Lanka from
                // Friday", "runs until Sunday").
                _ => {
                    let bound = prev_word(ctx.text, ctx.tokens, span.start).is_some_and(|w| {
                        matches!(
                            w.as_str(),
                            "from" | "starting" | "beginning" | "until" | "till" | "through"
                        )
                    });
                    match direction_with(ctx, span, false) {
                        Tense::Future => weekday_from(r, wd, false, false)?,
                        Tense::Present | Tense::Unknown if bound => {
                            weekday_from(r, wd, false, false)?
                        }
                        _ => weekday_from(r, wd, true, false)?,
                    }
                }
            };
            // "KCNA said Thursday the country had conducted a test the
            // previous day": a weekday names a day the story can count from.
            ctx.anchor = Some(d);
            date("weekday", fmt_date(d))
        }
        Handler::Year => {
            let y = year_number(cap("y")?)?;
            ctx.year = Some(y);
            let rule = if cap("pre").is_some_and(|p| p.to_lowercase().starts_with("fiscal")) {
                "fiscal_year"
            } else {
                "year"
            };
            date(rule, format!("{y:04}"))
        }
        Handler::FiscalCode => {
            let y = two_digit_year(cap("y")?.parse().ok()?);
            date("fiscal_year", format!("{y:04}"))
        }
        Handler::SpelledYear => {
            let y = year_number(cap("y")?)?;
            ctx.year = Some(y);
            date("spelled_year", format!("{y:04}"))
        }
        Handler::Decade => {
            let v = if let Some(d) = cap("dec") {
                d[..3].to_string()
            } else {
                let n: i64 = if let Some(d) = cap("dec2") {
                    d[..1].parse().ok()?
                } else {
                    let w = lc("decw")?;
                    TENS.iter().find(|(t, _)| w.starts_with(&t[..4]))?.1 / 10
                };
                let century = ry.map_or(19, |y| {
                    if n * 10 > y % 100 + 10 {
                        y / 100 - 1
                    } else {
                        y / 100
                    }
                });
                format!("{century}{n}")
            };
            date("decade", v)
        }
        Handler::Century => {
            let n = match cap("n") {
                Some(n) => n.parse::<i64>().ok()?,
                None => day_number(cap("nw")?)?,
            };
            if !(1..=30).contains(&n) {
                return None;
            }
            date("century", format!("{:02}", n - 1))
        }
        Handler::Season => {
            let code = season_code(cap("s")?)?;
            if let Some(y) = cap("y").and_then(year_number) {
                ctx.year = Some(y);
                return date("season", format!("{y:04}-{code}"));
            }
            let Some(r) = r else {
                return date("season", format!("XXXX-{code}"));
            };
            let y = i64::from(r.year());
            let y = match lc("rel").as_deref() {
                Some("last" | "past") => y - 1,
                Some("next") => y + 1,
                _ => y,
            };
            date("season", format!("{y:04}-{code}"))
        }
        Handler::Quarter => quarter(caps, ctx),
        Handler::QuarterCode => {
            let q: i64 = cap("q").or(cap("q2"))?.parse().ok()?;
            let y = match cap("y") {
                Some(y) => two_digit_year(y.parse().ok()?),
                None => match ry {
                    Some(y) => y,
                    None => return date("quarter", format!("XXXX-Q{q}")),
                },
            };
            ctx.quarter = Some((y, q));
            date("quarter", format!("{y:04}-Q{q}"))
        }
        Handler::Half => {
            let h = if lc("h")?.starts_with("first") { 1 } else { 2 };
            let y = match (cap("y").and_then(year_number), lc("rel")) {
                (Some(y), _) => y,
                (None, Some(rel)) => {
                    let s = match rel.as_str() {
                        "last" => -1,
                        "next" => 1,
                        _ => 0,
                    };
                    match ry {
                        Some(y) => y + s,
                        None => return date("half_year", format!("XXXX-H{h}")),
                    }
                }
                (None, None) => match ry {
                    Some(y) => y,
                    None => return date("half_year", format!("XXXX-H{h}")),
                },
            };
            date("half_year", format!("{y:04}-H{h}"))
        }
        Handler::Period => {
            let ya = lc("ya");
            let back = matches!(
                ya.as_deref(),
                Some("year earlier" | "year ago" | "comparable" | "corresponding" | "same")
            ) || cap("ly").is_some();
            if let Some(y) = cap("y").and_then(year_number) {
                let q = ctx.quarter.map_or(4, |(_, q)| q);
                return date("period", format!("{y:04}-Q{q}"));
            }
            let (y, q) = ctx.quarter.or_else(|| r.map(previous_quarter))?;
            let y = if back { y - 1 } else { y };
            date("period", format!("{y:04}-Q{q}"))
        }
        Handler::DayRel => {
            let w = lc("w")?;
            let shift = match (
                w.as_str(),
                cap("dba").map(|s| s.to_lowercase().contains("before")),
            ) {
                ("yesterday", Some(true)) => -2,
                ("tomorrow", Some(false)) => 2,
                ("yesterday", _) => -1,
                ("tomorrow", _) => 1,
                _ => 0,
            };
            let rule: &'static str = match w.as_str() {
                "today" => "today",
                "yesterday" => "yesterday",
                "tomorrow" => "tomorrow",
                _ => "tonight",
            };
            // "today" in narrative mode would inherit an unrelated date; with
            // no document date it is only "now".
            let Some(r) = ctx.dct.or(if w == "today" || w == "tonight" {
                None
            } else {
                ctx.anchor
            }) else {
                return match w.as_str() {
                    "today" => date(rule, "PRESENT_REF".into()),
                    "tonight" => Some((TimexKind::Time, "PRESENT_REF".into(), rule)),
                    _ => date(rule, "XXXX-XX-XX".into()),
                };
            };
            let d = add_days(r, shift)?;
            if w == "tonight" {
                return Some((TimexKind::Time, format!("{}TNI", fmt_date(d)), rule));
            }
            date(rule, fmt_date(d))
        }
        Handler::Ago => {
            let u = lc("u")?;
            let dir = lc("dir")?;
            let back = matches!(dir.as_str(), "ago" | "earlier" | "back");
            // "two days later", "a week earlier" count from the date the
            // story last named in full; "ago" and "from now" from today.
            let r = if matches!(dir.as_str(), "later" | "earlier") {
                ctx.anchor.or(r)
            } else {
                r
            };
            let n = number(cap("n")?);
            let (Some(n), Some(r)) = (n, r) else {
                return date("ago", if back { "PAST_REF" } else { "FUTURE_REF" }.into());
            };
            let s = if back { -n } else { n };
            let v = match u.as_str() {
                "day" => fmt_date(add_days(r, s)?),
                "week" | "fortnight" => {
                    let k = if u == "fortnight" { 14 } else { 7 };
                    fmt_date(add_days(r, s * k)?)
                }
                "month" => {
                    let d = add_months(r, s)?;
                    format!("{:04}-{:02}", d.year(), d.month())
                }
                "year" => {
                    // In earnings copy "a year earlier" is the same quarter
                    // of the previous year.
                    if n == 1 && back {
                        if let Some((y, q)) = ctx.quarter {
                            return date("ago", format!("{:04}-Q{q}", y + s));
                        }
                        if sentence_mentions(ctx, span, &["quarter"]) {
                            let (y, q) = previous_quarter(r);
                            return date("ago", format!("{:04}-Q{q}", y + s));
                        }
                    }
                    format!("{:04}", i64::from(r.year()) + s)
                }
                "decade" => format!("{}", (i64::from(r.year()) + 10 * s) / 10),
                "century" => format!("{:02}", (i64::from(r.year()) + 100 * s) / 100),
                _ => {
                    return Some((
                        TimexKind::Time,
                        if back { "PAST_REF" } else { "FUTURE_REF" }.into(),
                        "ago",
                    ))
                }
            };
            date("ago", v)
        }
        Handler::UnitRel => unit_rel(caps, ctx, span),
        Handler::YearAgo => {
            if let Some((y, q)) = ctx.quarter {
                return date("year_ago", format!("{:04}-Q{q}", y - 1));
            }
            date(
                "year_ago",
                ry.map_or("XXXX".into(), |y| format!("{:04}", y - 1)),
            )
        }
        Handler::YearEnd => {
            let w = lc("w")?;
            if w.contains("date") {
                return Some((TimexKind::Duration, "P1Y".into(), "year_end"));
            }
            // The hyphenated form is the accounting date, December 31.
            if w == "year end" && caps.get(0)?.as_str().contains('-') {
                return date(
                    "year_end",
                    ry.map_or("XXXX-12-31".into(), |y| format!("{y:04}-12-31")),
                );
            }
            date("year_end", ry.map_or("XXXX".into(), |y| format!("{y:04}")))
        }
        Handler::Present => date("present_ref", "PRESENT_REF".into()),
        Handler::Past => date("past_ref", "PAST_REF".into()),
        Handler::Future => date("future_ref", "FUTURE_REF".into()),
        Handler::Duration => {
            let u = lc("u")?;
            let n = number(cap("n")?);
            let n = n.map_or("X".to_string(), |n| n.to_string());
            let v = match u.as_str() {
                "second" => format!("PT{n}S"),
                "minute" => format!("PT{n}M"),
                "hour" => format!("PT{n}H"),
                "day" => format!("P{n}D"),
                "week" => format!("P{n}W"),
                "fortnight" => format!("P{n}F"),
                "month" => format!("P{n}M"),
                "year" => format!("P{n}Y"),
                "decade" => format!("P{n}DE"),
                _ => format!("P{n}CE"),
            };
            Some((TimexKind::Duration, v, "duration"))
        }
        Handler::Set => {
            let s = fold(caps.get(0)?.as_str());
            let u = lc("u")
                .or(lc("u2"))
                .or(lc("u3"))
                .or(lc("u4"))
                .unwrap_or_default();
            let v = if let Some(wd) = weekday_number(&u) {
                format!("XXXX-WXX-{wd}")
            } else if s.starts_with("annual")
                || s.starts_with("yearly")
                || u == "year"
                || u == "annum"
            {
                "P1Y".into()
            } else if s.starts_with("biennial") {
                "P2Y".into()
            } else if s.starts_with("biannual") {
                "P6M".into()
            } else if s.starts_with("daily")
                || u == "day"
                || u == "morning"
                || u == "evening"
                || u == "night"
            {
                "P1D".into()
            } else if s.starts_with("weekly") || u == "week" || u == "weekend" {
                "P1W".into()
            } else if s.starts_with("monthly") || u == "month" {
                "P1M".into()
            } else if s.starts_with("quarterly") || u == "quarter" {
                "P3M".into()
            } else if u == "decade" {
                "P10Y".into()
            } else {
                "P1X".into()
            };
            Some((TimexKind::Set, v, "set"))
        }
    }
}

/// Whether the sentence holding `span` contains one of `words`.
fn sentence_mentions(ctx: &Ctx, span: Span, words: &[&str]) -> bool {
    let i = ctx.tokens.sentence_at(span.start);
    let Some(s) = ctx.tokens.sentences().get(i) else {
        return false;
    };
    let t = ctx.text[s.span].to_lowercase();
    words.iter().any(|w| t.contains(w))
}

/// The last complete quarter before `r`: the one a report dated `r` covers.
fn previous_quarter(r: Date) -> (i64, i64) {
    let q = quarter_of(r);
    let y = i64::from(r.year());
    if q == 1 {
        (y - 1, 4)
    } else {
        (y, q - 1)
    }
}

fn quarter(caps: &Captures, ctx: &mut Ctx) -> Norm {
    let cap = |n: &str| caps.name(n).map(|m| m.as_str());
    let lc = |n: &str| caps.name(n).map(|m| fold(m.as_str()));
    let r = ctx.reference();
    let q_word = lc("q");
    let explicit_q: Option<i64> = match q_word.as_deref() {
        Some("first" | "1st") => Some(1),
        Some("second" | "2nd") => Some(2),
        Some("third" | "3rd") => Some(3),
        Some("fourth" | "4th" | "final") => Some(4),
        _ => None,
    };
    let back_year = cap("ya").is_some()
        || cap("ago").is_some()
        || lc("ry").as_deref() == Some("last")
        || lc("rel2").as_deref() == Some("last");
    let next_year = lc("ry").as_deref() == Some("next") || lc("rel2").as_deref() == Some("next");
    let explicit_y = cap("y1").or(cap("y2")).and_then(year_number);
    let det = lc("det");
    let (y, q) = if let Some(q) = explicit_q {
        let y = match explicit_y {
            Some(y) => y,
            None => match r {
                Some(r) => {
                    i64::from(r.year())
                        + if back_year {
                            -1
                        } else if next_year {
                            1
                        } else {
                            0
                        }
                }
                None => return date("quarter", format!("XXXX-Q{q}")),
            },
        };
        (y, q)
    } else {
        let Some(r) = r else {
            return date("quarter", "XXXX-QX".into());
        };
        let cur = (i64::from(r.year()), quarter_of(r));
        let base = match (q_word.as_deref(), det.as_deref()) {
            (Some("current"), _) | (None, Some("this")) => cur,
            (Some("next" | "coming" | "following"), _) | (None, Some("next")) => {
                if cur.1 == 4 {
                    (cur.0 + 1, 1)
                } else {
                    (cur.0, cur.1 + 1)
                }
            }
            (Some("previous" | "last" | "past" | "latest" | "recent" | "most recent"), _)
            | (None, Some("last")) => previous_quarter(r),
            _ => ctx.quarter.unwrap_or_else(|| previous_quarter(r)),
        };
        let y = explicit_y.unwrap_or(base.0)
            + if back_year && explicit_y.is_none() {
                -1
            } else {
                0
            };
        (y, base.1)
    };
    // A quarter of the year before ("the year-earlier quarter") is a
    // comparison, not the quarter the story is about.
    if !back_year {
        ctx.quarter = Some((y, q));
    }
    date("quarter", format!("{y:04}-Q{q}"))
}

fn unit_rel(caps: &Captures, ctx: &mut Ctx, span: Span) -> Norm {
    let lc = |n: &str| caps.name(n).map(|m| fold(m.as_str()));
    let rel = lc("rel")?;
    let u = lc("u")?;
    let u = if u.ends_with("year") || u == "fiscal" {
        "year".to_string()
    } else {
        u
    };
    let shift: i64 = match rel.as_str() {
        "last" | "past" | "this past" | "the past" | "the last" | "the previous" | "the latest" => {
            -1
        }
        "next" | "coming" | "this coming" | "the next" | "the coming" | "the following" => 1,
        _ => 0,
    };
    // "was signed the same day": the day the story last named.
    if u == "day" && rel == "the same" {
        return date("relative_unit", fmt_date(ctx.anchor.or(ctx.reference())?));
    }
    if matches!(rel.as_str(), "that" | "the same") {
        let y = ctx.year?;
        return date("that_year", format!("{y:04}"));
    }
    // "the following year" follows the year the text last named.
    if u == "year" && matches!(rel.as_str(), "the following" | "the previous") {
        if let Some(y) = ctx.year {
            return date("that_year", format!("{:04}", y + shift));
        }
    }
    // "the following day / week / month", "the previous day": counted
    // from the date the story last named in full, when it named one.
    let anaphoric = matches!(rel.as_str(), "the following" | "the previous")
        || (u == "day" && rel == "the next");
    let r = if anaphoric {
        ctx.anchor.or(ctx.reference())
    } else {
        ctx.reference()
    };
    let Some(r) = r else {
        let v = match u.as_str() {
            "week" => "XXXX-WXX",
            "weekend" => "XXXX-WXX-WE",
            "month" => "XXXX-XX",
            "year" => "XXXX",
            "decade" => "XXX",
            "century" => "XX",
            _ => "XXXX-XX-XX",
        };
        return date("relative_unit", v.into());
    };
    let rule = "relative_unit";
    let v = match u.as_str() {
        "day" => fmt_date(add_days(r, shift)?),
        // "the week" names a week of the story, not necessarily this one.
        "week" if rel == "the" => format!("{:04}-WXX", r.year()),
        "week" => fmt_week(add_days(r, 7 * shift)?),
        "weekend" => {
            // The weekend nearest in the clause's direction.
            let back = match shift {
                -1 => true,
                1 => false,
                _ => !matches!(direction(ctx, span), Tense::Future),
            };
            let sat = weekday_from(r, 6, back, shift != 0)?;
            let sat = if back && r.weekday().to_monday_one_offset() == 7 && shift == 0 {
                add_days(r, -1)?
            } else {
                sat
            };
            format!("{}-WE", fmt_week(sat))
        }
        "month" => {
            let d = add_months(r, shift)?;
            format!("{:04}-{:02}", d.year(), d.month())
        }
        "year" => format!("{:04}", i64::from(r.year()) + shift),
        "decade" => format!("{}", i64::from(r.year()) / 10 + shift),
        "century" => format!("{:02}", i64::from(r.year()) / 100 + shift),
        _ => return None,
    };
    date(rule, v)
}

/// The month and day of a fixed-date holiday, lower case ("christmas").
fn holiday_day(name: &str) -> Option<(i64, i64)> {
    let words: Vec<&str> = name.split_whitespace().collect();
    Some(match words[..] {
        ["christmas"] | ["christmas", "day"] => (12, 25),
        ["christmas", "eve"] => (12, 24),
        ["boxing", "day"] => (12, 26),
        ["halloween"] => (10, 31),
        ["new", _] | ["new", _, "day"] => (1, 1),
        ["new", _, "eve"] => (12, 31),
        _ => return None,
    })
}
