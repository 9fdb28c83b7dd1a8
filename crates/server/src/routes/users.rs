//! `/api/v1/users`: the account's users and their invitations.
//!
//! Anyone signed in may list; only administrators change anything. Each user
//! carries a version (`ETag`); changes need it in `If-Match`.

use crate::db::{Connection, params};
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use portal_domain::validate::normalize_invitation;
use portal_domain::{
    Code, ErrorCode, FieldError, FieldPath, NewInvitation, Role, RoleChange, User, UserStatus,
    validate_invitation, would_remove_last_administrator,
};

use crate::AppState;
use crate::auth::Caller;
use crate::clock::{now, rfc3339};
use crate::error::ApiError;
use crate::json::{ApiJson, ApiPath};
use crate::store::{self, VersionedUser};
use crate::{etag, if_match};
#[allow(unused_imports)]
use portal_domain::*;

#[utoipa::path(get, path = "/users", tag = "users", responses((status = 200, body = Vec<User>), (status = 401, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Vec<User>>, ApiError> {
    let account_id = caller.account_id;
    let users = state
        .db
        .read(move |conn| store::users(conn, account_id))
        .await?;
    Ok(Json(users.into_iter().map(|u| u.user).collect()))
}

fn user_response(status: StatusCode, user: VersionedUser) -> Response {
    let mut response = (status, Json(&user.user)).into_response();
    if let Ok(value) = HeaderValue::from_str(&etag(user.version)) {
        response.headers_mut().insert(header::ETAG, value);
    }
    response
}

/// The invitation mail's text.
fn invitation_mail(account: &str, inviter: &str, link: &str, expires_at: i64) -> String {
    format!(
        "{inviter} invited you to the Partner Portal account \"{account}\".\n\n\
         Choose your password here (the link works once, until {}):\n{link}\n",
        rfc3339(expires_at)
    )
}

#[utoipa::path(post, path = "/users", tag = "users", request_body = NewInvitation, responses((status = 201, body = User), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn invite(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(invitation): ApiJson<NewInvitation>,
) -> Result<Response, ApiError> {
    caller.require_administrator()?;
    let invitation = normalize_invitation(&invitation);
    let errors = validate_invitation(&invitation);
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let public_url = state.public_url.clone();
    let user = state
        .db
        .write(move |conn| {
            let tx = conn.transaction()?;
            let taken: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM users WHERE email = ?1)",
                [&invitation.email],
                |r| r.get(0),
            )?;
            if taken {
                // Said the same way whichever account holds the address.
                return Ok(Err(ApiError::validation(vec![FieldError::new(
                    FieldPath::EMAIL,
                    Code::AlreadyRegistered,
                )])));
            }
            tx.execute(
                "INSERT INTO users (account_id, email, name, role, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![caller.account_id, invitation.email, invitation.name, invitation.role.as_str(), now()],
            )?;
            let user_id = tx.last_insert_rowid()?;
            send_invitation(&tx, &caller, user_id, &invitation.email, &public_url)?;
            store::audit(
                &tx,
                Some(caller.account_id),
                &caller.actor(),
                "user.invite",
                Some(&invitation.email),
                None,
                Some(invitation.role.as_str()),
            )?;
            let user = store::user(&tx, caller.account_id, user_id)?.ok_or(crate::db::DbError::Missing)?;
            tx.commit()?;
            Ok(Ok(user))
        })
        .await??;
    Ok(user_response(StatusCode::CREATED, user))
}

fn send_invitation(
    conn: &Connection,
    caller: &Caller,
    user_id: i64,
    email: &str,
    public_url: &str,
) -> Result<(), crate::db::DbError> {
    let (token, expires_at) =
        store::create_invitation(conn, caller.account_id, Some(user_id), "invitation")?;
    let account = store::account(conn, caller.account_id)?;
    let link = format!("{public_url}/invitation/{token}");
    store::queue_mail(
        conn,
        caller.account_id,
        email,
        "Your invitation to the Partner Portal",
        &invitation_mail(&account.display_name, &caller.name, &link, expires_at),
    )
}

/// Loads the target user of the caller's account and checks `If-Match`.
fn target(
    conn: &Connection,
    caller: &Caller,
    user_id: i64,
    expected: i64,
) -> Result<Result<VersionedUser, ApiError>, crate::db::DbError> {
    let Some(user) = store::user(conn, caller.account_id, user_id)? else {
        // Users of other accounts are indistinguishable from users that do not exist.
        return Ok(Err(ApiError::not_found()));
    };
    if user.version != expected {
        return Ok(Err(ApiError::stale(user.version)));
    }
    Ok(Ok(user))
}

/// The domain's last-administrator rule, judged on the account's users as
/// this transaction sees them, so two concurrent demotions cannot both pass.
fn would_leave_no_administrator(
    conn: &Connection,
    account_id: i64,
    user_id: i64,
    new_role: Option<Role>,
) -> Result<bool, crate::db::DbError> {
    let users: Vec<User> = store::users(conn, account_id)?
        .into_iter()
        .map(|u| u.user)
        .collect();
    Ok(would_remove_last_administrator(&users, user_id, new_role))
}

fn last_administrator() -> ApiError {
    let mut error = ApiError::conflict(
        ErrorCode::LastAdministrator,
        "The account needs at least one administrator; make someone else an administrator first.",
    );
    error
        .body
        .fields
        .push(FieldError::new(FieldPath::ROLE, Code::LastAdministrator));
    error
}

#[utoipa::path(patch, path = "/users/{id}", tag = "users", request_body = RoleChange, params(("id" = i64, Path), ("If-Match" = String, Header)), responses((status = 200, body = User), (status = 404, body = ErrorBody), (status = 409, description = "The last administrator", body = ErrorBody), (status = 412, body = ErrorBody)))]
pub async fn change_role(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(user_id): ApiPath<i64>,
    headers: HeaderMap,
    ApiJson(change): ApiJson<RoleChange>,
) -> Result<Response, ApiError> {
    caller.require_administrator()?;
    let expected = if_match(&headers)?;
    let user = state
        .db
        .write(move |conn| {
            let tx = conn.transaction()?;
            let user = match target(&tx, &caller, user_id, expected)? {
                Ok(user) => user,
                Err(e) => return Ok(Err(e)),
            };
            if user.user.role == change.role {
                return Ok(Ok(user));
            }
            if would_leave_no_administrator(&tx, caller.account_id, user_id, Some(change.role))? {
                return Ok(Err(last_administrator()));
            }
            tx.execute(
                "UPDATE users SET role = ?1, version = version + 1 WHERE id = ?2",
                params![change.role.as_str(), user_id],
            )?;
            store::audit(
                &tx,
                Some(caller.account_id),
                &caller.actor(),
                "user.role_change",
                Some(&user.user.email),
                Some(user.user.role.as_str()),
                Some(change.role.as_str()),
            )?;
            // A demoted user's open sessions keep their old rights no longer
            // than one request: roles are read from the database each time.
            let user =
                store::user(&tx, caller.account_id, user_id)?.ok_or(crate::db::DbError::Missing)?;
            tx.commit()?;
            Ok(Ok(user))
        })
        .await??;
    Ok(user_response(StatusCode::OK, user))
}

#[utoipa::path(delete, path = "/users/{id}", tag = "users", params(("id" = i64, Path), ("If-Match" = String, Header)), responses((status = 204), (status = 404, body = ErrorBody), (status = 409, description = "The last administrator or alert contact", body = ErrorBody), (status = 412, body = ErrorBody)))]
pub async fn remove(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(user_id): ApiPath<i64>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    caller.require_administrator()?;
    let expected = if_match(&headers)?;
    let public_url = state.public_url.clone();
    state
        .db
        .write(move |conn| {
            let tx = conn.transaction()?;
            let user = match target(&tx, &caller, user_id, expected)? {
                Ok(user) => user,
                Err(e) => return Ok(Err(e)),
            };
            if would_leave_no_administrator(&tx, caller.account_id, user_id, None)? {
                return Ok(Err(last_administrator()));
            }
            if let Some(stored) = store::contact_info(&tx, caller.account_id)?
                && stored.info.alert_contacts.contains(&user_id)
            {
                if stored.info.is_last_alert_contact(user_id) {
                    return Ok(Err(ApiError::conflict(
                        ErrorCode::LastAlertContact,
                        "This user is the only alert contact; choose another alert contact in the contact information first.",
                    )));
                }
                // Keep the contact information valid: the removed user stops
                // being an alert contact, recorded as a change like any other.
                let mut info = stored.info.clone();
                info.alert_contacts.retain(|id| *id != user_id);
                store::save_contact_info(&tx, caller.account_id, &caller.actor(), Some(&stored), &info, &public_url)?;
            }
            tx.execute("DELETE FROM users WHERE id = ?1", [user_id])?;
            store::audit(
                &tx,
                Some(caller.account_id),
                &caller.actor(),
                "user.remove",
                Some(&user.user.email),
                Some(user.user.role.as_str()),
                None,
            )?;
            tx.commit()?;
            Ok(Ok(()))
        })
        .await??;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[utoipa::path(post, path = "/users/{id}/invitation", tag = "users", params(("id" = i64, Path)), responses((status = 200, body = User), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn resend_invitation(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(user_id): ApiPath<i64>,
) -> Result<Response, ApiError> {
    caller.require_administrator()?;
    let public_url = state.public_url.clone();
    let user = state
        .db
        .write(move |conn| {
            let tx = conn.transaction()?;
            let Some(user) = store::user(&tx, caller.account_id, user_id)? else {
                return Ok(Err(ApiError::not_found()));
            };
            if user.user.status == UserStatus::Active {
                return Ok(Err(ApiError::conflict(
                    ErrorCode::AlreadyActive,
                    "This user has already accepted the invitation; there is nothing to resend.",
                )));
            }
            send_invitation(&tx, &caller, user_id, &user.user.email, &public_url)?;
            tx.execute(
                "UPDATE users SET version = version + 1 WHERE id = ?1",
                [user_id],
            )?;
            store::audit(
                &tx,
                Some(caller.account_id),
                &caller.actor(),
                "invitation.resend",
                Some(&user.user.email),
                None,
                None,
            )?;
            let user =
                store::user(&tx, caller.account_id, user_id)?.ok_or(crate::db::DbError::Missing)?;
            tx.commit()?;
            Ok(Ok(user))
        })
        .await??;
    Ok(user_response(StatusCode::OK, user))
}

/// Revoking an invitation removes the pending user: they never had access.
#[utoipa::path(delete, path = "/users/{id}/invitation", tag = "users", params(("id" = i64, Path)), responses((status = 204), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn revoke_invitation(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(user_id): ApiPath<i64>,
) -> Result<Response, ApiError> {
    caller.require_administrator()?;
    state
        .db
        .write(move |conn| {
            let tx = conn.transaction()?;
            let Some(user) = store::user(&tx, caller.account_id, user_id)? else {
                return Ok(Err(ApiError::not_found()));
            };
            if user.user.status == UserStatus::Active {
                return Ok(Err(ApiError::conflict(
                    ErrorCode::AlreadyActive,
                    "This user has already accepted the invitation; remove the user instead.",
                )));
            }
            tx.execute("DELETE FROM users WHERE id = ?1", [user_id])?;
            store::audit(
                &tx,
                Some(caller.account_id),
                &caller.actor(),
                "invitation.revoke",
                Some(&user.user.email),
                None,
                None,
            )?;
            tx.commit()?;
            Ok(Ok(()))
        })
        .await??;
    Ok(StatusCode::NO_CONTENT.into_response())
}
