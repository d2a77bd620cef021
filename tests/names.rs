//! How entities are named: the fullest name the article gives, the list's
//! name where the article gives one word only, the list name kept as an
//! alias, and the list entry kept by a longer name built around it.

use tidings::{Entity, EntityType};

use crate::common::extractor;

fn entity(text: &str, etype: EntityType) -> Entity {
    let doc = extractor().extract(text, None);
    let found: Vec<Entity> = doc
        .entities
        .into_iter()
        .filter(|e| e.etype == etype)
        .collect();
    assert_eq!(found.len(), 1, "{etype:?} in {text:?}: {found:?}");
    found.into_iter().next().unwrap()
}

#[test]
fn the_article_form_is_the_name_and_the_list_name_an_alias() {
    let e = entity(
        "Officials of the US Department of Defense arrived on Monday.",
        EntityType::Org,
    );
    assert_eq!(e.name, "US Department of Defense");
    assert_eq!(e.aliases, ["United States Department of Defense"]);
}

#[test]
fn one_word_gives_the_list_name() {
    let e = entity("India and the US sealed the BECA.", EntityType::Agreement);
    assert_eq!(e.name, "Basic Exchange and Cooperation Agreement");
    assert_eq!(e.aliases, ["BECA"]);
}

#[test]
fn a_country_goes_by_its_list_name() {
    let doc = extractor().extract("The U.S. said so.", None);
    assert_eq!(doc.entities[0].name, "United States");
}

#[test]
fn a_designation_with_its_noun_keeps_the_listed_system() {
    let e = entity(
        "Poland ordered 48 FA-50 fighter jets last year.",
        EntityType::System,
    );
    assert_eq!(e.name, "FA-50 fighter jets");
    assert_eq!(e.aliases, ["FA-50"]);
    assert_eq!(e.attrs.country.as_deref(), Some("South Korea"));
    assert_eq!(e.attrs.kind.as_deref(), Some("aircraft"));
}
