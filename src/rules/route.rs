//! RTE: the route. A full NRM referral, or, in England and Wales, an anonymous Duty to Notify
//! for an adult who does not consent. RTE004 is checked by the schema (`$defs/anonymous`).

use super::{Context, Finding, Rule, Severity};

pub static RTE001: Rule = Rule {
    id: "RTE001",
    severity: Severity::Error,
    summary: "a child on route `duty_to_notify`: children must be referred into the NRM, and do not need to consent",
    why: "The duty to notify is for adults who do not consent. A child is always referred into the NRM.",
    source: "NRM statutory guidance; Modern Slavery Act 2015 s.52",
    fails: r#""route": "duty_to_notify", … "age_status": "child""#,
    passes: r#""route": "nrm", … "age_status": "child""#,
};

pub static RTE002: Rule = Rule {
    id: "RTE002",
    severity: Severity::Error,
    summary: "route `duty_to_notify` in Scotland or Northern Ireland: the duty to notify is England and Wales only",
    why: "Section 52 of the Modern Slavery Act 2015 extends to England and Wales only.",
    source: "Modern Slavery Act 2015 s.52",
    fails: r#""nation": "scotland", "route": "duty_to_notify""#,
    passes: r#""nation": "scotland", "route": "nrm""#,
};

pub static RTE003: Rule = Rule {
    id: "RTE003",
    severity: Severity::Warning,
    summary: "an adult on route `duty_to_notify` has consented: with consent, refer into the NRM instead",
    why: "A Duty to Notify gives the adult no support; with their consent a full referral can.",
    source: "Home Office duty to notify guidance",
    fails: r#""route": "duty_to_notify", "consent": { "given": true, … }"#,
    passes: r#""route": "nrm", "consent": { "given": true, … }"#,
};

pub static RTE004: Rule = Rule {
    id: "RTE004",
    severity: Severity::Error,
    summary: "a Duty to Notify carries no name, alias, date of birth or decision address, unless the adult agrees to co-operate with public authorities",
    why: "The adult has not consented to a referral, so the notification must not identify them; an adult who agrees to co-operate with the authorities may be named, and given a decision, as the online form allows (format version 2, `cooperation.willing`).",
    source: "Modern Slavery Act 2015 s.52(3); the online form's Duty to Notify questions",
    fails: r#""route": "duty_to_notify", "potential_victim": { "given_names": "Ion", … }, "cooperation": { "willing": false }"#,
    passes: r#""route": "duty_to_notify", "potential_victim": { "given_names": "Ion", … }, "cooperation": { "willing": true }"#,
};

pub static RULES: [&Rule; 4] = [&RTE001, &RTE002, &RTE003, &RTE004];

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let draft = &cx.draft;
    if draft.str("/route") != Some("duty_to_notify") {
        return;
    }
    if draft.is_child() {
        out.push(Finding::new(
            &RTE001,
            "/route",
            "this is a child, who must be referred into the NRM (`\"route\": \"nrm\"`); a child does not need to consent",
        ));
    }
    if matches!(draft.str("/nation"), Some("scotland" | "northern_ireland")) {
        out.push(Finding::new(
            &RTE002,
            "/route",
            "the duty to notify applies in England and Wales only; here, refer into the NRM with the adult's consent",
        ));
    }
    if draft.is_adult() && draft.is_true("/consent/given") {
        out.push(Finding::new(
            &RTE003,
            "/consent/given",
            "the adult has consented, so refer into the NRM (`\"route\": \"nrm\"`), which can give them support",
        ));
    }
}
