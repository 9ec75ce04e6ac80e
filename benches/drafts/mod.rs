//! Which drafts a benchmark reads, shared by the bench targets (`mod drafts;` in each).

use std::path::PathBuf;
use walkdir::WalkDir;

/// The drafts the command line names, walked as `nrm check` walks them (`src/inputs.rs`): a file
/// is taken as named, whatever its extension; a folder gives every `*.json` regular file below
/// it, recursively, sorted by name, symbolic links not followed. Paths come in the order of the
/// arguments; a path that cannot be read, or is neither a file nor a folder, is passed over.
/// Arguments starting with `--` (cargo bench passes some, such as `--bench`) are ignored.
pub fn from_args() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for argument in std::env::args_os().skip(1).filter(|argument| !argument.as_encoded_bytes().starts_with(b"--")) {
        let path = PathBuf::from(argument);
        if path.is_file() {
            files.push(path);
            continue;
        }
        for entry in WalkDir::new(&path).follow_links(false).sort_by_file_name().into_iter().flatten() {
            if entry.file_type().is_file() && entry.path().extension().is_some_and(|extension| extension == "json") {
                files.push(entry.into_path());
            }
        }
    }
    files
}
