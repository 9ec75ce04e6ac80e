//! Which drafts a run checks: files as named, every `*.json` below a folder (sorted, symbolic
//! links not followed), and `-` for standard input. Paths stream out as they are found, so a
//! folder of any size is never listed in memory.

use std::io;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// One draft to check.
pub enum Input {
    Stdin,
    File(PathBuf),
    /// A place that could not be read (an unreadable folder, say): a failed draft.
    Unreadable(PathBuf, io::Error),
}

impl Input {
    /// The path as reports show it.
    pub fn display(&self) -> String {
        match self {
            Input::Stdin => "-".to_owned(),
            Input::File(path) | Input::Unreadable(path, _) => path.display().to_string(),
        }
    }
}

/// Fails with the first path that does not exist, before anything is checked.
pub fn all_exist(paths: &[PathBuf]) -> Result<(), String> {
    match paths.iter().find(|path| path.as_os_str() != "-" && path.symlink_metadata().is_err()) {
        Some(missing) => Err(format!("{}: no such file or folder", missing.display())),
        None => Ok(()),
    }
}

/// Calls `each` for every draft the paths name, in order, until it breaks; `skip` for what is
/// passed over (a FIFO or device is never opened, as reading it could block the run).
pub fn expand(
    paths: &[PathBuf],
    mut each: impl FnMut(Input) -> ControlFlow<()>,
    mut skip: impl FnMut(&Path, &str),
) -> ControlFlow<()> {
    for path in paths {
        if path.as_os_str() == "-" {
            each(Input::Stdin)?;
            continue;
        }
        match path.metadata() {
            Ok(meta) if meta.is_dir() => walk(path, &mut each, &mut skip)?,
            Ok(meta) if meta.is_file() => each(Input::File(path.clone()))?,
            Ok(_) => skip(path, "not a regular file"),
            Err(error) => each(Input::Unreadable(path.clone(), error))?,
        }
    }
    ControlFlow::Continue(())
}

fn walk(
    folder: &Path,
    each: &mut impl FnMut(Input) -> ControlFlow<()>,
    skip: &mut impl FnMut(&Path, &str),
) -> ControlFlow<()> {
    for entry in WalkDir::new(folder).follow_links(false).sort_by_file_name() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let path = error.path().unwrap_or(folder).to_owned();
                each(Input::Unreadable(path, error.into()))?;
                continue;
            }
        };
        let kind = entry.file_type();
        if kind.is_dir() || entry.path().extension().is_none_or(|ext| ext != "json") {
            continue;
        }
        if kind.is_file() {
            each(Input::File(entry.into_path()))?;
        } else if kind.is_symlink() {
            skip(entry.path(), "a symbolic link, not followed");
        } else {
            skip(entry.path(), "not a regular file");
        }
    }
    ControlFlow::Continue(())
}
