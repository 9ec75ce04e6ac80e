//! `--format junit`: JUnit XML as the Apache Ant schema gives it, for CI systems' test views: a
//! `testsuite`, a `testcase` per draft, a `failure` listing a failing draft's findings. The suite's
//! totals come first in the file, so test cases are spooled to an unnamed temporary file as
//! drafts are checked and copied out at the end: memory stays flat.

use super::{Checked, Report, Summary, finding_line};
use crate::check::Settings;
use crate::rules::Severity;
use std::fs::File;
use std::io::{self, BufWriter, Seek, Write};
use std::time::Instant;

pub struct Junit {
    started: Instant,
    /// The `testcase` elements.
    cases: BufWriter<File>,
    /// Warnings and notices of passing drafts, for the suite's `system-out`.
    notes: BufWriter<File>,
}

impl Junit {
    pub fn new() -> io::Result<Self> {
        Ok(Junit {
            started: Instant::now(),
            cases: BufWriter::new(tempfile::tempfile()?),
            notes: BufWriter::new(tempfile::tempfile()?),
        })
    }
}

impl Report for Junit {
    fn draft(&mut self, _: &mut dyn Write, checked: &Checked, settings: &Settings) -> io::Result<()> {
        let outcome = &checked.outcome;
        let lines: String = outcome.findings.iter().map(|f| finding_line(&checked.path, f) + "\n").collect();
        write!(
            self.cases,
            "  <testcase name=\"{}\" classname=\"nrm.check\" time=\"{:.3}\"",
            xml(&checked.path),
            checked.elapsed.as_secs_f64()
        )?;
        if outcome.passed(settings) {
            self.notes.write_all(xml(&lines).as_bytes())?;
            return writeln!(self.cases, "/>");
        }
        let message =
            format!("{} errors, {} warnings", outcome.count(Severity::Error), outcome.count(Severity::Warning));
        writeln!(
            self.cases,
            ">\n    <failure message=\"{message}\" type=\"nrm.check\">{}</failure>\n  </testcase>",
            xml(&lines)
        )
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary, settings: &Settings) -> io::Result<()> {
        let hostname = gethostname::gethostname().to_string_lossy().into_owned();
        writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
        writeln!(
            out,
            "<testsuite name=\"nrm check\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\" time=\"{:.3}\" timestamp=\"{}\" hostname=\"{}\">",
            summary.files,
            summary.failed,
            self.started.elapsed().as_secs_f64(),
            crate::clock::now().format("%Y-%m-%dT%H:%M:%S"),
            xml(if hostname.trim().is_empty() { "localhost" } else { &hostname }),
        )?;
        writeln!(out, "  <properties>")?;
        for (name, value) in [
            ("nrm.version", env!("CARGO_PKG_VERSION")),
            ("nrm.format_version", &crate::FORMAT_VERSION.to_string()),
            ("nrm.registry_version", &settings.registry.version),
        ] {
            writeln!(out, "    <property name=\"{name}\" value=\"{}\"/>", xml(value))?;
        }
        writeln!(out, "  </properties>")?;
        copy(&mut self.cases, out)?;
        write!(out, "  <system-out>")?;
        copy(&mut self.notes, out)?;
        writeln!(out, "{}</system-out>\n  <system-err></system-err>\n</testsuite>", xml(&summary.line()))
    }
}

/// Copies a spool to the report.
fn copy(spool: &mut BufWriter<File>, out: &mut dyn Write) -> io::Result<()> {
    spool.flush()?;
    let file = spool.get_mut();
    file.rewind()?;
    io::copy(file, out)?;
    Ok(())
}

/// Text fit for XML content and attributes: markup escaped, and characters XML 1.0 forbids
/// (control characters in a file name, say) replaced.
fn xml(text: &str) -> String {
    let allowed: String =
        text.chars().map(|c| if c < ' ' && !matches!(c, '\t' | '\n' | '\r') { '\u{fffd}' } else { c }).collect();
    quick_xml::escape::escape(&allowed).into_owned()
}

#[cfg(test)]
mod tests {
    use super::xml;

    #[test]
    fn text_is_escaped_and_stripped_of_forbidden_characters() {
        assert_eq!(xml("a<b>&\"c'\u{1}"), "a&lt;b&gt;&amp;&quot;c&apos;\u{fffd}");
    }
}
