//! DEC: where the Home Office sends its decision (format versions 2 and 3). DEC002 is checked by
//! the schema (`$defs/child_case`), and so is DEC001 in version 3, whose ticks the service asks
//! for (`$defs/ticked`).

use super::input::Version;
use super::{Context, Finding, Rule, Severity};

pub static DEC001: Rule = Rule {
    id: "DEC001",
    severity: Severity::Error,
    summary: "it is not safe to write to the details given (`email_safe`, `post_safe`; version 2: `safe_to_write`), or the person has not agreed that the decision goes to someone else (`permission`)",
    why: "A decision letter that reaches the exploiters, or anyone the person did not choose, can put them in danger. The Home Office must not write where it is unsafe, nor to someone else without the person's permission; the service asks you to tick both and refuses the page without. Give other details, or someone else who may receive it.",
    source: "the online service's decision pages (/nrm/pv-contact-details-referral, /nrm/someone-else)",
    fails: r#""decision": { "recipient": "potential_victim", "methods": ["email"], "email": "…", "email_safe": false }"#,
    passes: r#""decision": { "recipient": "potential_victim", "methods": ["email"], "email": "…", "email_safe": true }"#,
};

pub static DEC002: Rule = Rule {
    id: "DEC002",
    severity: Severity::Error,
    summary: "a child's draft has `support` or `decision`: the online form asks neither for a child, whose referral is automatic",
    why: "A child is referred without consent and supported through children's services; the online form asks for neither NRM support nor a decision recipient for a child, so these answers would be lost, or mean the child was handled as an adult.",
    source: "the online form",
    fails: r#""age_status": "child", … "decision": { "recipient": "potential_victim", … }"#,
    passes: r#""age_status": "child", … (no `support`, no `decision`)"#,
};

pub static RULES: [&Rule; 2] = [&DEC001, &DEC002];

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let draft = &cx.draft;
    // Version 3's ticks are the schema's (`$defs/ticked`, annotated DEC001).
    if draft.version == Version::V3 {
        return;
    }
    if draft.bool("/decision/safe_to_write") == Some(false) {
        out.push(Finding::new(
            &DEC001,
            "/decision/safe_to_write",
            "it is not safe to write to these details; give an address where it is safe, or someone else \
             (a support worker, a legal representative) to receive the decision",
        ));
    }
    if draft.str("/decision/recipient") == Some("someone_else") && draft.bool("/decision/permission") == Some(false) {
        out.push(Finding::new(
            &DEC001,
            "/decision/permission",
            "the person has not given permission for the decision to go to someone else; ask them, or send it \
             to them",
        ));
    }
}
