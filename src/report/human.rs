//! `--format human`: for people at a terminal. Each finding gives the file, line and column,
//! severity, rule and message; the source line is shown with a marker under the member only
//! where the line holds no value from the draft, or under `--show-values`.

use super::{Checked, Report, Summary};
use crate::check::Settings;
use crate::rules::Severity;
use crate::schema::is_member_name;
use anstyle::{AnsiColor, Style};
use std::io::{self, Write};

pub struct Human {
    pub quiet: bool,
}

/// The sections of the referral form, in the online form's order, by the draft's top-level
/// member (the questions about other victims, future risk, a crime report and co-operation sit
/// with the exploiters, as the form asks them).
const SECTIONS: [(&str, &str); 19] = [
    ("first_responder", "First responder"),
    ("potential_victim", "Potential victim"),
    ("background", "Background"),
    ("exploitation", "Exploitation"),
    ("professional", "Professional insight"),
    ("exploiters", "Exploiters"),
    ("other_victims", "Exploiters"),
    ("other_victims_details", "Exploiters"),
    ("future_risk", "Exploiters"),
    ("future_risk_reasons", "Exploiters"),
    ("crime_report", "Exploiters"),
    ("cooperation", "Exploiters"),
    ("consent", "Consent"),
    ("consent_note", "Consent note"),
    ("support", "Support"),
    ("duty_to_notify", "Duty to Notify"),
    ("decision", "Decision"),
    ("evidence", "Evidence"),
    ("safeguarding", "Safeguarding"),
];

/// The section a finding belongs to: its place in the form, and its title.
fn section(pointer: &str) -> (usize, &'static str) {
    let member = pointer.split('/').nth(1).unwrap_or("");
    SECTIONS.iter().position(|(name, _)| *name == member).map_or((0, "Referral"), |i| (i + 1, SECTIONS[i].1))
}

fn styled(style: Style, text: &str) -> String {
    format!("{}{text}{}", style.render(), style.render_reset())
}

fn severity_style(severity: Severity) -> Style {
    let colour = match severity {
        Severity::Error => AnsiColor::Red,
        Severity::Warning => AnsiColor::Yellow,
        Severity::Info => AnsiColor::Cyan,
    };
    Style::new().bold().fg_color(Some(colour.into()))
}

impl Report for Human {
    fn draft(&mut self, out: &mut dyn Write, checked: &Checked, settings: &Settings) -> io::Result<()> {
        let outcome = &checked.outcome;
        if self.quiet && outcome.passed(settings) {
            return Ok(());
        }
        // Grouped by section of the form, so the findings read in the order the form asks.
        let mut findings: Vec<_> = outcome.findings.iter().collect();
        findings.sort_by_key(|f| section(&f.finding.pointer).0);
        let mut current = None;
        for located in findings {
            let finding = &located.finding;
            let (_, title) = section(&finding.pointer);
            if current != Some(title) {
                current = Some(title);
                writeln!(out, "{}", styled(Style::new().bold().underline(), title))?;
            }
            let position = located.position;
            let severity = finding.severity();
            writeln!(
                out,
                "{}:{}:{}: {}[{}] {}",
                checked.path,
                position.line,
                position.column,
                styled(severity_style(severity), severity.as_str()),
                finding.rule.id,
                finding.message
            )?;
            let line = outcome.text.as_deref().and_then(|text| text.lines().nth(position.line.saturating_sub(1)));
            if let Some(line) = line.filter(|line| settings.show_values || holds_no_value(line)) {
                let gutter = " ".repeat(position.line.to_string().len());
                let indent: String = line
                    .chars()
                    .take(position.column.saturating_sub(1))
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                let marker = styled(severity_style(severity), "^");
                writeln!(out, "{gutter} |\n{} | {line}\n{gutter} | {indent}{marker}", position.line)?;
            }
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary, _: &Settings) -> io::Result<()> {
        writeln!(out, "{}", summary.line())
    }
}

/// Whether a line of a draft shows nothing but the format's own words: member names,
/// punctuation, `true`, `false` and `null`. Any other string or number may be a person's data.
fn holds_no_value(line: &str) -> bool {
    let mut rest = line.trim();
    while let Some(c) = rest.chars().next() {
        if c == '"' {
            let Some(name) = quoted(rest) else { return false };
            rest = rest[name.len() + 2..].trim_start();
            if !(rest.starts_with(':') && is_member_name(name)) {
                return false;
            }
        } else if "{}[],: \t".contains(c) {
            rest = &rest[c.len_utf8()..];
        } else if let Some(word) = ["true", "false", "null"].into_iter().find(|w| rest.starts_with(w)) {
            rest = &rest[word.len()..];
        } else {
            return false;
        }
    }
    true
}

/// The text of a string at the start of `text`, if it has no escapes (member names have none).
fn quoted(text: &str) -> Option<&str> {
    let body = &text[1..];
    let end = body.find('"')?;
    let name = &body[..end];
    (!name.contains('\\')).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::holds_no_value;

    #[test]
    fn only_lines_of_format_words_are_quotable() {
        assert!(holds_no_value(r#"  "potential_victim": {"#));
        assert!(holds_no_value(r#"    "interview": { "accompanying_adult_present": true },"#));
        assert!(!holds_no_value(r#"    "given_names": "Elira","#));
        assert!(!holds_no_value(r#"    "claimed_age": 15,"#));
        assert!(!holds_no_value(r#"    "Elira Hoxha": true,"#));
        assert!(!holds_no_value(r#"    "Tommy""#));
    }
}
