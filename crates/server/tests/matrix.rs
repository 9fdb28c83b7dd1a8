//! Every route against every kind of caller, the audit trail of each change,
//! and arbitrary bodies thrown at the contact information.

mod support;

use axum::http::StatusCode;
use portal_domain::Role;
use serde_json::{Value, json};
use support::{TestServer, valid_contact_info};

/// Who calls.
#[derive(Clone, Copy, Debug)]
enum Caller {
    Nobody,
    Reader,
    Editor,
    Administrator,
    OtherAccountAdministrator,
}

struct World {
    server: TestServer,
    token: Option<String>,
    acme_admin: i64,
    reader: i64,
    pending: i64,
}

async fn world(caller: Caller) -> World {
    let server = TestServer::new().await;
    let acme = server.account("Acme Tours", &["things_to_do"]).await;
    let acme_admin = server
        .user(acme, "admin@acme.example", Role::Administrator)
        .await;
    server.user(acme, "editor@acme.example", Role::Editor).await;
    let reader = server
        .user(acme, "reader@acme.example", Role::ReadOnly)
        .await;
    let other = server.account("Other Partner", &["things_to_do"]).await;
    server
        .user(other, "boss@other.example", Role::Administrator)
        .await;
    let pending = server
        .db
        .write(move |c| {
            c.execute(
                "INSERT INTO users (account_id, email, name, role, created_at) VALUES (?1, 'pending@acme.example', 'Pending', 'editor', 0)",
                [acme],
            )?;
            let id = c.last_insert_rowid()?;
            portal_server::store::create_invitation(c, acme, Some(id), "invitation")?;
            Ok(id)
        })
        .await
        .unwrap();
    let email = match caller {
        Caller::Nobody => None,
        Caller::Reader => Some("reader@acme.example"),
        Caller::Editor => Some("editor@acme.example"),
        Caller::Administrator => Some("admin@acme.example"),
        Caller::OtherAccountAdministrator => Some("boss@other.example"),
    };
    let token = match email {
        Some(email) => Some(server.sign_in(email).await),
        None => None,
    };
    World {
        server,
        token,
        acme_admin,
        reader,
        pending,
    }
}

#[tokio::test]
async fn every_route_answers_each_kind_of_caller_as_it_should() {
    use Caller::*;
    // Expected status for: nobody, reader, editor, administrator, other account's administrator.
    type Row = (&'static str, &'static str, [u16; 5]);
    let rows: [Row; 24] = [
        ("GET", "/api/v1/health", [200, 200, 200, 200, 200]),
        ("GET", "/api/v1/session", [204, 200, 200, 200, 200]),
        ("PATCH", "/api/v1/session", [401, 200, 200, 200, 200]),
        ("GET", "/api/v1/account", [401, 200, 200, 200, 200]),
        (
            "GET",
            "/api/v1/account/contact-info",
            [401, 200, 200, 200, 200],
        ),
        // The other administrator names Acme's user as alert contact: refused.
        (
            "PUT",
            "/api/v1/account/contact-info",
            [401, 403, 200, 200, 422],
        ),
        (
            "GET",
            "/api/v1/account/contact-info/history",
            [401, 200, 200, 200, 200],
        ),
        (
            "GET",
            "/api/v1/account/contact-info/review",
            [401, 200, 200, 200, 200],
        ),
        // Saved above at version 1: "0" is stale; the other account has
        // nothing saved, so nothing to confirm.
        (
            "POST",
            "/api/v1/account/contact-info/review",
            [401, 403, 412, 412, 422],
        ),
        (
            "GET",
            "/api/v1/account/contact-info/addresses",
            [401, 200, 200, 200, 200],
        ),
        // Each account dismisses warnings for itself only.
        (
            "POST",
            "/api/v1/account/contact-info/warnings/emergency_phone_missing/dismissal",
            [401, 403, 200, 200, 200],
        ),
        (
            "DELETE",
            "/api/v1/account/contact-info/warnings/emergency_phone_missing/dismissal",
            [401, 403, 200, 200, 200],
        ),
        (
            "POST",
            "/api/v1/account/contact-info/warnings/required/dismissal",
            [401, 404, 404, 404, 404],
        ),
        // The save above sent the address a link a moment ago; the other
        // account's contact information does not name it.
        (
            "POST",
            "/api/v1/account/contact-info/addresses/verification",
            [401, 403, 429, 429, 404],
        ),
        ("GET", "/api/v1/users", [401, 200, 200, 200, 200]),
        ("POST", "/api/v1/users", [401, 403, 403, 201, 201]),
        ("PATCH", "/api/v1/users/{reader}", [401, 403, 403, 200, 404]),
        (
            "POST",
            "/api/v1/users/{pending}/invitation",
            [401, 403, 403, 200, 404],
        ),
        (
            "DELETE",
            "/api/v1/users/{pending}/invitation",
            [401, 403, 403, 204, 404],
        ),
        (
            "DELETE",
            "/api/v1/users/{reader}",
            [401, 403, 403, 204, 404],
        ),
        (
            "GET",
            "/api/v1/invitations/{bad}",
            [404, 404, 404, 404, 404],
        ),
        (
            "GET",
            "/api/v1/verifications/{bad}",
            [404, 404, 404, 404, 404],
        ),
        (
            "POST",
            "/api/v1/verifications/{bad}",
            [404, 404, 404, 404, 404],
        ),
        ("DELETE", "/api/v1/session", [204, 204, 204, 204, 204]),
    ];
    for (column, caller) in [
        Nobody,
        Reader,
        Editor,
        Administrator,
        OtherAccountAdministrator,
    ]
    .into_iter()
    .enumerate()
    {
        let w = world(caller).await;
        for (method, path, expected) in &rows {
            let path = path
                .replace("{reader}", &w.reader.to_string())
                .replace("{pending}", &w.pending.to_string())
                .replace("{bad}", &"f".repeat(64));
            let body: Value = match (*method, path.as_str()) {
                ("PATCH", "/api/v1/session") => json!({ "environment": "production" }),
                ("PUT", _) => serde_json::to_value(valid_contact_info(w.acme_admin)).unwrap(),
                ("POST", "/api/v1/users") => {
                    json!({ "name": "New", "email": format!("new-{column}@example.com"), "role": "editor" })
                }
                ("PATCH", _) => json!({ "role": "editor" }),
                ("POST", "/api/v1/account/contact-info/addresses/verification") => {
                    json!({ "email": "oncall@partner.example" })
                }
                _ => Value::Null,
            };
            // The version a client would have read: the contact information
            // is new, a user's comes from the list.
            let version = match path.strip_prefix("/api/v1/users/") {
                Some(rest) if *method != "POST" => {
                    let id: i64 = rest.parse().unwrap_or(0);
                    w.server
                        .sql(move |c| {
                            c.query_row(
                                "SELECT COALESCE(MAX(version), 0) FROM users WHERE id = ?1",
                                [id],
                                |r| r.get::<_, i64>(0),
                            )
                        })
                        .await
                }
                _ => 0,
            };
            let mut call = w
                .server
                .call(method, &path)
                .header("if-match", &format!("\"{version}\""));
            if let Some(token) = &w.token {
                call = call.session(token);
            }
            if !body.is_null() {
                call = call.json(&body);
            }
            let answer = call.send().await;
            assert_eq!(
                answer.status.as_u16(),
                expected[column],
                "{method} {path} as {caller:?}: {}",
                answer.body
            );
            assert!(
                answer.status.is_success() || answer.body["code"].is_string(),
                "{method} {path} as {caller:?}: an error without the error shape"
            );
        }
    }
}

#[tokio::test]
async fn every_change_leaves_an_audit_trail() {
    let w = world(Caller::Administrator).await;
    let (server, token) = (&w.server, w.token.clone().unwrap());
    let failed = server
        .call("POST", "/api/v1/session")
        .json(&json!({ "email": "editor@acme.example", "password": "wrong wrong wrong" }))
        .send()
        .await;
    assert_eq!(failed.status, StatusCode::UNAUTHORIZED);
    let put = server
        .call("PUT", "/api/v1/account/contact-info")
        .session(&token)
        .header("if-match", "\"0\"")
        .json(&valid_contact_info(w.acme_admin))
        .send()
        .await;
    assert_eq!(put.status, StatusCode::OK);
    let invited = server
        .call("POST", "/api/v1/users")
        .session(&token)
        .json(&json!({ "name": "Nia", "email": "nia@acme.example", "role": "editor" }))
        .send()
        .await;
    let nia = invited.body["id"].as_i64().unwrap();
    for (method, path, version) in [
        (
            "PATCH",
            format!("/api/v1/users/{}", w.reader),
            Some("\"1\""),
        ),
        ("POST", format!("/api/v1/users/{nia}/invitation"), None),
        ("DELETE", format!("/api/v1/users/{nia}/invitation"), None),
        (
            "DELETE",
            format!("/api/v1/users/{}", w.reader),
            Some("\"2\""),
        ),
        ("DELETE", "/api/v1/session".to_owned(), None),
    ] {
        let mut call = server.call(method, &path).session(&token);
        if let Some(version) = version {
            call = call.header("if-match", version);
        }
        if method == "PATCH" {
            call = call.json(&json!({ "role": "editor" }));
        }
        let answer = call.send().await;
        assert!(
            answer.status.is_success(),
            "{method} {path}: {}",
            answer.body
        );
    }
    let trail: Vec<(String, String, Option<String>, Option<String>)> = server
        .sql(|c| {
            let mut statement = c.prepare(
                "SELECT action, actor_name, before, after FROM audit_log WHERE account_id IS NOT NULL ORDER BY id",
            )?;
            let rows = statement
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await;
    let actions: Vec<&str> = trail.iter().map(|(action, ..)| action.as_str()).collect();
    for expected in [
        "account.create",
        "session.sign_in",
        "session.sign_in_failed",
        "contact_info.update",
        "user.invite",
        "user.role_change",
        "invitation.resend",
        "invitation.revoke",
        "user.remove",
        "session.sign_out",
    ] {
        assert!(actions.contains(&expected), "no {expected} in {actions:?}");
    }
    let role_change = trail
        .iter()
        .find(|(a, ..)| a == "user.role_change")
        .unwrap();
    assert_eq!(role_change.1, "Name of admin@acme.example");
    assert_eq!(
        (role_change.2.as_deref(), role_change.3.as_deref()),
        (Some("read_only"), Some("editor"))
    );
    let update = trail
        .iter()
        .find(|(a, ..)| a == "contact_info.update")
        .unwrap();
    assert!(
        update
            .3
            .as_deref()
            .unwrap()
            .contains("oncall@partner.example")
    );
}

mod arbitrary_bodies {
    use proptest::prelude::*;

    use super::*;

    /// Any JSON value, a few levels deep.
    fn any_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(|n| json!(n)),
            any::<f64>()
                .prop_filter("finite", |f| f.is_finite())
                .prop_map(|f| json!(f)),
            ".{0,40}".prop_map(Value::String),
            Just(json!("oncall@partner.example")),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::btree_map(
                    prop_oneof![
                        Just("alert_contacts".to_owned()),
                        Just("technical_emergency".to_owned()),
                        Just("shared_with_users".to_owned()),
                        Just("support_hours".to_owned()),
                        Just("email".to_owned()),
                        "[a-z_]{1,12}",
                    ],
                    inner,
                    0..8,
                )
                .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    /// A valid body with one field replaced by something arbitrary.
    fn mutated_valid_body() -> impl Strategy<Value = Value> {
        let fields = [
            "alert_contacts",
            "technical_emergency",
            "technical_non_emergency",
            "merchant_operational",
            "operational_google",
            "shared_with_users",
            "support_hours",
        ];
        (prop::sample::select(fields.to_vec()), any_json()).prop_map(|(field, value)| {
            let mut body = serde_json::to_value(valid_contact_info(1)).unwrap();
            body[field] = value;
            body
        })
    }

    /// One account for all cases; a case that saved is undone before the next.
    #[test]
    fn no_body_makes_the_server_fail_or_store_anything_invalid() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let w = runtime.block_on(world(Caller::Editor));
        let token = w.token.clone().unwrap();
        let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
            cases: 256,
            ..ProptestConfig::default()
        });
        let strategy = prop_oneof![any_json(), mutated_valid_body()];
        let outcome = runner.run(&strategy, |body| {
            runtime.block_on(async {
                let answer = w
                    .server
                    .call("PUT", "/api/v1/account/contact-info")
                    .session(&token)
                    .header("if-match", "\"0\"")
                    .json(&body)
                    .send()
                    .await;
                prop_assert!(answer.status.as_u16() < 500, "{} for {body}", answer.status);
                let stored: i64 = w.server.count("SELECT COUNT(*) FROM contact_info").await;
                if answer.status == StatusCode::OK {
                    // Only a body that parses and passes every rule is stored.
                    let info: portal_domain::ContactInfo =
                        serde_json::from_value(body.clone()).unwrap();
                    prop_assert!(!info.technical_emergency.is_empty());
                    prop_assert_eq!(stored, 1);
                    w.server
                        .sql(|c| c.execute("DELETE FROM contact_info", []))
                        .await;
                } else {
                    prop_assert!(answer.status.is_client_error());
                    prop_assert!(answer.body["code"].is_string());
                    prop_assert_eq!(stored, 0);
                }
                Ok(())
            })
        });
        if let Err(failure) = outcome {
            panic!("{failure}");
        }
    }
}
