//! Ambiguous list names, resolved by context: each name in a sentence where
//! it is the place, and one where it is not.

use tidings::EntityType;

use crate::common::{extractor, names_of};

fn places(text: &str) -> Vec<String> {
    names_of(text, EntityType::Place)
}

macro_rules! readings {
    ($($name:ident: $place:expr => $is:expr, $other:expr;)*) => {$(
        #[test]
        fn $name() {
            let found = places($is);
            assert!(found.iter().any(|p| p == $place), "{:?} in {:?}: {found:?}", $place, $is);
            let found = places($other);
            assert!(!found.iter().any(|p| p == $place), "{:?} in {:?}: {found:?}", $place, $other);
        }
    )*};
}

readings! {
    chad: "Chad" => "France withdrew its troops from Chad last year.", "Chad Smith said the deal was good.";
    jordan: "Jordan" => "King Abdullah of Jordan met the envoy.", "Jordan Peterson gave a lecture.";
    jordan_after_given_name: "Jordan" => "Jordan signed the accord.", "Michael Jordan signed the shoes.";
    georgia: "Georgia" => "Russia invaded Georgia in 2008.", "Georgia Fowler walked the runway.";
    turkey: "Turkey" => "Turkey bought S-400 missiles from Russia.", "They ate roast turkey on Thursday.";
    mali: "Mali" => "The last French soldiers left Mali.", "Mali Harries read the statement.";
    austin: "Austin" => "The company moved to Austin, Texas.", "Defence Secretary Lloyd Austin said so. Austin left.";
    reading: "Reading" => "She grew up in Reading.", "Reading the report, the minister frowned.";
    nice: "Nice" => "The attack in Nice killed 86 people.", "Nice work, the general said.";
    washington_with_another_capital: "Washington" => "Washington and Manila are bound by a 1951 treaty.", "George Washington and John Adams wrote letters.";
    washington_between: "Washington" => "Tensions between Washington and Beijing rose.", "Washington Irving wrote the story.";
    washington_with_its_country_named: "Washington" => "The U.S. approved the sale; Taiwan thanked Washington.", "George Washington led U.S. troops across the river.";
    lima_beside_its_country: "Lima" => "Ministers met in Santiago, then Lima and Bogota.", "Lima Barreto wrote novels.";
}

/// The country of the place named `name` in `text`.
fn country_of(text: &str, name: &str) -> Option<String> {
    let doc = extractor().extract(text, None);
    let place = doc.entities.into_iter().find(|e| e.name == name)?;
    place.attrs.country
}

#[test]
fn one_name_of_places_in_several_countries_takes_the_country_beside_it() {
    assert_eq!(
        country_of(
            "The plant will be built in Geelong, Victoria, by April.",
            "Victoria"
        )
        .as_deref(),
        Some("Australia")
    );
    assert_eq!(
        country_of(
            "The Indian Navy visited Vancouver and Victoria last week; Canada hosted it.",
            "Victoria"
        )
        .as_deref(),
        Some("Canada")
    );
}

/// The (type, name) pairs of the entities of `text`.
fn typed(text: &str) -> Vec<(EntityType, String)> {
    extractor()
        .extract(text, None)
        .entities
        .into_iter()
        .map(|e| (e.etype, e.name))
        .collect()
}

#[test]
fn one_name_of_two_countries_entries_is_the_one_of_the_country_named() {
    // (Named "IRA" as the text writes it; the entry's name is the first
    // alias.)
    let ira = |text: &str| {
        extractor()
            .extract(text, None)
            .entities
            .into_iter()
            .find(|e| e.name == "IRA")
            .and_then(|e| e.aliases.into_iter().next())
    };
    assert_eq!(
        ira("The IRA ended its ceasefire, British officials said.").as_deref(),
        Some("Irish Republican Army")
    );
    assert_eq!(
        ira("South Korea and the EU say the IRA favours U.S. carmakers.").as_deref(),
        Some("Inflation Reduction Act")
    );
    // Across types: a Mexican party and an Indian city.
    let morena = |text: &str| {
        typed(text)
            .into_iter()
            .find(|(_, n)| n == "Morena")
            .map(|(t, _)| t)
    };
    assert_eq!(
        morena("Morena won the election in Mexico."),
        Some(EntityType::Org)
    );
    assert_eq!(
        morena("Floods hit Morena in India's Madhya Pradesh."),
        Some(EntityType::Place)
    );
}
