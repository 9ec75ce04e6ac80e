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
    passes: r#""potential_victim": { "family_name": "Hoxha", "aliases": ["Çela"] }"#,
};

pub static INP003: Rule = Rule {
    id: "INP003",
    severity: Severity::Error,
    summary: "a member that the format does not have",
    why: "Objects are closed, so a misspelt member never passes silently while the value it was meant to carry is missing.",
    source: "draft format, version 1",
    fails: r#""potential_victim": { "familyname": "Nguyễn" }"#,
    passes: r#""potential_victim": { "family_name": "Nguyễn" }"#,
};

pub static INP004: Rule = Rule {
    id: "INP004",
    severity: Severity::Error,
    summary: "the file is over 1 MiB, is not UTF-8, or its top level is not an object",
    why: "A draft is one UTF-8 JSON object of at most 1 MiB; anything else is not a draft, and is refused rather than guessed at.",
    source: "draft format, version 1",
    fails: r#"[ { "format_version": 1 } ]"#,
    passes: r#"{ "format_version": 1 }"#,
};

pub static INP005: Rule = Rule {
    id: "INP005",
    severity: Severity::Error,
    summary: "`format_version` is not 1 or 2",
    why: "The rules are those of format versions 1 and 2; a draft written for another version is not checked against them, since every finding would be a guess.",
    source: "draft format, version 2",
    fails: r#"{ "format_version": 3 }"#,
    passes: r#"{ "format_version": 2 }"#,
};

pub static INP006: Rule = Rule {
    id: "INP006",
    severity: Severity::Info,
    summary: "`format_version` is 1: checked by version 1's rules; `nrm migrate` writes the version 2 draft, which answers every question of the current online form",
    why: "Version 1 drafts hold about half of what the Home Office's online form asks. They still pass where they did, so no draft in progress is lost, but the first responder should know that the form will ask more, and that `nrm migrate` turns the draft into version 2, whose check lists the questions still to answer.",
    source: "draft format, version 2",
    fails: r#"{ "format_version": 1, … }"#,
    passes: r#"{ "format_version": 2, … }"#,
};

pub static RULES: [&Rule; 6] = [&INP001, &INP002, &INP003, &INP004, &INP005, &INP006];

/// The format versions `nrm` checks: each picks its schema and its rule set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Version {
    V1,
    V2,
}

/// The draft's format version, with INP006 for version 1; INP005, and no version, for any other.
/// A missing `format_version` is left to the schema (REQ001), and the draft is checked as the
/// current version, the one `nrm new` writes.
pub fn version(value: &Value) -> Result<(Version, Option<Finding>), Finding> {
    match value.get("format_version").map(Value::as_u64) {
        None => Ok((Version::V2, None)),
        Some(Some(2)) => Ok((Version::V2, None)),
        Some(Some(1)) => Ok((
            Version::V1,
            Some(Finding::new(
                &INP006,
                "/format_version",
                "format version 1: checked by version 1's rules; `nrm migrate` writes the version 2 draft, \
                 whose check lists the questions of the online form still to answer",
            )),
        )),
        Some(_) => Err(Finding::new(
            &INP005,
            "/format_version",
            "this draft is not format version 1 or 2, the versions this nrm knows; it was not checked. \
             Use `\"format_version\": 2`",
        )),
    }
}
