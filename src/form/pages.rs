//! The form's pages, walked from the question table: a page is a run of questions of one
//! section that starts where the table says `page`; a page shows only the questions that apply
//! to the draft as it is, and is skipped when none does. Findings go to the questions whose
//! members they are about. What a page shows is built here; the templates only lay it out.

use super::answers::{code_text, codes, member_schema};
use crate::check::Located;
use crate::draft::Draft;
use crate::questions::{Kind, Question, Section, TABLE};
use crate::registry::Registry;
use crate::render::words::{self, capitalised, word};
use crate::rules::Severity;
use crate::rules::structure::REQ001;
use serde::Serialize;
use serde_json::Value;
use std::sync::LazyLock;

/// A page of the table: the questions of one section from one `page` mark to the next.
pub struct Page {
    pub section: &'static Section,
    /// Its place among its section's pages (the address says it: `/section/ID/N`).
    pub index: usize,
    pub heading: &'static str,
    pub questions: Vec<&'static Question>,
}

pub static PAGES: LazyLock<Vec<Page>> = LazyLock::new(|| {
    let mut pages: Vec<Page> = Vec::new();
    for section in &TABLE.sections {
        let mut index = 0;
        for (at, question) in section.questions.iter().enumerate() {
            if at == 0 || question.page.is_some() {
                if at > 0 {
                    index += 1;
                }
                let heading = question.page.as_deref().unwrap_or(&section.title);
                pages.push(Page { section, index, heading, questions: Vec::new() });
            }
            pages.last_mut().expect("a page is open").questions.push(question);
        }
    }
    pages
});

/// The members the start page asks, in its order, before the task list.
pub const START: [&str; 2] = ["/potential_victim/age_status", "/nation"];
/// The route, asked next on the start of an adult's draft in England or Wales.
pub const ROUTE: &str = "/route";

impl Page {
    pub fn find(section: &str, index: usize) -> Option<&'static Page> {
        PAGES.iter().find(|p| p.section.id == section && p.index == index)
    }

    pub fn address(&self) -> String {
        format!("/section/{}/{}", self.section.id, self.index)
    }

    /// The questions it asks of this draft.
    pub fn asked(&self, draft: &Draft) -> Vec<&'static Question> {
        if !self.section.applies(draft) {
            return Vec::new();
        }
        self.questions.iter().copied().filter(|q| q.applies(draft)).collect()
    }

    /// The section's pages that ask something of this draft.
    fn siblings(&self, draft: &Draft) -> impl Iterator<Item = &'static Page> {
        let id = &self.section.id;
        PAGES.iter().filter(move |p| &p.section.id == id && !p.asked(draft).is_empty())
    }

    pub fn next(&self, draft: &Draft) -> Option<&'static Page> {
        self.siblings(draft).find(|p| p.index > self.index)
    }

    pub fn previous(&self, draft: &Draft) -> Option<&'static Page> {
        self.siblings(draft).filter(|p| p.index < self.index).last()
    }
}

/// The first page of a section that asks something of this draft.
pub fn first_page(section: &Section, draft: &Draft) -> Option<&'static Page> {
    PAGES.iter().find(|p| p.section.id == section.id && !p.asked(draft).is_empty())
}

/// Whether a finding is about the member at `pointer`: it points at it or inside it, or it says
/// that it, or an object holding it, is missing.
pub fn is_about(finding: &Located, pointer: &str) -> bool {
    let at = &finding.finding.pointer;
    let inside = |outer: &str| pointer == outer || pointer.starts_with(&format!("{outer}/"));
    match &finding.finding.missing {
        Some(member) => {
            let mut missing = at.clone();
            crate::source::push_segment(&mut missing, member);
            inside(&missing)
        }
        None => at == pointer || at.starts_with(&format!("{pointer}/")),
    }
}

/// Whether the person can mend a finding on the page of its member: a member the format does
/// not know (INP003) has no input, so it is reported on check your answers instead.
pub fn on_its_page(finding: &Located) -> bool {
    finding.finding.rule.id != crate::rules::input::INP003.id
}

fn is_missing(finding: &Located) -> bool {
    finding.finding.missing.is_some()
}

/// An item's field's own pointer: `/evidence/0/file`.
fn field_pointer(question: &Question, index: usize, field: &Question) -> String {
    format!("{}/{index}{}", question.pointer, field.pointer)
}

/// The pointers a question's inputs set: one, or one per field of each item.
fn pointers(question: &Question, draft: &Draft) -> Vec<String> {
    if question.kind != Kind::Items {
        return vec![question.pointer.clone()];
    }
    let count = draft.get(&question.pointer).and_then(Value::as_array).map_or(0, Vec::len);
    (0..count).flat_map(|i| question.fields.iter().map(move |f| field_pointer(question, i, f))).collect()
}

/// Whether a question has an answer in the draft.
pub fn answered(question: &Question, draft: &Draft) -> bool {
    match draft.get(&question.pointer) {
        None => false,
        Some(Value::String(text)) => !text.is_empty(),
        Some(Value::Array(items)) => !items.is_empty(),
        Some(_) => true,
    }
}

#[derive(Serialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    NotStarted,
    InProgress,
    HasProblems,
    Completed,
}

impl Status {
    pub fn words(self) -> &'static str {
        match self {
            Status::NotStarted => "Not started",
            Status::InProgress => "In progress",
            Status::HasProblems => "Has problems",
            Status::Completed => "Completed",
        }
    }
}

/// A section's status from its answers and the findings on them: not started while nothing is
/// answered and something is needed; completed when nothing is missing or wrong; has problems
/// when an answer is wrong; in progress when only answers are missing.
pub fn status(section: &Section, draft: &Draft, findings: &[Located]) -> Status {
    let asked: Vec<&Question> =
        PAGES.iter().filter(|p| p.section.id == section.id).flat_map(|p| p.asked(draft)).collect();
    let errors: Vec<&Located> = findings
        .iter()
        .filter(|f| f.finding.severity() == Severity::Error)
        .filter(|f| asked.iter().any(|q| pointers(q, draft).iter().chain([&q.pointer]).any(|p| is_about(f, p))))
        .collect();
    // A section of optional questions only is complete with nothing in it.
    if !asked.iter().any(|q| answered(q, draft)) && !errors.is_empty() {
        return Status::NotStarted;
    }
    if errors.iter().any(|f| !is_missing(f)) {
        Status::HasProblems
    } else if errors.is_empty() {
        Status::Completed
    } else {
        Status::InProgress
    }
}

/// An input's `id`: `f-first_responder-email`. Pointers name members, never values.
pub fn field_id(pointer: &str) -> String {
    let mut id = String::from("f");
    for c in pointer.chars() {
        id.push(if c.is_ascii_alphanumeric() || c == '_' { c } else { '-' });
    }
    id
}

#[derive(Serialize)]
pub struct Field {
    pub id: String,
    pub name: String,
    pub label: String,
    pub hint: Option<String>,
    /// How it is asked: text, email, tel, number, textarea, list, date, radios, checkboxes,
    /// select, select_multiple, items.
    pub widget: &'static str,
    /// What is in the draft now (or what was posted), as typed.
    pub value: String,
    pub day: String,
    pub month: String,
    pub year: String,
    pub options: Vec<Choice>,
    /// The page's heading is this question (a page of one question).
    pub is_heading: bool,
    pub error: Option<String>,
    pub notes: Vec<String>,
    pub items: Vec<Item>,
    /// Names offered as it is typed (a `<datalist>`).
    pub suggestions: Vec<String>,
}

#[derive(Serialize)]
pub struct Choice {
    pub id: String,
    pub value: String,
    pub label: String,
    pub checked: bool,
}

#[derive(Serialize)]
pub struct Item {
    pub legend: String,
    pub fields: Vec<Field>,
}

/// A finding as the form says it.
#[derive(Serialize)]
pub struct Problem {
    pub href: Option<String>,
    pub text: String,
    pub rule: &'static str,
    pub severity: &'static str,
}

/// The words of a finding: a missing answer asks for it by its question.
pub fn problem_text(finding: &Located, label: Option<&str>) -> String {
    match (finding.finding.rule.id == REQ001.id && is_missing(finding), label) {
        (true, Some(label)) => format!("Answer “{label}”"),
        (false, Some(label)) => format!("{label}: {}", lowercased(&finding.finding.message)),
        (_, None) => capitalised(&finding.finding.message),
    }
}

/// A message after a label: "Date it began: must be a real calendar date".
fn lowercased(message: &str) -> String {
    let mut chars = message.chars();
    match (chars.next(), chars.clone().next()) {
        // An acronym or a code stays as it is: "NRM", "`given_names`".
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => {
            first.to_lowercase().chain(chars).collect()
        }
        _ => message.to_owned(),
    }
}

/// A value as typed, for an input to show it again.
fn shown(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(text)) => text.clone(),
        Some(Value::Array(items)) => items.iter().map(|i| shown(Some(i))).collect::<Vec<_>>().join("\n"),
        Some(other) => other.to_string(),
    }
}

/// The fields of a page for this draft, with the findings about each. `with_missing`: whether
/// a missing answer is a problem to show yet (after a Continue, not on first showing).
pub fn fields(
    questions: &[&Question],
    draft: &Draft,
    findings: &[Located],
    registry: &Registry,
    with_missing: bool,
) -> Vec<Field> {
    let single = questions.len() == 1;
    questions
        .iter()
        .map(|question| {
            let mut field = field(question, &question.pointer, draft.get(&question.pointer), registry);
            field.is_heading = single && question.kind != Kind::Items;
            if question.kind == Kind::Items {
                field.items = items(question, draft, findings, registry, with_missing);
            }
            annotate(&mut field, question, findings, with_missing);
            field
        })
        .collect()
}

fn annotate(field: &mut Field, question: &Question, findings: &[Located], with_missing: bool) {
    let about: Vec<&Located> = findings
        .iter()
        .filter(|f| is_about(f, &field.name) && on_its_page(f))
        .filter(|f| with_missing || !is_missing(f))
        .collect();
    field.error =
        about.iter().find(|f| f.finding.severity() == Severity::Error).map(|f| problem_text(f, Some(&question.label)));
    field.notes = about
        .iter()
        .filter(|f| f.finding.severity() != Severity::Error)
        .map(|f| format!("{}: {}", capitalised(f.finding.severity().as_str()), capitalised(&f.finding.message)))
        .collect();
}

fn items(
    question: &Question,
    draft: &Draft,
    findings: &[Located],
    registry: &Registry,
    with_missing: bool,
) -> Vec<Item> {
    let count = draft.get(&question.pointer).and_then(Value::as_array).map_or(0, Vec::len);
    // One more, empty, to add another.
    (0..=count)
        .map(|index| Item {
            legend: format!("{} {}", question.label, index + 1),
            fields: question
                .fields
                .iter()
                .map(|f| {
                    let pointer = field_pointer(question, index, f);
                    let mut field = field(f, &pointer, draft.get(&pointer), registry);
                    annotate(&mut field, f, findings, with_missing);
                    field
                })
                .collect(),
        })
        .collect()
}

fn field(question: &Question, pointer: &str, value: Option<&Value>, registry: &Registry) -> Field {
    let id = field_id(pointer);
    let (widget, options) = match question.kind {
        // A text the format allows only from a list (the online form's police forces): chosen.
        Kind::Text => match member_schema(pointer)["enum"].as_array() {
            Some(listed) => ("select", listed.iter().map(code_text).map(|name| (name.clone(), name)).collect()),
            None => ("text", Vec::new()),
        },
        Kind::Email => ("email", Vec::new()),
        Kind::Phone => ("tel", Vec::new()),
        Kind::Number => ("number", Vec::new()),
        Kind::Long => ("textarea", Vec::new()),
        Kind::Entries => ("list", Vec::new()),
        Kind::Entry => ("text", Vec::new()),
        Kind::Date => ("date", Vec::new()),
        Kind::Items => ("items", Vec::new()),
        Kind::YesNo | Kind::Tri | Kind::Code | Kind::Tick => {
            let words = question.word_list().unwrap_or_default();
            let choices = codes(question, pointer)
                .iter()
                .map(|code| {
                    let key = match code {
                        Value::Bool(b) if question.kind == Kind::Tri => if *b { "yes" } else { "no" }.to_owned(),
                        other => code_text(other),
                    };
                    (code_text(code), capitalised(&word(words, &key)))
                })
                .collect();
            ("radios", with_do_not_know(choices, pointer))
        }
        Kind::Codes => {
            let words = question.word_list().unwrap_or_default();
            let choices = codes(question, pointer)
                .iter()
                .map(code_text)
                .map(|c| {
                    let words = if c == "unknown" { DO_NOT_KNOW.to_owned() } else { capitalised(&word(words, &c)) };
                    (c, words)
                })
                .collect();
            ("checkboxes", choices)
        }
        Kind::Ngo => {
            let mut ngos: Vec<(String, String)> =
                registry.ngos.iter().map(|(id, n)| (id.clone(), n.name.clone())).collect();
            ngos.sort_by(|a, b| a.1.cmp(&b.1));
            ("radios", ngos)
        }
        Kind::Languages => ("select_multiple", words::languages()),
    };
    let typed = shown(value);
    let chosen: Vec<String> = match value {
        Some(Value::Array(items)) => items.iter().map(code_text).collect(),
        Some(other) => vec![code_text(other)],
        None => Vec::new(),
    };
    // A code the file holds that is not one of the choices (written by hand) is offered too,
    // chosen, so that a Continue keeps it for the checks to report rather than dropping it.
    let mut options = options;
    if !options.is_empty() {
        for code in &chosen {
            if !options.iter().any(|(value, _)| value == code) {
                options.push((code.clone(), format!("{code} (as written in the file)")));
            }
        }
    }
    let options = options
        .into_iter()
        .enumerate()
        .map(|(at, (value, label))| Choice {
            id: if at == 0 { id.clone() } else { format!("{id}-{at}") },
            checked: chosen.contains(&value),
            value,
            label,
        })
        .collect();
    let (year, month, day) = match (question.kind, value.and_then(Value::as_str)) {
        (Kind::Date, Some(text)) => {
            let mut parts = text.splitn(3, '-').map(str::to_owned);
            let year = parts.next().unwrap_or_default();
            let month = parts.next().unwrap_or_default();
            let day = parts.next().unwrap_or_default();
            (year, month.trim_start_matches('0').to_owned(), day.trim_start_matches('0').to_owned())
        }
        _ => Default::default(),
    };
    Field {
        id,
        name: pointer.to_owned(),
        label: question.label.clone(),
        hint: question.hint.clone(),
        widget,
        value: typed,
        day,
        month,
        year,
        options,
        is_heading: false,
        error: None,
        notes: Vec::new(),
        items: Vec::new(),
        suggestions: suggestions(question, registry).to_vec(),
    }
}

/// The service's list for a question's answer, offered as it is typed (`<datalist>`).
fn suggestions<'r>(question: &Question, registry: &'r Registry) -> &'r [String] {
    match question.service.as_ref() {
        Some(crate::questions::Service::Field(name)) if name == "user-organisation" => {
            &registry.online_form.organisations
        }
        _ => &[],
    }
}

/// One answer on check your answers.
#[derive(Serialize)]
pub struct Answer {
    pub label: String,
    pub values: Vec<String>,
    pub change: String,
    pub answered: bool,
}

#[derive(Serialize)]
pub struct Summary {
    pub title: &'static str,
    pub status: &'static str,
    pub answers: Vec<Answer>,
}

/// Every answer of the sections that apply, each with its Change link.
pub fn summaries(draft: &Draft, findings: &[Located], registry: &Registry) -> Vec<Summary> {
    TABLE
        .sections
        .iter()
        .filter(|s| s.applies(draft))
        .filter_map(|section| {
            let answers: Vec<Answer> = PAGES
                .iter()
                .filter(|p| p.section.id == section.id)
                .flat_map(|page| page.asked(draft).into_iter().map(move |q| (page, q)))
                .map(|(page, question)| {
                    let values = match draft.get(&question.pointer) {
                        Some(value) if question.kind == Kind::Items => items_in_words(question, value, registry),
                        Some(value) => match question.answer(value, registry) {
                            words if words.is_empty() && answered(question, draft) => vec![shown(Some(value))],
                            words => words,
                        },
                        None => Vec::new(),
                    };
                    Answer {
                        label: question.label.clone(),
                        answered: !values.is_empty(),
                        values,
                        change: format!("{}?return=check#{}", page.address(), field_id(&question.pointer)),
                    }
                })
                .collect();
            (!answers.is_empty()).then(|| Summary {
                title: &section.title,
                status: status(section, draft, findings).words(),
                answers,
            })
        })
        .collect()
}

fn items_in_words(question: &Question, value: &Value, registry: &Registry) -> Vec<String> {
    value
        .as_array()
        .into_iter()
        .flatten()
        .map(|item| {
            question
                .fields
                .iter()
                .filter_map(|f| {
                    let words = f.answer(item.pointer(&f.pointer)?, registry);
                    (!words.is_empty()).then(|| format!("{}: {}", f.label, words.join(", ")))
                })
                .collect::<Vec<_>>()
                .join("; ")
        })
        .collect()
}

/// The page and question a finding is about, where one asks for it in this draft.
pub fn place_of(finding: &Located, draft: &Draft) -> Option<(&'static Page, &'static Question, String)> {
    PAGES.iter().find_map(|page| {
        page.asked(draft).into_iter().find_map(|question| {
            pointers(question, draft)
                .into_iter()
                .chain([question.pointer.clone()])
                .find(|p| is_about(finding, p))
                .map(|pointer| (page, question, pointer))
        })
    })
}

/// Every finding of the draft, each linked to its question where the form asks it.
pub fn problems(draft: &Draft, findings: &[Located], return_to: &str) -> Vec<Problem> {
    findings
        .iter()
        .map(|finding| {
            let place = place_of(finding, draft);
            Problem {
                href: place
                    .as_ref()
                    .map(|(page, _, pointer)| format!("{}?return={return_to}#{}", page.address(), field_id(pointer))),
                text: problem_text(finding, place.as_ref().map(|(_, q, _)| q.label.as_str())),
                rule: finding.finding.rule.id,
                severity: finding.finding.severity().as_str(),
            }
        })
        .collect()
}

/// Members the file holds that the form does not ask for this draft: kept, and listed by
/// their place (never their value).
pub fn kept(value: &Value, draft: &Draft) -> Vec<String> {
    let mut present = Vec::new();
    leaves(value, String::new(), &mut present);
    let asked: Vec<String> = PAGES.iter().flat_map(|p| p.asked(draft)).flat_map(|q| pointers(q, draft)).collect();
    present
        .into_iter()
        .filter(|p| !crate::questions::UNASKED.contains(&p.as_str()) && !START.contains(&p.as_str()) && p != ROUTE)
        .filter(|p| !asked.iter().any(|a| p == a || p.starts_with(&format!("{a}/"))))
        .collect()
}

fn leaves(value: &Value, pointer: String, out: &mut Vec<String>) {
    match value {
        Value::Object(members) if !members.is_empty() => {
            for (name, member) in members {
                let mut inner = pointer.clone();
                crate::source::push_segment(&mut inner, name);
                leaves(member, inner, out);
            }
        }
        _ => out.push(pointer),
    }
}

const DO_NOT_KNOW: &str = "I do not know";

/// "I do not know" (form.md): the format's `unknown` where it has one, else, for a member its
/// object does not require, an empty answer that leaves it out.
fn with_do_not_know(mut choices: Vec<(String, String)>, pointer: &str) -> Vec<(String, String)> {
    if let Some(unknown) = choices.iter_mut().find(|(code, _)| code == "unknown") {
        unknown.1 = DO_NOT_KNOW.to_owned();
        return choices;
    }
    let (parent, name) = pointer.rsplit_once('/').unwrap_or_default();
    let required = member_schema(parent)["required"].as_array().is_some_and(|r| r.iter().any(|m| m == name));
    if !required && !choices.iter().any(|(code, _)| code == "not_sure") {
        choices.push((String::new(), DO_NOT_KNOW.to_owned()));
    }
    choices
}

/// The question of a member, for the start page.
pub fn question(pointer: &str) -> &'static Question {
    crate::questions::all().map(|(_, q)| q).find(|q| q.pointer == pointer).expect("the table asks it")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Without script a page cannot change as it is answered, so a question that depends on an
    /// answer comes on a later page than that answer.
    #[test]
    fn a_question_comes_after_the_answers_it_depends_on() {
        for (at, page) in PAGES.iter().enumerate() {
            for question in &page.questions {
                let conditions = page.section.when.iter().chain(question.when.iter());
                for member in conditions.flat_map(|c| c.members()) {
                    if crate::questions::UNASKED.contains(&member) || START.contains(&member) || member == ROUTE {
                        continue;
                    }
                    let asked_before = PAGES[..at].iter().any(|p| p.questions.iter().any(|q| q.pointer == member));
                    assert!(asked_before, "{}: {member} is asked on an earlier page", question.pointer);
                }
            }
        }
    }

    #[test]
    fn every_choice_question_offers_its_codes_in_words() {
        let registry = Registry::built_in();
        for (_, question) in crate::questions::all() {
            if question.kind == Kind::Items {
                continue;
            }
            let field = field(question, &question.pointer, None, &registry);
            if ["radios", "checkboxes", "select", "select_multiple"].contains(&field.widget) {
                assert!(field.options.len() >= 2, "{}: {} choices", question.pointer, field.options.len());
                for option in &field.options {
                    assert!(!option.label.contains('_'), "{}: `{}` is in words", question.pointer, option.label);
                }
            }
        }
    }

    #[test]
    fn every_question_is_on_a_page_and_pages_have_headings() {
        let on_pages: usize = PAGES.iter().map(|p| p.questions.len()).sum();
        assert_eq!(on_pages, crate::questions::all().count());
        assert!(PAGES.iter().all(|p| !p.heading.trim().is_empty()));
        assert!(PAGES.len() > 40, "one question, or a few that belong together, a page");
    }
}
