//! No report quotes a value from a draft (a name, a date of birth, an email, the narrative)
//! unless the user asked with `--show-values`.

mod support;

use serde_json::Value;
use support::{TODAY, all_fixture_drafts, run};

/// Members that hold a person's details: names, date of birth, contact details, and the free
/// text that tells their story, in every format version. A `/` at the end is a list; `/*/` a
/// member of each item of a list.
const PERSONAL: &[&str] = &[
    "/potential_victim/given_names",
    "/potential_victim/family_name",
    "/potential_victim/aliases/",
    "/potential_victim/nickname",
    "/potential_victim/date_of_birth",
    "/potential_victim/current_location/town",
    "/potential_victim/home_office_references/details",
    "/potential_victim/communication_help/details",
    "/first_responder/name",
    "/first_responder/first_name",
    "/first_responder/last_name",
    "/first_responder/email",
    "/first_responder/phone",
    "/first_responder/contact_in_absence",
    "/exploitation/narrative",
    "/background/place_of_birth",
    "/background/family",
    "/background/education",
    "/background/previous_employment",
    "/exploitation/when",
    "/exploitation/how_it_started",
    "/exploitation/journey",
    "/exploitation/what_they_had_to_do",
    "/exploitation/living_conditions",
    "/exploitation/treatment",
    "/exploitation/what_keeps_them",
    "/exploitation/how_they_left",
    "/exploitation/last_contact_details",
    "/exploitation/reported_before_details",
    "/exploitation/not_reported_reasons",
    "/exploitation/location_details",
    "/exploitation/uk_location_details",
    "/exploitation/overseas_location_details",
    "/exploitation/other_kind",
    "/professional/indicators_details",
    "/professional/interviews",
    "/professional/insight",
    "/professional/credibility_evidence",
    "/professional/other_professionals_details",
    "/exploiters/who",
    "/exploiters/whereabouts",
    "/other_victims_details",
    "/future_risk_reasons",
    "/crime_report/reference",
    "/cooperation/details",
    "/consent_note/how_informed",
    "/consent_note/reason_not_informed",
    "/support/needs",
    "/support/contact/phone",
    "/support/contact/alternative/phone",
    "/support/contact/none_reason",
    "/duty_to_notify/reason_not_referred",
    "/decision/given_name",
    "/decision/family_name",
    "/decision/email",
    "/decision/post/building_and_street",
    "/decision/post/town",
    "/decision/post/postcode",
    "/evidence/*/file",
    "/evidence/*/description",
    "/safeguarding/police/crime_reference",
    "/safeguarding/children_services/contact/given_name",
    "/safeguarding/children_services/contact/family_name",
];

/// Every personal value in a draft, at any of the `PERSONAL` members.
fn personal_values(draft: &Value, out: &mut Vec<String>) {
    for pointer in PERSONAL {
        let values = if let Some((list, member)) = pointer.split_once("/*/") {
            let items = draft.pointer(list).and_then(Value::as_array).cloned().unwrap_or_default();
            items.iter().filter_map(|item| item.get(member)).cloned().collect()
        } else if let Some(list) = pointer.strip_suffix('/') {
            draft.pointer(list).and_then(Value::as_array).cloned().unwrap_or_default()
        } else {
            draft.pointer(pointer).cloned().into_iter().collect()
        };
        out.extend(
            values.iter().filter_map(Value::as_str).filter(|v| v.trim().chars().count() >= 3).map(str::to_owned),
        );
    }
}

const FORMATS: [&str; 6] = ["human", "json", "sarif", "junit", "github", "html"];

/// Everything a check of the paths prints, standard error included, in one format.
fn output(format: &str, paths: &[&str], extra: &[&str]) -> String {
    let output = run(&[&["check", "--format", format, "--today", TODAY], extra, paths].concat(), None);
    without_run_time(String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr))
}

/// JUnit's `timestamp` is the clock of the run, not a value of a draft; on the day a draft's date
/// falls on, it would spell that date. Each one is cut out, and only it.
fn without_run_time(report: String) -> String {
    const ATTRIBUTE: &str = " timestamp=\"";
    let mut rest = report.as_str();
    let mut kept = String::with_capacity(report.len());
    while let Some(start) = rest.find(ATTRIBUTE) {
        kept.push_str(&rest[..start]);
        let after = &rest[start + ATTRIBUTE.len()..];
        let end = after.find('"').expect("the attribute is closed");
        let stamp = &after[..end];
        assert!(chrono::NaiveDateTime::parse_from_str(stamp, "%Y-%m-%dT%H:%M:%S").is_ok(), "a time stamp: {stamp}");
        rest = &after[end + 1..];
    }
    kept.push_str(rest);
    kept
}

/// Version 3 drafts full of distinctive first and last names, nicknames, dates of birth, emails
/// and narratives, many with mistakes (answers typed where the service has a list, addresses in
/// the details): the benchmark's corpus generator, shaped like the 2023 referrals.
fn corpus(folder: &std::path::Path) {
    let generated = std::process::Command::new("python3")
        .arg(support::project().join("benches/corpus.py"))
        .args(["--count", "600", "--seed", "11", "--mistakes", "0.6", "--today", TODAY, "--out"])
        .arg(folder)
        .output()
        .expect("python3 runs the corpus generator");
    assert!(generated.status.success(), "{}", String::from_utf8_lossy(&generated.stderr));
}

#[test]
fn no_report_in_any_format_quotes_a_draft_value() {
    let generated = tempfile::tempdir().unwrap();
    corpus(generated.path());
    let mut values = Vec::new();
    let mut references = Vec::new();
    for path in all_fixture_drafts().into_iter().chain(support::drafts_under(generated.path())) {
        let bytes = std::fs::read(&path).unwrap();
        // Drafts that do not parse hold no values the checker could have read.
        if let Ok(draft) = serde_json::from_slice::<Value>(&bytes) {
            personal_values(&draft, &mut values);
            references.extend(draft["reference"].as_str().map(str::to_owned));
        }
    }
    // The JSON report names each draft by its case reference, which may recur in other members.
    values.retain(|value| !references.contains(value));
    // The tool's own text may hold the same words: the public registry (a town in an NGO's name),
    // the service's lists, whose nearest entries a message may suggest, and the rules'
    // documented examples, which SARIF carries.
    let mut own_text = std::fs::read_to_string(support::project().join("data/first-responders.json")).unwrap();
    for list in std::fs::read_dir(support::project().join("data/online-form")).unwrap() {
        let path = list.unwrap().path();
        if path.extension().is_some_and(|extension| extension == "json") {
            own_text += &std::fs::read_to_string(path).unwrap();
        }
    }
    for line in String::from_utf8(run(&["rules"], None).stdout).unwrap().lines() {
        let id = line.split_whitespace().next().unwrap();
        own_text += &String::from_utf8(run(&["explain", id], None).stdout).unwrap();
    }
    values.retain(|value| !own_text.contains(value.as_str()));
    values.sort();
    values.dedup();
    assert!(values.len() > 2000, "the drafts hold many distinct values to look for ({})", values.len());
    let folders = [support::fixture(""), generated.path().to_owned()];
    let folders: Vec<&str> = folders.iter().map(|f| f.to_str().unwrap()).collect();
    for format in FORMATS {
        let report = output(format, &folders, &[]);
        let quoted: Vec<&String> = values.iter().filter(|value| report.contains(value.as_str())).collect();
        assert!(quoted.is_empty(), "--format {format} quotes draft values: {quoted:?}");
    }
}

#[test]
fn show_values_lets_values_through() {
    let draft = support::fixture("examples/child-fail.json");
    let shown = output("human", &[draft.to_str().unwrap()], &["--show-values"]);
    assert!(
        shown.contains("Manchester University NHS Foundation Trust"),
        "the test would notice a quoted value:\n{shown}"
    );
}
