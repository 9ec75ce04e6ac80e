//! SVC001 decides phone numbers as the online service does: a few hundred numbers through the
//! service's own library (libphonenumber-js 1.12.41, the version its yarn.lock pins, run by
//! node as hof 23's `internationalPhoneNumber` runs it) and through `service::validators::phone`
//! must get the same verdict, every one. Node and the package are required, never skipped:
//! `.ci/test` installs them in `target/tools`.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// The version in the service's yarn.lock: its metadata decides which numbers are valid.
const VERSION: &str = "1.12.41";

/// hof's `internationalPhoneNumber(value)` (no country given), on every value read from
/// standard input as a JSON array; refuses to run another version of the library.
const SCRIPT: &str = r#"
const [library, expected] = process.argv.slice(1);
const version = require(library + '/package.json').version;
if (version !== expected) {
  console.error('libphonenumber-js ' + version + ' is installed; the service uses ' + expected);
  process.exit(2);
}
const { parsePhoneNumberFromString } = require(library + '/max');
const values = JSON.parse(require('fs').readFileSync(0, 'utf8'));
process.stdout.write(JSON.stringify(values.map(value => {
  const number = parsePhoneNumberFromString(value, 'GB') || '';
  return value === '' || !!(number && number.isValid());
})));
"#;

fn library() -> PathBuf {
    let library = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/tools/node_modules/libphonenumber-js");
    assert!(
        library.join("package.json").is_file(),
        "libphonenumber-js is not installed: `npm install --prefix target/tools libphonenumber-js@{VERSION}`"
    );
    library
}

/// The service's verdicts, from node.
fn service_verdicts(numbers: &[String]) -> Vec<bool> {
    let mut node = Command::new("node")
        .arg("-e")
        .arg(SCRIPT)
        .arg(library())
        .arg(VERSION)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("node runs the service's phone library (installed by .ci/test)");
    let input = serde_json::to_vec(numbers).unwrap();
    node.stdin.take().unwrap().write_all(&input).unwrap();
    let output = node.wait_with_output().unwrap();
    assert!(output.status.success(), "node failed: {}", output.status);
    serde_json::from_slice(&output.stdout).expect("node prints one verdict a number")
}

/// Numbers of every kind a referral may hold, written as people write them.
fn numbers() -> Vec<String> {
    let mut numbers: Vec<String> = [
        // The service's own probes.
        "07700 900123",
        "01 23 45 67 89",
        "07911 123456",
        "+33 1 23 45 67 89",
        // Short and emergency numbers.
        "999",
        "112",
        "111",
        "101",
        "116 123",
        "118 118",
        "100",
        "123",
        "0",
        "00",
        "",
        // Non-geographic numbers.
        "0800 123 4567",
        "0800 111",
        "0808 157 0000",
        "0800 0000 000",
        "0845 600 0000",
        "0845 46 47",
        "0870 010 0000",
        "0870 123 4567",
        "0871 000 0000",
        "0844 123 4567",
        "0300 123 4567",
        "0333 123 4567",
        "0345 123 4567",
        "0500 123456",
        "0560 123 4567",
        "056 0123 4567",
        "0900 123 4567",
        "0909 879 0000",
        "070 1234 5678",
        "076 0012 3456",
        "07624 123456",
        // Landlines.
        "020 7946 0958",
        "020 3123 4567",
        "029 2018 3000",
        "028 9032 0202",
        "0131 496 0000",
        "0161 496 0000",
        "01224 123456",
        "016977 2345",
        "016977 23456",
        "01768 12345",
        "0113 496 0123",
        // The same number written every way.
        "07911123456",
        "+44 7911 123456",
        "+447911123456",
        "0044 7911 123456",
        "00 44 7911 123456",
        "447911123456",
        "+44 (0)7911 123456",
        "+44(0)20 7946 0000",
        "(07911) 123456",
        "07911-123-456",
        "07911.123.456",
        "07911 123 456",
        "+ 44 7911 123456",
        "++44 7911 123456",
        "+44 0 7911 123456",
        "tel:+447911123456",
        "07911 123456 ext 12",
        "07911 123456 x12",
        "07911 123456#",
        "07911 123456;ext=5",
        // A digit short or long.
        "0791112345",
        "079111234567",
        "+44 791112345",
        "+44 79111234567",
        "020 7946 095",
        "020 7946 09588",
        // Letters, words and other text.
        "abc",
        "0800 FLOWERS",
        "+44 800 FLOWERS",
        "1-800-FLOWERS",
        "0791l 123456",
        "O7911 123456",
        "call 07911 123456",
        "07911 123456 mobile",
        "mobile: 07911 123456",
        "07911 123456, 07911 654321",
        "07911 123456 / 07911 654321",
        "unknown",
        "none",
        "n/a",
        "+",
        "+44",
        // Numbers from abroad, with +CC, with 00CC, and without.
        "0033 1 23 45 67 89",
        "+33 6 12 34 56 78",
        "06 12 34 56 78",
        "+1 202 555 0123",
        "+1 212 555 1234",
        "001 212 555 1234",
        "212 555 1234",
        "+1 555 555 5555",
        "+49 30 123456",
        "+49 151 12345678",
        "0049 151 12345678",
        "0151 12345678",
        "+353 1 234 5678",
        "+353 87 123 4567",
        "087 123 4567",
        "+48 22 123 45 67",
        "+48 512 345 678",
        "+40 21 123 4567",
        "+40 721 234 567",
        "+355 69 123 4567",
        "+234 803 123 4567",
        "+86 138 0013 8000",
        "+84 91 234 56 78",
        "+880 1712 345678",
        "+92 300 1234567",
        "+91 98765 43210",
        "+63 917 123 4567",
        "+39 06 1234 5678",
        "+39 312 345 6789",
        "+34 612 34 56 78",
        "+351 912 345 678",
        "+31 6 12345678",
        "+420 601 123 456",
        "+36 20 123 4567",
        "+380 50 123 4567",
        "+7 912 345 67 89",
        "+90 532 123 45 67",
        "+971 50 123 4567",
        "+20 100 123 4567",
        "+27 82 123 4567",
        "+254 712 345678",
        "+233 24 123 4567",
        "+225 07 07 12 34 56",
        "+251 91 123 4567",
        "+249 91 123 1234",
        "+98 912 345 6789",
        "+964 750 123 4567",
        "+93 70 123 4567",
        "+94 71 234 5678",
        "+66 81 234 5678",
        "+60 12 345 6789",
        "+55 11 96123 4567",
        "+61 412 345 678",
        "+64 21 123 4567",
        "+353 1 234 567",
        "+33 1 23 45 67 8",
        "+33 1 23 45 67 890",
        "+999 123 456",
        "+800 1234 5678",
        "+870 773 111 632",
        "+881 2 1234 5678",
        // Full-width and Arabic-Indic digits.
        "０７９１１ １２３４５６",
        "٠٧٩١١١٢٣٤٥٦",
    ]
    .map(String::from)
    .to_vec();
    // A fixed pseudo-random sequence: the same numbers on every run.
    let mut seed: u64 = 0x5eed;
    let mut next = |below: u64| {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % below
    };
    for _ in 0..60 {
        numbers.push(format!("07700 900{:03}", next(1000)));
    }
    for _ in 0..30 {
        numbers.push(format!("01632 960{:03}", next(1000)));
    }
    for _ in 0..20 {
        numbers.push(format!("020 7946 0{:03}", next(1000)));
    }
    for _ in 0..80 {
        let mobile = format!("07{:03}{:06}", next(1000), next(1_000_000));
        numbers.push(match next(4) {
            0 => mobile,
            1 => format!("+44 {}", &mobile[1..]),
            2 => format!("{}-{}", &mobile[..5], &mobile[5..]),
            _ => format!("({}) {}", &mobile[..5], &mobile[5..]),
        });
    }
    for _ in 0..40 {
        numbers.push(format!("01{:03} {:06}", next(1000), next(1_000_000)));
    }
    for _ in 0..30 {
        numbers.push(format!(
            "0{} {:03} {:04}",
            [300, 330, 800, 808, 845, 870, 871, 843, 900, 908][next(10) as usize],
            next(1000),
            next(10_000)
        ));
    }
    numbers
}

#[test]
fn the_service_and_nrm_decide_every_phone_number_alike() {
    let numbers = numbers();
    assert!(numbers.len() > 400, "{}", numbers.len());
    let service = service_verdicts(&numbers);
    assert_eq!(service.len(), numbers.len());
    let differ: Vec<String> = numbers
        .iter()
        .zip(&service)
        .filter(|&(number, &service)| nrm::service::validators::phone(number) != service)
        .map(|(number, service)| format!("{number:?}: the service says {}", if *service { "valid" } else { "invalid" }))
        .collect();
    assert!(differ.is_empty(), "{} of {} numbers differ:\n{}", differ.len(), numbers.len(), differ.join("\n"));
    // Both kinds of verdict were tested.
    assert!(service.iter().filter(|valid| **valid).count() > 100);
    assert!(service.iter().filter(|valid| !**valid).count() > 100);
}
