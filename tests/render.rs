//! `nrm render`: the package's files, read by real consumers (poppler's pdftotext and pdfinfo,
//! qpdf, headless Chromium), its privacy, atomicity and reproducibility.

mod support;

use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use support::{TODAY, fixture, nrm};

/// Names in the scripts first responders meet, split into parts as a test looks for them: the
/// first and last names, and the names used during the exploitation.
const GIVEN: &str = "Thị Hương Ștefania";
const FAMILY: &str = "Nguyễn-Çela";
const ALIASES: [&str; 3] = ["Παπαδοπούλου", "Шевченко", "Ђорђевић"];

fn read(path: &str) -> Value {
    serde_json::from_slice(&fs::read(fixture(path)).unwrap()).unwrap()
}

fn example() -> Value {
    read("examples/child-england-pass.json")
}

/// The child example with names in many scripts, a reference and a long answer to "Why are you
/// making this referral?" (the online form takes up to 15,000 characters).
fn draft(reference: &str, sentences: usize) -> Value {
    let mut draft = example();
    draft["reference"] = json!(reference);
    draft["potential_victim"]["given_names"] = json!(GIVEN);
    draft["potential_victim"]["family_name"] = json!(FAMILY);
    draft["potential_victim"]["nickname"] = json!(ALIASES.join(", "));
    let sentence =
        "She was moved between addresses in three towns and told that her family would pay if she spoke to anyone. ";
    draft["professional"]["insight"] = json!(sentence.repeat(sentences.max(2)).trim_end());
    draft
}

fn write_draft(folder: &Path, name: &str, draft: &Value) -> PathBuf {
    let path = folder.join(name);
    fs::write(&path, serde_json::to_vec_pretty(draft).unwrap()).unwrap();
    path
}

fn render(out: &Path, drafts: &[&Path], extra: &[&str]) -> Output {
    nrm().args(["render", "--today", TODAY, "--out"]).arg(out).args(extra).args(drafts).output().unwrap()
}

fn tool(program: &str, args: &[&str], file: &Path) -> String {
    let output = Command::new(program)
        .args(args)
        .arg(file)
        .output()
        .unwrap_or_else(|e| panic!("{program} is installed (bash .ci/test installs it): {e}"));
    assert!(output.status.success(), "{program}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

/// pdftotext's text of one page, or of all, with white space folded.
fn pdf_text(pdf: &Path, page: Option<usize>) -> String {
    let page = page.map(|p| p.to_string());
    let mut command = Command::new("pdftotext");
    command.args(["-enc", "UTF-8"]);
    if let Some(page) = &page {
        command.args(["-f", page, "-l", page]);
    }
    let output = command.arg(pdf).arg("-").output().expect("pdftotext is installed (bash .ci/test installs it)");
    assert!(output.status.success(), "pdftotext: {}", String::from_utf8_lossy(&output.stderr));
    fold(&String::from_utf8(output.stdout).unwrap())
}

fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text with the marking and page numbers taken out, so that what runs across pages reads
/// whole.
fn without_page_furniture(text: &str, total: usize) -> String {
    let mut body = text.replace("OFFICIAL-SENSITIVE ", "");
    for page in 1..=total {
        body = body.replace(&format!("Page {page} of {total} "), "");
    }
    body
}

fn pages(pdf: &Path) -> usize {
    let info = tool("pdfinfo", &[], pdf);
    info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap()
}

#[test]
fn the_pdf_holds_every_name_the_marking_and_page_numbers_on_every_page() {
    let folder = tempfile::tempdir().unwrap();
    let long = draft("REF-NAMES-1", 60);
    let path = write_draft(folder.path(), "draft.json", &long);
    let out = folder.path().join("out");
    let output = render(&out, &[&path], &[]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stdout));
    let pdf = out.join("REF-NAMES-1/referral.pdf");
    let total = pages(&pdf);
    assert!(total >= 3, "the referral runs over several pages ({total})");
    for page in 1..=total {
        let text = pdf_text(&pdf, Some(page));
        assert!(text.matches("OFFICIAL-SENSITIVE").count() >= 2, "page {page} is marked at top and foot");
        assert!(text.contains(&format!("Page {page} of {total}")), "page {page}: {text}");
    }
    let text = pdf_text(&pdf, None);
    for part in GIVEN.split(' ').chain(FAMILY.split('-')).chain(ALIASES) {
        assert!(text.contains(part), "{part} is in the PDF's text");
    }
    let body = without_page_furniture(&text, total);
    assert!(body.contains(&fold(long["professional"]["insight"].as_str().unwrap())), "the whole answer");
    assert!(text.contains("Priority: immediate"), "URG001 marks the first page");
    assert!(pdf_text(&pdf, Some(1)).contains("Priority: immediate"));
    assert!(text.contains("14 March 2010") && text.contains("Cannabis cultivation"), "dates and codes in words");
    let size = fs::metadata(&pdf).unwrap().len();
    assert!(size < 150 * 1024, "the fonts are subset: {size} bytes");
}

#[test]
fn qpdf_finds_the_pdf_sound() {
    let out = tempfile::tempdir().unwrap();
    let examples = examples();
    let paths: Vec<&Path> = examples.iter().map(PathBuf::as_path).collect();
    assert!(render(out.path(), &paths, &[]).status.code() == Some(1), "child-fail fails");
    for reference in ["LCC-2026-0042", "PS-NE-2026-1187", "SWP-MS-2026-0311"] {
        let check = tool("qpdf", &["--check"], &out.path().join(reference).join("referral.pdf"));
        assert!(check.contains("No syntax or stream encoding errors"), "{check}");
    }
}

#[test]
fn a_package_is_five_private_files_with_a_true_manifest() {
    let out = tempfile::tempdir().unwrap();
    let output = render(out.path(), &[&fixture("examples/child-england-pass.json")], &[]);
    assert_eq!(output.status.code(), Some(0));
    let package = out.path().join("LCC-2026-0042");
    assert_eq!(fs::metadata(&package).unwrap().permissions().mode() & 0o777, 0o700);
    let mut names: Vec<String> =
        fs::read_dir(&package).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    assert_eq!(names, ["manifest.json", "online-service.json", "referral.html", "referral.json", "referral.pdf"]);
    for name in &names {
        assert_eq!(fs::metadata(package.join(name)).unwrap().permissions().mode() & 0o777, 0o600, "{name}");
    }
    let leftovers: Vec<_> = fs::read_dir(out.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers.len(), 1, "no temporary folder is left: {leftovers:?}");

    let manifest: Value = serde_json::from_slice(&fs::read(package.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["reference"], "LCC-2026-0042");
    assert_eq!(manifest["prepared_on"], "2026-11-18");
    assert_eq!(manifest["format_version"], 3, "the draft's format version");
    assert_eq!(manifest["tool"]["name"], "nrm");
    assert!(manifest["registry"]["version"].is_string() && manifest["registry"]["reviewed_on"].is_string());
    assert_eq!(manifest["findings"], json!({"errors": 0, "warnings": 0, "infos": 1, "rules": ["URG001"]}));
    let files = manifest["files"].as_array().unwrap();
    let listed: Vec<&str> = files.iter().map(|f| f["name"].as_str().unwrap()).collect();
    assert_eq!(listed, ["referral.pdf", "referral.html", "referral.json", "online-service.json"]);
    for file in files {
        let bytes = fs::read(package.join(file["name"].as_str().unwrap())).unwrap();
        assert_eq!(file["bytes"].as_u64(), Some(bytes.len() as u64));
        let digest: String = Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(file["sha256"].as_str(), Some(digest.as_str()));
    }

    let checked = fs::read_to_string(package.join("referral.json")).unwrap();
    let value: Value = serde_json::from_str(&checked).unwrap();
    assert_eq!(value, example(), "referral.json is the draft as checked");
    let keys: Vec<&str> =
        checked.lines().filter(|l| l.starts_with("  \"")).map(|l| l.trim().split('"').nth(1).unwrap()).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "members in sorted order");
    assert!(checked.starts_with("{\n  \""), "two-space indent");
}

#[test]
fn a_failing_draft_gets_no_package_and_the_others_carry_on() {
    let out = tempfile::tempdir().unwrap();
    let output =
        render(out.path(), &[&fixture("examples/child-fail.json"), &fixture("examples/adult-scotland-pass.json")], &[]);
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("error[FR001]"), "findings printed as check prints them: {text}");
    assert!(!out.path().join("MFT-SG-2026-007").exists());
    assert!(out.path().join("PS-NE-2026-1187/manifest.json").exists());
}

#[test]
fn an_existing_package_is_replaced_only_with_force() {
    let out = tempfile::tempdir().unwrap();
    let path = fixture("examples/adult-scotland-pass.json");
    assert_eq!(render(out.path(), &[&path], &[]).status.code(), Some(0));
    let manifest = out.path().join("PS-NE-2026-1187/manifest.json");
    fs::write(out.path().join("PS-NE-2026-1187/mark"), "kept").unwrap();
    let again = render(out.path(), &[&path], &[]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("exists already"));
    assert!(out.path().join("PS-NE-2026-1187/mark").exists(), "the old package is untouched");
    assert_eq!(render(out.path(), &[&path], &["--force"]).status.code(), Some(0));
    assert!(!out.path().join("PS-NE-2026-1187/mark").exists(), "--force replaces the package whole");
    assert!(manifest.exists());
    assert_eq!(fs::read_dir(out.path()).unwrap().count(), 1, "no temporary folder is left");
}

#[test]
fn the_same_draft_gives_the_same_bytes() {
    let folder = tempfile::tempdir().unwrap();
    let drafts: Vec<PathBuf> = (0..6)
        .map(|i| write_draft(folder.path(), &format!("{i}.json"), &draft(&format!("REF-SAME-{i}"), 8 + i)))
        .collect();
    let first = folder.path().join("first");
    let second = folder.path().join("second");
    let all: Vec<&Path> = drafts.iter().map(PathBuf::as_path).collect();
    let reversed: Vec<&Path> = all.iter().rev().copied().collect();
    assert_eq!(render(&first, &all, &["--jobs", "1"]).status.code(), Some(0));
    assert_eq!(render(&second, &reversed, &["--jobs", "3"]).status.code(), Some(0));
    for i in 0..6 {
        for name in nrm::render::FILES {
            let a = fs::read(first.join(format!("REF-SAME-{i}")).join(name)).unwrap();
            let b = fs::read(second.join(format!("REF-SAME-{i}")).join(name)).unwrap();
            assert!(a == b, "{name} of REF-SAME-{i} differs between runs");
        }
    }
    let info = tool("pdfinfo", &[], &first.join("REF-SAME-0/referral.pdf"));
    assert!(info.contains("Nov 18 00:00:00 2026"), "the PDF is dated by prepared_on: {info}");
    let epoch = folder.path().join("epoch");
    let output = nrm()
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .args(["render", "--today", TODAY, "--out"])
        .arg(&epoch)
        .arg(&drafts[0])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let info = tool("pdfinfo", &[], &epoch.join("REF-SAME-0/referral.pdf"));
    assert!(info.contains("Nov 14 22:13:20 2023"), "SOURCE_DATE_EPOCH dates the PDF: {info}");
}

#[test]
fn the_html_is_self_contained_and_escapes_every_value() {
    let folder = tempfile::tempdir().unwrap();
    let mut hostile = draft("REF-HTML-1", 4);
    hostile["potential_victim"]["nickname"] = json!("<script>alert(1)</script>");
    hostile["background"]["place_of_birth"] = json!("A & B \"quoted\"");
    let path = write_draft(folder.path(), "draft.json", &hostile);
    let out = folder.path().join("out");
    assert_eq!(render(&out, &[&path], &[]).status.code(), Some(0));
    let html = fs::read_to_string(out.join("REF-HTML-1/referral.html")).unwrap();
    assert!(!html.contains("<script"), "no script, and the alias is escaped");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt;") || html.contains("&lt;script&gt;"), "escaped");
    assert!(html.contains("A &amp; B &quot;quoted&quot;"));
    for external in ["src=", "href=", "@import", "url("] {
        assert!(!html.contains(external), "no external resource ({external})");
    }
    assert!(html.contains("Content-Security-Policy"));
}

#[test]
fn chromium_shows_the_names_on_the_page() {
    let folder = tempfile::tempdir().unwrap();
    let path = write_draft(folder.path(), "draft.json", &draft("REF-CHROME-1", 4));
    let out = folder.path().join("out");
    assert_eq!(render(&out, &[&path], &[]).status.code(), Some(0));
    let page = out.join("REF-CHROME-1/referral.html");
    let profile = tempfile::tempdir().unwrap();
    let output = Command::new("chromium")
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"])
        .args(["--disable-background-networking", "--disable-component-update", "--disable-sync"])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium is installed (bash .ci/test installs it)");
    let dom = String::from_utf8_lossy(&output.stdout);
    assert!(
        dom.contains("OFFICIAL-SENSITIVE"),
        "Chromium rendered the page: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    for part in GIVEN.split(' ').chain([FAMILY]).chain(ALIASES) {
        assert!(dom.contains(part), "{part} on the rendered page");
    }
}

#[test]
fn scripts_the_pdf_cannot_shape_are_marked_there_and_shown_in_the_html() {
    let folder = tempfile::tempdir().unwrap();
    let mut arabic = draft("REF-ARABIC-1", 4);
    arabic["potential_victim"]["given_names"] = json!("محمد");
    arabic["potential_victim"]["family_name"] = json!("Haddad");
    let path = write_draft(folder.path(), "draft.json", &arabic);
    let out = folder.path().join("out");
    assert_eq!(render(&out, &[&path], &[]).status.code(), Some(0));
    let text = pdf_text(&out.join("REF-ARABIC-1/referral.pdf"), None);
    assert!(text.contains("[Arabic script: see referral.html]") && text.contains("Haddad"), "{text}");
    let html = fs::read_to_string(out.join("REF-ARABIC-1/referral.html")).unwrap();
    assert!(html.contains("<dd dir=\"auto\"><bdi>محمد</bdi></dd>") && html.contains("Haddad"), "the name itself");
}

#[test]
fn an_interrupted_run_leaves_only_whole_packages() {
    let folder = tempfile::tempdir().unwrap();
    let drafts = folder.path().join("drafts");
    fs::create_dir(&drafts).unwrap();
    for i in 0..400 {
        write_draft(&drafts, &format!("{i:03}.json"), &draft(&format!("REF-INT-{i:03}"), 20));
    }
    let out = folder.path().join("out");
    let mut child = nrm()
        .args(["render", "--today", TODAY, "--out"])
        .arg(&out)
        .arg(&drafts)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait until some packages exist, then interrupt as Ctrl-C would.
    let started = std::time::Instant::now();
    while fs::read_dir(&out).map_or(0, |d| d.count()) < 3 && started.elapsed().as_secs() < 60 {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap().success());
    let status = child.wait().unwrap();
    let written: Vec<PathBuf> = fs::read_dir(&out).unwrap().map(|e| e.unwrap().path()).collect();
    assert!(written.len() < 400, "the run stopped early ({})", written.len());
    assert_eq!(status.code(), Some(130));
    for package in written {
        let name = package.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.starts_with("REF-INT-"), "no temporary folder is left: {name}");
        assert_eq!(fs::read_dir(&package).unwrap().count(), nrm::render::FILES.len(), "{name} is whole");
    }
}

#[test]
fn a_very_long_answer_is_rendered_whole() {
    let folder = tempfile::tempdir().unwrap();
    let mut long = example();
    long["reference"] = json!("REF-LONG-1");
    // The record's answers have no limit of the service's.
    let sentence = "He worked sixteen hours a day in the fields and was paid nothing at all. ";
    let account = format!("{}The last thing he said was that he wanted to go to school.", sentence.repeat(6000));
    long["consent_note"]["how_informed"] = json!(account);
    let path = write_draft(folder.path(), "draft.json", &long);
    let out = folder.path().join("out");
    assert_eq!(render(&out, &[&path], &[]).status.code(), Some(0));
    let pdf = out.join("REF-LONG-1/referral.pdf");
    let total = pages(&pdf);
    assert!(total > 50, "{total} pages");
    let text = without_page_furniture(&pdf_text(&pdf, None), total);
    assert_eq!(text.matches("He worked sixteen hours").count(), 6000, "every sentence is there");
    assert!(text.contains("Who told them, how, and in which language? He worked sixteen hours"), "under its label");
    assert!(text.contains("he wanted to go to school."), "to the last word");
}

/// The passing examples, with the failing one.
fn examples() -> Vec<PathBuf> {
    ["adult-scotland-pass", "adult-wales-duty-to-notify-pass", "child-england-pass", "child-fail"]
        .iter()
        .map(|name| fixture(&format!("examples/{name}.json")))
        .collect()
}

/// What marks the package's parts, in its order: the service's pages, the record, the notes
/// and the next steps.
const SERVICE_PART: &str = "The online service, page by page";
const RECORD_PART: &str = "The first responder's own record: not part of the online service";

/// The questions of `data/questions.json` whose answer is the draft's text as it is, with that
/// text, and whether it is entered on one of the service's pages (by `online-service.json`, which
/// `tests/online_service.rs` holds to the service) or kept in the record.
fn text_answers(draft: &Value, online_service: &Value) -> Vec<(String, String, bool)> {
    let table: Value =
        serde_json::from_slice(&fs::read(support::project().join("data/questions.json")).unwrap()).unwrap();
    let entered = |fields: &[&str], value: &str| {
        online_service["pages"]
            .as_array()
            .unwrap()
            .iter()
            .any(|page| fields.iter().any(|f| page["fields"][*f] == value))
    };
    let mut answers = Vec::new();
    for section in table["sections"].as_array().unwrap() {
        for question in section["questions"].as_array().unwrap() {
            let text = ["text", "long", "email", "phone"].contains(&question["kind"].as_str().unwrap());
            let value = draft.pointer(question["pointer"].as_str().unwrap()).and_then(Value::as_str);
            let fields: Vec<&str> = match &question["service"] {
                Value::String(field) => vec![field],
                Value::Array(forks) => forks.iter().map(|fork| fork["field"].as_str().unwrap()).collect(),
                _ => Vec::new(),
            };
            if let (true, Some(value)) = (text, value) {
                let on_page = entered(&fields, value);
                answers.push((question["label"].as_str().unwrap().to_owned(), value.to_owned(), on_page));
            }
        }
    }
    answers
}

#[test]
fn the_pdf_follows_the_service_page_by_page_each_answer_under_its_question() {
    let out = tempfile::tempdir().unwrap();
    let examples = examples();
    let drafts: Vec<&Path> =
        examples.iter().map(PathBuf::as_path).filter(|p| !p.ends_with("child-fail.json")).collect();
    let output = render(out.path(), &drafts, &[]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stdout));

    // Each package: pages and questions it must show, and ones it must not.
    let cases: [(&str, &str, &[&str], &[&str]); 3] = [
        (
            "LCC-2026-0042",
            "child-england-pass",
            &[
                "Which local authority have you contacted about the child?",
                "Tell us about the potential victim's background",
                "Upload supporting evidence and documents (Optional)",
                "How the child was told about the referral",
                "Safeguarding steps",
            ],
            &[
                "Does the potential victim want support?",
                "Why doesn't the potential victim want their case referred to the NRM?",
                "Informed consent",
                "Were they under 18 at any time during the exploitation?",
            ],
        ),
        (
            "PS-NE-2026-1187",
            "adult-scotland-pass",
            &["Does the potential victim want support?", "Who should we send our decision to?", "Informed consent"],
            &[
                "Why doesn't the potential victim want their case referred to the NRM?",
                "Which local authority have you contacted about the child?",
                "How the child was told about the referral",
            ],
        ),
        (
            "SWP-MS-2026-0311",
            "adult-wales-duty-to-notify-pass",
            &["Why doesn't the potential victim want their case referred to the NRM?", "Personal details"],
            &[
                "What is the name of the Potential Victim?",
                "What is their date of birth? (Optional)",
                "Who should we send our decision to?",
                "What are your contact details?",
                "Upload supporting evidence and documents (Optional)",
            ],
        ),
    ];
    for (reference, example, present, absent) in cases {
        let draft = read(&format!("examples/{example}.json"));
        let online_service: Value =
            serde_json::from_slice(&fs::read(out.path().join(reference).join("online-service.json")).unwrap()).unwrap();
        let pdf = out.path().join(reference).join("referral.pdf");
        let total = pages(&pdf);
        let raw = Command::new("pdftotext").args(["-enc", "UTF-8"]).arg(&pdf).arg("-").output().unwrap();
        let raw = String::from_utf8(raw.stdout).unwrap();
        let body = without_page_furniture(&fold(&raw), total);
        for heading in present.iter().chain(absent) {
            let shown = body.contains(heading);
            assert_eq!(shown, present.contains(heading), "{reference}: `{heading}` shown: {shown}");
        }
        // The parts in order; every answer given as text right under its question, the
        // service's pages' before the record, the record's after its mark.
        let parts: Vec<usize> =
            [SERVICE_PART, RECORD_PART, "Next steps"].iter().map(|p| body.find(p).unwrap()).collect();
        assert!(parts.windows(2).all(|w| w[0] < w[1]), "{reference}: the parts in order: {parts:?}");
        let answers = text_answers(&draft, &online_service);
        assert!(answers.len() > 10, "{reference}: {} answers", answers.len());
        for (label, value, on_page) in answers {
            let pair = format!("{label} {}", fold(&value));
            let part = if on_page { &body[..parts[1]] } else { &body[parts[1]..] };
            assert!(part.contains(&pair), "{reference}: `{pair}` in the PDF's text, in its part");
        }
    }
    let text = pdf_text(&out.path().join("LCC-2026-0042/referral.pdf"), None);
    let evidence = &example()["evidence"][0];
    let file = evidence["file"].as_str().unwrap();
    assert!(text.contains(&format!("Document 1 File: {file} Made on: 10 November 2026")), "each file under its number");
    let description = evidence["description"].as_str().unwrap();
    assert!(text.contains(&format!("What it is {file}: {description}")), "its description as the next page takes it");
}

/// tera's escaping, to find the draft's values in the page.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

#[test]
fn the_html_page_follows_the_service_page_by_page_each_answer_under_its_question() {
    let out = tempfile::tempdir().unwrap();
    let path = fixture("examples/adult-scotland-pass.json");
    assert_eq!(render(out.path(), &[&path], &[]).status.code(), Some(0));
    let package = out.path().join("PS-NE-2026-1187");
    let html = fs::read_to_string(package.join("referral.html")).unwrap();
    let online_service: Value =
        serde_json::from_slice(&fs::read(package.join("online-service.json")).unwrap()).unwrap();
    let service: Value =
        serde_json::from_slice(&fs::read(support::project().join("data/online-form/online-service.json")).unwrap())
            .unwrap();
    let title = |path: &Value| {
        let pages = service["sign_in"].as_array().unwrap().iter().chain(service["pages"].as_array().unwrap());
        pages.clone().find(|p| p["path"] == *path).unwrap()["title"].as_str().unwrap().to_owned()
    };
    let mut at = 0;
    for page in online_service["pages"].as_array().unwrap() {
        let heading = format!("<h3>{}</h3>", escaped(&title(&page["path"])));
        at += html[at..].find(&heading).unwrap_or_else(|| panic!("{heading} after the page before it"));
    }
    let record = html.find(&format!(">{}</h2>", escaped(RECORD_PART))).unwrap();
    assert!(record > at, "the record after the service's pages");
    for (label, value, _) in text_answers(&read("examples/adult-scotland-pass.json"), &online_service) {
        let question = html.find(&format!(">{}</dt>", escaped(&label))).unwrap_or_else(|| panic!("{label}"));
        let rest = &html[question..];
        let dd = rest.find("<dd").unwrap();
        let answer = &rest[dd..rest.find("</dd>").unwrap()];
        assert!(rest[..dd].matches("</dt>").count() == 1, "{label}: its answer comes next");
        assert!(answer.ends_with(&format!("><bdi>{}</bdi>", escaped(&value))), "{label}: {answer}");
    }
}
