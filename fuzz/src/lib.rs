//! The fuzz targets of `nrm`, one function each over the bytes the fuzzer gives, so that
//! libFuzzer's binaries (`fuzz_targets/`) and the replay test (`tests/replay.rs`) run the same
//! code:
//!
//! - [`check_bytes`]: the whole check of arbitrary bytes, as `nrm check` reads a file, and every
//!   report format written from its outcome;
//! - [`draft`]: drafts in the real format's shape — a real draft edited by `arbitrary` choices
//!   (strings of any Unicode, numbers, dates, booleans, the format's own words, members taken
//!   away or added, arrays shortened or grown) — through the check and, when the draft passes,
//!   rendering its package (PDF, HTML, JSON, manifest) and its email, in memory;
//! - [`config_registry`]: the config file (TOML) and the first responder registry (JSON), and
//!   a check of a real draft against any registry that loads.
//!
//! A target returns normally for every input; a panic, an endless loop or a memory blow-up is
//! the finding.

use arbitrary::{Result, Unstructured};
use chrono::{Duration, NaiveDate};
use nrm::batch::Checked;
use nrm::check::{self, Outcome, Settings};
use nrm::registry::Registry;
use nrm::report::{self, Report, Summary};
use serde_json::{Map, Number, Value};
use std::path::Path;
use std::sync::LazyLock;

/// The day every target checks on: the one the example fixtures are checked on.
pub const TODAY: &str = "2026-11-22";

fn today() -> NaiveDate {
    NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").expect("TODAY is a date")
}

fn settings(registry: Registry, show_values: bool, deny_warnings: bool) -> Settings {
    Settings { registry, today: today(), show_values, deny_warnings, source_date_epoch: None }
}

static SETTINGS: LazyLock<[Settings; 2]> =
    LazyLock::new(|| [settings(Registry::built_in(), false, false), settings(Registry::built_in(), true, true)]);

/// Writes the outcome in every report format that writes to a stream (JUnit needs files).
fn report_all(outcome: Outcome, settings: &Settings) {
    let checked = Checked { path: "draft.json".to_owned(), outcome, elapsed: std::time::Duration::ZERO };
    let mut summary = Summary::default();
    summary.add(&checked.outcome, settings);
    let mut reports: [Box<dyn Report>; 5] = [
        Box::new(report::human::Human { quiet: false }),
        Box::new(report::human::Human { quiet: true }),
        Box::new(report::json::Json::default()),
        Box::new(report::sarif::Sarif::default()),
        Box::new(report::github::Github),
    ];
    for report in &mut reports {
        let mut out = Vec::new();
        report.draft(&mut out, &checked, settings).expect("a report writes to memory");
        report.finish(&mut out, &summary, settings).expect("a report writes to memory");
    }
    let _ = summary.line();
}

// ---------------------------------------------------------------------------------------------
// (a) The whole check of arbitrary bytes.

/// The first byte picks the settings (values shown or not, warnings denied or not); the rest is
/// the file.
pub fn check_bytes(data: &[u8]) {
    let Some((&pick, bytes)) = data.split_first() else { return };
    let settings = &SETTINGS[usize::from(pick & 1)];
    let outcome = check::check_bytes(bytes.to_vec(), settings);
    report_all(outcome, settings);
}

// ---------------------------------------------------------------------------------------------
// (b) Structured drafts through the check and the package.

/// Real drafts that pass, the templates the edits start from.
const TEMPLATES: [&str; 5] = [
    include_str!("../../fixtures/examples/child-england-pass.json"),
    include_str!("../../fixtures/examples/adult-scotland-pass.json"),
    include_str!("../../fixtures/examples/adult-wales-duty-to-notify-pass.json"),
    include_str!("../../fixtures/examples/child-fail.json"),
    include_str!("../../fixtures/examples/v1/child-england-pass.json"),
];

static PARSED: LazyLock<Vec<Value>> =
    LazyLock::new(|| TEMPLATES.iter().map(|text| serde_json::from_str(text).expect("a template parses")).collect());

/// The format's own words: every member name and every enumerated value in the schema, so
/// that edits reach the rules behind each answer, not only the schema's refusals.
struct Vocabulary {
    members: Vec<String>,
    values: Vec<String>,
}

static VOCABULARY: LazyLock<Vocabulary> = LazyLock::new(|| {
    fn walk(value: &Value, vocabulary: &mut Vocabulary) {
        match value {
            Value::Object(members) => {
                for (name, member) in members {
                    match (name.as_str(), member) {
                        ("enum", Value::Array(items)) => {
                            vocabulary.values.extend(items.iter().filter_map(Value::as_str).map(str::to_owned));
                        }
                        ("const", Value::String(text)) => vocabulary.values.push(text.clone()),
                        ("properties", Value::Object(properties)) => {
                            vocabulary.members.extend(properties.keys().cloned());
                        }
                        _ => {}
                    }
                    walk(member, vocabulary);
                }
            }
            Value::Array(items) => items.iter().for_each(|item| walk(item, vocabulary)),
            _ => {}
        }
    }
    let schema: Value = serde_json::from_str(include_str!("../../schemas/referral.schema.json")).expect("schema");
    let mut vocabulary = Vocabulary { members: Vec::new(), values: Vec::new() };
    walk(&schema, &mut vocabulary);
    for list in [&mut vocabulary.members, &mut vocabulary.values] {
        list.sort();
        list.dedup();
    }
    vocabulary
});

/// The longest run of one piece a string may repeat, and the most characters an edit adds:
/// above the format's longest string (15,000 characters), below the 1 MiB file limit.
const MAX_REPEAT: usize = 20_000;
const MAX_EDITS: usize = 24;

/// Characters worth trying, by kind; a kind is picked, then a character within it.
const KINDS: &[&[(u32, u32)]] = &[
    // ASCII, printable.
    &[(0x20, 0x7e)],
    // Controls: C0, DEL, C1.
    &[(0x00, 0x1f), (0x7f, 0x9f)],
    // Bidirectional controls: ALM, LRM, RLM, embeddings and overrides, isolates.
    &[(0x061c, 0x061c), (0x200e, 0x200f), (0x202a, 0x202e), (0x2066, 0x2069)],
    // Format characters: soft hyphen, zero widths, word joiner, invisible operators, BOM,
    // interlinear annotation, tags.
    &[(0x00ad, 0x00ad), (0x200b, 0x200d), (0x2060, 0x2064), (0xfeff, 0xfeff), (0xfff9, 0xfffb), (0xe0001, 0xe007f)],
    // Line and paragraph breaks that are not `\n`.
    &[(0x0085, 0x0085), (0x2028, 0x2029), (0x000b, 0x000d)],
    // Combining marks, variation selectors.
    &[(0x0300, 0x036f), (0x1ab0, 0x1aff), (0x20d0, 0x20ff), (0xfe00, 0xfe0f), (0xe0100, 0xe01ef)],
    // Latin with diacritics, Greek, Cyrillic, Vietnamese: what the fonts draw.
    &[(0x00c0, 0x024f), (0x0370, 0x03ff), (0x0400, 0x04ff), (0x1ea0, 0x1eff)],
    // Scripts that need shaping: Arabic, Hebrew, Devanagari, Bengali, Thai, Tibetan, Myanmar.
    &[(0x0590, 0x06ff), (0x0900, 0x09ff), (0x0e00, 0x0e7f), (0x0f00, 0x0fff), (0x1000, 0x109f)],
    // Wide: CJK, Hangul, fullwidth forms.
    &[(0x3000, 0x30ff), (0x4e00, 0x9fff), (0xac00, 0xd7a3), (0xff00, 0xffef)],
    // Astral: emoji, mathematical letters, historic scripts, private use, noncharacters.
    &[
        (0x1f300, 0x1faff),
        (0x1d400, 0x1d7ff),
        (0x10000, 0x1ffff),
        (0xf0000, 0x10ffff),
        (0xfdd0, 0xfdef),
        (0xfffe, 0xffff),
    ],
    // Anything at all.
    &[(0x0000, 0x10ffff)],
];

fn character(u: &mut Unstructured) -> Result<char> {
    let ranges = KINDS[u.choose_index(KINDS.len())?];
    let (low, high) = ranges[u.choose_index(ranges.len())?];
    let code = u.int_in_range(low..=high)?;
    // A surrogate is no character: its place goes to the replacement character.
    Ok(char::from_u32(code).unwrap_or('\u{fffd}'))
}

/// A string of any Unicode: a few pieces, each a run of characters, a word of the format's, or
/// a real draft's text, some repeated many times.
fn string(u: &mut Unstructured) -> Result<String> {
    let mut text = String::new();
    for _ in 0..u.int_in_range(0..=4)? {
        let piece = match u.int_in_range(0..=3u8)? {
            0 => (0..u.int_in_range(1..=16)?).map(|_| character(u)).collect::<Result<String>>()?,
            1 => u.choose(&VOCABULARY.values)?.clone(),
            2 => u.choose(&VOCABULARY.members)?.clone(),
            _ => u.arbitrary::<String>()?,
        };
        let times = match u.int_in_range(0..=3u8)? {
            0 => u.int_in_range(2..=MAX_REPEAT)?,
            _ => 1,
        };
        let times = times.min(MAX_REPEAT / piece.chars().count().max(1)).max(1);
        text.push_str(&piece.repeat(times));
    }
    Ok(text)
}

/// A date, well-formed or nearly: near the check's day (ages, deadlines), any day, or a
/// malformed one.
fn date(u: &mut Unstructured) -> Result<String> {
    Ok(match u.int_in_range(0..=4u8)? {
        0 => (today() - Duration::days(u.int_in_range(-800..=40_000)?)).to_string(),
        1 => {
            let years = u.int_in_range(0..=130)?;
            let born = today().checked_sub_months(chrono::Months::new(years * 12)).unwrap_or(today());
            (born + Duration::days(u.int_in_range(-2..=2)?)).to_string()
        }
        2 => format!(
            "{:04}-{:02}-{:02}",
            u.int_in_range(0..=9999u32)?,
            u.int_in_range(0..=13u32)?,
            u.int_in_range(0..=32u32)?
        ),
        3 => format!("{}-{}-{}", u.arbitrary::<i64>()?, u.arbitrary::<i32>()?, u.arbitrary::<i16>()?),
        _ => ["2026-02-29", "2024-02-29", "+2026-01-01", "2026-1-1", "20261122", "2026-11-22T00:00:00Z", " 2026-11-22"]
            [u.choose_index(7)?]
        .to_owned(),
    })
}

fn number(u: &mut Unstructured) -> Result<Value> {
    Ok(match u.int_in_range(0..=5u8)? {
        0 => Value::from(u.int_in_range(-2..=130i64)?),
        1 => Value::from(u.arbitrary::<i64>()?),
        2 => Value::from(u.arbitrary::<u64>()?),
        3 => Number::from_f64(u.arbitrary::<f64>()?).map_or(Value::Null, Value::Number),
        4 => Value::from(f64::from(u.int_in_range(0..=40i32)?) + 0.5),
        _ => [Value::from(1e308), Value::from(-0.0), Value::from(i64::MIN), Value::from(u64::MAX)]
            [u.choose_index(4)?]
        .clone(),
    })
}

/// Any value, nested a little.
fn value(u: &mut Unstructured, depth: u32) -> Result<Value> {
    let top = if depth == 0 { 6 } else { 8u8 };
    Ok(match u.int_in_range(0..=top)? {
        0 => Value::String(string(u)?),
        1 => Value::String(u.choose(&VOCABULARY.values)?.clone()),
        2 => Value::String(date(u)?),
        3 => number(u)?,
        4 => Value::Bool(u.arbitrary()?),
        5 => Value::Null,
        6 => Value::String(String::new()),
        7 => Value::Array((0..u.int_in_range(0..=4)?).map(|_| value(u, depth - 1)).collect::<Result<_>>()?),
        _ => {
            let mut members = Map::new();
            for _ in 0..u.int_in_range(0..=4)? {
                members.insert(u.choose(&VOCABULARY.members)?.clone(), value(u, depth - 1)?);
            }
            Value::Object(members)
        }
    })
}

/// Every place in the draft, as a JSON pointer.
fn places(value: &Value, pointer: &mut String, out: &mut Vec<String>) {
    out.push(pointer.clone());
    let length = pointer.len();
    match value {
        Value::Object(members) => {
            for (name, member) in members {
                pointer.push('/');
                pointer.push_str(&name.replace('~', "~0").replace('/', "~1"));
                places(member, pointer, out);
                pointer.truncate(length);
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                pointer.push('/');
                pointer.push_str(&index.to_string());
                places(item, pointer, out);
                pointer.truncate(length);
            }
        }
        _ => {}
    }
}

/// One edit at one place of the draft.
fn edit(u: &mut Unstructured, draft: &mut Value) -> Result<()> {
    let mut all = Vec::new();
    places(draft, &mut String::new(), &mut all);
    let place = u.choose(&all)?.clone();
    let source = u.choose(&all)?.clone();
    let copied = draft.pointer(&source).cloned().unwrap_or(Value::Null);
    let (parent, last) = match place.rfind('/') {
        Some(at) => (place[..at].to_owned(), Some(place[at + 1..].replace("~1", "/").replace("~0", "~"))),
        None => (String::new(), None),
    };
    let operation = u.int_in_range(0..=13u8)?;
    // Taking a member or an item away works on the parent.
    if operation == 0 {
        if let Some(last) = last {
            match draft.pointer_mut(&parent) {
                Some(Value::Object(members)) => {
                    members.remove(&last);
                }
                Some(Value::Array(items)) => {
                    if let Ok(index) = last.parse::<usize>()
                        && index < items.len()
                    {
                        items.remove(index);
                    }
                }
                _ => {}
            }
        }
        return Ok(());
    }
    let new = match operation {
        1 | 2 => Some(Value::String(string(u)?)),
        3 => Some(Value::String(u.choose(&VOCABULARY.values)?.clone())),
        4 => Some(Value::String(date(u)?)),
        5 => Some(number(u)?),
        6 => Some(Value::Bool(u.arbitrary()?)),
        7 => Some(Value::Null),
        8 => Some(copied),
        9 => Some(value(u, 2)?),
        _ => None,
    };
    let Some(target) = draft.pointer_mut(&place) else { return Ok(()) };
    if let Some(new) = new {
        *target = new;
        return Ok(());
    }
    match (operation, target) {
        // A member added, named by the format or by anything.
        (10, Value::Object(members)) => {
            let name = if u.arbitrary()? { u.choose(&VOCABULARY.members)?.clone() } else { string(u)? };
            members.insert(name, value(u, 2)?);
        }
        // An array grown: an item repeated or a new one, once or many times.
        (10, Value::Array(items)) => {
            let item = match items.first() {
                Some(first) if u.arbitrary()? => first.clone(),
                _ => value(u, 2)?,
            };
            for _ in 0..u.int_in_range(1..=64)? {
                items.push(item.clone());
            }
        }
        (11, Value::Array(items)) => items.truncate(u.int_in_range(0..=items.len())?),
        // A string edited in place: characters inserted at a character boundary, or cut short.
        (11 | 12, Value::String(text)) => {
            let boundaries: Vec<usize> = text.char_indices().map(|(at, _)| at).chain([text.len()]).collect();
            let at = *u.choose(&boundaries)?;
            if operation == 11 {
                text.truncate(at);
            } else {
                let inserted = string(u)?;
                text.insert_str(at, &inserted);
            }
        }
        (13, Value::String(text)) => {
            let times = u.int_in_range(2..=64usize)?.min(MAX_REPEAT / text.chars().count().max(1)).max(1);
            *text = text.repeat(times);
        }
        (_, Value::Bool(flag)) => *flag = !*flag,
        (_, other) => *other = Value::String(string(u)?),
    }
    Ok(())
}

/// Builds a draft from a real one and up to [`MAX_EDITS`] edits, as the file `nrm` would read:
/// pretty or compact, with or without a byte-order mark; with the settings to check it with.
/// No data: the first template as it is.
pub fn build_draft(data: &[u8]) -> (Vec<u8>, usize) {
    let mut u = Unstructured::new(data);
    let template = u.choose_index(TEMPLATES.len()).unwrap_or(0);
    let style = u.int_in_range(0..=3u8).unwrap_or(0);
    let pick = u.int_in_range(0..=1usize).unwrap_or(0);
    let mut draft = PARSED[template].clone();
    for _ in 0..MAX_EDITS {
        if u.is_empty() || edit(&mut u, &mut draft).is_err() {
            break;
        }
    }
    let mut bytes = match style {
        1 => serde_json::to_vec(&draft),
        _ => serde_json::to_vec_pretty(&draft),
    }
    .expect("a JSON value serialises");
    if style == 3 {
        bytes.splice(0..0, "\u{feff}".bytes());
    }
    (bytes, pick)
}

/// The draft built from `data` through the check, every report, and — when it passes — its
/// package and its email.
pub fn draft(data: &[u8]) {
    let (bytes, pick) = build_draft(data);
    let settings = &SETTINGS[pick];
    let outcome = check::check_bytes(bytes, settings);
    if outcome.passed(settings) {
        render(&outcome, settings);
    }
    report_all(outcome, settings);
}

/// A passing draft's package, as `nrm render` builds it before writing, and its email. A
/// version 1 or 2 draft (the last template) gets no package however well it passes: its refusal
/// is what `nrm render` does with it.
fn render(outcome: &Outcome, settings: &Settings) {
    let value = outcome.value.as_ref().expect("a passing draft parsed");
    assert!(outcome.reference.is_some(), "a passing draft has a reference");
    let older = nrm::render::refused(&nrm::draft::Draft::new(value)).is_some();
    let files = match nrm::render::package(value, &outcome.findings, settings) {
        Ok(files) => files,
        Err(_) if older => return,
        Err(error) => panic!("a passing draft does not render: {error}"),
    };
    assert!(!older, "a draft of an older format version got a package");
    nrm::email::compose_files(&files, "sca@example.gov.uk", Some("first.responder@example.gov.uk"))
        .unwrap_or_else(|error| panic!("a rendered package gives no email: {error}"));
}

// ---------------------------------------------------------------------------------------------
// (c) The config file and the registry file.

/// A real draft checked against a registry the fuzzer wrote.
const REGISTRY_DRAFT: &str = include_str!("../../fixtures/examples/child-england-pass.json");

/// The first byte picks the file: even, the config (TOML); odd, the registry (JSON). The rest,
/// as UTF-8 (lossily, as the files are read as text), is its text.
pub fn config_registry(data: &[u8]) {
    let Some((&pick, bytes)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(bytes);
    if pick & 1 == 0 {
        config(&text);
    } else {
        registry(&text);
    }
}

fn config(text: &str) {
    let Ok(config) = nrm::config::parse(text, Path::new("config/nrm.toml")) else { return };
    if let Some(smtp) = &config.smtp {
        let _ = nrm::email::check_security(smtp);
    }
    // `nrm new` writes the configured first responder into a skeleton, which must still parse.
    let first_responder = config.first_responder.unwrap_or_default();
    for (case, route) in [(nrm::skeleton::Case::Child, "nrm"), (nrm::skeleton::Case::Adult, "duty_to_notify")] {
        let request = nrm::skeleton::Request {
            case,
            nation: Some("england"),
            route,
            today: today(),
            first_responder: &first_responder,
            known: nrm::skeleton::Known::default(),
        };
        let text = nrm::skeleton::draft(&request).expect("the skeleton renders");
        let outcome = check::check_bytes(text.clone().into_bytes(), &SETTINGS[0]);
        assert!(
            outcome.findings.iter().all(|f| !matches!(f.finding.rule.id, "INP001" | "INP002" | "INP004")),
            "the skeleton of a configured first responder is no well-formed draft:\n{text}"
        );
    }
}

fn registry(text: &str) {
    let Ok(registry) = Registry::parse(text) else { return };
    for domain in ["lincolnshire.gov.uk", "GMAIL.com", "", ".", "xn--80ak6aa92e.com", "İ.gov.uk", "ß.police.uk"] {
        let _ = registry.is_webmail(domain);
        let _ = registry.recognised_by_online_form(domain);
    }
    let _ = nrm::Tool::new(&registry);
    let settings = settings(registry, true, false);
    let outcome = check::check_bytes(REGISTRY_DRAFT.as_bytes().to_vec(), &settings);
    report_all(outcome, &settings);
}
