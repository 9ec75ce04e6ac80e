//! The service's checks and clean-up, each as the service applies it (hof 23's
//! `controller/validation/validators.js`, `email.js`, `controller/formatting/formatters.js` and
//! `config/sanitisation-rules.js`; `apps/common/validators.js`): the answer is formatted, then
//! validated, then, once every check passes, sanitised before it is stored. Where a check is a
//! JavaScript regular expression in the service's description, it is compiled from there, with
//! JavaScript's meaning (`js_pattern`). Every check passes the empty answer, as the service's
//! do: `required` is REQ001's.

use super::{Check, Field, SERVICE, Validator};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::sync::LazyLock;

/// JavaScript's white space (`\s`, and what `String.trim` removes): Unicode's space separators,
/// the ASCII spaces and line breaks, the line and paragraph separators and the byte order mark.
/// Rust's `\s` and `str::trim` differ: they take U+0085 and leave U+FEFF.
const JS_SPACE: &str =
    r"\t\n\x0B\x0C\r \u{A0}\u{1680}\u{2000}-\u{200A}\u{2028}\u{2029}\u{202F}\u{205F}\u{3000}\u{FEFF}";

fn is_js_space(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\x0B' | '\x0C' | '\r' | ' ' | '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}')
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\u{FEFF}')
}

/// A JavaScript regular expression (no `u` flag) in the regex crate's syntax, meaning what it
/// means to JavaScript: `\d`, `\w` and `\b` are ASCII only (the regex crate's are Unicode's),
/// `\s` is JavaScript's white space, a `[`, `&` or `~` in a class is itself (in the regex crate
/// they nest classes and combine them), and the `i` flag folds ASCII letters only (JavaScript
/// does not fold `ſ` into `s` nor the Kelvin sign into `k`; the regex crate does).
fn js_pattern(source: &str, flags: &str) -> String {
    let fold = flags.contains('i');
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::new();
    let mut in_class = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        match c {
            '\\' => {
                let escaped = chars[i];
                i += 1;
                match escaped {
                    'd' => out.push_str("[0-9]"),
                    'D' => out.push_str("[^0-9]"),
                    'w' => out.push_str("[0-9A-Za-z_]"),
                    'W' => out.push_str("[^0-9A-Za-z_]"),
                    's' => out.push_str(&format!("[{JS_SPACE}]")),
                    'S' => out.push_str(&format!("[^{JS_SPACE}]")),
                    // In a class, `\b` is the backspace.
                    'b' if in_class => out.push_str(r"\x08"),
                    'b' => out.push_str(r"(?-u:\b)"),
                    'B' => out.push_str(r"(?-u:\B)"),
                    // `\t`, `\n`, `\xHH`, `\uHHHH`: the same in both.
                    letter if letter.is_ascii_alphanumeric() => {
                        out.push('\\');
                        out.push(letter);
                    }
                    // An escaped punctuation mark is itself (the regex crate's `\<` is a word
                    // boundary).
                    mark => out.push_str(&regex::escape(&mark.to_string())),
                }
            }
            '[' if !in_class => {
                in_class = true;
                out.push('[');
                if chars.get(i) == Some(&'^') {
                    out.push('^');
                    i += 1;
                }
            }
            ']' if in_class => {
                in_class = false;
                out.push(']');
            }
            '[' | '&' | '~' if in_class => {
                out.push('\\');
                out.push(c);
            }
            letter if fold && letter.is_ascii_alphabetic() => {
                let other =
                    if letter.is_ascii_lowercase() { letter.to_ascii_uppercase() } else { letter.to_ascii_lowercase() };
                let last = chars.get(i + 1).filter(|last| chars[i] == '-' && last.is_ascii_alphabetic());
                match (in_class, last) {
                    // A range of letters, and the same range in the other case.
                    (true, Some(&last)) => {
                        i += 2;
                        let other_last = if last.is_ascii_lowercase() {
                            last.to_ascii_uppercase()
                        } else {
                            last.to_ascii_lowercase()
                        };
                        out.push_str(&format!("{letter}-{last}{other}-{other_last}"));
                    }
                    (true, None) => out.extend([letter, other]),
                    (false, _) => out.push_str(&format!("[{letter}{other}]")),
                }
            }
            c => out.push(c),
        }
    }
    out
}

fn js_regex(source: &str, flags: &str) -> regex::Regex {
    regex::Regex::new(&js_pattern(source, flags))
        .unwrap_or_else(|error| panic!("the service's pattern {source:?} compiles: {error}"))
}

impl Validator {
    /// The validator's regular expression, compiled once; panics for a validator without one
    /// (the service's description gives one to every validator that tests a pattern).
    fn pattern(&self) -> &regex::Regex {
        self.compiled.get_or_init(|| {
            let source = self.regex.as_deref().unwrap_or_else(|| panic!("a {:?} validator has a regex", self.kind));
            js_regex(source, self.flags.as_deref().unwrap_or_default())
        })
    }
}

/// JavaScript's length of a string: UTF-16 code units (two for a character beyond U+FFFF).
fn js_length(text: &str) -> usize {
    text.encode_utf16().count()
}

/// A formatter compiled: a JavaScript `String.replace`, global or not, with a literal
/// replacement.
struct Replace {
    regex: regex::Regex,
    global: bool,
    with: &'static str,
}

/// The formatters, compiled; `trim` (`String.trim`) has no replace.
static FORMATTERS: LazyLock<HashMap<&'static str, Option<Replace>>> = LazyLock::new(|| {
    let definitions = &SERVICE.formatters.definitions;
    let compiled = definitions.iter().map(|(name, definition)| {
        let replace = definition.regex.as_ref().map(|source| {
            let flags = definition.flags.as_deref().unwrap_or_default();
            let with = definition.replace.as_deref().unwrap_or_else(|| panic!("formatter {name} replaces"));
            Replace { regex: js_regex(source, flags), global: flags.contains('g'), with }
        });
        assert!(replace.is_some() || name == "trim", "formatter {name} has a regex");
        (name.as_str(), replace)
    });
    compiled.collect()
});

/// Whether a formatter changes the text: a match that is not its own replacement already (the
/// hyphens formatter leaves a lone `-` as it is, and makes an en dash or `--` one), found
/// without writing the text again.
fn changes_by(name: &str, text: &str) -> bool {
    match FORMATTERS.get(name).unwrap_or_else(|| panic!("the service defines the formatter {name}")) {
        None => text.trim_matches(is_js_space) != text,
        Some(Replace { regex, global: true, with }) => regex.find_iter(text).any(|found| found.as_str() != *with),
        Some(Replace { regex, global: false, with }) => regex.find(text).is_some_and(|found| found.as_str() != *with),
    }
}

/// One formatter applied to a text.
fn apply(name: &str, text: &str) -> String {
    match FORMATTERS.get(name).unwrap_or_else(|| panic!("the service defines the formatter {name}")) {
        None => text.trim_matches(is_js_space).to_owned(),
        Some(Replace { regex, global: true, with }) => regex.replace_all(text, regex::NoExpand(with)).into_owned(),
        Some(Replace { regex, global: false, with }) => regex.replace(text, regex::NoExpand(with)).into_owned(),
    }
}

/// The text as the service validates it: the field's formatters in order (most fields: trim,
/// white space runs made one space, dash runs made one `-`; textareas: trim and dashes only).
pub fn format(field: &Field, text: &str) -> String {
    field.formatters.iter().fold(text.to_owned(), |text, name| apply(name, &text))
}

/// The length the service's `maxlength` counts: JavaScript's (UTF-16 code units) of the text as
/// a browser sends it, in which every line break (`\n`, `\r\n` or a lone `\r`) is `\r\n`, two.
pub fn length_as_sent(text: &str) -> usize {
    let mut units = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        units += match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                2
            }
            '\n' => 2,
            c => c.len_utf16(),
        };
    }
    units
}

/// hof's `email` (its `email.js`): exactly one `@`, the parts before and after it and each
/// dot-separated label of the domain within the validator's limits (counted as JavaScript
/// counts), and the whole address matching its pattern.
pub fn email(text: &str, rule: &Validator) -> bool {
    if text.is_empty() {
        return true;
    }
    let limit = |limit: Option<usize>| limit.unwrap_or(usize::MAX);
    let mut parts = text.split('@');
    let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else { return false };
    js_length(local) <= limit(rule.local_part_max)
        && js_length(domain) <= limit(rule.domain_max)
        && domain.split('.').all(|label| js_length(label) <= limit(rule.domain_label_max))
        && rule.pattern().is_match(text)
}

/// The sign-in page's `isValidEmail` (`apps/common/validators.js`): exactly one `@`, and the
/// pattern (no white space, a dot in the domain after its first character).
pub fn is_valid_email(text: &str, rule: &Validator) -> bool {
    text.split('@').count() == 2 && rule.pattern().is_match(text)
}

/// hof's `notUrl`: refused if the pattern (a domain, an address, a file name, a full stop with
/// a lower-case word straight after it) is found anywhere in the text.
pub fn not_url(text: &str, rule: &Validator) -> bool {
    text.is_empty() || !rule.pattern().is_match(text)
}

/// hof's `numeric`: digits only.
pub fn numeric(text: &str, rule: &Validator) -> bool {
    rule.pattern().is_match(text)
}

/// hof's `date`, `before` and `after` (the service's dates are `YYYY-MM-DD`, made from three
/// boxes): `date` takes a real day; `before` with no day, one not after `today` (the service
/// compares the day's start with the moment the page is sent, so today passes); `after`, one
/// strictly after the validator's day.
pub fn date(text: &str, rule: &Validator, today: NaiveDate) -> bool {
    if text.is_empty() {
        return true;
    }
    let day = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok().filter(|_| text.len() == 10);
    let Some(answer) = day(text) else { return false };
    let bound = || rule.date.as_deref().and_then(day);
    match rule.kind {
        Check::Date => rule.pattern().is_match(text),
        Check::Before => bound().is_none_or(|bound| answer < bound) && answer <= today,
        Check::After => bound().is_none_or(|bound| answer > bound),
        kind => panic!("{kind:?} is not a date check"),
    }
}

/// The service's phone check, hof's `internationalPhoneNumber`: libphonenumber-js (its `max`
/// metadata) reads the text with the United Kingdom as the default region, and the number must
/// be valid. Google's libphonenumber, whose metadata libphonenumber-js shares, decides the
/// number; libphonenumber-js first finds it in the text in its own way (`js_phone_input`).
pub fn phone(text: &str) -> bool {
    if text.is_empty() {
        return true;
    }
    let Some(number) = js_phone_input(text) else { return false };
    // The metadata loads on the first phone number checked, once.
    let util = &*rlibphonenumber::PHONE_NUMBER_UTIL;
    util.parse(number, Some(rlibphonenumber::Region::GB)).is_ok_and(|number| util.is_valid_number(&number))
}

/// What libphonenumber-js (`source/parse.js`, `parseInput`) hands on as the number: from the
/// first digit or plus sign, less any trailing characters other than digits and `#`, less an
/// ISDN subaddress, and only if what is left is digits, the punctuation of phone numbers and an
/// extension. Unlike Google's library it takes no letters ("0800 FLOWERS"), no second plus, and
/// ignores words after the number. A number with an RFC 3966 `;phone-context=` is refused here
/// (the service reads some; no referral gives one).
fn js_phone_input(text: &str) -> Option<&str> {
    const DIGITS: &str = r"0-9\u{FF10}-\u{FF19}\u{0660}-\u{0669}\u{06F0}-\u{06F9}";
    static VIABLE: LazyLock<regex::Regex> = LazyLock::new(|| {
        // libphonenumber-js's constants.js and helpers/isViablePhoneNumber.js.
        let punctuation = r"\-\u{2010}-\u{2015}\u{2212}\u{30FC}\u{FF0D}\u{FF0F}/\u{FF0E}. \u{A0}\u{AD}\u{200B}\u{2060}\u{3000}()\u{FF08}\u{FF09}\u{FF3B}\u{FF3D}\[\]\~\u{2053}\u{223C}\u{FF5E}";
        let digits = |max: u8| format!("([{DIGITS}]{{1,{max}}})");
        let after_label = r"[:.\u{FF0E}]?[ \u{A0}\t,\-]*";
        // helpers/extension/createExtensionPattern.js.
        let extension = [
            format!(";ext={}", digits(20)),
            format!(
                r"[ \u{{A0}}\t,]*(?:e?xt(?:ensi(?:o\u{{301}}?|\u{{F3}}))?n?|\u{{FF45}}?\u{{FF58}}\u{{FF54}}\u{{FF4E}}?|\u{{434}}\u{{43E}}\u{{431}}|anexo){after_label}{}#?",
                digits(20)
            ),
            format!(
                r"[ \u{{A0}}\t,]*(?:[x\u{{FF58}}#\u{{FF03}}\~\u{{FF5E}}]|int|\u{{FF49}}\u{{FF4E}}\u{{FF54}}){after_label}{}#?",
                digits(9)
            ),
            format!(r"[\- ]+{}#", digits(6)),
            format!(r"[ \u{{A0}}\t]*(?:,{{2}}|;){after_label}{}#?", digits(15)),
            format!(r"[ \u{{A0}}\t]*(?:,)+{after_label}{}#?", digits(9)),
        ]
        .join("|");
        let pattern = format!(
            r"(?i)^[{DIGITS}]{{2}}$|^[+\u{{FF0B}}]?(?:[{punctuation}]*[{DIGITS}]){{3,}}[{punctuation}{DIGITS}]*(?:{extension})?$"
        );
        regex::Regex::new(&pattern).expect("libphonenumber-js's viable number pattern compiles")
    });
    // libphonenumber-js's digits: ASCII, full-width, Arabic-Indic and Eastern Arabic-Indic.
    let digit = |c: char| {
        c.is_ascii_digit() || matches!(c, '\u{FF10}'..='\u{FF19}' | '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
    };
    // It reads at most 250 characters.
    if js_length(text) > 250 || text.contains(";phone-context=") {
        return None;
    }
    let start = text.find(|c| c == '+' || c == '\u{FF0B}' || digit(c))?;
    let mut number = text[start..].trim_end_matches(|c| c != '#' && !digit(c));
    if let Some(at) = number.find(";isub=").filter(|&at| at > 0) {
        number = &number[..at];
    }
    (js_length(number) >= 2 && VIABLE.is_match(number)).then_some(number)
}

/// The MIME type a browser sends for a file of this name, for the types the upload page names
/// (`.pdf`, `.doc`, `.docx`, `.jpg`, `.jpeg`, `.png`, in any case). Browsers give others their
/// own types (some give `.jfif` `image/jpeg`); the page tells people these six, so only these
/// pass here.
fn mime_type(file: &str) -> Option<&'static str> {
    let (_, extension) = file.rsplit_once('.')?;
    Some(match extension.to_ascii_lowercase().as_str() {
        "pdf" => "application/pdf",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        _ => return None,
    })
}

/// The upload page's `fileType`: the type the browser sends for the file is one it allows.
pub fn file_type(file: &str, rule: &Validator) -> bool {
    mime_type(file).is_some_and(|mime| rule.allowed_mime_types.iter().any(|allowed| allowed == mime))
}

/// The upload page's `maxFileSize`: at most the bytes it takes (one byte short of 25 MiB: a
/// file that reaches 25 MiB is cut short by the upload's limit, and then refused).
pub fn file_size(bytes: u64, rule: &Validator) -> bool {
    rule.max_bytes_accepted.is_none_or(|max| bytes <= max)
}

/// A sanitisation rule compiled: what it looks for, and its replaces in order, each JavaScript
/// global and case-insensitive. Some look ahead (`<(?!-)`), which the regex crate cannot;
/// fancy-regex can. `finds` is the target itself, ignoring ASCII case as the steps do.
struct Sanitiser {
    target: &'static str,
    finds: regex::Regex,
    steps: Vec<(fancy_regex::Regex, &'static str)>,
}

impl Sanitiser {
    fn apply(&self, text: String) -> String {
        if !self.may_change(&text) {
            return text;
        }
        let replace = |text: String, (regex, with): &(fancy_regex::Regex, &str)| {
            regex.replace_all(&text, fancy_regex::NoExpand(with)).into_owned()
        };
        self.steps.iter().fold(text, replace)
    }

    /// Whether the text holds the rule's target: every step matches only text that does, and
    /// most answers hold none, so the patterns (the most of a check's time on a long answer) run
    /// only where they can change something.
    fn may_change(&self, text: &str) -> bool {
        self.finds.is_match(text)
    }
}

static SANITISER: LazyLock<Vec<Sanitiser>> = LazyLock::new(|| {
    let compile = |source: &str, flags: &str| {
        fancy_regex::Regex::new(&js_pattern(source, flags))
            .unwrap_or_else(|error| panic!("the sanitiser's pattern {source:?} compiles: {error}"))
    };
    let rules = SERVICE.sanitisation.rules.iter().map(|rule| {
        let steps = rule.steps.iter().map(|step| (compile(&step.regex, &step.flags), step.replace.as_str()));
        Sanitiser { target: &rule.target, finds: literal(&rule.target), steps: steps.collect() }
    });
    rules.collect()
});

/// Any of the sanitiser's targets: one scan of a text that holds none (most do) says the
/// sanitiser leaves it as it is.
static ANY_TARGET: LazyLock<regex::Regex> = LazyLock::new(|| {
    let targets: Vec<String> = SERVICE.sanitisation.rules.iter().map(|rule| regex::escape(&rule.target)).collect();
    literal_alternatives(&targets.join("|"))
});

/// A literal, found ignoring ASCII case (as JavaScript's `i` flag does for these targets).
fn literal(text: &str) -> regex::Regex {
    literal_alternatives(&regex::escape(text))
}

fn literal_alternatives(pattern: &str) -> regex::Regex {
    regex::RegexBuilder::new(pattern)
        .case_insensitive(true)
        .unicode(false)
        .build()
        .unwrap_or_else(|error| panic!("the sanitiser's targets compile: {error}"))
}

/// The text as the service stores it, once every check has passed (hof's `_sanitize`, which the
/// service turns on for every page): `<`, `>`, `[`, `]` and `~` gain a `-`, `|`, `/*` and `*/`
/// become `-`, runs of `&` and `@` one, and a few strings of attacks (`c:\`, `cmd.exe`, `&#`,
/// `%U`...) `-`.
pub fn sanitise(text: &str) -> String {
    if !ANY_TARGET.is_match(text) {
        return text.to_owned();
    }
    SANITISER.iter().fold(text.to_owned(), |text, rule| rule.apply(text))
}

/// What the service will change in this answer as written, for a message that names the
/// characters and never the text: "a dash run" where the field's `hyphens` formatter makes an
/// en or em dash, or a run of dashes, one `-`; then each sanitisation rule's target (`<`, `|`,
/// `&&`...) that changes the formatted text.
pub fn changes(field: &Field, text: &str) -> Vec<&'static str> {
    let mut changes = Vec::new();
    if field.formatters.iter().any(|name| name == "hyphens") && changes_by("hyphens", text) {
        changes.push("a dash run");
    }
    if !ANY_TARGET.is_match(text) {
        return changes;
    }
    // The sanitiser sees the formatted text.
    let mut text = format(field, text);
    for rule in SANITISER.iter() {
        if !rule.may_change(&text) {
            continue;
        }
        let changed = rule.apply(text.clone());
        if changed != text {
            changes.push(rule.target);
            text = changed;
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::field;
    use serde_json::Value;

    fn raw() -> Value {
        serde_json::from_str(include_str!("../../data/online-form/online-service.json")).unwrap()
    }

    /// The field's validator of this kind.
    fn rule(name: &str, kind: Check) -> &'static Validator {
        field(name).unwrap().validators.iter().find(|rule| rule.kind == kind).unwrap()
    }

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn every_pattern_of_the_service_compiles() {
        let pages = crate::service::all_pages();
        for rule in pages.flat_map(|page| &page.fields).flat_map(|field| &field.validators) {
            if rule.regex.is_some() {
                rule.pattern();
            }
        }
        assert_eq!(SANITISER.len(), 16);
        assert_eq!(FORMATTERS.len(), 3);
    }

    #[test]
    fn javascript_patterns_keep_their_meaning() {
        // `\b`, `\d` and `\s` as JavaScript has them, `/` and `<` escaped as themselves, and a
        // class's `[`, `&&` and `~~` as characters.
        assert_eq!(js_pattern(r"a\b\/\<", ""), r"a(?-u:\b)/<");
        assert!(js_regex(r"^\d$", "").is_match("7") && !js_regex(r"^\d$", "").is_match("٧"));
        assert!(js_regex(r"^\s$", "").is_match("\u{FEFF}") && !js_regex(r"^\s$", "").is_match("\u{85}"));
        assert!(js_regex(r"^[[&~]+$", "").is_match("[&&~~"));
        // `i` folds ASCII letters, inside a class and out, and no others.
        let folded = js_regex(r"^pass[a-c]$", "i");
        assert!(folded.is_match("PaSsB") && !folded.is_match("paſsb"));
        assert!(js_regex(r"^[x]$", "i").is_match("X"));
    }

    #[test]
    fn formatting_trims_as_javascript_does_and_keeps_a_textareas_lines() {
        let one_line = field("pv-name-first-name").unwrap();
        assert_eq!(format(one_line, " \u{FEFF}Anna \n  Maria\u{3000}"), "Anna Maria");
        assert_eq!(format(one_line, "Smith—Jones -- x"), "Smith-Jones - x");
        assert_eq!(format(one_line, "\u{85}x"), "\u{85}x", "JavaScript does not trim U+0085");
        let textarea = field("family").unwrap();
        assert_eq!(format(textarea, "  one  two\n\nthree – four \n"), "one  two\n\nthree - four");
    }

    #[test]
    fn line_breaks_count_two_as_a_browser_sends_them() {
        assert_eq!(length_as_sent("a\nb"), 4);
        assert_eq!(length_as_sent("a\r\nb"), 4);
        assert_eq!(length_as_sent("a\rb\n"), 6);
        assert_eq!(length_as_sent("née 😀"), 6, "UTF-16 code units");
        let max = rule("family", Check::Maxlength).max.unwrap();
        assert_eq!(max, 15_000);
        let textarea = field("family").unwrap();
        // 15,001 characters are refused; 15,000 with spaces around them are not, being
        // trimmed first.
        assert!(length_as_sent(&format(textarea, &"x".repeat(15_001))) > max);
        assert_eq!(length_as_sent(&format(textarea, &format!("  {}\n ", "x".repeat(15_000)))), max);
        assert!(length_as_sent(&format(textarea, &"x\n".repeat(7_500))) > max, "7,499 line breaks, two each");
        // 251 characters are refused where the limit is 250.
        assert_eq!(rule("alternative-number-relation-to-pv", Check::Maxlength).max, Some(250));
    }

    #[test]
    fn email_addresses_as_hof_takes_them() {
        let rule = rule("fr-alternative-contact", Check::Email);
        for accepted in ["a.b@example.org", "x+tag@sub.example.co.uk", "o'neil@x.gov.uk", "", "a@b-c.de"] {
            assert!(email(accepted, rule), "{accepted}");
        }
        let label = format!("a@{}.com", "b".repeat(64));
        let local = format!("{}@x.com", "a".repeat(65));
        for refused in [
            "a@b.c",
            "a@@b.com",
            "a@b@c.com",
            "\"a\"@b.com",
            "a..b@c.com",
            "a@b..com",
            "a@b",
            "a b@c.com",
            &label,
            &local,
        ] {
            assert!(!email(refused, rule), "{refused}");
        }
        assert!(email(&format!("{}@x.com", "a".repeat(64)), rule));
        let sign_in = super::super::page("/verify/who-do-you-work-for").unwrap().fields[0].validators.iter();
        let sign_in = sign_in.clone().find(|rule| rule.kind == Check::IsValidEmail).unwrap();
        for refused in ["not-an-email", "a@b", "a@@b.com", "a@.b.com", "a b@c.com"] {
            assert!(!is_valid_email(refused, sign_in), "{refused}");
        }
        assert!(is_valid_email("Someone@HomeOffice.gov.uk", sign_in) && is_valid_email("a@b.c", sign_in));
    }

    #[test]
    fn not_url_refuses_what_the_service_refused() {
        let rule = rule("details-last-contact", Check::NotUrl);
        for refused in ["He left.then came back", "see file.docx", "www.example.com", "me@example.org", "ab.co"] {
            assert!(!not_url(refused, rule), "{refused}");
        }
        for accepted in ["e.g. 11.30pm at Mr.Smith's", "He left. Then came back", "", "Mr.Smith", "U.K."] {
            assert!(not_url(accepted, rule), "{accepted}");
        }
    }

    /// JavaScript's `\b` is ASCII: a letter beyond ASCII after a domain is a boundary to it, so
    /// the service refuses "example.comé". The regex crate's Unicode `\b` is no boundary there.
    #[test]
    fn not_url_has_javascripts_ascii_word_boundary() {
        let rule = rule("details-last-contact", Check::NotUrl);
        assert!(!not_url("bei example.comé", rule));
        let unicode = regex::Regex::new(rule.regex.as_deref().unwrap()).unwrap();
        assert!(!unicode.is_match("bei example.comé"), "with Unicode's \\b it would pass");
    }

    #[test]
    fn counts_are_digits_once_trimmed() {
        let count = field("does-pv-have-children-yes-amount").unwrap();
        let rule = rule("does-pv-have-children-yes-amount", Check::Numeric);
        for accepted in ["2", " 2 ", "0", "12"] {
            assert!(numeric(&format(count, accepted), rule), "{accepted}");
        }
        for refused in ["two", "-1", "1 2", "٢", "2.0"] {
            assert!(!numeric(&format(count, refused), rule), "{refused}");
        }
    }

    #[test]
    fn dates_after_1900_and_not_after_today() {
        let today = day("2026-05-01");
        let checks = field("pv-dob").unwrap();
        let accepted = |text: &str| checks.validators.iter().all(|rule| date(text, rule, today));
        for refused in
            ["1900-01-01", "2000-02-31", "2026-05-02", "2099-01-01", "2000-13-01", "2000", "2000-1-01", "1899-12-31"]
        {
            assert!(!accepted(refused), "{refused}");
        }
        for passes in ["1900-01-02", "2000-02-29", "2026-05-01", ""] {
            assert!(accepted(passes), "{passes}");
        }
    }

    /// The service's own probes (`source.checked.observations`).
    #[test]
    fn phone_numbers_as_the_service_took_them() {
        for refused in
            ["07700 900123", "01 23 45 67 89", "999", "112", "0800 FLOWERS", "++44 7911 123456", "07911 12345", "abc"]
        {
            assert!(!phone(refused), "{refused}");
        }
        for accepted in
            ["07911 123456", "+33 1 23 45 67 89", "0033 1 23 45 67 89", "+44 7911 123456", "07911 123456 mobile", ""]
        {
            assert!(phone(accepted), "{accepted}");
        }
    }

    #[test]
    fn uploads_by_type_and_size() {
        let kind = rule("upload-file", Check::FileType);
        for allowed in ["a.pdf", "Scan.JPG", "b.jpeg", "c.png", "d.doc", "e.docx", "two.parts.pdf"] {
            assert!(file_type(allowed, kind), "{allowed}");
        }
        for refused in ["notes.txt", "pdf", "photo.heic", "archive.zip", "a.pdf.exe"] {
            assert!(!file_type(refused, kind), "{refused}");
        }
        let size = rule("upload-file", Check::MaxFileSize);
        assert!(file_size(26_214_399, size) && !file_size(26_214_400, size));
    }

    #[test]
    fn the_sanitiser_stores_what_the_service_stored() {
        for example in raw()["sanitisation"]["examples"].as_array().unwrap() {
            assert_eq!(sanitise(example["input"].as_str().unwrap()), example["stored"], "{example}");
        }
        // The service's own probe on check your answers.
        let probe = r"a<b & c && d | e [x] ~y /* z */ C:\temp %u0041 &#60;";
        assert_eq!(sanitise(probe), r"a<-b & c & d - e [-x]- ~-y - z - -temp -0041 -60;");
        assert_eq!(sanitise("<-> <<a"), "<->- <-a", "an existing dash is kept, a run made one");
        assert_eq!(sanitise("/ETC/PASSWD and CMD.EXE"), "- and -");
        assert_eq!(sanitise("/etc/paſſwd"), "/etc/paſſwd", "JavaScript's i flag folds ASCII only");
        assert_eq!(sanitise("line one\n\nline  two .. ok"), "line one\n\nline  two .. ok");
        // Long text does not reach fancy-regex's backtracking limit.
        assert_eq!(sanitise(&"<a".repeat(7_500)), "<-a".repeat(7_500));
    }

    #[test]
    fn changes_name_what_will_change_and_nothing_else() {
        let name = field("pv-name-nickname").unwrap();
        assert_eq!(changes(name, "Jo <Joey> | J && K"), ["|", "&&", "<", ">"]);
        assert_eq!(changes(name, "Anne–Marie"), ["a dash run"]);
        assert_eq!(changes(name, "Anne--Marie [x]"), ["a dash run", "[", "]"]);
        assert!(changes(name, "Anne-Marie O'Neil & Co.").is_empty());
        assert!(changes(name, "<- already").is_empty());
        assert_eq!(changes(name, "<—"), ["a dash run"], "the sanitiser sees `<-`");
    }
}
