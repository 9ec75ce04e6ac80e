//! The rules: every check `nrm` makes, each with its stable ID, severity and documentation.
//!
//! A family of rules lives in one module, with each rule's text (what it checks, why, its
//! source, a failing and a passing fragment) beside the code that checks it. Rules that the JSON
//! Schema expresses are documented here too, with the schema keyword that carries their ID.

use crate::draft::Draft;
use crate::registry::Registry;
use chrono::NaiveDate;

pub mod age;
pub mod consent;
pub mod dates;
pub mod decision;
pub mod exploitation;
pub mod first_responder;
pub mod input;
pub mod professional;
pub mod route;
pub mod safeguarding;
pub mod service;
pub mod structure;
pub mod urgency;

/// How much a finding matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// One rule's documentation.
#[derive(Debug)]
pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    /// One line: what fails.
    pub summary: &'static str,
    /// Why the rule exists.
    pub why: &'static str,
    /// The law or guidance it comes from ("" where the format itself is the source).
    pub source: &'static str,
    /// A fragment that fails, and the same fragment mended.
    pub fails: &'static str,
    pub passes: &'static str,
}

impl Rule {
    /// The rule's source as its explanation cites it: the format itself where `source` is empty.
    pub fn cited(&self) -> &'static str {
        if self.source.is_empty() { "the draft format (every version)" } else { self.source }
    }
}

/// Where in the file a finding points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// The first character of the value at the pointer.
    Value,
    /// The value of the second occurrence of the member the pointer names.
    Repeated,
}

/// One problem found in a draft. Messages never quote a draft value unless the user asked.
#[derive(Clone, Debug)]
pub struct Finding {
    pub rule: &'static Rule,
    pub pointer: String,
    pub message: String,
    pub anchor: Anchor,
    /// For a member that is missing, its name: the finding points at the object that lacks it.
    pub missing: Option<String>,
    /// The rule's severity, or a lesser one where rules.md gives an older format version one
    /// (FR008 is a warning in versions 1 and 2): set through `at`.
    pub severity: Severity,
}

impl Finding {
    pub fn new(rule: &'static Rule, pointer: impl Into<String>, message: impl Into<String>) -> Self {
        Finding {
            rule,
            pointer: pointer.into(),
            message: message.into(),
            anchor: Anchor::Value,
            missing: None,
            severity: rule.severity,
        }
    }

    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// The finding at another severity than its rule's.
    pub fn at(self, severity: Severity) -> Self {
        Finding { severity, ..self }
    }
}

/// What every Rust-side rule can see.
pub struct Context<'a> {
    pub draft: Draft<'a>,
    pub registry: &'a Registry,
    pub today: NaiveDate,
    pub show_values: bool,
}

impl Context<'_> {
    /// ` (`value`)` when the user asked for values, else nothing.
    pub fn quote(&self, value: &str) -> String {
        if self.show_values { format!(" (`{value}`)") } else { String::new() }
    }
}

/// Every rule, in the order of rules.md.
pub fn catalogue() -> impl Iterator<Item = &'static Rule> {
    [
        &input::RULES[..],
        &structure::RULES[..],
        &first_responder::RULES[..],
        &age::RULES[..],
        &route::RULES[..],
        &consent::RULES[..],
        &safeguarding::RULES[..],
        &urgency::RULES[..],
        &exploitation::RULES[..],
        &dates::RULES[..],
        &decision::RULES[..],
        &professional::RULES[..],
        &service::RULES[..],
    ]
    .into_iter()
    .flatten()
    .copied()
}

/// The rule with this ID.
pub fn find(id: &str) -> Option<&'static Rule> {
    catalogue().find(|rule| rule.id == id)
}

/// Runs every Rust-side rule family (the schema's rules run in `schema`).
pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    first_responder::check(cx, out);
    age::check(cx, out);
    route::check(cx, out);
    consent::check(cx, out);
    safeguarding::check(cx, out);
    urgency::check(cx, out);
    exploitation::check(cx, out);
    dates::check(cx, out);
    decision::check(cx, out);
    professional::check(cx, out);
}
