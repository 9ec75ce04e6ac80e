//! The form's pages (form.md, "Pages"): start, task list, question pages, check your answers
//! and finish, each read from the draft as it is on disk and laid out by the templates in
//! `templates/form/` (tera escapes every value in them).

use super::App;
use super::answers;
use super::pages::{self, Page, ROUTE, START};
use super::security::Posted;
use super::store::{Loaded, Refused};
use crate::draft::Draft;
use crate::questions::{Question, TABLE};
use crate::rules::Severity;
use axum::Extension;
use axum::extract::{Path, RawQuery, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Serialize;
use serde_json::{Value, json};
use std::sync::{Arc, LazyLock};
use tera::{Context, Kwargs, Tera};

static TEMPLATES: LazyLock<Tera> = LazyLock::new(|| {
    let mut tera = Tera::default();
    // Answers read back as the package shows them: isolated, invisible characters by code.
    tera.register_filter("shown", crate::render::html::shown);
    tera.register_filter("said", said);
    tera.add_raw_templates([
        ("base.html", include_str!("../../templates/form/base.html")),
        ("field.html", include_str!("../../templates/form/field.html")),
        ("question.html", include_str!("../../templates/form/question.html")),
        ("tasks.html", include_str!("../../templates/form/tasks.html")),
        ("check.html", include_str!("../../templates/form/check.html")),
        ("finish.html", include_str!("../../templates/form/finish.html")),
        ("message.html", include_str!("../../templates/form/message.html")),
    ])
    .expect("templates/form/ are valid templates");
    tera
});

const STYLE: &str = include_str!("../../templates/form/style.css");

/// A finding's words as a page shows them: escaped, and what the rule quotes between backticks
/// (an entry of the service's list, a member, a command) set as code, as the command line's
/// reader sees it quoted.
fn said(text: &str, _: Kwargs, _: &tera::State) -> tera::Value {
    let escaped = |text: &str| {
        let mut bytes = Vec::with_capacity(text.len());
        tera::escape_html(text, &mut bytes).expect("writing to memory cannot fail");
        String::from_utf8(bytes).expect("escaping keeps UTF-8")
    };
    let parts: Vec<&str> = text.split('`').collect();
    let mut html = String::with_capacity(text.len() + 16);
    for (at, part) in parts.iter().enumerate() {
        match (at % 2, at + 1 == parts.len()) {
            (0, _) => html.push_str(&escaped(part)),
            // A backtick without its pair is a character of the text.
            (_, true) => {
                html.push('`');
                html.push_str(&escaped(part));
            }
            _ => html.push_str(&format!("<code>{}</code>", escaped(part))),
        }
    }
    tera::Value::safe_string(&html)
}

/// Makes the draft when it does not exist (a draft of the current version dated today, and
/// nothing else), and refuses to start on a file or folder it could not write.
pub fn prepare(store: &super::store::Store, settings: &crate::check::Settings) -> Result<(), String> {
    let path = store.path();
    let (folder, _) = store.place()?;
    if !folder.is_dir() {
        return Err(format!("{}: no such folder", folder.display()));
    }
    // Every save is a new file beside the draft, renamed over it: the folder must take one.
    tempfile::Builder::new()
        .prefix(".nrm-")
        .tempfile_in(&folder)
        .map_err(|e| format!("{}: the draft cannot be saved in this folder: {e}", folder.display()))?;
    if path.exists() {
        std::fs::File::open(path).map_err(|e| format!("{}: cannot be read: {e}", path.display()))?;
        return Ok(());
    }
    let draft = json!({ "format_version": crate::FORMAT_VERSION, "prepared_on": settings.today.to_string() });
    store.write(crate::layout::write(&draft, "").as_bytes()).map_err(|refused| match refused {
        Refused::Io(why) => format!("{}: {why}", path.display()),
        Refused::Changed => format!("{}: changed while it was made", path.display()),
    })
}

fn html(template: &str, context: &Context) -> Response {
    match TEMPLATES.render(template, context) {
        Ok(html) => Html(html).into_response(),
        // A template error names the template, never a value.
        Err(error) => (StatusCode::INTERNAL_SERVER_ERROR, format!("The page cannot be shown: {error}")).into_response(),
    }
}

/// The context every page has.
fn context(app: &App, title: &str) -> Context {
    let mut context = Context::new();
    context.insert("title", title);
    context.insert("token", app.session.form_token());
    context
}

fn message(app: &App, status: StatusCode, title: &str, paragraphs: &[String], link: Option<(&str, &str)>) -> Response {
    let mut context = context(app, title);
    context.insert("paragraphs", paragraphs);
    context.insert("link", &link.map(|(href, text)| json!({"href": href, "text": text})));
    (status, html("message.html", &context)).into_response()
}

/// The draft as it is on disk now, or the page that says why it cannot be used.
/// A page that ends a request early (boxed: a response is large beside a loaded draft).
type Early = Box<Response>;

fn load(app: &App) -> Result<Loaded, Early> {
    let loaded = app.store.load(&app.settings).map_err(|e| {
        Early::new(message(
            app,
            StatusCode::INTERNAL_SERVER_ERROR,
            "The draft cannot be read",
            &[format!("The file cannot be read ({}). Nothing was changed.", e.kind())],
            None,
        ))
    })?;
    if loaded.value().is_none() {
        let findings = &loaded.outcome.findings;
        let why: Vec<String> = findings
            .iter()
            .map(|f| format!("Line {}, column {}: {}", f.position.line, f.position.column, f.finding.message))
            .collect();
        let mut paragraphs =
            vec!["The file is not a draft the form can read, so the form has changed nothing in it.".to_owned()];
        paragraphs.extend(why);
        paragraphs.push("Mend it in a text editor (or run `nrm check` on it), then reload this page.".to_owned());
        return Err(Early::new(message(app, StatusCode::OK, "The draft cannot be read", &paragraphs, None)));
    }
    Ok(loaded)
}

/// The draft, for a page that asks the current version's questions: a version 1 or 2 draft is
/// offered `nrm migrate` first.
fn load_current(app: &App) -> Result<Loaded, Early> {
    let loaded = load(app)?;
    match loaded.value().and_then(|v| v.get("format_version")).and_then(Value::as_u64) {
        Some(older @ (1 | 2)) => Err(Early::new(offer_migration(app, &loaded, older))),
        _ => Ok(loaded),
    }
}

fn offer_migration(app: &App, loaded: &Loaded, older: u64) -> Response {
    let current = crate::FORMAT_VERSION;
    let mut context = context(app, &format!("Update the draft to format version {current}"));
    context.insert(
        "paragraphs",
        &[
            format!(
                "This draft is in format version {older}. The form asks the questions of version {current}, which \
                 follows the Home Office's online service field by field, with the service's own options and lists."
            ),
            "Updating it keeps every answer, as `nrm migrate` does: each that has exactly one place in the new \
             version is moved there, and each that does not (a town the service does not list, a name to split \
             in two) is kept where the checks show it, for you to choose."
                .to_owned(),
        ],
    );
    context.insert("action", "/migrate");
    context.insert("button", "Update the draft");
    context.insert("version", &loaded.version);
    html("message.html", &context)
}

pub async fn home(State(app): State<Arc<App>>) -> Response {
    let loaded = match load_current(&app) {
        Ok(loaded) => loaded,
        Err(response) => return *response,
    };
    let value = loaded.value().expect("loaded");
    let draft = Draft::new(value);
    if START.iter().any(|p| draft.get(p).is_none()) {
        Redirect::to("/start").into_response()
    } else {
        Redirect::to("/tasks").into_response()
    }
}

pub async fn style() -> Response {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], STYLE).into_response()
}

pub async fn not_found(State(app): State<Arc<App>>) -> Response {
    message(
        &app,
        StatusCode::NOT_FOUND,
        "Page not found",
        &["There is no such page of the form.".into()],
        Some(("/tasks", "Go to the task list")),
    )
}

/// A posted field that is not an answer (its name starts with `_`).
fn control<'p>(posted: &'p Posted, name: &str) -> &'p str {
    posted.0.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str()).unwrap_or_default()
}

/// What a question page shows.
#[derive(Clone)]
struct Shown<'a> {
    title: String,
    caption: &'a str,
    questions: Vec<&'static Question>,
    action: String,
    back: String,
    /// After a Continue: missing answers are problems too.
    posted: bool,
    /// The file changed on disk since the page was shown: these answers are not saved.
    conflict: bool,
}

fn question_page(app: &App, loaded: &Loaded, shown: Shown) -> Response {
    let value = loaded.value().expect("loaded");
    let draft = Draft::new(value);
    let findings = &loaded.outcome.findings;
    let fields = pages::fields(&shown.questions, &draft, findings, &app.settings.registry, shown.posted);
    let datalists = pages::datalists(&shown.questions, &app.settings.registry);
    let mut errors: Vec<pages::Problem> = Vec::new();
    collect_errors(&fields, &mut errors);
    let title = if shown.conflict {
        format!("Not saved: {}", shown.title)
    } else if errors.is_empty() {
        shown.title.clone()
    } else {
        format!("Error: {}", shown.title)
    };
    let mut context = context(app, &title);
    context.insert("heading", &shown.title);
    context.insert("caption", shown.caption);
    context.insert("one_question", &(fields.len() == 1 && fields[0].is_heading));
    context.insert("fields", &fields);
    context.insert("datalists", &datalists);
    context.insert("errors", &errors);
    context.insert("action", &shown.action);
    context.insert("back", &shown.back);
    context.insert("version", &loaded.version);
    context.insert("conflict", &shown.conflict);
    let status = if shown.conflict { StatusCode::CONFLICT } else { StatusCode::OK };
    (status, html("question.html", &context)).into_response()
}

fn collect_errors(fields: &[pages::Field], out: &mut Vec<pages::Problem>) {
    for field in fields {
        if let Some(error) = &field.error {
            out.push(pages::Problem {
                href: Some(format!("#{}", field.anchor)),
                text: error.clone(),
                rule: "",
                severity: Severity::Error.as_str(),
            });
        }
        for item in &field.items {
            collect_errors(&item.fields, out);
        }
        collect_errors(&field.entries, out);
    }
}

/// Saves the posted answers to the page's questions; then the draft as saved, or the page that
/// says why nothing was written. When the file changed on disk since the page was shown, the
/// page comes back (409) with what was typed on it over the file as it is now, unsaved, so that
/// nothing is lost on either side: a Continue from there saves it.
fn save(
    app: &App,
    questions: &[&'static Question],
    posted: &Posted,
    extra: Option<(&str, Value)>,
    shown: Option<&Shown>,
) -> Result<Loaded, Early> {
    let loaded = load(app)?;
    let mut value = loaded.value().expect("loaded").clone();
    answers::apply(&mut value, questions, &posted.0);
    if let Some((pointer, answer)) = extra {
        answers::set(&mut value, pointer, Some(answer));
    }
    let source = loaded.outcome.text.as_deref().unwrap_or_default();
    match app.store.save(&value, source, control(posted, "_version")) {
        Ok(()) => load(app),
        Err(Refused::Changed) => {
            let text = crate::layout::write(&value, source);
            let unsaved = Loaded {
                version: loaded.version,
                outcome: crate::check::check_bytes(text.into_bytes(), &app.settings),
            };
            let again = match shown {
                Some(shown) => Shown { posted: true, conflict: true, ..shown.clone() },
                None => return Err(Early::new(Redirect::to("/tasks").into_response())),
            };
            Err(Early::new(question_page(app, &unsaved, again)))
        }
        Err(Refused::Io(why)) => {
            Err(Early::new(message(app, StatusCode::INTERNAL_SERVER_ERROR, "The draft cannot be saved", &[why], None)))
        }
    }
}

/// Whether the page's own questions still have an error (a missing answer included).
fn has_errors(loaded: &Loaded, questions: &[&Question]) -> bool {
    loaded.outcome.findings.iter().filter(|f| f.finding.severity() == Severity::Error && pages::on_its_page(f)).any(
        |f| {
            questions.iter().any(|q| {
                pages::is_about(f, &q.pointer)
                    || (q.kind == crate::questions::Kind::Items && f.finding.pointer.starts_with(&q.pointer))
            })
        },
    )
}

fn start_questions() -> Vec<&'static Question> {
    START.iter().map(|p| pages::question(p)).collect()
}

fn start_shown() -> Shown<'static> {
    Shown {
        title: "Who are you referring?".into(),
        caption: "Start",
        questions: start_questions(),
        action: "/start".into(),
        back: String::new(),
        posted: false,
        conflict: false,
    }
}

pub async fn start(State(app): State<Arc<App>>) -> Response {
    match load_current(&app) {
        Ok(loaded) => question_page(&app, &loaded, start_shown()),
        Err(response) => *response,
    }
}

/// Whether an adult's draft in England or Wales, where a Duty to Notify is possible.
fn route_is_asked(draft: &Draft) -> bool {
    draft.is_adult() && matches!(draft.str("/nation"), Some("england" | "wales"))
}

pub async fn start_post(State(app): State<Arc<App>>, Extension(posted): Extension<Posted>) -> Response {
    let questions = start_questions();
    let loaded = match save(&app, &questions, &posted, None, Some(&start_shown())) {
        Ok(loaded) => loaded,
        Err(response) => return *response,
    };
    if has_errors(&loaded, &questions) {
        return question_page(&app, &loaded, Shown { posted: true, ..start_shown() });
    }
    let draft = Draft::new(loaded.value().expect("loaded"));
    if route_is_asked(&draft) {
        return Redirect::to("/start/route").into_response();
    }
    // Elsewhere, and for a child, a referral is the only route.
    if draft.str(ROUTE) != Some("nrm") {
        let no_answers = Posted(Arc::new(vec![("_version".into(), loaded.version.clone())]));
        if let Err(response) = save(&app, &[], &no_answers, Some((ROUTE, json!("nrm"))), None) {
            return *response;
        }
    }
    Redirect::to("/tasks").into_response()
}

fn route_shown() -> Shown<'static> {
    Shown {
        title: pages::question(ROUTE).label.clone(),
        caption: "Start",
        questions: vec![pages::question(ROUTE)],
        action: "/start/route".into(),
        back: "/start".into(),
        posted: false,
        conflict: false,
    }
}

pub async fn route(State(app): State<Arc<App>>) -> Response {
    match load(&app) {
        Ok(loaded) => question_page(&app, &loaded, route_shown()),
        Err(response) => *response,
    }
}

pub async fn route_post(State(app): State<Arc<App>>, Extension(posted): Extension<Posted>) -> Response {
    let questions = vec![pages::question(ROUTE)];
    match save(&app, &questions, &posted, None, Some(&route_shown())) {
        Ok(loaded) if has_errors(&loaded, &questions) => {
            question_page(&app, &loaded, Shown { posted: true, ..route_shown() })
        }
        Ok(_) => Redirect::to("/tasks").into_response(),
        Err(response) => *response,
    }
}

pub async fn migrate(State(app): State<Arc<App>>, Extension(posted): Extension<Posted>) -> Response {
    let loaded = match load(&app) {
        Ok(loaded) => loaded,
        Err(response) => return *response,
    };
    if loaded.version != control(&posted, "_version") {
        // Changed since the offer was shown: offer it again, as the file now is.
        return Redirect::to("/").into_response();
    }
    let bytes = loaded.outcome.text.clone().unwrap_or_default().into_bytes();
    match crate::commands::migrate::migrate(bytes) {
        Ok(text) => match app.store.write(text.as_bytes()) {
            Ok(()) => Redirect::to("/tasks").into_response(),
            Err(Refused::Io(why)) => {
                message(&app, StatusCode::INTERNAL_SERVER_ERROR, "The draft cannot be saved", &[why], None)
            }
            Err(Refused::Changed) => Redirect::to("/").into_response(),
        },
        Err(why) => message(&app, StatusCode::OK, "The draft cannot be updated", &[format!("The file{why}")], None),
    }
}

#[derive(Serialize)]
struct Task {
    title: &'static str,
    href: String,
    status: pages::Status,
    status_words: &'static str,
}

pub async fn tasks(State(app): State<Arc<App>>) -> Response {
    let loaded = match load_current(&app) {
        Ok(loaded) => loaded,
        Err(response) => return *response,
    };
    let value = loaded.value().expect("loaded");
    let draft = Draft::new(value);
    if START.iter().any(|p| draft.get(p).is_none()) {
        return Redirect::to("/start").into_response();
    }
    let findings = &loaded.outcome.findings;
    let tasks: Vec<Task> = TABLE
        .sections
        .iter()
        .filter(|s| s.applies(&draft))
        .filter_map(|section| {
            let first = pages::first_page(section, &draft)?;
            let status = pages::status(section, &draft, findings);
            Some(Task { title: &section.title, href: first.address(), status, status_words: status.words() })
        })
        .collect();
    let done = tasks.iter().filter(|t| t.status == pages::Status::Completed).count();
    let mut context = context(&app, "Your referral");
    context.insert("tasks", &tasks);
    context.insert("done", &done);
    context.insert("kind", &kind_of(&draft));
    context.insert("errors", &loaded.outcome.count(Severity::Error));
    html("tasks.html", &context)
}

/// "A referral for a child, in England", from the derived facts only.
fn kind_of(draft: &Draft) -> String {
    let who = if draft.is_child() { "a child" } else { "an adult" };
    let nation = crate::render::words::word("nation", draft.str("/nation").unwrap_or_default());
    let what = if draft.str(ROUTE) == Some("duty_to_notify") { "A Duty to Notify" } else { "A referral" };
    format!("{what} for {who}, in {nation}")
}

/// Where a page's Continue and back link go: `?return=check` comes back to check your answers.
fn returns_to_check(query: &Option<String>) -> bool {
    query.as_deref().is_some_and(|q| form_urlencoded::parse(q.as_bytes()).any(|(n, v)| n == "return" && v == "check"))
}

fn section_shown(page: &'static Page, draft: &Draft, to_check: bool) -> Shown<'static> {
    let questions = page.asked(draft);
    let title = match questions.as_slice() {
        [one] if one.kind != crate::questions::Kind::Items => one.label.clone(),
        _ => page.heading.to_owned(),
    };
    let back = if to_check {
        "/check".to_owned()
    } else {
        page.previous(draft).map_or_else(|| "/tasks".to_owned(), |p| p.address())
    };
    let action = if to_check { format!("{}?return=check", page.address()) } else { page.address() };
    Shown { title, caption: &page.section.title, questions, action, back, posted: false, conflict: false }
}

pub async fn section_page(
    State(app): State<Arc<App>>,
    Path((section, index)): Path<(String, usize)>,
    RawQuery(query): RawQuery,
) -> Response {
    let loaded = match load_current(&app) {
        Ok(loaded) => loaded,
        Err(response) => return *response,
    };
    let Some(page) = Page::find(&section, index) else { return not_found(State(app)).await };
    let draft = Draft::new(loaded.value().expect("loaded"));
    let shown = section_shown(page, &draft, returns_to_check(&query));
    if shown.questions.is_empty() {
        // Not asked of this draft (an answer elsewhere changed): on to the next that is.
        let next = page.next(&draft).map_or_else(|| "/tasks".to_owned(), |p| p.address());
        return Redirect::to(&next).into_response();
    }
    question_page(&app, &loaded, shown)
}

pub async fn section_post(
    State(app): State<Arc<App>>,
    Path((section, index)): Path<(String, usize)>,
    RawQuery(query): RawQuery,
    Extension(posted): Extension<Posted>,
) -> Response {
    let Some(page) = Page::find(&section, index) else { return not_found(State(app)).await };
    let before = match load(&app) {
        Ok(loaded) => loaded,
        Err(response) => return *response,
    };
    let to_check = returns_to_check(&query);
    let shown_before = section_shown(page, &Draft::new(before.value().expect("loaded")), to_check);
    let questions = shown_before.questions.clone();
    let loaded = match save(&app, &questions, &posted, None, Some(&shown_before)) {
        Ok(loaded) => loaded,
        Err(response) => return *response,
    };
    let draft = Draft::new(loaded.value().expect("loaded"));
    if has_errors(&loaded, &questions) {
        let shown = Shown { posted: true, questions, ..section_shown(page, &draft, to_check) };
        return question_page(&app, &loaded, shown);
    }
    let next = match (to_check, page.next(&draft)) {
        (true, _) => "/check".to_owned(),
        (false, Some(next)) => next.address(),
        (false, None) => "/tasks".to_owned(),
    };
    Redirect::to(&next).into_response()
}

pub async fn check_answers(State(app): State<Arc<App>>) -> Response {
    let loaded = match load_current(&app) {
        Ok(loaded) => loaded,
        Err(response) => return *response,
    };
    let value = loaded.value().expect("loaded");
    let draft = Draft::new(value);
    let findings = &loaded.outcome.findings;
    let mut context = context(&app, "Check your answers");
    context.insert("kind", &kind_of(&draft));
    context.insert("prepared_on", &draft.date("/prepared_on").map(crate::render::words::date));
    context.insert("summaries", &pages::summaries(&draft, findings, &app.settings.registry));
    context.insert("problems", &pages::problems(&draft, findings, "check"));
    context.insert("kept", &pages::kept(value, &draft));
    context.insert("errors", &loaded.outcome.count(Severity::Error));
    html("check.html", &context)
}

/// The package folder by default: `packages/` beside the draft's folder.
fn default_out(app: &App) -> std::path::PathBuf {
    let draft = std::path::absolute(app.store.path()).unwrap_or_else(|_| app.store.path().to_path_buf());
    let folder = draft.parent().map(std::path::Path::to_path_buf).unwrap_or_default();
    folder.parent().unwrap_or(&folder).join("packages")
}

fn finish_page(app: &App, loaded: &Loaded, out: &str, problem: Option<String>) -> Response {
    let value = loaded.value().expect("loaded");
    let draft = Draft::new(value);
    let findings = &loaded.outcome.findings;
    let errors: Vec<pages::Problem> =
        pages::problems(&draft, findings, "check").into_iter().filter(|p| p.severity == "error").collect();
    let mut context = context(app, if problem.is_some() { "Error: Create the package" } else { "Create the package" });
    context.insert("blocked", &errors);
    context.insert("out", out);
    context.insert("problem", &problem);
    context.insert("can_email", &app.sca.is_some());
    context.insert("version", &loaded.version);
    context.insert("kind", &kind_of(&draft));
    html("finish.html", &context)
}

pub async fn finish(State(app): State<Arc<App>>) -> Response {
    match load_current(&app) {
        Ok(loaded) => finish_page(&app, &loaded, &default_out(&app).display().to_string(), None),
        Err(response) => *response,
    }
}

pub async fn finish_post(State(app): State<Arc<App>>, Extension(posted): Extension<Posted>) -> Response {
    let loaded = match load(&app) {
        Ok(loaded) => loaded,
        Err(response) => return *response,
    };
    let out = control(&posted, "_out").trim().to_owned();
    if out.is_empty() {
        return finish_page(&app, &loaded, &out, Some("Enter the folder to put the package in".into()));
    }
    if loaded.version != control(&posted, "_version") {
        return finish_page(
            &app,
            &loaded,
            &out,
            Some("The draft changed on disk since this page was shown: check it again below".into()),
        );
    }
    if !loaded.outcome.passed(&app.settings) {
        return finish_page(&app, &loaded, &out, Some("The draft has errors, so no package was made".into()));
    }
    let email = control(&posted, "_email") == "yes";
    let sca = if email { app.sca.as_ref() } else { None };
    let folder = std::path::PathBuf::from(&out);
    if let Err(e) = std::fs::create_dir_all(&folder) {
        return finish_page(&app, &loaded, &out, Some(format!("The folder cannot be made: {}", e.kind())));
    }
    match crate::commands::render::write_package(&loaded.outcome, &app.settings, &folder, false, sca) {
        Ok(package) => {
            let mut files: Vec<String> = crate::render::FILES.map(String::from).to_vec();
            if sca.is_some() {
                files.push("email.eml".into());
            }
            let mut context = context(&app, "Package created");
            context.insert("package", &package.display().to_string());
            context.insert("files", &files);
            context.insert("emailed", &sca.map(|(to, _)| to));
            html("finish.html", &context)
        }
        Err(crate::package::Refusal::Exists(folder)) => finish_page(
            &app,
            &loaded,
            &out,
            Some(format!("{} exists already: choose another folder, or move the old package away", folder.display())),
        ),
        Err(crate::package::Refusal::Interrupted) => {
            finish_page(&app, &loaded, &out, Some("Interrupted: no package was made".into()))
        }
        Err(crate::package::Refusal::Io(why)) => finish_page(&app, &loaded, &out, Some(why)),
    }
}

pub async fn close(State(app): State<Arc<App>>, Extension(_posted): Extension<Posted>) -> Response {
    // A moment for the browser to fetch this last page's stylesheet, then stop.
    let stopping = app.clone();
    tokio::spawn(async move {
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        stopping.stop.notify_one();
    });
    message(
        &app,
        StatusCode::OK,
        "The form is closed",
        &[
            "Every answer is saved in the draft. You can close this tab.".into(),
            "To go on later, run `nrm form` with the same file.".into(),
        ],
        None,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_findings_quoted_words_are_code_and_the_rest_is_escaped() {
        let mut tera = Tera::default();
        tera.register_filter("said", said);
        tera.add_raw_template("t", "{{ text | said }}").unwrap();
        let said = |text: &str| {
            let mut context = Context::new();
            context.insert("text", text);
            tera.render("t", &context).unwrap()
        };
        assert_eq!(
            said("did you mean `Boston` or `Bolton`?"),
            "did you mean <code>Boston</code> or <code>Bolton</code>?"
        );
        assert_eq!(said("<b> & `<i>`"), "&lt;b&gt; &amp; <code>&lt;i&gt;</code>");
        assert_eq!(said("one ` alone"), "one ` alone", "a backtick without its pair stays");
    }
}
