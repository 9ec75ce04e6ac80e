//! Checking one draft: read, parse, pick the format version (refusing an unknown one), validate
//! against that version's schema, run the Rust rules, and place every finding in the file.

use crate::draft::Draft;
use crate::locate::{Locator, Position};
use crate::registry::Registry;
use crate::rules::input::Version;
use crate::rules::{self, Context, Finding, Severity, service};
use crate::service::answers::Entered;
use crate::{schema, source};
use chrono::NaiveDate;
use std::io::Read;

/// What a check needs besides the draft.
pub struct Settings {
    pub registry: Registry,
    pub today: NaiveDate,
    pub show_values: bool,
    pub deny_warnings: bool,
    /// `SOURCE_DATE_EPOCH`, for the dates of rendered PDFs.
    pub source_date_epoch: Option<i64>,
}

/// A finding with its place in the file.
pub struct Located {
    pub finding: Finding,
    pub position: Position,
}

/// The result of checking one draft.
pub struct Outcome {
    /// The draft's text (for quoting source lines), when it could be read as text.
    pub text: Option<String>,
    /// The draft's `reference`, when it is well-formed.
    pub reference: Option<String>,
    /// The draft as parsed, when it parsed.
    pub value: Option<serde_json::Value>,
    /// In order of place in the file.
    pub findings: Vec<Located>,
    /// The draft's coded facts, when it parsed and has a known format version.
    pub profile: Option<crate::draft::Profile>,
}

impl Outcome {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings.iter().filter(|f| f.finding.severity() == severity).count()
    }

    pub fn passed(&self, settings: &Settings) -> bool {
        self.count(Severity::Error) == 0 && !(settings.deny_warnings && self.count(Severity::Warning) > 0)
    }
}

/// Checks a draft from a reader of `size` bytes, when known; a read failure is a failed draft,
/// never a reason to stop.
pub fn check_reader(reader: impl Read, size: Option<u64>, settings: &Settings) -> Outcome {
    match source::read_limited(reader, size) {
        Ok(bytes) => check_bytes(bytes, settings),
        Err(error) => unreadable(&error),
    }
}

/// A draft that could not be read (a folder without permission, say): INP004, not a stop.
pub fn unreadable(error: &std::io::Error) -> Outcome {
    let message = format!("the file cannot be read: {}", error.kind());
    let finding = Finding::new(&rules::input::INP004, "", message);
    rejected(Located { finding, position: Position { line: 1, column: 1 } })
}

pub fn check_bytes(bytes: Vec<u8>, settings: &Settings) -> Outcome {
    let document = match source::parse(bytes) {
        Ok(document) => document,
        Err(source::Rejected { finding, position }) => return rejected(Located { finding, position }),
    };
    let mut findings = document.repeated;
    let mut reference = None;
    let mut profile = None;
    match rules::input::version(&document.value) {
        Err(finding) => findings.push(finding),
        Ok((version, notice)) => {
            findings.extend(notice);
            let mut cx = Context {
                draft: Draft::new(&document.value),
                registry: &settings.registry,
                today: settings.today,
                show_values: settings.show_values,
            };
            let before = findings.len();
            schema::check(version, &document.value, &cx.draft, &mut findings);
            cx.draft.ignore(schema::invalid_values(&findings[before..]));
            rules::check(&cx, &mut findings);
            service_rules(&cx, &document.value, &mut findings);
            // Checked by the schema: well-formed unless a finding points at it.
            if !findings.iter().any(|f| f.pointer == "/reference") {
                reference = cx.draft.str("/reference").map(str::to_owned);
            }
            profile = Some(cx.draft.profile());
        }
    }
    let located = locate_all(&document.text, findings);
    Outcome { text: Some(document.text), reference, value: Some(document.value), findings: located, profile }
}

/// The service's own validators (SVC) on the draft's answers as the service takes them. A version
/// 1 or 2 draft's answers are its version 3 answers, as `nrm migrate` would move them, and each
/// finding is reported at the member of the draft it came from: the service does not care which
/// version a draft is, only whether it would take what is entered. A value the schema found
/// wrong is reported once, for that.
fn service_rules(cx: &Context, value: &serde_json::Value, out: &mut Vec<Finding>) {
    let migrated;
    let current;
    let (draft, origin): (&Draft, Option<&crate::migrate::Migrated>) = if cx.draft.version == Version::V3 {
        (&cx.draft, None)
    } else {
        migrated = crate::migrate::to_v3(value);
        current = Draft::new(&migrated.value);
        (&current, Some(&migrated))
    };
    let answers = crate::service::answers::answers(draft);
    let typed: Vec<service::Answer> = answers
        .iter()
        .filter_map(|answer| {
            let field = crate::service::field(&answer.field)?;
            Some(service::Answer { pointer: answer.pointer.clone(), field, text: answer.text()?.into() })
        })
        .collect();
    let documents: Vec<service::Document> = answers
        .iter()
        .filter_map(|answer| match &answer.entered {
            Entered::Documents(documents) => Some(documents),
            _ => None,
        })
        .flatten()
        .map(|d| service::Document { pointer: d.pointer.clone(), file: &d.file, bytes: d.bytes })
        .collect();
    let mut found = Vec::new();
    service::check(&typed, cx, &mut found);
    service::check_evidence(&documents, cx, &mut found);
    for mut finding in found {
        if let Some(migrated) = origin {
            finding.pointer = migrated.origin(&finding.pointer).into_owned();
        }
        if cx.draft.get(&finding.pointer).is_some() || origin.is_none() {
            out.push(finding);
        }
    }
}

fn rejected(finding: Located) -> Outcome {
    Outcome { text: None, reference: None, value: None, findings: vec![finding], profile: None }
}

fn locate_all(text: &str, findings: Vec<Finding>) -> Vec<Located> {
    if findings.is_empty() {
        return Vec::new();
    }
    let locator = Locator::new(text);
    let mut located: Vec<Located> =
        findings.into_iter().map(|finding| Located { position: locator.locate(&finding), finding }).collect();
    located.sort_by(|a, b| {
        (a.position.line, a.position.column, a.finding.rule.id, &a.finding.pointer).cmp(&(
            b.position.line,
            b.position.column,
            b.finding.rule.id,
            &b.finding.pointer,
        ))
    });
    located
}
