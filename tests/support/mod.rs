//! Running the built `nrm` binary from integration tests.
#![allow(dead_code, reason = "each test crate uses part of this module")]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The day the fixtures' dates are written for.
pub const TODAY: &str = "2026-11-22";

pub fn nrm() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_nrm"));
    // No config from the machine running the tests.
    command.env_remove("NRM_CONFIG").env("XDG_CONFIG_HOME", "/nonexistent").env("NO_COLOR", "1");
    command
}

/// Runs `nrm` with these arguments and optional standard input.
pub fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = nrm()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("nrm starts");
    let mut input = child.stdin.take().expect("stdin is piped");
    input.write_all(stdin.unwrap_or_default()).expect("stdin accepts the draft");
    drop(input);
    child.wait_with_output().expect("nrm finishes")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// The project's own folder (fixtures are relative to it).
pub fn project() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(path: &str) -> PathBuf {
    project().join("fixtures").join(path)
}

/// Every `*.json` file below a folder, sorted.
pub fn drafts_under(folder: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(folder).unwrap_or_else(|e| panic!("{}: {e}", folder.display())) {
        let path = entry.expect("folder entry").path();
        if path.is_dir() {
            found.extend(drafts_under(&path));
        } else if path.extension().is_some_and(|e| e == "json") {
            found.push(path);
        }
    }
    found.sort();
    found
}

/// Every draft under `fixtures/`, sorted.
pub fn all_fixture_drafts() -> Vec<PathBuf> {
    drafts_under(&project().join("fixtures"))
}

/// The `--format json` report of one check.
pub fn check_json(args: &[&str]) -> (serde_json::Value, Option<i32>) {
    let output = run(&[&["check", "--format", "json", "--today", TODAY], args].concat(), None);
    let report = serde_json::from_slice(&output.stdout).expect("the JSON report parses");
    (report, output.status.code())
}

/// The rule IDs of the first file in a JSON report.
pub fn rule_ids(report: &serde_json::Value) -> Vec<String> {
    report["files"][0]["findings"]
        .as_array()
        .expect("findings are a list")
        .iter()
        .map(|f| f["rule"].as_str().expect("rule is text").to_owned())
        .collect()
}
