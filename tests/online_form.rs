//! The real service is the measure of the draft. Every question of the Home Office's offline
//! prompt sheet (27 April 2026), in its order, as the online service asks it: the page and the
//! field (`data/online-form/online-service.json`), the member of a version 3 draft that answers
//! it, when the service asks it (its routes and the pages' own conditions) and whether it must
//! be answered. Written here from the prompt sheet and the service's description, not from the
//! schema, the question table or the code, so that it catches any of them being wrong.
//!
//! The table is held to the service's description (every field a person fills in, the routes
//! of its page, required or not); a draft that passes `nrm check` answers each question that
//! applies to it; leaving out any one of those answers fails the check, and leaving out an
//! answer the service does not require does not.

mod support;

use serde_json::Value;
use std::collections::BTreeSet;
use std::sync::OnceLock;
use support::{TODAY, fixture, project, run};

/// When the service asks a question.
#[derive(Clone, Copy)]
enum Asked {
    Always,
    /// Under 18, or not sure ("Is the potential victim under 18?").
    Child,
    Adult,
    /// A referral into the NRM: a child, or an adult who consents.
    Referred,
    AdultReferred,
    DutyToNotify,
    /// A Duty to Notify whose adult will help with investigations.
    Cooperating,
    /// The answer at the pointer, as JSON, is one of these.
    When(&'static str, &'static [&'static str]),
    /// The list at the pointer holds this answer (a ticked box of a group).
    Includes(&'static str, &'static str),
    /// The pointer has an answer (a file was uploaded).
    Given(&'static str),
    All(&'static [Asked]),
}

use Asked::*;

#[derive(Clone, Copy, PartialEq, Debug)]
enum Need {
    Required,
    Optional,
}

use Need::*;

struct Question {
    asks: &'static str,
    page: &'static str,
    /// The service's field; a name ending in `*` stands for the fields it begins (ten towns,
    /// ten ticks).
    field: &'static str,
    pointer: &'static str,
    asked: Asked,
    need: Need,
}

const fn q(
    asks: &'static str,
    page: &'static str,
    field: &'static str,
    pointer: &'static str,
    asked: Asked,
    need: Need,
) -> Question {
    Question { asks, page, field, pointer, asked, need }
}

const LA: &str = "/nrm/local-authority-contacted-about-child";
const TREATED: &str = "/nrm/how-they-were-treated";
const REPORTED: &str = "/nrm/is-this-the-first-chance-to-report";
const CONTACT: &str = "/nrm/pv-phone-number";
const TO_VICTIM: Asked = All(&[AdultReferred, When("/decision/recipient", &["\"potential_victim\""])]);
const TO_SOMEONE: Asked = All(&[AdultReferred, When("/decision/recipient", &["\"someone_else\""])]);
const BY_EMAIL: Asked = Includes("/decision/methods", "email");
const BY_POST: Asked = Includes("/decision/methods", "post");

/// The questions in the prompt sheet's order: one a line, as a table is read.
#[rustfmt::skip]
const QUESTIONS: &[Question] = &[
    // First responder details
    q("What is your work email address?", "/verify/who-do-you-work-for", "user-email", "/first_responder/email", Always, Required),
    q("What's your reference for this report?", "/nrm/reference", "reference", "/reference", Always, Required),
    q("What organisation do you work for?", "/nrm/organisation", "user-organisation", "/first_responder/organisation/name", Always, Required),
    q("Where are you making this referral?", "/nrm/fr-location", "fr-location", "/nation", Always, Required),
    // Age confirmation
    q("Is the potential victim under 18?", "/nrm/pv-under-age", "pv-under-age", "/potential_victim/age_status", Always, Required),
    q("Name of local authority", LA, "local-authority-contacted-about-child-local-authority-name", "/safeguarding/children_services/local_authority", Child, Required),
    q("Phone number of local authority", LA, "local-authority-contacted-about-child-local-authority-phone", "/safeguarding/children_services/phone", Child, Required),
    q("Email address of local authority", LA, "local-authority-contacted-about-child-local-authority-email", "/safeguarding/children_services/email", Child, Required),
    q("First name of local authority contact (if known)", LA, "local-authority-contacted-about-child-local-authority-first-name", "/safeguarding/children_services/contact/given_name", Child, Optional),
    q("Last name of local authority contact (if known)", LA, "local-authority-contacted-about-child-local-authority-last-name", "/safeguarding/children_services/contact/family_name", Child, Optional),
    q("Were they under 18 at any time during the exploitation?", "/nrm/pv-under-age-at-time-of-exploitation", "pv-under-age-at-time-of-exploitation", "/exploitation/while_child", Adult, Required),
    // The potential victim's background
    q("Place of birth", "/nrm/what-is-their-background", "birthplace", "/background/place_of_birth", Always, Required),
    q("Their family", "/nrm/what-is-their-background", "family", "/background/family", Always, Required),
    q("Education", "/nrm/what-is-their-background", "education", "/background/education", Always, Required),
    q("Previous employment history", "/nrm/what-is-their-background", "employment-history", "/background/previous_employment", Always, Required),
    // Exploitation details
    q("Has the potential victim been in more than one exploitative situation?", "/nrm/potential-victim-exploitative-situation-multiple", "potential-victim-exploitative-situation-multiple", "/exploitation/more_than_one", Always, Required),
    q("When did the exploitations happen?", "/nrm/when-did-the-exploitation-take-place-multiple", "when-did-the-exploitation-take-place-multiple", "/exploitation/when", When("/exploitation/more_than_one", &["\"yes\""]), Required),
    q("When did the exploitation happen?", "/nrm/when-did-the-exploitation-take-place", "when-did-the-exploitation-take-place", "/exploitation/when", When("/exploitation/more_than_one", &["\"no\"", "\"not_sure\""]), Required),
    q("How did the exploitation start?", "/nrm/how-did-the-exploitation-start", "how-did-the-exploitation-start", "/exploitation/how_it_started", Always, Required),
    q("Was the potential victim taken somewhere by their exploiters?", "/nrm/were-they-taken-somewhere-by-their-exploiter", "were-they-taken-somewhere-by-their-exploiter", "/exploitation/taken_somewhere", Always, Required),
    q("Journey details", "/nrm/were-they-taken-somewhere-by-their-exploiter", "were-they-taken-somewhere-by-their-exploiter-journey-details", "/exploitation/journey", When("/exploitation/taken_somewhere", &["true"]), Required),
    q("What they had to do", TREATED, "what-were-they-required-to-do", "/exploitation/what_they_had_to_do", Always, Required),
    q("Their living conditions", TREATED, "living-conditions", "/exploitation/living_conditions", Always, Required),
    q("Their treatment", TREATED, "how-they-were-treated", "/exploitation/treatment", Always, Required),
    q("Is the potential victim still in an exploitative situation?", "/nrm/is-the-potential-victim-still-in-an-exploitative-situation", "still-in-exploitative-situation", "/exploitation/ongoing", Always, Required),
    q("What is keeping the potential victim in the situation?", "/nrm/reasons-preventing-potential-victim-from-leaving", "what-is-keeping-them-in-situation", "/exploitation/what_keeps_them", When("/exploitation/ongoing", &["true"]), Required),
    q("How did the potential victim leave the exploitative situation?", "/nrm/how-why-did-they-leave-the-situation", "how-why-did-they-leave-the-situation", "/exploitation/how_they_left", When("/exploitation/ongoing", &["false"]), Required),
    q("When were the potential victim and exploiters last in contact?", "/nrm/when-last-contact", "when-last-contact", "/exploitation/last_contact", Always, Required),
    q("Tell us about the last contact", "/nrm/details-last-contact", "details-last-contact", "/exploitation/last_contact_details", Always, Optional),
    q("Has the potential victim reported this before?", REPORTED, "is-this-the-first-chance-to-report", "/exploitation/reported_before", Always, Required),
    q("Provide more information (reported before)", REPORTED, "yes-the-first-chance-to-report", "/exploitation/reported_before_details", When("/exploitation/reported_before", &["\"yes\""]), Optional),
    q("Provide more information (not sure)", REPORTED, "not-sure-the-first-chance-to-report", "/exploitation/reported_before_details", When("/exploitation/reported_before", &["\"not_sure\""]), Optional),
    q("Is there anything that prevented the potential victim from reporting this sooner?", "/nrm/why-report-now", "why-report-now", "/exploitation/not_reported_reasons", When("/exploitation/reported_before", &["\"no\""]), Required),
    // Professional insight
    q("Did you identify any modern slavery indicators?", "/nrm/modern-slavery-indicators", "modern-slavery-indicators", "/professional/indicators_identified", Always, Required),
    q("Provide details of the indicators", "/nrm/modern-slavery-indicators", "modern-slavery-indicators-details", "/professional/indicators_details", When("/professional/indicators_identified", &["true"]), Required),
    q("Tell us about the interviews", "/nrm/where-how-interview-carried-out", "where-how-interview-carried-out", "/professional/interviews", Always, Required),
    q("Your professional insight", "/nrm/professional-insight", "professional-insight", "/professional/insight", Always, Required),
    q("Do you have any concerns about the potential victim's credibility?", "/nrm/evidence-of-dishonesty", "evidence-of-dishonesty", "/professional/credibility_concerns", Always, Required),
    q("Evidence", "/nrm/evidence-of-dishonesty", "evidence-of-dishonesty-details", "/professional/credibility_evidence", When("/professional/credibility_concerns", &["true"]), Required),
    q("Are there other professionals or organisations involved?", "/nrm/are-others-involved", "are-others-involved", "/professional/other_professionals", Always, Required),
    q("Referrals made, actions taken, references, contact details", "/nrm/are-others-involved", "are-others-involved-details", "/professional/other_professionals_details", When("/professional/other_professionals", &["true"]), Required),
    // Exploitation location
    q("Where was the potential victim exploited?", "/nrm/where-exploitation-happened", "where-exploitation-happened", "/exploitation/location", Always, Required),
    q("Select city or town (exploited in the UK)", "/nrm/where-exploitation-happened-uk", "where-exploitation-happened-uk-city-*", "/exploitation/uk_towns", When("/exploitation/location", &["\"uk\"", "\"uk_and_overseas\""]), Required),
    q("Address or location (in the UK)", "/nrm/where-exploitation-happened-uk", "where-exploitation-happened-other-uk-other-location", "/exploitation/uk_location_details", When("/exploitation/location", &["\"uk\"", "\"uk_and_overseas\""]), Optional),
    q("Select country (exploited overseas)", "/nrm/where-exploitation-happened-overseas", "where-exploitation-happened-overseas-country-*", "/exploitation/countries", When("/exploitation/location", &["\"overseas\"", "\"uk_and_overseas\""]), Required),
    q("Address or location (overseas)", "/nrm/where-exploitation-happened-overseas", "where-exploitation-happened-other-overseas-other-location", "/exploitation/overseas_location_details", When("/exploitation/location", &["\"overseas\"", "\"uk_and_overseas\""]), Optional),
    q("Where is the potential victim staying? City or town", "/nrm/current-pv-location", "current-pv-location-uk-city", "/potential_victim/current_location/town", Always, Required),
    q("Where is the potential victim staying? Region", "/nrm/current-pv-location", "current-pv-location-uk-region", "/potential_victim/current_location/region", Always, Required),
    // Exploiters' details
    q("Who exploited the potential victim?", "/nrm/who-exploited-pv", "who-exploited-pv", "/exploiters/who", Always, Required),
    q("Do you have information about where the exploiters are?", "/nrm/exploiters-location", "exploiters-location", "/exploiters/location_known", Always, Required),
    q("Are the exploiters in the UK?", "/nrm/are-exploiters-in-the-uk", "are-exploiters-in-the-uk", "/exploiters/in_uk", When("/exploiters/location_known", &["true"]), Required),
    q("What information do you have about where the exploiters are now?", "/nrm/exploiters-current-location-details", "exploiters-current-location-details", "/exploiters/whereabouts", When("/exploiters/location_known", &["true"]), Required),
    q("How were they exploited? (the ticks)", "/nrm/types-of-exploitation", "types-of-exploitation-*", "/exploitation/kinds", Always, Required),
    q("Enter other type of exploitation", "/nrm/types-of-exploitation", "other-exploitation-details", "/exploitation/other_kind", Includes("/exploitation/kinds", "other"), Required),
    q("Were there any other potential victims?", "/nrm/any-other-pvs", "any-other-pvs", "/other_victims", Always, Required),
    q("Provide more information (other victims)", "/nrm/any-other-pvs", "other-potential-victims-yes-details", "/other_victims_details", When("/other_victims", &["\"yes\""]), Optional),
    q("Provide more information (not sure)", "/nrm/any-other-pvs", "other-potential-victims-not-sure-details", "/other_victims_details", When("/other_victims", &["\"not_sure\""]), Optional),
    q("Are there any concerns that the potential victim could be exploited again?", "/nrm/future-exploitation", "future-exploitation-concerns", "/future_risk", Always, Required),
    q("Why are there concerns about exploitation in the future?", "/nrm/concerns-future-exploitation", "future-exploitation-reasons", "/future_risk_reasons", When("/future_risk", &["true"]), Required),
    q("Do they have a crime reference number?", "/nrm/reported-to-police", "reported-to-police", "/crime_report/exists", Always, Required),
    q("Select police force", "/nrm/reported-to-police", "reported-to-police-police-forces", "/crime_report/police_force", When("/crime_report/exists", &["true"]), Required),
    q("Enter crime or CAD reference", "/nrm/reported-to-police", "reported-to-police-crime-reference", "/crime_report/reference", When("/crime_report/exists", &["true"]), Required),
    q("Is the potential victim willing to help with investigations?", "/nrm/authorities-cooperation", "authorities-cooperation", "/cooperation/willing", Always, Required),
    q("Details of co-operation with authorities", "/nrm/authorities-cooperation", "authorities-cooperation-details", "/cooperation/details", When("/cooperation/willing", &["true"]), Optional),
    // Consent and support
    q("Does the potential victim consent to having their case referred to the NRM?", "/nrm/pv-want-to-submit-nrm", "pv-want-to-submit-nrm", "/route", Adult, Required),
    q("Does the potential victim want support?", "/nrm/does-pv-need-support", "does-pv-need-support", "/support/requested", AdultReferred, Required),
    q("How can the support provider contact the potential victim?", CONTACT, "pv-phone-number", "/support/contact/by", All(&[AdultReferred, When("/support/requested", &["true"])]), Required),
    q("Enter the potential victim's telephone number", CONTACT, "pv-phone-number-yes", "/support/contact/phone", All(&[AdultReferred, When("/support/contact/by", &["\"own_phone\""])]), Required),
    q("Alternative telephone number", CONTACT, "pv-phone-number-alternative", "/support/contact/alternative/phone", All(&[AdultReferred, When("/support/contact/by", &["\"alternative_phone\""])]), Required),
    q("Relationship to potential victim", CONTACT, "alternative-number-relation-to-pv", "/support/contact/alternative/relationship", All(&[AdultReferred, When("/support/contact/by", &["\"alternative_phone\""])]), Required),
    q("Tell us why you cannot provide the potential victim's telephone number", CONTACT, "no-contact-details", "/support/contact/none_reason", All(&[AdultReferred, When("/support/contact/by", &["\"none\""])]), Required),
    // Duty to Notify
    q("Why doesn't the potential victim want their case referred to the NRM?", "/nrm/refuse-nrm", "refuse-nrm", "/duty_to_notify/reason_not_referred", DutyToNotify, Optional),
    q("What is their gender? (Duty to Notify)", "/nrm/pv-gender-dtn", "pv-gender", "/potential_victim/gender", DutyToNotify, Required),
    q("Select nationality (Duty to Notify)", "/nrm/pv-nationality-dtn", "pv-nationality", "/potential_victim/nationality", DutyToNotify, Required),
    q("Select second nationality (Duty to Notify)", "/nrm/pv-nationality-dtn", "pv-nationality-second", "/potential_victim/second_nationality", DutyToNotify, Optional),
    // The potential victim's personal details: a referral, or a Duty to Notify whose adult
    // co-operates (which asks the name alone)
    q("First name", "/nrm/pv-name-referral", "pv-name-first-name", "/potential_victim/given_names", Referred, Required),
    q("First name (co-operating)", "/nrm/pv-name-dtn", "pv-name-first-name", "/potential_victim/given_names", Cooperating, Required),
    q("Last name", "/nrm/pv-name-referral", "pv-name-last-name", "/potential_victim/family_name", Referred, Required),
    q("Last name (co-operating)", "/nrm/pv-name-dtn", "pv-name-last-name", "/potential_victim/family_name", Cooperating, Required),
    q("Nickname or name used during exploitation", "/nrm/pv-name-referral", "pv-name-nickname", "/potential_victim/nickname", Referred, Optional),
    q("Nickname (co-operating)", "/nrm/pv-name-dtn", "pv-name-nickname", "/potential_victim/nickname", Cooperating, Optional),
    q("What is their date of birth? (Optional)", "/nrm/pv-dob", "pv-dob", "/potential_victim/date_of_birth", Referred, Optional),
    q("What is their gender?", "/nrm/pv-gender-referral", "pv-gender", "/potential_victim/gender", Referred, Required),
    q("Do they have any children?", "/nrm/does-pv-have-children", "does-pv-have-children", "/potential_victim/children/has", Referred, Required),
    q("Enter number of children", "/nrm/does-pv-have-children", "does-pv-have-children-yes-amount", "/potential_victim/children/count", All(&[Referred, When("/potential_victim/children/has", &["true"])]), Required),
    q("Select nationality", "/nrm/pv-nationality-referral", "pv-nationality", "/potential_victim/nationality", Referred, Required),
    q("Select second nationality (Optional)", "/nrm/pv-nationality-referral", "pv-nationality-second", "/potential_victim/second_nationality", Referred, Optional),
    q("Do they need an interpreter?", "/nrm/pv-interpreter-requirements", "pv-interpreter-requirements", "/potential_victim/interpreter_needed", Referred, Required),
    q("Language", "/nrm/pv-interpreter-requirements", "pv-interpreter-requirements-language", "/potential_victim/interpreter_language", All(&[Referred, When("/potential_victim/interpreter_needed", &["true"])]), Required),
    q("Do they need help with communication?", "/nrm/pv-other-help-with-communication", "pv-other-help-with-communication", "/potential_victim/communication_help/needed", Referred, Required),
    q("Enter communication aid", "/nrm/pv-other-help-with-communication", "pv-other-help-with-communication-aid", "/potential_victim/communication_help/details", All(&[Referred, When("/potential_victim/communication_help/needed", &["true"])]), Required),
    q("Do they have any Home Office references?", "/nrm/pv-ho-reference", "pv-ho-reference", "/potential_victim/home_office_references/has", Referred, Required),
    q("Enter type of reference, reference number or both", "/nrm/pv-ho-reference", "pv-ho-reference-type", "/potential_victim/home_office_references/details", All(&[Referred, When("/potential_victim/home_office_references/has", &["true"])]), Required),
    // Decision making and contact: the potential victim's own details on a referral, and on
    // a Duty to Notify whose adult co-operates; or someone else's
    q("Who should we send our decision to?", "/nrm/who-contact", "who-contact", "/decision/recipient", AdultReferred, Required),
    q("How should they be contacted?", "/nrm/pv-contact-details-referral", "pv-contact-details", "/decision/methods", TO_VICTIM, Required),
    q("How should they be contacted? (co-operating)", "/nrm/pv-contact-details-dtn", "pv-contact-details", "/decision/methods", Cooperating, Required),
    q("Email address", "/nrm/pv-contact-details-referral", "pv-contact-details-email-input", "/decision/email", All(&[TO_VICTIM, BY_EMAIL]), Required),
    q("Email address (co-operating)", "/nrm/pv-contact-details-dtn", "pv-contact-details-email-input", "/decision/email", All(&[Cooperating, BY_EMAIL]), Required),
    q("It is safe to write to them here (email)", "/nrm/pv-contact-details-referral", "pv-contact-details-email-check", "/decision/email_safe", All(&[TO_VICTIM, BY_EMAIL]), Required),
    q("It is safe to write to them here (email, co-operating)", "/nrm/pv-contact-details-dtn", "pv-contact-details-email-check", "/decision/email_safe", All(&[Cooperating, BY_EMAIL]), Required),
    q("Building and street", "/nrm/pv-contact-details-referral", "pv-contact-details-street", "/decision/post/building_and_street", All(&[TO_VICTIM, BY_POST]), Required),
    q("Building and street (co-operating)", "/nrm/pv-contact-details-dtn", "pv-contact-details-street", "/decision/post/building_and_street", All(&[Cooperating, BY_POST]), Required),
    q("Town or city", "/nrm/pv-contact-details-referral", "pv-contact-details-town", "/decision/post/town", All(&[TO_VICTIM, BY_POST]), Required),
    q("Town or city (co-operating)", "/nrm/pv-contact-details-dtn", "pv-contact-details-town", "/decision/post/town", All(&[Cooperating, BY_POST]), Required),
    q("County (optional)", "/nrm/pv-contact-details-referral", "pv-contact-details-county", "/decision/post/county", All(&[TO_VICTIM, BY_POST]), Optional),
    q("County (co-operating)", "/nrm/pv-contact-details-dtn", "pv-contact-details-county", "/decision/post/county", All(&[Cooperating, BY_POST]), Optional),
    q("Postcode", "/nrm/pv-contact-details-referral", "pv-contact-details-postcode", "/decision/post/postcode", All(&[TO_VICTIM, BY_POST]), Required),
    q("Postcode (co-operating)", "/nrm/pv-contact-details-dtn", "pv-contact-details-postcode", "/decision/post/postcode", All(&[Cooperating, BY_POST]), Required),
    q("It is safe to write to them here (post)", "/nrm/pv-contact-details-referral", "pv-contact-details-post-check", "/decision/post_safe", All(&[TO_VICTIM, BY_POST]), Required),
    q("It is safe to write to them here (post, co-operating)", "/nrm/pv-contact-details-dtn", "pv-contact-details-post-check", "/decision/post_safe", All(&[Cooperating, BY_POST]), Required),
    q("How should they be contacted? (someone else)", "/nrm/someone-else", "someone-else", "/decision/methods", TO_SOMEONE, Required),
    q("First name (Optional)", "/nrm/someone-else", "someone-else-first-name", "/decision/given_name", TO_SOMEONE, Optional),
    q("Last name (Optional)", "/nrm/someone-else", "someone-else-last-name", "/decision/family_name", TO_SOMEONE, Optional),
    q("Email address (someone else)", "/nrm/someone-else", "someone-else-email-input", "/decision/email", All(&[TO_SOMEONE, BY_EMAIL]), Required),
    q("Building and street (someone else)", "/nrm/someone-else", "someone-else-street", "/decision/post/building_and_street", All(&[TO_SOMEONE, BY_POST]), Required),
    q("Town and city (someone else)", "/nrm/someone-else", "someone-else-town", "/decision/post/town", All(&[TO_SOMEONE, BY_POST]), Required),
    q("County (someone else)", "/nrm/someone-else", "someone-else-county", "/decision/post/county", All(&[TO_SOMEONE, BY_POST]), Optional),
    q("Postcode (someone else)", "/nrm/someone-else", "someone-else-postcode", "/decision/post/postcode", All(&[TO_SOMEONE, BY_POST]), Required),
    q("Has the potential victim given you permission to send the decision to this person?", "/nrm/someone-else", "someone-else-permission-check", "/decision/permission", TO_SOMEONE, Required),
    // Your contact details (the email and the organisation are those given at the start)
    q("First name (yours)", "/nrm/fr-details", "fr-details-first-name", "/first_responder/first_name", Referred, Required),
    q("Last name (yours)", "/nrm/fr-details", "fr-details-last-name", "/first_responder/last_name", Referred, Required),
    q("Role", "/nrm/fr-details", "fr-details-role", "/first_responder/role", Referred, Required),
    q("Phone number", "/nrm/fr-details", "fr-details-phone", "/first_responder/phone", Referred, Required),
    q("Who should we contact in your absence?", "/nrm/fr-alternative-contact", "fr-alternative-contact", "/first_responder/contact_in_absence", Referred, Required),
    q("Upload supporting evidence and documents (optional)", "/nrm/upload-evidence", "upload-file", "/evidence", Referred, Optional),
    q("Tell us about the documents you uploaded", "/nrm/what-evidence-you-will-submit", "what-evidence-you-will-submit", "/evidence/0/description", All(&[Referred, Given("/evidence/0")]), Required),
];

fn is_child(draft: &Value) -> bool {
    matches!(draft["potential_victim"]["age_status"].as_str(), Some("child" | "age_disputed"))
}

fn applies(asked: &Asked, draft: &Value) -> bool {
    let referred = draft["route"] == "nrm";
    match asked {
        Always => true,
        Child => is_child(draft),
        Adult => !is_child(draft),
        Referred => referred,
        AdultReferred => referred && !is_child(draft),
        DutyToNotify => !referred,
        Cooperating => !referred && draft["cooperation"]["willing"] == true,
        When(pointer, values) => draft.pointer(pointer).is_some_and(|v| values.contains(&v.to_string().as_str())),
        Includes(pointer, value) => {
            draft.pointer(pointer).and_then(Value::as_array).is_some_and(|items| items.iter().any(|v| v == value))
        }
        Given(pointer) => draft.pointer(pointer).is_some_and(|v| !v.is_null()),
        All(conditions) => conditions.iter().all(|condition| applies(condition, draft)),
    }
}

const ROUTES: [&str; 3] = ["child", "adult_nrm", "duty_to_notify"];

/// The service's routes on which a question may be asked (`None`: any route).
fn routes(asked: &Asked) -> Option<BTreeSet<&'static str>> {
    let only = |routes: &[&'static str]| Some(routes.iter().copied().collect());
    match asked {
        Child => only(&["child"]),
        Adult => only(&["adult_nrm", "duty_to_notify"]),
        Referred => only(&["child", "adult_nrm"]),
        AdultReferred => only(&["adult_nrm"]),
        DutyToNotify | Cooperating => only(&["duty_to_notify"]),
        All(conditions) => conditions.iter().filter_map(routes).reduce(|a, b| a.intersection(&b).copied().collect()),
        Always | When(..) | Includes(..) | Given(..) => None,
    }
}

/// A field of the service: its page, its page's routes and its own `required`.
struct Field {
    page: String,
    name: String,
    routes: BTreeSet<String>,
    required: Value,
    /// The page asks for at least one of its boxes to be ticked.
    at_least_one: bool,
}

fn service_fields() -> Vec<Field> {
    let text = std::fs::read_to_string(project().join("data/online-form/online-service.json")).unwrap();
    let service: Value = serde_json::from_str(&text).unwrap();
    let mut fields = Vec::new();
    for page in service["sign_in"].as_array().unwrap().iter().chain(service["pages"].as_array().unwrap()) {
        // The sign-in comes before every route.
        let routes: BTreeSet<String> = page["journeys"].as_array().map_or(ROUTES.map(str::to_owned).into(), |routes| {
            routes.iter().map(|route| route.as_str().unwrap().to_owned()).collect()
        });
        let at_least_one = page["page_validators"]
            .as_array()
            .is_some_and(|rules| rules.iter().any(|rule| rule["type"] == "at-least-one-option-selected"));
        for field in page["fields"].as_array().into_iter().flatten() {
            fields.push(Field {
                page: page["path"].as_str().unwrap().to_owned(),
                name: field["name"].as_str().unwrap().to_owned(),
                routes: routes.clone(),
                required: field["required"].clone(),
                at_least_one,
            });
        }
    }
    fields
}

fn matches(question: &Question, field: &Field) -> bool {
    field.page == question.page
        && match question.field.strip_suffix('*') {
            Some(start) => field.name.starts_with(start),
            None => field.name == question.field,
        }
}

#[test]
fn the_table_is_the_services_own() {
    let fields = service_fields();
    for question in QUESTIONS {
        let asked: Vec<&Field> = fields.iter().filter(|field| matches(question, field)).collect();
        assert!(
            !asked.is_empty(),
            "`{}`: the service has no field {} on {}",
            question.asks,
            question.field,
            question.page
        );
        // Required: always, under a condition of its page (`when`), or unless the service
        // answers it itself (`unless`: a child's referral needs no consent); or, for a group of
        // boxes, at least one ticked.
        let required = asked.iter().any(|field| !matches!(field.required, Value::Bool(false)) || field.at_least_one);
        let need = if required { Required } else { Optional };
        assert_eq!(question.need, need, "`{}` ({})", question.asks, question.field);
        for field in asked {
            let mut met = field.routes.clone();
            if field.required.get("unless").is_some() {
                // The page is passed through on a child's route, which never shows it.
                met.remove("child");
            }
            let expected: BTreeSet<String> = routes(&question.asked)
                .map_or(ROUTES.map(str::to_owned).into(), |r| r.iter().map(|r| (*r).to_owned()).collect());
            assert_eq!(met, expected, "`{}`: the routes of {}", question.asks, field.page);
        }
    }
    for field in &fields {
        assert!(
            QUESTIONS.iter().any(|question| matches(question, field)),
            "the service asks {} on {}, and no question of the table does",
            field.name,
            field.page
        );
    }
}

/// The passing drafts: the examples, then a clean generated corpus of every route.
fn passing_drafts() -> &'static [Value] {
    static DRAFTS: OnceLock<Vec<Value>> = OnceLock::new();
    DRAFTS.get_or_init(|| {
        let folder = tempfile::tempdir().unwrap();
        let generated = std::process::Command::new("python3")
            .arg(project().join("benches/corpus.py"))
            .args(["--count", "1200", "--seed", "7", "--mistakes", "0", "--today", TODAY, "--out"])
            .arg(folder.path())
            .output()
            .expect("python3 runs the corpus generator");
        assert!(generated.status.success(), "{}", String::from_utf8_lossy(&generated.stderr));
        let checked = run(&["check", "--quiet", "--today", TODAY, folder.path().to_str().unwrap()], None);
        assert!(checked.status.success(), "the clean corpus passes: {}", support::stdout(&checked));
        let examples = ["child-england-pass", "adult-scotland-pass", "adult-wales-duty-to-notify-pass"]
            .map(|name| fixture(&format!("examples/{name}.json")));
        examples
            .into_iter()
            .chain(support::drafts_under(folder.path()))
            .map(|path| {
                // Some clean drafts start with a byte-order mark, as the format allows.
                let bytes = std::fs::read(&path).unwrap();
                serde_json::from_slice(bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes)).unwrap()
            })
            .collect()
    })
}

fn answered<'a>(draft: &'a Value, question: &Question) -> Option<&'a Value> {
    draft.pointer(question.pointer).filter(|v| !v.is_null())
}

#[test]
fn a_passing_draft_answers_every_question_that_applies() {
    let drafts = passing_drafts();
    let mut routes = BTreeSet::new();
    for draft in drafts {
        assert_eq!(draft["format_version"], 3);
        let route = match (is_child(draft), draft["route"] == "nrm", draft["cooperation"]["willing"] == true) {
            (true, ..) => "a child",
            (false, true, _) => "an adult referred",
            (false, false, false) => "a Duty to Notify",
            (false, false, true) => "a Duty to Notify whose adult co-operates",
        };
        routes.insert(route);
        for question in QUESTIONS.iter().filter(|question| question.need == Required) {
            if applies(&question.asked, draft) {
                assert!(
                    answered(draft, question).is_some(),
                    "{}: `{}` ({}) is not answered",
                    draft["reference"],
                    question.asks,
                    question.pointer
                );
            }
        }
    }
    assert_eq!(routes.len(), 4, "every route is measured: {routes:?}");
    // And every question is met: its conditions are not dead.
    for question in QUESTIONS {
        assert!(
            drafts.iter().any(|draft| applies(&question.asked, draft) && answered(draft, question).is_some()),
            "no passing draft answers `{}` ({}): the corpus does not measure it",
            question.asks,
            question.pointer
        );
    }
}

/// The draft without the member at the pointer; `None` when it has none.
fn without(draft: &Value, pointer: &str) -> Option<Value> {
    let (parent, member) = pointer.rsplit_once('/').unwrap();
    let mut changed = draft.clone();
    changed.pointer_mut(parent)?.as_object_mut()?.remove(member)?;
    Some(changed)
}

#[test]
fn leaving_out_any_answer_that_applies_fails_the_check() {
    // The examples, then the fewest corpus drafts that answer every other question.
    let drafts = passing_drafts();
    let mut measured: Vec<&Value> = drafts[..3].iter().collect();
    for question in QUESTIONS {
        let answers = |draft: &&Value| applies(&question.asked, draft) && answered(draft, question).is_some();
        if !measured.iter().any(answers)
            && let Some(draft) = drafts.iter().find(answers)
        {
            measured.push(draft);
        }
    }
    // Every variant in one check: the draft as it is, then without each answer in turn.
    let folder = tempfile::tempdir().unwrap();
    let mut variants: Vec<(String, Need)> = Vec::new();
    for draft in &measured {
        let reference = draft["reference"].as_str().unwrap();
        let mut write = |what: String, need: Need, value: &Value| {
            let path = folder.path().join(format!("{:05}.json", variants.len()));
            std::fs::write(path, serde_json::to_vec_pretty(value).unwrap()).unwrap();
            variants.push((what, need));
        };
        write(format!("{reference} as it is"), Optional, draft);
        for question in QUESTIONS.iter().filter(|question| applies(&question.asked, draft)) {
            let changed = without(draft, question.pointer);
            assert!(
                changed.is_some() || question.need == Optional,
                "{reference} answers `{}` ({})",
                question.asks,
                question.pointer
            );
            if let Some(changed) = changed {
                write(
                    format!("{reference} without `{}` ({})", question.asks, question.pointer),
                    question.need,
                    &changed,
                );
            }
        }
    }
    let checked = run(&["check", "--format", "json", "--today", TODAY, folder.path().to_str().unwrap()], None);
    let report: Value = serde_json::from_slice(&checked.stdout).expect("the JSON report parses");
    let files = report["files"].as_array().unwrap();
    assert_eq!(files.len(), variants.len());
    for file in files {
        let name = file["path"].as_str().unwrap().rsplit('/').next().unwrap();
        let (what, need) = &variants[name.trim_end_matches(".json").parse::<usize>().unwrap()];
        let passes = file["errors"] == 0;
        match need {
            Required => assert!(!passes, "{what} still passes"),
            Optional => assert!(passes, "{what} fails, though the service does not need it: {}", file["findings"]),
        }
    }
    assert!(variants.len() > 300, "{} variants checked", variants.len());
}
