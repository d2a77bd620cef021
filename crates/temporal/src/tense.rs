//! The tense of the clause around an expression, which decides whether a bare
//! weekday or month points back ("met on Friday") or forward ("will meet on
//! Friday").

use tidings_tokenize::Tokens;

/// The grammatical time of a clause, as far as surface cues show it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tense {
    /// A past-tense verb or auxiliary: "met", "was", "had signed".
    Past,
    /// A present-tense verb: "is", "begins".
    Present,
    /// A future marker: "will", "is to", "is set to", "next".
    Future,
    /// No cue found.
    Unknown,
}

/// Words that mark future time by themselves.
#[rustfmt::skip]
const FUTURE: &[&str] = &[
    "will", "shall", "'ll", "’ll", "wo", "would", "upcoming", "scheduled", "slated",
    "forthcoming", "tomorrow", "plans", "intends", "aims", "begins", "starts", "opens",
    "meets", "arrives", "visits", "ends", "resumes", "convenes", "travels", "heads", "leaves",
    "departs", "flies", "returns", "hosts", "attends", "due",
];

/// Words that mark the future when followed by "to" ("is set to", "are due to").
#[rustfmt::skip]
const FUTURE_BEFORE_TO: &[&str] = &[
    "is", "are", "am", "set", "due", "expected", "going", "likely", "poised", "planning",
    "plans", "scheduled", "slated",
];

/// Irregular past forms (and past auxiliaries) common in news.
#[rustfmt::skip]
const PAST: &[&str] = &[
    "was", "were", "had", "did", "said", "told", "met", "held", "went", "came", "took", "made",
    "gave", "saw", "began", "spoke", "wrote", "left", "led", "sent", "won", "lost", "paid",
    "sold", "bought", "brought", "thought", "felt", "kept", "became", "rose", "fell", "struck",
    "hit", "put", "set", "found", "got", "ran", "stood", "chose", "flew", "drove", "grew",
    "knew", "shot", "fought", "sought", "taught", "built", "meant", "heard", "ago",
    "yesterday", "last", "earlier", "previously", "recently",
];

/// Words ending in "-ed" that are not past-tense verbs.
#[rustfmt::skip]
const NOT_PAST_ED: &[&str] = &[
    "need", "needed", "united", "indeed", "hundred", "speed", "red", "bed", "feed", "seed",
    "proceed", "exceed", "succeed", "based", "related", "limited", "advanced", "detailed",
    "armed", "allied", "proposed", "expected", "scheduled", "planned", "concerned",
    "interested", "supposed", "alleged", "unprecedented", "sophisticated", "dedicated",
    "extended", "combined", "integrated", "coordinated", "skilled", "unified", "assured",
    "renewed", "shared", "advanced", "applied", "embed", "shred", "bred", "breed", "weed",
    "greed", "reed", "shed", "wed", "led", "fled",
];

/// Auxiliaries after which an "-ed" participle is passive or perfect, so
/// that the auxiliary, not the participle, carries the tense.
#[rustfmt::skip]
const BE_AUX: &[&str] = &[
    "be", "been", "being", "is", "are", "am", "to", "will", "get", "gets",
];

/// Words that open another clause: a cue after one of them does not speak
/// for an expression before it when one before the expression does.
#[rustfmt::skip]
const CLAUSE_OPENERS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "where", "while", "whereas", "but",
    "because", "although", "though", "unless", "if",
];

/// Verbs that a headline's "to" puts in the future ("Modi to visit US").
#[rustfmt::skip]
const HEADLINE_VERBS: &[&str] = &[
    "hold", "visit", "meet", "sign", "host", "attend", "launch", "begin", "start", "resume",
    "open", "travel", "discuss", "join", "buy", "deploy", "send", "conduct", "stage",
    "receive", "welcome", "seek", "unveil", "announce", "boost", "expand", "deepen",
];

/// Present-tense auxiliaries.
const PRESENT: &[&str] = &["is", "are", "am"];

/// Event verbs whose plain present with a plural subject is the news
/// present of a schedule ("He and Arafat meet separately Monday").
#[rustfmt::skip]
const PLURAL_PRESENT: &[&str] = &[
    "meet", "arrive", "travel", "convene", "gather", "sign", "attend", "begin", "resume",
];

/// Words before such a verb that make it no scheduled present: an
/// infinitive, a modal or a negation ("agreed to meet", "did not meet"),
/// or a determiner of a noun.
#[rustfmt::skip]
const NOT_PLURAL_PRESENT: &[&str] = &[
    "to", "not", "n't", "did", "do", "does", "could", "would", "can", "may", "might", "must",
    "should", "the", "a", "an", "their", "its",
];

fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// The tense cue carried by token `i` of the sentence `words` (lowercased).
fn cue(words: &[String], i: usize) -> Option<Tense> {
    let w = words[i].as_str();
    let next = words.get(i + 1).map(String::as_str);
    let prev = if i > 0 {
        Some(words[i - 1].as_str())
    } else {
        None
    };
    if FUTURE_BEFORE_TO.contains(&w) && next == Some("to") {
        return Some(Tense::Future);
    }
    // "The vote is set for early December", "talks are planned for May".
    if matches!(w, "set" | "planned" | "scheduled" | "slated" | "due")
        && next == Some("for")
        && matches!(prev, Some("is" | "are" | "be" | "been"))
    {
        return Some(Tense::Future);
    }
    // "A deal is expected by Christmas", "the jets are due in May".
    if matches!(w, "expected" | "due")
        && matches!(next, Some("by" | "in" | "on" | "before"))
        && matches!(prev, Some("is" | "are" | "be"))
    {
        return Some(Tense::Future);
    }
    if w == "next" {
        return Some(Tense::Future);
    }
    // "ahead of Trump's inauguration on Monday": what something comes
    // before is still to come.
    if w == "ahead" && next == Some("of") {
        return Some(Tense::Future);
    }
    // "he is scheduled to meet", "is expected to sign": the present of
    // the auxiliary speaks of what is to come.
    let after_next = words.get(i + 2).map(String::as_str);
    if PRESENT.contains(&w)
        && next.is_some_and(|n| FUTURE_BEFORE_TO.contains(&n))
        && after_next == Some("to")
    {
        return Some(Tense::Future);
    }
    // "an exercise to be held in November": an infinitive passive is
    // still to happen.
    if w == "be"
        && prev == Some("to")
        && next.is_some_and(|n| {
            matches!(
                n,
                "held" | "signed" | "staged" | "launched" | "hosted" | "opened"
            ) || (n.ends_with("ed") && n.len() > 4)
        })
    {
        return Some(Tense::Future);
    }
    if FUTURE.contains(&w) {
        return Some(Tense::Future);
    }
    // "The leaders meet every year": a habit, not a schedule.
    let habit = next.is_some_and(|n| {
        matches!(
            n,
            "every"
                | "each"
                | "annually"
                | "twice"
                | "once"
                | "regularly"
                | "weekly"
                | "monthly"
                | "often"
                | "yearly"
        )
    });
    if PLURAL_PRESENT.contains(&w)
        && !habit
        && !prev.is_some_and(|p| NOT_PLURAL_PRESENT.contains(&p))
    {
        return Some(Tense::Future);
    }
    let participle = |w: &str| {
        PAST.contains(&w)
            || (w.len() > 4
                && w.ends_with("ed")
                && w.chars().all(|c| c.is_ascii_lowercase())
                && !NOT_PAST_ED.contains(&w))
    };
    if participle(w) {
        // After "be", "will", "to" the form is a passive or perfect
        // participle: the auxiliary carries the tense.
        if prev.is_some_and(|p| BE_AUX.contains(&p)) && !matches!(w, "was" | "were" | "had" | "did")
        {
            return None;
        }
        return Some(Tense::Past);
    }
    if PRESENT.contains(&w) {
        return Some(Tense::Present);
    }
    None
}

/// The tense of the sentence holding tokens `first..last` (token indices),
/// taken from the cue nearest to the expression; a cue before the
/// expression wins a tie, since English puts the verb first.
pub fn tense_at(text: &str, tokens: &Tokens, first: usize, last: usize) -> Tense {
    let toks = tokens.tokens();
    if toks.is_empty() || first >= toks.len() {
        return Tense::Unknown;
    }
    let sentence = &tokens.sentences()[tokens.sentence_of(first)];
    // A cue further than this many tokens away belongs to another clause;
    // the bound also keeps the cost per expression constant.
    const REACH: usize = 30;
    let start = sentence.tokens.start.max(first.saturating_sub(REACH));
    let end = sentence.tokens.end.min(last.saturating_add(REACH));
    if start >= end {
        return Tense::Unknown;
    }
    let words: Vec<String> = toks[start..end]
        .iter()
        .map(|t| lower(t.text(text)))
        .collect();
    let base = start;
    let a = first.saturating_sub(base);
    let b = last.saturating_sub(base).min(words.len());
    // A headline has no full stop, and its "to" is the future: "Iran, U.S.
    // to hold talks in Rome on Friday".
    let headline = tokens.is_title_line(text, tokens.sentence_of(first))
        && toks[sentence.tokens.clone()]
            .iter()
            .all(|t| !t.newline_before);
    let mut best: Option<(usize, Tense)> = None;
    for i in (0..a.min(words.len())).rev() {
        let headline_to = headline
            && words[i] == "to"
            && words
                .get(i + 1)
                .is_some_and(|w| HEADLINE_VERBS.contains(&w.as_str()));
        // "plan a second round next month, following the inaugural drills
        // in June": what an event follows has happened ("the following
        // day" is no such word).
        let following = words[i] == "following" && (i == 0 || words[i - 1] != "the");
        if let Some(t) = cue(&words, i)
            .or(headline_to.then_some(Tense::Future))
            .or(following.then_some(Tense::Past))
        {
            best = Some((a - i, t));
            break;
        }
    }
    for i in b..words.len() {
        if best.is_some_and(|(d, _)| d <= i + 1 - b) {
            break;
        }
        // A relative or subordinate clause after the expression has verbs
        // of its own ("signed the pact on Monday that will allow ..."),
        // and so has one after a comma ("will hold talks in Rome on
        // Friday, the minister said on Wednesday").
        if best.is_some() && (CLAUSE_OPENERS.contains(&words[i].as_str()) || words[i] == ",") {
            break;
        }
        if let Some(t) = cue(&words, i) {
            best = Some((i + 1 - b, t));
            break;
        }
    }
    best.map_or(Tense::Unknown, |(_, t)| t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tidings_tokenize::tokenize;

    fn tense_of(text: &str, word: &str) -> Tense {
        let doc = tokenize(text);
        let at = text.find(word).unwrap();
        let i = doc.token_starting_at(at).unwrap();
        tense_at(text, &doc, i, i + 1)
    }

    #[test]
    fn past_and_future() {
        assert_eq!(tense_of("They met on Friday.", "Friday"), Tense::Past);
        assert_eq!(
            tense_of("They will meet on Friday.", "Friday"),
            Tense::Future
        );
        assert_eq!(
            tense_of(
                "They plan a second round next month, following the first drills in June.",
                "June"
            ),
            Tense::Past
        );
        assert_eq!(
            tense_of("On Friday, they signed two pacts.", "Friday"),
            Tense::Past
        );
        assert_eq!(
            tense_of("The talks are to begin on Friday.", "Friday"),
            Tense::Future
        );
        assert_eq!(
            tense_of("The talks will be held on Friday.", "Friday"),
            Tense::Future
        );
        assert_eq!(
            tense_of("He is set to visit India on Friday.", "Friday"),
            Tense::Future
        );
        assert_eq!(
            tense_of("The summit was held on Friday.", "Friday"),
            Tense::Past
        );
        assert_eq!(tense_of("Friday.", "Friday"), Tense::Unknown);
        assert_eq!(
            tense_of("The bonds are convertible at Thursday's price.", "Thursday"),
            Tense::Present
        );
        assert_eq!(
            tense_of("The summit begins Tuesday.", "Tuesday"),
            Tense::Future
        );
        assert_eq!(
            tense_of(
                "In Brussels, where on Thursday he is scheduled to meet Rutte.",
                "Thursday"
            ),
            Tense::Future
        );
        assert_eq!(
            tense_of(
                "Both welcomed Keris Woomera, a joint exercise to be held in East Java in November.",
                "November"
            ),
            Tense::Future
        );
        assert_eq!(
            tense_of("The United Nations on Friday.", "Friday"),
            Tense::Unknown
        );
        // The reporting clause after a comma does not speak for the date.
        assert_eq!(
            tense_of(
                "Iran and the US will hold talks in Rome on Friday, the minister said on Wednesday.",
                "Friday"
            ),
            Tense::Future
        );
        // A headline's "to" is the future; a sentence's is not.
        assert_eq!(
            tense_of(
                "Iran, U.S. to hold talks in Rome on Friday\nDUBAI - Oman said.",
                "Friday"
            ),
            Tense::Future
        );
        assert_eq!(
            tense_of("They agreed to hold talks in Rome on Friday.", "Friday"),
            Tense::Past
        );
        // The plain present of a plural subject is a schedule.
        assert_eq!(
            tense_of(
                "He and Arafat meet separately Monday with Albright.",
                "Monday"
            ),
            Tense::Future
        );
        assert_eq!(
            tense_of("They did not meet on Monday.", "Monday"),
            Tense::Past
        );
    }
}
