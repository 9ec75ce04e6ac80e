//! The layout of a draft file, as `nrm migrate` and `nrm form` write it (and as `nrm new`'s
//! template is written): two spaces an indent, members in the format's order (the schema's,
//! which is the online form's), members the format does not know last in their object in the
//! order the draft had them, and an object or a list of plain values on one line where it fits.

use crate::schema;
use jsonc_parser::{CollectOptions, ParseOptions, ast, parse_to_ast};
use serde_json::{Map, Value};
use std::sync::LazyLock;

pub static V1: LazyLock<Members> = LazyLock::new(|| Members::of_schema(schema::TEXT_V1));
pub static V3: LazyLock<Members> = LazyLock::new(|| Members::of_schema(schema::TEXT));

/// Lines of the written draft are kept to this width where an object fits on one.
const WIDTH: usize = 120;

/// A version 3 draft's text in the layout; `source` is the text it was read from (for the
/// order of members the format does not define), or empty.
pub fn write(value: &Value, source: &str) -> String {
    let tree = parse_ast(source);
    let mut text = String::with_capacity(source.len() * 2);
    write_value(&mut text, value, Some(&V3), tree.as_ref(), 0);
    text.push('\n');
    text
}

/// The members a schema defines, in its order, at every depth (following `$ref`).
#[derive(Default)]
pub struct Members {
    named: Vec<(String, Members)>,
    items: Option<Box<Members>>,
}

impl Members {
    fn of_schema(text: &str) -> Members {
        let root = parse_ast(text).expect("the embedded schema is JSON");
        let mut members = Members::default();
        members.collect(&root, &root, 0);
        members
    }

    /// `properties` only: the conditions (`allOf`, `if`, `then`) restate members, never add them.
    fn collect(&mut self, node: &ast::Value, root: &ast::Value, depth: usize) {
        let ast::Value::Object(object) = node else { return };
        // A guard against a `$ref` cycle; the schemas nest a few levels deep.
        if depth > 32 {
            return;
        }
        if let Some(target) = object.get_string("$ref").and_then(|r| resolve(root, &r.value)) {
            self.collect(target, root, depth + 1);
        }
        if let Some(properties) = object.get_object("properties") {
            for property in &properties.properties {
                let name = property.name.as_str();
                let index = match self.named.iter().position(|(known, _)| known == name) {
                    Some(index) => index,
                    None => {
                        self.named.push((name.to_owned(), Members::default()));
                        self.named.len() - 1
                    }
                };
                self.named[index].1.collect(&property.value, root, depth + 1);
            }
        }
        if let Some(items) = object.get("items") {
            self.items.get_or_insert_default().collect(&items.value, root, depth + 1);
        }
    }

    pub fn get(&self, name: &str) -> Option<&Members> {
        self.named.iter().find(|(known, _)| known == name).map(|(_, members)| members)
    }

    pub fn rank(&self, name: &str) -> Option<usize> {
        self.named.iter().position(|(known, _)| known == name)
    }
}

/// The node a local `$ref` (`#/$defs/text`) names.
fn resolve<'a, 'b>(root: &'b ast::Value<'a>, reference: &str) -> Option<&'b ast::Value<'a>> {
    let path = reference.strip_prefix('#')?;
    path.split('/').skip(1).try_fold(root, |node, segment| match node {
        ast::Value::Object(object) => object.get(segment).map(|property| &property.value),
        _ => None,
    })
}

pub fn parse_ast(text: &str) -> Option<ast::Value<'_>> {
    parse_to_ast(text, &CollectOptions::default(), &ParseOptions::default()).ok()?.value
}

/// Writes a value as the examples are written: two spaces an indent, a list of plain values on
/// one line, an object on one line where it holds only plain values and fits. `members`: what
/// the format defines here (its order); `source`: the same place in the version 1 text (its
/// order, for members the format does not define).
fn write_value(out: &mut String, value: &Value, members: Option<&Members>, source: Option<&ast::Value>, indent: usize) {
    let pad = "  ".repeat(indent + 1);
    match value {
        Value::Object(object) if !object.is_empty() => {
            out.push_str("{\n");
            let ordered = in_order(object, members, source);
            for (index, (name, member)) in ordered.iter().enumerate() {
                let last = index + 1 == ordered.len();
                let head = format!("{pad}{}: ", quoted(name));
                out.push_str(&head);
                let inner_members = members.and_then(|m| m.get(name));
                let inner_source = member_of(source, name);
                match one_line(member, inner_members, inner_source) {
                    Some(line) if head.chars().count() + line.chars().count() + usize::from(!last) <= WIDTH => {
                        out.push_str(&line);
                    }
                    Some(line) if !member.is_object() => out.push_str(&line),
                    _ => write_value(out, member, inner_members, inner_source, indent + 1),
                }
                out.push_str(if last { "\n" } else { ",\n" });
            }
            out.push_str(&"  ".repeat(indent));
            out.push('}');
        }
        Value::Array(items) if one_line(value, None, None).is_none() => {
            out.push_str("[\n");
            let item_members = members.and_then(|m| m.items.as_deref());
            for (index, item) in items.iter().enumerate() {
                let last = index + 1 == items.len();
                out.push_str(&pad);
                let item_source = match source {
                    Some(ast::Value::Array(array)) => array.elements.get(index),
                    _ => None,
                };
                match one_line(item, item_members, item_source) {
                    Some(line) if pad.len() + line.chars().count() + usize::from(!last) <= WIDTH => out.push_str(&line),
                    _ => write_value(out, item, item_members, item_source, indent + 1),
                }
                out.push_str(if last { "\n" } else { ",\n" });
            }
            out.push_str(&"  ".repeat(indent));
            out.push(']');
        }
        _ => out.push_str(&value.to_string()),
    }
}

/// A value on one line, where it holds only plain values: a scalar, a list of scalars, an
/// object of scalars and such lists.
fn one_line(value: &Value, members: Option<&Members>, source: Option<&ast::Value>) -> Option<String> {
    let flat = |items: &[Value]| items.iter().all(|item| !item.is_object() && !item.is_array());
    match value {
        Value::Array(items) if flat(items) => {
            Some(format!("[{}]", items.iter().map(Value::to_string).collect::<Vec<_>>().join(", ")))
        }
        Value::Object(object) if object.is_empty() => Some("{}".into()),
        Value::Object(object) => {
            let mut parts = Vec::with_capacity(object.len());
            for (name, member) in in_order(object, members, source) {
                let line = match member {
                    Value::Object(_) => return None,
                    Value::Array(items) if !flat(items) => return None,
                    _ => one_line(member, None, None)?,
                };
                parts.push(format!("{}: {line}", quoted(name)));
            }
            Some(format!("{{ {} }}", parts.join(", ")))
        }
        Value::Array(_) => None,
        _ => Some(value.to_string()),
    }
}

/// An object's members in the format's order, then those it does not define in the draft's
/// order (then by name, for any that neither has).
fn in_order<'v>(
    object: &'v Map<String, Value>,
    members: Option<&Members>,
    source: Option<&ast::Value>,
) -> Vec<(&'v String, &'v Value)> {
    let source_object = match source {
        Some(ast::Value::Object(object)) => Some(object),
        _ => None,
    };
    let mut ordered: Vec<(&String, &Value)> = object.iter().collect();
    ordered.sort_by_cached_key(|(name, _)| {
        if let Some(rank) = members.and_then(|m| m.rank(name)) {
            (0, rank, String::new())
        } else if let Some(at) = source_object.and_then(|o| o.properties.iter().position(|p| p.name.as_str() == *name))
        {
            (1, at, String::new())
        } else {
            (2, 0, (*name).clone())
        }
    });
    ordered
}

fn member_of<'s, 'a>(source: Option<&'s ast::Value<'a>>, name: &str) -> Option<&'s ast::Value<'a>> {
    match source {
        Some(ast::Value::Object(object)) => object.get(name).map(|property| &property.value),
        _ => None,
    }
}

fn quoted(name: &str) -> String {
    Value::from(name).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schemas_are_read_in_their_order_through_references() {
        assert_eq!(V3.rank("format_version"), Some(1));
        let exploitation = V3.get("exploitation").unwrap();
        assert!(exploitation.rank("when") < exploitation.rank("how_it_started"));
        assert!(V3.get("decision").unwrap().get("post").unwrap().get("postcode").is_some(), "through `$ref`");
        assert!(V3.get("evidence").unwrap().items.as_ref().unwrap().get("file").is_some(), "through `items`");
        assert!(V1.get("exploitation").unwrap().get("narrative").is_some());
        assert!(V1.get("professional").is_none());
    }

    #[test]
    fn members_the_format_does_not_know_keep_the_drafts_order_after_the_formats() {
        let source = r#"{"zeta": 1, "reference": "A-1", "alpha": 2, "format_version": 3}"#;
        let value: Value = serde_json::from_str(source).unwrap();
        assert_eq!(
            write(&value, source),
            "{\n  \"format_version\": 3,\n  \"reference\": \"A-1\",\n  \"zeta\": 1,\n  \"alpha\": 2\n}\n"
        );
    }
}
