//! PRO: the first responder's professional insight (format version 2).

use super::{Context, Finding, Rule, Severity};

pub static PRO001: Rule = Rule {
    id: "PRO001",
    severity: Severity::Warning,
    summary: "`professional.indicators_identified` is false, yet `exploitation.indicators` lists some",
    why: "The online form asks whether modern slavery indicators were identified; the coded indicators in the draft say they were. One of the two answers is wrong, and the caseworker would read a contradiction.",
    source: "",
    fails: r#""indicators": ["debt_bondage"], … "professional": { "indicators_identified": false, … }"#,
    passes: r#""indicators": ["debt_bondage"], … "professional": { "indicators_identified": true, … }"#,
};

pub static RULES: [&Rule; 1] = [&PRO001];

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let draft = &cx.draft;
    if draft.bool("/professional/indicators_identified") == Some(false)
        && draft.strings("/exploitation/indicators").next().is_some()
    {
        out.push(Finding::new(
            &PRO001,
            "/professional/indicators_identified",
            "no indicators identified, yet `exploitation.indicators` lists some; correct one of the two",
        ));
    }
}
