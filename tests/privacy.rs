//! No report quotes a value from a draft (a name, a date of birth, an email, the narrative)
//! unless the user asked with `--show-values`.

mod support;

use serde_json::Value;
use support::{TODAY, all_fixture_drafts, run};

/// Every text value in a draft that could identify or describe a person: all strings but the
/// format's own codes (`local_authority`, `VN`), the case reference, which reports name, and the
/// organisation's name, which messages may give from the public registry.
fn personal_values(draft: &Value, pointer: &str, out: &mut Vec<String>) {
    match draft {
        Value::String(text) => {
            let code = text.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                || (text.len() == 2 && text.chars().all(|c| c.is_ascii_uppercase()));
            let public = ["/reference", "/first_responder/organisation/name"].contains(&pointer);
            if !code && !public && text.trim().chars().count() >= 3 {
                out.push(text.clone());
            }
        }
        Value::Array(items) => {
            items.iter().enumerate().for_each(|(i, item)| personal_values(item, &format!("{pointer}/{i}"), out))
        }
        Value::Object(members) => {
            members.iter().for_each(|(name, value)| personal_values(value, &format!("{pointer}/{name}"), out))
        }
        _ => {}
    }
}

const FORMATS: [&str; 5] = ["human", "json", "sarif", "junit", "github"];

/// Everything a check of the paths prints, standard error included, in one format.
fn output(format: &str, paths: &[&str], extra: &[&str]) -> String {
    let output = run(&[&["check", "--format", format, "--today", TODAY], extra, paths].concat(), None);
    String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr)
}

#[test]
fn no_report_in_any_format_quotes_a_draft_value() {
    let mut values = Vec::new();
    let mut references = Vec::new();
    for path in all_fixture_drafts() {
        let bytes = std::fs::read(&path).unwrap();
        // Drafts that do not parse hold no values the checker could have read.
        if let Ok(draft) = serde_json::from_slice::<Value>(&bytes) {
            personal_values(&draft, "", &mut values);
            references.extend(draft["reference"].as_str().map(str::to_owned));
        }
    }
    // The JSON report names each draft by its case reference, which may recur in other members.
    values.retain(|value| !references.contains(value));
    // The tool's own text may hold the same words: the public registry (a town in an NGO's name)
    // and the rules' documented examples, which SARIF carries.
    let mut own_text = std::fs::read_to_string(support::project().join("data/first-responders.json")).unwrap();
    for line in String::from_utf8(run(&["rules"], None).stdout).unwrap().lines() {
        let id = line.split_whitespace().next().unwrap();
        own_text += &String::from_utf8(run(&["explain", id], None).stdout).unwrap();
    }
    values.retain(|value| !own_text.contains(value.as_str()));
    values.sort();
    values.dedup();
    assert!(values.len() > 150, "the fixtures hold many distinct values to look for ({})", values.len());
    let fixtures = support::fixture("");
    for format in FORMATS {
        let report = output(format, &[fixtures.to_str().unwrap()], &[]);
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
