//! Change notices: written to the outbox with the save that causes them,
//! once per address per change, and never for a save that fails.

mod support;

use axum::http::StatusCode;
use portal_domain::ContactEntry;
use support::{TestServer, team, valid_contact_info};

/// (recipient, subject, body) of every queued mail after `after_id`, oldest first.
async fn mails_after(server: &TestServer, after_id: i64) -> Vec<(String, String, String)> {
    server
        .sql(move |c| {
            let mut statement =
                c.prepare("SELECT recipient, subject, body FROM outbox WHERE id > ?1 ORDER BY id")?;
            let rows: Vec<(String, String, String)> = statement
                .query_map([after_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<Result<_, _>>()?;
            Ok(rows)
        })
        .await
}

async fn last_mail_id(server: &TestServer) -> i64 {
    server
        .count("SELECT COALESCE(MAX(id), 0) FROM outbox")
        .await
}

#[tokio::test]
async fn each_address_given_or_losing_a_role_is_told_once_and_administrators_get_a_digest() {
    let support::Team { server, admin, .. } = team().await;
    let admin_token = server.sign_in("admin@acme.example").await;
    let editor_token = server.sign_in("editor@acme.example").await;
    let put = |token: &str, version: &str, info: &portal_domain::ContactInfo| {
        server
            .call("PUT", "/api/v1/account/contact-info")
            .session(token)
            .header("if-match", version)
            .json(info)
            .send()
    };

    // The first save names four addresses: four notices, one digest.
    let start = last_mail_id(&server).await;
    let first = valid_contact_info(admin);
    assert_eq!(
        put(&admin_token, "\"0\"", &first).await.status,
        StatusCode::OK
    );
    let mails = mails_after(&server, start).await;
    let recipients: Vec<&str> = mails.iter().map(|(to, _, _)| to.as_str()).collect();
    assert_eq!(
        recipients,
        [
            "oncall@partner.example",
            "tech@partner.example",
            "ops@partner.example",
            "support@partner.example",
            "admin@acme.example",
        ]
    );

    // The editor moves the emergency role to a new address.
    let start = last_mail_id(&server).await;
    let mut second = first.clone();
    second.technical_emergency = vec![ContactEntry::new("pager@partner.example")];
    assert_eq!(
        put(&editor_token, "\"1\"", &second).await.status,
        StatusCode::OK
    );
    let mails = mails_after(&server, start).await;
    let recipients: Vec<&str> = mails.iter().map(|(to, _, _)| to.as_str()).collect();
    assert_eq!(
        recipients,
        [
            "pager@partner.example",
            "oncall@partner.example",
            "admin@acme.example"
        ]
    );
    let (_, subject, added) = &mails[0];
    assert!(subject.contains("Acme Tours"), "{subject}");
    assert!(
        added.contains("Name of editor@acme.example changed"),
        "{added}"
    );
    assert!(
        added.contains("- added as the technical emergency contact"),
        "{added}"
    );
    assert!(
        added.contains("Name of admin@acme.example <admin@acme.example>"),
        "{added}"
    );
    assert!(
        mails[1]
            .2
            .contains("- removed as the technical emergency contact")
    );
    let digest = &mails[2].2;
    assert!(digest.contains("- pager@partner.example: added as the technical emergency contact"));
    assert!(
        digest.contains("- oncall@partner.example: removed as the technical emergency contact")
    );

    // Saves that fail send nothing; a save that changes no address neither.
    let start = last_mail_id(&server).await;
    let mut third = second.clone();
    third.technical_emergency = vec![ContactEntry::new("someone-else@partner.example")];
    let stale = put(&admin_token, "\"1\"", &third).await;
    assert_eq!(stale.status, StatusCode::PRECONDITION_FAILED);
    third.operational_google = vec![ContactEntry::new("not an address")];
    let invalid = put(&admin_token, "\"2\"", &third).await;
    assert_eq!(invalid.status, StatusCode::UNPROCESSABLE_ENTITY);
    let mut renamed = second.clone();
    renamed.technical_non_emergency[0].name = "Platform team".into();
    assert_eq!(
        put(&admin_token, "\"2\"", &renamed).await.status,
        StatusCode::OK
    );
    assert_eq!(mails_after(&server, start).await, vec![]);
}
