//! URG: urgency.

use super::{Context, Finding, Rule, Severity};

/// Nationalities for which local procedure expects an immediate referral of a child seeking
/// asylum: Albania, Vietnam, Sudan.
const IMMEDIATE: [&str; 3] = ["AL", "VN", "SD"];

pub static URG001: Rule = Rule {
    id: "URG001",
    severity: Severity::Info,
    summary: "a child seeking asylum from Albania, Vietnam or Sudan: an immediate NRM referral is expected, and the package is marked \"Priority: immediate\"",
    why: "Children from these countries who seek asylum are among the most often trafficked, and many go missing soon after arrival.",
    source: "local safeguarding procedure",
    fails: r#""age_status": "child", "nationality": "Vietnamese", "asylum_seeking": true"#,
    passes: r#""age_status": "child", "nationality": "Vietnamese", "asylum_seeking": false"#,
};

pub static RULES: [&Rule; 1] = [&URG001];

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let draft = &cx.draft;
    if draft.is_child()
        && draft.is_true("/potential_victim/asylum_seeking")
        && draft.nationality_code().is_some_and(|n| IMMEDIATE.contains(&n))
    {
        out.push(Finding::new(
            &URG001,
            "/potential_victim/nationality",
            "a child seeking asylum from a country whose children are often trafficked: submit the referral immediately; the package is marked \"Priority: immediate\"",
        ));
    }
}
