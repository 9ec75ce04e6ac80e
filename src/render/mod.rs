//! The submission package of a draft that passed its checks: `referral.pdf`, `referral.html`,
//! `referral.json` (the draft as checked, keys sorted) and `manifest.json` (what the package
//! holds, with each file's size and SHA-256). The same draft gives the same bytes.

mod fonts;
pub mod html;
mod model;
mod pdf;
pub mod words;

use crate::check::{Located, Settings};
use crate::draft::Draft;
use crate::rules::Severity;
use chrono::{DateTime, NaiveDate};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

/// One file of a package.
pub struct File {
    pub name: &'static str,
    pub bytes: Vec<u8>,
}

pub const MANIFEST: &str = "manifest.json";

/// Builds the package's files, the manifest last.
pub fn package(value: &Value, findings: &[Located], settings: &Settings) -> Result<Vec<File>, String> {
    let draft = Draft::new(value);
    let referral = model::referral(&draft, findings, &settings.registry);
    let checked = canonical(value);
    // The PDF's ID comes from what it shows: the draft, the tool and the registry.
    let id = hex(&Sha256::new()
        .chain_update(&checked)
        .chain_update(env!("CARGO_PKG_VERSION"))
        .chain_update(&settings.registry.version)
        .finalize()[..16]);
    let date = pdf_date(settings.source_date_epoch, draft.facts.prepared_on);
    let files = vec![
        File { name: "referral.pdf", bytes: pdf::render(&referral, &date, &id)? },
        File { name: "referral.html", bytes: html::render(&referral)? },
        File { name: "referral.json", bytes: checked },
    ];
    let manifest = manifest(&draft, findings, settings, &files);
    Ok(files.into_iter().chain([File { name: MANIFEST, bytes: manifest }]).collect())
}

/// The draft with its members in sorted order, two-space indent, and a final newline.
fn canonical(value: &Value) -> Vec<u8> {
    fn sorted(value: &Value) -> Value {
        match value {
            Value::Object(members) => {
                let mut names: Vec<&String> = members.keys().collect();
                names.sort();
                Value::Object(names.into_iter().map(|name| (name.clone(), sorted(&members[name]))).collect())
            }
            Value::Array(items) => Value::Array(items.iter().map(sorted).collect()),
            other => other.clone(),
        }
    }
    let mut bytes = serde_json::to_vec_pretty(&sorted(value)).expect("a JSON value serialises");
    bytes.push(b'\n');
    bytes
}

/// The PDF's dates: `SOURCE_DATE_EPOCH` when set, else midnight (UTC) of `prepared_on`.
fn pdf_date(source_date_epoch: Option<i64>, prepared_on: Option<NaiveDate>) -> String {
    let moment = source_date_epoch
        .and_then(|seconds| DateTime::from_timestamp(seconds, 0))
        .or_else(|| prepared_on.and_then(|day| day.and_hms_opt(0, 0, 0)).map(|t| t.and_utc()))
        .unwrap_or_default();
    moment.format("D:%Y%m%d%H%M%SZ").to_string()
}

pub fn sha256(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn manifest(draft: &Draft, findings: &[Located], settings: &Settings, files: &[File]) -> Vec<u8> {
    let count = |severity| findings.iter().filter(|f| f.finding.severity() == severity).count();
    let manifest = json!({
        // The draft's own version: a version 1 draft still renders.
        "format_version": draft.int("/format_version"),
        "reference": draft.str("/reference"),
        "prepared_on": draft.str("/prepared_on"),
        "tool": { "name": "nrm", "version": env!("CARGO_PKG_VERSION") },
        "registry": { "version": settings.registry.version, "reviewed_on": settings.registry.reviewed_on },
        "findings": {
            "errors": count(Severity::Error),
            "warnings": count(Severity::Warning),
            "infos": count(Severity::Info),
            "rules": findings.iter().map(|f| f.finding.rule.id).collect::<std::collections::BTreeSet<_>>(),
        },
        "files": files.iter().map(|f| json!({ "name": f.name, "bytes": f.bytes.len(), "sha256": sha256(&f.bytes) })).collect::<Vec<_>>(),
    });
    let mut bytes = serde_json::to_vec_pretty(&manifest).expect("the manifest serialises");
    bytes.push(b'\n');
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_json_sorts_members_at_every_depth() {
        let value: Value = serde_json::from_str(r#"{"b": {"d": 1, "c": [ {"z": 0, "a": 0} ]}, "a": "ș"}"#).unwrap();
        let text = String::from_utf8(canonical(&value)).unwrap();
        assert_eq!(
            text,
            "{\n  \"a\": \"ș\",\n  \"b\": {\n    \"c\": [\n      {\n        \"a\": 0,\n        \"z\": 0\n      }\n    ],\n    \"d\": 1\n  }\n}\n"
        );
    }

    #[test]
    fn pdf_dates_come_from_the_epoch_or_the_referral_date() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 18);
        assert_eq!(pdf_date(None, day), "D:20261118000000Z");
        assert_eq!(pdf_date(Some(1_700_000_000), day), "D:20231114221320Z");
    }
}
