//! The national picture a batch report compares with: the published 2023 NRM statistics the
//! project needs, as data (`data/national-2023.json`, each dimension with its source).

use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::LazyLock;

#[derive(Deserialize)]
pub struct Figures {
    pub title: String,
    pub licence: String,
    /// Each source by name, as the dimensions cite it.
    pub sources: BTreeMap<String, String>,
    pub dimensions: Vec<Dimension>,
}

/// One way of dividing the referrals: its categories, each a set of the format's codes, with
/// the people nationally in each where the statistics count them.
#[derive(Deserialize)]
pub struct Dimension {
    /// The `Profile` member it counts.
    pub id: String,
    pub title: String,
    /// The title as a plural noun, for "all other nationalities".
    #[serde(default)]
    pub plural: String,
    pub source: Option<String>,
    /// The people the national shares are of.
    pub total: Option<u64>,
    pub note: String,
    /// For open lists (nationality): the categories shown are the batch's most common, this many.
    pub top: Option<usize>,
    /// For open lists: what the statistics say of a code no category holds.
    pub others: Option<String>,
    pub categories: Vec<Category>,
}

#[derive(Deserialize)]
pub struct Category {
    pub codes: Vec<String>,
    /// Its name, where the codes' own words joined would not do.
    pub label: Option<String>,
    pub people: Option<u64>,
}

pub static FIGURES: LazyLock<Figures> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../../data/national-2023.json")).expect("data/national-2023.json is well-formed")
});

impl Dimension {
    /// The national category holding a code.
    pub fn category(&self, code: &str) -> Option<&Category> {
        self.categories.iter().find(|category| category.codes.iter().any(|c| c == code))
    }

    /// A category's national share, in per cent.
    pub fn share(&self, category: &Category) -> Option<f64> {
        Some(category.people? as f64 * 100.0 / self.total? as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn csv(name: &str) -> Vec<HashMap<String, String>> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/data").join(name);
        csv::Reader::from_path(&path).unwrap().deserialize().map(Result::unwrap).collect()
    }

    fn dimension(id: &str) -> &'static Dimension {
        FIGURES.dimensions.iter().find(|d| d.id == id).unwrap()
    }

    fn people(id: &str, code: &str) -> u64 {
        dimension(id).category(code).and_then(|c| c.people).unwrap()
    }

    #[test]
    fn every_dimension_is_a_profile_member_with_known_codes_and_a_cited_source() {
        let lists = [
            ("types", "type"),
            ("age_group", "age_group"),
            ("gender", "gender"),
            ("nation", "nation"),
            ("route", "route"),
            ("organisation", "organisation"),
        ];
        for dimension in &FIGURES.dimensions {
            if let Some(source) = &dimension.source {
                assert!(FIGURES.sources.contains_key(source), "{}: source {source} is listed", dimension.id);
            }
            let counted: u64 = dimension.categories.iter().filter_map(|c| c.people).sum();
            assert!(counted <= dimension.total.unwrap_or(0) || dimension.id == "types", "{}", dimension.id);
            for code in dimension.categories.iter().flat_map(|c| &c.codes) {
                let known = match lists.iter().find(|(id, _)| *id == dimension.id) {
                    Some((_, list)) => crate::render::words::code(list, code).is_some(),
                    None => crate::render::words::country_code(code).is_some(),
                };
                assert!(known, "{}: {code} is one of the format's codes", dimension.id);
            }
        }
        // Every code of a closed list has its category, so no draft's fact goes uncounted.
        for (id, list) in lists {
            let words: serde_json::Value =
                serde_json::from_str(include_str!("../../data/words.json")).expect("words.json is JSON");
            for code in words[list].as_object().unwrap().keys() {
                assert!(dimension(id).category(code).is_some(), "{id}: {code} has a category");
            }
        }
    }

    /// The figures taken from the published tables the project ships are the tables' own.
    #[test]
    fn the_figures_are_those_of_the_published_tables() {
        let year: Vec<_> = csv("referrals-longitudinal.csv").into_iter().filter(|r| r["Year"] == "2023").collect();
        let age = |group: &str| -> u64 {
            year.iter()
                .filter(|r| r["Age at exploitation"] == group && r["Location of exploitation"] == "Total")
                .map(|r| r["NRM referrals"].parse::<u64>().unwrap())
                .sum()
        };
        assert_eq!(people("age_group", "child"), age("Child (17 or under)"));
        assert_eq!(people("age_group", "adult"), age("Adult (18 or over)"));
        assert_eq!(people("age_group", "age_disputed"), age("Age not specified or unknown"));
        let referrals = age("Child (17 or under)") + age("Adult (18 or over)") + age("Age not specified or unknown");
        assert_eq!(referrals, 17004);
        assert_eq!(dimension("age_group").total, Some(referrals));

        let notified: u64 = csv("duty-to-notify-longitudinal.csv")
            .iter()
            .filter(|r| r["Year"] == "2023" && r["Quarter"] == "Total")
            .map(|r| r["Total"].parse::<u64>().unwrap())
            .sum();
        assert_eq!(people("route", "duty_to_notify"), notified);
        assert_eq!(people("route", "nrm"), referrals);
        assert_eq!(dimension("route").total, Some(referrals + notified));

        let rows = csv("referrals-2023-by-first-responder.csv");
        let count = |keep: &dyn Fn(&HashMap<String, String>) -> bool| -> u64 {
            rows.iter().filter(|r| keep(r)).map(|r| r["people"].parse::<u64>().unwrap()).sum()
        };
        let listed = count(&|_| true);
        assert_eq!(dimension("types").total, Some(listed));
        for (code, words) in [
            ("labour", "Labour"),
            ("criminal", "Criminal"),
            ("sexual", "Sexual"),
            ("domestic_servitude", "Domestic"),
            ("organ_harvesting", "Organ Harvesting"),
            ("unknown", "Not specified or unknown"),
        ] {
            assert_eq!(people("types", code), count(&|r| r["exploitation_type"].contains(words)), "{code}");
        }
        let by = |name: &str| count(&|r| r["first_responder"].contains(name));
        assert_eq!(people("organisation", "home_office"), by("Home Office"));
        assert_eq!(people("organisation", "glaa"), by("GLAA"));
        assert_eq!(people("organisation", "national_crime_agency"), by("NCA"));
        assert_eq!(
            people("organisation", "local_authority"),
            count(&|r| r["first_responder_type"] == "Local Authority")
        );
        assert_eq!(people("organisation", "ngo"), count(&|r| r["first_responder_type"] == "NGO and third sector"));
        assert_eq!(people("organisation", "police"), referrals - listed, "the police: the rest of the year");
    }
}
