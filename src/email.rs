//! The email to the Single Competent Authority: built from a verified package, written as
//! `email.eml`, and sent over SMTP with TLS, once.
//!
//! The body carries the reference, the organisation, route and nation, and the PDF's SHA-256:
//! never a name, a date of birth or the account. Those travel only inside the attached PDF, so
//! that mail logs, subject lines and previews never hold a victim's details.

use crate::config::{Security, Smtp};
use crate::render::words::word;
use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{Message, SmtpTransport, Transport};
use serde_json::Value;
use std::net::IpAddr;
use std::path::Path;
use std::time::Duration;

/// The message, ready to write or send.
pub struct Letter {
    pub message: Message,
    pub message_id: String,
}

/// Builds the email for a verified package, whose files `read` gives by name. `from` is the
/// configured sender, if any; else the first responder's own address from the package.
pub fn compose(read: impl Fn(&str) -> Result<Vec<u8>, String>, to: &str, from: Option<&str>) -> Result<Letter, String> {
    let json = |name: &str| -> Result<Value, String> {
        serde_json::from_slice(&read(name)?).map_err(|e| format!("{name} is not valid JSON: {e}"))
    };
    let draft = json("referral.json")?;
    let manifest = json(crate::render::MANIFEST)?;
    let pdf = read("referral.pdf")?;
    let reference = manifest["reference"].as_str().ok_or("the manifest has no reference")?;
    let from = from.or(draft.pointer("/first_responder/email").and_then(Value::as_str)).ok_or("no sender address")?;
    let priority = manifest["findings"]["rules"].as_array().is_some_and(|rules| rules.iter().any(|r| r == "URG001"));
    let subject = format!("NRM referral {reference}{}", if priority { " [PRIORITY: immediate]" } else { "" });
    let text = |pointer: &str| draft.pointer(pointer).and_then(Value::as_str).unwrap_or("not given").to_owned();
    let body = format!(
        "NRM referral {reference}\n\n\
         Organisation: {}\n\
         Route: {}\n\
         Nation: {}\n{}\n\
         The referral is attached as referral.pdf.\n\
         SHA-256 of referral.pdf: {}\n\n\
         This email holds no personal details of the person referred: they are in the attached referral only.\n",
        text("/first_responder/organisation/name"),
        word("route", &text("/route")),
        word("nation", &text("/nation")),
        if priority { "Priority: immediate\n" } else { "" },
        crate::render::sha256(&pdf),
    );
    let mailbox = |address: &str, role: &str| {
        address.parse::<Mailbox>().map_err(|e| format!("the {role} address is not valid: {e}"))
    };
    let message = Message::builder()
        // Given, so that the clock is read where every read of it is (lettre reads it otherwise).
        .date(crate::clock::now().into())
        .from(mailbox(from, "sender")?)
        .to(mailbox(to, "recipient")?)
        .subject(subject)
        .message_id(None)
        .multipart(
            MultiPart::mixed().singlepart(SinglePart::plain(body)).singlepart(
                Attachment::new("referral.pdf".to_owned())
                    .body(pdf, ContentType::parse("application/pdf").expect("a valid type")),
            ),
        )
        .map_err(|e| format!("cannot build the email: {e}"))?;
    let message_id = message.headers().get_raw("Message-ID").unwrap_or_default().to_owned();
    Ok(Letter { message, message_id })
}

/// Whether a host is this machine: the only place a connection without TLS may go.
fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host.trim_matches(['[', ']']).parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// Refuses settings that would send without TLS to another machine, before any connection.
pub fn check_security(smtp: &Smtp) -> Result<(), String> {
    if smtp.security == Security::None && !is_loopback(&smtp.host) {
        return Err(format!(
            "TLS is required: `security = \"none\"` is allowed only for a server on this machine, not {}; use \"starttls\" or \"tls\"",
            smtp.host
        ));
    }
    Ok(())
}

/// Sends the letter; the error says what went wrong in words a user can act on.
pub fn send(letter: &Letter, smtp: &Smtp, password: Option<String>) -> Result<(), String> {
    check_security(smtp)?;
    let mut tls = TlsParameters::builder(smtp.host.clone());
    if let Some(path) = &smtp.ca_cert {
        let pem = std::fs::read(path).map_err(|e| format!("cannot read ca_cert {}: {e}", path.display()))?;
        let certificate = Certificate::from_pem(&pem)
            .map_err(|e| format!("ca_cert {} is not a PEM certificate: {e}", path.display()))?;
        tls = tls.add_root_certificate(certificate);
    }
    let tls = tls.build().map_err(|e| format!("cannot set up TLS: {e}"))?;
    let (mode, port) = match smtp.security {
        Security::Starttls => (Tls::Required(tls), 587),
        Security::Tls => (Tls::Wrapper(tls), 465),
        Security::None => (Tls::None, 25),
    };
    let mut transport = SmtpTransport::builder_dangerous(&smtp.host)
        .port(smtp.port.unwrap_or(port))
        .tls(mode)
        .timeout(Some(Duration::from_secs(60)));
    if let Some(username) = &smtp.username {
        let password = password.ok_or("set the SMTP password in the environment variable NRM_SMTP_PASSWORD")?;
        transport = transport.credentials(Credentials::new(username.clone(), password));
    }
    transport.build().send(&letter.message).map(|_| ()).map_err(|e| explain(&e, smtp))
}

fn explain(error: &lettre::transport::smtp::Error, smtp: &Smtp) -> String {
    let code = error.status().map(|code| code.to_string());
    // rustls' certificate errors reach lettre as network errors.
    let tls = error.is_tls() || error.to_string().contains("certificate");
    let what = match code.as_deref() {
        _ if tls => "the TLS connection failed (is the server's certificate trusted? see ca_cert)",
        Some("535" | "534" | "530") => "the server rejected the login (check username and NRM_SMTP_PASSWORD)",
        Some(code) if code.starts_with("55") => "the server refused the recipient",
        _ if error.is_transient() => "the server is not accepting mail just now; try again later",
        _ if error.is_permanent() => "the server refused the message",
        _ => "could not talk to the SMTP server (is the host and port right?)",
    };
    format!(
        "sending to {}:{} failed: {what}: {error}",
        smtp.host,
        smtp.port.map_or("default".into(), |p| p.to_string())
    )
}

/// The email for a package on disk.
pub fn compose_package(package: &Path, to: &str, from: Option<&str>) -> Result<Letter, String> {
    compose(|name| std::fs::read(package.join(name)).map_err(|e| format!("cannot read {name}: {e}")), to, from)
}

/// The email for a package still being written.
pub fn compose_files(files: &[crate::render::File], to: &str, from: Option<&str>) -> Result<Letter, String> {
    let read = |name: &str| files.iter().find(|f| f.name == name).map(|f| f.bytes.clone()).ok_or(format!("no {name}"));
    compose(read, to, from)
}

#[cfg(test)]
mod tests {
    use super::is_loopback;

    #[test]
    fn only_this_machine_is_loopback() {
        for host in ["localhost", "127.0.0.1", "127.8.9.10", "::1", "[::1]"] {
            assert!(is_loopback(host), "{host}");
        }
        for host in ["smtp.example.org", "10.0.0.1", "192.168.1.1", "localhost.example.org"] {
            assert!(!is_loopback(host), "{host}");
        }
    }
}
