//! `referral.html`: the same referral as one self-contained page (inline CSS that prints well,
//! no script, no external resource, and a content security policy that forbids both), from
//! `templates/referral.html` with tera. Every value is escaped: tera escapes `.html` templates.

use super::model::Referral;
use std::sync::LazyLock;
use tera::{Context, Tera};

static TEMPLATES: LazyLock<Tera> = LazyLock::new(|| {
    let mut tera = Tera::default();
    tera.add_raw_template("referral.html", include_str!("../../templates/referral.html"))
        .expect("templates/referral.html is a valid template");
    tera
});

pub fn render(referral: &Referral) -> Result<Vec<u8>, String> {
    let context = Context::from_serialize(referral).map_err(|e| format!("HTML: {e}"))?;
    TEMPLATES.render("referral.html", &context).map(String::into_bytes).map_err(|e| format!("HTML: {e}"))
}
