//! The draft file behind the form: read and checked afresh for every page, written whole for
//! every Continue (atomically, mode 0600, in the layout of `nrm migrate`), and never written
//! over when it changed on disk since the page the answers came from was shown.

use crate::check::{self, Outcome, Settings};
use crate::{layout, package, render, source};
use serde_json::Value;
use std::io;
use std::path::{Path, PathBuf};

/// The draft as it is on disk now.
pub struct Loaded {
    /// Names what was on disk when a page was shown; a Continue carries it back.
    pub version: String,
    pub outcome: Outcome,
}

impl Loaded {
    pub fn value(&self) -> Option<&Value> {
        self.outcome.value.as_ref()
    }
}

/// Why a Continue wrote nothing.
pub enum Refused {
    /// The file changed on disk since the page was shown.
    Changed,
    Io(String),
}

pub struct Store {
    path: PathBuf,
}

impl Store {
    pub fn new(path: PathBuf) -> Store {
        Store { path }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn bytes(&self) -> io::Result<Vec<u8>> {
        let file = std::fs::File::open(&self.path)?;
        let size = file.metadata().ok().map(|m| m.len());
        source::read_limited(file, size)
    }

    pub fn load(&self, settings: &Settings) -> io::Result<Loaded> {
        let bytes = self.bytes()?;
        let version = render::sha256(&bytes);
        Ok(Loaded { version, outcome: check::check_bytes(bytes, settings) })
    }

    /// Writes the draft, unless the file is no longer the one of `version`.
    pub fn save(&self, value: &Value, source: &str, version: &str) -> Result<(), Refused> {
        let now = self.bytes().map_err(|e| Refused::Io(format!("the draft cannot be read: {}", e.kind())))?;
        if render::sha256(&now) != version {
            return Err(Refused::Changed);
        }
        self.write(layout::write(value, source).as_bytes())
    }

    /// Writes the file whole: a private temporary file beside it, synced, renamed over it.
    pub fn write(&self, bytes: &[u8]) -> Result<(), Refused> {
        let (folder, name) = self.place().map_err(Refused::Io)?;
        package::write_file(&folder, &name, bytes).map_err(|e| Refused::Io(format!("the draft cannot be saved: {e}")))
    }

    /// The folder and the file name, for writing beside it.
    pub fn place(&self) -> Result<(PathBuf, String), String> {
        let name = self
            .path
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or_else(|| "the draft's file name must be UTF-8".to_owned())?;
        let folder = match self.path.parent() {
            Some(folder) if !folder.as_os_str().is_empty() => folder.to_path_buf(),
            _ => PathBuf::from("."),
        };
        Ok((folder, name.to_owned()))
    }
}
