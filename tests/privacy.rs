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

fn outputs(draft: &str, extra: &[&str]) -> Vec<String> {
    ["human", "json"]
        .iter()
        .map(|format| {
            let output = run(&[&["check", "--format", format, "--today", TODAY], extra, &[draft]].concat(), None);
            String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr)
        })
        .collect()
}

#[test]
fn no_report_quotes_a_draft_value() {
    let mut checked = 0;
    for path in all_fixture_drafts() {
        let Ok(draft) =
            std::fs::read(&path).map_err(|_| ()).and_then(|b| serde_json::from_slice::<Value>(&b).map_err(|_| ()))
        else {
            continue;
        };
        let mut values = Vec::new();
        personal_values(&draft, "", &mut values);
        for output in outputs(path.to_str().unwrap(), &[]) {
            for value in &values {
                assert!(!output.contains(value.as_str()), "{} quotes a draft value:\n{output}", path.display());
            }
        }
        checked += values.len();
    }
    assert!(checked > 1000, "the fixtures hold many values to look for ({checked})");
}

#[test]
fn show_values_lets_values_through() {
    let draft = support::fixture("examples/child-fail.json");
    let shown = outputs(draft.to_str().unwrap(), &["--show-values"]).concat();
    assert!(
        shown.contains("Manchester University NHS Foundation Trust"),
        "the test would notice a quoted value:\n{shown}"
    );
}
