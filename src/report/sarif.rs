//! `--format sarif`: SARIF 2.1.0, for code-scanning dashboards (GitHub, GitLab, Azure DevOps).
//! One run; every rule in `tool.driver.rules` with its description; one result per finding with
//! its rule, level, message and region. Results are written as drafts are checked.

use super::{Checked, Report, Summary};
use crate::check::Settings;
use crate::rules::{self, Rule, Severity};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde_json::json;
use std::io::{self, Write};

#[derive(Default)]
pub struct Sarif {
    results: usize,
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn rule_descriptor(rule: &Rule) -> serde_json::Value {
    let source = rule.cited();
    json!({
        "id": rule.id,
        "shortDescription": { "text": rule.summary },
        "fullDescription": { "text": rule.why },
        "help": { "text": format!("Source: {source}\nFails: {}\nPasses: {}", rule.fails, rule.passes) },
        "defaultConfiguration": { "level": level(rule.severity) },
        "properties": { "tags": [&rule.id[..rule.id.len() - 3]] },
    })
}

/// Everything but a URI's unreserved characters and `/` is percent-encoded.
const URI_ESCAPED: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~').remove(b'/');

/// A path as a URI reference: relative paths stay relative, absolute ones become `file://`.
fn uri(path: &str) -> String {
    let encoded = utf8_percent_encode(path, URI_ESCAPED).to_string();
    if path.starts_with('/') { format!("file://{encoded}") } else { encoded }
}

impl Report for Sarif {
    fn draft(&mut self, out: &mut dyn Write, checked: &Checked, settings: &Settings) -> io::Result<()> {
        for located in &checked.outcome.findings {
            if self.results == 0 {
                header(out, settings)?;
            }
            let finding = &located.finding;
            let result = json!({
                "ruleId": finding.rule.id,
                "ruleIndex": rules::catalogue().position(|rule| rule.id == finding.rule.id),
                "level": level(finding.severity()),
                "message": { "text": finding.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(&checked.path) },
                        "region": { "startLine": located.position.line, "startColumn": located.position.column },
                    },
                }],
                // The JSON pointer of the member the finding is about.
                "properties": { "pointer": finding.pointer },
            });
            let separator = if self.results == 0 { "" } else { "," };
            write!(out, "{separator}\n        {}", serde_json::to_string(&result)?)?;
            self.results += 1;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _: &Summary, settings: &Settings) -> io::Result<()> {
        if self.results == 0 {
            header(out, settings)?;
        }
        writeln!(out, "\n      ],\n      \"invocations\": [{{ \"executionSuccessful\": true }}]\n    }}\n  ]\n}}")
    }
}

/// Everything before the first result.
fn header(out: &mut dyn Write, settings: &Settings) -> io::Result<()> {
    let driver = json!({
        "name": "nrm",
        "version": env!("CARGO_PKG_VERSION"),
        "semanticVersion": env!("CARGO_PKG_VERSION"),
        "properties": { "formatVersion": crate::FORMAT_VERSION, "registryVersion": settings.registry.version },
        "rules": rules::catalogue().map(rule_descriptor).collect::<Vec<_>>(),
    });
    write!(
        out,
        "{{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n      \"tool\": {{ \"driver\": {} }},\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [",
        serde_json::to_string(&driver)?
    )
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("drafts/lcc 0042.json"), "drafts/lcc%200042.json");
        assert_eq!(uri("/srv/drafts/ș.json"), "file:///srv/drafts/%C8%99.json");
    }
}
