//! Outbox delivery over real SMTP, to a minimal SMTP server on loopback.

mod support;

use portal_domain::Role;
use portal_server::mail::Mailer;
use serde_json::json;
use std::time::Duration;
use support::{TestServer, team, test_database_url};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use tokio::sync::mpsc;

/// Accepts SMTP sessions and reports each message's envelope recipient and data.
async fn smtp_server() -> (u16, mpsc::UnboundedReceiver<(String, String)>) {
    slow_smtp_server(Duration::ZERO).await
}

/// As [`smtp_server`], taking `delay` to accept each message, as a busy
/// mail server does.
async fn slow_smtp_server(delay: Duration) -> (u16, mpsc::UnboundedReceiver<(String, String)>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = mpsc::unbounded_channel();
    tokio::spawn(async move {
        loop {
            let Ok((stream, _)) = listener.accept().await else {
                return;
            };
            let tx = tx.clone();
            tokio::spawn(async move {
                let (read, mut write) = stream.into_split();
                let mut lines = BufReader::new(read).lines();
                write.write_all(b"220 test ESMTP\r\n").await.unwrap();
                let (mut recipient, mut data, mut in_data) = (String::new(), String::new(), false);
                while let Ok(Some(line)) = lines.next_line().await {
                    if in_data {
                        if line == "." {
                            in_data = false;
                            tokio::time::sleep(delay).await;
                            tx.send((recipient.clone(), std::mem::take(&mut data)))
                                .unwrap();
                            write.write_all(b"250 queued\r\n").await.unwrap();
                        } else {
                            data.push_str(&line);
                            data.push('\n');
                        }
                        continue;
                    }
                    let upper = line.to_uppercase();
                    let reply: &[u8] = if upper.starts_with("EHLO") {
                        b"250-test\r\n250 8BITMIME\r\n"
                    } else if upper.starts_with("RCPT TO:") {
                        recipient = line[8..].trim().trim_matches(['<', '>']).to_owned();
                        b"250 ok\r\n"
                    } else if upper.starts_with("DATA") {
                        in_data = true;
                        b"354 go ahead\r\n"
                    } else if upper.starts_with("QUIT") {
                        write.write_all(b"221 bye\r\n").await.unwrap();
                        return;
                    } else {
                        b"250 ok\r\n"
                    };
                    write.write_all(reply).await.unwrap();
                }
            });
        }
    });
    (port, rx)
}

#[tokio::test]
async fn an_invitation_is_delivered_over_smtp_and_marked_sent() {
    let server = TestServer::new().await;
    let account = server.account("Acme Tours", &["things_to_do"]).await;
    server
        .user(account, "admin@acme.example", Role::Administrator)
        .await;
    let token = server.sign_in("admin@acme.example").await;
    let invited = server
        .call("POST", "/api/v1/users")
        .session(&token)
        .json(&json!({ "name": "Nora", "email": "nora@acme.example", "role": "editor" }))
        .send()
        .await;
    assert_eq!(invited.status, axum::http::StatusCode::CREATED);

    let (port, mut received) = smtp_server().await;
    let mailer = Mailer::new(
        &format!("smtp://127.0.0.1:{port}"),
        "Portal <portal@portal.test>",
    )
    .unwrap();
    assert_eq!(mailer.deliver_pending(&server.db).await, 1);

    let (recipient, data) = received.recv().await.unwrap();
    assert_eq!(recipient, "nora@acme.example");
    assert!(
        data.contains("Subject: Your invitation to the Partner Portal"),
        "{data}"
    );
    assert!(data.contains("http://portal.test/invitation/"), "{data}");
    let unsent: i64 = server
        .count("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL")
        .await;
    assert_eq!(unsent, 0);
    // Nothing is sent twice.
    assert_eq!(mailer.deliver_pending(&server.db).await, 0);
}

#[tokio::test]
async fn an_unreachable_mail_server_keeps_the_message_for_a_retry() {
    let server = TestServer::new().await;
    let account = server.account("Acme Tours", &["things_to_do"]).await;
    server
        .db
        .write(move |c| {
            portal_server::store::queue_mail(c, account, "x@acme.example", "Hello", "Body")
        })
        .await
        .unwrap();
    // A port nothing listens on.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mailer = Mailer::new(&format!("smtp://127.0.0.1:{closed}"), "portal@portal.test").unwrap();
    assert_eq!(mailer.deliver_pending(&server.db).await, 0);
    let (attempts, error): (i64, Option<String>) = server
        .sql(|c| {
            c.query_row("SELECT attempts, last_error FROM outbox", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
        })
        .await;
    assert_eq!(attempts, 1);
    assert!(error.is_some());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs PostgreSQL: cargo xtask test --layer postgres"]
async fn with_two_servers_delivering_each_message_goes_out_exactly_once() {
    let t = team().await;
    let a = &t.server;
    // Servers share an outbox on PostgreSQL only (see instances.rs).
    assert_eq!(
        a.db.engine(),
        portal_server::db::Engine::Postgres,
        "set PORTAL_TEST_DATABASE_URL"
    );
    let b = a.another_instance();
    let token = a.sign_in("admin@acme.example").await;
    let invited: Vec<String> = (0..6).map(|i| format!("guest{i}@acme.example")).collect();
    for email in &invited {
        let answer = a
            .call("POST", "/api/v1/users")
            .session(&token)
            .json(&json!({ "name": "Guest", "email": email, "role": "editor" }))
            .send()
            .await;
        assert_eq!(answer.status, axum::http::StatusCode::CREATED);
    }

    // Slow enough that both servers are sending at the same time.
    let (port, mut received) = slow_smtp_server(Duration::from_millis(150)).await;
    for server in [a, &b] {
        Mailer::new(&format!("smtp://127.0.0.1:{port}"), "portal@portal.test")
            .unwrap()
            .spawn(server.db.clone());
    }
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    while a
        .count("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL")
        .await
        > 0
    {
        assert!(
            tokio::time::Instant::now() < deadline,
            "the outbox never emptied"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // Time for a duplicate to arrive, were one on its way.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mut recipients = Vec::new();
    while let Ok((recipient, _)) = received.try_recv() {
        recipients.push(recipient);
    }
    recipients.sort();
    assert_eq!(recipients, invited);
    let attempts = a
        .count("SELECT COUNT(*) FROM outbox WHERE attempts <> 1")
        .await;
    assert_eq!(attempts, 0, "every message was handled once");
}

/// The server process behind a PostgreSQL connection.
async fn backend(own: &mut portal_server::db::Dedicated) -> i64 {
    own.run(|c| c.query_row("SELECT pg_backend_pid()", [], |r| r.get::<_, i64>(0)))
        .await
        .unwrap()
}

/// The delivery task keeps one connection of its own on PostgreSQL from
/// one pass to the next, instead of opening one every few seconds.
#[tokio::test]
#[ignore = "needs PostgreSQL: cargo xtask test --layer postgres"]
async fn on_postgresql_each_pass_reuses_the_delivery_connection() {
    let server = TestServer::on_database(test_database_url()).await;
    let mut own = server.db.dedicated().expect("set PORTAL_TEST_DATABASE_URL");
    let account = server.account("Acme Tours", &["things_to_do"]).await;
    let first = backend(&mut own).await;
    let (port, mut received) = smtp_server().await;
    let mailer = Mailer::new(&format!("smtp://127.0.0.1:{port}"), "portal@portal.test").unwrap();
    for recipient in ["one@acme.example", "two@acme.example"] {
        server
            .db
            .write(move |c| {
                portal_server::store::queue_mail(c, account, recipient, "Hello", "Body")
            })
            .await
            .unwrap();
        assert_eq!(mailer.deliver_with(&server.db, Some(&mut own)).await, 1);
        assert_eq!(received.recv().await.unwrap().0, recipient);
    }
    assert_eq!(
        backend(&mut own).await,
        first,
        "one connection served both passes"
    );
}

#[test]
fn a_malformed_smtp_url_is_reported_at_start() {
    assert!(Mailer::new("not a url", "portal@portal.test").is_err());
    assert!(Mailer::new("smtp://127.0.0.1:25", "not an address").is_err());
}
