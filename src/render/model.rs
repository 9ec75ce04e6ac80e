//! The referral as a person reads it: the answers in the sections and order of the Home
//! Office's online form, each under its question, then the first responder's own record (the
//! consent or consent note and the safeguarding steps, which the form does not ask for). The
//! questions are data (`data/questions.json`), walked here for both format versions; the PDF
//! and the HTML page are both drawn from this one model, so they always say the same.

use super::words::{capitalised, country, date, language, word};
use crate::check::Located;
use crate::draft::Draft;
use crate::rules::Severity;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::sync::LazyLock;

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

/// `data/questions.json`: every question, in the online form's order, then the record's.
#[derive(Deserialize)]
struct Table {
    sections: Vec<SectionSpec>,
}

#[derive(Deserialize)]
struct SectionSpec {
    title: String,
    #[serde(default)]
    record: bool,
    questions: Vec<Question>,
}

/// One question of the table (its `hint` is for the guided form, not the package).
#[derive(Deserialize)]
struct Question {
    pointer: String,
    label: String,
    kind: Kind,
    words: Option<String>,
    when: Option<Condition>,
    #[serde(default)]
    fields: Vec<Question>,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "snake_case")]
enum Kind {
    Text,
    Long,
    Email,
    Phone,
    Number,
    Date,
    YesNo,
    Tri,
    Code,
    Codes,
    Country,
    Countries,
    Language,
    Languages,
    List,
    Ngo,
    Items,
}

/// When a question applies.
#[derive(Deserialize)]
#[serde(untagged)]
enum Condition {
    Any { any: Vec<Condition> },
    AgeGroup { age_group: Group },
    Equals { pointer: String, equals: Value },
    In { pointer: String, r#in: Vec<Value> },
    Includes { pointer: String, includes: Value },
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "snake_case")]
enum Group {
    Child,
    Adult,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../../data/questions.json")).expect("data/questions.json is a question table")
});

impl Condition {
    fn holds(&self, draft: &Draft) -> bool {
        match self {
            Condition::Any { any } => any.iter().any(|c| c.holds(draft)),
            Condition::AgeGroup { age_group: Group::Child } => draft.is_child(),
            Condition::AgeGroup { age_group: Group::Adult } => draft.is_adult(),
            Condition::Equals { pointer, equals } => draft.get(pointer) == Some(equals),
            Condition::In { pointer, r#in } => draft.get(pointer).is_some_and(|v| r#in.contains(v)),
            Condition::Includes { pointer, includes } => {
                draft.get(pointer).and_then(Value::as_array).is_some_and(|items| items.contains(includes))
            }
        }
    }
}

/// Reads answers from the draft, or from one item of an array of objects.
struct Reader<'d, 'v> {
    draft: &'d Draft<'v>,
    registry: &'d crate::registry::Registry,
}

impl Reader<'_, '_> {
    /// The question's rows: none when it does not apply or has no answer.
    fn rows(&self, question: &Question) -> Vec<Row> {
        if question.when.as_ref().is_some_and(|when| !when.holds(self.draft)) {
            return Vec::new();
        }
        let Some(value) = self.draft.get(&question.pointer) else { return Vec::new() };
        if question.kind == Kind::Items {
            return self.items(question, value);
        }
        let layout = match question.kind {
            Kind::Long => Layout::Long,
            Kind::Codes | Kind::Countries | Kind::Languages | Kind::List => Layout::List,
            _ => Layout::Line,
        };
        let values = self.answer(question, value);
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
                        let answer = self.answer(field, member);
                        (!answer.is_empty()).then(|| format!("{}: {}", field.label, answer.join(", ")))
                    })
                    .collect();
                let label = format!("{} {}", question.label, index + 1);
                (!values.is_empty()).then_some(Row { label, values, layout: Layout::Lines })
            })
            .collect()
    }

    /// The answer in words; empty when the value is blank or not of the question's kind.
    fn answer(&self, question: &Question, value: &Value) -> Vec<String> {
        let words = |default: &str, code: &str| capitalised(&word(question.words.as_deref().unwrap_or(default), code));
        let text = |value: &Value| value.as_str().filter(|t| !t.trim().is_empty()).map(str::to_owned);
        let strings =
            |value: &Value| value.as_array().into_iter().flatten().filter_map(text).collect::<Vec<_>>().into_iter();
        let one = match question.kind {
            Kind::Text | Kind::Long | Kind::Email | Kind::Phone => text(value),
            Kind::Number => value.as_i64().map(|n| n.to_string()),
            Kind::Date => value.as_str().and_then(crate::draft::parse_date).map(date),
            Kind::YesNo => value.as_bool().map(|b| words("yes_no", if b { "true" } else { "false" })),
            Kind::Tri => match value {
                Value::Bool(b) => Some(words("tri", if *b { "yes" } else { "no" })),
                Value::String(code) => Some(words("tri", code)),
                _ => None,
            },
            Kind::Code => text(value).map(|code| words("", &code)),
            Kind::Country => text(value).map(|code| country(&code)),
            Kind::Language => text(value).map(|code| language(&code)),
            Kind::Ngo => text(value).map(|id| self.registry.ngos.get(&id).map_or(id, |ngo| ngo.name.clone())),
            Kind::Codes => return strings(value).map(|code| words("", &code)).collect(),
            Kind::Countries => return strings(value).map(|code| country(&code)).collect(),
            Kind::Languages => return strings(value).map(|code| language(&code)).collect(),
            Kind::List => return strings(value).collect(),
            Kind::Items => None,
        };
        one.into_iter().collect()
    }
}

/// The model of a draft that passed its checks, with the findings it raised.
pub fn referral(draft: &Draft, findings: &[Located], registry: &crate::registry::Registry) -> Referral {
    let duty_to_notify = draft.str("/route") == Some("duty_to_notify");
    let reader = Reader { draft, registry };
    let (mut sections, mut record) = (Vec::new(), Vec::new());
    for spec in &TABLE.sections {
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
    use std::collections::BTreeSet;

    fn project_file(path: &str) -> Value {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap_or_else(|e| panic!("{path:?}: {e}"))
    }

    /// The schema of a member, following `$ref`s into `$defs`.
    fn resolve<'s>(schema: &'s Value, mut node: &'s Value) -> &'s Value {
        while let Some(name) = node["$ref"].as_str().and_then(|r| r.strip_prefix("#/$defs/")) {
            node = &schema["$defs"][name];
        }
        node
    }

    /// Every member a draft can hold, by pointer; an array of objects's members as
    /// `/evidence/[]/file`.
    fn members(schema: &Value, node: &Value, pointer: String, out: &mut Vec<(String, Value)>) {
        let node = resolve(schema, node);
        let items = resolve(schema, &node["items"]);
        if let Some(properties) = node["properties"].as_object() {
            properties.iter().for_each(|(name, member)| members(schema, member, format!("{pointer}/{name}"), out));
        } else if items["properties"].is_object() {
            members(schema, items, format!("{pointer}/[]"), out);
        } else {
            out.push((pointer, node.clone()));
        }
    }

    fn questions() -> Vec<(&'static SectionSpec, &'static Question)> {
        TABLE.sections.iter().flat_map(|s| s.questions.iter().map(move |q| (s, q))).collect()
    }

    /// The question that shows a member, wherever it is in the table.
    fn asked(pointer: &str) -> Vec<&'static Question> {
        let (array, field) = pointer.split_once("/[]").unwrap_or((pointer, ""));
        questions()
            .into_iter()
            .filter(|(_, q)| q.pointer == array)
            .flat_map(
                |(_, q)| {
                    if field.is_empty() { vec![q] } else { q.fields.iter().filter(|f| f.pointer == field).collect() }
                },
            )
            .collect()
    }

    #[test]
    fn the_question_table_is_well_formed() {
        let table = project_file("data/questions.json");
        let words = project_file("data/words.json");
        let known = ["pointer", "label", "hint", "kind", "words", "when", "fields"];
        let mut ids = BTreeSet::new();
        let all: Vec<&str> = questions().iter().map(|(_, q)| q.pointer.as_str()).collect();
        for section in table["sections"].as_array().unwrap() {
            assert!(ids.insert(section["id"].as_str().unwrap()), "section ids are unique");
            assert!(!section["title"].as_str().unwrap().trim().is_empty());
            let fields = section["questions"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|q| std::iter::once(q).chain(q["fields"].as_array().into_iter().flatten()));
            for question in fields {
                let pointer = question["pointer"].as_str().unwrap();
                for key in question.as_object().unwrap().keys() {
                    assert!(known.contains(&key.as_str()), "{pointer}: `{key}` is not a member of a question");
                }
                assert!(pointer.starts_with('/'), "{pointer}");
                assert!(!question["label"].as_str().unwrap().trim().is_empty(), "{pointer} has a label");
                if let Some(list) = question["words"].as_str() {
                    assert!(words[list].is_object(), "{pointer}: data/words.json has the list `{list}`");
                } else {
                    assert_ne!(question["kind"], "code", "{pointer}: a code needs its words");
                    assert_ne!(question["kind"], "codes", "{pointer}: codes need their words");
                }
            }
        }
        for (_, question) in questions() {
            let mut conditions: Vec<&Condition> = question.when.iter().collect();
            while let Some(condition) = conditions.pop() {
                match condition {
                    Condition::Any { any } => conditions.extend(any),
                    Condition::AgeGroup { .. } => {}
                    Condition::Equals { pointer, .. }
                    | Condition::In { pointer, .. }
                    | Condition::Includes { pointer, .. } => {
                        assert!(
                            all.contains(&pointer.as_str()),
                            "{}: the condition's member {pointer} is asked",
                            question.pointer
                        )
                    }
                }
            }
        }
    }

    #[test]
    fn every_member_of_both_formats_has_a_question() {
        for file in ["schemas/referral.schema.json", "schemas/referral-v1.schema.json"] {
            let schema = project_file(file);
            let mut all = Vec::new();
            members(&schema, &schema, String::new(), &mut all);
            assert!(all.len() > 50, "{file}: the schema was read ({} members)", all.len());
            for (pointer, _) in all {
                if ["/$schema", "/format_version", "/prepared_on"].contains(&pointer.as_str()) {
                    continue; // the document's own details: its subtitle shows the date
                }
                assert!(!asked(&pointer).is_empty(), "{file}: {pointer} has no question in data/questions.json");
            }
        }
    }

    #[test]
    fn every_code_of_both_formats_reads_in_words() {
        let words = project_file("data/words.json");
        for file in ["schemas/referral.schema.json", "schemas/referral-v1.schema.json"] {
            let schema = project_file(file);
            let mut all = Vec::new();
            members(&schema, &schema, String::new(), &mut all);
            for (pointer, node) in all {
                let codes = node["enum"].as_array().or(resolve(&schema, &node["items"])["enum"].as_array());
                for question in asked(&pointer) {
                    let default = match question.kind {
                        Kind::YesNo => "yes_no",
                        Kind::Tri => "tri",
                        _ => "",
                    };
                    let Some(list) = question.words.as_deref().or(Some(default)).filter(|l| !l.is_empty()) else {
                        continue;
                    };
                    let codes: Vec<Value> = match question.kind {
                        Kind::YesNo => vec![json!("true"), json!("false")],
                        _ if node["type"] == "boolean" => vec![json!(true), json!(false)],
                        _ => codes.cloned().unwrap_or_default(),
                    };
                    assert!(!codes.is_empty(), "{file}: {pointer} has codes");
                    for code in codes {
                        let key = match code {
                            Value::Bool(b) if question.kind == Kind::Tri => if b { "yes" } else { "no" }.to_owned(),
                            Value::String(s) => s,
                            other => panic!("{pointer}: {other}"),
                        };
                        assert!(words[list][&key].is_string(), "{file}: `{key}` of {pointer} has words in `{list}`");
                    }
                }
            }
        }
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
