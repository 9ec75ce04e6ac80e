//! INP: the file itself. INP001, INP002 and INP004 are found while reading (`source`), INP003
//! by the schema's closed objects, INP005 and INP006 here, before anything else is checked.

use super::{Finding, Rule, Severity};
use serde_json::Value;

pub static INP001: Rule = Rule {
    id: "INP001",
    severity: Severity::Error,
    summary: "the file is not well-formed JSON",
    why: "A draft that does not parse cannot be checked or submitted; the finding says where the syntax breaks.",
    source: "RFC 8259",
    fails: r#"{ "reference": "LCC-2026-0042" "nation": "england" }"#,
    passes: r#"{ "reference": "LCC-2026-0042", "nation": "england" }"#,
};

pub static INP002: Rule = Rule {
    id: "INP002",
    severity: Severity::Error,
    summary: "a member name appears twice in one object",
    why: "JSON readers silently keep one of the two values, so a referral would lose data without anyone noticing.",
    source: "RFC 8259 s.4",
    fails: r#""potential_victim": { "family_name": "Hoxha", "family_name": "Çela" }"#,
    passes: r#""potential_victim": { "family_name": "Hoxha", "nickname": "Çela" }"#,
};

pub static INP003: Rule = Rule {
    id: "INP003",
    severity: Severity::Error,
    summary: "a member that the format does not have",
    why: "Objects are closed, so a misspelt member never passes silently while the value it was meant to carry is missing.",
    source: "the draft format (every version)",
    fails: r#""potential_victim": { "familyname": "Nguyễn" }"#,
    passes: r#""potential_victim": { "family_name": "Nguyễn" }"#,
};

pub static INP004: Rule = Rule {
    id: "INP004",
    severity: Severity::Error,
    summary: "the file is over 1 MiB, is not UTF-8, or its top level is not an object",
    why: "A draft is one UTF-8 JSON object of at most 1 MiB; anything else is not a draft, and is refused rather than guessed at.",
    source: "the draft format (every version)",
    fails: r#"[ { "format_version": 1 } ]"#,
    passes: r#"{ "format_version": 1 }"#,
};

pub static INP005: Rule = Rule {
    id: "INP005",
    severity: Severity::Error,
    summary: "`format_version` is not 1, 2 or 3",
    why: "The rules are those of format versions 1, 2 and 3; a draft written for another version is not checked against them, since every finding would be a guess.",
    source: "draft format, version 3",
    fails: r#"{ "format_version": 4 }"#,
    passes: r#"{ "format_version": 3 }"#,
};

pub static INP006: Rule = Rule {
    id: "INP006",
    severity: Severity::Info,
    summary: "`format_version` is 1 or 2: checked by that version's rules; `nrm migrate` writes the version 3 draft, whose answers the online service takes as they are",
    why: "A version 1 draft holds about half of what the Home Office's online service asks, and a version 2 draft answers every question but not always as the service takes it: codes where the service lists names, one name where it asks two, its own ticks for the kinds of exploitation. Such drafts are still checked, so no draft in progress is lost, and every rule of the service (SVC) applies to them; but only a version 3 draft can be copied into the service as it is, and `nrm migrate` writes it, leaving for the person only what must be chosen.",
    source: "draft format, version 3",
    fails: r#"{ "format_version": 2, … }"#,
    passes: r#"{ "format_version": 3, … }"#,
};

pub static RULES: [&Rule; 6] = [&INP001, &INP002, &INP003, &INP004, &INP005, &INP006];

/// The format versions `nrm` checks: each picks its schema and its rule set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Version {
    V1,
    V2,
    V3,
}

impl Version {
    pub fn number(self) -> u32 {
        match self {
            Version::V1 => 1,
            Version::V2 => 2,
            Version::V3 => 3,
        }
    }
}

/// The draft's format version, with INP006 for versions 1 and 2; INP005, and no version, for any
/// other. A missing `format_version` is left to the schema (REQ001), and the draft is checked as
/// the current version, the one `nrm new` writes.
pub fn version(value: &Value) -> Result<(Version, Option<Finding>), Finding> {
    let older = |version: Version| {
        let number = version.number();
        let message = format!(
            "format version {number}: checked by version {number}'s rules; `nrm migrate` writes the version 3 \
             draft, whose answers the online service takes as they are, and its check lists what is left to \
             choose or answer"
        );
        Ok((version, Some(Finding::new(&INP006, "/format_version", message))))
    };
    match value.get("format_version").map(Value::as_u64) {
        None | Some(Some(3)) => Ok((Version::V3, None)),
        Some(Some(2)) => older(Version::V2),
        Some(Some(1)) => older(Version::V1),
        Some(_) => Err(Finding::new(
            &INP005,
            "/format_version",
            "this draft is not format version 1, 2 or 3, the versions this nrm knows; it was not checked. \
             Use `\"format_version\": 3`",
        )),
    }
}
