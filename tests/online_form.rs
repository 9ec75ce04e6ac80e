//! The real form is the measure of the draft. Every question of the Home Office's offline prompt
//! sheet (27 April 2026), in its order, with the member of a version 2 draft that answers it and
//! when the form asks it; written here from the prompt sheet, not from the schema or the code. A
//! draft that passes `nrm check` answers each question that applies to it, and leaving out any
//! one of those answers fails the check.

mod support;

use serde_json::Value;
use support::{TODAY, fixture, run};

/// When the online form asks a question.
enum Asked {
    Always,
    Child,
    Adult,
    /// An adult on route `nrm`: consent, support and the decision.
    AdultReferred,
    Referred,
    DutyToNotify,
    /// Route `nrm`, or a Duty to Notify whose adult co-operates, with a known name.
    Named,
    /// The answer at the pointer is one of these.
    When(&'static str, &'static [&'static str]),
}

use Asked::*;

const QUESTIONS: &[(&str, &str, Asked)] = &[
    ("work email", "/first_responder/email", Always),
    ("your reference", "/reference", Always),
    ("organisation", "/first_responder/organisation/name", Always),
    ("where the referral is made", "/nation", Always),
    ("under 18", "/potential_victim/age_status", Always),
    ("local authority contacted", "/safeguarding/children_services/local_authority", Child),
    ("its phone", "/safeguarding/children_services/phone", Child),
    ("its email", "/safeguarding/children_services/email", Child),
    ("under 18 during the exploitation", "/exploitation/while_child", Adult),
    ("background", "/background", Always),
    ("more than one situation", "/exploitation/more_than_one", Always),
    ("when it happened", "/exploitation/when", Always),
    ("how it started", "/exploitation/how_it_started", Always),
    ("taken somewhere", "/exploitation/taken_somewhere", Always),
    ("the journey", "/exploitation/journey", When("/exploitation/taken_somewhere", &["true"])),
    ("what they had to do", "/exploitation/what_they_had_to_do", Always),
    ("living conditions", "/exploitation/living_conditions", Always),
    ("treatment", "/exploitation/treatment", Always),
    ("still exploited", "/exploitation/ongoing", Always),
    ("what keeps them there", "/exploitation/what_keeps_them", When("/exploitation/ongoing", &["true"])),
    ("how they left", "/exploitation/how_they_left", When("/exploitation/ongoing", &["false"])),
    ("last contact", "/exploitation/last_contact", Always),
    ("the last contact", "/exploitation/last_contact_details", Always),
    ("reported before", "/exploitation/reported_before", Always),
    ("why not sooner", "/exploitation/not_reported_reasons", When("/exploitation/reported_before", &["\"no\""])),
    ("indicators identified", "/professional/indicators_identified", Always),
    ("the indicators", "/professional/indicators_details", When("/professional/indicators_identified", &["true"])),
    ("the interviews", "/professional/interviews", Always),
    ("professional insight", "/professional/insight", Always),
    ("credibility", "/professional/credibility_concerns", Always),
    ("its evidence", "/professional/credibility_evidence", When("/professional/credibility_concerns", &["true"])),
    ("other professionals", "/professional/other_professionals", Always),
    ("who they are", "/professional/other_professionals_details", When("/professional/other_professionals", &["true"])),
    ("where exploited", "/exploitation/location", Always),
    ("where in the UK", "/exploitation/uk_towns", When("/exploitation/location", &["\"uk\"", "\"uk_and_overseas\""])),
    (
        "where overseas",
        "/exploitation/countries",
        When("/exploitation/location", &["\"overseas\"", "\"uk_and_overseas\""]),
    ),
    ("staying in which town", "/potential_victim/current_location/town", Always),
    ("staying in which region", "/potential_victim/current_location/region", Always),
    ("who exploited them", "/exploiters/who", Always),
    ("where they are known", "/exploiters/location_known", Always),
    ("in the UK", "/exploiters/in_uk", When("/exploiters/location_known", &["true"])),
    ("where they are", "/exploiters/whereabouts", When("/exploiters/location_known", &["true"])),
    ("how they were exploited", "/exploitation/types", Always),
    ("other victims", "/other_victims", Always),
    ("exploited again", "/future_risk", Always),
    ("why", "/future_risk_reasons", When("/future_risk", &["true"])),
    ("a crime reference", "/crime_report/exists", Always),
    ("its police force", "/crime_report/police_force", When("/crime_report/exists", &["true"])),
    ("the reference", "/crime_report/reference", When("/crime_report/exists", &["true"])),
    ("co-operation", "/cooperation/willing", Always),
    ("consent", "/consent/given", AdultReferred),
    ("support wanted", "/support/requested", AdultReferred),
    ("how to reach them", "/support/contact", When("/support/requested", &["true"])),
    ("why no referral", "/duty_to_notify", DutyToNotify),
    ("gender", "/potential_victim/gender", Always),
    ("nationality", "/potential_victim/nationality", Always),
    ("first name", "/potential_victim/given_names", Named),
    ("last name", "/potential_victim/family_name", Named),
    ("children", "/potential_victim/children/has", Referred),
    ("how many", "/potential_victim/children/count", When("/potential_victim/children/has", &["true"])),
    ("interpreter", "/potential_victim/interpreter_needed", Always),
    ("its language", "/potential_victim/interpreter_language", When("/potential_victim/interpreter_needed", &["true"])),
    ("help with communication", "/potential_victim/communication_help/needed", Referred),
    ("Home Office references", "/potential_victim/home_office_references/has", Referred),
    ("who gets the decision", "/decision/recipient", AdultReferred),
    ("safe to write", "/decision/safe_to_write", AdultReferred),
    ("your name", "/first_responder/name", Always),
    ("your role", "/first_responder/role", Always),
    ("your phone", "/first_responder/phone", Always),
    ("contact in your absence", "/first_responder/contact_in_absence", Always),
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
        AdultReferred => !is_child(draft) && referred,
        Referred => referred,
        DutyToNotify => !referred,
        Named => {
            (referred || draft["cooperation"]["willing"] == true) && draft["potential_victim"]["name_unknown"] != true
        }
        When(pointer, values) => draft.pointer(pointer).is_some_and(|v| values.contains(&v.to_string().as_str())),
    }
}

fn passes(draft: &Value) -> bool {
    let text = serde_json::to_string_pretty(draft).unwrap();
    run(&["check", "--today", TODAY, "-"], Some(text.as_bytes())).status.success()
}

/// The passing version 2 drafts: the examples, and a clean generated corpus of every case.
fn passing_drafts() -> Vec<Value> {
    let folder = tempfile::tempdir().unwrap();
    let generated = std::process::Command::new("python3")
        .arg(support::project().join("benches/corpus.py"))
        .args(["--count", "120", "--seed", "5", "--mistakes", "0", "--today", TODAY, "--out"])
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
}

#[test]
fn a_passing_draft_answers_every_question_that_applies() {
    let drafts = passing_drafts();
    let mut seen = [false; 4];
    for draft in &drafts {
        assert_eq!(draft["format_version"], 2);
        seen[usize::from(draft["route"] == "duty_to_notify") + usize::from(is_child(draft)) * 2] = true;
        for (question, pointer, asked) in QUESTIONS {
            if applies(asked, draft) {
                let answer = draft.pointer(pointer).filter(|v| !v.is_null());
                assert!(answer.is_some(), "{}: `{question}` ({pointer}) is not answered", draft["reference"]);
            }
        }
    }
    assert_eq!(seen, [true, true, true, false], "adults referred, Duties to Notify and children are all measured");
}

#[test]
fn leaving_out_any_answer_that_applies_fails_the_check() {
    let examples = ["child-england-pass", "adult-scotland-pass", "adult-wales-duty-to-notify-pass"];
    for name in examples {
        let draft: Value =
            serde_json::from_slice(&std::fs::read(fixture(&format!("examples/{name}.json"))).unwrap()).unwrap();
        assert!(passes(&draft), "{name} passes as it is");
        for (question, pointer, asked) in QUESTIONS {
            if !applies(asked, &draft) {
                continue;
            }
            let (parent, member) = pointer.rsplit_once('/').unwrap();
            let mut without = draft.clone();
            let removed = without
                .pointer_mut(if parent.is_empty() { "" } else { parent })
                .and_then(|object| object.as_object_mut().and_then(|members| members.remove(member)));
            assert!(removed.is_some(), "{name} answers `{question}`");
            assert!(!passes(&without), "{name} without `{question}` ({pointer}) still passes");
        }
    }
}
