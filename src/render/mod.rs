//! The submission package of a version 3 draft that passed its checks: `referral.pdf`,
//! `referral.html`, `referral.json` (the draft as checked, keys sorted), `online-service.json`
//! (each page of the online service the case meets, with the exact value of each field) and
//! `manifest.json` (what the package holds, with each file's size and SHA-256). The same draft
//! gives the same bytes.

mod fonts;
pub mod html;
mod model;
mod pdf;
pub mod words;

use crate::check::{Located, Settings};
use crate::draft::Draft;
use crate::rules::Severity;
use crate::rules::input::Version;
use crate::service::answers;
use chrono::{DateTime, NaiveDate};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

/// One file of a package.
pub struct File {
    pub name: &'static str,
    pub bytes: Vec<u8>,
}

pub const MANIFEST: &str = "manifest.json";
pub const ONLINE_SERVICE: &str = "online-service.json";

/// The files of every package, in the manifest's order, the manifest last.
pub const FILES: [&str; 5] = ["referral.pdf", "referral.html", "referral.json", ONLINE_SERVICE, MANIFEST];

/// Why a draft of an older format version gets no package, or `None` for a version 3 draft:
/// the package carries the answers as the online service takes them, which only version 3 holds.
pub fn refused(draft: &Draft) -> Option<String> {
    (draft.version != Version::V3).then(|| {
        format!(
            "a format version {} draft does not hold the answers as the online service takes them, so it gets no \
             package: write it as version 3 with `nrm migrate`, and check that draft",
            draft.version.number()
        )
    })
}

/// Builds the package's files, the manifest last; a draft of an older format version is refused.
pub fn package(value: &Value, findings: &[Located], settings: &Settings) -> Result<Vec<File>, String> {
    let draft = Draft::new(value);
    if let Some(why) = refused(&draft) {
        return Err(why);
    }
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
        File { name: ONLINE_SERVICE, bytes: online_service(&draft) },
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

/// `online-service.json`: each page of the service the case meets, in its order, with each
/// field's name and the exact value to enter in the page's own order (a page with nothing to
/// enter has no fields), so that a program can enter the referral from it alone, and a person
/// reading it meets the fields as the pages show them. Two-space indent and a final newline, as
/// `referral.json`; the order is the service's, so the same draft gives the same bytes.
fn online_service(draft: &Draft) -> Vec<u8> {
    /// A page's fields as a JSON object, in the page's order.
    struct Fields<'a>(&'a [&'a answers::Answer]);
    impl serde::Serialize for Fields<'_> {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeMap;
            let mut map = serializer.serialize_map(Some(self.0.len()))?;
            for answer in self.0 {
                map.serialize_entry(&answer.field, &answer.entered)?;
            }
            map.end()
        }
    }
    #[derive(serde::Serialize)]
    struct Page<'a> {
        path: &'a str,
        fields: Fields<'a>,
    }
    #[derive(serde::Serialize)]
    struct Service<'a> {
        service: &'static str,
        format_version: u32,
        pages: Vec<Page<'a>>,
    }
    let answers = answers::answers(draft);
    let pages = answers::pages(&answers).unwrap_or_default();
    let file = Service {
        service: SERVICE,
        format_version: crate::FORMAT_VERSION,
        pages: pages.iter().map(|page| Page { path: &page.page.path, fields: Fields(&page.answers) }).collect(),
    };
    let mut bytes = serde_json::to_vec_pretty(&file).expect("the answers serialise");
    bytes.push(b'\n');
    bytes
}

/// The online service, as `online-service.json` names it.
const SERVICE: &str = "Report modern slavery (first responder form)";

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

    fn example(path: &str) -> Value {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/examples").join(path);
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    #[test]
    fn online_service_json_holds_each_page_with_the_values_to_enter() {
        let value = example("child-england-pass.json");
        let bytes = online_service(&Draft::new(&value));
        assert_eq!(bytes, online_service(&Draft::new(&value)), "the same bytes each time");
        assert!(bytes.ends_with(b"}\n") && bytes.starts_with(b"{\n  \""), "written as referral.json is");
        let file: Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!((&file["service"], &file["format_version"]), (&json!(SERVICE), &json!(3)));
        let pages = file["pages"].as_array().unwrap();
        let fields =
            |path: &str| &pages.iter().find(|p| p["path"] == path).unwrap_or_else(|| panic!("{path}"))["fields"];
        assert_eq!(pages[0]["path"], "/verify/who-do-you-work-for");
        assert_eq!(fields("/nrm/pv-dob"), &json!({ "pv-dob": "2010-03-14" }));
        assert_eq!(fields("/nrm/when-last-contact"), &json!({ "when-last-contact": "within-the-last-month" }));
        assert_eq!(
            fields("/nrm/types-of-exploitation"),
            &json!({ "types-of-exploitation-forced-to-commit-crime": "true" })
        );
        assert_eq!(fields("/nrm/pv-want-to-submit-nrm"), &json!({}), "a child's consent is not asked");
        let uploaded = &fields("/nrm/upload-evidence")["upload-file"];
        assert_eq!(
            uploaded[0],
            json!({ "file": value["evidence"][0]["file"], "description": value["evidence"][0]["description"] })
        );
        assert_eq!(pages.last().unwrap()["path"], "/nrm/confirm");
    }

    #[test]
    fn only_a_version_3_draft_gets_a_package() {
        for path in ["v1/child-england-pass.json", "v2/child-england-pass.json"] {
            let why = refused(&Draft::new(&example(path))).unwrap();
            assert!(why.contains("`nrm migrate`") && why.contains("version 3"), "{why}");
        }
        assert_eq!(refused(&Draft::new(&example("child-england-pass.json"))), None);
        // What `nrm render` and the form's Finish both reach.
        let settings = Settings {
            registry: crate::registry::Registry::built_in(),
            today: NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
            show_values: false,
            deny_warnings: false,
            source_date_epoch: None,
        };
        let refusal = package(&example("v2/child-england-pass.json"), &[], &settings).err();
        assert!(refusal.is_some_and(|why| why.contains("`nrm migrate`")));
        let files = package(&example("child-england-pass.json"), &[], &settings).unwrap();
        assert_eq!(files.iter().map(|f| f.name).collect::<Vec<_>>(), FILES, "a version 3 draft's package");
    }

    #[test]
    fn pdf_dates_come_from_the_epoch_or_the_referral_date() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 18);
        assert_eq!(pdf_date(None, day), "D:20261118000000Z");
        assert_eq!(pdf_date(Some(1_700_000_000), day), "D:20231114221320Z");
    }
}
