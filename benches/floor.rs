//! The parse-only floor for `benches/year.sh`: reads every `*.json` below the paths given
//! (recursively, sorted, symbolic links not followed, as `nrm check` does) and parses each with
//! `serde_json` into a `Value` (after a byte-order mark, which the format allows), nothing else,
//! on all cores. Prints the count of files and of parse failures. Arguments starting with `--`
//! (cargo bench passes some) are ignored.
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::thread;

fn collect(path: &Path, files: &mut Vec<PathBuf>) {
    let Ok(metadata) = path.symlink_metadata() else { return };
    if metadata.is_dir() {
        let Ok(entries) = path.read_dir() else { return };
        for entry in entries.flatten() {
            let child = entry.path();
            let is_dir = entry.file_type().is_ok_and(|kind| kind.is_dir());
            if is_dir || child.extension().is_some_and(|extension| extension == "json") {
                collect(&child, files);
            }
        }
    } else {
        files.push(path.to_path_buf());
    }
}

fn main() {
    let mut files = Vec::new();
    for argument in std::env::args().skip(1).filter(|argument| !argument.starts_with("--")) {
        collect(Path::new(&argument), &mut files);
    }
    files.sort();
    let work = Mutex::new(files.iter());
    let workers = thread::available_parallelism().map_or(1, |count| count.get());
    let failures: usize = thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut failures = 0;
                    loop {
                        let next = work.lock().unwrap().next();
                        let Some(file) = next else { break failures };
                        let parsed = std::fs::read(file).ok().and_then(|bytes| {
                            // The format tolerates a byte-order mark, and serde_json does not.
                            let json = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
                            serde_json::from_slice::<serde_json::Value>(json).ok()
                        });
                        failures += usize::from(parsed.is_none());
                    }
                })
            })
            .collect();
        handles.into_iter().map(|handle| handle.join().unwrap()).sum()
    });
    println!("{} files, {failures} parse failures", files.len());
}
