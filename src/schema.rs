//! The JSON Schemas of the format versions: the single source of the draft's structure.
//!
//! The binary embeds `schemas/referral.schema.json` (version 3, the current one),
//! `schemas/referral-v2.schema.json` and `schemas/referral-v1.schema.json`, and compiles each
//! once, when first needed. Each schema
//! failure becomes a finding: its rule is the `x-rule` annotation nearest to the failing keyword
//! (so a child's missing consent note is CON003), else INP003 for an unknown member, REQ001 for a
//! missing one and REQ002 for any other.

use crate::draft::Draft;
use crate::rules::input::{INP003, Version};
use crate::rules::structure::{REQ001, REQ002};
use crate::rules::{Finding, Rule};
use crate::source::push_segment;
use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::{ValidationError, Validator};
use serde_json::Value;
use std::sync::LazyLock;

/// The current version's schema: what `nrm schema` prints and editors use.
pub const TEXT: &str = include_str!("../schemas/referral.schema.json");
/// Version 2's schema, frozen.
pub const TEXT_V2: &str = include_str!("../schemas/referral-v2.schema.json");
/// Version 1's schema, frozen: which members a version 1 draft could hold.
pub const TEXT_V1: &str = include_str!("../schemas/referral-v1.schema.json");

struct Schema {
    document: Value,
    validator: Validator,
    /// "format version 2", for messages.
    name: &'static str,
    /// Members with a `minLength`, and the length: the schema counts every character, the check
    /// counts again without the invisible ones.
    min_lengths: Vec<(String, usize)>,
}

impl Schema {
    fn compile(text: &str, name: &'static str) -> Schema {
        let document: Value = serde_json::from_str(text).expect("the embedded schema is JSON");
        let validator =
            jsonschema::options().should_validate_formats(true).build(&document).expect("the embedded schema compiles");
        let mut min_lengths = Vec::new();
        collect_min_lengths(&document, &document, String::new(), &mut min_lengths);
        Schema { document, validator, name, min_lengths }
    }

    /// REQ002 for a value long enough for the schema only with its invisible characters
    /// (`visible::is_hidden`): twenty zero-width spaces are not an account of how a child was
    /// told. A member with a finding already is left to it.
    fn check_visible_lengths(&self, draft: &Draft, out: &mut Vec<Finding>) {
        for (pointer, limit) in &self.min_lengths {
            let Some(text) = draft.str(pointer) else { continue };
            let shown = text.chars().filter(|c| !crate::visible::is_hidden(*c)).count();
            if shown < *limit && text.chars().count() >= *limit && !out.iter().any(|f| f.pointer == *pointer) {
                let message = format!(
                    "must be at least {limit} characters long, not counting invisible characters (such as zero-width spaces)"
                );
                out.push(Finding::new(&REQ002, pointer.clone(), message));
            }
        }
    }
}

/// Every member of the schema with a `minLength`, by pointer, through `properties` and `$ref`s.
fn collect_min_lengths(root: &Value, node: &Value, pointer: String, out: &mut Vec<(String, usize)>) {
    if let Some(limit) = node.get("minLength").and_then(Value::as_u64)
        && !pointer.is_empty()
    {
        out.push((pointer.clone(), usize::try_from(limit).unwrap_or(usize::MAX)));
    }
    if let Some(name) = node.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix("#/$defs/")) {
        // The format's definitions do not refer to themselves, so this ends.
        collect_min_lengths(root, &root["$defs"][name], pointer.clone(), out);
    }
    if let Some(properties) = node.get("properties").and_then(Value::as_object) {
        for (name, member) in properties {
            collect_min_lengths(root, member, format!("{pointer}/{name}"), out);
        }
    }
}

static V1: LazyLock<Schema> = LazyLock::new(|| Schema::compile(TEXT_V1, "format version 1"));
static V2: LazyLock<Schema> = LazyLock::new(|| Schema::compile(TEXT_V2, "format version 2"));
static V3: LazyLock<Schema> = LazyLock::new(|| Schema::compile(TEXT, "format version 3"));

fn of(version: Version) -> &'static Schema {
    match version {
        Version::V1 => &V1,
        Version::V2 => &V2,
        Version::V3 => &V3,
    }
}

/// Every member name the format knows, at any depth: words that may be shown from a draft's
/// text, since they are the format's vocabulary and not the draft's values.
pub fn is_member_name(name: &str) -> bool {
    static NAMES: LazyLock<std::collections::HashSet<String>> = LazyLock::new(|| {
        // Read from the texts, not the compiled schemas: a report of one version's draft
        // should not compile the other version's validator.
        let mut names = std::collections::HashSet::new();
        for text in [TEXT_V1, TEXT_V2, TEXT] {
            let document: Value = serde_json::from_str(text).expect("the embedded schema is JSON");
            collect_member_names(&document, &mut names);
        }
        names
    });
    NAMES.contains(name)
}

fn collect_member_names(node: &Value, names: &mut std::collections::HashSet<String>) {
    match node {
        Value::Object(map) => {
            if let Some(Value::Object(properties)) = map.get("properties") {
                names.extend(properties.keys().cloned());
            }
            map.values().for_each(|child| collect_member_names(child, names));
        }
        Value::Array(items) => items.iter().for_each(|child| collect_member_names(child, names)),
        _ => {}
    }
}

/// Checks a draft against its version's schema.
pub fn check(version: Version, value: &Value, draft: &Draft, out: &mut Vec<Finding>) {
    let schema = of(version);
    // The schema's child case starts from `age_status` and `claimed_age`; a date of birth under
    // 18 beside `age_status: adult` (AGE001) must still bring every child requirement.
    let adjusted;
    let instance = if draft.is_child() && draft.str("/potential_victim/age_status") == Some("adult") {
        let mut copy = value.clone();
        copy["potential_victim"]["age_status"] = Value::from("child");
        adjusted = copy;
        &adjusted
    } else {
        value
    };
    // Most drafts are valid, and a yes-or-no check is several times faster than collecting errors.
    if !schema.validator.is_valid(instance) {
        schema.translate_all(instance, out);
    }
    schema.check_visible_lengths(draft, out);
}

impl Schema {
    /// Every failure of the draft, as findings: one per place and thing to fix.
    fn translate_all(&self, instance: &Value, out: &mut Vec<Finding>) {
        let mut found: Vec<(Finding, Option<String>)> = Vec::new();
        for error in self.validator.iter_errors(instance) {
            self.translate(&error, &mut found);
        }
        // One finding per place: where a domain rule and a plain REQ rule report the same member,
        // the domain rule says more; and one value that breaks two keywords (an empty email breaks
        // its format and its pattern) is one thing to fix.
        let plain = |rule: &Rule| rule.id == REQ001.id || rule.id == REQ002.id;
        let domain: Vec<(String, Option<String>)> = found
            .iter()
            .filter(|(f, _)| !plain(f.rule))
            .map(|(f, subject)| (f.pointer.clone(), subject.clone()))
            .collect();
        let mut seen: Vec<(&'static str, String, Option<String>)> = Vec::new();
        for (finding, subject) in found {
            let superseded = plain(finding.rule) && domain.iter().any(|(p, s)| *p == finding.pointer && *s == subject);
            let key = (finding.rule.id, finding.pointer.clone(), subject);
            if !superseded && !seen.contains(&key) {
                seen.push(key);
                out.push(finding);
            }
        }
    }
}

/// The pointers of values the schema found wrong (REQ002, or a refusal of the service's its
/// annotation names, such as SVC009 for a count): the Rust rules and the service's answers treat
/// them as absent, so a value is reported once, for what is wrong with it. Findings of the other
/// annotated rules are about how answers combine (EXP001's `unknown` beside another type), and
/// the values stay for the rules to read; a missing member's finding points at the object that
/// lacks it, which is not wrong itself.
pub fn invalid_values(findings: &[Finding]) -> Vec<String> {
    let wrong = |f: &&Finding| f.missing.is_none() && (f.rule.id == REQ002.id || f.rule.id.starts_with("SVC"));
    findings.iter().filter(wrong).map(|f| f.pointer.clone()).collect()
}

impl Schema {
    /// The subschema at a path of the schema document.
    fn node(&self, path: &str) -> Option<&Value> {
        self.document.pointer(path)
    }

    /// The `x-rule` nearest to the keyword that failed, walking down from the root.
    fn annotated_rule(&self, keyword_path: &str) -> Option<&'static Rule> {
        let mut node = &self.document;
        let mut rule = None;
        for segment in keyword_path.split('/').skip(1) {
            if let Some(id) = node.get("x-rule").and_then(Value::as_str) {
                rule = crate::rules::find(id);
            }
            node = match node {
                Value::Object(map) => map.get(&segment.replace("~1", "/").replace("~0", "~")),
                Value::Array(items) => segment.parse::<usize>().ok().and_then(|i| items.get(i)),
                _ => None,
            }
            .unwrap_or(&Value::Null);
        }
        rule
    }

    /// Turns one schema failure into findings, each with the member it is about (for a missing
    /// member) so that duplicates can be recognised.
    fn translate(&self, error: &ValidationError, out: &mut Vec<(Finding, Option<String>)>) {
        let keyword_path = error.schema_path().as_str();
        let (parent_path, keyword) = keyword_path.rsplit_once('/').unwrap_or(("", keyword_path));
        let subschema = self.node(parent_path).unwrap_or(&Value::Null);
        let pointer = error.instance_path().as_str();
        let annotated = self.annotated_rule(keyword_path);
        let member = pointer.rsplit('/').next().unwrap_or("");
        let with_rule = |default: &'static Rule, detail: String| -> Finding {
            let rule = annotated.unwrap_or(default);
            let message = if annotated.is_some() { format!("{detail}; {}", rule.summary) } else { detail };
            Finding::new(rule, pointer, message)
        };
        match error.kind() {
            ValidationErrorKind::AdditionalProperties { unexpected } => {
                for name in unexpected {
                    let mut member_pointer = pointer.to_owned();
                    push_segment(&mut member_pointer, name);
                    let message = unknown_member_message(&member_pointer, name, subschema, self.name);
                    out.push((Finding::new(&INP003, member_pointer, message), None));
                }
            }
            ValidationErrorKind::Required { property } => {
                let property = property.as_str().unwrap_or_default().to_owned();
                let finding = Finding {
                    missing: Some(property.clone()),
                    ..with_rule(&REQ001, format!("`{property}` is missing"))
                };
                out.push((finding, Some(property)));
            }
            kind => {
                let detail = describe(kind, keyword, subschema, member);
                // `nrm new` leaves empty strings, empty lists and nulls to fill in; a string of
                // white space or invisible characters is as empty.
                let empty = match error.instance().as_ref() {
                    Value::Null => true,
                    Value::String(text) => crate::visible::is_blank(text),
                    Value::Array(items) => items.is_empty(),
                    _ => false,
                };
                let detail = if empty { to_fill_in(error.instance_path().as_str(), &detail) } else { detail };
                out.push((with_rule(&REQ002, detail), None));
            }
        }
    }
}

/// "fill in `given_names`: text that is not blank", for a value `nrm new` left empty; "fill in
/// or remove item 2 of `aliases`: …" for a blank item of a list.
fn to_fill_in(pointer: &str, detail: &str) -> String {
    // Below a section, the member is named with its object (`children.has`, not `has`), since
    // several objects share member names.
    let names: Vec<&str> = pointer.split('/').skip(1).filter(|segment| segment.parse::<usize>().is_err()).collect();
    let member = match names.as_slice() {
        [.., parent, member] if names.len() >= 3 => format!("`{parent}.{member}`"),
        [.., member] => format!("`{member}`"),
        [] => String::new(),
    };
    let what = match pointer.rsplit('/').next().and_then(|last| last.parse::<usize>().ok()) {
        Some(index) => format!("fill in or remove item {} of {member}", index + 1),
        None => format!("fill in {member}"),
    };
    let hint = ["must be ", "must ", "is not in the required form: ", "is not an allowed value: "]
        .iter()
        .fold(detail, |hint, prefix| hint.trim_start_matches(prefix))
        .trim_end_matches('.');
    format!("{what}: {hint}")
}

/// What is wrong with a value, in words, without quoting it.
fn describe(kind: &ValidationErrorKind, keyword: &str, subschema: &Value, member: &str) -> String {
    match kind {
        ValidationErrorKind::FalseSchema => format!("`{member}` must be left out here"),
        ValidationErrorKind::Type { kind } => format!("must be {}", type_words(kind)),
        ValidationErrorKind::Constant { expected_value } => format!("must be `{expected_value}`"),
        ValidationErrorKind::Enum { options } => match options.as_array() {
            Some(options) if options.len() <= 12 => {
                // `true`, `false` and `"not_sure"` all read as the word a draft would hold.
                let words: Vec<String> = options
                    .iter()
                    .map(|o| format!("`{}`", o.as_str().map_or_else(|| o.to_string(), str::to_owned)))
                    .collect();
                format!("must be one of {}", words.join(", "))
            }
            _ => format!("is not an allowed value: {}", description(subschema, "see `nrm schema`")),
        },
        ValidationErrorKind::Pattern { .. } => {
            format!("is not in the required form: {}", description(subschema, "see `nrm schema`"))
        }
        ValidationErrorKind::Format { format } if format == "date" => "must be a real calendar date, YYYY-MM-DD".into(),
        ValidationErrorKind::Format { format } => format!("must be a valid {format}"),
        ValidationErrorKind::MinLength { limit } => format!("must be at least {limit} characters long"),
        ValidationErrorKind::MaxLength { limit } => format!("must be at most {limit} characters long"),
        ValidationErrorKind::MinItems { limit } => format!("must list at least {limit} item{}", plural(*limit)),
        ValidationErrorKind::MaxItems { limit } => format!("must list at most {limit} item{}", plural(*limit)),
        ValidationErrorKind::UniqueItems => "must not list the same item twice".into(),
        ValidationErrorKind::Minimum { limit } => format!("must be at least {limit}"),
        ValidationErrorKind::Maximum { limit } => format!("must be at most {limit}"),
        _ => format!("is not valid here ({keyword}): {}", description(subschema, "see `nrm schema`")),
    }
}

fn plural(n: u64) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn description<'a>(subschema: &'a Value, otherwise: &'a str) -> &'a str {
    subschema.get("description").and_then(Value::as_str).unwrap_or(otherwise)
}

fn type_words(kind: &TypeKind) -> String {
    let word = |t: &jsonschema::JsonType| match t.to_string().as_str() {
        "string" => "text in quotes".to_owned(),
        "boolean" => "`true` or `false`".to_owned(),
        "integer" => "a whole number".to_owned(),
        "number" => "a number".to_owned(),
        "object" => "an object, `{ … }`".to_owned(),
        "array" => "a list, `[ … ]`".to_owned(),
        "null" => "`null`".to_owned(),
        other => other.to_owned(),
    };
    match kind {
        TypeKind::Single(t) => word(t),
        TypeKind::Multiple(set) => set.iter().map(|t| word(&t)).collect::<Vec<_>>().join(" or "),
    }
}

/// INP003's message: never the unknown name itself (the pointer carries it), but, for a member of
/// an older version, where its answer goes now (`data/moved-members.json`), else the nearest
/// known member when one is close.
fn unknown_member_message(pointer: &str, name: &str, subschema: &Value, version: &str) -> String {
    static MOVED: LazyLock<Value> = LazyLock::new(|| {
        serde_json::from_str(include_str!("../data/moved-members.json")).expect("data/moved-members.json is JSON")
    });
    if version == V3.name
        && let Some(moved) = MOVED["members"][pointer].as_str()
    {
        return format!("`{name}` is a member of format version 2, not of version 3: {moved}");
    }
    let known = subschema.get("properties").and_then(Value::as_object).into_iter().flat_map(|p| p.keys());
    match crate::suggest::nearest(name, known) {
        Some(near) => format!("this member is not part of {version} here; did you mean `{near}`?"),
        None => format!("this member is not part of {version} here; remove it, or check its name against `nrm schema`"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_crime_reports_police_forces_are_the_online_forms_list() {
        let listed: Value = serde_json::from_str(include_str!("../data/online-form/uk-police-forces.json")).unwrap();
        assert_eq!(V2.document["$defs"]["police_force"]["enum"], listed);
    }

    /// An editor offers the service's lists as the draft is typed (`examples`, which the check
    /// itself ignores: SVC003 names the nearest entries instead).
    #[test]
    fn the_editors_suggestions_are_the_services_lists() {
        let list = |text: &str| serde_json::from_str::<Value>(text).unwrap();
        let defs = &V3.document["$defs"];
        let organisations = &crate::registry::Registry::built_in().online_form.organisations;
        assert_eq!(defs["organisation"]["examples"], serde_json::json!(organisations));
        for (name, text) in [
            ("town", include_str!("../data/online-form/uk-cities-and-towns.json")),
            ("region", include_str!("../data/online-form/uk-regions.json")),
            ("local_authority", include_str!("../data/online-form/uk-local-authorities.json")),
            ("police_force", include_str!("../data/online-form/uk-police-forces.json")),
            ("country", include_str!("../data/online-form/countries.json")),
            ("nationality", include_str!("../data/online-form/nationalities.json")),
        ] {
            assert_eq!(defs[name]["examples"], list(text), "$defs/{name}");
        }
    }

    #[test]
    fn blank_values_are_asked_for_by_member_and_list_items_by_number() {
        let fixture = include_str!("../fixtures/rules/REQ002/fails-invisible-only-values.json");
        let settings = crate::check::Settings {
            registry: crate::registry::Registry::built_in(),
            today: chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
            show_values: false,
            deny_warnings: false,
            source_date_epoch: None,
        };
        let outcome = crate::check::check_bytes(fixture.as_bytes().to_vec(), &settings);
        let messages: Vec<(&str, &str)> = outcome
            .findings
            .iter()
            .filter(|f| f.finding.rule.id == REQ002.id)
            .map(|f| (f.finding.pointer.as_str(), f.finding.message.as_str()))
            .collect();
        assert_eq!(
            messages,
            [
                (
                    "/potential_victim/given_names",
                    "fill in `given_names`: text that is not blank, at most 15,000 characters"
                ),
                (
                    "/potential_victim/aliases/1",
                    "fill in or remove item 2 of `aliases`: text that is not blank, at most 15,000 characters"
                ),
                (
                    "/safeguarding/children_services/reference",
                    "fill in `children_services.reference`: text that is not blank"
                ),
            ]
        );
    }

    #[test]
    fn every_version_compiles_and_knows_its_version() {
        assert_eq!(V1.document["properties"]["format_version"]["const"], 1);
        assert_eq!(V2.document["properties"]["format_version"]["const"], 2);
        assert_eq!(V3.document["properties"]["format_version"]["const"], 3);
        assert!(
            is_member_name("narrative") && is_member_name("aliases") && is_member_name("kinds"),
            "every version's members"
        );
    }

    #[test]
    fn the_lengths_counted_without_invisible_characters_are_the_schemas_min_lengths() {
        let pointers = |schema: &Schema| schema.min_lengths.iter().map(|(p, n)| format!("{p} {n}")).collect::<Vec<_>>();
        assert_eq!(pointers(&V3), ["/consent_note/how_informed 20", "/consent_note/reason_not_informed 20"]);
        assert_eq!(pointers(&V2), ["/consent_note/how_informed 20", "/consent_note/reason_not_informed 20"]);
        assert_eq!(
            pointers(&V1),
            ["/consent_note/how_informed 20", "/consent_note/reason_not_informed 20", "/exploitation/narrative 200"]
        );
    }
}
