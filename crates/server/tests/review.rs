//! The yearly review as time passes. These tests move the process's clock,
//! so they live in a test binary of their own and run one after another.

mod support;

use axum::http::StatusCode;
use portal_server::clock::advance;
use support::{Team, team, valid_contact_info};

const DAY: i64 = 86_400;

/// Tests here share the moving clock; each holds this while it runs.
static CLOCK: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

impl Team {
    /// Signs in afresh: moving the clock by days ends every session.
    async fn as_(&self, email: &str) -> String {
        self.server.sign_in(email).await
    }

    async fn review(&self, token: &str) -> support::Answer {
        self.server
            .get("/api/v1/account/contact-info/review")
            .session(token)
            .send()
            .await
    }

    /// Whether the session unlocks the portal, and the review state it
    /// carries (what the app decides its banner and its modal by).
    async fn gate(&self, token: &str) -> (bool, String) {
        let session = self
            .server
            .get("/api/v1/session")
            .session(token)
            .send()
            .await;
        (
            session.body["contact_info_complete"].as_bool().unwrap(),
            session.body["review"]["state"].as_str().unwrap().to_owned(),
        )
    }

    async fn unlocked(&self, token: &str) -> bool {
        self.gate(token).await.0
    }

    async fn confirm(&self, token: &str, version: Option<&str>) -> support::Answer {
        let mut call = self
            .server
            .call("POST", "/api/v1/account/contact-info/review")
            .session(token);
        if let Some(version) = version {
            call = call.header("if-match", version);
        }
        call.send().await
    }

    async fn save(&self, token: &str, version: &str) -> support::Answer {
        self.server
            .call("PUT", "/api/v1/account/contact-info")
            .session(token)
            .header("if-match", version)
            .json(&valid_contact_info(self.admin))
            .send()
            .await
    }
}

#[tokio::test]
async fn the_review_reminds_after_eleven_months_and_locks_after_twelve_until_confirmed() {
    let _clock = CLOCK.lock().await;
    let t = team().await;
    let admin = t.as_("admin@acme.example").await;
    assert_eq!(t.save(&admin, "\"0\"").await.status, StatusCode::OK);
    let fresh = t.review(&admin).await;
    assert_eq!(fresh.body["state"], "current");
    assert_eq!(fresh.body["reviewed_by"], "Name of admin@acme.example");

    advance(335 * DAY);
    let admin = t.as_("admin@acme.example").await;
    assert_eq!(t.review(&admin).await.body["state"], "due");
    assert_eq!(
        t.gate(&admin).await,
        (true, "due".to_owned()),
        "a reminder does not lock"
    );

    advance(30 * DAY);
    let editor = t.as_("editor@acme.example").await;
    assert_eq!(t.review(&editor).await.body["state"], "overdue");
    assert_eq!(
        t.gate(&editor).await,
        (false, "overdue".to_owned()),
        "the year is up: locked"
    );

    // Read-only users cannot review; a review needs the version it confirms.
    let reader = t.as_("reader@acme.example").await;
    assert_eq!(
        t.confirm(&reader, Some("\"1\"")).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        t.confirm(&editor, None).await.status,
        StatusCode::PRECONDITION_REQUIRED
    );
    let stale = t.confirm(&editor, Some("\"0\"")).await;
    assert_eq!(stale.status, StatusCode::PRECONDITION_FAILED);
    assert_eq!(stale.etag(), "\"1\"");
    assert!(!t.unlocked(&editor).await);

    let confirmed = t.confirm(&editor, Some("\"1\"")).await;
    assert_eq!(confirmed.status, StatusCode::OK, "{}", confirmed.body);
    assert_eq!(confirmed.body["state"], "current");
    assert_eq!(confirmed.body["reviewed_by"], "Name of editor@acme.example");
    assert!(t.unlocked(&editor).await);
    assert!(t.unlocked(&reader).await, "unlocked for everyone");
    // Confirming changes nothing but the review: no new version, no history.
    let info = t
        .server
        .get("/api/v1/account/contact-info")
        .session(&editor)
        .send()
        .await;
    assert_eq!(info.etag(), "\"1\"");
    let audited = t
        .server
        .count("SELECT COUNT(*) FROM audit_log WHERE action = 'contact_info.review'")
        .await;
    let saves = t
        .server
        .count("SELECT COUNT(*) FROM audit_log WHERE action = 'contact_info.update'")
        .await;
    assert_eq!((audited, saves), (1, 1));

    // A year later again, saving counts as a review too.
    advance(366 * DAY);
    let admin = t.as_("admin@acme.example").await;
    assert!(!t.unlocked(&admin).await);
    assert_eq!(t.save(&admin, "\"1\"").await.status, StatusCode::OK);
    assert!(t.unlocked(&admin).await);
    assert_eq!(t.review(&admin).await.body["state"], "current");
}

#[tokio::test]
async fn information_that_breaks_the_rules_cannot_be_confirmed() {
    let _clock = CLOCK.lock().await;
    let t = team().await;
    let admin = t.as_("admin@acme.example").await;
    // Nothing saved yet: there is nothing to confirm.
    let empty = t.confirm(&admin, Some("\"0\"")).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(empty.code(), "validation_failed");
    assert_eq!(t.review(&admin).await.body["state"], "current");
    assert!(t.review(&admin).await.body["reviewed_at"].is_null());
    let reviewed = t
        .server
        .count("SELECT COUNT(*) FROM audit_log WHERE action = 'contact_info.review'")
        .await;
    assert_eq!(reviewed, 0);
}
