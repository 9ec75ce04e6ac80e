//! The questions of a referral (`data/questions.json`): every member of the draft under the
//! question that asks for it, in the order of the Home Office's online form, then the first
//! responder's own record; when each applies, and how its answer reads in words. One table for
//! the package (which shows the answers) and the guided form (which asks them), so that the two
//! always use the same words; the schema's titles are the same labels (a test holds them so).

use crate::draft::Draft;
use crate::registry::Registry;
use crate::render::words::{capitalised, country, date, language, word};
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
    /// Not part of the online form: the first responder's own record.
    #[serde(default)]
    pub record: bool,
    /// When any of the section applies.
    pub when: Option<Condition>,
    pub questions: Vec<Question>,
}

/// One question: the member it sets, its words, and when it applies.
#[derive(Deserialize)]
pub struct Question {
    pub pointer: String,
    pub label: String,
    pub hint: Option<String>,
    pub kind: Kind,
    /// The list of `data/words.json` that puts its codes in words.
    pub words: Option<String>,
    pub when: Option<Condition>,
    /// The guided form starts a new page here, under this heading.
    pub page: Option<String>,
    /// The online form's list of names the guided form offers while the answer is typed.
    pub suggest: Option<Suggest>,
    /// For `items`: the members of each item, pointers relative to the item.
    #[serde(default)]
    pub fields: Vec<Question>,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "snake_case")]
pub enum Suggest {
    Organisations,
    LocalAuthorities,
    Regions,
    PoliceForces,
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

    /// The list of words for its codes: its own, else the one its kind implies.
    pub fn word_list(&self) -> Option<&str> {
        self.words.as_deref().or(match self.kind {
            Kind::YesNo => Some("yes_no"),
            Kind::Tri => Some("tri"),
            _ => None,
        })
    }

    /// The answer in words, an item a line; empty when the value is blank or not of the
    /// question's kind.
    pub fn answer(&self, value: &Value, registry: &Registry) -> Vec<String> {
        let words = |code: &str| capitalised(&word(self.word_list().unwrap_or_default(), code));
        let text = |value: &Value| value.as_str().filter(|t| !t.trim().is_empty()).map(str::to_owned);
        let strings =
            |value: &Value| value.as_array().into_iter().flatten().filter_map(text).collect::<Vec<_>>().into_iter();
        let one = match self.kind {
            Kind::Text | Kind::Long | Kind::Email | Kind::Phone => text(value),
            Kind::Number => value.as_i64().map(|n| n.to_string()),
            Kind::Date => value.as_str().and_then(crate::draft::parse_date).map(date),
            Kind::YesNo => value.as_bool().map(|b| words(if b { "true" } else { "false" })),
            Kind::Tri => match value {
                Value::Bool(b) => Some(words(if *b { "yes" } else { "no" })),
                Value::String(code) => Some(words(code)),
                _ => None,
            },
            Kind::Code => text(value).map(|code| words(&code)),
            Kind::Country => text(value).map(|code| country(&code)),
            Kind::Language => text(value).map(|code| language(&code)),
            Kind::Ngo => text(value).map(|id| registry.ngos.get(&id).map_or(id, |ngo| ngo.name.clone())),
            Kind::Codes => return strings(value).map(|code| words(&code)).collect(),
            Kind::Countries => return strings(value).map(|code| country(&code)).collect(),
            Kind::Languages => return strings(value).map(|code| language(&code)).collect(),
            Kind::List => return strings(value).collect(),
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
        let known = ["pointer", "label", "hint", "kind", "words", "when", "fields", "page", "suggest"];
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
                } else {
                    assert_ne!(question["kind"], "code", "{pointer}: a code needs its words");
                    assert_ne!(question["kind"], "codes", "{pointer}: codes need their words");
                }
            }
        }
        let conditions = TABLE
            .sections
            .iter()
            .flat_map(|s| s.when.iter().map(move |w| (s.id.as_str(), w)))
            .chain(all().flat_map(|(_, q)| q.when.iter().map(move |w| (q.pointer.as_str(), w))));
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
    fn every_member_of_both_formats_has_a_question() {
        for file in ["schemas/referral.schema.json", "schemas/referral-v1.schema.json"] {
            let schema = project_file(file);
            let mut all = Vec::new();
            members(&schema, &schema, String::new(), &mut all);
            assert!(all.len() > 50, "{file}: the schema was read ({} members)", all.len());
            for (pointer, _) in all {
                if UNASKED.contains(&pointer.as_str()) {
                    continue;
                }
                assert!(!asked(&pointer).is_empty(), "{file}: {pointer} has no question in data/questions.json");
            }
        }
    }

    #[test]
    fn every_question_sets_a_member_of_the_format() {
        let mut known = Vec::new();
        for file in ["schemas/referral.schema.json", "schemas/referral-v1.schema.json"] {
            let schema = project_file(file);
            members(&schema, &schema, String::new(), &mut known);
        }
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
        let mut members_v2 = Vec::new();
        members(&schema, &schema, String::new(), &mut members_v2);
        for (pointer, node) in members_v2 {
            if UNASKED.contains(&pointer.as_str()) {
                continue;
            }
            for question in asked(&pointer) {
                assert_eq!(node["title"].as_str(), Some(question.label.as_str()), "{pointer}: the schema's title");
                if let Some(hint) = &question.hint {
                    let description = node["description"].as_str().unwrap_or_default();
                    assert!(
                        description.starts_with(hint.trim_end_matches('.')),
                        "{pointer}: the description starts with the hint"
                    );
                }
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
                    let Some(list) = question.word_list() else { continue };
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
        assert_eq!(id("/exploitation/types/0"), id("/exploitation/types"));
        assert_eq!(id("/exploitation/types"), Some("exploiters"));
        // A whole object: where its first question is asked.
        assert_eq!(id("/potential_victim"), Some("age"));
        assert_eq!(id("/format_version"), None);
        assert_eq!(id(""), None);
    }
}
