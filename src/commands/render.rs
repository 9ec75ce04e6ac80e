//! `nrm render`: checks each draft, as `check` does, and writes a package for each that passes.

use super::{Failure, jobs, settings, write_failed};
use crate::check::{self, Settings};
use crate::cli::RenderArgs;
use crate::draft::Draft;
use crate::report::{Report, Summary};
use crate::{batch, config, email, inputs, package, progress, render, report};
use std::io::{self, Write};
use std::process::ExitCode;
use std::sync::atomic::Ordering;

pub fn run(args: RenderArgs) -> Result<ExitCode, Failure> {
    inputs::all_exist(&args.paths).map_err(Failure)?;
    let settings = settings(&args.checks, false)?;
    let sca = if args.email {
        let sca = sca(args.checks.common.config.as_deref())?
            .ok_or_else(|| Failure("--email needs the SCA's address: set `[sca] email` in the config".into()))?;
        Some(sca)
    } else {
        None
    };
    ctrlc::set_handler(|| package::INTERRUPTED.store(true, Ordering::SeqCst))
        .map_err(|e| Failure(format!("cannot watch for Ctrl-C: {e}")))?;
    let mut report = report::human::Human { quiet: false };
    let mut out = io::BufWriter::new(anstream::AutoStream::auto(io::stdout().lock()));
    let mut summary = Summary::default();
    let (mut written, mut refused) = (0, 0);
    let progress = progress::Progress::start();
    sweep(&args.out, |line| progress.note(line));
    let skipped = |path: &std::path::Path, why: &str| progress.note(&format!("nrm: skipped {}: {why}", path.display()));
    let mut older = 0;
    let render = |input| {
        let checked = batch::check_input(input, &settings);
        // A draft of an older format version is refused as a failed one is, whatever its checks.
        let refused = checked.outcome.value.as_ref().and_then(|value| render::refused(&Draft::new(value)));
        let package = (refused.is_none() && checked.outcome.passed(&settings))
            .then(|| render_package(&checked.outcome, &settings, &args.out, args.force, sca.as_ref()));
        (checked, refused, package)
    };
    batch::run(&args.paths, jobs(&args.checks), skipped, render, |(checked, older_version, package)| {
        summary.add(&checked.outcome, &settings);
        progress.advance();
        report.draft(&mut out, &checked, &settings)?;
        if let Some(why) = older_version {
            older += 1;
            progress.note(&format!("nrm: {}: {why}", checked.path));
        }
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
    let older_note = match older {
        0 => String::new(),
        n => format!(", {n} of an older format version (`nrm migrate`)"),
    };
    writeln!(
        out,
        "{} {drafts}: {written} {packages} written, {} failed their checks{older_note}",
        summary.files, summary.failed
    )
    .and_then(|()| out.flush())
    .map_err(write_failed)?;
    Ok(if package::INTERRUPTED.load(Ordering::SeqCst) {
        ExitCode::from(130)
    } else if refused > 0 {
        ExitCode::from(2)
    } else if summary.failed > 0 || older > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// The SCA's address and the configured sender, when the config names the SCA.
pub fn sca(config: Option<&std::path::Path>) -> Result<Option<(String, Option<String>)>, Failure> {
    let config = config::load(config).map_err(Failure)?;
    let from = config.smtp.and_then(|smtp| smtp.from);
    Ok(config.sca.map(|sca| (sca.email, from)))
}

/// Removes what a killed run left in the output folder, and says so with `note`. A sweep that
/// fails stops nothing: what it leaves is in the way of no package.
fn sweep(out: &std::path::Path, note: impl Fn(&str)) {
    match package::sweep(out) {
        Ok(swept) => swept.note().iter().for_each(|line| note(line)),
        Err(e) => note(&format!("nrm: cannot remove the temporary folders an earlier run left: {e}")),
    }
}

/// Writes one passing draft's package into `out`, as `nrm render` does, for the form's Finish: a
/// run of its own, so it first removes what a killed run left there.
pub fn write_package(
    outcome: &check::Outcome,
    settings: &Settings,
    out: &std::path::Path,
    force: bool,
    sca: Option<&(String, Option<String>)>,
) -> Result<std::path::PathBuf, package::Refusal> {
    sweep(out, |line| eprintln!("{line}"));
    render_package(outcome, settings, out, force, sca)
}

/// Renders and writes one passing draft's package into `out`, with its email when `sca` (the
/// recipient and the configured sender) is given: for `nrm render` and the form's Finish. A
/// draft of an older format version is refused (`render::refused`).
fn render_package(
    outcome: &check::Outcome,
    settings: &Settings,
    out: &std::path::Path,
    force: bool,
    sca: Option<&(String, Option<String>)>,
) -> Result<std::path::PathBuf, package::Refusal> {
    if package::INTERRUPTED.load(Ordering::SeqCst) {
        return Err(package::Refusal::Interrupted);
    }
    let (Some(reference), Some(value)) = (&outcome.reference, &outcome.value) else {
        return Err(package::Refusal::Io("the draft has no reference to name its package".into()));
    };
    package::may_write(out, reference, force)?;
    let mut files = render::package(value, &outcome.findings, settings).map_err(package::Refusal::Io)?;
    if let Some((to, from)) = sca {
        let eml = email::compose_files(&files, to, from.as_deref()).map_err(package::Refusal::Io)?;
        files.push(render::File { name: "email.eml", bytes: eml.message.formatted() });
    }
    package::write(out, reference, &files, force)
}
