//! `referral.pdf`: A4, drawn with genpdf from the referral model. "OFFICIAL-SENSITIVE" heads
//! and foots every page, with "Page N of M"; the fonts are subset to the document's glyphs; and
//! the same draft gives the same bytes.

use super::fonts::{self, printable};
use super::model::{Referral, Row, Section};
use super::words::capitalised;
use genpdf::elements::{Break, LinearLayout, PaddedElement, Paragraph, TableLayout};
use genpdf::fonts::{FontData, FontFamily};
use genpdf::style::{Color, Style, StyledString};
use genpdf::{Alignment, Element, Margins, PageDecorator, render};
use printpdf::BuiltinFont;
use std::cell::Cell;
use std::collections::BTreeSet;
use std::rc::Rc;

const MARKING: &str = "OFFICIAL-SENSITIVE";
const TEXT_SIZE: u8 = 9;

/// The referral as PDF bytes. `date` ("D:YYYYMMDDHHmmSSZ") and `id` (hex) make the file
/// reproducible: see `stamp`.
pub fn render(referral: &Referral, date: &str, id: &str) -> Result<Vec<u8>, String> {
    let text = Text::of(referral)?;
    let [regular, bold] = fonts::subsets(&text.regular_chars, &text.bold_chars)?;
    // genpdf requires italic styles, which the referral never uses: named as built-in fonts,
    // they are never embedded.
    let family = || -> Result<FontFamily<FontData>, String> {
        let font = |bytes: &[u8], builtin| FontData::new(bytes.to_vec(), builtin).map_err(|e| layout_failed(&e));
        Ok(FontFamily {
            regular: font(&regular, None)?,
            bold: font(&bold, None)?,
            italic: font(&regular, Some(BuiltinFont::HelveticaOblique))?,
            bold_italic: font(&bold, Some(BuiltinFont::HelveticaBoldOblique))?,
        })
    };
    // The footer needs the number of pages, known only once the document is laid out: lay it
    // out once to count, then again to draw.
    let pages = Rc::new(Cell::new(0));
    document(referral, &text, family()?, None, &pages).render(std::io::sink()).map_err(|e| layout_failed(&e))?;
    let mut bytes = Vec::new();
    document(referral, &text, family()?, Some(pages.get()), &pages)
        .render(&mut bytes)
        .map_err(|e| layout_failed(&e))?;
    stamp(&bytes, date, id)
}

/// genpdf's errors can quote the text they failed on, which is the draft's: only their kind
/// is reported.
fn layout_failed(error: &genpdf::error::Error) -> String {
    format!("the PDF could not be laid out ({:?})", error.kind())
}

/// Every string of the model as the PDF shows it, and the characters each font must hold.
struct Text {
    sections: Vec<Section>,
    subtitle: String,
    notes: Vec<String>,
    steps: Vec<String>,
    regular_chars: BTreeSet<char>,
    bold_chars: BTreeSet<char>,
}

impl Text {
    fn of(model: &Referral) -> Result<Text, String> {
        let sections: Vec<Section> = model
            .sections
            .iter()
            .map(|section| {
                let rows = section
                    .rows
                    .iter()
                    .map(|row| {
                        let values = row.values.iter().map(|v| printable(v)).collect::<Result<_, _>>()?;
                        Ok(Row { label: row.label, values, long: row.long })
                    })
                    .collect::<Result<_, String>>()?;
                Ok(Section { title: section.title, rows })
            })
            .collect::<Result<_, String>>()?;
        let notes: Vec<String> = model
            .notes
            .iter()
            .map(|n| printable(&format!("{} {}: {}", capitalised(n.severity), n.rule, n.message)))
            .collect::<Result<_, _>>()?;
        let steps: Vec<String> = model
            .next_steps
            .iter()
            .map(|s| printable(&format!("{} {}", if s.done { "Done:" } else { "To do:" }, s.text)))
            .collect::<Result<_, _>>()?;
        let subtitle = printable(&format!("Reference {} · prepared on {}", model.reference, model.prepared_on))?;
        let mut regular = String::from("0123456789 Pageof• ");
        let mut bold = format!("{MARKING} Priority: immediate Warnings and notices Next steps {}", model.title);
        for section in &sections {
            bold += section.title;
            for row in &section.rows {
                bold += row.label;
                row.values.iter().for_each(|v| regular += v);
            }
        }
        notes.iter().chain(&steps).chain([&subtitle]).for_each(|t: &String| regular += t);
        Ok(Text {
            sections,
            subtitle,
            notes,
            steps,
            regular_chars: regular.chars().collect(),
            bold_chars: bold.chars().collect(),
        })
    }
}

fn document(
    model: &Referral,
    text: &Text,
    family: FontFamily<FontData>,
    total: Option<usize>,
    pages: &Rc<Cell<usize>>,
) -> genpdf::Document {
    let mut doc = genpdf::Document::new(family);
    doc.set_title(format!("{} {}", model.title, MARKING));
    doc.set_paper_size(genpdf::PaperSize::A4);
    doc.set_font_size(TEXT_SIZE);
    doc.set_line_spacing(1.25);
    // No XMP metadata and no colour profile: neither is needed, and both carry the clock.
    doc.set_minimal_conformance();
    pages.set(0);
    doc.set_page_decorator(Marking { page: 0, total, pages: Rc::clone(pages) });

    let bold = Style::new().bold();
    doc.push(Paragraph::new(StyledString::new(model.title.clone(), bold.with_font_size(16))));
    doc.push(Paragraph::new(text.subtitle.clone()));
    if model.priority {
        let red = bold.with_font_size(13).with_color(Color::Rgb(170, 0, 0));
        doc.push(Break::new(0.5));
        doc.push(Paragraph::new(StyledString::new("Priority: immediate", red)));
    }
    for section in &text.sections {
        heading(&mut doc, section.title);
        let mut table: Option<TableLayout> = None;
        for Row { label, values, long } in &section.rows {
            if *long {
                if let Some(done) = table.take() {
                    doc.push(done);
                }
                doc.push(PaddedElement::new(
                    Paragraph::new(StyledString::new(*label, bold)),
                    Margins::trbl(1.5, 0, 0.5, 0),
                ));
                doc.push(Paragraph::new(values.join(" ")));
            } else {
                let table = table.get_or_insert_with(|| TableLayout::new(vec![3, 7]));
                let mut cell = LinearLayout::vertical();
                let bullet = if values.len() > 1 { "• " } else { "" };
                values.iter().for_each(|v| cell.push(Paragraph::new(format!("{bullet}{v}"))));
                table
                    .row()
                    .element(PaddedElement::new(
                        Paragraph::new(StyledString::new(*label, bold)),
                        Margins::trbl(0.8, 2, 0.8, 0),
                    ))
                    .element(PaddedElement::new(cell, Margins::trbl(0.8, 0, 0.8, 0)))
                    .push()
                    .expect("a row has as many cells as the table has columns");
            }
        }
        if let Some(done) = table {
            doc.push(done);
        }
    }
    for (title, lines) in [("Warnings and notices", &text.notes), ("Next steps", &text.steps)] {
        if !lines.is_empty() {
            heading(&mut doc, title);
            lines.iter().for_each(|line| {
                doc.push(PaddedElement::new(Paragraph::new(line.clone()), Margins::trbl(0.5, 0, 0.5, 0)))
            });
        }
    }
    doc
}

fn heading(doc: &mut genpdf::Document, title: &str) {
    doc.push(Heading(title.to_owned()));
}

/// A section's heading, kept with what follows: near the foot of a page it moves to the next.
struct Heading(String);

impl Element for Heading {
    fn render(
        &mut self,
        context: &genpdf::Context,
        area: render::Area<'_>,
        style: Style,
    ) -> Result<genpdf::RenderResult, genpdf::error::Error> {
        // Room for the heading and a few lines under it.
        if area.size().height < genpdf::Mm::from(30) {
            return Ok(genpdf::RenderResult { size: genpdf::Size::new(0, 0), has_more: true });
        }
        let mut layout = LinearLayout::vertical()
            .element(Break::new(0.8))
            .element(Paragraph::new(StyledString::new(self.0.clone(), Style::new().bold().with_font_size(12))))
            .element(Break::new(0.3));
        layout.render(context, area, style)
    }
}

/// The marking at the top and bottom of every page, and the page number.
struct Marking {
    page: usize,
    total: Option<usize>,
    pages: Rc<Cell<usize>>,
}

impl PageDecorator for Marking {
    fn decorate_page<'a>(
        &mut self,
        context: &genpdf::Context,
        mut area: render::Area<'a>,
        style: Style,
    ) -> Result<render::Area<'a>, genpdf::error::Error> {
        self.page += 1;
        self.pages.set(self.page);
        area.add_margins(Margins::trbl(10, 18, 10, 18));
        let marking = || {
            Paragraph::new(StyledString::new(MARKING, Style::new().bold().with_font_size(10)))
                .aligned(Alignment::Center)
        };
        let header = marking().render(context, area.clone(), style)?;
        let mut footer = area.clone();
        let footer_height = header.size.height + header.size.height;
        footer.add_offset(genpdf::Position::new(0, area.size().height - footer_height));
        let numbering = match self.total {
            Some(total) => format!("Page {} of {total}", self.page),
            None => format!("Page {}", self.page),
        };
        let lower = marking().render(context, footer.clone(), style)?;
        footer.add_offset(genpdf::Position::new(0, lower.size.height));
        Paragraph::new(numbering).aligned(Alignment::Center).render(context, footer, style)?;
        let gap = genpdf::Mm::from(4);
        area.add_offset(genpdf::Position::new(0, header.size.height + gap));
        area.set_height(area.size().height - header.size.height - gap - footer_height - gap);
        Ok(area)
    }
}

/// Makes the file reproducible, and small. printpdf, under genpdf, stamps the creation and
/// modification dates with the clock and the file ID with a counter that depends on how many
/// documents the process made before; neither is reachable through genpdf. So the saved file is
/// read back with lopdf (printpdf's own PDF library), the dates set to `date`, the ID to `id`,
/// the streams printpdf leaves uncompressed (the fonts) compressed, and saved.
fn stamp(bytes: &[u8], date: &str, id: &str) -> Result<Vec<u8>, String> {
    use lopdf::{Object, StringFormat};
    let mut doc = lopdf::Document::load_mem(bytes).map_err(|e| format!("PDF: {e}"))?;
    let info = doc.trailer.get(b"Info").and_then(Object::as_reference).map_err(|e| format!("PDF: {e}"))?;
    let info = doc.get_object_mut(info).and_then(Object::as_dict_mut).map_err(|e| format!("PDF: {e}"))?;
    for key in ["CreationDate", "ModDate"] {
        info.set(key, Object::String(date.as_bytes().to_vec(), StringFormat::Literal));
    }
    let id = Object::String(id.as_bytes().to_vec(), StringFormat::Literal);
    doc.trailer.set("ID", Object::Array(vec![id.clone(), id]));
    doc.compress();
    let mut out = Vec::with_capacity(bytes.len());
    doc.save_to(&mut out).map_err(|e| format!("PDF: {e}"))?;
    Ok(out)
}
