//! `--format github`: GitHub Actions workflow commands, so findings show as annotations on the
//! pull request: `::error file=…,line=…,col=…,title=RULE::message` (`warning`, and `notice` for
//! infos), then the summary as a plain line.

use super::{Checked, Report, Summary};
use crate::check::Settings;
use crate::rules::Severity;
use std::io::{self, Write};

pub struct Github;

impl Report for Github {
    fn draft(&mut self, out: &mut dyn Write, checked: &Checked, _: &Settings) -> io::Result<()> {
        for located in &checked.outcome.findings {
            let finding = &located.finding;
            let command = match finding.severity() {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            writeln!(
                out,
                "::{command} file={},line={},col={},title={}::{}",
                property(&checked.path),
                located.position.line,
                located.position.column,
                finding.rule.id,
                data(&finding.message)
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary, _: &Settings) -> io::Result<()> {
        writeln!(out, "{}", summary.line())
    }
}

/// Escapes a command's message as the runner expects.
fn data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a property value: as data, and `:` and `,`, which end it.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_cannot_break_out_of_the_command() {
        assert_eq!(property("a,b:c%\n"), "a%2Cb%3Ac%25%0A");
        assert_eq!(data("50% done: a, b\r\n"), "50%25 done: a, b%0D%0A");
    }
}
