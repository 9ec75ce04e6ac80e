//! `nrm form` in a real browser: Debian's Chromium, driven through chromedriver, walks the form
//! as a first responder would, from a new draft to a package, answering each page from one of
//! the example drafts (every input found by its name, the JSON pointer of its member). Every
//! page of every walk is checked with axe-core (WCAG 2.2 AA) and photographed; some at 320 CSS
//! pixels wide, and one answered by keyboard alone. Each walk's draft passes `nrm check`.
//!
//! The screenshots go to a temporary folder printed at the end of each walk; with
//! `NRM_KEEP_SCREENSHOTS=1` it is kept.

#[path = "support/browser.rs"]
mod browser;
mod support;

use browser::{Browser, Form, member_of};
use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use support::{TODAY, fixture, project, run, stderr, stdout};

fn example(name: &str) -> Value {
    let path = fixture(&format!("examples/{name}"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).expect("the example is JSON")
}

/// A walk's temporary folder (the draft, the package, the logs and the screenshots), named
/// at the end of the walk, pass or fail; kept with `NRM_KEEP_SCREENSHOTS=1`.
struct Folder {
    dir: Option<tempfile::TempDir>,
    walk: &'static str,
    started: Instant,
}

impl Folder {
    fn new(walk: &'static str) -> Folder {
        let dir = tempfile::Builder::new().prefix(&format!("nrm-form-{walk}-")).tempdir().expect("a temporary folder");
        Folder { dir: Some(dir), walk, started: Instant::now() }
    }

    fn path(&self) -> &Path {
        self.dir.as_ref().expect("the folder is there").path()
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let dir = self.dir.take().expect("the folder is there");
        let took = self.started.elapsed().as_secs_f64();
        if std::env::var_os("NRM_KEEP_SCREENSHOTS").is_some_and(|v| v == "1") {
            let kept = dir.keep();
            eprintln!("{}: {took:.1} s; the screenshots are in {}", self.walk, kept.join("screenshots").display());
        } else {
            eprintln!(
                "{}: {took:.1} s; the screenshots were in {} (NRM_KEEP_SCREENSHOTS=1 keeps them)",
                self.walk,
                dir.path().join("screenshots").display()
            );
        }
    }
}

fn passes_check(draft: &Path) {
    let output = run(&["check", "--today", TODAY, draft.to_str().expect("a UTF-8 path")], None);
    assert_eq!(
        output.status.code(),
        Some(0),
        "the form's draft fails `nrm check`:\n{}{}\n{}",
        stdout(&output),
        stderr(&output),
        std::fs::read_to_string(draft).unwrap_or_default()
    );
}

/// A date as the pages say it: "19 November 2026".
fn in_words(date: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let mut parts = date.splitn(3, '-').map(|p| p.parse::<usize>().ok());
    let (year, month, day) = (parts.next()??, parts.next()??, parts.next()??);
    Some(format!("{day} {} {year}", MONTHS.get(month.checked_sub(1)?)?))
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).expect("the draft can be read")).expect("the draft is JSON")
}

/// The package folder holds what `nrm render` writes.
fn package_is_complete(package: &Path) {
    for file in nrm::render::FILES {
        let path = package.join(file);
        assert!(path.is_file(), "the package {} has no {file}", package.display());
    }
    let pdf = std::fs::read(package.join("referral.pdf")).expect("the PDF can be read");
    assert!(pdf.starts_with(b"%PDF-"), "referral.pdf is a PDF");
}

/// Every member of a draft that holds a value (an array of values as one member), by pointer.
fn members(value: &Value, pointer: String, out: &mut Vec<(String, Value)>) {
    match value {
        Value::Object(map) => {
            for (name, member) in map {
                members(member, format!("{pointer}/{}", name.replace('~', "~0").replace('/', "~1")), out);
            }
        }
        Value::Array(items) if items.iter().any(Value::is_object) => {
            for (at, item) in items.iter().enumerate() {
                members(item, format!("{pointer}/{at}"), out);
            }
        }
        other => out.push((pointer, other.clone())),
    }
}

fn members_of(value: &Value) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    members(value, String::new(), &mut out);
    out
}

/// The walk made the example again: every member of the value is in the file with its value
/// (but the day the draft was made, which is --today), asked or written by the form itself.
fn saved_as_given(draft: &Path, value: &Value) {
    let saved = read_json(draft);
    // A list of codes is saved in the order the page offers them (a set, whose order says
    // nothing); free text lines keep the order they were typed in, which this keeps too.
    let codes = |v: Option<&Value>| match v {
        Some(Value::Array(items)) if items.iter().all(Value::is_string) => {
            let mut sorted = items.clone();
            sorted.sort_by(|a, b| a.as_str().cmp(&b.as_str()));
            Some(Value::Array(sorted))
        }
        other => other.cloned(),
    };
    let wrong: Vec<String> = members_of(value)
        .into_iter()
        .filter(|(pointer, _)| pointer != "/prepared_on")
        .filter(|(pointer, member)| codes(saved.pointer(pointer)) != codes(Some(member)))
        .map(|(pointer, member)| {
            format!("{pointer}: the file has {:?}, the answer was {member}", saved.pointer(&pointer))
        })
        .collect();
    assert!(wrong.is_empty(), "members saved otherwise than answered:\n{}", wrong.join("\n"));
    let extra: Vec<String> = members_of(&saved)
        .into_iter()
        .filter(|(pointer, _)| pointer == "/prepared_on" || value.pointer(pointer).is_none())
        .map(|(pointer, member)| format!("{pointer} = {member}"))
        .collect();
    assert_eq!(extra, [format!("/prepared_on = \"{TODAY}\"")], "the file holds the answers, and the day it was made");
}

/// The label of a member's question in data/questions.json.
fn label(pointer: &str) -> String {
    let text = std::fs::read_to_string(project().join("data/questions.json")).expect("the question table");
    let table: Value = serde_json::from_str(&text).expect("the table is JSON");
    table["sections"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|s| s["questions"].as_array().into_iter().flatten())
        .find(|q| q["pointer"] == pointer)
        .and_then(|q| q["label"].as_str())
        .unwrap_or_else(|| panic!("no question sets {pointer}"))
        .to_owned()
}

/// After a Continue with a mistake on the page: the error summary, focused and in the title,
/// whose link takes the focus to the field, which still shows what was typed.
async fn shows_the_error(browser: &mut Browser, field: &str, typed: &str) {
    let address = browser.page.address.clone();
    let title = browser.title().await;
    assert!(title.starts_with("Error: "), "{address}: after a mistake the title is {title:?}");
    let Some(summary) = browser.page.summary.clone() else { panic!("{address}: no error summary after a mistake") };
    assert!(
        summary.focused,
        "{address}: the error summary is not focused (the focus is on {})",
        browser.focused().await
    );
    assert!(!summary.links.is_empty(), "{address}: the error summary has no link");
    let kept = browser
        .js("return document.querySelector(arguments[0]).value", vec![json!(format!("main [name=\"{field}\"]"))])
        .await;
    assert_eq!(kept, typed, "{address}: {field} keeps what was typed");
    let (words, href) = &summary.links[0];
    browser.click(&format!(".error-summary a[href=\"{href}\"]")).await;
    let focused = browser.focused().await;
    assert_eq!(focused, field, "{address}: the error summary's link {words:?} ({href}) puts the focus on {focused}");
}

/// Finish: the package, then "Close the form", which ends `nrm form` with 0.
async fn finish(browser: &mut Browser, mut form: Form, folder: &Path) -> PathBuf {
    let package = browser.create_package(&folder.join("packages")).await;
    assert!(package.starts_with(folder.join("packages")), "the package is in the folder given: {}", package.display());
    package_is_complete(&package);
    browser.close_form().await;
    let title = browser.title().await;
    assert!(title.starts_with("The form is closed"), "after Close the form the page is {title:?}");
    let status = form.wait_for_exit(Duration::from_secs(10));
    assert_eq!(status.code(), Some(0), "nrm form ends with 0 when closed; its log:\n{}", form.log_text());
    package
}

fn completed(tasks: &[browser::Task]) -> usize {
    tasks.iter().filter(|t| t.status == "Completed").count()
}

#[tokio::test]
async fn a_child_in_england_referred_by_a_local_authority() {
    let value = example("child-england-pass.json");
    let folder = Folder::new("child-england");
    let dir = folder.path();
    let draft = dir.join("draft.json");

    let mut form = Form::start(&draft, &dir.join("form-1.log"));
    let mut browser = Browser::open(&mut form, dir, "a").await;
    assert_eq!(browser.page.path, "/start", "a new draft starts at the start page");
    browser.answer_and_continue(&value).await;
    assert_eq!(browser.page.path, "/tasks", "a child's referral has no route to choose");
    let tasks = browser.page.tasks.clone();
    assert_eq!(tasks[0].title, "Your details and the referral");

    // A mistake: an email on a domain the online form does not recognise. The rule that says so
    // (FR004) runs once the organisation is known, which the section's next page asks: the
    // section then has problems, and the email's page shows the error.
    browser.follow(&tasks[0].href).await;
    let email_page = browser.page.address.clone();
    let mut wrong = value.clone();
    wrong["first_responder"]["email"] = json!("priya.sharma@example.com");
    browser.answer(&wrong).await;
    browser.press_continue().await;
    while browser.page.path.starts_with("/section/first_responder/") && browser.page.summary.is_none() {
        browser.answer(&wrong).await;
        browser.press_continue().await;
    }
    browser.goto("/tasks").await;
    assert_eq!(browser.page.tasks[0].status, "Has problems", "the section with the wrong email");
    browser.goto(&email_page).await;
    shows_the_error(&mut browser, "/first_responder/email", "priya.sharma@example.com").await;
    browser.answer_and_continue(&value).await;

    // Another: a date that cannot be.
    browser.goto("/section/exploitation/1").await;
    let mut wrong = value.clone();
    wrong["exploitation"]["began_on"] = json!("2025-13-31");
    browser.answer(&wrong).await;
    browser.press_continue().await;
    shows_the_error(&mut browser, "/exploitation/began_on#day", "31").await;
    browser.answer_and_continue(&value).await;

    // And a town the service does not list, typed into its list's input: the page names the
    // nearest entries, from the service's list, and the town typed stays to be mended.
    browser.goto("/section/location/0").await;
    browser.answer_and_continue(&value).await;
    assert!(browser.page.has_input("/exploitation/uk_towns/0"), "the towns come after where it happened");
    let mut wrong = value.clone();
    wrong["exploitation"]["uk_towns"] = json!(["Boston Lincs"]);
    browser.answer(&wrong).await;
    browser.press_continue().await;
    let said = browser.main_text().await;
    for words in ["the service's list has no such entry", "did you mean Boston"] {
        assert!(said.contains(words), "{}: the page says {words:?}:\n{said}", browser.page.address);
    }
    shows_the_error(&mut browser, "/exploitation/uk_towns/0", "Boston Lincs").await;
    browser.check_narrow().await;
    browser.answer_and_continue(&value).await;

    // Half-way, the browser and the form stop at once.
    browser.goto("/tasks").await;
    let half = browser.page.tasks.len() / 2;
    browser.walk(&value, Some(half), None).await;
    let done = completed(&browser.page.tasks);
    let walked = browser.walked.clone();
    let mut problems = std::mem::take(&mut browser.problems);
    browser.kill();
    form.kill();

    // The form again on the same file: it resumes, the earlier answers in their inputs.
    let mut form = Form::start(&draft, &dir.join("form-2.log"));
    let mut browser = Browser::open(&mut form, dir, "b").await;
    assert_eq!(browser.page.path, "/tasks", "a draft begun opens at the task list");
    let tasks = browser.page.tasks.clone();
    assert_eq!(completed(&tasks), done, "the sections completed before are completed still");
    for task in tasks.iter().filter(|t| walked.contains(&t.title)) {
        browser.goto(&task.href).await;
        let differences = browser.differences(&value);
        assert!(differences.is_empty(), "after the restart:\n{}", differences.join("\n"));
        assert!(!browser.page.answer_names().is_empty(), "{} asks something", task.href);
    }
    browser.walked = walked;
    browser.goto("/tasks").await;
    browser.walk(&value, None, None).await;

    // A change from check your answers comes back to it.
    browser.goto("/check").await;
    let role = label("/first_responder/role");
    let change = format!("//main//a[normalize-space(.)='Change {role}']");
    let link = browser.client().find(fantoccini::Locator::XPath(&change)).await;
    assert!(link.is_ok(), "check your answers has no link {change}");
    let href = link.expect("the link").attr("href").await.expect("an href").expect("an href");
    browser.follow(&href).await;
    let mut changed = value.clone();
    changed["first_responder"]["role"] = json!("Social worker, Children's Services");
    browser.answer(&changed).await;
    browser.press_continue().await;
    assert_eq!(browser.page.path, "/check", "Continue after a Change returns to check your answers");
    assert!(browser.main_text().await.contains("Social worker, Children's Services"), "the changed answer is shown");

    finish(&mut browser, form, dir).await;
    passes_check(&draft);
    saved_as_given(&draft, &changed);
    problems.append(&mut browser.problems);
    assert!(problems.is_empty(), "{} problems on the way:\n{}", problems.len(), problems.join("\n"));
    eprintln!("child-england: {}", browser.timings());
}

/// The Scotland example, referred by a designated NGO instead of the police.
fn referred_by_an_ngo() -> Value {
    let mut value = example("adult-scotland-pass.json");
    value["first_responder"]["organisation"] = json!({"type": "ngo", "ngo": "migrant_help", "name": "Migrant Help"});
    value["first_responder"]["role"] = json!("Modern slavery support worker");
    value["first_responder"]["email"] = json!("alasdair.mackay@migranthelpuk.org");
    value["first_responder"]["contact_in_absence"] = json!("scotland.referrals@migranthelpuk.org");
    value
}

#[tokio::test]
async fn an_adult_with_consent_in_scotland_referred_by_an_ngo() {
    let value = referred_by_an_ngo();
    let folder = Folder::new("adult-scotland-ngo");
    let dir = folder.path();
    let draft = dir.join("draft.json");
    let mut form = Form::start(&draft, &dir.join("form.log"));
    let mut browser = Browser::open(&mut form, dir, "a").await;
    browser.answer_and_continue(&value).await;
    assert_eq!(browser.page.path, "/tasks", "in Scotland an adult's referral has no route to choose");
    browser.walk(&value, None, None).await;
    assert!(browser.names.contains("/first_responder/organisation/ngo"), "the walk was asked which NGO");
    assert!(browser.names.contains("/consent/given"), "the walk was asked for consent");
    browser.goto("/check").await;
    finish(&mut browser, form, dir).await;
    passes_check(&draft);
    saved_as_given(&draft, &value);
    eprintln!("adult-scotland-ngo: {}", browser.timings());
    browser.assert_no_problems("adult-scotland-ngo");
}

#[tokio::test]
async fn an_anonymous_duty_to_notify_by_a_police_force_in_wales() {
    let value = example("adult-wales-duty-to-notify-pass.json");
    assert_eq!(value["cooperation"]["willing"], json!(false));
    let folder = Folder::new("wales-duty-to-notify");
    let dir = folder.path();
    let draft = dir.join("draft.json");
    let mut form = Form::start(&draft, &dir.join("form.log"));
    let mut browser = Browser::open(&mut form, dir, "a").await;
    browser.check_narrow().await;
    browser.answer_and_continue(&value).await;
    assert_eq!(browser.page.path, "/start/route", "an adult in Wales is asked the route");
    browser.answer_and_continue(&value).await;
    assert_eq!(browser.page.path, "/tasks");
    browser.check_narrow().await;
    let first = browser.page.tasks[0].href.clone();
    browser.follow(&first).await;
    browser.check_narrow().await;
    browser.walk(&value, None, Some("/exploitation/taken_somewhere")).await;
    assert_eq!(browser.by_keyboard, ["/exploitation/taken_somewhere"], "one question was answered by keyboard alone");
    browser.goto("/check").await;
    browser.check_narrow().await;
    finish(&mut browser, form, dir).await;
    passes_check(&draft);
    saved_as_given(&draft, &value);
    let asked: Vec<&String> = browser
        .names
        .iter()
        .filter(|n| {
            ["/potential_victim/given_names", "/potential_victim/family_name", "/potential_victim/date_of_birth"]
                .contains(&member_of(n).0)
        })
        .collect();
    assert!(asked.is_empty(), "an anonymous Duty to Notify asks for {asked:?}");
    eprintln!("wales-duty-to-notify: {}", browser.timings());
    browser.assert_no_problems("wales-duty-to-notify");
}

#[tokio::test]
async fn a_draft_written_by_hand_opens_and_finishes_unchanged() {
    let folder = Folder::new("hand-written");
    let dir = folder.path();
    let draft = dir.join("draft.json");
    std::fs::copy(fixture("examples/adult-scotland-pass.json"), &draft).expect("the example is copied");
    let original = std::fs::read(&draft).expect("the copy can be read");
    let value = read_json(&draft);
    let mut form = Form::start(&draft, &dir.join("form.log"));
    let mut browser = Browser::open(&mut form, dir, "a").await;
    assert_eq!(browser.page.path, "/tasks", "a draft with its start answered opens at the task list");
    for task in browser.page.tasks.clone().iter().filter(|t| t.status != "Completed") {
        browser.problems.push(format!(
            "/tasks: the section {:?} ({}) of a draft that passes its checks is {:?}, not completed",
            task.title, task.href, task.status
        ));
    }

    // The page's policy stops any script of its own; WebDriver's (axe-core) still runs.
    browser.goto("/check").await;
    assert_eq!(browser.scripts().await, (false, true), "the page's policy blocks page scripts, not WebDriver's");

    // Every value of the file: on check your answers, or in the inputs of its question.
    let text = browser.main_text().await;
    let pages: BTreeSet<String> = browser
        .js("return [...document.querySelectorAll('main dl a')].map(a => a.getAttribute('href'))", vec![])
        .await
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|h| h.as_str().map(|h| h.split('#').next().unwrap_or_default().to_owned()))
        .collect();
    assert!(pages.len() > 20, "check your answers links to the question pages: {pages:?}");
    let mut differences = Vec::new();
    let mut shown: BTreeSet<String> = BTreeSet::new();
    for page in &pages {
        browser.goto(page).await;
        differences.extend(browser.differences(&value));
        shown.extend(browser.page.answer_names().iter().map(|n| member_of(n).0.to_owned()));
    }
    assert!(differences.is_empty(), "inputs that do not show the file:\n{}", differences.join("\n"));
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let missing: Vec<String> = members_of(&value)
        .into_iter()
        .filter(|(pointer, _)| !["/$schema", "/format_version"].contains(&pointer.as_str()))
        .filter(|(pointer, _)| {
            // A list is shown by the inputs of its entries (`/exploitation/uk_towns/0`).
            !shown
                .iter()
                .any(|s| pointer == s || pointer.starts_with(&format!("{s}/")) || s.starts_with(&format!("{pointer}/")))
        })
        .filter(|(_, member)| {
            !member.as_str().is_some_and(|t| {
                flat.contains(&t.split_whitespace().collect::<Vec<_>>().join(" "))
                    || in_words(t).is_some_and(|words| flat.contains(&words))
            })
        })
        .map(|(pointer, member)| format!("{pointer} = {member}"))
        .collect();
    for member in missing {
        browser
            .problems
            .push(format!("{member}: a value of the file shown neither on check your answers nor in an input"));
    }

    // Finishing alone changes nothing in the file.
    finish(&mut browser, form, dir).await;
    assert_eq!(read_json(&draft), value, "finishing without a Continue leaves the draft's value as it was");
    assert!(
        std::fs::read(&draft).expect("the draft") == original,
        "finishing without a Continue leaves the file as it was"
    );
    passes_check(&draft);
    eprintln!("hand-written: {}", browser.timings());
    browser.assert_no_problems("hand-written");
}
