//! `referral.html`: the same referral as one self-contained page (inline CSS that prints well,
//! no script, no external resource, and a content security policy that forbids both), from
//! `templates/referral.html` with tera. Every value goes through `shown`.

use super::model::Referral;
use std::sync::LazyLock;
use tera::{Context, Kwargs, State, Tera, Value};

static TEMPLATES: LazyLock<Tera> = LazyLock::new(|| {
    let mut tera = Tera::default();
    tera.register_filter("shown", shown);
    tera.register_filter("shown_lines", shown_lines);
    tera.add_raw_template("referral.html", include_str!("../../templates/referral.html"))
        .expect("templates/referral.html is a valid template");
    tera
});

pub fn render(referral: &Referral) -> Result<Vec<u8>, String> {
    let context = Context::from_serialize(referral).map_err(|e| format!("HTML: {e}"))?;
    TEMPLATES.render("referral.html", &context).map(String::into_bytes).map_err(|e| format!("HTML: {e}"))
}

/// A value as the page shows it: escaped, isolated in a `<bdi>` so that its direction cannot
/// reorder the text around it, and each invisible character (`visible::is_hidden`: zero-width
/// spaces, direction controls …) shown as its code instead, so that the reader sees it is there
/// and it cannot reorder the value itself.
pub fn shown(text: &str, _: Kwargs, _: &State) -> Value {
    Value::safe_string(&shown_html(text))
}

/// Running text as `shown`, each line isolated on its own (so that each paragraph takes its own
/// direction), the line breaks kept as they are: the page is styled `pre-wrap`, so what is
/// copied from it is the text as written.
pub fn shown_lines(text: &str, _: Kwargs, _: &State) -> Value {
    Value::safe_string(&text.split('\n').map(shown_html).collect::<Vec<_>>().join("\n"))
}

/// What `shown` makes of a text, for pages that build their markup in Rust.
pub fn shown_html(text: &str) -> String {
    let mut html = String::with_capacity(text.len() + 11);
    html.push_str("<bdi>");
    let mut rest = text;
    while let Some(at) = rest.find(crate::visible::is_hidden) {
        let hidden = rest[at..].chars().next().expect("a character was found");
        push_escaped(&mut html, &rest[..at]);
        html.push_str(&format!(
            r#"<span class="hidden-character" title="an invisible character">U+{:04X}</span>"#,
            u32::from(hidden)
        ));
        rest = &rest[at + hidden.len_utf8()..];
    }
    push_escaped(&mut html, rest);
    html.push_str("</bdi>");
    html
}

fn push_escaped(html: &mut String, text: &str) {
    let mut bytes = Vec::with_capacity(text.len());
    tera::escape_html(text, &mut bytes).expect("writing to memory cannot fail");
    html.push_str(std::str::from_utf8(&bytes).expect("escaping keeps UTF-8"));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown_as(text: &str) -> String {
        let template = r#"{{ value | shown }}"#;
        let mut tera = Tera::default();
        tera.register_filter("shown", shown);
        tera.add_raw_template("t.html", template).unwrap();
        let mut context = Context::new();
        context.insert("value", text);
        tera.render("t.html", &context).unwrap()
    }

    #[test]
    fn values_are_escaped_and_isolated() {
        assert_eq!(shown_as("<b>Ali & \"Sam\"</b>"), "<bdi>&lt;b&gt;Ali &amp; &quot;Sam&quot;&lt;/b&gt;</bdi>");
        assert_eq!(shown_as("محمد"), "<bdi>محمد</bdi>");
    }

    #[test]
    fn each_line_of_running_text_is_isolated_and_the_breaks_kept() {
        let mut tera = Tera::default();
        tera.register_filter("shown_lines", shown_lines);
        tera.add_raw_template("t.html", "{{ value | shown_lines }}").unwrap();
        let mut context = Context::new();
        context.insert("value", "محمد\n\nA < B\r\nend");
        let html = tera.render("t.html", &context).unwrap();
        assert_eq!(html, "<bdi>محمد</bdi>\n<bdi></bdi>\n<bdi>A &lt; B\r</bdi>\n<bdi>end</bdi>");
    }

    #[test]
    fn invisible_characters_are_shown_by_their_codes_and_never_reach_the_page() {
        let html = shown_as("A\u{202E}B\u{200B}\u{E0041}");
        assert_eq!(
            html,
            concat!(
                "<bdi>A",
                r#"<span class="hidden-character" title="an invisible character">U+202E</span>"#,
                "B",
                r#"<span class="hidden-character" title="an invisible character">U+200B</span>"#,
                r#"<span class="hidden-character" title="an invisible character">U+E0041</span>"#,
                "</bdi>"
            )
        );
        assert!(!html.chars().any(crate::visible::is_hidden));
    }
}
