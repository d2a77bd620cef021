//! Relations between entities: `represents`, `works_for`, `part_of`,
//! `party_to` and `signatory`, as the annotation guide defines them.
//!
//! Relations come from three sources, each named in the relation's `rule`:
//!
//! - relation rules in the pattern language (`relation TYPE` fields, with
//!   `head` and `tail` captures over `<ent:...>` mentions);
//! - what the entity stage read from a name and its title ("Indian Foreign
//!   Secretary Vikram Misri" represents India; "Indian Ministry of Defence"
//!   is part of India; "ECOWAS Commission" is part of ECOWAS, a body named
//!   after an international one in the text);
//! - the lists: a treaty's list entry names its parties (`parties=`), and
//!   each one the text names is `party_to` it; a body's entry names the
//!   body it is part of (`parent=`);
//! - signing events: the countries and organisations that sign are
//!   `party_to` the agreement, the people who sign are its `signatory`;
//!   and of a signing or meeting between two countries and two officials,
//!   one acting for one of them, the other `represents` the other country.
//!
//! ```
//! use tidings_entities::{find as find_entities, EntityRules, Input};
//! use tidings_gazetteer::GazetteerBuilder;
//! use tidings_pattern::parse_rules;
//! use tidings_relations::{find, RelationRules, RelationType};
//! use tidings_temporal::Tagger;
//! use tidings_tokenize::tokenize;
//!
//! let gazetteer = GazetteerBuilder::new()
//!     .add_source("g.tsv", "PLACE\tIndia\t\tkind=country;demonym=Indian\nTITLE\tForeign Secretary\n")?
//!     .build()?;
//! let people = parse_rules("p.rules", "\
//! rule person.title
//!   pattern  (?<country>[@kind:country])? (?<title>[@gaz:TITLE]+) (?<name>[shape=Capitalized & !@gaz:*]{2})
//!   emit     PERSON name
//!   title    title
//!   country  country
//! ")?;
//! let text = "Indian Foreign Secretary Vikram Misri arrived.";
//! let tokens = tokenize(text);
//! let matches = gazetteer.find(text, &tokens);
//! let timexes = Tagger::new().tag(text, &tokens, None);
//! let input = Input { text, tokens: &tokens, gazetteer: &gazetteer, matches: &matches, timexes: &timexes };
//! let entities = find_entities(&input, &EntityRules::new(&[people])?);
//! let relations = find(&input, &entities, &[], &RelationRules::default());
//! let r = &relations[0];
//! assert_eq!(r.rtype, RelationType::Represents);
//! assert_eq!(entities.entities[r.head].name, "Vikram Misri");
//! assert_eq!(entities.entities[r.tail].name, "India");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;

use tidings_core::{EntityType, Span};
use tidings_entities::{annotate_all, name_key, Entities, Input};
use tidings_events::{Event, EventType, Status};
use tidings_pattern::{Pattern, RuleError, RuleFile, Sequence};

/// The kinds of relation (schema v1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RelationType {
    /// PERSON → country they act for.
    Represents,
    /// PERSON → ORG they work for.
    WorksFor,
    /// ORG → ORG or country it belongs to.
    PartOf,
    /// Country or ORG → AGREEMENT it is party to.
    PartyTo,
    /// PERSON → AGREEMENT they signed.
    Signatory,
}

impl RelationType {
    /// All relation types.
    pub const ALL: [RelationType; 5] = [
        RelationType::Represents,
        RelationType::WorksFor,
        RelationType::PartOf,
        RelationType::PartyTo,
        RelationType::Signatory,
    ];

    /// The name used in rules and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            RelationType::Represents => "represents",
            RelationType::WorksFor => "works_for",
            RelationType::PartOf => "part_of",
            RelationType::PartyTo => "party_to",
            RelationType::Signatory => "signatory",
        }
    }
}

impl fmt::Display for RelationType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One relation between two entities.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Relation {
    /// The relation type.
    pub rtype: RelationType,
    /// The head entity's index.
    pub head: usize,
    /// The tail entity's index.
    pub tail: usize,
    /// The rule that produced it.
    pub rule: String,
    /// The text that states it (a mention, or the sentence of a rule match or event).
    pub evidence: Span,
}

#[derive(Clone, Debug)]
struct RelationRule {
    id: String,
    pattern: Pattern,
    rtype: RelationType,
}

/// The compiled relation rules.
#[derive(Clone, Debug, Default)]
pub struct RelationRules {
    rules: Vec<RelationRule>,
}

impl RelationRules {
    /// Collects the relation rules (blocks with a `relation` field) of `files`.
    ///
    /// # Errors
    ///
    /// An unknown relation type, or a pattern without `head` and `tail`
    /// captures, with the file and line.
    pub fn new(files: &[RuleFile]) -> Result<RelationRules, RuleError> {
        let mut rules = Vec::new();
        for file in files {
            for rule in &file.rules {
                let types = RelationType::ALL.map(|t| (t.as_str(), t));
                let Some(rtype) = rule.choice("relation", &types)? else {
                    continue;
                };
                let names = rule.pattern.capture_names();
                if !names.contains(&"head") || !names.contains(&"tail") {
                    return Err(rule.error_at(
                        rule.pattern_line,
                        1,
                        "a relation pattern needs captures named head and tail",
                    ));
                }
                rules.push(RelationRule {
                    id: rule.id.clone(),
                    pattern: rule.pattern.clone(),
                    rtype,
                });
            }
        }
        Ok(RelationRules { rules })
    }

    /// The number of relation rules.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }
}

/// Whether a relation type accepts these entity types.
fn fits(rtype: RelationType, head: EntityType, tail: EntityType, tail_is_country: bool) -> bool {
    use EntityType::*;
    match rtype {
        RelationType::Represents => head == Person && tail == Place && tail_is_country,
        RelationType::WorksFor => head == Person && tail == Org,
        RelationType::PartOf => head == Org && (tail == Org || (tail == Place && tail_is_country)),
        RelationType::PartyTo => (head == Org || (head == Place)) && tail == Agreement,
        RelationType::Signatory => head == Person && tail == Agreement,
    }
}

/// Finds the relations between `entities`, using the `events` for
/// `party_to` and `signatory`.
pub fn find(
    input: &Input<'_>,
    entities: &Entities,
    events: &[Event],
    rules: &RelationRules,
) -> Vec<Relation> {
    let sequences = if rules.rules.is_empty() {
        Vec::new()
    } else {
        annotate_all(input, &entities.mentions)
    };
    find_in(input, entities, events, &sequences, rules)
}

/// Finds the relations over the sentences already annotated with the entity
/// mentions (see `tidings_entities::annotate_all`).
pub fn find_in(
    input: &Input<'_>,
    entities: &Entities,
    events: &[Event],
    sequences: &[Sequence<'_>],
    rules: &RelationRules,
) -> Vec<Relation> {
    let mut out: Vec<Relation> = Vec::new();
    let is_country = |e: usize| {
        entities.entities[e].etype == EntityType::Place
            && entities.entities[e]
                .mentions
                .iter()
                .any(|&m| entities.mentions[m].is_country)
    };
    // A party to an agreement is a country or a body, never a city; a
    // capital stands for its country ("Manila and Washington are bound by
    // a 1951 Mutual Defense Treaty") when the text names that country.
    let party = |head: usize| -> Option<usize> {
        let e = &entities.entities[head];
        if e.etype != EntityType::Place || is_country(head) {
            return Some(head);
        }
        let country = e
            .country
            .as_deref()
            .filter(|_| e.kind.as_deref() == Some("capital"))?;
        entities
            .entities
            .iter()
            .position(|c| c.etype == EntityType::Place && c.name == country)
    };
    let add =
        |out: &mut Vec<Relation>, rtype, head: usize, tail: usize, rule: &str, evidence: Span| {
            let head = if rtype == RelationType::PartyTo {
                match party(head) {
                    Some(h) => h,
                    None => return,
                }
            } else {
                head
            };
            let (h, t) = (&entities.entities[head], &entities.entities[tail]);
            if head == tail || !fits(rtype, h.etype, t.etype, is_country(tail)) {
                return;
            }
            if out
                .iter()
                .any(|r| r.rtype == rtype && r.head == head && r.tail == tail)
            {
                return;
            }
            out.push(Relation {
                rtype,
                head,
                tail,
                rule: rule.to_string(),
                evidence,
            });
        };

    // Relation rules.
    for (s, sent) in input.tokens.sentences().iter().enumerate() {
        if rules.rules.is_empty() {
            break;
        }
        let Some(seq) = sequences.get(s) else {
            break;
        };
        for rule in &rules.rules {
            for m in rule.pattern.find_iter(seq) {
                let heads: Vec<usize> = m.all("head").filter_map(|c| c.annotation).collect();
                let tails: Vec<usize> = m.all("tail").filter_map(|c| c.annotation).collect();
                for &h in &heads {
                    for &t in &tails {
                        let (Some(hm), Some(tm)) =
                            (entities.mentions.get(h), entities.mentions.get(t))
                        else {
                            continue;
                        };
                        add(
                            &mut out, rule.rtype, hm.entity, tm.entity, &rule.id, sent.span,
                        );
                    }
                }
            }
        }
    }

    // What names and titles state.
    let by_name = |name: &str| {
        let key = name_key(name);
        entities
            .entities
            .iter()
            .position(|e| e.etype == EntityType::Place && name_key(&e.name) == key)
    };
    for (i, e) in entities.entities.iter().enumerate() {
        let Some(country) = e.country.as_deref() else {
            continue;
        };
        let Some(tail) = by_name(country) else {
            continue;
        };
        let evidence = e
            .mentions
            .first()
            .map_or(Span::default(), |&m| entities.mentions[m].span);
        match e.etype {
            EntityType::Person => add(
                &mut out,
                RelationType::Represents,
                i,
                tail,
                "entity.country",
                evidence,
            ),
            // A listed body is part of its country when the list says it is
            // a government body; a company or university's country is world
            // knowledge, not something the text states.
            EntityType::Org if stated_or_governmental(input, entities, e) => add(
                &mut out,
                RelationType::PartOf,
                i,
                tail,
                "entity.country",
                evidence,
            ),
            _ => {}
        }
    }

    // "EU Trade Commissioner Valdis Dombrovskis": the body a title names.
    for (i, e) in entities.entities.iter().enumerate() {
        if e.etype != EntityType::Person {
            continue;
        }
        for &m in &e.mentions {
            let person = &entities.mentions[m];
            for title in &person.titles {
                for org in entities
                    .mentions
                    .iter()
                    .filter(|o| o.etype == EntityType::Org && title.contains(o.span))
                {
                    add(
                        &mut out,
                        RelationType::WorksFor,
                        i,
                        org.entity,
                        "entity.title_org",
                        person.span,
                    );
                }
            }
        }
    }

    // "ECOWAS Commission", "NATO Maritime Command", "UN Security Council":
    // a body named after the international body it belongs to.
    let bloc_forms: Vec<(usize, Vec<String>)> = entities
        .entities
        .iter()
        .enumerate()
        .filter(|(_, o)| {
            o.etype == EntityType::Org
                && matches!(
                    o.kind.as_deref(),
                    Some("intergovernmental" | "alliance" | "grouping")
                )
        })
        .map(|(j, o)| {
            let forms = std::iter::once(&o.name)
                .chain(&o.aliases)
                .map(|f| format!("{} ", name_key(f)))
                .collect();
            (j, forms)
        })
        .collect();
    for (i, e) in entities.entities.iter().enumerate() {
        if e.etype != EntityType::Org {
            continue;
        }
        for &m in &e.mentions {
            let mention = &entities.mentions[m];
            let key = name_key(&input.text[mention.span]);
            // A gathering of the body is no part of it ("NATO Summit").
            let gathering = key.rsplit(' ').next().is_some_and(|w| {
                matches!(
                    w,
                    "summit" | "summits" | "meeting" | "meetings" | "conference" | "session"
                )
            });
            if gathering {
                continue;
            }
            if let Some(&(j, _)) = bloc_forms
                .iter()
                .find(|(j, forms)| *j != i && forms.iter().any(|f| key.starts_with(f.as_str())))
            {
                add(
                    &mut out,
                    RelationType::PartOf,
                    i,
                    j,
                    "part_of.bloc_prefix",
                    mention.span,
                );
            }
        }
    }

    // Who signed what.
    for ev in events {
        if ev.etype != EventType::Sign || ev.status == Status::Negated {
            continue;
        }
        for &a in &ev.agreement {
            for &p in &ev.participants {
                let rtype = if entities.entities[p].etype == EntityType::Person {
                    RelationType::Signatory
                } else {
                    RelationType::PartyTo
                };
                add(&mut out, rtype, p, a, "event.sign", ev.sentence);
            }
            // Signatories act for their countries: those countries are parties.
            for &p in &ev.participants {
                let person = &entities.entities[p];
                if person.etype != EntityType::Person {
                    continue;
                }
                if let Some(c) = person.country.as_deref().and_then(by_name) {
                    add(
                        &mut out,
                        RelationType::PartyTo,
                        c,
                        a,
                        "event.sign.represented",
                        ev.sentence,
                    );
                }
            }
        }
    }
    // "China's foreign ministry spokeswoman Mao Ning": who works for a
    // government body of a country named in the text represents it.
    let staff: Vec<(usize, usize, Span)> = out
        .iter()
        .filter(|r| r.rtype == RelationType::WorksFor)
        .filter(|r| entities.entities[r.head].country.is_none())
        .filter_map(|r| {
            let org = &entities.entities[r.tail];
            let country = org.country.as_deref().and_then(by_name)?;
            // (A company's people act for the company, not its country:
            // "Haluk Bayraktar, Baykar's CEO".)
            let company = org.kind.as_deref() == Some("company");
            (!company && stated_or_governmental(input, entities, org))
                .then_some((r.head, country, r.evidence))
        })
        .collect();
    for (person, country, evidence) in staff {
        add(
            &mut out,
            RelationType::Represents,
            person,
            country,
            "works_for.country",
            evidence,
        );
    }
    // "Kenya and the United States signed ... Defence Cabinet Secretary
    // Aden Duale and US Secretary of Defense Lloyd Austin inked it": of an
    // event between two countries and two officials, one acting for one
    // of them, the other official acts for the other country.
    for ev in events {
        if !matches!(ev.etype, EventType::Sign | EventType::Meet) || ev.status == Status::Negated {
            continue;
        }
        let countries = ev.participants_where(is_country);
        let people = ev.participants_where(|p| entities.entities[p].etype == EntityType::Person);
        let (&[a, b], &[p, q]) = (&countries[..], &people[..]) else {
            continue;
        };
        let acts_for = |out: &[Relation], person: usize| {
            let e = &entities.entities[person];
            e.country.as_deref().and_then(by_name).or_else(|| {
                out.iter()
                    .find(|r| r.rtype == RelationType::Represents && r.head == person)
                    .map(|r| r.tail)
            })
        };
        let titled = |person: usize| !entities.entities[person].titles.is_empty();
        for (known, unknown) in [(p, q), (q, p)] {
            let Some(c) = acts_for(&out, known) else {
                continue;
            };
            let other = if c == a {
                b
            } else if c == b {
                a
            } else {
                continue;
            };
            let employed = out
                .iter()
                .any(|r| r.rtype == RelationType::WorksFor && r.head == unknown);
            if acts_for(&out, unknown).is_none() && titled(unknown) && !employed {
                add(
                    &mut out,
                    RelationType::Represents,
                    unknown,
                    other,
                    "event.counterparts",
                    ev.sentence,
                );
            }
        }
    }
    // Last, as what the text does not state itself: the parties the lists
    // know for a treaty or agreement, and the bodies they know a body is
    // part of, where the text names them ("Australia" and the "ANZUS
    // Treaty"). An entity the text calls by another name has its list name
    // among its aliases.
    let called = |name: &str, etype: EntityType| {
        let key = name_key(name);
        entities.entities.iter().position(|e| {
            e.etype == etype
                && std::iter::once(&e.name)
                    .chain(&e.aliases)
                    .any(|n| name_key(n) == key)
        })
    };
    for (i, e) in entities.entities.iter().enumerate() {
        if !matches!(e.etype, EntityType::Agreement | EntityType::Org) {
            continue;
        }
        let evidence = e
            .mentions
            .first()
            .map_or(Span::default(), |&m| entities.mentions[m].span);
        for &entry in &e.entries {
            let entry = input.gazetteer.entry(entry);
            // A body is part of the parent its entry names ("European
            // Commission" and the "European Union"); treaties and agreements
            // have parties, but a framework, policy or law belongs to its
            // maker ("China" and the Belt and Road).
            let (key, target, rtype, rule) = if e.etype == EntityType::Org {
                (
                    "parent",
                    EntityType::Org,
                    RelationType::PartOf,
                    "list.parent",
                )
            } else if matches!(
                entry.attr("kind"),
                Some("treaty" | "agreement" | "accord" | "convention" | "declaration")
            ) {
                (
                    "parties",
                    EntityType::Place,
                    RelationType::PartyTo,
                    "list.parties",
                )
            } else {
                continue;
            };
            // (A regional treaty's many members are its background: a
            // treaty of a few states binds each by name.)
            if key == "parties" && entry.attr_values(key).count() > 7 {
                continue;
            }
            for name in entry.attr_values(key) {
                if let Some(t) = called(name, target) {
                    let (head, tail) = if rtype == RelationType::PartOf {
                        (i, t)
                    } else {
                        (t, i)
                    };
                    add(&mut out, rtype, head, tail, rule, evidence);
                }
            }
        }
    }

    out.sort_by_key(|r| (r.rtype, r.head, r.tail));
    out
}

/// Kinds of listed organisation that belong to a country's government.
const GOVERNMENT_KINDS: &[&str] = &[
    "ministry",
    "agency",
    "military",
    "command",
    "parliament",
    "council",
    "government",
    "police",
    "court",
    "department",
    "initiative",
    "programme",
];

/// Whether an organisation's country comes from the text (a country word in
/// its name) or from a government body's list entry.
fn stated_or_governmental(
    input: &Input<'_>,
    entities: &Entities,
    e: &tidings_entities::Entity,
) -> bool {
    let stated = e.mentions.iter().any(|&m| {
        let m = &entities.mentions[m];
        m.entry.is_none() || !m.countries.is_empty()
    });
    stated
        || e.entries.iter().any(|&id| {
            input
                .gazetteer
                .entry(id)
                .attr("kind")
                .is_some_and(|k| GOVERNMENT_KINDS.contains(&k))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use tidings_entities::{find as find_entities, Analysis, EntityRules};
    use tidings_events::EventRules;
    use tidings_gazetteer::GazetteerBuilder;
    use tidings_pattern::parse_rules;
    use tidings_temporal::Tagger;

    const LISTS: &str = "PLACE\tIndia\t\tkind=country;demonym=Indian\n\
        PLACE\tUnited States\tUS\tkind=country;demonym=American\n\
        PERSON\tRajnath Singh\t\tcountry=India\n\
        ORG\tStanford University\t\tkind=university;country=United States\n\
        ORG\tMinistry of Defence of India\tIndian Ministry of Defence\tkind=ministry;country=India\n\
        AGREEMENT\tBasic Exchange and Cooperation Agreement\tBECA\n\
        TITLE\tDefence Minister\n";

    fn relations(text: &str) -> Vec<(RelationType, String, String)> {
        relations_with(text, "", RelationRules::default())
    }

    fn relations_with(
        text: &str,
        more_lists: &str,
        rules: RelationRules,
    ) -> Vec<(RelationType, String, String)> {
        let gazetteer = GazetteerBuilder::new()
            .add_source("t.tsv", &format!("{LISTS}{more_lists}"))
            .unwrap()
            .build()
            .unwrap();
        let files = [parse_rules(
            "r.rules",
            "rule sign\n  pattern  (?<trigger>\"signed\" | \"sealed\")\n  event    SIGN\n",
        )
        .unwrap()];
        let analysis = Analysis::new(text, &gazetteer, &Tagger::new(), None);
        let input = analysis.input(&gazetteer);
        let entities = find_entities(&input, &EntityRules::default());
        let events = tidings_events::find(&input, &entities, &EventRules::new(&files).unwrap());
        let name = |i: usize| entities.entities[i].name.clone();
        find(&input, &entities, &events, &rules)
            .into_iter()
            .map(|r| (r.rtype, name(r.head), name(r.tail)))
            .collect()
    }

    #[test]
    fn signing_makes_parties_and_signatories() {
        let r = relations("Rajnath Singh signed the BECA for India.");
        assert!(r.contains(&(
            RelationType::Signatory,
            "Rajnath Singh".into(),
            "BECA".into()
        )));
        assert!(
            r.contains(&(RelationType::PartyTo, "India".into(), "BECA".into())),
            "{r:?}"
        );
        let r = relations("India and the US sealed the BECA.");
        assert!(r.contains(&(RelationType::PartyTo, "United States".into(), "BECA".into())));
    }

    #[test]
    fn a_treaty_has_the_parties_its_list_entry_names_where_the_text_names_them() {
        let lists =
            "AGREEMENT\tANZUS Treaty\tANZUS\tkind=treaty;parties=India|United States|New Zealand\n\
                     AGREEMENT\tBelt and Road Initiative\tBRI\tkind=framework;parties=India\n";
        let r = relations_with(
            "India cited the ANZUS Treaty and the BRI.",
            lists,
            RelationRules::default(),
        );
        assert_eq!(
            r,
            [(RelationType::PartyTo, "India".into(), "ANZUS Treaty".into())]
        );
    }

    #[test]
    fn a_body_is_part_of_the_parent_its_list_entry_names_where_the_text_names_it() {
        let lists = "ORG\tEuropean Union\tEU\tkind=intergovernmental\n\
                     ORG\tEuropean Commission\t\tkind=eu_institution;parent=European Union\n\
                     ORG\tEuropean Parliament\t\tkind=eu_institution;parent=European Union\n";
        let r = relations_with(
            "The European Commission briefed EU ministers.",
            lists,
            RelationRules::default(),
        );
        assert_eq!(
            r,
            [(
                RelationType::PartOf,
                "European Commission".into(),
                "EU".into()
            )]
        );
        let r = relations_with(
            "The European Parliament voted.",
            lists,
            RelationRules::default(),
        );
        assert!(r.is_empty(), "{r:?}");
    }

    #[test]
    fn a_body_named_after_a_bloc_is_part_of_it_and_its_summit_is_not() {
        let lists =
            "ORG\tEconomic Community of West African States\tECOWAS\tkind=intergovernmental\n\
                     ORG\tECOWAS Commission\t\tkind=intergovernmental\n\
                     ORG\tECOWAS Summit\t\tkind=event\n";
        let r = relations_with(
            "The ECOWAS Commission said ECOWAS leaders would attend the ECOWAS Summit.",
            lists,
            RelationRules::default(),
        );
        assert_eq!(
            r,
            [(
                RelationType::PartOf,
                "ECOWAS Commission".into(),
                "Economic Community of West African States".into()
            )]
        );
    }

    #[test]
    fn government_bodies_belong_to_their_country_and_universities_do_not() {
        let r = relations(
            "The Indian Ministry of Defence and Stanford University in the US spoke. India agreed.",
        );
        assert!(
            r.contains(&(
                RelationType::PartOf,
                "Indian Ministry of Defence".into(),
                "India".into()
            )),
            "{r:?}"
        );
        assert!(
            !r.iter().any(|(_, h, _)| h == "Stanford University"),
            "{r:?}"
        );
    }

    #[test]
    fn a_capital_is_a_party_as_its_country_and_another_city_is_none() {
        let rules = RelationRules::new(&[parse_rules(
            "r.rules",
            "rule bound\n  pattern  (?<head><ent:PLACE>) \"is\" \"bound\" \"by\" \"the\"? (?<tail><ent:AGREEMENT>)\n  relation party_to\n",
        )
        .unwrap()])
        .unwrap();
        let cities = "PLACE\tNew Delhi\t\tkind=capital;country=India\n\
            PLACE\tMumbai\t\tkind=city;country=India\n";
        let r = relations_with(
            "India is big. New Delhi is bound by the BECA. Mumbai is bound by the BECA.",
            cities,
            rules,
        );
        let beca = "BECA".to_string();
        assert_eq!(r, [(RelationType::PartyTo, "India".into(), beca)]);
    }

    #[test]
    fn negated_signing_makes_no_relation() {
        let r = relations("Rajnath Singh did not sign, and India never signed the BECA.");
        assert!(
            !r.iter()
                .any(|(t, _, _)| *t == RelationType::PartyTo || *t == RelationType::Signatory),
            "{r:?}"
        );
    }

    #[test]
    fn types_are_checked() {
        assert!(fits(
            RelationType::Represents,
            EntityType::Person,
            EntityType::Place,
            true
        ));
        assert!(!fits(
            RelationType::Represents,
            EntityType::Person,
            EntityType::Place,
            false
        ));
        assert!(!fits(
            RelationType::Signatory,
            EntityType::Org,
            EntityType::Agreement,
            false
        ));
    }
}
