//! The name normalisation of the annotation guide.

use unicode_normalization::UnicodeNormalization;

/// Normalises a name or a date text as the annotation guide says: Unicode
/// NFKC, lowercase, dots and apostrophes removed, any run of other
/// punctuation or whitespace turned into one space, trimmed, and a leading
/// "the " dropped.
///
/// "Other punctuation" is every character that is not alphanumeric
/// (`char::is_alphanumeric`), so hyphens, commas, quotes and symbols all
/// separate words. Apostrophes are `'`, `’`, `‘`, `‛`, `ʼ`, `` ` ``, `´` and
/// `′`: writers and extractors use all of them for the same mark.
///
/// ```
/// use tidings_eval::normalise;
///
/// assert_eq!(normalise("The U.S.-India  Business Council"), "us india business council");
/// assert_eq!(normalise("India’s MoD"), "indias mod");
/// assert_eq!(normalise("'INDUS-X' summit"), "indus x summit");
/// ```
pub fn normalise(s: &str) -> String {
    let out = normalise_text(s);
    match out.strip_prefix("the ") {
        Some(rest) => rest.to_owned(),
        None => out,
    }
}

/// [`normalise`] without dropping a leading "the": used on whole article
/// text, where the first word is not part of any name.
pub(crate) fn normalise_text(s: &str) -> String {
    // Lowercasing the whole string, not char by char, keeps the final-sigma
    // rule that Python's `str.lower` also applies.
    let lowered = s.nfkc().collect::<String>().to_lowercase();
    let mut out = String::with_capacity(lowered.len());
    let mut gap = false;
    for c in lowered.chars() {
        if c == '.' || is_apostrophe(c) {
            continue;
        }
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
    }
    out
}

fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{2018}' | '\u{201B}' | '\u{02BC}' | '`' | '\u{00B4}' | '\u{2032}'
    )
}

#[cfg(test)]
mod tests {
    use super::normalise;

    macro_rules! cases {
        ($($input:expr => $want:expr),* $(,)?) => {
            $(assert_eq!(normalise($input), $want, "normalise({:?})", $input);)*
        };
    }

    #[test]
    fn normalise_follows_the_guide() {
        cases! {
            "Lloyd Austin" => "lloyd austin",
            "  Lloyd   J. Austin III " => "lloyd j austin iii",
            "U.S." => "us",
            "the United States" => "united states",
            "The US" => "us",
            "the" => "the",
            "theatre command" => "theatre command",
            "Washington, DC" => "washington dc",
            "India's Ministry" => "indias ministry",
            "India\u{2019}s Ministry" => "indias ministry",
            "\u{FF29}\u{FF2E}\u{FF24}\u{FF29}\u{FF21}" => "india",
            "F-414 jet engine" => "f 414 jet engine",
            "\"INDUS-X\"" => "indus x",
            "" => "",
            "---" => "",
            "ΟΔΟΣ" => "οδος",
        }
    }
}
