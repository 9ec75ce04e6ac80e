//! REQ: plain structure, for what no domain rule covers. Both are found by the JSON Schema
//! (`schemas/referral.schema.json`): REQ001 by `required`, REQ002 by every other keyword.

use super::{Rule, Severity};

pub static REQ001: Rule = Rule {
    id: "REQ001",
    severity: Severity::Error,
    summary: "a required member is missing",
    why: "The Home Office's online form asks for every required item; a gap found while the draft is prepared can still be filled by asking the person, before the first responder is in the form without the answer.",
    source: "the draft format (every version)",
    fails: r#""first_responder": { "first_name": "Priya", "role": "Social worker" }"#,
    passes: r#""first_responder": { "first_name": "Priya", "last_name": "Sharma", "role": "Social worker", "email": "…", "phone": "…", "organisation": { … } }"#,
};

pub static REQ002: Rule = Rule {
    id: "REQ002",
    severity: Severity::Error,
    summary: "a value has the wrong type, is not one of the allowed values, breaks its pattern or length, or is not a real date",
    why: "A value the form cannot accept, such as 30 February or an unknown country code, would be rejected or misread on submission.",
    source: "the draft format (every version)",
    fails: r#""prepared_on": "2026-02-30""#,
    passes: r#""prepared_on": "2026-02-28""#,
};

pub static RULES: [&Rule; 2] = [&REQ001, &REQ002];
