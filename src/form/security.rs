//! Locking the server to the person who started it (form.md, "Security and privacy"): the
//! printed one-time token becomes a cookie, every other request needs that cookie, a `Host`
//! other than the server's own is refused (DNS rebinding), a POST needs the session's form
//! token and the form's own `Origin` (cross-site request forgery; or, as browsers send it under
//! `no-referrer`, `Origin: null` with `Sec-Fetch-Site: same-origin`), and every response carries
//! headers that keep the page from being framed, cached, sniffed or followed by a referrer.

use super::App;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use std::sync::{Arc, Mutex};

/// The cookie's name.
const COOKIE: &str = "nrm_form";
/// The largest body a page posts: a draft is at most 1 MiB, and a page holds part of it.
const BODY_LIMIT: usize = 2 * 1024 * 1024;

pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'self'; img-src 'self'; \
     form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

pub struct Session {
    /// The printed token, until its one use.
    token: Mutex<Option<String>>,
    /// Shown once, so kept for printing.
    printed: String,
    cookie: String,
    form_token: String,
}

/// 256 random bits, in hexadecimal.
fn secret() -> Result<String, String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| format!("no randomness for the form's token: {e}"))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Compares secrets in time that does not depend on where they differ.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

impl Session {
    pub fn new() -> Result<Session, String> {
        let token = secret()?;
        Ok(Session { token: Mutex::new(Some(token.clone())), printed: token, cookie: secret()?, form_token: secret()? })
    }

    pub fn token(&self) -> &str {
        &self.printed
    }

    pub fn form_token(&self) -> &str {
        &self.form_token
    }

    /// Takes the one-time token, if this is it.
    fn redeem(&self, offered: &str) -> bool {
        let mut token = self.token.lock().expect("the token lock");
        if token.as_deref().is_some_and(|t| same(t, offered)) {
            *token = None;
            return true;
        }
        false
    }

    fn has_cookie(&self, headers: &HeaderMap) -> bool {
        headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| cookie::Cookie::split_parse(v.to_owned()))
            .filter_map(Result::ok)
            .any(|c| c.name() == COOKIE && same(c.value(), &self.cookie))
    }

    fn set_cookie(&self) -> String {
        cookie::Cookie::build((COOKIE, self.cookie.clone()))
            .http_only(true)
            .same_site(cookie::SameSite::Strict)
            .path("/")
            .build()
            .to_string()
    }
}

/// The answers a POST carried, for its handler (the body is read here, to check its form token).
#[derive(Clone)]
pub struct Posted(pub Arc<Vec<(String, String)>>);

/// A refusal: a status and a line of text, never a page of the form.
fn refuse(status: StatusCode, why: &'static str) -> Response {
    (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], why).into_response()
}

/// Every request passes here first.
pub async fn guard(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    let mut response = check(&app, request, next).await;
    let headers = response.headers_mut();
    for (name, value) in [
        (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
        (header::CACHE_CONTROL, "no-store"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
    ] {
        headers.insert(name, HeaderValue::from_static(value));
    }
    response
}

async fn check(app: &App, request: Request, next: Next) -> Response {
    let mut hosts = request.headers().get_all(header::HOST).iter();
    let host = match (hosts.next(), hosts.next()) {
        (Some(host), None) => host.to_str().unwrap_or_default(),
        _ => "",
    };
    // An address with its own host (`GET http://elsewhere/…`) must name the same one.
    let authority_agrees = request.uri().authority().is_none_or(|authority| authority.as_str() == host);
    let ours = host == format!("127.0.0.1:{}", app.port) || host == format!("localhost:{}", app.port);
    let origin = if ours && authority_agrees {
        format!("http://{host}")
    } else {
        return refuse(StatusCode::MISDIRECTED_REQUEST, "This address is not the form's own.");
    };
    if request.method() == Method::GET && request.uri().path() == "/" {
        let offered = request.uri().query().and_then(|query| {
            form_urlencoded::parse(query.as_bytes()).find(|(name, _)| name == "token").map(|(_, v)| v.into_owned())
        });
        if let Some(offered) = offered {
            if !app.session.redeem(&offered) {
                return refuse(StatusCode::FORBIDDEN, "This address has been used already. Start `nrm form` again.");
            }
            app.touch();
            let mut response = Redirect::to("/").into_response();
            let cookie = HeaderValue::from_str(&app.session.set_cookie()).expect("the cookie is ASCII");
            response.headers_mut().insert(header::SET_COOKIE, cookie);
            return response;
        }
    }
    if !app.session.has_cookie(request.headers()) {
        return refuse(StatusCode::FORBIDDEN, "This form is open only to the person who started it.");
    }
    app.touch();
    match *request.method() {
        Method::GET | Method::HEAD => next.run(request).await,
        Method::POST => {
            // Under `Referrer-Policy: no-referrer` a browser sends `Origin: null` even from the
            // form's own page; then its `Sec-Fetch-Site` (which no page can set) must say so.
            let headers = request.headers();
            let fetched_from = headers.get("sec-fetch-site").map(HeaderValue::as_bytes);
            let same_origin = match headers.get(header::ORIGIN).map(HeaderValue::as_bytes) {
                Some(b"null") => fetched_from == Some(b"same-origin"),
                Some(sent) => sent == origin.as_bytes(),
                None => false,
            };
            if !same_origin {
                return refuse(StatusCode::FORBIDDEN, "A change must come from the form's own pages.");
            }
            let (mut parts, body) = request.into_parts();
            let Ok(bytes) = axum::body::to_bytes(body, BODY_LIMIT).await else {
                return refuse(StatusCode::PAYLOAD_TOO_LARGE, "Too much was sent.");
            };
            let pairs: Vec<(String, String)> =
                form_urlencoded::parse(&bytes).map(|(n, v)| (n.into_owned(), v.into_owned())).collect();
            let token = pairs.iter().find(|(n, _)| n == "_token").map(|(_, v)| v.as_str()).unwrap_or_default();
            if !same(token, app.session.form_token()) {
                return refuse(StatusCode::FORBIDDEN, "A change must come from the form's own pages.");
            }
            parts.extensions.insert(Posted(Arc::new(pairs)));
            next.run(Request::from_parts(parts, Body::from(Bytes::new()))).await
        }
        _ => refuse(StatusCode::METHOD_NOT_ALLOWED, "Only GET and POST."),
    }
}
