//! Reads and writes at the same time, through the real router and a real
//! SQLite database file in WAL mode.

mod support;

use std::time::Duration;

use axum::http::StatusCode;
use support::team;

/// Long enough for any read on a loaded machine; only a read that waits for
/// the writer ever reaches it.
const DEADLOCK: Duration = Duration::from_secs(30);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reads_answer_from_the_last_commit_while_a_write_is_in_progress() {
    let support::Team {
        server, account, ..
    } = team().await;
    let token = server.sign_in("admin@acme.example").await;

    // A write that holds the writer, its transaction open, until released.
    let (started, writing) = tokio::sync::oneshot::channel();
    let (release, released) = std::sync::mpsc::channel::<()>();
    let db = server.db.clone();
    let writer = tokio::spawn(async move {
        db.write(move |conn| {
            let tx = conn.transaction()?;
            tx.execute(
                "UPDATE accounts SET display_name = 'Acme Travel' WHERE id = ?1",
                [account],
            )?;
            started.send(()).expect("the test waits for the write");
            released.recv().expect("the test releases the write");
            tx.commit()?;
            Ok(())
        })
        .await
    });
    writing.await.unwrap();

    for path in ["/api/v1/account", "/api/v1/session", "/api/v1/users"] {
        let read = tokio::time::timeout(DEADLOCK, server.get(path).session(&token).send())
            .await
            .unwrap_or_else(|_| panic!("GET {path} waited for the write in progress"));
        assert_eq!(read.status, StatusCode::OK, "GET {path}");
    }
    let before = server.get("/api/v1/account").session(&token).send().await;
    assert_eq!(before.body["display_name"], "Acme Tours");

    release.send(()).unwrap();
    writer.await.unwrap().unwrap();
    let after = server.get("/api/v1/account").session(&token).send().await;
    assert_eq!(after.body["display_name"], "Acme Travel");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_concurrent_reads_all_answer() {
    let server = team().await.server;
    let token = server.sign_in("admin@acme.example").await;

    // Far more requests at once than there are read connections: each waits
    // for one, none fails.
    let reads = (0..200).map(|_| {
        let call = server.get("/api/v1/account").session(&token);
        async move { call.send().await }
    });
    let answers = futures::future::join_all(reads).await;
    assert_eq!(answers.len(), 200);
    for answer in answers {
        assert_eq!(answer.status, StatusCode::OK);
        assert_eq!(answer.body["display_name"], "Acme Tours");
    }
}
