//! The naive genpdf baseline for `benches/render.sh`: genpdf as its documentation shows it, with
//! the four whole DejaVu Sans files (regular, bold, oblique, bold-oblique) loaded once with
//! `FontData::new(bytes, None)`, as `genpdf::fonts::from_files` does, and embedded whole in every
//! PDF: no subsetting, genpdf's default conformance, no post-pass. For each draft it renders a
//! document with about as much text as nrm's `referral.pdf`: a title, then every string leaf of
//! the draft as a "pointer: value" paragraph.
//!
//! Drafts are the arguments (files, or folders: every `*.json` below, sorted, symbolic links not
//! followed); arguments starting with `--` (cargo bench passes some) are ignored. A file that is
//! not JSON is skipped and counted. One thread, drafts in order. The PDFs go to `$NAIVE_OUT`
//! (default `target/bench/naive`), as `<n>-<draft's file stem>.pdf`. Prints the count, the total
//! and per-PDF time (font loading included) and the median and largest PDF size, one `key value`
//! a line.
//!
//! The regular and bold files are the repository's `fonts/`; the oblique ones are not in the
//! repository and are read from the Debian package fonts-dejavu-core (`$NAIVE_FONTS`, default
//! `/usr/share/fonts/truetype/dejavu`), at run time, so that the repository does not grow.
use genpdf::elements::{Break, Paragraph};
use genpdf::fonts::{FontData, FontFamily};
use genpdf::style::{Style, StyledString};
use genpdf::{Document, SimplePageDecorator};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::Instant;

mod drafts;

const REPO_FONTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fonts");
const SYSTEM_FONTS: &str = "/usr/share/fonts/truetype/dejavu";

fn font(path: PathBuf) -> FontData {
    let bytes = std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    FontData::new(bytes, None).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// The four whole fonts, as `genpdf::fonts::from_files` loads them.
fn family() -> FontFamily<FontData> {
    let system = std::env::var_os("NAIVE_FONTS").map_or_else(|| PathBuf::from(SYSTEM_FONTS), PathBuf::from);
    FontFamily {
        regular: font(Path::new(REPO_FONTS).join("DejaVuSans.ttf")),
        bold: font(Path::new(REPO_FONTS).join("DejaVuSans-Bold.ttf")),
        italic: font(system.join("DejaVuSans-Oblique.ttf")),
        bold_italic: font(system.join("DejaVuSans-BoldOblique.ttf")),
    }
}

/// Every string leaf of `value` as (JSON pointer, string), in document order.
fn leaves(value: &Value, pointer: &mut String, out: &mut Vec<(String, String)>) {
    let mut descend = |key: &str, child: &Value, out: &mut Vec<(String, String)>| {
        let length = pointer.len();
        pointer.push('/');
        pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
        leaves(child, pointer, out);
        pointer.truncate(length);
    };
    match value {
        Value::String(text) => out.push((pointer.clone(), text.clone())),
        Value::Object(members) => members.iter().for_each(|(key, child)| descend(key, child, out)),
        Value::Array(items) => {
            items.iter().enumerate().for_each(|(index, child)| descend(&index.to_string(), child, out))
        }
        _ => {}
    }
}

fn document(family: FontFamily<FontData>, draft: &Value) -> Document {
    let mut doc = Document::new(family);
    let reference = draft.get("reference").and_then(Value::as_str).unwrap_or("draft");
    doc.set_title(format!("NRM referral {reference}"));
    doc.set_paper_size(genpdf::PaperSize::A4);
    doc.set_font_size(9);
    doc.set_line_spacing(1.25);
    let mut decorator = SimplePageDecorator::new();
    decorator.set_margins(18);
    doc.set_page_decorator(decorator);
    let title = format!("NRM referral {reference}");
    doc.push(Paragraph::new(StyledString::new(title, Style::new().bold().with_font_size(16))));
    doc.push(Break::new(1));
    let mut strings = Vec::new();
    leaves(draft, &mut String::new(), &mut strings);
    for (pointer, text) in strings {
        doc.push(Paragraph::new(format!("{pointer}: {text}")));
    }
    doc
}

fn main() {
    let files = drafts::from_args();
    let out = std::env::var_os("NAIVE_OUT").map_or_else(|| PathBuf::from("target/bench/naive"), PathBuf::from);
    std::fs::create_dir_all(&out).unwrap_or_else(|error| panic!("{}: {error}", out.display()));

    let start = Instant::now();
    let family = family();
    let fonts_loaded = start.elapsed();
    let mut sizes = Vec::with_capacity(files.len());
    let mut skipped = 0;
    for file in &files {
        let draft = std::fs::read(file).ok().and_then(|bytes| {
            let json = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
            serde_json::from_slice::<Value>(json).ok()
        });
        let Some(draft) = draft else {
            skipped += 1;
            continue;
        };
        let mut bytes = Vec::new();
        document(family.clone(), &draft)
            .render(&mut bytes)
            .unwrap_or_else(|error| panic!("{}: {error}", file.display()));
        let stem = file.file_stem().map_or_else(Default::default, |stem| stem.to_string_lossy());
        let path = out.join(format!("{:05}-{stem}.pdf", sizes.len()));
        std::fs::write(&path, &bytes).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        sizes.push(bytes.len());
    }
    let total = start.elapsed();

    let count = sizes.len();
    sizes.sort_unstable();
    let total_ms = total.as_secs_f64() * 1000.0;
    println!("pdfs {count}");
    println!("skipped {skipped}");
    println!("fonts_ms {:.3}", fonts_loaded.as_secs_f64() * 1000.0);
    println!("total_ms {total_ms:.3}");
    println!("ms_per_pdf {:.3}", if count == 0 { 0.0 } else { total_ms / count as f64 });
    let median = match count {
        0 => 0,
        _ if count % 2 == 1 => sizes[count / 2],
        _ => (sizes[count / 2 - 1] + sizes[count / 2]) / 2,
    };
    println!("median_bytes {median}");
    println!("max_bytes {}", sizes.last().copied().unwrap_or(0));
}
