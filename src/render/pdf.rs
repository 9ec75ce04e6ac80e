//! `referral.pdf`: A4, drawn with genpdf from the referral model. "OFFICIAL-SENSITIVE" heads
//! and foots every page, with "Page N of M"; the fonts are subset to the document's glyphs; and
//! the same draft gives the same bytes.

use super::fonts::{self, printable};
use super::model::{Layout, Referral, Row, Section};
use super::words::capitalised;
use genpdf::elements::{Break, FramedElement, LinearLayout, PaddedElement, PageBreak, Paragraph, StyledElement};
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
    /// Each part's sections.
    parts: Vec<Vec<Shown>>,
    intro: String,
    subtitle: String,
    /// Each note and step: its lead in bold ("Warning FR007:", "To do:"), then the text.
    notes: Vec<(String, String)>,
    steps: Vec<(String, String)>,
    regular_chars: BTreeSet<char>,
    bold_chars: BTreeSet<char>,
}

/// A section (a page of the service, or of the record) as the PDF shows it.
struct Shown {
    title: String,
    rows: Vec<Row>,
    nothing: Option<&'static str>,
}

const NOTES: &str = "Warnings and notices from the checks";
const STEPS: &str = "Next steps";

impl Text {
    fn of(model: &Referral) -> Result<Text, String> {
        let printable_sections = |sections: &[Section]| -> Result<Vec<Shown>, String> {
            sections
                .iter()
                .map(|section| {
                    let rows = section
                        .rows
                        .iter()
                        .map(|row| {
                            // Running text keeps its paragraphs: each line of the draft is one.
                            let values: Vec<&str> = match row.layout {
                                Layout::Long => row
                                    .values
                                    .iter()
                                    .flat_map(|v| v.lines())
                                    .filter(|line| !line.trim().is_empty())
                                    .collect(),
                                _ => row.values.iter().map(String::as_str).collect(),
                            };
                            let values = values.into_iter().map(printable).collect::<Result<_, _>>()?;
                            Ok(Row { label: printable(&row.label)?, values, layout: row.layout })
                        })
                        .collect::<Result<_, String>>()?;
                    Ok(Shown { title: printable(section.title)?, rows, nothing: section.nothing })
                })
                .collect()
        };
        let parts = model.parts.iter().map(|part| printable_sections(&part.sections)).collect::<Result<Vec<_>, _>>()?;
        let intro = printable(model.intro)?;
        let notes: Vec<(String, String)> = model
            .notes
            .iter()
            .map(|n| Ok((format!("{} {}:", capitalised(n.severity), n.rule), printable(&n.message)?)))
            .collect::<Result<_, String>>()?;
        let steps: Vec<(String, String)> = model
            .next_steps
            .iter()
            .map(|s| Ok((if s.done { "Done:" } else { "To do:" }.to_owned(), printable(&s.text)?)))
            .collect::<Result<_, String>>()?;
        let subtitle = printable(&format!("Reference {} · prepared on {}", model.reference, model.prepared_on))?;
        let mut regular = format!("0123456789 Pageof• {intro}");
        let mut bold = format!("{MARKING} Priority: immediate {NOTES} {STEPS} {}", model.title);
        for part in &model.parts {
            bold += part.title;
            regular += part.note.unwrap_or_default();
        }
        for section in parts.iter().flatten() {
            bold += &section.title;
            regular += section.nothing.unwrap_or_default();
            for row in &section.rows {
                bold += &row.label;
                row.values.iter().for_each(|v| regular += v);
            }
        }
        for (lead, line) in notes.iter().chain(&steps) {
            bold += lead;
            regular += line;
        }
        regular += &subtitle;
        Ok(Text {
            parts,
            intro,
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
    doc.push(PaddedElement::new(Paragraph::new(text.intro.clone()), Margins::trbl(2, 0, 0, 0)));
    for (index, (part, sections)) in model.parts.iter().zip(&text.parts).enumerate() {
        // The record starts a page of its own, apart from what is copied into the form.
        if index > 0 {
            doc.push(PageBreak::new());
        }
        doc.push(PartHeading { title: part.title, note: part.note });
        sections.iter().for_each(|section| push_section(&mut doc, section));
    }
    for (title, lines) in [(NOTES, &text.notes), (STEPS, &text.steps)] {
        if !lines.is_empty() {
            doc.push(keep(Heading { title: title.to_owned() }, 16));
            lines.iter().for_each(|(lead, line)| {
                let text = Paragraph::new(StyledString::new(lead.clone(), bold)).string(format!(" {line}"));
                doc.push(PaddedElement::new(text, Margins::trbl(0.5, 0, 1, 0)))
            });
        }
    }
    doc
}

const QUESTION: Color = Color::Rgb(64, 64, 64);
const RULE: Color = Color::Rgb(150, 150, 150);

/// A section: its heading, then each question with its answer under it, or what to do on a
/// page with nothing to enter. The heading starts a page with what follows it, never alone at
/// the foot of one.
fn push_section(doc: &mut genpdf::Document, section: &Shown) {
    let mut rows = section.rows.iter().map(row);
    let mut opening = LinearLayout::vertical().element(Heading { title: section.title.clone() });
    if let Some(nothing) = section.nothing {
        let line = Paragraph::new(StyledString::new(nothing, Style::new().with_color(QUESTION)));
        opening.push(PaddedElement::new(line, Margins::trbl(0, 0, 2.2, 0)));
    }
    if let Some(first) = rows.next() {
        opening.push(first);
    }
    doc.push(keep(opening, 26));
    rows.for_each(|row| doc.push(keep(row, 12)));
}

/// A question with its answer under it.
fn row(row: &Row) -> PaddedElement<LinearLayout> {
    let mut answer = LinearLayout::vertical();
    match row.layout {
        Layout::List if row.values.len() > 1 => {
            row.values.iter().for_each(|v| answer.push(Bullet { text: Paragraph::new(v.clone()), drawn: false }));
        }
        Layout::Long => row.values.iter().enumerate().for_each(|(i, v)| {
            let gap = if i == 0 { 0.0 } else { 1.2 };
            answer.push(PaddedElement::new(Paragraph::new(v.clone()), Margins::trbl(gap, 0, 0, 0)));
        }),
        _ => row.values.iter().for_each(|v| answer.push(Paragraph::new(v.clone()))),
    }
    let question = Paragraph::new(StyledString::new(row.label.clone(), Style::new().bold().with_color(QUESTION)));
    let layout = LinearLayout::vertical().element(question).element(PaddedElement::new(
        StyledElement::new(answer, Style::new().with_font_size(ANSWER_SIZE)),
        Margins::trbl(0.4, 0, 0, 4),
    ));
    PaddedElement::new(layout, Margins::trbl(0, 0, 2.2, 0))
}

const ANSWER_SIZE: u8 = 10;

/// An item of a list: a bullet, and the text beside it (its lines wrap under the text, not the
/// bullet).
struct Bullet {
    text: Paragraph,
    drawn: bool,
}

impl Element for Bullet {
    fn render(
        &mut self,
        context: &genpdf::Context,
        area: render::Area<'_>,
        style: Style,
    ) -> Result<genpdf::RenderResult, genpdf::error::Error> {
        let indent = genpdf::Mm::from(3.5);
        let mut text_area = area.clone();
        text_area.add_offset(genpdf::Position::new(indent, 0));
        let mut result = self.text.render(context, text_area, style)?;
        result.size.width += indent;
        // Beside the text's first line, wherever it lands: not at the foot of a page it left.
        if !self.drawn && result.size.height > genpdf::Mm::from(0) {
            area.print_str(&context.font_cache, genpdf::Position::new(0, 0), style, "•")?;
            self.drawn = true;
        }
        Ok(result)
    }
}

/// An element that starts on the next page when fewer than `room` millimetres are left on
/// this one: a question never sits at the foot of a page with its answer overleaf.
struct Keep<E: Element> {
    element: E,
    started: bool,
    room: i32,
}

impl<E: Element> Element for Keep<E> {
    fn render(
        &mut self,
        context: &genpdf::Context,
        area: render::Area<'_>,
        style: Style,
    ) -> Result<genpdf::RenderResult, genpdf::error::Error> {
        if !self.started && area.size().height < genpdf::Mm::from(self.room) {
            return Ok(genpdf::RenderResult { size: genpdf::Size::new(0, 0), has_more: true });
        }
        self.started = true;
        self.element.render(context, area, style)
    }
}

/// `element`, started on the next page when fewer than `room` millimetres are left on this one.
fn keep<E: Element>(element: E, room: i32) -> Keep<E> {
    Keep { element, started: false, room }
}

/// A section's heading over a thin rule (pushed inside `keep`, so that it stays with what
/// follows).
struct Heading {
    title: String,
}

impl Element for Heading {
    fn render(
        &mut self,
        context: &genpdf::Context,
        area: render::Area<'_>,
        style: Style,
    ) -> Result<genpdf::RenderResult, genpdf::error::Error> {
        let mut title = PaddedElement::new(
            Paragraph::new(StyledString::new(self.title.clone(), Style::new().bold().with_font_size(12))),
            Margins::trbl(5, 0, 0.8, 0),
        );
        let mut result = title.render(context, area.clone(), style)?;
        let y = result.size.height;
        area.draw_line(
            vec![genpdf::Position::new(0, y), genpdf::Position::new(area.size().width, y)],
            Style::new().with_color(RULE),
        );
        result.size.height += genpdf::Mm::from(2.5);
        Ok(result)
    }
}

/// The start of a part of the document (the online form's answers; the record), in a frame.
struct PartHeading {
    title: &'static str,
    note: Option<&'static str>,
}

impl Element for PartHeading {
    fn render(
        &mut self,
        context: &genpdf::Context,
        area: render::Area<'_>,
        style: Style,
    ) -> Result<genpdf::RenderResult, genpdf::error::Error> {
        if area.size().height < genpdf::Mm::from(50) {
            return Ok(genpdf::RenderResult { size: genpdf::Size::new(0, 0), has_more: true });
        }
        let mut inner = LinearLayout::vertical()
            .element(Paragraph::new(StyledString::new(self.title, Style::new().bold().with_font_size(11))));
        if let Some(note) = self.note {
            inner.push(Paragraph::new(note));
        }
        // The frame is drawn in the style's colour; the words inside stay black.
        let inner = StyledElement::new(PaddedElement::new(inner, Margins::trbl(2, 3, 2, 3)), Color::Rgb(0, 0, 0));
        let mut framed = PaddedElement::new(FramedElement::new(inner), Margins::trbl(6, 0, 0, 0));
        framed.render(context, area, style.with_color(RULE))
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
