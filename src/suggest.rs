//! "Did you mean …?" for misspelt member names, and the entries of a list nearest an answer.

/// The longest name compared with the known ones. A comparison costs the product of the two
/// lengths, so an unbounded name (version 1 sets no limit) took seconds a draft (a fuzzing
/// finding, `fuzz/regressions/`); and a name this long is no typo of any known one (the longest
/// organisation the online form offers has 93 characters; the format's names allow 200).
const LONGEST: usize = 200;

/// The known name closest to `name`, if one is close enough to be a likely typo: the same
/// letters ignoring case and separators, or a Jaro-Winkler similarity of at least 0.85.
pub fn nearest<'k>(name: &str, known: impl Iterator<Item = &'k String>) -> Option<&'k str> {
    if name.chars().nth(LONGEST).is_some() {
        return None;
    }
    let folded = fold(name);
    known
        .map(|candidate| {
            let score = if fold(candidate) == folded { 1.0 } else { strsim::jaro_winkler(&folded, &fold(candidate)) };
            (score, candidate.as_str())
        })
        .filter(|(score, _)| *score >= 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

/// Up to `at_most` entries of a list nearest an answer that is not one, best first: the same
/// letters ignoring case and separators, a Jaro-Winkler similarity of at least 0.85, or one
/// containing the other ("Cardiff" and "Cardiff / Caerdydd"). A list may repeat an entry; it
/// is named once.
pub fn nearest_entries<'k>(answer: &str, entries: &'k [String], at_most: usize) -> Vec<&'k str> {
    if answer.chars().nth(LONGEST).is_some() {
        return Vec::new();
    }
    let folded = fold(answer);
    let mut scored: Vec<(f64, &str)> = entries
        .iter()
        .map(|entry| {
            let candidate = fold(entry);
            let (shorter, longer) =
                if candidate.len() < folded.len() { (&candidate, &folded) } else { (&folded, &candidate) };
            // Three letters or more, so that "UK" does not find every entry with a "uk" in it.
            let contained = shorter.chars().nth(2).is_some() && longer.contains(shorter.as_str());
            let score = if candidate == folded { 1.0 } else { strsim::jaro_winkler(&folded, &candidate) };
            (if contained { score.max(0.9) } else { score }, entry.as_str())
        })
        .filter(|(score, _)| *score >= 0.85)
        .collect();
    // Stable: among equals, the list's own order.
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut nearest: Vec<&str> = Vec::new();
    for (_, entry) in scored {
        if nearest.len() < at_most && !nearest.contains(&entry) {
            nearest.push(entry);
        }
    }
    nearest
}

fn fold(name: &str) -> String {
    name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn near(name: &str) -> Option<&'static str> {
        static KNOWN: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
            ["given_names", "family_name", "date_of_birth", "nationality"].map(String::from).to_vec()
        });
        nearest(name, KNOWN.iter())
    }

    #[test]
    fn only_a_name_short_enough_to_be_a_typo_is_compared() {
        // The same letters as a known name, so a match if it were compared.
        let padded = |spaces: usize| format!("family_name{}", " ".repeat(spaces));
        assert_eq!(near(&padded(LONGEST - "family_name".len())), Some("family_name"));
        assert_eq!(near(&padded(LONGEST)), None, "too long to be compared");
        let registry = crate::registry::Registry::built_in();
        let offered = || registry.online_form.organisations.iter();
        assert_eq!(nearest("Lincolnshire County Counci", offered()), Some("Lincolnshire County Council"));
        let long = "Lincolnshire County Council".repeat(LONGEST);
        assert_eq!(nearest(&long, offered()), None, "too long to be a typo");
        assert_eq!(near(&"familyname".repeat(LONGEST / 10 + 1)), None);
    }

    #[test]
    fn typos_and_other_spellings_find_the_member() {
        assert_eq!(near("familyname"), Some("family_name"));
        assert_eq!(near("familyName"), Some("family_name"));
        assert_eq!(near("given_name"), Some("given_names"));
        assert_eq!(near("date_of_brith"), Some("date_of_birth"));
    }

    #[test]
    fn the_nearest_entries_of_a_list() {
        let towns = crate::service::entries("uk-cities-and-towns.json").unwrap();
        assert_eq!(nearest_entries("Cardiff", towns, 3)[0], "Cardiff / Caerdydd");
        assert_eq!(nearest_entries("Birmingam", towns, 3)[0], "Birmingham");
        let newcastle = nearest_entries("Newcastle", towns, 3);
        assert_eq!(newcastle.len(), 3);
        assert!(newcastle.iter().all(|town| town.starts_with("Newcastle")), "{newcastle:?}");
        let blackburn = nearest_entries("blackburn", towns, 3);
        assert_eq!(blackburn[0], "Blackburn", "named once though listed three times: {blackburn:?}");
        assert!(!blackburn[1..].contains(&"Blackburn"));
        assert!(nearest_entries("Zzyzx", towns, 3).is_empty());
        assert!(nearest_entries(&"Cardiff".repeat(LONGEST), towns, 3).is_empty(), "too long to be compared");
        let countries = crate::service::entries("countries.json").unwrap();
        assert_eq!(nearest_entries("france", countries, 3)[0], "France");
        assert!(nearest_entries("UK", countries, 3).is_empty());
    }

    #[test]
    fn unrelated_names_find_nothing() {
        assert_eq!(near("shoe_size"), None);
        assert_eq!(near("x"), None);
    }
}
