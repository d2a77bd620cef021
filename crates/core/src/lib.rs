//! The vocabulary that every tidings stage shares: one byte [`Span`] type and
//! the five [`EntityType`]s of the annotation schema.
//!
//! Every stage of the pipeline (tokenizer, gazetteer, temporal tagger, rules,
//! relations and events) reports where it found something as a `Span` into the
//! text it was given. Offsets are bytes, start inclusive and end exclusive, and
//! a later stage never changes them.
//!
//! ```
//! use tidings_core::{EntityType, Span};
//!
//! let text = "Defence Minister Rajnath Singh met Lloyd Austin.";
//! let span = Span::new(17, 30);
//! assert_eq!(&text[span], "Rajnath Singh");
//! assert!(span.contains(Span::new(25, 30)));
//! assert_eq!("PERSON".parse::<EntityType>(), Ok(EntityType::Person));
//! ```

use std::fmt;
use std::ops::{Index, Range};
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A byte range into the input text: `start` inclusive, `end` exclusive.
///
/// Both ends of a span made by a tidings stage lie on `char` boundaries of the
/// text it was made from, so `&text[span]` never panics for such spans.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// Creates a span. `start` must not be greater than `end`.
    #[inline]
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    /// The number of bytes covered.
    #[inline]
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    #[inline]
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies wholly inside this span.
    #[inline]
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    #[inline]
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    #[inline]
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The span as a `Range`, for slicing.
    #[inline]
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

impl Index<Span> for str {
    type Output = str;

    #[inline]
    fn index(&self, span: Span) -> &str {
        &self[span.start..span.end]
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

/// The indices of the items of `sorted` whose key lies in `range`, where
/// `sorted` is in ascending order of `key` (tokens, matches, timexes and
/// mentions are all sorted by where they start): two binary searches, so
/// that looking at one sentence's items costs that sentence, not the whole
/// text.
///
/// ```
/// let starts = [2, 5, 5, 9, 12];
/// assert_eq!(tidings_core::starting_in(&starts, |&s| s, 5..10), 1..4);
/// assert!(tidings_core::starting_in(&starts, |&s| s, 13..20).is_empty());
/// ```
pub fn starting_in<T>(
    sorted: &[T],
    key: impl Fn(&T) -> usize,
    range: Range<usize>,
) -> Range<usize> {
    let lo = sorted.partition_point(|x| key(x) < range.start);
    let hi = sorted.partition_point(|x| key(x) < range.end);
    lo..hi.max(lo)
}

/// The kinds of entity that tidings reports (schema v1 of the annotation guide).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityType {
    /// A named human.
    Person,
    /// Ministries, agencies, armed services, companies, forums, alliances and
    /// named initiatives or programmes.
    Org,
    /// Countries, states, cities, regions, bodies of water, named facilities.
    Place,
    /// Treaties, pacts, memoranda, arrangements, roadmaps, named deals.
    Agreement,
    /// Named military equipment and the programmes to build it.
    System,
}

impl EntityType {
    /// All entity types, in output order.
    pub const ALL: [EntityType; 5] = [
        EntityType::Person,
        EntityType::Org,
        EntityType::Place,
        EntityType::Agreement,
        EntityType::System,
    ];

    /// The upper-case name used in gazetteers, rules and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Place => "PLACE",
            EntityType::Agreement => "AGREEMENT",
            EntityType::System => "SYSTEM",
        }
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of parsing an [`EntityType`] from a name that is not one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownEntityType(pub String);

impl fmt::Display for UnknownEntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown entity type {:?} (expected PERSON, ORG, PLACE, AGREEMENT or SYSTEM)",
            self.0
        )
    }
}

impl std::error::Error for UnknownEntityType {}

impl FromStr for EntityType {
    type Err = UnknownEntityType;

    fn from_str(s: &str) -> Result<EntityType, UnknownEntityType> {
        EntityType::ALL
            .into_iter()
            .find(|t| t.as_str() == s)
            .ok_or_else(|| UnknownEntityType(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_relations() {
        let a = Span::new(2, 8);
        assert!(a.contains(Span::new(2, 8)));
        assert!(a.contains(Span::new(3, 5)));
        assert!(!a.contains(Span::new(1, 5)));
        assert!(a.overlaps(Span::new(7, 9)));
        assert!(!a.overlaps(Span::new(8, 9)));
        assert_eq!(a.cover(Span::new(10, 12)), Span::new(2, 12));
        assert_eq!(a.len(), 6);
        assert!(Span::new(4, 4).is_empty());
    }

    #[test]
    fn span_indexes_str_on_char_boundaries() {
        let text = "Türkiye’s army";
        let span = Span::new(0, "Türkiye".len());
        assert_eq!(&text[span], "Türkiye");
    }

    #[test]
    fn entity_type_round_trips() {
        for t in EntityType::ALL {
            assert_eq!(t.as_str().parse::<EntityType>(), Ok(t));
            assert_eq!(t.to_string(), t.as_str());
        }
        assert!("person".parse::<EntityType>().is_err());
    }
}
