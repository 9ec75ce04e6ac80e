//! Format version 3 from versions 1 and 2: the moves of `nrm migrate`, and where each moved
//! value came from, for the check of an older draft.
//!
//! [`to_v3`] moves every value that maps to exactly one version 3 member, option or list entry,
//! and leaves every other value where it was, for the check of the result to say what to choose
//! (data/moved-members.json words it). Nothing is guessed and nothing of meaning is dropped. The
//! moves, in the design's order (a version 1 draft first moves its account, as `nrm migrate` of
//! version 1 did, then takes version 2's moves):
//!
//! - `exploitation.narrative` (version 1) -> `professional.insight`, where that is free;
//! - `potential_victim.name_unknown: true` -> `given_names` and `family_name` "Unknown", where
//!   neither is given (with either given, it stays: which name is unknown is the person's to say);
//!   `false` beside both names says no more than they do, and goes;
//! - `aliases` (strings) -> `nickname`, joined with ", " (an empty list goes);
//! - `nationality`, `second_nationality`: an ISO code -> the service's entry
//!   (data/iso-service.json; `unknown` -> "Unknown"); a code without an entry stays as written,
//!   so that SVC003 names the nearest entries;
//! - `interpreter_language`: an ISO 639-1 code -> its English name (data/iso-names.json);
//! - `exploitation.types` and `forms` -> `kinds`, where exactly one tick fits: criminal ->
//!   forced_to_commit_crime, labour -> forced_to_work, domestic_servitude ->
//!   unpaid_household_work, organ_harvesting -> organs_removed, other -> other, sexual -> (for a
//!   child) child_sexual_exploitation; the forms benefit_fraud and financial_fraud ->
//!   forced_to_commit_fraud (the forms stay too: they are the first responder's record). A type
//!   with no single tick (an adult's `sexual`: prostitution, or taken and sexually assaulted;
//!   `unknown`) stays in `types`;
//! - `other_type` -> `other_kind`;
//! - `countries`: each code -> the service's entry (`unknown` -> "Unknown"); GB goes where
//!   `location` holds the UK (it is the UK, which `location` says); where it does not, GB stays,
//!   since then only the person can say whether the UK belongs in `location`. A list left empty
//!   by that goes. A code without an entry stays as written;
//! - `location_details` -> `uk_location_details` when `location` holds the UK, else
//!   `overseas_location_details` when it is `overseas`; with any other location it stays;
//! - `support.contact` gains `by`, from the one of `phone`, `alternative` and `none_reason` given;
//! - `decision` gains `methods` (email, post: those given); `safe_to_write: true` -> `email_safe`
//!   and `post_safe` for each method given, unless the decision goes to someone else (whose
//!   permission the service asks instead); on a Duty to Notify, `recipient: potential_victim`
//!   goes, since the service asks no recipient there and it can be no one else.
//!
//! Kept as they are, for the check to report: the first responder's one `name` (version 3 asks
//! `first_name` and `last_name`), gender and location `unknown` (the service offers neither),
//! towns, regions and local authorities as written, a Duty to Notify's date of birth, and
//! every other member. A move is made only where its place is free: a draft that already has a
//! version 3 member keeps both, and the check reports the older one.
//!
//! [`to_v3`] is for `nrm migrate`, which then adds the questions the draft lacks, and for the
//! check of an older draft, which runs the service's validators on its answers as version 3 and
//! reports each finding at the member it came from ([`Migrated::origin`]). So it reads only the
//! value: no I/O, no schema, and any JSON at all (wrong types anywhere) is taken without a panic.

use crate::draft::Draft;
use crate::render::words;
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// A draft as format version 3, and where its moved values came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Migrated {
    /// The version 3 draft (`format_version: 3`), with only the moves made: no question is added.
    pub value: Value,
    /// For each version 3 pointer of a value that was moved or converted, the pointer in the
    /// original draft it came from (`/potential_victim/nickname` <- `/potential_victim/aliases`;
    /// `/potential_victim/nationality` <- itself, converted from a code). A value derived from
    /// another (`methods`, `by`, a tick of `kinds`) names the member it was derived from. A
    /// pointer not listed, and not below one listed, is where it was.
    pub moved: BTreeMap<String, String>,
}

impl Migrated {
    /// The pointer in the original draft that a pointer of [`Migrated::value`] came from: the
    /// listed one, or one below a listed member (the rest of the path follows it), else the
    /// same pointer. Meant for findings on the version 3 value, to report them where the person
    /// will find them.
    pub fn origin<'a>(&'a self, pointer: &'a str) -> Cow<'a, str> {
        if let Some(from) = self.moved.get(pointer) {
            return Cow::Borrowed(from);
        }
        // The deepest listed member that holds the pointer.
        let mut end = pointer.len();
        while let Some(slash) = pointer[..end].rfind('/') {
            if let Some(from) = self.moved.get(&pointer[..slash]) {
                return Cow::Owned(format!("{from}{}", &pointer[slash..]));
            }
            end = slash;
        }
        Cow::Borrowed(pointer)
    }
}

/// The version 3 value of a version 1 or 2 draft, with the provenance of every moved value (see
/// the module's documentation for the moves). A version 1 draft (`format_version: 1`) takes
/// version 1's move first; any other object is read as version 2. Anything but an object is
/// returned as it is, with no moves.
pub fn to_v3(original: &Value) -> Migrated {
    let Value::Object(object) = original else {
        return Migrated { value: original.clone(), moved: BTreeMap::new() };
    };
    let mut draft = object.clone();
    let mut moves = Moves::default();
    if object.get("format_version").and_then(Value::as_u64) == Some(1) {
        move_narrative(&mut draft, &mut moves);
    }
    let child = Draft::new(original).is_child();
    let duty_to_notify = object.get("route").and_then(Value::as_str) == Some("duty_to_notify");
    potential_victim(&mut draft, &mut moves);
    exploitation(&mut draft, child, &mut moves);
    support(&mut draft, &mut moves);
    decision(&mut draft, duty_to_notify, &mut moves);
    draft.insert("format_version".into(), Value::from(3));
    Migrated { value: Value::Object(draft), moved: moves.0 }
}

#[derive(Default)]
struct Moves(BTreeMap<String, String>);

impl Moves {
    fn add(&mut self, to: impl Into<String>, from: impl Into<String>) {
        self.0.insert(to.into(), from.into());
    }
}

/// The version 1 account is the first responder's own: version 2 asks for it as
/// `professional.insight`. Where that place is taken (a draft with a `professional` of its own),
/// the account stays where it was rather than be lost.
fn move_narrative(draft: &mut Map<String, Value>, moves: &mut Moves) {
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
        moves.add("/professional/insight", "/exploitation/narrative");
    }
}

fn potential_victim(draft: &mut Map<String, Value>, moves: &mut Moves) {
    let Some(Value::Object(victim)) = draft.get_mut("potential_victim") else { return };
    let named = |victim: &Map<String, Value>, member: &str| victim.get(member).is_some_and(Value::is_string);
    match victim.get("name_unknown") {
        Some(Value::Bool(true)) if !victim.contains_key("given_names") && !victim.contains_key("family_name") => {
            victim.remove("name_unknown");
            for member in ["given_names", "family_name"] {
                victim.insert(member.into(), Value::from("Unknown"));
                moves.add(format!("/potential_victim/{member}"), "/potential_victim/name_unknown");
            }
        }
        Some(Value::Bool(false)) if named(victim, "given_names") && named(victim, "family_name") => {
            victim.remove("name_unknown");
        }
        _ => {}
    }
    if !victim.contains_key("nickname")
        && let Some(Value::Array(aliases)) = victim.get("aliases")
        && let Some(aliases) = aliases.iter().map(Value::as_str).collect::<Option<Vec<&str>>>()
    {
        let (nickname, none) = (aliases.join(", "), aliases.is_empty());
        victim.remove("aliases");
        if !none {
            victim.insert("nickname".into(), Value::from(nickname));
            moves.add("/potential_victim/nickname", "/potential_victim/aliases");
        }
    }
    for member in ["nationality", "second_nationality"] {
        if let Some(Value::String(code)) = victim.get_mut(member)
            && let Some(entry) = words::service_entry("nationalities", code)
        {
            *code = entry.to_owned();
            let pointer = format!("/potential_victim/{member}");
            moves.add(pointer.clone(), pointer);
        }
    }
    if let Some(Value::String(code)) = victim.get_mut("interpreter_language")
        && let Some(name) = words::language_name(code)
    {
        *code = name.to_owned();
        moves.add("/potential_victim/interpreter_language", "/potential_victim/interpreter_language");
    }
}

fn exploitation(draft: &mut Map<String, Value>, child: bool, moves: &mut Moves) {
    let Some(Value::Object(exploitation)) = draft.get_mut("exploitation") else { return };
    kinds(exploitation, child, moves);
    move_member(exploitation, "other_type", "other_kind", "/exploitation", moves);
    let location = exploitation.get("location").and_then(Value::as_str).map(str::to_owned);
    let holds_uk = matches!(location.as_deref(), Some("uk" | "uk_and_overseas"));
    countries(exploitation, holds_uk, moves);
    let details = match location.as_deref() {
        Some("uk" | "uk_and_overseas") => "uk_location_details",
        Some("overseas") => "overseas_location_details",
        _ => return,
    };
    move_member(exploitation, "location_details", details, "/exploitation", moves);
}

/// Moves a member to a free place in the same object.
fn move_member(object: &mut Map<String, Value>, from: &str, to: &str, at: &str, moves: &mut Moves) {
    if object.contains_key(to) {
        return;
    }
    if let Some(value) = object.remove(from) {
        object.insert(to.into(), value);
        moves.add(format!("{at}/{to}"), format!("{at}/{from}"));
    }
}

/// The service's one tick for an NRM type, where there is exactly one.
fn tick_of_type(code: &str, child: bool) -> Option<&'static str> {
    Some(match code {
        "criminal" => "forced_to_commit_crime",
        "labour" => "forced_to_work",
        "domestic_servitude" => "unpaid_household_work",
        "organ_harvesting" => "organs_removed",
        "other" => "other",
        "sexual" if child => "child_sexual_exploitation",
        _ => return None,
    })
}

fn tick_of_form(code: &str) -> Option<&'static str> {
    matches!(code, "benefit_fraud" | "financial_fraud").then_some("forced_to_commit_fraud")
}

fn kinds(exploitation: &mut Map<String, Value>, child: bool, moves: &mut Moves) {
    if exploitation.contains_key("kinds") {
        return;
    }
    // Each tick once, with the member it came from, in the draft's order: types, then forms.
    let mut ticks: Vec<(&'static str, String)> = Vec::new();
    let mut add = |tick: &'static str, from: String| {
        if !ticks.iter().any(|(known, _)| *known == tick) {
            ticks.push((tick, from));
        }
    };
    let mut kept: Option<Vec<(usize, Value)>> = None;
    if let Some(Value::Array(types)) = exploitation.get("types") {
        let mut left = Vec::new();
        for (index, code) in types.iter().enumerate() {
            match code.as_str().and_then(|code| tick_of_type(code, child)) {
                Some(tick) => add(tick, format!("/exploitation/types/{index}")),
                None => left.push((index, code.clone())),
            }
        }
        kept = Some(left);
    }
    if let Some(Value::Array(forms)) = exploitation.get("forms") {
        for (index, code) in forms.iter().enumerate() {
            if let Some(tick) = code.as_str().and_then(tick_of_form) {
                add(tick, format!("/exploitation/forms/{index}"));
            }
        }
    }
    match kept {
        Some(left) if left.is_empty() => {
            exploitation.remove("types");
        }
        Some(left) => {
            for (place, (index, _)) in left.iter().enumerate() {
                if place != *index {
                    moves.add(format!("/exploitation/types/{place}"), format!("/exploitation/types/{index}"));
                }
            }
            exploitation.insert("types".into(), Value::Array(left.into_iter().map(|(_, code)| code).collect()));
        }
        None => {}
    }
    if let Some((_, first)) = ticks.first() {
        let from = if first.starts_with("/exploitation/types") { "/exploitation/types" } else { "/exploitation/forms" };
        moves.add("/exploitation/kinds", from);
        for (place, (_, from)) in ticks.iter().enumerate() {
            moves.add(format!("/exploitation/kinds/{place}"), from.clone());
        }
        exploitation.insert("kinds".into(), ticks.into_iter().map(|(tick, _)| Value::from(tick)).collect());
    }
}

fn countries(exploitation: &mut Map<String, Value>, holds_uk: bool, moves: &mut Moves) {
    let Some(Value::Array(codes)) = exploitation.get("countries") else { return };
    let mut entries = Vec::with_capacity(codes.len());
    let mut dropped = false;
    for (index, code) in codes.iter().enumerate() {
        let entry = match code.as_str() {
            Some("GB") if holds_uk => {
                dropped = true;
                continue;
            }
            Some(code) => words::service_entry("countries", code).map(Value::from),
            None => None,
        };
        let place = entries.len();
        if entry.is_some() || place != index {
            moves.add(format!("/exploitation/countries/{place}"), format!("/exploitation/countries/{index}"));
        }
        entries.push(entry.unwrap_or_else(|| code.clone()));
    }
    if entries.is_empty() && dropped {
        exploitation.remove("countries");
    } else {
        exploitation.insert("countries".into(), Value::Array(entries));
    }
}

fn support(draft: &mut Map<String, Value>, moves: &mut Moves) {
    let Some(Value::Object(support)) = draft.get_mut("support") else { return };
    let Some(Value::Object(contact)) = support.get_mut("contact") else { return };
    if contact.contains_key("by") {
        return;
    }
    let given: Vec<&str> =
        ["phone", "alternative", "none_reason"].into_iter().filter(|member| contact.contains_key(*member)).collect();
    // Two ways given is a choice the person makes.
    let [member] = given[..] else { return };
    let by = match member {
        "phone" => "own_phone",
        "alternative" => "alternative_phone",
        _ => "none",
    };
    contact.insert("by".into(), Value::from(by));
    moves.add("/support/contact/by", format!("/support/contact/{member}"));
}

fn decision(draft: &mut Map<String, Value>, duty_to_notify: bool, moves: &mut Moves) {
    let Some(Value::Object(decision)) = draft.get_mut("decision") else { return };
    if duty_to_notify && decision.get("recipient").and_then(Value::as_str) == Some("potential_victim") {
        decision.remove("recipient");
    }
    let given: Vec<&str> = ["email", "post"].into_iter().filter(|method| decision.contains_key(*method)).collect();
    if !decision.contains_key("methods") && !given.is_empty() {
        moves.add("/decision/methods", "/decision");
        for (place, method) in given.iter().enumerate() {
            moves.add(format!("/decision/methods/{place}"), format!("/decision/{method}"));
        }
        decision.insert("methods".into(), given.iter().copied().map(Value::from).collect());
    }
    let to_the_person = match decision.get("recipient") {
        None => true,
        Some(recipient) => recipient.as_str() == Some("potential_victim"),
    };
    let ticks: Vec<&str> =
        given.iter().map(|method| if *method == "email" { "email_safe" } else { "post_safe" }).collect();
    if decision.get("safe_to_write") == Some(&Value::Bool(true))
        && to_the_person
        && !ticks.is_empty()
        && ticks.iter().all(|tick| !decision.contains_key(*tick))
    {
        decision.remove("safe_to_write");
        for tick in ticks {
            decision.insert(tick.into(), Value::Bool(true));
            moves.add(format!("/decision/{tick}"), "/decision/safe_to_write");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn v2(value: Value) -> Value {
        let mut value = value;
        if let Value::Object(object) = &mut value {
            object.insert("format_version".into(), Value::from(2));
        }
        value
    }

    #[test]
    fn codes_become_the_services_entries_and_gb_goes_only_where_location_holds_the_uk() {
        let migrated = to_v3(&v2(json!({
            "potential_victim": { "nationality": "VN", "second_nationality": "QZ", "interpreter_language": "ku" },
            "exploitation": { "location": "uk_and_overseas", "countries": ["GB", "FR", "QZ", "unknown"] }
        })));
        let value = &migrated.value;
        assert_eq!(value["format_version"], 3);
        assert_eq!(value["potential_victim"]["nationality"], "Vietnamese");
        assert_eq!(value["potential_victim"]["second_nationality"], "QZ", "no entry: kept as written");
        assert_eq!(value["potential_victim"]["interpreter_language"], "Kurdish");
        assert_eq!(value["exploitation"]["countries"], json!(["France", "QZ", "Unknown"]));
        assert_eq!(migrated.origin("/exploitation/countries/0"), "/exploitation/countries/1");
        assert_eq!(migrated.origin("/exploitation/countries/1"), "/exploitation/countries/2");
        assert_eq!(migrated.origin("/potential_victim/nationality"), "/potential_victim/nationality");
        assert!(!migrated.moved.contains_key("/potential_victim/second_nationality"));

        let overseas = to_v3(&v2(json!({ "exploitation": { "location": "overseas", "countries": ["FR", "GB"] } })));
        assert_eq!(overseas.value["exploitation"]["countries"], json!(["France", "GB"]), "the person says");
        let only_uk = to_v3(&v2(json!({ "exploitation": { "location": "uk", "countries": ["GB"] } })));
        assert!(only_uk.value["exploitation"].get("countries").is_none());
    }

    #[test]
    fn names_move_where_their_place_is_free() {
        let migrated = to_v3(&v2(json!({
            "first_responder": { "name": "A B" },
            "potential_victim": { "name_unknown": true, "aliases": ["x", "y"] }
        })));
        let victim = &migrated.value["potential_victim"];
        assert_eq!(migrated.value["first_responder"], json!({ "name": "A B" }), "never split");
        assert_eq!(victim["given_names"], "Unknown");
        assert_eq!(victim["family_name"], "Unknown");
        assert_eq!(victim["nickname"], "x, y");
        assert!(victim.get("name_unknown").is_none() && victim.get("aliases").is_none());
        assert_eq!(migrated.origin("/potential_victim/nickname"), "/potential_victim/aliases");
        assert_eq!(migrated.origin("/potential_victim/family_name"), "/potential_victim/name_unknown");

        let both = to_v3(&v2(json!({
            "potential_victim": { "name_unknown": true, "given_names": "x", "aliases": ["y"], "nickname": "z" }
        })));
        let victim = &both.value["potential_victim"];
        assert_eq!(victim["name_unknown"], true, "which name is unknown is the person's to say");
        assert!(victim.get("family_name").is_none());
        assert_eq!(victim["aliases"], json!(["y"]), "the nickname's place is taken");
    }

    #[test]
    fn kinds_take_only_the_ticks_that_fit_alone() {
        let adult = to_v3(&v2(json!({
            "potential_victim": { "age_status": "adult" },
            "exploitation": {
                "types": ["labour", "sexual", "unknown", "criminal"],
                "forms": ["benefit_fraud", "financial_fraud", "car_wash"],
                "other_type": "x"
            }
        })));
        let exploitation = &adult.value["exploitation"];
        assert_eq!(
            exploitation["kinds"],
            json!(["forced_to_work", "forced_to_commit_crime", "forced_to_commit_fraud"])
        );
        assert_eq!(exploitation["types"], json!(["sexual", "unknown"]), "no single tick: kept");
        assert_eq!(exploitation["forms"], json!(["benefit_fraud", "financial_fraud", "car_wash"]), "the record stays");
        assert_eq!(exploitation["other_kind"], "x");
        assert_eq!(adult.origin("/exploitation/kinds/1"), "/exploitation/types/3");
        assert_eq!(adult.origin("/exploitation/kinds/2"), "/exploitation/forms/0");
        assert_eq!(adult.origin("/exploitation/types/0"), "/exploitation/types/1");
        assert_eq!(adult.origin("/exploitation/other_kind"), "/exploitation/other_type");

        let child = to_v3(&v2(json!({
            "potential_victim": { "age_status": "adult", "claimed_age": 16 },
            "exploitation": { "types": ["sexual"] }
        })));
        assert_eq!(child.value["exploitation"]["kinds"], json!(["child_sexual_exploitation"]));
        assert!(child.value["exploitation"].get("types").is_none());
    }

    #[test]
    fn the_decision_and_the_contact_gain_the_services_choices() {
        let migrated = to_v3(&v2(json!({
            "route": "duty_to_notify",
            "support": { "contact": { "alternative": { "phone": "1", "relationship": "r" } } },
            "decision": { "recipient": "potential_victim", "email": "e", "post": {}, "safe_to_write": true }
        })));
        let decision = &migrated.value["decision"];
        assert_eq!(
            *decision,
            json!({ "email": "e", "post": {}, "methods": ["email", "post"], "email_safe": true, "post_safe": true })
        );
        assert_eq!(migrated.value["support"]["contact"]["by"], "alternative_phone");
        assert_eq!(migrated.origin("/decision/post_safe"), "/decision/safe_to_write");
        assert_eq!(migrated.origin("/decision/methods/1"), "/decision/post");
        assert_eq!(migrated.origin("/support/contact/by"), "/support/contact/alternative");

        let someone_else = to_v3(&v2(json!({
            "decision": { "recipient": "someone_else", "post": {}, "safe_to_write": true, "permission": true }
        })));
        let decision = &someone_else.value["decision"];
        assert_eq!(decision["recipient"], "someone_else", "kept off a Duty to Notify");
        assert_eq!(decision["safe_to_write"], true, "no place for it: kept");
        assert!(decision.get("post_safe").is_none());
        let two_ways = to_v3(&v2(json!({ "support": { "contact": { "phone": "1", "none_reason": "x" } } })));
        assert!(two_ways.value["support"]["contact"].get("by").is_none());
    }

    #[test]
    fn a_version_1_account_becomes_the_insight_and_pointers_below_a_move_follow_it() {
        let migrated = to_v3(&json!({ "format_version": 1, "exploitation": { "narrative": "n" } }));
        assert_eq!(migrated.value["professional"]["insight"], "n");
        assert_eq!(migrated.origin("/professional/insight"), "/exploitation/narrative");
        assert_eq!(migrated.origin("/professional/insight/x"), "/exploitation/narrative/x");
        assert_eq!(migrated.origin("/exploitation/when"), "/exploitation/when");
        assert_eq!(migrated.origin(""), "");
    }

    #[test]
    fn any_json_is_taken_without_a_panic() {
        let odd = [
            json!(null),
            json!([1, 2]),
            json!("x"),
            json!({}),
            json!({ "format_version": 1, "exploitation": [], "professional": 1 }),
            json!({ "potential_victim": [], "exploitation": "x", "support": 1, "decision": null }),
            json!({
                "potential_victim": { "name_unknown": "yes", "aliases": [1, "x"], "nationality": 7, "interpreter_language": [] },
                "exploitation": { "types": "labour", "forms": {}, "countries": "GB", "location": 3, "location_details": 1 },
                "support": { "contact": [] },
                "decision": { "recipient": 1, "email": null, "safe_to_write": "yes", "methods": 2 }
            }),
            json!({ "support": { "contact": { "phone": null } }, "exploitation": { "types": [null, {}, "sexual"], "countries": [1, null, "GB"] } }),
        ];
        for value in odd {
            let migrated = to_v3(&value);
            for pointer in migrated.moved.keys() {
                let _ = migrated.origin(pointer);
            }
            let _ = migrated.origin("/a/b/c");
        }
        // Every member and item of real drafts, each replaced by a value of every other type.
        let examples = [
            include_str!("../fixtures/examples/v2/adult-scotland-pass.json"),
            include_str!("../fixtures/examples/v2/child-england-pass.json"),
            include_str!("../fixtures/examples/v1/child-fail.json"),
        ];
        let replacements = [json!(null), json!(true), json!(-1), json!("GB"), json!([]), json!([null, "x"]), json!({})];
        for text in examples {
            let draft: Value = serde_json::from_str(text).unwrap();
            let mut pointers = Vec::new();
            every_pointer(&draft, String::new(), &mut pointers);
            for pointer in &pointers {
                for replacement in &replacements {
                    let mut changed = draft.clone();
                    *changed.pointer_mut(pointer).unwrap() = replacement.clone();
                    let migrated = to_v3(&changed);
                    for (moved, from) in &migrated.moved {
                        assert!(migrated.value.pointer(moved).is_some(), "{pointer}: {moved} is in the value");
                        assert!(changed.pointer(from).is_some(), "{pointer}: {from} is in the draft");
                    }
                }
            }
        }
        let not_an_object = to_v3(&json!([1]));
        assert_eq!(not_an_object.value, json!([1]));
        assert!(not_an_object.moved.is_empty());
    }

    fn every_pointer(value: &Value, at: String, out: &mut Vec<String>) {
        match value {
            Value::Object(members) => {
                for (name, member) in members {
                    every_pointer(member, format!("{at}/{name}"), out);
                }
            }
            Value::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    every_pointer(item, format!("{at}/{index}"), out);
                }
            }
            _ => {}
        }
        out.push(at);
    }
}
