//! `nrm form`: the guided form (form.md), a web server inside `nrm` on 127.0.0.1, locked to the
//! person who started it. Every page reads the draft afresh and checks it with the same engine
//! as `nrm check`; every Continue writes it whole; Finish writes the package with the code of
//! `nrm render`. No value from the draft goes to a log, standard output or error, or an address.

mod answers;
mod pages;
mod security;
mod store;
mod views;

use crate::check::Settings;
use crate::commands::Failure;
use axum::Router;
use axum::routing::{get, post};
use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::Notify;

pub use security::Session;

/// What the server holds for the one person it serves.
pub struct App {
    pub store: store::Store,
    pub settings: Settings,
    /// The SCA's address and the sender, when the config names the SCA (for email.eml).
    pub sca: Option<(String, Option<String>)>,
    pub session: Session,
    pub port: u16,
    last_request: Mutex<Instant>,
    pub stop: Notify,
}

pub struct Options {
    pub draft: PathBuf,
    pub port: Option<u16>,
    pub idle: Duration,
    pub open_browser: bool,
    pub settings: Settings,
    pub sca: Option<(String, Option<String>)>,
}

/// Serves the form until the person finishes, Ctrl-C, SIGTERM or the idle time.
pub fn serve(options: Options) -> Result<(), Failure> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure(format!("cannot start the form's server: {e}")))?;
    runtime.block_on(run(options))
}

async fn run(options: Options) -> Result<(), Failure> {
    let store = store::Store::new(options.draft.clone());
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, options.port.unwrap_or(0)));
    let listener = tokio::net::TcpListener::bind(address)
        .await
        .map_err(|e| Failure(format!("cannot listen on {address}: {e}")))?;
    // Only once the form can be served: a start that fails leaves no new file behind.
    views::prepare(&store, &options.settings).map_err(Failure)?;
    let port = listener.local_addr().map_err(|e| Failure(format!("cannot listen: {e}")))?.port();
    let session = Session::new().map_err(Failure)?;
    let url = format!("http://127.0.0.1:{port}/?token={}", session.token());
    let app = Arc::new(App {
        store,
        settings: options.settings,
        sca: options.sca,
        session,
        port,
        last_request: Mutex::new(Instant::now()),
        stop: Notify::new(),
    });
    println!("{url}");
    use std::io::Write;
    std::io::stdout().flush().map_err(|e| Failure(format!("cannot write the address: {e}")))?;
    if options.open_browser && open::that_detached(&url).is_err() {
        eprintln!("nrm: cannot open a browser; open the address above in one");
    }
    let router = Router::new()
        .route("/", get(views::home))
        .route("/style.css", get(views::style))
        .route("/start", get(views::start).post(views::start_post))
        .route("/start/route", get(views::route).post(views::route_post))
        .route("/migrate", post(views::migrate))
        .route("/tasks", get(views::tasks))
        .route("/section/{section}/{page}", get(views::section_page).post(views::section_post))
        .route("/check", get(views::check_answers))
        .route("/finish", get(views::finish).post(views::finish_post))
        .route("/close", post(views::close))
        .fallback(views::not_found)
        .layer(axum::middleware::from_fn_with_state(app.clone(), security::guard))
        .with_state(app.clone());
    let idle = options.idle;
    let stopping = app.clone();
    axum::serve(listener, router)
        .with_graceful_shutdown(async move {
            tokio::select! {
                _ = stopping.stop.notified() => {}
                _ = tokio::signal::ctrl_c() => {}
                _ = terminated() => {}
                _ = idle_for(&stopping, idle) => {}
            }
        })
        .await
        .map_err(|e| Failure(format!("the form's server stopped: {e}")))
}

impl App {
    pub fn touch(&self) {
        *self.last_request.lock().expect("the clock lock") = Instant::now();
    }
}

async fn terminated() {
    match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
        Ok(mut signal) => {
            signal.recv().await;
        }
        Err(_) => std::future::pending().await,
    }
}

/// Resolves once no request has come for `idle`.
async fn idle_for(app: &App, idle: Duration) {
    loop {
        let since = app.last_request.lock().expect("the clock lock").elapsed();
        if since >= idle {
            return;
        }
        tokio::time::sleep(idle - since).await;
    }
}
