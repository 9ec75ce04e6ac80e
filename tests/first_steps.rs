//! For first responders: `nrm new`, `schema`, `rules --markdown`, `completions`, `man`, and
//! colour only where it belongs.

mod support;

use serde_json::Value;
use std::fs;
use std::process::Command;
use support::{TODAY, nrm, project, run, stdout};

/// `nrm check` of a draft given as text: the JSON report's findings.
fn findings(draft: &str) -> Vec<Value> {
    let output = run(&["check", "--format", "json", "--today", TODAY, "-"], Some(draft.as_bytes()));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    report["files"][0]["findings"].as_array().unwrap().clone()
}

/// `nrm new`, dated the day the checks compare with, so the skeleton is never "in the future".
fn new(args: &[&str]) -> std::process::Output {
    run(&[&["new", "--today", TODAY], args].concat(), None)
}

/// A member `nrm new` left for the first responder to fill in: empty text, an empty list, `null`.
fn left_empty(draft: &Value, pointer: &str) -> bool {
    match draft.pointer(pointer) {
        Some(Value::Null) => true,
        Some(Value::String(text)) => text.is_empty(),
        Some(Value::Array(items)) => items.is_empty(),
        _ => false,
    }
}

/// The pointers of the members `nrm new` left empty, at every depth.
fn empty_members(value: &Value, pointer: String, out: &mut Vec<String>) {
    match value {
        Value::Object(members) => {
            for (name, member) in members {
                empty_members(member, format!("{pointer}/{name}"), out);
            }
        }
        _ if left_empty(value, "") => out.push(pointer),
        _ => {}
    }
}

#[test]
fn a_new_draft_checks_as_a_list_of_what_is_left_to_fill_in() {
    for (args, present, absent) in [
        (
            vec!["--child", "--nation", "england"],
            vec![
                "/consent_note",
                "/safeguarding/children_services/phone",
                "/background/place_of_birth",
                "/professional/insight",
                "/exploitation/kinds",
                "/first_responder/contact_in_absence",
            ],
            vec!["/consent", "/support", "/decision", "/duty_to_notify", "/exploitation/while_child"],
        ),
        (
            vec!["--adult", "--nation", "wales"],
            vec![
                "/consent",
                "/support/requested",
                "/decision/recipient",
                "/decision/methods",
                "/exploitation/while_child",
                "/potential_victim/children/has",
            ],
            vec!["/consent_note", "/safeguarding", "/duty_to_notify", "/support/contact"],
        ),
        (
            vec!["--adult", "--nation", "england", "--route", "duty_to_notify"],
            vec![
                "/duty_to_notify/reason_not_referred",
                "/exploitation/kinds",
                "/cooperation/willing",
                "/first_responder/first_name",
                "/potential_victim/gender",
            ],
            vec![
                "/potential_victim/given_names",
                "/potential_victim/date_of_birth",
                "/potential_victim/children",
                // The service asks neither on a Duty to Notify.
                "/first_responder/contact_in_absence",
                "/consent",
                "/decision",
                "/support",
                "/evidence",
            ],
        ),
        (vec!["--child"], vec!["/safeguarding/guardian/service"], vec!["/support"]),
    ] {
        let output = new(&args);
        assert!(output.status.success(), "{args:?}");
        let text = stdout(&output);
        let draft: Value = serde_json::from_str(&text).expect("the skeleton is JSON");
        assert_eq!(draft["format_version"], 3, "{args:?}");
        assert!(draft["$schema"].is_string());
        for pointer in present {
            assert!(draft.pointer(pointer).is_some(), "{args:?} has {pointer}");
        }
        // A question that depends on an answer not given yet is left out until it is, and so
        // is an optional one: an empty answer would be a finding.
        let conditional = [
            "/potential_victim/interpreter_language",
            "/potential_victim/children/count",
            "/exploitation/journey",
            "/exploitation/what_keeps_them",
            "/exploitation/how_they_left",
            "/exploitation/uk_towns",
            "/exploitation/countries",
            "/exploitation/other_kind",
            "/exploitation/not_reported_reasons",
            "/professional/indicators_details",
            "/exploiters/whereabouts",
            "/future_risk_reasons",
            "/crime_report/reference",
            "/decision/email",
            "/decision/email_safe",
            "/decision/post",
            "/potential_victim/nickname",
            "/potential_victim/second_nationality",
            "/potential_victim/current_location/local_authority",
            "/exploitation/last_contact_details",
        ];
        // No member of an older format version.
        for old in [
            "/first_responder/name",
            "/potential_victim/aliases",
            "/potential_victim/name_unknown",
            "/exploitation/types",
            "/exploitation/location_details",
            "/decision/safe_to_write",
        ] {
            assert!(draft.pointer(old).is_none(), "{args:?}: {old}");
        }
        for pointer in absent.iter().chain(&conditional) {
            assert!(draft.pointer(pointer).is_none(), "{args:?} leaves out {pointer}");
        }
        let found = findings(&text);
        assert!(!found.is_empty());
        for finding in &found {
            let message = finding["message"].as_str().unwrap();
            assert!(
                message.starts_with("fill in `") || (finding["rule"] == "REQ002" && message.contains("fill in")),
                "{args:?}: every finding is something to fill in, not a parse error: {finding}"
            );
            assert_ne!(finding["rule"].as_str().unwrap().get(..3), Some("INP"), "{finding}");
            let pointer = finding["pointer"].as_str().unwrap();
            assert!(left_empty(&draft, pointer), "{args:?}: {pointer} is a member the skeleton left empty");
        }
        // And the other way: every member left empty is asked for, but the date of birth, which
        // may stay `null` (not known).
        let mut empty = Vec::new();
        empty_members(&draft, String::new(), &mut empty);
        empty.retain(|pointer| pointer != "/potential_victim/date_of_birth");
        let mut asked: Vec<String> = found.iter().map(|f| f["pointer"].as_str().unwrap().to_owned()).collect();
        asked.sort();
        empty.sort();
        assert_eq!(asked, empty, "{args:?}: the check is the list of what is left to fill in");
    }
    assert_eq!(new(&["--child", "--route", "duty_to_notify"]).status.code(), Some(2));
    assert_eq!(new(&[]).status.code(), Some(2), "--child or --adult must be said");
}

#[test]
fn a_new_draft_is_dated_today_by_the_clock_that_check_uses() {
    // Read the clock on both sides of the run: the run may straddle midnight.
    let before = chrono::Local::now().date_naive().to_string();
    let output = run(&["new", "--adult", "--nation", "england"], None);
    let after = chrono::Local::now().date_naive().to_string();
    let text = stdout(&output);
    let draft: Value = serde_json::from_str(&text).unwrap();
    let prepared_on = draft["prepared_on"].as_str().unwrap();
    assert!(prepared_on == before || prepared_on == after, "{prepared_on} is neither {before} nor {after}");
    let checked = run(&["check", "--format", "json", "-"], Some(text.as_bytes()));
    let report: Value = serde_json::from_slice(&checked.stdout).unwrap();
    let dated: Vec<&Value> =
        report["files"][0]["findings"].as_array().unwrap().iter().filter(|f| f["pointer"] == "/prepared_on").collect();
    assert!(dated.is_empty(), "a fresh skeleton's date is neither future nor stale: {dated:?}");
    let given = stdout(&run(&["new", "--adult", "--today", "2028-02-29"], None));
    assert_eq!(serde_json::from_str::<Value>(&given).unwrap()["prepared_on"], "2028-02-29", "--today dates it");
}

#[test]
fn a_new_draft_takes_the_first_responder_from_the_config_and_never_overwrites() {
    let folder = tempfile::tempdir().unwrap();
    let config = folder.path().join("nrm.toml");
    fs::write(
        &config,
        "[first_responder]\nfirst_name = \"Priya\"\nlast_name = \"Sharma\"\nrole = \"Senior social worker\"\n\
         email = \"priya.sharma@lincolnshire.gov.uk\"\nphone = \"01522 555 0142\"\norganisation = { type = \"local_authority\", name = \"Lincolnshire County Council\" }\n\
         contact_in_absence = \"childrens.safeguarding@lincolnshire.gov.uk\"\n",
    )
    .unwrap();
    let path = folder.path().join("draft.json");
    let output = nrm()
        .args(["new", "--today", TODAY, "--child", "--nation", "england", "--config"])
        .arg(&config)
        .arg("--out")
        .arg(&path)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(!String::from_utf8_lossy(&output.stderr).contains("`name`"), "a config of version 3's names: no note");
    let draft: Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(
        (&draft["first_responder"]["first_name"], &draft["first_responder"]["last_name"]),
        (&"Priya".into(), &"Sharma".into())
    );
    assert_eq!(draft["first_responder"]["email"], "priya.sharma@lincolnshire.gov.uk");
    assert_eq!(draft["first_responder"]["organisation"]["type"], "local_authority");
    assert_eq!(draft["first_responder"]["contact_in_absence"], "childrens.safeguarding@lincolnshire.gov.uk");
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600, "a draft is private");
    let left = findings(&fs::read_to_string(&path).unwrap());
    assert!(left.iter().all(|f| !f["pointer"].as_str().unwrap().starts_with("/first_responder")), "{left:?}");

    fs::write(&path, "kept").unwrap();
    let again = nrm().args(["new", "--child", "--out"]).arg(&path).output().unwrap();
    assert_eq!(again.status.code(), Some(2));
    assert_eq!(fs::read_to_string(&path).unwrap(), "kept", "--out never overwrites");
}

/// A config written for format version 2 has the first responder's one `name`; the service asks a
/// first and a last name, and which words are which is not for `nrm new` to guess.
#[test]
fn a_config_with_one_name_leaves_the_two_names_to_fill_in_and_says_so() {
    let folder = tempfile::tempdir().unwrap();
    let config = folder.path().join("nrm.toml");
    fs::write(&config, "[first_responder]\nname = \"Priya Sharma\"\nrole = \"Senior social worker\"\n").unwrap();
    let output = nrm().args(["new", "--today", TODAY, "--adult", "--config"]).arg(&config).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("`first_name`") && said.contains("`last_name`"), "says what to set: {said}");
    assert!(!said.contains("Priya") && !said.contains("Sharma"), "never the name itself: {said}");
    let text = stdout(&output);
    assert!(!text.contains("Priya") && !text.contains("Sharma"), "not written, not split:\n{text}");
    let draft: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(draft["first_responder"]["role"], "Senior social worker");
    let asked: Vec<&str> = findings(&text)
        .iter()
        .filter_map(|f| f["pointer"].as_str().filter(|p| p.ends_with("_name") && p.starts_with("/first_responder/")))
        .map(|p| if p.ends_with("first_name") { "first_name" } else { "last_name" })
        .collect();
    assert_eq!(asked, ["first_name", "last_name"], "the check asks for both");
}

#[test]
fn the_schema_is_valid_2020_12_and_describes_every_member() {
    let text = stdout(&run(&["schema"], None));
    assert_eq!(text, fs::read_to_string(project().join("schemas/referral.schema.json")).unwrap());
    let schema: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    jsonschema::meta::validate(&schema).expect("valid against the 2020-12 meta-schema");
    // Every member definition, following `properties` down (conditions only restate them).
    fn members(properties: &Value, path: &str, out: &mut Vec<String>) {
        for (name, sub) in properties.as_object().into_iter().flatten() {
            let path = format!("{path}/{name}");
            if sub.get("title").and_then(Value::as_str).is_none()
                || sub.get("description").and_then(Value::as_str).is_none()
            {
                out.push(path.clone());
            }
            members(&sub["properties"], &path, out);
        }
    }
    let mut undescribed = Vec::new();
    members(&schema["properties"], "", &mut undescribed);
    assert!(undescribed.is_empty(), "members without a title and description: {undescribed:?}");
}

#[test]
fn docs_rules_md_is_generated_from_the_rules() {
    let generated = stdout(&run(&["rules", "--markdown"], None));
    let committed = fs::read_to_string(project().join("docs/rules.md")).unwrap();
    assert!(generated == committed, "docs/rules.md is stale: run `nrm rules --markdown > docs/rules.md`");
    for line in stdout(&run(&["rules"], None)).lines() {
        let id = line.split_whitespace().next().unwrap();
        assert!(generated.contains(&format!("## {id} (")), "{id} is documented");
        let explained = stdout(&run(&["explain", id], None));
        let body = explained.split_once("\n\n").unwrap().1;
        assert!(generated.contains(body), "`nrm explain {id}` and docs/rules.md say the same");
    }
}

#[test]
fn completions_and_the_manual_come_from_the_command_line_definition() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let output = run(&["completions", shell], None);
        let script = stdout(&output);
        assert!(output.status.success() && script.contains("nrm"), "{shell}");
        assert!(script.contains("render") && script.contains("explain"), "{shell} completes the commands");
    }
    assert_eq!(run(&["completions", "tcsh"], None).status.code(), Some(2));
    let bash = stdout(&run(&["completions", "bash"], None));
    let checked = Command::new("bash").args(["-n", "-c", &bash]).status().unwrap();
    assert!(checked.success(), "the bash script parses");
    let manual = stdout(&run(&["man"], None));
    assert!(manual.starts_with(".ie") || manual.contains(".TH nrm"), "roff with a title");
    assert!(manual.contains("check") && manual.contains("render"));
}

#[test]
fn colour_only_on_a_terminal_and_never_under_no_color() {
    let draft = support::fixture("examples/child-fail.json");
    let command = format!("{} check --today {TODAY} {}", env!("CARGO_BIN_EXE_nrm"), draft.display());
    let on_terminal = |no_color: bool| {
        let mut script = Command::new("script");
        script.args(["-qec", &command, "/dev/null"]).env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
        if no_color {
            script.env("NO_COLOR", "1");
        }
        String::from_utf8_lossy(&script.output().unwrap().stdout).into_owned()
    };
    assert!(on_terminal(false).contains("\u{1b}["), "colour on a terminal");
    assert!(!on_terminal(true).contains("\u{1b}["), "none under NO_COLOR");
    let piped = nrm().env_remove("NO_COLOR").args(["check", "--today", TODAY]).arg(&draft).output().unwrap();
    assert!(!String::from_utf8_lossy(&piped.stdout).contains('\u{1b}'), "none when piped");
}

#[test]
fn human_findings_are_grouped_by_section_of_the_form() {
    let text = stdout(&run(
        &["check", "--today", TODAY, support::fixture("examples/child-fail.json").to_str().unwrap()],
        None,
    ));
    let headings: Vec<&str> =
        text.lines().filter(|l| !l.contains(':') && !l.contains('|') && !l.trim().is_empty()).collect();
    assert_eq!(headings, ["Referral", "First responder", "Safeguarding"], "{text}");

    // A new draft's to-do list reads in the order of the online form.
    let skeleton = stdout(&new(&["--child", "--nation", "england"]));
    let text = stdout(&run(&["check", "--today", TODAY, "-"], Some(skeleton.as_bytes())));
    let headings: Vec<&str> =
        text.lines().filter(|l| !l.contains(':') && !l.contains('|') && !l.trim().is_empty()).collect();
    let form = [
        "Referral",
        "First responder",
        "Potential victim",
        "Background",
        "Exploitation",
        "Professional insight",
        "Exploiters",
        "Consent note",
        "Safeguarding",
    ];
    assert_eq!(headings, form, "{text}");
}
