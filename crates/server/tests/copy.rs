//! `portal-server admin copy`: a deployment moves from SQLite to
//! PostgreSQL and the API answers exactly as before. The round trip needs
//! a PostgreSQL cluster (`PORTAL_TEST_DATABASE_URL`); the refusals that
//! happen before the target is reached run everywhere.

mod support;

use std::process::{Command, Output};

use axum::http::StatusCode;
use portal_domain::Role;
use serde_json::json;
use support::{TestServer, test_database_url, valid_contact_info};

fn copy(from: &std::path::Path, to: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_portal-server"))
        .args(["admin", "copy", "--from"])
        .arg(format!("sqlite://{}", from.display()))
        .args(["--to", to])
        .env("PORTAL_LOG", "warn")
        .output()
        .unwrap()
}

/// What the API answers for `path` to the session `token`: status, ETag
/// and the body's bytes.
async fn document(
    server: &TestServer,
    path: &str,
    token: &str,
) -> (StatusCode, Option<String>, Vec<u8>) {
    let (status, headers, body) = server.get(path).session(token).send_raw().await;
    let etag = headers.get("etag").map(|v| v.to_str().unwrap().to_owned());
    (status, etag, body)
}

const DOCUMENTS: [&str; 6] = [
    "/api/v1/session",
    "/api/v1/account",
    "/api/v1/account/contact-info",
    "/api/v1/account/contact-info/history",
    "/api/v1/account/contact-info/review",
    "/api/v1/users",
];

#[tokio::test]
#[ignore = "needs PostgreSQL: cargo xtask test --layer postgres"]
async fn a_copy_to_postgresql_answers_every_document_as_sqlite_did() {
    let target = test_database_url().expect("set PORTAL_TEST_DATABASE_URL");
    let source = TestServer::on_database(None).await;
    let account = source.account("Acme Tours", &["things_to_do"]).await;
    let admin = source
        .user(account, "admin@acme.example", Role::Administrator)
        .await;
    source
        .user(account, "editor@acme.example", Role::Editor)
        .await;
    let token = source.sign_in("admin@acme.example").await;
    let invited = source
        .call("POST", "/api/v1/users")
        .session(&token)
        .json(&json!({ "name": "Nora", "email": "nora@acme.example", "role": "read_only" }))
        .send()
        .await;
    assert_eq!(invited.status, StatusCode::CREATED, "{:?}", invited.body);
    // Contact information saved twice: version 2, and two entries of history.
    let mut info = valid_contact_info(admin);
    let first = source
        .call("PUT", "/api/v1/account/contact-info")
        .session(&token)
        .header("if-match", "\"0\"")
        .json(&info)
        .send()
        .await;
    assert_eq!(first.status, StatusCode::OK, "{:?}", first.body);
    info.technical_non_emergency[0].email = "tech-team@partner.example".into();
    let second = source
        .call("PUT", "/api/v1/account/contact-info")
        .session(&token)
        .header("if-match", &first.etag())
        .json(&info)
        .send()
        .await;
    assert_eq!(second.status, StatusCode::OK, "{:?}", second.body);
    let mut before = Vec::new();
    for path in DOCUMENTS {
        before.push(document(&source, path, &token).await);
    }

    let file = source.config.database_path();
    let copied = copy(&file, &target);
    let stdout = String::from_utf8_lossy(&copied.stdout);
    assert!(
        copied.status.success(),
        "{}",
        String::from_utf8_lossy(&copied.stderr)
    );
    assert!(stdout.contains("users: 3 rows"), "{stdout}");

    // The same session, on a server on the copy.
    let moved = TestServer::on_database(Some(target.clone())).await;
    for (path, expected) in DOCUMENTS.iter().zip(&before) {
        let (status, etag, body) = document(&moved, path, &token).await;
        assert_eq!(status, expected.0, "{path}");
        assert_eq!(etag, expected.1, "{path}");
        assert_eq!(
            String::from_utf8_lossy(&body),
            String::from_utf8_lossy(&expected.2),
            "{path}"
        );
    }
    // Work goes on where it stopped: the version the copy has, and new rows
    // with ids after the copied ones.
    info.technical_non_emergency[0].email = "tech@partner.example".into();
    let third = moved
        .call("PUT", "/api/v1/account/contact-info")
        .session(&token)
        .header("if-match", &second.etag())
        .json(&info)
        .send()
        .await;
    assert_eq!(third.status, StatusCode::OK, "{:?}", third.body);
    assert_eq!(third.etag(), "\"3\"");
    let another = moved
        .call("POST", "/api/v1/users")
        .session(&token)
        .json(&json!({ "name": "Olga", "email": "olga@acme.example", "role": "editor" }))
        .send()
        .await;
    assert_eq!(another.status, StatusCode::CREATED, "{:?}", another.body);

    // A second copy into the same database is refused and changes nothing.
    let again = copy(&file, &target);
    assert!(!again.status.success());
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(stderr.contains("not empty"), "{stderr}");
    assert_eq!(moved.count("SELECT COUNT(*) FROM users").await, 4);
}

#[test]
fn a_source_at_another_schema_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("old.sqlite3");
    let conn = rusqlite::Connection::open(&file).unwrap();
    conn.pragma_update(None, "user_version", 3).unwrap();
    drop(conn);
    // Nothing listens there: the source is refused before the target is tried.
    let refused = copy(&file, "postgres://portal@127.0.0.1:1/none");
    assert!(!refused.status.success());
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("schema version 3"), "{stderr}");
    assert!(stderr.contains("admin migrate"), "{stderr}");
}

#[test]
fn only_sqlite_to_postgresql_is_copied() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("portal.sqlite3");
    let refused = copy(&file, "sqlite://elsewhere.sqlite3");
    assert!(!refused.status.success());
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("--to must be a PostgreSQL database"),
        "{stderr}"
    );
}

/// On PostgreSQL the id of a new row is asked for (`lastval()`). When there
/// is none to give, that is an error, never an id of 0 handed on as a real one.
#[tokio::test]
#[ignore = "needs PostgreSQL: cargo xtask test --layer postgres"]
async fn a_new_rows_id_postgresql_cannot_give_is_an_error_not_zero() {
    let url = test_database_url().expect("set PORTAL_TEST_DATABASE_URL");
    let server = TestServer::on_database(Some(url)).await;
    assert_eq!(server.db.engine(), portal_server::db::Engine::Postgres);
    let answer = server
        .db
        .write(|conn| {
            // Forgets which id this connection's last insert was given.
            conn.execute_batch("DISCARD SEQUENCES")?;
            conn.last_insert_rowid()
        })
        .await;
    assert!(answer.is_err(), "{answer:?}");
}
