//! The referral as a person reads it: the pages of the Home Office's online service that this
//! case meets, in the service's order, each under the title the service shows and with each
//! answer under its question, as it is to be entered (a choice in the service's own words, a
//! list answer as the list's entry, a text as written); then the first responder's own record
//! (what the service does not ask, or does not ask in this case). The pages and their answers
//! come from `service::answers`, the one walk of the service; the questions' words from the
//! question table (`data/questions.json`). The PDF and the HTML page are both drawn from this
//! one model, so they always say the same.

use super::words::{date, word};
use crate::check::Located;
use crate::draft::Draft;
use crate::questions::{Kind, Question, TABLE};
use crate::rules::Severity;
use crate::service::answers::{self, Answer, Entered};
use serde::Serialize;
use serde_json::Value;

#[derive(Serialize)]
pub struct Referral {
    pub reference: String,
    /// "National Referral Mechanism referral" or "Duty to Notify".
    pub title: String,
    pub prepared_on: String,
    /// URG001: an immediate referral is expected.
    pub priority: bool,
    /// What the document is, in a sentence under the title.
    pub intro: &'static str,
    /// The service's pages, then the first responder's own record (when it has any).
    pub parts: Vec<Part>,
    /// The warnings and notices the checks raised.
    pub notes: Vec<Note>,
    pub next_steps: Vec<Step>,
}

/// The service's pages, or the record's sections.
#[derive(Serialize)]
pub struct Part {
    pub title: &'static str,
    pub note: Option<&'static str>,
    pub sections: Vec<Section>,
}

/// A page of the service (its title as the service shows it), or a section of the record.
#[derive(Serialize)]
pub struct Section {
    pub title: &'static str,
    pub rows: Vec<Row>,
    /// For a page with nothing to enter in this case: what to do there instead.
    pub nothing: Option<&'static str>,
}

/// A question and its answer.
#[derive(Serialize)]
pub struct Row {
    pub label: String,
    pub values: Vec<String>,
    pub layout: Layout,
}

/// How an answer reads: one line, a list (bulleted when it has more than one item), running
/// text, or lines of their own (the parts of one document).
#[derive(Clone, Copy, Serialize, PartialEq, Eq, Debug)]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    Line,
    List,
    Long,
    Lines,
}

#[derive(Serialize)]
pub struct Note {
    pub severity: &'static str,
    pub rule: &'static str,
    pub message: String,
}

#[derive(Serialize)]
pub struct Step {
    pub done: bool,
    pub text: String,
}

/// What a page with nothing to enter says.
pub const NOTHING_TO_ENTER: &str = "Nothing to enter: continue";

/// Reads answers from the draft, or from one item of an array of objects.
struct Reader<'d, 'v> {
    draft: &'d Draft<'v>,
    registry: &'d crate::registry::Registry,
}

fn layout(kind: Kind) -> Layout {
    match kind {
        Kind::Long => Layout::Long,
        Kind::Codes | Kind::Entries | Kind::Languages => Layout::List,
        _ => Layout::Line,
    }
}

impl Reader<'_, '_> {
    /// One page of the service: each question once, with what is entered for it there.
    fn page(&self, page: &answers::Page) -> Section {
        let mut rows: Vec<Row> = Vec::new();
        // The question of the last row: the ticks of one question, or the entries of one list,
        // are one answer.
        let mut last: Option<&str> = None;
        for answer in &page.answers {
            let question = answer.question;
            if let Entered::Documents(_) = answer.entered {
                rows.extend(self.items(question, |field| field.service.is_none()));
                last = None;
                continue;
            }
            let values = self.words(answer);
            if values.is_empty() {
                continue;
            }
            match rows.last_mut() {
                Some(row) if last == Some(question.pointer.as_str()) => row.values.extend(values),
                _ => {
                    let (label, layout) = match question.kind {
                        // The documents' descriptions, as the one text of the page after the upload.
                        Kind::Items => {
                            let field =
                                question.fields.iter().find(|f| f.service_field(self.draft) == Some(&answer.field));
                            (field.map_or(&question.label, |f| &f.label).clone(), Layout::Long)
                        }
                        kind => (question.label.clone(), layout(kind)),
                    };
                    rows.push(Row { label, values, layout });
                    last = Some(&question.pointer);
                }
            }
        }
        let title = page.page.title.as_deref().unwrap_or(&page.page.path);
        let nothing = rows.is_empty().then_some(NOTHING_TO_ENTER);
        Section { title, rows, nothing }
    }

    /// An answer as the person enters it, in words: a tick as its checkbox's label, a list's
    /// entry as itself, a choice as the service's label, a date as "14 March 2010".
    fn words(&self, answer: &Answer) -> Vec<String> {
        let question = answer.question;
        if let Some(tick) = question.choices.iter().find(|c| c.field.as_deref() == Some(answer.field.as_str())) {
            return vec![tick.label.clone()];
        }
        match (&answer.entered, question.kind) {
            (Entered::Text(text), Kind::Entries | Kind::Items) => vec![text.clone()],
            _ => {
                self.draft.get(&question.pointer).map(|value| question.answer(value, self.registry)).unwrap_or_default()
            }
        }
    }

    /// The question's rows in the record: none when it does not apply or has no answer.
    fn rows(&self, question: &Question) -> Vec<Row> {
        if !question.applies(self.draft) {
            return Vec::new();
        }
        let Some(value) = self.draft.get(&question.pointer) else { return Vec::new() };
        if question.kind == Kind::Items {
            return self.items(question, |_| true);
        }
        let values = question.answer(value, self.registry);
        if values.is_empty() {
            return Vec::new();
        }
        vec![Row { label: question.label.clone(), values, layout: layout(question.kind) }]
    }

    /// A document, say: one row for each item, the members `shown` a line each ("File:
    /// report.pdf").
    fn items(&self, question: &Question, shown: impl Fn(&Question) -> bool) -> Vec<Row> {
        let items = self.draft.get(&question.pointer).and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
        items
            .iter()
            .enumerate()
            .filter_map(|(index, item)| {
                let values: Vec<String> = question
                    .fields
                    .iter()
                    .filter(|field| shown(field))
                    .filter_map(|field| {
                        let member = item.pointer(&field.pointer)?;
                        let answer = field.answer(member, self.registry);
                        (!answer.is_empty()).then(|| format!("{}: {}", field.label, answer.join(", ")))
                    })
                    .collect();
                let label = format!("{} {}", question.label, index + 1);
                (!values.is_empty()).then_some(Row { label, values, layout: Layout::Lines })
            })
            .collect()
    }
}

/// The model of a version 3 draft that passed its checks, with the findings it raised.
pub fn referral(draft: &Draft, findings: &[Located], registry: &crate::registry::Registry) -> Referral {
    let duty_to_notify = draft.str("/route") == Some("duty_to_notify");
    let reader = Reader { draft, registry };
    let answers = answers::answers(draft);
    let pages = answers::pages(&answers).unwrap_or_default();
    let service: Vec<Section> = pages.iter().map(|page| reader.page(page)).collect();
    // The record: every answer that is on no page of this case, under its section of the table.
    let mut listed: Vec<&str> =
        pages.iter().flat_map(|page| &page.answers).map(|a| a.question.pointer.as_str()).collect();
    let mut record = Vec::new();
    for spec in TABLE.sections.iter().filter(|s| s.applies(draft)) {
        let mut rows = Vec::new();
        for question in &spec.questions {
            if listed.contains(&question.pointer.as_str()) {
                continue;
            }
            let shown = reader.rows(question);
            if !shown.is_empty() {
                listed.push(&question.pointer);
                rows.extend(shown);
            }
        }
        if !rows.is_empty() {
            record.push(Section { title: &spec.title, rows, nothing: None });
        }
    }
    let notes = findings
        .iter()
        .filter(|f| f.finding.severity() != Severity::Error)
        .map(|f| Note {
            severity: f.finding.severity().as_str(),
            rule: f.finding.rule.id,
            message: f.finding.message.clone(),
        })
        .collect();
    let priority = findings.iter().any(|f| f.finding.rule.id == crate::rules::urgency::URG001.id);
    Referral {
        reference: draft.str("/reference").unwrap_or_default().to_owned(),
        title: if duty_to_notify { "Duty to Notify" } else { "National Referral Mechanism referral" }.to_owned(),
        prepared_on: draft.date("/prepared_on").map(date).unwrap_or_default(),
        priority,
        intro: "The answers follow the Home Office's online service page by page, in the order it shows them \
                for this case: each page under the title it shows, each answer under its question, as it is \
                to be entered.",
        parts: [
            Part {
                title: "The online service, page by page",
                note: Some(
                    "A choice is worded as the service words it, a list answer as the list spells it, and a text \
                     as it is to be typed.",
                ),
                sections: service,
            },
            Part {
                title: "The first responder's own record: not part of the online service",
                note: Some("The online service does not ask for these in this case. Keep them with the case file."),
                sections: record,
            },
        ]
        .into_iter()
        .filter(|part| !part.sections.is_empty())
        .collect(),
        notes,
        next_steps: next_steps(draft, priority, duty_to_notify),
    }
}

/// What remains to do, and what is done, for the first responder's own checklist.
fn next_steps(draft: &Draft, priority: bool, duty_to_notify: bool) -> Vec<Step> {
    let mut steps = Vec::new();
    if draft.is_child() {
        let referred = draft.date("/safeguarding/children_services/referred_on").map(date);
        steps.push(match referred {
            Some(on) => Step { done: true, text: format!("Children's services: referred on {on}") },
            None => Step { done: false, text: "Refer the child to local authority children's services".to_owned() },
        });
        steps.push(if draft.is_true("/safeguarding/police/notified") {
            Step { done: true, text: "Police: told".to_owned() }
        } else {
            Step { done: false, text: "Tell the police".to_owned() }
        });
        let nation = draft.str("/nation").unwrap_or_default();
        steps.push(match draft.str("/safeguarding/guardian/service") {
            Some(service) => {
                Step { done: true, text: format!("Independent guardian: referred to {}", word("guardian", service)) }
            }
            None => {
                let service = match nation {
                    "scotland" => "scottish_guardianship",
                    "northern_ireland" => "ni_independent_guardian",
                    _ => "ictg",
                };
                Step { done: false, text: format!("Refer the child to {}", word("guardian", service)) }
            }
        });
    }
    let form = if duty_to_notify { "Submit the Duty to Notify" } else { "Submit the referral" };
    let when = if priority { " immediately" } else { "" };
    steps.push(Step {
        done: false,
        text: format!("{form}{when} through the Home Office's online service, from this package"),
    });
    steps
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::Registry;
    use serde_json::json;

    fn project_file(path: &str) -> Value {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap_or_else(|e| panic!("{path:?}: {e}"))
    }

    /// Each section's title, and its questions with their answers.
    type Shown = Vec<(String, Vec<(String, Vec<String>)>)>;

    /// The service's pages and the record, as the package shows them.
    fn parts(value: &Value) -> (Shown, Shown) {
        let draft = Draft::new(value);
        let referral = referral(&draft, &[], &Registry::built_in());
        let shown = |part: &Part| -> Shown {
            part.sections
                .iter()
                .map(|s| (s.title.to_owned(), s.rows.iter().map(|r| (r.label.clone(), r.values.clone())).collect()))
                .collect()
        };
        let mut parts = referral.parts.iter();
        let service = parts.next().map(shown).unwrap_or_default();
        (service, parts.next().map(shown).unwrap_or_default())
    }

    fn answer(sections: &Shown, label: &str) -> Option<String> {
        sections.iter().flat_map(|(_, rows)| rows).find(|(l, _)| l == label).map(|(_, v)| v.join("|"))
    }

    /// The answers of one page, by its title.
    fn page<'a>(sections: &'a Shown, title: &str) -> &'a [(String, Vec<String>)] {
        &sections.iter().find(|(t, _)| t == title).unwrap_or_else(|| panic!("{title} is shown")).1
    }

    #[test]
    fn the_pages_are_the_services_in_its_order_each_answer_under_its_question() {
        let value = project_file("fixtures/examples/child-england-pass.json");
        let draft = Draft::new(&value);
        let answers = answers::answers(&draft);
        let titles: Vec<&str> =
            answers::pages(&answers).unwrap().iter().map(|page| page.page.title.as_deref().unwrap()).collect();
        let (service, record) = parts(&value);
        assert_eq!(service.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>(), titles);
        assert_eq!(
            page(&service, "What is their date of birth? (Optional)"),
            [("Date of birth".into(), vec!["14 March 2010".into()])]
        );
        assert_eq!(
            answer(&service, "How were they exploited?").as_deref(),
            Some("Forced to commit a crime, such as growing cannabis, drug dealing or begging")
        );
        assert_eq!(answer(&service, "Countries").as_deref(), Some("Vietnam|France"), "a list's entries, one answer");
        assert_eq!(
            answer(&service, "When were they last in touch with the exploiters?").as_deref(),
            Some("Within the last month")
        );
        // A child's consent is not asked: the page is there, with nothing to enter.
        let consent = "Does the potential victim consent to having their case referred to the NRM?";
        assert!(page(&service, consent).is_empty());
        let draft_referral = referral(&draft, &[], &Registry::built_in());
        let nothing = draft_referral.parts[0].sections.iter().find(|s| s.title == consent).unwrap().nothing;
        assert_eq!(nothing, Some(NOTHING_TO_ENTER));
        // The upload page lists the files; the page after it takes their descriptions as one text.
        let uploaded = page(&service, "Upload supporting evidence and documents (Optional)");
        assert_eq!(uploaded[0].0, "Document 1");
        assert!(uploaded[0].1.iter().all(|line| !line.starts_with("What it is")), "{uploaded:?}");
        let described = answer(&service, "What it is").unwrap();
        assert!(described.starts_with("lp-first-account-2026-11-10.pdf: Lincolnshire Police's record"), "{described}");
        // What the service does not ask is the record's, and only the record's.
        for label in ["Signs from the guidance's list", "Was the child told about the referral?", "Forms it took"] {
            assert!(answer(&record, label).is_some() && answer(&service, label).is_none(), "{label}");
        }
    }

    #[test]
    fn an_answer_the_service_does_not_take_in_this_case_is_the_records() {
        let value = project_file("fixtures/examples/adult-wales-duty-to-notify-pass.json");
        let (service, record) = parts(&value);
        // A Duty to Notify asks neither the first responder's name nor an interpreter.
        for label in ["Your first name", "Your last name", "Your phone number", "Is an interpreter needed?"] {
            assert!(answer(&service, label).is_none(), "{label} is not on the service's pages");
            assert!(answer(&record, label).is_some(), "{label} is in the record");
        }
        assert_eq!(answer(&service, "Gender").as_deref(), Some("Male"), "asked once, on the Duty to Notify's page");
        assert_eq!(record.iter().filter(|(_, rows)| rows.iter().any(|(l, _)| l == "Gender")).count(), 0);
    }

    #[test]
    fn questions_that_do_not_apply_are_left_out() {
        let mut draft = project_file("fixtures/examples/adult-scotland-pass.json");
        let (service, _) = parts(&draft);
        assert!(answer(&service, "What do they remember of the journey?").is_some());
        assert!(answer(&service, "Were they a child at any point of the exploitation?").is_some(), "an adult");
        draft["exploitation"]["taken_somewhere"] = json!(false);
        draft["potential_victim"]["age_status"] = json!("age_disputed");
        let (service, record) = parts(&draft);
        assert_eq!(answer(&service, "Did the exploiters take them anywhere?").as_deref(), Some("No"));
        for shown in [&service, &record] {
            assert!(answer(shown, "What do they remember of the journey?").is_none(), "not asked when not taken");
            assert!(answer(shown, "Were they a child at any point of the exploitation?").is_none(), "not for a child");
        }
        assert_eq!(answer(&service, "Are they under 18?").as_deref(), Some("Not Sure"));
        draft["background"]["education"] = json!("  ");
        assert!(answer(&parts(&draft).0, "What schooling have they had?").is_none(), "a blank answer");
    }

    #[test]
    fn choices_read_as_the_services_own_labels() {
        let mut draft = project_file("fixtures/examples/adult-scotland-pass.json");
        draft["exploitation"]["last_contact"] = json!("within_6_to_12_months");
        draft["exploitation"]["more_than_one"] = json!("not_sure");
        draft["exploitation"]["when"] = json!("Through 2026.");
        draft["exploitation"]["kinds"] = json!(["other", "forced_to_work"]);
        draft["exploitation"]["other_kind"] = json!("Forced to sell goods door to door");
        draft["potential_victim"]["gender"] = json!("other");
        let (service, record) = parts(&draft);
        let one = |label: &str| answer(&service, label);
        assert_eq!(
            one("When were they last in touch with the exploiters?").as_deref(),
            Some("Within the last 6-12 months")
        );
        assert_eq!(one("Have they been exploited in more than one situation?").as_deref(), Some("I don't know"));
        assert_eq!(
            one("How were they exploited?").as_deref(),
            Some("Forced to work for nothing or almost nothing|Other"),
            "the ticks in the service's order"
        );
        assert_eq!(one("The other kind, in words").as_deref(), Some("Forced to sell goods door to door"));
        assert!(one("Have they agreed to be referred into the NRM?").unwrap().starts_with("Yes - I have explained"));
        assert_eq!(one("Gender").as_deref(), Some("They do not identify as male or female"));
        assert_eq!(answer(&record, "Languages they speak").as_deref(), Some("Romanian|English"));
    }
}
