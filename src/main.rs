//! `nrm`: checks UK National Referral Mechanism referral drafts before they are submitted.

mod batch;
mod check;
mod cli;
mod config;
mod draft;
mod email;
mod inputs;
mod locate;
mod package;
mod progress;
mod registry;
mod render;
mod report;
mod rules;
mod schema;
mod skeleton;
mod source;
mod suggest;

use check::Settings;
use clap::{CommandFactory, FromArgMatches};
use cli::{CheckArgs, Checks, Cli, Command, Common, EmailArgs, Format, NewArgs, RenderArgs};
use registry::Registry;
use report::{Report, Summary};
use serde::Serialize;
use std::io::{self, Write};
use std::process::ExitCode;
use std::sync::atomic::Ordering;

// Checking allocates many small values per draft on every worker; mimalloc's per-thread heaps
// serve that faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The format version of the drafts this build checks.
pub const FORMAT_VERSION: u32 = 1;

/// The tool as reports name it.
#[derive(Serialize)]
pub struct Tool<'a> {
    name: &'static str,
    version: &'static str,
    format_version: u32,
    registry_version: &'a str,
}

impl<'a> Tool<'a> {
    pub fn new(registry: &'a Registry) -> Self {
        Tool {
            name: "nrm",
            version: env!("CARGO_PKG_VERSION"),
            format_version: FORMAT_VERSION,
            registry_version: &registry.version,
        }
    }
}

/// Why a command could not run (exit 2).
struct Failure(String);

fn main() -> ExitCode {
    let built_in = Registry::built_in();
    let version = format!(
        "{} (format version {FORMAT_VERSION}; first responder registry {}, reviewed {})",
        env!("CARGO_PKG_VERSION"),
        built_in.version,
        built_in.reviewed_on
    );
    let matches = Cli::command().version(version).get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(error) => error.exit(),
    };
    let result = match cli.command {
        Command::Check(args) => run_check(args),
        Command::Render(args) => run_render(args),
        Command::Email(args) => run_email(args),
        Command::New(args) => run_new(args),
        Command::Schema => print_text(schema::TEXT),
        Command::Rules { markdown } => print_rules(markdown),
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "nrm", &mut out);
            print_bytes(&out)
        }
        Command::Man => print_man(),
        Command::Explain { rule } => explain(&rule),
    };
    match result {
        Ok(code) => code,
        Err(Failure(message)) => {
            eprintln!("nrm: {message}");
            ExitCode::from(2)
        }
    }
}

/// The registry: `--registry`, else the config's, else the built-in one.
fn load_registry(common: &Common) -> Result<Registry, Failure> {
    let config = config::load(common.config.as_deref()).map_err(Failure)?;
    match common.registry.as_ref().or(config.registry.as_ref()) {
        Some(path) => Registry::load(path).map_err(Failure),
        None => Ok(Registry::built_in()),
    }
}

/// What checking needs, from the options every checking command shares.
fn settings(checks: &Checks, show_values: bool) -> Result<Settings, Failure> {
    let source_date_epoch = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(text) => Some(
            text.trim()
                .parse::<i64>()
                .map_err(|_| Failure("SOURCE_DATE_EPOCH must be a whole number of seconds".into()))?,
        ),
        Err(_) => None,
    };
    Ok(Settings {
        registry: load_registry(&checks.common)?,
        today: checks.today.unwrap_or_else(|| chrono::Local::now().date_naive()),
        show_values,
        deny_warnings: checks.deny_warnings,
        source_date_epoch,
    })
}

fn jobs(checks: &Checks) -> usize {
    checks.jobs.map_or_else(|| std::thread::available_parallelism().map_or(1, usize::from), usize::from)
}

fn run_check(args: CheckArgs) -> Result<ExitCode, Failure> {
    inputs::all_exist(&args.paths).map_err(Failure)?;
    let settings = settings(&args.checks, args.show_values)?;
    let mut report: Box<dyn Report> = match args.format {
        Format::Human => Box::new(report::human::Human { quiet: args.quiet }),
        Format::Json => Box::new(report::json::Json::default()),
        Format::Sarif => Box::new(report::sarif::Sarif::default()),
        Format::Junit => {
            Box::new(report::junit::Junit::new().map_err(|e| Failure(format!("cannot make a temporary file: {e}")))?)
        }
        Format::Github => Box::new(report::github::Github),
    };
    // Colour, in the human format only, on a terminal only, and never under NO_COLOR
    // (anstream strips it otherwise).
    let mut out: Box<dyn Write> = match args.format {
        Format::Human => Box::new(io::BufWriter::new(anstream::AutoStream::auto(io::stdout().lock()))),
        _ => Box::new(io::BufWriter::new(io::stdout().lock())),
    };
    let mut summary = Summary::default();
    let progress = progress::Progress::new();
    let skipped = |path: &std::path::Path, why: &str| progress.note(&format!("nrm: skipped {}: {why}", path.display()));
    let check = |input| batch::check_input(input, &settings);
    batch::run(&args.paths, jobs(&args.checks), skipped, check, |checked| {
        summary.add(&checked.outcome, &settings);
        progress.advance();
        report.draft(&mut out, &checked, &settings)
    })
    .map_err(write_failed)?;
    progress.finish();
    report.finish(&mut out, &summary, &settings).map_err(write_failed)?;
    out.flush().map_err(write_failed)?;
    Ok(if summary.failed == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// `nrm render`: checks each draft, as `check` does, and writes a package for each that passes.
fn run_render(args: RenderArgs) -> Result<ExitCode, Failure> {
    inputs::all_exist(&args.paths).map_err(Failure)?;
    let settings = settings(&args.checks, false)?;
    let sca = if args.email {
        let config = config::load(args.checks.common.config.as_deref()).map_err(Failure)?;
        let sca = config
            .sca
            .ok_or_else(|| Failure("--email needs the SCA's address: set `[sca] email` in the config".into()))?;
        let from = config.smtp.and_then(|smtp| smtp.from);
        Some((sca.email, from))
    } else {
        None
    };
    ctrlc::set_handler(|| package::INTERRUPTED.store(true, Ordering::SeqCst))
        .map_err(|e| Failure(format!("cannot watch for Ctrl-C: {e}")))?;
    let mut report = report::human::Human { quiet: false };
    let mut out = io::BufWriter::new(anstream::AutoStream::auto(io::stdout().lock()));
    let mut summary = Summary::default();
    let (mut written, mut refused) = (0, 0);
    let progress = progress::Progress::new();
    let skipped = |path: &std::path::Path, why: &str| progress.note(&format!("nrm: skipped {}: {why}", path.display()));
    let render = |input| {
        let checked = batch::check_input(input, &settings);
        let package =
            checked.outcome.passed(&settings).then(|| render_one(&checked.outcome, &settings, &args, sca.as_ref()));
        (checked, package)
    };
    batch::run(&args.paths, jobs(&args.checks), skipped, render, |(checked, package)| {
        summary.add(&checked.outcome, &settings);
        progress.advance();
        report.draft(&mut out, &checked, &settings)?;
        match package {
            Some(Ok(folder)) => {
                written += 1;
                writeln!(out, "{}: package written to {}", checked.path, folder.display())
            }
            Some(Err(refusal)) => {
                refused += 1;
                let why = match refusal {
                    package::Refusal::Exists(folder) => {
                        format!("{} exists already; use --force to replace it", folder.display())
                    }
                    package::Refusal::Interrupted => "interrupted; no package written".to_owned(),
                    package::Refusal::Io(message) => message,
                };
                progress.note(&format!("nrm: {}: {why}", checked.path));
                Ok(())
            }
            None => Ok(()),
        }
    })
    .map_err(write_failed)?;
    progress.finish();
    let drafts = if summary.files == 1 { "draft" } else { "drafts" };
    let packages = if written == 1 { "package" } else { "packages" };
    writeln!(out, "{} {drafts}: {written} {packages} written, {} failed their checks", summary.files, summary.failed)
        .and_then(|()| out.flush())
        .map_err(write_failed)?;
    Ok(if package::INTERRUPTED.load(Ordering::SeqCst) {
        ExitCode::from(130)
    } else if refused > 0 {
        ExitCode::from(2)
    } else if summary.failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Renders and writes one passing draft's package, with its email when `sca` (the recipient
/// and the configured sender) is given.
fn render_one(
    outcome: &check::Outcome,
    settings: &Settings,
    args: &RenderArgs,
    sca: Option<&(String, Option<String>)>,
) -> Result<std::path::PathBuf, package::Refusal> {
    if package::INTERRUPTED.load(Ordering::SeqCst) {
        return Err(package::Refusal::Interrupted);
    }
    let (Some(reference), Some(value)) = (&outcome.reference, &outcome.value) else {
        return Err(package::Refusal::Io("the draft has no reference to name its package".into()));
    };
    package::may_write(&args.out, reference, args.force)?;
    let mut files = render::package(value, &outcome.findings, settings).map_err(package::Refusal::Io)?;
    if let Some((to, from)) = sca {
        let eml = email::compose_files(&files, to, from.as_deref()).map_err(package::Refusal::Io)?;
        files.push(render::File { name: "email.eml", bytes: eml.message.formatted() });
    }
    package::write(&args.out, reference, &files, args.force)
}

/// `nrm email`: verifies a package, writes its email.eml, and with `--send` sends it, once.
fn run_email(args: EmailArgs) -> Result<ExitCode, Failure> {
    let config = config::load(args.config.as_deref()).map_err(Failure)?;
    let to = args
        .to
        .clone()
        .or_else(|| config.sca.as_ref().map(|sca| sca.email.clone()))
        .ok_or_else(|| Failure("no recipient: give --to, or set `[sca] email` in the config".into()))?;
    if !args.package.is_dir() {
        return Err(Failure(format!("{}: no such package folder", args.package.display())));
    }
    match package::verify(&args.package) {
        Ok(_) => {}
        Err(differences) => {
            eprintln!("nrm: {} does not match its manifest; nothing was written or sent:", args.package.display());
            differences.iter().for_each(|d| eprintln!("  {d}"));
            return Ok(ExitCode::FAILURE);
        }
    }
    let sent = args.package.join("sent.json");
    if args.send && !args.resend && sent.exists() {
        return Err(Failure(format!(
            "{} was sent already (see sent.json); use --resend to send it again",
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
        "sent_at": chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
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

fn write_failed(error: io::Error) -> Failure {
    Failure(format!("cannot write the report: {error}"))
}

fn print_bytes(bytes: &[u8]) -> Result<ExitCode, Failure> {
    io::stdout().lock().write_all(bytes).map_err(write_failed)?;
    Ok(ExitCode::SUCCESS)
}

fn print_man() -> Result<ExitCode, Failure> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut out).map_err(write_failed)?;
    print_bytes(&out)
}

fn print_text(text: &str) -> Result<ExitCode, Failure> {
    print_bytes(text.as_bytes())
}

/// `nrm rules`: one line a rule, or with `--markdown` every rule in full (docs/rules.md).
fn print_rules(markdown: bool) -> Result<ExitCode, Failure> {
    let text: String = if markdown {
        let mut text = String::from(
            "# The rules of `nrm check`\n\nGenerated by `nrm rules --markdown` from the text beside each rule's code in \
             `src/rules/`; `nrm explain RULE` prints the same.\n",
        );
        for rule in rules::catalogue() {
            text += &format!("\n## {} ({})\n\n{}\n", rule.id, rule.severity.as_str(), explanation(rule));
        }
        text
    } else {
        rules::catalogue()
            .map(|rule| format!("{}  {:<7}  {}\n", rule.id, rule.severity.as_str(), rule.summary))
            .collect()
    };
    print_text(&text)
}

/// A rule in full: what it checks, why, its source, a failing and a passing fragment.
fn explanation(rule: &rules::Rule) -> String {
    let source = if rule.source.is_empty() { "the draft format, version 1" } else { rule.source };
    format!(
        "{}.\n\nWhy: {}\n\nSource: {source}\n\nFails:\n\n    {}\n\nPasses:\n\n    {}\n",
        capitalised(rule.summary),
        rule.why,
        rule.fails,
        rule.passes
    )
}

/// `nrm new`.
fn run_new(args: NewArgs) -> Result<ExitCode, Failure> {
    let config = config::load(args.config.as_deref()).map_err(Failure)?;
    let first_responder = config.first_responder.unwrap_or_default();
    let request = skeleton::Request {
        case: if args.child { skeleton::Case::Child } else { skeleton::Case::Adult },
        nation: args.nation.as_deref(),
        route: &args.route,
        today: chrono::Local::now().date_naive(),
        first_responder: &first_responder,
    };
    let text = skeleton::draft(&request).map_err(Failure)?;
    let Some(path) = args.out else { return print_text(&text) };
    // A draft holds a person's details: private, and never written over another file.
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(&path).map_err(|e| {
        let why = if e.kind() == io::ErrorKind::AlreadyExists {
            "exists already; nrm new never overwrites a file".to_owned()
        } else {
            e.to_string()
        };
        Failure(format!("{}: {why}", path.display()))
    })?;
    file.write_all(text.as_bytes()).map_err(|e| Failure(format!("{}: {e}", path.display())))?;
    eprintln!("nrm: wrote {}; `nrm check {}` lists what is left to fill in", path.display(), path.display());
    Ok(ExitCode::SUCCESS)
}

fn explain(id: &str) -> Result<ExitCode, Failure> {
    let rule = rules::find(&id.to_ascii_uppercase())
        .ok_or_else(|| Failure(format!("there is no rule {id}; `nrm rules` lists them all")))?;
    print_text(&format!("{} ({})\n\n{}", rule.id, rule.severity.as_str(), explanation(rule)))
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
