//! AGE: the age group. Anyone who is or may be under 18 is handled as a child; these rules make
//! sure `age_status` agrees with the date of birth and the age the person gives.

use super::{Context, Finding, Rule, Severity};
use crate::draft::MAX_AGE;

const STATUS: &str = "/potential_victim/age_status";
const BORN: &str = "/potential_victim/date_of_birth";

pub static AGE001: Rule = Rule {
    id: "AGE001",
    severity: Severity::Error,
    summary: "the date of birth gives an age under 18, but `age_status` is `adult`",
    why: "A child is anyone under 18, and children get the child's route: no consent, a consent note, and a safeguarding referral. Every child rule applies whatever `age_status` says.",
    source: "Children Act 1989 s.105; Children Act 2004",
    fails: r#""date_of_birth": "2010-03-14", "age_status": "adult""#,
    passes: r#""date_of_birth": "2010-03-14", "age_status": "child""#,
};

pub static AGE002: Rule = Rule {
    id: "AGE002",
    severity: Severity::Error,
    summary: "the date of birth gives 18 or over, but `age_status` is `child`",
    why: "The draft contradicts itself. If the person's age is in doubt, say so with `age_disputed`: they are handled as a child until an age assessment.",
    source: "Modern Slavery Act 2015 s.51",
    fails: r#""date_of_birth": "1996-05-02", "age_status": "child""#,
    passes: r#""date_of_birth": "1996-05-02", "age_status": "age_disputed""#,
};

pub static AGE003: Rule = Rule {
    id: "AGE003",
    severity: Severity::Error,
    summary: "`claimed_age` is under 18, but `age_status` is `adult`",
    why: "A person who may be under 18 is presumed a child until an age assessment says otherwise.",
    source: "Modern Slavery Act 2015 s.51",
    fails: r#""claimed_age": 16, "age_status": "adult""#,
    passes: r#""claimed_age": 16, "age_status": "age_disputed""#,
};

pub static AGE004: Rule = Rule {
    id: "AGE004",
    severity: Severity::Error,
    summary: "the date of birth is after `prepared_on`, or gives an age over 120",
    why: "Such a date is a typing mistake; ages are computed from it, so it must be right.",
    source: "",
    fails: r#""prepared_on": "2026-11-18", … "date_of_birth": "2062-03-14""#,
    passes: r#""prepared_on": "2026-11-18", … "date_of_birth": "2006-03-14""#,
};

pub static AGE005: Rule = Rule {
    id: "AGE005",
    severity: Severity::Info,
    summary: "the age is disputed: the person is handled as a child, and every child rule applies",
    why: "Until an age assessment says otherwise, a person who may be a child is treated as one.",
    source: "Modern Slavery Act 2015 s.51",
    fails: r#""age_status": "age_disputed""#,
    passes: r#""age_status": "child""#,
};

pub static RULES: [&Rule; 5] = [&AGE001, &AGE002, &AGE003, &AGE004, &AGE005];

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let draft = &cx.draft;
    let facts = &draft.facts;
    let status = draft.str(STATUS);
    if let Some(age) = facts.age {
        if age < 18 && status == Some("adult") {
            out.push(Finding::new(
                &AGE001,
                STATUS,
                format!(
                    "the date of birth gives an age of {age} on the referral date, so this is a child: set \
                     `age_status` to `child` (or `age_disputed`); every child rule applies meanwhile"
                ),
            ));
        }
        if age >= 18 && status == Some("child") {
            out.push(Finding::new(
                &AGE002,
                STATUS,
                format!(
                    "the date of birth gives an age of {age} on the referral date; if the age is in doubt use \
                     `age_disputed`, otherwise correct the date of birth or `age_status`"
                ),
            ));
        }
    }
    if facts.claimed_age.is_some_and(|years| years < 18) && status == Some("adult") {
        out.push(Finding::new(
            &AGE003,
            STATUS,
            "the person says they are under 18, so they are presumed a child until an age assessment: set \
             `age_status` to `age_disputed` (or `child`)",
        ));
    }
    if let (Some(born), Some(on)) = (draft.date(BORN), facts.prepared_on)
        && facts.age.is_none()
    {
        let problem = if born > on { "is after the referral date" } else { "gives an age over 120" };
        out.push(Finding::new(
            &AGE004,
            BORN,
            format!("the date of birth {problem}; correct it, or leave it out if it is not known (the oldest age is {MAX_AGE})"),
        ));
    }
    if status == Some("age_disputed") {
        out.push(Finding::new(
            &AGE005,
            STATUS,
            "the age is disputed: the person is handled as a child until an age assessment, and every child rule applies",
        ));
    }
}
