//! The progress bar: on standard error, only when it is a terminal and only once a run has
//! taken a second, so short runs and CI logs never see it.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::{Duration, Instant};

/// How long a run goes before the bar appears.
const DELAY: Duration = Duration::from_secs(1);

pub struct Progress {
    bar: ProgressBar,
    started: Instant,
    terminal: bool,
}

impl Progress {
    /// A bar for a run that starts now.
    pub fn start() -> Self {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        bar.set_style(
            ProgressStyle::with_template("{spinner} {pos} drafts checked ({per_sec}, {elapsed})")
                .expect("the progress template is valid"),
        );
        Progress { bar, started: Instant::now(), terminal: std::io::stderr().is_terminal() }
    }

    /// One more draft done; shows the bar once the run has taken long enough.
    pub fn advance(&self) {
        if self.terminal && self.bar.is_hidden() && self.started.elapsed() >= DELAY {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
        self.bar.inc(1);
    }

    /// A line on standard error that does not tear the bar.
    pub fn note(&self, line: &str) {
        self.bar.suspend(|| eprintln!("{line}"));
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
