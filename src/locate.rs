//! Line and column of a finding, computed from the source text.
//!
//! Only drafts with findings pay for this: the text is parsed a second time, into a syntax tree
//! that keeps every member's place (jsonc-parser), and the finding's JSON pointer is followed
//! through it. Lines and columns count from 1; a column counts characters, not bytes.

use crate::rules::{Anchor, Finding};
use jsonc_parser::ast::{ObjectProp, Value};
use jsonc_parser::common::Ranged;
use jsonc_parser::{CollectOptions, ParseOptions, parse_to_ast};
use serde::Serialize;
use std::borrow::Cow;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// The byte offset of a line and a 1-based byte column, as serde_json reports them.
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start = text
        .match_indices('\n')
        .nth(line.saturating_sub(2))
        .map_or(0, |(index, _)| if line > 1 { index + 1 } else { 0 });
    floor_char_boundary(text, line_start + column.saturating_sub(1))
}

/// The line and character column of a byte offset.
pub fn position(text: &str, offset: usize) -> Position {
    let before = &text[..floor_char_boundary(text, offset)];
    let line_start = before.rfind('\n').map_or(0, |index| index + 1);
    Position { line: before.matches('\n').count() + 1, column: before[line_start..].chars().count() + 1 }
}

fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Finds findings' places in one draft's text.
pub struct Locator<'t> {
    text: &'t str,
    root: Option<Value<'t>>,
}

impl<'t> Locator<'t> {
    pub fn new(text: &'t str) -> Self {
        let options = ParseOptions::default();
        let root = parse_to_ast(text, &CollectOptions::default(), &options).ok().and_then(|parsed| parsed.value);
        Locator { text, root }
    }

    pub fn locate(&self, finding: &Finding) -> Position {
        let offset = self.value_offset(&finding.pointer, finding.anchor == Anchor::Repeated);
        position(self.text, offset)
    }

    /// Follows the pointer as far as it goes. A member that appears more than once is the last
    /// one (the value that was checked), or the second where the repetition itself is the point.
    fn value_offset(&self, pointer: &str, repeated: bool) -> usize {
        let Some(mut node) = self.root.as_ref() else { return 0 };
        let segments: Vec<Cow<str>> = pointer.split('/').skip(1).map(unescape).collect();
        for (depth, segment) in segments.iter().enumerate() {
            let last = depth + 1 == segments.len();
            let next = match node {
                Value::Object(object) => {
                    let mut named = object.properties.iter().filter(|p| p.name.as_str() == *segment);
                    let member: Option<&ObjectProp> = if repeated && last { named.nth(1) } else { named.next_back() };
                    member.map(|member| &member.value)
                }
                Value::Array(array) => segment.parse::<usize>().ok().and_then(|i| array.elements.get(i)),
                _ => None,
            };
            match next {
                Some(next) => node = next,
                None => break,
            }
        }
        node.start()
    }
}

fn unescape(segment: &str) -> Cow<'_, str> {
    if segment.contains('~') {
        Cow::Owned(segment.replace("~1", "/").replace("~0", "~"))
    } else {
        Cow::Borrowed(segment)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::input::INP002;

    #[test]
    fn columns_count_characters() {
        let text = "{\n  \"ș\": \"Ștefania\", \"b\": 1\n}";
        let offset = text.find("\"b\"").unwrap();
        assert_eq!(position(text, offset), Position { line: 2, column: 20 });
        assert_eq!(offset_of(text, 2, text.lines().nth(1).unwrap().find("\"b\"").unwrap() + 1), offset);
    }

    #[test]
    fn pointers_reach_values_and_repeated_members() {
        let text = "{\"a\": [1, {\"b\": 10, \"b\": 20, \"b\": 30}]}";
        let locator = Locator::new(text);
        let column =
            |pointer: &str, anchor| locator.locate(&Finding { anchor, ..Finding::new(&INP002, pointer, "") }).column;
        let column_of = |needle: &str| text.find(needle).unwrap() + 1;
        assert_eq!(column("/a/1/b", Anchor::Value), column_of("30"), "the value that was checked");
        assert_eq!(column("/a/1/b", Anchor::Repeated), column_of("20"), "the second occurrence");
        assert_eq!(column("/a/1", Anchor::Value), column_of("{\"b"));
        assert_eq!(column("", Anchor::Value), 1);
    }
}
