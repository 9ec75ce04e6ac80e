//! Reports: how the outcome of a check is written for people and for programs.

pub mod chart;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod junit;
pub mod national;
pub mod sarif;

use crate::batch::Checked;
use crate::check::{Outcome, Settings};
use crate::rules::Severity;
use std::io::{self, Write};

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

impl Summary {
    /// One line for people: "3 drafts checked: 2 passed, 1 failed (4 errors, 1 warning, 0 infos)".
    pub fn line(&self) -> String {
        format!(
            "{} checked: {} passed, {} failed ({}, {}, {})",
            counted(self.files, "draft", "drafts"),
            self.passed,
            self.failed,
            counted(self.errors, "error", "errors"),
            counted(self.warnings, "warning", "warnings"),
            counted(self.infos, "info", "infos"),
        )
    }
}

fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A finding as one line: `path:line:column: severity[RULE] message`.
pub fn finding_line(path: &str, located: &crate::check::Located) -> String {
    let finding = &located.finding;
    format!(
        "{path}:{}:{}: {}[{}] {}",
        located.position.line,
        located.position.column,
        finding.severity().as_str(),
        finding.rule.id,
        finding.message
    )
}

/// A report format: told about each draft in order, then finished with the totals.
pub trait Report {
    fn draft(&mut self, out: &mut dyn Write, checked: &Checked, settings: &Settings) -> io::Result<()>;
    fn finish(&mut self, out: &mut dyn Write, summary: &Summary, settings: &Settings) -> io::Result<()>;
}
