//! `--format json`: one document, as cli.md gives it, written as each draft is checked so
//! that memory stays flat however many drafts there are.

use super::{Checked, Report, Summary};
use crate::check::Settings;
use crate::rules::Severity;
use serde::Serialize;
use std::io::{self, Write};

#[derive(Default)]
pub struct Json {
    started: bool,
}

#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    status: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    reference: Option<&'a str>,
    errors: usize,
    warnings: usize,
    infos: usize,
    findings: Vec<Finding<'a>>,
}

#[derive(Serialize)]
struct Finding<'a> {
    rule: &'a str,
    severity: &'a str,
    pointer: &'a str,
    line: usize,
    column: usize,
    message: &'a str,
}

/// The document's opening, up to the list of files.
fn header(out: &mut dyn Write, settings: &Settings) -> io::Result<()> {
    let tool = serde_json::to_string(&crate::Tool::new(&settings.registry))?;
    write!(out, "{{\n  \"tool\": {tool},\n  \"files\": [")
}

impl Report for Json {
    fn draft(&mut self, out: &mut dyn Write, checked: &Checked, settings: &Settings) -> io::Result<()> {
        if self.started {
            write!(out, ",")?;
        } else {
            header(out, settings)?;
            self.started = true;
        }
        let outcome = &checked.outcome;
        let file = File {
            path: &checked.path,
            status: if outcome.passed(settings) { "pass" } else { "fail" },
            reference: outcome.reference.as_deref(),
            errors: outcome.count(Severity::Error),
            warnings: outcome.count(Severity::Warning),
            infos: outcome.count(Severity::Info),
            findings: outcome
                .findings
                .iter()
                .map(|located| Finding {
                    rule: located.finding.rule.id,
                    severity: located.finding.severity().as_str(),
                    pointer: &located.finding.pointer,
                    line: located.position.line,
                    column: located.position.column,
                    message: &located.finding.message,
                })
                .collect(),
        };
        write!(out, "\n    {}", serde_json::to_string(&file)?)
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary, settings: &Settings) -> io::Result<()> {
        if !self.started {
            header(out, settings)?;
        }
        writeln!(out, "\n  ],\n  \"summary\": {}\n}}", serde_json::to_string(summary)?)
    }
}
