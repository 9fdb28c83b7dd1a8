//! Verified addresses through the real router and database: links sent with
//! the save's notices, a public page that only confirms on POST, single use,
//! expiry, resending, and an address that changes starting over. Some tests
//! move the process's clock, so these run in a binary of their own, one at a
//! time.

mod support;

use axum::http::StatusCode;
use portal_domain::{ContactEntry, ContactInfo};
use portal_server::clock::advance;
use support::{Team, team, valid_contact_info};

static CLOCK: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

impl Team {
    async fn save(&self, token: &str, version: &str, info: &ContactInfo) {
        let saved = self
            .server
            .call("PUT", "/api/v1/account/contact-info")
            .session(token)
            .header("if-match", version)
            .json(info)
            .send()
            .await;
        assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    }

    /// The state of `email` as the portal shows it.
    async fn state(&self, token: &str, email: &str) -> String {
        let answer = self
            .server
            .get("/api/v1/account/contact-info/addresses")
            .session(token)
            .send()
            .await;
        answer
            .body
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["email"] == email)
            .map_or_else(
                || "absent".to_owned(),
                |a| a["state"].as_str().unwrap().to_owned(),
            )
    }

    /// The confirmation link in the newest mail to `email`, if it has one.
    async fn link(&self, email: &'static str) -> Option<String> {
        let body: String = self
            .server
            .sql(move |c| {
                c.query_row(
                    "SELECT body FROM outbox WHERE recipient = ?1 ORDER BY id DESC LIMIT 1",
                    [email],
                    |r| r.get(0),
                )
            })
            .await;
        body.split("/verify/")
            .nth(1)
            .map(|rest| rest[..64].to_owned())
    }

    async fn resend(&self, token: &str, email: &str) -> support::Answer {
        self.server
            .call(
                "POST",
                "/api/v1/account/contact-info/addresses/verification",
            )
            .session(token)
            .json(&serde_json::json!({ "email": email }))
            .send()
            .await
    }
}

#[tokio::test]
async fn a_saved_address_is_sent_a_link_that_verifies_it_on_post_only_once() {
    let _clock = CLOCK.lock().await;
    let t = team().await;
    let admin = t.server.sign_in("admin@acme.example").await;
    t.save(&admin, "\"0\"", &valid_contact_info(t.admin)).await;
    assert_eq!(
        t.state(&admin, "ops@partner.example").await,
        "verification_sent"
    );
    let link = t
        .link("ops@partner.example")
        .await
        .expect("a link in the notice");

    // Opening the page shows what is confirmed, and changes nothing.
    let page = t
        .server
        .get(&format!("/api/v1/verifications/{link}"))
        .send()
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.body["account_name"], "Acme Tours");
    assert_eq!(
        page.body["roles"],
        serde_json::json!(["operational_google"])
    );
    assert_eq!(
        t.state(&admin, "ops@partner.example").await,
        "verification_sent"
    );

    let confirmed = t
        .server
        .call("POST", &format!("/api/v1/verifications/{link}"))
        .send()
        .await;
    assert_eq!(confirmed.status, StatusCode::NO_CONTENT);
    assert_eq!(t.state(&admin, "ops@partner.example").await, "verified");
    let again = t
        .server
        .call("POST", &format!("/api/v1/verifications/{link}"))
        .send()
        .await;
    assert_eq!(
        (again.status, again.code()),
        (StatusCode::NOT_FOUND, "verification_invalid")
    );
    let audited = t
        .server
        .count("SELECT COUNT(*) FROM audit_log WHERE action = 'address.verify'")
        .await;
    assert_eq!(audited, 1);

    // A verified address given another role is told, with no new link.
    let mut more = valid_contact_info(t.admin);
    more.technical_emergency
        .push(ContactEntry::new("ops@partner.example"));
    t.save(&admin, "\"1\"", &more).await;
    assert!(t.link("ops@partner.example").await.is_none());
    assert_eq!(t.state(&admin, "ops@partner.example").await, "verified");
    assert_eq!(
        t.resend(&admin, "ops@partner.example").await.code(),
        "already_verified"
    );
}

#[tokio::test]
async fn links_expire_resending_is_throttled_and_a_changed_address_starts_over() {
    let _clock = CLOCK.lock().await;
    let t = team().await;
    let admin = t.server.sign_in("admin@acme.example").await;
    t.save(&admin, "\"0\"", &valid_contact_info(t.admin)).await;
    let first = t.link("tech@partner.example").await.unwrap();

    // Who may send, what, and how often.
    let reader = t.server.sign_in("reader@acme.example").await;
    assert_eq!(
        t.resend(&reader, "tech@partner.example").await.status,
        StatusCode::FORBIDDEN
    );
    let editor = t.server.sign_in("editor@acme.example").await;
    let unknown = t.resend(&editor, "nobody@partner.example").await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    let soon = t.resend(&editor, "tech@partner.example").await;
    assert_eq!(soon.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(soon.headers.contains_key("retry-after"));

    // Eight days later the link has expired and the address is unverified.
    advance(8 * 86_400);
    let expired = t
        .server
        .get(&format!("/api/v1/verifications/{first}"))
        .send()
        .await;
    assert_eq!(
        (expired.status, expired.code()),
        (StatusCode::GONE, "verification_expired")
    );
    let editor = t.server.sign_in("editor@acme.example").await;
    assert_eq!(t.state(&editor, "tech@partner.example").await, "unverified");
    let resent = t.resend(&editor, "Tech@Partner.example").await;
    assert_eq!(resent.status, StatusCode::OK, "{}", resent.body);
    assert_eq!(resent.body["state"], "verification_sent");
    let second = t.link("tech@partner.example").await.unwrap();
    assert_ne!(first, second);
    let confirmed = t
        .server
        .call("POST", &format!("/api/v1/verifications/{second}"))
        .send()
        .await;
    assert_eq!(confirmed.status, StatusCode::NO_CONTENT);

    // The address changes: the new one is sent a link, the old one is
    // forgotten and starts over if it comes back.
    let mut changed = valid_contact_info(t.admin);
    changed.technical_non_emergency = vec![ContactEntry::new("platform@partner.example")];
    t.save(&editor, "\"1\"", &changed).await;
    assert_eq!(t.state(&editor, "tech@partner.example").await, "absent");
    assert_eq!(
        t.state(&editor, "platform@partner.example").await,
        "verification_sent"
    );
    t.save(&editor, "\"2\"", &valid_contact_info(t.admin)).await;
    assert_eq!(
        t.state(&editor, "tech@partner.example").await,
        "verification_sent"
    );
}
