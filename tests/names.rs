//! How entities are named: the fullest name the article gives, the list's
//! name where the article gives one word only, the list name kept as an
//! alias, and the list entry kept by a longer name built around it; and
//! the country of a ministry named without one.

use tidings::{Entity, EntityType};

use crate::common::{extractor, names_of};

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

/// The relations of `doc` as (type, head, tail).
fn triples(doc: &tidings::Document) -> Vec<(&str, &str, &str)> {
    doc.relations
        .iter()
        .map(|r| (r.rtype.as_str(), r.head.as_str(), r.tail.as_str()))
        .collect()
}

/// Asserts that `text` states the relation `expected` (type, head, tail).
fn assert_relation(text: &str, expected: (&str, &str, &str)) {
    let doc = extractor().extract(text, None);
    assert!(triples(&doc).contains(&expected), "{:?}", triples(&doc));
}

/// The names of all entities of `text`, in order of first mention.
fn names(text: &str) -> Vec<String> {
    let doc = extractor().extract(text, None);
    doc.entities.into_iter().map(|e| e.name).collect()
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
fn one_word_is_the_name_and_the_list_name_its_first_alias() {
    // Gold lists the forms the text uses; the list's full name comes first
    // among the aliases. A person named by one word goes by the list's
    // full name.
    let e = entity("India and the US sealed the BECA.", EntityType::Agreement);
    assert_eq!(e.name, "BECA");
    assert_eq!(e.aliases, ["Basic Exchange and Cooperation Agreement"]);
    let e = entity("Putin arrived in Beijing.", EntityType::Person);
    assert_eq!(e.name, "Vladimir Putin");
}

#[test]
fn a_country_goes_by_its_list_name() {
    assert_eq!(names("The U.S. said so.")[0], "United States");
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

/// The countries that `body` is part of in `text`.
fn part_of(text: &str, body: &str) -> Vec<String> {
    let doc = extractor().extract(text, None);
    doc.relations
        .into_iter()
        .filter(|r| r.rtype == "part_of" && r.head == body)
        .map(|r| r.tail)
        .collect()
}

#[test]
fn a_bare_ministry_belongs_to_the_country_of_its_minister() {
    let text = "Defence Minister Rajnath Singh met US Secretary of Defense Lloyd Austin. \
                The Ministry of Defence said India and the US agreed.";
    assert_eq!(part_of(text, "Ministry of Defence"), ["India"]);
    // A department's head is a secretary.
    let text = "Defence Minister Rajnath Singh met US Secretary of Defense Lloyd Austin. \
                The Department of Defense said India and the US agreed.";
    assert_eq!(part_of(text, "Department of Defense"), ["United States"]);
    // Ministers of two countries: no telling whose.
    let text = "Defence Minister Rajnath Singh met Australian Defence Minister Richard Marles. \
                The Ministry of Defence said India and Australia agreed.";
    assert_eq!(part_of(text, "Ministry of Defence"), Vec::<String>::new());
    // ... unless the dateline tells where the story was written.
    let text = "Germany signs tank deal with Lithuania\nBERLIN, June 3 (dpa) - Germany signed a \
                contract on Tuesday, the Defence Ministry said. Defence Minister Boris Pistorius \
                and Lithuanian Defence Minister Dovile Sakaliene signed a memorandum.";
    assert_eq!(part_of(text, "Defence Ministry"), ["Germany"]);
    let text = "CANBERRA (Reuters) - Defence Minister Rajnath Singh met Australian Defence \
                Minister Richard Marles. The Ministry of Defence said India and Australia agreed.";
    assert_eq!(part_of(text, "Ministry of Defence"), ["Australia"]);
    // No holder named, and no one of another country: the dateline's.
    let country_of = |text: &str, body: &str| {
        let doc = extractor().extract(text, None);
        let e = doc.entities.into_iter().find(|e| e.name == body);
        e.and_then(|e| e.attrs.country)
    };
    let text = "WASHINGTON, July 2 (Reuters) - Lockheed Martin has been awarded a contract, \
                the Defense Department said.";
    assert_eq!(
        country_of(text, "Defense Department").as_deref(),
        Some("United States")
    );
    let text = "SEOUL, March 14 (Yonhap) - Australian Defence Industry Minister Pat Conroy will \
                attend the ceremony, a spokesperson for the Department of Defence said.";
    assert_eq!(country_of(text, "Department of Defence"), None);
}

#[test]
fn a_dateline_in_capitals_gives_the_list_name() {
    assert_eq!(
        names("NEW DELHI: The two sides met on Tuesday."),
        ["New Delhi"]
    );
}

#[test]
fn the_same_words_take_the_list_spelling() {
    assert_eq!(
        names("Leaders will gather in The Hague in June."),
        ["The Hague"]
    );
}

#[test]
fn a_listed_name_that_begins_like_a_title_keeps_the_titles_before_it() {
    // "Gen" is also the abbreviation of General.
    let e = entity(
        "The secretary travels to Tokyo for talks with Japanese Defense Minister Gen Nakatani.",
        EntityType::Person,
    );
    assert_eq!(e.name, "Gen Nakatani");
    assert_eq!(e.attrs.titles, ["Japanese Defense Minister"]);
    assert_eq!(e.attrs.country.as_deref(), Some("Japan"));
}

#[test]
fn a_surname_spelled_as_the_list_spells_it_is_the_same_person() {
    // The list has "Volodymyr Zelensky" with the alias "Volodymyr Zelenskiy".
    let doc = extractor().extract(
        "Starmer hosts Zelensky as allies meet in London\n\nLONDON, March 2 (Reuters) - British \
         Prime Minister Keir Starmer hosted Ukrainian President Volodymyr Zelenskiy on Sunday.",
        None,
    );
    let people: Vec<(String, usize)> = doc
        .entities
        .iter()
        .filter(|e| e.etype == EntityType::Person)
        .map(|e| (e.name.clone(), e.mentions.len()))
        .collect();
    assert_eq!(
        people,
        [
            ("Keir Starmer".to_string(), 2),
            ("Volodymyr Zelenskiy".to_string(), 2)
        ]
    );
}

#[test]
fn a_country_adjective_inside_a_listed_name_mentions_the_country() {
    let doc = extractor().extract(
        "Defence Minister Rajnath Singh said the Indian Army will buy tanks.",
        None,
    );
    let places: Vec<&str> = doc
        .entities
        .iter()
        .filter(|e| e.etype == EntityType::Place)
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(places, ["India"]);
    let relations = triples(&doc);
    assert!(relations.contains(&("represents", "Rajnath Singh", "India")));
    assert!(relations.contains(&("part_of", "Indian Army", "India")));
    // A country's name inside a company's is no mention of the country.
    assert_eq!(
        names("Israel Aerospace Industries won the order."),
        ["Israel Aerospace Industries"]
    );
}

#[test]
fn a_leader_named_by_surname_alone_is_the_listed_person() {
    assert_eq!(
        names("Macron and Meloni joined by video link."),
        ["Emmanuel Macron", "Giorgia Meloni"]
    );
    // A surname many people share is no one without a full name.
    assert_eq!(
        names("Singh and Kim joined by video link."),
        Vec::<String>::new()
    );
}

#[test]
fn a_country_possessive_inside_a_listed_name_mentions_the_country() {
    let doc = extractor().extract(
        "China's foreign ministry spokeswoman Mao Ning said Beijing opposed the plan.",
        None,
    );
    let relations = triples(&doc);
    assert!(
        relations.contains(&("represents", "Mao Ning", "China")),
        "{relations:?}"
    );
    assert!(relations.contains(&("part_of", "China's foreign ministry", "China")));
}

#[test]
fn who_works_for_a_government_body_represents_its_country() {
    let doc = extractor().extract(
        "U.S. officials said Vic Ramdass, the Director of the Defense Innovation Unit, met them.",
        None,
    );
    assert!(
        doc.relations.iter().any(|r| r.rtype == "represents"
            && r.head == "Vic Ramdass"
            && r.tail == "United States"
            && r.rule == "works_for.country"),
        "{:?}",
        doc.relations
    );
}

#[test]
fn another_countrys_body_of_a_listed_name_is_its_own() {
    let doc = extractor().extract(
        "Vice Admiral Yuri Moiseyev of the Russian Pacific Fleet said so. The U.S. Pacific Fleet \
         disagreed.",
        None,
    );
    let orgs: Vec<(String, Option<String>)> = doc
        .entities
        .into_iter()
        .filter(|e| e.etype == EntityType::Org)
        .map(|e| (e.name, e.attrs.country))
        .collect();
    assert_eq!(
        orgs,
        [
            (
                "Russian Pacific Fleet".to_string(),
                Some("Russia".to_string())
            ),
            (
                "U.S. Pacific Fleet".to_string(),
                Some("United States".to_string())
            ),
        ]
    );
}

#[test]
fn an_acronym_of_a_name_the_text_gives_is_that_name_not_the_lists() {
    // AFP is also the French news agency in the lists.
    let text = "The drills were held west of Palawan, the Armed Forces of the Philippines said. \
                AFP spokesperson Colonel Francel Margareth Padilla told reporters the Department \
                of National Defense and the DND's partners would help.";
    let doc = extractor().extract(text, None);
    let orgs: Vec<(&str, Option<&str>)> = doc
        .entities
        .iter()
        .filter(|e| e.etype == EntityType::Org)
        .map(|e| (e.name.as_str(), e.attrs.country.as_deref()))
        .collect();
    assert_eq!(
        orgs,
        [
            ("Armed Forces of the Philippines", Some("Philippines")),
            ("Department of National Defense", None)
        ]
    );
    let found = triples(&doc);
    assert!(
        found.contains(&(
            "works_for",
            "Francel Margareth Padilla",
            "Armed Forces of the Philippines"
        )),
        "{found:?}"
    );
    let padilla = doc
        .entities
        .iter()
        .find(|e| e.name == "Francel Margareth Padilla");
    assert_eq!(
        padilla.unwrap().attrs.country.as_deref(),
        Some("Philippines")
    );
    // Two letters are too few to tell: "IN" is not the Indian Navy.
    assert!(!names("The Indian Navy said IN ships would sail.").contains(&"IN".to_string()));
}

#[test]
fn a_company_with_its_corporate_form_and_a_generic_mou_with_the_named_one_are_one() {
    assert_eq!(
        names("Lockheed wins contract\nLockheed Martin Corp has been awarded a contract."),
        ["Lockheed Martin"]
    );
    let agreements: Vec<String> = extractor()
        .extract(
            "India, Malaysia sign MoU on defence cooperation\nThe two sides exchanged a \
             Memorandum of Understanding on Submarine Cooperation.",
            None,
        )
        .entities
        .into_iter()
        .filter(|e| e.etype == EntityType::Agreement)
        .map(|e| e.name)
        .collect();
    assert_eq!(
        agreements,
        ["Memorandum of Understanding on Submarine Cooperation"]
    );
}

#[test]
fn a_listed_system_in_the_plural_goes_as_written_with_the_list_name_as_alias() {
    let e = entity(
        "The Army ordered more Precision Strike Missiles on Tuesday.",
        EntityType::System,
    );
    assert_eq!(e.name, "Precision Strike Missiles");
    assert_eq!(
        e.aliases.first().map(String::as_str),
        Some("Precision Strike Missile")
    );
}

/// The people of `text` as (name, country attribute).
fn people(text: &str) -> Vec<(String, Option<String>)> {
    extractor()
        .extract(text, None)
        .entities
        .into_iter()
        .filter(|e| e.etype == EntityType::Person)
        .map(|e| (e.name, e.attrs.country))
        .collect()
}

fn person(name: &str, country: Option<&str>) -> (String, Option<String>) {
    (name.to_string(), country.map(str::to_string))
}

#[test]
fn a_president_named_by_surname_is_no_town_and_a_king_no_one_elses_surname() {
    // "Bush" alone is the President named with his title, not the Egyptian
    // town Būsh; "King Hussein" is named by his given name, which is no
    // surname of Saddam Hussein's.
    let text = "President Bush said the United States may extend the quarantine. Later, Bush \
                spoke at the Pentagon. Also today, King Hussein of Jordan arrived in Washington. \
                Iraq's Saddam Hussein sought peace.";
    assert_eq!(
        people(text),
        [
            person("Bush", None),
            person("Hussein", Some("Jordan")),
            person("Saddam Hussein", None)
        ]
    );
    assert!(!names(text).contains(&"Būsh".to_string()));
    // With both named, "Hussein" alone is neither for sure.
    let doc = extractor().extract(
        "King Hussein of Jordan met Bush. Saddam Hussein was not there. Bush pressed Hussein.",
        None,
    );
    let saddam = doc
        .entities
        .iter()
        .find(|e| e.name == "Saddam Hussein")
        .expect("Saddam Hussein");
    assert!(
        !saddam.aliases.contains(&"Hussein".to_string()),
        "{saddam:?}"
    );
}

#[test]
fn a_person_of_a_country_acts_for_it() {
    let found = people(
        "Presidents Leonid Kuchma of Ukraine and Boris Yeltsin of Russia signed a plan. \
         In a letter to President Hashemi Rafsanjani of Iran, he said so. Palestinian leader \
         Yasser Arafat agreed.",
    );
    assert_eq!(
        found,
        [
            person("Leonid Kuchma", Some("Ukraine")),
            person("Boris Yeltsin", Some("Russia")),
            person("Hashemi Rafsanjani", Some("Iran")),
            person("Yasser Arafat", Some("Palestine"))
        ]
    );
}

#[test]
fn a_listed_body_before_a_lower_case_agreement_is_the_body() {
    assert_eq!(
        names(
            "Troops stay until Iraq complies with the U.N. Security Council agreement. \
             Palace inspections will start soon."
        ),
        ["Iraq", "U.N. Security Council"]
    );
}

#[test]
fn a_company_head_does_not_swallow_a_listed_place_or_company() {
    assert_eq!(
        names("Jewish West Bank settlers and Mesa Airlines staff protested."),
        ["West Bank", "Mesa Airlines"]
    );
    assert_eq!(
        names("Hyundai Rotem and Hanwha Aerospace won the order."),
        ["Hyundai Rotem", "Hanwha Aerospace"]
    );
}

#[test]
fn a_countrys_full_name_before_its_acronym_makes_no_organisation() {
    // "People's Republic of China (PRC)": "Republic of China" was an
    // organisation of its own, defined by the acronym.
    assert_eq!(
        names(
            "Lloyd Austin met People's Republic of China (PRC) Minister of National Defense \
             Dong Jun on Friday."
        ),
        ["Lloyd Austin", "People's Republic of China", "Dong Jun"]
    );
    // A body named with its country still defines its acronym.
    assert_eq!(
        names("The Ministry of Defence of Freedonia (MDF) said so. The MDF denied it."),
        ["Ministry of Defence of Freedonia"]
    );
}

#[test]
fn an_agency_after_a_dateline_and_a_wider_demonym_are_what_they_say() {
    // "(AP)" after a dateline is the agency, not an acronym of the city.
    let doc = extractor().extract("BUENOS AIRES (AP) — Lula arrived on Monday.", None);
    let city = doc
        .entities
        .iter()
        .find(|e| e.name == "Buenos Aires")
        .unwrap();
    assert!(city.aliases.is_empty(), "{:?}", city.aliases);
    assert!(doc
        .entities
        .iter()
        .any(|e| e.name == "AP" && e.aliases.iter().any(|a| a == "Associated Press")));
    // "Latin American" inside a listed name is no mention of the US, and
    // alone it names Latin America.
    assert_eq!(
        names("Leaders attend the summit of the Community of Latin American and Caribbean States."),
        ["Community of Latin American and Caribbean States"]
    );
    assert_eq!(names("Latin American leaders met."), ["Latin America"]);
}

#[test]
fn a_long_form_of_a_listed_acronym_in_other_words_is_the_same_body() {
    let doc = extractor().extract(
        "Saab said Sweden's Defence Materiel Administration (FMV) had ordered rifles.",
        None,
    );
    let fmv: Vec<_> = doc
        .entities
        .iter()
        .filter(|e| e.name.contains("Materiel") || e.aliases.iter().any(|a| a == "FMV"))
        .collect();
    assert_eq!(fmv.len(), 1, "{fmv:?}");
}

#[test]
fn an_acronym_inside_a_listed_name_leaves_it_whole() {
    assert_eq!(
        names("Moscow left the Intermediate-Range Nuclear Forces (INF) Treaty in 2019."),
        ["Moscow", "Intermediate-Range Nuclear Forces Treaty"]
    );
}

#[test]
fn an_office_of_an_international_body_acts_for_no_country() {
    let doc = extractor().extract(
        "European Commission President Ursula von der Leyen met German chancellor Friedrich \
         Merz.",
        None,
    );
    let triples = triples(&doc);
    assert!(
        !triples.contains(&("represents", "Ursula von der Leyen", "Germany")),
        "{triples:?}"
    );
    assert!(triples.contains(&("works_for", "Ursula von der Leyen", "European Commission")));
}

#[test]
fn an_acronym_listed_for_another_countrys_body_is_defined_by_the_text() {
    // One organisation (entity() checks there is one), the text's.
    let jcs = entity(
        "South Korea's Joint Chiefs of Staff (JCS) said so.",
        EntityType::Org,
    );
    assert_eq!(jcs.name, "South Korea's Joint Chiefs of Staff");
}

#[test]
fn a_sentences_opening_verb_is_no_part_of_a_listed_name() {
    assert_eq!(
        names("Replied State Department spokesman Richard Boucher: \"No comment.\""),
        ["State Department", "Richard Boucher"]
    );
}

#[test]
fn a_middle_name_alone_is_the_person_named_in_full() {
    let doc = extractor().extract(
        "Malaysian Defence Minister Mohamed Khaled Nordin met Ng Eng Hen. Later, Khaled told \
         reporters the talks went well.",
        None,
    );
    let people: Vec<&str> = (doc.entities.iter())
        .filter(|e| e.etype == EntityType::Person)
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(people, ["Mohamed Khaled Nordin", "Ng Eng Hen"]);
}

#[test]
fn people_listed_after_a_stated_country_act_for_it() {
    let doc = extractor().extract(
        "Turkish National Defense Minister Yasar Guler, Interior Minister Ali Yerlikaya and \
         National Intelligence Organization (MIT) chief Ibrahim Kalin attended the talks, along \
         with Iraqi Defense Minister Thabet al-Abbasi and National Security Adviser Qasim al-Araji.",
        None,
    );
    let found = triples(&doc);
    for (person, country) in [
        ("Yasar Guler", "Turkey"),
        ("Ali Yerlikaya", "Turkey"),
        ("Thabet al-Abbasi", "Iraq"),
        ("Qasim al-Araji", "Iraq"),
    ] {
        assert!(
            found.contains(&("represents", person, country)),
            "{person}: {found:?}"
        );
    }
    // "(MIT)" is the Turkish agency's acronym here, not the university's.
    let orgs: Vec<&str> = doc
        .entities
        .iter()
        .filter(|e| e.etype == EntityType::Org)
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(orgs, ["National Intelligence Organization"], "{orgs:?}");
    // Someone named after a verb is not on the list.
    let doc = extractor().extract(
        "Indian Defence Minister Rajnath Singh met Interior Minister Ali Yerlikaya.",
        None,
    );
    assert!(!triples(&doc).contains(&("represents", "Ali Yerlikaya", "India")));
}

#[test]
fn an_office_held_where_the_story_is_datelined_is_that_countrys() {
    let doc = extractor().extract(
        "BELFAST (AP) - Police seized a car bomb on Sunday. Adams met President Clinton \
         last week.",
        None,
    );
    // Only people named in full: "President Clinton" is known everywhere.
    let found = triples(&doc);
    assert!(
        !found
            .iter()
            .any(|r| r.0 == "represents" && r.1 == "Clinton"),
        "{found:?}"
    );
    assert_relation(
        "PANAMA CITY (AP) - Panama and the United States signed a memorandum on Wednesday. \
         President José Raúl Mulino said the canal stays Panamanian.",
        ("represents", "José Raúl Mulino", "Panama"),
    );
}

#[test]
fn a_sea_inside_a_compound_or_before_alliance_is_no_place() {
    let found = names(
        "Russia is a threat to Euro-Atlantic security. Japan wants closer ties with the Atlantic \
         alliance. Ships crossed the Atlantic.",
    );
    assert_eq!(
        found.iter().filter(|n| n.as_str() == "Atlantic").count(),
        1,
        "{found:?}"
    );
    let found = names("Russia is a threat to Euro-Atlantic security and trans-Pacific trade.");
    assert!(
        !found.iter().any(|n| n == "Atlantic" || n == "Pacific"),
        "{found:?}"
    );
}

/// Asserts that every one of `expected` is among `names`.
fn assert_has(names: &[String], expected: &[&str]) {
    for e in expected {
        assert!(names.iter().any(|n| n == e), "{e:?} not in {names:?}");
    }
}

#[test]
fn an_acronyms_long_form_starts_where_its_initials_do() {
    // The run of capitalised words before "(JAIEC)" begins with another
    // company; the acronym spells only the last five words.
    let names = names(
        "Britain's BAE Systems, Italy's Leonardo and Japan Aircraft Industrial \
         Enhancement Co. (JAIEC) signed the agreement. JAIEC will hold a third.",
    );
    assert_has(
        &names,
        &["Japan Aircraft Industrial Enhancement", "Leonardo"],
    );
}

#[test]
fn a_listed_system_goes_in_the_plural() {
    let doc = extractor().extract(
        "Ukraine received F-16s from Denmark and Rafales from France.",
        None,
    );
    let systems: Vec<(&str, Option<&str>)> = doc
        .entities
        .iter()
        .filter(|e| e.etype == EntityType::System)
        .map(|e| (e.name.as_str(), e.aliases.first().map(String::as_str)))
        .collect();
    assert_eq!(
        systems,
        [
            ("F-16s", Some("F-16 Fighting Falcon")),
            ("Rafales", Some("Dassault Rafale"))
        ]
    );
}

#[test]
fn a_person_named_by_the_first_words_of_one_fuller_name_is_that_person() {
    let people = |text: &str| names_of(text, EntityType::Person);
    let found = people(
        "Mohamed Khaled said the ships were on schedule. Defence Minister Datuk Seri \
         Mohamed Khaled Nordin visited the shipyard.",
    );
    assert_eq!(found, ["Mohamed Khaled Nordin"]);
    // A dropped initial is the same person; an initial the other name
    // lacks is not.
    let found = people("Gilberto Teodoro spoke. Secretary Gilberto C. Teodoro, Jr. arrived.");
    assert_eq!(found.len(), 1, "{found:?}");
    // A royal named by one word is the royal named in full with it.
    let found = people(
        "Defence Minister Prince Khalid bin Salman signed the deal. Prince Khalid said so. \
         Crown Prince Mohammed bin Salman met Erdogan; Crown Prince Mohammed then left.",
    );
    assert_eq!(found, ["Khalid bin Salman", "Mohammed bin Salman"]);
    // First and last words of a longer name, the middle left out.
    let found = people(
        "He met Mohammed bin Mubarak Al Mazrouei in Abu Dhabi. Mohammed Al Mazrouei said so.",
    );
    assert_eq!(found, ["Mohammed bin Mubarak Al Mazrouei"]);
    // A surname with a suffix is the one person of that surname.
    let found = people("President Ferdinand Marcos Jr. visited Hanoi. Marcos Jr. said so.");
    assert_eq!(found, ["Ferdinand Marcos Jr."]);
}

#[test]
fn a_person_named_by_the_last_words_of_one_fuller_name_is_that_person() {
    let people = |text: &str| names_of(text, EntityType::Person);
    let found = people(
        "Defence Minister Mohamed Ghassan Maumoon met the envoy. Ghassan Maumoon said \
         ties were strong.",
    );
    assert_eq!(found, ["Mohamed Ghassan Maumoon"]);
    // Not where two fuller names end with it.
    let found = people("Ana Maria Silva and Jose Maria Silva spoke. Maria Silva left.");
    assert_eq!(found.len(), 3, "{found:?}");
}

#[test]
fn an_office_without_a_country_is_that_of_the_national_agency_or_the_dateline() {
    let country = |text: &str, person: &str| -> Option<String> {
        extractor()
            .extract(text, None)
            .entities
            .into_iter()
            .find(|e| e.name == person)
            .and_then(|e| e.attrs.country)
    };
    // A national agency's story is told from its country, wherever filed.
    assert_eq!(
        country(
            "WASHINGTON, Aug. 2 (Yonhap) -- Foreign Minister Cho Tae-yul met officials.",
            "Cho Tae-yul"
        )
        .as_deref(),
        Some("South Korea")
    );
    // A dateline in any case, with the agency after the date.
    assert_eq!(
        country(
            "Madrid, Apr 22, 2025 (EFE).- Economy Minister Carlos Cuerpo said the plan was sound.",
            "Carlos Cuerpo"
        )
        .as_deref(),
        Some("Spain")
    );
    // A wire service read worldwide says nothing of the country.
    assert_eq!(
        country(
            "LUMUT (Reuters) - Defence Minister Ahmad Zaki Rahman said so.",
            "Ahmad Zaki Rahman"
        ),
        None
    );
}

#[test]
fn a_ship_named_again_without_its_prefix_is_the_ship() {
    let text = "The drills bring together the aircraft carrier USS Theodore Roosevelt and \
                the destroyer JS Atago. The Theodore Roosevelt arrived in Busan on Saturday.";
    assert!(names_of(text, EntityType::Person).is_empty());
    assert_has(
        &names_of(text, EntityType::System),
        &["USS Theodore Roosevelt"],
    );
    assert_eq!(names_of(text, EntityType::System).len(), 2);
}

#[test]
fn an_envoy_to_a_region_is_titled_and_named() {
    let text = "US Special Envoy to the Middle East Steve Witkoff led the delegation.";
    assert_eq!(names_of(text, EntityType::Person), ["Steve Witkoff"]);
}

#[test]
fn an_ambiguous_system_is_found_before_its_equipment_noun_phrase() {
    let text = "Indonesia signed a contract for 12 Anka medium-altitude long-endurance drones.";
    assert_eq!(names_of(text, EntityType::System), ["Anka"]);
}

#[test]
fn a_naval_variant_is_another_system() {
    let text = "India bought 26 Rafale Marine jets, years after it bought 36 Rafale jets.";
    assert_eq!(names_of(text, EntityType::System).len(), 2);
}

#[test]
fn a_shared_surname_is_the_one_person_named_so_far() {
    let doc = extractor().extract(
        "Prime Minister Shehbaz Sharif signed it. Sharif arrived earlier. Retired general \
         Raheel Sharif heads the coalition.",
        None,
    );
    let shehbaz = doc.entities.iter().find(|e| e.name == "Shehbaz Sharif");
    assert!(shehbaz
        .expect("Shehbaz Sharif")
        .aliases
        .iter()
        .any(|a| a == "Sharif"));
    // Once both are named, the surname alone is neither.
    let doc = extractor().extract("Shehbaz Sharif and Raheel Sharif spoke. Sharif left.", None);
    assert!(doc
        .entities
        .iter()
        .all(|e| !e.aliases.iter().any(|a| a == "Sharif")));
}

#[test]
fn a_country_qualified_chamber_is_that_countrys_legislature() {
    let text = "The treaty now goes to the Philippine Senate for ratification.";
    assert_has(&names_of(text, EntityType::Org), &["Philippine Senate"]);
    let e = entity(text, EntityType::Org);
    assert_eq!(e.aliases, ["Senate of the Philippines"]);
    assert_eq!(e.attrs.country.as_deref(), Some("Philippines"));
}

#[test]
fn a_country_goes_by_the_texts_name_for_it_unless_it_writes_the_list_name() {
    // The text's own name, with the list name as the first alias; the
    // people acting for it name it so too.
    let doc = extractor().extract(
        "Türkiye's Defence Minister Yasar Guler arrived in Baghdad on Monday.",
        None,
    );
    let turkey = doc.entities.iter().find(|e| e.name == "Türkiye");
    assert!(turkey.is_some(), "{:?}", doc.entities);
    assert_eq!(
        turkey.unwrap().aliases.first().map(String::as_str),
        Some("Turkey")
    );
    assert!(
        triples(&doc).contains(&("represents", "Yasar Guler", "Türkiye")),
        "{:?}",
        triples(&doc)
    );
    // Where the text writes the list name, or only an acronym or an
    // adjective, the list name.
    assert_eq!(
        names("Turkey, which calls itself Türkiye, met Côte d'Ivoire officials."),
        ["Turkey", "Côte d'Ivoire"]
    );
    assert_eq!(
        names("The US and British navies sailed."),
        ["United States", "United Kingdom"]
    );
}

#[test]
fn a_listed_person_in_an_international_office_does_not_act_for_their_country() {
    let doc = extractor().extract("NATO Secretary General Mark Rutte visited Kyiv.", None);
    assert!(
        !triples(&doc).iter().any(|t| t.0 == "represents"),
        "{:?}",
        triples(&doc)
    );
    // Nor does one listed after a colleague of a stated country.
    let doc = extractor().extract(
        "They met in Prague, hosted by French President Emmanuel Macron and European Council \
         President Charles Michel.",
        None,
    );
    assert!(
        !triples(&doc)
            .iter()
            .any(|t| t.0 == "represents" && t.1 == "Charles Michel"),
        "{:?}",
        triples(&doc)
    );
    assert_relation(
        "Prime Minister Mark Rutte left the Netherlands for Kyiv.",
        ("represents", "Mark Rutte", "Netherlands"),
    );
}

#[test]
fn a_name_after_formally_is_another_name_of_the_one_before() {
    let doc = extractor().extract(
        "The pact builds on the 2006 Lombok Treaty, formally the Agreement on the Framework \
         for Security Cooperation, and a 2012 arrangement.",
        None,
    );
    let agreements: Vec<&tidings::Entity> = doc
        .entities
        .iter()
        .filter(|e| e.etype == EntityType::Agreement)
        .collect();
    assert_eq!(agreements.len(), 1, "{agreements:?}");
    assert!(
        agreements[0].aliases.iter().any(|a| a == "Lombok Treaty"),
        "{agreements:?}"
    );
}
