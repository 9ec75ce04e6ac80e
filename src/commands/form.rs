//! `nrm form`: the guided form (form.md) on this machine, for a draft file.

use super::{Failure, settings_with};
use crate::cli::FormArgs;
use crate::form;
use std::process::ExitCode;
use std::time::Duration;

pub fn run(args: FormArgs) -> Result<ExitCode, Failure> {
    let settings = settings_with(&args.common, args.today, false, false)?;
    let sca = super::render::sca(args.common.config.as_deref())?;
    form::serve(form::Options {
        draft: args.draft,
        port: args.port,
        idle: Duration::from_secs_f64(args.idle * 60.0),
        open_browser: !args.no_browser,
        settings,
        sca,
    })?;
    Ok(ExitCode::SUCCESS)
}
