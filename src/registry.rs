//! The first responder registry: which organisations may refer, their work email domains and
//! the nations they are designated in, and the online form's own lists (the email domains it
//! recognises, the organisations it offers). Data, not code: `data/first-responders.json` is
//! built in, and `--registry FILE` (or the config's `registry`) replaces it with an
//! organisation's copy.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

pub const BUILT_IN: &str = include_str!("../data/first-responders.json");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Registry {
    pub version: String,
    pub reviewed_on: String,
    #[serde(default)]
    pub source: String,
    /// Designated organisation types, by the draft's `organisation.type`.
    pub types: BTreeMap<String, Organisation>,
    /// Designated NGOs, by the draft's `organisation.ngo`.
    pub ngos: BTreeMap<String, Organisation>,
    /// What the online form itself accepts.
    pub online_form: OnlineForm,
    /// Public webmail domains: never a work address.
    pub webmail: Vec<String>,
}

/// The online referral service's lists, with where and when they were taken from.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OnlineForm {
    pub source: String,
    pub dated: String,
    pub email_domains: EmailDomains,
    /// "What organisation do you work for?": the names the form offers.
    pub organisations: Vec<String>,
    /// The same names, to look one up without walking the list for every draft.
    #[serde(skip)]
    offered: std::collections::HashSet<String>,
}

impl OnlineForm {
    /// Whether the form offers an organisation of exactly this name.
    pub fn offers(&self, name: &str) -> bool {
        self.offered.contains(name)
    }
}

/// The work email domains the online form admits: one of `exact`, or ending with a suffix.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmailDomains {
    pub exact: Vec<String>,
    pub suffixes: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub name: String,
    /// `None`: the registry does not know this organisation's domains.
    pub domains: Option<Vec<String>>,
    pub nations: Vec<String>,
    /// A specified public authority, which may file a Duty to Notify.
    #[serde(default)]
    pub public_authority: bool,
}

impl Registry {
    pub fn built_in() -> Registry {
        Registry::parse(BUILT_IN).expect("the built-in registry is valid")
    }

    /// Reads a replacement registry; the error names the file and, for bad content, the place.
    pub fn load(path: &Path) -> Result<Registry, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|error| format!("cannot read the registry {}: {error}", path.display()))?;
        Registry::parse(&text).map_err(|error| format!("the registry {} is not valid: {error}", path.display()))
    }

    /// Parses a registry's text; the error says what is wrong and, for bad JSON, where.
    pub fn parse(text: &str) -> Result<Registry, String> {
        let mut registry: Registry = serde_json::from_str(text).map_err(|error| error.to_string())?;
        registry.online_form.offered = registry.online_form.organisations.iter().cloned().collect();
        for (member, date) in
            [("reviewed_on", &registry.reviewed_on), ("online_form.dated", &registry.online_form.dated)]
        {
            chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")
                .map_err(|_| format!("`{member}` must be a date, YYYY-MM-DD"))?;
        }
        Ok(registry)
    }

    pub fn is_webmail(&self, domain: &str) -> bool {
        self.webmail.iter().any(|webmail| domain_matches(domain, webmail))
    }

    /// Whether the online form admits an address on this domain: one of its exact domains
    /// (without regard to case), or ending with one of its suffixes on whole DNS labels.
    pub fn recognised_by_online_form(&self, domain: &str) -> bool {
        let domains = &self.online_form.email_domains;
        domains.exact.iter().any(|exact| exact.eq_ignore_ascii_case(domain))
            || domains.suffixes.iter().any(|suffix| domain_matches(domain, suffix.trim_start_matches('.')))
    }
}

impl Organisation {
    pub fn serves(&self, nation: &str) -> bool {
        self.nations.iter().any(|n| n == nation)
    }
}

/// Whether an address's domain is `domain` or one of its subdomains, compared on whole DNS
/// labels without regard to case: `lincolnshire.gov.uk` matches `gov.uk`; `evilgov.uk` and
/// `gov.uk.example.com` do not.
pub fn domain_matches(address_domain: &str, domain: &str) -> bool {
    let address_domain = address_domain.to_lowercase();
    let domain = domain.to_lowercase();
    address_domain == domain || address_domain.strip_suffix(&domain).is_some_and(|rest| rest.ends_with('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains_match_on_whole_labels() {
        assert!(domain_matches("lincolnshire.gov.uk", "gov.uk"));
        assert!(domain_matches("GOV.UK", "gov.uk"));
        assert!(domain_matches("scotland.police.uk", "police.uk"));
        assert!(!domain_matches("evilgov.uk", "gov.uk"));
        assert!(!domain_matches("gov.uk.example.com", "gov.uk"));
    }

    #[test]
    fn the_online_form_recognises_its_exact_domains_and_suffixes() {
        let registry = Registry::built_in();
        for recognised in
            ["birminghamchildrenstrust.co.uk", "DerryStrabane.com", "lincolnshire.gov.uk", "psni.police.uk"]
        {
            assert!(registry.recognised_by_online_form(recognised), "{recognised}");
        }
        for refused in ["sub.derrystrabane.com", "evilgov.uk", "gov.uk.example.com", "gmail.com", "nhs.net"] {
            assert!(!registry.recognised_by_online_form(refused), "{refused}");
        }
        assert!(registry.online_form.organisations.iter().any(|name| name == "Fair Work Agency"));
    }

    #[test]
    fn built_in_registry_knows_every_designated_type() {
        let registry = Registry::built_in();
        for kind in [
            "police",
            "local_authority",
            "national_crime_agency",
            "home_office",
            "glaa",
            "fair_work_agency",
            "hsc_trust",
        ] {
            assert!(registry.types.contains_key(kind), "{kind}");
        }
        assert!(!registry.types.contains_key("other"));
        assert!(registry.is_webmail("gmail.com"));
    }
}
