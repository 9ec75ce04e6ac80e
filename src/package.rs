//! Writing a package safely: into a private temporary folder beside its destination, each file
//! mode 0600 and synced, then renamed into place only when whole. An interrupted run leaves no
//! partial package and no temporary folder; an existing package is replaced only when asked.

use crate::render::File;
use std::fs::{self, DirBuilder, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

/// Set by Ctrl-C (or SIGTERM) during `nrm render`: no package is renamed into place after it.
pub static INTERRUPTED: AtomicBool = AtomicBool::new(false);

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

/// Writes the files as `out/<reference>/`.
pub fn write(out: &Path, reference: &str, files: &[File], force: bool) -> Result<PathBuf, Refusal> {
    let io = |what: &str, e: io::Error| Refusal::Io(format!("{what}: {e}"));
    DirBuilder::new().recursive(true).mode(0o700).create(out).map_err(|e| io("cannot create the output folder", e))?;
    let destination = destination(out, reference);
    may_write(out, reference, force)?;
    // Removed by tempfile if anything below fails.
    let staging = tempfile::Builder::new()
        .prefix(".nrm-")
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
    // With --force, the old package moves into a temporary folder first, removed at the end.
    let old = tempfile::Builder::new()
        .prefix(".nrm-old-")
        .tempdir_in(out)
        .map_err(|e| io("cannot replace the package", e))?;
    if force && destination.symlink_metadata().is_ok() {
        fs::rename(&destination, old.path().join("package")).map_err(|e| io("cannot replace the package", e))?;
    }
    let staged = staging.keep();
    if let Err(error) = fs::rename(&staged, &destination) {
        let _ = fs::remove_dir_all(&staged);
        return Err(match error.kind() {
            io::ErrorKind::DirectoryNotEmpty | io::ErrorKind::AlreadyExists => Refusal::Exists(destination),
            _ => io("cannot move the package into place", error),
        });
    }
    fs::File::open(out).and_then(|dir| dir.sync_all()).map_err(|e| io("cannot write the package", e))?;
    Ok(destination)
}

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

/// Writes one file into an existing package: a private temporary file, synced, renamed over.
pub fn write_file(package: &Path, name: &str, bytes: &[u8]) -> io::Result<()> {
    let mut file =
        tempfile::Builder::new().prefix(".nrm-").permissions(fs::Permissions::from_mode(0o600)).tempfile_in(package)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    file.persist(package.join(name)).map_err(|e| e.error)?;
    fs::File::open(package)?.sync_all()
}
