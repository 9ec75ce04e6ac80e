//! `nrm`: checks UK National Referral Mechanism referral drafts before they are submitted.

mod batch;
mod check;
mod cli;
mod commands;
mod config;
mod draft;
mod email;
mod form;
mod inputs;
mod layout;
mod locate;
mod package;
mod progress;
mod questions;
mod registry;
mod render;
mod report;
mod rules;
mod schema;
mod skeleton;
mod source;
mod suggest;

use clap::{CommandFactory, FromArgMatches};
use cli::{Cli, Command};
use commands::Failure;
use registry::Registry;
use serde::Serialize;
use std::process::ExitCode;

// Checking allocates many small values per draft on every worker; mimalloc's per-thread heaps
// serve that faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The current format version: the one `nrm new` writes (version 1 drafts are still checked).
pub const FORMAT_VERSION: u32 = 2;

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

fn main() -> ExitCode {
    let built_in = Registry::built_in();
    let version = format!(
        "{} (format version {FORMAT_VERSION}, and 1; first responder registry {}, reviewed {}; online form lists of {})",
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
