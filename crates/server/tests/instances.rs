//! Two servers on one database, as a deployment with several instances
//! runs: what one does, the other sees, and the rules that guard changes
//! hold across both. Several servers are what PostgreSQL is for
//! (`PORTAL_TEST_DATABASE_URL`); on SQLite only the session test runs (two
//! servers on one file share sessions, but a write that read first fails
//! with "database is locked" when the other server wrote meanwhile, and
//! each counts failed sign-ins in its own memory).

mod support;

use axum::http::StatusCode;
use serde_json::json;
use support::{TestServer, team, valid_contact_info};

/// Whether the servers share a PostgreSQL database (else an SQLite file).
fn on_postgres(server: &TestServer) -> bool {
    server.db.engine() == portal_server::db::Engine::Postgres
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs PostgreSQL: cargo xtask test --layer postgres"]
async fn racing_writers_on_two_servers_have_exactly_one_winner() {
    let t = team().await;
    let a = &t.server;
    assert!(on_postgres(a), "set PORTAL_TEST_DATABASE_URL");
    let b = a.another_instance();
    let editor = a.sign_in("editor@acme.example").await;
    let admin = b.sign_in("admin@acme.example").await;
    let body = valid_contact_info(t.admin);
    let writers = (0..20).map(|i| {
        let (server, token) = if i % 2 == 0 {
            (a, &editor)
        } else {
            (&b, &admin)
        };
        server
            .call("PUT", "/api/v1/account/contact-info")
            .session(token)
            .header("if-match", "\"0\"")
            .json(&body)
            .send()
    });
    let statuses: Vec<StatusCode> = futures::future::join_all(writers)
        .await
        .into_iter()
        .map(|answer| answer.status)
        .collect();
    let won = statuses.iter().filter(|s| **s == StatusCode::OK).count();
    let stale = statuses
        .iter()
        .filter(|s| **s == StatusCode::PRECONDITION_FAILED)
        .count();
    assert_eq!((won, stale), (1, 19), "{statuses:?}");
    let updates = b
        .count("SELECT COUNT(*) FROM audit_log WHERE action = 'contact_info.update'")
        .await;
    assert_eq!(updates, 1);
}

#[tokio::test]
async fn a_session_works_on_every_server_and_signing_out_on_one_ends_it_on_all() {
    let t = team().await;
    let a = &t.server;
    let b = a.another_instance();
    let token = a.sign_in("editor@acme.example").await;
    let on_b = b.get("/api/v1/session").session(&token).send().await;
    assert_eq!(on_b.status, StatusCode::OK);
    assert_eq!(on_b.body["user"]["email"], "editor@acme.example");

    let out = b
        .call("DELETE", "/api/v1/session")
        .session(&token)
        .send()
        .await;
    assert_eq!(out.status, StatusCode::NO_CONTENT);
    let on_a = a.get("/api/v1/account").session(&token).send().await;
    assert_eq!(on_a.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
#[ignore = "needs PostgreSQL: cargo xtask test --layer postgres"]
async fn wrong_passwords_on_two_servers_are_throttled_as_one() {
    let t = team().await;
    let a = &t.server;
    assert!(on_postgres(a), "set PORTAL_TEST_DATABASE_URL");
    let b = a.another_instance();
    let limit = portal_server::auth::MAX_FAILURES_PER_ADDRESS;
    for i in 0..limit {
        let server = if i % 2 == 0 { a } else { &b };
        let answer = server
            .call("POST", "/api/v1/session")
            .sent_from("203.0.113.7")
            .json(&json!({ "email": "admin@acme.example", "password": "not the password" }))
            .send()
            .await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "attempt {i}");
    }
    for server in [a, &b] {
        let answer = server
            .call("POST", "/api/v1/session")
            .sent_from("198.51.100.1")
            .json(&json!({ "email": "admin@acme.example", "password": support::PASSWORD }))
            .send()
            .await;
        assert_eq!(answer.status, StatusCode::TOO_MANY_REQUESTS);
    }
}
