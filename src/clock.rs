//! The wall clock, read in one place. Every day a check compares with comes from `--today` or
//! from here, and every time a record carries (JUnit's timestamp, when an email was sent) too.
//!
//! With `NRM_NO_CLOCK` set, reading it is refused (the command stops with status 2): a run that
//! must not depend on the day it happens can prove it does not. The test suite's runs on the
//! real clock set it for the tests it does not repeat under a faked clock (`.ci/clock-free`).

use chrono::{DateTime, Local, NaiveDate, Utc};

/// The machine's local date.
pub fn today() -> NaiveDate {
    guard();
    Local::now().date_naive()
}

/// The present moment.
pub fn now() -> DateTime<Utc> {
    guard();
    Utc::now()
}

fn guard() {
    if std::env::var_os("NRM_NO_CLOCK").is_some() {
        eprintln!("nrm: NRM_NO_CLOCK is set, yet this run needs the clock (give --today)");
        std::process::exit(2);
    }
}
