//! "Did you mean …?" for misspelt member names.

/// The known name closest to `name`, if one is close enough to be a likely typo: the same
/// letters ignoring case and separators, or a Jaro-Winkler similarity of at least 0.85.
pub fn nearest<'k>(name: &str, known: impl Iterator<Item = &'k String>) -> Option<&'k str> {
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
