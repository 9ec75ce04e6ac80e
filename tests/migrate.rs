//! `nrm migrate`: a version 1 draft becomes a version 2 draft with every value kept in its
//! version 2 place, and `nrm check` on it lists exactly the questions version 2 added.

mod support;

use serde_json::Value;
use std::fs;
use std::path::Path;
use support::{TODAY, fixture, nrm, run, stderr, stdout};

const EXAMPLES: [&str; 3] = ["child-england-pass", "adult-scotland-pass", "child-fail"];

/// The members version 2 adds that apply to a version 1 draft, written out from the "Added"
/// table of the spec (draft-format.md), not from the code. Each is a question the check must ask.
fn added_questions(v1: &Value) -> Vec<String> {
    let text = |pointer: &str| v1.pointer(pointer).and_then(Value::as_str);
    let flag = |pointer: &str| v1.pointer(pointer).and_then(Value::as_bool);
    let child = matches!(text("/potential_victim/age_status"), Some("child" | "age_disputed"))
        || v1.pointer("/potential_victim/claimed_age").and_then(Value::as_i64).is_some_and(|age| age < 18);
    let route_nrm = text("/route") != Some("duty_to_notify");
    let mut added = vec![
        "/first_responder/contact_in_absence",
        "/potential_victim/current_location/region",
        // `background` is required; its four answers are optional, and the skeleton asks each.
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
        "/exploitation/last_contact_details",
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
    // Version 2 asks the town where they are staying, which version 1 left optional.
    if v1.pointer("/potential_victim/current_location/town").is_none() {
        added.push("/potential_victim/current_location/town");
    }
    if route_nrm {
        added.extend([
            "/potential_victim/children/has",
            "/potential_victim/communication_help/needed",
            "/potential_victim/home_office_references/has",
        ]);
    } else {
        added.push("/duty_to_notify/reason_not_referred");
    }
    if flag("/potential_victim/interpreter_needed") == Some(true) {
        added.push("/potential_victim/interpreter_language");
    }
    match flag("/exploitation/ongoing") {
        Some(true) => added.push("/exploitation/what_keeps_them"),
        Some(false) => added.push("/exploitation/how_they_left"),
        None => {}
    }
    if matches!(text("/exploitation/location"), Some("uk" | "uk_and_overseas")) {
        added.push("/exploitation/uk_towns");
    }
    if child && v1.pointer("/safeguarding/children_services").is_some() {
        added.extend(["/safeguarding/children_services/phone", "/safeguarding/children_services/email"]);
    }
    if !child && route_nrm {
        // Email or post, at least one: the skeleton asks for the email, the usual one.
        added.extend(["/decision/recipient", "/decision/email", "/decision/safe_to_write"]);
        if flag("/support/requested") == Some(true) {
            added.push("/support/contact");
        }
    }
    let mut added: Vec<String> = added.into_iter().map(str::to_owned).collect();
    added.sort();
    added
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Finding {
    rule: String,
    severity: String,
    pointer: String,
    message: String,
}

impl Finding {
    /// The member a finding asks to be answered: one left empty ("fill in `member`"), or one
    /// missing ("`member` is missing", at the object that lacks it).
    fn question(&self) -> Option<String> {
        if self.message.starts_with("fill in `") {
            return Some(self.pointer.clone());
        }
        let member = self.message.strip_prefix('`')?.split_once("` is missing")?.0;
        (self.rule == "REQ001").then(|| format!("{}/{member}", self.pointer))
    }
}

fn check(draft: &[u8]) -> Vec<Finding> {
    let output = run(&["check", "--format", "json", "--today", TODAY, "-"], Some(draft));
    let report: Value = serde_json::from_slice(&output.stdout).expect("the JSON report parses");
    let mut findings: Vec<Finding> = report["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| Finding {
            rule: f["rule"].as_str().unwrap().to_owned(),
            severity: f["severity"].as_str().unwrap().to_owned(),
            pointer: f["pointer"].as_str().unwrap().to_owned(),
            message: f["message"].as_str().unwrap().to_owned(),
        })
        .collect();
    findings.sort();
    findings
}

fn migrate(draft: &Path) -> String {
    let output = nrm().arg("migrate").arg(draft).output().unwrap();
    assert!(output.status.success(), "{}: {}", draft.display(), stderr(&output));
    stdout(&output)
}

/// Where version 2 keeps a version 1 member.
fn v2_place(pointer: &str) -> String {
    match pointer.strip_prefix("/exploitation/narrative") {
        Some(rest) => format!("/professional/insight{rest}"),
        None => pointer.to_owned(),
    }
}

/// Every value of the version 1 tree, down to the leaves, is at its version 2 place.
fn lost_values(v1: &Value, pointer: &str, v2: &Value, lost: &mut Vec<String>) {
    match v1 {
        Value::Object(members) if !members.is_empty() => {
            for (name, value) in members {
                let child = format!("{pointer}/{}", name.replace('~', "~0").replace('/', "~1"));
                lost_values(value, &child, v2, lost);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            for (index, item) in items.iter().enumerate() {
                lost_values(item, &format!("{pointer}/{index}"), v2, lost);
            }
        }
        _ if pointer == "/format_version" => {}
        _ => {
            if v2.pointer(&v2_place(pointer)) != Some(v1) {
                lost.push(pointer.to_owned());
            }
        }
    }
}

fn the_check_lists_the_added_questions(v1_path: &Path) {
    let name = v1_path.display();
    let v1_text = fs::read(v1_path).unwrap();
    let v1: Value = serde_json::from_slice(&v1_text).unwrap();
    let migrated = migrate(v1_path);
    let v2: Value = serde_json::from_str(&migrated).expect("the migrated draft is JSON");
    assert_eq!(v2["format_version"], 2, "{name}");
    assert!(v2["exploitation"].get("narrative").is_none(), "{name}: the account moved");

    let mut lost = Vec::new();
    lost_values(&v1, "", &v2, &mut lost);
    assert!(lost.is_empty(), "{name}: values not at their version 2 place: {lost:?}");

    let before: Vec<Finding> = check(&v1_text).into_iter().filter(|f| f.rule != "INP006").collect();
    let mut after = check(migrated.as_bytes());
    // The version 1 findings, each still there (messages aside: places may be worded anew).
    for finding in &before {
        let same =
            |f: &Finding| (&f.rule, &f.severity, &f.pointer) == (&finding.rule, &finding.severity, &finding.pointer);
        let at = after.iter().position(same);
        assert!(at.is_some(), "{name}: the version 1 finding {finding:?} is gone\n{migrated}");
        after.remove(at.unwrap());
    }
    // And besides them, exactly the new questions.
    let mut asked: Vec<String> = after
        .iter()
        .map(|f| f.question().unwrap_or_else(|| panic!("{name}: not a question to answer: {f:?}")))
        .collect();
    asked.sort();
    assert_eq!(asked, added_questions(&v1), "{name}");
}

#[test]
fn each_v1_example_migrates_to_the_list_of_its_new_questions() {
    for example in EXAMPLES {
        the_check_lists_the_added_questions(&fixture(&format!("examples/v1/{example}.json")));
    }
}

#[test]
fn a_v1_duty_to_notify_migrates_too() {
    let folder = tempfile::tempdir().unwrap();
    let mut draft: Value =
        serde_json::from_slice(&fs::read(fixture("examples/v1/adult-scotland-pass.json")).unwrap()).unwrap();
    draft["nation"] = "wales".into();
    draft["route"] = "duty_to_notify".into();
    draft["first_responder"]["email"] = "a.officer@south-wales.police.uk".into();
    draft["first_responder"]["organisation"]["name"] = "South Wales Police".into();
    let victim = draft["potential_victim"].as_object_mut().unwrap();
    for member in ["given_names", "family_name", "date_of_birth"] {
        victim.remove(member);
    }
    victim.insert("interpreter_needed".into(), true.into());
    let draft_object = draft.as_object_mut().unwrap();
    draft_object.remove("consent");
    draft_object.remove("support");
    draft_object["exploitation"]["ongoing"] = true.into();
    draft_object["exploitation"].as_object_mut().unwrap().remove("ended_on");
    let path = folder.path().join("dtn.json");
    fs::write(&path, serde_json::to_string_pretty(&draft).unwrap()).unwrap();
    the_check_lists_the_added_questions(&path);
}

#[test]
fn members_follow_the_order_of_a_new_draft() {
    // Top-level members: the lines that open a member at two spaces' indent.
    let order = |text: &str| -> Vec<String> {
        text.lines()
            .filter_map(|line| line.strip_prefix("  \"")?.split_once('"').map(|(name, _)| name.to_owned()))
            .collect()
    };
    let fresh = order(&stdout(&run(&["new", "--child", "--today", TODAY], None)));
    let migrated = order(&migrate(&fixture("examples/v1/child-england-pass.json")));
    let shared: Vec<&String> = fresh.iter().filter(|name| migrated.contains(name)).collect();
    let migrated_shared: Vec<&String> = migrated.iter().filter(|name| fresh.contains(name)).collect();
    assert_eq!(shared, migrated_shared);
    assert!(shared.len() > 15, "{shared:?}");
}

#[test]
fn out_writes_a_new_private_file_and_never_overwrites() {
    use std::os::unix::fs::PermissionsExt;
    let folder = tempfile::tempdir().unwrap();
    let draft = fixture("examples/v1/child-fail.json");
    let out = folder.path().join("migrated.json");
    let output = nrm().arg("migrate").arg(&draft).arg("--out").arg(&out).output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(output.stdout.is_empty(), "the draft goes to the file only");
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

#[test]
fn anything_but_a_well_formed_v1_draft_is_refused_without_quoting_it() {
    let folder = tempfile::tempdir().unwrap();
    let secret = "Zebedee Quillfeather";
    for (name, text) in [
        ("not-json", format!("{{\"format_version\": 1, \"potential_victim\": {{\"given_names\": \"{secret}\" ")),
        ("repeated", format!("{{\"format_version\": 1, \"reference\": \"{secret}\", \"reference\": \"{secret}\"}}")),
        ("version-2", format!("{{\"format_version\": 2, \"reference\": \"{secret}\"}}")),
        ("no-version", format!("{{\"reference\": \"{secret}\"}}")),
        ("version-text", format!("{{\"format_version\": \"{secret}\"}}")),
        ("not-an-object", format!("[\"{secret}\"]")),
    ] {
        let path = folder.path().join(format!("{name}.json"));
        fs::write(&path, &text).unwrap();
        let out = folder.path().join(format!("{name}-v2.json"));
        let output = nrm().arg("migrate").arg(&path).arg("--out").arg(&out).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{name}");
        let message = stderr(&output);
        assert!(message.contains(&path.display().to_string()), "{name}: names the file: {message}");
        assert!(!message.contains("Zebedee") && !message.contains("Quillfeather"), "{name}: {message}");
        assert!(!out.exists(), "{name}: nothing written");
    }
    assert_eq!(run(&["migrate", "no-such-draft.json"], None).status.code(), Some(2));
    let v2 = run(&["migrate", fixture("examples/child-england-pass.json").to_str().unwrap()], None);
    assert_eq!(v2.status.code(), Some(2), "a version 2 example is not migrated again");
}
