//! The first responder registry: which organisations may refer, their work email domains and
//! the nations they are designated in. Data, not code: `data/first-responders.json` is built in,
//! and `--registry FILE` (or the config's `registry`) replaces it with an organisation's copy.

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
    /// Public webmail domains: never a work address.
    pub webmail: Vec<String>,
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

    fn parse(text: &str) -> Result<Registry, String> {
        let registry: Registry = serde_json::from_str(text).map_err(|error| error.to_string())?;
        chrono::NaiveDate::parse_from_str(&registry.reviewed_on, "%Y-%m-%d")
            .map_err(|_| "`reviewed_on` must be a date, YYYY-MM-DD".to_owned())?;
        Ok(registry)
    }

    pub fn is_webmail(&self, domain: &str) -> bool {
        self.webmail.iter().any(|webmail| domain_matches(domain, webmail))
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
    fn built_in_registry_knows_every_designated_type() {
        let registry = Registry::built_in();
        for kind in ["police", "local_authority", "national_crime_agency", "home_office", "glaa", "hsc_trust"] {
            assert!(registry.types.contains_key(kind), "{kind}");
        }
        assert!(!registry.types.contains_key("other"));
        assert!(registry.is_webmail("gmail.com"));
    }
}
