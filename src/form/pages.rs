//! The form's pages, walked from the question table: a page is a run of questions of one
//! section that starts where the table says `page`; a page shows only the questions that apply
//! to the draft as it is, and is skipped when none does. Findings go to the questions whose
//! members they are about. What a page shows is built here; the templates only lay it out.

use super::answers::{code_text, codes, member_schema};
use crate::check::Located;
use crate::draft::Draft;
use crate::questions::{Kind, Question, Section, Service, TABLE};
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

/// Whether an input of one item of a list (`/exploitation/uk_towns/0`, `/evidence/0/file`) shows
/// the finding: one about it, or one that says it is missing; not one that says the whole list
/// is missing, which its question shows.
fn is_about_item(finding: &Located, pointer: &str) -> bool {
    is_about(finding, pointer)
        && finding.finding.missing.as_ref().is_none_or(|member| {
            let mut missing = finding.finding.pointer.clone();
            crate::source::push_segment(&mut missing, member);
            missing == pointer
        })
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

/// The pointers a question's inputs set: one, or one per entry of a list, or one per field of
/// each item.
fn pointers(question: &Question, draft: &Draft) -> Vec<String> {
    let count = draft.get(&question.pointer).and_then(Value::as_array).map_or(0, Vec::len);
    match question.kind {
        Kind::Items => {
            (0..count).flat_map(|i| question.fields.iter().map(move |f| field_pointer(question, i, f))).collect()
        }
        Kind::Entries => (0..count).map(|i| format!("{}/{i}", question.pointer)).collect(),
        _ => vec![question.pointer.clone()],
    }
}

/// The `id` of the input a link to a question's member focuses: a list's first input for the
/// whole list.
fn anchor(question: &Question, pointer: &str) -> String {
    match (question.kind, question.fields.first()) {
        (Kind::Entries, _) if pointer == question.pointer => field_id(&format!("{pointer}/0")),
        (Kind::Items, Some(first)) if pointer == question.pointer => field_id(&field_pointer(question, 0, first)),
        _ => field_id(pointer),
    }
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
    /// The `id` a link to the field focuses: its first input.
    pub anchor: String,
    pub name: String,
    pub label: String,
    pub hint: Option<String>,
    /// How it is asked: text, email, tel, number, textarea, date, radios, checkboxes,
    /// select_multiple, entries, items.
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
    /// A list's inputs, one an entry, `POINTER/0` on.
    pub entries: Vec<Field>,
    /// How many of them show before "Add another" (the rest are folded away).
    pub shown: usize,
    /// The `id` of the page's `<datalist>` of the service's list that the answer is an entry of.
    pub list: Option<String>,
}

/// A service's list on a page, offered as an answer is typed: one for every input that takes an
/// entry of it.
#[derive(Serialize)]
pub struct Datalist<'r> {
    pub id: String,
    pub entries: Vec<&'r str>,
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
            match question.kind {
                Kind::Items => field.items = items(question, draft, findings, registry, with_missing),
                Kind::Entries => entries(&mut field, question, draft, findings, with_missing),
                _ => {}
            }
            field.anchor = anchor(question, &question.pointer);
            // A finding an item's input shows is not said again for the whole list.
            let inner: Vec<String> =
                field.items.iter().flat_map(|i| &i.fields).chain(&field.entries).map(|f| f.name.clone()).collect();
            let name = field.name.clone();
            annotate(&mut field, &question.label, findings, with_missing, |f| {
                is_about(f, &name) && !inner.iter().any(|p| is_about_item(f, p))
            });
            field
        })
        .collect()
}

fn annotate(
    field: &mut Field,
    label: &str,
    findings: &[Located],
    with_missing: bool,
    about: impl Fn(&Located) -> bool,
) {
    let about: Vec<&Located> =
        findings.iter().filter(|f| about(f) && on_its_page(f)).filter(|f| with_missing || !is_missing(f)).collect();
    field.error = about.iter().find(|f| f.finding.severity() == Severity::Error).map(|f| problem_text(f, Some(label)));
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
                    annotate(&mut field, &f.label, findings, with_missing, |finding| is_about_item(finding, &pointer));
                    field
                })
                .collect(),
        })
        .collect()
}

/// A list's inputs: one for each entry the draft holds, then empty ones up to as many as the
/// format takes, each named by the pointer of its entry. The held ones and one empty show; the
/// others are folded away until asked for.
fn entries(field: &mut Field, question: &Question, draft: &Draft, findings: &[Located], with_missing: bool) {
    let held: Vec<String> = match draft.get(&question.pointer) {
        None => Vec::new(),
        Some(Value::Array(items)) => items.iter().map(|item| shown(Some(item))).collect(),
        // Written by hand as one text: shown in the first input, so that a Continue keeps it.
        Some(other) => vec![shown(Some(other))],
    };
    let most = member_schema(&question.pointer)["maxItems"].as_u64().and_then(|m| usize::try_from(m).ok());
    let count = held.len().max(most.unwrap_or(1));
    field.shown = (held.len() + 1).min(count);
    field.entries = (0..count)
        .map(|index| {
            let pointer = format!("{}/{index}", question.pointer);
            let mut entry = Field::plain(&pointer, (index + 1).to_string(), "text");
            entry.value = held.get(index).cloned().unwrap_or_default();
            entry.list.clone_from(&field.list);
            let label = format!("{} ({})", question.label, index + 1);
            annotate(&mut entry, &label, findings, with_missing, |finding| is_about_item(finding, &pointer));
            entry
        })
        .collect();
}

impl Field {
    fn plain(pointer: &str, label: String, widget: &'static str) -> Field {
        let id = field_id(pointer);
        Field {
            anchor: id.clone(),
            id,
            name: pointer.to_owned(),
            label,
            hint: None,
            widget,
            value: String::new(),
            day: String::new(),
            month: String::new(),
            year: String::new(),
            options: Vec::new(),
            is_heading: false,
            error: None,
            notes: Vec::new(),
            items: Vec::new(),
            entries: Vec::new(),
            shown: 0,
            list: None,
        }
    }
}

fn field(question: &Question, pointer: &str, value: Option<&Value>, registry: &Registry) -> Field {
    let (widget, options) = match question.kind {
        Kind::Text | Kind::Entry => ("text", Vec::new()),
        Kind::Email => ("email", Vec::new()),
        Kind::Phone => ("tel", Vec::new()),
        Kind::Number => ("number", Vec::new()),
        Kind::Long => ("textarea", Vec::new()),
        Kind::Entries => ("entries", Vec::new()),
        Kind::Date => ("date", Vec::new()),
        Kind::Items => ("items", Vec::new()),
        Kind::YesNo | Kind::Tri | Kind::Code => ("radios", choices(question, pointer)),
        Kind::Codes | Kind::Tick => ("checkboxes", choices(question, pointer)),
        Kind::Ngo => {
            let mut ngos: Vec<(String, String)> =
                registry.ngos.iter().map(|(id, n)| (id.clone(), n.name.clone())).collect();
            ngos.sort_by(|a, b| a.1.cmp(&b.1));
            ("radios", ngos)
        }
        Kind::Languages => ("select_multiple", words::languages()),
    };
    let mut field = Field::plain(pointer, question.label.clone(), widget);
    field.hint.clone_from(&question.hint);
    if question.kind != Kind::Entries {
        field.value = shown(value);
    }
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
    field.options = options
        .into_iter()
        .enumerate()
        .map(|(at, (value, label))| Choice {
            id: if at == 0 { field.id.clone() } else { format!("{}-{at}", field.id) },
            checked: chosen.contains(&value),
            value,
            label,
        })
        .collect();
    if let (Kind::Date, Some(text)) = (question.kind, value.and_then(Value::as_str)) {
        let mut parts = text.splitn(3, '-').map(str::to_owned);
        field.year = parts.next().unwrap_or_default();
        field.month = parts.next().unwrap_or_default().trim_start_matches('0').to_owned();
        field.day = parts.next().unwrap_or_default().trim_start_matches('0').to_owned();
    }
    field.list = service_list(question).and_then(|f| f.list.as_deref()).map(list_id);
    field
}

/// A choice's options, each code with its words: the service's own option labels, or, for the
/// first responder's own record, its words, with "I do not know" where the member can be left
/// out.
fn choices(question: &Question, pointer: &str) -> Vec<(String, String)> {
    if !question.choices.is_empty() {
        return question.choices.iter().map(|choice| (code_text(&choice.code), choice.label.clone())).collect();
    }
    let words = question.word_list().unwrap_or_default();
    let listed = codes(question, pointer)
        .iter()
        .map(|code| {
            let key = match code {
                Value::Bool(b) if question.kind == Kind::Tri => if *b { "yes" } else { "no" }.to_owned(),
                other => code_text(other),
            };
            (code_text(code), capitalised(&word(words, &key)))
        })
        .collect();
    if question.kind == Kind::Codes { listed } else { with_do_not_know(listed, pointer) }
}

/// The service's field whose list a question's answer is an entry of (the first of its fields:
/// every field of one question takes the same list).
fn service_list(question: &Question) -> Option<&'static crate::service::Field> {
    if !matches!(question.kind, Kind::Entry | Kind::Entries) {
        return None;
    }
    let name = match question.service.as_ref()? {
        Service::Field(name) => name.replace("{n}", "1"),
        Service::Fork(forks) => forks.first()?.field.clone(),
    };
    crate::service::field(&name).filter(|field| field.list.is_some())
}

/// A datalist's `id`, from its list's file name: `list-uk-cities-and-towns`.
fn list_id(list: &str) -> String {
    format!("list-{}", list.trim_end_matches(".json"))
}

/// The service's lists the page's questions take entries of, once each. An entry the service
/// offers but can never accept (it ends in a space) is not offered here.
pub fn datalists<'r>(questions: &[&Question], registry: &'r Registry) -> Vec<Datalist<'r>> {
    let mut lists: Vec<Datalist<'r>> = Vec::new();
    for field in questions.iter().filter_map(|q| service_list(q)) {
        let Some(list) = field.list.as_deref() else { continue };
        let id = list_id(list);
        if lists.iter().any(|l| l.id == id) {
            continue;
        }
        // The organisations are the registry's (FR008 checks the organisation against them).
        let entries: &'r [String] = match list {
            "organisations.json" => &registry.online_form.organisations,
            _ => crate::service::entries(list).unwrap_or_default(),
        };
        let entries = entries.iter().filter(|e| !field.unselectable(e)).map(String::as_str).collect();
        lists.push(Datalist { id, entries });
    }
    lists
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
                        change: format!("{}?return=check#{}", page.address(), anchor(question, &question.pointer)),
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
                href: place.as_ref().map(|(page, question, pointer)| {
                    format!("{}?return={return_to}#{}", page.address(), anchor(question, pointer))
                }),
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
    let asked: Vec<String> = PAGES
        .iter()
        .flat_map(|p| p.asked(draft))
        .flat_map(|q| pointers(q, draft).into_iter().chain([q.pointer.clone()]))
        .collect();
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

/// "I do not know" (form.md) for a member its object does not require: an empty answer, which
/// leaves it out. The format has no `unknown` code of its own any more.
fn with_do_not_know(mut choices: Vec<(String, String)>, pointer: &str) -> Vec<(String, String)> {
    let (parent, name) = pointer.rsplit_once('/').unwrap_or_default();
    let required = member_schema(parent)["required"].as_array().is_some_and(|r| r.iter().any(|m| m == name));
    if !required && !choices.iter().any(|(code, _)| code == "not_sure") {
        choices.push((String::new(), "I do not know".to_owned()));
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

    /// A choice of the service's offers its options, labelled as the service labels them, and
    /// nothing more; a choice of the first responder's own record offers its codes in words.
    #[test]
    fn every_choice_question_offers_its_codes_in_words() {
        let registry = Registry::built_in();
        for (_, question) in crate::questions::all() {
            if question.kind == Kind::Items {
                continue;
            }
            let field = field(question, &question.pointer, None, &registry);
            if !["radios", "checkboxes", "select_multiple"].contains(&field.widget) {
                assert!(field.options.is_empty(), "{}", question.pointer);
                continue;
            }
            if question.choices.is_empty() {
                assert!(field.options.len() >= 2, "{}: {} choices", question.pointer, field.options.len());
                for option in &field.options {
                    assert!(!option.label.contains('_'), "{}: `{}` is in words", question.pointer, option.label);
                }
            } else {
                let offered: Vec<(&str, &str)> =
                    field.options.iter().map(|o| (o.value.as_str(), o.label.as_str())).collect();
                let service: Vec<(String, &str)> =
                    question.choices.iter().map(|c| (code_text(&c.code), c.label.as_str())).collect();
                let service: Vec<(&str, &str)> = service.iter().map(|(v, l)| (v.as_str(), *l)).collect();
                assert_eq!(offered, service, "{}: the service's options, and only they", question.pointer);
            }
        }
    }

    /// A list answer is a text input with the service's list as suggestions; a list of them is
    /// one input an entry, as many as the format takes, named by the entries' pointers.
    #[test]
    fn a_list_answer_is_typed_with_the_services_entries_offered() {
        let registry = Registry::built_in();
        let value = serde_json::json!({"exploitation": {"uk_towns": ["Boston", "Bostn"]}});
        let draft = Draft::new(&value);
        let towns = question("/exploitation/uk_towns");
        let field = &fields(&[towns], &draft, &[], &registry, false)[0];
        assert_eq!(field.widget, "entries");
        let names: Vec<&str> = field.entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names.len(), 10);
        assert_eq!((names[0], names[9]), ("/exploitation/uk_towns/0", "/exploitation/uk_towns/9"));
        let values: Vec<&str> = field.entries.iter().map(|e| e.value.as_str()).take(3).collect();
        assert_eq!(values, ["Boston", "Bostn", ""]);
        assert_eq!(field.shown, 3, "the entries held and one more show");
        assert_eq!(field.anchor, "f-exploitation-uk_towns-0");
        assert!(field.entries.iter().all(|e| e.list.as_deref() == Some("list-uk-cities-and-towns")));
        let lists = datalists(&[towns, question("/potential_victim/current_location/town")], &registry);
        assert_eq!(lists.len(), 1, "one datalist a list");
        let towns = crate::service::entries("uk-cities-and-towns.json").unwrap();
        assert_eq!(lists[0].entries.len(), towns.len() - 1, "all but the entry the service can never take");
        assert!(!lists[0].entries.contains(&"Dromore "));
        let nationality = field_of("/potential_victim/second_nationality", &registry);
        assert_eq!((nationality.widget, nationality.list.as_deref()), ("text", Some("list-nationalities")));
        let organisation = datalists(&[question("/first_responder/organisation/name")], &registry);
        assert_eq!(organisation[0].entries.len(), registry.online_form.organisations.len());
    }

    /// Findings about one entry or one item (`/exploitation/uk_towns/1`, `/evidence/0/file`,
    /// `/exploitation/kinds/3`) reach the input that holds it, once, in the rule's words and with
    /// a link that focuses it; one about the whole list reaches the list.
    #[test]
    fn a_finding_about_an_entry_or_an_item_reaches_its_input() {
        let text = include_str!("../../fixtures/examples/child-england-pass.json");
        let mut value: Value = serde_json::from_str(text).unwrap();
        value["exploitation"]["uk_towns"] = serde_json::json!(["Boston", "Bostn"]);
        value["evidence"][0]["file"] = serde_json::json!("first-account.txt");
        let settings = crate::check::Settings {
            registry: Registry::built_in(),
            today: chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
            show_values: false,
            deny_warnings: false,
            source_date_epoch: None,
        };
        let mut outcome = crate::check::check_bytes(serde_json::to_vec(&value).unwrap(), &settings);
        let rule =
            |id: &str| outcome.findings.iter().find(|f| f.finding.rule.id == id).map(|f| f.finding.pointer.clone());
        assert_eq!(rule("SVC003").as_deref(), Some("/exploitation/uk_towns/1"));
        assert_eq!(rule("SVC007").as_deref(), Some("/evidence/0/file"));
        let tick = crate::rules::Finding::new(&crate::rules::service::SVC006, "/exploitation/kinds/3", "a note");
        let mut missing = crate::rules::Finding::new(&REQ001, "/exploitation", "missing");
        missing.missing = Some("countries".to_owned());
        for finding in [tick, missing] {
            outcome.findings.push(Located { finding, position: crate::locate::Position { line: 1, column: 1 } });
        }
        let draft = Draft::new(&value);
        let page = [question("/exploitation/uk_towns"), question("/exploitation/countries"), question("/evidence")];
        let fields = fields(&page, &draft, &outcome.findings, &settings.registry, true);
        let towns = &fields[0];
        assert!(towns.error.is_none() && towns.entries[0].error.is_none());
        let error = towns.entries[1].error.as_deref().expect("the second town's input has the error");
        assert!(error.starts_with("Towns and cities in the UK (2): the service's list has no such entry"), "{error}");
        assert!(error.contains("`Boston`"), "the nearest entries: {error}");
        assert_eq!(fields[1].error.as_deref(), Some("Answer “Countries”"), "a missing list, on the list");
        assert!(fields[1].entries.iter().all(|e| e.error.is_none()), "and not on each of its inputs");
        assert_eq!(fields[1].anchor, "f-exploitation-countries-0");
        let evidence = &fields[2];
        assert!(evidence.error.is_none(), "said once, at its input");
        assert!(evidence.items[0].fields[0].error.as_deref().is_some_and(|e| e.contains("upload page")));
        let kinds = fields_of("/exploitation/kinds", &draft, &outcome.findings, &settings.registry);
        assert_eq!(kinds.notes.len(), 1, "a finding about one tick is the group's: {:?}", kinds.notes);
        let problems = problems(&draft, &outcome.findings, "check");
        let href = |rule: &str| problems.iter().find(|p| p.rule == rule).and_then(|p| p.href.clone()).unwrap();
        assert!(href("SVC003").ends_with("#f-exploitation-uk_towns-1"), "{}", href("SVC003"));
        assert!(href("SVC007").ends_with("#f-evidence-0-file"), "{}", href("SVC007"));
        assert!(href("SVC006").ends_with("#f-exploitation-kinds"), "{}", href("SVC006"));
    }

    fn fields_of(pointer: &str, draft: &Draft, findings: &[Located], registry: &Registry) -> Field {
        fields(&[question(pointer)], draft, findings, registry, true).remove(0)
    }

    fn field_of(pointer: &str, registry: &Registry) -> Field {
        field(question(pointer), pointer, None, registry)
    }

    #[test]
    fn every_question_is_on_a_page_and_pages_have_headings() {
        let on_pages: usize = PAGES.iter().map(|p| p.questions.len()).sum();
        assert_eq!(on_pages, crate::questions::all().count());
        assert!(PAGES.iter().all(|p| !p.heading.trim().is_empty()));
        assert!(PAGES.len() > 40, "one question, or a few that belong together, a page");
    }
}
