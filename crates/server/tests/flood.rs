//! A flood of invitation acceptances with made-up links, from one client, in
//! a process of its own so its memory is this test's alone.

mod support;

use std::time::Duration;

use axum::http::StatusCode;
use portal_server::auth::MAX_FAILURES_PER_CLIENT;
use serde_json::json;
use support::{PASSWORD, team};

const FLOOD: usize = 200;
/// Resident memory the whole process may reach; hashing a password takes
/// 19 MiB, so a server that hashed for every request would pass it by far.
const MEMORY_LIMIT_KB: u64 = 150 * 1024;
/// Only a request stuck behind password hashing ever reaches it.
const STUCK: Duration = Duration::from_secs(120);

fn resident_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("Linux /proc");
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|value| value.split_whitespace().next()?.parse().ok())
        .expect("VmRSS in /proc/self/status")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn made_up_links_are_refused_in_bounded_memory_and_a_real_one_still_works() {
    let server = team().await.server;
    let admin = server.sign_in("admin@acme.example").await;
    let invited = server
        .call("POST", "/api/v1/users")
        .session(&admin)
        .json(&json!({ "name": "Nora New", "email": "nora@acme.example", "role": "editor" }))
        .send()
        .await;
    assert_eq!(invited.status, StatusCode::CREATED);
    let token = server.newest_link("/invitation/").await;

    let attacker = "203.0.113.7";
    let flood = (0..FLOOD).map(|i| {
        let call = server
            .call("POST", &format!("/api/v1/invitations/{i:064x}/accept"))
            .sent_from(attacker)
            .json(&json!({ "name": "Mallory", "password": PASSWORD }));
        async move { call.send().await }
    });
    let answers = tokio::time::timeout(STUCK, futures::future::join_all(flood))
        .await
        .expect("every request of the flood is answered");
    let mut refused = 0;
    let mut throttled = 0;
    for answer in &answers {
        assert_eq!(answer.headers["content-type"], "application/json");
        match (answer.status, answer.code()) {
            (StatusCode::NOT_FOUND, "invitation_invalid") => refused += 1,
            (StatusCode::TOO_MANY_REQUESTS, "too_many_attempts") => {
                assert!(answer.headers.contains_key("retry-after"));
                throttled += 1;
            }
            other => panic!("unexpected answer {other:?}: {}", answer.body),
        }
    }
    // Attempts are counted as they start, so even requests in flight
    // together get no more than the allowance before being refused outright.
    assert_eq!(
        (refused, throttled),
        (MAX_FAILURES_PER_CLIENT, FLOOD - MAX_FAILURES_PER_CLIENT)
    );
    let resident = resident_kb();
    assert!(
        resident < MEMORY_LIMIT_KB,
        "the process holds {resident} kB after the flood"
    );

    // The flooding client is refused even with a real link, as a client
    // that keeps failing to sign in is even with the right password.
    let accept = |client: &'static str| {
        server
            .call("POST", &format!("/api/v1/invitations/{token}/accept"))
            .sent_from(client)
            .json(&json!({ "name": "Nora New", "password": PASSWORD }))
            .send()
    };
    assert_eq!(accept(attacker).await.status, StatusCode::TOO_MANY_REQUESTS);
    // Anyone else accepts it, and signs in with the new password.
    assert_eq!(accept("198.51.100.20").await.status, StatusCode::NO_CONTENT);
    let signed_in = server
        .call("POST", "/api/v1/session")
        .json(&json!({ "email": "nora@acme.example", "password": PASSWORD }))
        .send()
        .await;
    assert_eq!(signed_in.status, StatusCode::OK);
}
