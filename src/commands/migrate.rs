//! `nrm migrate`: the format version 2 draft of a version 1 draft.
//!
//! Every value stays, in its version 2 place; the one member that moves is the account,
//! `exploitation.narrative`, which becomes `professional.insight`. The questions version 2 adds
//! for the draft's case and route come from `nrm new`'s skeleton, empty, so that `nrm check` on
//! the result lists them. A version 1 member the draft left out stays out, so that the check
//! says what it said of the version 1 draft. Members are in the online form's order (the
//! schema's); any the format does not know come last in their object, in the draft's order.

use super::{Failure, NewFile, print_text};
use crate::cli::MigrateArgs;
use crate::config::FirstResponder;
use crate::draft::{AgeGroup, Draft};
use crate::layout::{self, Members};
use crate::locate::Locator;
use crate::skeleton::{self, Case, Known, Request};
use crate::source;
use serde_json::{Map, Value};
use std::io::{self, Write};
use std::process::ExitCode;

pub fn run(args: MigrateArgs) -> Result<ExitCode, Failure> {
    let from_stdin = args.draft.as_os_str() == "-";
    let name = if from_stdin { "standard input".to_owned() } else { args.draft.display().to_string() };
    let out = args.out.as_deref().map(|path| NewFile::create(path, "migrate")).transpose()?;
    let bytes = if from_stdin {
        source::read_limited(io::stdin().lock(), None)
    } else {
        std::fs::File::open(&args.draft).and_then(|file| {
            let size = file.metadata().ok().map(|m| m.len());
            source::read_limited(file, size)
        })
    }
    .map_err(|e| Failure(format!("{name}: cannot be read: {e}")))?;
    let text = migrate(bytes).map_err(|why| Failure(format!("{name}{why}")))?;
    let (Some(mut file), Some(path)) = (out, args.out) else { return print_text(&text) };
    file.write_all(text.as_bytes()).map_err(|e| Failure(format!("{}: {e}", path.display())))?;
    file.finish()?;
    eprintln!(
        "nrm: wrote {}, format version 2; `nrm check {}` lists the questions left to answer",
        path.display(),
        path.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// The version 2 draft's text, or why the bytes are not a version 1 draft (after the file's
/// name: a place, then the reason). Reasons name members and places, never values.
pub fn migrate(bytes: Vec<u8>) -> Result<String, String> {
    let document = source::parse(bytes).map_err(|rejected| {
        let source::Rejected { finding, position } = rejected;
        format!(
            ":{}:{}: {}; nrm migrate reads a well-formed version 1 draft",
            position.line, position.column, finding.message
        )
    })?;
    if let Some(repeated) = document.repeated.first() {
        let position = Locator::new(&document.text).locate(repeated);
        return Err(format!(
            ":{}:{}: a member name appears twice in one object; keep the right one and remove the other, \
             since migrating must not choose between them",
            position.line, position.column
        ));
    }
    match document.value.get("format_version").map(Value::as_u64) {
        Some(Some(1)) => {}
        Some(Some(2)) => {
            return Err(": is format version 2 already; `nrm check` lists what is left to fill in".into());
        }
        None => {
            return Err(
                ": has no `format_version`; nrm migrate reads format version 1 drafts (`\"format_version\": 1`)".into(),
            );
        }
        Some(_) => {
            return Err(": is not a format version 1 draft (`\"format_version\": 1`), so it cannot be migrated".into());
        }
    }
    let migrated = to_v2(&document.value)?;
    Ok(layout::write(&migrated, &document.text))
}

/// The version 2 value of a version 1 draft (an object).
fn to_v2(v1: &Value) -> Result<Value, String> {
    let mut draft = v1.as_object().cloned().unwrap_or_default();
    move_narrative(&mut draft);
    let skeleton = skeleton_for(v1)?;
    if let Value::Object(placeholders) = &skeleton {
        add_questions(&mut draft, placeholders, Some(&layout::V1));
    }
    draft.insert("format_version".into(), Value::from(2));
    Ok(Value::Object(draft))
}

/// The v1 account is the first responder's own: version 2 asks for it as `professional.insight`.
/// Where that place is taken (a draft with an unknown `professional` of its own), the account
/// stays where it was rather than be lost.
fn move_narrative(draft: &mut Map<String, Value>) {
    let free = match draft.get("professional") {
        None => true,
        Some(Value::Object(professional)) => !professional.contains_key("insight"),
        Some(_) => false,
    };
    let Some(Value::Object(exploitation)) = draft.get_mut("exploitation") else { return };
    if !free {
        return;
    }
    let Some(narrative) = exploitation.remove("narrative") else { return };
    let professional = draft.entry("professional").or_insert_with(|| Value::Object(Map::new()));
    if let Value::Object(professional) = professional {
        professional.insert("insight".into(), narrative);
    }
}

/// `nrm new`'s skeleton for the draft's case, route and the answers its conditional questions
/// depend on. When the draft does not say whether the person is a child or an adult, only the
/// questions both cases ask.
fn skeleton_for(v1: &Value) -> Result<Value, String> {
    let draft = Draft::new(v1);
    let route = match draft.str("/route") {
        Some("duty_to_notify") => "duty_to_notify",
        _ => "nrm",
    };
    let known = Known {
        interpreter_needed: draft.bool("/potential_victim/interpreter_needed"),
        ongoing: draft.bool("/exploitation/ongoing"),
        location: draft.str("/exploitation/location"),
    };
    let first_responder = FirstResponder::default();
    let render = |case| -> Result<Value, String> {
        let request = Request {
            case,
            nation: None,
            route,
            today: chrono::NaiveDate::default(),
            first_responder: &first_responder,
            known,
        };
        let text = skeleton::render(&request)?;
        serde_json::from_str(&text).map_err(|e| format!(": cannot make the version 2 skeleton: {e}"))
    };
    Ok(match draft.facts.group {
        Some(AgeGroup::Child) => render(Case::Child)?,
        Some(AgeGroup::Adult) => render(Case::Adult)?,
        None => common(&render(Case::Child)?, &render(Case::Adult)?),
    })
}

/// The members two skeletons share, at every depth.
fn common(a: &Value, b: &Value) -> Value {
    match (a, b) {
        (Value::Object(a), Value::Object(b)) => Value::Object(
            a.iter().filter_map(|(name, value)| Some((name.clone(), common(value, b.get(name)?)))).collect(),
        ),
        _ => a.clone(),
    }
}

/// Adds the skeleton's placeholder for every question version 2 added (a member version 1 did not
/// have), inside the objects the draft has; a version 1 member the draft left out stays out.
/// `v1`: the version 1 members of this object, `None` where the object itself is new.
fn add_questions(draft: &mut Map<String, Value>, skeleton: &Map<String, Value>, v1: Option<&Members>) {
    for (name, placeholder) in skeleton {
        let in_v1 = v1.and_then(|members| members.get(name));
        match draft.get_mut(name) {
            Some(Value::Object(answers)) => {
                if let Value::Object(placeholders) = placeholder {
                    add_questions(answers, placeholders, in_v1);
                }
            }
            Some(_) => {}
            None if in_v1.is_none() => {
                draft.insert(name.clone(), placeholder.clone());
            }
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{V2, parse_ast};
    use jsonc_parser::ast;

    fn skeleton_text(case: Case, route: &str, known: Known) -> String {
        let first_responder = FirstResponder::default();
        let request = Request {
            case,
            nation: Some("england"),
            route,
            today: chrono::NaiveDate::default(),
            first_responder: &first_responder,
            known,
        };
        skeleton::render(&request).unwrap()
    }

    /// Every member of the tree is one the format defines there, in the format's order.
    fn in_format_order(node: &ast::Value, members: &Members, path: &str, problems: &mut Vec<String>) {
        let ast::Value::Object(object) = node else { return };
        let mut last = None;
        for property in &object.properties {
            let name = property.name.as_str();
            let here = format!("{path}/{name}");
            match members.rank(name) {
                None => problems.push(format!("{here} is not a member of format version 2")),
                Some(rank) => {
                    if last.is_some_and(|last| last >= rank) {
                        problems.push(format!("{here} is out of the schema's order"));
                    }
                    last = Some(rank);
                    in_format_order(&property.value, members.get(name).unwrap(), &here, problems);
                }
            }
        }
    }

    #[test]
    fn the_skeleton_holds_format_version_2_members_in_the_forms_order() {
        let mut problems = Vec::new();
        for (case, route) in [(Case::Child, "nrm"), (Case::Adult, "nrm"), (Case::Adult, "duty_to_notify")] {
            for known in [
                Known::default(),
                Known { interpreter_needed: Some(true), ongoing: Some(true), location: Some("uk") },
                Known { interpreter_needed: Some(false), ongoing: Some(false), location: Some("uk_and_overseas") },
            ] {
                let text = skeleton_text(case, route, known);
                in_format_order(&parse_ast(&text).expect("the skeleton is JSON"), &V2, "", &mut problems);
            }
        }
        assert!(problems.is_empty(), "{problems:#?}");
    }

    fn migrated(v1: &str) -> String {
        migrate(v1.as_bytes().to_vec()).unwrap()
    }

    #[test]
    fn members_the_format_does_not_know_are_kept_last_in_the_drafts_order() {
        let text = migrated(
            r#"{"zeta": 1, "format_version": 1, "alpha": {"b": 2, "a": 1},
                "potential_victim": {"nickname": "x", "age_status": "adult", "gender": "male"}}"#,
        );
        let at = |needle: &str| text.find(needle).unwrap_or_else(|| panic!("{needle} in {text}"));
        assert!(at("\"format_version\": 2") < at("\"potential_victim\""));
        assert!(at("\"cooperation\"") < at("\"zeta\"") && at("\"zeta\"") < at("\"alpha\""), "{text}");
        assert!(at("\"b\": 2") < at("\"a\": 1"), "{text}");
        assert!(at("\"gender\"") < at("\"nickname\""), "{text}");
        let value: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["alpha"], serde_json::json!({"a": 1, "b": 2}));
    }

    #[test]
    fn the_account_moves_only_to_a_free_place() {
        let moved: Value = serde_json::from_str(&migrated(
            r#"{"format_version": 1, "exploitation": {"narrative": "the account", "ongoing": true}}"#,
        ))
        .unwrap();
        assert_eq!(moved["professional"]["insight"], "the account");
        assert!(moved["exploitation"].get("narrative").is_none());
        assert_eq!(moved["exploitation"]["what_keeps_them"], "", "the question `ongoing` brings");
        let kept: Value = serde_json::from_str(&migrated(
            r#"{"format_version": 1, "exploitation": {"narrative": "the account"}, "professional": {"insight": "other"}}"#,
        ))
        .unwrap();
        assert_eq!(kept["exploitation"]["narrative"], "the account", "never lost");
        assert_eq!(kept["professional"]["insight"], "other");
    }

    #[test]
    fn without_an_age_group_only_the_questions_both_cases_ask_are_added() {
        let unknown: Value = serde_json::from_str(&migrated(r#"{"format_version": 1, "route": "nrm"}"#)).unwrap();
        assert!(unknown.get("decision").is_none() && unknown.get("professional").is_some(), "{unknown}");
        let adult: Value = serde_json::from_str(&migrated(
            r#"{"format_version": 1, "route": "nrm", "potential_victim": {"age_status": "adult"}}"#,
        ))
        .unwrap();
        assert!(adult.get("decision").is_some());
        assert!(adult.get("consent").is_none(), "a version 1 member the draft left out stays out");
    }

    #[test]
    fn only_well_formed_version_1_drafts_are_migrated() {
        for (text, why) in [
            ("{\"format_version\": 1, \"a\": ", "well-formed"),
            ("{\"format_version\": 1, \"a\": 1, \"a\": 2}", "twice"),
            ("{\"format_version\": 2}", "version 2 already"),
            ("{\"reference\": \"x\"}", "no `format_version`"),
            ("{\"format_version\": \"1\"}", "not a format version 1"),
            ("[1]", "one JSON object"),
        ] {
            let error = migrate(text.as_bytes().to_vec()).unwrap_err();
            assert!(error.contains(why), "{text}: {error}");
        }
    }
}
