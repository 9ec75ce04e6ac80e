//! `nrm email`: verifies a package, writes its email.eml, and with `--send` sends it, once.

use super::Failure;
use crate::cli::EmailArgs;
use crate::{config, email, package};
use std::process::ExitCode;

pub fn run(args: EmailArgs) -> Result<ExitCode, Failure> {
    let config = config::load(args.config.as_deref()).map_err(Failure)?;
    let to = args
        .to
        .clone()
        .or_else(|| config.sca.as_ref().map(|sca| sca.email.clone()))
        .ok_or_else(|| Failure("no recipient: give --to, or set `[sca] email` in the config".into()))?;
    if !args.package.is_dir() {
        return Err(Failure(format!("{}: no such package folder", args.package.display())));
    }
    // What a killed run left in the package, removed first, or it would fail verification.
    match package::sweep_one(&args.package) {
        Ok(swept) => swept.note().iter().for_each(|line| eprintln!("{line}")),
        Err(e) => eprintln!("nrm: cannot remove the temporary files an earlier run left: {e}"),
    }
    match package::verify(&args.package) {
        Ok(_) => {}
        Err(differences) => {
            eprintln!("nrm: {} does not match its manifest; nothing was written or sent:", args.package.display());
            differences.iter().for_each(|d| eprintln!("  {d}"));
            return Ok(ExitCode::FAILURE);
        }
    }
    // A sent package's email.eml is the message sent, as sent.json records it: never rewritten
    // (a new one would have another Message-ID and date) unless it is sent again.
    let sent = args.package.join("sent.json");
    if !args.resend && sent.exists() {
        let why = if args.send { "" } else { "; its email.eml is the message sent, and is kept" };
        return Err(Failure(format!(
            "{} was sent already (see sent.json){why}; use --send --resend to send it again",
            args.package.display()
        )));
    }
    let smtp = if args.send {
        let smtp = config.smtp.ok_or_else(|| Failure("--send needs the `[smtp]` table in the config".into()))?;
        // Refused before any connection is made.
        email::check_security(&smtp).map_err(Failure)?;
        Some(smtp)
    } else {
        None
    };
    let from = smtp.as_ref().and_then(|s| s.from.as_deref());
    let letter = email::compose_package(&args.package, &to, from).map_err(Failure)?;
    package::write_file(&args.package, "email.eml", &letter.message.formatted())
        .map_err(|e| Failure(format!("cannot write email.eml: {e}")))?;
    let Some(smtp) = smtp else {
        println!("{}: email.eml written (to {to}); add --send to send it", args.package.display());
        return Ok(ExitCode::SUCCESS);
    };
    email::send(&letter, &smtp, std::env::var("NRM_SMTP_PASSWORD").ok()).map_err(Failure)?;
    let record = serde_json::json!({
        "sent_at": crate::clock::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "to": to,
        "message_id": letter.message_id,
    });
    let mut bytes = serde_json::to_vec_pretty(&record).expect("the record serialises");
    bytes.push(b'\n');
    package::write_file(&args.package, "sent.json", &bytes)
        .map_err(|e| Failure(format!("sent, but cannot write sent.json: {e}")))?;
    println!("{}: sent to {to} ({})", args.package.display(), letter.message_id);
    Ok(ExitCode::SUCCESS)
}
