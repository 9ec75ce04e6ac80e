//! CON: consent and the consent note. Adults give informed consent; children do not consent,
//! but are told about the referral. CON001, CON002 and CON003 are checked by the schema
//! (`$defs/adult_case` and `$defs/child_case`), the warnings here.

use super::{Context, Finding, Rule, Severity};

pub static CON001: Rule = Rule {
    id: "CON001",
    severity: Severity::Error,
    summary: "an adult must give informed consent to an NRM referral (`consent.given: true`); in England and Wales a specified public authority files a Duty to Notify instead",
    why: "An adult is referred only with their informed consent. Without it, a specified public authority in England or Wales notifies the Home Office anonymously.",
    source: "NRM statutory guidance; Modern Slavery Act 2015 s.52",
    fails: r#""route": "nrm", "consent": { "given": false }"#,
    passes: r#""route": "duty_to_notify", "consent": { "given": false }"#,
};

pub static CON002: Rule = Rule {
    id: "CON002",
    severity: Severity::Error,
    summary: "informed consent needs all four explained: the NRM, the support, the possible outcomes and information sharing",
    why: "Consent is informed only when the adult knows what the NRM is, the support available, the possible outcomes, and that the SCA may seek and share information.",
    source: "NRM statutory guidance: informed consent",
    fails: r#""explained": { "nrm": true, "support": true, "outcomes": false, "information_sharing": true }"#,
    passes: r#""explained": { "nrm": true, "support": true, "outcomes": true, "information_sharing": true }"#,
};

pub static CON003: Rule = Rule {
    id: "CON003",
    severity: Severity::Error,
    summary: "a child's draft needs a complete `consent_note`: when, how and in which language the child was told, and that their data use was explained, or why they were not told",
    why: "Children do not consent, but best practice is to tell the child that a referral is being made and how their data will be used, and to record it.",
    source: "NRM statutory guidance: children; local safeguarding procedure",
    fails: r#""consent_note": { "child_informed": true }"#,
    passes: r#""consent_note": { "child_informed": true, "informed_on": "2026-11-17", "how_informed": "Told in person through a professional interpreter", "data_use_explained": true }"#,
};

pub static CON004: Rule = Rule {
    id: "CON004",
    severity: Severity::Warning,
    summary: "the child was told about the referral, but not how their data will be used",
    why: "Best practice is to tell the child how their data will be used as well as that a referral is made.",
    source: "NRM statutory guidance: children",
    fails: r#""consent_note": { "child_informed": true, "data_use_explained": false, … }"#,
    passes: r#""consent_note": { "child_informed": true, "data_use_explained": true, … }"#,
};

pub static CON005: Rule = Rule {
    id: "CON005",
    severity: Severity::Warning,
    summary: "a child's draft has a `consent` object: children do not consent to an NRM referral, so it is not used",
    why: "Asking a child to consent suggests they could refuse; record how they were told in `consent_note` instead.",
    source: "NRM statutory guidance: children",
    fails: r#""age_status": "child", … "consent": { "given": true, … }"#,
    passes: r#""age_status": "child", … "consent_note": { "child_informed": true, … }"#,
};

pub static CON006: Rule = Rule {
    id: "CON006",
    severity: Severity::Warning,
    summary: "an adult's draft has a `consent_note`: it applies to children only, so it is not used",
    why: "An adult gives informed consent, recorded in `consent`.",
    source: "",
    fails: r#""age_status": "adult", … "consent_note": { … }"#,
    passes: r#""age_status": "adult", … "consent": { "given": true, … }"#,
};

pub static RULES: [&Rule; 6] = [&CON001, &CON002, &CON003, &CON004, &CON005, &CON006];

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let draft = &cx.draft;
    if draft.is_child() {
        if draft.is_true("/consent_note/child_informed")
            && draft.bool("/consent_note/data_use_explained") == Some(false)
        {
            out.push(Finding::new(
                &CON004,
                "/consent_note/data_use_explained",
                "the child was told about the referral but not how their data will be used; explain it if you safely can",
            ));
        }
        if draft.has("/consent") {
            out.push(Finding::new(
                &CON005,
                "/consent",
                "children do not consent to an NRM referral, so `consent` is not used; record how the child was told in `consent_note`",
            ));
        }
    }
    if draft.is_adult() && draft.has("/consent_note") {
        out.push(Finding::new(
            &CON006,
            "/consent_note",
            "`consent_note` applies to children only and is not used for an adult; record the adult's informed consent in `consent`",
        ));
    }
}
