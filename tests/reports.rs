//! One event reported over two sentences is one event; two events are two.

use tidings::EntityType;

use crate::common::extractor;

fn signs(text: &str) -> Vec<(Option<String>, Vec<String>, Vec<String>)> {
    let doc = extractor().extract(text, tidings::parse_date("2022-08-27"));
    doc.events
        .iter()
        .filter(|e| e.etype == "SIGN")
        .map(|e| {
            (
                e.date.clone(),
                e.args.participants.clone(),
                e.args.agreement.clone(),
            )
        })
        .collect()
}

/// The first event of type `etype` in `doc` (the test fails without one).
fn first<'d>(doc: &'d tidings::Document, etype: &str) -> &'d tidings::Event {
    doc.events
        .iter()
        .find(|e| e.etype == etype)
        .unwrap_or_else(|| panic!("no {etype} in {:?}", doc.events))
}

/// Asserts that the first signing in `found` has `who` among its
/// participants.
fn assert_first_signing_by(found: &[(Option<String>, Vec<String>, Vec<String>)], who: &str) {
    assert!(
        found
            .first()
            .is_some_and(|(_, p, _)| p.iter().any(|p| p == who)),
        "{found:?}"
    );
}

/// Asserts that no signing in `found` is dated `date` or made by `who`.
fn assert_no_signing(found: &[(Option<String>, Vec<String>, Vec<String>)], date: &str, who: &str) {
    assert!(
        found
            .iter()
            .all(|(d, people, _)| d.as_deref() != Some(date) && !people.iter().any(|p| p == who)),
        "{found:?}"
    );
}

/// Asserts that `doc` has an event of each of the given types and dates.
fn assert_dated(doc: &tidings::Document, expected: &[(&str, &str)]) {
    let dated = types_and_dates(doc);
    for &(etype, date) in expected {
        assert!(dated.contains(&(etype, Some(date))), "{dated:?}");
    }
}

/// Each event's type and date, in order.
fn types_and_dates(doc: &tidings::Document) -> Vec<(&str, Option<&str>)> {
    doc.events
        .iter()
        .map(|e| (e.etype.as_str(), e.date.as_deref()))
        .collect()
}

#[test]
fn who_signed_and_what_was_signed_are_one_signing() {
    let found = signs(
        "Australian Prime Minister Scott Morrison and Japanese Prime Minister Fumio Kishida \
         on Thursday signed a defence treaty. The Reciprocal Access Agreement, signed during \
         a virtual summit, is Japan's first such pact with any country other than the United States.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].2, ["Reciprocal Access Agreement"]);
    assert_eq!(found[0].1.len(), 2, "{found:?}");
}

#[test]
fn a_signing_in_another_year_stays_apart() {
    let found = signs(
        "India and France signed a defence pact on Thursday. The Rafale Agreement, signed in \
         2016, covered 36 jets.",
    );
    assert_eq!(found.len(), 2, "{found:?}");
}

fn meets(text: &str) -> Vec<(Option<String>, Vec<String>)> {
    let doc = extractor().extract(text, tidings::parse_date("2023-03-03"));
    doc.events
        .iter()
        .filter(|e| e.etype == "MEET")
        .map(|e| (e.date.clone(), e.args.location.clone()))
        .collect()
}

#[test]
fn their_first_meeting_is_another_meeting() {
    let found = meets(
        "Gilberto Teodoro made the announcement after meeting Japanese Ambassador Kazuhiko \
         Koshikawa in Manila. The Philippines and Japan held their first meeting of foreign \
         and defence ministers in Tokyo in April 2022.",
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(
        found[1],
        (Some("2022-04".to_string()), vec!["Tokyo".to_string()])
    );
}

/// The participants of the first MEET event of `text`.
fn meet_participants(text: &str, dct: &str) -> Vec<String> {
    let doc = extractor().extract(text, tidings::parse_date(dct));
    let meet = doc.events.iter().find(|e| e.etype == "MEET");
    meet.expect("a MEET").args.participants.clone()
}

#[test]
fn the_visitor_meets_whom_the_visit_was_for() {
    let found = meet_participants(
        "President Ferdinand Marcos Jr will visit Washington next month to meet President Joe Biden.",
        "2023-03-03",
    );
    assert_eq!(found, ["Ferdinand Marcos Jr.", "Joe Biden"]);
}

#[test]
fn a_headline_tells_the_event_of_the_lead() {
    let found = signs(
        "Poland signs $10 billion deal for South Korean tanks\n\nWARSAW, Aug 27 (Reuters) - \
         Poland's defence ministry signed a contract worth about $10 billion with Hyundai \
         Rotem on Saturday.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_first_signing_by(&found, "Poland");
}

#[test]
fn the_traveller_holds_the_talks_too() {
    let found = meet_participants(
        "Prabowo Subianto is scheduled to travel to Washington next month for talks with US \
         Defense Secretary Lloyd Austin.",
        "2022-02-10",
    );
    assert_eq!(found, ["Prabowo Subianto", "Lloyd Austin"]);
}

#[test]
fn the_signing_ceremony_is_the_last_signing_and_july_is_another() {
    let found = signs(
        "Poland's defence ministry signed a contract with Hanwha Aerospace on Saturday. \
         Mariusz Blaszczak said deliveries would start in December. \
         Hanwha Aerospace CEO Son Jae-il attended the signing ceremony. \
         The framework agreement was signed in July during a visit to Seoul.",
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert_first_signing_by(&found, "Son Jae-il");
    assert_eq!(found[1].0.as_deref(), Some("2022-07"), "{found:?}");
}

#[test]
fn each_traveller_goes_where_their_own_verb_says() {
    let doc = extractor().extract(
        "Lloyd Austin is scheduled to travel to Tokyo on Saturday, while Antony Blinken will \
         visit Seoul from November 12 to 14.",
        tidings::parse_date("2023-11-10"),
    );
    let visits: Vec<(Vec<String>, Vec<String>)> = doc
        .events
        .iter()
        .filter(|e| e.etype == "VISIT")
        .map(|e| (e.args.participants.clone(), e.args.location.clone()))
        .collect();
    assert_eq!(
        visits,
        [
            (vec!["Lloyd Austin".to_string()], vec!["Tokyo".to_string()]),
            (
                vec!["Antony Blinken".to_string()],
                vec!["Seoul".to_string()]
            ),
        ]
    );
}

#[test]
fn the_other_party_after_the_agreement_signed() {
    let found = signs("Japan signed a similar agreement with Australia in 2022.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0.as_deref(), Some("2022"));
    assert_eq!(found[0].1, ["Japan", "Australia"]);
}

#[test]
fn an_exercise_off_the_coast_of_a_place_is_there() {
    let doc = extractor().extract(
        "The Indian Navy and the French Navy will hold the Varuna naval exercise off the coast of Goa from March 19.",
        tidings::parse_date("2025-03-12"),
    );
    let exercise = doc.events.iter().find(|e| e.etype == "EXERCISE");
    assert_eq!(exercise.expect("an EXERCISE").args.location, ["Goa"]);
}

/// The date and place of the first event of `etype` in `text`.
fn dated_at(text: &str, dct: &str, etype: &str) -> (Option<String>, Vec<String>) {
    let doc = extractor().extract(text, tidings::parse_date(dct));
    let event = doc.events.into_iter().find(|e| e.etype == etype);
    let event = event.unwrap_or_else(|| panic!("no {etype} in {text:?}"));
    (event.date, event.args.location)
}

/// Asserts that the first event of `etype` in `text` is dated `date` and
/// placed at `places`.
fn assert_dated_at(text: &str, dct: &str, etype: &str, date: &str, places: &[&str]) {
    let (found, at) = dated_at(text, dct, etype);
    assert_eq!(found.as_deref(), Some(date), "{text:?}");
    assert_eq!(at, places, "{text:?}");
}

#[test]
fn a_title_the_rules_read_does_not_hide_whom_someone_met() {
    let found = meet_participants(
        "Maldives Defence Minister Mohamed Ghassan Maumoon met Indian Army chief General \
         Upendra Dwivedi on Friday.",
        "2025-03-10",
    );
    assert_eq!(found, ["Mohamed Ghassan Maumoon", "Upendra Dwivedi"]);
}

#[test]
fn a_long_agreement_name_does_not_hide_where_it_was_signed() {
    assert_dated_at(
        "Pete Hegseth and Rajnath Singh on Friday signed the Framework for the U.S.-India \
         Major Defense Partnership in Kuala Lumpur.",
        "2025-11-01",
        "SIGN",
        "2025-10-31",
        &["Kuala Lumpur"],
    );
}

#[test]
fn the_visit_of_the_russian_leader_is_putins_alone() {
    let doc = extractor().extract(
        "The treaty, signed by Vladimir Putin and Kim Jong Un during the Russian leader's \
         visit to Pyongyang in June 2024, provides for mutual assistance.",
        tidings::parse_date("2025-06-20"),
    );
    let visit = doc.events.iter().find(|e| e.etype == "VISIT");
    assert_eq!(
        visit.expect("a VISIT").args.participants,
        ["Vladimir Putin"]
    );
}

#[test]
fn a_range_of_days_dates_an_event_by_its_first_day() {
    assert_dated_at(
        "NATO leaders will gather in The Hague on June 24-25 for the alliance's annual summit.",
        "2024-11-18",
        "SUMMIT",
        "2025-06-24",
        &["The Hague"],
    );
    let (date, _) = dated_at(
        "The Indian Navy and the French Navy will hold a joint exercise from 10 to 14 February.",
        "2025-01-20",
        "EXERCISE",
    );
    assert_eq!(date.as_deref(), Some("2025-02-10"));
}

#[test]
fn the_countries_that_signed_stay_when_their_ministers_attend_the_ceremony() {
    let found = signs(
        "Germany and Norway signed a contract on Thursday for six submarines. Boris \
         Pistorius met his Norwegian counterpart Bjorn Arild Gram in Kiel, where the two \
         ministers toured the shipyard before the signing ceremony.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    for country in ["Germany", "Norway"] {
        assert!(found[0].1.contains(&country.to_string()), "{found:?}");
    }
}

#[test]
fn a_minister_meets_his_counterpart() {
    let found = meet_participants(
        "German Defence Minister Boris Pistorius met his Norwegian counterpart Bjorn Arild \
         Gram in Kiel on Tuesday.",
        "2025-07-08",
    );
    assert_eq!(found, ["Boris Pistorius", "Bjorn Arild Gram"]);
}

#[test]
fn the_two_countries_or_navies_of_an_exercise_are_the_two_named_before() {
    let exercise = |text: &str| {
        let doc = extractor().extract(text, tidings::parse_date("2025-03-10"));
        let mut found: Vec<Vec<String>> = doc
            .events
            .iter()
            .filter(|e| e.etype == "EXERCISE")
            .map(|e| e.args.participants.clone())
            .collect();
        found.iter_mut().for_each(|p| p.sort());
        found
    };
    assert_eq!(
        exercise(
            "The Philippines and Japan signed a reciprocal access agreement on Monday. The two \
             countries will take part in the Balikatan exercise with the United States in April."
        ),
        [["Japan", "Philippines", "United States"]]
    );
    assert_eq!(
        exercise(
            "India and France signed a deal on Monday. The two navies will conduct the Varuna \
             exercise next month."
        ),
        [["France", "India"]]
    );
}

#[test]
fn a_relative_clause_is_not_the_meeting_nor_its_subject_the_other_party() {
    // Biden only accompanied Blinken.
    let found = meet_participants(
        "Secretary of State Antony Blinken, who accompanied Biden, met Vietnamese Foreign \
         Minister Bui Thanh Son on Monday.",
        "2023-09-11",
    );
    assert_eq!(found, ["Antony Blinken", "Bui Thanh Son"]);
    // The talks are Rajnath Singh's, not the signatories'.
    let found = meet_participants(
        "The agreement was signed by Defence Secretary Rajesh Kumar Singh and French \
         Ambassador Thierry Mathou in the presence of Defence Minister Rajnath Singh, who held \
         talks with French Armed Forces Minister Sebastien Lecornu.",
        "2025-04-28",
    );
    assert_eq!(found, ["Rajnath Singh", "Sebastien Lecornu"]);
}

#[test]
fn a_party_before_the_title_does_not_hide_the_person() {
    let found = meet_participants(
        "Joe Biden arrived in Hanoi on Sunday for talks with Communist Party General \
         Secretary Nguyen Phu Trong.",
        "2023-09-10",
    );
    assert_eq!(found, ["Joe Biden", "Nguyen Phu Trong"]);
}

#[test]
fn one_signing_per_party_named_with_its_own_date() {
    let found = signs(
        "Japan signed similar agreements with Australia in January 2022 and Britain in 2023.",
    );
    assert_eq!(
        found,
        [
            (
                Some("2022-01".to_string()),
                vec!["Japan".to_string(), "Australia".to_string()],
                vec![]
            ),
            (
                Some("2023".to_string()),
                vec!["Japan".to_string(), "Britain".to_string()],
                vec![]
            ),
        ]
    );
}

#[test]
fn capitals_as_subjects_stand_for_their_countries() {
    let found = meet_participants(
        "MANILA, July 8 (Reuters) - Japan and the Philippines signed a defence pact on Monday. \
         Tokyo and Manila will hold their next meeting of foreign and defence ministers early \
         next year.",
        "2024-07-08",
    );
    assert_eq!(found, ["Japan", "Philippines"]);
    // The dateline's capital is no party to the signing.
    let found = signs("WASHINGTON (Reuters) - India and Japan signed a defence pact on Monday.");
    assert_eq!(found[0].1, ["India", "Japan"]);
}

#[test]
fn a_country_not_party_to_a_treaty_is_not_party_to_it() {
    let parties = |text: &str| -> Vec<String> {
        let doc = extractor().extract(text, None);
        doc.relations
            .iter()
            .filter(|r| r.rtype == "party_to")
            .map(|r| r.head.clone())
            .collect()
    };
    let treaty = "the Treaty on the Non-Proliferation of Nuclear Weapons";
    assert_eq!(
        parties(&format!("India is not a party to {treaty}.")),
        Vec::<String>::new()
    );
    assert_eq!(
        parties(&format!("Japan is a party to {treaty}.")),
        ["Japan"]
    );
}

/// The (date, participants) of the events of `etype` in `text`.
fn events_of(text: &str, dct: &str, etype: &str) -> Vec<(Option<String>, Vec<String>)> {
    let doc = extractor().extract(text, tidings::parse_date(dct));
    doc.events
        .into_iter()
        .filter(|e| e.etype == etype)
        .map(|e| (e.date, e.args.participants))
        .collect()
}

#[test]
fn a_launch_by_a_bloc_and_a_country_takes_the_day_of_the_lead_not_of_an_inner_clause() {
    let found = events_of(
        "EU, India relaunch trade talks, aim to conclude deal by year-end\n\n\
         BRUSSELS, June 17 (Reuters) - The European Union and India agreed on Monday to resume \
         negotiations on a free trade agreement. The two sides also launched a Trade and \
         Technology Council, modelled on a similar body set up with the United States in 2021.",
        "2024-06-17",
        "LAUNCH",
    );
    assert_eq!(
        found,
        [(
            Some("2024-06-17".to_string()),
            vec!["European Union".to_string(), "India".to_string()]
        )]
    );
}

#[test]
fn the_body_named_in_a_title_is_the_employer_not_a_participant() {
    let doc = extractor().extract(
        "EU Trade Commissioner Valdis Dombrovskis will visit New Delhi in the autumn.",
        tidings::parse_date("2024-06-17"),
    );
    let visit = first(&doc, "VISIT");
    assert_eq!(visit.args.participants, ["Valdis Dombrovskis"]);
    assert!(
        doc.relations
            .iter()
            .any(|r| r.rtype == "works_for" && r.head == "Valdis Dombrovskis" && r.tail == "EU"),
        "{:?}",
        doc.relations
    );
}

#[test]
fn a_verb_joined_by_and_shares_the_subject_and_day_but_not_the_trip() {
    let text = "U.S. Defense Secretary Pete Hegseth arrived in Manila on Friday on his first trip \
                to Asia since taking office, and met Philippine President Ferdinand Marcos Jr at \
                the Malacanang presidential palace.";
    let doc = extractor().extract(text, tidings::parse_date("2025-03-28"));
    let meet = first(&doc, "MEET");
    assert_eq!(
        meet.args.participants,
        ["Pete Hegseth", "Ferdinand Marcos Jr."]
    );
    assert_eq!(meet.date.as_deref(), Some("2025-03-28"));
    assert!(
        !meet.args.location.contains(&"Asia".to_string()),
        "{meet:?}"
    );
}

#[test]
fn the_next_stop_is_another_visit_on_its_own_day() {
    let found = events_of(
        "U.S. Defense Secretary Pete Hegseth arrived in Manila on Friday.\n\nHegseth travels to \
         Tokyo on Saturday for talks with Japanese Defense Minister Gen Nakatani.",
        "2025-03-28",
        "VISIT",
    );
    assert_eq!(
        found,
        [
            (
                Some("2025-03-28".to_string()),
                vec!["Pete Hegseth".to_string()]
            ),
            (
                Some("2025-03-29".to_string()),
                vec!["Pete Hegseth".to_string()]
            ),
        ]
    );
}

#[test]
fn one_visit_per_place_named_with_its_own_day() {
    let doc = extractor().extract(
        "Trump will travel to Doha on Wednesday and Abu Dhabi on Thursday.",
        tidings::parse_date("2025-05-13"),
    );
    let visits: Vec<(Option<String>, Vec<String>)> = doc
        .events
        .into_iter()
        .filter(|e| e.etype == "VISIT")
        .map(|e| (e.date, e.args.location))
        .collect();
    assert_eq!(
        visits,
        [
            (Some("2025-05-14".to_string()), vec!["Doha".to_string()]),
            (
                Some("2025-05-15".to_string()),
                vec!["Abu Dhabi".to_string()]
            ),
        ]
    );
}

#[test]
fn a_comma_and_opens_another_clause_with_its_own_actors() {
    let found = events_of(
        "Gulf Cooperation Council leaders will hold a summit with Donald Trump in Riyadh on \
         Wednesday, and the Arab League meets in Baghdad on May 17.",
        "2025-05-13",
        "MEET",
    );
    assert_eq!(
        found,
        [(
            Some("2025-05-17".to_string()),
            vec!["Arab League".to_string()]
        )]
    );
}

#[test]
fn a_gathering_of_the_leads_countries_takes_the_leads_day() {
    let found = events_of(
        "RIYADH, May 13 (Reuters) - Saudi Crown Prince Mohammed bin Salman and U.S. President \
         Donald Trump signed a strategic economic partnership on Tuesday. Saudi Arabia and the \
         United States also opened the Saudi-US Investment Forum in Riyadh.",
        "2025-05-13",
        "SUMMIT",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0.as_deref(), Some("2025-05-13"));
}

#[test]
fn a_deadline_does_not_date_the_gathering_and_a_meeting_there_takes_its_day() {
    let doc = extractor().extract(
        "NATO allies agree spending goal at Hague summit\n\nTHE HAGUE, June 25 (Reuters) - NATO \
         leaders agreed on Wednesday to raise defence spending to 5% of gross domestic product \
         by 2035, a landmark increase pushed by U.S. President Donald Trump, at a summit in The \
         Hague. Ukrainian President Volodymyr Zelenskiy met Trump on the sidelines of the summit.",
        tidings::parse_date("2025-06-25"),
    );
    let dated = types_and_dates(&doc);
    assert_eq!(
        dated,
        [("SUMMIT", Some("2025-06-25")), ("MEET", Some("2025-06-25"))]
    );
}

#[test]
fn the_subject_before_a_relative_clause_holds_the_talks_and_the_clause_keeps_its_date() {
    let doc = extractor().extract(
        "The Chinese and Russian navies began a joint exercise on Thursday. Chinese Defence \
         Minister Li Shangfu, who visited Moscow in April, held talks with his Russian \
         counterpart Sergei Shoigu.",
        tidings::parse_date("2023-07-20"),
    );
    let summary: Vec<(&str, Option<&str>, Vec<String>)> = doc
        .events
        .iter()
        .filter(|e| e.etype != "EXERCISE")
        .map(|e| {
            (
                e.etype.as_str(),
                e.date.as_deref(),
                e.args.participants.clone(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("VISIT", Some("2023-04"), vec!["Li Shangfu".to_string()]),
            (
                "MEET",
                None,
                vec!["Li Shangfu".to_string(), "Sergei Shoigu".to_string()]
            ),
        ]
    );
}

#[test]
fn a_warship_named_after_a_city_is_the_ship() {
    let doc = extractor().extract(
        "The drills involve 10 warships, including the destroyer Qiqihar and the frigate Yulin.",
        None,
    );
    let found: Vec<(EntityType, String)> = doc
        .entities
        .into_iter()
        .map(|e| (e.etype, e.name))
        .collect();
    assert_eq!(
        found,
        [
            (EntityType::System, "Qiqihar".to_string()),
            (EntityType::System, "Yulin".to_string())
        ]
    );
}

#[test]
fn the_two_ministers_are_the_pair_just_named() {
    let found = events_of(
        "Chief of Defence Staff Gen Anil Chauhan and Defence Secretary Giridhar Aramane attended \
         the meeting. Later, Rajnath Singh held a bilateral meeting with Australian Deputy Prime \
         Minister Richard Marles. The two ministers discussed the Malabar exercise scheduled for \
         October.",
        "2024-09-03",
        "EXERCISE",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, ["Rajnath Singh", "Richard Marles"]);
}

#[test]
fn a_date_after_a_closed_inner_clause_is_the_main_verbs() {
    let found = events_of(
        "Pakistan's Foreign Office said talks on the Indus Waters Treaty, brokered by the World \
         Bank in 1960, would resume in Vienna next month.",
        "2023-10-18",
        "NEGOTIATE",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0.as_deref(), Some("2023-11"));
}

#[test]
fn a_second_verb_takes_the_first_ones_subjects_but_not_its_object() {
    let doc = extractor().extract(
        "Japan and the Philippines are negotiating an Acquisition and Cross-Servicing \
         Agreement (ACSA) and signed a memorandum of understanding on disaster relief in \
         February.",
        tidings::parse_date("2023-04-03"),
    );
    let sign = first(&doc, "SIGN");
    assert_eq!(sign.args.participants, ["Japan", "Philippines"]);
    // The memorandum, described, not the agreement negotiated.
    assert_eq!(
        sign.args.agreement,
        ["memorandum of understanding on disaster relief"],
        "{sign:?}"
    );
    assert_eq!(sign.date.as_deref(), Some("2023-02"));
}

#[test]
fn a_date_followed_by_before_is_still_the_events_own() {
    let found = dated_at(
        "Prabowo, a former defence minister, visited Ankara in April last year before taking \
         office in October.",
        "2025-02-12",
        "VISIT",
    );
    assert_eq!(
        found,
        (Some("2024-04".to_string()), vec!["Ankara".to_string()])
    );
}

#[test]
fn the_comma_of_a_city_and_its_country_is_no_clause_break() {
    let text = "Prime Minister Narendra Modi and President Xi Jinping had met in Kazan, Russia on \
                October 23 on the margins of the BRICS summit.";
    let meets = events_of(text, "2024-11-20", "MEET");
    assert_eq!(meets.len(), 1, "{meets:?}");
    assert_eq!(meets[0].0.as_deref(), Some("2024-10-23"));
    // The country of the city is where, not who; the meeting on the
    // margins of the summit dates it.
    let summits = events_of(text, "2024-11-20", "SUMMIT");
    assert_eq!(summits.len(), 1, "{summits:?}");
    assert_eq!(summits[0].0.as_deref(), Some("2024-10-23"));
    assert!(!summits[0].1.contains(&"Russia".to_string()), "{summits:?}");
}

#[test]
fn he_is_the_person_the_sentence_before_was_about() {
    let text = "U.S. President Donald Trump said on Wednesday the drones could have been a \
                mistake. He later spoke by phone with Polish President Karol Nawrocki.";
    let meets = events_of(text, "2025-09-10", "MEET");
    assert_eq!(meets.len(), 1, "{meets:?}");
    assert_eq!(meets[0].1, ["Donald Trump", "Karol Nawrocki"]);
    let text = "Turkish President Recep Tayyip Erdogan arrived from Malaysia, where he met Prime \
                Minister Anwar Ibrahim. He will travel on to Pakistan for talks with Prime \
                Minister Shehbaz Sharif on Thursday.";
    let meets = events_of(text, "2025-02-12", "MEET");
    assert_eq!(meets.len(), 2, "{meets:?}");
    assert_eq!(meets[1].1, ["Recep Tayyip Erdogan", "Shehbaz Sharif"]);
    let visits = events_of(text, "2025-02-12", "VISIT");
    assert_eq!(visits.len(), 1, "{visits:?}");
    assert_eq!(visits[0].1, ["Recep Tayyip Erdogan"]);
}

#[test]
fn the_visitor_is_the_one_after_by_and_who_takes_both_people_joined_by_and() {
    let text = "Indonesia signed a deal to buy 48 KAAN fighter jets from Turkish Aerospace \
                Industries during a visit by Turkish President Recep Tayyip Erdogan on Wednesday. \
                The agreement was signed in the presence of Erdogan and Indonesian President \
                Prabowo Subianto, who held talks on defence and trade.";
    let visits = events_of(text, "2025-02-12", "VISIT");
    assert_eq!(visits.len(), 1, "{visits:?}");
    assert_eq!(visits[0].1, ["Recep Tayyip Erdogan"]);
    let meets = events_of(text, "2025-02-12", "MEET");
    assert_eq!(meets.len(), 1, "{meets:?}");
    assert_eq!(meets[0].1, ["Recep Tayyip Erdogan", "Prabowo Subianto"]);
}

#[test]
fn the_speaker_is_no_party_to_what_others_did() {
    let text = "Defence Minister Richard Marles said the treaty was the first alliance Australia \
                had entered into since the ANZUS Treaty with New Zealand and the United States \
                in 1951.";
    let doc = extractor().extract(text, tidings::parse_date("2025-10-06"));
    let signed: Vec<&str> = doc
        .relations
        .iter()
        .filter(|r| r.rtype == "signatory")
        .map(|r| r.head.as_str())
        .collect();
    assert!(signed.is_empty(), "{signed:?}");
    // The speaker who held the talks himself stays.
    let found = meet_participants(
        "External Affairs Minister S Jaishankar said after talks with Chinese Foreign \
         Minister Wang Yi that ties were improving.",
        "2024-11-20",
    );
    assert_eq!(found, ["S. Jaishankar", "Wang Yi"]);
}

#[test]
fn a_date_of_a_clause_since_doing_something_is_not_the_trips() {
    let text = "Japanese Prime Minister Shigeru Ishiba and Philippine President Ferdinand Marcos \
                Jr. reached the agreement in talks at Malacanang Palace in Manila, during \
                Ishiba's first trip to Southeast Asia since taking office in October.";
    let visits = events_of(text, "2025-04-17", "VISIT");
    assert!(
        visits
            .iter()
            .all(|(date, _)| date.as_deref() != Some("2024-10")),
        "{visits:?}"
    );
}

#[test]
fn going_home_is_no_visit() {
    let (_, places) = dated_at(
        "Ishiba, who arrived in Manila on Tuesday from Vietnam, will return to Tokyo on \
         Wednesday.",
        "2025-04-17",
        "VISIT",
    );
    assert_eq!(places, ["Manila"]);
}

#[test]
fn new_in_a_countrys_name_is_no_other_event() {
    let found = signs(
        "Australia and Papua New Guinea sign defence treaty\nCANBERRA, Oct 6 (AAP) - \
         Australian Prime Minister Anthony Albanese and Papua New Guinea Prime Minister \
         James Marape signed a treaty in Canberra on Monday.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn the_treaty_named_next_is_the_one_signed() {
    let found = signs(
        "Anthony Albanese and James Marape signed a mutual defence treaty in Canberra on \
         Monday. The Pukpuk Treaty, named after the Tok Pisin word for crocodile, will allow \
         Papua New Guineans to serve in the Australian Defence Force.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].2, ["Pukpuk Treaty"]);
}

#[test]
fn an_mou_exchanged_is_signed_by_the_two_sides_the_talks_had() {
    let found = signs(
        "Rajnath Singh held bilateral talks with Defence Minister of Malaysia Dato' Seri \
         Mohamed Khaled Nordin in New Delhi today. The two sides exchanged a Memorandum of \
         Understanding on Submarine Cooperation.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, ["Rajnath Singh", "Mohamed Khaled Nordin"]);
    assert_eq!(
        found[0].2,
        ["Memorandum of Understanding on Submarine Cooperation"]
    );
}

#[test]
fn an_exercise_off_a_territory_is_there() {
    assert_dated_at(
        "The Malabar naval exercise, which brings together the navies of the four countries, \
         will be held off Guam in November.",
        "2025-03-05",
        "EXERCISE",
        "2025-11",
        &["Guam"],
    );
}

#[test]
fn a_meeting_to_come_and_one_dated_earlier_are_two() {
    let found = events_of(
        "External Affairs Minister S Jaishankar is also expected to hold bilateral talks with \
         US Secretary of State Marco Rubio on the sidelines. The two met earlier this year, \
         hours after Rubio was sworn in.",
        "2025-03-05",
        "MEET",
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].0, None);
    assert_eq!(found[1].0.as_deref(), Some("2025"));
    assert_eq!(found[1].1, ["S. Jaishankar", "Marco Rubio"]);
}

#[test]
fn a_speaker_after_and_an_apposition_are_not_the_visitors() {
    let text = "Mikhail Sytenko, a former deputy secretary-general of the United Nations, is \
                also expected to visit Baghdad, Yuri Gremitskikh said at a news briefing today.";
    let visits = events_of(text, "1990-08-15", "VISIT");
    assert_eq!(visits.len(), 1, "{visits:?}");
    assert_eq!(visits[0].1, ["Mikhail Sytenko"]);
}

#[test]
fn a_body_visiting_no_named_place_is_no_visit() {
    let text = "Five other U.N. inspection teams visited a total of nine other sites, the Iraqi \
                News Agency reported.";
    assert_eq!(events_of(text, "1998-03-06", "VISIT"), []);
}

#[test]
fn calling_on_a_country_to_act_is_no_meeting() {
    let text = "Mr. Gore called on Israel to continue taking risks for peace.";
    assert_eq!(events_of(text, "1998-05-01", "MEET"), []);
}

#[test]
fn he_and_another_meeting_someone_separately_are_two_meetings_that_day() {
    let text = "Israeli Prime Minister Benjamin Netanyahu says considerable gaps remain. He and \
                Palestinian leader Yasser Arafat meet separately Monday with US Secretary of \
                State Madeleine Albright.";
    let meets = events_of(text, "1998-05-01", "MEET");
    let want = |who: &str| {
        (
            Some("1998-05-04".to_string()),
            vec![who.to_string(), "Madeleine Albright".to_string()],
        )
    };
    assert_eq!(meets, [want("Benjamin Netanyahu"), want("Yasser Arafat")]);
}

#[test]
fn an_apposition_after_the_one_met_is_no_party_and_no_distance() {
    let text = "Chief of Naval Staff Admiral R Hari Kumar met Adm. John Aquilino, commander of \
                U.S. Indo-Pacific Command, in Honolulu on Tuesday.";
    assert_eq!(dated_at(text, "2024-03-20", "MEET").1, ["Honolulu"]);
    assert_eq!(
        events_of(text, "2024-03-20", "MEET")[0].1,
        ["R. Hari Kumar", "John Aquilino"]
    );
}

#[test]
fn what_happened_since_something_takes_not_the_main_clauses_date() {
    // The alliance was established decades ago, not on Wednesday; and the
    // lead's date does not come back through its participants.
    let text = "Japanese Prime Minister Fumio Kishida and U.S. President Joe Biden agreed \
                Wednesday to upgrade their command structures, the most significant upgrade \
                to the alliance since it was established. Kishida will hold talks with Biden \
                at the White House.";
    let launches = events_of(text, "2024-04-11", "LAUNCH");
    assert!(
        launches.iter().all(|(date, _)| date.is_none()),
        "{launches:?}"
    );
    // "since" before a date is the date's own preposition.
    let meets = events_of(
        "Kishida held talks with Biden on Wednesday, their first since March.",
        "2024-04-11",
        "MEET",
    );
    assert_eq!(meets[0].0.as_deref(), Some("2024-04-10"), "{meets:?}");
}

#[test]
fn the_city_of_a_region_is_where_not_the_region() {
    for (text, etype, place) in [
        (
            "After eight hours of negotiations in the Red Sea city of Jeddah on Tuesday, the \
             delegations left.",
            "NEGOTIATE",
            "Jeddah",
        ),
        (
            "Putin held talks with Recep Tayyip Erdogan in the Black Sea resort of Sochi.",
            "MEET",
            "Sochi",
        ),
        (
            "The ministers met in the eastern Ukrainian city of Kharkiv on Friday.",
            "MEET",
            "Kharkiv",
        ),
    ] {
        let (_, places) = dated_at(text, "2025-03-12", etype);
        assert_eq!(places, [place], "{text}");
    }
}

#[test]
fn a_party_and_a_title_before_the_one_met_are_no_obstacle() {
    let found = meet_participants(
        "Putin met Communist Party General Secretary To Lam on Thursday.",
        "2024-06-20",
    );
    assert_eq!(found, ["Vladimir Putin", "To Lam"]);
}

#[test]
fn a_gathering_named_before_its_acronym_is_the_summits_name() {
    let summit = first_event(
        "Leaders gathered for the Association of Southeast Asian Nations (ASEAN) summit in \
         Jakarta on Tuesday.",
        "2023-09-07",
        "SUMMIT",
    );
    assert_eq!(summit.args.name, ["Association of Southeast Asian Nations"]);
}

#[test]
fn a_date_in_a_relative_clause_after_a_verbs_object_is_not_the_events() {
    let found = events_of(
        "India announced that it had reached an agreement with China on patrolling, ending a \
         standoff that began in May 2020.",
        "2024-10-25",
        "SIGN",
    );
    assert!(
        found
            .iter()
            .all(|(date, _)| date.as_deref() != Some("2020-05")),
        "{found:?}"
    );
}

#[test]
fn their_meeting_is_the_meeting_of_those_named_before() {
    let meets = events_of(
        "Defense Minister Shin Won-sik, U.S. Defense Secretary Lloyd Austin and Japanese Defense \
         Minister Minoru Kihara inked the memorandum during their trilateral ministerial meeting \
         in Tokyo.",
        "2024-07-29",
        "MEET",
    );
    assert_eq!(
        meets[0].1,
        ["Shin Won-sik", "Lloyd Austin", "Minoru Kihara"],
        "{meets:?}"
    );
}

#[test]
fn a_summit_of_an_organisation_is_named_by_it_and_held_where_it_says() {
    let summit = first_event(
        "Lula is attending the summit of the Community of Latin American and Caribbean States \
         (CELAC) in Buenos Aires on Tuesday.",
        "2023-01-24",
        "SUMMIT",
    );
    assert_eq!(
        summit.args.name,
        ["Community of Latin American and Caribbean States"]
    );
    assert_eq!(summit.args.location, ["Buenos Aires"]);
}

/// The first event of type `etype` in `text`.
fn first_event(text: &str, dct: &str, etype: &str) -> tidings::Event {
    let doc = extractor().extract(text, tidings::parse_date(dct));
    doc.events
        .into_iter()
        .find(|e| e.etype == etype)
        .unwrap_or_else(|| panic!("no {etype} in {text:?}"))
}

#[test]
fn who_stands_before_where_is_not_the_subject_of_what_follows() {
    let meet = first_event(
        "Lula is attending the summit of the Community of Latin American and Caribbean States \
         (CELAC) in Buenos Aires on Tuesday, where he is expected to meet Venezuelan President \
         Nicolas Maduro.",
        "2023-01-24",
        "MEET",
    );
    assert_eq!(
        meet.args.participants,
        ["Luiz Inácio Lula da Silva", "Nicolas Maduro"]
    );
    assert_eq!(meet.args.location, ["Buenos Aires"]);
}

#[test]
fn the_countrys_capital_is_where_and_the_war_in_a_country_is_a_topic() {
    let summit = first_event(
        "ADDIS ABABA, Feb 18 (Reuters) - African Union leaders opened a two-day summit in the \
         Ethiopian capital on Saturday, with conflicts in Sudan dominating the agenda.",
        "2024-02-18",
        "SUMMIT",
    );
    assert_eq!(summit.args.location, ["Addis Ababa"]);
}

#[test]
fn an_apposition_renaming_the_event_leaves_it_its_date() {
    let meet = first_event(
        "Modi and Xi held bilateral talks on the sidelines of the BRICS summit in Kazan on \
         October 23, their first structured meeting in five years.",
        "2024-10-25",
        "MEET",
    );
    assert_eq!(meet.date.as_deref(), Some("2024-10-23"));
}

#[test]
fn a_meeting_on_a_weekday_and_a_g20_summit_after_a_trip_are_found_where_they_are() {
    let meet = first_event(
        "President Joe Biden and Chinese leader Xi Jinping met Saturday on the sidelines of the \
         Asia-Pacific Economic Cooperation summit.",
        "2024-11-16",
        "MEET",
    );
    assert_eq!(meet.date.as_deref(), Some("2024-11-16"));
    let summit = first_event(
        "He will travel to Rio de Janeiro on Sunday for a Group of 20 summit.",
        "2024-11-16",
        "SUMMIT",
    );
    assert_eq!(summit.args.name, ["Group of 20"]);
    assert_eq!(summit.args.location, ["Rio de Janeiro"]);
}

#[test]
fn the_two_navies_are_the_two_countries_of_the_event_before() {
    let found = events_of(
        "China and Russia began joint naval exercises on Monday, days after NATO called Beijing \
         an enabler of the war in Ukraine. The two navies also held joint patrols in the Pacific \
         Ocean earlier this month.",
        "2024-07-15",
        "EXERCISE",
    );
    assert!(
        found.iter().all(|(_, p)| p == &["China", "Russia"]),
        "{found:?}"
    );
}

#[test]
fn the_treaty_signed_by_then_presidents_is_the_one_named_before() {
    let sign = first_event(
        "Russia suspended the New START treaty. The treaty, signed in Prague in 2010 by \
         then-presidents Barack Obama and Dmitry Medvedev, caps warheads.",
        "2023-02-22",
        "SIGN",
    );
    assert_eq!(sign.args.agreement, ["New START treaty"]);
    assert_eq!(sign.args.participants, ["Barack Obama", "Dmitry Medvedev"]);
}

#[test]
fn who_attends_a_summit_takes_part_in_it() {
    let summit = first_event(
        "EU leaders backed the plan at an emergency summit in Brussels attended by Ukrainian \
         President Volodymyr Zelenskiy on Thursday.",
        "2025-03-06",
        "SUMMIT",
    );
    assert!(
        summit
            .args
            .participants
            .contains(&"Volodymyr Zelenskiy".to_string()),
        "{:?}",
        summit.args
    );
}

#[test]
fn every_place_of_a_list_after_visited_is_visited() {
    let (_, places) = dated_at(
        "Saudi Arabia's minister of state for foreign affairs, Adel al-Jubeir, visited both \
         Islamabad and New Delhi this week.",
        "2025-05-11",
        "VISIT",
    );
    assert_eq!(places, ["Islamabad", "New Delhi"]);
}

#[test]
fn a_plan_for_a_year_is_not_signed_in_it() {
    let sign = first_event(
        "Vietnamese Defence Minister General Phan Van Giang received his Lao counterpart \
         General Chansamone Chanyalath in Hanoi on Tuesday. The two ministers witnessed the \
         signing of a cooperation plan for 2025.",
        "2024-12-18",
        "SIGN",
    );
    assert_ne!(sign.date.as_deref(), Some("2025"));
}

#[test]
fn the_source_a_report_is_according_to_is_not_where_it_happened() {
    let exercise = first_event(
        "South Korea, the United States and Japan staged joint air drills on Sunday in response \
         to the launch, according to the defense ministry in Seoul.",
        "2024-11-05",
        "EXERCISE",
    );
    assert!(exercise.args.location.is_empty(), "{:?}", exercise.args);
    assert_eq!(exercise.date.as_deref(), Some("2024-11-03"));
}

#[test]
fn a_country_signing_with_a_leader_of_another_is_a_party_and_his_visit_is_his() {
    let text = "British Prime Minister Keir Starmer signed a 100-year partnership agreement with \
                Ukraine on Thursday during his first visit to Kyiv since taking office.";
    let signs = events_of(text, "2025-01-17", "SIGN");
    assert_eq!(signs[0].1, ["Keir Starmer", "Ukraine"], "{signs:?}");
    let visits = events_of(text, "2025-01-17", "VISIT");
    assert_eq!(visits[0].1, ["Keir Starmer"], "{visits:?}");
}

#[test]
fn a_trip_after_before_goes_with_the_subject_and_starts_nowhere() {
    let text = "From Hanoi, Xi Jinping will fly to Kuala Lumpur on Tuesday, where he will meet \
                Malaysian Prime Minister Anwar Ibrahim, before travelling to Phnom Penh on \
                Thursday.";
    let doc = extractor().extract(text, tidings::parse_date("2025-04-14"));
    let visits: Vec<(Vec<String>, Vec<String>)> = (doc.events.iter())
        .filter(|e| e.etype == "VISIT")
        .map(|e| (e.args.participants.clone(), e.args.location.clone()))
        .collect();
    assert_eq!(
        visits,
        [
            (
                vec!["Xi Jinping".to_string()],
                vec!["Kuala Lumpur".to_string()]
            ),
            (
                vec!["Xi Jinping".to_string()],
                vec!["Phnom Penh".to_string()]
            ),
        ]
    );
}

#[test]
fn the_two_sides_are_the_countries_of_the_two_who_just_met() {
    let sign = first_event(
        "Chinese President Xi Jinping arrived in Hanoi on Monday for a state visit that will \
         also take him to Malaysia and Cambodia. Xi will hold talks with Vietnamese leader To \
         Lam on Tuesday. The two sides are expected to sign more than 40 cooperation documents.",
        "2025-04-14",
        "SIGN",
    );
    assert_eq!(sign.args.participants, ["China", "Vietnam"]);
}

#[test]
fn a_trip_and_the_talks_it_is_for_share_their_date() {
    let found = events_of(
        "Defence Minister Aden Duale will travel to Addis Ababa on December 4 to hold talks with \
         his Ethiopian counterpart Abraham Belay.",
        "2023-11-17",
        "VISIT",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0.as_deref(), Some("2023-12-04"));
}

#[test]
fn a_date_after_since_is_not_the_events() {
    let visit = first_event(
        "Austin met Umerov in Kyiv. This was Austin's fourth visit to Ukraine since Russia's \
         full-scale invasion in February 2022.",
        "2024-10-22",
        "VISIT",
    );
    assert_ne!(visit.date.as_deref(), Some("2022-02"));
}

#[test]
fn an_event_of_an_earlier_year_stays_apart_from_the_undated_news_of_the_lead() {
    let found = events_of(
        "Russia, Mongolia sign agreements as Putin visits Ulaanbaatar\n\n\
         ULAANBAATAR, September 3 (TASS) - Russian President Vladimir Putin and Mongolian \
         President Ukhnaagiin Khurelsukh held talks in Ulaanbaatar on Tuesday. Putin last \
         visited Mongolia in 2019, when the two countries signed a treaty on friendly relations.",
        "2024-09-04",
        "SIGN",
    );
    let dates: Vec<Option<&str>> = found.iter().map(|(d, _)| d.as_deref()).collect();
    assert!(dates.contains(&Some("2019")), "{found:?}");
    assert_eq!(found.len(), 2, "{found:?}");
}

#[test]
fn the_three_neighbours_and_the_allies_are_the_countries_named_before() {
    let launch = first_event(
        "The military rulers of Mali, Burkina Faso and Niger met in Niamey on Saturday. The three \
         neighbours first formed the Alliance of Sahel States in September 2023.",
        "2024-07-08",
        "LAUNCH",
    );
    let mut found = launch.args.participants.clone();
    found.sort();
    assert_eq!(found, ["Burkina Faso", "Mali", "Niger"]);
    let exercise = first_event(
        "South Korea, the United States and Japan signed a memorandum on Sunday. The allies held \
         the first Freedom Edge exercise in international waters south of Jeju Island in June.",
        "2024-07-29",
        "EXERCISE",
    );
    assert_eq!(
        exercise.args.participants,
        ["South Korea", "United States", "Japan"]
    );
    assert_eq!(exercise.args.location, ["Jeju Island"]);
}

#[test]
fn the_day_a_ministry_reports_an_event_is_not_the_events() {
    let sign = first_event(
        "South Korea, the United States and Japan have signed a memorandum of cooperation on \
         security, the defense ministry said Monday.",
        "2024-07-29",
        "SIGN",
    );
    assert_eq!(sign.date, None);
}

#[test]
fn the_counterpart_met_there_and_the_same_day_are_read() {
    let meet = first_event(
        "French Armed Forces Minister Sebastien Lecornu announced the contract on June 18, after \
         a meeting there with his Armenian counterpart, Defense Minister Suren Papikyan.",
        "2024-06-19",
        "MEET",
    );
    assert_eq!(
        meet.args.participants,
        ["Sebastien Lecornu", "Suren Papikyan"]
    );
    let doc = extractor().extract(
        "Lecornu announced the contract on June 18. The deal was signed the same day.",
        tidings::parse_date("2024-06-19"),
    );
    let same: Vec<&str> = (doc.dates.iter())
        .filter(|d| d.text == "the same day")
        .map(|d| d.value.as_str())
        .collect();
    assert_eq!(same, ["2024-06-18"]);
}

#[test]
fn a_date_naming_the_day_of_another_noun_is_not_the_events() {
    let summit = first_event(
        "Defence Minister Rajnath Singh on Thursday declined to endorse the joint communique of \
         the Shanghai Cooperation Organisation Defence Ministers' Meeting in Qingdao, after the \
         draft left out any reference to the April 22 terror attack in Pahalgam.",
        "2025-06-27",
        "SUMMIT",
    );
    assert_eq!(summit.date.as_deref(), Some("2025-06-26"));
}

#[test]
fn the_two_companies_sign_and_the_agreement_as_subject_is_the_one_reported() {
    let found = events_of(
        "Hanwha Aerospace Co. signed a contract worth about $1.6 billion to supply Poland with 72 \
         Chunmoo launchers. The agreement, the second executive contract under a 2022 framework \
         deal, was signed on Thursday in Warsaw by Hanwha Aerospace and Poland's Armament Agency. \
         Hanwha said it would work with Polish firm WB Group to produce missiles locally. The two \
         companies signed a memorandum of understanding on the venture last year.",
        "2024-04-26",
        "SIGN",
    );
    let dates: Vec<Option<&str>> = found.iter().map(|(d, _)| d.as_deref()).collect();
    assert_eq!(dates, [Some("2024-04-25"), Some("2023")], "{found:?}");
    assert_eq!(found[1].1, ["Hanwha Aerospace", "WB Group"]);
}

#[test]
fn a_meeting_of_a_body_is_a_gathering_and_talks_on_its_sidelines_share_its_day() {
    let doc = extractor().extract(
        "Ukraine's Defense Minister Rustem Umerov took part in the 26th meeting of the Ukraine \
         Defense Contact Group, held at NATO headquarters in Brussels on February 12. On the \
         sidelines of the meeting, Umerov held his first meeting with Pete Hegseth.",
        tidings::parse_date("2025-02-13"),
    );
    let summit = first(&doc, "SUMMIT");
    assert_eq!(summit.args.name, ["Ukraine Defense Contact Group"]);
    let meet = first(&doc, "MEET");
    assert_eq!(meet.date.as_deref(), Some("2025-02-12"));
}

#[test]
fn the_meeting_attended_after_a_gathering_is_that_gathering() {
    let doc = extractor().extract(
        "Defence Minister Rajnath Singh attended the Shanghai Cooperation Organisation Defence \
         Ministers' Meeting in Qingdao on Thursday. Pakistan's Defence Minister Khawaja Asif \
         also attended the meeting.",
        tidings::parse_date("2025-06-27"),
    );
    let kinds: Vec<&str> = doc.events.iter().map(|e| e.etype.as_str()).collect();
    assert_eq!(kinds, ["SUMMIT"], "{:?}", doc.events);
}

#[test]
fn a_weekday_anchors_the_previous_day_and_a_coordinated_verb_keeps_its_date() {
    let doc = extractor().extract(
        "North Korea's news agency said Thursday the country had conducted a missile test the \
         previous day. It follows Canada's agreement in May to buy 88 fighter jets.",
        tidings::parse_date("2023-11-30"),
    );
    let value = |text: &str| {
        (doc.dates.iter())
            .find(|d| d.text == text)
            .map(|d| d.value.clone())
    };
    assert_eq!(value("the previous day").as_deref(), Some("2023-11-29"));
    // No verb to go by: the past May, not the coming one.
    assert_eq!(value("May").as_deref(), Some("2023-05"));
    let meet = first_event(
        "Defense Secretary Pete Hegseth was sworn in on January 25 and spoke with Australian \
         Deputy Prime Minister Richard Marles by phone two days later.",
        "2025-02-07",
        "MEET",
    );
    assert_eq!(meet.date.as_deref(), Some("2025-01-27"));
}

#[test]
fn a_place_before_summit_is_where_and_a_named_dialogue_is_a_gathering() {
    let summit = first_event(
        "Rutte said allies would need to spend well above the 2% target agreed at the \
         alliance's Wales summit in 2014.",
        "2025-02-13",
        "SUMMIT",
    );
    assert_eq!(summit.args.location, ["Wales"]);
    assert_eq!(summit.date.as_deref(), Some("2014"));
    let dialogue = first_event(
        "The three ministers met on the sidelines of the Shangri-La Dialogue in Singapore on \
         June 2.",
        "2024-06-27",
        "SUMMIT",
    );
    assert_eq!(dialogue.args.name, ["Shangri-La Dialogue"]);
}

#[test]
fn trips_with_a_day_between_and_leaving_for_a_place_are_visits() {
    let found = events_of(
        "From Copenhagen, Defence Minister Luis Petri travels on Wednesday to Brussels. US \
         Secretary of Defense Lloyd Austin leaves for Angola on Thursday.",
        "2024-04-16",
        "VISIT",
    );
    let dates: Vec<Option<&str>> = found.iter().map(|(d, _)| d.as_deref()).collect();
    assert_eq!(dates, [Some("2024-04-17"), Some("2024-04-18")], "{found:?}");
}

#[test]
fn an_exercise_named_in_capitals_and_one_first_staged_before() {
    let found = events_of(
        "The two ministers reviewed the tri-service exercise INDRA, the last edition of which \
         was held in Volgograd in August 2021. Next month Armenian and US troops are due to hold \
         the Eagle Partner exercise, a peacekeeping drill first staged in September last year.",
        "2024-06-19",
        "EXERCISE",
    );
    let dates: Vec<Option<&str>> = found.iter().map(|(d, _)| d.as_deref()).collect();
    assert_eq!(dates, [Some("2021-08"), Some("2024-07")], "{found:?}");
}

#[test]
fn an_opening_participle_tells_the_day_of_the_main_verb() {
    let sign = first_event(
        "Meeting in the Nigerien capital on Saturday, General Abdourahamane Tiani of Niger, \
         Colonel Assimi Goita of Mali and Captain Ibrahim Traore of Burkina Faso signed a treaty \
         creating a confederation.",
        "2024-07-08",
        "SIGN",
    );
    assert_eq!(sign.date.as_deref(), Some("2024-07-06"));
}

#[test]
fn a_dateline_day_is_not_the_day_of_what_has_been_done() {
    let found = events_of(
        "SEOUL, July 29 (Yonhap) -- South Korea, the United States and Japan have signed a \
         memorandum of cooperation, the defense ministry said. Defense Minister Shin Won-sik, \
         U.S. Secretary of Defense Lloyd Austin and Japanese Defense Minister Minoru Kihara \
         signed the memorandum in Tokyo on Sunday.",
        "2024-07-29",
        "SIGN",
    );
    assert!(
        found
            .iter()
            .all(|(d, _)| d.as_deref() != Some("2024-07-29")),
        "{found:?}"
    );
}

#[test]
fn an_agreement_described_in_the_lead_and_named_below_is_one() {
    let doc = extractor().extract(
        "Japan and the Philippines signed a defense pact on Monday that will allow the \
         deployment of their forces on each other's territory. Japanese Foreign Minister \
         Yoko Kamikawa and Philippine Defense Secretary Gilberto Teodoro Jr. signed the \
         Reciprocal Access Agreement in a ceremony in Manila.",
        tidings::parse_date("2024-07-08"),
    );
    let agreements: Vec<(&str, &[String])> = doc
        .entities
        .iter()
        .filter(|e| e.etype == tidings::EntityType::Agreement)
        .map(|e| (e.name.as_str(), &e.aliases[..]))
        .collect();
    assert_eq!(agreements.len(), 1, "{agreements:?}");
    assert_eq!(agreements[0].0, "Reciprocal Access Agreement");
    assert!(
        agreements[0].1.iter().any(|a| a == "defense pact"),
        "{agreements:?}"
    );
    let signs: Vec<_> = doc.events.iter().filter(|e| e.etype == "SIGN").collect();
    assert_eq!(signs.len(), 1, "{signs:?}");
    assert_eq!(signs[0].args.agreement, ["Reciprocal Access Agreement"]);
    // A statement signed beside a treaty stays apart from it.
    let doc = extractor().extract(
        "Albanese and Marape signed a joint communique after the Pukpuk Treaty was signed on Monday.",
        tidings::parse_date("2025-10-06"),
    );
    let names: Vec<&str> = doc.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"joint communique"), "{names:?}");
    assert!(names.contains(&"Pukpuk Treaty"), "{names:?}");
}

#[test]
fn a_body_a_relative_clause_says_was_launched_is_the_launch_name() {
    let doc = extractor().extract(
        "Kim and Austin reaffirmed the role of the Nuclear Consultative Group (NCG), which \
         was launched last year under the Washington Declaration.",
        tidings::parse_date("2024-10-31"),
    );
    let launch = first(&doc, "LAUNCH");
    assert_eq!(
        launch.args.name,
        ["Nuclear Consultative Group"],
        "{launch:?}"
    );
    assert!(launch.args.participants.is_empty(), "{launch:?}");
    assert_eq!(launch.date.as_deref(), Some("2023"));
}

#[test]
fn the_six_heads_of_state_are_the_six_leaders_just_named() {
    let doc = extractor().extract(
        "ASTANA, June 17 (Xinhua) -- Chinese President Xi Jinping and the leaders of the five \
         Central Asian countries on Tuesday signed the Treaty on Permanent Good-Neighborliness, \
         Friendship and Cooperation. Kazakh President Kassym-Jomart Tokayev, Kyrgyz President \
         Sadyr Japarov, Tajik President Emomali Rahmon, Turkmen President Serdar Berdimuhamedov \
         and Uzbek President Shavkat Mirziyoyev attended the meeting. The six heads of state also \
         signed the Astana Declaration.",
        tidings::parse_date("2025-06-17"),
    );
    let signs: Vec<_> = doc.events.iter().filter(|e| e.etype == "SIGN").collect();
    assert_eq!(
        signs[0].args.agreement,
        ["Treaty on Permanent Good-Neighborliness, Friendship and Cooperation"]
    );
    let declaration = signs
        .iter()
        .find(|e| e.args.agreement == ["Astana Declaration"])
        .expect("the declaration's signing");
    assert_eq!(declaration.args.participants.len(), 6, "{declaration:?}");
    assert!(declaration
        .args
        .participants
        .contains(&"Shavkat Mirziyoyev".to_string()));
}

#[test]
fn a_trip_and_the_gathering_it_is_made_for_share_its_date() {
    // The treaty's year dates the treaty, not the visit; the dialogue the
    // trip is made for takes the trip's date.
    let doc = extractor().extract(
        "Secretary of State Antony J. Blinken will travel to Manila, the Philippines, on July \
         30, 2024, to hold the fourth U.S.-Philippines 2+2 Ministerial Dialogue.\n\nDuring the \
         visit, he will reaffirm the commitment of the United States to the Philippines under \
         the 1951 U.S.-Philippines Mutual Defense Treaty.",
        tidings::parse_date("2024-07-26"),
    );
    assert_dated(&doc, &[("VISIT", "2024-07-30"), ("SUMMIT", "2024-07-30")]);
}

#[test]
fn a_summit_named_by_its_year_and_place_and_a_blocs_leaders_meeting() {
    let doc = extractor().extract(
        "Sanchez committed to the threshold, agreed by allied leaders at the 2014 Wales \
         summit, at the alliance's summit in Washington last July.\n\nNATO leaders will meet \
         in The Hague in June.",
        tidings::parse_date("2025-04-22"),
    );
    assert_dated(&doc, &[("SUMMIT", "2014"), ("SUMMIT", "2025-06")]);
}

#[test]
fn a_clause_of_after_has_its_own_subject_and_a_capital_signs_for_its_country() {
    let found = signs(
        "India on Friday delivered the first batch of missiles to the Philippines, over two \
         years after Manila signed a deal to buy them.",
    );
    assert_no_signing(&found, "2022-08-26", "India");
    let found = signs(
        "Poland is the biggest buyer of South Korean arms since the previous government in \
         Warsaw signed framework agreements with Seoul in July 2022.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    let mut who = found[0].1.clone();
    who.sort();
    assert_eq!(who, ["Poland", "South Korea"]);
}

#[test]
fn a_dollar_sign_makes_no_country() {
    let doc = extractor().extract("Hyundai Rotem signs US$6.5 bln deal with Poland.", None);
    let names: Vec<&str> = doc.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(!names.contains(&"United States"), "{names:?}");
}

#[test]
fn a_word_of_an_agreements_name_is_no_trigger_and_during_that_visit_is_its_day() {
    let doc = extractor().extract(
        "The two sides also signed a Joint Declaration on the Completion of Negotiations on \
         Civil Nuclear Cooperation on Tuesday.\n\nIn May, Trump visited Riyadh on his first \
         trip. During that visit the two countries signed a Strategic Economic Partnership.",
        tidings::parse_date("2025-11-19"),
    );
    let dated = types_and_dates(&doc);
    assert!(!dated.iter().any(|(t, _)| *t == "NEGOTIATE"), "{dated:?}");
    assert!(dated.contains(&("SIGN", Some("2025-05"))), "{dated:?}");
}

#[test]
fn quoted_speech_is_a_clause_of_its_own() {
    let doc = extractor().extract(
        "LUMUT (Bernama) -- Defence Minister Mohamed Khaled Nordin said the ships were on \
         schedule.\n\n\"I was briefed by the delegation led by its general manager Ozgur \
         Guleryuz on Monday. The steel cutting took place in Istanbul earlier this year,\" he \
         told reporters after visiting Lumut Naval Shipyard here today.",
        tidings::parse_date("2025-03-12"),
    );
    let visits: Vec<(Option<&str>, &[String])> = doc
        .events
        .iter()
        .filter(|e| e.etype == "VISIT")
        .map(|e| (e.date.as_deref(), e.args.participants.as_slice()))
        .collect();
    assert_eq!(visits.len(), 1, "{visits:?}");
    assert_eq!(visits[0].0, Some("2025-03-12"));
    assert_eq!(visits[0].1, ["Mohamed Khaled Nordin"]);
}

#[test]
fn a_restrictive_relative_clause_is_no_part_of_the_main_clause() {
    // "nations that have signed": neither Kishida nor March 2024.
    let found = signs(
        "In March 2024, the cabinet of then-Prime Minister Fumio Kishida approved exports of \
         the jet to third countries, limited to nations that have signed defense equipment \
         and technology transfer agreements with Japan.",
    );
    assert_no_signing(&found, "2024-03", "Fumio Kishida");
}

#[test]
fn a_councils_meeting_is_its_gathering() {
    let doc = extractor().extract(
        "The last meeting of the Pakistan-Turkiye High-Level Strategic Cooperation Council was \
         held in Islamabad in February 2020.",
        tidings::parse_date("2025-02-13"),
    );
    let dated = types_and_dates(&doc);
    assert_eq!(dated, [("SUMMIT", Some("2020-02"))]);
}

#[test]
fn of_two_countries_and_two_officials_the_official_of_no_stated_country_acts_for_the_other() {
    let doc = extractor().extract(
        "Kenya and the United States on Monday signed a defence cooperation agreement. \
         Defence Cabinet Secretary Aden Duale and US Secretary of Defense Lloyd Austin signed \
         the agreement in Nairobi.",
        tidings::parse_date("2023-09-26"),
    );
    let represents: Vec<(&str, &str)> = doc
        .relations
        .iter()
        .filter(|r| r.rtype == "represents")
        .map(|r| (r.head.as_str(), r.tail.as_str()))
        .collect();
    assert!(
        represents.contains(&("Aden Duale", "Kenya")),
        "{represents:?}"
    );
    assert!(
        represents.contains(&("Lloyd Austin", "United States")),
        "{represents:?}"
    );
}

#[test]
fn the_agents_of_a_passive_signing_after_its_place_sign_it() {
    let found = signs(
        "The agreement was signed at Al-Yamamah Palace in Riyadh by Crown Prince Mohammed bin \
         Salman and Prime Minister Shehbaz Sharif, the Saudi Press Agency reported.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, ["Mohammed bin Salman", "Shehbaz Sharif"]);
}

#[test]
fn a_participle_after_a_named_treaty_is_its_own_signing() {
    let found = signs(
        "Australia and Indonesia signed a Defence Cooperation Agreement in Canberra on Thursday. \
         The DCA builds on the Agreement between Australia and the Republic of Indonesia on the \
         Framework for Security Cooperation (the Lombok Treaty), signed in 2006.",
    );
    let earlier = found.iter().find(|(d, _, _)| d.as_deref() == Some("2006"));
    let (_, parties, agreement) = earlier.expect("a signing in 2006");
    assert_eq!(parties, &["Australia", "Indonesia"]);
    assert_eq!(
        agreement,
        &["Agreement between Australia and the Republic of Indonesia on the Framework for Security Cooperation"]
    );
}

#[test]
fn the_capital_named_after_its_country_is_where_it_happened() {
    let (_, place) = dated_at(
        "The three leaders signed the treaty on Saturday in Niger's capital, Niamey.",
        "2024-07-06",
        "SIGN",
    );
    assert_eq!(place, ["Niamey"]);
    let (_, place) = dated_at(
        "They signed the Liptako-Gourma Charter, a mutual defence pact, in the Malian capital, \
         Bamako, in September 2023.",
        "2024-07-06",
        "SIGN",
    );
    assert_eq!(place, ["Bamako"]);
}

#[test]
fn officials_of_the_two_countries_sign_what_the_countries_signed_three_sentences_up() {
    let doc = extractor().extract(
        "Somalia's parliament on Wednesday approved a defense agreement signed with Türkiye \
         earlier this month. The vote followed a cabinet meeting. Both houses voted in favor of \
         the Defense and Economic Cooperation Framework Agreement. The 10-year agreement was \
         signed in the Turkish capital Ankara on Feb. 8 by Turkish National Defense Minister \
         Yasar Guler and Somali Defense Minister Abdulkadir Mohamed Nur.",
        tidings::parse_date("2024-02-22"),
    );
    let found: Vec<_> = doc.events.iter().filter(|e| e.etype == "SIGN").collect();
    assert_eq!(found.len(), 1, "{found:?}");
    let args = &found[0].args;
    assert!(
        args.participants.iter().any(|p| p == "Yasar Guler"),
        "{args:?}"
    );
    assert!(args.participants.iter().any(|p| p == "Somalia"), "{args:?}");
    assert_eq!(found[0].date.as_deref(), Some("2024-02-08"));
}

#[test]
fn the_roughly_300_million_agreement_is_the_deal_just_told() {
    let doc = extractor().extract(
        "BUENOS AIRES, Argentina (AP) - Argentina has signed a deal to buy 24 used F-16 fighter \
         jets from Denmark, officials said Wednesday. Defense Minister Luis Petri signed the \
         roughly $300 million agreement on Tuesday with Danish Defense Minister Troels Lund \
         Poulsen.",
        tidings::parse_date("2024-04-17"),
    );
    let found: Vec<_> = doc.events.iter().filter(|e| e.etype == "SIGN").collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].date.as_deref(), Some("2024-04-16"));
}

#[test]
fn an_iga_signed_with_a_country_has_that_country_as_a_party() {
    let found =
        signs("India had signed an IGA with France in September 2016 to buy 36 Rafale jets.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, ["India", "France"]);
}

#[test]
fn the_agents_of_a_passive_signing_stand_after_its_place_and_native_names_not_witnesses() {
    let found = signs(
        "The memorandum was signed at the ministry in Taipei by Foreign Minister Lin \
         Chia-lung (林佳龍) and Paraguayan Foreign Minister Rubén Ramírez Lezcano.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, ["Lin Chia-lung", "Rubén Ramírez Lezcano"]);
    // Nor is one who witnessed the ceremony after the signers.
    let found = signs(
        "The agreement was signed by Foreign Minister Yoko Kamikawa and Defence Secretary \
         Gilberto Teodoro at Malacañang Palace, in a ceremony witnessed by President \
         Ferdinand Marcos Jr.",
    );
    assert_eq!(found[0].1, ["Yoko Kamikawa", "Gilberto Teodoro"]);
    // A witness is no signer.
    let found = signs(
        "It was signed by Foreign Minister Lin Chia-lung and Paraguayan Foreign Minister \
         Rubén Ramírez Lezcano, with Defense Minister Wellington Koo (顧立雄) in attendance.",
    );
    assert_eq!(found[0].1, ["Lin Chia-lung", "Rubén Ramírez Lezcano"]);
    // An active signing does not reach past its object to a "by".
    let found = signs("Lin signed the memorandum drafted by Defense Minister Wellington Koo.");
    assert!(
        found
            .iter()
            .all(|(_, p, _)| !p.iter().any(|p| p == "Wellington Koo")),
        "{found:?}"
    );
}

#[test]
fn a_signing_with_a_counterpart_named_after_the_object_includes_him() {
    let found = signs(
        "In September 2022 Defence Minister Rajnath Singh signed a Memorandum of Understanding \
         on Defence Cooperation with his then Egyptian counterpart, General Mohamed Zaki.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_first_signing_by(&found, "Mohamed Zaki");
}

#[test]
fn those_around_the_signing_named_as_a_thing_are_not_its_signers() {
    let found = signs(
        "Foreign Minister Yoko Kamikawa and Defence Secretary Gilberto Teodoro signed the \
         Reciprocal Access Agreement in Manila on Monday. President Ferdinand Marcos Jr. \
         witnessed the signing at Malacanang Palace. Before the signing, Kamikawa and Defence \
         Minister Minoru Kihara held talks with their counterparts. Ambassador Marc Stanley \
         called Monday's signing a clear signal.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, ["Yoko Kamikawa", "Gilberto Teodoro"]);
    // The trip made for it: those who came sign.
    let found = signs(
        "Richard Marles welcomed Prabowo Subianto to Canberra for the signing of the Defence \
         Cooperation Agreement.",
    );
    assert_first_signing_by(&found, "Prabowo Subianto");
}

#[test]
fn capitalised_words_going_on_from_a_title_are_the_titles() {
    let found = meet_participants(
        "Rajnath Singh met Egypt's Minister of Defence and Military Production, General \
         Mohamed Zaki, in Cairo.",
        "2022-09-19",
    );
    assert_eq!(found, ["Rajnath Singh", "Mohamed Zaki"]);
}

#[test]
fn a_programme_named_before_a_participle_is_what_was_launched() {
    let doc = extractor().extract(
        "Warsaw wants SAFE money for the East Shield programme, launched in May 2024 to \
         fortify the eastern border.",
        tidings::parse_date("2025-05-27"),
    );
    let launch = first(&doc, "LAUNCH");
    assert_eq!(launch.args.name, ["East Shield programme"]);
    assert_eq!(launch.date.as_deref(), Some("2024-05"));
}

#[test]
fn the_speaker_of_a_passive_signing_is_not_its_agent() {
    let found = signs("Ahmed Khan, the council's spokesperson, said 23 contracts had been signed.");
    assert!(found.iter().all(|(_, p, _)| p.is_empty()), "{found:?}");
}

#[test]
fn a_companys_people_do_not_act_for_its_country() {
    let doc = extractor().extract(
        "Saudi Defence Minister Prince Khalid bin Salman and Haluk Bayraktar, Baykar's CEO, \
         signed two contracts with Turkey's Baykar in Jeddah.",
        tidings::parse_date("2023-07-18"),
    );
    assert!(
        !doc.relations
            .iter()
            .any(|r| r.rtype == "represents" && r.head == "Haluk Bayraktar"),
        "{:?}",
        doc.relations
    );
}
