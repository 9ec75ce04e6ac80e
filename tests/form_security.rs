//! `nrm form`'s security and privacy controls (form.md, "Security and privacy"), each tested so
//! that the test fails if the control is removed: raw HTTP/1.1 over std::net, so that a request
//! can come without the cookie, from another `Host` or `Origin`, or without the form token.

mod form_support;
mod support;

use form_support::{Ended, Form, Response, copy_of, folder_with, links, strings, tags, unescape};
use serde_json::{Value, json};
use std::net::{IpAddr, SocketAddr, TcpStream};
use std::path::Path;
use std::time::Duration;
use support::{TODAY, fixture, nrm};

const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; \
                   frame-ancestors 'none'; base-uri 'none'";

/// The child example, whose values are all distinctive.
const CHILD: &str = "examples/child-england-pass.json";

fn example() -> Value {
    serde_json::from_slice(&std::fs::read(fixture(CHILD)).unwrap()).unwrap()
}

/// The draft's string values that could not turn up in a page's own words or addresses by
/// chance: not codes (`criminal`, `VN`, `within_month`), at least four characters.
fn distinctive(draft: &Value) -> Vec<String> {
    let mut all = Vec::new();
    strings(draft, &mut all);
    let is_code = |s: &str| {
        s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            || (s.len() <= 3 && s.chars().all(|c| c.is_ascii_uppercase()))
    };
    all.into_iter().filter(|s| s.chars().count() >= 4 && !is_code(s)).collect()
}

/// Whether `text` mentions `value`: anywhere for a value of four characters or more, else as a
/// whole word (so that "no" is not found in "nothing").
fn mentions(text: &str, value: &str) -> bool {
    if value.chars().count() >= 4 {
        text.contains(value)
    } else {
        text.split(|c: char| !c.is_alphanumeric()).any(|word| word == value)
    }
}

/// A refusal: 4xx, no page of the form, nothing from the draft.
fn assert_refused(response: &Response, draft: &Value, what: &str) {
    assert!((400..500).contains(&response.status), "{what}: refused, got {}", response.brief());
    assert_no_page(response, draft, what);
}

fn assert_no_page(response: &Response, draft: &Value, what: &str) {
    let body = response.body.to_ascii_lowercase();
    for marker in ["<form", "<input", "<html", "<!doctype", "<a "] {
        assert!(!body.contains(marker), "{what}: no page ({marker}), got {}", response.brief());
    }
    for value in distinctive(draft) {
        assert!(!response.body.contains(&value), "{what}: the body holds a value of the draft: {}", response.brief());
    }
    assert!(response.header("set-cookie").is_none(), "{what}: no cookie is set");
}

fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect()
}

/// A question page's own form as a browser would send it, with one answer changed: what a
/// forged request would carry.
fn changed_page(form: &Form, path: &str, name: &str, value: &str) -> Vec<(String, String)> {
    let page = form.get(path);
    assert_eq!(page.status, 200, "{path}: {}", page.brief());
    let mut sent: Vec<(String, String)> =
        form_support::form_fields(&page.body).into_iter().filter(|(n, _)| n != name).collect();
    sent.push((name.to_owned(), value.to_owned()));
    sent
}

fn headers_of(form: &Form, cookie: &str, origin: Option<&str>) -> Vec<(String, String)> {
    let mut headers = vec![
        ("Host".to_owned(), form.host()),
        ("Cookie".to_owned(), cookie.to_owned()),
        ("Content-Type".to_owned(), "application/x-www-form-urlencoded".to_owned()),
    ];
    if let Some(origin) = origin {
        headers.push(("Origin".to_owned(), origin.to_owned()));
    }
    headers
}

fn send(form: &Form, method: &str, path: &str, headers: &[(String, String)], body: &str) -> Response {
    let headers: Vec<(&str, &str)> = headers.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
    form.send(method, path, &headers, body.as_bytes())
}

#[test]
fn it_listens_on_127_0_0_1_only() {
    let (_folder, draft) = copy_of(CHILD);
    let form = Form::start(&draft, &[]);
    let host = form.address.strip_prefix("http://").unwrap().split('/').next().unwrap();
    assert_eq!(host, form.host(), "the printed address is on 127.0.0.1: {}", form.address);
    TcpStream::connect(("127.0.0.1", form.port)).expect("the form is reached on 127.0.0.1");
    let output = std::process::Command::new("hostname").arg("-I").output();
    let mut others: Vec<IpAddr> = output
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).split_whitespace().filter_map(|a| a.parse().ok()).collect())
        .unwrap_or_default();
    others.retain(|a: &IpAddr| !a.is_loopback());
    // ::1 is loopback but not 127.0.0.1: the form is not there either.
    others.push("::1".parse().unwrap());
    if others.len() == 1 {
        eprintln!("this machine has no address but loopback: only ::1 is tried");
    }
    for address in others {
        let reached = TcpStream::connect_timeout(&SocketAddr::new(address, form.port), Duration::from_secs(2));
        assert!(reached.is_err(), "the form is not reached on {address}");
    }
}

#[test]
fn the_token_has_at_least_128_random_bits_and_changes_every_run() {
    let (_folder, draft) = copy_of(CHILD);
    let first = Form::start(&draft, &[]);
    let second = Form::start(&draft, &[]);
    for form in [&first, &second] {
        let prefix = format!("http://127.0.0.1:{}/?token=", form.port);
        assert!(form.address.starts_with(&prefix), "{}", form.address);
        assert!(form.token.len() >= 32, "at least 128 bits in hexadecimal: {}", form.token);
        assert!(form.token.chars().all(|c| c.is_ascii_hexdigit()), "hexadecimal: {}", form.token);
    }
    assert_ne!(first.token, second.token, "a new token every run");
}

#[test]
fn the_token_becomes_an_http_only_strict_cookie_once() {
    let (_folder, draft) = copy_of(CHILD);
    let mut form = Form::start(&draft, &[]);
    let value = example();

    let guess = form.send("GET", &format!("/?token={}", "0".repeat(64)), &[("Host", &form.host())], b"");
    assert_refused(&guess, &value, "a guessed token");

    let first = form.send("GET", &form.token_path(), &[("Host", &form.host())], b"");
    assert_eq!(first.status, 303, "a redirect: {}", first.brief());
    let location = first.location().expect("it says where to");
    assert!(!location.contains(&form.token) && !location.contains("token"), "the address has no token: {location}");
    assert!(location.starts_with('/') || location.starts_with(&form.origin()), "to the form: {location}");
    let cookies = first.all("set-cookie");
    assert_eq!(cookies.len(), 1, "one cookie: {cookies:?}");
    let parts: Vec<&str> = cookies[0].split(';').map(str::trim).collect();
    let (name, secret) = parts[0].split_once('=').expect("name=value");
    assert_eq!(name, "nrm_form");
    assert!(secret.len() >= 32, "the cookie is a secret too: {secret}");
    assert_ne!(secret, form.token, "the cookie is not the printed token");
    let attributes: Vec<String> = parts[1..].iter().map(|a| a.to_ascii_lowercase()).collect();
    for wanted in ["httponly", "samesite=strict", "path=/"] {
        assert!(attributes.iter().any(|a| a == wanted), "{wanted} in {cookies:?}");
    }

    let again = form.send("GET", &form.token_path(), &[("Host", &form.host())], b"");
    assert_eq!(again.status, 403, "the token works once: {}", again.brief());
    assert_refused(&again, &value, "the token used again");

    form.cookie = Some(parts[0].to_owned());
    let with_cookie = form.send(
        "GET",
        &form.token_path(),
        &[("Host", &form.host()), ("Cookie", form.cookie.as_deref().unwrap())],
        b"",
    );
    assert_eq!(with_cookie.status, 403, "the token works once, whoever offers it: {}", with_cookie.brief());
    assert!(with_cookie.header("set-cookie").is_none());
    let tasks = form.get("/tasks");
    assert_eq!(tasks.status, 200, "the cookie opens the form: {}", tasks.brief());
}

/// Pages of every kind, and what is not a page.
const ADDRESSES: [&str; 11] = [
    "/",
    "/start",
    "/start/route",
    "/tasks",
    "/section/exploitation/1",
    "/section/personal/1",
    "/check",
    "/finish",
    "/style.css",
    "/no-such-page",
    "/section/exploitation/1?return=check",
];

#[test]
fn without_the_cookie_every_request_gets_403_and_no_page() {
    let (folder, draft) = copy_of(CHILD);
    let mut form = Form::start(&draft, &[]);
    let value = example();
    let before = form.bytes();
    // Before the token is taken, and after, by someone else.
    for round in ["before the token is used", "after the token is used"] {
        for address in ADDRESSES {
            let response = form.send("GET", address, &[("Host", &form.host())], b"");
            assert_eq!(response.status, 403, "{round}: GET {address}: {}", response.brief());
            assert_no_page(&response, &value, &format!("{round}: GET {address}"));
        }
        if form.cookie.is_none() {
            form.log_in();
        }
    }
    // A POST that would change the draft, with the right form token and origin but no cookie.
    let sent = changed_page(&form, "/section/exploitation/1", "/exploitation/when", "Forged without a cookie");
    let sent: Vec<(String, String)> = sent.into_iter().filter(|(n, _)| n != "_token").collect();
    for (path, body) in [
        ("/section/exploitation/1", sent.clone()),
        ("/start", fields(&[("/potential_victim/age_status", "adult"), ("/nation", "wales")])),
        ("/finish", fields(&[("_out", folder.path().join("out").to_str().unwrap())])),
        ("/close", vec![]),
    ] {
        let mut body = body;
        body.push(("_token".into(), form.form_token()));
        let headers = vec![
            ("Host".to_owned(), form.host()),
            ("Origin".to_owned(), form.origin()),
            ("Content-Type".to_owned(), "application/x-www-form-urlencoded".to_owned()),
        ];
        let response = send(&form, "POST", path, &headers, &form_support::encode(&body));
        assert_eq!(response.status, 403, "POST {path} without the cookie: {}", response.brief());
        assert_no_page(&response, &value, &format!("POST {path}"));
    }
    assert_eq!(form.bytes(), before, "the draft is unchanged");
    assert!(!folder.path().join("out").exists(), "no package");
    assert_eq!(form.get("/tasks").status, 200, "the form is still open");
}

#[test]
fn a_wrong_cookie_is_refused() {
    let (_folder, draft) = copy_of(CHILD);
    let form = Form::open(&draft);
    let value = example();
    let right = form.cookie.clone().unwrap();
    let secret = right.strip_prefix("nrm_form=").unwrap();
    let mut flipped = secret.to_owned();
    let last = flipped.pop().unwrap();
    flipped.push(if last == '0' { '1' } else { '0' });
    let wrong = [
        format!("nrm_form={}", "0".repeat(secret.len())),
        format!("nrm_form={flipped}"),
        format!("nrm_form={}", &secret[..secret.len() - 1]),
        format!("nrm_form={secret}0"),
        "nrm_form=".to_owned(),
        format!("other={secret}"),
        format!("nrm_form={}", form.token),
    ];
    for cookie in &wrong {
        for address in ["/tasks", "/check", "/section/exploitation/1"] {
            let response = form.send("GET", address, &[("Host", &form.host()), ("Cookie", cookie)], b"");
            assert_eq!(response.status, 403, "Cookie: {cookie}: GET {address}: {}", response.brief());
            assert_no_page(&response, &value, &format!("Cookie {cookie}"));
        }
    }
    assert_eq!(form.get("/tasks").status, 200, "the right cookie opens the form");
}

#[test]
fn a_request_for_another_host_is_refused() {
    let (_folder, draft) = copy_of(CHILD);
    let mut form = Form::start(&draft, &[]);
    let value = example();
    let port = form.port;
    let foreign = [
        format!("evil.example:{port}"),
        "127.0.0.1:1".to_owned(),
        "localhost:1".to_owned(),
        "127.0.0.1".to_owned(),
        "localhost".to_owned(),
        "evil.example".to_owned(),
        format!("127.0.0.2:{port}"),
        format!("0.0.0.0:{port}"),
        format!("[::1]:{port}"),
        format!("127.0.0.1:{port}.evil.example"),
        format!("evil.127.0.0.1:{port}"),
    ];
    // The token's exchange from a rebound name gives no cookie.
    let rebound = form.send("GET", &form.token_path(), &[("Host", &foreign[0])], b"");
    assert_refused(&rebound, &value, "the token offered under another Host");
    form.log_in();
    let cookie = form.cookie.clone().unwrap();
    for host in &foreign {
        for address in ["/tasks", "/check", "/style.css"] {
            let response = form.send("GET", address, &[("Host", host), ("Cookie", &cookie)], b"");
            assert_refused(&response, &value, &format!("Host: {host}: GET {address}"));
        }
    }
    let no_host = form.send("GET", "/tasks", &[("Cookie", &cookie)], b"");
    assert_refused(&no_host, &value, "no Host");
    // A forged Continue under a rebound name, its Origin matching that name.
    let before = form.bytes();
    let mut sent = changed_page(&form, "/section/exploitation/1", "/exploitation/when", "Forged by rebinding");
    sent.push(("_token".into(), form.form_token()));
    let body = form_support::encode(&sent);
    let evil = format!("evil.example:{port}");
    let headers = vec![
        ("Host".to_owned(), evil.clone()),
        ("Cookie".to_owned(), cookie.clone()),
        ("Origin".to_owned(), format!("http://{evil}")),
        ("Content-Type".to_owned(), "application/x-www-form-urlencoded".to_owned()),
    ];
    let response = send(&form, "POST", "/section/exploitation/1", &headers, &body);
    assert_refused(&response, &value, "a POST under another Host");
    assert_eq!(form.bytes(), before, "the draft is unchanged");
    // The form's own names are served.
    for host in [form.host(), format!("localhost:{port}")] {
        let response = form.send("GET", "/tasks", &[("Host", &host), ("Cookie", &cookie)], b"");
        assert_eq!(response.status, 200, "Host: {host}: {}", response.brief());
    }
}

/// The child example written compactly, its members in reverse order and with a member the
/// format does not know: any rewrite of the file changes its bytes.
fn unusual_layout() -> Vec<u8> {
    let value = example();
    let mut members: Vec<(String, Value)> = value.as_object().unwrap().clone().into_iter().collect();
    members.reverse();
    let mut text = String::from("{");
    for (at, (name, member)) in members.iter().enumerate() {
        if at > 0 {
            text.push(',');
        }
        text.push_str(&format!("{}:{}", json!(name), member));
    }
    text.push_str(",\"zz_local_note\":\"kept\"}");
    text.into_bytes()
}

#[test]
fn a_get_never_changes_the_file() {
    let bytes = unusual_layout();
    let (folder, draft) = folder_with(Some(&bytes));
    let form = Form::open(&draft);
    let pages = form.pages();
    assert!(pages.iter().filter(|(a, _)| a.starts_with("/section/")).count() > 20, "the walk reaches the sections");
    let token = form.form_token();
    // Answers in a GET's query, and a HEAD, change nothing either.
    let query = form_support::encode(&fields(&[
        ("/exploitation/when", "Sent by GET"),
        ("/nation", "wales"),
        ("_token", &token),
        ("_out", folder.path().join("out").to_str().unwrap()),
    ]));
    for address in ["/section/exploitation/1", "/start", "/start/route", "/finish", "/close", "/migrate", "/check"] {
        form.get(&format!("{address}?{query}"));
        let cookie = form.cookie.clone().unwrap();
        form.send("HEAD", &format!("{address}?{query}"), &[("Host", &form.host()), ("Cookie", &cookie)], b"");
    }
    assert_eq!(form.bytes(), bytes, "the file is byte for byte what it was");
    let names: Vec<String> = std::fs::read_dir(folder.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["draft.json"], "no other file is written");
    assert_eq!(form.get("/tasks").status, 200, "the form is still open (a GET of /close does not close it)");
}

#[test]
fn a_post_without_the_form_token_is_refused() {
    let (folder, draft) = copy_of(CHILD);
    let form = Form::open(&draft);
    let value = example();
    let before = form.bytes();
    let token = form.form_token();
    let cookie = form.cookie.clone().unwrap();
    let mut flipped = token.clone();
    let last = flipped.pop().unwrap();
    flipped.push(if last == '0' { '1' } else { '0' });
    let page = changed_page(&form, "/section/exploitation/1", "/exploitation/when", "Forged without the form token");
    let page: Vec<(String, String)> = page.into_iter().filter(|(n, _)| n != "_token").collect();
    let out = folder.path().join("out");
    let headers = headers_of(&form, &cookie, Some(&form.origin()));
    let secret = cookie.strip_prefix("nrm_form=").unwrap().to_owned();
    let wrong: [Option<&str>; 6] =
        [None, Some(""), Some(&"0".repeat(64)), Some(&flipped), Some(&form.token), Some(&secret)];
    for offered in wrong {
        let with = |mut body: Vec<(String, String)>| {
            if let Some(offered) = offered {
                body.insert(0, ("_token".into(), offered.to_owned()));
            }
            form_support::encode(&body)
        };
        for (path, body) in [
            ("/section/exploitation/1", with(page.clone())),
            ("/start", with(fields(&[("/potential_victim/age_status", "adult"), ("/nation", "wales")]))),
            ("/finish", with(fields(&[("_out", out.to_str().unwrap()), ("_version", &hash(&before))]))),
            ("/migrate", with(vec![])),
            ("/close", with(vec![])),
        ] {
            let response = send(&form, "POST", path, &headers, &body);
            assert_eq!(response.status, 403, "POST {path} with _token {offered:?}: {}", response.brief());
            assert_no_page(&response, &value, &format!("POST {path}"));
        }
    }
    assert_eq!(form.bytes(), before, "the draft is unchanged");
    assert!(!out.exists(), "no package");
    // With the token, the same Continue is taken (so the refusals above are the token's).
    let mut right = page.clone();
    right.push(("_token".into(), token));
    let taken = send(&form, "POST", "/section/exploitation/1", &headers, &form_support::encode(&right));
    assert_eq!(taken.status, 303, "{}", taken.brief());
    assert_eq!(form.json()["exploitation"]["when"], "Forged without the form token");
}

fn hash(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn a_post_from_another_origin_is_refused() {
    let (folder, draft) = copy_of(CHILD);
    let form = Form::open(&draft);
    let value = example();
    let before = form.bytes();
    let token = form.form_token();
    let cookie = form.cookie.clone().unwrap();
    let mut page = changed_page(&form, "/section/exploitation/1", "/exploitation/when", "Forged from elsewhere");
    page.push(("_token".into(), token.clone()));
    let out = folder.path().join("out");
    let port = form.port;
    let origins = [
        None,
        Some("null".to_owned()),
        Some("http://evil.example".to_owned()),
        Some(format!("http://evil.example:{port}")),
        Some("http://127.0.0.1:1".to_owned()),
        Some("http://127.0.0.1".to_owned()),
        Some(format!("https://127.0.0.1:{port}")),
        Some(format!("http://127.0.0.1:{port}.evil.example")),
        Some(format!("http://127.0.0.2:{port}")),
    ];
    for origin in &origins {
        let mut headers = headers_of(&form, &cookie, origin.as_deref());
        if origin.is_none() {
            // A Referer is not an Origin.
            headers.push(("Referer".into(), format!("{}/section/exploitation/1", form.origin())));
        }
        for (path, body) in [
            ("/section/exploitation/1", page.clone()),
            ("/start", fields(&[("/potential_victim/age_status", "adult"), ("/nation", "wales"), ("_token", &token)])),
            ("/finish", fields(&[("_out", out.to_str().unwrap()), ("_version", &hash(&before)), ("_token", &token)])),
            ("/close", fields(&[("_token", &token)])),
        ] {
            let response = send(&form, "POST", path, &headers, &form_support::encode(&body));
            assert_eq!(response.status, 403, "POST {path} with Origin {origin:?}: {}", response.brief());
            assert_no_page(&response, &value, &format!("POST {path}"));
        }
    }
    // Under `Referrer-Policy: no-referrer` a browser sends `Origin: null` even from the form's
    // own page, with the request's site in `Sec-Fetch-Site`, which no page can set.
    for site in [None, Some("cross-site"), Some("same-site"), Some("none")] {
        let mut headers = headers_of(&form, &cookie, Some("null"));
        headers.extend(site.map(|site| ("Sec-Fetch-Site".to_owned(), site.to_owned())));
        let response = send(&form, "POST", "/section/exploitation/1", &headers, &form_support::encode(&page));
        assert_eq!(response.status, 403, "Origin null, Sec-Fetch-Site {site:?}: {}", response.brief());
    }
    assert_eq!(form.bytes(), before, "the draft is unchanged");
    assert!(!out.exists(), "no package");
    let headers = headers_of(&form, &cookie, Some(&form.origin()));
    let taken = send(&form, "POST", "/section/exploitation/1", &headers, &form_support::encode(&page));
    assert_eq!(taken.status, 303, "from the form's own origin: {}", taken.brief());
    assert_eq!(form.json()["exploitation"]["when"], "Forged from elsewhere");
    let mut page = changed_page(&form, "/section/exploitation/1", "/exploitation/when", "As a browser posts it");
    page.push(("_token".into(), token.clone()));
    let mut headers = headers_of(&form, &cookie, Some("null"));
    headers.push(("Sec-Fetch-Site".into(), "same-origin".into()));
    let taken = send(&form, "POST", "/section/exploitation/1", &headers, &form_support::encode(&page));
    assert_eq!(taken.status, 303, "Origin null from the form's own page: {}", taken.brief());
    assert_eq!(form.json()["exploitation"]["when"], "As a browser posts it");
}

fn assert_security_headers(response: &Response, what: &str) {
    for (name, value) in [
        ("content-security-policy", CSP),
        ("cache-control", "no-store"),
        ("referrer-policy", "no-referrer"),
        ("x-content-type-options", "nosniff"),
    ] {
        assert_eq!(response.all(name), [value], "{what} ({}): {name}", response.status);
    }
}

#[test]
fn every_response_carries_the_security_headers() {
    let (_folder, draft) = copy_of(CHILD);
    let mut form = Form::start(&draft, &[]);
    let mut seen: Vec<(String, Response)> = Vec::new();
    let host = form.host();
    seen.push(("no cookie".into(), form.send("GET", "/tasks", &[("Host", &host)], b"")));
    seen.push(("a guessed token".into(), form.send("GET", "/?token=00", &[("Host", &host)], b"")));
    seen.push(("the token's exchange".into(), form.log_in()));
    seen.push(("the token again".into(), form.send("GET", &form.token_path(), &[("Host", &host)], b"")));
    let cookie = form.cookie.clone().unwrap();
    let evil = format!("evil.example:{}", form.port);
    seen.push(("another Host".into(), form.send("GET", "/tasks", &[("Host", &evil), ("Cookie", &cookie)], b"")));
    seen.push(("a wrong cookie".into(), form.send("GET", "/tasks", &[("Host", &host), ("Cookie", "nrm_form=0")], b"")));
    seen.push(("PUT".into(), form.send("PUT", "/tasks", &[("Host", &host), ("Cookie", &cookie)], b"x")));
    seen.push(("HEAD".into(), form.send("HEAD", "/tasks", &[("Host", &host), ("Cookie", &cookie)], b"")));
    for (address, response) in form.pages() {
        seen.push((format!("GET {address}"), response));
    }
    seen.push(("the stylesheet".into(), form.get("/style.css")));
    seen.push(("no such page".into(), form.get("/no/such/page")));
    let token = form.form_token();
    let no_token = fields(&[("/exploitation/when", "x")]);
    seen.push(("a POST without the token".into(), form.post("/section/exploitation/1", &no_token)));
    let headers = headers_of(&form, &cookie, None);
    let body = form_support::encode(&fields(&[("_token", &token)]));
    seen.push(("a POST without Origin".into(), send(&form, "POST", "/section/exploitation/1", &headers, &body)));
    seen.push(("a Continue".into(), form.continue_with("/section/exploitation/1", &[])));
    seen.push((
        "a Continue with an error".into(),
        form.continue_with(
            &form.page_asking("/potential_victim/claimed_age"),
            &[("/potential_victim/claimed_age", "about sixteen")],
        ),
    ));
    // A Continue after the file changed on disk.
    let page = form.get("/section/exploitation/1");
    let mut value = form.json();
    value["reference"] = json!("LCC-2026-0043");
    std::fs::write(&form.draft, serde_json::to_vec_pretty(&value).unwrap()).unwrap();
    let stale = form.post("/section/exploitation/1", &form_support::form_fields(&page.body));
    seen.push(("a stale Continue".into(), stale));
    seen.push(("POST /close".into(), form.post("/close", &fields(&[("_token", &token)]))));
    let statuses: std::collections::BTreeSet<u16> = seen.iter().map(|(_, r)| r.status).collect();
    for status in [200, 303, 403, 404] {
        assert!(statuses.contains(&status), "a {status} response is among those tested: {statuses:?}");
    }
    for (what, response) in &seen {
        assert_security_headers(response, what);
    }
}

#[test]
fn pages_use_no_script_and_nothing_from_elsewhere() {
    let (_folder, draft) = copy_of(CHILD);
    let form = Form::open(&draft);
    let mut pages = form.pages();
    pages.push((
        "an error".into(),
        form.continue_with(
            &form.page_asking("/potential_victim/claimed_age"),
            &[("/potential_victim/claimed_age", "x")],
        ),
    ));
    for (address, response) in &pages {
        let body = response.body.to_ascii_lowercase();
        for banned in ["<script", "<iframe", "<object", "<embed", "javascript:", "@import"] {
            assert!(!body.contains(banned), "{address}: {banned}");
        }
        for tag in tags(&response.body) {
            for (name, value) in &tag.attributes {
                assert!(!name.starts_with("on"), "{address}: no script in an {name} attribute");
                if ["src", "href", "action", "formaction", "srcset", "poster", "data", "background"]
                    .contains(&name.as_str())
                {
                    let value = value.trim().to_ascii_lowercase();
                    for elsewhere in ["http:", "https:", "//", "data:", "javascript:"] {
                        assert!(!value.starts_with(elsewhere), "{address}: <{} {name}={value:?}>", tag.name);
                    }
                }
            }
        }
    }
    let style = form.get("/style.css");
    assert_eq!(style.status, 200);
    assert!(style.header("content-type").is_some_and(|t| t.starts_with("text/css")), "{:?}", style.headers);
    let css = style.body.to_ascii_lowercase();
    assert!(
        !css.contains("@import") && !css.contains("url(http") && !css.contains("url(//"),
        "the stylesheet loads nothing"
    );
}

const SCRIPT: &str = "<script>alert(1)</script>";
const IMAGE: &str = "\"><img src=x onerror=alert(1)>";
const TEXTAREA: &str = "</textarea><b>";

/// The child example with hostile text in text members, textareas, a list's entries, a code, a
/// tick of the kinds of exploitation, a date, an item of evidence and the name of a member the
/// format does not know.
fn hostile() -> Value {
    let mut draft = example();
    draft["reference"] = json!(format!("LCC{SCRIPT}"));
    draft["first_responder"]["first_name"] = json!(IMAGE);
    draft["first_responder"]["role"] = json!(SCRIPT);
    draft["potential_victim"]["given_names"] = json!(SCRIPT);
    draft["potential_victim"]["family_name"] = json!(IMAGE);
    draft["potential_victim"]["nickname"] = json!(TEXTAREA);
    draft["potential_victim"]["gender"] = json!(SCRIPT);
    draft["potential_victim"]["nationality"] = json!(IMAGE);
    draft["potential_victim"]["current_location"]["town"] = json!(TEXTAREA);
    draft["background"]["family"] = json!(TEXTAREA);
    draft["background"]["education"] = json!(IMAGE);
    draft["exploitation"]["when"] = json!(SCRIPT);
    draft["exploitation"]["began_on"] = json!(IMAGE);
    draft["exploitation"]["uk_towns"] = json!(["Boston", IMAGE]);
    draft["exploitation"]["kinds"] = json!([SCRIPT]);
    draft["evidence"][0]["description"] = json!(IMAGE);
    draft["evidence"][1]["file"] = json!(TEXTAREA);
    draft[SCRIPT] = json!("a member the format does not know");
    draft
}

/// The input or textarea named `name` on a page, and the value it shows (unescaped).
fn shown(html: &str, name: &str) -> Option<String> {
    let all = tags(html);
    let tag = all.iter().find(|t| (t.name == "input" || t.name == "textarea") && t.get("name") == Some(name))?;
    Some(if tag.name == "textarea" {
        form_support::content(html, tag)
    } else {
        tag.get("value").unwrap_or_default().to_owned()
    })
}

#[test]
fn every_value_from_the_draft_is_escaped() {
    let draft_value = hostile();
    let (_folder, draft) = folder_with(Some(&serde_json::to_vec_pretty(&draft_value).unwrap()));
    let form = Form::open(&draft);
    let pages = form.pages();
    let raw = [SCRIPT, "<script", "<img", "<b>", TEXTAREA, "onerror=alert(1)>"];
    for (address, response) in &pages {
        for bad in raw {
            assert!(!response.body.contains(bad), "{address}: {bad:?} appears unescaped");
        }
        let body = &response.body;
        assert_eq!(
            body.matches("<textarea").count(),
            body.matches("</textarea>").count(),
            "{address}: textareas close"
        );
    }
    let body_of = |address: &str| {
        pages
            .iter()
            .find(|(a, _)| a == address)
            .map(|(_, r)| r.body.clone())
            .unwrap_or_else(|| panic!("{address} is walked"))
    };
    // Each hostile value comes back, escaped, where the form shows it.
    let page_with = |name: &str| {
        pages
            .iter()
            .find_map(|(address, r)| shown(&r.body, name).map(|v| (address.clone(), v)))
            .unwrap_or_else(|| panic!("a page has an input named {name}"))
    };
    for (name, wanted) in [
        ("/first_responder/first_name", IMAGE),
        ("/potential_victim/nickname", TEXTAREA),
        ("/potential_victim/nationality", IMAGE),
        ("/exploitation/uk_towns/1", IMAGE),
        ("/first_responder/role", SCRIPT),
        ("/potential_victim/given_names", SCRIPT),
        ("/potential_victim/family_name", IMAGE),
        ("/potential_victim/current_location/town", TEXTAREA),
        ("/background/family", TEXTAREA),
        ("/background/education", IMAGE),
        ("/exploitation/when", SCRIPT),
        ("/evidence/0/description", IMAGE),
        ("/evidence/1/file", TEXTAREA),
    ] {
        let (address, value) = page_with(name);
        assert_eq!(value, wanted, "{address}: {name} shows the value as it is, escaped");
    }
    let kinds = pages
        .iter()
        .flat_map(|(address, r)| tags(&r.body).into_iter().map(move |t| (address, t)))
        .find(|(_, t)| t.name == "input" && t.get("name") == Some("/exploitation/kinds") && t.has("checked"));
    let (address, kind) = kinds.expect("a page ticks the kind written in the file");
    assert_eq!(kind.get("value"), Some(SCRIPT), "{address}: the tick written in the file, escaped");
    let (address, year) = page_with("/exploitation/began_on#year");
    let parts = [year, page_with("/exploitation/began_on#month").1, page_with("/exploitation/began_on#day").1];
    assert!(parts.concat().contains("onerror=alert(1)>"), "{address}: the date as typed, escaped: {parts:?}");
    let check = body_of("/check");
    for escaped in ["&lt;script&gt;alert(1)&lt;", "&lt;img src=x onerror=alert(1)&gt;", "textarea&gt;&lt;b&gt;"] {
        assert!(check.contains(escaped), "check your answers shows {escaped}");
    }
    let text = unescape(&check);
    for value in [SCRIPT, IMAGE, TEXTAREA] {
        assert!(text.contains(value), "check your answers shows {value:?} as text");
    }
    let pointer = format!("/{}", SCRIPT.replace('~', "~0").replace('/', "~1"));
    assert!(text.contains(&pointer), "the unknown member is listed by its name, escaped");
}

/// Every address a response names: its Location and every link and form action.
fn addresses(response: &Response) -> Vec<String> {
    let mut all = links(&response.body);
    all.extend(response.all("location").into_iter().map(str::to_owned));
    all.extend(response.all("content-location").into_iter().map(str::to_owned));
    all
}

fn assert_quiet(ended: &Ended, draft: &Value) {
    let mut values = Vec::new();
    strings(draft, &mut values);
    for value in values.iter().filter(|v| !v.trim().is_empty()) {
        assert!(!mentions(&ended.stdout_rest, value), "stdout holds {value:?}: {:?}", ended.stdout_rest);
        assert!(!mentions(&ended.stderr, value), "stderr holds {value:?}: {:?}", ended.stderr);
    }
}

#[test]
fn no_value_from_the_draft_in_an_address_or_the_output() {
    let value = example();
    let (folder, draft) = copy_of(CHILD);
    // Home, temporary and cache folders of its own, to see that nothing is written there.
    let elsewhere = tempfile::tempdir().unwrap();
    let place = |name: &str| {
        let path = elsewhere.path().join(name);
        std::fs::create_dir(&path).unwrap();
        path.to_str().unwrap().to_owned()
    };
    let homes: Vec<(&str, String)> = ["HOME", "TMPDIR", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"]
        .into_iter()
        .map(|name| (name, place(name)))
        .collect();
    let env: Vec<(&str, &str)> = homes.iter().map(|(n, v)| (*n, v.as_str())).collect();
    let mut form = Form::start_with(&draft, &[], &env);
    form.log_in();
    let mut seen: Vec<(String, Response)> = form.pages();
    seen.push(("a Continue".into(), form.continue_with("/section/exploitation/1", &[])));
    seen.push((
        "a Continue with an error".into(),
        form.continue_with(
            &form.page_asking("/potential_victim/claimed_age"),
            &[("/potential_victim/claimed_age", "about sixteen")],
        ),
    ));
    seen.push((
        "a Continue to check".into(),
        form.continue_with(
            &format!("{}?return=check", form.page_asking("/potential_victim/claimed_age")),
            &[("/potential_victim/claimed_age", "16")],
        ),
    ));
    seen.push((
        "a Continue of names".into(),
        form.continue_with(&form.page_asking("/potential_victim/given_names"), &[]),
    ));
    seen.push(("check".into(), form.get("/check")));
    let finish = form.get("/finish");
    let out = folder.path().join("packages");
    let mut sent = form_support::form_fields(&finish.body);
    sent.retain(|(n, _)| n != "_out");
    sent.push(("_out".into(), out.to_str().unwrap().to_owned()));
    let finished = form.post("/finish", &sent);
    assert_eq!(finished.status, 200, "{}", finished.brief());
    assert!(out.join("LCC-2026-0042").join("referral.pdf").exists(), "the package is made: {}", finished.brief());
    seen.push(("finish".into(), finished));
    let mut saved = Vec::new();
    strings(&form.json(), &mut saved);
    let mut every = distinctive(&value);
    every.extend(distinctive(&form.json()));
    for (what, response) in &seen {
        for address in addresses(response) {
            for secret in &every {
                let encoded = form_support::encode(&[("x".into(), secret.clone())]);
                let encoded = encoded.strip_prefix("x=").unwrap();
                assert!(
                    !address.contains(secret.as_str()) && !address.contains(encoded),
                    "{what}: the address {address:?} holds the draft's {secret:?}"
                );
            }
        }
    }
    assert!(!form.address.contains("LCC"), "the printed address holds no value");
    let ended = form.terminate();
    assert_eq!(ended.status.code(), Some(0), "SIGTERM stops it cleanly: {}", ended.stderr);
    assert_quiet(&ended, &value);
    assert!(ended.stdout_rest.trim().is_empty(), "stdout is the one address line: {:?}", ended.stdout_rest);
    // The only files written are the draft and the package.
    for (name, path) in &env {
        let written: Vec<_> = std::fs::read_dir(path).unwrap().map(|e| e.unwrap().path()).collect();
        assert!(written.is_empty(), "nothing is written in {name}: {written:?}");
    }
    let mut names: Vec<String> = std::fs::read_dir(folder.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["draft.json", "packages"]);
}

#[test]
fn an_idle_form_stops_by_itself() {
    let (_folder, draft) = copy_of(CHILD);
    let mut form = Form::start(&draft, &["--idle", "0.02"]);
    let ended = form.wait_for_exit(Duration::from_secs(15)).expect("it stops after 1.2 s without a request");
    assert_eq!(ended.status.code(), Some(0), "{}", ended.stderr);
}

#[test]
fn sigterm_stops_it_with_status_0() {
    let (_folder, draft) = copy_of(CHILD);
    let mut form = Form::open(&draft);
    assert_eq!(form.get("/tasks").status, 200);
    let ended = form.terminate();
    assert_eq!(ended.status.code(), Some(0), "{}", ended.stderr);
    assert!(TcpStream::connect(("127.0.0.1", form.port)).is_err(), "nothing listens any more");
}

/// Runs `nrm form` that should not start; one that does start (prints its address) is stopped
/// at once, and its output returned all the same. `as_nobody`: as user 65534, through setpriv.
fn run_form_as(draft: &Path, extra: &[&str], as_nobody: bool) -> std::process::Output {
    let mut command = if as_nobody {
        let mut command = std::process::Command::new("setpriv");
        command.args(["--reuid=65534", "--regid=65534", "--clear-groups", env!("CARGO_BIN_EXE_nrm")]);
        command.env_remove("NRM_CONFIG").env("XDG_CONFIG_HOME", "/nonexistent").env("NO_COLOR", "1");
        command
    } else {
        nrm()
    };
    command.args(["form", "--no-browser", "--today", TODAY]).args(extra).arg(draft);
    let mut child = command
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let (line, read) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut all = Vec::new();
        let mut buffer = [0u8; 256];
        while let Ok(n) = std::io::Read::read(&mut stdout, &mut buffer) {
            if n == 0 {
                break;
            }
            all.extend_from_slice(&buffer[..n]);
            let _ = line.send(());
        }
        all
    });
    // It stops by itself, or it has started: then it is stopped.
    let started = read.recv_timeout(Duration::from_secs(10)).is_ok();
    if started {
        let _ = child.kill();
    }
    let mut output = child.wait_with_output().unwrap();
    output.stdout = reader.join().unwrap();
    output
}

fn run_form(draft: &Path, extra: &[&str]) -> std::process::Output {
    run_form_as(draft, extra, false)
}

fn assert_does_not_start(output: &std::process::Output, what: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        output.status.code(),
        Some(2),
        "{what}: stderr {stderr:?}, stdout {:?}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert!(!stderr.trim().is_empty(), "{what}: it says why");
    assert!(output.stdout.is_empty(), "{what}: no address");
}

#[test]
fn a_port_in_use_stops_it_with_status_2() {
    let (_folder, draft) = copy_of(CHILD);
    let before = std::fs::read(&draft).unwrap();
    let taken = std::net::TcpListener::bind(("127.0.0.1", 0)).unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    assert_does_not_start(&run_form(&draft, &["--port", &port]), "a port in use");
    assert_eq!(std::fs::read(&draft).unwrap(), before);
}

#[test]
fn a_bad_option_stops_it_with_status_2() {
    let (_folder, draft) = copy_of(CHILD);
    for bad in [
        "--idle=0",
        "--idle=-1",
        "--idle=nan",
        "--idle=1e300",
        "--port=65536",
        "--today=2026-13-01",
        "--no-such-option",
    ] {
        assert_does_not_start(&run_form(&draft, &[bad]), bad);
    }
}

/// Whether this test runs as root, who may write any folder.
fn is_root() -> bool {
    std::process::Command::new("id").arg("-u").output().is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

#[test]
fn a_folder_that_cannot_be_written_stops_it_with_status_2() {
    use std::os::unix::fs::PermissionsExt;
    let folder = tempfile::tempdir().unwrap();
    std::fs::write(folder.path().join("a-file"), b"{}").unwrap();
    for draft in [
        folder.path().join("no-such-folder").join("draft.json"),
        // A file where the folder should be.
        folder.path().join("a-file").join("draft.json"),
        // /proc takes no new files, whoever runs the test.
        Path::new("/proc/nrm-form-test-draft.json").to_path_buf(),
    ] {
        assert_does_not_start(&run_form(&draft, &[]), &draft.display().to_string());
    }
    // A read-only folder: a new draft cannot be made in it, and a draft that is there cannot be
    // saved (every save is a new file renamed over the old). Root writes any folder, so as root
    // the form runs as user 65534, where setpriv can.
    std::fs::set_permissions(folder.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let locked = folder.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    let existing = locked.join("existing.json");
    std::fs::copy(fixture(CHILD), &existing).unwrap();
    std::fs::set_permissions(&existing, std::fs::Permissions::from_mode(0o666)).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
    let as_nobody = is_root();
    if as_nobody {
        let can = std::process::Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", env!("CARGO_BIN_EXE_nrm"), "--version"])
            .output()
            .is_ok_and(|o| o.status.success());
        if !can {
            eprintln!("root, and nrm cannot run as user 65534: the read-only folder is not tried");
            std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
            return;
        }
    }
    for draft in [locked.join("new.json"), existing.clone()] {
        let output = run_form_as(&draft, &[], as_nobody);
        assert_does_not_start(&output, &format!("{} in a read-only folder", draft.display()));
    }
    assert_eq!(std::fs::read(&existing).unwrap(), std::fs::read(fixture(CHILD)).unwrap());
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn invisible_characters_are_shown_by_code_in_check_your_answers_and_kept_in_the_inputs() {
    let mut draft_value = example();
    draft_value["potential_victim"]["family_name"] = json!("Z\u{200B}W");
    draft_value["potential_victim"]["nickname"] = json!("A\u{202E}B");
    let (_folder, draft) = folder_with(Some(&serde_json::to_vec_pretty(&draft_value).unwrap()));
    let form = Form::open(&draft);
    let check = form.get("/check").body;
    for code in ["U+200B</span>", "U+202E</span>"] {
        assert!(check.contains(code), "check your answers shows the invisible {code}");
    }
    assert!(!check.contains('\u{200B}') && !check.contains('\u{202E}'), "and never the character itself");
    assert!(check.contains("<bdi>Z<span"), "each answer isolated in a <bdi>");
    let pages = form.pages();
    let input = pages.iter().find_map(|(_, r)| shown(&r.body, "/potential_victim/family_name"));
    assert_eq!(input.as_deref(), Some("Z\u{200B}W"), "the input keeps the value as typed");
}
