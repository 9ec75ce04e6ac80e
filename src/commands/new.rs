//! `nrm new`: a draft skeleton, on standard output or in a new private file.

use super::{Failure, NewFile, print_text};
use crate::cli::NewArgs;
use crate::{config, skeleton};
use std::process::ExitCode;

pub fn run(args: NewArgs) -> Result<ExitCode, Failure> {
    let config = config::load(args.config.as_deref()).map_err(Failure)?;
    let first_responder = config.first_responder.unwrap_or_default();
    let request = skeleton::Request {
        case: if args.child { skeleton::Case::Child } else { skeleton::Case::Adult },
        nation: args.nation.as_deref(),
        route: &args.route,
        today: super::today(args.today),
        first_responder: &first_responder,
        known: skeleton::Known::default(),
    };
    let text = skeleton::draft(&request).map_err(Failure)?;
    // A config written for format version 2 names the first responder in one `name`; which of its
    // words are the first name is not for `nrm new` to guess. Said without the name itself.
    if !first_responder.name.trim().is_empty()
        && (first_responder.first_name.is_empty() || first_responder.last_name.is_empty())
    {
        eprintln!(
            "nrm: the config's [first_responder] `name` is not used: the online service asks a first name and a \
             last name apart, so give them as `first_name` and `last_name` in the config; the draft leaves them to \
             fill in"
        );
    }
    let Some(path) = args.out else { return print_text(&text) };
    // A draft holds a person's details: private, and never written over another file.
    NewFile::write(&path, "new", &text)?;
    eprintln!("nrm: wrote {}; `nrm check {}` lists what is left to fill in", path.display(), path.display());
    Ok(ExitCode::SUCCESS)
}
