//! Reading a draft: size limit, encoding, JSON syntax and repeated members (rules INP001,
//! INP002 and INP004). The result is the text and its value, or the one finding that stops
//! the check.

use crate::locate::{Position, offset_of, position};
use crate::rules::input::{INP001, INP002, INP004};
use crate::rules::{Anchor, Finding, Rule};
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::cell::RefCell;
use std::fmt;
use std::io::{self, Read};

/// A draft larger than this is refused unread (the format's limit).
pub const MAX_BYTES: u64 = 1024 * 1024;

/// A draft read and parsed.
pub struct Document {
    /// The text without its byte-order mark: line and column count from here.
    pub text: String,
    pub value: Value,
    /// A finding for each member name repeated within one object.
    pub repeated: Vec<Finding>,
}

/// Reads at most one byte past the limit, so a huge file is never read whole. `size` is the
/// expected length, when known, to read in one go.
pub fn read_limited(reader: impl Read, size: Option<u64>) -> io::Result<Vec<u8>> {
    let capacity = size.unwrap_or(0).min(MAX_BYTES) + 1;
    let mut bytes = Vec::with_capacity(usize::try_from(capacity).unwrap_or(0));
    reader.take(MAX_BYTES + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// A draft that cannot be read as JSON: the finding that ends its check, and where.
#[derive(Debug)]
pub struct Rejected {
    pub finding: Finding,
    pub position: Position,
}

/// Decodes and parses a draft's bytes.
pub fn parse(mut bytes: Vec<u8>) -> Result<Document, Rejected> {
    if bytes.len() as u64 > MAX_BYTES {
        return Err(reject(&INP004, "", 0, "the file is over 1 MiB, the largest draft the format allows"));
    }
    if bytes.starts_with(BOM) {
        bytes.drain(..BOM.len());
    }
    let text = String::from_utf8(bytes).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        let valid = std::str::from_utf8(valid).unwrap_or_default();
        reject(&INP004, valid, valid.len(), "the file is not UTF-8 text; save it as UTF-8")
    })?;
    let repeated = RefCell::new(Vec::new());
    let mut deserializer = serde_json::Deserializer::from_str(&text);
    let value = ValueSeed { place: Place::Root, repeated: &repeated }
        .deserialize(&mut deserializer)
        .and_then(|value| deserializer.end().map(|()| value))
        .map_err(|error| syntax_error(&text, &error))?;
    if !value.is_object() {
        let start = text.len() - text.trim_start().len();
        return Err(reject(&INP004, &text, start, "the top level must be one JSON object, `{ … }`"));
    }
    Ok(Document { text, value, repeated: repeated.into_inner() })
}

const BOM: &[u8] = "\u{feff}".as_bytes();

fn reject(rule: &'static Rule, text: &str, offset: usize, message: &str) -> Rejected {
    Rejected { finding: Finding::new(rule, "", message), position: position(text, offset) }
}

/// INP001 at the place serde_json stopped. Its message describes the syntax only; it never
/// quotes the text.
fn syntax_error(text: &str, error: &serde_json::Error) -> Rejected {
    let offset = offset_of(text, error.line(), error.column());
    let what = error.to_string();
    // serde_json appends " at line L column C"; the report gives the position itself.
    let what = what.split(" at line ").next().unwrap_or(&what);
    reject(&INP001, text, offset, &format!("the file is not well-formed JSON: {what}"))
}

/// Builds a `serde_json::Value` as serde_json does, but notices a member name that repeats in
/// one object instead of silently keeping the last.
struct ValueSeed<'s> {
    /// Where the value being read sits: a chain of borrowed names, so that the pointer is built
    /// only for a repeated member, never for every value.
    place: Place<'s>,
    repeated: &'s RefCell<Vec<Finding>>,
}

#[derive(Clone, Copy)]
enum Place<'s> {
    Root,
    Member(&'s Place<'s>, &'s str),
    Item(&'s Place<'s>, usize),
}

impl Place<'_> {
    fn pointer(&self) -> String {
        match self {
            Place::Root => String::new(),
            Place::Member(parent, name) => {
                let mut pointer = parent.pointer();
                push_segment(&mut pointer, name);
                pointer
            }
            Place::Item(parent, index) => format!("{}/{index}", parent.pointer()),
        }
    }
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        loop {
            let place = Place::Item(&self.place, items.len());
            match seq.next_element_seed(ValueSeed { place, repeated: self.repeated })? {
                Some(item) => items.push(item),
                None => return Ok(Value::Array(items)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut members = Map::new();
        while let Some(name) = map.next_key::<String>()? {
            let place = Place::Member(&self.place, &name);
            let value = map.next_value_seed(ValueSeed { place, repeated: self.repeated })?;
            if members.contains_key(&name) {
                self.repeated.borrow_mut().push(Finding {
                    anchor: Anchor::Repeated,
                    ..Finding::new(
                        &INP002,
                        place.pointer(),
                        "this member appears twice in one object; a JSON reader keeps only one \
                         of the two values, so remove or rename one of them",
                    )
                });
            }
            members.insert(name, value);
        }
        Ok(Value::Object(members))
    }
}

/// Appends one RFC 6901 segment: `~` and `/` escaped.
pub fn push_segment(pointer: &mut String, segment: &str) {
    pointer.push('/');
    for c in segment.chars() {
        match c {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            c => pointer.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(bytes: &[u8]) -> Vec<&'static str> {
        match parse(bytes.to_vec()) {
            Ok(document) => document.repeated.iter().map(|f| f.rule.id).collect(),
            Err(rejected) => vec![rejected.finding.rule.id],
        }
    }

    #[test]
    fn repeated_members_are_found_at_every_depth() {
        let document = parse(br#"{"a": {"b": 1, "b": 2}, "c": [{"d": 1, "d": 1}]}"#.to_vec()).unwrap();
        let pointers: Vec<_> = document.repeated.iter().map(|f| f.pointer.as_str()).collect();
        assert_eq!(pointers, ["/a/b", "/c/0/d"]);
        assert_eq!(document.value["a"]["b"], 2, "the last value is kept, as serde_json does");
    }

    #[test]
    fn byte_order_mark_is_dropped_and_other_input_refused() {
        assert!(rules(b"\xef\xbb\xbf{}").is_empty());
        assert_eq!(rules(b"{\"a\": \"\xff\"}"), ["INP004"]);
        assert_eq!(rules(b"[1]"), ["INP004"]);
        assert_eq!(rules(b"{\"a\": 1,}"), ["INP001"]);
        assert_eq!(rules(b"{} {}"), ["INP001"]);
        assert_eq!(rules(&vec![b' '; MAX_BYTES as usize + 1]), ["INP004"]);
    }

    #[test]
    fn pointer_segments_are_escaped() {
        let mut pointer = String::new();
        push_segment(&mut pointer, "a/b~c");
        assert_eq!(pointer, "/a~1b~0c");
    }
}
