//! Replays every input of the saved corpus (`corpus/<target>/`) and every finding kept as a
//! fixture (`regressions/<target>/`) through its target, without libFuzzer: a quick regression
//! test, and a check that the corpus still runs clean.

use std::path::Path;

fn replay(target: &str, run: fn(&[u8])) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut count = 0;
    for folder in ["corpus", "regressions"] {
        let folder = root.join(folder).join(target);
        let Ok(entries) = std::fs::read_dir(&folder) else { continue };
        let mut paths: Vec<_> = entries.map(|entry| entry.expect("a corpus entry").path()).collect();
        paths.sort();
        for path in paths.into_iter().filter(|path| path.is_file()) {
            let data = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            eprintln!("{}", path.display());
            run(&data);
            count += 1;
        }
    }
    assert!(count > 0, "no saved input for {target}");
}

#[test]
fn check_bytes() {
    replay("check_bytes", nrm_fuzz::check_bytes);
}

#[test]
fn draft() {
    replay("draft", nrm_fuzz::draft);
}

#[test]
fn config_registry() {
    replay("config_registry", nrm_fuzz::config_registry);
}

/// The structured target's empty input is a real draft as it is, which passes and renders.
#[test]
fn an_empty_input_is_the_first_template_unchanged() {
    let (bytes, _) = nrm_fuzz::build_draft(&[]);
    let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    let template: serde_json::Value =
        serde_json::from_str(include_str!("../../fixtures/examples/child-england-pass.json")).unwrap();
    assert_eq!(value, template);
}

/// The templates that pass do pass as the structured target builds them, so that it reaches the
/// package and not only the check.
#[test]
fn the_passing_templates_reach_the_package() {
    let settings = nrm::check::Settings {
        registry: nrm::registry::Registry::built_in(),
        today: chrono::NaiveDate::parse_from_str(nrm_fuzz::TODAY, "%Y-%m-%d").unwrap(),
        show_values: false,
        deny_warnings: false,
        source_date_epoch: None,
    };
    for template in [0u8, 1, 2, 4] {
        let (bytes, _) = nrm_fuzz::build_draft(&[template]);
        let outcome = nrm::check::check_bytes(bytes, &settings);
        assert!(outcome.passed(&settings), "template {template}");
    }
}
