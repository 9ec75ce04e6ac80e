//! The questions of a referral (`data/questions.json`): every member of a format version 3
//! draft under the question that asks for it, in the order of the Home Office's online service,
//! then the first responder's own record; when each applies, the service's field it is entered
//! in, and how its answer reads in words (a choice as the service's own option label). One table
//! for the package (which shows the answers), the guided form (which asks them) and the service's
//! answers (which the SVC rules check), so that all of them use the same words; the schema's
//! titles are the same labels (a test holds them so).

use crate::draft::Draft;
use crate::registry::Registry;
use crate::render::words::{capitalised, date, language, word};
use serde::Deserialize;
use serde_json::Value;
use std::sync::LazyLock;

#[derive(Deserialize)]
pub struct Table {
    pub sections: Vec<Section>,
}

#[derive(Deserialize)]
pub struct Section {
    pub id: String,
    pub title: String,
    /// Not part of the online service: the first responder's own record.
    #[serde(default)]
    pub record: bool,
    /// When any of the section applies.
    pub when: Option<Condition>,
    pub questions: Vec<Question>,
}

/// One question: the member it sets, its words, when it applies, and where the service takes it.
#[derive(Deserialize)]
pub struct Question {
    pub pointer: String,
    pub label: String,
    pub hint: Option<String>,
    pub kind: Kind,
    /// For a member of the first responder's own record: the list of `data/words.json` that
    /// puts its codes in words.
    pub words: Option<String>,
    pub when: Option<Condition>,
    /// The guided form starts a new page here, under this heading.
    pub page: Option<String>,
    /// The service's field the answer is entered in; none for the first responder's record.
    pub service: Option<Service>,
    /// Each code of the member with the service's option (or checkbox) for it.
    #[serde(default)]
    pub choices: Vec<Choice>,
    /// For `items`: the members of each item, pointers relative to the item.
    #[serde(default)]
    pub fields: Vec<Question>,
}

/// Where the service takes an answer: one field, or the first of several whose condition holds.
#[derive(Deserialize)]
#[serde(untagged)]
pub enum Service {
    Field(String),
    Fork(Vec<Fork>),
}

#[derive(Deserialize)]
pub struct Fork {
    pub field: String,
    pub when: Option<Condition>,
}

/// A code of the member and the service's option for it: the option's `value` (a radio, a
/// checkbox group) or the checkbox `field` of its own (a tick of several), and its `label`.
#[derive(Deserialize)]
pub struct Choice {
    pub code: Value,
    pub value: Option<String>,
    pub field: Option<String>,
    pub label: String,
}

/// How an answer is read and written.
#[derive(Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
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
    Tick,
    Entry,
    Entries,
    Languages,
    Ngo,
    Items,
}

/// When a question applies.
#[derive(Deserialize)]
#[serde(untagged)]
pub enum Condition {
    Any { any: Vec<Condition> },
    All { all: Vec<Condition> },
    Not { not: Box<Condition> },
    AgeGroup { age_group: Group },
    Equals { pointer: String, equals: Value },
    In { pointer: String, r#in: Vec<Value> },
    Includes { pointer: String, includes: Value },
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    Child,
    Adult,
}

pub static TABLE: LazyLock<Table> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../data/questions.json")).expect("data/questions.json is a question table")
});

impl Condition {
    pub fn holds(&self, draft: &Draft) -> bool {
        match self {
            Condition::Any { any } => any.iter().any(|c| c.holds(draft)),
            Condition::All { all } => all.iter().all(|c| c.holds(draft)),
            Condition::Not { not } => !not.holds(draft),
            Condition::AgeGroup { age_group: Group::Child } => draft.is_child(),
            Condition::AgeGroup { age_group: Group::Adult } => draft.is_adult(),
            Condition::Equals { pointer, equals } => draft.get(pointer) == Some(equals),
            Condition::In { pointer, r#in } => draft.get(pointer).is_some_and(|v| r#in.contains(v)),
            Condition::Includes { pointer, includes } => {
                draft.get(pointer).and_then(Value::as_array).is_some_and(|items| items.contains(includes))
            }
        }
    }

    /// The members the condition reads (the age group reads `/potential_victim/age_status`).
    #[cfg(test)]
    pub fn members(&self) -> Vec<&str> {
        match self {
            Condition::Any { any: all } | Condition::All { all } => all.iter().flat_map(Condition::members).collect(),
            Condition::Not { not } => not.members(),
            Condition::AgeGroup { .. } => vec!["/potential_victim/age_status"],
            Condition::Equals { pointer, .. } | Condition::In { pointer, .. } | Condition::Includes { pointer, .. } => {
                vec![pointer.as_str()]
            }
        }
    }
}

impl Section {
    pub fn applies(&self, draft: &Draft) -> bool {
        self.when.as_ref().is_none_or(|when| when.holds(draft))
    }
}

impl Question {
    /// Whether the question is asked of this draft (its section's condition aside).
    pub fn applies(&self, draft: &Draft) -> bool {
        self.when.as_ref().is_none_or(|when| when.holds(draft))
    }

    /// The list of words for the codes of a record member: its own, else the one its kind implies.
    pub fn word_list(&self) -> Option<&str> {
        self.words.as_deref().or(match self.kind {
            Kind::YesNo => Some("yes_no"),
            Kind::Tri => Some("tri"),
            _ => None,
        })
    }

    /// The service's field for this draft: the one field, or the first fork whose condition holds.
    pub fn service_field(&self, draft: &Draft) -> Option<&str> {
        match self.service.as_ref()? {
            Service::Field(field) => Some(field),
            Service::Fork(forks) => forks
                .iter()
                .find(|fork| fork.when.as_ref().is_none_or(|when| when.holds(draft)))
                .map(|fork| fork.field.as_str()),
        }
    }

    /// The service's option for a code of the member.
    pub fn choice(&self, code: &Value) -> Option<&Choice> {
        self.choices.iter().find(|choice| choice.code == *code)
    }

    /// The answer in words, an item a line; empty when the value is blank or not of the
    /// question's kind. A choice reads as the service's own label, so that it can be found on
    /// the service's page as it is.
    pub fn answer(&self, value: &Value, registry: &Registry) -> Vec<String> {
        let words = |code: &Value| match self.choice(code) {
            Some(choice) => Some(choice.label.clone()),
            None if self.choices.is_empty() => {
                let key = match code {
                    Value::Bool(b) if self.kind == Kind::Tri => if *b { "yes" } else { "no" }.to_owned(),
                    Value::String(code) => code.clone(),
                    other => other.to_string(),
                };
                Some(capitalised(&word(self.word_list().unwrap_or_default(), &key)))
            }
            // A code the service does not offer has no words; the check reports it.
            None => None,
        };
        let text = |value: &Value| value.as_str().filter(|t| !crate::visible::is_blank(t)).map(str::to_owned);
        let strings =
            |value: &Value| value.as_array().into_iter().flatten().filter_map(text).collect::<Vec<_>>().into_iter();
        let one = match self.kind {
            Kind::Text | Kind::Long | Kind::Email | Kind::Phone | Kind::Entry => text(value),
            Kind::Number => value.as_i64().map(|n| n.to_string()),
            Kind::Date => value.as_str().and_then(crate::draft::parse_date).map(date),
            Kind::YesNo | Kind::Tri | Kind::Code | Kind::Tick => words(value),
            Kind::Ngo => text(value).map(|id| registry.ngos.get(&id).map_or(id, |ngo| ngo.name.clone())),
            Kind::Codes => return value.as_array().into_iter().flatten().filter_map(words).collect(),
            Kind::Entries => return strings(value).collect(),
            Kind::Languages => return strings(value).map(|code| language(&code)).collect(),
            Kind::Items => None,
        };
        one.into_iter().collect()
    }
}

/// The document's own details, which no question asks: the form and `nrm new` set them.
pub const UNASKED: [&str; 3] = ["/$schema", "/format_version", "/prepared_on"];

/// Every question with its section, in the table's order.
pub fn all() -> impl Iterator<Item = (&'static Section, &'static Question)> {
    TABLE.sections.iter().flat_map(|s| s.questions.iter().map(move |q| (s, q)))
}

/// The section of the form a member belongs to: the section of the question that sets it (or
/// sets the list or object it is in), else the first section with a question inside it (a
/// finding about a whole object). `None` for the document's own members and the file itself.
pub fn section_of(pointer: &str) -> Option<&'static Section> {
    let inside = |outer: &str, inner: &str| inner.strip_prefix(outer).is_some_and(|rest| rest.starts_with('/'));
    all()
        .filter(|(_, q)| q.pointer == pointer || inside(&q.pointer, pointer))
        .max_by_key(|(_, q)| q.pointer.len())
        .or_else(|| all().find(|(_, q)| !pointer.is_empty() && inside(pointer, &q.pointer)))
        .map(|(section, _)| section)
}

#[cfg(test)]
mod tests {
    use super::*;
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

    /// Every member a draft can hold, by pointer, with its schema as written (so its title
    /// beside the `$ref`); an array of objects's members as `/evidence/[]/file`.
    fn members(schema: &Value, node: &Value, pointer: String, out: &mut Vec<(String, Value)>) {
        let written = node.clone();
        let node = resolve(schema, node);
        let items = resolve(schema, &node["items"]);
        if let Some(properties) = node["properties"].as_object() {
            properties.iter().for_each(|(name, member)| members(schema, member, format!("{pointer}/{name}"), out));
        } else if items["properties"].is_object() {
            members(schema, items, format!("{pointer}/[]"), out);
        } else {
            let mut resolved = node.clone();
            if let (Some(into), Some(from)) = (resolved.as_object_mut(), written.as_object()) {
                for key in ["title", "description"] {
                    if let Some(words) = from.get(key) {
                        into.insert(key.to_owned(), words.clone());
                    }
                }
            }
            out.push((pointer, resolved));
        }
    }

    /// The questions that set a member, wherever they are in the table.
    fn asked(pointer: &str) -> Vec<&'static Question> {
        let (array, field) = pointer.split_once("/[]").unwrap_or((pointer, ""));
        all()
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
        let known = ["pointer", "label", "hint", "kind", "words", "when", "fields", "page", "service", "choices"];
        let mut ids = BTreeSet::new();
        let pointers: Vec<&str> = all().map(|(_, q)| q.pointer.as_str()).collect();
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
                    assert!(question["service"].is_null(), "{pointer}: a service field's choices are the service's");
                } else if ["code", "codes", "tick"].contains(&question["kind"].as_str().unwrap()) {
                    assert!(question["choices"].is_array(), "{pointer}: a choice needs the service's options or words");
                }
            }
        }
        let conditions = TABLE
            .sections
            .iter()
            .flat_map(|s| s.when.iter().map(move |w| (s.id.as_str(), w)))
            .chain(all().flat_map(|(_, q)| q.when.iter().map(move |w| (q.pointer.as_str(), w))))
            .chain(all().flat_map(|(_, q)| match &q.service {
                Some(Service::Fork(forks)) => {
                    forks.iter().filter_map(|f| f.when.as_ref()).map(|w| (q.pointer.as_str(), w)).collect()
                }
                _ => Vec::new(),
            }));
        for (owner, condition) in conditions {
            for member in condition.members() {
                assert!(
                    pointers.contains(&member) || UNASKED.contains(&member),
                    "{owner}: the condition's member {member} is asked"
                );
            }
        }
    }

    #[test]
    fn every_member_of_the_format_has_a_question() {
        let schema = project_file("schemas/referral.schema.json");
        let mut all = Vec::new();
        members(&schema, &schema, String::new(), &mut all);
        assert!(all.len() > 100, "the schema was read ({} members)", all.len());
        for (pointer, _) in all {
            if UNASKED.contains(&pointer.as_str()) {
                continue;
            }
            assert!(!asked(&pointer).is_empty(), "{pointer} has no question in data/questions.json");
        }
    }

    #[test]
    fn every_question_sets_a_member_of_the_format() {
        let schema = project_file("schemas/referral.schema.json");
        let mut known = Vec::new();
        members(&schema, &schema, String::new(), &mut known);
        let known: BTreeSet<String> = known.into_iter().map(|(pointer, _)| pointer).collect();
        for (_, question) in all() {
            if question.kind == Kind::Items {
                for field in &question.fields {
                    let pointer = format!("{}/[]{}", question.pointer, field.pointer);
                    assert!(known.contains(&pointer), "{pointer} is not a member of the format");
                }
            } else {
                assert!(known.contains(&question.pointer), "{} is not a member of the format", question.pointer);
            }
        }
    }

    /// The editor's completion (the schema's titles and descriptions), the form and the package
    /// speak with the same words.
    #[test]
    fn the_schema_titles_and_descriptions_are_the_questions_words() {
        let schema = project_file("schemas/referral.schema.json");
        let mut all = Vec::new();
        members(&schema, &schema, String::new(), &mut all);
        for (pointer, node) in all {
            if UNASKED.contains(&pointer.as_str()) {
                continue;
            }
            for question in asked(&pointer) {
                assert_eq!(node["title"].as_str(), Some(question.label.as_str()), "{pointer}: the schema's title");
            }
        }
    }

    /// Every code the schema allows is a choice of its question (the service's option for it,
    /// or, in the first responder's record, words), and no choice offers a code it does not allow.
    #[test]
    fn every_code_of_the_format_is_a_choice() {
        let words = project_file("data/words.json");
        let schema = project_file("schemas/referral.schema.json");
        let mut all = Vec::new();
        members(&schema, &schema, String::new(), &mut all);
        for (pointer, node) in all {
            let codes = node["enum"]
                .as_array()
                .or(resolve(&schema, &node["items"])["enum"].as_array())
                .cloned()
                .or_else(|| node.get("const").map(|c| vec![c.clone()]))
                .or_else(|| (node["type"] == "boolean").then(|| vec![json!(true), json!(false)]))
                .unwrap_or_default();
            for question in asked(&pointer) {
                if !question.choices.is_empty() {
                    // As sets: the choices are in the service's order, the codes in the format's.
                    let offered: BTreeSet<String> = question.choices.iter().map(|c| c.code.to_string()).collect();
                    let allowed: BTreeSet<String> = codes.iter().map(Value::to_string).collect();
                    assert_eq!(offered, allowed, "{pointer}: the choices are the schema's codes");
                } else if let Some(list) = question.word_list() {
                    assert!(!codes.is_empty(), "{pointer} has codes");
                    for code in codes.iter() {
                        let key = match code {
                            Value::Bool(b) if question.kind == Kind::Tri => if *b { "yes" } else { "no" }.to_owned(),
                            Value::Bool(b) => b.to_string(),
                            Value::String(s) => s.clone(),
                            other => panic!("{pointer}: {other}"),
                        };
                        assert!(words[list][&key].is_string(), "`{key}` of {pointer} has words in `{list}`");
                    }
                }
            }
        }
    }

    /// The table is held to the service's own description (online-service.json): every field a
    /// person fills in on any of its journeys has a question, every option of it is offered
    /// under its exact value and label, a list answer is asked as an entry of the field's list,
    /// and no question claims a field the service does not have.
    #[test]
    fn the_table_is_the_services_fields_and_options() {
        let service = project_file("data/online-form/online-service.json");
        let mut fields = std::collections::BTreeMap::new();
        let journeys = service["journeys"].as_object().unwrap();
        let on_journeys: BTreeSet<&str> = journeys
            .values()
            .flat_map(|j| j["pages"].as_array().unwrap())
            .map(|p| p["path"].as_str().unwrap())
            .chain(["/verify/who-do-you-work-for"])
            .collect();
        for page in service["pages"].as_array().unwrap().iter().chain(service["sign_in"].as_array().unwrap()) {
            if !on_journeys.contains(page["path"].as_str().unwrap()) {
                continue;
            }
            for field in page["fields"].as_array().into_iter().flatten() {
                fields.insert(field["name"].as_str().unwrap().to_owned(), field.clone());
            }
        }
        assert!(fields.len() > 100, "{} fields read", fields.len());
        // What the table says of each field: the questions that name it, and the choices that do.
        let mut claimed: std::collections::BTreeMap<String, Vec<&Question>> = Default::default();
        let named = |q: &'static Question| -> Vec<String> {
            let mut names: Vec<String> = match &q.service {
                Some(Service::Field(f)) if f.contains("{n}") => {
                    (1..=10).map(|n| f.replace("{n}", &n.to_string())).collect()
                }
                Some(Service::Field(f)) => vec![f.clone()],
                Some(Service::Fork(forks)) => forks.iter().map(|f| f.field.clone()).collect(),
                None => Vec::new(),
            };
            names.extend(q.choices.iter().filter_map(|c| c.field.clone()));
            names
        };
        for (_, question) in all() {
            for q in std::iter::once(question).chain(&question.fields) {
                for name in named(q) {
                    assert!(fields.contains_key(&name), "{}: the service has no field `{name}`", q.pointer);
                    claimed.entry(name).or_default().push(q);
                }
            }
        }
        for (name, field) in &fields {
            let questions = claimed.get(name).unwrap_or_else(|| panic!("the service's field `{name}` has no question"));
            for q in questions {
                let kind = field["type"].as_str().unwrap();
                if let Some(options) = field["options"].as_array() {
                    let offered: Vec<(&str, &str)> =
                        q.choices.iter().map(|c| (c.value.as_deref().unwrap_or_default(), c.label.as_str())).collect();
                    let service: Vec<(&str, &str)> =
                        options.iter().map(|o| (o["value"].as_str().unwrap(), o["label"].as_str().unwrap())).collect();
                    assert_eq!(offered, service, "{}: the options of `{name}`, each value and label", q.pointer);
                } else if kind == "checkbox" {
                    let choice = q
                        .choices
                        .iter()
                        .find(|c| c.field.as_deref() == Some(name.as_str()) || c.value.as_deref() == Some("true"));
                    let choice = choice.unwrap_or_else(|| panic!("{}: no tick for `{name}`", q.pointer));
                    assert_eq!(
                        Some(choice.label.as_str()),
                        field["label"].as_str(),
                        "{}: the label of `{name}`",
                        q.pointer
                    );
                } else if field["list"].is_string() {
                    assert!(
                        matches!(q.kind, Kind::Entry | Kind::Entries),
                        "{}: `{name}` takes an entry of its list",
                        q.pointer
                    );
                } else {
                    assert!(q.choices.is_empty() && q.words.is_none(), "{}: `{name}` is typed, not chosen", q.pointer);
                }
            }
        }
    }

    /// What a hand-written draft holds is asked for its case: nothing in a passing example sits
    /// behind a question that does not apply to it (so the form shows every value).
    #[test]
    fn every_answer_of_the_examples_is_asked_for_their_case() {
        for example in ["child-england-pass", "adult-scotland-pass", "adult-wales-duty-to-notify-pass"] {
            let value = project_file(&format!("fixtures/examples/{example}.json"));
            let draft = Draft::new(&value);
            let mut unasked = Vec::new();
            for (_, question) in all() {
                // A child's route is always `nrm`: the form's start page sets it.
                let answered = draft.get(&question.pointer).is_some() && question.pointer != "/route";
                if answered
                    && !all().any(|(s, q)| q.pointer == question.pointer && s.applies(&draft) && q.applies(&draft))
                {
                    unasked.push(&question.pointer);
                }
            }
            assert!(unasked.is_empty(), "{example}: answered but not asked: {unasked:?}");
        }
    }

    #[test]
    fn a_member_is_in_the_section_of_its_question() {
        let id = |pointer: &str| section_of(pointer).map(|section| section.id.as_str());
        assert_eq!(id("/consent/explained/nrm"), Some("consent"));
        assert_eq!(id("/exploitation/kinds/0"), id("/exploitation/kinds"));
        assert_eq!(id("/exploitation/kinds"), Some("exploiters"));
        // A whole object: where its first question is asked.
        assert_eq!(id("/potential_victim"), Some("age"));
        assert_eq!(id("/format_version"), None);
        assert_eq!(id(""), None);
    }
}
