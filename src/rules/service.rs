//! SVC: what the online service itself refuses or changes. Each answer is checked as the service
//! checks it (`crate::service`): formatted, then each of its field's validators in order, the
//! first that fails giving the finding; an answer that passes them all is then checked for what
//! the service's sanitiser will change. The check hands over the answers (the question table
//! says which member answers which field); evidence has its own entry, `check_evidence`.
//! Choices (radios, checkboxes) are the schema's: it holds them to the service's options.

use super::{Context, Finding, Rule, Severity};
use crate::service::validators;
use crate::service::{Check, Field, Validator};
use std::borrow::Cow;

pub static SVC001: Rule = Rule {
    id: "SVC001",
    severity: Severity::Error,
    summary: "a phone number the service's phone validator refuses (libphonenumber, region GB: invalid, too short or long, a reserved range, a number from abroad without its country code)",
    why: "The service checks the potential victim's phone numbers with libphonenumber, reading a number without an international prefix as a UK one: a digit too few or too many, a range kept for drama (07700 900xxx, 01632 960xxx) or a short number (999, 112) is refused, and so is a number from abroad written without its country code.",
    source: "the online service: hof 23 `controller/validation/validators.js` (internationalPhoneNumber), libphonenumber-js 1.12.41; UKHomeOffice/modern-slavery `apps/nrm/fields/index.js`",
    fails: r#""support": { "contact": { "by": "own_phone", "phone": "07700 900123" } }"#,
    passes: r#""support": { "contact": { "by": "own_phone", "phone": "07911 123456" } }"#,
};

pub static SVC002: Rule = Rule {
    id: "SVC002",
    severity: Severity::Error,
    summary: "an email address the service's email validator refuses (its limits on the local part, the domain and each label; a top-level domain of fewer than two letters; a quoted local part)",
    why: "The service's email check is stricter than the standard: one `@`, at most 64 characters before it and 255 after, no part of the domain over 63, no quotes, no two dots together, and a top-level domain of two letters or more. The sign-in page has its own, looser check.",
    source: "the online service: hof 23 `controller/validation/email.js`; UKHomeOffice/modern-slavery `apps/common/validators.js` (isValidEmail, the sign-in)",
    fails: r#""first_responder": { "contact_in_absence": "duty.team@lincolnshire.gov.u" }"#,
    passes: r#""first_responder": { "contact_in_absence": "duty.team@lincolnshire.gov.uk" }"#,
};

pub static SVC003: Rule = Rule {
    id: "SVC003",
    severity: Severity::Error,
    summary: "a list answer that is not an entry of the service's list for that field (towns, regions, local authorities, police forces, countries, nationalities); name the nearest entries",
    why: "The service offers these answers as a list and compares what it is sent with the entries exactly, case and all: anything else is refused, mostly without a message. \"Cardiff\" is not an entry; \"Cardiff / Caerdydd\" is.",
    source: "the online service: hof 23 `controller/validation/index.js` (equal); UKHomeOffice/modern-slavery `ms-lists/` (`data/online-form/`)",
    fails: r#""potential_victim": { "current_location": { "town": "Cardiff", … } }"#,
    passes: r#""potential_victim": { "current_location": { "town": "Cardiff / Caerdydd", … } }"#,
};

pub static SVC004: Rule = Rule {
    id: "SVC004",
    severity: Severity::Error,
    summary: "free text in a field the service guards against addresses (`notUrl`) holds a web address, an email address or a domain name",
    why: "Two of the service's text fields (the details of the last contact, and of co-operation with the authorities) refuse anything that looks like an address, without a message: a word, a full stop and two to six lower-case letters, which also catches a file name (\"file.docx\") and a full stop without a space after it (\"left.then\").",
    source: "the online service: hof 23 `controller/validation/validators.js` (notUrl); UKHomeOffice/modern-slavery `apps/nrm/fields/index.js`",
    fails: r#""exploitation": { "last_contact_details": "They met on 3 May.He has texted since" }"#,
    passes: r#""exploitation": { "last_contact_details": "They met on 3 May. He has texted since" }"#,
};

pub static SVC005: Rule = Rule {
    id: "SVC005",
    severity: Severity::Error,
    summary: "text longer than the service's limit for its field, counted as the service counts it (each line break is two characters)",
    why: "The service counts a text as JavaScript does, after trimming it, and a browser sends each line break as two characters: text that fits a count of characters can still be refused. Most fields take 15,000; the relationship of an alternative contact, 250.",
    source: "the online service: hof 23 `controller/validation/validators.js` (maxlength); UKHomeOffice/modern-slavery `apps/nrm/fields/index.js`",
    fails: r#""alternative": { "phone": "…", "relationship": "(251 characters)" }"#,
    passes: r#""alternative": { "phone": "…", "relationship": "Her sister, who she lives with" }"#,
};

pub static SVC006: Rule = Rule {
    id: "SVC006",
    severity: Severity::Warning,
    summary: "text that the service's sanitiser will change when it stores it (`<`, `>`, `[`, `]`, `~` gain a `-`; `|`, `/*`, `*/` become `-`; `&&`, `@@` collapse; dash runs become `-`): say which characters, and what will be stored",
    why: "The service accepts such text and stores it changed, without saying so: `<`, `>`, `[`, `]` and `~` gain a `-` after them, `|`, `/*` and `*/` become `-`, runs of `&` or `@` become one, `c:\\`, `cmd.exe`, `/etc/passwd`, `&#` and `%U` become `-`, and en and em dashes or runs of dashes become one `-`. A name, an alias or a reference changed unseen may no longer match the person's records. (The service's rule for `..` is turned off: two full stops are kept.)",
    source: "the online service: hof 23 `config/sanitisation-rules.js`, `controller/base-controller.js` (_sanitize), `controller/formatting/formatters.js` (hyphens); UKHomeOffice/modern-slavery `apps/common/behaviours/sanitise-inputs.js`",
    fails: r#""potential_victim": { "nickname": "Jo <Joey>" }"#,
    passes: r#""potential_victim": { "nickname": "Jo (Joey)" }"#,
};

pub static SVC007: Rule = Rule {
    id: "SVC007",
    severity: Severity::Error,
    summary: "an evidence file the upload page refuses: a type other than the allowed ones, over the size limit, more files than allowed, or no description",
    why: "The upload page takes PDF, Word (.doc, .docx), JPEG and PNG files, each at most 26,214,399 bytes (just under 25 MB), and lets a referral go on with at most 99 of them (a 100th is taken, and then the page cannot be left); the next page asks what each document is.",
    source: "the online service: UKHomeOffice/modern-slavery `apps/nrm/behaviours/save-file.js`, `limit-documents.js`, `server.js`",
    fails: r#""evidence": [ { "file": "statement.txt", "description": "Her statement to the police" } ]"#,
    passes: r#""evidence": [ { "file": "statement.pdf", "description": "Her statement to the police" } ]"#,
};

pub static SVC008: Rule = Rule {
    id: "SVC008",
    severity: Severity::Warning,
    summary: "an answer that is an entry of the service's list but one the service cannot accept as typed (an entry that ends in a space, compared after trimming): choose a neighbouring entry and say why in the details",
    why: "Two entries of the service's lists end in a space (the town \"Dromore \" and the nationality \"Citizen of Vanuatu \"): the service trims what it is sent before it compares, so they are offered and always refused, with or without the space. No answer is right; the nearest that the service takes, and the details in words, keep the referral going.",
    source: "the online service: UKHomeOffice/modern-slavery `ms-lists/ms_uk_cities_and_towns.js`, `ms-lists/ms_nationalities.js`; hof 23 `controller/formatting/formatters.js` (trim)",
    fails: r#""exploitation": { "uk_towns": ["Dromore"] }"#,
    passes: r#""exploitation": { "uk_towns": ["Banbridge"], "uk_location_details": "Dromore, County Down, which the service cannot take" }"#,
};

pub static SVC009: Rule = Rule {
    id: "SVC009",
    severity: Severity::Error,
    summary: "a number the service wants as digits (a count) or a date outside what the service accepts (on or before 1 January 1900, or after today)",
    why: "The service takes the number of children as digits alone, and a date of birth only if it is a real day after 1 January 1900 and not after the day it is entered.",
    source: "the online service: hof 23 `controller/validation/validators.js` (numeric, date, before, after); UKHomeOffice/modern-slavery `apps/nrm/fields/index.js`",
    fails: r#""potential_victim": { "date_of_birth": "1900-01-01" }"#,
    passes: r#""potential_victim": { "date_of_birth": "1990-01-01" }"#,
};

pub static RULES: [&Rule; 9] = [&SVC001, &SVC002, &SVC003, &SVC004, &SVC005, &SVC006, &SVC007, &SVC008, &SVC009];

/// One answer as the service will receive it: the draft member it comes from, the service's
/// field, and the text to be entered (a list entry, a text as written, a phone number...).
pub struct Answer<'a> {
    pub pointer: String,
    pub field: &'static Field,
    pub text: Cow<'a, str>,
}

/// One evidence document: its pointer (`/evidence/N`), file name and size if given. Its
/// description is the schema's to require (annotated SVC007), so that a missing one is said once.
pub struct Document<'a> {
    pub pointer: String,
    pub file: &'a str,
    pub bytes: Option<u64>,
}

/// The SVC findings for these answers; `today` for dates, `show_values` for messages.
pub fn check(answers: &[Answer], cx: &Context, out: &mut Vec<Finding>) {
    for answer in answers {
        let text = validators::format(answer.field, &answer.text);
        // Every check passes an empty answer; whether one is needed is REQ001's.
        if text.is_empty() {
            continue;
        }
        if answer.field.unselectable(&text) {
            out.push(Finding::new(&SVC008, &answer.pointer, unselectable(cx, &answer.text)));
            continue;
        }
        let refusal = answer.field.validators.iter().find_map(|rule| refused(answer, rule, &text, cx));
        match refusal {
            Some(finding) => out.push(finding),
            None => changed(answer, cx, out),
        }
    }
}

/// The finding when this validator refuses the formatted text; `None` when it passes, or when
/// it is not SVC's to check.
fn refused(answer: &Answer, rule: &Validator, text: &str, cx: &Context) -> Option<Finding> {
    let field = answer.field;
    let quoted = cx.quote(&answer.text);
    // The service's own message, if any, is its text; the project words its own, and says when
    // the service gives none.
    let why = if rule.message.is_none() { " without saying why" } else { "" };
    let (id, message) = match rule.kind {
        Check::InternationalPhoneNumber if !validators::phone(text) => (
            &SVC001,
            format!(
                "the service's phone check refuses this number{quoted}{why}: it reads a number as a UK one unless \
                 it starts with + or 00 and a country code. Give every digit (11 for most UK numbers, from the \
                 0), the country code for a number from abroad (+33 …), and a number in use, not a short one (999) \
                 or one kept for drama (07700 900…)"
            ),
        ),
        Check::Email if !validators::email(text, rule) => (
            &SVC002,
            format!(
                "the service's email check refuses this address{quoted}{why}: it takes one `@`, at most 64 \
                 characters before it, letters, digits and `.` `-` `_` `+` `'` without quotes or two dots together, \
                 and a domain whose last part has two letters or more (name@example.org)"
            ),
        ),
        Check::IsValidEmail if !validators::is_valid_email(text, rule) => (
            &SVC002,
            format!(
                "the service's sign-in page refuses this address{quoted}{why}: it takes one `@`, no spaces, and a \
                 domain with a dot in it (name@example.org)"
            ),
        ),
        // FR008 checks the organisation against the same list.
        Check::Equal if field.name != "user-organisation" => not_an_entry(answer, text, &quoted, why)?,
        Check::NotUrl if !validators::not_url(text, rule) => (
            &SVC004,
            format!(
                "the service refuses this text{quoted}{why}: it reads a word, a full stop and two to six \
                 lower-case letters as a web or email address (example.com, file.docx, \"left.then\"). Put a \
                 space after every full stop, and leave out addresses, domains and file names, or write them in \
                 words"
            ),
        ),
        // A text is at most two units as sent for each of its bytes (a line break, one byte,
        // is sent as two; no other character is more units than bytes), so most need no count.
        Check::Maxlength if text.len().saturating_mul(2) <= rule.max? => return None,
        Check::Maxlength => {
            let (max, length) = (rule.max?, validators::length_as_sent(text));
            if length <= max {
                return None;
            }
            let breaks = text.replace("\r\n", "\n").matches(['\n', '\r']).count();
            let counted = match breaks {
                0 => String::new(),
                1 => " (its line break counts two)".to_owned(),
                _ => format!(" (its {breaks} line breaks count two each)"),
            };
            (
                &SVC005,
                format!(
                    "the service takes at most {max} characters here, and counts {length} in this text{counted}: it \
                     refuses it{why}; shorten it by {}",
                    length - max
                ),
            )
        }
        Check::Numeric if !validators::numeric(text, rule) => (
            &SVC009,
            format!(
                "the service takes this number as digits only{quoted}{why}: write it with the digits 0 to 9 \
                 (such as 2), without words, signs or spaces"
            ),
        ),
        Check::Date | Check::Before | Check::After if !validators::date(text, rule, cx.today) => {
            let refuses = match rule.kind {
                Check::Date => "anything but a real day, written YYYY-MM-DD",
                Check::Before => "a date after the day it is entered",
                _ => "a date on or before 1 January 1900",
            };
            (
                &SVC009,
                format!(
                    "the service refuses {refuses}{quoted}{why}; give the right date, or leave it out if it is not known"
                ),
            )
        }
        _ => return None,
    };
    Some(Finding::new(id, &answer.pointer, message))
}

/// SVC003, with the list's nearest entries; `None` for an answer the list has, or a field
/// without a list (an option's value is the schema's).
fn not_an_entry(answer: &Answer, text: &str, quoted: &str, why: &str) -> Option<(&'static Rule, String)> {
    let list = answer.field.list.as_deref()?;
    if crate::service::is_entry(list, text) {
        return None;
    }
    let entries = crate::service::entries(list)?;
    // The suggestions are the service's entries, never the draft's value: an ISO code names the
    // one entry it stands for (`VN`: Vietnamese), else the nearest by spelling.
    let coded = list.strip_suffix(".json").and_then(|name| crate::render::words::service_entry(name, text));
    let nearest = match coded {
        Some(entry) => vec![entry],
        None => crate::suggest::nearest_entries(text, entries, 3),
    };
    let choose = match nearest.as_slice() {
        [] => format!("choose one of its entries (`data/online-form/{list}`), spelt as it spells it"),
        [only] => format!("did you mean `{only}`?"),
        [first @ .., last] => {
            let first: Vec<String> = first.iter().map(|entry| format!("`{entry}`")).collect();
            format!("did you mean {} or `{last}`?", first.join(", "))
        }
    };
    Some((&SVC003, format!("the service's list has no such entry{quoted}, so it refuses this answer{why}; {choose}")))
}

/// SVC008: an entry that ends in a space.
fn unselectable(cx: &Context, text: &str) -> String {
    format!(
        "the service lists this entry{} but can never accept it: the entry ends in a space, and the service \
         trims what it is sent before it compares. Choose the nearest entry it takes, and say in the details which \
         one you meant and why",
        cx.quote(text)
    )
}

/// SVC006, for an answer that every check passes.
fn changed(answer: &Answer, cx: &Context, out: &mut Vec<Finding>) {
    let changes = validators::changes(answer.field, &answer.text);
    if changes.is_empty() {
        return;
    }
    let named: Vec<String> = changes
        .iter()
        .map(|change| if *change == "a dash run" { "dashes".to_owned() } else { format!("`{change}`") })
        .collect();
    let stored = if cx.show_values {
        let stored = validators::sanitise(&validators::format(answer.field, &answer.text));
        format!("; it will store `{stored}`")
    } else {
        String::new()
    };
    out.push(Finding::new(
        &SVC006,
        &answer.pointer,
        format!(
            "the service will change {} in this text when it stores it{stored} (`nrm explain SVC006` says how); \
             write it without them if it must be kept as it is",
            and_list(&named)
        ),
    ));
}

/// "a", "a and b", "a, b and c".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [first @ .., last] => format!("{} and {last}", first.join(", ")),
    }
}

/// SVC007: each document as the upload page takes it, and how many there are.
pub fn check_evidence(documents: &[Document], cx: &Context, out: &mut Vec<Finding>) {
    let upload = crate::service::page("/nrm/upload-evidence").expect("the service has its upload page");
    let rule = |kind| upload.fields[0].validators.iter().find(|rule| rule.kind == kind);
    for document in documents {
        if rule(Check::FileType).is_some_and(|rule| !validators::file_type(document.file, rule)) {
            out.push(Finding::new(
                &SVC007,
                format!("{}/file", document.pointer),
                format!(
                    "the upload page takes only PDF, Word (.doc, .docx), JPEG and PNG files, known by the ending of \
                     their names, and this file's name{} ends otherwise; save it as one of these",
                    cx.quote(document.file)
                ),
            ));
        }
        let size = rule(Check::MaxFileSize);
        if let (Some(bytes), Some(size)) = (document.bytes, size)
            && !validators::file_size(bytes, size)
        {
            let max = size.max_bytes_accepted.unwrap_or_default();
            out.push(Finding::new(
                &SVC007,
                format!("{}/bytes", document.pointer),
                format!(
                    "the upload page takes files of at most {max} bytes (just under 25 MB), and refuses this \
                     larger one; reduce it (a lower resolution, fewer pages) or split it"
                ),
            ));
        }
    }
    let most = upload.upload.as_ref().map_or(usize::MAX, |upload| upload.limits.max_files);
    if documents.len() > most {
        out.push(Finding::new(
            &SVC007,
            "/evidence",
            format!(
                "the upload page lets a referral go on with at most {most} files, and this one has {}; combine \
                 some (several scans in one PDF)",
                documents.len()
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::Draft;
    use crate::registry::Registry;
    use chrono::NaiveDate;
    use serde_json::Value;

    fn answer(pointer: &str, field: &str, text: &str) -> Answer<'static> {
        let field = crate::service::field(field).unwrap_or_else(|| panic!("the service has {field}"));
        Answer { pointer: pointer.to_owned(), field, text: Cow::Owned(text.to_owned()) }
    }

    /// The findings for these answers, with values shown or not.
    fn findings(answers: &[Answer], show_values: bool) -> Vec<Finding> {
        let (value, registry) = (Value::Null, Registry::built_in());
        let today = NaiveDate::from_ymd_opt(2026, 5, 1).unwrap();
        let cx = Context { draft: Draft::new(&value), registry: &registry, today, show_values };
        let mut out = Vec::new();
        check(answers, &cx, &mut out);
        out
    }

    /// The rule each answer breaks, in order, or "" for one that passes.
    fn rules(answers: &[Answer]) -> Vec<&'static str> {
        let found = findings(answers, false);
        answers
            .iter()
            .map(|answer| found.iter().find(|f| f.pointer == answer.pointer).map_or("", |f| f.rule.id))
            .collect()
    }

    fn evidence(documents: &[Document]) -> Vec<Finding> {
        let (value, registry) = (Value::Null, Registry::built_in());
        let today = NaiveDate::from_ymd_opt(2026, 5, 1).unwrap();
        let cx = Context { draft: Draft::new(&value), registry: &registry, today, show_values: false };
        let mut out = Vec::new();
        check_evidence(documents, &cx, &mut out);
        out
    }

    #[test]
    fn each_validator_gives_its_rule() {
        let answers = [
            answer("/support/contact/phone", "pv-phone-number-yes", "07700 900123"),
            answer("/support/contact/alternative/phone", "pv-phone-number-alternative", "07911 123456"),
            answer("/first_responder/contact_in_absence", "fr-alternative-contact", "a@b.c"),
            answer("/decision/email", "pv-contact-details-email-input", "name@example.org"),
            answer("/first_responder/email", "user-email", "not-an-email"),
            answer("/potential_victim/current_location/town", "current-pv-location-uk-city", "Cardiff"),
            answer("/potential_victim/current_location/region", "current-pv-location-uk-region", "South Glamorgan"),
            answer("/exploitation/last_contact_details", "details-last-contact", "He left.then came back"),
            answer("/cooperation/details", "authorities-cooperation-details", "e.g. 11.30pm at Mr.Smith's"),
            answer("/support/contact/alternative/relationship", "alternative-number-relation-to-pv", &"x".repeat(251)),
            answer("/potential_victim/children/count", "does-pv-have-children-yes-amount", "two"),
            answer("/potential_victim/date_of_birth", "pv-dob", "1900-01-01"),
            answer("/exploitation/uk_towns/0", "where-exploitation-happened-uk-city-1", "Dromore"),
            answer("/potential_victim/nationality", "pv-nationality", "Citizen of Vanuatu "),
            answer("/potential_victim/nickname", "pv-name-nickname", "Jo <Joey>"),
            answer("/potential_victim/given_names", "pv-name-first-name", "Anne–Marie"),
            answer("/potential_victim/family_name", "pv-name-last-name", ""),
        ];
        let expected = [
            "SVC001", "", "SVC002", "", "SVC002", "SVC003", "", "SVC004", "", "SVC005", "SVC009", "SVC009", "SVC008",
            "SVC008", "SVC006", "SVC006", "",
        ];
        assert_eq!(rules(&answers), expected);
        assert_eq!(
            crate::service::entries("uk-regions.json").unwrap().iter().filter(|r| *r == "South Glamorgan").count(),
            1
        );
    }

    #[test]
    fn answers_are_formatted_first_as_the_service_does() {
        let answers = [
            answer("/a", "does-pv-have-children-yes-amount", " 2 "),
            answer("/b", "pv-nationality", " British"),
            answer("/c", "family", &format!("  {}\n", "x".repeat(15_000))),
            answer("/d", "family", &"x".repeat(15_001)),
            answer("/e", "pv-phone-number-yes", "  07911   123456 "),
            // Dashes made one count once.
            answer("/f", "alternative-number-relation-to-pv", &format!("{}--", "x".repeat(249))),
        ];
        assert_eq!(rules(&answers), ["", "", "", "SVC005", "", "SVC006"]);
    }

    #[test]
    fn a_line_break_counts_two() {
        let start = "x".repeat(14_000);
        let answers = [
            // Trailing line breaks are trimmed.
            answer("/a", "family", &format!("{start}{}", "\n".repeat(500))),
            answer("/b", "family", &format!("{start}{}", "\nx".repeat(333))),
            answer("/c", "family", &format!("{start}{}", "\r\nx".repeat(500))),
        ];
        assert_eq!(rules(&answers), ["", "", "SVC005"]);
        let message = &findings(&answers, false)[0].message;
        assert!(message.contains("counts 15500") && message.contains("its 500 line breaks"), "{message}");
    }

    #[test]
    fn the_first_refusal_is_the_only_one() {
        // notUrl comes before maxlength: one finding.
        let answer = answer("/a", "details-last-contact", &format!("see file.docx {}", "x".repeat(15_000)));
        let found = findings(&[answer], false);
        assert_eq!(found.iter().map(|f| f.rule.id).collect::<Vec<_>>(), ["SVC004"]);
    }

    #[test]
    fn the_organisation_and_choices_are_not_svcs() {
        let answers = [
            answer("/first_responder/organisation/name", "user-organisation", "Lincolnshire Council"),
            answer("/nation", "fr-location", "Wales"),
        ];
        assert_eq!(rules(&answers), ["", ""]);
    }

    #[test]
    fn a_list_answer_names_the_lists_nearest_entries() {
        let found = findings(&[answer("/t", "where-exploitation-happened-uk-city-1", "Cardiff")], false);
        assert!(found[0].message.contains("`Cardiff / Caerdydd`"), "{}", found[0].message);
        assert!(found[0].message.contains("without saying why"), "the service's message is empty");
        let staying = findings(&[answer("/s", "current-pv-location-uk-city", "Cardiff")], false);
        assert!(!staying[0].message.contains("without saying why"), "this one has a message");
        let nationality = findings(&[answer("/n", "pv-nationality", "Britsh")], false);
        assert!(nationality[0].message.contains("`British`") && !nationality[0].message.contains("without saying"));
        let nothing_near =
            findings(&[answer("/c", "where-exploitation-happened-overseas-country-1", "United Kingdom")], false);
        assert_eq!(nothing_near[0].rule.id, "SVC003");
        assert!(nothing_near[0].message.contains("`data/online-form/countries.json`"), "{}", nothing_near[0].message);
    }

    #[test]
    fn dates_follow_the_day_of_the_check() {
        let answers = [
            answer("/a", "pv-dob", "2026-05-01"),
            answer("/b", "pv-dob", "2026-05-02"),
            answer("/c", "pv-dob", "2000-02-31"),
            answer("/d", "pv-dob", "1900-01-02"),
        ];
        assert_eq!(rules(&answers), ["", "SVC009", "SVC009", ""]);
    }

    #[test]
    fn no_message_holds_the_value_unless_asked() {
        let values = [
            ("pv-phone-number-yes", "07700 900123"),
            ("fr-alternative-contact", "quirky@b.c"),
            ("user-email", "quirky-at-example"),
            ("current-pv-location-uk-city", "Quirkytown"),
            ("details-last-contact", "see quirky.com"),
            ("alternative-number-relation-to-pv", &"quirky ".repeat(40)),
            ("does-pv-have-children-yes-amount", "quirky"),
            ("pv-dob", "2099-01-01"),
            ("where-exploitation-happened-uk-city-2", "Dromore"),
            ("pv-name-nickname", "Quirky <Q>"),
        ];
        let answers: Vec<Answer> =
            values.iter().map(|(field, text)| answer(&format!("/{field}"), field, text)).collect();
        let hidden = findings(&answers, false);
        assert_eq!(hidden.len(), values.len(), "{hidden:?}");
        for (finding, (_, text)) in hidden.iter().zip(&values) {
            let message = &finding.message;
            assert!(!message.to_lowercase().contains("quirky") && !message.contains(text.trim()), "{message}");
            assert!(
                !message.contains("Dromore") && !message.contains("2099") && !message.contains("900123"),
                "{message}"
            );
        }
        let shown = findings(&answers, true);
        assert!(shown[0].message.contains("`07700 900123`"), "{}", shown[0].message);
        let stored = &shown.last().unwrap().message;
        assert!(stored.contains("it will store `Quirky <-Q>-`"), "{stored}");
    }

    #[test]
    fn the_sanitiser_warning_names_the_characters() {
        let found = findings(&[answer("/n", "pv-name-nickname", "J | K && L — M")], false);
        assert_eq!(found[0].rule.id, "SVC006");
        assert!(found[0].message.contains("dashes, `|` and `&&`"), "{}", found[0].message);
    }

    #[test]
    fn evidence_as_the_upload_page_takes_it() {
        let document = |n: usize, file: &'static str, bytes: Option<u64>| Document {
            pointer: format!("/evidence/{n}"),
            file,
            bytes,
        };
        let found = evidence(&[
            document(0, "statement.pdf", Some(1_000)),
            document(1, "notes.txt", None),
            document(2, "scan.JPG", Some(26_214_400)),
            document(3, "photo.png", Some(26_214_399)),
            document(4, "letter.docx", None),
        ]);
        let pointers: Vec<&str> = found.iter().map(|f| f.pointer.as_str()).collect();
        assert_eq!(pointers, ["/evidence/1/file", "/evidence/2/bytes"]);
        assert!(found.iter().all(|f| f.rule.id == "SVC007"));
        assert!(!found[0].message.contains("notes"), "the file name is a value: {}", found[0].message);
        let files: Vec<Document> = (0..100).map(|n| document(n, "page.pdf", None)).collect();
        let too_many = evidence(&files);
        assert_eq!(too_many.iter().map(|f| f.pointer.as_str()).collect::<Vec<_>>(), ["/evidence"]);
        assert!(evidence(&files[..99]).is_empty(), "99 files can leave the page");
    }

    #[test]
    fn the_rules_are_in_rules_md_order_with_their_severities() {
        let ids: Vec<&str> = RULES.iter().map(|rule| rule.id).collect();
        assert_eq!(ids, ["SVC001", "SVC002", "SVC003", "SVC004", "SVC005", "SVC006", "SVC007", "SVC008", "SVC009"]);
        let warnings: Vec<&str> =
            RULES.iter().filter(|rule| rule.severity == Severity::Warning).map(|rule| rule.id).collect();
        assert_eq!(warnings, ["SVC006", "SVC008"]);
    }
}
