//! Reports: how the outcome of a check is written for people and for programs.

pub mod human;
pub mod json;

use crate::check::{Outcome, Settings};
use crate::rules::Severity;
use std::io::{self, Write};

/// One checked draft, as reports see it.
pub struct Checked {
    /// The path as the user named it (`-` for standard input).
    pub path: String,
    pub outcome: Outcome,
}

/// Totals over a run.
#[derive(Default, serde::Serialize)]
pub struct Summary {
    pub files: usize,
    pub passed: usize,
    pub failed: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    pub fn add(&mut self, outcome: &Outcome, settings: &Settings) {
        self.files += 1;
        if outcome.passed(settings) {
            self.passed += 1;
        } else {
            self.failed += 1;
        }
        self.errors += outcome.count(Severity::Error);
        self.warnings += outcome.count(Severity::Warning);
        self.infos += outcome.count(Severity::Info);
    }
}

/// A report format: told about each draft in order, then finished with the totals.
pub trait Report {
    fn draft(&mut self, out: &mut dyn Write, checked: &Checked, settings: &Settings) -> io::Result<()>;
    fn finish(&mut self, out: &mut dyn Write, summary: &Summary, settings: &Settings) -> io::Result<()>;
}
