//! The coverage warnings of the saved contact information, and dismissing
//! them per account.

mod support;

use axum::http::StatusCode;
use portal_domain::{ContactEntry, SupportSchedule};
use serde_json::Value;
use support::{Team, team, valid_contact_info};

const DISMISSAL: &str = "/api/v1/account/contact-info/warnings/emergency_phone_missing/dismissal";

impl Team {
    /// Saves information whose emergency contact has no phone while support
    /// hours are office hours only, and whose Google-only address is also the
    /// one given to users.
    async fn save_uncovered(&self, token: &str) -> support::Answer {
        let mut info = valid_contact_info(self.admin);
        info.technical_emergency = vec![ContactEntry::new("oncall@partner.example")];
        info.operational_google = vec![ContactEntry::new("help@partner.example")];
        info.shared_with_users = ContactEntry::new("help@partner.example");
        info.support_hours = vec![SupportSchedule::weekdays_nine_to_five("Europe/Madrid")];
        self.server
            .call("PUT", "/api/v1/account/contact-info")
            .session(token)
            .header("if-match", "\"0\"")
            .json(&info)
            .send()
            .await
    }

    async fn contact_info(&self, token: &str) -> support::Answer {
        self.server
            .get("/api/v1/account/contact-info")
            .session(token)
            .send()
            .await
    }
}

/// `path:code` of each warning, as the other findings are compared.
fn warnings(body: &Value) -> Vec<String> {
    body["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            format!(
                "{}:{}",
                w["path"].as_str().unwrap(),
                w["code"].as_str().unwrap()
            )
        })
        .collect()
}

#[tokio::test]
async fn coverage_warnings_are_reported_with_the_saved_information_but_never_block_it() {
    let t = team().await;
    let admin = t.server.sign_in("admin@acme.example").await;
    let saved = t.save_uncovered(&admin).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    assert_eq!(saved.body["complete"], true);
    let expected = vec![
        "technical_emergency[0].phone:emergency_phone_missing",
        "operational_google[0].email:operational_address_shared",
        "shared_with_users.email:operational_address_shared",
    ];
    assert_eq!(warnings(&saved.body), expected);
    let read = t.contact_info(&admin).await;
    assert_eq!(warnings(&read.body), expected);
    assert_eq!(read.body["dismissed_warnings"], serde_json::json!([]));
}

#[tokio::test]
async fn editors_dismiss_a_warning_for_the_whole_account_and_restore_it_audited() {
    let t = team().await;
    let editor = t.server.sign_in("editor@acme.example").await;
    let reader = t.server.sign_in("reader@acme.example").await;
    t.save_uncovered(&editor).await;

    // Read-only users may not; nothing changes.
    let refused = t
        .server
        .call("POST", DISMISSAL)
        .session(&reader)
        .send()
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(refused.code(), "forbidden");

    let dismissed = t
        .server
        .call("POST", DISMISSAL)
        .session(&editor)
        .send()
        .await;
    assert_eq!(dismissed.status, StatusCode::OK, "{}", dismissed.body);
    assert_eq!(
        dismissed.body["dismissed_warnings"],
        serde_json::json!(["emergency_phone_missing"])
    );
    // Gone for everyone, the reader included; the other warning stays.
    let seen = t.contact_info(&reader).await;
    assert_eq!(
        warnings(&seen.body),
        vec![
            "operational_google[0].email:operational_address_shared",
            "shared_with_users.email:operational_address_shared",
        ]
    );
    assert_eq!(seen.etag(), "\"1\"", "dismissing is no new version");
    // Again: nothing more to record.
    let again = t
        .server
        .call("POST", DISMISSAL)
        .session(&editor)
        .send()
        .await;
    assert_eq!(again.status, StatusCode::OK);

    let stored: Vec<(String, String)> = t
        .server
        .sql(|c| {
            let mut statement =
                c.prepare("SELECT code, dismissed_by_name FROM warning_dismissals")?;
            let rows = statement
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await;
    assert_eq!(
        stored,
        vec![(
            "emergency_phone_missing".to_owned(),
            "Name of editor@acme.example".to_owned()
        )]
    );

    let restored = t
        .server
        .call("DELETE", DISMISSAL)
        .session(&editor)
        .send()
        .await;
    assert_eq!(restored.status, StatusCode::OK);
    assert_eq!(restored.body["dismissed_warnings"], serde_json::json!([]));
    assert_eq!(warnings(&restored.body).len(), 3);
    assert_eq!(
        t.server
            .count("SELECT COUNT(*) FROM warning_dismissals")
            .await,
        0
    );

    let trail: Vec<(String, String, Option<String>)> = t
        .server
        .sql(|c| {
            let mut statement = c.prepare(
                "SELECT action, actor_name, subject FROM audit_log
                 WHERE action LIKE 'contact_info.warning%' ORDER BY id",
            )?;
            let rows = statement
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await;
    let editor_name = "Name of editor@acme.example".to_owned();
    let code = Some("emergency_phone_missing".to_owned());
    assert_eq!(
        trail,
        vec![
            (
                "contact_info.warning_dismiss".into(),
                editor_name.clone(),
                code.clone()
            ),
            ("contact_info.warning_restore".into(), editor_name, code),
        ]
    );
}

#[tokio::test]
async fn only_warning_codes_can_be_dismissed() {
    let t = team().await;
    let admin = t.server.sign_in("admin@acme.example").await;
    for code in [
        "required",
        "overlap",
        "no_such_code",
        "EMERGENCY_PHONE_MISSING",
    ] {
        let path = format!("/api/v1/account/contact-info/warnings/{code}/dismissal");
        for method in ["POST", "DELETE"] {
            let answer = t.server.call(method, &path).session(&admin).send().await;
            assert_eq!(answer.status, StatusCode::NOT_FOUND, "{method} {code}");
            assert_eq!(answer.code(), "not_found");
            assert!(answer.body["message"].is_string());
        }
    }
    assert_eq!(
        t.server
            .count("SELECT COUNT(*) FROM warning_dismissals")
            .await,
        0
    );
    // Every warning code can be, even before anything is saved.
    for code in portal_domain::Code::WARNINGS {
        let path = format!("/api/v1/account/contact-info/warnings/{code}/dismissal");
        let answer = t.server.call("POST", &path).session(&admin).send().await;
        assert_eq!(answer.status, StatusCode::OK, "{code}");
        assert!(answer.body["warnings"].as_array().unwrap().is_empty());
    }
    assert_eq!(
        t.contact_info(&admin).await.body["dismissed_warnings"]
            .as_array()
            .unwrap()
            .len(),
        5
    );
}

#[tokio::test]
async fn a_dismissal_belongs_to_one_account() {
    let t = team().await;
    let admin = t.server.sign_in("admin@acme.example").await;
    t.save_uncovered(&admin).await;
    let other = t.server.account("Other Partner", &["things_to_do"]).await;
    t.server
        .user(
            other,
            "boss@other.example",
            portal_domain::Role::Administrator,
        )
        .await;
    let boss = t.server.sign_in("boss@other.example").await;
    let answer = t.server.call("POST", DISMISSAL).session(&boss).send().await;
    assert_eq!(answer.status, StatusCode::OK);
    let acme = t.contact_info(&admin).await;
    assert_eq!(acme.body["dismissed_warnings"], serde_json::json!([]));
    assert!(
        warnings(&acme.body)
            .iter()
            .any(|w| w.ends_with(":emergency_phone_missing"))
    );
}
