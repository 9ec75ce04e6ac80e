//! The config file (TOML): found from `--config`, else `NRM_CONFIG`, else `./nrm.toml`, else
//! `$XDG_CONFIG_HOME/nrm/config.toml` (`~/.config/nrm/config.toml`). Every table is optional;
//! an unknown key is an error, so a misspelt setting never passes silently.

use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Replaces the built-in first responder registry; relative to the config file.
    pub registry: Option<PathBuf>,
    /// Defaults for `nrm new`.
    pub first_responder: Option<FirstResponder>,
    /// The Single Competent Authority contact for `nrm email`.
    pub sca: Option<Sca>,
    /// How `nrm email --send` sends.
    pub smtp: Option<Smtp>,
}

/// The first responder `nrm new` fills in: anything left out stays to fill in.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FirstResponder {
    /// The online service asks the first name and the last name apart (format version 3).
    pub first_name: String,
    pub last_name: String,
    /// The one name of configs written for format version 2: still read, so such a config keeps
    /// working, but never split into a first and a last name (which words are which is the
    /// person's to say); `nrm new` leaves both to fill in and says so.
    pub name: String,
    pub role: String,
    pub email: String,
    pub phone: String,
    pub organisation: Organisation,
    /// Who the Home Office contacts in the first responder's absence: a manager or team inbox.
    pub contact_in_absence: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Organisation {
    #[serde(rename = "type")]
    pub kind: String,
    pub name: String,
    pub ngo: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sca {
    pub email: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Smtp {
    pub host: String,
    /// Default: 587 with `starttls`, 465 with `tls`, 25 with `none`.
    pub port: Option<u16>,
    #[serde(default)]
    pub security: Security,
    /// The password comes from `NRM_SMTP_PASSWORD` only.
    pub username: Option<String>,
    /// An extra trusted root certificate, PEM; relative to the config file.
    pub ca_cert: Option<PathBuf>,
    /// The sender, instead of the first responder's own address.
    pub from: Option<String>,
}

/// How the connection to the SMTP server is protected.
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Security {
    /// Plain connection upgraded with STARTTLS, which must succeed.
    #[default]
    Starttls,
    /// TLS from the first byte (SMTPS).
    Tls,
    /// No TLS: only to a server on this machine.
    None,
}

/// Where the config comes from, in the order cli.md gives; `None` when there is none.
pub fn find(explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(path) = explicit {
        return Some(path.to_owned());
    }
    if let Some(path) = std::env::var_os("NRM_CONFIG").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    let local = PathBuf::from("nrm.toml");
    if local.is_file() {
        return Some(local);
    }
    let config_home = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".config")))?;
    Some(config_home.join("nrm").join("config.toml")).filter(|path| path.is_file())
}

/// Reads the config; the error names the file and what is wrong.
pub fn load(explicit: Option<&Path>) -> Result<Config, String> {
    let Some(path) = find(explicit) else { return Ok(Config::default()) };
    let text = std::fs::read_to_string(&path)
        .map_err(|error| format!("cannot read the config file {}: {error}", path.display()))?;
    parse(&text, &path)
}

/// Parses the text of the config file at `path`, making its relative paths relative to the
/// file's folder; the error names the file and what is wrong.
pub fn parse(text: &str, path: &Path) -> Result<Config, String> {
    let mut config: Config = toml::from_str(text).map_err(|error| {
        // toml's own rendering quotes the offending line, which could be a password typed into
        // the file: the position and the message say what is wrong without it.
        let at = error.span().map_or(String::new(), |span| {
            let before = text.get(..span.start).unwrap_or(text);
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().unwrap_or_default().chars().count() + 1;
            format!(", line {line}, column {column}")
        });
        format!("the config file {} is not valid{at}: {}", path.display(), error.message().trim_end())
    })?;
    if let Some(folder) = path.parent() {
        config.registry = config.registry.map(|registry| folder.join(registry));
        if let Some(smtp) = &mut config.smtp {
            smtp.ca_cert = smtp.ca_cert.take().map(|ca| folder.join(ca));
        }
    }
    Ok(config)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_says_where_and_what_without_quoting_the_file() {
        let text = "[smtp]\nhost = \"smtp.example.gov.uk\"\npassword = \"hunter2-secret\"\n";
        let Err(error) = parse(text, Path::new("nrm.toml")) else { panic!("a password in the file is refused") };
        assert!(!error.contains("hunter2"), "{error}");
        assert!(error.contains("line 3, column 1") && error.contains("`password`"), "{error}");
        let Err(error) = parse("[sca\nemail = 1", Path::new("nrm.toml")) else { panic!("not TOML") };
        assert!(error.starts_with("the config file nrm.toml is not valid, line 1"), "{error}");
    }
}
