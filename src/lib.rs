//! `nrm`: checks UK National Referral Mechanism referral drafts before they are submitted.
//!
//! The library holds everything the command line does, so that the fuzz targets (`fuzz/`) reach
//! the same code; `main.rs` only parses the command line and hands it to `commands`.

pub mod batch;
pub mod check;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod config;
pub mod draft;
pub mod email;
pub mod form;
pub mod inputs;
pub mod layout;
pub mod locate;
pub mod migrate;
pub mod package;
pub mod progress;
pub mod questions;
pub mod registry;
pub mod render;
pub mod report;
pub mod rules;
pub mod schema;
pub mod service;
pub mod skeleton;
pub mod source;
pub mod suggest;
pub mod visible;

use registry::Registry;
use serde::Serialize;

/// The current format version: the one `nrm new` writes (versions 1 and 2 are still checked).
pub const FORMAT_VERSION: u32 = 3;

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
