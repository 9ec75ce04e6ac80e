//! The README's safety promises that no other test holds `nrm` to: packages, `email.eml` and
//! migrated drafts synced before they are named, SIGTERM in the middle of a render, no draft
//! value in what `render` and `email` print, a package that is not its manifest never emailed,
//! `none` taken only for this machine, a refused connection recording nothing as sent, `check`
//! touching nothing, and the guided form's token, `Host` check, Ctrl-C, Close and Finish.

mod form_support;
mod support;

use form_support::{Form, copy_of, form_fields};
use serde_json::{Value, json};
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};
use support::{TODAY, fixture, nrm};

const CHILD: &str = "examples/child-england-pass.json";
const SCA: &str = "sca@example.org";

fn example(name: &str) -> Value {
    serde_json::from_slice(&fs::read(fixture(name)).unwrap()).unwrap()
}

fn text(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr)
}

/// A temporary folder by its real path, as the kernel (and so strace) names it.
fn real_tempdir() -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().canonicalize().unwrap();
    (folder, path)
}

fn render(out: &Path, drafts: &[&Path], extra: &[&str]) -> Output {
    nrm().args(["render", "--today", TODAY, "--out"]).arg(out).args(extra).args(drafts).output().unwrap()
}

/// The child example rendered into `folder/packages`; the package's path.
fn package_in(folder: &Path) -> PathBuf {
    let out = folder.join("packages");
    let rendered = render(&out, &[&fixture(CHILD)], &[]);
    assert!(rendered.status.success(), "{}", text(&rendered));
    out.join("LCC-2026-0042")
}

// ---------------------------------------------------------------------------------------------
// Packages: synced, renamed into place only when whole, and so under SIGTERM too.

/// The file system calls of a run that make data durable or give it its name, as strace shows
/// them (`-y`: each descriptor with its path), one call a line, in the order made.
fn traced(args: &[&str]) -> Vec<String> {
    let (_folder, dir) = real_tempdir();
    let log = dir.join("trace");
    let status = Command::new("strace")
        .args(["-f", "-y", "-s", "4096", "-e", "trace=fsync,fdatasync,rename,renameat,renameat2,link,linkat", "-o"])
        .arg(&log)
        .arg(env!("CARGO_BIN_EXE_nrm"))
        .args(args)
        .env_remove("NRM_CONFIG")
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("strace is installed (apt-get install strace)");
    assert!(status.success(), "nrm {args:?} under strace: {status}");
    let trace = fs::read_to_string(&log).unwrap();
    trace.lines().filter(|l| ["fsync(", "rename", "link"].iter().any(|c| l.contains(c))).map(str::to_owned).collect()
}

/// The position of the first call that holds every one of `parts`.
fn position(calls: &[String], parts: &[&str]) -> usize {
    calls.iter().position(|c| parts.iter().all(|p| c.contains(p))).unwrap_or_else(|| {
        panic!("no call with {parts:?} in:\n{}", calls.join("\n"));
    })
}

#[test]
fn packages_emails_and_new_files_are_synced_before_they_are_named() {
    let (_folder, dir) = real_tempdir();
    let out = dir.join("packages");
    let out_text = out.to_str().unwrap().to_owned();
    let calls =
        traced(&["render", "--today", TODAY, "--jobs", "1", "--out", &out_text, fixture(CHILD).to_str().unwrap()]);
    let staging = format!("{out_text}/.nrm-");
    // The rename that gives the package its name: from the temporary folder.
    let named = position(&calls, &["rename", &format!("\"{staging}"), &format!("\"{out_text}/LCC-2026-0042\"")]);
    for file in nrm::render::FILES {
        let synced = position(&calls, &["fsync(", &staging, &format!("/{file}>")]);
        assert!(synced < named, "{file} is synced before the package is named:\n{}", calls.join("\n"));
    }
    // The folder itself: a descriptor whose path is the temporary folder, nothing below it.
    let folder_synced = calls
        .iter()
        .position(|c| {
            c.contains("fsync(")
                && c.split_once(&format!("<{staging}"))
                    .is_some_and(|(_, rest)| !rest.split('>').next().unwrap().contains('/'))
        })
        .expect("the temporary folder itself is synced");
    assert!(folder_synced < named, "the temporary folder is synced before it is renamed");
    let out_synced = position(&calls, &["fsync(", &format!("<{out_text}>)")]);
    assert!(out_synced > named, "the output folder is synced after the rename, so the name is durable");

    // email.eml: a private temporary file in the package, synced, renamed over, the folder synced.
    let package = out.join("LCC-2026-0042");
    let package_text = package.to_str().unwrap().to_owned();
    let calls = traced(&["email", "--to", SCA, &package_text]);
    let temporary = format!("{package_text}/.nrm-");
    let synced = position(&calls, &["fsync(", &temporary]);
    let named = position(&calls, &["rename", &format!("\"{temporary}"), &format!("\"{package_text}/email.eml\"")]);
    let folder_synced = position(&calls, &["fsync(", &format!("<{package_text}>)")]);
    assert!(synced < named && named < folder_synced, "email.eml is synced, then named, then its folder synced");

    // nrm migrate --out, new --out and check --out: a private temporary file, synced, then given
    // its name only if free, then the folder synced.
    let v1 = fixture("examples/v1/child-fail.json");
    let draft = fixture("examples/child-england-pass.json");
    for (name, command) in [
        ("migrated.json", vec!["migrate", v1.to_str().unwrap(), "--out"]),
        ("new.json", vec!["new", "--child", "--out"]),
        ("report.html", vec!["check", "--format", "html", "--today", TODAY, draft.to_str().unwrap(), "--out"]),
    ] {
        let written = dir.join(name);
        let written_text = written.to_str().unwrap().to_owned();
        let calls = traced(&[&command[..], &[&written_text]].concat());
        let temporary = format!("{}/.nrm-new-", dir.display());
        let synced = position(&calls, &["fsync(", &temporary]);
        let named = position(&calls, &[&format!("\"{temporary}"), &format!("\"{written_text}\"")]);
        let folder_synced = position(&calls, &["fsync(", &format!("<{}>)", dir.display())]);
        assert!(synced < named && named < folder_synced, "{name} is synced, then named, then its folder synced");
    }
}

/// A folder of passing drafts, each with its own reference.
fn batch(folder: &Path, count: usize) -> PathBuf {
    let drafts = folder.join("drafts");
    fs::create_dir(&drafts).unwrap();
    let mut draft = example("examples/adult-scotland-pass.json");
    for i in 0..count {
        draft["reference"] = json!(format!("TERM-{i:04}"));
        fs::write(drafts.join(format!("{i:04}.json")), serde_json::to_vec_pretty(&draft).unwrap()).unwrap();
    }
    drafts
}

/// The names in a folder, sorted (none when it does not exist yet).
fn entries(out: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(out)
        .map_or(Vec::new(), |d| d.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect());
    names.sort();
    names
}

/// Sends SIGTERM to the run once `ready` holds for the output folder and the time since the
/// start, and returns its exit code.
fn terminate_when(mut child: Child, out: &Path, ready: impl Fn(&[String], Duration) -> bool) -> Option<i32> {
    let started = Instant::now();
    while !ready(&entries(out), started.elapsed()) && started.elapsed() < Duration::from_secs(60) {
        assert!(child.try_wait().unwrap().is_none(), "the run ended before it was stopped");
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap().success());
    child.wait().unwrap().code()
}

fn start_render(out: &Path, drafts: &Path, force: bool) -> Child {
    let mut command = nrm();
    command.args(["render", "--today", TODAY, "--jobs", "2", "--out"]).arg(out).arg(drafts);
    if force {
        command.arg("--force");
    }
    command.stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap()
}

/// Every entry of the output folder is a whole package (its files match its manifest), and no
/// temporary folder is left.
fn only_whole_packages(out: &Path, when: &str) -> Vec<String> {
    let names = entries(out);
    for name in &names {
        assert!(name.starts_with("TERM-"), "{when}: a temporary folder is left: {name}");
        assert!(nrm::package::verify(&out.join(name)).is_ok(), "{when}: {name} is not whole");
    }
    names
}

#[test]
fn sigterm_stops_a_render_with_only_whole_packages_and_no_temporary_folder() {
    const DRAFTS: usize = 120;
    let folder = tempfile::tempdir().unwrap();
    let drafts = batch(folder.path(), DRAFTS);
    let out = folder.path().join("packages");

    let code = terminate_when(start_render(&out, &drafts, false), &out, |names, _| names.len() >= 5);
    assert_eq!(code, Some(130), "SIGTERM stops the run with 130");
    let written = only_whole_packages(&out, "after SIGTERM");
    assert!(written.len() < DRAFTS, "the run stopped part-way ({})", written.len());

    // The rest, then a --force run over all of them, stopped while it is replacing packages.
    let rest = render(&out, &[&drafts], &[]);
    assert_eq!(rest.status.code(), Some(2), "the packages there are refused: {}", text(&rest));
    assert_eq!(only_whole_packages(&out, "after the rest").len(), DRAFTS);
    // A temporary lives briefly: stopped when one is seen, or a moment in, when several are made.
    let code = terminate_when(start_render(&out, &drafts, true), &out, |names, elapsed| {
        names.iter().any(|n| n.starts_with(".nrm-")) || elapsed > Duration::from_millis(600)
    });
    assert_eq!(code, Some(130), "SIGTERM stops a --force run with 130");
    assert_eq!(only_whole_packages(&out, "after SIGTERM of --force").len(), DRAFTS, "no package is lost");
}

// ---------------------------------------------------------------------------------------------
// No value from the draft in what `render` and `email` print.

/// Values no text of the tool holds, put in the members that identify the child.
const SENTINELS: [&str; 9] = [
    "Zebedee",
    "Quillfeather",
    "Marigoldine",
    "Thistlewaite",
    "zebedee.quillfeather",
    "01632 960 417",
    "Pemberton-Oakhurst",
    "Sunflower Lane",
    "Hollyhock Farm",
];

fn with_sentinels(mut draft: Value) -> Value {
    draft["potential_victim"]["given_names"] = json!("Zebedee Marigoldine");
    draft["potential_victim"]["family_name"] = json!("Quillfeather");
    draft["potential_victim"]["nickname"] = json!("Thistlewaite");
    draft["first_responder"]["last_name"] = json!("Pemberton-Oakhurst");
    draft["first_responder"]["phone"] = json!("01632 960 417");
    draft["professional"]["insight"] = json!("He was kept at Hollyhock Farm and moved to Sunflower Lane.");
    draft
}

/// A child example with its identifying members set to sentinels, and a failing one whose wrong
/// answers hold sentinels too, where a message might be tempted to quote them.
fn sentinel_drafts(folder: &Path) -> Vec<PathBuf> {
    let passing = with_sentinels(example(CHILD));
    let mut failing = with_sentinels(example(CHILD));
    failing["reference"] = json!("LCC-2026-0043");
    failing["potential_victim"]["claimed_age"] = json!("Zebedee is about sixteen");
    failing["potential_victim"]["gender"] = json!("Quillfeather");
    failing["potential_victim"]["date_of_birth"] = json!("2010-02-31");
    failing["first_responder"]["email"] = json!("zebedee.quillfeather@gmail.com");
    // What the service would refuse or change (SVC003, SVC004, SVC006).
    failing["potential_victim"]["current_location"]["town"] = json!("Sunflower Lane");
    failing["exploitation"]["last_contact_details"] = json!("He wrote from zebedee.quillfeather@example.org.");
    failing["potential_victim"]["nickname"] = json!("Thistlewaite <Hollyhock Farm>");
    let mut broken = serde_json::to_string_pretty(&with_sentinels(example("examples/child-fail.json"))).unwrap();
    broken.push_str("\n\"Marigoldine\"");
    [
        ("pass.json", serde_json::to_string_pretty(&passing).unwrap()),
        ("fail.json", serde_json::to_string_pretty(&failing).unwrap()),
        ("broken.json", broken),
    ]
    .into_iter()
    .map(|(name, draft)| {
        let path = folder.join(name);
        fs::write(&path, draft).unwrap();
        path
    })
    .collect()
}

fn assert_no_sentinel(output: &str, what: &str) {
    for value in SENTINELS.iter().chain(&["2010-02-31", "31 February"]) {
        assert!(!output.contains(value), "{what} quotes {value:?}:\n{output}");
    }
}

#[test]
fn render_and_email_print_no_value_from_the_draft() {
    let folder = tempfile::tempdir().unwrap();
    let drafts = sentinel_drafts(folder.path());
    let paths: Vec<&Path> = drafts.iter().map(PathBuf::as_path).collect();
    let out = folder.path().join("packages");
    let first = render(&out, &paths, &[]);
    assert_eq!(first.status.code(), Some(1), "two drafts fail: {}", text(&first));
    assert!(text(&first).contains("error["), "the findings are printed: {}", text(&first));
    assert_no_sentinel(&text(&first), "render");
    // The folder is named by the reference, and the files by the tool.
    assert_eq!(entries(&out), ["LCC-2026-0042"]);
    let mut files = entries(&out.join("LCC-2026-0042"));
    files.sort();
    assert_eq!(files, ["manifest.json", "online-service.json", "referral.html", "referral.json", "referral.pdf"]);
    let again = render(&out, &paths, &["--jobs", "1"]);
    assert_eq!(again.status.code(), Some(2), "{}", text(&again));
    assert_no_sentinel(&text(&again), "render refusing an existing package");

    let package = out.join("LCC-2026-0042");
    let written = nrm().args(["email", "--to", SCA]).arg(&package).output().unwrap();
    assert!(written.status.success(), "{}", text(&written));
    assert_no_sentinel(&text(&written), "email");
    // The email itself: every header and the body, everything but the attached PDF.
    let raw = fs::read(package.join("email.eml")).unwrap();
    let message = mail_parser::MessageParser::default().parse(raw.as_slice()).unwrap();
    // The raw file (the PDF in it is base64) and the body as decoded, whatever its encoding.
    let body = message.body_text(0).unwrap().into_owned();
    assert_no_sentinel(&format!("{}\n{body}", String::from_utf8_lossy(&raw)), "the email");
    fs::write(package.join("referral.json"), b"{}").unwrap();
    let tampered = nrm().args(["email", "--to", SCA]).arg(&package).output().unwrap();
    assert_eq!(tampered.status.code(), Some(1));
    assert_no_sentinel(&text(&tampered), "email refusing a tampered package");
}

// ---------------------------------------------------------------------------------------------
// `nrm email`: the package is its manifest, or nothing is written or sent.

/// A config whose `[smtp]` points at a port where nothing listens: a send that got as far as
/// connecting would fail with exit 2, not 1.
fn config_to_nowhere(folder: &Path) -> PathBuf {
    let port = TcpListener::bind(("127.0.0.1", 0)).unwrap().local_addr().unwrap().port();
    let config = folder.join("nrm.toml");
    fs::write(&config, format!("[sca]\nemail = \"{SCA}\"\n[smtp]\nhost = \"127.0.0.1\"\nport = {port}\n")).unwrap();
    config
}

#[test]
fn a_package_with_a_missing_extra_or_resized_file_is_not_emailed() {
    let folder = tempfile::tempdir().unwrap();
    let config = config_to_nowhere(folder.path());
    let original = package_in(folder.path());
    type Change<'a> = (&'a str, &'a dyn Fn(&Path), &'a str);
    let changes: [Change; 4] = [
        ("missing", &|p| fs::remove_file(p.join("referral.html")).unwrap(), "referral.html"),
        ("extra", &|p| fs::write(p.join("notes.txt"), "x").unwrap(), "notes.txt: not in the manifest"),
        (
            "resized",
            &|p| {
                let mut file = fs::OpenOptions::new().append(true).open(p.join("referral.json")).unwrap();
                file.write_all(b"\n").unwrap();
            },
            "referral.json: size differs",
        ),
        ("no manifest", &|p| fs::remove_file(p.join("manifest.json")).unwrap(), "manifest.json"),
    ];
    for (what, change, said) in changes {
        let package = folder.path().join(what);
        fs::create_dir(&package).unwrap();
        for entry in fs::read_dir(&original).unwrap() {
            let entry = entry.unwrap();
            fs::copy(entry.path(), package.join(entry.file_name())).unwrap();
        }
        change(&package);
        let before = entries(&package);
        let refused = send(&config, &package);
        assert_eq!(refused.status.code(), Some(1), "{what}: refused before any connection: {}", text(&refused));
        assert!(text(&refused).contains(said), "{what}: says {said:?}: {}", text(&refused));
        assert_eq!(entries(&package), before, "{what}: nothing is written (no email.eml, no sent.json)");
    }
}

// ---------------------------------------------------------------------------------------------
// `nrm email --send`: `none` only to this machine; a failed connection records nothing.

/// A plain SMTP server on 127.0.0.1 that takes one message per connection, with no TLS and no
/// login: what `security = "none"` talks to. Each message's recipients and data are received.
fn plain_smtp_server() -> (u16, std::sync::mpsc::Receiver<(Vec<String>, String)>) {
    let listener = TcpListener::bind(("127.0.0.1", 0)).unwrap();
    let port = listener.local_addr().unwrap().port();
    let (inbox, received) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { return };
            let mut reply = stream.try_clone().unwrap();
            let mut lines = BufReader::new(stream);
            let mut say = |text: &str| reply.write_all(format!("{text}\r\n").as_bytes());
            let _ = say("220 localhost plain test server");
            let mut recipients = Vec::new();
            let mut line = String::new();
            while lines.read_line(&mut line).unwrap_or(0) > 0 {
                let command = line.trim_end().to_ascii_uppercase();
                let answer = if command.starts_with("EHLO") {
                    "250 localhost"
                } else if command.starts_with("RCPT TO:") {
                    recipients.push(line.trim_end()[8..].trim_matches(['<', '>', ' ']).to_owned());
                    "250 OK"
                } else if command == "DATA" {
                    let _ = say("354 go ahead");
                    let mut text = String::new();
                    while lines.read_line(&mut text).unwrap_or(0) > 0 && !text.ends_with("\r\n.\r\n") {}
                    let _ = inbox.send((std::mem::take(&mut recipients), text));
                    "250 queued"
                } else if command == "QUIT" {
                    let _ = say("221 bye");
                    break;
                } else {
                    "250 OK"
                };
                let _ = say(answer);
                line.clear();
            }
        }
    });
    (port, received)
}

#[test]
fn security_none_is_taken_for_a_server_on_this_machine() {
    let (port, received) = plain_smtp_server();
    let folder = tempfile::tempdir().unwrap();
    let package = package_in(folder.path());
    for (host, extra) in [("127.0.0.1", None), ("localhost", Some("--resend"))] {
        let config = folder.path().join("nrm.toml");
        fs::write(
            &config,
            format!("[sca]\nemail = \"{SCA}\"\n[smtp]\nhost = \"{host}\"\nport = {port}\nsecurity = \"none\"\n"),
        )
        .unwrap();
        let sent = nrm().args(["email", "--send", "--config"]).arg(&config).args(extra).arg(&package).output().unwrap();
        assert!(sent.status.success(), "{host}: {}", text(&sent));
        let (recipients, data) = received.recv_timeout(Duration::from_secs(20)).expect("the message arrived");
        assert_eq!(recipients, [SCA], "{host}");
        assert!(data.contains("Subject: NRM referral LCC-2026-0042"), "{host}: {data}");
        assert!(package.join("sent.json").exists(), "{host}: recorded as sent");
    }
}

#[test]
fn a_refused_connection_is_exit_2_and_nothing_is_recorded_as_sent() {
    let folder = tempfile::tempdir().unwrap();
    let package = package_in(folder.path());
    let config = config_to_nowhere(folder.path());
    let failed = send(&config, &package);
    assert_eq!(failed.status.code(), Some(2), "{}", text(&failed));
    assert!(text(&failed).contains("could not talk to the SMTP server"), "it says which: {}", text(&failed));
    assert!(!package.join("sent.json").exists(), "nothing is recorded as sent");
}

// ---------------------------------------------------------------------------------------------
// The guided form.

#[test]
fn the_forms_token_is_256_random_bits() {
    let (_folder, draft) = copy_of(CHILD);
    let tokens: Vec<String> = (0..3).map(|_| Form::start(&draft, &[]).token.clone()).collect();
    for token in &tokens {
        assert_eq!(token.len(), 64, "256 bits in hexadecimal: {token}");
        assert!(token.chars().all(|c| c.is_ascii_hexdigit()), "{token}");
        // 256 random bits hold, with near certainty, a good spread of hexadecimal digits.
        let distinct: std::collections::BTreeSet<char> = token.chars().collect();
        assert!(distinct.len() >= 8, "the digits look random: {token}");
    }
    assert!(tokens[0] != tokens[1] && tokens[1] != tokens[2] && tokens[0] != tokens[2], "a new token every run");
}

#[test]
fn another_host_two_hosts_or_an_address_naming_another_host_get_421() {
    let (_folder, draft) = copy_of(CHILD);
    let form = Form::open(&draft);
    let cookie = form.cookie.clone().unwrap();
    let own = form.host();
    let evil = format!("evil.example:{}", form.port);
    type Case<'a> = (&'a str, &'a str, Vec<(&'a str, &'a str)>);
    let cases: [Case; 5] = [
        ("another Host", "/tasks", vec![("Host", &evil)]),
        ("two Host headers, both its own", "/tasks", vec![("Host", &own), ("Host", &own)]),
        ("two Host headers, one another", "/tasks", vec![("Host", &own), ("Host", &evil)]),
        ("an address naming another host", "http://evil.example/tasks", vec![("Host", &own)]),
        ("an address naming another port", "http://127.0.0.1:1/tasks", vec![("Host", &own)]),
    ];
    for (what, path, mut headers) in cases {
        headers.push(("Cookie", &cookie));
        let response = form.send("GET", path, &headers, b"");
        assert_eq!(response.status, 421, "{what}: {}", response.brief());
        assert!(!response.body.contains("<form"), "{what}: no page");
    }
    // The form's own address in full is served, so the refusals above are the Host check's.
    let own_address = format!("http://{own}/tasks");
    assert_eq!(form.send("GET", &own_address, &[("Host", &own), ("Cookie", &cookie)], b"").status, 200);
}

#[test]
fn ctrl_c_and_close_the_form_stop_it_with_every_answer_saved() {
    let (_folder, draft) = copy_of(CHILD);
    let mut form = Form::open(&draft);
    let typed = "Since the spring, by the canal";
    let response = form.continue_with(&form.page_asking("/exploitation/when"), &[("/exploitation/when", typed)]);
    assert_eq!(response.status, 303, "{}", response.brief());
    assert!(Command::new("kill").args(["-INT", &form.pid().to_string()]).status().unwrap().success());
    let ended = form.wait_for_exit(Duration::from_secs(20)).expect("nrm form stops on Ctrl-C (SIGINT)");
    assert_eq!(ended.status.code(), Some(0), "{}", ended.stderr);
    assert_eq!(form.json()["exploitation"]["when"], typed, "the answer is in the file");

    let mut form = Form::open(&draft);
    let token = form.form_token();
    let closed = form.post("/close", &[("_token".to_owned(), token)]);
    assert_eq!(closed.status, 200, "{}", closed.brief());
    let ended = form.wait_for_exit(Duration::from_secs(20)).expect("Close the form stops it");
    assert_eq!(ended.status.code(), Some(0), "{}", ended.stderr);
    assert_eq!(form.json()["exploitation"]["when"], typed);
}

/// Posts the Finish page's form, into `out`, with the email box ticked or not.
fn finish(form: &Form, out: &Path, email: bool) -> form_support::Response {
    let page = form.get("/finish");
    assert_eq!(page.status, 200, "{}", page.brief());
    let mut sent: Vec<(String, String)> =
        form_fields(&page.body).into_iter().filter(|(n, _)| n != "_out" && n != "_email").collect();
    sent.push(("_out".into(), out.to_str().unwrap().to_owned()));
    if email {
        sent.push(("_email".into(), "yes".into()));
    }
    form.post("/finish", &sent)
}

#[test]
fn finish_never_writes_over_a_package_and_writes_the_email_only_when_asked() {
    let (folder, draft) = copy_of(CHILD);
    let config = folder.path().join("nrm.toml");
    fs::write(&config, format!("[sca]\nemail = \"{SCA}\"\n")).unwrap();
    let mut form = Form::start(&draft, &["--config", config.to_str().unwrap()]);
    form.log_in();
    assert!(form.get("/finish").body.contains("name=\"_email\""), "with the SCA in the config, the page offers it");

    let plain = folder.path().join("plain");
    let made = finish(&form, &plain, false);
    assert!(made.body.contains("Package created"), "{}", made.brief());
    assert!(!plain.join("LCC-2026-0042/email.eml").exists(), "no email unless asked");
    let mark = plain.join("LCC-2026-0042/mark");
    fs::write(&mark, "kept").unwrap();
    let again = finish(&form, &plain, true);
    assert!(!again.body.contains("Package created"), "{}", again.brief());
    assert!(again.body.contains("exists already: choose another folder"), "the page says so: {}", again.brief());
    assert!(mark.exists() && !plain.join("LCC-2026-0042/email.eml").exists(), "the old package is untouched");
    assert_eq!(entries(&plain), ["LCC-2026-0042"], "no temporary folder is left");

    let emailed = folder.path().join("emailed");
    let made = finish(&form, &emailed, true);
    assert!(made.body.contains("Package created"), "{}", made.brief());
    let raw = fs::read_to_string(emailed.join("LCC-2026-0042/email.eml")).expect("asked, the email is written");
    assert!(raw.contains(&format!("To: {SCA}")), "{raw}");

    // Without the SCA in the config, the box is not offered and a posted one writes no email.
    let (bare_folder, bare_draft) = copy_of(CHILD);
    let form = Form::open(&bare_draft);
    assert!(!form.get("/finish").body.contains("name=\"_email\""), "no SCA, no offer");
    let out = bare_folder.path().join("out");
    let made = finish(&form, &out, true);
    assert!(made.body.contains("Package created"), "{}", made.brief());
    assert!(!out.join("LCC-2026-0042/email.eml").exists(), "no SCA, no email");
}

// ---------------------------------------------------------------------------------------------
// `nrm check` writes nothing and removes nothing.

/// Every entry below a folder with its kind, size and modification time.
fn snapshot(folder: &Path, out: &mut Vec<(PathBuf, bool, u64, std::time::SystemTime)>) {
    for entry in fs::read_dir(folder).unwrap() {
        let entry = entry.unwrap();
        let metadata = entry.metadata().unwrap();
        out.push((entry.path(), metadata.is_dir(), metadata.len(), metadata.modified().unwrap()));
        if metadata.is_dir() {
            snapshot(&entry.path(), out);
        }
    }
}

#[test]
fn check_leaves_a_folder_with_a_killed_runs_temporaries_as_it_is() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("packages");
    package_in(folder.path());
    // What a killed render and a killed email leave: a sweep would remove both.
    fs::create_dir(out.join(".nrm-a1B2c3")).unwrap();
    fs::write(out.join(".nrm-a1B2c3/referral.json"), b"{}").unwrap();
    fs::write(out.join("LCC-2026-0042/.nrm-q1w2e3"), b"half an email").unwrap();
    fs::copy(fixture(CHILD), folder.path().join("draft.json")).unwrap();
    let mut before = Vec::new();
    snapshot(folder.path(), &mut before);
    before.sort();
    for format in ["human", "json", "sarif", "junit", "github"] {
        let checked = nrm().args(["check", "--today", TODAY, "--format", format]).arg(folder.path()).output().unwrap();
        assert!(checked.status.code().is_some(), "{format}: {}", text(&checked));
    }
    let mut after = Vec::new();
    snapshot(folder.path(), &mut after);
    after.sort();
    assert_eq!(after, before, "nothing was written, changed or removed");
}

/// `nrm email --send` of a package with a config, and a password that is never used.
fn send(config: &Path, package: &Path) -> Output {
    nrm()
        .env("NRM_SMTP_PASSWORD", "unused")
        .args(["email", "--send", "--config"])
        .arg(config)
        .arg(package)
        .output()
        .unwrap()
}
