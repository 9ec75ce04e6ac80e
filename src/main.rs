//! `nrm`: checks UK National Referral Mechanism referral drafts before they are submitted.

use clap::{CommandFactory, FromArgMatches};
use nrm::cli::{Cli, Command};
use nrm::commands::{self, Failure};
use nrm::registry::Registry;
use nrm::{FORMAT_VERSION, schema};
use std::process::ExitCode;

// Checking allocates many small values per draft on every worker; mimalloc's per-thread heaps
// serve that faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let built_in = Registry::built_in();
    let version = format!(
        "{} (format version {FORMAT_VERSION}, and 2 and 1; first responder registry {}, reviewed {}; online form lists of {})",
        env!("CARGO_PKG_VERSION"),
        built_in.version,
        built_in.reviewed_on,
        built_in.online_form.dated
    );
    let matches = Cli::command().version(version).get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(error) => error.exit(),
    };
    let result = match cli.command {
        Command::Check(args) => commands::check::run(args),
        Command::Render(args) => commands::render::run(args),
        Command::Email(args) => commands::email::run(args),
        Command::New(args) => commands::new::run(args),
        Command::Migrate(args) => commands::migrate::run(args),
        Command::Form(args) => commands::form::run(args),
        Command::Schema => commands::print_text(schema::TEXT),
        Command::Rules { markdown } => commands::docs::rules(markdown),
        Command::Explain { rule } => commands::docs::explain(&rule),
        Command::Completions { shell } => commands::docs::completions(shell),
        Command::Man => commands::docs::print_man(),
    };
    match result {
        Ok(code) => code,
        Err(Failure(message)) => {
            eprintln!("nrm: {message}");
            ExitCode::from(2)
        }
    }
}
