//! `nrm check`: drafts checked on every core, reported in one of the formats.

use super::{Failure, NewFile, jobs, settings, write_failed};
use crate::cli::{CheckArgs, Format};
use crate::report::{self, Report, Summary};
use crate::{batch, inputs, progress};
use std::io::{self, Write};
use std::process::ExitCode;

pub fn run(args: CheckArgs) -> Result<ExitCode, Failure> {
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
        Format::Html => Box::new(report::html::Html::new(&settings)),
    };
    let mut file = args.out.as_deref().map(|path| NewFile::create(path, "check")).transpose()?;
    // Colour, in the human format only, on a terminal only, and never under NO_COLOR
    // (anstream strips it otherwise, and always in a file).
    let mut out: Box<dyn Write> = match (&mut file, args.format) {
        (Some(file), Format::Human) => Box::new(io::BufWriter::new(anstream::StripStream::new(file.file()))),
        (Some(file), _) => Box::new(io::BufWriter::new(file)),
        (None, Format::Human) => Box::new(io::BufWriter::new(anstream::AutoStream::auto(io::stdout().lock()))),
        (None, _) => Box::new(io::BufWriter::new(io::stdout().lock())),
    };
    let mut summary = Summary::default();
    let progress = progress::Progress::start();
    let skipped = |path: &std::path::Path, why: &str| progress.note(&format!("nrm: skipped {}: {why}", path.display()));
    let human = matches!(args.format, Format::Human);
    let check = |input| {
        let mut checked = batch::check_input(input, &settings);
        // Freed here, on the worker, not on the thread that writes the report: only the human
        // format reads the text again, and no format reads the parsed draft.
        checked.outcome.value = None;
        if !human {
            checked.outcome.text = None;
        }
        checked
    };
    batch::run(&args.paths, jobs(&args.checks), skipped, check, |checked| {
        summary.add(&checked.outcome, &settings);
        progress.advance();
        report.draft(&mut out, &checked, &settings)
    })
    .map_err(write_failed)?;
    progress.finish();
    report.finish(&mut out, &summary, &settings).map_err(write_failed)?;
    out.flush().map_err(write_failed)?;
    drop(out);
    if let Some(file) = file {
        file.finish()?;
    }
    Ok(if summary.failed == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}
