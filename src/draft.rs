//! A lenient, read-only view of a parsed draft, and the facts derived from it (ages, age group).
//!
//! Rules read the draft through this view: a member that is missing or of the wrong type reads
//! as absent, so a rule stays quiet where the schema has already reported the problem.

use crate::rules::input::Version;
use chrono::{Datelike, NaiveDate};
use serde_json::Value;

/// Whether the rules treat the potential victim as a child or an adult.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgeGroup {
    Child,
    Adult,
}

/// What the draft says about age, worked out once for every rule.
#[derive(Debug, Default)]
pub struct Facts {
    pub prepared_on: Option<NaiveDate>,
    /// The date of birth, when it is a real date giving a plausible age (AGE004 reports others).
    pub date_of_birth: Option<NaiveDate>,
    /// Completed years on `prepared_on`, when the date of birth gives a plausible age (0 to 120).
    pub age: Option<i32>,
    pub claimed_age: Option<i64>,
    /// `None` when nothing says child and `age_status` is missing or not a known value.
    pub group: Option<AgeGroup>,
}

/// The coded facts a batch report counts (`nrm check --format html`): each one a code of the
/// format's own lists, or absent, never text a person wrote, so a report of them can be shared.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Profile {
    /// `child`, `adult` or `age_disputed`: the age group the rules apply, with a dispute kept apart.
    pub age_group: Option<&'static str>,
    pub gender: Option<&'static str>,
    pub nationality: Option<&'static str>,
    pub nation: Option<&'static str>,
    pub route: Option<&'static str>,
    pub organisation: Option<&'static str>,
    /// The kinds of exploitation, in the draft's order.
    pub types: Vec<&'static str>,
}

pub struct Draft<'a> {
    value: &'a Value,
    /// The format version the draft says it is (the current one when it says none, as the check
    /// reads it): the members some facts are read from differ.
    pub version: Version,
    pub facts: Facts,
    /// Pointers to values the schema found wrong: they read as absent.
    invalid: Vec<String>,
}

/// The oldest age the format accepts.
pub const MAX_AGE: i32 = 120;

impl<'a> Draft<'a> {
    pub fn new(value: &'a Value) -> Self {
        let version = match value.get("format_version").and_then(Value::as_u64) {
            Some(1) => Version::V1,
            Some(2) => Version::V2,
            _ => Version::V3,
        };
        let mut draft = Draft { value, version, facts: Facts::default(), invalid: Vec::new() };
        draft.facts = draft.derive_facts();
        draft
    }

    fn derive_facts(&self) -> Facts {
        let prepared_on = self.date("/prepared_on");
        let born = self.date("/potential_victim/date_of_birth");
        let age = match (born, prepared_on) {
            (Some(born), Some(on)) if born <= on => Some(age_on(born, on)).filter(|age| *age <= MAX_AGE),
            _ => None,
        };
        let date_of_birth = born.filter(|_| age.is_some());
        let claimed_age = self.int("/potential_victim/claimed_age");
        let status = self.str("/potential_victim/age_status");
        let may_be_child = matches!(status, Some("child" | "age_disputed"))
            || claimed_age.is_some_and(|years| years < 18)
            || age.is_some_and(|years| years < 18);
        let group = if may_be_child {
            Some(AgeGroup::Child)
        } else if status == Some("adult") {
            Some(AgeGroup::Adult)
        } else {
            None
        };
        Facts { prepared_on, date_of_birth, age, claimed_age, group }
    }

    /// From now on, these values read as absent (see `schema::invalid_values`).
    pub fn ignore(&mut self, invalid: Vec<String>) {
        self.invalid = invalid;
    }

    pub fn is_child(&self) -> bool {
        self.facts.group == Some(AgeGroup::Child)
    }

    pub fn is_adult(&self) -> bool {
        self.facts.group == Some(AgeGroup::Adult)
    }

    /// The draft's coded facts. Values the schema found wrong read as absent, and each code is
    /// looked up in the format's lists, so a misplaced name can never become a "fact".
    pub fn profile(&self) -> Profile {
        use crate::render::words::code;
        let listed = |list: &str, pointer: &str| code(list, self.str(pointer)?);
        let age_group = match (self.str("/potential_victim/age_status"), self.facts.group) {
            (Some("age_disputed"), _) => Some("age_disputed"),
            (_, Some(AgeGroup::Child)) => Some("child"),
            (_, Some(AgeGroup::Adult)) => Some("adult"),
            (_, None) => None,
        };
        Profile {
            age_group,
            gender: listed("gender", "/potential_victim/gender"),
            nationality: self.nationality_code(),
            nation: listed("nation", "/nation"),
            route: listed("route", "/route"),
            organisation: listed("organisation", "/first_responder/organisation/type"),
            types: self.types(),
        }
    }

    /// The nationality as an ISO 3166-1 alpha-2 code (or `unknown`): versions 1 and 2 hold the
    /// code, version 3 the service's entry, read back through `data/iso-service.json` (the
    /// nations of the UK as GB).
    pub fn nationality_code(&self) -> Option<&'static str> {
        use crate::render::words::{country_code, nationality_code};
        let nationality = self.str("/potential_victim/nationality")?;
        if self.version == Version::V3 { nationality_code(nationality) } else { country_code(nationality) }
    }

    /// The NRM's types of exploitation (`sexual`, `labour`, ...), in the draft's order, each once:
    /// versions 1 and 2 hold them; version 3 holds the service's ticks, each of one type
    /// (`data/kinds.json`).
    pub fn types(&self) -> Vec<&'static str> {
        use crate::render::words::{code, type_of_kind};
        let mut types = Vec::new();
        let listed: Vec<Option<&'static str>> = if self.version == Version::V3 {
            self.strings("/exploitation/kinds").map(|(_, kind)| type_of_kind(kind)).collect()
        } else {
            self.strings("/exploitation/types").map(|(_, kind)| code("type", kind)).collect()
        };
        for kind in listed.into_iter().flatten() {
            if !types.contains(&kind) {
                types.push(kind);
            }
        }
        types
    }

    /// The value at a pointer. The rules' pointers hold no escapes (`~0`, `~1`), so segments are
    /// looked up as written: serde_json's `pointer` unescapes, and allocates, for every segment.
    pub fn get(&self, pointer: &str) -> Option<&'a Value> {
        if self.invalid.iter().any(|invalid| invalid == pointer) {
            return None;
        }
        pointer.split('/').skip(1).try_fold(self.value, |value, segment| match value {
            Value::Object(members) => members.get(segment),
            Value::Array(items) => items.get(segment.parse::<usize>().ok()?),
            _ => None,
        })
    }

    pub fn has(&self, pointer: &str) -> bool {
        self.get(pointer).is_some()
    }

    pub fn str(&self, pointer: &str) -> Option<&'a str> {
        self.get(pointer)?.as_str()
    }

    pub fn bool(&self, pointer: &str) -> Option<bool> {
        self.get(pointer)?.as_bool()
    }

    pub fn is_true(&self, pointer: &str) -> bool {
        self.bool(pointer) == Some(true)
    }

    pub fn int(&self, pointer: &str) -> Option<i64> {
        self.get(pointer)?.as_i64()
    }

    pub fn date(&self, pointer: &str) -> Option<NaiveDate> {
        parse_date(self.str(pointer)?)
    }

    /// The string items of an array, with their indexes; other items are skipped.
    pub fn strings(&self, pointer: &str) -> impl Iterator<Item = (usize, &'a str)> {
        self.get(pointer)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
            .filter_map(|(index, item)| Some((index, item.as_str()?)))
    }
}

/// A full calendar date, `YYYY-MM-DD` and nothing else. (Read by hand: chrono's format parser
/// was a tenth of the time of checking a draft.)
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let shaped = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes.iter().enumerate().all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shaped {
        return None;
    }
    let number = |range: std::ops::Range<usize>| bytes[range].iter().fold(0, |n, b| n * 10 + u32::from(b - b'0'));
    NaiveDate::from_ymd_opt(i32::try_from(number(0..4)).ok()?, number(5..7), number(8..10))
}

/// Age in completed years on a day. Someone born on 29 February comes of age on 1 March in a
/// common year, as in English law: the birthday has not yet come on 28 February.
pub fn age_on(born: NaiveDate, on: NaiveDate) -> i32 {
    let had_birthday = (on.month(), on.day()) >= (born.month(), born.day());
    on.year() - born.year() - i32::from(!had_birthday)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        parse_date(text).unwrap()
    }

    #[test]
    fn age_counts_completed_years() {
        assert_eq!(age_on(date("2008-11-22"), date("2026-11-21")), 17);
        assert_eq!(age_on(date("2008-11-22"), date("2026-11-22")), 18);
    }

    #[test]
    fn leap_day_birthday_comes_on_first_of_march_in_common_years() {
        assert_eq!(age_on(date("2008-02-29"), date("2026-02-28")), 17);
        assert_eq!(age_on(date("2008-02-29"), date("2026-03-01")), 18);
        assert_eq!(age_on(date("2008-02-29"), date("2028-02-29")), 20);
    }

    #[test]
    fn only_full_dates_parse() {
        assert!(parse_date("2026-02-28").is_some());
        for bad in ["2026-02-30", "2026-2-28", "26-02-28", "2026-02-28T00:00", "２０２６-02-28"] {
            assert!(parse_date(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn a_profile_holds_only_the_formats_codes() {
        let value = serde_json::json!({
            "nation": "wales",
            "route": "nrm",
            "first_responder": { "organisation": { "type": "Jane Doe's team" } },
            "potential_victim": { "age_status": "age_disputed", "gender": "female", "nationality": "Jane Doe" },
            "format_version": 2,
            "exploitation": { "types": ["labour", "a name", "criminal"] }
        });
        let profile = Draft::new(&value).profile();
        assert_eq!(
            profile,
            Profile {
                age_group: Some("age_disputed"),
                gender: Some("female"),
                nationality: None,
                nation: Some("wales"),
                route: Some("nrm"),
                organisation: None,
                types: vec!["labour", "criminal"],
            }
        );
        // A value the schema found wrong is not a fact, even when it is a code.
        let mut draft = Draft::new(&value);
        draft.ignore(vec!["/nation".to_owned()]);
        assert_eq!(draft.profile().nation, None);
        let child = serde_json::json!({ "potential_victim": { "age_status": "adult", "claimed_age": 15 } });
        assert_eq!(Draft::new(&child).profile().age_group, Some("child"), "the age group the rules apply");
    }

    #[test]
    fn a_version_3_profile_reads_the_services_entries_and_ticks_as_codes() {
        let value = serde_json::json!({
            "format_version": 3,
            "potential_victim": { "age_status": "child", "gender": "other", "nationality": "Vietnamese" },
            "exploitation": { "kinds": ["forced_to_commit_crime", "wages_taken", "forced_to_work", "a name"] }
        });
        let profile = Draft::new(&value).profile();
        assert_eq!(profile.nationality, Some("VN"));
        assert_eq!(profile.types, ["criminal", "labour"], "each type once, in the draft's order");
        assert_eq!(profile.gender, Some("other"));
        let scottish = serde_json::json!({ "format_version": 3, "potential_victim": { "nationality": "Scottish" } });
        assert_eq!(Draft::new(&scottish).nationality_code(), Some("GB"));
        let code = serde_json::json!({ "format_version": 3, "potential_victim": { "nationality": "VN" } });
        assert_eq!(Draft::new(&code).nationality_code(), None, "a code is not an entry of version 3");
    }
}
