//! Checking many drafts: on every core, reported in the order the paths were given, with
//! memory flat in the number of drafts. A producer finds the drafts and hands them out in
//! chunks (one hand-over per draft cost more than a check), workers check them, and the caller
//! receives each result in order as soon as all before it are done; the queues are bounded, so
//! only a few hundred drafts are ever in flight.

use crate::check::{self, Outcome, Settings};
use crate::inputs::{self, Input};
use std::collections::BTreeMap;
use std::io;
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::sync::mpsc::sync_channel;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A checked draft, as reports see it.
pub struct Checked {
    /// The path as the user named it (`-` for standard input).
    pub path: String,
    pub outcome: Outcome,
    /// How long the check took.
    pub elapsed: Duration,
}

/// Does `work` on every draft the paths name with `jobs` workers, calling `report` with each
/// result in order. Something passed over (a FIFO, a symbolic link) is told to `skipped`.
pub fn run<T: Send>(
    paths: &[PathBuf],
    jobs: usize,
    skipped: impl FnMut(&std::path::Path, &str) + Send,
    work: impl Fn(Input) -> T + Sync,
    mut report: impl FnMut(T) -> io::Result<()>,
) -> io::Result<()> {
    let jobs = jobs.max(1);
    let (work_sender, queue) = sync_channel::<(usize, Vec<Input>)>(jobs * 2);
    // Shared by the workers; dropped with the last of them, which stops the producer.
    let queue = Arc::new(Mutex::new(queue));
    let (done_sender, done) = sync_channel::<(usize, Vec<T>)>(jobs * 2);
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut chunk = Vec::with_capacity(CHUNK);
            let mut number = 0;
            let mut send = |chunk: Vec<Input>| {
                let sent = work_sender.send((number, chunk));
                number += 1;
                // Sending fails only once reporting has failed: stop finding drafts then.
                if sent.is_ok() { ControlFlow::Continue(()) } else { ControlFlow::Break(()) }
            };
            let walked = inputs::expand(
                paths,
                |input| {
                    chunk.push(input);
                    if chunk.len() < CHUNK { ControlFlow::Continue(()) } else { send(std::mem::take(&mut chunk)) }
                },
                skipped,
            );
            if walked.is_continue() && !chunk.is_empty() {
                let _ = send(chunk);
            }
        });
        for _ in 0..jobs {
            let done_sender = done_sender.clone();
            let queue = Arc::clone(&queue);
            let work = &work;
            scope.spawn(move || {
                while let Ok((number, chunk)) = next(&queue) {
                    let results = chunk.into_iter().map(work).collect();
                    if done_sender.send((number, results)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(queue);
        drop(done_sender);
        let mut waiting = BTreeMap::new();
        let mut next_chunk = 0;
        for (number, checked) in done {
            waiting.insert(number, checked);
            while let Some(chunk) = waiting.remove(&next_chunk) {
                next_chunk += 1;
                // Dropping `done` on failure ends the workers, then the producer.
                chunk.into_iter().try_for_each(&mut report)?;
            }
        }
        Ok(())
    })
}

/// Drafts handed to a worker at once.
const CHUNK: usize = 32;

fn next<T>(work: &Mutex<std::sync::mpsc::Receiver<T>>) -> Result<T, std::sync::mpsc::RecvError> {
    work.lock().unwrap_or_else(std::sync::PoisonError::into_inner).recv()
}

/// Checks one draft.
pub fn check_input(input: Input, settings: &Settings) -> Checked {
    let started = Instant::now();
    let path = input.display();
    let outcome = match input {
        Input::Stdin => check::check_reader(io::stdin().lock(), None, settings),
        Input::File(path) => match std::fs::File::open(&path) {
            Ok(file) => {
                let size = file.metadata().ok().map(|meta| meta.len());
                check::check_reader(file, size, settings)
            }
            Err(error) => check::unreadable(&error),
        },
        Input::Unreadable(_, error) => check::unreadable(&error),
    };
    Checked { path, outcome, elapsed: started.elapsed() }
}
