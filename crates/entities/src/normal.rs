//! The key under which two spellings of one name meet.

/// British and American spellings, and other variants that news copy mixes,
/// folded to one form for comparing names (never for output).
const VARIANTS: &[(&str, &str)] = &[
    ("defense", "defence"),
    ("organization", "organisation"),
    ("organizations", "organisations"),
    ("program", "programme"),
    ("programs", "programmes"),
    ("center", "centre"),
    ("labor", "labour"),
    ("agreements", "agreement"),
    ("arrangements", "arrangement"),
    ("accords", "accord"),
    ("modernization", "modernisation"),
];

/// The comparison key of a name: lower case, dots, apostrophes and hyphens
/// removed, other punctuation made space, a leading "the" and a trailing
/// possessive dropped, and British/American spellings folded.
///
/// ```
/// use tidings_entities::name_key;
///
/// assert_eq!(name_key("the U.S. Department of Defense"), name_key("US Department of Defence"));
/// assert_eq!(name_key("INDUS-X"), "indusx");
/// ```
pub fn name_key(name: &str) -> String {
    let mut cleaned = String::with_capacity(name.len());
    for c in name.chars() {
        match c {
            '.' | '\'' | '’' | '‘' | '-' | '‐' | '‑' | '–' => {}
            c if c.is_alphanumeric() => cleaned.extend(c.to_lowercase()),
            _ => cleaned.push(' '),
        }
    }
    let mut words: Vec<&str> = cleaned.split_whitespace().collect();
    if words.first() == Some(&"the") {
        words.remove(0);
    }
    if words.last() == Some(&"s") && words.len() > 1 {
        words.pop();
    }
    let folded: Vec<&str> = words
        .into_iter()
        .map(|w| {
            VARIANTS
                .iter()
                .find(|(a, _)| *a == w)
                .map_or(w, |(_, b)| *b)
        })
        .filter(|w| !w.is_empty())
        .collect();
    folded.join(" ")
}

#[cfg(test)]
mod tests {
    use super::name_key;

    #[test]
    fn keys() {
        assert_eq!(name_key("The Pentagon"), "pentagon");
        assert_eq!(name_key("India’s"), "indias");
        assert_eq!(
            name_key("Security of Supply Arrangement"),
            "security of supply arrangement"
        );
        assert_eq!(name_key("co-operation"), name_key("cooperation"));
        assert_eq!(
            name_key("Ministry of Defense"),
            name_key("Ministry of Defence")
        );
    }
}
