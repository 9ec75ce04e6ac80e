//! A batch `nrm render` killed outright (SIGKILL) at several points: each time only whole
//! packages are left, and the next run removes the temporary folders the killed one left, says so
//! without naming anyone, and leaves every package in place.

mod support;

use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};
use support::{TODAY, fixture, nrm};

/// Drafts in the batch: enough that every kill below lands part-way.
const DRAFTS: usize = 160;
/// Values of the drafts that must never appear in the note.
const GIVEN: &str = "Ștefania";
const FAMILY: &str = "Popescu";
const PREFIX: &str = "KILL-";

fn reference(i: usize) -> String {
    format!("{PREFIX}{i:04}")
}

/// A folder of passing drafts, each with its own reference.
fn batch(folder: &Path) -> PathBuf {
    let drafts = folder.join("drafts");
    fs::create_dir(&drafts).unwrap();
    let mut draft: Value =
        serde_json::from_slice(&fs::read(fixture("examples/adult-scotland-pass.json")).unwrap()).unwrap();
    assert_eq!(draft["potential_victim"]["given_names"], GIVEN);
    for i in 0..DRAFTS {
        draft["reference"] = json!(reference(i));
        fs::write(drafts.join(format!("{i:04}.json")), serde_json::to_vec_pretty(&draft).unwrap()).unwrap();
    }
    drafts
}

fn render(out: &Path, drafts: &Path, force: bool) -> std::process::Command {
    let mut command = nrm();
    command.args(["render", "--today", TODAY, "--jobs", "2", "--out"]).arg(out).arg(drafts);
    if force {
        command.arg("--force");
    }
    command
}

/// A render running in the background; nothing is read from it, so nothing can block it.
fn start(out: &Path, drafts: &Path, force: bool) -> Child {
    render(out, drafts, force).stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap()
}

/// The names in the output folder: packages, and the temporaries (`.nrm-…`) of a run.
#[derive(Default)]
struct Listing {
    packages: BTreeSet<String>,
    temporaries: Vec<String>,
}

fn list(out: &Path) -> Listing {
    let mut listing = Listing::default();
    let Ok(entries) = fs::read_dir(out) else { return listing };
    // Entries come and go while a run writes; a vanished one is simply not listed.
    for entry in entries.flatten() {
        let name = entry.file_name().into_string().unwrap();
        if name.starts_with(".nrm-") {
            listing.temporaries.push(name);
        } else {
            listing.packages.insert(name);
        }
    }
    listing
}

/// Waits for the run to stop or to be stopped, reaping it only when it has ended.
fn wait_stopped(child: &Child) -> bool {
    let mut status = 0;
    let pid = i32::try_from(child.id()).unwrap();
    // SAFETY: waits on our own child; `status` is a valid pointer.
    assert_eq!(unsafe { libc::waitpid(pid, &mut status, libc::WUNTRACED) }, pid);
    libc::WIFSTOPPED(status)
}

fn signal(child: &Child, signal: i32) {
    // SAFETY: signals our own child, which is not yet reaped.
    assert_eq!(unsafe { libc::kill(i32::try_from(child.id()).unwrap(), signal) }, 0);
}

/// Kills the run with SIGKILL as soon as `when` holds for the output folder, and tells whether it
/// did; the run may have finished first. With `frozen`, the run is first stopped (SIGSTOP) and
/// the folder looked at again, so that the kill leaves exactly what `when` saw, however briefly a
/// temporary lives on this machine; `frozen` is then called, with the run alive but stopped.
fn kill_when(
    mut child: Child,
    out: &Path,
    frozen: Option<&dyn Fn()>,
    when: impl Fn(&Listing, Duration) -> bool,
) -> bool {
    let started = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        if when(&list(out), started.elapsed()) {
            let Some(frozen) = frozen else {
                child.kill().unwrap();
                child.wait().unwrap();
                return true;
            };
            signal(&child, libc::SIGSTOP);
            if !wait_stopped(&child) {
                return false;
            }
            if when(&list(out), started.elapsed()) {
                frozen();
                child.kill().unwrap();
                // SIGKILL ends a stopped process too.
                child.wait().unwrap();
                return true;
            }
            signal(&child, libc::SIGCONT);
        }
        std::thread::yield_now();
    }
}

/// While a run is alive (stopped, holding a temporary), another run removes nothing of it.
fn another_run_leaves_a_live_one_alone(out: &Path, drafts: &Path) {
    let before = list(out);
    // A draft whose package is there: this run is refused it, and writes nothing.
    let reference = before.packages.first().expect("a package is there");
    let draft = drafts.join(format!("{}.json", reference.strip_prefix(PREFIX).unwrap()));
    let output = render(out, &draft, false).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(!stderr.contains("left by an earlier run"), "{stderr}");
    let after = list(out).temporaries;
    assert!(before.temporaries.iter().all(|t| after.contains(t)), "{:?} became {after:?}", before.temporaries);
}

/// After a kill: every package there is whole. Returns the temporaries left.
fn only_whole_packages(out: &Path, when: &str) -> Vec<String> {
    let listing = list(out);
    for name in &listing.packages {
        assert!(name.starts_with(PREFIX), "{when}: {name} is not a package");
        if let Err(differences) = nrm::package::verify(&out.join(name)) {
            panic!("{when}: {name} is not whole: {differences:?}");
        }
    }
    listing.temporaries
}

/// Every entry below `folder`, symbolic links not followed.
fn every_name(folder: &Path, names: &mut Vec<String>) {
    for entry in fs::read_dir(folder).unwrap() {
        let entry = entry.unwrap();
        names.push(entry.file_name().into_string().unwrap());
        if entry.file_type().unwrap().is_dir() {
            every_name(&entry.path(), names);
        }
    }
}

/// A run to completion after a kill, skipping the packages there already: it removes every
/// temporary, with one note that names no one, and every draft has a whole package.
fn complete(out: &Path, drafts: &Path, left: &[String]) {
    // A package set aside by a killed --force whose place is empty is put back, not removed.
    let put_back = left
        .iter()
        .filter(|name| name.starts_with(".nrm-old-"))
        .filter_map(|name| fs::read(out.join(name).join("package/manifest.json")).ok())
        .filter(|manifest| {
            let manifest: Value = serde_json::from_slice(manifest).unwrap();
            !out.join(manifest["reference"].as_str().unwrap()).exists()
        })
        .count();
    let output = render(out, drafts, false).output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    let notes: Vec<&str> = stderr.lines().filter(|line| line.contains("left by an earlier run")).collect();
    if left.is_empty() {
        assert!(notes.is_empty(), "a note with nothing to remove: {notes:?}");
    } else {
        let plural = if left.len() == 1 { "" } else { "s" };
        let mut expected =
            format!("nrm: removed {} temporary folder{plural} left by an earlier run that was stopped", left.len());
        if put_back > 0 {
            let plural = if put_back == 1 { "" } else { "s" };
            expected.push_str(&format!(", and put back {put_back} package{plural} it was replacing"));
        }
        assert_eq!(notes, [expected.as_str()], "{stderr}");
        for value in [PREFIX, GIVEN, FAMILY, out.to_str().unwrap(), ".nrm", "/"] {
            assert!(!notes[0].contains(value), "the note names {value}: {}", notes[0]);
        }
    }
    // The packages there already are refused (exit 2): a run that refuses tidies up too.
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    let mut names = Vec::new();
    every_name(out, &mut names);
    assert!(names.iter().all(|name| !name.starts_with(".nrm-")), "temporaries left: {names:?}");
    let listing = list(out);
    assert_eq!(listing.packages.len(), DRAFTS, "every draft has its package");
    for i in 0..DRAFTS {
        let package = out.join(reference(i));
        assert!(nrm::package::verify(&package).is_ok(), "{} is not whole", package.display());
    }
}

#[test]
fn a_killed_render_leaves_whole_packages_and_the_next_run_tidies_up() {
    let folder = tempfile::tempdir().unwrap();
    let drafts = batch(folder.path());
    let out = folder.path().join("packages");
    let mut stale_seen = 0;
    let mut kills = 0;
    let mut after = |killed: bool, when: &str| {
        kills += usize::from(killed);
        let left = only_whole_packages(&out, when);
        stale_seen += usize::from(!left.is_empty());
        left
    };

    // Each run skips the packages there already (refusing them) and writes the others.
    let killed = kill_when(start(&out, &drafts, false), &out, None, |l, _| !l.packages.is_empty());
    after(killed, "killed after the first package");
    let killed = kill_when(start(&out, &drafts, false), &out, None, |_, elapsed| elapsed >= Duration::from_millis(50));
    after(killed, "killed 50 ms in");
    let written = list(&out).packages.len();
    let killed = kill_when(start(&out, &drafts, false), &out, None, |l, _| l.packages.len() >= written + 20);
    after(killed, "killed after 20 more packages");
    let killed = kill_when(start(&out, &drafts, false), &out, None, |_, elapsed| elapsed >= Duration::from_millis(700));
    let before = after(killed, "killed 700 ms in");
    // What the last kill left is removed as this run starts: wait for a temporary of its own.
    let killed = kill_when(
        start(&out, &drafts, false),
        &out,
        Some(&|| another_run_leaves_a_live_one_alone(&out, &drafts)),
        |l, _| l.temporaries.iter().any(|t| !before.contains(t)),
    );
    assert!(killed, "the run was killed while it had a temporary folder");
    let left = after(killed, "killed with a temporary folder");
    complete(&out, &drafts, &left);

    // A --force run replaces each package, moving the old one aside first.
    let killed = kill_when(start(&out, &drafts, true), &out, None, |_, elapsed| elapsed >= Duration::from_millis(1500));
    let before = after(killed, "--force killed 1.5 s in");
    let killed = kill_when(
        start(&out, &drafts, true),
        &out,
        Some(&|| another_run_leaves_a_live_one_alone(&out, &drafts)),
        |l, _| l.temporaries.iter().any(|t| t.starts_with(".nrm-old-") && !before.contains(t)),
    );
    assert!(killed, "the --force run was killed while it had an old package aside");
    let left = after(killed, "--force killed with an old package aside");
    complete(&out, &drafts, &left);

    assert!(kills >= 5, "most runs were killed part-way: {kills}");
    assert!(stale_seen >= 2, "kills left temporary folders to remove: {stale_seen}");
}
