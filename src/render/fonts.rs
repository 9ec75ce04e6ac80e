//! Fonts for real names. DejaVu Sans (`fonts/`, Bitstream Vera licence) covers Latin with
//! Vietnamese and Romanian letters, Greek and Cyrillic. It is built into the binary, and each
//! PDF embeds a subset holding only the glyphs that document uses: the whole font is 740 KB.
//!
//! genpdf places glyphs one by one and cannot shape scripts whose letters join or reorder
//! (Arabic, Hebrew, the Indic scripts, Thai …), and DejaVu has no glyphs for others (Chinese,
//! say). Such text is never dropped silently: the PDF shows a marker naming the script, and
//! `referral.html` shows the text itself.

use allsorts::binary::read::ReadScope;
use allsorts::font::MatchingPresentation;
use allsorts::font_data::FontData;
use allsorts::subset::{CmapTarget, SubsetProfile, subset};
use allsorts::tag;
use std::cell::RefCell;
use std::collections::BTreeSet;
use unicode_normalization::UnicodeNormalization;
use unicode_script::{Script, UnicodeScript};

pub const REGULAR: &[u8] = include_bytes!("../../fonts/DejaVuSans.ttf");
pub const BOLD: &[u8] = include_bytes!("../../fonts/DejaVuSans-Bold.ttf");

/// Words wider than this, in ems of the regular font, are broken with a space: genpdf cannot
/// break a word itself, and silently drops a line that does not fit. An answer's line is about
/// 48 ems (170 mm at 10 points); the rest is room for bold and bullets. Narrower words, such as
/// most email addresses and file names, stay whole, so they can be copied as they are.
const WIDEST_WORD: f64 = 44.0;

type Font = allsorts::Font<allsorts::font_data::DynamicFontTableProvider<'static>>;

thread_local! {
    /// The parsed fonts, once per worker thread (allsorts' lookup caches are not shared).
    static FONTS: RefCell<Option<[Font; 2]>> = const { RefCell::new(None) };
}

fn parse(bytes: &'static [u8]) -> Result<Font, String> {
    let data = ReadScope::new(bytes).read::<FontData<'static>>().map_err(|e| format!("font: {e}"))?;
    let provider = data.table_provider(0).map_err(|e| format!("font: {e}"))?;
    allsorts::Font::new(provider).map_err(|e| format!("font: {e}"))
}

/// Runs `f` with the regular and bold fonts.
fn with_fonts<T>(f: impl FnOnce(&mut [Font; 2]) -> Result<T, String>) -> Result<T, String> {
    FONTS.with(|cell| {
        let mut fonts = cell.borrow_mut();
        if fonts.is_none() {
            *fonts = Some([parse(REGULAR)?, parse(BOLD)?]);
        }
        f(fonts.as_mut().expect("fonts were just parsed"))
    })
}

fn glyph(font: &mut Font, c: char) -> u16 {
    font.lookup_glyph_index(c, MatchingPresentation::NotRequired, None).0
}

/// Scripts whose letters must be shaped (joined, reordered) to be read.
fn needs_shaping(script: Script) -> bool {
    use Script::*;
    matches!(
        script,
        Arabic
            | Syriac
            | Thaana
            | Nko
            | Hebrew
            | Devanagari
            | Bengali
            | Gurmukhi
            | Gujarati
            | Oriya
            | Tamil
            | Telugu
            | Kannada
            | Malayalam
            | Sinhala
            | Thai
            | Lao
            | Tibetan
            | Myanmar
            | Khmer
            | Mongolian
            | Ethiopic
    )
}

/// A character written right to left, such as the Arabic comma or a Hebrew punctuation mark
/// (which belong to no one script): placed one by one from the left, it would read wrongly.
fn right_to_left(c: char) -> bool {
    use unicode_bidi::BidiClass::{AL, R};
    matches!(unicode_bidi::bidi_class(c), R | AL)
}

/// Text as the PDF can show it: NFC, white space made plain, over-long words broken, and runs
/// the PDF cannot show (a script it cannot draw, invisible characters) replaced by a marker
/// that names them.
pub fn printable(text: &str) -> Result<String, String> {
    with_fonts(|[regular, _]| {
        let mut out = String::with_capacity(text.len());
        // What the run not shown so far holds, in order of first appearance.
        let mut gap: Vec<Unshown> = Vec::new();
        for c in text.nfc() {
            let c = if c.is_whitespace() { ' ' } else { c };
            let unshown = if c == ' ' {
                None
            } else if crate::visible::is_hidden(c) {
                Some(Unshown::Invisible)
            } else {
                let script = c.script();
                (needs_shaping(script) || right_to_left(c) || glyph(regular, c) == 0).then_some(Unshown::Script(script))
            };
            match unshown {
                Some(kind) if !gap.contains(&kind) => gap.push(kind),
                Some(_) => {}
                // A space inside a run stays in it: one marker for a whole name.
                None if c == ' ' && !gap.is_empty() => {}
                None => {
                    if !gap.is_empty() {
                        out.push_str(&marker(&gap));
                        gap.clear();
                    }
                    out.push(c);
                }
            }
        }
        if !gap.is_empty() {
            out.push_str(&marker(&gap));
        }
        Ok(break_long_words(&out, regular))
    })
}

/// What a run of text not shown in the PDF holds.
#[derive(PartialEq)]
enum Unshown {
    Script(Script),
    /// Characters that show nothing (`visible::is_hidden`): the HTML page shows their codes.
    Invisible,
}

/// "[Arabic script: see referral.html] ", "[invisible characters: see referral.html] ".
fn marker(gap: &[Unshown]) -> String {
    let names: Vec<String> = gap
        .iter()
        .map(|kind| match kind {
            Unshown::Script(Script::Common | Script::Inherited | Script::Unknown) => "another script".to_owned(),
            Unshown::Script(script) => format!("{} script", script.full_name().replace('_', " ")),
            Unshown::Invisible => "invisible characters".to_owned(),
        })
        .collect();
    format!("[{}: see referral.html] ", names.join(" and "))
}

fn break_long_words(text: &str, font: &mut Font) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run = 0.0;
    for c in text.chars() {
        let width = if c == ' ' { 0.0 } else { ems(font, c) };
        run = if c == ' ' { 0.0 } else { run + width };
        if run > WIDEST_WORD {
            out.push(' ');
            run = width;
        }
        out.push(c);
    }
    out.trim_end().to_owned()
}

/// A character's width in ems (a missing glyph counts as one em).
fn ems(font: &mut Font, c: char) -> f64 {
    let glyph = glyph(font, c);
    let em = f64::from(font.head_table.units_per_em);
    font.horizontal_advance(glyph).map_or(1.0, |w| f64::from(w) / em)
}

/// The regular and bold fonts cut down to the characters given (with `.notdef` and space),
/// each with a Unicode cmap so that genpdf measures and places them as the whole fonts.
pub fn subsets(regular_text: &BTreeSet<char>, bold_text: &BTreeSet<char>) -> Result<[Vec<u8>; 2], String> {
    with_fonts(|[regular, bold]| Ok([cut(regular, regular_text)?, cut(bold, bold_text)?]))
}

/// The tables a PDF viewer and genpdf need; the hinting programs (`fpgm`, `prep`, `cvt`), a
/// third of DejaVu's size, are left out. `glyf` and `loca` are always kept.
const TABLES: [u32; 5] = [tag::CMAP, tag::HEAD, tag::HHEA, tag::HMTX, tag::MAXP];

fn cut(font: &mut Font, chars: &BTreeSet<char>) -> Result<Vec<u8>, String> {
    let mut glyphs: Vec<u16> = chars.iter().chain([&' ']).map(|&c| glyph(font, c)).filter(|&g| g != 0).collect();
    glyphs.sort_unstable();
    glyphs.dedup();
    glyphs.insert(0, 0);
    subset(&font.font_table_provider, &glyphs, &SubsetProfile::Custom(TABLES.to_vec()), CmapTarget::Unicode)
        .map_err(|e| format!("cannot subset the font: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_greek_and_cyrillic_names_come_through_as_themselves() {
        for name in ["Nguyễn Thị Hương", "Ștefania", "Çela", "Παπαδόπουλος", "Шевченко"] {
            assert_eq!(printable(name).unwrap(), name);
        }
        assert_eq!(printable("Nguye\u{302}\u{303}n").unwrap(), "Nguyễn", "decomposed letters are composed");
    }

    #[test]
    fn scripts_the_pdf_cannot_show_are_marked() {
        let shown = printable("Name: محمد علي, born").unwrap();
        assert_eq!(shown, "Name: [Arabic script: see referral.html] , born");
        assert!(printable("王小明").unwrap().contains("[Han script: see referral.html]"));
    }

    #[test]
    fn invisible_characters_are_marked_and_never_reach_the_pdf() {
        assert_eq!(printable("Ahmed\u{200B}").unwrap(), "Ahmed[invisible characters: see referral.html]");
        let shown = printable("A\u{202E}B محمد\u{2066}").unwrap();
        assert_eq!(
            shown,
            "A[invisible characters: see referral.html] B [Arabic script and invisible characters: see referral.html]"
        );
        assert!(!shown.chars().any(crate::visible::is_hidden));
        assert_eq!(printable("a\u{7}b").unwrap(), "a[invisible characters: see referral.html] b");
    }

    #[test]
    fn characters_beyond_the_basic_plane_are_shown_as_themselves() {
        assert_eq!(printable("𝕏𝕐").unwrap(), "𝕏𝕐");
    }

    #[test]
    fn long_words_are_broken_and_white_space_made_plain() {
        let long = "W".repeat(80);
        let words: Vec<String> = printable(&long).unwrap().split(' ').map(str::to_owned).collect();
        assert!(words.len() > 1, "broken");
        let widths = with_fonts(|[regular, _]| {
            Ok(words.iter().map(|w| w.chars().map(|c| ems(regular, c)).sum::<f64>()).collect::<Vec<f64>>())
        })
        .unwrap();
        assert!(widths.iter().all(|w| *w <= WIDEST_WORD), "{widths:?}");
        assert_eq!(words.concat(), long, "nothing lost");
        assert_eq!(printable("a\nb\tc").unwrap(), "a b c");
    }

    #[test]
    fn email_addresses_and_file_names_stay_whole() {
        for word in
            ["childrens.safeguarding.boston@lincolnshire.gov.uk", "lp-first-account-2026-11-10-with-annexes.pdf"]
        {
            assert_eq!(printable(word).unwrap(), word);
        }
    }
}
