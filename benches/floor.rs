//! The parse-only floor for `benches/year.sh`: reads every `*.json` below the paths given
//! (recursively, sorted, symbolic links not followed, as `nrm check` does) and parses each with
//! `serde_json` into a `Value` (after a byte-order mark, which the format allows), nothing else,
//! on all cores. Prints the count of files and of parse failures. Arguments starting with `--`
//! (cargo bench passes some) are ignored.
use std::sync::Mutex;
use std::thread;

mod drafts;

fn main() {
    let files = drafts::from_args();
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
