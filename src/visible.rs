//! Which characters show. A value can hold characters a reader never sees: zero-width spaces
//! and joiners, direction controls (which reorder the text around them), tag characters, other
//! control codes. Such a value must neither count as filled in nor reach the package unmarked;
//! this module is the one place that says which characters those are. The draft format's
//! "not blank" pattern (`$defs/text` and `$defs/name` in the schema) says the same, as a test
//! shows for every code point.

use unicode_general_category::{GeneralCategory, get_general_category};

/// Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt, Unicode 16.0): characters
/// that show nothing when a font has no glyph for them. Among them are the zero-width space,
/// joiners and non-joiners, every bidirectional control, the soft hyphen, variation selectors,
/// Hangul fillers and tag characters.
const DEFAULT_IGNORABLE: [(char, char); 17] = [
    ('\u{00AD}', '\u{00AD}'),
    ('\u{034F}', '\u{034F}'),
    ('\u{061C}', '\u{061C}'),
    ('\u{115F}', '\u{1160}'),
    ('\u{17B4}', '\u{17B5}'),
    ('\u{180B}', '\u{180F}'),
    ('\u{200B}', '\u{200F}'),
    ('\u{202A}', '\u{202E}'),
    ('\u{2060}', '\u{206F}'),
    ('\u{3164}', '\u{3164}'),
    ('\u{FE00}', '\u{FE0F}'),
    ('\u{FEFF}', '\u{FEFF}'),
    ('\u{FFA0}', '\u{FFA0}'),
    ('\u{FFF0}', '\u{FFF8}'),
    ('\u{1BCA0}', '\u{1BCA3}'),
    ('\u{1D173}', '\u{1D17A}'),
    ('\u{E0000}', '\u{E0FFF}'),
];

/// A character that shows nothing: default-ignorable, a format character (which steers how
/// other text shows, such as the interlinear annotation marks), a control code other than the
/// tab and line breaks (which are white space), or a noncharacter (never meant to be
/// interchanged).
pub fn is_hidden(c: char) -> bool {
    DEFAULT_IGNORABLE.iter().any(|&(first, last)| (first..=last).contains(&c))
        || get_general_category(c) == GeneralCategory::Format
        || (c.is_control() && !c.is_whitespace())
        || is_noncharacter(c)
}

/// U+FDD0..U+FDEF, and the last two code points of every plane.
fn is_noncharacter(c: char) -> bool {
    let code = u32::from(c);
    (0xFDD0..=0xFDEF).contains(&code) || code & 0xFFFE == 0xFFFE
}

/// Text with nothing a reader would see: empty, white space, or hidden characters only.
pub fn is_blank(text: &str) -> bool {
    text.chars().all(|c| c.is_whitespace() || is_hidden(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_only_text_is_blank() {
        for text in ["", " \t\n", "\u{200B}", "\u{202E}\u{2066}", "\u{FEFF}\u{00AD}", "\u{E0041}\u{E007F}", "\u{3164}"]
        {
            assert!(is_blank(text), "{text:?}");
        }
        for text in ["a", "\u{200B}a", "𝕏", "محمد", "\u{2800}", "\u{E000}"] {
            assert!(!is_blank(text), "{text:?}");
        }
    }

    /// Every "not blank" pattern of both schema versions, found by walking them.
    fn not_blank_patterns(node: &serde_json::Value, out: &mut Vec<String>) {
        match node {
            serde_json::Value::Object(map) => {
                if let Some(pattern) = map.get("pattern").and_then(|p| p.as_str())
                    && (pattern == "\\S" || pattern.contains("Default_Ignorable"))
                {
                    out.push(pattern.to_owned());
                }
                map.values().for_each(|child| not_blank_patterns(child, out));
            }
            serde_json::Value::Array(items) => items.iter().for_each(|child| not_blank_patterns(child, out)),
            _ => {}
        }
    }

    #[test]
    fn the_schemas_not_blank_pattern_agrees_for_every_code_point() {
        let mut patterns = Vec::new();
        for text in [crate::schema::TEXT, crate::schema::TEXT_V2, crate::schema::TEXT_V1] {
            not_blank_patterns(&serde_json::from_str(text).unwrap(), &mut patterns);
        }
        patterns.dedup();
        assert_eq!(patterns.len(), 1, "one not-blank pattern in both versions: {patterns:?}");
        let validator = jsonschema::validator_for(&serde_json::json!({ "pattern": patterns[0] })).unwrap();
        let disagree: Vec<String> = (0..=0x10FFFF_u32)
            .filter_map(char::from_u32)
            .filter(|&c| validator.is_valid(&serde_json::json!(c.to_string())) == is_blank(&c.to_string()))
            .map(|c| format!("U+{:04X}", u32::from(c)))
            .collect();
        assert!(
            disagree.is_empty(),
            "{} code points disagree: {:?}",
            disagree.len(),
            &disagree[..disagree.len().min(20)]
        );
    }
}
