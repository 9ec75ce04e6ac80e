//! `nrm new`: a format version 3 draft with every member its case needs, empty or `null` where
//! the first responder must fill it in, so that `nrm check` on it is the list of what is left to
//! do. A member whose question depends on an answer not yet given is left out: the check asks
//! for it once that answer is there. So is an optional one (a nickname, a second nationality, the
//! last contact's details): an empty answer would be a finding, and the draft is whole without it.
//! `nrm migrate` takes from the same skeleton the questions an older draft lacks.

use crate::config::FirstResponder;
use chrono::NaiveDate;
use serde_json::{Value, json};
use std::sync::LazyLock;
use tera::{Context, Tera};

static TEMPLATE: LazyLock<Tera> = LazyLock::new(|| {
    let mut tera = Tera::default();
    tera.add_raw_template("new-draft.json", include_str!("../templates/new-draft.json"))
        .expect("templates/new-draft.json is a valid template");
    tera
});

/// Whose referral it is.
#[derive(Clone, Copy)]
pub enum Case {
    Child,
    Adult,
}

pub struct Request<'a> {
    pub case: Case,
    /// `None`: left to fill in.
    pub nation: Option<&'a str>,
    pub route: &'a str,
    pub today: NaiveDate,
    pub first_responder: &'a FirstResponder,
    /// Answers already given, which bring the questions that depend on them (`nrm migrate`).
    pub known: Known<'a>,
}

/// The answers the skeleton's conditional questions depend on; `None`: not given yet.
#[derive(Clone, Copy, Default)]
pub struct Known<'a> {
    /// Brings `interpreter_language`.
    pub interpreter_needed: Option<bool>,
    /// Brings `what_keeps_them` (still exploited) or `how_they_left`.
    pub ongoing: Option<bool>,
    /// `uk` or `uk_and_overseas` brings `uk_towns`.
    pub location: Option<&'a str>,
}

/// The skeleton's text. Refuses a combination the rules would refuse: a child on a Duty to
/// Notify.
pub fn draft(request: &Request) -> Result<String, String> {
    if matches!(request.case, Case::Child) && request.route == "duty_to_notify" {
        return Err("a child is always referred into the NRM (`--route nrm`), never by a Duty to Notify".into());
    }
    render(request)
}

/// The skeleton's text for any case, a child's Duty to Notify included: `nrm migrate` keeps
/// whatever route a draft has, and leaves it to the check to refuse.
pub fn render(request: &Request) -> Result<String, String> {
    let child = matches!(request.case, Case::Child);
    let guardian = match request.nation {
        Some("scotland") => "scottish_guardianship",
        Some("northern_ireland") => "ni_independent_guardian",
        Some(_) => "ictg",
        None => "",
    };
    // The template is JSON, not HTML: each text goes in as a JSON string literal, quoted and
    // escaped here.
    let literal = |text: &str| Value::String(Value::from(text).to_string());
    let responder = request.first_responder;
    let context = Context::from_serialize(&json!({
        "child": child,
        "anonymous": request.route == "duty_to_notify",
        "age_status": literal(if child { "child" } else { "adult" }),
        "nation": literal(request.nation.unwrap_or_default()),
        "route": literal(request.route),
        "today": literal(&request.today.format("%Y-%m-%d").to_string()),
        "guardian": literal(guardian),
        "known": {
            "interpreter_needed": request.known.interpreter_needed,
            "ongoing": request.known.ongoing,
            "location": request.known.location,
        },
        "first_responder": {
            "first_name": literal(&responder.first_name),
            "last_name": literal(&responder.last_name),
            "role": literal(&responder.role),
            "email": literal(&responder.email),
            "phone": literal(&responder.phone),
            "contact_in_absence": literal(&responder.contact_in_absence),
            "organisation": {
                "type": literal(&responder.organisation.kind),
                "name": literal(&responder.organisation.name),
                "ngo": responder.organisation.ngo.as_deref().map(literal),
            },
        },
    }))
    .map_err(|e| format!("cannot make the draft: {e}"))?;
    let text = TEMPLATE.render("new-draft.json", &context).map_err(|e| format!("cannot make the draft: {e}"))?;
    debug_assert!(serde_json::from_str::<serde_json::Value>(&text).is_ok(), "the skeleton is JSON");
    Ok(text)
}
