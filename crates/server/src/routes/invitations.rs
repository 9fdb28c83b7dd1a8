//! `/api/v1/invitations/{token}`: one-time links, usable without a session.

use crate::db::{Connection, OptionalExtension, params};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use portal_domain::{
    AcceptInvitation, Code, ErrorCode, FieldError, FieldPath, InvitationDetails, InvitationPurpose,
    normalize_user_email, validate_email, validate_password, validate_person_name,
};

use crate::AppState;
use crate::auth::{ClientIp, MAX_FAILURES_PER_CLIENT, client_key};
use crate::clock::{now, rfc3339};
use crate::db::DbError;
use crate::error::ApiError;
use crate::json::{ApiJson, ApiPath};
use crate::secrets::{hash_password, is_token_shaped, token_hash};
use crate::store::{self, Actor};
#[allow(unused_imports)]
use portal_domain::*;

struct Link {
    id: i64,
    account_id: i64,
    user_id: Option<i64>,
    purpose: InvitationPurpose,
    expires_at: i64,
}

fn invalid_link() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        ErrorCode::InvitationInvalid,
        "This link is not valid or was already used; ask an administrator for a new invitation.",
    )
}

fn expired_link() -> ApiError {
    ApiError::new(
        StatusCode::GONE,
        ErrorCode::InvitationExpired,
        "This link has expired; ask an administrator to resend the invitation.",
    )
}

fn find(conn: &Connection, token: &str) -> Result<Result<Link, ApiError>, DbError> {
    if !is_token_shaped(token) {
        return Ok(Err(invalid_link()));
    }
    let link = conn
        .query_row(
            "SELECT id, account_id, user_id, purpose, expires_at FROM invitations WHERE token_hash = ?1",
            [token_hash(token)],
            |r| {
                Ok(Link {
                    id: r.get(0)?,
                    account_id: r.get(1)?,
                    user_id: r.get(2)?,
                    purpose: if r.get::<_, String>(3)? == "setup" {
                        InvitationPurpose::Setup
                    } else {
                        InvitationPurpose::Invitation
                    },
                    expires_at: r.get(4)?,
                })
            },
        )
        .optional()?;
    Ok(match link {
        None => Err(invalid_link()),
        Some(link) if link.expires_at <= now() => Err(expired_link()),
        Some(link) => Ok(link),
    })
}

#[utoipa::path(get, path = "/invitations/{token}", tag = "invitations", params(("token" = String, Path)), responses((status = 200, body = InvitationDetails), (status = 404, body = ErrorBody), (status = 410, description = "Expired", body = ErrorBody)))]
pub async fn details(
    State(state): State<AppState>,
    ApiPath(token): ApiPath<String>,
) -> Result<Json<InvitationDetails>, ApiError> {
    let details = state
        .db
        .read(move |conn| {
            let link = match find(conn, &token)? {
                Ok(link) => link,
                Err(e) => return Ok(Err(e)),
            };
            let account = store::account(conn, link.account_id)?;
            let (email, name) = match link.user_id {
                Some(id) => {
                    conn.query_row("SELECT email, name FROM users WHERE id = ?1", [id], |r| {
                        Ok((r.get(0)?, r.get(1)?))
                    })?
                }
                None => (String::new(), String::new()),
            };
            Ok(Ok(InvitationDetails {
                purpose: link.purpose,
                account_name: account.display_name,
                partner_id: account.partner_id,
                email,
                name,
                expires_at: rfc3339(link.expires_at),
            }))
        })
        .await??;
    Ok(Json(details))
}

/// Sets the name and password (and, for a setup link, creates the first
/// administrator). The link works once. The person then signs in as usual.
#[utoipa::path(post, path = "/invitations/{token}/accept", tag = "invitations", params(("token" = String, Path)), request_body = AcceptInvitation, responses((status = 204), (status = 404, body = ErrorBody), (status = 410, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn accept(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    ApiPath(token): ApiPath<String>,
    ApiJson(request): ApiJson<AcceptInvitation>,
) -> Result<Response, ApiError> {
    // Links that do not work count against the client, as failed sign-ins
    // do: a client that keeps trying made-up links is refused before any
    // work, however many requests it sends.
    let keys = [(
        format!("invitation-client:{}", client_key(client)),
        MAX_FAILURES_PER_CLIENT,
    )];
    let attempt = state.limiter.begin(&keys).await?.map_err(|wait| {
        ApiError::too_many_attempts(wait, "Too many links that do not work were tried from here")
    })?;
    let name = request.name.trim().to_owned();
    let email = normalize_user_email(&request.email);
    let mut errors = validate_person_name(&name, FieldPath::NAME);
    errors.extend(validate_password(&request.password));
    // Nothing is hashed for a link that does not work or for input that
    // will be refused anyway: hashing costs 19 MiB and real time, and this
    // route needs no session.
    let lookup = token.clone();
    let link = state.db.read(move |conn| find(conn, &lookup)).await?;
    let purpose = match link {
        Ok(link) => {
            attempt.succeeded().await?;
            link.purpose
        }
        Err(error) => {
            attempt.failed();
            return Err(error);
        }
    };
    if purpose == InvitationPurpose::Setup {
        errors.extend(validate_email(&email, FieldPath::EMAIL));
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let password = request.password;
    let hash = state.hash_work(move || hash_password(&password)).await?;
    state
        .db
        .write(move |conn| {
            let tx = conn.transaction()?;
            let link = match find(&tx, &token)? {
                Ok(link) => link,
                Err(e) => return Ok(Err(e)),
            };
            if link.purpose == InvitationPurpose::Setup {
                let taken: bool = tx.query_row("SELECT EXISTS (SELECT 1 FROM users WHERE email = ?1)", [&email], |r| r.get(0))?;
                if taken {
                    return Ok(Err(ApiError::validation(vec![FieldError::new(
                        FieldPath::EMAIL,
                        Code::AlreadyRegistered,
                    )])));
                }
            }
            let user_id = match link.user_id {
                Some(user_id) => {
                    tx.execute(
                        "UPDATE users SET name = ?1, password_hash = ?2, version = version + 1 WHERE id = ?3",
                        params![name, hash, user_id],
                    )?;
                    user_id
                }
                None => {
                    tx.execute(
                        "INSERT INTO users (account_id, email, name, role, password_hash, created_at)
                         VALUES (?1, ?2, ?3, 'administrator', ?4, ?5)",
                        params![link.account_id, email, name, hash, now()],
                    )?;
                    tx.last_insert_rowid()?
                }
            };
            tx.execute("DELETE FROM invitations WHERE id = ?1", [link.id])?;
            let action = match link.purpose {
                InvitationPurpose::Setup => "account.setup",
                InvitationPurpose::Invitation => "invitation.accept",
            };
            store::audit(&tx, Some(link.account_id), &Actor { id: Some(user_id), name: &name }, action, None, None, None)?;
            tx.commit()?;
            Ok(Ok(()))
        })
        .await??;
    Ok(StatusCode::NO_CONTENT.into_response())
}
