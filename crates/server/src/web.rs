//! Serving the built web app from `dist/`.
//!
//! Files that exist are served as they are. Any other path without a file
//! extension is a client-side route (a deep link such as `/settings/contact`),
//! so it gets `index.html` and the app's router takes over. A missing file with
//! an extension (`/missing.js`) is a plain 404: answering HTML for a script or
//! image would only hide the mistake.

use std::path::{Path, PathBuf};

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use tower_http::CompressionLevel;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;

/// Where the built app lives; shared by the fallback handler.
#[derive(Clone)]
struct Dist(PathBuf);

pub fn router(dist_dir: &Path) -> Router {
    let fallback = Router::new()
        .fallback(spa_fallback)
        .with_state(Dist(dist_dir.to_path_buf()));
    Router::new()
        .fallback_service(ServeDir::new(dist_dir).fallback(fallback))
        // The wasm bundle shrinks to about a third with brotli. Level 5 keeps
        // compressing each response cheap; a CDN in front can do better.
        .layer(
            CompressionLayer::new()
                .br(true)
                .gzip(true)
                .quality(CompressionLevel::Precise(5)),
        )
}

async fn spa_fallback(State(Dist(dist)): State<Dist>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return StatusCode::METHOD_NOT_ALLOWED.into_response();
    }
    let last_segment = uri.path().rsplit('/').next().unwrap_or_default();
    if last_segment.contains('.') {
        return (StatusCode::NOT_FOUND, "Not found\n").into_response();
    }
    match tokio::fs::read(dist.join("index.html")).await {
        Ok(html) => {
            let mut response = Body::from(html).into_response();
            let headers = response.headers_mut();
            headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            );
            // The shell must be revalidated so a new release is picked up at once.
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
            response
        }
        Err(_) => (
            StatusCode::NOT_FOUND,
            "The web app has not been built; run `cargo xtask serve`.\n",
        )
            .into_response(),
    }
}
