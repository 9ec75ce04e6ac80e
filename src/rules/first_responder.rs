//! FR: first responder authorisation. Only staff of designated first responder organisations
//! may refer, and the online form verifies their work email; the registry says who is
//! designated, where, and with which email domains.

use super::input::Version;
use super::{Context, Finding, Rule, Severity};
use crate::registry::{Organisation, domain_matches};

const TYPE: &str = "/first_responder/organisation/type";
const NGO: &str = "/first_responder/organisation/ngo";
const EMAIL: &str = "/first_responder/email";
const NAME: &str = "/first_responder/organisation/name";

pub static FR001: Rule = Rule {
    id: "FR001",
    severity: Severity::Error,
    summary: "the organisation is not a designated first responder, so it cannot refer",
    why: "Only designated first responder organisations may refer into the NRM. Others (an NHS trust, a school, a charity not on the list) refer through one of them.",
    source: "NRM statutory guidance (Modern Slavery Act 2015 s.49), designated first responder organisations",
    fails: r#""organisation": { "type": "other", "name": "Manchester University NHS Foundation Trust" }"#,
    passes: r#""organisation": { "type": "local_authority", "name": "Manchester City Council" }"#,
};

pub static FR002: Rule = Rule {
    id: "FR002",
    severity: Severity::Error,
    summary: "`organisation.ngo` is not a designated NGO in the registry",
    why: "Only the NGOs the Home Office designates may refer; an unknown id is either a typo or an organisation that must refer through a first responder.",
    source: "first responder registry",
    fails: r#""organisation": { "type": "ngo", "name": "National Society for the Prevention of Cruelty to Children NSPCC CTAC", "ngo": "nspc" }"#,
    passes: r#""organisation": { "type": "ngo", "name": "National Society for the Prevention of Cruelty to Children NSPCC CTAC", "ngo": "nspcc" }"#,
};

pub static FR003: Rule = Rule {
    id: "FR003",
    severity: Severity::Error,
    summary: "the organisation is not designated in this nation",
    why: "Designation is per nation: Health and Social Care Trusts are first responders in Northern Ireland only, and some NGOs in one nation only.",
    source: "first responder registry",
    fails: r#""nation": "england", … "organisation": { "type": "hsc_trust", "name": "Health and Social Care Trusts - HSC Trusts" }"#,
    passes: r#""nation": "northern_ireland", … "organisation": { "type": "hsc_trust", "name": "Health and Social Care Trusts - HSC Trusts" }"#,
};

pub static FR004: Rule = Rule {
    id: "FR004",
    severity: Severity::Error,
    summary: "the email's domain is not a work domain the online form recognises, or is public webmail",
    why: "The online form sends the first responder a secure link, and only to a work address on a domain it recognises; with any other address the referral cannot be made at all. Public webmail is never a work address.",
    source: "the online form's recognised email domains (Home Office, Report modern slavery service)",
    fails: r#""email": "priya.sharma@gmail.com", … "type": "local_authority""#,
    passes: r#""email": "priya.sharma@birminghamchildrenstrust.co.uk", … "type": "local_authority""#,
};

pub static FR005: Rule = Rule {
    id: "FR005",
    severity: Severity::Warning,
    summary: "the registry knows no email domain for this organisation, so the email could not be verified",
    why: "The online form recognises the domain, but nothing says it is this organisation's; check it is your own work address before you start the form.",
    source: "first responder registry",
    fails: r#""email": "caseworker@glasgow.gov.uk", … "ngo": "tara""#,
    passes: r#""email": "caseworker@nspcc.org.uk", … "ngo": "nspcc""#,
};

pub static FR006: Rule = Rule {
    id: "FR006",
    severity: Severity::Error,
    summary: "only a specified public authority (police, local authority, National Crime Agency, Home Office, GLAA, Fair Work Agency) may file a Duty to Notify",
    why: "The duty to notify falls on specified public authorities; an NGO or a Health and Social Care Trust refers into the NRM with consent instead. The Fair Work Agency took over the GLAA's functions, and its duty with them.",
    source: "Modern Slavery Act 2015 s.52",
    fails: r#""route": "duty_to_notify", … "type": "ngo""#,
    passes: r#""route": "duty_to_notify", … "type": "fair_work_agency""#,
};

pub static FR007: Rule = Rule {
    id: "FR007",
    severity: Severity::Warning,
    summary: "the email's domain is recognised but does not belong to the organisation chosen",
    why: "The online form accepts any recognised domain, so this referral can be made; but an address of another organisation usually means the wrong organisation type or NGO was chosen, and the SCA replies to the organisation named.",
    source: "first responder registry",
    fails: r#""email": "officer@lincolnshire.police.uk", … "type": "local_authority""#,
    passes: r#""email": "officer@lincolnshire.police.uk", … "type": "police""#,
};

pub static FR008: Rule = Rule {
    id: "FR008",
    severity: Severity::Error,
    summary: "`organisation.name` is not one of the organisations the online form offers (a warning in format versions 1 and 2)",
    why: "The online service asks for the organisation from its own list, and refuses any other name, without saying why; the nearest one on the list is usually what was meant. Format versions 1 and 2 asked for the name as the organisation calls itself, so there it is a warning.",
    source: "the online form's organisation list (Home Office, Report modern slavery service)",
    fails: r#""organisation": { "type": "local_authority", "name": "Lincolnshire Council" }"#,
    passes: r#""organisation": { "type": "local_authority", "name": "Lincolnshire County Council" }"#,
};

pub static RULES: [&Rule; 8] = [&FR001, &FR002, &FR003, &FR004, &FR007, &FR008, &FR005, &FR006];

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let draft = &cx.draft;
    let Some(kind) = draft.str(TYPE) else { return };
    let designated = cx.registry.types.get(kind);
    if kind == "other" || (kind != "ngo" && designated.is_none()) {
        out.push(Finding::new(
            &FR001,
            TYPE,
            "this organisation is not a designated first responder, so it cannot refer. Refer through \
             local authority children's services, the police, or a designated NGO such as the NSPCC's \
             Child Trafficking Advice Centre, and give them what you know",
        ));
    }
    let organisation = if kind == "ngo" { designated_ngo(cx, out) } else { designated };
    if let Some(organisation) = organisation {
        designated_in_nation(cx, organisation, kind, out);
        work_email(cx, organisation, out);
        offered_by_online_form(cx, out);
    }
    let public_authority = designated.is_some_and(|o| o.public_authority);
    if draft.str("/route") == Some("duty_to_notify") && !public_authority {
        out.push(Finding::new(
            &FR006,
            "/route",
            "only a specified public authority (police, local authority, National Crime Agency, Home Office, \
             GLAA, Fair Work Agency) may file a Duty to Notify; with the adult's consent, refer into the NRM \
             (`\"route\": \"nrm\"`)",
        ));
    }
}

/// FR002: the NGO named by `organisation.ngo`, if the registry designates it.
fn designated_ngo<'r>(cx: &Context<'r>, out: &mut Vec<Finding>) -> Option<&'r Organisation> {
    let id = cx.draft.str(NGO)?;
    let ngo = cx.registry.ngos.get(id);
    if ngo.is_none() {
        let known: Vec<&str> = cx.registry.ngos.keys().map(String::as_str).collect();
        out.push(Finding::new(
            &FR002,
            NGO,
            format!("this NGO is not designated in the registry; use one of: {}", known.join(", ")),
        ));
    }
    ngo
}

/// FR003.
fn designated_in_nation(cx: &Context, organisation: &Organisation, kind: &str, out: &mut Vec<Finding>) {
    let Some(nation) = cx.draft.str("/nation") else { return };
    if !organisation.serves(nation) {
        out.push(Finding::new(
            &FR003,
            if kind == "ngo" { NGO } else { TYPE },
            format!(
                "{} is designated only in {}, not where this person was identified; refer through a \
                 first responder designated there",
                organisation.name,
                organisation.nations.join(", ")
            ),
        ));
    }
}

/// FR004, then FR005 or FR007: the online form decides whether the address can be used at all;
/// the registry, whether it is this organisation's.
fn work_email(cx: &Context, organisation: &Organisation, out: &mut Vec<Finding>) {
    let Some(email) = cx.draft.str(EMAIL) else { return };
    let Some((_, domain)) = email.rsplit_once('@') else { return };
    let quoted = cx.quote(domain);
    if cx.registry.is_webmail(domain) {
        out.push(Finding::new(
            &FR004,
            EMAIL,
            format!("the email is a public webmail address{quoted}; use your work email address"),
        ));
        return;
    }
    if !cx.registry.recognised_by_online_form(domain) {
        out.push(Finding::new(
            &FR004,
            EMAIL,
            format!(
                "the online form does not recognise the email's domain{quoted}, so it cannot send you the link \
                 to make the referral; use your work address (see `nrm explain FR004`)"
            ),
        ));
        return;
    }
    match &organisation.domains {
        None => out.push(Finding::new(
            &FR005,
            EMAIL,
            format!(
                "the registry knows no email domain for {}, so the address{quoted} could not be checked against \
                 it; make sure it is your own work address",
                organisation.name
            ),
        )),
        Some(domains) if !domains.iter().any(|known| domain_matches(domain, known)) => out.push(Finding::new(
            &FR007,
            EMAIL,
            format!(
                "the online form recognises the email's domain{quoted}, but it does not belong to {} (a domain \
                 ending in {}); check the organisation chosen",
                organisation.name,
                domains.join(" or ")
            ),
        )),
        Some(_) => {}
    }
}

/// FR008, with the nearest name the form offers.
fn offered_by_online_form(cx: &Context, out: &mut Vec<Finding>) {
    let Some(name) = cx.draft.str(NAME) else { return };
    let form = &cx.registry.online_form;
    // Compared as the service compares it: after its formatters (spaces trimmed and single).
    let field = crate::service::field("user-organisation").expect("the service asks the organisation");
    if form.offers(&crate::service::validators::format(field, name)) {
        return;
    }
    let nearest = crate::suggest::nearest(name, form.organisations.iter());
    let message = match nearest {
        // The suggestion is the form's own list, never the draft's value.
        Some(near) => format!(
            "the online service does not offer this organisation name, and refuses it without saying why; did you mean `{near}`?"
        ),
        None => "the online service does not offer this organisation name, and refuses it without saying why; choose yours from its list (`data/first-responders.json`, `online_form.organisations`)".to_owned(),
    };
    let finding = Finding::new(&FR008, NAME, message);
    out.push(if cx.draft.version == Version::V3 { finding } else { finding.at(Severity::Warning) });
}
