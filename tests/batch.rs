//! Batch checking: folders, standard input, order, parallelism, and the CI formats validated by
//! their real consumers (the published SARIF schema; xmllint with the Ant JUnit schema).

mod support;

use std::fs;
use std::path::Path;
use std::process::Command;
use support::{TODAY, fixture, project, run, stderr, stdout};

fn check(format: &str, paths: &[&Path], extra: &[&str]) -> std::process::Output {
    let mut args = vec!["check", "--format", format, "--today", TODAY];
    args.extend(extra);
    let paths: Vec<&str> = paths.iter().map(|p| p.to_str().unwrap()).collect();
    run(&[args, paths].concat(), None)
}

fn json_paths(report: &serde_json::Value) -> Vec<String> {
    report["files"].as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap().to_owned()).collect()
}

#[test]
fn folders_expand_to_every_json_below_in_sorted_order() {
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path();
    fs::create_dir_all(root.join("b/inner")).unwrap();
    fs::create_dir_all(root.join("a")).unwrap();
    let draft = fs::read(fixture("examples/child-england-pass.json")).unwrap();
    for name in ["b/inner/z.json", "b/a.json", "a/m.json", "c.json"] {
        fs::write(root.join(name), &draft).unwrap();
    }
    fs::write(root.join("a/notes.txt"), "not a draft").unwrap();
    std::os::unix::fs::symlink(root.join("c.json"), root.join("a/link.json")).unwrap();
    let output = check("json", &[root], &[]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let shown: Vec<String> =
        json_paths(&report).iter().map(|p| p.strip_prefix(root.to_str().unwrap()).unwrap().to_owned()).collect();
    assert_eq!(shown, ["/a/m.json", "/b/a.json", "/b/inner/z.json", "/c.json"]);
    assert!(stderr(&output).contains("link.json: a symbolic link, not followed"), "{}", stderr(&output));
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn a_fifo_is_skipped_with_a_note_and_never_opened() {
    let folder = tempfile::tempdir().unwrap();
    let fifo = folder.path().join("pipe.json");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    fs::copy(fixture("examples/child-fail.json"), folder.path().join("real.json")).unwrap();
    // Opening the FIFO would block for ever; `timeout` turns that into a failure.
    let output = Command::new("timeout")
        .args(["20", env!("CARGO_BIN_EXE_nrm"), "check", "--format", "json", "--today", TODAY])
        .arg(folder.path())
        .arg(&fifo)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "the real draft fails; the run finished");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["summary"]["files"], 1);
    assert_eq!(String::from_utf8_lossy(&output.stderr).matches("pipe.json: not a regular file").count(), 2);
}

#[test]
fn unreadable_and_broken_drafts_fail_and_the_batch_carries_on() {
    let folder = tempfile::tempdir().unwrap();
    fs::write(folder.path().join("1-broken.json"), "{\"format_version\": 3,").unwrap();
    fs::write(folder.path().join("2-binary.json"), [0xff, 0xfe, 0x00]).unwrap();
    fs::copy(fixture("examples/adult-scotland-pass.json"), folder.path().join("3-good.json")).unwrap();
    let output = check("json", &[folder.path()], &[]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let statuses: Vec<(&str, &str)> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["status"].as_str().unwrap(), f["findings"][0]["rule"].as_str().unwrap_or("-")))
        .collect();
    assert_eq!(statuses, [("fail", "INP001"), ("fail", "INP004"), ("pass", "-")]);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn order_is_the_order_named_whatever_the_number_of_workers() {
    let rules = fixture("rules");
    let examples = fixture("examples/child-fail.json");
    let one = stdout(&check("json", &[&examples, &rules], &["--jobs", "1"]));
    let many = stdout(&check("json", &[&examples, &rules], &["--jobs", "7"]));
    assert_eq!(one, many);
    let report: serde_json::Value = serde_json::from_str(&one).unwrap();
    let paths = json_paths(&report);
    assert!(paths[0].ends_with("examples/child-fail.json"));
    let mut sorted = paths[1..].to_vec();
    sorted.sort();
    assert_eq!(paths[1..], sorted[..], "a folder's drafts in sorted order");
    assert!(paths.len() > 200);
}

#[test]
fn bad_jobs_and_missing_paths_stop_the_run() {
    assert_eq!(check("json", &[&fixture("examples")], &["--jobs", "0"]).status.code(), Some(2));
    let output = check("json", &[&fixture("examples"), Path::new("missing-folder")], &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty(), "nothing is checked when a path does not exist");
}

/// check-jsonschema (PyPI), the validator a user would reach for; `bash .ci/test` installs it
/// into `target/tools/venv`.
fn check_jsonschema() -> Command {
    let installed = project().join("target/tools/venv/bin/check-jsonschema");
    Command::new(if installed.exists() { installed.as_os_str() } else { "check-jsonschema".as_ref() })
}

#[test]
fn sarif_is_valid_against_the_published_schema() {
    let folder = tempfile::tempdir().unwrap();
    let empty = folder.path().join("empty");
    fs::create_dir_all(&empty).unwrap();
    for (name, path) in [("all", fixture("")), ("none", empty)] {
        let report = folder.path().join(format!("{name}.sarif"));
        fs::write(&report, check("sarif", &[&path], &[]).stdout).unwrap();
        // The published schema writes its `language` pattern in ECMA-262's non-unicode dialect.
        let validation = check_jsonschema()
            .args(["--regex-variant", "nonunicode", "--schemafile"])
            .arg(project().join("tests/schemas/sarif-schema-2.1.0.json"))
            .arg(&report)
            .output()
            .expect("check-jsonschema is installed (bash .ci/test installs it)");
        assert!(validation.status.success(), "{name}: {}", String::from_utf8_lossy(&validation.stdout));
    }

    let sarif: serde_json::Value = serde_json::from_slice(&check("sarif", &[&fixture("")], &[]).stdout).unwrap();
    let run = &sarif["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let listed = stdout(&support::run(&["rules"], None)).lines().count();
    assert_eq!(rules.len(), listed, "every rule is described");
    assert!(rules.iter().all(|r| r["shortDescription"]["text"].as_str().is_some_and(|t| !t.is_empty())));
    let results = run["results"].as_array().unwrap();
    assert!(results.len() > 200);
    for result in results {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        assert!(["error", "warning", "note"].contains(&result["level"].as_str().unwrap()));
        let region = &result["locations"][0]["physicalLocation"]["region"];
        assert!(region["startLine"].as_u64().unwrap() >= 1 && region["startColumn"].as_u64().unwrap() >= 1);
    }
}

#[test]
fn junit_is_valid_against_the_ant_schema() {
    let folder = tempfile::tempdir().unwrap();
    for (name, paths) in [("all", vec![fixture("")]), ("none", vec![folder.path().join("empty")])] {
        fs::create_dir_all(folder.path().join("empty")).unwrap();
        let paths: Vec<&Path> = paths.iter().map(|p| p.as_path()).collect();
        let output = check("junit", &paths, &[]);
        let report = folder.path().join(format!("{name}.xml"));
        fs::write(&report, &output.stdout).unwrap();
        let xmllint = Command::new("xmllint")
            .args(["--noout", "--schema"])
            .arg(project().join("tests/schemas/JUnit.xsd"))
            .arg(&report)
            .output()
            .expect("xmllint is installed (bash .ci/test installs it)");
        assert!(xmllint.status.success(), "{name}: {}", String::from_utf8_lossy(&xmllint.stderr));
    }
    // The four version 3 examples, the four version 2 ones in `v2/` (two of which the service
    // would refuse: SVC001, SVC003) and the three version 1 originals in `v1/`.
    let xml = stdout(&check("junit", &[&fixture("examples")], &[]));
    assert!(xml.contains("tests=\"11\" failures=\"5\""), "{xml}");
    assert_eq!(xml.matches("<testcase ").count(), 11);
    assert_eq!(xml.matches("<failure ").count(), 5);
}

#[test]
fn github_annotations_name_file_line_column_and_rule() {
    let output = check("github", &[&fixture("examples")], &[]);
    let text = stdout(&output);
    let path = fixture("examples/child-fail.json").display().to_string();
    assert!(text.contains(&format!("::error file={path},line=9,col=31,title=FR001::")), "{text}");
    assert!(text.contains(&format!("::warning file={path},line=90,col=29,title=SAF002::")), "{text}");
    assert!(text.contains("title=URG001::") && text.contains("::notice file="), "{text}");
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn progress_shows_on_a_terminal_for_a_long_run_only() {
    // A draft that arrives on standard input after a second and a half makes the run long
    // whatever the machine's speed; the fixtures after it move the bar. A short run checks the
    // examples alone, which take well under the second the bar waits for.
    let run = |delay: &str, folder: &str| {
        format!(
            "(sleep {delay}; cat {}) | {} check --format json --today {TODAY} - {} > /dev/null",
            fixture("examples/child-fail.json").display(),
            env!("CARGO_BIN_EXE_nrm"),
            fixture(folder).display()
        )
    };
    // `script` gives the run a terminal; its transcript is what the terminal showed.
    let on_terminal = |command: &str| {
        let output = Command::new("script").args(["-qec", command, "/dev/null"]).output().unwrap();
        String::from_utf8_lossy(&output.stdout).contains("drafts checked")
    };
    assert!(on_terminal(&run("1.5", "rules")), "a bar on the terminal for a long run");
    assert!(!on_terminal(&run("0", "examples")), "no bar for a short run");
    let piped = Command::new("sh").args(["-c", &run("1.5", "rules")]).output().unwrap();
    assert!(piped.stderr.is_empty(), "no bar when standard error is not a terminal");
}
