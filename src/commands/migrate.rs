//! `nrm migrate`: the format version 3 draft of a version 1 or 2 draft.
//!
//! The values move as `crate::migrate::to_v3` moves them: each that maps to exactly one
//! version 3 member, option or list entry goes there, and every other stays where it was, for
//! `nrm check` on the result to say what to choose. Then the questions version 3 asks for the
//! draft's case and route that the draft's own version did not have come from `nrm new`'s
//! skeleton, empty, so that the check lists them too. A member of the draft's own version that
//! the draft left out stays out, so that the check says of it what it said of the draft. Members
//! are in the online form's order (the schema's); any the format does not know come last in
//! their object, in the draft's order.

use super::{Failure, NewFile, print_text};
use crate::cli::MigrateArgs;
use crate::config::FirstResponder;
use crate::draft::{AgeGroup, Draft};
use crate::layout;
use crate::locate::{Locator, Position};
use crate::rules::{Finding, input::INP005};
use crate::skeleton::{self, Case, Known, Request};
use crate::{schema, source};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::process::ExitCode;
use std::sync::LazyLock;

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
        "nrm: wrote {}, format version 3; `nrm check {}` lists what is left to choose and to answer",
        path.display(),
        path.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// The format version a draft is migrated from.
#[derive(Clone, Copy)]
enum Older {
    V1,
    V2,
}

/// The version 3 draft's text, or why the bytes are not a version 1 or 2 draft (after the
/// file's name: a place, then the reason). Reasons name members and places, never values.
pub fn migrate(bytes: Vec<u8>) -> Result<String, String> {
    let document = source::parse(bytes).map_err(|rejected| {
        let source::Rejected { finding, position } = rejected;
        format!(
            ":{}:{}: {}; nrm migrate reads a well-formed version 1 or 2 draft",
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
    let at = |pointer: &str| -> Position { Locator::new(&document.text).locate(&Finding::new(&INP005, pointer, "")) };
    let from = match document.value.get("format_version").map(Value::as_u64) {
        Some(Some(1)) => Older::V1,
        Some(Some(2)) => Older::V2,
        Some(Some(3)) => {
            let Position { line, column } = at("/format_version");
            return Err(format!(
                ":{line}:{column}: is format version 3 already; `nrm check` lists what is left to fill in"
            ));
        }
        None => {
            return Err(":1:1: has no `format_version`; nrm migrate reads format version 1 and 2 drafts \
                        (`\"format_version\": 1` or `2`)"
                .into());
        }
        Some(_) => {
            let Position { line, column } = at("/format_version");
            return Err(format!(
                ":{line}:{column}: is not a format version 1 or 2 draft (`\"format_version\": 1` or `2`), so it cannot be \
                 migrated"
            ));
        }
    };
    let migrated = crate::migrate::to_v3(&document.value).value;
    let v3 = with_questions(migrated, from)?;
    Ok(layout::write(&v3, &document.text))
}

/// The migrated value with the skeleton's placeholder for every question the draft's version did
/// not have.
fn with_questions(migrated: Value, from: Older) -> Result<Value, String> {
    let Value::Object(mut draft) = migrated else { return Ok(migrated) };
    let skeleton = skeleton_for(&Value::Object(draft.clone()))?;
    let defined: &Defined = match from {
        Older::V1 => &V1,
        Older::V2 => &V2,
    };
    if let Value::Object(placeholders) = &skeleton {
        add_questions(&mut draft, placeholders, Some(defined));
    }
    Ok(Value::Object(draft))
}

/// `nrm new`'s skeleton for the draft's case, route and the answers its conditional questions
/// depend on. When the draft does not say whether the person is a child or an adult, only the
/// questions both cases ask.
fn skeleton_for(v3: &Value) -> Result<Value, String> {
    let draft = Draft::new(v3);
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
        serde_json::from_str(&text).map_err(|e| format!(": cannot make the version 3 skeleton: {e}"))
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

/// The members a format version defines, at every depth of its objects (following `$ref`;
/// the conditions restate members, never add them).
#[derive(Default)]
struct Defined(BTreeMap<String, Defined>);

static V1: LazyLock<Defined> = LazyLock::new(|| Defined::of_schema(schema::TEXT_V1));
static V2: LazyLock<Defined> = LazyLock::new(|| Defined::of_schema(schema::TEXT_V2));

impl Defined {
    fn of_schema(text: &str) -> Defined {
        let root: Value = serde_json::from_str(text).expect("the embedded schema is JSON");
        let mut defined = Defined::default();
        defined.collect(&root, &root, 0);
        defined
    }

    fn collect(&mut self, node: &Value, root: &Value, depth: usize) {
        // A guard against a `$ref` cycle; the schemas nest a few levels deep.
        if depth > 32 {
            return;
        }
        let target = node.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix('#'));
        if let Some(target) = target.and_then(|pointer| root.pointer(pointer)) {
            self.collect(target, root, depth + 1);
        }
        if let Some(Value::Object(properties)) = node.get("properties") {
            for (name, property) in properties {
                self.0.entry(name.clone()).or_default().collect(property, root, depth + 1);
            }
        }
    }
}

/// Adds the skeleton's placeholder for every question the draft's version did not have, inside
/// the objects the draft has; a member of its version the draft left out stays out. `defined`:
/// the members the draft's version has here, `None` where the object itself is new.
fn add_questions(draft: &mut Map<String, Value>, skeleton: &Map<String, Value>, defined: Option<&Defined>) {
    for (name, placeholder) in skeleton {
        let in_version = defined.and_then(|members| members.0.get(name));
        match draft.get_mut(name) {
            Some(Value::Object(answers)) => {
                if let Value::Object(placeholders) = placeholder {
                    add_questions(answers, placeholders, in_version);
                }
            }
            Some(_) => {}
            None if in_version.is_none() => {
                draft.insert(name.clone(), placeholder.clone());
            }
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{Members, V3, parse_ast};
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
                None => problems.push(format!("{here} is not a member of format version 3")),
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
    fn the_skeleton_holds_format_version_3_members_in_the_forms_order() {
        let mut problems = Vec::new();
        for (case, route) in [(Case::Child, "nrm"), (Case::Adult, "nrm"), (Case::Adult, "duty_to_notify")] {
            for known in [
                Known::default(),
                Known { interpreter_needed: Some(true), ongoing: Some(true), location: Some("uk") },
                Known { interpreter_needed: Some(false), ongoing: Some(false), location: Some("uk_and_overseas") },
            ] {
                let text = skeleton_text(case, route, known);
                in_format_order(&parse_ast(&text).expect("the skeleton is JSON"), &V3, "", &mut problems);
            }
        }
        assert!(problems.is_empty(), "{problems:#?}");
    }

    fn migrated(draft: &str) -> Value {
        serde_json::from_str(&migrate(draft.as_bytes().to_vec()).unwrap()).unwrap()
    }

    #[test]
    fn members_the_format_does_not_know_are_kept_last_in_the_drafts_order() {
        let text = migrate(
            r#"{"zeta": 1, "format_version": 1, "alpha": {"b": 2, "a": 1},
                "potential_victim": {"nickname": "x", "age_status": "adult", "gender": "male", "aliases": ["y"]}}"#
                .as_bytes()
                .to_vec(),
        )
        .unwrap();
        let at = |needle: &str| text.find(needle).unwrap_or_else(|| panic!("{needle} in {text}"));
        assert!(at("\"format_version\": 3") < at("\"potential_victim\""));
        assert!(at("\"cooperation\"") < at("\"zeta\"") && at("\"zeta\"") < at("\"alpha\""), "{text}");
        assert!(at("\"b\": 2") < at("\"a\": 1"), "{text}");
        assert!(at("\"nickname\"") < at("\"gender\""), "a version 3 member now: {text}");
        assert!(at("\"gender\"") < at("\"aliases\""), "its place taken, the alias stays, last: {text}");
        let value: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["alpha"], serde_json::json!({"a": 1, "b": 2}));
    }

    #[test]
    fn the_account_moves_only_to_a_free_place() {
        let moved = migrated(r#"{"format_version": 1, "exploitation": {"narrative": "the account", "ongoing": true}}"#);
        assert_eq!(moved["professional"]["insight"], "the account");
        assert!(moved["exploitation"].get("narrative").is_none());
        assert_eq!(moved["exploitation"]["what_keeps_them"], "", "the question `ongoing` brings");
        let kept = migrated(
            r#"{"format_version": 1, "exploitation": {"narrative": "the account"}, "professional": {"insight": "other"}}"#,
        );
        assert_eq!(kept["exploitation"]["narrative"], "the account", "never lost");
        assert_eq!(kept["professional"]["insight"], "other");
    }

    #[test]
    fn without_an_age_group_only_the_questions_both_cases_ask_are_added() {
        let unknown = migrated(r#"{"format_version": 1, "route": "nrm"}"#);
        assert!(unknown.get("decision").is_none() && unknown.get("professional").is_some(), "{unknown}");
        let adult = migrated(r#"{"format_version": 1, "route": "nrm", "potential_victim": {"age_status": "adult"}}"#);
        assert_eq!(adult["decision"], serde_json::json!({ "recipient": "", "methods": [] }), "new since version 1");
        assert!(adult.get("consent").is_none(), "a version 1 member the draft left out stays out");
    }

    #[test]
    fn a_version_2_draft_gains_only_the_questions_version_2_did_not_have() {
        let draft = migrated(
            r#"{"format_version": 2, "route": "nrm", "first_responder": {"name": "x"},
                "potential_victim": {"age_status": "adult", "current_location": {}},
                "exploitation": {"types": ["sexual"]}, "decision": {"email": "e"}}"#,
        );
        let responder = &draft["first_responder"];
        assert_eq!(
            (&responder["first_name"], &responder["last_name"], &responder["name"]),
            (&"".into(), &"".into(), &"x".into())
        );
        assert!(responder.get("role").is_none(), "a version 2 member left out stays out");
        assert_eq!(draft["exploitation"]["kinds"], serde_json::json!([]), "no single tick: to choose");
        assert_eq!(draft["exploitation"]["types"], serde_json::json!(["sexual"]));
        assert_eq!(draft["decision"], serde_json::json!({ "methods": ["email"], "email": "e" }));
        assert!(draft["potential_victim"]["current_location"].as_object().unwrap().is_empty());
        assert!(draft.get("background").is_none() && draft.get("consent").is_none());
    }

    #[test]
    fn only_well_formed_version_1_and_2_drafts_are_migrated() {
        for (text, why) in [
            ("{\"format_version\": 1, \"a\": ", "well-formed"),
            ("{\"format_version\": 2, \"a\": 1, \"a\": 2}", "twice"),
            ("{\n  \"format_version\": 3}", ":2:21: is format version 3 already"),
            ("{\"reference\": \"x\"}", ":1:1: has no `format_version`"),
            ("{\"format_version\": \"1\"}", ":1:20: is not a format version 1 or 2"),
            ("{\"format_version\": 4}", "not a format version 1 or 2"),
            ("[1]", "one JSON object"),
        ] {
            let error = migrate(text.as_bytes().to_vec()).unwrap_err();
            assert!(error.contains(why), "{text}: {error}");
        }
    }
}
