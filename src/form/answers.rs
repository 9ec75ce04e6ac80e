//! Posted answers into the draft. Every input is named by the JSON pointer of the member it sets
//! (form.md); what the person typed is kept as typed, even when it fails its checks, so that the
//! check can say what is wrong and nothing is lost. An empty answer leaves the member out.

use crate::questions::{Kind, Question};
use crate::schema;
use serde_json::{Map, Value};
use std::sync::LazyLock;

static SCHEMA: LazyLock<Value> = LazyLock::new(|| serde_json::from_str(schema::TEXT).expect("the schema is JSON"));

/// The schema of the member at a pointer of a draft (array indexes step into
/// `items`), with its `$ref`s followed.
pub fn member_schema(pointer: &str) -> &'static Value {
    let resolve = |mut node: &'static Value| {
        while let Some(name) = node["$ref"].as_str().and_then(|r| r.strip_prefix("#/$defs/")) {
            node = &SCHEMA["$defs"][name];
        }
        node
    };
    pointer.split('/').skip(1).fold(resolve(&SCHEMA), |node, segment| {
        if segment.parse::<usize>().is_ok() { resolve(&node["items"]) } else { resolve(&node["properties"][segment]) }
    })
}

/// The codes a question offers, as the format writes them (strings or booleans): the codes of
/// the service's options, in the service's order; for a member of the first responder's own
/// record, the schema's.
pub fn codes(question: &Question, pointer: &str) -> Vec<Value> {
    if !question.choices.is_empty() {
        return question.choices.iter().map(|choice| choice.code.clone()).collect();
    }
    let listed = |node: &Value| node["enum"].as_array().cloned().unwrap_or_default();
    match question.kind {
        Kind::YesNo => vec![Value::Bool(true), Value::Bool(false)],
        Kind::Codes => listed(member_schema(&format!("{pointer}/0"))),
        _ => listed(member_schema(pointer)),
    }
}

/// A code as an input's `value`: `child`, `true`.
pub fn code_text(code: &Value) -> String {
    code.as_str().map_or_else(|| code.to_string(), str::to_owned)
}

/// Sets the members of the page's questions from the posted pairs.
pub fn apply(draft: &mut Value, questions: &[&Question], posted: &[(String, String)]) {
    for question in questions {
        if question.kind == Kind::Items {
            let before = draft.pointer(&question.pointer).and_then(Value::as_array).cloned().unwrap_or_default();
            let items = items(question, &before, posted);
            set(draft, &question.pointer, (!items.is_empty()).then_some(Value::Array(items)));
        } else {
            let answer = read(question, &question.pointer, posted);
            // `null` ("not known", where the format allows it) has no input of its own: an
            // empty answer keeps it.
            if answer.is_none() && draft.pointer(&question.pointer).is_some_and(Value::is_null) {
                continue;
            }
            set(draft, &question.pointer, answer);
        }
    }
}

fn values<'p>(posted: &'p [(String, String)], name: &'p str) -> impl Iterator<Item = &'p str> {
    posted.iter().filter(move |(n, _)| n == name).map(|(_, v)| v.as_str())
}

/// Browsers send a new line in a textarea as CRLF.
fn typed(text: &str) -> String {
    text.replace("\r\n", "\n")
}

/// One member's answer, or none when it is left empty.
fn read(question: &Question, pointer: &str, posted: &[(String, String)]) -> Option<Value> {
    let one = values(posted, pointer).next().map(typed).filter(|t| !t.is_empty());
    match question.kind {
        Kind::Text | Kind::Long | Kind::Email | Kind::Phone | Kind::Ngo | Kind::Entry => one.map(Value::String),
        Kind::Number => one.map(|text| {
            serde_json::from_str::<serde_json::Number>(text.trim()).map_or(Value::String(text), Value::Number)
        }),
        Kind::Date => date(pointer, posted),
        Kind::YesNo | Kind::Tri | Kind::Code | Kind::Tick => {
            let codes = codes(question, pointer);
            one.map(|text| codes.into_iter().find(|code| code_text(code) == text).unwrap_or(Value::String(text)))
        }
        Kind::Codes | Kind::Languages => {
            let chosen: Vec<Value> =
                values(posted, pointer).filter(|v| !v.is_empty()).map(|v| Value::String(v.to_owned())).collect();
            (!chosen.is_empty()).then_some(Value::Array(chosen))
        }
        Kind::Entries => {
            let entries: Vec<Value> = entries(pointer, posted).into_iter().map(Value::String).collect();
            (!entries.is_empty()).then_some(Value::Array(entries))
        }
        Kind::Items => None,
    }
}

/// The entries of a list, one input each (`POINTER/0`, `POINTER/1`, …): in the order of the
/// inputs, each as typed, the blank ones dropped.
fn entries(pointer: &str, posted: &[(String, String)]) -> Vec<String> {
    let prefix = format!("{pointer}/");
    let mut given: Vec<(usize, String)> = posted
        .iter()
        .filter_map(|(name, value)| Some((name.strip_prefix(&prefix)?.parse().ok()?, typed(value))))
        .filter(|(_, value): &(usize, String)| !value.trim().is_empty())
        .collect();
    // A stable sort: two inputs of one place (never sent by the page) keep the order sent.
    given.sort_by_key(|(index, _)| *index);
    given.into_iter().map(|(_, value)| value).collect()
}

/// A date from one input (`YYYY-MM-DD`) or from day, month and year; numbers are padded to the
/// format's width, anything else kept as typed for the check to report.
fn date(pointer: &str, posted: &[(String, String)]) -> Option<Value> {
    if let Some(whole) = values(posted, pointer).next().filter(|v| !v.is_empty()) {
        return Some(Value::String(whole.to_owned()));
    }
    let part = |name: &str| values(posted, &format!("{pointer}#{name}")).next().unwrap_or_default().trim().to_owned();
    let (day, month, year) = (part("day"), part("month"), part("year"));
    if day.is_empty() && month.is_empty() && year.is_empty() {
        return None;
    }
    let pad = |text: String| {
        if text.len() == 1 && text.chars().all(|c| c.is_ascii_digit()) { format!("0{text}") } else { text }
    };
    Some(Value::String(format!("{year}-{}-{}", pad(month), pad(day))))
}

/// The items of an array of objects (`/evidence/0/file`, …), in order, each over the item the
/// draft had at its place (so that members the form does not ask are kept); an item left
/// wholly empty is dropped.
fn items(question: &Question, before: &[Value], posted: &[(String, String)]) -> Vec<Value> {
    let prefix = format!("{}/", question.pointer);
    let mut indexes: Vec<usize> = posted
        .iter()
        .filter_map(|(name, _)| name.strip_prefix(&prefix)?.split(['/', '#']).next()?.parse().ok())
        .collect();
    indexes.sort_unstable();
    indexes.dedup();
    indexes
        .into_iter()
        .filter_map(|index| {
            let mut item = before.get(index).and_then(Value::as_object).cloned().unwrap_or_default();
            for field in &question.fields {
                let pointer = format!("{}/{index}{}", question.pointer, field.pointer);
                let name = field.pointer.trim_start_matches('/').to_owned();
                match read(field, &pointer, posted) {
                    Some(answer) => item.insert(name, answer),
                    None => item.remove(&name),
                };
            }
            (!item.is_empty()).then_some(Value::Object(item))
        })
        .collect()
}

/// Sets or removes the member at a pointer, making the objects above it as needed; an object
/// left empty by a removal goes too.
pub fn set(draft: &mut Value, pointer: &str, answer: Option<Value>) {
    let names: Vec<String> = pointer.split('/').skip(1).map(|s| s.replace("~1", "/").replace("~0", "~")).collect();
    let Some((last, parents)) = names.split_last() else { return };
    match answer {
        Some(answer) => {
            let mut node = draft;
            for name in parents {
                if !node.is_object() {
                    return;
                }
                node = node
                    .as_object_mut()
                    .expect("an object")
                    .entry(name.clone())
                    .or_insert_with(|| Value::Object(Map::new()));
            }
            if let Some(object) = node.as_object_mut() {
                object.insert(last.clone(), answer);
            }
        }
        None => remove(draft, parents, last),
    }
}

fn remove(node: &mut Value, parents: &[String], last: &str) {
    let Some(object) = node.as_object_mut() else { return };
    match parents.split_first() {
        None => {
            object.remove(last);
        }
        Some((first, rest)) => {
            if let Some(child) = object.get_mut(first) {
                remove(child, rest, last);
                if child.as_object().is_some_and(Map::is_empty) {
                    object.remove(first);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questions;
    use serde_json::json;

    fn question(pointer: &str) -> &'static Question {
        questions::all().map(|(_, q)| q).find(|q| q.pointer == pointer).unwrap()
    }

    fn posted(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect()
    }

    #[test]
    fn answers_are_kept_as_typed_and_codes_take_the_formats_type() {
        let mut draft = json!({"format_version": 3});
        let page = [
            question("/potential_victim/claimed_age"),
            question("/potential_victim/interpreter_needed"),
            question("/exploitation/while_child"),
            question("/exploitation/uk_towns"),
            question("/exploitation/began_on"),
            question("/decision/email_safe"),
            question("/exploitation/kinds"),
        ];
        let form = posted(&[
            ("/potential_victim/claimed_age", "about sixteen"),
            ("/potential_victim/interpreter_needed", "true"),
            ("/exploitation/while_child", "not_sure"),
            ("/exploitation/uk_towns/2", "Lincoln"),
            ("/exploitation/uk_towns/0", "Boston"),
            ("/exploitation/uk_towns/1", " "),
            ("/exploitation/uk_towns/10", "Bostn\r\n"),
            ("/exploitation/began_on#day", "3"),
            ("/exploitation/began_on#month", "9"),
            ("/exploitation/began_on#year", "2025"),
            ("/decision/email_safe", "true"),
            ("/exploitation/kinds", "wages_taken"),
            ("/exploitation/kinds", "forced_to_work"),
        ]);
        apply(&mut draft, &page, &form);
        assert_eq!(draft["potential_victim"]["claimed_age"], "about sixteen", "kept as typed, for the check");
        assert_eq!(draft["potential_victim"]["interpreter_needed"], true);
        assert_eq!(draft["exploitation"]["while_child"], "not_sure");
        assert_eq!(
            draft["exploitation"]["uk_towns"],
            json!(["Boston", "Lincoln", "Bostn\n"]),
            "in order, blanks dropped"
        );
        assert_eq!(draft["exploitation"]["began_on"], "2025-09-03");
        assert_eq!(draft["decision"]["email_safe"], true, "a tick is `true`");
        assert_eq!(draft["exploitation"]["kinds"], json!(["wages_taken", "forced_to_work"]));
        apply(&mut draft, &page[..1], &posted(&[("/potential_victim/claimed_age", "16")]));
        assert_eq!(draft["potential_victim"]["claimed_age"], 16);
        apply(
            &mut draft,
            &page[4..5],
            &posted(&[("/exploitation/began_on#day", "31"), ("/exploitation/began_on#month", "x")]),
        );
        assert_eq!(draft["exploitation"]["began_on"], "-x-31", "an impossible date is kept for the check to report");
        apply(&mut draft, &page[3..], &posted(&[("/exploitation/uk_towns/0", "")]));
        assert!(draft["exploitation"].get("uk_towns").is_none(), "no entry leaves the list out");
        assert!(draft.get("decision").is_none(), "an unticked box leaves its member out");
    }

    #[test]
    fn an_empty_answer_leaves_the_member_out_and_empty_objects_go() {
        let mut draft = json!({"support": {"contact": {"phone": "0123 456789"}}, "other": 1});
        apply(&mut draft, &[question("/support/contact/phone")], &posted(&[("/support/contact/phone", "")]));
        assert_eq!(draft, json!({"other": 1}));
    }

    #[test]
    fn items_are_read_in_order_and_empty_ones_dropped() {
        let mut draft = json!({});
        let form = posted(&[
            ("/evidence/1/file", "b.pdf"),
            ("/evidence/0/file", ""),
            ("/evidence/0/description", ""),
            ("/evidence/2/file", "c.pdf"),
            ("/evidence/2/created_on#year", "2026"),
        ]);
        apply(&mut draft, &[question("/evidence")], &form);
        assert_eq!(draft["evidence"][0], json!({"file": "b.pdf"}));
        assert_eq!(draft["evidence"][1]["file"], "c.pdf");
        assert_eq!(draft["evidence"].as_array().unwrap().len(), 2);
    }

    #[test]
    fn a_choice_offers_the_services_options_and_the_record_the_schemas_codes() {
        let codes = |p: &str| codes(question(p), p).iter().map(code_text).collect::<Vec<_>>();
        assert_eq!(codes("/potential_victim/age_status"), ["child", "adult", "age_disputed"], "the service's order");
        assert_eq!(codes("/exploitation/kinds").len(), 10, "the service's ten ticks");
        assert_eq!(codes("/exploitation/while_child"), ["true", "false", "not_sure"]);
        assert_eq!(codes("/decision/email_safe"), ["true"]);
        assert!(codes("/exploitation/forms").contains(&"cannabis_cultivation".to_owned()), "the record's codes");
        assert_eq!(codes("/consent/given"), ["true", "false"]);
    }
}
