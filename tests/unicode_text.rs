//! Every character of every value reaches the package exactly, or visibly marked: in the text
//! poppler's `pdftotext` reads from referral.pdf, a value either appears as itself (white space
//! being layout) or beside the marker that sends the reader to referral.html; there is no third
//! outcome. In referral.html, each value is isolated in a `<bdi>` and its invisible characters
//! are shown by their codes. Values are drawn from every Unicode plane and general category:
//! once each by sweep, then in random mixtures by proptest.

mod support;

use nrm::visible::is_hidden;
use proptest::prelude::*;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::sync::LazyLock;
use support::{TODAY, fixture, nrm};
use unicode_general_category::get_general_category;
use unicode_normalization::UnicodeNormalization;

/// Values in one draft: the lines of one answer of the first responder's record (what the
/// support provider should know), each a paragraph of its own in the PDF.
const PER_DRAFT: usize = 100;

/// What the PDF says where it does not show part of a value.
const MARKER_END: &str = "see referral.html]";

/// Every code point but the surrogates, by general category and block of 256 (so by plane too):
/// the sweep takes one of each, and the fonts cover whole blocks or none.
static CLASSES: LazyLock<Vec<Vec<char>>> = LazyLock::new(|| {
    let mut classes: BTreeMap<(u32, String), Vec<char>> = BTreeMap::new();
    for c in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
        classes.entry((u32::from(c) >> 8, format!("{:?}", get_general_category(c)))).or_default().push(c);
    }
    classes.into_values().collect()
});

/// A value between two sentinels of its own, so that its text can be found in the PDF's.
/// The sentinels end and start with digits, which no character composes with under NFC.
fn sentinels(index: usize) -> (String, String) {
    (format!("QZ{index:04}"), format!("{index:04}ZQ"))
}

fn without_white_space(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The PDF's text without white space and without what heads and foots each page (the marking
/// and "Page N of M", each a line of its own), so that a value or a marker running onto the
/// next page reads whole.
fn without_page_furniture(text: &str) -> String {
    let furniture = |line: &str| {
        let words: Vec<&str> = line.split_whitespace().collect();
        let number = |word: &str| !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit());
        words == ["OFFICIAL-SENSITIVE"] || matches!(words.as_slice(), ["Page", n, "of", m] if number(n) && number(m))
    };
    without_white_space(&text.lines().filter(|line| !furniture(line)).collect::<Vec<_>>().join("\n"))
}

/// Renders one draft for each list of values (the lines of one answer) in one run, and checks
/// each value in both files. Returns how many values the PDF showed exactly, by whether they lie beyond U+FFFF.
fn check_values(drafts: &[&[String]]) -> Result<[usize; 2], String> {
    let folder = tempfile::tempdir().unwrap();
    let example: Value =
        serde_json::from_slice(&fs::read(fixture("examples/adult-scotland-pass.json")).unwrap()).unwrap();
    let mut paths = Vec::new();
    for (number, values) in drafts.iter().enumerate() {
        let mut draft = example.clone();
        draft["reference"] = json!(format!("UNICODE-{number}"));
        let lines: Vec<String> = values
            .iter()
            .enumerate()
            .map(|(index, value)| {
                let (before, after) = sentinels(index);
                format!("{before}{value}{after}")
            })
            .collect();
        draft["support"]["needs"] = json!(lines.join("\n"));
        let path = folder.path().join(format!("{number}.json"));
        fs::write(&path, serde_json::to_vec(&draft).unwrap()).unwrap();
        paths.push(path);
    }
    let out = folder.path().join("out");
    let rendered = nrm().args(["render", "--today", TODAY, "--out"]).arg(&out).args(&paths).output().unwrap();
    if !rendered.status.success() {
        return Err(format!("render failed: {}", String::from_utf8_lossy(&rendered.stdout)));
    }
    let mut exact = [0, 0];
    for (number, values) in drafts.iter().enumerate() {
        let package = out.join(format!("UNICODE-{number}"));
        let shown = check_pdf(&package.join("referral.pdf"), values)?;
        for (value, shown) in values.iter().zip(shown) {
            if shown {
                exact[usize::from(value.chars().any(|c| u32::from(c) > 0xFFFF))] += 1;
            }
        }
        check_html(&fs::read_to_string(package.join("referral.html")).unwrap(), values)?;
    }
    Ok(exact)
}

/// Whether each value was shown exactly (or else marked).
fn check_pdf(pdf: &Path, values: &[String]) -> Result<Vec<bool>, String> {
    let output = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext is installed (bash .ci/test installs it)");
    assert!(output.status.success(), "pdftotext: {}", String::from_utf8_lossy(&output.stderr));
    let text = without_page_furniture(&String::from_utf8(output.stdout).unwrap().nfc().collect::<String>());
    if let Some(hidden) = text.chars().find(|&c| is_hidden(c)) {
        return Err(format!("an invisible character, U+{:04X}, reached the PDF's text", u32::from(hidden)));
    }
    let mut exact = Vec::new();
    for (index, value) in values.iter().enumerate() {
        let (before, after) = sentinels(index);
        let start = text.find(&before).ok_or_else(|| format!("value {index}: its start is not in the PDF"))?;
        let rest = &text[start + before.len()..];
        let end = rest.find(&after).ok_or_else(|| format!("value {index}: its end is not in the PDF"))?;
        let shown = &rest[..end];
        let expected = without_white_space(&value.nfc().collect::<String>());
        if shown != expected && !shown.contains(&without_white_space(MARKER_END)) {
            return Err(format!("value {index} {value:?} reads {shown:?} in the PDF, unmarked"));
        }
        exact.push(shown == expected);
    }
    Ok(exact)
}

fn check_html(html: &str, values: &[String]) -> Result<(), String> {
    if let Some(hidden) = html.chars().find(|&c| is_hidden(c)) {
        return Err(format!("an invisible character, U+{:04X}, reached the HTML", u32::from(hidden)));
    }
    for (index, value) in values.iter().enumerate() {
        let (before, after) = sentinels(index);
        let start = html.find(&format!("<bdi>{before}")).ok_or_else(|| format!("value {index} is not isolated"))?;
        let end = html[start..].find(&format!("{after}</bdi>")).ok_or_else(|| format!("value {index}: no end"))?;
        let shown = &html[start..start + end];
        // Each visible stretch is there as written (escaped), each invisible character by code.
        let mut at = 0;
        for piece in value.split(is_hidden).filter(|piece| !piece.is_empty()) {
            let piece = piece.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
            // Each line of the answer is isolated on its own.
            let piece = piece.replace('\'', "&#39;").replace('\n', "</bdi>\n<bdi>");
            at += shown[at..].find(&piece).ok_or_else(|| format!("value {index}: {piece:?} is not in the HTML"))?;
        }
        for hidden in value.chars().filter(|&c| is_hidden(c)) {
            let code = format!("U+{:04X}</span>", u32::from(hidden));
            if !shown.contains(&code) {
                return Err(format!("value {index}: the invisible {code} is not shown"));
            }
        }
    }
    Ok(())
}

/// One character of every class, each alone between two letters.
#[test]
fn every_plane_and_category_is_shown_exactly_or_marked() {
    let planes: std::collections::BTreeSet<u32> = CLASSES.iter().map(|class| u32::from(class[0]) >> 16).collect();
    let categories: std::collections::BTreeSet<String> =
        CLASSES.iter().map(|class| format!("{:?}", get_general_category(class[0]))).collect();
    assert_eq!((planes.len(), categories.len()), (17, 29), "every plane, and every category but the surrogates");
    let values: Vec<String> = CLASSES.iter().map(|class| format!("a{}b", class[class.len() / 2])).collect();
    let drafts: Vec<&[String]> = values.chunks(PER_DRAFT).collect();
    let [basic, beyond] = check_values(&drafts).unwrap_or_else(|error| panic!("{error}"));
    // The sweep must reach characters the fonts hold, in the first plane and beyond it
    // (DejaVu's mathematical letters), or it proves nothing.
    assert!(basic > 0 && beyond > 0, "shown exactly: {basic} in the first plane, {beyond} beyond it");
}

/// A value of a few characters from any classes, with Latin letters and spaces among them.
fn value() -> impl Strategy<Value = String> {
    let from_any_class = (0..CLASSES.len(), any::<prop::sample::Index>()).prop_map(|(class, index)| {
        let class = &CLASSES[class];
        class[index.index(class.len())]
    });
    let piece = prop_oneof![3 => from_any_class, 1 => prop::sample::select(vec!['a', 'Z', ' ', '-'])];
    prop::collection::vec(piece, 1..12).prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    // A fixed seed: the same mixtures on every run, so that a failure in CI is the one seen
    // here. Another seed explores others.
    #![proptest_config(ProptestConfig {
        cases: 16,
        failure_persistence: None,
        rng_seed: proptest::test_runner::RngSeed::Fixed(20261202),
        ..ProptestConfig::default()
    })]

    #[test]
    fn mixtures_of_any_characters_are_shown_exactly_or_marked(values in prop::collection::vec(value(), PER_DRAFT)) {
        check_values(&[&values]).map_err(TestCaseError::fail)?;
    }
}
