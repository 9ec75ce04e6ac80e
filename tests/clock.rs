//! No test depends on the day it runs. `.ci/test` runs most of the suite again under faked
//! clocks; the slow tests it does not repeat (`.ci/clock-free`) run once with `NRM_NO_CLOCK` set,
//! under which nrm refuses to read the clock. These tests hold that split honest: nrm reads the
//! clock in one place only, that place obeys `NRM_NO_CLOCK`, and the tests left out of the faked
//! clocks read no clock of their own.

mod support;

use std::path::{Path, PathBuf};
use support::{TODAY, fixture, project, run};

/// The ways Rust code reads the wall clock (a monotonic `Instant` says how long, not when), or
/// runs a program under a faked one.
const CLOCK: [&str; 6] =
    ["Local::now", "Utc::now", "SystemTime::now", "OffsetDateTime::now", "chrono::Local", "\"faketime\""];

/// Every `.rs` file below a folder.
fn sources(folder: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(folder).unwrap_or_else(|e| panic!("{}: {e}", folder.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn reads_the_clock(path: &Path) -> Vec<&'static str> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    CLOCK.into_iter().filter(|call| text.contains(call)).collect()
}

/// The tests `.ci/test` runs only once, without the clock.
fn clock_free() -> Vec<String> {
    let list = std::fs::read_to_string(project().join(".ci/clock-free")).expect(".ci/clock-free is there");
    list.lines().filter(|line| !line.trim().is_empty() && !line.starts_with('#')).map(str::to_owned).collect()
}

#[test]
fn nrm_reads_the_clock_in_src_clock_rs_alone() {
    let mut files = Vec::new();
    sources(&project().join("src"), &mut files);
    assert!(files.len() > 40, "the sources were read ({})", files.len());
    let elsewhere: Vec<String> = files
        .iter()
        .filter(|path| !path.ends_with("src/clock.rs"))
        .filter_map(|path| {
            let calls = reads_the_clock(path);
            (!calls.is_empty()).then(|| format!("{}: {calls:?}", path.display()))
        })
        .collect();
    assert!(elsewhere.is_empty(), "the clock is read outside src/clock.rs: {elsewhere:?}");
    assert!(!reads_the_clock(&project().join("src/clock.rs")).is_empty(), "src/clock.rs is where it is read");
}

#[test]
fn with_nrm_no_clock_a_run_that_needs_the_clock_stops_and_one_that_does_not_runs() {
    let draft = fixture("examples/child-england-pass.json");
    let draft = draft.to_str().unwrap();
    let mut without_today = support::nrm();
    let refused = without_today.env("NRM_NO_CLOCK", "1").args(["check", draft]).output().unwrap();
    assert_eq!(refused.status.code(), Some(2), "a check without --today needs the clock");
    assert!(String::from_utf8_lossy(&refused.stderr).contains("NRM_NO_CLOCK"));
    let mut with_today = support::nrm();
    let checked = with_today.env("NRM_NO_CLOCK", "1").args(["check", "--today", TODAY, draft]).output().unwrap();
    assert_eq!(checked.status.code(), Some(0), "{}", String::from_utf8_lossy(&checked.stderr));
    // The JUnit report's timestamp is the run's own moment, so it too needs the clock.
    let junit = run(&["check", "--format", "junit", "--today", TODAY, draft], None);
    assert_eq!(junit.status.code(), Some(0));
    let mut junit_without = support::nrm();
    let stopped = junit_without.env("NRM_NO_CLOCK", "1").args(["check", "--format", "junit", "--today", TODAY, draft]);
    assert_eq!(stopped.output().unwrap().status.code(), Some(2));
}

#[test]
fn the_tests_the_faked_clocks_leave_out_read_no_clock_of_their_own() {
    let names = clock_free();
    assert!(!names.is_empty(), ".ci/clock-free names the tests it leaves out");
    // What such a test may reach: its own file and the shared modules of tests/.
    let mut shared = Vec::new();
    for folder in ["support", "form_support"] {
        sources(&project().join("tests").join(folder), &mut shared);
    }
    for name in &names {
        let file = project().join("tests").join(format!("{name}.rs"));
        assert!(file.is_file(), ".ci/clock-free names {name}, which is not a test of tests/");
        let calls = reads_the_clock(&file);
        assert!(calls.is_empty(), "{name}.rs reads the clock ({calls:?}): it must run under the faked clocks");
    }
    for path in shared {
        let calls = reads_the_clock(&path);
        assert!(calls.is_empty(), "{} reads the clock ({calls:?}), and clock-free tests use it", path.display());
    }
}
