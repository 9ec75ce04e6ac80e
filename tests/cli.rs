//! The command line as users and their scripts see it: exit codes, formats, options, config.

mod support;

use std::fs;
use support::{TODAY, check_json, fixture, nrm, rule_ids, run, stderr, stdout};

fn example(name: &str) -> String {
    fixture(&format!("examples/{name}.json")).display().to_string()
}

#[test]
fn exit_codes_say_pass_fail_or_could_not_run() {
    assert_eq!(run(&["check", "--today", TODAY, &example("child-england-pass")], None).status.code(), Some(0));
    assert_eq!(run(&["check", "--today", TODAY, &example("child-fail")], None).status.code(), Some(1));
    let missing = run(&["check", "--today", TODAY, "no-such-draft.json"], None);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("no-such-draft.json"), "the error names the path");
    assert_eq!(run(&["check", "--format", "yaml", &example("child-fail")], None).status.code(), Some(2));
    assert_eq!(run(&["check", "--today", "2026-02-30", &example("child-fail")], None).status.code(), Some(2));
}

#[test]
fn json_report_has_the_documented_shape() {
    let (report, code) = check_json(&[&example("child-england-pass"), &example("child-fail")]);
    assert_eq!(code, Some(1));
    assert_eq!(report["tool"]["name"], "nrm");
    assert_eq!(report["tool"]["format_version"], 3);
    assert!(report["tool"]["registry_version"].is_string());
    let files = report["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert!(files[0]["path"].as_str().unwrap().ends_with("child-england-pass.json"), "files in the order named");
    assert_eq!(files[0]["status"], "pass");
    assert_eq!(files[0]["reference"], "LCC-2026-0042");
    assert_eq!((files[0]["errors"].as_u64(), files[0]["infos"].as_u64()), (Some(0), Some(1)));
    assert_eq!(files[1]["status"], "fail");
    let summary = &report["summary"];
    assert_eq!(
        (summary["files"].as_u64(), summary["passed"].as_u64(), summary["failed"].as_u64()),
        (Some(2), Some(1), Some(1))
    );
    let errors: u64 = files.iter().map(|f| f["errors"].as_u64().unwrap()).sum();
    assert_eq!(summary["errors"].as_u64(), Some(errors));
}

#[test]
fn human_report_places_findings_and_quotes_only_lines_without_values() {
    let output = run(&["check", "--today", TODAY, &example("child-fail")], None);
    let text = stdout(&output);
    let path = example("child-fail");
    assert!(text.contains(&format!("{path}:9:31: error[FR001] ")), "file:line:column, severity, rule\n{text}");
    // Line 91 holds only member names and `true`: shown, with a marker under the value.
    assert!(text.contains("91 |     \"interview\": { \"accompanying_adult_present\": true },"), "{text}");
    assert!(text.contains(&format!("   | {}^", " ".repeat(49))), "{text}");
    // Line 9 holds the organisation's name: not shown.
    assert!(!text.contains("Manchester University"), "{text}");
    assert!(text.trim_end().ends_with("1 draft checked: 0 passed, 1 failed (5 errors, 3 warnings, 0 infos)"), "{text}");

    let shown = stdout(&run(&["check", "--today", TODAY, "--show-values", &example("child-fail")], None));
    assert!(shown.contains("Manchester University NHS Foundation Trust"), "--show-values shows source lines\n{shown}");
}

#[test]
fn quiet_shows_failing_drafts_only() {
    let output =
        run(&["check", "--quiet", "--today", TODAY, &example("child-england-pass"), &example("child-fail")], None);
    let text = stdout(&output);
    assert!(!text.contains("URG001"), "a passing draft's notices are left out\n{text}");
    assert!(text.contains("FR001"), "{text}");
    assert!(text.contains("2 drafts checked: 1 passed, 1 failed"), "{text}");
}

#[test]
fn deny_warnings_fails_a_draft_with_warnings() {
    let draft = fixture("rules/SAF002/fails-police-not-notified.json").display().to_string();
    let (report, code) = check_json(&[&draft]);
    assert_eq!((report["files"][0]["status"].as_str(), code), (Some("pass"), Some(0)), "{report}");
    let (report, code) = check_json(&["--deny-warnings", &draft]);
    assert_eq!((report["files"][0]["status"].as_str(), code), (Some("fail"), Some(1)), "{report}");
}

#[test]
fn today_decides_whether_a_draft_is_stale() {
    let draft = example("adult-scotland-pass");
    let ids = |today: &str| {
        rule_ids(
            &serde_json::from_slice(&run(&["check", "--format", "json", "--today", today, &draft], None).stdout)
                .unwrap(),
        )
    };
    assert!(ids("2026-12-19").is_empty(), "30 days after prepared_on is not stale");
    assert_eq!(ids("2026-12-20"), ["DAT004"]);
    assert_eq!(ids("2026-11-18"), ["DAT003"]);
}

#[test]
fn standard_input_is_a_draft() {
    let draft = fs::read(fixture("examples/child-fail.json")).unwrap();
    let output = run(&["check", "--format", "json", "--today", TODAY, "-"], Some(&draft));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["files"][0]["path"], "-");
    assert!(rule_ids(&report).contains(&"FR001".to_owned()));
}

#[test]
fn unknown_member_suggests_the_nearest() {
    let draft = r#"{"format_version": 3, "potential_victim": {"familyname": "x"}}"#;
    let output = run(&["check", "--format", "json", "--today", TODAY, "-"], Some(draft.as_bytes()));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let findings = report["files"][0]["findings"].as_array().unwrap();
    let unknown = findings.iter().find(|f| f["rule"] == "INP003").expect("INP003 reported");
    assert_eq!(unknown["pointer"], "/potential_victim/familyname");
    assert!(unknown["message"].as_str().unwrap().contains("did you mean `family_name`?"), "{unknown}");
}

/// A registry whose online form recognises only police addresses, so an English council's
/// address fails FR004: a visible sign that this registry, not the built-in one, was used.
fn narrowed_registry(folder: &std::path::Path) -> std::path::PathBuf {
    let mut registry: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(support::project().join("data/first-responders.json")).unwrap())
            .unwrap();
    registry["version"] = "test-narrowed".into();
    registry["online_form"]["email_domains"]["suffixes"] = serde_json::json!(["police.uk"]);
    let path = folder.join("narrowed.json");
    fs::write(&path, registry.to_string()).unwrap();
    path
}

#[test]
fn registry_option_replaces_the_built_in_registry() {
    let folder = tempfile::tempdir().unwrap();
    let registry = narrowed_registry(folder.path());
    let (report, code) = check_json(&["--registry", registry.to_str().unwrap(), &example("child-england-pass")]);
    assert_eq!(code, Some(1));
    assert_eq!(report["tool"]["registry_version"], "test-narrowed");
    assert!(rule_ids(&report).contains(&"FR004".to_owned()));

    fs::write(folder.path().join("broken.json"), "{\"version\": 1}").unwrap();
    let broken = folder.path().join("broken.json");
    let output = run(&["check", "--registry", broken.to_str().unwrap(), &example("child-fail")], None);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("broken.json"), "{}", stderr(&output));
}

#[test]
fn config_is_found_in_the_documented_order() {
    let folder = tempfile::tempdir().unwrap();
    narrowed_registry(folder.path());
    // A relative `registry` is read beside the config file.
    let config = "registry = \"narrowed.json\"\n";
    let draft = example("child-england-pass");
    let used_narrowed = |command: &mut std::process::Command, extra: &[&std::path::Path]| {
        let output =
            command.args(["check", "--format", "json", "--today", TODAY, &draft]).args(extra).output().unwrap();
        let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        report["tool"]["registry_version"] == "test-narrowed"
    };

    let xdg = folder.path().join("xdg");
    fs::create_dir_all(xdg.join("nrm")).unwrap();
    fs::write(
        xdg.join("nrm/config.toml"),
        format!("registry = \"{}\"\n", folder.path().join("narrowed.json").display()),
    )
    .unwrap();
    assert!(used_narrowed(nrm().env("XDG_CONFIG_HOME", &xdg), &[]), "$XDG_CONFIG_HOME/nrm/config.toml");

    let work = folder.path().join("work");
    fs::create_dir_all(&work).unwrap();
    fs::copy(folder.path().join("narrowed.json"), work.join("narrowed.json")).unwrap();
    fs::write(work.join("nrm.toml"), config).unwrap();
    assert!(used_narrowed(nrm().current_dir(&work), &[]), "./nrm.toml");

    let named = folder.path().join("named.toml");
    fs::write(&named, config).unwrap();
    let empty = folder.path().join("empty.toml");
    fs::write(&empty, "").unwrap();
    assert!(used_narrowed(nrm().current_dir(&work).env("NRM_CONFIG", &named), &[]), "NRM_CONFIG");
    assert!(!used_narrowed(nrm().current_dir(&work).env("NRM_CONFIG", &empty), &[]), "NRM_CONFIG before ./nrm.toml");
    assert!(
        !used_narrowed(nrm().env("NRM_CONFIG", &named), &[std::path::Path::new("--config"), &empty]),
        "--config before NRM_CONFIG"
    );
}

#[test]
fn config_with_an_unknown_key_is_refused() {
    let folder = tempfile::tempdir().unwrap();
    let config = folder.path().join("nrm.toml");
    fs::write(&config, "registy = \"x.json\"\n").unwrap();
    let output = run(&["check", "--config", config.to_str().unwrap(), &example("child-fail")], None);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("nrm.toml") && stderr(&output).contains("registy"), "{}", stderr(&output));

    fs::write(&config, "[sca]\nemail = \"sca@example.org\"\n[smtp]\nhost = \"localhost\"\nport = 587\n").unwrap();
    let output = run(&["check", "--config", config.to_str().unwrap(), &example("child-fail")], None);
    assert_eq!(output.status.code(), Some(1), "the documented tables are accepted: {}", stderr(&output));
}

#[test]
fn version_names_the_format_and_the_registry() {
    let text = stdout(&run(&["--version"], None));
    let registry: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(support::project().join("data/first-responders.json")).unwrap())
            .unwrap();
    assert!(text.contains("format version 3, and 2 and 1"), "{text}");
    assert!(
        text.contains(registry["version"].as_str().unwrap())
            && text.contains(registry["reviewed_on"].as_str().unwrap())
            && text.contains(registry["online_form"]["dated"].as_str().unwrap()),
        "{text}"
    );
}

#[test]
fn every_rule_is_listed_once_and_explained() {
    let listing = stdout(&run(&["rules"], None));
    let ids: Vec<&str> = listing.lines().filter_map(|line| line.split_whitespace().next()).collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "no rule twice");
    for id in ids {
        let output = run(&["explain", id], None);
        let text = stdout(&output);
        assert!(output.status.success() && text.starts_with(id), "{id}");
        assert!(text.contains("Why: ") && text.contains("Fails:") && text.contains("Passes:"), "{text}");
    }
    assert_eq!(run(&["explain", "XYZ999"], None).status.code(), Some(2));
}
