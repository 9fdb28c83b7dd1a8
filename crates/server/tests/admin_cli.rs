//! The operator commands as operators run them: in shell pipelines.

use std::process::{Command, Stdio};

#[test]
fn create_account_into_a_closed_pipe_exits_quietly_and_still_creates_the_account() {
    let data = tempfile::tempdir().unwrap();
    // As `portal-server admin create-account … | head -0`: the reader is gone
    // before anything is written.
    let mut child = Command::new(env!("CARGO_BIN_EXE_portal-server"))
        .args(["admin", "create-account", "--name", "Pipe Tours"])
        .env("PORTAL_DATA_DIR", data.path())
        .env("PORTAL_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.trim().is_empty(), "nothing to report: {stderr}");

    let db = rusqlite::Connection::open(data.path().join("portal.sqlite3")).unwrap();
    let created: i64 = db
        .query_row(
            "SELECT COUNT(*) FROM accounts WHERE display_name = 'Pipe Tours'",
            [],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(created, 1);
}
