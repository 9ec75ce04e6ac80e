//! Driving `nrm form` from integration tests over raw HTTP/1.1 (std::net only, so a test can
//! send a bad `Host`, no cookie or a foreign `Origin`), and reading its pages as a browser would
//! submit them.
#![allow(dead_code, reason = "each test crate uses part of this module")]

use crate::support::{TODAY, nrm};
use std::collections::{BTreeSet, VecDeque};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How long any one exchange may take before the test fails rather than hangs.
const PATIENCE: Duration = Duration::from_secs(20);

/// One HTTP response, read whole.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    /// Names in lower case, in the order sent.
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Response {
    /// Every value of one header.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.headers.iter().filter(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str()).collect()
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.all(name).first().copied()
    }

    pub fn location(&self) -> Option<&str> {
        self.header("location")
    }

    /// A short description for assertion messages (status and the start of the body).
    pub fn brief(&self) -> String {
        let start: String = self.body.chars().take(300).collect();
        format!("{} {:?} {start:?}", self.status, self.location())
    }
}

/// Sends one request (its bytes as given) to 127.0.0.1:PORT and reads the whole response.
pub fn exchange(port: u16, request: &[u8]) -> Response {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("the form accepts a connection");
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    stream.set_write_timeout(Some(PATIENCE)).unwrap();
    stream.write_all(request).expect("the request is sent");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("the response is read to its end (Connection: close)");
    parse_response(&raw)
}

/// Builds a request: the request line, the headers as given, `Content-Length` for a body, and
/// `Connection: close`. No `Host` unless the caller gives one.
pub fn request(method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut text = format!("{method} {path} HTTP/1.1\r\n");
    for (name, value) in headers {
        text.push_str(&format!("{name}: {value}\r\n"));
    }
    if !body.is_empty() || method == "POST" {
        text.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    text.push_str("Connection: close\r\n\r\n");
    let mut bytes = text.into_bytes();
    bytes.extend_from_slice(body);
    bytes
}

fn parse_response(raw: &[u8]) -> Response {
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap_or_else(|| {
        panic!("a whole response head, got {:?}", String::from_utf8_lossy(raw));
    });
    let head = String::from_utf8_lossy(&raw[..end]).into_owned();
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap_or_default();
    let status = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("a status line, got {status_line:?}"));
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let mut body = raw[end + 4..].to_vec();
    let chunked = headers.iter().any(|(n, v)| n == "transfer-encoding" && v.eq_ignore_ascii_case("chunked"));
    if chunked {
        body = unchunk(&body);
    }
    Response { status, headers, body: String::from_utf8_lossy(&body).into_owned() }
}

fn unchunk(mut raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(line_end) = raw.windows(2).position(|w| w == b"\r\n") else { return out };
        let size_text = String::from_utf8_lossy(&raw[..line_end]);
        let size = usize::from_str_radix(size_text.split(';').next().unwrap_or_default().trim(), 16).unwrap_or(0);
        raw = &raw[line_end + 2..];
        if size == 0 || raw.len() < size {
            return out;
        }
        out.extend_from_slice(&raw[..size]);
        raw = raw.get(size + 2..).unwrap_or_default();
    }
}

/// Collects what a pipe carries, on a thread, so the server never blocks writing to it.
fn drain(mut pipe: impl Read + Send + 'static) -> (Arc<Mutex<Vec<u8>>>, JoinHandle<()>) {
    let sink = Arc::new(Mutex::new(Vec::new()));
    let into = sink.clone();
    let thread = std::thread::spawn(move || {
        let mut buffer = [0u8; 4096];
        while let Ok(n) = pipe.read(&mut buffer) {
            if n == 0 {
                break;
            }
            into.lock().unwrap().extend_from_slice(&buffer[..n]);
        }
    });
    (sink, thread)
}

/// What the process wrote, once it has stopped.
pub struct Ended {
    pub status: ExitStatus,
    /// Everything after the address line.
    pub stdout_rest: String,
    pub stderr: String,
}

/// A running `nrm form`, killed when dropped.
pub struct Form {
    child: Child,
    pub port: u16,
    /// The printed line, without its newline.
    pub address: String,
    /// The one-time token of the printed address.
    pub token: String,
    /// `nrm_form=…` once logged in.
    pub cookie: Option<String>,
    pub draft: PathBuf,
    stdout: (Arc<Mutex<Vec<u8>>>, Option<JoinHandle<()>>),
    stderr: (Arc<Mutex<Vec<u8>>>, Option<JoinHandle<()>>),
    /// Which question page has an input of each name (see `page_asking`).
    asked: std::cell::OnceCell<std::collections::BTreeMap<String, String>>,
}

/// A fresh folder with `draft.json` holding these bytes (or no file when `None`).
pub fn folder_with(bytes: Option<&[u8]>) -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().unwrap();
    let draft = folder.path().join("draft.json");
    if let Some(bytes) = bytes {
        std::fs::write(&draft, bytes).unwrap();
    }
    (folder, draft)
}

impl Form {
    /// Starts `nrm form --no-browser --today TODAY` on DRAFT with these further options, and
    /// reads its address; panics with its standard error if it does not print one.
    pub fn start(draft: &Path, extra: &[&str]) -> Form {
        Form::start_with(draft, extra, &[])
    }

    pub fn start_with(draft: &Path, extra: &[&str], env: &[(&str, &str)]) -> Form {
        let mut command = nrm();
        command.args(["form", "--no-browser", "--today", TODAY]).args(extra).arg(draft);
        for (name, value) in env {
            command.env(name, value);
        }
        let mut child = command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("nrm form starts");
        let stderr = drain(child.stderr.take().unwrap());
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        let read = out.read_line(&mut line).unwrap_or(0);
        if read == 0 {
            let status = child.wait().unwrap();
            stderr.1.join().unwrap();
            let said = String::from_utf8_lossy(&stderr.0.lock().unwrap()).into_owned();
            panic!("nrm form printed no address ({status}); stderr: {said}");
        }
        let stdout = drain(out);
        let address = line.trim_end_matches('\n').to_owned();
        let port = port_of(&address);
        let token = address.split_once("?token=").map(|(_, t)| t.to_owned()).unwrap_or_default();
        Form {
            child,
            port,
            address,
            token,
            cookie: None,
            draft: draft.to_path_buf(),
            stdout: (stdout.0, Some(stdout.1)),
            stderr: (stderr.0, Some(stderr.1)),
            asked: std::cell::OnceCell::new(),
        }
    }

    /// Starts the form and exchanges its token for the cookie.
    pub fn open(draft: &Path) -> Form {
        let mut form = Form::start(draft, &[]);
        form.log_in();
        form
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// `127.0.0.1:PORT`.
    pub fn host(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    /// `http://127.0.0.1:PORT`.
    pub fn origin(&self) -> String {
        format!("http://{}", self.host())
    }

    /// The path and query of the printed address: `/?token=…`.
    pub fn token_path(&self) -> String {
        format!("/?token={}", self.token)
    }

    /// GET of the printed address, as the browser's first request; keeps the cookie it sets.
    pub fn log_in(&mut self) -> Response {
        let response = self.send("GET", &self.token_path(), &[("Host", &self.host())], b"");
        assert_eq!(response.status, 303, "the token is taken: {}", response.brief());
        let set = response.header("set-cookie").expect("the token's exchange sets a cookie");
        let pair = set.split(';').next().unwrap().trim().to_owned();
        self.cookie = Some(pair);
        response
    }

    pub fn send(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Response {
        exchange(self.port, &request(method, path, headers, body))
    }

    /// GET as the logged-in browser.
    pub fn get(&self, path: &str) -> Response {
        let cookie = self.cookie.clone().expect("logged in");
        self.send("GET", path, &[("Host", &self.host()), ("Cookie", &cookie)], b"")
    }

    /// POST of these fields exactly (the caller adds `_token` and `_version`), as the logged-in
    /// browser, from the form's own origin.
    pub fn post(&self, path: &str, fields: &[(String, String)]) -> Response {
        let cookie = self.cookie.clone().expect("logged in");
        let body = encode(fields);
        self.send(
            "POST",
            path,
            &[
                ("Host", &self.host()),
                ("Cookie", &cookie),
                ("Origin", &self.origin()),
                ("Content-Type", "application/x-www-form-urlencoded"),
            ],
            body.as_bytes(),
        )
    }

    /// The session's form token, from a page's hidden input.
    pub fn form_token(&self) -> String {
        let page = self.get("/start");
        hidden(&page.body, "_token").unwrap_or_else(|| panic!("a page with a form token: {}", page.brief()))
    }

    /// Shows a question page, then posts its form as a browser would with these answers in
    /// place of what the page holds (a name given with an empty value is left unset).
    pub fn continue_with(&self, path: &str, answers: &[(&str, &str)]) -> Response {
        let page = self.get(path);
        assert_eq!(page.status, 200, "{path} is a page: {}", page.brief());
        let mut fields: Vec<(String, String)> =
            form_fields(&page.body).into_iter().filter(|(n, _)| !answers.iter().any(|(a, _)| a == n)).collect();
        fields.extend(answers.iter().map(|(n, v)| (n.to_string(), v.to_string())));
        let action = form_action(&page.body).unwrap_or_else(|| path.to_owned());
        self.post(&action, &fields)
    }

    /// The address of the question page that asks the member `name` (an input's name, without
    /// a date's `#day`) of the draft as it was when first asked: each section the task list
    /// links, its pages `/section/ID/0`, `/1`, … read until there is no such page.
    pub fn page_asking(&self, name: &str) -> String {
        let asked = self.asked.get_or_init(|| {
            let mut asked = std::collections::BTreeMap::new();
            let tasks = self.get("/tasks");
            let mut sections: Vec<String> = Vec::new();
            for link in links(&tasks.body) {
                if let Some(id) = link.strip_prefix("/section/").and_then(|rest| rest.split('/').next())
                    && !sections.iter().any(|s| s == id)
                {
                    sections.push(id.to_owned());
                }
            }
            for id in sections {
                for index in 0..60 {
                    let address = format!("/section/{id}/{index}");
                    let page = self.get(&address);
                    if page.status == 404 {
                        break;
                    }
                    if page.status != 200 {
                        continue;
                    }
                    for tag in tags(&page.body) {
                        if let Some(input) = tag.get("name").filter(|n| !n.starts_with('_')) {
                            let member = input.split('#').next().unwrap_or_default().to_owned();
                            asked.entry(member).or_insert_with(|| address.clone());
                        }
                    }
                }
            }
            asked
        });
        asked.get(name).cloned().unwrap_or_else(|| panic!("a question page asks {name}"))
    }

    /// The draft file's bytes now.
    pub fn bytes(&self) -> Vec<u8> {
        std::fs::read(&self.draft).unwrap()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.bytes()).expect("the draft is JSON")
    }

    /// Waits this long at most for the process to stop by itself.
    pub fn wait_for_exit(&mut self, limit: Duration) -> Option<Ended> {
        let began = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return Some(self.ended(status));
            }
            if began.elapsed() > limit {
                return None;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Sends SIGTERM and waits for the process to stop.
    pub fn terminate(&mut self) -> Ended {
        let sent = std::process::Command::new("kill").args(["-TERM", &self.pid().to_string()]).status().unwrap();
        assert!(sent.success(), "kill -TERM");
        self.wait_for_exit(PATIENCE).expect("nrm form stops on SIGTERM")
    }

    fn ended(&mut self, status: ExitStatus) -> Ended {
        for (_, thread) in [&mut self.stdout, &mut self.stderr] {
            if let Some(thread) = thread.take() {
                thread.join().unwrap();
            }
        }
        let text = |sink: &Arc<Mutex<Vec<u8>>>| String::from_utf8_lossy(&sink.lock().unwrap()).into_owned();
        Ended { status, stdout_rest: text(&self.stdout.0), stderr: text(&self.stderr.0) }
    }

    /// Every page of the form a browser can reach from the task list, check your answers and
    /// finish, by GET: each link followed, each redirect followed, and each section's pages
    /// `/section/ID/0`, `/1`, … until there is no such page. Addresses (path and query) with
    /// the responses, in the order visited.
    pub fn pages(&self) -> Vec<(String, Response)> {
        let mut queue: VecDeque<String> =
            ["/", "/start", "/start/route", "/tasks", "/check", "/finish"].map(String::from).into();
        let mut seen: BTreeSet<String> = queue.iter().cloned().collect();
        let mut sections: BTreeSet<String> = BTreeSet::new();
        let mut visited = Vec::new();
        while let Some(address) = queue.pop_front() {
            assert!(visited.len() < 600, "the walk ends");
            let response = self.get(&address);
            let mut next: Vec<String> = links(&response.body);
            next.extend(response.location().map(str::to_owned));
            for link in next {
                let link = link.split('#').next().unwrap_or_default().to_owned();
                if !link.starts_with('/') || link.starts_with("//") || link == "/style.css" {
                    continue;
                }
                if let Some(id) = link.strip_prefix("/section/").and_then(|rest| rest.split('/').next())
                    && sections.insert(id.to_owned())
                {
                    for index in 0..60 {
                        let page = format!("/section/{id}/{index}");
                        if self.get(&page).status == 404 {
                            break;
                        }
                        if seen.insert(page.clone()) {
                            queue.push_back(page);
                        }
                    }
                }
                if seen.insert(link.clone()) {
                    queue.push_back(link);
                }
            }
            visited.push((address, response));
        }
        visited
    }
}

impl Drop for Form {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The port of `http://127.0.0.1:PORT/…`.
pub fn port_of(address: &str) -> u16 {
    let rest = address.strip_prefix("http://").unwrap_or_else(|| panic!("an http address: {address:?}"));
    let authority = rest.split('/').next().unwrap_or_default();
    let port = authority.rsplit_once(':').map(|(_, p)| p).unwrap_or_default();
    port.parse().unwrap_or_else(|_| panic!("a port in {address:?}"))
}

/// `application/x-www-form-urlencoded`.
pub fn encode(fields: &[(String, String)]) -> String {
    let mut serializer = form_urlencoded::Serializer::new(String::new());
    for (name, value) in fields {
        serializer.append_pair(name, value);
    }
    serializer.finish()
}

/// The text of HTML with its character references resolved.
pub fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(end) = rest.find(';').filter(|&e| e <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..end];
        let decoded = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => name
                .strip_prefix("#x")
                .or_else(|| name.strip_prefix("#X"))
                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                .or_else(|| name.strip_prefix('#').and_then(|dec| dec.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A start tag: its name, its attributes (values unescaped) and where it ends in the page.
#[derive(Debug)]
pub struct Tag {
    pub name: String,
    pub attributes: Vec<(String, String)>,
    pub start: usize,
    pub end: usize,
}

impl Tag {
    pub fn get(&self, name: &str) -> Option<&str> {
        self.attributes.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    pub fn has(&self, name: &str) -> bool {
        self.attributes.iter().any(|(n, _)| n == name)
    }
}

/// Every start tag of a page, in order.
pub fn tags(html: &str) -> Vec<Tag> {
    let bytes = html.as_bytes();
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(offset) = html[at..].find('<') {
        let start = at + offset;
        let mut i = start + 1;
        if !bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
            at = start + 1;
            continue;
        }
        while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'-') {
            i += 1;
        }
        let name = html[start + 1..i].to_ascii_lowercase();
        let mut attributes = Vec::new();
        loop {
            while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
                i += 1;
            }
            if i >= bytes.len() || bytes[i] == b'>' {
                break;
            }
            let name_start = i;
            while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !b"=>".contains(&bytes[i]) {
                i += 1;
            }
            let attribute = html[name_start..i].to_ascii_lowercase();
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            let mut value = String::new();
            if bytes.get(i) == Some(&b'=') {
                i += 1;
                while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                match bytes.get(i) {
                    Some(&quote) if quote == b'"' || quote == b'\'' => {
                        let close = html[i + 1..].find(quote as char).map_or(bytes.len(), |e| i + 1 + e);
                        value = unescape(&html[i + 1..close]);
                        i = (close + 1).min(bytes.len());
                    }
                    _ => {
                        let value_start = i;
                        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                            i += 1;
                        }
                        value = unescape(&html[value_start..i]);
                    }
                }
            }
            attributes.push((attribute, value));
        }
        let end = (i + 1).min(bytes.len());
        found.push(Tag { name, attributes, start, end });
        at = end;
    }
    found
}

/// The value of the first input of this name.
pub fn hidden(html: &str, name: &str) -> Option<String> {
    tags(html)
        .into_iter()
        .find(|t| t.name == "input" && t.get("name") == Some(name))
        .map(|t| t.get("value").unwrap_or_default().to_owned())
}

/// Every `href`, `src` and `action` of a page, unescaped.
pub fn links(html: &str) -> Vec<String> {
    tags(html)
        .into_iter()
        .flat_map(|t| t.attributes.into_iter().filter(|(n, _)| n == "href" || n == "src" || n == "action"))
        .map(|(_, v)| v)
        .collect()
}

/// The `action` of the page's first POST form.
pub fn form_action(html: &str) -> Option<String> {
    tags(html)
        .into_iter()
        .find(|t| t.name == "form" && t.get("method").is_some_and(|m| m.eq_ignore_ascii_case("post")))
        .and_then(|t| t.get("action").map(str::to_owned))
}

/// The text inside the element that starts with `tag` (up to the first `</NAME`), unescaped.
pub fn content(html: &str, tag: &Tag) -> String {
    let close = format!("</{}", tag.name);
    let rest = &html[tag.end..];
    let end = rest.find(&close).unwrap_or(rest.len());
    unescape(&rest[..end])
}

/// What the page's first POST form submits as it stands, in the page's order: named text
/// inputs and hidden inputs, checked radios and checkboxes, textareas, selected options (a
/// single select with none selected sends its first).
pub fn form_fields(html: &str) -> Vec<(String, String)> {
    let all = tags(html);
    let Some(open) =
        all.iter().position(|t| t.name == "form" && t.get("method").is_some_and(|m| m.eq_ignore_ascii_case("post")))
    else {
        return Vec::new();
    };
    let close = html[all[open].end..].find("</form").map_or(html.len(), |e| all[open].end + e);
    let mut fields = Vec::new();
    let mut select: Option<(String, bool, bool, Option<String>)> = None; // name, multiple, chose, first
    let finish_select = |select: &mut Option<(String, bool, bool, Option<String>)>,
                         fields: &mut Vec<(String, String)>| {
        if let Some((name, multiple, chose, first)) = select.take()
            && !multiple
            && !chose
            && let Some(first) = first
        {
            fields.push((name, first));
        }
    };
    for tag in all.iter().filter(|t| t.start > all[open].start && t.start < close) {
        match tag.name.as_str() {
            "input" => {
                finish_select(&mut select, &mut fields);
                let Some(name) = tag.get("name") else { continue };
                let kind = tag.get("type").unwrap_or("text").to_ascii_lowercase();
                let value = tag.get("value").unwrap_or_default().to_owned();
                match kind.as_str() {
                    "radio" | "checkbox" => {
                        if tag.has("checked") {
                            fields.push((name.to_owned(), if tag.has("value") { value } else { "on".into() }));
                        }
                    }
                    "submit" | "button" | "image" | "reset" | "file" => {}
                    _ => fields.push((name.to_owned(), value)),
                }
            }
            "textarea" => {
                finish_select(&mut select, &mut fields);
                if let Some(name) = tag.get("name") {
                    // A browser drops one new line at the start of a textarea's text.
                    let text = content(html, tag);
                    let text = text.strip_prefix('\n').map(str::to_owned).unwrap_or(text);
                    fields.push((name.to_owned(), text.replace('\n', "\r\n")));
                }
            }
            "select" => {
                finish_select(&mut select, &mut fields);
                if let Some(name) = tag.get("name") {
                    select = Some((name.to_owned(), tag.has("multiple"), false, None));
                }
            }
            "option" => {
                if let Some((name, _, chose, first)) = select.as_mut() {
                    let value = tag.get("value").map_or_else(|| content(html, tag).trim().to_owned(), str::to_owned);
                    if first.is_none() {
                        *first = Some(value.clone());
                    }
                    if tag.has("selected") {
                        *chose = true;
                        fields.push((name.clone(), value));
                    }
                }
            }
            _ => {}
        }
    }
    finish_select(&mut select, &mut fields);
    fields
}

/// Every string in a JSON value (member values, at any depth).
pub fn strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(text) => out.push(text.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|i| strings(i, out)),
        serde_json::Value::Object(members) => members.values().for_each(|m| strings(m, out)),
        _ => {}
    }
}

/// A copy of a fixture in a fresh folder, as `draft.json`.
pub fn copy_of(fixture: &str) -> (tempfile::TempDir, PathBuf) {
    let bytes = std::fs::read(crate::support::fixture(fixture)).unwrap();
    folder_with(Some(&bytes))
}
