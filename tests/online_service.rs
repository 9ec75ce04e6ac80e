//! A package's `online-service.json` held to the online service's own description, read here
//! directly from `data/online-form/online-service.json` and its pick lists (not through the code
//! that wrote the file): every page is the service's, on the case's journey and in its order;
//! every value is one the service takes on that page, by its own rules; every field the page
//! requires is there. The phone numbers go through `nrm::service::validators::phone`, the
//! service's libphonenumber check. Then the PDF: each page's title in order, choices in the
//! service's own words, and no code of the project's; and a draft of an older format version
//! gets no package.

mod support;

use chrono::NaiveDate;
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::LazyLock;
use support::{TODAY, fixture, nrm, project};

fn read(path: &Path) -> Value {
    try_read(path).unwrap_or_else(|| panic!("{} is JSON", path.display()))
}

/// A file's JSON, if it is JSON (some rule fixtures are not, on purpose).
fn try_read(path: &Path) -> Option<Value> {
    let text = fs::read_to_string(path).ok()?;
    serde_json::from_str(text.trim_start_matches('\u{FEFF}')).ok()
}

/// The service's description.
static SERVICE: LazyLock<Value> = LazyLock::new(|| read(&project().join("data/online-form/online-service.json")));

/// Every page of the service, the sign-in first.
fn service_pages() -> impl Iterator<Item = &'static Value> {
    SERVICE["sign_in"].as_array().unwrap().iter().chain(SERVICE["pages"].as_array().unwrap())
}

fn service_page(path: &str) -> Option<&'static Value> {
    service_pages().find(|page| page["path"] == path)
}

/// A pick list's entries, by the file name a field gives. The organisations are the service's
/// list as the registry keeps it.
fn entries(list: &str) -> Vec<String> {
    let value = if list == "organisations.json" {
        read(&project().join("data/first-responders.json"))["online_form"]["organisations"].clone()
    } else {
        read(&project().join("data/online-form").join(list))
    };
    serde_json::from_value(value).unwrap_or_else(|e| panic!("{list}: {e}"))
}

/// A JavaScript pattern of the description, for Rust's regex: `\d` and `\b` are ASCII in
/// JavaScript.
fn pattern(source: &str, flags: Option<&str>) -> regex::Regex {
    let source = source.replace(r"\d", "[0-9]").replace(r"\b", r"(?-u:\b)");
    regex::RegexBuilder::new(&source)
        .case_insensitive(flags.is_some_and(|f| f.contains('i')))
        .build()
        .unwrap_or_else(|e| panic!("{source}: {e}"))
}

/// The text as the service validates it: the field's formatters, in order.
fn formatted(field: &Value, text: &str) -> String {
    let definitions = &SERVICE["formatters"]["definitions"];
    let mut text = text.to_owned();
    for name in field["formatters"].as_array().into_iter().flatten() {
        let definition = &definitions[name.as_str().unwrap()];
        text = match definition["regex"].as_str() {
            Some(regex) => {
                pattern(regex, None).replace_all(&text, definition["replace"].as_str().unwrap()).into_owned()
            }
            None => text.trim().to_owned(),
        };
    }
    text
}

/// JavaScript's length (UTF-16 code units) of the text as a browser sends it: a line break is
/// `\r\n`.
fn length_as_sent(text: &str) -> usize {
    text.replace("\r\n", "\n").chars().map(|c| if matches!(c, '\n' | '\r') { 2 } else { c.len_utf16() }).sum()
}

/// What a case's pages answer so far: each field's value, by name.
type Entered = Map<String, Value>;

/// Whether a condition of the description holds for the answers entered so far: a field's
/// answer (for a group of checkboxes, one of its values), or the files uploaded.
fn holds(condition: &Value, entered: &Entered) -> bool {
    if let Some(all) = condition["all"].as_array() {
        return all.iter().all(|c| holds(c, entered));
    }
    if let Some(session) = condition["session"].as_str() {
        return match session {
            "files" => entered.get("upload-file").and_then(Value::as_array).is_some_and(|files| !files.is_empty()),
            // A child, or a person whose age is not known, is referred without being asked.
            "automatic-referral" => {
                matches!(entered.get("pv-under-age").and_then(Value::as_str), Some("yes" | "not-sure"))
            }
            other => panic!("a session fact this test does not know: {other}"),
        };
    }
    let answer = &entered.get(condition["field"].as_str().unwrap());
    let is = |value: &Value| match answer {
        Some(Value::Array(values)) => values.contains(value),
        Some(answer) => *answer == value,
        None => false,
    };
    match (condition.get("value"), condition["in"].as_array()) {
        (Some(value), _) => is(value),
        (None, Some(values)) => values.iter().any(is),
        _ => panic!("a condition this test does not know: {condition}"),
    }
}

/// Whether the page requires the field, given what the page and those before it answer.
fn required(field: &Value, entered: &Entered) -> bool {
    let shown = field["dependent"].is_null() || holds(&field["dependent"], entered);
    let required = match &field["required"] {
        Value::Bool(required) => *required,
        rule if rule["when"].is_object() => holds(&rule["when"], entered),
        rule if rule["unless"].is_object() => !holds(&rule["unless"], entered),
        rule => panic!("{}: a required rule this test does not know: {rule}", field["name"]),
    };
    shown && required
}

/// The problems with one value the service would be sent, by its own rules.
fn refusals(field: &Value, value: &Value, today: NaiveDate) -> Vec<String> {
    let name = field["name"].as_str().unwrap();
    let kind = field["type"].as_str().unwrap();
    let options: Vec<&Value> = field["options"].as_array().into_iter().flatten().map(|o| &o["value"]).collect();
    let mut problems = Vec::new();
    let mut refuse = |why: String| problems.push(format!("{name}: {why}"));
    match kind {
        "radio" if !options.contains(&value) => refuse(format!("{value} is not one of its options")),
        "checkbox-group" => match value.as_array() {
            Some(values) if !values.is_empty() => {
                for value in values.iter().filter(|v| !options.contains(v)) {
                    refuse(format!("{value} is not one of its options"));
                }
            }
            _ => refuse(format!("{value} is not a list of its options")),
        },
        "checkbox" if *value != field["value_when_ticked"] => refuse(format!("{value} is not its tick")),
        "file" => {
            let documents = value.as_array().map(Vec::as_slice).unwrap_or_default();
            let limit = service_page("/nrm/upload-evidence").unwrap()["upload"]["limits"]["max_files"].as_u64();
            if documents.is_empty() || Some(documents.len() as u64) > limit {
                refuse(format!("{} documents", documents.len()));
            }
            for document in documents {
                let keys: BTreeSet<&str> = document.as_object().unwrap().keys().map(String::as_str).collect();
                let text = |key: &str| document[key].as_str().is_some_and(|t| !t.trim().is_empty());
                if keys != BTreeSet::from(["description", "file"]) || !text("file") || !text("description") {
                    refuse(format!("a document is a file and its description: {document}"));
                }
            }
        }
        _ => {}
    }
    if matches!(kind, "radio" | "checkbox-group" | "checkbox" | "file") {
        return problems;
    }
    let Some(raw) = value.as_str() else {
        refuse(format!("{value} is not text"));
        return problems;
    };
    let text = formatted(field, raw);
    if text.is_empty() {
        refuse("blank".into());
    }
    if let Some(list) = field["list"].as_str() {
        if !entries(list).contains(&text) {
            refuse(format!("`{text}` is not an entry of {list}"));
        }
        let unselectable = field["unselectable_entries"].as_array().into_iter().flatten();
        if unselectable.filter_map(Value::as_str).any(|entry| entry.trim() == text.trim()) {
            refuse(format!("`{text}` is an entry the service never accepts"));
        }
    }
    for rule in field["validators"].as_array().unwrap() {
        let regex = || pattern(rule["regex"].as_str().unwrap(), rule["flags"].as_str());
        let limit = |key: &str| rule[key].as_u64().map_or(usize::MAX, |n| n as usize);
        let day = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok().filter(|_| text.len() == 10);
        let refused = match rule["type"].as_str().unwrap() {
            "maxlength" => length_as_sent(&text) > limit("max"),
            "email" => {
                let parts: Vec<&str> = text.split('@').collect();
                let js = |part: &str| part.encode_utf16().count();
                parts.len() != 2
                    || js(parts[0]) > limit("local_part_max")
                    || js(parts[1]) > limit("domain_max")
                    || parts[1].split('.').any(|label| js(label) > limit("domain_label_max"))
                    || !regex().is_match(&text)
            }
            "isValidEmail" => text.split('@').count() != 2 || !regex().is_match(&text),
            "notUrl" => pattern(rule["refuses_if_contains"].as_str().unwrap(), None).is_match(&text),
            "numeric" => !regex().is_match(&text),
            "internationalPhoneNumber" => !nrm::service::validators::phone(&text),
            "date" => !regex().is_match(&text) || day(&text).is_none(),
            "before" => day(&text).is_none_or(|d| d > today),
            "after" => day(&text).is_none_or(|d| Some(d) <= rule["date"].as_str().and_then(day)),
            // The service's list of email domains is the first responder rules' (FR), and the
            // options and entries are checked above.
            "required" | "equal" | "recognised-email-domain" => false,
            other => panic!("{name}: a validator this test does not know: {other}"),
        };
        if refused {
            let shown: String = text.chars().take(60).collect();
            refuse(format!("`{shown}` is refused by its {} check", rule["type"]));
        }
    }
    problems
}

/// The sign-in pages a recognised work email leads through, in order: all but the one that
/// sends the person back to try another email.
fn sign_in() -> Vec<&'static str> {
    let pages = SERVICE["sign_in"].as_array().unwrap();
    let first = &pages[0]["path"];
    pages.iter().filter(|p| p["next"] != *first).map(|p| p["path"].as_str().unwrap()).collect()
}

/// The case's journey through the service, from the draft: a child's (or one whose age is not
/// known), an adult's referral, or a Duty to Notify.
fn journey(draft: &Value) -> &'static str {
    match (draft["potential_victim"]["age_status"].as_str(), draft["route"].as_str()) {
        (Some("child" | "age_disputed"), _) => "child",
        (_, Some("nrm")) => "adult_nrm",
        (_, Some("duty_to_notify")) => "duty_to_notify",
        other => panic!("no journey for {other:?}"),
    }
}

/// Every problem with one package's `online-service.json`, for the draft it was made from.
fn problems(file: &Value, draft: &Value, today: NaiveDate) -> Vec<String> {
    let mut problems = Vec::new();
    if file["service"] != "Report modern slavery (first responder form)" || file["format_version"] != 3 {
        problems
            .push(format!("the file names the service and the format: {} {}", file["service"], file["format_version"]));
    }
    let pages = file["pages"].as_array().unwrap();
    let paths: Vec<&str> = pages.iter().map(|p| p["path"].as_str().unwrap()).collect();
    let journey = &SERVICE["journeys"][journey(draft)]["pages"];
    let steps: Vec<&str> = journey.as_array().unwrap().iter().map(|s| s["path"].as_str().unwrap()).collect();
    let signed_in = sign_in();
    if paths.len() < signed_in.len() || paths[..signed_in.len()] != signed_in[..] {
        problems.push(format!("the sign-in comes first: {paths:?}"));
    }
    // The journey's pages in its order, each there exactly when the service shows it.
    let mut entered = Entered::new();
    let mut at = signed_in.len().min(paths.len());
    for step in &steps {
        let page = service_page(step).unwrap();
        let reached = page["reached_when"].is_null() || holds(&page["reached_when"], &entered);
        let listed = paths.get(at) == Some(step);
        if reached != listed {
            problems.push(format!("{step}: shown by the service: {reached}; listed here: {listed}"));
        }
        if !listed {
            continue;
        }
        let fields = pages[at]["fields"].as_object().unwrap();
        at += 1;
        for (name, value) in fields {
            match page["fields"].as_array().unwrap().iter().find(|f| f["name"] == name.as_str()) {
                Some(field) => problems.extend(refusals(field, value, today)),
                None => problems.push(format!("{step}: {name} is not a field of the page")),
            }
        }
        let on_page: Entered = fields.clone();
        entered.extend(on_page.clone());
        for field in page["fields"].as_array().unwrap() {
            let name = field["name"].as_str().unwrap();
            // A field shown only with another's answer is discarded without it.
            if on_page.contains_key(name) && !field["dependent"].is_null() && !holds(&field["dependent"], &entered) {
                problems.push(format!("{step}: {name} is answered, but the service discards it here"));
            }
            if required(field, &entered) && !on_page.contains_key(name) {
                problems.push(format!("{step}: {name} is required and not answered"));
            }
        }
        for rule in page["page_validators"].as_array().into_iter().flatten() {
            let ticked = on_page.keys().any(|name| name.contains("types-of-exploitation"));
            if rule["type"] == "at-least-one-option-selected" && !ticked {
                problems.push(format!("{step}: at least one kind of exploitation must be ticked"));
            }
        }
    }
    if at != paths.len() {
        problems.push(format!("pages that are not the journey's, or out of its order: {:?}", &paths[at..]));
    }
    problems
}

/// A draft to render, and the day its check is made on.
struct Case {
    path: PathBuf,
    today: String,
}

/// The examples, and every version 3 `passes-*.json` rule fixture, each with its day.
fn cases() -> Vec<Case> {
    let mut cases: Vec<Case> = support::drafts_under(&fixture("examples"))
        .into_iter()
        .filter(|path| path.parent() == Some(&fixture("examples")))
        .map(|path| Case { path, today: TODAY.to_owned() })
        .collect();
    for path in support::drafts_under(&fixture("rules")) {
        let name = path.file_name().unwrap().to_str().unwrap();
        if !name.starts_with("passes-") || try_read(&path).is_none_or(|draft| draft["format_version"] != 3) {
            continue;
        }
        let expected: toml::Table = fs::read_to_string(path.with_extension("toml")).unwrap().parse().unwrap();
        let today = expected.get("today").and_then(|t| t.as_str()).unwrap_or(TODAY).to_owned();
        cases.push(Case { path, today });
    }
    cases
}

/// Drafts made from the examples for the answers no example or rule fixture gives (more than
/// one situation, another kind of exploitation, an earlier report, a decision sent to someone
/// else by post, no number for the support provider or another's, a Duty to Notify that names
/// the person), written into `folder`. Each must pass.
fn variants(folder: &Path) -> Vec<Case> {
    let example = |name: &str| read(&fixture(&format!("examples/{name}.json")));
    let mut first = example("adult-scotland-pass");
    first["reference"] = json!("VAR-ADULT-1");
    let exploitation = &mut first["exploitation"];
    exploitation["more_than_one"] = json!("yes");
    exploitation["when"] = json!("On the farm from March to June 2026, then in a packing shed until 15 November 2026.");
    exploitation["kinds"] = json!(["forced_to_work", "other"]);
    exploitation["other_kind"] = json!("Made to hand over her benefits");
    exploitation["reported_before"] = json!("yes");
    exploitation["reported_before_details"] = json!("She told a support worker in Aberdeen in August 2026.");
    exploitation.as_object_mut().unwrap().remove("not_reported_reasons");
    exploitation["uk_towns"] = json!(["Peterhead", "Aberdeen", "Fraserburgh"]);
    first["professional"]["credibility_concerns"] = json!(true);
    first["professional"]["credibility_evidence"] = json!("Her first account gave another date for her arrival.");
    first["potential_victim"]["communication_help"] =
        json!({ "needed": true, "details": "Written questions in Romanian" });
    first["support"]["contact"] = json!({ "by": "none", "none_reason": "She has no phone of her own." });
    first["decision"] = json!({
        "recipient": "someone_else", "given_name": "Ioana", "family_name": "Marin", "methods": ["post"],
        "post": { "building_and_street": "Flat 2, 14 Park Avenue", "town": "Aberdeen", "county": "Aberdeenshire",
                  "postcode": "AB10 1AB" },
        "permission": true
    });
    let mut second = example("adult-scotland-pass");
    second["reference"] = json!("VAR-ADULT-2");
    second["exploitation"]["reported_before"] = json!("not_sure");
    second["exploitation"]["reported_before_details"] = json!("She may have told a GP receptionist in Peterhead.");
    second["exploitation"].as_object_mut().unwrap().remove("not_reported_reasons");
    second["support"]["contact"] =
        json!({ "by": "alternative_phone", "alternative": { "phone": "07723 418907", "relationship": "Her cousin" } });
    let mut third = example("adult-wales-duty-to-notify-pass");
    third["reference"] = json!("VAR-DTN-1");
    third["cooperation"] = json!({ "willing": true, "details": "He will speak to South Wales Police again." });
    third["potential_victim"]["given_names"] = json!("Karwan");
    third["potential_victim"]["family_name"] = json!("Aziz");
    third["decision"] = json!({
        "methods": ["email", "post"], "email": "k.aziz@example.com", "email_safe": true,
        "post": { "building_and_street": "Flat 3, 2 Bute Street", "town": "Cardiff", "county": "South Glamorgan",
                  "postcode": "CF10 5AB" },
        "post_safe": true
    });
    [first, second, third]
        .into_iter()
        .map(|draft| {
            let path = folder.join(format!("{}.json", draft["reference"].as_str().unwrap()));
            fs::write(&path, serde_json::to_vec_pretty(&draft).unwrap()).unwrap();
            Case { path, today: TODAY.to_owned() }
        })
        .collect()
}

fn render(out: &Path, today: &str, drafts: &[&Path]) -> Output {
    nrm().args(["render", "--today", today, "--out"]).arg(out).args(drafts).output().unwrap()
}

/// The package each case rendered to, when it passed: each in a folder of its own, since rule
/// fixtures share references.
fn rendered(cases: &[Case], out: &Path) -> Vec<(usize, PathBuf)> {
    let chunks: Vec<Vec<(usize, &Case)>> = {
        let numbered: Vec<(usize, &Case)> = cases.iter().enumerate().collect();
        numbered.chunks(cases.len().div_ceil(2).max(1)).map(<[_]>::to_vec).collect()
    };
    std::thread::scope(|scope| {
        let workers: Vec<_> = chunks
            .into_iter()
            .map(|chunk| {
                scope.spawn(move || {
                    let mut packages = Vec::new();
                    for (number, case) in chunk {
                        let folder = out.join(number.to_string());
                        let output = render(&folder, &case.today, &[&case.path]);
                        let reference = read(&case.path)["reference"].as_str().map(str::to_owned);
                        match (output.status.code(), reference) {
                            (Some(0), Some(reference)) => packages.push((number, folder.join(reference))),
                            (Some(1), _) => {}
                            (code, _) => panic!(
                                "{}: render exited {code:?}: {}",
                                case.path.display(),
                                String::from_utf8_lossy(&output.stderr)
                            ),
                        }
                    }
                    packages
                })
            })
            .collect();
        workers.into_iter().flat_map(|worker| worker.join().unwrap()).collect()
    })
}

#[test]
fn every_package_holds_the_answers_as_every_page_of_the_service_takes_them() {
    let out = tempfile::tempdir().unwrap();
    let made = out.path().join("variants");
    fs::create_dir(&made).unwrap();
    let mut cases = cases();
    cases.extend(variants(&made));
    let packages = rendered(&cases, &out.path().join("packages"));
    let from = |folder: &Path| packages.iter().filter(|(n, _)| cases[*n].path.parent() == Some(folder)).count();
    assert_eq!(from(&fixture("examples")), 3, "the three passing examples");
    assert_eq!(from(&made), 3, "the drafts made from them pass");
    assert!(packages.len() > 80, "the rule fixtures that pass: {}", packages.len() - 6);
    let mut failures = Vec::new();
    for (number, package) in &packages {
        let case = &cases[*number];
        let file = read(&package.join("online-service.json"));
        let today = NaiveDate::parse_from_str(&case.today, "%Y-%m-%d").unwrap();
        let name = case.path.strip_prefix(project()).unwrap_or(&case.path).display().to_string();
        for problem in problems(&file, &read(&case.path), today) {
            failures.push(format!("{name}: {problem}"));
        }
    }
    assert!(failures.is_empty(), "{} problems:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn the_checks_here_find_what_the_service_would_refuse() {
    let out = tempfile::tempdir().unwrap();
    assert_eq!(render(out.path(), TODAY, &[&fixture("examples/adult-scotland-pass.json")]).status.code(), Some(0));
    let draft = read(&fixture("examples/adult-scotland-pass.json"));
    let file = read(&out.path().join("PS-NE-2026-1187/online-service.json"));
    let today = NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap();
    assert_eq!(problems(&file, &draft, today), Vec::<String>::new());
    let empty = |file: &mut Value, path: &str| {
        let pages = file["pages"].as_array_mut().unwrap();
        pages.iter_mut().find(|p| p["path"] == path).unwrap()["fields"] = json!({});
    };
    let found = |file: &Value, what: &str| {
        let problems = problems(file, &draft, today);
        assert!(problems.iter().any(|p| p.contains(what)), "`{what}` in {problems:?}");
    };
    let mut changed = file.clone();
    empty(&mut changed, "/nrm/when-last-contact");
    found(&changed, "when-last-contact is required");
    let mut changed = file.clone();
    let pages = changed["pages"].as_array_mut().unwrap();
    let gender = pages.iter().position(|p| p["path"] == "/nrm/pv-gender-referral").unwrap();
    pages[gender]["fields"]["pv-gender"] = json!("other");
    found(&changed, "\"other\" is not one of its options");
    changed["pages"].as_array_mut().unwrap().swap(gender, gender + 1);
    found(&changed, "listed here: false");
    let mut changed = file.clone();
    let pages = changed["pages"].as_array_mut().unwrap();
    let phone = pages.iter_mut().find(|p| p["path"] == "/nrm/pv-phone-number").unwrap();
    phone["fields"]["pv-phone-number-yes"] = json!("07700 900123");
    // 15,000 characters, one of them a line break, which a browser sends as two.
    let insight = pages.iter_mut().find(|p| p["path"] == "/nrm/professional-insight").unwrap();
    insight["fields"]["professional-insight"] = json!(format!("{}\n{}", "x".repeat(7_499), "x".repeat(7_500)));
    found(&changed, "refused by its \"internationalPhoneNumber\" check");
    found(&changed, "refused by its \"maxlength\" check");
    let mut changed = file.clone();
    let pages = changed["pages"].as_array_mut().unwrap();
    let town = pages.iter_mut().find(|p| p["path"] == "/nrm/current-pv-location").unwrap();
    town["fields"]["current-pv-location-uk-city"] = json!("Dromore ");
    town["fields"]["pv-dob"] = json!("2030-01-01");
    found(&changed, "an entry the service never accepts");
    found(&changed, "pv-dob is not a field of the page");
    let mut changed = file.clone();
    empty(&mut changed, "/nrm/types-of-exploitation");
    let pages = changed["pages"].as_array_mut().unwrap();
    let taken = pages.iter_mut().find(|p| p["path"] == "/nrm/were-they-taken-somewhere-by-their-exploiter").unwrap();
    taken["fields"]["were-they-taken-somewhere-by-their-exploiter"] = json!("no");
    let contact = pages.iter_mut().find(|p| p["path"] == "/nrm/pv-contact-details-referral").unwrap();
    contact["fields"]["pv-contact-details"] = json!(["email", "phone"]);
    found(&changed, "at least one kind of exploitation must be ticked");
    found(&changed, "journey-details is answered, but the service discards it here");
    found(&changed, "\"phone\" is not one of its options");
}

#[test]
fn the_manifest_lists_it_and_two_renders_give_the_same_bytes() {
    let out = tempfile::tempdir().unwrap();
    let examples: Vec<PathBuf> = ["child-england-pass", "adult-scotland-pass", "adult-wales-duty-to-notify-pass"]
        .iter()
        .map(|name| fixture(&format!("examples/{name}.json")))
        .collect();
    let paths: Vec<&Path> = examples.iter().map(PathBuf::as_path).collect();
    for run in ["first", "second"] {
        assert_eq!(render(&out.path().join(run), TODAY, &paths).status.code(), Some(0));
    }
    for reference in ["LCC-2026-0042", "PS-NE-2026-1187", "SWP-MS-2026-0311"] {
        let package = out.path().join("first").join(reference);
        let manifest = read(&package.join("manifest.json"));
        let listed = manifest["files"].as_array().unwrap().iter().find(|f| f["name"] == "online-service.json");
        let bytes = fs::read(package.join("online-service.json")).unwrap();
        let listed = listed.unwrap_or_else(|| panic!("{reference}: the manifest lists online-service.json"));
        assert_eq!(listed["bytes"].as_u64(), Some(bytes.len() as u64));
        let digest: String = Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(listed["sha256"].as_str(), Some(digest.as_str()));
        for name in nrm::render::FILES {
            let again = fs::read(out.path().join("second").join(reference).join(name)).unwrap();
            assert!(fs::read(package.join(name)).unwrap() == again, "{reference}: {name} is the same twice");
        }
    }
}

#[test]
fn a_draft_of_an_older_format_version_gets_no_package_and_the_others_carry_on() {
    let out = tempfile::tempdir().unwrap();
    let old = fixture("examples/v2/child-england-pass.json");
    let current = fixture("examples/adult-scotland-pass.json");
    let output = render(out.path(), TODAY, &[&old, &current]);
    assert_eq!(output.status.code(), Some(1), "refused as a failed draft is");
    assert!(!out.path().join("LCC-2026-0042").exists(), "no package for the version 2 draft");
    assert!(out.path().join("PS-NE-2026-1187/online-service.json").is_file(), "the other draft carries on");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "one line: {stderr}");
    assert!(lines[0].starts_with(&format!("nrm: {}: ", old.display())), "names the file: {stderr}");
    assert!(lines[0].contains("format version 2") && lines[0].contains("`nrm migrate`"), "{stderr}");
    let draft = read(&old);
    for value in ["/reference", "/potential_victim/given_names", "/potential_victim/family_name"] {
        let value = draft.pointer(value).and_then(Value::as_str).unwrap();
        assert!(!stderr.contains(value), "no value of the draft on standard error");
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("1 package written") && stdout.contains("1 of an older format version"), "{stdout}");
}

/// pdftotext's text of a PDF, white space folded, without what heads and foots each page.
fn pdf_text(pdf: &Path) -> String {
    let output = Command::new("pdftotext").args(["-enc", "UTF-8"]).arg(pdf).arg("-").output().unwrap();
    assert!(output.status.success(), "pdftotext is installed (bash .ci/test installs it)");
    let text = String::from_utf8(output.stdout).unwrap();
    let furniture = |line: &str| {
        let words: Vec<&str> = line.split_whitespace().collect();
        words == ["OFFICIAL-SENSITIVE"] || matches!(words.as_slice(), ["Page", _, "of", _])
    };
    let body: Vec<&str> = text.lines().filter(|line| !furniture(line)).collect();
    body.join(" ").split_whitespace().collect::<Vec<_>>().join(" ")
}

fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every code of the project's that is not a word (`within_month`, `forced_to_commit_crime`):
/// the codes of the question table's choices and of its lists of words.
fn project_codes() -> BTreeSet<String> {
    let table = read(&project().join("data/questions.json"));
    let words = read(&project().join("data/words.json"));
    let choices = table["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["questions"].as_array().unwrap())
        .flat_map(|q| q["choices"].as_array().into_iter().flatten())
        .filter_map(|c| c["code"].as_str().map(str::to_owned));
    let listed = words.as_object().unwrap().values().filter_map(Value::as_object).flat_map(|list| list.keys().cloned());
    choices.chain(listed).filter(|code| code.contains('_')).collect()
}

#[test]
fn the_pdf_follows_the_service_page_by_page_in_its_own_words() {
    let folder = tempfile::tempdir().unwrap();
    let mut other = read(&fixture("examples/adult-scotland-pass.json"));
    other["reference"] = json!("PS-OTHER-1");
    other["potential_victim"]["gender"] = json!("other");
    let other_path = folder.path().join("other.json");
    fs::write(&other_path, serde_json::to_vec_pretty(&other).unwrap()).unwrap();
    let mut drafts: Vec<PathBuf> = ["child-england-pass", "adult-scotland-pass", "adult-wales-duty-to-notify-pass"]
        .iter()
        .map(|name| fixture(&format!("examples/{name}.json")))
        .collect();
    drafts.push(other_path);
    drafts.extend(variants(folder.path()).into_iter().map(|case| case.path));
    let paths: Vec<&Path> = drafts.iter().map(PathBuf::as_path).collect();
    let out = folder.path().join("out");
    assert_eq!(render(&out, TODAY, &paths).status.code(), Some(0));
    let codes = project_codes();
    assert!(codes.contains("within_month") && codes.contains("forced_to_commit_crime"), "{codes:?}");
    let mut labels_seen = BTreeSet::new();
    for draft in &drafts {
        let reference = read(draft)["reference"].as_str().unwrap().to_owned();
        let package = out.join(&reference);
        let text = pdf_text(&package.join("referral.pdf"));
        let file = read(&package.join("online-service.json"));
        // Each page's title in the service's order, and each choice on it in the service's words.
        let pages = file["pages"].as_array().unwrap();
        let mut at = 0;
        let mut places = Vec::new();
        for page in pages {
            let described = service_page(page["path"].as_str().unwrap()).unwrap();
            let title = fold(described["title"].as_str().unwrap());
            let found = text[at..].find(&title).unwrap_or_else(|| panic!("{reference}: `{title}` after {at}"));
            at += found + title.len();
            places.push(at);
        }
        places.push(text.find("The first responder's own record").unwrap_or(text.len()));
        for (index, page) in pages.iter().enumerate() {
            let shown = &text[places[index]..places[index + 1]];
            let described = service_page(page["path"].as_str().unwrap()).unwrap();
            for (name, value) in page["fields"].as_object().unwrap() {
                let field =
                    described["fields"].as_array().unwrap().iter().find(|f| f["name"] == name.as_str()).unwrap();
                let options = field["options"].as_array().into_iter().flatten();
                let words: Vec<String> = match field["type"].as_str().unwrap() {
                    "radio" | "checkbox-group" => {
                        let chosen: Vec<&Value> =
                            value.as_array().map_or(vec![value], |values| values.iter().collect());
                        options
                            .filter(|o| chosen.contains(&&o["value"]))
                            .map(|o| fold(o["label"].as_str().unwrap()))
                            .collect()
                    }
                    "checkbox" => vec![fold(field["label"].as_str().unwrap())],
                    "select" => vec![value.as_str().unwrap().to_owned()],
                    _ => Vec::new(),
                };
                assert!(!words.is_empty() || !matches!(field["type"].as_str(), Some("radio" | "checkbox-group")));
                for words in words {
                    assert!(shown.contains(&words), "{reference}: {name} as `{words}` on its page");
                    labels_seen.insert(words);
                }
            }
            if page["fields"].as_object().unwrap().is_empty() {
                assert!(shown.contains("Nothing to enter"), "{reference}: {} says so", page["path"]);
            }
        }
        for code in &codes {
            assert!(!text.contains(code.as_str()), "{reference}: the project's code `{code}` in the PDF");
        }
    }
    let labels = ["Yes", "No", "Within the last month", "They do not identify as male or female", "Not sure", "Other"];
    for label in labels.into_iter().chain(["Someone else", "Post", "It is safe to write to them here"]) {
        assert!(labels_seen.contains(label), "`{label}` was looked for: {labels_seen:?}");
    }
}
