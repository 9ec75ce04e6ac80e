//! The commands, one module each; what they share is here: the registry and settings every
//! checking command builds, and writing to standard output.

pub mod check;
pub mod docs;
pub mod email;
pub mod form;
pub mod migrate;
pub mod new;
pub mod render;

use crate::check::Settings;
use crate::cli::{Checks, Common};
use crate::config;
use crate::registry::Registry;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Why a command could not run (exit 2).
pub struct Failure(pub String);

/// The registry: `--registry`, else the config's, else the built-in one.
pub fn load_registry(common: &Common) -> Result<Registry, Failure> {
    let config = config::load(common.config.as_deref()).map_err(Failure)?;
    match common.registry.as_ref().or(config.registry.as_ref()) {
        Some(path) => Registry::load(path).map_err(Failure),
        None => Ok(Registry::built_in()),
    }
}

/// What checking needs, from the options every checking command shares.
pub fn settings(checks: &Checks, show_values: bool) -> Result<Settings, Failure> {
    settings_with(&checks.common, checks.today, checks.deny_warnings, show_values)
}

pub fn settings_with(
    common: &Common,
    today_given: Option<chrono::NaiveDate>,
    deny_warnings: bool,
    show_values: bool,
) -> Result<Settings, Failure> {
    let source_date_epoch = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(text) => Some(
            text.trim()
                .parse::<i64>()
                .map_err(|_| Failure("SOURCE_DATE_EPOCH must be a whole number of seconds".into()))?,
        ),
        Err(_) => None,
    };
    Ok(Settings {
        registry: load_registry(common)?,
        today: today(today_given),
        show_values,
        deny_warnings,
        source_date_epoch,
    })
}

/// `--today`, else the machine's local date: the one place the clock decides a day.
pub fn today(given: Option<chrono::NaiveDate>) -> chrono::NaiveDate {
    given.unwrap_or_else(crate::clock::today)
}

pub fn jobs(checks: &Checks) -> usize {
    checks.jobs.map_or_else(|| std::thread::available_parallelism().map_or(1, usize::from), usize::from)
}

pub fn print_bytes(bytes: &[u8]) -> Result<ExitCode, Failure> {
    io::stdout().lock().write_all(bytes).map_err(write_failed)?;
    Ok(ExitCode::SUCCESS)
}

pub fn print_text(text: &str) -> Result<ExitCode, Failure> {
    print_bytes(text.as_bytes())
}

/// A new private file (mode 0600), written whole or not at all: a temporary file in the same
/// folder, synced, then linked into place only if nothing is there by then. Dropped before
/// `finish`, it leaves nothing behind. What `nrm new`, `migrate` and `check --out` write.
pub struct NewFile {
    path: PathBuf,
    file: tempfile::NamedTempFile,
    command: &'static str,
}

impl NewFile {
    /// Refuses a path that exists already, before any work is done.
    pub fn create(path: &Path, command: &'static str) -> Result<Self, Failure> {
        use std::os::unix::fs::PermissionsExt;
        let exists = || Failure(format!("{}: exists already; nrm {command} never overwrites a file", path.display()));
        if path.symlink_metadata().is_ok() {
            return Err(exists());
        }
        let file = tempfile::Builder::new()
            .prefix(".nrm-new-")
            .permissions(std::fs::Permissions::from_mode(0o600))
            .tempfile_in(folder_of(path))
            .map_err(|e| Failure(format!("{}: {e}", path.display())))?;
        Ok(NewFile { path: path.to_owned(), file, command })
    }

    /// The file being written, for writers that need a real file (anstream's).
    pub fn file(&mut self) -> &mut std::fs::File {
        self.file.as_file_mut()
    }

    pub fn finish(self) -> Result<(), Failure> {
        let NewFile { path, file, command } = self;
        let failed = |e: io::Error| Failure(format!("{}: {e}", path.display()));
        file.as_file().sync_all().map_err(failed)?;
        file.persist_noclobber(&path).map_err(|e| {
            if e.error.kind() == io::ErrorKind::AlreadyExists {
                Failure(format!("{}: exists already; nrm {command} never overwrites a file", path.display()))
            } else {
                failed(e.error)
            }
        })?;
        std::fs::File::open(folder_of(&path)).and_then(|folder| folder.sync_all()).map_err(failed)
    }

    /// A new file holding `text`.
    pub fn write(path: &Path, command: &'static str, text: &str) -> Result<(), Failure> {
        let mut file = NewFile::create(path, command)?;
        file.write_all(text.as_bytes()).map_err(|e| Failure(format!("{}: {e}", path.display())))?;
        file.finish()
    }
}

impl Write for NewFile {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.file.write(bytes)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    }
}

pub fn write_failed(error: io::Error) -> Failure {
    Failure(format!("cannot write the report: {error}"))
}
