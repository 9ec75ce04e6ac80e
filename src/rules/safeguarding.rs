//! SAF: safeguarding and safe interviewing. The NRM does not replace statutory safeguarding,
//! and a victim is interviewed away from whoever may control them, through a professional
//! interpreter. SAF001 and SAF008 are checked by the schema (`$defs/child_case`,
//! `$defs/interpreter_recorded`). The interview and interpreter rules (SAF005, SAF006, SAF009)
//! hold wherever a `safeguarding` object records them, for adults too.

use super::{Context, Finding, Rule, Severity};
use crate::draft::AgeGroup;

const GUARDIAN: &str = "/safeguarding/guardian";

pub static SAF001: Rule = Rule {
    id: "SAF001",
    severity: Severity::Error,
    summary: "a child needs a safeguarding referral to local authority children's services (`safeguarding.children_services`): the NRM does not replace statutory safeguarding",
    why: "An NRM referral is not a safeguarding referral. A child at risk must be referred to children's services under local safeguarding procedure.",
    source: "Working Together to Safeguard Children; local safeguarding procedure",
    fails: r#""safeguarding": { "police": { … }, "interview": { … } }"#,
    passes: r#""safeguarding": { "children_services": { "local_authority": "Lincolnshire County Council", "referred_on": "2026-11-11" }, … }"#,
};

pub static SAF002: Rule = Rule {
    id: "SAF002",
    severity: Severity::Warning,
    summary: "the police were not told about a child who may be a victim: children's services and the police should be told at once",
    why: "Child trafficking is a crime and a child protection matter; the police must be able to act immediately.",
    source: "NRM statutory guidance: children; local safeguarding procedure",
    fails: r#""police": { "notified": false }"#,
    passes: r#""police": { "notified": true, "force": "Lincolnshire Police" }"#,
};

pub static SAF003: Rule = Rule {
    id: "SAF003",
    severity: Severity::Warning,
    summary: "no independent guardian referral for a child: refer to the ICTG service (England, Wales), Guardianship Scotland or the Northern Ireland independent guardian",
    why: "Trafficked children are entitled to an independent advocate or guardian who speaks up for them.",
    source: "Modern Slavery Act 2015 s.48; HTE (Scotland) Act 2015 Part 2; HTE (NI) Act 2015 s.21",
    fails: r#""safeguarding": { "children_services": { … }, "police": { … }, "interview": { … } }"#,
    passes: r#""safeguarding": { …, "guardian": { "service": "ictg", "referred_on": "2026-11-12" } }"#,
};

pub static SAF004: Rule = Rule {
    id: "SAF004",
    severity: Severity::Error,
    summary: "the guardian service does not serve this nation: `ictg` is England and Wales, `scottish_guardianship` Scotland, `ni_independent_guardian` Northern Ireland",
    why: "A referral to the wrong nation's service reaches nobody who can act for the child.",
    source: "Modern Slavery Act 2015 s.48; HTE (Scotland) Act 2015 s.11; HTE (NI) Act 2015 s.21",
    fails: r#""nation": "scotland", … "guardian": { "service": "ictg" }"#,
    passes: r#""nation": "scotland", … "guardian": { "service": "scottish_guardianship" }"#,
};

pub static SAF005: Rule = Rule {
    id: "SAF005",
    severity: Severity::Error,
    summary: "an accompanying adult was present at the interview",
    why: "At no stage should an adult purporting to be the child's parent, sponsor or carer be present at an interview: they may be the trafficker, and the victim cannot speak freely.",
    source: "NRM statutory guidance: interviewing potential victims",
    fails: r#""interview": { "accompanying_adult_present": true }"#,
    passes: r#""interview": { "accompanying_adult_present": false, "separate_from_carers": true }"#,
};

pub static SAF006: Rule = Rule {
    id: "SAF006",
    severity: Severity::Error,
    summary: "the interpreter was not a professional, or was family, a friend, a community member or the accompanying adult",
    why: "Only professional interpreters with no tie to the person: anyone else may be linked to the exploiters, and the account may be shaped or reported back.",
    source: "NRM statutory guidance: interpreters",
    fails: r#""interpreter": { "used": true, "professional": false, "relationship": "family" }"#,
    passes: r#""interpreter": { "used": true, "professional": true, "relationship": "none" }"#,
};

pub static SAF007: Rule = Rule {
    id: "SAF007",
    severity: Severity::Warning,
    summary: "the interpreter has the child's nationality: after their experiences a child may be wary of adults from their home country",
    why: "Traffickers often come from the victim's own community; an interpreter from elsewhere can make it safer to speak.",
    source: "NRM statutory guidance: children",
    fails: r#""interpreter": { "used": true, …, "same_nationality": true }"#,
    passes: r#""interpreter": { "used": true, …, "same_nationality": false }"#,
};

pub static SAF008: Rule = Rule {
    id: "SAF008",
    severity: Severity::Error,
    summary: "an interpreter is needed, so record it in `safeguarding.interpreter`",
    why: "Whether and how an interpreter was used decides whether the account can be relied on.",
    source: "",
    fails: r#""interpreter_needed": true, … "safeguarding": { "police": { … }, "interview": { … } }"#,
    passes: r#""interpreter_needed": true, … "safeguarding": { …, "interpreter": { "used": true, "professional": true, "relationship": "none" } }"#,
};

pub static SAF009: Rule = Rule {
    id: "SAF009",
    severity: Severity::Warning,
    summary: "an interpreter is needed but none was used",
    why: "An account taken without an interpreter the person needs may be incomplete or wrong.",
    source: "",
    fails: r#""interpreter_needed": true, … "interpreter": { "used": false }"#,
    passes: r#""interpreter_needed": true, … "interpreter": { "used": true, "professional": true, "relationship": "none" }"#,
};

pub static SAF010: Rule = Rule {
    id: "SAF010",
    severity: Severity::Warning,
    summary: "a looked-after child without a plan for going missing (`missing_plan: true`)",
    why: "Trafficked children in care often go missing, back to their exploiters; plan for it in advance.",
    source: "NRM statutory guidance: children; statutory guidance on children who run away or go missing from care",
    fails: r#""looked_after": true, … "missing_plan": false"#,
    passes: r#""looked_after": true, … "missing_plan": true"#,
};

pub static SAF011: Rule = Rule {
    id: "SAF011",
    severity: Severity::Warning,
    summary: "in Northern Ireland, an adult under 21 exploited as a child may still have an independent guardian: refer to the NI independent guardian service",
    why: "In Northern Ireland the right to an independent guardian lasts to 21 for those exploited as children.",
    source: "HTE (NI) Act 2015 s.21",
    fails: r#""nation": "northern_ireland", … "claimed_age": 19, … "while_child": true"#,
    passes: r#""nation": "northern_ireland", … "guardian": { "service": "ni_independent_guardian" }"#,
};

pub static RULES: [&Rule; 11] =
    [&SAF001, &SAF002, &SAF003, &SAF004, &SAF005, &SAF006, &SAF007, &SAF008, &SAF009, &SAF010, &SAF011];

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let draft = &cx.draft;
    let mut push = |rule, pointer: &str, message: &str| out.push(Finding::new(rule, pointer, message));
    let safeguarding = draft.has("/safeguarding");
    let child = draft.is_child();

    if child && draft.bool("/safeguarding/police/notified") == Some(false) {
        push(
            &SAF002,
            "/safeguarding/police/notified",
            "tell the police at once as well as children's services: a child may be a victim of crime",
        );
    }
    if child && safeguarding && !draft.has(GUARDIAN) {
        push(
            &SAF003,
            "/safeguarding",
            &format!(
                "refer the child to {} and record it in `safeguarding.guardian`",
                guardian_service(draft.str("/nation")).1
            ),
        );
    }
    if let (Some(service), (Some(code), name)) =
        (draft.str("/safeguarding/guardian/service"), guardian_service(draft.str("/nation")))
        && service != code
    {
        push(
            &SAF004,
            "/safeguarding/guardian/service",
            &format!("this guardian service does not serve this nation; refer to {name} (`{code}`)"),
        );
    }
    if draft.is_true("/safeguarding/interview/accompanying_adult_present") {
        push(
            &SAF005,
            "/safeguarding/interview/accompanying_adult_present",
            "an accompanying adult sat in on the interview; interview the person again, alone, with a professional interpreter if needed, and tell children's services and the police if the adult may be an exploiter",
        );
    }
    if draft.is_true("/safeguarding/interpreter/used") {
        if draft.bool("/safeguarding/interpreter/professional") == Some(false) {
            push(
                &SAF006,
                "/safeguarding/interpreter/professional",
                "the interpreter was not a professional; use a professional interpreter and interview again",
            );
        }
        if draft.str("/safeguarding/interpreter/relationship").is_some_and(|r| r != "none") {
            push(
                &SAF006,
                "/safeguarding/interpreter/relationship",
                "the interpreter knows the person (family, a friend, a community member or the accompanying adult); use a professional interpreter with no tie to them and interview again",
            );
        }
        if child && draft.is_true("/safeguarding/interpreter/same_nationality") {
            push(
                &SAF007,
                "/safeguarding/interpreter/same_nationality",
                "the interpreter is from the child's home country; a child may be wary of them, so consider an interpreter of another nationality",
            );
        }
    }
    if draft.is_true("/potential_victim/interpreter_needed")
        && draft.bool("/safeguarding/interpreter/used") == Some(false)
    {
        push(
            &SAF009,
            "/safeguarding/interpreter/used",
            "an interpreter is needed but none was used; check the account with the person through a professional interpreter",
        );
    }
    if child
        && safeguarding
        && draft.is_true("/potential_victim/looked_after")
        && !draft.is_true("/safeguarding/missing_plan")
    {
        let pointer =
            if draft.has("/safeguarding/missing_plan") { "/safeguarding/missing_plan" } else { "/safeguarding" };
        push(&SAF010, pointer, "make a plan for the child going missing from care, and record `missing_plan: true`");
    }
    northern_ireland_young_adult(cx, out);
}

/// The guardian service that serves a nation: its code and its name.
fn guardian_service(nation: Option<&str>) -> (Option<&'static str>, &'static str) {
    match nation {
        Some("england" | "wales") => (Some("ictg"), "the Independent Child Trafficking Guardianship (ICTG) service"),
        Some("scotland") => (Some("scottish_guardianship"), "Guardianship Scotland"),
        Some("northern_ireland") => {
            (Some("ni_independent_guardian"), "the Northern Ireland independent guardian service")
        }
        _ => (None, "the independent guardian service of the nation"),
    }
}

/// SAF011: in Northern Ireland the right to an independent guardian lasts to 21 for someone
/// exploited as a child.
fn northern_ireland_young_adult(cx: &Context, out: &mut Vec<Finding>) {
    let draft = &cx.draft;
    let facts = &draft.facts;
    let age = facts.age.map(i64::from).or(facts.claimed_age);
    let applies = draft.str("/nation") == Some("northern_ireland")
        && facts.group == Some(AgeGroup::Adult)
        && age.is_some_and(|years| years < 21)
        && draft.is_true("/exploitation/while_child")
        && draft.str("/safeguarding/guardian/service") != Some("ni_independent_guardian");
    if applies {
        let pointer = ["/safeguarding/guardian", "/safeguarding"].into_iter().find(|p| draft.has(p)).unwrap_or("");
        out.push(Finding::new(
            &SAF011,
            pointer,
            "in Northern Ireland someone under 21 who was exploited as a child may still have an independent guardian; refer to the NI independent guardian service",
        ));
    }
}
