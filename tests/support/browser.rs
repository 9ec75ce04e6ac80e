//! Driving Debian's Chromium through chromedriver (fantoccini) against `nrm form`: the two
//! processes, each stopped when dropped, and a browser that checks every page it comes to (a
//! screenshot, axe-core, the field-name contract of form.md) and answers a question page from a
//! draft's value, every input looked up by its name, the JSON pointer of the member it sets.
#![allow(dead_code, reason = "each walk uses part of this module")]

use crate::support::{TODAY, nrm, project};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde::Deserialize;
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, ExitStatus, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
pub const CHROMIUM: &str = "/usr/bin/chromium";

/// The browser's clock is not under test: `faketime` (which CI runs the suite under) stays
/// out of chromedriver and Chromium. Every date of the form comes from `--today`.
const FAKED_CLOCK: [&str; 3] = ["LD_PRELOAD", "FAKETIME", "FAKETIME_SHARED"];

/// Stops the walk where it is: the page's address, its text and a screenshot go with the
/// reason.
macro_rules! fail {
    ($browser:expr, $why:expr) => {{
        let message = $browser.failure($why).await;
        panic!("{message}")
    }};
}

/// The WCAG 2.2 AA tags axe-core checks.
const AXE_TAGS: [&str; 5] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/// The width the pages must work at without scrolling sideways (WCAG 1.4.10).
pub const NARROW: i64 = 320;

/// axe-core, as `.ci/test` installs it.
fn axe() -> &'static str {
    static AXE: OnceLock<String> = OnceLock::new();
    AXE.get_or_init(|| {
        let path = project().join("target/tools/node_modules/axe-core/axe.min.js");
        std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "axe-core is missing ({}: {e}): run `npm install --prefix target/tools axe-core@4` (bash .ci/test does)",
                path.display()
            )
        })
    })
}

fn free_port() -> u16 {
    TcpListener::bind(("127.0.0.1", 0)).and_then(|l| l.local_addr()).expect("a free port on 127.0.0.1").port()
}

/// Stops a process and everything in its process group (chromedriver and the Chromium it
/// started), by the group's id, which is the process's own.
fn kill_group(child: &mut Child) {
    if matches!(child.try_wait(), Ok(None)) {
        let group = libc::pid_t::try_from(child.id()).expect("a pid fits pid_t");
        // SAFETY: kill(2) with a negative pid signals that process group only; it is the group
        // this test started the process in, so nothing else is touched.
        unsafe {
            libc::kill(-group, libc::SIGKILL);
        }
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// chromedriver on a free port of its own, killed with its browser when dropped.
pub struct Driver {
    child: Child,
    pub url: String,
}

impl Driver {
    pub fn start(log: &Path) -> Driver {
        for program in [CHROMEDRIVER, CHROMIUM] {
            assert!(
                Path::new(program).exists(),
                "{program} is missing: the browser tests need Debian's chromium and chromium-driver (bash .ci/test installs them)"
            );
        }
        for _attempt in 0..3 {
            let port = free_port();
            let file = std::fs::File::create(log).expect("chromedriver's log can be made");
            let mut command = Command::new(CHROMEDRIVER);
            command
                .arg(format!("--port={port}"))
                .arg("--log-level=WARNING")
                .stdin(Stdio::null())
                .stdout(file.try_clone().expect("the log opens twice"))
                .stderr(file)
                .process_group(0);
            for name in FAKED_CLOCK {
                command.env_remove(name);
            }
            let mut child = command.spawn().unwrap_or_else(|e| panic!("{CHROMEDRIVER} cannot start: {e}"));
            let deadline = Instant::now() + Duration::from_secs(20);
            while Instant::now() < deadline {
                if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                    return Driver { child, url: format!("http://127.0.0.1:{port}") };
                }
                if !matches!(child.try_wait(), Ok(None)) {
                    break; // the port was taken after all: another one
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            kill_group(&mut child);
        }
        panic!("chromedriver did not start; its log: {}", std::fs::read_to_string(log).unwrap_or_default())
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        kill_group(&mut self.child);
    }
}

/// `nrm form --no-browser` on a draft, killed when dropped if it is still running.
pub struct Form {
    child: Child,
    /// Kept open: the form may write to its standard output while it runs.
    _stdout: BufReader<ChildStdout>,
    /// The printed address, with its one-time token.
    pub url: String,
    pub log: PathBuf,
}

impl Form {
    pub fn start(draft: &Path, log: &Path) -> Form {
        let file = std::fs::File::create(log).expect("the form's log can be made");
        let mut child = nrm()
            .args(["form", "--no-browser", "--today", TODAY])
            .arg(draft)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(file)
            .spawn()
            .expect("nrm form starts");
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout is piped"));
        let mut line = String::new();
        stdout.read_line(&mut line).expect("nrm form prints its address");
        let url = line.trim().to_owned();
        if !url.starts_with("http://127.0.0.1:") || !url.contains("/?token=") {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "nrm form printed {url:?}, not its address; its log: {}",
                std::fs::read_to_string(log).unwrap_or_default()
            );
        }
        Form { child, _stdout: stdout, url, log: log.to_owned() }
    }

    /// `http://127.0.0.1:PORT`.
    pub fn origin(&self) -> &str {
        let after_scheme = "http://".len();
        let end = self.url[after_scheme..].find('/').map_or(self.url.len(), |at| at + after_scheme);
        &self.url[..end]
    }

    /// Stops it at once, as a crash or a closed terminal would.
    pub fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    pub fn wait_for_exit(&mut self, within: Duration) -> ExitStatus {
        let deadline = Instant::now() + within;
        loop {
            if let Some(status) = self.child.try_wait().expect("the form's status can be read") {
                return status;
            }
            assert!(Instant::now() < deadline, "nrm form is still running {within:?} after it was closed");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Whether it runs, or how it ended, with what it wrote to standard error.
    pub fn state(&mut self) -> String {
        let status = match self.child.try_wait() {
            Ok(None) => "is running".to_owned(),
            Ok(Some(status)) => format!("has ended: {status}"),
            Err(e) => format!("is in a state that cannot be read: {e}"),
        };
        format!("{status}; its standard error:\n{}", self.log_text())
    }

    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Form {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Decodes standard base64 (the screenshots DevTools sends).
fn base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => panic!("not base64: {c}"),
    };
    let digits: Vec<u8> = text.bytes().filter(|&c| c != b'=').map(value).collect();
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let bits = chunk.iter().enumerate().fold(0u32, |acc, (i, &d)| acc | (u32::from(d) << (18 - 6 * i)));
        let bytes = bits.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    out
}

/// A command of Chromium's DevTools protocol, sent through chromedriver.
#[derive(Debug)]
struct Cdp {
    command: &'static str,
    params: Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(&self, base: &url::Url, session: Option<&str>) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/goog/cdp/execute", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(json!({ "cmd": self.command, "params": self.params }).to_string()))
    }
}

/// One input, select or textarea of a page, as the page came.
#[derive(Deserialize, Debug, Clone)]
pub struct Input {
    pub name: String,
    /// Its `type`: text, email, radio, checkbox, hidden, select-one, select-multiple, textarea.
    pub kind: String,
    pub value: String,
    pub checked: bool,
    pub options: Vec<Choice>,
    /// The `id` of its `<datalist>`, for an input that offers a list's entries as it is typed.
    pub list: String,
}

#[derive(Deserialize, Debug, Clone)]
pub struct Choice {
    pub value: String,
    pub selected: bool,
}

/// A line of the task list.
#[derive(Deserialize, Debug, Clone)]
pub struct Task {
    pub title: String,
    pub href: String,
    pub status: String,
}

#[derive(Deserialize, Debug, Clone)]
pub struct ErrorSummary {
    /// Whether it has the focus, as the page comes.
    pub focused: bool,
    /// Each item's words and link.
    pub links: Vec<(String, String)>,
}

/// A page as it came, read in one script: what the walk needs of it.
#[derive(Deserialize, Debug, Clone, Default)]
pub struct Page {
    pub path: String,
    /// The path and the query: `/section/age/1?return=check`.
    pub address: String,
    pub title: String,
    /// Whether it is a page of the form at all (a refusal is a line of plain text).
    page: bool,
    /// The inputs, selects and textareas of its main part.
    pub inputs: Vec<Input>,
    /// Where it breaks the contract of form.md's "Field names".
    contract: Vec<String>,
    pub summary: Option<ErrorSummary>,
    /// The task list, on the task list.
    pub tasks: Vec<Task>,
}

impl Page {
    /// Its answers (the inputs named by a pointer) grouped by name, in the page's order.
    fn answers(&self) -> Vec<(String, Vec<Input>)> {
        let mut groups: Vec<(String, Vec<Input>)> = Vec::new();
        for input in self.inputs.iter().filter(|i| i.name.starts_with('/')) {
            match groups.iter_mut().find(|(name, _)| *name == input.name) {
                Some((_, group)) => group.push(input.clone()),
                None => groups.push((input.name.clone(), vec![input.clone()])),
            }
        }
        groups
    }

    /// The names of its answers, in order.
    pub fn answer_names(&self) -> Vec<String> {
        self.answers().into_iter().map(|(name, _)| name).collect()
    }

    pub fn has_input(&self, name: &str) -> bool {
        self.inputs.iter().any(|i| i.name == name)
    }
}

const PAGE: &str = r#"
const inputs = [...document.querySelectorAll('main input, main select, main textarea')].map(e => ({
  name: e.name, kind: (e.type || '').toLowerCase(), value: e.value, checked: !!e.checked,
  options: e.tagName === 'SELECT' ? [...e.options].map(o => ({value: o.value, selected: o.selected})) : [],
  list: e.list ? e.list.id : '',
}));
// The contract of form.md's "Field names", and the hidden controls every form carries.
const contract = [];
for (const e of document.querySelectorAll('input, select, textarea')) {
  if (!e.name) contract.push(`an input without a name: ${e.outerHTML.slice(0, 120)}`);
  else if (!e.name.startsWith('/') && !e.name.startsWith('_')) contract.push(`the input named ${e.name} is neither a JSON pointer nor a control starting with _`);
}
for (const f of document.querySelectorAll('form')) {
  const action = f.getAttribute('action');
  if (!f.querySelector('input[type=hidden][name=_token]')) contract.push(`the form posting to ${action} has no _token`);
  if (f.querySelector('[name^="/"]')) {
    if (!f.querySelector('input[type=hidden][name=_version]')) contract.push(`the form posting to ${action} has no _version`);
    const submits = f.querySelectorAll('button[type=submit], input[type=submit], input[type=image], button:not([type])');
    if (submits.length !== 1 || submits[0].tagName !== 'BUTTON' || submits[0].type !== 'submit') contract.push(`the question form has ${submits.length} submit controls, not one <button type="submit">`);
  }
}
if (!document.title.trim()) contract.push('the page has no title');
const s = document.querySelector('.error-summary');
const summary = s ? {focused: document.activeElement === s, links: [...s.querySelectorAll('a')].map(a => [a.textContent.trim(), a.getAttribute('href')])} : null;
const tasks = [...document.querySelectorAll('main ol li')].map(li => {
  const a = li.querySelector('a'), tag = li.querySelector('strong');
  return {title: a ? a.textContent.trim() : '', href: a ? a.getAttribute('href') : '', status: tag ? tag.textContent.trim() : ''};
});
const page = !!document.querySelector('main');
return {path: location.pathname, address: location.pathname + location.search, title: document.title, page, inputs, contract, summary, tasks};"#;

const RUN_AXE: &str = r#"
const done = arguments[arguments.length - 1];
if (typeof window.axe !== 'object') return done(null);
axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
  .then(r => done(r.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => ({target: n.target.join(' '), html: n.html.slice(0, 200), summary: n.failureSummary})),
  }))))
  .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));"#;

/// The browser: one Chromium, through its own chromedriver, on one run of the form.
pub struct Browser {
    client: Client,
    _driver: Driver,
    /// Chromium's profile, fresh for each browser.
    _profile: tempfile::TempDir,
    shots: PathBuf,
    /// Names the screenshots apart across browsers of one walk.
    tag: String,
    origin: String,
    /// The page now, as it came.
    pub page: Page,
    /// Pages arrived at, over the browser's life.
    pub pages: usize,
    /// Every input name on any page.
    pub names: BTreeSet<String>,
    /// The questions answered by keyboard alone.
    pub by_keyboard: Vec<String>,
    /// The sections the walk has gone through, by their titles on the task list.
    pub walked: Vec<String>,
    /// What is wrong but does not stop the walk (axe findings, a page too wide, …), to fail on
    /// at the end with all of them.
    pub problems: Vec<String>,
    /// Where the time goes.
    timings: BTreeMap<&'static str, Duration>,
    started: Instant,
}

fn code_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// What an input of text shows for a member: a date split in three.
fn typed(value: Option<&Value>, part: Option<&str>) -> String {
    match (value, part) {
        (None, _) => String::new(),
        (Some(Value::String(date)), Some(part)) => {
            let mut parts = date.splitn(3, '-');
            let (year, month, day) =
                (parts.next().unwrap_or_default(), parts.next().unwrap_or_default(), parts.next().unwrap_or_default());
            match part {
                "year" => year.to_owned(),
                "month" => month.trim_start_matches('0').to_owned(),
                "day" => day.trim_start_matches('0').to_owned(),
                other => panic!("an input for the part {other:?} of a date"),
            }
        }
        (Some(other), _) => code_text(other),
    }
}

/// The codes a member holds: one, or each of a list.
fn codes(value: Option<&Value>) -> BTreeSet<String> {
    match value {
        None => BTreeSet::new(),
        Some(Value::Array(items)) => items.iter().map(code_text).collect(),
        Some(one) => BTreeSet::from([code_text(one)]),
    }
}

/// `POINTER#day` is the day of the member at POINTER.
pub fn member_of(name: &str) -> (&str, Option<&str>) {
    match name.split_once('#') {
        Some((pointer, part)) => (pointer, Some(part)),
        None => (name, None),
    }
}

/// The array and the index of an item's field: `/evidence/1/file` is item 1 of `/evidence`.
fn item_of(pointer: &str) -> Option<(String, usize)> {
    let segments: Vec<&str> = pointer.split('/').collect();
    let at = segments.iter().position(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))?;
    Some((segments[..at].join("/"), segments[at].parse().ok()?))
}

fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// A CSS selector for the inputs named `name` in the page's main part.
pub fn by_name(name: &str) -> String {
    format!("main [name={}]", quoted(name))
}

fn by_name_and_value(name: &str, value: &str) -> String {
    format!("{}[value={}]", by_name(name), quoted(value))
}

impl Browser {
    /// A fresh Chromium, at the form's printed address (which sets its cookie).
    pub async fn open(form: &mut Form, folder: &Path, tag: &str) -> Browser {
        let mut browser = Browser::launch(folder, tag, form.origin()).await;
        let loading = Instant::now();
        if let Err(e) = browser.client.goto(&form.url).await {
            panic!("the form's address does not open: {e}\nnrm form {}", form.state());
        }
        browser.took("loading pages", loading);
        browser.arrive().await;
        browser
    }

    /// A fresh Chromium on no page yet, with axe-core ready for every document it opens;
    /// `goto` opens paths under `origin`.
    pub async fn launch(folder: &Path, tag: &str, origin: &str) -> Browser {
        let started = Instant::now();
        let profile = tempfile::Builder::new().prefix("nrm-chromium-").tempdir().expect("a profile folder");
        let driver = Driver::start(&folder.join(format!("chromedriver-{tag}.log")));
        let args = [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1024,900",
        ]
        .map(String::from)
        .into_iter()
        .chain([format!("--user-data-dir={}", profile.path().display())])
        .collect::<Vec<_>>();
        let capabilities = json!({
            "browserName": "chrome",
            "goog:chromeOptions": { "binary": CHROMIUM, "args": args },
        });
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities.as_object().expect("an object").clone())
            .connect(&driver.url)
            .await
            .unwrap_or_else(|e| panic!("chromedriver starts no Chromium session: {e}"));
        let shots = folder.join("screenshots");
        std::fs::create_dir_all(&shots).expect("the screenshot folder");
        let mut browser = Browser {
            client,
            _driver: driver,
            _profile: profile,
            shots,
            tag: tag.to_owned(),
            origin: origin.to_owned(),
            page: Page::default(),
            pages: 0,
            names: BTreeSet::new(),
            by_keyboard: Vec::new(),
            walked: Vec::new(),
            problems: Vec::new(),
            timings: BTreeMap::new(),
            started,
        };
        // axe-core in every document from now on, ready when the page is: sent once, not with
        // every audit.
        browser.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": axe() })).await;
        browser.took("starting Chromium", started);
        browser
    }

    /// Kills chromedriver and Chromium at once, as a crash would: no goodbye to the form.
    pub fn kill(self) {
        drop(self);
    }

    pub fn client(&self) -> &Client {
        &self.client
    }

    fn took(&mut self, what: &'static str, since: Instant) {
        *self.timings.entry(what).or_default() += since.elapsed();
    }

    /// The pages seen and where the time went.
    pub fn timings(&self) -> String {
        let parts: Vec<String> =
            self.timings.iter().map(|(what, time)| format!("{what} {:.1} s", time.as_secs_f64())).collect();
        format!("{} pages in {:.1} s: {}", self.pages, self.started.elapsed().as_secs_f64(), parts.join(", "))
    }

    /// Sends a DevTools command to the browser and returns its result.
    pub async fn cdp(&self, command: &'static str, params: Value) -> Value {
        self.client.issue_cmd(Cdp { command, params }).await.unwrap_or_else(|e| panic!("{command}: {e}"))
    }

    pub async fn js(&self, script: &str, args: Vec<Value>) -> Value {
        self.client.execute(script, args).await.unwrap_or_else(|e| panic!("script fails: {e}\n{script}"))
    }

    /// Whether the page's policy stops a script the page would add itself, while WebDriver's
    /// own scripts (axe-core) still run: `(page script ran, axe is loaded)`.
    pub async fn scripts(&self) -> (bool, bool) {
        let found = self
            .js(
                "const s = document.createElement('script'); s.textContent = 'window.__nrmPageScript = true';
                 document.head.appendChild(s);
                 return [window.__nrmPageScript === true, typeof window.axe === 'object'];",
                vec![],
            )
            .await;
        (found[0] == true, found[1] == true)
    }

    /// The page's title now.
    pub async fn title(&self) -> String {
        self.client.title().await.expect("the page has a title")
    }

    /// The text of the page's main part, as shown.
    pub async fn main_text(&self) -> String {
        let text = self
            .js("const m = document.querySelector('main'); return m ? m.innerText : document.body.innerText", vec![]);
        text.await.as_str().unwrap_or_default().to_owned()
    }

    /// Why the walk fails here, with the page's address and its text (and a screenshot).
    pub async fn failure(&mut self, why: &str) -> String {
        self.screenshot("failure").await;
        let text = self.main_text().await;
        format!("{}: {why}\n--- the page says:\n{text}", self.page.address)
    }

    /// A PNG of the whole page, not only what fits the window, into the screenshot folder.
    async fn screenshot(&mut self, label: &str) {
        let started = Instant::now();
        let shot = self
            .cdp(
                "Page.captureScreenshot",
                json!({ "format": "png", "captureBeyondViewport": true, "optimizeForSpeed": true }),
            )
            .await;
        let png = base64(shot["data"].as_str().expect("the screenshot's data"));
        let mut slug: String = (self.page.address.trim_start_matches('/').chars())
            .map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '-' })
            .collect();
        if slug.is_empty() {
            slug.push_str("home");
        }
        let label = if label.is_empty() { String::new() } else { format!("-{label}") };
        let name = format!("{}-{:03}-{slug}{label}.png", self.tag, self.pages);
        std::fs::write(self.shots.join(name), png).expect("the screenshot is saved");
        self.took("screenshots", started);
    }

    /// axe-core's violations on the page, or null when it is not in the page.
    async fn run_axe(&self) -> Value {
        let run = self.client.execute_async(RUN_AXE, vec![json!(AXE_TAGS)]).await;
        run.unwrap_or_else(|e| panic!("axe-core does not run: {e}"))
    }

    /// Runs axe-core in the page (put there through DevTools, which the page's policy, allowing
    /// no script, does not stop) and notes every violation.
    async fn audit(&mut self) {
        let started = Instant::now();
        let mut violations = self.run_axe().await;
        if violations.is_null() {
            // A document that came without it (none has so far): sent along now.
            self.js(axe(), vec![]).await;
            violations = self.run_axe().await;
        }
        self.took("axe-core", started);
        for violation in violations.as_array().into_iter().flatten() {
            let nodes: Vec<String> = (violation["nodes"].as_array().into_iter().flatten())
                .map(|n| {
                    format!("    {} — {}\n      {}", n["target"], n["html"], n["summary"].as_str().unwrap_or_default())
                })
                .collect();
            self.problems.push(format!(
                "{}: axe {} ({}): {}\n{}",
                self.page.address,
                violation["id"].as_str().unwrap_or_default(),
                violation["impact"].as_str().unwrap_or_default(),
                violation["help"].as_str().unwrap_or_default(),
                nodes.join("\n")
            ));
        }
    }

    /// Every page the walk comes to: read, photographed, checked with axe-core and against the
    /// contract of the field names.
    pub async fn arrive(&mut self) {
        self.pages += 1;
        let started = Instant::now();
        self.rendered().await;
        self.page = serde_json::from_value(self.js(PAGE, vec![]).await).expect("the page is described");
        for problem in &self.page.contract {
            self.problems.push(format!("{}: {problem}", self.page.address));
        }
        self.names.extend(self.page.inputs.iter().map(|i| i.name.clone()));
        self.took("reading pages", started);
        self.screenshot("").await;
        if !self.page.page {
            fail!(self, "the form answers with no page of its own (a refusal?)")
        }
        self.audit().await;
    }

    /// Marks the document, so that the next one can be told from it.
    async fn mark(&self) {
        self.js("window.__nrmWalkOld = true", vec![]).await;
    }

    /// Waits for a document that is not the marked one, fully loaded.
    async fn wait_for_new_page(&self) {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let ready = self
                .client
                .execute("return window.__nrmWalkOld !== true && document.readyState === 'complete'", vec![])
                .await;
            if matches!(ready, Ok(Value::Bool(true))) {
                return;
            }
            assert!(Instant::now() < deadline, "no new page came within 30 s");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Waits until the page has been drawn twice. A browser moves the focus to an `autofocus`
    /// element while it draws the page, not when the page has loaded, so what a person sees
    /// focused is only there to read after a frame.
    async fn rendered(&self) {
        self.client
            .execute_async(
                "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)))",
                vec![],
            )
            .await
            .unwrap_or_else(|e| panic!("the page is never drawn: {e}"));
    }

    /// Clicks what leads to another page (a link, a submit button) and arrives there.
    pub async fn click_to_page(&mut self, selector: &str) {
        let element = match self.client.find(Locator::Css(selector)).await {
            Ok(element) => element,
            Err(e) => fail!(self, &format!("nothing on the page matches {selector}: {e}")),
        };
        let started = Instant::now();
        self.mark().await;
        element.click().await.unwrap_or_else(|e| panic!("{selector} cannot be clicked: {e}"));
        self.wait_for_new_page().await;
        self.took("loading pages", started);
        self.arrive().await;
    }

    /// Opens an address of the form (a path) and arrives there.
    pub async fn goto(&mut self, path: &str) {
        let started = Instant::now();
        self.client
            .goto(&format!("{}{path}", self.origin))
            .await
            .unwrap_or_else(|e| panic!("{path} does not open: {e}"));
        self.took("loading pages", started);
        self.arrive().await;
    }

    /// Clicks the link with exactly this `href`.
    pub async fn follow(&mut self, href: &str) {
        self.click_to_page(&format!("a[href={}]", quoted(href))).await;
    }

    /// The name of the focused element, or its tag and class when it has none.
    pub async fn focused(&self) -> String {
        self.js(
            "const e = document.activeElement; if (!e) return '';
             return e.name || ('<' + e.tagName.toLowerCase() + (e.className ? ' class=' + e.className : '') + '>');",
            vec![],
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
    }

    /// Clicks something that stays on the page (a radio, a link to a field).
    pub async fn click(&mut self, selector: &str) {
        let element = match self.client.find(Locator::Css(selector)).await {
            Ok(element) => element,
            Err(e) => fail!(self, &format!("nothing on the page matches {selector}: {e}")),
        };
        element.click().await.unwrap_or_else(|e| panic!("{selector} cannot be clicked: {e}"));
    }

    /// Answers the page from a draft's value, each input looked up by its name: text set as a
    /// paste would (a date in its three parts), an entry of a list typed into its input (which
    /// offers the list as it is typed), radios and checkboxes clicked, lists chosen from. Returns whether an item list has more items in the value
    /// than the page had room for (the page then wants opening again, to add the next).
    pub async fn answer(&mut self, value: &Value) -> bool {
        let started = Instant::now();
        let mut shown_items: BTreeMap<String, usize> = BTreeMap::new();
        let mut texts: Vec<(String, String)> = Vec::new();
        let mut entries: Vec<(String, String)> = Vec::new();
        for (name, group) in self.page.answers() {
            let (pointer, part) = member_of(&name);
            let wanted = value.pointer(pointer);
            if let Some((array, index)) = item_of(pointer) {
                let most = shown_items.entry(array).or_default();
                *most = (*most).max(index + 1);
            }
            let first = &group[0];
            match first.kind.as_str() {
                "radio" => {
                    let code = wanted.map(code_text).unwrap_or_default();
                    match group.iter().find(|i| i.value == code) {
                        Some(choice) if !choice.checked => self.click(&by_name_and_value(&name, &code)).await,
                        Some(_) => {}
                        None if code.is_empty() => {} // no "I do not know": left unanswered
                        None => {
                            let offered: Vec<&str> = group.iter().map(|i| i.value.as_str()).collect();
                            fail!(self, &format!("{name}: no radio has the value {code:?} (they have {offered:?})"))
                        }
                    }
                }
                "checkbox" => {
                    let wanted = codes(wanted);
                    let offered: BTreeSet<&str> = group.iter().map(|i| i.value.as_str()).collect();
                    if let Some(missing) = wanted.iter().find(|c| !offered.contains(c.as_str())) {
                        fail!(self, &format!("{name}: no checkbox has the value {missing:?}"))
                    }
                    for input in &group {
                        if input.checked != wanted.contains(&input.value) {
                            self.click(&by_name_and_value(&name, &input.value)).await;
                        }
                    }
                }
                "select-one" => {
                    let code = wanted.map(code_text).unwrap_or_default();
                    if !first.options.iter().any(|o| o.value == code) {
                        fail!(self, &format!("{name}: the list has no option {code:?}"))
                    }
                    if !first.options.iter().any(|o| o.value == code && o.selected) {
                        let select = self.client.find(Locator::Css(&by_name(&name))).await.expect("the list is there");
                        let option = select.find(Locator::Css(&format!("option[value={}]", quoted(&code)))).await;
                        option.expect("the option is there").click().await.expect("the option can be chosen");
                    }
                }
                "select-multiple" => {
                    let wanted = codes(wanted);
                    let offered: BTreeSet<&str> = first.options.iter().map(|o| o.value.as_str()).collect();
                    if let Some(missing) = wanted.iter().find(|c| !offered.contains(c.as_str())) {
                        fail!(self, &format!("{name}: the list has no option {missing:?}"))
                    }
                    self.js(
                        "for (const o of document.querySelector(arguments[0]).options) o.selected = arguments[1].includes(o.value)",
                        vec![json!(by_name(&name)), json!(wanted)],
                    )
                    .await;
                }
                "text" | "email" | "tel" | "number" | "textarea" | "search" | "url" => {
                    let text = typed(wanted, part);
                    if first.value != text {
                        if first.list.is_empty() {
                            texts.push((by_name(&name), text));
                        } else {
                            entries.push((by_name(&name), text));
                        }
                    }
                }
                other => fail!(self, &format!("{name}: an input of type {other} the walk cannot answer")),
            }
        }
        if !texts.is_empty() {
            self.js(
                "for (const [selector, text] of arguments[0]) document.querySelector(selector).value = text",
                vec![json!(texts)],
            )
            .await;
        }
        for (selector, text) in entries {
            self.type_entry(&selector, &text).await;
        }
        self.took("answering", started);
        (shown_items.iter())
            .any(|(array, shown)| value.pointer(array).and_then(Value::as_array).is_some_and(|a| a.len() > *shown))
    }

    /// Types an entry of a list into its input, key by key, as a person would (the input offers
    /// the list's entries meanwhile); an input folded away under "Add another" is unfolded first.
    pub async fn type_entry(&mut self, selector: &str, text: &str) {
        let input = match self.client.find(Locator::Css(selector)).await {
            Ok(input) => input,
            Err(e) => fail!(self, &format!("nothing on the page matches {selector}: {e}")),
        };
        if !input.is_displayed().await.unwrap_or(true) {
            let Ok(summary) = input.find(Locator::XPath("ancestor::details/summary")).await else {
                fail!(self, &format!("{selector} is not shown, and no \"Add another\" unfolds it"))
            };
            summary.click().await.expect("Add another can be clicked");
        }
        input.clear().await.unwrap_or_else(|e| panic!("{selector} cannot be cleared: {e}"));
        if !text.is_empty() {
            input.send_keys(text).await.unwrap_or_else(|e| panic!("{selector} cannot be typed into: {e}"));
        }
    }

    /// Where the page's inputs, as it came, do not show the value: a line for each.
    pub fn differences(&self, value: &Value) -> Vec<String> {
        let mut differences = Vec::new();
        for (name, group) in self.page.answers() {
            let (pointer, part) = member_of(&name);
            let wanted = value.pointer(pointer);
            let first = &group[0];
            let (shows, has) = match first.kind.as_str() {
                "radio" => {
                    let checked: Vec<&str> = group.iter().filter(|i| i.checked).map(|i| i.value.as_str()).collect();
                    let code = wanted.map(code_text).unwrap_or_default();
                    let fine = match checked[..] {
                        [] => code.is_empty(),
                        [one] => one == code,
                        _ => false,
                    };
                    if fine {
                        continue;
                    }
                    (format!("{checked:?}"), code)
                }
                "checkbox" => {
                    let checked: BTreeSet<String> =
                        group.iter().filter(|i| i.checked).map(|i| i.value.clone()).collect();
                    if checked == codes(wanted) {
                        continue;
                    }
                    (format!("{checked:?}"), format!("{:?}", codes(wanted)))
                }
                "select-one" | "select-multiple" => {
                    let selected: BTreeSet<String> = first
                        .options
                        .iter()
                        .filter(|o| o.selected && !o.value.is_empty())
                        .map(|o| o.value.clone())
                        .collect();
                    if selected == codes(wanted) {
                        continue;
                    }
                    (format!("{selected:?}"), format!("{:?}", codes(wanted)))
                }
                _ => {
                    let text = typed(wanted, part);
                    if first.value.replace("\r\n", "\n") == text {
                        continue;
                    }
                    (format!("{:?}", first.value), format!("{text:?}"))
                }
            };
            differences.push(format!("{}: {name} shows {shows}, the file has {has}", self.page.address));
        }
        differences
    }

    /// Presses the page's Continue and arrives at the page it leads to.
    pub async fn press_continue(&mut self) {
        let Ok(button) = self.client.find(Locator::Css("main form button[type=submit]")).await else {
            fail!(self, "no Continue button")
        };
        let words = button.text().await.unwrap_or_default();
        if words.trim() != "Continue" {
            fail!(self, &format!("the submit button says {words:?}, not Continue"))
        }
        let started = Instant::now();
        self.mark().await;
        button.click().await.expect("Continue can be clicked");
        self.wait_for_new_page().await;
        self.took("loading pages", started);
        self.arrive().await;
    }

    /// Answers the page from the value and presses Continue; a page that answers with errors
    /// stops the walk, since the value passes the checks. An item list with more items than
    /// the page had room for opens the page again, to add the next.
    pub async fn answer_and_continue(&mut self, value: &Value) {
        let address = self.page.address.clone();
        let more = self.answer(value).await;
        self.press_continue().await;
        if let Some(summary) = &self.page.summary {
            let links = summary.links.clone();
            fail!(self, &format!("answered from the value on {address}, Continue finds errors: {links:?}"))
        }
        if more {
            self.goto(&address).await;
        }
    }

    /// Answers by keyboard alone a page with one radio question: Tab to a radio, arrows to the
    /// one wanted, Space to pick it, Tab to Continue, Enter to send. Focus is checked to be
    /// visible at every stop.
    pub async fn answer_by_keyboard(&mut self, name: &str, value: &str) {
        self.js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)", vec![]).await;
        let mut reached = false;
        for _ in 0..20 {
            self.press(Key::Tab).await;
            self.focus_is_visible().await;
            if self.focused().await == name {
                reached = true;
                break;
            }
        }
        if !reached {
            fail!(self, &format!("20 presses of Tab do not reach the radios named {name}"))
        }
        for _ in 0..10 {
            if self.js("return document.activeElement.value", vec![]).await == value {
                break;
            }
            self.press(Key::Down).await;
        }
        self.press(Key::Space).await;
        let checked = self
            .js(
                "const c = document.querySelector(arguments[0] + ':checked'); return c ? c.value : null",
                vec![json!(by_name(name))],
            )
            .await;
        if checked != value {
            fail!(self, &format!("Space on the radio leaves {checked} checked, not {value}"))
        }
        let mut on_button = false;
        for _ in 0..10 {
            self.press(Key::Tab).await;
            self.focus_is_visible().await;
            let at =
                self.js("const e = document.activeElement; return [e.tagName, e.type, e.textContent.trim()]", vec![]);
            if at.await == json!(["BUTTON", "submit", "Continue"]) {
                on_button = true;
                break;
            }
        }
        if !on_button {
            fail!(self, "Tab after the radios does not come to Continue")
        }
        self.by_keyboard.push(name.to_owned());
        let started = Instant::now();
        self.mark().await;
        self.press(Key::Enter).await;
        self.wait_for_new_page().await;
        self.took("loading pages", started);
        self.arrive().await;
    }

    async fn press(&self, key: Key) {
        let actions = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value: key.into() })
            .then(KeyAction::Up { value: key.into() });
        self.client.perform_actions(actions).await.expect("the key is pressed");
    }

    /// A focused element is shown so: an outline or a shadow (WCAG 2.4.7).
    async fn focus_is_visible(&mut self) {
        let style = self
            .js(
                "const e = document.activeElement, s = getComputedStyle(e);
                 return [e.tagName.toLowerCase() + (e.name ? '[name=' + e.name + ']' : ''),
                         s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && s.outlineColor !== 'rgba(0, 0, 0, 0)',
                         s.boxShadow !== 'none'];",
                vec![],
            )
            .await;
        if style[1] != true && style[2] != true {
            self.problems.push(format!("{}: the focused {} shows no outline or shadow", self.page.address, style[0]));
        }
    }

    /// The page at 320 CSS pixels wide: no scrolling sideways (WCAG 1.4.10). A screenshot too.
    pub async fn check_narrow(&mut self) {
        let (width, height) = self.client.get_window_size().await.expect("the window has a size");
        let mut outer = NARROW as u32;
        for _ in 0..3 {
            self.client.set_window_size(outer, height as u32).await.expect("the window can be narrowed");
            let inner = self.js("return window.innerWidth", vec![]).await.as_i64().unwrap_or_default();
            if inner == NARROW {
                break;
            }
            outer = u32::try_from(i64::from(outer) + NARROW - inner).expect("a width");
        }
        let measured = self
            .js(
                "const wide = [...document.querySelectorAll('body *')]
                   .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
                   .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' ' + Math.round(e.getBoundingClientRect().right));
                 return [window.innerWidth, document.documentElement.scrollWidth, wide];",
                vec![],
            )
            .await;
        let (inner, scroll) = (measured[0].as_i64().unwrap_or_default(), measured[1].as_i64().unwrap_or_default());
        let address = self.page.address.clone();
        if inner != NARROW {
            self.problems.push(format!("{address}: the window cannot be made {NARROW} px wide (it is {inner})"));
        } else if scroll > NARROW {
            self.problems.push(format!(
                "{address}: at {NARROW} CSS px the page is {scroll} px wide, so it scrolls sideways; too wide: {}",
                measured[2]
            ));
        }
        self.screenshot(&format!("{NARROW}px")).await;
        self.client.set_window_size(width as u32, height as u32).await.expect("the window can be widened again");
    }

    /// The walk: from wherever it is, answers each page from the value and follows the task
    /// list in its order, each section once (those with nothing to answer too), then again
    /// any that is not completed, until every section is (or, with `stop_after`, until it has
    /// walked that many sections). `keyboard`: a radio question answered by keyboard alone
    /// when its page comes.
    pub async fn walk(&mut self, value: &Value, stop_after: Option<usize>, keyboard: Option<&str>) {
        let mut opened: BTreeMap<String, usize> = BTreeMap::new();
        let mut left: BTreeSet<String> = BTreeSet::new();
        let mut keyboard = keyboard;
        let mut walked = 0;
        for _ in 0..400 {
            let path = self.page.path.clone();
            if path == "/start" || path == "/start/route" || path.starts_with("/section/") {
                let names = self.page.answer_names();
                match keyboard {
                    Some(name) if names == [name] => {
                        keyboard = None;
                        let code = value.pointer(name).map(code_text).unwrap_or_default();
                        self.answer_by_keyboard(name, &code).await;
                        if let Some(summary) = &self.page.summary {
                            let links = summary.links.clone();
                            fail!(self, &format!("answered by keyboard, Continue finds errors: {links:?}"))
                        }
                    }
                    _ => self.answer_and_continue(value).await,
                }
            } else if path == "/tasks" {
                let tasks = self.page.tasks.clone();
                if tasks.is_empty() {
                    fail!(self, "the task list lists no section")
                }
                if stop_after.is_some_and(|n| walked >= n) {
                    return;
                }
                // A section walked that is still not started had nothing in the value to answer:
                // it should be completed now, by the checks, which find nothing there.
                for task in &tasks {
                    if task.status == "Not started"
                        && self.walked.contains(&task.title)
                        && left.insert(task.title.clone())
                    {
                        self.problems.push(format!(
                            "/tasks: the section {:?} ({}) stays \"Not started\" after the walk went through it with nothing \
                             to answer, though the checks find nothing missing there",
                            task.title, task.href
                        ));
                    }
                }
                let next = (tasks.iter().find(|t| !self.walked.contains(&t.title)))
                    .or_else(|| tasks.iter().find(|t| t.status != "Completed" && !left.contains(&t.title)));
                let Some(next) = next else { return };
                let times = opened.entry(next.title.clone()).or_default();
                *times += 1;
                if *times > 2 {
                    let list: Vec<String> =
                        tasks.iter().map(|t| format!("{} ({}): {}", t.title, t.href, t.status)).collect();
                    fail!(
                        self,
                        &format!(
                            "the section {:?} is still {:?} after the walk answered it twice from the value\n{}",
                            next.title,
                            next.status,
                            list.join("\n")
                        )
                    )
                }
                if !self.walked.contains(&next.title) {
                    self.walked.push(next.title.clone());
                }
                walked += 1;
                self.follow(&next.href.clone()).await;
            } else {
                fail!(self, "the walk came to a page it does not know")
            }
        }
        fail!(self, "400 pages and the walk has not finished")
    }

    /// Finish: creates the package in `out` and returns its folder as the page names it.
    pub async fn create_package(&mut self, out: &Path) -> PathBuf {
        self.goto("/finish").await;
        if !self.page.has_input("_out") {
            fail!(self, "the finish page offers no package (no _out folder input)")
        }
        let field = self.client.find(Locator::Css(&by_name("_out"))).await.expect("the folder input");
        field.clear().await.expect("the folder input can be cleared");
        field.send_keys(&out.display().to_string()).await.expect("the folder can be typed");
        let button = self.client.find(Locator::Css("main form button[type=submit]")).await.expect("a button");
        let words = button.text().await.unwrap_or_default();
        if words.trim() != "Create the package" {
            fail!(self, &format!("the finish button says {words:?}"))
        }
        let started = Instant::now();
        self.mark().await;
        button.click().await.expect("the button can be clicked");
        self.wait_for_new_page().await;
        self.took("loading pages", started);
        self.arrive().await;
        if !self.page.title.starts_with("Package created") {
            let title = self.page.title.clone();
            fail!(self, &format!("after Create the package the page is {title:?}"))
        }
        let folder =
            self.js("const c = document.querySelector('main code'); return c ? c.textContent : ''", vec![]).await;
        PathBuf::from(folder.as_str().unwrap_or_default())
    }

    /// Presses "Close the form", which stops the server.
    pub async fn close_form(&mut self) {
        let button =
            self.client.find(Locator::XPath("//main//form//button[normalize-space(.)='Close the form']")).await;
        let Ok(button) = button else { fail!(self, "no Close the form button") };
        self.mark().await;
        button.click().await.expect("Close the form can be clicked");
        self.wait_for_new_page().await;
        self.arrive().await;
    }

    /// Fails with every problem noted on the way, if there is any.
    pub fn assert_no_problems(&self, walk: &str) {
        assert!(
            self.problems.is_empty(),
            "{walk}: {} problems on the way:\n{}",
            self.problems.len(),
            self.problems.join("\n")
        );
    }
}
