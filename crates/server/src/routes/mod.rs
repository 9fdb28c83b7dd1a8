//! The JSON API under `/api/v1`.

mod health;

use axum::Router;
use axum::routing::get;

use crate::AppState;

/// Every API route; anything else under `/api/` answers a JSON 404.
pub fn api() -> Router<AppState> {
    Router::new()
        .route("/health", get(health::health))
        .fallback(crate::not_found)
}
