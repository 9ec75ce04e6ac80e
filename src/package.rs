//! Writing a package safely: into a private temporary folder beside its destination, each file
//! mode 0600 and synced, then renamed into place only when whole, so a package is whole or absent
//! however a run ends; an existing package is replaced only when asked. Ctrl-C or SIGTERM leaves
//! no temporary folder either. A run killed outright (SIGKILL, a crash, a power cut) cannot tidy
//! up, so its temporary folders, which hold people's data, stay until the next run that writes
//! packages into that folder: it removes them ([`sweep`]) once it has proof that no writer is
//! alive, and puts back an old package a killed `--force` had moved aside but not yet replaced.
//!
//! The proof is an advisory lock (flock) on the folder itself: every writer, [`write`] and
//! [`write_file`], holds it shared for as long as it has a temporary there, and the kernel drops
//! it when the process ends, however it ends. A sweep that can take it exclusively knows that
//! every temporary in the folder is a dead run's. Process IDs would prove nothing (they are
//! reused), and a lock file could be deleted or replaced under a live run; a lock on the folder
//! goes wherever its temporaries go, and adds no entry to it.

use crate::render::File;
use std::ffi::OsStr;
use std::fs::{self, DirBuilder, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

/// Set by Ctrl-C (or SIGTERM) during `nrm render`: no package is renamed into place after it.
pub static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// The temporaries' names: a prefix and this many random letters and digits, nothing else.
const STAGING: &str = ".nrm-";
const OLD: &str = ".nrm-old-";
const RANDOM: usize = 6;

pub enum Refusal {
    /// The package exists and `--force` was not given.
    Exists(PathBuf),
    Interrupted,
    Io(String),
}

/// Where a reference's package goes.
pub fn destination(out: &Path, reference: &str) -> PathBuf {
    out.join(reference)
}

/// Refuses early, before any work, when the package exists and may not be replaced.
pub fn may_write(out: &Path, reference: &str, force: bool) -> Result<(), Refusal> {
    let path = destination(out, reference);
    if !force && path.symlink_metadata().is_ok() { Err(Refusal::Exists(path)) } else { Ok(()) }
}

/// Whether a name is a reference as the schema has it: a package folder's name. None starts with
/// a dot, so no package is ever taken for a temporary.
fn is_reference(name: &str) -> bool {
    let mut chars = name.chars();
    name.len() <= 64
        && chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

/// Writes the files as `out/<reference>/`.
pub fn write(out: &Path, reference: &str, files: &[File], force: bool) -> Result<PathBuf, Refusal> {
    let io = |what: &str, e: io::Error| Refusal::Io(format!("{what}: {e}"));
    if !is_reference(reference) {
        return Err(Refusal::Io("the reference cannot name a package folder".into()));
    }
    DirBuilder::new().recursive(true).mode(0o700).create(out).map_err(|e| io("cannot create the output folder", e))?;
    let destination = destination(out, reference);
    may_write(out, reference, force)?;
    // Declared first so that it is released last, after the temporary folders below are gone.
    let _writing = Writing::start(out).map_err(|e| io("cannot lock the output folder", e))?;
    // Removed by tempfile if anything below fails.
    let staging = tempfile::Builder::new()
        .prefix(STAGING)
        .rand_bytes(RANDOM)
        .permissions(fs::Permissions::from_mode(0o700))
        .tempdir_in(out)
        .map_err(|e| io("cannot create a temporary folder", e))?;
    for file in files {
        let mut handle = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(staging.path().join(file.name))
            .map_err(|e| io("cannot write the package", e))?;
        handle
            .write_all(&file.bytes)
            .and_then(|()| handle.sync_all())
            .map_err(|e| io("cannot write the package", e))?;
    }
    fs::File::open(staging.path()).and_then(|dir| dir.sync_all()).map_err(|e| io("cannot write the package", e))?;
    if INTERRUPTED.load(Ordering::SeqCst) {
        return Err(Refusal::Interrupted);
    }
    // With --force, the old package moves into a temporary folder first, removed at the end; a
    // sweep puts it back if the run dies before the new one is in place.
    let mut old = None;
    if force && destination.symlink_metadata().is_ok() {
        let aside = tempfile::Builder::new()
            .prefix(OLD)
            .rand_bytes(RANDOM)
            .permissions(fs::Permissions::from_mode(0o700))
            .tempdir_in(out)
            .map_err(|e| io("cannot replace the package", e))?;
        fs::rename(&destination, aside.path().join(ASIDE)).map_err(|e| io("cannot replace the package", e))?;
        old = Some(aside);
    }
    let staged = staging.keep();
    if let Err(error) = fs::rename(&staged, &destination) {
        let _ = fs::remove_dir_all(&staged);
        if let Some(aside) = &old {
            let _ = fs::rename(aside.path().join(ASIDE), &destination);
        }
        return Err(match error.kind() {
            io::ErrorKind::DirectoryNotEmpty | io::ErrorKind::AlreadyExists => Refusal::Exists(destination),
            _ => io("cannot move the package into place", error),
        });
    }
    fs::File::open(out).and_then(|dir| dir.sync_all()).map_err(|e| io("cannot write the package", e))?;
    drop(old);
    Ok(destination)
}

/// The old package's name inside its `.nrm-old-` folder.
const ASIDE: &str = "package";

/// Files a package may hold besides those its manifest lists: the email, and its sending.
pub const EXTRAS: [&str; 2] = ["email.eml", "sent.json"];

/// Checks every file of a package against its manifest. The error lists each difference, by
/// file name.
pub fn verify(package: &Path) -> Result<(), Vec<String>> {
    let text = fs::read(package.join(crate::render::MANIFEST)).map_err(|e| vec![format!("manifest.json: {e}")])?;
    let manifest: serde_json::Value =
        serde_json::from_slice(&text).map_err(|e| vec![format!("manifest.json is not valid JSON: {e}")])?;
    let listed = manifest["files"].as_array().cloned().unwrap_or_default();
    let mut differences = Vec::new();
    let mut names = vec![crate::render::MANIFEST.to_owned()];
    for file in &listed {
        let name = file["name"].as_str().unwrap_or_default();
        names.push(name.to_owned());
        if name.is_empty() || name.contains('/') {
            differences.push("manifest.json lists a file name that is not a plain name".to_owned());
            continue;
        }
        match fs::read(package.join(name)) {
            Ok(bytes) if file["bytes"].as_u64() != Some(bytes.len() as u64) => {
                differences.push(format!("{name}: size differs"))
            }
            Ok(bytes) if file["sha256"].as_str() != Some(crate::render::sha256(&bytes).as_str()) => {
                differences.push(format!("{name}: SHA-256 differs"));
            }
            Ok(_) => {}
            Err(e) => differences.push(format!("{name}: {e}")),
        }
    }
    if listed.is_empty() {
        differences.push("manifest.json lists no files".to_owned());
    }
    match fs::read_dir(package) {
        Ok(entries) => {
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                if !names.contains(&name) && !EXTRAS.contains(&name.as_str()) {
                    differences.push(format!("{name}: not in the manifest"));
                }
            }
        }
        Err(e) => differences.push(format!("cannot read the package: {e}")),
    }
    if differences.is_empty() { Ok(()) } else { Err(differences) }
}

/// Writes one file into an existing package (or a draft into its folder): a private temporary
/// file, synced, renamed over.
pub fn write_file(package: &Path, name: &str, bytes: &[u8]) -> io::Result<()> {
    // Released after the temporary file is gone, so that a sweep never takes a live one.
    let _writing = Writing::start(package)?;
    let mut file = tempfile::Builder::new()
        .prefix(STAGING)
        .rand_bytes(RANDOM)
        .permissions(fs::Permissions::from_mode(0o600))
        .tempfile_in(package)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    file.persist(package.join(name)).map_err(|e| e.error)?;
    fs::File::open(package)?.sync_all()
}

/// A shared lock on a folder, held while something is written into it; the kernel releases it
/// when the process ends, however it ends.
struct Writing {
    _lock: fs::File,
}

impl Writing {
    fn start(folder: &Path) -> io::Result<Writing> {
        let handle = fs::File::open(folder)?;
        // Waits only while a sweep holds the folder, which is brief.
        match handle.lock_shared() {
            // A file system without locks: no sweep can lock it either, so none removes anything.
            Err(error) if error.kind() == io::ErrorKind::Unsupported => {}
            locked => locked?,
        }
        Ok(Writing { _lock: handle })
    }
}

/// What a sweep removed from an output folder, and put back.
#[derive(Debug, Default, PartialEq)]
pub struct Swept {
    /// Temporary folders (`.nrm-*`), with what they held.
    pub folders: usize,
    /// Temporary files (`.nrm-*`) in the folder or in its packages.
    pub files: usize,
    /// Packages a killed `--force` had moved aside before their replacement was in place.
    pub restored: usize,
}

impl Swept {
    /// The note for standard error, when anything was done: counts only, never a name or a path.
    pub fn note(&self) -> Option<String> {
        let count = |n: usize, what: &str| match n {
            0 => None,
            1 => Some(format!("1 {what}")),
            n => Some(format!("{n} {what}s")),
        };
        let removed: Vec<String> = [count(self.folders, "temporary folder"), count(self.files, "temporary file")]
            .into_iter()
            .flatten()
            .collect();
        if removed.is_empty() {
            return None;
        }
        let mut note = format!("nrm: removed {} left by an earlier run that was stopped", removed.join(" and "));
        if let Some(restored) = count(self.restored, "package") {
            note.push_str(&format!(", and put back {restored} it was replacing"));
        }
        Some(note)
    }
}

/// What a name in an output folder is, when it is one of the temporaries this module makes.
#[derive(PartialEq)]
enum Temporary {
    /// A package being written, or one file being written into a folder.
    Staging,
    /// An old package being replaced.
    Old,
}

fn temporary(name: &OsStr) -> Option<Temporary> {
    let name = name.to_str()?;
    let random = |rest: &str| rest.len() == RANDOM && rest.bytes().all(|b| b.is_ascii_alphanumeric());
    if name.strip_prefix(OLD).is_some_and(random) {
        Some(Temporary::Old)
    } else if name.strip_prefix(STAGING).is_some_and(random) {
        Some(Temporary::Staging)
    } else {
        None
    }
}

/// Removes what runs killed part-way left in `out`, if no writer is alive in it: the temporary
/// folders and files in it, and the temporary files in its packages (where `nrm email` writes).
/// A package a killed `--force` had moved aside, whose place is still empty, is put back. Only
/// names this module makes are touched, and no symbolic link is followed. When another writer is
/// alive nothing is removed: a later run will.
pub fn sweep(out: &Path) -> io::Result<Swept> {
    let mut swept = Swept::default();
    let folder = match fs::File::open(out) {
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(swept),
        opened => opened?,
    };
    // Not a folder: there is nothing to sweep, and writing says what is wrong.
    if !folder.metadata()?.is_dir() {
        return Ok(swept);
    }
    // A lock that cannot be taken proves nothing (another writer, or a file system without locks).
    if folder.try_lock().is_err() {
        return Ok(swept);
    }
    for entry in fs::read_dir(out)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        let path = entry.path();
        match temporary(&entry.file_name()) {
            Some(Temporary::Old) if kind.is_dir() => {
                swept.restored += usize::from(put_back(out, &path.join(ASIDE))?);
                fs::remove_dir_all(&path)?;
                swept.folders += 1;
            }
            Some(Temporary::Staging) if kind.is_dir() => {
                fs::remove_dir_all(&path)?;
                swept.folders += 1;
            }
            Some(Temporary::Staging) if kind.is_file() => {
                fs::remove_file(&path)?;
                swept.files += 1;
            }
            None if kind.is_dir() && entry.file_name().to_str().is_some_and(is_reference) => {
                swept.files += sweep_package(&path)?;
            }
            _ => {}
        }
    }
    Ok(swept)
}

/// Removes the temporary files a killed `nrm email` left in one package, if none is being
/// written: else the package would never verify again ("not in the manifest").
pub fn sweep_one(package: &Path) -> io::Result<Swept> {
    Ok(Swept { files: sweep_package(package)?, ..Swept::default() })
}

/// Removes the temporary files a killed run left in one package, if none is being written.
fn sweep_package(package: &Path) -> io::Result<usize> {
    let held = fs::File::open(package)?;
    if held.try_lock().is_err() {
        return Ok(0);
    }
    let mut removed = 0;
    for entry in fs::read_dir(package)? {
        let entry = entry?;
        if entry.file_type()?.is_file() && temporary(&entry.file_name()) == Some(Temporary::Staging) {
            fs::remove_file(entry.path())?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// Moves a package set aside by a killed `--force` back to its place, when that is still empty.
fn put_back(out: &Path, aside: &Path) -> io::Result<bool> {
    if !aside.symlink_metadata().is_ok_and(|meta| meta.is_dir()) {
        return Ok(false);
    }
    let Ok(manifest) = fs::read(aside.join(crate::render::MANIFEST)) else { return Ok(false) };
    let manifest: serde_json::Value = serde_json::from_slice(&manifest).unwrap_or_default();
    let Some(reference) = manifest["reference"].as_str().filter(|r| is_reference(r)) else { return Ok(false) };
    let place = destination(out, reference);
    if place.symlink_metadata().is_ok() {
        return Ok(false);
    }
    fs::rename(aside, &place)?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    /// A package as `write` leaves it, with one file.
    fn package(out: &Path, name: &str, reference: &str) -> PathBuf {
        let folder = out.join(name);
        fs::create_dir_all(&folder).unwrap();
        fs::write(folder.join("manifest.json"), format!(r#"{{"reference": "{reference}"}}"#)).unwrap();
        folder
    }

    fn names(folder: &Path) -> Vec<String> {
        let mut names: Vec<String> =
            fs::read_dir(folder).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        names.sort();
        names
    }

    #[test]
    fn what_a_dead_run_left_is_removed() {
        let out = tempfile::tempdir().unwrap();
        let out = out.path();
        fs::create_dir(out.join(".nrm-a1B2c3")).unwrap();
        fs::write(out.join(".nrm-a1B2c3/referral.pdf"), "a person's data").unwrap();
        fs::create_dir(out.join(".nrm-old-Zz9yY8")).unwrap();
        package(out, "REF-1", "REF-1");
        package(&out.join(".nrm-old-Zz9yY8"), ASIDE, "REF-1");
        fs::write(out.join("REF-1/.nrm-q1w2e3"), "an email half written").unwrap();
        fs::write(out.join(".nrm-000000"), "a draft half saved").unwrap();
        let swept = sweep(out).unwrap();
        assert_eq!(swept, Swept { folders: 2, files: 2, restored: 0 });
        assert_eq!(names(out), ["REF-1"]);
        assert_eq!(names(&out.join("REF-1")), ["manifest.json"]);
        assert_eq!(
            swept.note().unwrap(),
            "nrm: removed 2 temporary folders and 2 temporary files left by an earlier run that was stopped"
        );
        assert_eq!(sweep(out).unwrap(), Swept::default(), "nothing is left the second time");
        assert_eq!(Swept::default().note(), None, "no note when nothing was done");
    }

    #[test]
    fn a_package_moved_aside_by_a_killed_force_is_put_back() {
        let out = tempfile::tempdir().unwrap();
        let out = out.path();
        fs::create_dir(out.join(".nrm-old-abcdef")).unwrap();
        package(&out.join(".nrm-old-abcdef"), ASIDE, "REF-2");
        fs::create_dir(out.join(".nrm-ghijkl")).unwrap();
        let swept = sweep(out).unwrap();
        assert_eq!(swept, Swept { folders: 2, files: 0, restored: 1 });
        assert_eq!(names(out), ["REF-2"]);
        assert!(out.join("REF-2/manifest.json").is_file());
        assert!(swept.note().unwrap().ends_with("stopped, and put back 1 package it was replacing"));
    }

    #[test]
    fn nothing_is_removed_while_a_writer_is_alive() {
        let out = tempfile::tempdir().unwrap();
        let out = out.path();
        fs::create_dir(out.join(".nrm-a1b2c3")).unwrap();
        package(out, "REF-3", "REF-3");
        fs::write(out.join("REF-3/.nrm-q1w2e3"), "being written").unwrap();
        // A lock is held by an open file description, so this one stands for another live run.
        let live = Writing::start(out).unwrap();
        assert_eq!(sweep(out).unwrap(), Swept::default());
        assert!(out.join(".nrm-a1b2c3").is_dir() && out.join("REF-3/.nrm-q1w2e3").is_file());
        drop(live);
        // A writer inside a package (`nrm email`) keeps its own file, not the folder's temporaries.
        let live = Writing::start(&out.join("REF-3")).unwrap();
        assert_eq!(sweep(out).unwrap(), Swept { folders: 1, files: 0, restored: 0 });
        assert!(out.join("REF-3/.nrm-q1w2e3").is_file());
        drop(live);
        assert_eq!(sweep(out).unwrap(), Swept { folders: 0, files: 1, restored: 0 });
    }

    #[test]
    fn a_live_writer_in_another_thread_holds_off_a_sweep() {
        let out = tempfile::tempdir().unwrap();
        let writer = {
            let out = out.path().to_owned();
            std::thread::spawn(move || {
                let _writing = Writing::start(&out).unwrap();
                fs::create_dir(out.join(".nrm-live00")).unwrap();
                std::thread::sleep(std::time::Duration::from_millis(300));
                fs::remove_dir(out.join(".nrm-live00")).unwrap();
            })
        };
        while !out.path().join(".nrm-live00").exists() {
            std::thread::yield_now();
        }
        assert_eq!(sweep(out.path()).unwrap(), Swept::default(), "a live writer's folder stays");
        writer.join().unwrap();
    }

    #[test]
    fn other_names_and_symbolic_links_are_left_alone() {
        let out = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        let out = out.path();
        fs::create_dir(elsewhere.path().join("data")).unwrap();
        fs::write(elsewhere.path().join(".nrm-q1w2e3"), "not ours").unwrap();
        let kept = [".nrm-abc12", ".nrm-abc1234", ".nrm-ab-c12", ".nrm-lock", ".nrmabcdef", "notes.txt", "nrm-abcdef"];
        for name in kept {
            fs::create_dir(out.join(name)).unwrap();
        }
        symlink(elsewhere.path().join("data"), out.join(".nrm-sym123")).unwrap();
        symlink(elsewhere.path().join("data"), out.join(".nrm-old-sym123")).unwrap();
        symlink(elsewhere.path(), out.join("REF-LINKED")).unwrap();
        package(out, "REF-4", "REF-4");
        fs::create_dir(out.join("REF-4/.nrm-dir123")).unwrap();
        symlink(elsewhere.path().join(".nrm-q1w2e3"), out.join("REF-4/.nrm-lnk123")).unwrap();
        assert_eq!(sweep(out).unwrap(), Swept::default());
        let mut expected: Vec<&str> = kept.into();
        expected.extend([".nrm-old-sym123", ".nrm-sym123", "REF-4", "REF-LINKED"]);
        expected.sort();
        assert_eq!(names(out), expected);
        assert_eq!(names(&out.join("REF-4")), [".nrm-dir123", ".nrm-lnk123", "manifest.json"]);
        assert_eq!(names(elsewhere.path()), [".nrm-q1w2e3", "data"]);
        assert_eq!(sweep(&out.join("missing")).unwrap(), Swept::default(), "no folder, nothing to do");
    }

    #[test]
    fn a_written_package_leaves_no_temporary() {
        let out = tempfile::tempdir().unwrap();
        let files = [File { name: "manifest.json", bytes: br#"{"reference": "REF-5"}"#.to_vec() }];
        for force in [false, true] {
            assert!(write(out.path(), "REF-5", &files, force).is_ok());
            assert_eq!(names(out.path()), ["REF-5"]);
        }
        write_file(&out.path().join("REF-5"), "email.eml", b"mail").unwrap();
        assert_eq!(names(&out.path().join("REF-5")), ["email.eml", "manifest.json"]);
        assert!(matches!(write(out.path(), ".nrm-abcdef", &files, true), Err(Refusal::Io(_))));
    }
}
