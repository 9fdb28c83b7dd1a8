//! The Partner Portal's reference server.
//!
//! One binary serves the JSON API under `/api/v1` and the built web app, and
//! keeps its data in an embedded SQLite database.

pub mod admin;
pub mod auth;
pub mod clock;
pub mod config;
pub mod db;
pub mod error;
mod json;
pub mod mail;
mod notices;
mod openapi;
mod routes;
pub mod secrets;
mod security;
pub mod store;
mod verification;
mod web;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderMap, header};
use axum::middleware;
use axum::routing::any;
use tokio::net::TcpListener;
use tower_http::trace::TraceLayer;

pub use config::Config;
use db::Db;
use error::ApiError;
pub use routes::{PUBLIC_ROUTES, api_routes};

/// The largest request body the API accepts; contact information is a few KB.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub limiter: Arc<auth::Throttle>,
    /// Where users reach the portal, for links in mail.
    pub public_url: String,
    pub secure_cookies: bool,
    pub allowed_origins: Arc<Vec<String>>,
    /// Password hashing (argon2id, 19 MiB each) runs at most one per core at
    /// a time: a burst of sign-ins or invitation acceptances queues instead
    /// of taking the machine's memory.
    pub hashing: Arc<tokio::sync::Semaphore>,
    /// When the yearly review reminds, and when it locks the portal.
    pub review: portal_domain::ReviewPolicy,
}

impl AppState {
    pub fn new(db: Db, config: &Config) -> Self {
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
        Self {
            limiter: Arc::new(auth::Throttle::for_db(&db)),
            db,
            public_url: config.public_url(),
            secure_cookies: config.tls(),
            allowed_origins: Arc::new(config.allowed_origins.clone()),
            hashing: Arc::new(tokio::sync::Semaphore::new(cores)),
            // `serve` refuses settings for which this fails before it starts.
            review: config.review_policy().unwrap_or_default(),
        }
    }

    /// Runs `work` (password hashing or checking) on the blocking pool once a
    /// hashing slot is free.
    pub async fn hash_work<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, db::DbError> {
        let _slot = self
            .hashing
            .acquire()
            .await
            .map_err(|e| db::DbError::Task(e.to_string()))?;
        tokio::task::spawn_blocking(work)
            .await
            .map_err(|e| db::DbError::Task(e.to_string()))
    }
}

/// The `ETag` of a resource version.
pub fn etag(version: i64) -> String {
    format!("\"{version}\"")
}

/// The version a change was based on, from `If-Match` (required).
pub fn if_match(headers: &HeaderMap) -> Result<i64, ApiError> {
    let Some(value) = headers.get(header::IF_MATCH) else {
        return Err(ApiError::precondition_required());
    };
    value
        .to_str()
        .ok()
        .map(|v| v.trim().trim_start_matches("W/"))
        .and_then(|v| v.strip_prefix('"')?.strip_suffix('"')?.parse::<i64>().ok())
        .filter(|v| *v >= 0)
        .ok_or_else(|| {
            ApiError::bad_request(
                portal_domain::ErrorCode::InvalidIfMatch,
                "If-Match must be the ETag you read, e.g. \"3\" (with the quotes).",
            )
        })
}

/// The whole HTTP application: the API plus the web app from `config.dist_dir`.
pub fn app(state: AppState, config: &Config) -> Router {
    let site = web::Site::load(&config.dist_dir);
    let headers = security::SecurityHeaders::for_app(site.pages_html().as_deref(), config.tls());
    let api = routes::api()
        .layer(middleware::from_fn_with_state(
            state.clone(),
            security::refuse_cross_site,
        ))
        .with_state(state);
    Router::new()
        .nest("/api/v1", api)
        // Anything else under /api/ (other versions, stray slashes) is an API
        // miss, never the web app.
        .route("/api", any(not_found))
        .route("/api/{*rest}", any(not_found))
        .fallback_service(web::router(site))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(middleware::from_fn_with_state(
            headers,
            security::add_headers,
        ))
        .layer(TraceLayer::new_for_http())
}

async fn not_found() -> ApiError {
    ApiError::not_found()
}

/// Opens the database, prepares the first account, binds the port and serves
/// until Ctrl-C or SIGTERM.
pub async fn serve(config: Config) -> Result<(), Box<dyn std::error::Error>> {
    config.review_policy()?;
    if config.clock_offset_days != 0 {
        clock::advance(config.clock_offset_days.saturating_mul(86_400));
        tracing::warn!(
            "the clock runs {} days off the system clock (--clock-offset-days): now is {}",
            config.clock_offset_days,
            clock::rfc3339(clock::now())
        );
    }
    let db = admin::open(&config)?;
    admin::bootstrap(&db, &config).await?;
    if config.demo {
        admin::seed_demo(&db).await?;
    }
    match &config.smtp_url {
        Some(url) => {
            mail::Mailer::new(url, &config.mail_from)?.spawn(db.clone());
            tracing::info!("delivering mail over SMTP");
        }
        None => tracing::info!(
            "no SMTP server configured: mail is logged and kept in the outbox (portal-server admin outbox)"
        ),
    }
    if !config.dist_dir.join("index.html").is_file() {
        tracing::warn!(
            dist = %config.dist_dir.display(),
            "the web app is not built here; `cargo xtask serve` builds it"
        );
    }
    let addr = SocketAddr::new(config.bind, config.port);
    let listener = TcpListener::bind(addr)
        .await
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    let local = listener.local_addr()?;
    println!("Partner Portal listening on http://{local}/");
    let app = app(AppState::new(db, &config), &config);
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await?;
    println!("Partner Portal stopped.");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
