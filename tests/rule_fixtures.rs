//! Runs `nrm check --format json` on every draft under `fixtures/` and compares the findings and
//! the exit status with the expectation in the `.toml` file next to the draft:
//!
//! ```toml
//! today = "2026-11-22"          # passed as --today
//! args = ["--deny-warnings"]    # optional extra arguments
//! [[finding]]                   # one table per finding; none when the draft is clean
//! rule = "CON003"
//! severity = "error"
//! pointer = ""
//! line = 1
//! column = 1
//! ```
//!
//! And no finding's message quotes the value at its pointer: the check runs without
//! `--show-values`.

mod support;

use serde::Deserialize;
use std::fmt;
use std::path::{Path, PathBuf};
use std::process::Output;
use support::drafts_under as drafts;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
struct Finding {
    rule: String,
    severity: String,
    pointer: String,
    line: u64,
    column: u64,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Finding { rule, severity, pointer, line, column } = self;
        write!(f, "{rule} {severity} {pointer:?} {line}:{column}")
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expectation {
    today: String,
    #[serde(default)]
    args: Vec<String>,
    #[serde(default)]
    finding: Vec<Finding>,
}

impl Expectation {
    fn load(draft: &Path) -> Expectation {
        let path = draft.with_extension("toml");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    fn reports(&self, rule: &str) -> bool {
        self.finding.iter().any(|f| f.rule == rule)
    }

    /// The status `nrm check` must exit with: 1 when a finding fails the draft.
    fn exit_code(&self) -> i32 {
        let deny_warnings = self.args.iter().any(|a| a == "--deny-warnings");
        let fails = |f: &Finding| f.severity == "error" || (deny_warnings && f.severity == "warning");
        i32::from(self.finding.iter().any(fails))
    }
}

fn fixtures_dir() -> PathBuf {
    support::project().join("fixtures")
}

fn file_name(path: &Path) -> &str {
    path.file_name().and_then(|n| n.to_str()).unwrap_or_default()
}

fn nrm(args: &[&str], draft: Option<&Path>) -> Output {
    support::nrm().args(args).args(draft).output().expect("run nrm")
}

/// The sorted findings of `nrm check` on one draft, and its exit status.
fn check(draft: &Path, today: &str, extra: &[String]) -> Result<(Vec<Finding>, i32), String> {
    let mut args = vec!["check", "--format", "json", "--today", today];
    args.extend(extra.iter().map(String::as_str));
    let out = nrm(&args, Some(draft));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let report: serde_json::Value =
        serde_json::from_slice(&out.stdout).map_err(|e| format!("stdout is not JSON ({e}); stderr: {stderr}"))?;
    let mut findings = Vec::<Finding>::deserialize(&report["files"][0]["findings"])
        .map_err(|e| format!("no files[0].findings ({e}); stderr: {stderr}"))?;
    findings.sort();
    Ok((findings, out.status.code().unwrap_or(-1)))
}

/// The findings of `a` that `b` lacks, counting repeats.
fn missing_from(a: &[Finding], b: &[Finding]) -> Vec<String> {
    let mut rest = b.to_vec();
    a.iter()
        .filter(|f| match rest.iter().position(|g| g == *f) {
            Some(i) => {
                rest.remove(i);
                false
            }
            None => true,
        })
        .map(|f| format!("\n    {f}"))
        .collect()
}

/// What differs between the expectation and what `nrm check` did on `draft`, if anything.
fn mismatch(draft: &Path) -> Option<String> {
    let name = draft.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap_or(draft).display();
    let expected = Expectation::load(draft);
    let (actual, code) = match check(draft, &expected.today, &expected.args) {
        Ok(outcome) => outcome,
        Err(e) => return Some(format!("{name}: {e}")),
    };
    let mut want = expected.finding.clone();
    want.sort();
    if want == actual && code == expected.exit_code() {
        return None;
    }
    let missing = missing_from(&want, &actual).concat();
    let unexpected = missing_from(&actual, &want).concat();
    Some(format!(
        "{name}: exit status expected {}, actual {code}\n  missing:{missing}\n  unexpected:{unexpected}",
        expected.exit_code()
    ))
}

#[test]
fn fixtures_give_the_expected_findings() {
    let drafts = drafts(&fixtures_dir());
    assert!(!drafts.is_empty(), "no fixtures");
    let failures: Vec<String> = std::thread::scope(|scope| {
        let workers: Vec<_> = drafts
            .chunks(drafts.len().div_ceil(8))
            .map(|chunk| scope.spawn(move || chunk.iter().filter_map(|d| mismatch(d)).collect::<Vec<_>>()))
            .collect();
        workers.into_iter().flat_map(|w| w.join().unwrap()).collect()
    });
    assert!(
        failures.is_empty(),
        "{} of {} fixtures differ:\n\n{}",
        failures.len(),
        drafts.len(),
        failures.join("\n\n")
    );
}

#[test]
fn every_rule_has_a_failing_and_a_passing_fixture() {
    let out = nrm(&["rules"], None);
    assert!(out.status.success(), "nrm rules failed");
    let listing = String::from_utf8(out.stdout).expect("UTF-8 rule list");
    let ids: Vec<&str> = listing.lines().filter_map(|l| l.split_whitespace().next()).collect();
    assert!(!ids.is_empty(), "nrm rules lists no rule");

    let rules_dir = fixtures_dir().join("rules");
    let mut gaps = Vec::new();
    for id in &ids {
        let dir = rules_dir.join(id);
        let fixtures = if dir.is_dir() { drafts(&dir) } else { Vec::new() };
        let has = |prefix: &str, reported: bool| {
            fixtures.iter().any(|d| file_name(d).starts_with(prefix) && Expectation::load(d).reports(id) == reported)
        };
        if !has("fails-", true) {
            gaps.push(format!("{id}: no fixtures/rules/{id}/fails-*.json that reports it"));
        }
        if !has("passes-", false) {
            gaps.push(format!("{id}: no fixtures/rules/{id}/passes-*.json that does not report it"));
        }
    }
    for entry in std::fs::read_dir(&rules_dir).expect("fixtures/rules") {
        let dir = entry.unwrap().path();
        if !ids.contains(&file_name(&dir)) {
            gaps.push(format!("{}: not a rule that nrm lists", dir.display()));
        }
    }
    assert!(gaps.is_empty(), "{}", gaps.join("\n"));
}

/// Every entry of the service's lists (and its organisations): a message may name the nearest
/// of them, which is the list's word, not the draft's.
fn list_entries() -> Vec<String> {
    let data = support::project().join("data");
    let read = |path: PathBuf| -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    let mut lists: Vec<serde_json::Value> =
        ["uk-cities-and-towns", "uk-regions", "uk-local-authorities", "uk-police-forces", "countries", "nationalities"]
            .iter()
            .map(|name| read(data.join("online-form").join(format!("{name}.json"))))
            .collect();
    lists.push(read(data.join("first-responders.json"))["online_form"]["organisations"].take());
    lists
        .iter()
        .filter_map(serde_json::Value::as_array)
        .flatten()
        .filter_map(|e| e.as_str().map(str::to_owned))
        .collect()
}

/// The pieces of a draft's value that a message must not hold: its text (three characters or
/// more, and not a code of the format's own, `snake_case`) and its numbers of three digits or more.
fn quotable(value: &serde_json::Value) -> Vec<String> {
    let code = |text: &str| text.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    match value {
        serde_json::Value::String(text) => {
            let text = text.trim();
            if text.chars().count() >= 3 && !code(text) { vec![text.to_owned()] } else { Vec::new() }
        }
        serde_json::Value::Number(number) => {
            let digits = number.to_string();
            if digits.chars().filter(char::is_ascii_digit).count() >= 3 { vec![digits] } else { Vec::new() }
        }
        serde_json::Value::Array(items) => {
            items.iter().filter(|item| !item.is_array() && !item.is_object()).flat_map(quotable).collect()
        }
        _ => Vec::new(),
    }
}

/// A message without the list entries it names in backticks (other than the value itself).
fn without_entries(message: &str, entries: &[String], value: &str) -> String {
    let mut message = message.to_owned();
    for entry in entries.iter().filter(|entry| entry.trim() != value) {
        message = message.replace(&format!("`{entry}`"), "``");
    }
    message
}

/// What a fixture's report quotes of the draft, if anything.
fn quoted(draft: &Path, entries: &[String]) -> Option<String> {
    let name = draft.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap_or(draft).display();
    // A file that is not UTF-8 or not JSON has no value at a pointer.
    let text = std::fs::read_to_string(draft).ok()?;
    let value: serde_json::Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).ok()?;
    let expected = Expectation::load(draft);
    assert!(!expected.args.iter().any(|a| a == "--show-values"), "{name}: a fixture is checked without values");
    let mut args = vec!["check", "--format", "json", "--today", &expected.today];
    args.extend(expected.args.iter().map(String::as_str));
    let Ok(report) = serde_json::from_slice::<serde_json::Value>(&nrm(&args, Some(draft)).stdout) else {
        return Some(format!("{name}: stdout is not JSON"));
    };
    let findings = report["files"][0]["findings"].as_array().cloned().unwrap_or_default();
    let quotes: Vec<String> = findings
        .iter()
        .filter_map(|finding| {
            let (pointer, message) = (finding["pointer"].as_str()?, finding["message"].as_str()?);
            let at = value.pointer(pointer)?;
            let found = quotable(at)
                .into_iter()
                .find(|piece| without_entries(message, entries, piece).contains(piece.as_str()))?;
            Some(format!("\n    {} at {pointer:?} quotes {found:?}: {message}", finding["rule"]))
        })
        .collect();
    (!quotes.is_empty()).then(|| format!("{name}:{}", quotes.concat()))
}

#[test]
fn no_message_quotes_the_value_at_its_pointer() {
    let drafts = drafts(&fixtures_dir());
    let entries = list_entries();
    let entries = &entries;
    let failures: Vec<String> = std::thread::scope(|scope| {
        let workers: Vec<_> = drafts
            .chunks(drafts.len().div_ceil(8))
            .map(|chunk| scope.spawn(move || chunk.iter().filter_map(|d| quoted(d, entries)).collect::<Vec<_>>()))
            .collect();
        workers.into_iter().flat_map(|w| w.join().unwrap()).collect()
    });
    assert!(failures.is_empty(), "{} fixtures' reports quote the draft:\n\n{}", failures.len(), failures.join("\n\n"));
}

#[test]
fn a_draft_may_be_one_mebibyte_but_no_more() {
    const MIB: usize = 1 << 20;
    let too_big =
        Finding { rule: "INP004".into(), severity: "error".into(), pointer: String::new(), line: 1, column: 1 };
    let dir = tempfile::tempdir().expect("temp dir");
    let mut draft = std::fs::read(fixtures_dir().join("examples/adult-scotland-pass.json")).unwrap();
    for (size, expected) in [(MIB, (vec![], 0)), (MIB + 1, (vec![too_big], 1))] {
        // Trailing whitespace keeps the JSON well-formed.
        draft.resize(size, b' ');
        let path = dir.path().join(format!("draft-{size}.json"));
        std::fs::write(&path, &draft).unwrap();
        assert_eq!(check(&path, "2026-11-22", &[]), Ok(expected), "a draft of {size} bytes");
    }
}
