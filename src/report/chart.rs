//! Bar charts as inline SVG, for the batch report. Each chart is an image with a title and a
//! text description (what a screen reader says), and the report prints the same figures in a
//! table beside it. Labels are the tool's own words; they are escaped all the same.

use std::fmt::Write;

/// One bar of a chart of counts.
pub struct Bar {
    pub label: String,
    pub value: u64,
}

/// One row of a chart of shares: the batch's and, where published, the nation's, in per cent.
pub struct Pair {
    pub label: String,
    pub batch: f64,
    pub national: Option<f64>,
    /// What stands for a national share the statistics do not give ("not published").
    pub otherwise: &'static str,
}

const WIDTH: f64 = 680.0;
const LABEL_WIDTH: f64 = 290.0;
/// Room right of the longest bar for its figure.
const FIGURE_WIDTH: f64 = 70.0;
const ROW: f64 = 24.0;
const BATCH_COLOUR: &str = "#1d70b8";
const NATIONAL_COLOUR: &str = "#505a5f";

/// Horizontal bars of counts, longest first as given.
pub fn bars(id: &str, title: &str, bars: &[Bar]) -> String {
    let most = bars.iter().map(|bar| bar.value).max().unwrap_or(0).max(1) as f64;
    let height = ROW * bars.len().max(1) as f64 + 8.0;
    let description = bars.iter().map(|bar| format!("{}: {}", bar.label, bar.value)).collect::<Vec<_>>().join("; ");
    let mut svg = open(id, title, &description, height);
    for (row, bar) in bars.iter().enumerate() {
        let y = ROW * row as f64 + 4.0;
        let length = (WIDTH - LABEL_WIDTH - FIGURE_WIDTH) * bar.value as f64 / most;
        label(&mut svg, y + ROW / 2.0, &bar.label);
        let _ = write!(
            svg,
            r#"<rect x="{LABEL_WIDTH}" y="{:.1}" width="{length:.1}" height="{:.1}" fill="{BATCH_COLOUR}"/><text x="{:.1}" y="{:.1}" class="figure">{}</text>"#,
            y + 4.0,
            ROW - 8.0,
            LABEL_WIDTH + length + 6.0,
            y + ROW / 2.0 + 4.0,
            bar.value
        );
    }
    svg.push_str("</svg>");
    svg
}

/// Pairs of bars, the batch's share above the nation's, on one scale of per cent.
pub fn pairs(id: &str, title: &str, pairs: &[Pair]) -> String {
    let most = pairs.iter().flat_map(|p| [Some(p.batch), p.national]).flatten().fold(1.0, f64::max);
    let row = ROW * 1.5;
    let legend = 22.0;
    let height = legend + row * pairs.len().max(1) as f64 + 6.0;
    let description = pairs
        .iter()
        .map(|p| match p.national {
            Some(national) => format!("{}: {} here, {} nationally", p.label, percent(p.batch), percent(national)),
            None => format!("{}: {} here, nationally {}", p.label, percent(p.batch), p.otherwise),
        })
        .collect::<Vec<_>>()
        .join("; ");
    let mut svg = open(id, title, &description, height);
    let _ = write!(
        svg,
        r#"<rect x="{LABEL_WIDTH}" y="4" width="12" height="12" fill="{BATCH_COLOUR}"/><text x="{:.1}" y="14" class="figure">these drafts</text><rect x="{:.1}" y="4" width="12" height="12" fill="{NATIONAL_COLOUR}"/><text x="{:.1}" y="14" class="figure">UK, 2023</text>"#,
        LABEL_WIDTH + 16.0,
        LABEL_WIDTH + 120.0,
        LABEL_WIDTH + 136.0,
    );
    let scale = (WIDTH - LABEL_WIDTH - FIGURE_WIDTH) / most;
    for (index, pair) in pairs.iter().enumerate() {
        let y = legend + row * index as f64;
        label(&mut svg, y + row / 2.0, &pair.label);
        let bar = |svg: &mut String, top: f64, share: Option<f64>, colour: &str| {
            let (length, figure) = match share {
                Some(share) => (share * scale, percent(share)),
                None => (0.0, pair.otherwise.to_owned()),
            };
            let _ = write!(
                svg,
                r#"<rect x="{LABEL_WIDTH}" y="{top:.1}" width="{length:.1}" height="12" fill="{colour}"/><text x="{:.1}" y="{:.1}" class="figure">{figure}</text>"#,
                LABEL_WIDTH + length + 6.0,
                top + 10.5,
            );
        };
        bar(&mut svg, y + 4.0, Some(pair.batch), BATCH_COLOUR);
        bar(&mut svg, y + 18.0, pair.national, NATIONAL_COLOUR);
    }
    svg.push_str("</svg>");
    svg
}

/// "12.5%", or "0.04%" where a whole-number share would read as none.
pub fn percent(share: f64) -> String {
    if share > 0.0 && share < 0.1 { format!("{share:.2}%") } else { format!("{share:.1}%") }
}

fn open(id: &str, title: &str, description: &str, height: f64) -> String {
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {height:.1}" role="img" aria-labelledby="{id}-title {id}-description"><title id="{id}-title">{}</title><desc id="{id}-description">{}</desc>"#,
        escape(title),
        escape(description),
    )
}

fn label(svg: &mut String, middle: f64, text: &str) {
    let _ = write!(
        svg,
        r#"<text x="{:.1}" y="{:.1}" text-anchor="end" class="label">{}</text>"#,
        LABEL_WIDTH - 8.0,
        middle + 4.0,
        escape(text)
    );
}

fn escape(text: &str) -> String {
    quick_xml::escape::escape(text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bar_is_as_long_as_its_share_of_the_longest_and_carries_its_figure() {
        let svg =
            bars("c", "Findings", &[Bar { label: "REQ002".into(), value: 40 }, Bar { label: "A<B".into(), value: 10 }]);
        let full = WIDTH - LABEL_WIDTH - FIGURE_WIDTH;
        assert!(svg.contains(&format!(r#"width="{full:.1}""#)), "{svg}");
        assert!(svg.contains(&format!(r#"width="{:.1}""#, full / 4.0)), "{svg}");
        assert!(svg.contains(">40</text>") && svg.contains(">10</text>"));
        assert!(svg.contains("A&lt;B") && !svg.contains("A<B"), "labels are escaped");
        assert!(svg.contains("<desc id=\"c-description\">REQ002: 40; A&lt;B: 10</desc>"), "{svg}");
    }

    #[test]
    fn a_share_not_published_nationally_says_so() {
        let wales = Pair { label: "Wales".into(), batch: 50.0, national: None, otherwise: "not published" };
        let svg = pairs("p", "Nation", &[wales]);
        assert!(svg.contains(">not published</text>"), "{svg}");
        assert!(svg.contains("Wales: 50.0% here, nationally not published"), "{svg}");
        assert_eq!(percent(0.06), "0.06%");
        assert_eq!(percent(25.28), "25.3%");
    }
}
