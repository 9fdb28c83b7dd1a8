//! The server's HTTP surface, exercised in-process with `tower::ServiceExt::oneshot`
//! against a real (temporary) SQLite database.

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use portal_domain::{ErrorBody, Health};
use portal_server::db::{Db, SCHEMA_VERSION};
use portal_server::{AppState, Config};
use tower::ServiceExt;

struct TestServer {
    app: Router,
    _dirs: tempfile::TempDir,
}

fn server() -> TestServer {
    let dirs = tempfile::tempdir().unwrap();
    let dist = dirs.path().join("dist");
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(
        dist.join("index.html"),
        "<!doctype html><title>app shell</title>",
    )
    .unwrap();
    std::fs::write(dist.join("app.js"), "console.log('app')").unwrap();
    let config = Config {
        port: 0,
        bind: [127, 0, 0, 1].into(),
        data_dir: dirs.path().join("data"),
        dist_dir: dist,
    };
    std::fs::create_dir_all(&config.data_dir).unwrap();
    let db = Db::open(&config.database_path()).unwrap();
    TestServer {
        app: portal_server::app(AppState { db }, &config),
        _dirs: dirs,
    }
}

async fn get(server: &TestServer, path: &str) -> (StatusCode, String, Vec<u8>) {
    let response = server
        .app
        .clone()
        .oneshot(Request::get(path).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let body = response
        .into_body()
        .collect()
        .await
        .unwrap()
        .to_bytes()
        .to_vec();
    (status, content_type, body)
}

#[tokio::test]
async fn health_reports_what_the_database_answered() {
    let server = server();
    let (status, content_type, body) = get(&server, "/api/v1/health").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(content_type, "application/json");
    let health: Health = serde_json::from_slice(&body).unwrap();
    assert_eq!(health.status, "ok");
    assert_eq!(health.database, "ok");
    assert_eq!(health.version, env!("CARGO_PKG_VERSION"));
    assert_eq!(health.schema_version, SCHEMA_VERSION);
    assert!(
        health.sqlite_version.starts_with("3."),
        "{}",
        health.sqlite_version
    );
}

#[tokio::test]
async fn unknown_api_routes_answer_a_json_404() {
    let server = server();
    for path in ["/api/v1/nope", "/api/v1/", "/api/v2/health"] {
        let (status, content_type, body) = get(&server, path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(content_type, "application/json", "{path}");
        let error: ErrorBody = serde_json::from_slice(&body).unwrap();
        assert_eq!(error.code, "not_found");
    }
}

#[tokio::test]
async fn deep_links_get_the_app_shell() {
    let server = server();
    for path in ["/", "/settings/contact", "/settings/users/"] {
        let (status, content_type, body) = get(&server, path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(
            content_type.starts_with("text/html"),
            "{path}: {content_type}"
        );
        assert!(String::from_utf8(body).unwrap().contains("app shell"));
    }
}

#[tokio::test]
async fn assets_are_served_and_missing_assets_are_404() {
    let server = server();
    let (status, _, body) = get(&server, "/app.js").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, b"console.log('app')");
    let (status, content_type, _) = get(&server, "/missing.js").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(!content_type.starts_with("text/html"));
}
