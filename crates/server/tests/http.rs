//! The server's HTTP surface, exercised in-process with `tower::ServiceExt::oneshot`
//! against a real (temporary) SQLite database.

mod support;

use axum::http::{StatusCode, header};
use portal_domain::{ErrorBody, ErrorCode, Health};
use portal_server::db::{Engine, SCHEMA_VERSION};
use support::TestServer;

async fn get(server: &TestServer, path: &str) -> (StatusCode, String, Vec<u8>) {
    let answer = server.get(path).send().await;
    let content_type = answer
        .headers
        .get(header::CONTENT_TYPE)
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let body = match answer.body {
        serde_json::Value::String(text) => text.into_bytes(),
        serde_json::Value::Null => Vec::new(),
        json => serde_json::to_vec(&json).unwrap(),
    };
    (answer.status, content_type, body)
}

fn server() -> impl std::future::Future<Output = TestServer> {
    TestServer::new()
}

#[tokio::test]
async fn health_reports_what_the_database_answered() {
    let server = server().await;
    let (status, content_type, body) = get(&server, "/api/v1/health").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(content_type, "application/json");
    let health: Health = serde_json::from_slice(&body).unwrap();
    assert_eq!(health.status, "ok");
    assert_eq!(health.database, "ok");
    assert_eq!(health.version, env!("CARGO_PKG_VERSION"));
    assert_eq!(health.schema_version, SCHEMA_VERSION);
    match server.db.engine() {
        Engine::Sqlite => {
            assert_eq!(health.engine, "sqlite");
            assert!(health.engine_version.starts_with("3."), "{health:?}");
            assert_eq!(health.sqlite_version, Some(health.engine_version));
        }
        Engine::Postgres => {
            assert_eq!(health.engine, "postgresql");
            let major: u32 = health
                .engine_version
                .split('.')
                .next()
                .unwrap()
                .parse()
                .unwrap();
            assert!(major >= 15, "{health:?}");
            assert_eq!(health.sqlite_version, None);
        }
    }
}

#[tokio::test]
async fn unknown_api_routes_answer_a_json_404() {
    let server = server().await;
    for path in ["/api/v1/nope", "/api/v1/", "/api/v2/health"] {
        let (status, content_type, body) = get(&server, path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(content_type, "application/json", "{path}");
        let error: ErrorBody = serde_json::from_slice(&body).unwrap();
        assert_eq!(error.code, ErrorCode::NotFound);
    }
}

#[tokio::test]
async fn deep_links_get_the_app_shell() {
    let server = server().await;
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
    let server = server().await;
    let (status, _, body) = get(&server, "/app.js").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, b"console.log('app')");
    let (status, content_type, _) = get(&server, "/missing.js").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(!content_type.starts_with("text/html"));
}

#[tokio::test]
async fn the_openapi_document_describes_every_route() {
    let server = server().await;
    let answer = server.get("/api/v1/openapi.json").send().await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(answer.body["openapi"].as_str().unwrap().starts_with("3.1"));
    let paths = answer.body["paths"].as_object().unwrap();
    let routed: std::collections::BTreeSet<(String, String)> = portal_server::api_routes()
        .into_iter()
        .map(|(path, method)| (path.to_owned(), method.as_str().to_lowercase()))
        .collect();
    assert!(routed.len() >= 18, "{routed:?}");
    for (path, method) in &routed {
        let operation = paths.get(path).and_then(|item| item.get(method));
        assert!(
            operation.is_some_and(|o| o["responses"].as_object().is_some_and(|r| !r.is_empty())),
            "{method} {path} is routed but not documented with its answers"
        );
    }
    let documented: std::collections::BTreeSet<(String, String)> = paths
        .iter()
        .flat_map(|(path, item)| {
            item.as_object()
                .unwrap()
                .keys()
                .filter(|key| ["get", "put", "post", "patch", "delete"].contains(&key.as_str()))
                .map(move |method| (path.clone(), method.clone()))
        })
        .collect();
    assert_eq!(
        documented, routed,
        "the document describes exactly the routes"
    );
    // Every answer a route's shape makes possible is listed.
    for (path, method) in &routed {
        let operation = &paths[path][method];
        let statuses: Vec<&str> = operation["responses"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let public = portal_server::PUBLIC_ROUTES
            .iter()
            .any(|(p, m)| p == path && m.as_str().eq_ignore_ascii_case(method));
        let mut expected = vec![];
        if !public {
            expected.push("401");
        }
        if operation.get("requestBody").is_some() {
            expected.extend(["400", "413", "415", "422"]);
        }
        if path.contains('{') {
            expected.push("404");
        }
        for status in expected {
            assert!(
                statuses.contains(&status),
                "{method} {path} lacks {status}: {statuses:?}"
            );
        }
    }
    let history = &paths["/account/contact-info/history"]["get"]["parameters"];
    let per_page = history
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "per_page")
        .unwrap();
    assert_eq!(per_page["schema"]["maximum"], 100.0);
    let if_match = paths["/users/{id}"]["patch"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "If-Match")
        .unwrap();
    assert!(if_match["schema"]["pattern"].as_str().is_some());
    let schemas = answer.body["components"]["schemas"].as_object().unwrap();
    assert!(schemas.contains_key("ContactInfo") && schemas.contains_key("ErrorBody"));
    // Paths and codes are plain strings on the wire; the codes are listed.
    assert_eq!(schemas["FieldPath"]["type"], "string");
    let codes = schemas["Code"]["enum"].as_array().unwrap();
    assert!(codes.contains(&"invalid_email".into()), "{codes:?}");
    let error_codes = schemas["ErrorCode"]["enum"].as_array().unwrap();
    assert!(
        error_codes.contains(&"version_conflict".into()),
        "{error_codes:?}"
    );
}
