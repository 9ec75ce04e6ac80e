//! A version 3 draft's answers as the online service takes them, read from the question table:
//! each field with the exact value to enter (an option's value, a list's entry, a text as
//! written, `"true"` for a ticked box), and the pages of the service the case meets, in the
//! service's order, each with its fields. The package's `online-service.json`, its pages in the
//! PDF and the HTML, and the SVC rules all start from here, so what is checked is what is shown
//! and what is entered.

use crate::draft::Draft;
use crate::questions::{Kind, Question, TABLE};
use serde::Serialize;
use serde_json::Value;

/// What is entered in one field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Entered {
    /// A text, a list's entry, an option's value, a date (`YYYY-MM-DD`), `"true"` for a tick.
    Text(String),
    /// The values of a group of checkboxes.
    Values(Vec<String>),
    /// The documents uploaded, one an upload.
    Documents(Vec<Document>),
}

/// One document to upload: the file is the first responder's to attach.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Document {
    pub file: String,
    pub description: String,
    /// Its size, when the draft gives it (for SVC007; the service learns it from the file).
    #[serde(skip)]
    pub bytes: Option<u64>,
    /// Where it is in the draft (`/evidence/0`).
    #[serde(skip)]
    pub pointer: String,
}

/// One field's answer, with the member of the draft it comes from and the question that asks it.
pub struct Answer {
    pub pointer: String,
    pub field: String,
    pub entered: Entered,
    pub question: &'static Question,
}

impl Answer {
    pub fn text(&self) -> Option<&str> {
        match &self.entered {
            Entered::Text(text) => Some(text),
            _ => None,
        }
    }
}

/// Every answer of the draft that the service takes, in the question table's order: the
/// questions that apply to the draft, outside the first responder's own record, that have an
/// answer of their kind. A member the schema found wrong reads as absent (the draft says so).
pub fn answers(draft: &Draft) -> Vec<Answer> {
    let mut out: Vec<Answer> = Vec::new();
    let mut entered = std::collections::HashSet::new();
    for section in TABLE.sections.iter().filter(|s| !s.record && s.applies(draft)) {
        for question in section.questions.iter().filter(|q| q.applies(draft)) {
            let field = match question.service_field(draft) {
                Some(field) => field,
                // Ticks of their own (the kinds of exploitation): each choice names its checkbox.
                None if question.choices.iter().any(|c| c.field.is_some()) => "",
                None => continue,
            };
            let Some(value) = draft.get(&question.pointer) else { continue };
            for answer in of_question(question, field, value) {
                // An item the schema found wrong (a tick, a town) reads as absent, as its list
                // does; and a member asked in two sections (gender: a referral's, a Duty to
                // Notify's) is entered once.
                if draft.get(&answer.pointer).is_some() && entered.insert(answer.field.clone()) {
                    out.push(answer);
                }
            }
        }
    }
    out
}

/// The answers one question gives: one field, or one a tick or list item, or the documents.
fn of_question(question: &'static Question, field: &str, value: &Value) -> Vec<Answer> {
    let one =
        |pointer: String, field: &str, entered: Entered| Answer { pointer, field: field.to_owned(), entered, question };
    let text = |value: &Value| value.as_str().filter(|t| !t.is_empty()).map(str::to_owned);
    let pointer = question.pointer.clone();
    let chosen = |code: &Value| question.choice(code).and_then(|c| c.value.clone());
    match question.kind {
        Kind::Text | Kind::Long | Kind::Email | Kind::Phone | Kind::Entry | Kind::Date => {
            text(value).map(|t| one(pointer, field, Entered::Text(t))).into_iter().collect()
        }
        // The service takes a count as digits; a value of another type is entered as written,
        // for SVC009 to say what the service makes of it.
        Kind::Number => match value {
            Value::Number(n) => vec![one(pointer, field, Entered::Text(n.to_string()))],
            other => text(other).map(|t| one(pointer, field, Entered::Text(t))).into_iter().collect(),
        },
        Kind::YesNo | Kind::Tri | Kind::Code | Kind::Tick => {
            chosen(value).map(|v| one(pointer, field, Entered::Text(v))).into_iter().collect()
        }
        Kind::Codes => {
            let codes = value.as_array().map(Vec::as_slice).unwrap_or_default();
            if question.choices.iter().any(|c| c.field.is_some()) {
                // Ticks of their own: each is its own checkbox, `"true"` when ticked.
                codes
                    .iter()
                    .enumerate()
                    .filter_map(|(index, code)| {
                        let tick = question.choice(code)?.field.as_deref()?;
                        Some(one(format!("{pointer}/{index}"), tick, Entered::Text("true".into())))
                    })
                    .collect()
            } else {
                let values: Vec<String> = codes.iter().filter_map(chosen).collect();
                if values.is_empty() { Vec::new() } else { vec![one(pointer, field, Entered::Values(values))] }
            }
        }
        Kind::Entries => value
            .as_array()
            .into_iter()
            .flatten()
            .enumerate()
            .filter_map(|(index, entry)| {
                let entry = text(entry)?;
                Some(one(
                    format!("{pointer}/{index}"),
                    &field.replace("{n}", &(index + 1).to_string()),
                    Entered::Text(entry),
                ))
            })
            .collect(),
        Kind::Items => documents(question, field, value),
        Kind::Languages | Kind::Ngo => Vec::new(),
    }
}

/// The upload page's documents, and their descriptions, a line each, as the one text of the page
/// that follows it ("Tell us about the documents you uploaded").
fn documents(question: &'static Question, field: &str, value: &Value) -> Vec<Answer> {
    let items = value.as_array().map(Vec::as_slice).unwrap_or_default();
    let documents: Vec<Document> = items
        .iter()
        .enumerate()
        .filter_map(|(index, item)| {
            let file = item.get("file")?.as_str()?.to_owned();
            let description = item.get("description").and_then(Value::as_str).unwrap_or_default().to_owned();
            let bytes = item.get("bytes").and_then(Value::as_u64);
            Some(Document { file, description, bytes, pointer: format!("{}/{index}", question.pointer) })
        })
        .collect();
    if documents.is_empty() {
        return Vec::new();
    }
    let described = question.fields.iter().find_map(|f| match f.service.as_ref()? {
        crate::questions::Service::Field(name) => Some(name),
        crate::questions::Service::Fork(_) => None,
    });
    let mut out = Vec::new();
    if let Some(described) = described {
        let lines: Vec<String> = documents.iter().map(|d| format!("{}: {}", d.file, d.description)).collect();
        out.push(Answer {
            pointer: question.pointer.clone(),
            field: described.clone(),
            entered: Entered::Text(lines.join("\n")),
            question,
        });
    }
    out.insert(
        0,
        Answer {
            pointer: question.pointer.clone(),
            field: field.to_owned(),
            entered: Entered::Documents(documents),
            question,
        },
    );
    out
}

/// The service's route for the draft's answers: a child's (the age answer is yes or not sure),
/// an adult's referral or a Duty to Notify (by the consent answer); `None` while either answer
/// is missing.
pub fn journey(answers: &[Answer]) -> Option<&'static super::Journey> {
    let journeys = super::journeys();
    match value_of(answers, "pv-under-age")? {
        "yes" | "not-sure" => Some(&journeys.child),
        "no" => match value_of(answers, "pv-want-to-submit-nrm")? {
            "yes" => Some(&journeys.adult_nrm),
            "no" => Some(&journeys.duty_to_notify),
            _ => None,
        },
        _ => None,
    }
}

fn value_of<'a>(answers: &'a [Answer], field: &str) -> Option<&'a str> {
    answers.iter().find(|a| a.field == field)?.text()
}

/// One page of the service as the case meets it, with its answers in the page's own order.
pub struct Page<'a> {
    pub page: &'static super::Page,
    pub answers: Vec<&'a Answer>,
}

/// The pages the case meets, in the service's order: the sign-in, then the journey's pages
/// whose condition holds for these answers; a page with nothing to enter for this case (a
/// confirmation, a child's consent page) is there too, empty, so the order is the service's.
/// `None` while the journey cannot be told.
pub fn pages(answers: &[Answer]) -> Option<Vec<Page<'_>>> {
    let journey = journey(answers)?;
    // The sign-in: the work email, then the pages the emailed link leads through (not the
    // page of an email the service does not recognise: FR004 holds the draft to its list).
    let sign_in = ["/verify/who-do-you-work-for", "/verify/check-inbox", "/nrm/start", "/nrm/reports"];
    let paths = sign_in.into_iter().chain(journey.pages.iter().map(|step| step.path.as_str()));
    let pages = paths
        .filter_map(super::page)
        .filter(|page| page.reached_when.as_ref().is_none_or(|when| holds(when, answers)))
        .map(|page| {
            let on_page =
                page.fields.iter().flat_map(|field| answers.iter().filter(move |a| a.field == field.name)).collect();
            Page { page, answers: on_page }
        })
        .collect();
    Some(pages)
}

/// A page's condition on the answers entered before it.
fn holds(condition: &super::Condition, answers: &[Answer]) -> bool {
    use super::Condition;
    let entered = |field: &str| answers.iter().find(|a| a.field == field).map(|a| &a.entered);
    match condition {
        Condition::All { all } => all.iter().all(|c| holds(c, answers)),
        Condition::Is { field, value } => matches!(entered(field), Some(Entered::Text(text)) if text == value),
        Condition::In { field, values } => matches!(entered(field), Some(Entered::Text(text)) if values.contains(text)),
        // The one session fact a page waits on: at least one file uploaded.
        Condition::Session { session } => {
            session == "files" && answers.iter().any(|a| matches!(&a.entered, Entered::Documents(d) if !d.is_empty()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_of_exploitation_is_its_own_tick() {
        let value = serde_json::json!({
            "format_version": 3,
            "exploitation": { "kinds": ["other", "prostitution"], "other_kind": "Made to beg" }
        });
        let draft = Draft::new(&value);
        let answers = answers(&draft);
        let ticked: Vec<(&str, &str, Option<&str>)> = answers
            .iter()
            .filter(|a| a.field.starts_with("types-of-exploitation-"))
            .map(|a| (a.pointer.as_str(), a.field.as_str(), a.text()))
            .collect();
        assert_eq!(
            ticked,
            [
                ("/exploitation/kinds/0", "types-of-exploitation-other", Some("true")),
                ("/exploitation/kinds/1", "types-of-exploitation-prostitution", Some("true")),
            ]
        );
        assert!(answers.iter().any(|a| a.field == "other-exploitation-details" && a.text() == Some("Made to beg")));
    }
}
