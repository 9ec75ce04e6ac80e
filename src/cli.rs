//! The command line (clap).

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser)]
#[command(name = "nrm", about = "Check UK National Referral Mechanism referral drafts before you submit them")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Check drafts against the format, the law and the guidance
    Check(CheckArgs),
    /// Check drafts and write a submission package for each that passes
    Render(RenderArgs),
    /// Build the email to the Single Competent Authority from a rendered package, and send it
    Email(EmailArgs),
    /// Start a format version 3 draft: every member the case needs, left empty to fill in
    New(NewArgs),
    /// Write the format version 3 draft of a version 1 or 2 draft: every value kept, what is left to choose or answer listed by `check`
    Migrate(MigrateArgs),
    /// Fill in a draft as a guided form in your web browser, served on this machine only
    Form(FormArgs),
    /// Print the JSON Schema drafts are checked against (for editors)
    Schema,
    /// List every rule: ID, severity, one line
    Rules {
        /// All rules in full, as Markdown (docs/rules.md)
        #[arg(long)]
        markdown: bool,
    },
    /// Explain one rule in full: what it checks, why, its source, a failing and a passing example
    Explain {
        /// The rule's ID, such as CON003
        rule: String,
    },
    /// Print a shell completion script
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff)
    Man,
}

#[derive(Args)]
#[command(group = clap::ArgGroup::new("case").required(true).args(["child", "adult"]))]
pub struct NewArgs {
    /// The person is, or may be, under 18
    #[arg(long)]
    pub child: bool,
    /// The person is an adult
    #[arg(long)]
    pub adult: bool,
    /// Where the person was identified (else left to fill in)
    #[arg(long, value_parser = ["england", "wales", "scotland", "northern_ireland"])]
    pub nation: Option<String>,
    /// `nrm`, or `duty_to_notify` (adults in England and Wales who do not consent)
    #[arg(long, value_parser = ["nrm", "duty_to_notify"], default_value = "nrm")]
    pub route: String,
    /// Write the draft to this file (never overwritten) instead of standard output
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// The referral date written into `prepared_on` (default: today's local date)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub today: Option<NaiveDate>,
    /// The config file, for the `[first_responder]` defaults (`first_name` and `last_name`; a lone `name` is not split)
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(Args)]
pub struct MigrateArgs {
    /// A format version 1 or 2 draft, or `-` for standard input
    #[arg(value_name = "DRAFT")]
    pub draft: PathBuf,
    /// Write the version 3 draft to this file (never overwritten) instead of standard output
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Args)]
pub struct CheckArgs {
    /// Draft files, folders (every `*.json` below, sorted), or `-` for standard input
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Let messages quote values from the draft (off by default, so logs never carry a person's details)
    #[arg(long)]
    pub show_values: bool,
    /// `human`: show failing drafts only, and the summary
    #[arg(long)]
    pub quiet: bool,
    /// Write the report to this new file (private, whole or not at all) instead of standard output
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub checks: Checks,
}

#[derive(Args)]
pub struct RenderArgs {
    /// Draft files, folders (every `*.json` below, sorted), or `-` for standard input
    #[arg(required = true, value_name = "DRAFT")]
    pub paths: Vec<PathBuf>,
    /// The folder the packages go in, each as `<reference>/`
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Replace a package that exists already
    #[arg(long)]
    pub force: bool,
    /// Also write each package's email.eml (to the config's `[sca] email`)
    #[arg(long)]
    pub email: bool,
    #[command(flatten)]
    pub checks: Checks,
}

#[derive(Args)]
pub struct EmailArgs {
    /// A package folder written by `nrm render`
    #[arg(value_name = "PACKAGE")]
    pub package: PathBuf,
    /// The recipient, instead of the config's `[sca] email`
    #[arg(long, value_name = "ADDRESS")]
    pub to: Option<String>,
    /// Send it over SMTP (the config's `[smtp]`; the password from NRM_SMTP_PASSWORD)
    #[arg(long)]
    pub send: bool,
    /// Send even though the package records an earlier send
    #[arg(long, requires = "send")]
    pub resend: bool,
    /// The config file (default: $NRM_CONFIG, ./nrm.toml, ~/.config/nrm/config.toml)
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(Args)]
pub struct FormArgs {
    /// The draft to fill in; created if it does not exist
    #[arg(value_name = "DRAFT")]
    pub draft: PathBuf,
    /// Print the address only; do not open a browser
    #[arg(long)]
    pub no_browser: bool,
    /// Listen on this port (default: a free one)
    #[arg(long, value_name = "N")]
    pub port: Option<u16>,
    /// Stop after this long without a request; every answer is saved already
    #[arg(long, value_name = "MINUTES", default_value_t = 60.0, value_parser = parse_minutes)]
    pub idle: f64,
    /// The date DAT003 and DAT004 compare with, and a new draft's `prepared_on` (default: today's local date)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub today: Option<NaiveDate>,
    #[command(flatten)]
    pub common: Common,
}

/// Minutes above 0, and at most a year: the form holds a person's details while it runs.
fn parse_minutes(text: &str) -> Result<f64, String> {
    const YEAR: f64 = 365.0 * 24.0 * 60.0;
    match text.parse::<f64>() {
        Ok(minutes) if minutes > 0.0 && minutes <= YEAR => Ok(minutes),
        _ => Err(format!("a number of minutes above 0 and at most {YEAR} (a year)")),
    }
}

/// How drafts are checked, for every command that checks them.
#[derive(Args)]
pub struct Checks {
    /// Warnings fail the draft too
    #[arg(long)]
    pub deny_warnings: bool,
    /// The date DAT003 and DAT004 compare with (default: today's local date)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub today: Option<NaiveDate>,
    #[command(flatten)]
    pub common: Common,
    /// Drafts checked at once (default: the number of cores)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
}

/// Options every command that checks drafts shares.
#[derive(Args)]
pub struct Common {
    /// The first responder registry to use instead of the built-in one
    #[arg(long, value_name = "FILE")]
    pub registry: Option<PathBuf>,
    /// The config file (default: $NRM_CONFIG, ./nrm.toml, ~/.config/nrm/config.toml)
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// For people: file:line:column, severity, rule and message
    Human,
    /// One JSON document for programs
    Json,
    /// SARIF 2.1.0, for code-scanning dashboards
    Sarif,
    /// JUnit XML, a test case per draft
    Junit,
    /// GitHub Actions annotations
    Github,
    /// One page for safeguarding leads: who to refer today, what blocks the rest, the year at a glance
    Html,
}

fn parse_day(text: &str) -> Result<NaiveDate, String> {
    crate::draft::parse_date(text).ok_or_else(|| "expected a real date, YYYY-MM-DD".to_owned())
}
