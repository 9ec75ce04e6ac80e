//! Codes in words: the format's enum values, country and language codes, and dates, as a
//! caseworker reads them ("domestic servitude", "Viet Nam", "14 March 2010").

use chrono::{Datelike, NaiveDate};
use serde_json::Value;
use std::sync::LazyLock;

static WORDS: LazyLock<Value> =
    LazyLock::new(|| serde_json::from_str(include_str!("../../data/words.json")).expect("data/words.json is JSON"));
static ISO: LazyLock<Value> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../../data/iso-names.json")).expect("data/iso-names.json is JSON")
});
static SERVICE_CODES: LazyLock<Value> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../../data/iso-service.json")).expect("data/iso-service.json is JSON")
});
static KINDS: LazyLock<Value> =
    LazyLock::new(|| serde_json::from_str(include_str!("../../data/kinds.json")).expect("data/kinds.json is JSON"));

/// A code of one of the format's lists in words (`data/words.json`); an unknown code as itself.
pub fn word(list: &str, code: &str) -> String {
    WORDS[list][code].as_str().unwrap_or(code).to_owned()
}

/// A code of one of the format's lists as the list spells it, or `None` for a code the list does
/// not hold: what a batch report counts is always one of the format's codes, never text.
pub fn code(list: &str, code: &str) -> Option<&'static str> {
    let words: &'static Value = &WORDS;
    words[list].as_object()?.get_key_value(code).map(|(code, _)| code.as_str())
}

/// A country code the format knows (ISO 3166-1 alpha-2, or `unknown`), as the list spells it.
pub fn country_code(code: &str) -> Option<&'static str> {
    let iso: &'static Value = &ISO;
    if code == "unknown" {
        return Some("unknown");
    }
    iso["countries"].as_object()?.get_key_value(code).map(|(code, _)| code.as_str())
}

/// The ISO code of one of the service's nationalities (`Vietnamese`: `VN`; the nations of the
/// UK: `GB`; `Unknown`: `unknown`), or `None` for text that is not an entry.
pub fn nationality_code(entry: &str) -> Option<&'static str> {
    let codes: &'static Value = &SERVICE_CODES;
    codes["nationality_codes"].get(entry)?.as_str()
}

/// The service's entry for an ISO code, in its list of `countries` or `nationalities`: the one
/// entry the code names, if there is one.
pub fn service_entry(list: &str, code: &str) -> Option<&'static str> {
    let codes: &'static Value = &SERVICE_CODES;
    codes[list].get(code)?.as_str()
}

/// The NRM type of exploitation a tick of the service's (`kinds`) belongs to.
pub fn type_of_kind(kind: &str) -> Option<&'static str> {
    let kinds: &'static Value = &KINDS;
    kinds["types"].get(kind)?.as_str()
}

pub fn country(code: &str) -> String {
    if code == "unknown" { "Not known".to_owned() } else { ISO["countries"][code].as_str().unwrap_or(code).to_owned() }
}

pub fn language(code: &str) -> String {
    language_name(code).unwrap_or(code).to_owned()
}

/// The English name of an ISO 639-1 language code, if it is one.
pub fn language_name(code: &str) -> Option<&'static str> {
    let iso: &'static Value = &ISO;
    iso["languages"].get(code)?.as_str()
}

/// Every language the format names, by name.
pub fn languages() -> Vec<(String, String)> {
    by_name(&ISO["languages"])
}

fn by_name(list: &Value) -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = list
        .as_object()
        .into_iter()
        .flatten()
        .filter_map(|(code, name)| Some((code.clone(), name.as_str()?.to_owned())))
        .collect();
    all.sort_by(|a, b| a.1.cmp(&b.1));
    all
}

/// "14 March 2010".
pub fn date(date: NaiveDate) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    format!("{} {} {}", date.day(), MONTHS[date.month0() as usize], date.year())
}

/// The text with its first letter in capitals: "Criminal exploitation".
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_as_words() {
        assert_eq!(word("type", "domestic_servitude"), "domestic servitude");
        assert_eq!(word("nation", "northern_ireland"), "Northern Ireland");
        assert_eq!(country("VN"), "Vietnam");
        assert_eq!(language("sq"), "Albanian");
        assert_eq!(date(NaiveDate::from_ymd_opt(2010, 3, 14).unwrap()), "14 March 2010");
    }
}
