//! INP: the file itself. INP001, INP002 and INP004 are found while reading (`source`), INP003
//! by the schema's closed objects, INP005 here, before anything else is checked.

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
    summary: "`format_version` is not 1",
    why: "The rules are those of format version 1; a draft written for another version is not checked against them, since every finding would be a guess.",
    source: "draft format, version 1",
    fails: r#"{ "format_version": 2 }"#,
    passes: r#"{ "format_version": 1 }"#,
};

pub static RULES: [&Rule; 5] = [&INP001, &INP002, &INP003, &INP004, &INP005];

/// INP005: a draft of another format version is refused before any other check. A missing
/// `format_version` is left to the schema (REQ001), and the draft is checked as version 1.
pub fn other_version(value: &Value) -> Option<Finding> {
    let version = value.get("format_version")?;
    (version.as_u64() != Some(1)).then(|| {
        Finding::new(
            &INP005,
            "/format_version",
            "this draft is not format version 1, the only version this nrm knows; it was not checked. \
             Use a draft made for version 1 (`\"format_version\": 1`)",
        )
    })
}
