//! `nrm check --format html`, the page for safeguarding leads, read by its real consumers: the
//! Nu HTML Checker (npm `vnu-jar`, on this machine's Java) and headless Chromium with axe-core.
//! Its counts are held to the JSON report's of the same drafts, and its year at a glance to the
//! drafts themselves. The drafts are the benchmark's corpus of format version 3 drafts, shaped
//! like the 2023 referrals.
//!
//! The screenshot goes to a temporary folder printed by the browser test; with
//! `NRM_KEEP_SCREENSHOTS=1` it is kept.

#[path = "support/browser.rs"]
mod browser;
mod support;

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use support::{TODAY, project, run};

/// Drafts with mistakes, children to refer today among them: written once for every test.
struct Batch {
    _folder: tempfile::TempDir,
    root: PathBuf,
    html: String,
    json: Value,
}

fn corpus(folder: &Path, count: usize) {
    let generated = std::process::Command::new("python3")
        .arg(project().join("benches/corpus.py"))
        .args(["--count", &count.to_string(), "--seed", "13", "--mistakes", "0.4", "--today", TODAY, "--out"])
        .arg(folder)
        .output()
        .expect("python3 runs the corpus generator");
    assert!(generated.status.success(), "{}", String::from_utf8_lossy(&generated.stderr));
}

fn check(format: &str, paths: &[&Path], extra: &[&str]) -> std::process::Output {
    let paths: Vec<&str> = paths.iter().map(|p| p.to_str().unwrap()).collect();
    run(&[&["check", "--format", format, "--today", TODAY], extra, &paths[..]].concat(), None)
}

fn batch() -> &'static Batch {
    static BATCH: OnceLock<Batch> = OnceLock::new();
    BATCH.get_or_init(|| {
        let folder = tempfile::tempdir().unwrap();
        let root = folder.path().join("drafts");
        corpus(&root, 800);
        let html = check("html", &[&root], &[]);
        assert_eq!(html.status.code(), Some(1), "some drafts fail: {}", String::from_utf8_lossy(&html.stderr));
        let json = check("json", &[&root], &[]);
        Batch {
            html: String::from_utf8(html.stdout).expect("the page is UTF-8"),
            json: serde_json::from_slice(&json.stdout).expect("the JSON report parses"),
            root,
            _folder: folder,
        }
    })
}

/// The page's text between two of its ids, tags taken out and entities read.
fn text_between(html: &str, from: &str, to: &str) -> String {
    let start = html.find(&format!("id=\"{from}\"")).unwrap_or_else(|| panic!("the page has #{from}"));
    let end = start + html[start..].find(&format!("id=\"{to}\"")).unwrap_or_else(|| panic!("#{to} follows #{from}"));
    text(&html[start..end])
}

fn text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#x2F;", "/")
        .replace("&amp;", "&")
}

/// The files of the JSON report with a finding of this rule.
fn files_with<'a>(json: &'a Value, rule: &str) -> Vec<&'a Value> {
    json["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|file| file["findings"].as_array().unwrap().iter().any(|f| f["rule"] == rule))
        .collect()
}

/// The number in a headline figure: `<span class="number">N</span> words`.
fn headline(html: &str, words: &str) -> usize {
    let at = html.find(&format!("</span> {words}")).unwrap_or_else(|| panic!("a headline says {words}"));
    let before = &html[..at];
    before[before.rfind('>').unwrap() + 1..].replace(',', "").parse().unwrap()
}

#[test]
fn the_nu_html_checker_finds_no_error() {
    let vnu = project().join("target/tools/node_modules/vnu-jar/build/dist/vnu.jar");
    assert!(vnu.exists(), "{} is missing: bash .ci/test installs vnu-jar", vnu.display());
    let folder = tempfile::tempdir().unwrap();
    let page = folder.path().join("report.html");
    std::fs::write(&page, &batch().html).unwrap();
    let checked = std::process::Command::new("java")
        .arg("-jar")
        .arg(&vnu)
        .args(["--errors-only", "--format", "json"])
        .arg(&page)
        .output()
        .expect("java runs the Nu HTML Checker");
    let messages: Value = serde_json::from_slice(&checked.stderr).expect("vnu writes its findings as JSON");
    assert_eq!(messages["messages"], serde_json::json!([]), "the page is valid HTML");
    assert!(checked.status.success());
}

#[test]
fn the_page_has_no_script_and_no_external_resource() {
    let html = &batch().html;
    assert!(html.contains(
        r#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">"#
    ));
    for banned in ["<script", " src=", "<link", "url(", "@import", "<iframe", "<object", "<embed"] {
        assert!(!html.contains(banned), "the page holds {banned}");
    }
    let mut rest = html.as_str();
    let mut links = 0;
    while let Some(at) = rest.find(" href=\"") {
        rest = &rest[at + 7..];
        assert!(rest.starts_with('#'), "a link inside the page only: {}", &rest[..rest.find('"').unwrap()]);
        links += 1;
    }
    assert!(links > 10, "the page links its rules and sections ({links})");
}

#[test]
fn every_child_to_refer_today_is_in_the_first_section_and_first_in_it() {
    let Batch { html, json, .. } = batch();
    let urgent = files_with(json, "URG001");
    assert!(urgent.len() >= 3, "the corpus holds children to refer today ({})", urgent.len());
    let now = html.find("id=\"now\"").unwrap();
    let first_table = now + html[now..].find("<table").unwrap();
    assert!(html[now..first_table].contains("id=\"today\""), "the children to refer today come first");
    let today = text_between(html, "today", "blocked");
    for file in &urgent {
        let path = file["path"].as_str().unwrap();
        assert!(today.contains(path), "{path} is among the children to refer today");
    }
    // Each draft listed shows its path (messages may name files of the tool's own too).
    let listed = &html[html.find("id=\"today\"").unwrap()..html.find("id=\"blocked\"").unwrap()];
    assert_eq!(listed.matches("<span class=\"path\">").count(), urgent.len(), "and nothing else is");
    assert_eq!(headline(html, "children to refer today"), urgent.len());
    // One that cannot be submitted yet says what blocks it, there.
    let blocked = urgent.iter().filter(|f| f["errors"].as_u64() > Some(0)).count();
    assert_eq!(today.matches("Not yet").count(), blocked);
}

#[test]
fn the_counts_equal_the_json_reports() {
    let Batch { html, json, .. } = batch();
    let files = json["files"].as_array().unwrap();
    let mut by_rule: BTreeMap<String, usize> = BTreeMap::new();
    for file in files {
        let mut rules: Vec<&str> =
            file["findings"].as_array().unwrap().iter().map(|f| f["rule"].as_str().unwrap()).collect();
        rules.sort_unstable();
        rules.dedup();
        for rule in rules {
            *by_rule.entry(rule.to_owned()).or_default() += 1;
        }
    }
    // The table by rule: every rule of the JSON report, with its count of drafts.
    let mut table: BTreeMap<String, usize> = BTreeMap::new();
    for row in html.split("<tr data-rule=\"").skip(1) {
        let rule = &row[..row.find('"').unwrap()];
        let cells = text(&row[..row.find("</tr>").unwrap()]);
        let drafts = cells.split_whitespace().last().unwrap().replace(',', "").parse().unwrap();
        table.insert(rule.to_owned(), drafts);
    }
    assert_eq!(table, by_rule, "drafts by rule");
    // The chart by rule says the same numbers (its text equivalent names each bar).
    let chart = html.find("<desc id=\"chart-rules-description\">").unwrap();
    let description = &html[chart..chart + html[chart..].find("</desc>").unwrap()];
    let bars: Vec<&str> = description[description.find('>').unwrap() + 1..].split("; ").collect();
    assert!(bars.len() >= 5, "the chart has bars: {description}");
    for bar in bars {
        let (rule, drafts) = bar.split_once(": ").unwrap();
        assert_eq!(by_rule.get(rule).copied(), Some(drafts.parse().unwrap()), "{rule}'s bar");
    }
    // The figures at the top.
    let errors = files.iter().filter(|f| f["errors"].as_u64() > Some(0)).count();
    assert_eq!(headline(html, "cannot be submitted yet"), errors);
    assert_eq!(headline(html, "gone stale (over 30 days)"), files_with(json, "DAT004").len());
    assert_eq!(headline(html, "ready to render"), files.len() - errors);
    assert!(
        html.contains(&format!("<h3 id=\"blocked\">Cannot be submitted yet: {errors} drafts</h3>")),
        "fewer than 1,000"
    );
}

/// The row for a category in the table of one part of the year at a glance: its drafts.
fn year_row(html: &str, part: &str, label: &str) -> Option<usize> {
    let start = html.find(&format!("id=\"year-{part}\"")).unwrap();
    let end = start + html[start..].find("</table>").unwrap();
    let cell = format!("<tr><td>{label}</td><td class=\"number\">");
    let row = &html[start..end].split(&cell).nth(1)?;
    row[..row.find('<').unwrap()].replace(',', "").parse().ok()
}

#[test]
fn the_year_at_a_glance_counts_the_drafts_own_facts() {
    let Batch { html, root, .. } = batch();
    let mut genders: BTreeMap<String, usize> = BTreeMap::new();
    let mut nations: BTreeMap<String, usize> = BTreeMap::new();
    for path in support::drafts_under(root) {
        let bytes = std::fs::read(&path).unwrap();
        // A byte-order mark, as Windows editors write it, is allowed (draft-format-v1.md).
        let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
        let Ok(draft) = serde_json::from_slice::<Value>(bytes) else { continue };
        // A draft of a version the tool does not know is not read for its facts.
        if !matches!(draft["format_version"].as_u64(), Some(1..=3)) {
            continue;
        }
        *genders.entry(draft["potential_victim"]["gender"].as_str().unwrap_or("").to_owned()).or_default() += 1;
        *nations.entry(draft["nation"].as_str().unwrap_or("").to_owned()).or_default() += 1;
    }
    let count = |counts: &BTreeMap<String, usize>, code: &str| counts.get(code).copied().unwrap_or(0);
    assert_eq!(year_row(html, "gender", "Female"), Some(count(&genders, "female")));
    assert_eq!(year_row(html, "gender", "Male"), Some(count(&genders, "male")));
    for (code, name) in [("england", "England"), ("wales", "Wales"), ("scotland", "Scotland")] {
        assert_eq!(year_row(html, "nation", name), Some(count(&nations, code)), "{name}");
    }
    // Beside the published national share.
    let gender = text_between(html, "year-gender", "year-nationality");
    assert!(gender.contains("24.0%"), "4,088 of 17,004 referrals were of women and girls: {gender}");
}

#[test]
fn long_lists_are_summarised_by_folder() {
    // A year later every draft is stale: the first 200 are listed, the rest counted by folder.
    let Batch { root, .. } = batch();
    let later = run(&["check", "--format", "html", "--today", "2027-12-01", root.to_str().unwrap()], None);
    let html = String::from_utf8(later.stdout).unwrap();
    let stale = text_between(&html, "stale", "wrong");
    let total: usize = headline(&html, "gone stale (over 30 days)");
    assert!(total > 700, "nearly every draft is stale ({total})");
    assert!(stale.contains(&format!("Gone stale: {total} drafts")));
    assert_eq!(stale.matches(".json").count(), 200, "the first 200 listed");
    let more = stale.split(&format!("And {} more, by folder", total - 200)).nth(1).expect("the rest, by folder");
    let counted: usize = more.split_whitespace().filter_map(|word| word.parse::<usize>().ok()).sum();
    assert_eq!(counted, total - 200, "the folders hold the rest: {more}");
}

#[test]
fn out_writes_a_new_private_file_and_never_replaces_one() {
    use std::os::unix::fs::PermissionsExt;
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("report.html");
    let draft = support::fixture("examples/adult-scotland-pass.json");
    let written = check("html", &[&draft], &["--out", out.to_str().unwrap()]);
    assert_eq!(written.status.code(), Some(0), "{}", String::from_utf8_lossy(&written.stderr));
    assert!(written.stdout.is_empty(), "the report goes to the file only");
    assert_eq!(std::fs::metadata(&out).unwrap().permissions().mode() & 0o777, 0o600);
    let page = std::fs::read_to_string(&out).unwrap();
    assert!(page.contains("<p class=\"calm\">No draft is marked for immediate referral.</p>"));
    assert!(page.contains("<p class=\"calm\">Every draft can be submitted: none has an error.</p>"));
    let again = check("html", &[&draft], &["--out", out.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("exists already; nrm check never overwrites a file"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), page, "the first report is kept");
    let names: Vec<_> = std::fs::read_dir(folder.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, ["report.html"], "no temporary file is left");
}

#[tokio::test(flavor = "current_thread")]
async fn chromium_shows_it_with_no_accessibility_violation() {
    let batch = batch();
    let folder = tempfile::Builder::new().prefix("nrm-report-").tempdir().unwrap();
    let page = folder.path().join("report.html");
    std::fs::write(&page, &batch.html).unwrap();
    let mut browser = browser::Browser::launch(folder.path(), "report", "file://").await;
    browser.goto(page.to_str().unwrap()).await;
    assert!(browser.title().await.starts_with("Referral drafts checked on 22 November 2026"));
    let (page_script, axe) = browser.scripts().await;
    assert!(!page_script && axe, "the page runs no script of its own; axe-core runs");
    let shown = browser.main_text().await;
    assert!(shown.contains("1. Needs action now") && shown.contains("3. The year at a glance"), "{shown}");
    let problems = browser.problems.clone();
    browser.kill();
    println!("screenshots: {}", folder.path().join("screenshots").display());
    if std::env::var_os("NRM_KEEP_SCREENSHOTS").is_some() {
        let _ = folder.keep();
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
