//! `nrm form` saving the draft (form.md, "Saving"): every Continue writes the whole file
//! atomically, privately and in the format's layout; answers are kept as typed; members the
//! form does not ask are kept; a file changed on disk is never written over; a second run
//! resumes; a version 1 draft is migrated; Finish writes what `nrm render` writes.

mod form_support;
mod support;

use form_support::{Form, Response, copy_of, folder_with, form_action, form_fields, tags};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use support::{TODAY, check_json, fixture, nrm, rule_ids};

const CHILD: &str = "examples/child-england-pass.json";
/// The page that asks when the exploitation happened, and the date it began.
const WHEN: &str = "/section/exploitation/1";

fn example() -> Value {
    serde_json::from_slice(&fs::read(fixture(CHILD)).unwrap()).unwrap()
}

fn names_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        fs::read_dir(folder).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

/// The order of the members of every object in a JSON text, by the object's pointer (serde_json
/// here sorts members, so the text is read by hand).
fn member_orders(text: &str) -> BTreeMap<String, Vec<String>> {
    struct Reader<'t> {
        bytes: &'t [u8],
        at: usize,
        orders: BTreeMap<String, Vec<String>>,
    }
    impl Reader<'_> {
        fn space(&mut self) {
            while self.at < self.bytes.len() && self.bytes[self.at].is_ascii_whitespace() {
                self.at += 1;
            }
        }
        fn string(&mut self) -> String {
            assert_eq!(self.bytes[self.at], b'"');
            self.at += 1;
            let mut out = Vec::new();
            while self.bytes[self.at] != b'"' {
                if self.bytes[self.at] == b'\\' {
                    self.at += 1;
                }
                out.push(self.bytes[self.at]);
                self.at += 1;
            }
            self.at += 1;
            String::from_utf8_lossy(&out).into_owned()
        }
        fn value(&mut self, pointer: &str) {
            self.space();
            match self.bytes[self.at] {
                b'{' => {
                    self.at += 1;
                    let mut names = Vec::new();
                    loop {
                        self.space();
                        match self.bytes[self.at] {
                            b'}' => {
                                self.at += 1;
                                break;
                            }
                            b',' => self.at += 1,
                            _ => {
                                let name = self.string();
                                self.space();
                                assert_eq!(self.bytes[self.at], b':');
                                self.at += 1;
                                self.value(&format!("{pointer}/{name}"));
                                names.push(name);
                            }
                        }
                    }
                    self.orders.insert(pointer.to_owned(), names);
                }
                b'[' => {
                    self.at += 1;
                    let mut index = 0;
                    loop {
                        self.space();
                        match self.bytes[self.at] {
                            b']' => {
                                self.at += 1;
                                break;
                            }
                            b',' => self.at += 1,
                            _ => {
                                self.value(&format!("{pointer}/{index}"));
                                index += 1;
                            }
                        }
                    }
                }
                b'"' => {
                    self.string();
                }
                _ => {
                    while self.at < self.bytes.len() && !b",]} \n\r\t".contains(&self.bytes[self.at]) {
                        self.at += 1;
                    }
                }
            }
        }
    }
    let mut reader = Reader { bytes: text.as_bytes(), at: 0, orders: BTreeMap::new() };
    reader.value("");
    reader.orders
}

/// Asserts that the members of each object of the draft come in the schema's order (members
/// the schema does not name may follow, in any order).
fn assert_in_schema_order(text: &str) {
    let schema = member_orders(&fs::read_to_string(support::project().join("schemas/referral.schema.json")).unwrap());
    let draft = member_orders(text);
    let mut compared = 0;
    for (pointer, names) in &draft {
        let schema_pointer: String = pointer.split('/').skip(1).map(|s| format!("/properties/{s}")).collect();
        let Some(order) = schema.get(&format!("{schema_pointer}/properties")) else { continue };
        let known: Vec<&String> = names.iter().filter(|n| order.contains(n)).collect();
        let mut sorted = known.clone();
        sorted.sort_by_key(|n| order.iter().position(|o| o == *n));
        assert_eq!(known, sorted, "the members of {pointer:?} are in the schema's order");
        let first_unknown = names.iter().position(|n| !order.contains(n)).unwrap_or(names.len());
        assert!(names[first_unknown..].iter().all(|n| !order.contains(n)), "{pointer:?}: unknown members come last");
        compared += 1;
    }
    assert!(compared > 10, "the top level and the sections are compared");
}

/// The child example as a person might write it by hand: its members in reverse order, four
/// spaces an indent, with a byte order mark-free UTF-8 text.
fn hand_written(value: &Value) -> Vec<u8> {
    fn reversed(value: &Value) -> String {
        match value {
            Value::Object(members) => {
                let mut pairs: Vec<(&String, &Value)> = members.iter().collect();
                pairs.reverse();
                let inner: Vec<String> = pairs.iter().map(|(n, v)| format!("{}: {}", json!(n), reversed(v))).collect();
                format!("{{\n    {}\n}}", inner.join(",\n    "))
            }
            Value::Array(items) => format!("[{}]", items.iter().map(reversed).collect::<Vec<_>>().join(", ")),
            other => other.to_string(),
        }
    }
    reversed(value).into_bytes()
}

#[test]
fn a_continue_writes_the_whole_draft_atomically_privately_and_in_order() {
    let (folder, draft) = folder_with(Some(&hand_written(&example())));
    fs::set_permissions(&draft, fs::Permissions::from_mode(0o644)).unwrap();
    let inode = fs::metadata(&draft).unwrap().ino();
    let form = Form::open(&draft);
    let typed = "Nguyễn Văn Minh said: “since the summer of 2025”";
    let response = form.continue_with(WHEN, &[("/exploitation/when", typed)]);
    assert_eq!(response.status, 303, "{}", response.brief());
    assert_eq!(names_in(folder.path()), ["draft.json"], "nothing is left beside the draft");
    let metadata = fs::metadata(&draft).unwrap();
    assert_eq!(metadata.permissions().mode() & 0o777, 0o600, "mode 0600");
    assert_ne!(metadata.ino(), inode, "a new file renamed over the old (never written in place)");
    let text = String::from_utf8(fs::read(&draft).unwrap()).expect("UTF-8");
    assert!(!text.starts_with('\u{feff}'), "no byte order mark");
    assert!(text.contains(typed), "written as UTF-8, not escaped: {typed}");
    assert!(!text.contains("\\u"), "no \\u escapes");
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["exploitation"]["when"], typed);
    let mut expected = example();
    expected["exploitation"]["when"] = json!(typed);
    assert_eq!(value, expected, "the whole draft, every other answer as it was");
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[1].starts_with("  \"") && !lines[1].starts_with("   "), "two spaces an indent: {:?}", lines[1]);
    for line in &lines {
        let indent = line.len() - line.trim_start().len();
        assert!(!line[..indent].contains('\t') && indent % 2 == 0, "an indent of two spaces a level: {line:?}");
    }
    assert!(lines.iter().any(|l| l.starts_with("    \"")), "nested members at four spaces");
    assert_in_schema_order(&text);
}

#[test]
fn a_new_draft_is_made_private_in_the_current_version() {
    let (folder, draft) = folder_with(None);
    let form = Form::open(&draft);
    assert_eq!(names_in(folder.path()), ["draft.json"]);
    assert_eq!(fs::metadata(&draft).unwrap().permissions().mode() & 0o777, 0o600, "mode 0600");
    assert_eq!(form.json()["format_version"], 3);
    let home = form.get("/");
    assert_eq!(home.location(), Some("/start"), "a new draft starts at the start: {}", home.brief());
    let response = form.continue_with("/start", &[("/potential_victim/age_status", "child"), ("/nation", "england")]);
    assert_eq!(response.status, 303, "{}", response.brief());
    assert_eq!(form.json()["potential_victim"]["age_status"], "child");
    assert_eq!(form.json()["nation"], "england");
    assert_eq!(names_in(folder.path()), ["draft.json"]);
    assert_eq!(fs::metadata(&draft).unwrap().permissions().mode() & 0o777, 0o600, "mode 0600");
}

#[test]
fn a_value_that_fails_its_checks_is_saved_as_typed() {
    let (_folder, draft) = copy_of(CHILD);
    let form = Form::open(&draft);
    let age = form.page_asking("/potential_victim/claimed_age");
    let response = form.continue_with(&age, &[("/potential_victim/claimed_age", "about sixteen")]);
    assert_eq!(response.status, 200, "the page again, with the error: {}", response.brief());
    assert!(response.body.contains("<title>Error: "), "the title says Error");
    assert!(response.body.contains("error-summary"), "an error summary");
    let input = tags(&response.body)
        .into_iter()
        .find(|t| t.get("name") == Some("/potential_victim/claimed_age"))
        .expect("the claimed age's input");
    assert_eq!(input.get("value"), Some("about sixteen"), "what was typed stays in the field");
    assert_eq!(form.json()["potential_victim"]["claimed_age"], "about sixteen", "saved as typed");
    // An impossible date and a malformed email too.
    let dated = form.continue_with(
        WHEN,
        &[
            ("/exploitation/began_on#day", "31"),
            ("/exploitation/began_on#month", "2"),
            ("/exploitation/began_on#year", "2025"),
        ],
    );
    assert_eq!(dated.status, 200, "{}", dated.brief());
    assert_eq!(form.json()["exploitation"]["began_on"], "2025-02-31");
    let email = form.continue_with(
        &form.page_asking("/first_responder/email"),
        &[("/first_responder/email", "priya at the council")],
    );
    assert_eq!(email.status, 200, "{}", email.brief());
    assert_eq!(form.json()["first_responder"]["email"], "priya at the council");
    // A town the service does not list: kept as typed, with the nearest entries on its page.
    let towns = form.page_asking("/exploitation/uk_towns/0");
    let listed = form.continue_with(&towns, &[("/exploitation/uk_towns/0", "Bostn"), ("/exploitation/uk_towns/1", "")]);
    assert_eq!(listed.status, 200, "{}", listed.brief());
    let text = form_support::unescape(&listed.body);
    assert!(text.contains("SVC003") || text.contains("no such entry"), "the page says the list has no such entry");
    assert!(text.contains("did you mean <code>Boston</code>"), "and names the nearest entry: {}", listed.brief());
    let input = tags(&listed.body).into_iter().find(|t| t.get("name") == Some("/exploitation/uk_towns/0")).unwrap();
    assert_eq!(input.get("value"), Some("Bostn"), "what was typed stays in the field");
    assert_eq!(form.json()["exploitation"]["uk_towns"], json!(["Bostn"]), "saved as typed");
    // Every other answer is still there.
    let mut expected = example();
    expected["potential_victim"]["claimed_age"] = json!("about sixteen");
    expected["exploitation"]["began_on"] = json!("2025-02-31");
    expected["first_responder"]["email"] = json!("priya at the council");
    expected["exploitation"]["uk_towns"] = json!(["Bostn"]);
    assert_eq!(form.json(), expected);
}

#[test]
fn members_the_form_does_not_ask_are_kept_and_listed() {
    let mut value = example();
    value["zz_local_note"] = json!("x");
    value["potential_victim"]["zz_local_note"] = json!("kept inside");
    value["potential_victim"]["zz_extra"] = json!({"a": [1, "b", null], "c": {"d": true}});
    // Asked of an adult only: the form does not show it for this child.
    value["consent"] = json!({"given": true});
    let (_folder, draft) = folder_with(Some(&serde_json::to_vec_pretty(&value).unwrap()));
    let form = Form::open(&draft);
    for asked in ["/potential_victim/given_names", "/potential_victim/gender", "/exploitation/when"] {
        let page = form.page_asking(asked);
        let response = form.continue_with(&page, &[]);
        assert_eq!(response.status, 303, "{page}: {}", response.brief());
    }
    let saved = form.json();
    assert_eq!(saved, value, "every member kept untouched");
    let check = form.get("/check");
    assert_eq!(check.status, 200);
    let codes: Vec<String> =
        tags(&check.body).iter().filter(|t| t.name == "code").map(|t| form_support::content(&check.body, t)).collect();
    for pointer in ["/zz_local_note", "/potential_victim/zz_local_note", "/potential_victim/zz_extra", "/consent/given"]
    {
        assert!(
            codes.iter().any(|c| c == pointer || c.starts_with(&format!("{pointer}/"))),
            "check your answers lists {pointer}: {codes:?}"
        );
    }
    assert!(check.body.contains("INP003"), "the unknown members' finding is reported");
}

/// The items of a list (evidence) are read back from their page's inputs: a member of an item
/// that the page has no input for is kept all the same.
#[test]
fn an_unknown_member_inside_an_item_is_kept() {
    let mut value = example();
    value["evidence"][0]["zz_local_note"] = json!("filed with the police's copy");
    let (_folder, draft) = folder_with(Some(&serde_json::to_vec_pretty(&value).unwrap()));
    let form = Form::open(&draft);
    let response = form.continue_with(&form.page_asking("/evidence/0/file"), &[]);
    assert_eq!(response.status, 303, "{}", response.brief());
    assert_eq!(form.json()["evidence"], value["evidence"], "the item keeps its unknown member");
}

/// A value written by hand that is not one of the question's codes cannot be shown by its
/// radios or checkboxes; a Continue of its page as shown must not drop it ("a value that
/// fails its checks is saved as typed ... never dropped").
#[test]
fn a_code_the_page_cannot_show_is_not_dropped_by_a_continue() {
    let mut value = example();
    value["potential_victim"]["gender"] = json!("femal");
    value["potential_victim"]["asylum_seeking"] = json!("yes");
    value["exploitation"]["kinds"] = json!(["forced_to_commit_crime", "cannabis"]);
    // What `nrm migrate` keeps of a version 2 draft where the service has no such option.
    value["exploitation"]["location"] = json!("unknown");
    let (_folder, draft) = folder_with(Some(&serde_json::to_vec_pretty(&value).unwrap()));
    let form = Form::open(&draft);
    let mut changed = Vec::new();
    let pointers = [
        "/potential_victim/gender",
        "/potential_victim/asylum_seeking",
        "/exploitation/kinds",
        "/exploitation/location",
    ];
    for pointer in pointers {
        let page = form.page_asking(pointer);
        form.continue_with(&page, &[]);
        let saved = form.json().pointer(pointer).cloned();
        if saved.as_ref() != value.pointer(pointer) {
            changed.push(format!("{page}: {pointer} was {}, saved {saved:?}", value.pointer(pointer).unwrap()));
        }
    }
    assert!(changed.is_empty(), "a Continue of the page as shown keeps what was written: {changed:#?}");
}

#[test]
fn a_file_changed_on_disk_is_not_written_over() {
    let (folder, draft) = copy_of(CHILD);
    let form = Form::open(&draft);
    let page = form.get(WHEN);
    assert_eq!(page.status, 200);
    let finish = form.get("/finish");
    assert_eq!(finish.status, 200);
    // Another program changes the file after the pages were shown.
    let mut theirs = example();
    theirs["reference"] = json!("LCC-2026-0099");
    theirs["exploitation"]["when"] = json!("Their edit, made in a text editor");
    let their_bytes = serde_json::to_vec_pretty(&theirs).unwrap();
    fs::write(&draft, &their_bytes).unwrap();
    let mut sent: Vec<(String, String)> =
        form_fields(&page.body).into_iter().filter(|(n, _)| n != "/exploitation/when").collect();
    sent.push(("/exploitation/when".into(), "My answer, typed in the form".into()));
    let action = form_action(&page.body).unwrap();
    let response = form.post(&action, &sent);
    assert_eq!(response.status, 409, "the Continue is refused: {}", response.brief());
    assert!(response.body.contains("changed"), "the page says the file changed");
    assert_eq!(fs::read(&draft).unwrap(), their_bytes, "the other program's change is kept, byte for byte");
    assert_eq!(names_in(folder.path()), ["draft.json"]);
    // Finish from the page shown before the change makes no package of a draft not seen.
    let out = folder.path().join("out");
    let finished = finish_into(&form, &finish, &out);
    assert!(!finished.body.contains("Package created"), "{}", finished.brief());
    assert!(!out.join("LCC-2026-0099").exists() && !out.join("LCC-2026-0042").exists(), "no package");
    // Shown afresh, the page offers their answer, and a Continue from it is taken.
    let again = form.continue_with(WHEN, &[]);
    assert_eq!(again.status, 303, "{}", again.brief());
    assert_eq!(form.json(), theirs);
    // A file the other program left broken is not written over either.
    let page = form.get(WHEN);
    let broken = b"{\n  \"format_version\": 2,\n  \"reference\": \"LCC-2026-0099\",\n".to_vec();
    fs::write(&draft, &broken).unwrap();
    let refused = form.post(WHEN, &form_fields(&page.body));
    assert_ne!(refused.status, 303, "{}", refused.brief());
    assert_eq!(fs::read(&draft).unwrap(), broken, "the broken file is left for its author to mend");
    let left: Vec<String> = names_in(folder.path()).into_iter().filter(|n| n != "out").collect();
    assert_eq!(left, ["draft.json"], "no temporary file is left");
}

/// "Nothing is lost on either side": the answers typed on a page whose Continue is refused
/// come back with the refusal, so that they can be given again.
#[test]
fn a_refused_continue_gives_back_what_was_typed() {
    let (_folder, draft) = copy_of(CHILD);
    let form = Form::open(&draft);
    let page = form.get(WHEN);
    let mut theirs = example();
    theirs["reference"] = json!("LCC-2026-0099");
    fs::write(&draft, serde_json::to_vec_pretty(&theirs).unwrap()).unwrap();
    let typed = "Typed in the form, while the file was edited elsewhere";
    let mut sent: Vec<(String, String)> =
        form_fields(&page.body).into_iter().filter(|(n, _)| n != "/exploitation/when").collect();
    sent.push(("/exploitation/when".into(), typed.into()));
    let response = form.post(WHEN, &sent);
    assert_eq!(response.status, 409, "{}", response.brief());
    assert!(
        form_support::unescape(&response.body).contains(typed),
        "the refusal shows what was typed, which no file holds: {}",
        response.brief()
    );
}

#[test]
fn opening_the_file_again_resumes_with_the_saved_answers() {
    let (_folder, draft) = copy_of(CHILD);
    let text = "Saved in the first session, to be seen in the second";
    {
        let mut first = Form::open(&draft);
        let response = first.continue_with(
            WHEN,
            &[
                ("/exploitation/when", text),
                ("/exploitation/began_on#day", "2"),
                ("/exploitation/began_on#month", "9"),
                ("/exploitation/began_on#year", "2025"),
            ],
        );
        assert_eq!(response.status, 303, "{}", response.brief());
        assert_eq!(first.terminate().status.code(), Some(0));
    }
    let second = Form::open(&draft);
    assert_eq!(second.get("/").location(), Some("/tasks"), "past the start, to the task list");
    let page = second.get(WHEN);
    let shown: BTreeMap<String, String> = form_fields(&page.body).into_iter().collect();
    assert_eq!(shown.get("/exploitation/when").map(|s| s.replace("\r\n", "\n")), Some(text.to_owned()));
    assert_eq!(shown.get("/exploitation/began_on#day").map(String::as_str), Some("2"));
    assert_eq!(shown.get("/exploitation/began_on#month").map(String::as_str), Some("9"));
    assert_eq!(shown.get("/exploitation/began_on#year").map(String::as_str), Some("2025"));
    let more = second.get(&second.page_asking("/exploitation/more_than_one"));
    let shown: BTreeMap<String, String> = form_fields(&more.body).into_iter().collect();
    assert_eq!(shown.get("/exploitation/more_than_one").map(String::as_str), Some("no"), "the radio stays chosen");
    let towns = second.get(&second.page_asking("/exploitation/uk_towns/0"));
    let shown: Vec<(String, String)> = form_fields(&towns.body)
        .into_iter()
        .filter(|(n, v)| n.starts_with("/exploitation/uk_towns") && !v.is_empty())
        .collect();
    assert_eq!(shown, [("/exploitation/uk_towns/0".to_owned(), "Boston".to_owned())], "the list, an entry an input");
    let names = second.get(&second.page_asking("/potential_victim/given_names"));
    let shown: BTreeMap<String, String> = form_fields(&names.body).into_iter().collect();
    assert_eq!(shown.get("/potential_victim/given_names").map(String::as_str), Some("Văn Minh"));
    assert_eq!(shown.get("/potential_victim/family_name").map(String::as_str), Some("Nguyễn"));
}

#[test]
fn a_version_1_or_2_draft_is_migrated_as_nrm_migrate_does() {
    for (older, example) in [(1, "examples/v1/child-england-pass.json"), (2, "examples/v2/adult-scotland-pass.json")] {
        let (_folder, draft) = copy_of(example);
        fs::set_permissions(&draft, fs::Permissions::from_mode(0o644)).unwrap();
        let inode = fs::metadata(&draft).unwrap().ino();
        let form = Form::open(&draft);
        let migrated = nrm().arg("migrate").arg(&draft).output().unwrap();
        assert!(migrated.status.success(), "{}", String::from_utf8_lossy(&migrated.stderr));
        for address in ["/", "/tasks", "/check", "/finish", "/section/exploitation/1"] {
            let offer = form.get(address);
            assert_eq!(offer.status, 200, "{example}: {address}: {}", offer.brief());
            assert!(offer.body.contains(&format!("format version {older}")), "{address} names the draft's version");
            assert!(offer.body.contains("version 3"), "{address} mentions version 3");
            assert_eq!(form_action(&offer.body).as_deref(), Some("/migrate"), "{address}: a form posting to /migrate");
        }
        assert_eq!(form.json()["format_version"], older, "offered, not done");
        let offer = form.get("/");
        let response = form.post("/migrate", &form_fields(&offer.body));
        assert!(response.status == 303 || response.status == 200, "{}", response.brief());
        assert_eq!(form.json()["format_version"], 3);
        assert_eq!(fs::read(&draft).unwrap(), migrated.stdout, "{example}: the draft `nrm migrate` writes");
        let metadata = fs::metadata(&draft).unwrap();
        assert_eq!(metadata.permissions().mode() & 0o777, 0o600, "mode 0600");
        assert_ne!(metadata.ino(), inode, "a new file renamed over the old (never written in place)");
        assert_eq!(names_in(draft.parent().unwrap()), ["draft.json"], "nothing is left beside the draft");
        let (report, _) = check_json(&[draft.to_str().unwrap()]);
        assert!(!rule_ids(&report).contains(&"INP006".to_owned()), "checked as format 3: {report}");
        assert_eq!(form.get("/tasks").status, 200, "the form goes on to its task list");
    }
}

/// The files of a package folder, by name.
fn package_files(folder: &Path) -> BTreeMap<String, Vec<u8>> {
    fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap())
        .map(|e| (e.file_name().to_string_lossy().into_owned(), fs::read(e.path()).unwrap()))
        .collect()
}

/// Presses Finish on the Finish page `finish`, with the package folder `out` typed in.
fn finish_into(form: &Form, finish: &Response, out: &Path) -> Response {
    let mut sent: Vec<(String, String)> = form_fields(&finish.body).into_iter().filter(|(n, _)| n != "_out").collect();
    sent.push(("_out".into(), out.to_str().unwrap().to_owned()));
    form.post("/finish", &sent)
}

#[test]
fn finish_writes_the_package_nrm_render_writes() {
    let epoch = ("SOURCE_DATE_EPOCH", "1795000000");
    let (form_folder, draft) = copy_of(CHILD);
    let (render_folder, render_draft) = copy_of(CHILD);
    let mut form = Form::start_with(&draft, &[], &[epoch]);
    form.log_in();
    let finish = form.get("/finish");
    assert_eq!(finish.status, 200, "{}", finish.brief());
    assert_eq!(form_action(&finish.body).as_deref(), Some("/finish"));
    let out = form_folder.path().join("from-the-form");
    let response = finish_into(&form, &finish, &out);
    assert_eq!(response.status, 200, "{}", response.brief());
    assert!(response.body.contains("Package created"), "{}", response.brief());
    let rendered = render_folder.path().join("from-render");
    let output = nrm()
        .env(epoch.0, epoch.1)
        .args(["render", "--today", TODAY, "--out"])
        .arg(&rendered)
        .arg(&render_draft)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let from_form = package_files(&out.join("LCC-2026-0042"));
    let from_render = package_files(&rendered.join("LCC-2026-0042"));
    let names: Vec<&String> = from_form.keys().collect();
    assert_eq!(
        names,
        ["manifest.json", "online-service.json", "referral.html", "referral.json", "referral.pdf"],
        "the package's files"
    );
    assert_eq!(from_form.keys().collect::<Vec<_>>(), from_render.keys().collect::<Vec<_>>());
    for (name, bytes) in &from_form {
        assert!(bytes == &from_render[name], "{name} is byte for byte what `nrm render` writes");
    }
    assert_eq!(fs::read(&draft).unwrap(), fs::read(fixture(CHILD)).unwrap(), "Finish leaves the draft as it is");
}

/// Finish is a run of its own: like `nrm render`, it first removes what a killed run left in
/// the folder it writes to, and says so with counts alone.
#[test]
fn finish_first_removes_what_a_killed_run_left_in_the_folder() {
    let (folder, draft) = copy_of(CHILD);
    let out = folder.path().join("packages");
    fs::create_dir_all(out.join(".nrm-Ab12Cd")).unwrap();
    fs::write(out.join(".nrm-Ab12Cd/referral.pdf"), b"part of a package").unwrap();
    fs::write(out.join(".nrm-Ef34Gh"), b"part of a file").unwrap();
    let mut form = Form::start_with(&draft, &[], &[]);
    form.log_in();
    let finish = form.get("/finish");
    let response = finish_into(&form, &finish, &out);
    assert!(response.body.contains("Package created"), "{}", response.brief());
    let left: Vec<String> =
        fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(left, ["LCC-2026-0042"], "only the package is in the folder");
    let ended = form.terminate();
    assert!(
        ended
            .stderr
            .contains("nrm: removed 1 temporary folder and 1 temporary file left by an earlier run that was stopped"),
        "{}",
        ended.stderr
    );
    assert!(!ended.stderr.contains(out.to_str().unwrap()), "the note names no folder: {}", ended.stderr);
}

#[test]
fn a_draft_with_an_error_gets_no_package() {
    let (folder, draft) = copy_of("examples/child-fail.json");
    let form = Form::open(&draft);
    let finish = form.get("/finish");
    assert_eq!(finish.status, 200, "{}", finish.brief());
    assert!(finish.body.contains("finding-error"), "the page says what is left");
    let out = folder.path().join("out");
    let version = form_support::hidden(&form.get(WHEN).body, "_version").unwrap();
    let sent = vec![
        ("_token".to_owned(), form.form_token()),
        ("_version".to_owned(), version),
        ("_out".to_owned(), out.to_str().unwrap().to_owned()),
    ];
    let response = form.post("/finish", &sent);
    assert_eq!(response.status, 200, "{}", response.brief());
    assert!(!response.body.contains("Package created"), "{}", response.brief());
    let made = out.exists() && fs::read_dir(&out).unwrap().next().is_some();
    assert!(!made, "no package");
}
