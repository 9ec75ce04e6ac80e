//! The referral as a person reads it: the answers in the sections and order of the Home
//! Office's online form, each under its question, then the first responder's own record (the
//! consent or consent note and the safeguarding steps, which the form does not ask for). The
//! questions are data (`data/questions.json`), walked here for both format versions; the PDF
//! and the HTML page are both drawn from this one model, so they always say the same.

use super::words::{date, word};
use crate::check::Located;
use crate::draft::Draft;
use crate::questions::{Kind, Question, TABLE};
use crate::rules::Severity;
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
    /// The answers for the online form, then the first responder's own record (when it has any).
    pub parts: Vec<Part>,
    /// The warnings and notices the checks raised.
    pub notes: Vec<Note>,
    pub next_steps: Vec<Step>,
}

/// The online form's sections that have an answer, in its order; or the record's.
#[derive(Serialize)]
pub struct Part {
    pub title: &'static str,
    pub note: Option<&'static str>,
    pub sections: Vec<Section>,
}

#[derive(Serialize)]
pub struct Section {
    pub title: &'static str,
    pub rows: Vec<Row>,
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

/// Reads answers from the draft, or from one item of an array of objects.
struct Reader<'d, 'v> {
    draft: &'d Draft<'v>,
    registry: &'d crate::registry::Registry,
}

impl Reader<'_, '_> {
    /// The question's rows: none when it does not apply or has no answer.
    fn rows(&self, question: &Question) -> Vec<Row> {
        if !question.applies(self.draft) {
            return Vec::new();
        }
        let Some(value) = self.draft.get(&question.pointer) else { return Vec::new() };
        if question.kind == Kind::Items {
            return self.items(question, value);
        }
        let layout = match question.kind {
            Kind::Long => Layout::Long,
            Kind::Codes | Kind::Entries | Kind::Languages => Layout::List,
            _ => Layout::Line,
        };
        let values = question.answer(value, self.registry);
        if values.is_empty() {
            return Vec::new();
        }
        vec![Row { label: question.label.clone(), values, layout }]
    }

    /// A document, say: one row for each item, its members a line each ("File: report.pdf").
    fn items(&self, question: &Question, value: &Value) -> Vec<Row> {
        let items = value.as_array().map(Vec::as_slice).unwrap_or_default();
        items
            .iter()
            .enumerate()
            .filter_map(|(index, item)| {
                let values: Vec<String> = question
                    .fields
                    .iter()
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

/// The model of a draft that passed its checks, with the findings it raised.
pub fn referral(draft: &Draft, findings: &[Located], registry: &crate::registry::Registry) -> Referral {
    let duty_to_notify = draft.str("/route") == Some("duty_to_notify");
    let reader = Reader { draft, registry };
    let (mut sections, mut record) = (Vec::new(), Vec::new());
    for spec in TABLE.sections.iter().filter(|s| s.applies(draft)) {
        let rows: Vec<Row> = spec.questions.iter().flat_map(|q| reader.rows(q)).collect();
        if !rows.is_empty() {
            let part = if spec.record { &mut record } else { &mut sections };
            part.push(Section { title: &spec.title, rows });
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
        intro: "The answers follow the Home Office's online form, section by section in its order, each under \
                its question, so that they can be copied into the form one by one.",
        parts: [
            Part { title: "Answers for the online form", note: None, sections },
            Part {
                title: "The first responder's own record: not part of the online form",
                note: Some("The online form does not ask for these. Keep them with the case file."),
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
        text: format!("{form}{when} through the Home Office's online form, from this package"),
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

    fn sections(value: &Value) -> Shown {
        let draft = Draft::new(value);
        let referral = referral(&draft, &[], &Registry::built_in());
        referral
            .parts
            .iter()
            .flat_map(|p| &p.sections)
            .map(|s| (s.title.to_owned(), s.rows.iter().map(|r| (r.label.clone(), r.values.clone())).collect()))
            .collect()
    }

    fn answer<'a>(sections: &'a Shown, label: &str) -> Option<&'a [String]> {
        sections.iter().flat_map(|(_, rows)| rows).find(|(l, _)| l == label).map(|(_, v)| v.as_slice())
    }

    #[test]
    fn a_version_1_draft_walks_the_same_table_and_keeps_its_account() {
        let v1 = project_file("fixtures/examples/v1/child-england-pass.json");
        let shown = sections(&v1);
        let titles: Vec<&str> = shown.iter().map(|(t, _)| t.as_str()).collect();
        let table: Vec<&str> = TABLE.sections.iter().map(|s| s.title.as_str()).filter(|t| titles.contains(t)).collect();
        assert_eq!(titles, table, "in the table's order");
        let (_, insight) = shown.iter().find(|(t, _)| t == "Professional insight").unwrap();
        let account = insight.iter().find(|(label, _)| label == "Account").map(|(_, v)| v.clone());
        assert_eq!(account, Some(vec![v1["exploitation"]["narrative"].as_str().unwrap().to_owned()]));
        assert_eq!(answer(&shown, "Date of birth"), Some(&["14 March 2010".to_owned()][..]));
        assert_eq!(answer(&shown, "Forms it took"), Some(&["Cannabis cultivation".to_owned()][..]));
    }

    #[test]
    fn questions_that_do_not_apply_are_left_out() {
        let mut draft = project_file("fixtures/examples/adult-scotland-pass.json");
        let shown = sections(&draft);
        assert!(answer(&shown, "What do they remember of the journey?").is_some());
        assert!(answer(&shown, "Were they a child at any point of the exploitation?").is_some(), "an adult");
        draft["exploitation"]["taken_somewhere"] = json!(false);
        draft["potential_victim"]["age_status"] = json!("age_disputed");
        let shown = sections(&draft);
        assert_eq!(answer(&shown, "Did the exploiters take them anywhere?"), Some(&["No".to_owned()][..]));
        assert!(answer(&shown, "What do they remember of the journey?").is_none(), "not asked when not taken");
        assert!(answer(&shown, "Were they a child at any point of the exploitation?").is_none(), "not for a child");
        assert_eq!(answer(&shown, "Are they under 18?").map(|v| v[0].starts_with("Not sure")), Some(true));
        draft["background"]["education"] = json!("  ");
        assert!(answer(&sections(&draft), "What schooling have they had?").is_none(), "a blank answer");
    }

    #[test]
    fn codes_and_answers_read_in_words() {
        let mut draft = project_file("fixtures/examples/adult-scotland-pass.json");
        draft["exploitation"]["last_contact"] = json!("within_6_to_12_months");
        draft["exploitation"]["more_than_one"] = json!("not_sure");
        draft["exploitation"]["while_child"] = json!(false);
        draft["exploitation"]["types"] = json!(["labour", "other"]);
        draft["exploitation"]["other_type"] = json!("Forced to sell goods door to door");
        draft["potential_victim"]["languages"] = json!(["ro", "en"]);
        draft["potential_victim"]["gender"] = json!("other");
        draft["decision"]["recipient"] = json!("someone_else");
        let shown = sections(&draft);
        let one = |label: &str| answer(&shown, label).map(|v| v.join("|"));
        assert_eq!(one("When were they last in touch with the exploiters?").as_deref(), Some("6 to 12 months ago"));
        assert_eq!(one("Have they been exploited in more than one situation?").as_deref(), Some("Not sure"));
        assert_eq!(one("Were they a child at any point of the exploitation?").as_deref(), Some("No"));
        assert_eq!(one("Kinds of exploitation").as_deref(), Some("Labour exploitation|Another kind"));
        assert_eq!(one("The other kind, in words").as_deref(), Some("Forced to sell goods door to door"));
        assert_eq!(one("Have they agreed to be referred into the NRM?").as_deref(), Some("Yes"));
        assert_eq!(one("Languages they speak").as_deref(), Some("Romanian|English"));
        assert_eq!(one("Gender").as_deref(), Some("Does not identify as male or female"));
        assert_eq!(one("Who should the decision go to?").as_deref(), Some("Someone else, on their behalf"));
    }
}
