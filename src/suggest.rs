//! "Did you mean …?" for misspelt member names.

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
    fn unrelated_names_find_nothing() {
        assert_eq!(near("shoe_size"), None);
        assert_eq!(near("x"), None);
    }
}
