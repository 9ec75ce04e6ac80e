//! `nrm new`: a draft with every member its case needs, empty or `null` where the first
//! responder must fill it in, so that `nrm check` on it is the list of what is left to do.

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
}

/// The skeleton's text. Refuses a combination the rules would refuse: a child on a Duty to
/// Notify.
pub fn draft(request: &Request) -> Result<String, String> {
    let child = matches!(request.case, Case::Child);
    if child && request.route == "duty_to_notify" {
        return Err("a child is always referred into the NRM (`--route nrm`), never by a Duty to Notify".into());
    }
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
        "first_responder": {
            "name": literal(&responder.name),
            "role": literal(&responder.role),
            "email": literal(&responder.email),
            "phone": literal(&responder.phone),
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
