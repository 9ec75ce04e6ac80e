//! The Home Office's online service as data: its pages, fields, validators, formatters and
//! clean-up, read from its public code (`data/online-form/online-service.json`, with its source
//! in that folder's README), and its pick lists. Parsed once, on first use, and read-only: the
//! SVC rules check answers against it, and the question table names its pages and fields.
//! `validators` applies the service's checks as the service does.

pub mod answers;
pub mod validators;

use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::sync::{LazyLock, OnceLock};

/// What of `online-service.json` the project reads; the rest (the service's headings in other
/// places, its notes in words, the check-your-answers sections) stays in the file.
#[derive(Debug, Deserialize)]
struct Service {
    formatters: Formatters,
    sanitisation: Sanitisation,
    journeys: Journeys,
    sign_in: Vec<Page>,
    pages: Vec<Page>,
}

static SERVICE: LazyLock<Service> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../../data/online-form/online-service.json"))
        .expect("data/online-form/online-service.json describes the service")
});

/// One page of the service.
#[derive(Debug, Deserialize)]
pub struct Page {
    pub path: String,
    /// The visible heading; none on a page that shows none.
    pub title: Option<String>,
    pub fields: Vec<Field>,
    /// When a person meets the page; `None` when always, on the journeys that have it.
    #[serde(default)]
    pub reached_when: Option<Condition>,
    /// The page that follows when no fork applies; `None` where the person leaves the service.
    pub next: Option<String>,
    /// The upload page's limits.
    pub upload: Option<Upload>,
}

/// One field of a page, the same on every page that asks it.
#[derive(Debug, Deserialize)]
pub struct Field {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: Kind,
    /// `None` where the service has no text for it (the page's heading asks the question).
    pub label: Option<String>,
    /// A radio's or checkbox group's options.
    #[serde(default)]
    pub options: Vec<Choice>,
    /// A select's pick list, by file name (see `entries`).
    pub list: Option<String>,
    pub required: Required,
    /// Shown, validated and kept only when another field of the page has this answer.
    pub dependent: Option<Dependent>,
    /// In the order the service applies them: the first that fails gives the error.
    pub validators: Vec<Validator>,
    /// Names of `formatters.definitions`, applied in order before the validators.
    pub formatters: Vec<String>,
    /// List entries the service offers but always refuses (they end in a space, and the
    /// service trims what it is sent before comparing).
    #[serde(default)]
    pub unselectable_entries: Vec<String>,
    /// A single checkbox's value when ticked.
    pub value_when_ticked: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Text,
    Textarea,
    Email,
    Phone,
    Radio,
    Checkbox,
    CheckboxGroup,
    Select,
    Date,
    File,
}

/// An option: the value submitted and stored, and the label shown.
#[derive(Debug, Deserialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum Required {
    Always(bool),
    /// Required when another field of the page has an answer.
    When {
        when: Condition,
    },
    /// Required but where the condition holds (the service then removes the question).
    Unless {
        unless: Condition,
    },
}

/// The field it depends on, and the answer that shows it (for a checkbox group: one of its
/// values).
#[derive(Debug, Deserialize)]
pub struct Dependent {
    pub field: String,
    pub value: String,
}

/// A condition on answers, or on what the service keeps in its session.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum Condition {
    All {
        all: Vec<Condition>,
    },
    /// The field's answer is one of these values.
    In {
        field: String,
        #[serde(rename = "in")]
        values: Vec<String>,
    },
    /// The field's answer is this value.
    Is {
        field: String,
        value: String,
    },
    /// A fact the service keeps itself (the files uploaded, an automatic referral), in words.
    Session {
        session: String,
    },
}

/// One of the service's checks, with its parameters (see `validators` for what each does).
#[derive(Debug, Deserialize)]
pub struct Validator {
    #[serde(rename = "type")]
    pub kind: Check,
    /// The service's error text; `None` where it refuses with none.
    pub message: Option<String>,
    /// maxlength.
    pub max: Option<usize>,
    /// email, isValidEmail, notUrl (the pattern it refuses when found), numeric and date: a
    /// JavaScript regular expression.
    #[serde(alias = "refuses_if_contains")]
    pub regex: Option<String>,
    pub flags: Option<String>,
    /// email.
    pub local_part_max: Option<usize>,
    pub domain_max: Option<usize>,
    pub domain_label_max: Option<usize>,
    /// fileType.
    #[serde(default)]
    pub allowed_mime_types: Vec<String>,
    /// maxFileSize.
    pub max_bytes_accepted: Option<u64>,
    /// before and after: `now` or a day, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// `regex`, compiled on first use.
    #[serde(skip)]
    compiled: OnceLock<regex::Regex>,
}

/// The kinds of check the service's fields use (`validator_types` in the file).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Check {
    Required,
    Maxlength,
    Email,
    NotUrl,
    Numeric,
    InternationalPhoneNumber,
    Date,
    Before,
    After,
    Equal,
    IsValidEmail,
    #[serde(rename = "recognised-email-domain")]
    RecognisedEmailDomain,
    FileType,
    MaxFileSize,
    TooMany,
}

#[derive(Debug, Deserialize)]
pub struct Upload {
    pub limits: UploadLimits,
}

#[derive(Debug, Deserialize)]
pub struct UploadLimits {
    /// The most files a person can leave the page with (a 100th is taken, then Continue is
    /// refused while it is held).
    pub max_files: usize,
}

/// The three routes through the service, each its pages in order.
#[derive(Debug, Deserialize)]
pub struct Journeys {
    pub child: Journey,
    pub adult_nrm: Journey,
    pub duty_to_notify: Journey,
}

#[derive(Debug, Deserialize)]
pub struct Journey {
    pub pages: Vec<Step>,
}

/// A page of a journey, and when it is shown there, in words (`None`: always).
#[derive(Debug, Deserialize)]
pub struct Step {
    pub path: String,
    #[serde(rename = "if")]
    pub condition: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Formatters {
    definitions: HashMap<String, Definition>,
}

/// A formatter: a JavaScript global replace, or (`trim`) none.
#[derive(Debug, Deserialize)]
struct Definition {
    regex: Option<String>,
    flags: Option<String>,
    replace: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Sanitisation {
    rules: Vec<SanitisationRule>,
}

/// What the sanitiser looks for (`target`), and the replaces that change it, in order.
#[derive(Debug, Deserialize)]
struct SanitisationRule {
    target: String,
    steps: Vec<Replace>,
}

#[derive(Debug, Deserialize)]
struct Replace {
    regex: String,
    flags: String,
    replace: String,
}

/// Every page with fields: the sign-in, then the referral's pages.
fn all_pages() -> impl Iterator<Item = &'static Page> {
    SERVICE.sign_in.iter().chain(&SERVICE.pages)
}

/// The field of this name. A name asked on several pages (the Duty to Notify's and the
/// referral's name, gender, nationality and contact pages) has one definition everywhere.
pub fn field(name: &str) -> Option<&'static Field> {
    static FIELDS: LazyLock<HashMap<&'static str, &'static Field>> = LazyLock::new(|| {
        let mut fields = HashMap::new();
        for field in all_pages().flat_map(|page| &page.fields) {
            fields.entry(field.name.as_str()).or_insert(field);
        }
        fields
    });
    FIELDS.get(name).copied()
}

/// The page at this path (`/nrm/pv-dob`).
pub fn page(path: &str) -> Option<&'static Page> {
    all_pages().find(|page| page.path == path)
}

/// The service's routes.
pub fn journeys() -> &'static Journeys {
    &SERVICE.journeys
}

/// The entries of a pick list, by the file name a field's `list` gives, as the service spells
/// them. The organisations are the first responder registry's built-in copy of the service's
/// list (`data/first-responders.json`, `online_form.organisations`), so that the list has one
/// source.
pub fn entries(list: &str) -> Option<&'static [String]> {
    LISTS.get(list).map(|list| list.entries.as_slice())
}

/// Whether the text is an entry of a pick list, by the file name a field's `list` gives: looked
/// up, not searched, since a batch asks it of every town, region and nationality.
pub fn is_entry(list: &str, text: &str) -> bool {
    LISTS.get(list).is_some_and(|list| list.set.contains(text))
}

/// A pick list: its entries in the service's order, and the same for looking one up.
struct List {
    entries: Vec<String>,
    set: HashSet<String>,
}

static LISTS: LazyLock<HashMap<&'static str, List>> = LazyLock::new(|| {
    #[derive(Deserialize)]
    struct Registry {
        online_form: OnlineForm,
    }
    #[derive(Deserialize)]
    struct OnlineForm {
        organisations: Vec<String>,
    }
    let read = |text: &str| serde_json::from_str(text).expect("data/online-form/ holds lists of names");
    let registry: Registry = serde_json::from_str(crate::registry::BUILT_IN).expect("the built-in registry is JSON");
    let lists: [(&'static str, Vec<String>); 7] = [
        ("organisations.json", registry.online_form.organisations),
        ("uk-local-authorities.json", read(include_str!("../../data/online-form/uk-local-authorities.json"))),
        ("uk-cities-and-towns.json", read(include_str!("../../data/online-form/uk-cities-and-towns.json"))),
        ("uk-regions.json", read(include_str!("../../data/online-form/uk-regions.json"))),
        ("uk-police-forces.json", read(include_str!("../../data/online-form/uk-police-forces.json"))),
        ("countries.json", read(include_str!("../../data/online-form/countries.json"))),
        ("nationalities.json", read(include_str!("../../data/online-form/nationalities.json"))),
    ];
    lists.into_iter().map(|(name, entries)| (name, List { set: entries.iter().cloned().collect(), entries })).collect()
});

impl Field {
    /// Whether the answer is one of the entries the service offers but refuses, compared as
    /// the service compares (after trimming), so that the entry with its space and without it
    /// are both.
    pub fn unselectable(&self, answer: &str) -> bool {
        self.unselectable_entries.iter().any(|entry| entry.trim() == answer.trim())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn raw() -> Value {
        serde_json::from_str(include_str!("../../data/online-form/online-service.json")).unwrap()
    }

    #[test]
    fn the_whole_service_is_read() {
        assert_eq!(SERVICE.pages.len(), raw()["pages"].as_array().unwrap().len());
        let fields = all_pages().flat_map(|page| &page.fields).count();
        assert!(fields > 150, "{fields}");
        assert_eq!(page("/nrm/pv-dob").unwrap().title.as_deref(), Some("What is their date of birth? (Optional)"));
        assert_eq!(page("/verify/who-do-you-work-for").unwrap().fields[0].name, "user-email");
        assert!(page("/nrm/nowhere").is_none());
        let phone = field("pv-phone-number-yes").unwrap();
        assert_eq!((phone.kind, phone.validators[1].kind), (Kind::Phone, Check::InternationalPhoneNumber));
        assert!(
            matches!(&phone.dependent, Some(Dependent { field, value }) if field == "pv-phone-number" && value == "yes")
        );
        let upload = page("/nrm/upload-evidence").unwrap();
        assert_eq!(upload.upload.as_ref().unwrap().limits.max_files, 99);
        assert!(upload.reached_when.is_none());
        let evidence = page("/nrm/what-evidence-you-will-submit").unwrap();
        assert!(matches!(&evidence.reached_when, Some(Condition::Session { session }) if session == "files"));
        let ticked = field("types-of-exploitation-other").unwrap();
        assert_eq!((ticked.kind, ticked.value_when_ticked.as_deref()), (Kind::Checkbox, Some("true")));
        assert_eq!(field("fr-location").unwrap().options[3].value, "northern-ireland");
    }

    /// `field` returns one definition for a name; it must be the definition on every page.
    #[test]
    fn a_name_asked_on_several_pages_is_the_same_field_on_each() {
        let raw = raw();
        let pages = raw["sign_in"].as_array().unwrap().iter().chain(raw["pages"].as_array().unwrap());
        let mut seen: HashMap<String, (Value, usize)> = HashMap::new();
        for field in pages.flat_map(|page| page["fields"].as_array().unwrap()) {
            let name = field["name"].as_str().unwrap().to_owned();
            let (first, times) = seen.entry(name.clone()).or_insert_with(|| (field.clone(), 0));
            assert_eq!(first, field, "{name} differs between pages");
            *times += 1;
        }
        let repeated: Vec<&String> = seen.iter().filter(|(_, (_, times))| *times > 1).map(|(name, _)| name).collect();
        assert!(repeated.len() >= 14, "{repeated:?}");
        assert!(repeated.iter().any(|name| *name == "pv-name-first-name"));
    }

    #[test]
    fn every_list_a_field_names_has_its_entries() {
        for field in all_pages().flat_map(|page| &page.fields) {
            if let Some(list) = &field.list {
                let entries = entries(list).unwrap_or_else(|| panic!("{list}"));
                let count = raw()["pick_lists"]
                    .as_object()
                    .unwrap()
                    .values()
                    .find(|described| described["file"] == list.as_str())
                    .map(|described| described["count"].as_u64().unwrap());
                assert_eq!(Some(entries.len() as u64), count, "{list}");
                for unselectable in &field.unselectable_entries {
                    assert!(entries.contains(unselectable), "{unselectable:?} is offered");
                }
            }
        }
        assert!(!entries("countries.json").unwrap().iter().any(|country| country == "United Kingdom"));
        assert!(entries("nowhere.json").is_none());
    }

    #[test]
    fn an_unselectable_entry_is_one_with_or_without_its_space() {
        let town = field("where-exploitation-happened-uk-city-1").unwrap();
        assert!(town.unselectable("Dromore ") && town.unselectable("Dromore"));
        assert!(!town.unselectable("Belfast"));
        assert!(field("pv-nationality").unwrap().unselectable("Citizen of Vanuatu"));
        assert!(!field("pv-name-first-name").unwrap().unselectable("Dromore"));
    }

    #[test]
    fn each_journey_runs_from_the_reference_to_the_confirmation() {
        for journey in [&journeys().child, &journeys().adult_nrm, &journeys().duty_to_notify] {
            assert_eq!(journey.pages.first().unwrap().path, "/nrm/reference");
            assert_eq!(journey.pages.last().unwrap().path, "/nrm/confirm");
            assert!(journey.pages.iter().all(|step| page(&step.path).is_some()), "every step is a page");
        }
        let dtn = &journeys().duty_to_notify.pages;
        assert!(dtn.iter().any(|step| step.path == "/nrm/pv-name-dtn" && step.condition.is_some()));
    }
}
