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

/// `portal-server admin ARGS` against the database in `data`, with `stdin`.
fn admin(data: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_portal-server"))
        .arg("admin")
        .args(args)
        .env("PORTAL_DATA_DIR", data)
        .env("PORTAL_LOG", "warn")
        .env("PORTAL_PASSWORD", "a long enough password")
        .output()
        .unwrap()
}

fn stdout(output: &std::process::Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn refused(output: &std::process::Output) -> String {
    assert!(!output.status.success(), "expected a refusal");
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// (version, number of saves in the history) as stored.
fn stored(data: &std::path::Path) -> (i64, i64) {
    let db = rusqlite::Connection::open(data.join("portal.sqlite3")).unwrap();
    let version = db
        .query_row(
            "SELECT COALESCE(MAX(version), 0) FROM contact_info",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let saves = db
        .query_row(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'contact_info.update'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    (version, saves)
}

#[test]
fn contact_information_exported_edited_and_imported_is_checked_then_saved_once() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path();
    let partner = stdout(&admin(dir, &["create-account", "--name", "File Tours"]));
    let partner = partner.lines().next().unwrap().trim().to_owned();
    let user_id: i64 = stdout(&admin(
        dir,
        &[
            "create-user",
            "--account",
            &partner,
            "--email",
            "admin@filetours.example",
            "--role",
            "administrator",
        ],
    ))
    .trim()
    .parse()
    .unwrap();

    // Never saved: version 0, empty.
    let exported: serde_json::Value =
        serde_json::from_str(&stdout(&admin(dir, &["export", "--account", &partner]))).unwrap();
    assert_eq!(exported["schema_version"], 1);
    assert_eq!(exported["version"], 0);
    let mut edited = exported.clone();
    let entry = |email: &str| serde_json::json!([{ "email": email, "name": "", "phone": "" }]);
    edited["contact_info"] = serde_json::json!({
        "alert_contacts": [user_id],
        "technical_emergency": entry("oncall@filetours.example"),
        "technical_non_emergency": entry("tech@filetours.example"),
        "merchant_operational": [],
        "operational_google": entry("ops@filetours.example"),
        "shared_with_users": { "email": "support@filetours.example", "name": "", "phone": "" },
        "support_hours": [{ "time_zone": "Europe/Madrid", "days": ["mon", "tue"], "all_day": true, "from": "00:00", "to": "24:00" }],
    });
    let file = dir.join("contact-info.json");
    std::fs::write(&file, edited.to_string()).unwrap();
    let path = file.to_str().unwrap();

    let dry = stdout(&admin(
        dir,
        &["import", "--account", &partner, path, "--dry-run"],
    ));
    assert!(dry.contains("changed: technical_emergency"), "{dry}");
    assert!(dry.contains("changed: support_hours"), "{dry}");
    assert!(dry.contains("dry run: nothing was saved"), "{dry}");
    assert_eq!(stored(dir), (0, 0));

    let saved = stdout(&admin(dir, &["import", "--account", &partner, path]));
    assert!(saved.contains("saved as version 1"), "{saved}");
    assert_eq!(stored(dir), (1, 1));

    // The same file again was exported at version 0: stale, nothing changes.
    let stale = refused(&admin(dir, &["import", "--account", &partner, path]));
    assert!(
        stale.contains("version 0") && stale.contains("version 1"),
        "{stale}"
    );
    assert_eq!(stored(dir), (1, 1));

    // A fresh export with a broken address is refused with the field's path.
    let mut broken: serde_json::Value =
        serde_json::from_str(&stdout(&admin(dir, &["export", "--account", &partner]))).unwrap();
    assert_eq!(broken["version"], 1);
    assert_eq!(broken["contact_info"], edited["contact_info"]);
    broken["contact_info"]["technical_emergency"][0]["email"] = "not an address".into();
    std::fs::write(&file, broken.to_string()).unwrap();
    let invalid = refused(&admin(dir, &["import", "--account", &partner, path]));
    assert!(
        invalid.contains("technical_emergency[0].email: invalid_email"),
        "{invalid}"
    );

    // A file of another format version, or another account, or not a file
    // of this kind at all.
    broken["contact_info"]["technical_emergency"][0]["email"] = "new@filetours.example".into();
    broken["schema_version"] = 2.into();
    std::fs::write(&file, broken.to_string()).unwrap();
    let future = refused(&admin(dir, &["import", "--account", &partner, path]));
    assert!(future.contains("schema_version 2"), "{future}");
    broken["schema_version"] = 1.into();
    broken["partner_id"] = "P-SOMEONE-ELSE".into();
    std::fs::write(&file, broken.to_string()).unwrap();
    let other = refused(&admin(dir, &["import", "--account", &partner, path]));
    assert!(other.contains("P-SOMEONE-ELSE"), "{other}");
    std::fs::write(&file, r#"{"schema_version": 1, "contact_info": []}"#).unwrap();
    let shapeless = refused(&admin(dir, &["import", "--account", &partner, path]));
    assert!(
        shapeless.contains("not a contact information file"),
        "{shapeless}"
    );
    assert_eq!(stored(dir), (1, 1));

    // Back to this account, fixed: saved, and the history names the import.
    broken["partner_id"] = partner.clone().into();
    std::fs::write(&file, broken.to_string()).unwrap();
    let fixed = stdout(&admin(dir, &["import", "--account", &partner, path]));
    assert!(fixed.contains("changed: technical_emergency"), "{fixed}");
    assert!(!fixed.contains("changed: support_hours"), "{fixed}");
    assert_eq!(stored(dir), (2, 2));
    let db = rusqlite::Connection::open(dir.join("portal.sqlite3")).unwrap();
    let actor: String = db
        .query_row(
            "SELECT actor_name FROM audit_log WHERE action = 'contact_info.update' ORDER BY id DESC",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(actor, portal_server::admin::IMPORT_ACTOR);
}

#[test]
fn migrate_brings_the_database_a_url_names_up_to_date() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("elsewhere").join("portal.sqlite3");
    let url = format!("sqlite://{}", file.display());
    let output = admin(
        &dir.path().join("unused"),
        &["migrate", "--database-url", &url],
    );
    assert_eq!(
        stdout(&output),
        format!(
            "sqlite database at schema version {}\n",
            portal_server::db::SCHEMA_VERSION
        )
    );
    let db = rusqlite::Connection::open(&file).unwrap();
    let version: u32 = db
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .unwrap();
    assert_eq!(version, portal_server::db::SCHEMA_VERSION);
    assert!(!dir.path().join("unused").exists());
}
