//! `nrm email` against a real SMTP server on loopback (tests/smtp_server.py: aiosmtpd with
//! STARTTLS required, a login, and a certificate from a CA made for the run).

mod support;

use mail_parser::{MessageParser, MimeHeaders};
use serde_json::Value;
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use support::{TODAY, fixture, nrm, project};

const PASSWORD: &str = "correct horse battery staple";
const SCA: &str = "sca@example.org";

/// The test SMTP server, stopped when dropped.
struct Server {
    child: Child,
    port: u16,
    ca: PathBuf,
    inbox: PathBuf,
    _folder: tempfile::TempDir,
}

impl Server {
    fn start(implicit_tls: bool, refuse: &[&str]) -> Server {
        let folder = tempfile::tempdir().unwrap();
        let inbox = folder.path().join("inbox");
        fs::create_dir(&inbox).unwrap();
        let ca = folder.path().join("ca.pem");
        let python = project().join("target/tools/venv/bin/python");
        let mut command = Command::new(if python.exists() { python.as_os_str() } else { "python3".as_ref() });
        command.arg(project().join("tests/smtp_server.py")).arg("--out").arg(&inbox).arg("--ca").arg(&ca);
        if implicit_tls {
            command.arg("--implicit-tls");
        }
        refuse.iter().for_each(|address| {
            command.args(["--refuse", address]);
        });
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("python runs the test SMTP server (bash .ci/test installs aiosmtpd and trustme)");
        let mut ready = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut ready).unwrap();
        let port = ready.strip_prefix("READY ").and_then(|p| p.trim().parse().ok()).expect("the server started");
        Server { child, port, ca, inbox, _folder: folder }
    }

    /// The messages received: each one's raw bytes and its envelope record.
    fn received(&self) -> Vec<(Vec<u8>, Value)> {
        (1..)
            .map(|n| self.inbox.join(n.to_string()))
            .take_while(|stem| stem.with_extension("eml").exists())
            .map(|stem| {
                let record = serde_json::from_slice(&fs::read(stem.with_extension("json")).unwrap()).unwrap();
                (fs::read(stem.with_extension("eml")).unwrap(), record)
            })
            .collect()
    }

    fn config(&self, folder: &Path, security: &str) -> PathBuf {
        let path = folder.join("nrm.toml");
        let text = format!(
            "[sca]\nemail = \"{SCA}\"\n\n[smtp]\nhost = \"127.0.0.1\"\nport = {}\nsecurity = \"{security}\"\nusername = \"first.responder\"\nca_cert = \"{}\"\n",
            self.port,
            self.ca.display()
        );
        fs::write(&path, text).unwrap();
        path
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        let _ = self.child.wait();
    }
}

/// A rendered package of the child example, in a folder of its own.
fn package() -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("packages");
    let rendered = nrm()
        .args(["render", "--today", TODAY, "--out"])
        .arg(&out)
        .arg(fixture("examples/child-england-pass.json"))
        .output()
        .unwrap();
    assert!(rendered.status.success());
    (folder, out.join("LCC-2026-0042"))
}

fn email(package: &Path, config: &Path, password: &str, extra: &[&str]) -> Output {
    nrm()
        .env("NRM_SMTP_PASSWORD", password)
        .arg("email")
        .arg("--config")
        .arg(config)
        .args(extra)
        .arg(package)
        .output()
        .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Every value of the draft that would identify the child.
fn personal_values() -> Vec<String> {
    let draft: Value = serde_json::from_slice(&fs::read(fixture("examples/child-england-pass.json")).unwrap()).unwrap();
    [
        "/potential_victim/given_names",
        "/potential_victim/family_name",
        "/potential_victim/nickname",
        "/potential_victim/date_of_birth",
        "/professional/insight",
        "/consent_note/how_informed",
    ]
    .iter()
    .map(|p| draft.pointer(p).unwrap().as_str().unwrap().to_owned())
    .chain(["Nguyễn".to_owned(), "Minh".to_owned(), "14 March 2010".to_owned()])
    .collect()
}

#[test]
fn the_email_goes_once_over_starttls_with_the_pdf_and_no_personal_details() {
    let server = Server::start(false, &[]);
    let (folder, package) = package();
    let config = server.config(folder.path(), "starttls");
    let sent = email(&package, &config, PASSWORD, &["--send"]);
    assert!(sent.status.success(), "{}", stderr(&sent));

    let received = server.received();
    assert_eq!(received.len(), 1);
    let (raw, envelope) = &received[0];
    assert_eq!(envelope["rcpt_tos"], serde_json::json!([SCA]), "the envelope recipient is the SCA");
    assert_eq!(envelope["tls"], true, "the message travelled over TLS");
    assert_eq!(envelope["authenticated"], true);
    assert_eq!(envelope["mail_from"], "priya.sharma@lincolnshire.gov.uk", "the first responder sends it");
    let message = MessageParser::default().parse(raw.as_slice()).unwrap();
    assert_eq!(message.subject(), Some("NRM referral LCC-2026-0042 [PRIORITY: immediate]"));
    let attachment = message.attachments().next().expect("one attachment");
    assert_eq!(attachment.attachment_name(), Some("referral.pdf"));
    assert!(attachment.contents() == fs::read(package.join("referral.pdf")).unwrap(), "the PDF byte for byte");
    let body = message.body_text(0).unwrap().into_owned();
    assert!(body.contains("LCC-2026-0042") && body.contains("Lincolnshire County Council") && body.contains("England"));
    let pdf_hash = serde_json::from_slice::<Value>(&fs::read(package.join("manifest.json")).unwrap()).unwrap()["files"]
        [0]["sha256"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(body.contains(&pdf_hash), "the PDF's SHA-256 is in the body");
    for value in personal_values() {
        assert!(
            !body.contains(&value) && !message.subject().unwrap().contains(&value),
            "{value} is not in subject or body"
        );
    }
    let written = fs::read(package.join("email.eml")).unwrap();
    let written = MessageParser::default().parse(written.as_slice()).unwrap();
    assert_eq!(written.message_id(), message.message_id(), "email.eml is the message sent");

    let record: Value = serde_json::from_slice(&fs::read(package.join("sent.json")).unwrap()).unwrap();
    assert_eq!(record["to"], SCA);
    assert_eq!(record["message_id"].as_str().unwrap().trim_matches(['<', '>']), message.message_id().unwrap());
    assert!(record["sent_at"].is_string());

    let again = email(&package, &config, PASSWORD, &["--send"]);
    assert_eq!(again.status.code(), Some(2), "a sent package is not sent again");
    assert!(stderr(&again).contains("--resend"));
    assert_eq!(server.received().len(), 1, "no second message");
    let sent_eml = fs::read(package.join("email.eml")).unwrap();
    let rewrite = email(&package, &config, PASSWORD, &[]);
    assert_eq!(rewrite.status.code(), Some(2), "nor is its email rewritten without --resend");
    assert!(stderr(&rewrite).contains("its email.eml is the message sent, and is kept"), "{}", stderr(&rewrite));
    assert_eq!(fs::read(package.join("email.eml")).unwrap(), sent_eml, "email.eml is still the message sent");
    assert!(email(&package, &config, PASSWORD, &["--send", "--resend"]).status.success());
    assert_eq!(server.received().len(), 2, "--resend sends it again");
}

#[test]
fn implicit_tls_works_too() {
    let server = Server::start(true, &[]);
    let (folder, package) = package();
    let sent = email(&package, &server.config(folder.path(), "tls"), PASSWORD, &["--send"]);
    assert!(sent.status.success(), "{}", stderr(&sent));
    assert_eq!(server.received()[0].1["tls"], true);
}

#[test]
fn a_tampered_package_is_refused_and_nothing_is_written_or_sent() {
    let server = Server::start(false, &[]);
    let (folder, package) = package();
    let mut pdf = fs::read(package.join("referral.pdf")).unwrap();
    let last = pdf.len() - 10;
    pdf[last] ^= 1;
    fs::write(package.join("referral.pdf"), pdf).unwrap();
    let refused = email(&package, &server.config(folder.path(), "starttls"), PASSWORD, &["--send"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(stderr(&refused).contains("referral.pdf: SHA-256 differs"), "{}", stderr(&refused));
    assert!(!package.join("email.eml").exists() && !package.join("sent.json").exists());
    assert!(server.received().is_empty());
    // The service's answers are verified too: a changed value would be entered as it is.
    let (folder, package) = self::package();
    let answers = fs::read_to_string(package.join("online-service.json")).unwrap();
    fs::write(package.join("online-service.json"), answers.replacen("\"yes\"", "\"no\"", 1)).unwrap();
    let refused = email(&package, &server.config(folder.path(), "starttls"), PASSWORD, &["--send"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(stderr(&refused).contains("online-service.json: size differs"), "{}", stderr(&refused));
    assert!(!package.join("email.eml").exists() && server.received().is_empty());
}

#[test]
fn smtp_failures_are_clear_and_record_nothing() {
    let server = Server::start(false, &["refused@example.org"]);
    let (folder, package) = package();
    let config = server.config(folder.path(), "starttls");

    let wrong = email(&package, &config, "wrong password", &["--send"]);
    assert_eq!(wrong.status.code(), Some(2));
    assert!(stderr(&wrong).contains("rejected the login"), "{}", stderr(&wrong));
    assert!(!stderr(&wrong).contains("wrong password"), "the password is never printed");

    let missing = nrm()
        .env_remove("NRM_SMTP_PASSWORD")
        .args(["email", "--send", "--config"])
        .arg(&config)
        .arg(&package)
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("NRM_SMTP_PASSWORD"));

    let refused = email(&package, &config, PASSWORD, &["--send", "--to", "refused@example.org"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(stderr(&refused).contains("refused the recipient"), "{}", stderr(&refused));

    let untrusted =
        fs::read_to_string(&config).unwrap().replace(&server.ca.display().to_string(), "/nonexistent/ca.pem");
    fs::write(&config, untrusted).unwrap();
    let no_ca = email(&package, &config, PASSWORD, &["--send"]);
    assert_eq!(no_ca.status.code(), Some(2));
    assert!(stderr(&no_ca).contains("ca_cert"), "{}", stderr(&no_ca));

    assert!(!package.join("sent.json").exists(), "nothing is recorded as sent");
    assert!(server.received().is_empty());
}

#[test]
fn a_server_with_an_untrusted_certificate_is_refused() {
    let server = Server::start(false, &[]);
    let (folder, package) = package();
    let config = server.config(folder.path(), "starttls");
    let text = fs::read_to_string(&config).unwrap();
    let without_ca: String = text.lines().filter(|l| !l.starts_with("ca_cert")).map(|l| format!("{l}\n")).collect();
    fs::write(&config, without_ca).unwrap();
    let refused = email(&package, &config, PASSWORD, &["--send"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(stderr(&refused).contains("TLS"), "{}", stderr(&refused));
    assert!(server.received().is_empty());
    assert!(!package.join("sent.json").exists(), "nothing is recorded as sent");
}

/// Every file below a folder, by path, with its bytes.
fn files_below(folder: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
    for entry in fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files_below(&path, out);
        } else {
            out.push((path.clone(), fs::read(&path).unwrap()));
        }
    }
}

#[test]
fn the_password_comes_from_nrm_smtp_password_only_and_is_never_printed_or_written() {
    let server = Server::start(false, &["refused@example.org"]);
    let (folder, package) = package();
    let config = server.config(folder.path(), "starttls");
    let sent = email(&package, &config, PASSWORD, &["--send"]);
    assert!(sent.status.success(), "{}", stderr(&sent));
    let refused = email(&package, &config, PASSWORD, &["--send", "--resend", "--to", "refused@example.org"]);
    assert_eq!(refused.status.code(), Some(2), "{}", stderr(&refused));
    for output in [&sent, &refused] {
        let printed = String::from_utf8_lossy(&output.stdout).into_owned() + &stderr(output);
        assert!(!printed.contains(PASSWORD), "the password is not printed: {printed}");
    }
    let mut written = Vec::new();
    files_below(folder.path(), &mut written);
    assert!(written.iter().any(|(path, _)| path.ends_with("sent.json")), "the send was recorded");
    for (path, bytes) in &written {
        let text = String::from_utf8_lossy(bytes);
        assert!(!text.contains(PASSWORD), "{} does not hold the password", path.display());
    }
    for (raw, _) in server.received() {
        assert!(!String::from_utf8_lossy(&raw).contains(PASSWORD), "the message does not carry it");
    }

    // A password in the config file is not read: the key is refused, and nothing is sent.
    let with_password = folder.path().join("with-password.toml");
    fs::write(&with_password, fs::read_to_string(&config).unwrap() + &format!("password = \"{PASSWORD}\"\n")).unwrap();
    let from_file = nrm()
        .env_remove("NRM_SMTP_PASSWORD")
        .args(["email", "--send", "--resend", "--config"])
        .arg(&with_password)
        .arg(&package)
        .output()
        .unwrap();
    assert_eq!(from_file.status.code(), Some(2), "{}", stderr(&from_file));
    assert!(stderr(&from_file).contains("password"), "{}", stderr(&from_file));
    assert_eq!(server.received().len(), 1, "only the first message was sent");
}

#[test]
fn no_tls_is_refused_for_another_machine_before_connecting() {
    let (folder, package) = package();
    let config = folder.path().join("nrm.toml");
    fs::write(&config, format!("[sca]\nemail = \"{SCA}\"\n[smtp]\nhost = \"smtp.example.org\"\nsecurity = \"none\"\n"))
        .unwrap();
    let started = std::time::Instant::now();
    let refused = email(&package, &config, PASSWORD, &["--send"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(stderr(&refused).contains("TLS is required"), "{}", stderr(&refused));
    assert!(started.elapsed().as_secs() < 5, "refused at once, with no connection attempted");
    assert!(!package.join("email.eml").exists(), "nothing is written");
}

#[test]
fn a_temporary_file_left_by_a_killed_email_is_removed_before_the_package_is_verified() {
    let (folder, package) = package();
    let config = folder.path().join("nrm.toml");
    fs::write(&config, format!("[sca]\nemail = \"{SCA}\"\n")).unwrap();
    // What `nrm email` killed before its rename leaves: a private temporary file in the package.
    fs::write(package.join(".nrm-a1B2c3"), b"From: half an email").unwrap();
    let written = email(&package, &config, PASSWORD, &[]);
    assert!(written.status.success(), "the package still verifies: {}", stderr(&written));
    assert_eq!(stderr(&written).trim(), "nrm: removed 1 temporary file left by an earlier run that was stopped");
    assert!(!package.join(".nrm-a1B2c3").exists());
    assert!(package.join("email.eml").exists());
    // A file that is not one of nrm's is still a difference.
    fs::write(package.join("notes.txt"), b"x").unwrap();
    let refused = email(&package, &config, PASSWORD, &[]);
    assert_eq!(refused.status.code(), Some(1), "{}", stderr(&refused));
    assert!(stderr(&refused).contains("notes.txt: not in the manifest"));
}

#[test]
fn without_send_only_the_email_file_is_written() {
    let (folder, package) = package();
    let config = folder.path().join("nrm.toml");
    fs::write(&config, format!("[sca]\nemail = \"{SCA}\"\n")).unwrap();
    let written = email(&package, &config, PASSWORD, &[]);
    assert!(written.status.success(), "{}", stderr(&written));
    let raw = fs::read(package.join("email.eml")).unwrap();
    let message = MessageParser::default().parse(raw.as_slice()).unwrap();
    assert_eq!(message.to().unwrap().first().unwrap().address(), Some(SCA));
    assert!(!package.join("sent.json").exists());
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(fs::metadata(package.join("email.eml")).unwrap().permissions().mode() & 0o777, 0o600);

    let elsewhere = email(&package, &config, PASSWORD, &["--to", "other@example.org"]);
    assert!(elsewhere.status.success());
    let raw = fs::read(package.join("email.eml")).unwrap();
    assert!(String::from_utf8_lossy(&raw).contains("To: other@example.org"), "--to wins over the config");
}

#[test]
fn render_with_email_writes_the_email_into_the_package() {
    let folder = tempfile::tempdir().unwrap();
    let config = folder.path().join("nrm.toml");
    fs::write(&config, format!("[sca]\nemail = \"{SCA}\"\n")).unwrap();
    let out = folder.path().join("packages");
    let rendered = nrm()
        .args(["render", "--email", "--today", TODAY, "--config"])
        .arg(&config)
        .arg("--out")
        .arg(&out)
        .arg(fixture("examples/adult-scotland-pass.json"))
        .output()
        .unwrap();
    assert!(rendered.status.success(), "{}", stderr(&rendered));
    let raw = fs::read(out.join("PS-NE-2026-1187/email.eml")).unwrap();
    let message = MessageParser::default().parse(raw.as_slice()).unwrap();
    assert_eq!(message.subject(), Some("NRM referral PS-NE-2026-1187"));
    // The package still verifies: email.eml is not one of the manifest's files.
    let verified = nrm().args(["email", "--config"]).arg(&config).arg(out.join("PS-NE-2026-1187")).output().unwrap();
    assert!(verified.status.success(), "{}", stderr(&verified));
    let without_sca = nrm()
        .args(["render", "--email", "--today", TODAY, "--out"])
        .arg(&out)
        .arg(fixture("examples/child-england-pass.json"))
        .output()
        .unwrap();
    assert_eq!(without_sca.status.code(), Some(2), "--email needs the SCA address");
}
