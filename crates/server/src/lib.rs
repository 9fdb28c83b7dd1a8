//! The Partner Portal's reference server.
//!
//! One binary serves the JSON API under `/api/v1` and the built web app, and
//! keeps its data in an embedded SQLite database.

pub mod config;
pub mod db;
pub mod error;
mod routes;
mod web;

use std::net::SocketAddr;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::any;
use tokio::net::TcpListener;
use tower_http::trace::TraceLayer;

pub use config::Config;
use db::Db;
use error::ApiError;

/// The largest request body the API accepts; contact information is a few KB.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
}

/// The whole HTTP application: the API plus the web app from `config.dist_dir`.
pub fn app(state: AppState, config: &Config) -> Router {
    Router::new()
        .nest("/api/v1", routes::api().with_state(state))
        // Anything else under /api/ (other versions, stray slashes) is an API
        // miss, never the web app.
        .route("/api", any(not_found))
        .route("/api/{*rest}", any(not_found))
        .fallback_service(web::router(&config.dist_dir))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(TraceLayer::new_for_http())
}

async fn not_found() -> ApiError {
    ApiError::not_found()
}

/// Opens the database, binds the port and serves until Ctrl-C or SIGTERM.
pub async fn serve(config: Config) -> Result<(), Box<dyn std::error::Error>> {
    std::fs::create_dir_all(&config.data_dir).map_err(|e| {
        format!(
            "cannot create the data directory {}: {e}",
            config.data_dir.display()
        )
    })?;
    let db_path = config.database_path();
    let db = Db::open(&db_path)
        .map_err(|e| format!("cannot open the database {}: {e}", db_path.display()))?;
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
    tracing::info!(database = %db_path.display(), "database ready");
    println!("Partner Portal listening on http://{local}/");
    axum::serve(listener, app(AppState { db }, &config))
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
