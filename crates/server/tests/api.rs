//! The API's rules, through the real router and a real SQLite database:
//! sessions, roles, accounts kept apart, versions, validation, invitations,
//! audit history and request hygiene.

mod support;

use axum::http::StatusCode;
use portal_domain::Role;
use serde_json::json;
use support::{PASSWORD, TestServer, team, valid_contact_info};

async fn save_contact_info(
    server: &TestServer,
    token: &str,
    version: &str,
    alert_user: i64,
) -> support::Answer {
    server
        .call("PUT", "/api/v1/account/contact-info")
        .session(token)
        .header("if-match", version)
        .json(&valid_contact_info(alert_user))
        .send()
        .await
}

#[tokio::test]
async fn sign_in_sets_a_strict_http_only_cookie_and_reports_the_gate() {
    let t = team().await;
    let answer = t
        .server
        .call("POST", "/api/v1/session")
        .json(&json!({ "email": "ADMIN@acme.example ", "password": PASSWORD }))
        .send()
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    let cookie = answer.headers["set-cookie"].to_str().unwrap();
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Strict"), "{cookie}");
    assert_eq!(answer.session_token().len(), 64);
    assert_eq!(answer.body["user"]["role"], "administrator");
    assert_eq!(answer.body["account"]["display_name"], "Acme Tours");
    assert_eq!(answer.body["contact_info_complete"], false);

    let me = t
        .server
        .get("/api/v1/session")
        .session(&answer.session_token())
        .send()
        .await;
    assert_eq!(me.status, StatusCode::OK);
    assert_eq!(me.body["user"]["email"], "admin@acme.example");
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_address_get_the_same_answer() {
    let t = team().await;
    let wrong = t
        .server
        .call("POST", "/api/v1/session")
        .json(&json!({ "email": "admin@acme.example", "password": "not the password" }))
        .send()
        .await;
    let unknown = t
        .server
        .call("POST", "/api/v1/session")
        .json(&json!({ "email": "nobody@acme.example", "password": "not the password" }))
        .send()
        .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert_eq!(wrong.status, unknown.status);
    assert_eq!(wrong.body, unknown.body);
    assert!(!wrong.headers.contains_key("set-cookie"));
    let failures: i64 = t
        .server
        .count("SELECT COUNT(*) FROM audit_log WHERE action = 'session.sign_in_failed'")
        .await;
    assert_eq!(failures, 2);
}

#[tokio::test]
async fn repeated_failures_are_rate_limited_even_with_the_right_password() {
    let t = team().await;
    for _ in 0..5 {
        let answer = t
            .server
            .call("POST", "/api/v1/session")
            .json(&json!({ "email": "editor@acme.example", "password": "guess guess guess" }))
            .send()
            .await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
    }
    let answer = t
        .server
        .call("POST", "/api/v1/session")
        .json(&json!({ "email": "editor@acme.example", "password": PASSWORD }))
        .send()
        .await;
    assert_eq!(answer.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(answer.code(), "too_many_attempts");
    assert!(answer.headers.contains_key("retry-after"));
}

#[tokio::test]
async fn every_route_but_the_public_ones_needs_a_session() {
    let t = team().await;
    let private: Vec<(String, String)> = portal_server::api_routes()
        .into_iter()
        .filter(|route| !portal_server::PUBLIC_ROUTES.contains(route))
        .map(|(path, method)| {
            let path = path
                .replace("{id}", "1")
                .replace("{code}", "personal_address");
            let path = format!("/api/v1{path}");
            (method.as_str().to_owned(), path)
        })
        .collect();
    assert_eq!(private.len(), 17, "{private:?}");
    for (method, path) in &private {
        let (method, path) = (method.as_str(), path.as_str());
        let answer = t.server.call(method, path).json(&json!({})).send().await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "{method} {path}");
        assert_eq!(answer.code(), "unauthorized", "{method} {path}");
        let forged = t
            .server
            .call(method, path)
            .session(&"0".repeat(64))
            .json(&json!({}))
            .send()
            .await;
        assert_eq!(
            forged.status,
            StatusCode::UNAUTHORIZED,
            "{method} {path} with a forged token"
        );
    }
    assert_eq!(
        t.server.get("/api/v1/health").send().await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn sign_out_ends_the_session_on_the_server() {
    let t = team().await;
    let token = t.server.sign_in("admin@acme.example").await;
    let answer = t
        .server
        .call("DELETE", "/api/v1/session")
        .session(&token)
        .send()
        .await;
    assert_eq!(answer.status, StatusCode::NO_CONTENT);
    assert!(
        answer.headers["set-cookie"]
            .to_str()
            .unwrap()
            .contains("Max-Age=0")
    );
    let after = t.server.get("/api/v1/session").session(&token).send().await;
    assert_eq!(after.status, StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn asking_who_is_signed_in_without_a_session_is_not_an_error() {
    let t = team().await;
    let nobody = t.server.get("/api/v1/session").send().await;
    assert_eq!(nobody.status, StatusCode::NO_CONTENT);
    // No cookie was sent, so none is cleared.
    assert!(!nobody.headers.contains_key("set-cookie"));
    let forged = t
        .server
        .get("/api/v1/session")
        .session(&"0".repeat(64))
        .send()
        .await;
    assert_eq!(forged.status, StatusCode::NO_CONTENT);
    assert!(forged.headers.contains_key("set-cookie"));
}

#[tokio::test]
async fn idle_and_absolute_timeouts_end_sessions() {
    let t = team().await;
    let idle = t.server.sign_in("admin@acme.example").await;
    let old = t.server.sign_in("editor@acme.example").await;
    let (idle_hash, old_hash) = (
        portal_server::secrets::token_hash(&idle),
        portal_server::secrets::token_hash(&old),
    );
    t.server
        .sql(move |c| {
            c.execute("UPDATE sessions SET last_seen_at = last_seen_at - 31 * 60 WHERE token_hash = ?1", [&idle_hash])?;
            // Active a minute ago, but signed in 12 hours ago.
            c.execute(
                "UPDATE sessions SET created_at = created_at - 12 * 3600, last_seen_at = last_seen_at - 60 WHERE token_hash = ?1",
                [&old_hash],
            )
        })
        .await;
    for token in [&idle, &old] {
        let ended = t.server.get("/api/v1/session").session(token).send().await;
        assert_eq!(ended.status, StatusCode::NO_CONTENT);
        // The browser forgets the dead cookie.
        assert!(
            ended.headers["set-cookie"]
                .to_str()
                .unwrap()
                .contains("Max-Age=0")
        );
        // Everything else still needs a session.
        let refused = t
            .server
            .get("/api/v1/account/contact-info")
            .session(token)
            .send()
            .await;
        assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    }
}

#[tokio::test]
async fn contact_information_is_saved_with_versions_and_unlocks_everyone() {
    let t = team().await;
    let editor = t.server.sign_in("editor@acme.example").await;
    let reader = t.server.sign_in("reader@acme.example").await;

    let empty = t
        .server
        .get("/api/v1/account/contact-info")
        .session(&editor)
        .send()
        .await;
    assert_eq!(empty.status, StatusCode::OK);
    assert_eq!(empty.etag(), "\"0\"");
    assert_eq!(empty.body["complete"], false);

    let missing = t
        .server
        .call("PUT", "/api/v1/account/contact-info")
        .session(&editor)
        .json(&valid_contact_info(t.admin))
        .send()
        .await;
    assert_eq!(missing.status, StatusCode::PRECONDITION_REQUIRED);

    let saved = save_contact_info(&t.server, &editor, "\"0\"", t.admin).await;
    assert_eq!(saved.status, StatusCode::OK, "{:?}", saved.body);
    assert_eq!(saved.etag(), "\"1\"");
    assert_eq!(saved.body["complete"], true);
    assert_eq!(saved.body["updated_by"], "Name of editor@acme.example");
    // Stored normalised: the phone in E.164.
    assert_eq!(
        saved.body["contact_info"]["technical_emergency"][0]["phone"],
        "+15550100000"
    );

    // The read-only user's next request sees the portal unlocked.
    let session = t
        .server
        .get("/api/v1/session")
        .session(&reader)
        .send()
        .await;
    assert_eq!(session.body["contact_info_complete"], true);

    let stale = save_contact_info(&t.server, &editor, "\"0\"", t.admin).await;
    assert_eq!(stale.status, StatusCode::PRECONDITION_FAILED);
    assert_eq!(stale.code(), "version_conflict");
    assert_eq!(stale.etag(), "\"1\"");
    assert_eq!(stale.body["fields"][0]["params"]["current"], "1");
}

#[tokio::test]
async fn racing_writers_of_one_version_have_exactly_one_winner() {
    let t = team().await;
    let editor = t.server.sign_in("editor@acme.example").await;
    let admin = t.server.sign_in("admin@acme.example").await;
    let mut writers = Vec::new();
    for i in 0..20 {
        let token = if i % 2 == 0 {
            editor.clone()
        } else {
            admin.clone()
        };
        let app = t.server.app.clone();
        let body = serde_json::to_vec(&valid_contact_info(t.admin)).unwrap();
        writers.push(tokio::spawn(async move {
            use tower::ServiceExt;
            let request = axum::http::Request::put("/api/v1/account/contact-info")
                .header("cookie", format!("portal_session={token}"))
                .header("content-type", "application/json")
                .header("if-match", "\"0\"")
                .body(axum::body::Body::from(body))
                .unwrap();
            app.oneshot(request).await.unwrap().status()
        }));
    }
    let mut statuses = Vec::new();
    for writer in writers {
        statuses.push(writer.await.unwrap());
    }
    assert_eq!(
        statuses.iter().filter(|s| **s == StatusCode::OK).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == StatusCode::PRECONDITION_FAILED)
            .count(),
        19
    );
    let updates: i64 = t
        .server
        .count("SELECT COUNT(*) FROM audit_log WHERE action = 'contact_info.update'")
        .await;
    assert_eq!(updates, 1);
}

#[tokio::test]
async fn invalid_contact_information_gets_field_errors_and_changes_nothing() {
    let t = team().await;
    let editor = t.server.sign_in("editor@acme.example").await;
    let mut info = valid_contact_info(t.admin);
    info.technical_emergency[0].email = "not-an-address".into();
    info.operational_google.clear();
    info.alert_contacts = vec![999_999];
    let answer = t
        .server
        .call("PUT", "/api/v1/account/contact-info")
        .session(&editor)
        .header("if-match", "\"0\"")
        .json(&info)
        .send()
        .await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.code(), "validation_failed");
    let paths = answer.field_paths();
    assert!(
        paths.contains(&"technical_emergency[0].email:invalid_email".to_owned()),
        "{paths:?}"
    );
    assert!(
        paths.contains(&"operational_google:required".to_owned()),
        "{paths:?}"
    );
    assert!(
        paths.contains(&"alert_contacts[0]:unknown_user".to_owned()),
        "{paths:?}"
    );
    let stored: i64 = t.server.count("SELECT COUNT(*) FROM contact_info").await;
    assert_eq!(stored, 0);
}

#[tokio::test]
async fn the_merchant_contact_is_required_only_where_the_integration_needs_it() {
    let server = TestServer::new().await;
    let account = server.account("Table Booker", &["reservations"]).await;
    let admin = server
        .user(account, "admin@tables.example", Role::Administrator)
        .await;
    let token = server.sign_in("admin@tables.example").await;
    let view = server
        .get("/api/v1/account/contact-info")
        .session(&token)
        .send()
        .await;
    assert_eq!(view.body["merchant_contact_required"], true);
    let answer = save_contact_info(&server, &token, "\"0\"", admin).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        answer
            .field_paths()
            .contains(&"merchant_operational:required".to_owned())
    );
}

#[tokio::test]
async fn roles_limit_what_each_user_may_change() {
    let t = team().await;
    let reader = t.server.sign_in("reader@acme.example").await;
    let editor = t.server.sign_in("editor@acme.example").await;

    let answer = save_contact_info(&t.server, &reader, "\"0\"", t.admin).await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
    assert_eq!(
        t.server
            .get("/api/v1/account/contact-info")
            .session(&reader)
            .send()
            .await
            .status,
        StatusCode::OK
    );

    let invite = json!({ "name": "New Person", "email": "new@acme.example", "role": "editor" });
    for token in [&reader, &editor] {
        let answer = t
            .server
            .call("POST", "/api/v1/users")
            .session(token)
            .json(&invite)
            .send()
            .await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN);
        let answer = t
            .server
            .call("PATCH", &format!("/api/v1/users/{}", t.reader))
            .session(token)
            .header("if-match", "\"1\"")
            .json(&json!({ "role": "administrator" }))
            .send()
            .await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN);
    }
    let users: i64 = t.server.count("SELECT COUNT(*) FROM users").await;
    assert_eq!(users, 3);
    let role: String = t
        .server
        .sql({
            let reader = t.reader;
            move |c| {
                c.query_row("SELECT role FROM users WHERE id = ?1", [reader], |r| {
                    r.get(0)
                })
            }
        })
        .await;
    assert_eq!(role, "read_only");
}

#[tokio::test]
async fn accounts_never_see_or_change_each_other() {
    let t = team().await;
    let other = t.server.account("Other Partner", &["things_to_do"]).await;
    t.server
        .user(other, "boss@other.example", Role::Administrator)
        .await;
    let acme_admin = t.server.sign_in("admin@acme.example").await;
    let other_admin = t.server.sign_in("boss@other.example").await;
    assert_eq!(
        save_contact_info(&t.server, &acme_admin, "\"0\"", t.admin)
            .await
            .status,
        StatusCode::OK
    );

    let users = t
        .server
        .get("/api/v1/users")
        .session(&other_admin)
        .send()
        .await;
    let emails: Vec<&str> = users
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["email"].as_str().unwrap())
        .collect();
    assert_eq!(emails, vec!["boss@other.example"]);
    let info = t
        .server
        .get("/api/v1/account/contact-info")
        .session(&other_admin)
        .send()
        .await;
    assert_eq!(info.body["version"], 0);
    assert_eq!(info.body["contact_info"]["technical_emergency"], json!([]));

    // Acme's users cannot be changed, removed or re-invited from the other account.
    let path = format!("/api/v1/users/{}", t.reader);
    let patch = t
        .server
        .call("PATCH", &path)
        .session(&other_admin)
        .header("if-match", "\"1\"")
        .json(&json!({ "role": "administrator" }))
        .send()
        .await;
    assert_eq!(patch.status, StatusCode::NOT_FOUND);
    let delete = t
        .server
        .call("DELETE", &path)
        .session(&other_admin)
        .header("if-match", "\"1\"")
        .send()
        .await;
    assert_eq!(delete.status, StatusCode::NOT_FOUND);
    let resend = t
        .server
        .call("POST", &format!("{path}/invitation"))
        .session(&other_admin)
        .send()
        .await;
    assert_eq!(resend.status, StatusCode::NOT_FOUND);
    // Nor can the other account name Acme's users as its alert contacts.
    let stolen = save_contact_info(&t.server, &other_admin, "\"0\"", t.admin).await;
    assert_eq!(stolen.status, StatusCode::UNPROCESSABLE_ENTITY);
    let acme_users: i64 = t
        .server
        .sql({
            let account = t.account;
            move |c| {
                c.query_row(
                    "SELECT COUNT(*) FROM users WHERE account_id = ?1",
                    [account],
                    |r| r.get(0),
                )
            }
        })
        .await;
    assert_eq!(acme_users, 3);
}

#[tokio::test]
async fn the_last_administrator_and_the_last_alert_contact_are_protected() {
    let t = team().await;
    let admin = t.server.sign_in("admin@acme.example").await;
    let demote = t
        .server
        .call("PATCH", &format!("/api/v1/users/{}", t.admin))
        .session(&admin)
        .header("if-match", "\"1\"")
        .json(&json!({ "role": "editor" }))
        .send()
        .await;
    assert_eq!(demote.status, StatusCode::CONFLICT);
    assert_eq!(demote.code(), "last_administrator");
    let remove = t
        .server
        .call("DELETE", &format!("/api/v1/users/{}", t.admin))
        .session(&admin)
        .header("if-match", "\"1\"")
        .send()
        .await;
    assert_eq!(remove.code(), "last_administrator");

    assert_eq!(
        save_contact_info(&t.server, &admin, "\"0\"", t.editor)
            .await
            .status,
        StatusCode::OK
    );
    let remove_alert = t
        .server
        .call("DELETE", &format!("/api/v1/users/{}", t.editor))
        .session(&admin)
        .header("if-match", "\"1\"")
        .send()
        .await;
    assert_eq!(remove_alert.status, StatusCode::CONFLICT);
    assert_eq!(remove_alert.code(), "last_alert_contact");

    // With a second administrator, the first can step down.
    let promote = t
        .server
        .call("PATCH", &format!("/api/v1/users/{}", t.reader))
        .session(&admin)
        .header("if-match", "\"1\"")
        .json(&json!({ "role": "administrator" }))
        .send()
        .await;
    assert_eq!(promote.status, StatusCode::OK);
    assert_eq!(promote.etag(), "\"2\"");
    let step_down = t
        .server
        .call("PATCH", &format!("/api/v1/users/{}", t.admin))
        .session(&admin)
        .header("if-match", "\"1\"")
        .json(&json!({ "role": "editor" }))
        .send()
        .await;
    assert_eq!(step_down.status, StatusCode::OK);
    // Their next request already has the new role.
    let invite = t
        .server
        .call("POST", "/api/v1/users")
        .session(&admin)
        .json(&json!({ "name": "X", "email": "x@acme.example", "role": "editor" }))
        .send()
        .await;
    assert_eq!(invite.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn removing_one_of_several_alert_contacts_saves_a_new_version() {
    let t = team().await;
    let admin = t.server.sign_in("admin@acme.example").await;
    let mut info = support::valid_contact_info(t.admin);
    info.alert_contacts.push(t.editor);
    let saved = t
        .server
        .call("PUT", "/api/v1/account/contact-info")
        .session(&admin)
        .header("if-match", "\"0\"")
        .json(&info)
        .send()
        .await;
    assert_eq!(saved.status, StatusCode::OK);

    let remove = t
        .server
        .call("DELETE", &format!("/api/v1/users/{}", t.editor))
        .session(&admin)
        .header("if-match", "\"1\"")
        .send()
        .await;
    assert_eq!(remove.status, StatusCode::NO_CONTENT);

    let stored = t
        .server
        .get("/api/v1/account/contact-info")
        .session(&admin)
        .send()
        .await;
    assert_eq!(stored.body["version"], 2);
    assert_eq!(stored.etag(), "\"2\"");
    assert_eq!(
        stored.body["contact_info"]["alert_contacts"],
        json!([t.admin])
    );
    assert_eq!(stored.body["complete"], true);
    let history = t
        .server
        .get("/api/v1/account/contact-info/history")
        .session(&admin)
        .send()
        .await;
    assert_eq!(history.body["total"], 2);
    let newest = &history.body["entries"][0];
    assert_eq!(newest["changes"][0]["field"], "alert_contacts");
    assert_eq!(newest["changes"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn an_invitation_is_mailed_accepted_once_and_then_signs_in() {
    let t = team().await;
    let admin = t.server.sign_in("admin@acme.example").await;
    let invited = t
        .server
        .call("POST", "/api/v1/users")
        .session(&admin)
        .json(&json!({ "name": "Nora New", "email": " Nora@Acme.example ", "role": "editor" }))
        .send()
        .await;
    assert_eq!(invited.status, StatusCode::CREATED, "{:?}", invited.body);
    assert_eq!(invited.body["status"], "invitation_pending");
    assert_eq!(invited.body["email"], "nora@acme.example");

    let (recipient, body): (String, String) = t
        .server
        .sql(|c| {
            c.query_row(
                "SELECT recipient, body FROM outbox ORDER BY id DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
        })
        .await;
    assert_eq!(recipient, "nora@acme.example");
    let token = body.split("/invitation/").nth(1).unwrap()[..64].to_owned();

    let details = t
        .server
        .get(&format!("/api/v1/invitations/{token}"))
        .send()
        .await;
    assert_eq!(details.status, StatusCode::OK);
    assert_eq!(details.body["account_name"], "Acme Tours");
    assert_eq!(details.body["email"], "nora@acme.example");

    let weak = t
        .server
        .call("POST", &format!("/api/v1/invitations/{token}/accept"))
        .json(&json!({ "name": "Nora", "password": "short" }))
        .send()
        .await;
    assert_eq!(weak.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        weak.field_paths()
            .contains(&"password:too_short".to_owned())
    );

    let accepted = t
        .server
        .call("POST", &format!("/api/v1/invitations/{token}/accept"))
        .json(&json!({ "name": "Nora New", "password": PASSWORD }))
        .send()
        .await;
    assert_eq!(
        accepted.status,
        StatusCode::NO_CONTENT,
        "{:?}",
        accepted.body
    );
    let again = t
        .server
        .call("POST", &format!("/api/v1/invitations/{token}/accept"))
        .json(&json!({ "name": "Nora New", "password": PASSWORD }))
        .send()
        .await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
    assert_eq!(again.code(), "invitation_invalid");

    let nora = t.server.sign_in("nora@acme.example").await;
    let me = t.server.get("/api/v1/session").session(&nora).send().await;
    assert_eq!(me.body["user"]["role"], "editor");
    assert_eq!(me.body["user"]["status"], "active");
}

#[tokio::test]
async fn invitations_can_be_resent_and_revoked_and_expire() {
    let t = team().await;
    let admin = t.server.sign_in("admin@acme.example").await;
    let invited = t
        .server
        .call("POST", "/api/v1/users")
        .session(&admin)
        .json(&json!({ "name": "Pat", "email": "pat@acme.example", "role": "read_only" }))
        .send()
        .await;
    let id = invited.body["id"].as_i64().unwrap();
    t.server
        .sql(|c| c.execute("UPDATE invitations SET expires_at = 0", []))
        .await;
    let users = t.server.get("/api/v1/users").session(&admin).send().await;
    let pat = users
        .body
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["id"] == id)
        .unwrap()
        .clone();
    assert_eq!(pat["status"], "invitation_expired");

    let resent = t
        .server
        .call("POST", &format!("/api/v1/users/{id}/invitation"))
        .session(&admin)
        .send()
        .await;
    assert_eq!(resent.status, StatusCode::OK);
    assert_eq!(resent.body["status"], "invitation_pending");
    let mails: i64 = t
        .server
        .count("SELECT COUNT(*) FROM outbox WHERE recipient = 'pat@acme.example'")
        .await;
    assert_eq!(mails, 2);

    let revoked = t
        .server
        .call("DELETE", &format!("/api/v1/users/{id}/invitation"))
        .session(&admin)
        .send()
        .await;
    assert_eq!(revoked.status, StatusCode::NO_CONTENT);
    let left: i64 = t
        .server
        .count("SELECT COUNT(*) FROM users WHERE email = 'pat@acme.example'")
        .await;
    assert_eq!(left, 0);
}

#[tokio::test]
async fn history_lists_changes_newest_first_with_old_and_new_values() {
    let t = team().await;
    let editor = t.server.sign_in("editor@acme.example").await;
    assert_eq!(
        save_contact_info(&t.server, &editor, "\"0\"", t.admin)
            .await
            .status,
        StatusCode::OK
    );
    let mut info = valid_contact_info(t.admin);
    info.shared_with_users.email = "help@partner.example".into();
    let second = t
        .server
        .call("PUT", "/api/v1/account/contact-info")
        .session(&editor)
        .header("if-match", "\"1\"")
        .json(&info)
        .send()
        .await;
    assert_eq!(second.status, StatusCode::OK);

    let history = t
        .server
        .get("/api/v1/account/contact-info/history?per_page=1")
        .session(&editor)
        .send()
        .await;
    assert_eq!(history.status, StatusCode::OK);
    assert_eq!(history.body["total"], 2);
    let newest = &history.body["entries"][0];
    assert_eq!(newest["actor_name"], "Name of editor@acme.example");
    assert_eq!(
        newest["changes"],
        json!([{ "field": "shared_with_users", "before": ["support@partner.example"], "after": ["help@partner.example"] }])
    );
    let older = t
        .server
        .get("/api/v1/account/contact-info/history?page=2&per_page=1")
        .session(&editor)
        .send()
        .await;
    let first = &older.body["entries"][0];
    assert_eq!(first["changes"].as_array().unwrap().len(), 6, "{first}");

    let bad = t
        .server
        .get("/api/v1/account/contact-info/history?page=abc")
        .session(&editor)
        .send()
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert_eq!(bad.code(), "invalid_query");
}

#[tokio::test]
async fn malformed_requests_get_specific_client_errors() {
    let t = team().await;
    let editor = t.server.sign_in("editor@acme.example").await;
    let put = |body: axum::body::Body, content_type: &'static str| {
        t.server
            .call("PUT", "/api/v1/account/contact-info")
            .session(&editor)
            .header("if-match", "\"0\"")
            .raw(content_type, body)
            .send()
    };
    let syntax = put("{not json".into(), "application/json").await;
    assert_eq!(
        (syntax.status, syntax.code()),
        (StatusCode::BAD_REQUEST, "malformed_json")
    );
    let shape = put(
        "{\"alert_contacts\": \"everyone\"}".into(),
        "application/json",
    )
    .await;
    assert_eq!(
        (shape.status, shape.code()),
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_body")
    );
    // A valid contact information's fields as an array, in declaration order:
    // serde would read it, but no client means it.
    let valid = serde_json::to_value(valid_contact_info(t.admin)).unwrap();
    let fields = [
        "alert_contacts",
        "technical_emergency",
        "technical_non_emergency",
        "merchant_operational",
        "operational_google",
        "shared_with_users",
        "support_hours",
    ];
    let array = serde_json::Value::Array(fields.iter().map(|f| valid[*f].clone()).collect());
    let listed = put(array.to_string().into(), "application/json").await;
    assert_eq!(
        (listed.status, listed.code()),
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_body")
    );
    let form = put("a=b".into(), "application/x-www-form-urlencoded").await;
    assert_eq!(
        (form.status, form.code()),
        (StatusCode::UNSUPPORTED_MEDIA_TYPE, "json_required")
    );
    let huge = put(vec![b' '; 200 * 1024].into(), "application/json").await;
    assert_eq!(huge.status, StatusCode::PAYLOAD_TOO_LARGE);
    let bad_version = t
        .server
        .call("PUT", "/api/v1/account/contact-info")
        .session(&editor)
        .header("if-match", "version one")
        .json(&valid_contact_info(t.admin))
        .send()
        .await;
    assert_eq!(
        (bad_version.status, bad_version.code()),
        (StatusCode::BAD_REQUEST, "invalid_if_match")
    );
    let bad_id = t
        .server
        .call("PATCH", "/api/v1/users/abc")
        .session(&editor)
        .json(&json!({}))
        .send()
        .await;
    assert_eq!(
        (bad_id.status, bad_id.code()),
        (StatusCode::NOT_FOUND, "not_found")
    );
    let huge_id = t
        .server
        .call("DELETE", "/api/v1/users/99999999999999999999999")
        .session(&editor)
        .send()
        .await;
    assert_eq!(
        (huge_id.status, huge_id.code()),
        (StatusCode::NOT_FOUND, "not_found")
    );
    let bad_token = t
        .server
        .get("/api/v1/invitations/..%2F..%2Fetc")
        .send()
        .await;
    assert_eq!(bad_token.status, StatusCode::NOT_FOUND);
    let stored: i64 = t.server.count("SELECT COUNT(*) FROM contact_info").await;
    assert_eq!(stored, 0);
}

#[tokio::test]
async fn json_of_the_wrong_shape_names_the_field() {
    let t = team().await;
    let admin = t.server.sign_in("admin@acme.example").await;
    let valid = serde_json::to_value(valid_contact_info(t.admin)).unwrap();
    let with = |pointer: &str, value: serde_json::Value| {
        let mut body = valid.clone();
        *body.pointer_mut(pointer).expect("a field of the body") = value;
        body
    };
    let cases = [
        (
            with("/alert_contacts", json!("everyone")),
            "alert_contacts:invalid_type",
        ),
        (
            with("/alert_contacts/0", json!("me")),
            "alert_contacts[0]:invalid_type",
        ),
        (
            with("/technical_emergency/0/email", json!(5)),
            "technical_emergency[0].email:invalid_type",
        ),
        (
            with("/shared_with_users/phone", json!(["+34 600"])),
            "shared_with_users.phone:invalid_type",
        ),
        // Deeper than the grammar goes: the schedule's days as a whole.
        (
            with("/support_hours/0/days", json!(["mon", 3])),
            "support_hours[0].days:invalid_type",
        ),
        (
            with("/support_hours/0/days", json!(["someday"])),
            "support_hours[0].days:invalid_type",
        ),
    ];
    for (body, expected) in cases {
        let answer = t
            .server
            .call("PUT", "/api/v1/account/contact-info")
            .session(&admin)
            .header("if-match", "\"0\"")
            .json(&body)
            .send()
            .await;
        assert_eq!(
            (answer.status, answer.code()),
            (StatusCode::UNPROCESSABLE_ENTITY, "invalid_body"),
            "{expected}"
        );
        assert_eq!(answer.field_paths(), [expected]);
        let place = expected.split(':').next().unwrap();
        assert!(
            answer.body["message"].as_str().unwrap().contains(place),
            "the message names {place}: {}",
            answer.body
        );
    }
    // JSON Schema counts 5.0 as an integer, and so does the API; 5.5 is not.
    let whole = with(
        "/alert_contacts/0",
        json!(f64::from(i32::try_from(t.admin).unwrap())),
    );
    let answer = t
        .server
        .call("PUT", "/api/v1/account/contact-info")
        .session(&admin)
        .header("if-match", "\"0\"")
        .json(&whole)
        .send()
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert_eq!(
        answer.body["contact_info"]["alert_contacts"],
        json!([t.admin])
    );
    let fraction = with("/alert_contacts/0", json!(5.5));
    let answer = t
        .server
        .call("PUT", "/api/v1/account/contact-info")
        .session(&admin)
        .header("if-match", "\"1\"")
        .json(&fraction)
        .send()
        .await;
    assert_eq!(answer.field_paths(), ["alert_contacts[0]:invalid_type"]);
    let mut missing = valid.clone();
    missing
        .as_object_mut()
        .unwrap()
        .remove("operational_google");
    let users = [
        (
            json!({"name": "Ana", "role": "editor"}),
            vec!["email:required"],
        ),
        (
            json!({"name": "Ana", "email": "ana@acme.example", "role": 5}),
            vec!["role:invalid_type"],
        ),
        (
            json!({"name": "Ana", "email": "ana@acme.example", "role": "owner"}),
            vec!["role:invalid_type"],
        ),
        // An unknown field has no path in the grammar; the message names it.
        (
            json!({"name": "Ana", "email": "ana@acme.example", "role": "editor", "rol": "x"}),
            vec![],
        ),
    ];
    for (body, expected) in users {
        let answer = t
            .server
            .call("POST", "/api/v1/users")
            .session(&admin)
            .json(&body)
            .send()
            .await;
        assert_eq!(
            (answer.status, answer.code()),
            (StatusCode::UNPROCESSABLE_ENTITY, "invalid_body"),
            "{body}"
        );
        assert_eq!(answer.field_paths(), expected, "{body}");
    }
    let stored = t
        .server
        .count("SELECT MAX(version) FROM contact_info")
        .await;
    let invited = t.server.count("SELECT COUNT(*) FROM users").await;
    assert_eq!((stored, invited), (1, 3));
}

#[tokio::test]
async fn cross_site_changes_are_refused() {
    let t = team().await;
    let admin = t.server.sign_in("admin@acme.example").await;
    let forged = t
        .server
        .call("POST", "/api/v1/users")
        .session(&admin)
        .header("origin", "https://evil.example")
        .header("host", "portal.test")
        .json(
            &json!({ "name": "Mallory", "email": "mallory@evil.example", "role": "administrator" }),
        )
        .send()
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    let same_site = t
        .server
        .call("POST", "/api/v1/users")
        .session(&admin)
        .header("origin", "http://portal.test")
        .header("host", "portal.test")
        .header("sec-fetch-site", "same-origin")
        .json(&json!({ "name": "Sam", "email": "sam@acme.example", "role": "editor" }))
        .send()
        .await;
    assert_eq!(same_site.status, StatusCode::CREATED);
    let mallory: i64 = t
        .server
        .count("SELECT COUNT(*) FROM users WHERE email = 'mallory@evil.example'")
        .await;
    assert_eq!(mallory, 0);
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let t = team().await;
    for path in ["/", "/settings/contact", "/api/v1/health", "/api/v1/nope"] {
        let answer = t.server.get(path).send().await;
        let csp = answer.headers["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"),
            "{path}: {csp}"
        );
        assert!(csp.contains("frame-ancestors 'none'"), "{path}");
        assert!(!csp.contains("unsafe-inline"), "{path}");
        assert_eq!(
            answer.headers["x-content-type-options"], "nosniff",
            "{path}"
        );
        assert_eq!(answer.headers["referrer-policy"], "no-referrer", "{path}");
    }
}

#[tokio::test]
async fn the_first_start_creates_the_account_and_a_working_setup_link() {
    let server = TestServer::new().await;
    portal_server::admin::bootstrap(&server.db, &server.config)
        .await
        .unwrap();
    let accounts: i64 = server.count("SELECT COUNT(*) FROM accounts").await;
    assert_eq!(accounts, 1);
    // The printed link's token is not stored, so make a fresh one the same way.
    let token = server
        .db
        .write(|c| {
            c.execute("DELETE FROM invitations", [])?;
            let account: i64 = c.query_row("SELECT id FROM accounts", [], |r| r.get(0))?;
            Ok(portal_server::store::create_invitation(c, account, None, "setup")?.0)
        })
        .await
        .unwrap();
    let details = server
        .get(&format!("/api/v1/invitations/{token}"))
        .send()
        .await;
    assert_eq!(details.body["purpose"], "setup");
    assert_eq!(details.body["account_name"], "First account");
    let accepted = server
        .call("POST", &format!("/api/v1/invitations/{token}/accept"))
        .json(&json!({ "name": "Founder", "email": "founder@first.example", "password": PASSWORD }))
        .send()
        .await;
    assert_eq!(
        accepted.status,
        StatusCode::NO_CONTENT,
        "{:?}",
        accepted.body
    );
    let token = server.sign_in("founder@first.example").await;
    let me = server.get("/api/v1/session").session(&token).send().await;
    assert_eq!(me.body["user"]["role"], "administrator");
    // A second start finds an administrator and prints no new link.
    portal_server::admin::bootstrap(&server.db, &server.config)
        .await
        .unwrap();
    let links: i64 = server.count("SELECT COUNT(*) FROM invitations").await;
    assert_eq!(links, 0);
}

#[tokio::test]
async fn accepting_a_link_that_does_not_work_or_with_bad_input_hashes_nothing() {
    let t = team().await;
    let admin = t.server.sign_in("admin@acme.example").await;
    let invited = t
        .server
        .call("POST", "/api/v1/users")
        .session(&admin)
        .json(&json!({ "name": "Nora New", "email": "nora@acme.example", "role": "editor" }))
        .send()
        .await;
    assert_eq!(invited.status, StatusCode::CREATED);
    let token = t.server.newest_link("/invitation/").await;

    // Every password-hashing slot is taken: a request that needed one would
    // wait for it, so these answer only because they hash nothing.
    let cores = t.server.state.hashing.available_permits();
    let _slots = t
        .server
        .state
        .hashing
        .acquire_many(u32::try_from(cores).unwrap())
        .await
        .unwrap();
    // A request that waited for a slot would never answer: the bound only
    // turns that hang into a failure.
    let answer = |request| tokio::time::timeout(std::time::Duration::from_secs(60), request);
    let made_up = "ab".repeat(32);
    let unknown = answer(
        t.server
            .call("POST", &format!("/api/v1/invitations/{made_up}/accept"))
            .json(&json!({ "name": "Mallory", "password": PASSWORD }))
            .send(),
    )
    .await
    .expect("answered without hashing");
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(unknown.code(), "invitation_invalid");
    let weak = answer(
        t.server
            .call("POST", &format!("/api/v1/invitations/{token}/accept"))
            .json(&json!({ "name": "Nora", "password": "short" }))
            .send(),
    )
    .await
    .expect("answered without hashing");
    assert_eq!(weak.status, StatusCode::UNPROCESSABLE_ENTITY);
    // Nothing changed: the invitation still works.
    assert_eq!(
        t.server
            .count("SELECT COUNT(*) FROM invitations i JOIN users u ON u.id = i.user_id WHERE u.email = 'nora@acme.example'")
            .await,
        1
    );
}

#[tokio::test]
async fn a_route_asked_with_a_method_it_does_not_have_answers_a_json_405() {
    let t = team().await;
    let admin = t.server.sign_in("admin@acme.example").await;
    for (method, path, allowed) in [
        ("POST", "/api/v1/account", "GET"),
        ("DELETE", "/api/v1/account/contact-info", "PUT"),
        ("TRACE", "/api/v1/users", "POST"),
        ("OPTIONS", "/api/v1/health", "GET"),
    ] {
        let answer = t.server.call(method, path).session(&admin).send().await;
        assert_eq!(
            answer.status,
            StatusCode::METHOD_NOT_ALLOWED,
            "{method} {path}"
        );
        assert_eq!(answer.code(), "method_not_allowed", "{method} {path}");
        let allow = answer.headers["allow"].to_str().unwrap();
        assert!(allow.contains(allowed), "{method} {path}: Allow: {allow}");
    }
}
