//! The referral as a person reads it: sections in the order of the Home Office form, each a
//! list of labelled values in words. The PDF and the HTML page are both drawn from this one
//! model, so they always say the same.

use super::words::{capitalised, country, date, language, word, yes_no};
use crate::check::Located;
use crate::draft::Draft;
use crate::rules::Severity;
use serde::Serialize;

#[derive(Serialize)]
pub struct Referral {
    pub reference: String,
    /// "NRM referral" or "Duty to Notify".
    pub title: String,
    pub prepared_on: String,
    /// URG001: an immediate referral is expected.
    pub priority: bool,
    pub sections: Vec<Section>,
    /// The warnings and notices the checks raised.
    pub notes: Vec<Note>,
    pub next_steps: Vec<Step>,
}

#[derive(Serialize)]
pub struct Section {
    pub title: &'static str,
    pub rows: Vec<Row>,
}

/// A label and its value: one line, several (a list), or running text (`long`).
#[derive(Serialize)]
pub struct Row {
    pub label: &'static str,
    pub values: Vec<String>,
    pub long: bool,
}

#[derive(Serialize)]
pub struct Note {
    pub severity: &'static str,
    pub rule: &'static str,
    pub message: String,
}

#[derive(Serialize)]
pub struct Step {
    pub done: bool,
    pub text: String,
}

/// Collects a section's rows, leaving out members the draft does not have.
struct Rows<'d, 'v> {
    draft: &'d Draft<'v>,
    rows: Vec<Row>,
}

impl<'d, 'v> Rows<'d, 'v> {
    fn new(draft: &'d Draft<'v>) -> Self {
        Rows { draft, rows: Vec::new() }
    }

    fn value(&mut self, label: &'static str, value: Option<String>) -> &mut Self {
        if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
            self.rows.push(Row { label, values: vec![value], long: false });
        }
        self
    }

    fn text(&mut self, label: &'static str, pointer: &str) -> &mut Self {
        self.value(label, self.draft.str(pointer).map(str::to_owned))
    }

    fn long(&mut self, label: &'static str, pointer: &str) -> &mut Self {
        if let Some(text) = self.draft.str(pointer).filter(|t| !t.trim().is_empty()) {
            self.rows.push(Row { label, values: vec![text.to_owned()], long: true });
        }
        self
    }

    fn list(&mut self, label: &'static str, values: Vec<String>) -> &mut Self {
        if !values.is_empty() {
            self.rows.push(Row { label, values, long: false });
        }
        self
    }

    fn coded(&mut self, label: &'static str, list: &str, pointer: &str) -> &mut Self {
        self.value(label, self.draft.str(pointer).map(|code| word(list, code)))
    }

    fn codes(&mut self, label: &'static str, list: &str, pointer: &str) -> &mut Self {
        self.list(label, self.draft.strings(pointer).map(|(_, code)| capitalised(&word(list, code))).collect())
    }

    fn yes_no(&mut self, label: &'static str, pointer: &str) -> &mut Self {
        self.value(label, self.draft.bool(pointer).map(yes_no))
    }

    fn date(&mut self, label: &'static str, pointer: &str) -> &mut Self {
        self.value(label, self.draft.date(pointer).map(date))
    }

    fn section(&mut self, title: &'static str) -> Section {
        Section { title, rows: std::mem::take(&mut self.rows) }
    }
}

/// The model of a draft that passed its checks, with the findings it raised.
pub fn referral(draft: &Draft, findings: &[Located], registry: &crate::registry::Registry) -> Referral {
    let child = draft.is_child();
    let duty_to_notify = draft.str("/route") == Some("duty_to_notify");
    let mut rows = Rows::new(draft);
    let mut sections = Vec::new();

    rows.text("Reference", "/reference")
        .coded("Route", "route", "/route")
        .coded("Nation", "nation", "/nation")
        .date("Prepared on", "/prepared_on");
    sections.push(rows.section("Referral"));

    let ngo =
        draft.str("/first_responder/organisation/ngo").and_then(|id| registry.ngos.get(id)).map(|n| n.name.clone());
    rows.text("Name", "/first_responder/name")
        .text("Role", "/first_responder/role")
        .text("Email", "/first_responder/email")
        .text("Phone", "/first_responder/phone")
        .text("Organisation", "/first_responder/organisation/name")
        .coded("Type", "organisation", "/first_responder/organisation/type")
        .value("Designated NGO", ngo);
    sections.push(rows.section("First responder"));

    potential_victim(&mut rows, draft, duty_to_notify);
    sections.push(rows.section("Potential victim"));

    if child {
        rows.yes_no("Child told about the referral", "/consent_note/child_informed")
            .date("Told on", "/consent_note/informed_on")
            .long("How the child was told", "/consent_note/how_informed")
            .yes_no("Told how data will be used", "/consent_note/data_use_explained")
            .long("Why the child was not told", "/consent_note/reason_not_informed");
        sections.push(rows.section("Consent note (a child does not consent)"));
    } else if duty_to_notify {
        rows.value("Consent", Some("Not given: an anonymous Duty to Notify".to_owned()));
        sections.push(rows.section("Consent"));
    } else {
        let explained = ["nrm", "support", "outcomes", "information_sharing"]
            .iter()
            .zip([
                "What the NRM is",
                "The support available",
                "The possible outcomes",
                "That the SCA may seek and share information",
            ])
            .filter_map(|(key, what)| {
                draft.bool(&format!("/consent/explained/{key}")).map(|done| format!("{what}: {}", yes_no(done)))
            })
            .collect();
        rows.yes_no("Informed consent given", "/consent/given")
            .date("Date", "/consent/date")
            .list("Explained before consent", explained)
            .yes_no("Interpreter used", "/consent/interpreter_used");
        sections.push(rows.section("Consent"));
    }

    exploitation(&mut rows, draft);
    sections.push(rows.section("Exploitation"));

    safeguarding(&mut rows, draft);
    if !rows.rows.is_empty() {
        sections.push(rows.section("Safeguarding"));
    }

    rows.yes_no("Support requested", "/support/requested")
        .yes_no("Safe accommodation needed", "/support/safe_accommodation_needed")
        .long("What the support provider must know", "/support/needs");
    if !rows.rows.is_empty() {
        sections.push(rows.section("Support"));
    }

    let notes = findings
        .iter()
        .filter(|f| f.finding.severity() != Severity::Error)
        .map(|f| Note {
            severity: f.finding.severity().as_str(),
            rule: f.finding.rule.id,
            message: f.finding.message.clone(),
        })
        .collect();
    let priority = findings.iter().any(|f| f.finding.rule.id == crate::rules::urgency::URG001.id);
    Referral {
        reference: draft.str("/reference").unwrap_or_default().to_owned(),
        title: if duty_to_notify { "Duty to Notify" } else { "National Referral Mechanism referral" }.to_owned(),
        prepared_on: draft.date("/prepared_on").map(date).unwrap_or_default(),
        priority,
        sections,
        notes,
        next_steps: next_steps(draft, priority, duty_to_notify),
    }
}

fn potential_victim(rows: &mut Rows, draft: &Draft, duty_to_notify: bool) {
    let name = [draft.str("/potential_victim/given_names"), draft.str("/potential_victim/family_name")]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let name = if duty_to_notify {
        "Not given: a Duty to Notify is anonymous".to_owned()
    } else if name.is_empty() {
        "Not known".to_owned()
    } else {
        name
    };
    let born = draft.date("/potential_victim/date_of_birth").map(|born| {
        if draft.is_true("/potential_victim/date_of_birth_estimated") {
            format!("{} (estimated)", date(born))
        } else {
            date(born)
        }
    });
    let location = [
        draft.str("/potential_victim/current_location/town"),
        draft.str("/potential_victim/current_location/local_authority"),
    ]
    .into_iter()
    .flatten()
    .filter(|part| !part.trim().is_empty())
    .collect::<Vec<_>>()
    .join(", ");
    rows.value("Name", Some(name))
        .list("Other names used", draft.strings("/potential_victim/aliases").map(|(_, a)| a.to_owned()).collect())
        .value("Date of birth", born)
        .value("Age on the referral date", draft.facts.age.map(|age| age.to_string()))
        .value("Age the person gives", draft.facts.claimed_age.map(|age| age.to_string()))
        .coded("Age status", "age_status", "/potential_victim/age_status")
        .coded("Gender", "gender", "/potential_victim/gender")
        .value("Nationality", draft.str("/potential_victim/nationality").map(country))
        .list("Languages", draft.strings("/potential_victim/languages").map(|(_, code)| language(code)).collect())
        .yes_no("Interpreter needed", "/potential_victim/interpreter_needed")
        .yes_no("Seeking asylum", "/potential_victim/asylum_seeking")
        .yes_no("In local authority care", "/potential_victim/looked_after")
        .value("Where they are now", Some(location));
}

fn exploitation(rows: &mut Rows, draft: &Draft) {
    let status =
        draft.bool("/exploitation/ongoing").map(|ongoing| match (ongoing, draft.date("/exploitation/ended_on")) {
            (true, _) => "Still going on".to_owned(),
            (false, Some(ended)) => format!("Ended on {}", date(ended)),
            (false, None) => "Ended".to_owned(),
        });
    rows.codes("Types", "type", "/exploitation/types")
        .codes("Forms", "form", "/exploitation/forms")
        .coded("Where", "location", "/exploitation/location")
        .list("Countries", draft.strings("/exploitation/countries").map(|(_, code)| country(code)).collect())
        .date("Began on", "/exploitation/began_on")
        .value("Status", status)
        .yes_no("Began while a child", "/exploitation/while_child")
        .codes("Indicators observed", "indicator", "/exploitation/indicators")
        .long("Account", "/exploitation/narrative");
}

/// One line per safeguarding step, as a caseworker would write it.
fn safeguarding(rows: &mut Rows, draft: &Draft) {
    let text = |pointer: &str| draft.str(pointer).filter(|t| !t.trim().is_empty());
    let joined = |parts: Vec<Option<String>>| {
        Some(parts.into_iter().flatten().collect::<Vec<_>>().join(", ")).filter(|t| !t.is_empty())
    };
    let children_services = draft.has("/safeguarding/children_services").then(|| {
        joined(vec![
            text("/safeguarding/children_services/local_authority").map(str::to_owned),
            draft.date("/safeguarding/children_services/referred_on").map(|on| format!("referred on {}", date(on))),
            text("/safeguarding/children_services/reference").map(|r| format!("reference {r}")),
        ])
    });
    let police = draft.bool("/safeguarding/police/notified").map(|told| {
        if !told {
            return "Not told".to_owned();
        }
        joined(vec![
            Some("Told".to_owned()),
            text("/safeguarding/police/force").map(str::to_owned),
            text("/safeguarding/police/crime_reference").map(|r| format!("crime reference {r}")),
        ])
        .unwrap_or_default()
    });
    let guardian = draft.str("/safeguarding/guardian/service").map(|service| {
        let on = draft.date("/safeguarding/guardian/referred_on").map(|on| format!(", referred on {}", date(on)));
        format!("{}{}", word("guardian", service), on.unwrap_or_default())
    });
    let interview = draft.bool("/safeguarding/interview/accompanying_adult_present").map(|present| {
        let adult = if present { "An accompanying adult was present" } else { "No accompanying adult present" };
        match draft.bool("/safeguarding/interview/separate_from_carers") {
            Some(true) => format!("{adult}; seen apart from carers"),
            Some(false) => format!("{adult}; not seen apart from carers"),
            None => adult.to_owned(),
        }
    });
    let interpreter = draft.bool("/safeguarding/interpreter/used").map(|used| {
        if !used {
            return "Not used".to_owned();
        }
        joined(vec![
            draft
                .bool("/safeguarding/interpreter/professional")
                .map(|p| if p { "Professional" } else { "Not a professional" }.to_owned()),
            draft.str("/safeguarding/interpreter/relationship").map(|r| word("relationship", r)),
            draft
                .bool("/safeguarding/interpreter/same_nationality")
                .map(|same| if same { "of the same nationality" } else { "of another nationality" }.to_owned()),
        ])
        .unwrap_or_default()
    });
    rows.value("Children's services", children_services.flatten())
        .value("Police", police)
        .value("Independent guardian", guardian)
        .value("Interview", interview)
        .value("Interpreter", interpreter)
        .yes_no("Plan if missing from care", "/safeguarding/missing_plan");
}

/// What remains to do, and what is done, for the first responder's own checklist.
fn next_steps(draft: &Draft, priority: bool, duty_to_notify: bool) -> Vec<Step> {
    let mut steps = Vec::new();
    if draft.is_child() {
        let referred = draft.date("/safeguarding/children_services/referred_on").map(date);
        steps.push(match referred {
            Some(on) => Step { done: true, text: format!("Children's services: referred on {on}") },
            None => Step { done: false, text: "Refer the child to local authority children's services".to_owned() },
        });
        steps.push(if draft.is_true("/safeguarding/police/notified") {
            Step { done: true, text: "Police: told".to_owned() }
        } else {
            Step { done: false, text: "Tell the police".to_owned() }
        });
        let nation = draft.str("/nation").unwrap_or_default();
        steps.push(match draft.str("/safeguarding/guardian/service") {
            Some(service) => {
                Step { done: true, text: format!("Independent guardian: referred to {}", word("guardian", service)) }
            }
            None => {
                let service = match nation {
                    "scotland" => "scottish_guardianship",
                    "northern_ireland" => "ni_independent_guardian",
                    _ => "ictg",
                };
                Step { done: false, text: format!("Refer the child to {}", word("guardian", service)) }
            }
        });
    }
    let form = if duty_to_notify { "Submit the Duty to Notify" } else { "Submit the referral" };
    let when = if priority { " immediately" } else { "" };
    steps.push(Step {
        done: false,
        text: format!("{form}{when} through the Home Office's online form, from this package"),
    });
    steps
}
