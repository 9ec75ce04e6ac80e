//! `nrm migrate`: a version 1 or 2 draft becomes a version 3 draft. Each value that maps to
//! exactly one version 3 member, option or list entry is there; every other stays where the
//! person will see it; and `nrm check` of the result lists only what the person must choose or
//! answer. Every list below is written from the spec (draft-format-v3.md, rules.md) and the
//! design's "Migration from version 2", not from the code's output.

mod support;

use serde_json::{Value, json};
use std::fs;
use std::path::Path;
use support::{TODAY, fixture, nrm, project, run, stderr, stdout};

/// The rule and the pointer of each finding of `nrm check --today 2026-11-22`, sorted.
fn check(draft: &[u8]) -> Vec<(String, String)> {
    let output = run(&["check", "--format", "json", "--today", TODAY, "-"], Some(draft));
    let report: Value = serde_json::from_slice(&output.stdout).expect("the JSON report parses");
    let mut findings: Vec<(String, String)> = report["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["rule"].as_str().unwrap().to_owned(), f["pointer"].as_str().unwrap().to_owned()))
        .collect();
    findings.sort();
    findings
}

/// The messages of the same check, to hold them to quoting no value.
fn messages(draft: &[u8]) -> String {
    stdout(&run(&["check", "--today", TODAY, "-"], Some(draft)))
}

fn migrate(draft: &Path) -> String {
    let output = nrm().arg("migrate").arg(draft).output().unwrap();
    assert!(output.status.success(), "{}: {}", draft.display(), stderr(&output));
    stdout(&output)
}

fn migrate_value(draft: &Value) -> (String, Value) {
    let output = run(&["migrate", "-"], Some(serde_json::to_string_pretty(draft).unwrap().as_bytes()));
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    let value = serde_json::from_str(&text).expect("the migrated draft is JSON");
    (text, value)
}

fn example(path: &str) -> Value {
    serde_json::from_slice(&fs::read(fixture(path)).unwrap()).unwrap()
}

/// Every migrated draft keeps the first responder's one `name` for the person to split (the
/// service asks a first and a last name; data/moved-members.json says so, INP003) and adds the
/// two names empty, to fill in.
const NAME_TO_SPLIT: [(&str, &str); 3] = [
    ("INP003", "/first_responder/name"),
    ("REQ002", "/first_responder/first_name"),
    ("REQ002", "/first_responder/last_name"),
];

/// What version 3 asks of every case that version 1 had no member for, each added empty
/// (REQ002, "fill in"): draft-format.md's "Added" table and version 3's required answers.
/// `last_contact_details` is not among them: version 3 made it optional, as the service has it.
const NEW_SINCE_V1: [&str; 24] = [
    "/potential_victim/current_location/region",
    "/background/place_of_birth",
    "/background/family",
    "/background/education",
    "/background/previous_employment",
    "/exploitation/more_than_one",
    "/exploitation/when",
    "/exploitation/how_it_started",
    "/exploitation/taken_somewhere",
    "/exploitation/what_they_had_to_do",
    "/exploitation/living_conditions",
    "/exploitation/treatment",
    "/exploitation/last_contact",
    "/exploitation/reported_before",
    "/professional/indicators_identified",
    "/professional/interviews",
    "/professional/credibility_concerns",
    "/professional/other_professionals",
    "/exploiters/who",
    "/exploiters/location_known",
    "/other_victims",
    "/future_risk",
    "/crime_report/exists",
    "/cooperation/willing",
];

/// The same for a referral into the NRM (not a Duty to Notify): the service asks these on its
/// referral's pages only.
const NEW_SINCE_V1_ON_NRM: [&str; 4] = [
    "/first_responder/contact_in_absence",
    "/potential_victim/children/has",
    "/potential_victim/communication_help/needed",
    "/potential_victim/home_office_references/has",
];

fn filled_in(pointers: &[&str]) -> Vec<(&'static str, String)> {
    pointers.iter().map(|pointer| ("REQ002", (*pointer).to_owned())).collect()
}

fn sorted(findings: impl IntoIterator<Item = (&'static str, String)>) -> Vec<(String, String)> {
    let mut findings: Vec<(String, String)> = findings.into_iter().map(|(rule, p)| (rule.to_owned(), p)).collect();
    findings.sort();
    findings
}

fn with(list: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    list.iter().map(|(rule, pointer)| (*rule, (*pointer).to_owned())).collect()
}

/// The data the design names for codes: the service's entries (data/iso-service.json) and the
/// languages' English names (data/iso-names.json).
struct Tables {
    service: Value,
    names: Value,
}

fn tables() -> Tables {
    let read = |path: &str| serde_json::from_slice(&fs::read(project().join(path)).unwrap()).unwrap();
    Tables { service: read("data/iso-service.json"), names: read("data/iso-names.json") }
}

/// The one tick of the service's "How were they exploited?" for a version 2 type (the design's
/// table); `None` where there is not exactly one.
fn tick(kind: &str, child: bool) -> Option<&'static str> {
    match kind {
        "criminal" => Some("forced_to_commit_crime"),
        "labour" => Some("forced_to_work"),
        "domestic_servitude" => Some("unpaid_household_work"),
        "organ_harvesting" => Some("organs_removed"),
        "other" => Some("other"),
        "sexual" if child => Some("child_sexual_exploitation"),
        _ => None,
    }
}

/// Every leaf of a tree (an empty object or list is a leaf), with its pointer.
fn leaves<'v>(value: &'v Value, pointer: String, out: &mut Vec<(String, &'v Value)>) {
    match value {
        Value::Object(members) if !members.is_empty() => {
            for (name, member) in members {
                leaves(member, format!("{pointer}/{}", name.replace('~', "~0").replace('/', "~1")), out);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            for (index, item) in items.iter().enumerate() {
                leaves(item, format!("{pointer}/{index}"), out);
            }
        }
        _ => out.push((pointer, value)),
    }
}

/// The pointers of the older draft's values that are not where the design puts them in version 3
/// (or kept where they were, where nothing in version 3 is theirs alone).
fn misplaced(old: &Value, v3: &Value) -> Vec<String> {
    let tables = tables();
    let text = |pointer: &str| old.pointer(pointer).and_then(Value::as_str);
    let child = matches!(text("/potential_victim/age_status"), Some("child" | "age_disputed"))
        || old.pointer("/potential_victim/claimed_age").and_then(Value::as_i64).is_some_and(|age| age < 18);
    let location = text("/exploitation/location");
    let holds_uk = matches!(location, Some("uk" | "uk_and_overseas"));
    let duty_to_notify = text("/route") == Some("duty_to_notify");
    let in_list = |pointer: &str, wanted: &Value| {
        v3.pointer(pointer).and_then(Value::as_array).is_some_and(|items| items.contains(wanted))
    };
    let mut all = Vec::new();
    leaves(old, String::new(), &mut all);
    let mut out = Vec::new();
    for (pointer, value) in all {
        let found = |at: &str, wanted: &Value| v3.pointer(at) == Some(wanted);
        let kept = found(&pointer, value);
        let code = value.as_str().unwrap_or_default();
        let placed = match pointer.as_str() {
            "/format_version" => v3["format_version"] == 3,
            "/exploitation/narrative" => found("/professional/insight", value),
            "/potential_victim/name_unknown" if value == true => {
                found("/potential_victim/given_names", &json!("Unknown"))
                    && found("/potential_victim/family_name", &json!("Unknown"))
            }
            "/potential_victim/nationality" | "/potential_victim/second_nationality" => {
                let entry = tables.service["nationalities"].get(code).unwrap_or(value);
                found(&pointer, entry)
            }
            "/potential_victim/interpreter_language" => {
                found(&pointer, tables.names["languages"].get(code).unwrap_or(value))
            }
            "/exploitation/location_details" => match location {
                Some("uk" | "uk_and_overseas") => found("/exploitation/uk_location_details", value),
                Some("overseas") => found("/exploitation/overseas_location_details", value),
                _ => kept,
            },
            "/exploitation/other_type" => found("/exploitation/other_kind", value),
            "/decision/safe_to_write" if value == true && text("/decision/recipient") != Some("someone_else") => {
                ["email", "post"]
                    .iter()
                    .filter(|method| old.pointer(&format!("/decision/{method}")).is_some())
                    .all(|method| found(&format!("/decision/{method}_safe"), &json!(true)))
            }
            "/decision/recipient" if duty_to_notify && value == "potential_victim" => {
                v3.pointer("/decision/recipient").is_none()
            }
            aliases if aliases.starts_with("/potential_victim/aliases/") => v3["potential_victim"]["nickname"]
                .as_str()
                .is_some_and(|nickname| nickname.split(", ").any(|alias| alias == code)),
            kinds if kinds.starts_with("/exploitation/types/") => match tick(code, child) {
                Some(tick) => in_list("/exploitation/kinds", &json!(tick)),
                None => in_list("/exploitation/types", value),
            },
            forms if forms.starts_with("/exploitation/forms/") => {
                let fraud = matches!(code, "benefit_fraud" | "financial_fraud");
                kept && (!fraud || in_list("/exploitation/kinds", &json!("forced_to_commit_fraud")))
            }
            countries if countries.starts_with("/exploitation/countries/") => {
                if code == "GB" && holds_uk {
                    found("/exploitation/location", &json!(location))
                } else {
                    let entry = match code {
                        "unknown" => json!("Unknown"),
                        _ => tables.service["countries"].get(code).cloned().unwrap_or_else(|| value.clone()),
                    };
                    in_list("/exploitation/countries", &entry)
                }
            }
            _ => kept,
        };
        if !placed {
            out.push(pointer);
        }
    }
    out
}

/// Migrates a draft and holds the result to the spec: version 3, every value in its place, and
/// the check's list exactly `expected`.
fn migrates_to(name: &str, old: &Value, expected: Vec<(&'static str, String)>) -> Value {
    let (text, v3) = migrate_value(old);
    assert_eq!(v3["format_version"], 3, "{name}");
    assert_eq!(misplaced(old, &v3), Vec::<String>::new(), "{name}: values not at their version 3 place\n{text}");
    assert_eq!(check(text.as_bytes()), sorted(expected), "{name}: what the check of the migrated draft lists\n{text}");
    v3
}

#[test]
fn the_v2_child_example_asks_only_for_the_first_responders_two_names() {
    let old = example("examples/v2/child-england-pass.json");
    let expected = [with(&NAME_TO_SPLIT), with(&[("URG001", "/potential_victim/nationality")])].concat();
    let v3 = migrates_to("v2/child-england-pass", &old, expected);
    // The design's exact moves, value by value.
    let victim = &v3["potential_victim"];
    assert_eq!(victim["nickname"], "Tommy");
    assert_eq!((&victim["nationality"], &victim["interpreter_language"]), (&json!("Vietnamese"), &json!("Vietnamese")));
    assert!(victim.get("aliases").is_none());
    let exploitation = &v3["exploitation"];
    assert_eq!(exploitation["kinds"], json!(["forced_to_commit_crime"]));
    assert_eq!(exploitation["forms"], json!(["cannabis_cultivation"]));
    assert_eq!(exploitation["countries"], json!(["Vietnam", "France"]), "GB is the UK, which `location` holds");
    assert_eq!(exploitation["uk_location_details"], old["exploitation"]["location_details"], "uk_and_overseas");
    for gone in ["types", "location_details", "overseas_location_details"] {
        assert!(exploitation.get(gone).is_none(), "{gone}");
    }
    assert_eq!(v3["first_responder"]["name"], "Priya Sharma", "kept, never split");
}

#[test]
fn the_v2_adult_example_asks_for_the_names_and_a_number_the_service_refuses() {
    let old = example("examples/v2/adult-scotland-pass.json");
    // 07700 900418 is in Ofcom's drama range, which the service's phone validator refuses
    // (online-service.json: "07700 900123" refused).
    let expected = [with(&NAME_TO_SPLIT), with(&[("SVC001", "/support/contact/phone")])].concat();
    let v3 = migrates_to("v2/adult-scotland-pass", &old, expected);
    assert_eq!(v3["support"]["contact"], json!({ "by": "own_phone", "phone": "07700 900418" }));
    assert_eq!(
        v3["decision"],
        json!({ "recipient": "potential_victim", "methods": ["email"], "email": "stefania.popescu@example.com", "email_safe": true })
    );
    assert!(v3["exploitation"].get("countries").is_none(), "only GB, and `location` is uk");
    assert_eq!(v3["exploitation"]["kinds"], json!(["forced_to_work"]));
    assert_eq!(v3["potential_victim"]["nationality"], "Romanian");
}

#[test]
fn the_v2_duty_to_notify_asks_for_the_names_and_a_town_of_the_services_list() {
    let old = example("examples/v2/adult-wales-duty-to-notify-pass.json");
    // "Cardiff" is not an entry of the service's towns ("Cardiff / Caerdydd" is): kept as written.
    let expected = [with(&NAME_TO_SPLIT), with(&[("SVC003", "/potential_victim/current_location/town")])].concat();
    let v3 = migrates_to("v2/adult-wales-duty-to-notify-pass", &old, expected);
    assert_eq!(v3["potential_victim"]["current_location"]["town"], "Cardiff");
    assert_eq!(v3["potential_victim"]["interpreter_language"], "Kurdish", "ku, by its ISO 639-1 name");
    assert_eq!(v3["potential_victim"]["nationality"], "Iraqi");
    assert!(v3.get("decision").is_none() && v3.get("consent").is_none(), "anonymous: nothing added");
}

#[test]
fn the_v2_failing_example_keeps_its_findings_and_asks_for_the_names() {
    let old = example("examples/v2/child-fail.json");
    let its_own = [
        ("CON003", ""),
        ("FR001", "/first_responder/organisation/type"),
        ("SAF002", "/safeguarding/police/notified"),
        ("SAF003", "/safeguarding"),
        ("SAF005", "/safeguarding/interview/accompanying_adult_present"),
        ("SAF006", "/safeguarding/interpreter/professional"),
        ("SAF006", "/safeguarding/interpreter/relationship"),
        ("SAF007", "/safeguarding/interpreter/same_nationality"),
    ];
    let v3 = migrates_to("v2/child-fail", &old, [with(&NAME_TO_SPLIT), with(&its_own)].concat());
    assert_eq!(v3["exploitation"]["kinds"], json!(["child_sexual_exploitation"]), "sexual, for a child");
    assert!(v3.get("consent_note").is_none(), "a version 2 member the draft left out stays out");
}

#[test]
fn the_v1_child_example_asks_what_versions_2_and_3_added() {
    let old = example("examples/v1/child-england-pass.json");
    let expected = [
        with(&NAME_TO_SPLIT),
        filled_in(&NEW_SINCE_V1),
        filled_in(&NEW_SINCE_V1_ON_NRM),
        filled_in(&[
            // interpreter_needed is true; ongoing false; location uk_and_overseas; a child.
            "/potential_victim/interpreter_language",
            "/exploitation/how_they_left",
            "/exploitation/uk_towns",
            "/safeguarding/children_services/phone",
            "/safeguarding/children_services/email",
        ]),
        with(&[("URG001", "/potential_victim/nationality")]),
    ]
    .concat();
    let v3 = migrates_to("v1/child-england-pass", &old, expected);
    assert_eq!(v3["professional"]["insight"], old["exploitation"]["narrative"]);
    assert_eq!(v3["exploitation"]["countries"], json!(["Vietnam", "France"]));
}

#[test]
fn the_v1_adult_example_asks_what_versions_2_and_3_added() {
    let old = example("examples/v1/adult-scotland-pass.json");
    let expected = [
        with(&NAME_TO_SPLIT),
        filled_in(&NEW_SINCE_V1),
        filled_in(&NEW_SINCE_V1_ON_NRM),
        // ongoing false; location uk; an adult's decision, new since version 1.
        filled_in(&[
            "/exploitation/how_they_left",
            "/exploitation/uk_towns",
            "/decision/recipient",
            "/decision/methods",
        ]),
        // Support is requested, and version 1's draft has no contact: version 1 had the member.
        with(&[("REQ001", "/support")]),
    ]
    .concat();
    migrates_to("v1/adult-scotland-pass", &old, expected);
}

#[test]
fn the_v1_failing_example_keeps_its_findings_and_asks_what_was_added() {
    let old = example("examples/v1/child-fail.json");
    let expected = [
        with(&NAME_TO_SPLIT),
        filled_in(&NEW_SINCE_V1),
        filled_in(&NEW_SINCE_V1_ON_NRM),
        filled_in(&[
            "/potential_victim/interpreter_language",
            "/exploitation/what_keeps_them",
            "/exploitation/uk_towns",
            "/safeguarding/children_services/phone",
            "/safeguarding/children_services/email",
        ]),
        with(&[
            // Version 1 had the town and the draft left it out: still missing.
            ("REQ001", "/potential_victim/current_location"),
            ("CON003", ""),
            ("FR001", "/first_responder/organisation/type"),
            ("SAF002", "/safeguarding/police/notified"),
            ("SAF003", "/safeguarding"),
            ("SAF005", "/safeguarding/interview/accompanying_adult_present"),
            ("SAF006", "/safeguarding/interpreter/professional"),
            ("SAF006", "/safeguarding/interpreter/relationship"),
            ("SAF007", "/safeguarding/interpreter/same_nationality"),
        ]),
    ]
    .concat();
    let v3 = migrates_to("v1/child-fail", &old, expected);
    assert_eq!(v3["exploitation"]["kinds"], json!(["child_sexual_exploitation"]));
}

#[test]
fn a_v1_duty_to_notify_migrates_too() {
    let mut draft = example("examples/v1/adult-scotland-pass.json");
    draft["nation"] = "wales".into();
    draft["route"] = "duty_to_notify".into();
    draft["first_responder"]["email"] = "a.officer@south-wales.police.uk".into();
    draft["first_responder"]["organisation"]["name"] = "South Wales Police".into();
    let victim = draft["potential_victim"].as_object_mut().unwrap();
    for member in ["given_names", "family_name", "date_of_birth"] {
        victim.remove(member);
    }
    victim.insert("interpreter_needed".into(), true.into());
    let object = draft.as_object_mut().unwrap();
    object.remove("consent");
    object.remove("support");
    object["exploitation"]["ongoing"] = true.into();
    object["exploitation"].as_object_mut().unwrap().remove("ended_on");
    let expected = [
        with(&NAME_TO_SPLIT),
        filled_in(&NEW_SINCE_V1),
        filled_in(&[
            "/potential_victim/interpreter_language",
            "/exploitation/what_keeps_them",
            "/exploitation/uk_towns",
            "/duty_to_notify/reason_not_referred",
        ]),
    ]
    .concat();
    // No SAF008 although an interpreter is needed: the SAF rules are a child's, and an adult's
    // draft without a safeguarding record is not asked for one.
    let v3 = migrates_to("a version 1 Duty to Notify", &draft, expected);
    assert!(v3["first_responder"].get("contact_in_absence").is_none(), "not asked on a Duty to Notify");
}

/// Version 2's adult example with every value the design cannot move alone: an adult's
/// `sexual`, `unknown` among the types, gender and location `unknown`, a town not on the
/// service's list, a made-up nationality code, and the first responder's two-word name.
#[test]
fn every_ambiguous_value_stays_visible_and_is_reported() {
    let mut old = example("examples/v2/adult-scotland-pass.json");
    let exploitation = old["exploitation"].as_object_mut().unwrap();
    exploitation.insert("types".into(), json!(["sexual", "unknown"]));
    exploitation.insert("location".into(), json!("unknown"));
    // The forms' types and the UK's towns would be findings of their own, beside the point here.
    for member in ["forms", "uk_towns", "countries"] {
        exploitation.remove(member);
    }
    old["potential_victim"]["gender"] = json!("unknown");
    old["potential_victim"]["nationality"] = json!("QZ");
    old["potential_victim"]["current_location"]["town"] = json!("Peterhead harbour");
    old["support"]["contact"]["phone"] = json!("07911 123456");
    let expected = [
        with(&NAME_TO_SPLIT),
        with(&[
            // The service offers neither `unknown`: the schema's message lists its options.
            ("REQ002", "/potential_victim/gender"),
            ("REQ002", "/exploitation/location"),
            // Kept as written, so the service's validators name the nearest entries.
            ("SVC003", "/potential_victim/nationality"),
            ("SVC003", "/potential_victim/current_location/town"),
            // No single tick for either type: kept, and the ticks asked.
            ("INP003", "/exploitation/types"),
            ("REQ002", "/exploitation/kinds"),
            // With the location unknown, neither box of the service is the details' own.
            ("INP003", "/exploitation/location_details"),
        ]),
    ]
    .concat();
    let v3 = migrates_to("the ambiguous draft", &old, expected);
    assert_eq!(v3["first_responder"]["name"], "Alasdair MacKay", "two words, never split");
    assert_eq!((&v3["first_responder"]["first_name"], &v3["first_responder"]["last_name"]), (&json!(""), &json!("")));
    let exploitation = &v3["exploitation"];
    assert_eq!(exploitation["types"], json!(["sexual", "unknown"]));
    assert_eq!(exploitation["kinds"], json!([]));
    assert_eq!(exploitation["location"], "unknown");
    assert_eq!(exploitation["location_details"], old["exploitation"]["location_details"]);
    assert_eq!(v3["potential_victim"]["gender"], "unknown");
    assert_eq!(v3["potential_victim"]["nationality"], "QZ");
    assert_eq!(v3["potential_victim"]["current_location"]["town"], "Peterhead harbour");
    // The check says what to choose without quoting what is there.
    let (text, _) = migrate_value(&old);
    let said = messages(text.as_bytes());
    for value in ["QZ", "Peterhead harbour", "Alasdair", "MacKay"] {
        assert!(!said.contains(value), "{value} quoted:\n{said}");
    }
}

/// Version 2's adult example with a value for every exact move of the design.
#[test]
fn every_exact_move_lands_in_its_place() {
    let mut old = example("examples/v2/adult-scotland-pass.json");
    let victim = old["potential_victim"].as_object_mut().unwrap();
    victim.remove("given_names");
    victim.remove("family_name");
    victim.insert("name_unknown".into(), json!(true));
    victim.insert("aliases".into(), json!(["Stefi", "Fani"]));
    victim.insert("nationality".into(), json!("GB"));
    victim.insert("second_nationality".into(), json!("unknown"));
    let exploitation = old["exploitation"].as_object_mut().unwrap();
    exploitation
        .insert("types".into(), json!(["labour", "criminal", "domestic_servitude", "organ_harvesting", "other"]));
    exploitation.insert("other_type".into(), json!("Made to sell her hair."));
    exploitation.insert("forms".into(), json!(["agriculture", "benefit_fraud"]));
    exploitation.insert("location".into(), json!("uk_and_overseas"));
    // AQ (Antarctica) has no entry in the service's countries: kept as written.
    exploitation.insert("countries".into(), json!(["GB", "RO", "AQ"]));
    old["support"]["contact"] = json!({ "alternative": { "phone": "07911 123456", "relationship": "Her sister" } });
    old["decision"] = json!({
        "recipient": "potential_victim",
        "email": "stefania.popescu@example.com",
        "post": { "building_and_street": "1 High Street", "town": "Peterhead", "postcode": "AB42 1AA" },
        "safe_to_write": true
    });
    let expected = [with(&NAME_TO_SPLIT), with(&[("SVC003", "/exploitation/countries/1")])].concat();
    let v3 = migrates_to("the draft of exact moves", &old, expected);
    let victim = &v3["potential_victim"];
    assert_eq!((&victim["given_names"], &victim["family_name"]), (&json!("Unknown"), &json!("Unknown")));
    assert_eq!(victim["nickname"], "Stefi, Fani");
    assert_eq!((&victim["nationality"], &victim["second_nationality"]), (&json!("British"), &json!("Unknown")));
    for gone in ["name_unknown", "aliases"] {
        assert!(victim.get(gone).is_none(), "{gone}");
    }
    let exploitation = &v3["exploitation"];
    assert_eq!(
        exploitation["kinds"],
        json!([
            "forced_to_work",
            "forced_to_commit_crime",
            "unpaid_household_work",
            "organs_removed",
            "other",
            "forced_to_commit_fraud"
        ])
    );
    assert_eq!(exploitation["other_kind"], "Made to sell her hair.");
    assert_eq!(exploitation["forms"], json!(["agriculture", "benefit_fraud"]));
    assert_eq!(exploitation["countries"], json!(["Romania", "AQ"]), "in the draft's order, GB gone");
    assert_eq!(v3["support"]["contact"]["by"], "alternative_phone");
    let decision = &v3["decision"];
    assert_eq!(decision["methods"], json!(["email", "post"]));
    assert_eq!((&decision["email_safe"], &decision["post_safe"]), (&json!(true), &json!(true)));
    assert!(decision.get("safe_to_write").is_none());
}

#[test]
fn a_co_operating_duty_to_notify_keeps_its_date_of_birth_for_the_person_to_remove() {
    let mut old = example("examples/v2/adult-wales-duty-to-notify-pass.json");
    old["cooperation"] = json!({ "willing": true });
    let victim = old["potential_victim"].as_object_mut().unwrap();
    victim.insert("given_names".into(), json!("Karwan"));
    victim.insert("family_name".into(), json!("Aziz"));
    victim.insert("date_of_birth".into(), json!("1999-04-01"));
    old["decision"] = json!({ "recipient": "potential_victim", "email": "k.aziz@example.com", "safe_to_write": true });
    let expected = [
        with(&NAME_TO_SPLIT),
        with(&[
            ("SVC003", "/potential_victim/current_location/town"),
            // The service asks no date of birth on a Duty to Notify; version 3 refuses one.
            ("REQ002", "/potential_victim/date_of_birth"),
        ]),
    ]
    .concat();
    let v3 = migrates_to("a co-operating Duty to Notify", &old, expected);
    assert_eq!(v3["potential_victim"]["date_of_birth"], "1999-04-01");
    assert_eq!(
        v3["decision"],
        json!({ "methods": ["email"], "email": "k.aziz@example.com", "email_safe": true }),
        "no recipient on a Duty to Notify: the service asks none"
    );
}

#[test]
fn members_follow_the_order_of_a_new_draft() {
    // Top-level members: the lines that open a member at two spaces' indent.
    let order = |text: &str| -> Vec<String> {
        text.lines()
            .filter_map(|line| line.strip_prefix("  \"")?.split_once('"').map(|(name, _)| name.to_owned()))
            .collect()
    };
    for (args, draft) in [
        (["new", "--child"], "examples/v1/child-england-pass.json"),
        (["new", "--child"], "examples/v2/child-england-pass.json"),
        (["new", "--adult"], "examples/v2/adult-scotland-pass.json"),
    ] {
        let fresh = order(&stdout(&run(&[&args[..], &["--today", TODAY]].concat(), None)));
        let migrated = order(&migrate(&fixture(draft)));
        let shared: Vec<&String> = fresh.iter().filter(|name| migrated.contains(name)).collect();
        let migrated_shared: Vec<&String> = migrated.iter().filter(|name| fresh.contains(name)).collect();
        assert_eq!(shared, migrated_shared, "{draft}");
        assert!(shared.len() > 15, "{draft}: {shared:?}");
    }
}

#[test]
fn out_writes_a_new_private_file_and_never_overwrites() {
    use std::os::unix::fs::PermissionsExt;
    for draft in [fixture("examples/v1/child-fail.json"), fixture("examples/v2/child-fail.json")] {
        let folder = tempfile::tempdir().unwrap();
        let out = folder.path().join("migrated.json");
        let output = nrm().arg("migrate").arg(&draft).arg("--out").arg(&out).output().unwrap();
        assert!(output.status.success(), "{}", stderr(&output));
        assert!(output.stdout.is_empty(), "the draft goes to the file only");
        assert!(!stderr(&output).contains("Okafor"), "no value on standard error");
        assert_eq!(fs::read_to_string(&out).unwrap(), migrate(&draft), "the same draft as on standard output");
        assert_eq!(fs::metadata(&out).unwrap().permissions().mode() & 0o777, 0o600, "a draft is private");
        let names: Vec<_> = fs::read_dir(folder.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, ["migrated.json"], "no temporary file is left");

        fs::write(&out, "kept").unwrap();
        let again = nrm().arg("migrate").arg(&draft).arg("--out").arg(&out).output().unwrap();
        assert_eq!(again.status.code(), Some(2));
        assert!(stderr(&again).contains("exists already"), "{}", stderr(&again));
        assert_eq!(fs::read_to_string(&out).unwrap(), "kept", "--out never overwrites");

        let from_stdin = run(&["migrate", "-"], Some(&fs::read(&draft).unwrap()));
        assert_eq!(stdout(&from_stdin), migrate(&draft), "`-` reads standard input");
    }
}

#[test]
fn anything_but_a_well_formed_v1_or_v2_draft_is_refused_without_quoting_it() {
    let folder = tempfile::tempdir().unwrap();
    let secret = "Zebedee Quillfeather";
    for (name, text, why) in [
        ("not-json", format!("{{\"format_version\": 2, \"potential_victim\": {{\"given_names\": \"{secret}\" "), ""),
        (
            "repeated",
            format!("{{\"format_version\": 2, \"reference\": \"{secret}\", \"reference\": \"{secret}\"}}"),
            "",
        ),
        ("version-3", format!("{{\"format_version\": 3, \"reference\": \"{secret}\"}}"), "version 3 already"),
        ("no-version", format!("{{\"reference\": \"{secret}\"}}"), "no `format_version`"),
        ("version-text", format!("{{\"format_version\": \"{secret}\"}}"), "not a format version 1 or 2"),
        ("not-an-object", format!("[\"{secret}\"]"), ""),
    ] {
        let path = folder.path().join(format!("{name}.json"));
        fs::write(&path, &text).unwrap();
        let out = folder.path().join(format!("{name}-v3.json"));
        let output = nrm().arg("migrate").arg(&path).arg("--out").arg(&out).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{name}");
        let message = stderr(&output);
        // The file, then the place: `FILE:LINE:COLUMN: why`.
        let place = message.split_once(&format!("{}:", path.display())).map(|(_, rest)| rest).unwrap_or_default();
        let mut parts = place.splitn(3, ':');
        let numbers = [parts.next(), parts.next()].map(|n| n.is_some_and(|n| n.parse::<usize>().is_ok()));
        assert_eq!(numbers, [true, true], "{name}: names the file and the place: {message}");
        assert!(message.contains(why), "{name}: {message}");
        assert!(!message.contains("Zebedee") && !message.contains("Quillfeather"), "{name}: {message}");
        assert!(!out.exists(), "{name}: nothing written");
    }
    assert_eq!(run(&["migrate", "no-such-draft.json"], None).status.code(), Some(2));
    for example in ["child-england-pass", "adult-wales-duty-to-notify-pass"] {
        let v3 = run(&["migrate", fixture(&format!("examples/{example}.json")).to_str().unwrap()], None);
        assert_eq!(v3.status.code(), Some(2), "a version 3 example is not migrated again");
        assert!(stderr(&v3).contains("version 3 already"), "{}", stderr(&v3));
    }
}
