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
