//! DAT: dates. Everything in a referral happened on or before the day it was prepared, and a
//! draft prepared long ago is re-checked before it is submitted.

use super::{Context, Finding, Rule, Severity};

/// A draft older than this is stale (DAT004).
pub const STALE_AFTER_DAYS: i64 = 30;

/// Dates that cannot be later than `prepared_on`.
const NOT_AFTER_PREPARED: [&str; 6] = [
    "/consent/date",
    "/consent_note/informed_on",
    "/exploitation/began_on",
    "/exploitation/ended_on",
    "/safeguarding/children_services/referred_on",
    "/safeguarding/guardian/referred_on",
];

pub static DAT001: Rule = Rule {
    id: "DAT001",
    severity: Severity::Error,
    summary: "a date later than `prepared_on`",
    why: "Consent, the consent note, the exploitation and the safeguarding referrals all come before the referral; a later date is a typing mistake.",
    source: "",
    fails: r#""prepared_on": "2026-11-18", … "informed_on": "2026-11-28""#,
    passes: r#""prepared_on": "2026-11-18", … "informed_on": "2026-11-17""#,
};

pub static DAT002: Rule = Rule {
    id: "DAT002",
    severity: Severity::Error,
    summary: "`ended_on` is before `began_on`, or is given while `ongoing` is true",
    why: "The account of the exploitation must agree with itself.",
    source: "",
    fails: r#""began_on": "2025-09-01", "ongoing": false, "ended_on": "2025-08-01""#,
    passes: r#""began_on": "2025-09-01", "ongoing": false, "ended_on": "2026-11-10""#,
};

pub static DAT003: Rule = Rule {
    id: "DAT003",
    severity: Severity::Error,
    summary: "`prepared_on` is later than today",
    why: "A referral cannot be dated in the future; ages are computed on this date.",
    source: "",
    fails: r#""prepared_on": "2027-01-05"   (today 2026-11-22)"#,
    passes: r#""prepared_on": "2026-11-22"   (today 2026-11-22)"#,
};

pub static DAT004: Rule = Rule {
    id: "DAT004",
    severity: Severity::Warning,
    summary: "`prepared_on` is more than 30 days before today: re-check the details before submitting",
    why: "Circumstances change quickly: where the person is, their age, the safeguarding steps taken.",
    source: "",
    fails: r#""prepared_on": "2026-10-01"   (today 2026-11-22)"#,
    passes: r#""prepared_on": "2026-11-01"   (today 2026-11-22)"#,
};

pub static RULES: [&Rule; 4] = [&DAT001, &DAT002, &DAT003, &DAT004];

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let draft = &cx.draft;
    if let Some(prepared) = draft.facts.prepared_on {
        for pointer in NOT_AFTER_PREPARED {
            if draft.date(pointer).is_some_and(|date| date > prepared) {
                out.push(Finding::new(
                    &DAT001,
                    pointer,
                    "this date is later than the referral date (`prepared_on`); correct one of them",
                ));
            }
        }
        if prepared > cx.today {
            out.push(Finding::new(&DAT003, "/prepared_on", "the referral date is later than today; correct it"));
        }
        let age_days = (cx.today - prepared).num_days();
        if age_days > STALE_AFTER_DAYS {
            out.push(Finding::new(
                &DAT004,
                "/prepared_on",
                format!("this draft was prepared {age_days} days ago; re-check every detail with the person's current situation, then update `prepared_on`"),
            ));
        }
    }
    let ended = draft.date("/exploitation/ended_on");
    let ended_early = match (draft.date("/exploitation/began_on"), ended) {
        (Some(began), Some(ended)) => ended < began,
        _ => false,
    };
    if ended_early {
        out.push(Finding::new(
            &DAT002,
            "/exploitation/ended_on",
            "the exploitation ends before it began; correct `began_on` or `ended_on`",
        ));
    } else if draft.has("/exploitation/ended_on") && draft.is_true("/exploitation/ongoing") {
        out.push(Finding::new(
            &DAT002,
            "/exploitation/ended_on",
            "the exploitation is ongoing, so it has no end date; remove `ended_on` or set `ongoing` to false",
        ));
    }
}
