//! `/api/v1/session`: sign in, who am I, environment, sign out.

use crate::db::{OptionalExtension, params};
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use portal_domain::{
    EnvironmentChange, ErrorCode, SessionInfo, SignInRequest, normalize_user_email,
};

use crate::AppState;
use crate::auth::{
    Caller, ClientIp, IDLE_TIMEOUT_SECS, MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_CLIENT,
    client_key, session_cookie,
};
use crate::clock::now;
use crate::error::ApiError;
use crate::json::ApiJson;
use crate::secrets::{new_token, token_hash, verify_password};
use crate::store::{self, Actor};
#[allow(unused_imports)]
use portal_domain::*;

/// The same answer for an unknown address and a wrong password.
fn bad_credentials() -> ApiError {
    ApiError::new(
        StatusCode::UNAUTHORIZED,
        ErrorCode::InvalidCredentials,
        "The email address or password is not right; check both and try again.",
    )
}

#[utoipa::path(post, path = "/session", tag = "session", request_body = SignInRequest, responses((status = 200, description = "Signed in; sets the session cookie", body = SessionInfo), (status = 401, description = "Wrong address or password (the same answer for both)", body = ErrorBody), (status = 429, description = "Too many failed attempts", body = ErrorBody)))]
pub async fn sign_in(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    ApiJson(request): ApiJson<SignInRequest>,
) -> Result<Response, ApiError> {
    let email = normalize_user_email(&request.email);
    if email.is_empty()
        || request.password.is_empty()
        || email.len() > 254
        || request.password.len() > 1024
    {
        return Err(bad_credentials());
    }
    let keys = [
        (format!("address:{email}"), MAX_FAILURES_PER_ADDRESS),
        (
            format!("client:{}", client_key(client)),
            MAX_FAILURES_PER_CLIENT,
        ),
    ];
    let attempt = state
        .limiter
        .begin(&keys)
        .await?
        .map_err(|wait| ApiError::too_many_attempts(wait, "Too many failed sign-ins"))?;

    let lookup_email = email.clone();
    let found = state
        .db
        .read(move |conn| {
            conn.query_row(
                "SELECT id, account_id, name, password_hash FROM users WHERE email = ?1",
                [&lookup_email],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, Option<String>>(3)?,
                    ))
                },
            )
            .optional()
        })
        .await?;
    let stored_hash = found.as_ref().and_then(|(_, _, _, hash)| hash.clone());
    let password = request.password;
    let valid = state
        .hash_work(move || verify_password(&password, stored_hash.as_deref()))
        .await
        .unwrap_or(false);

    let Some((user_id, account_id, name, _)) = found.filter(|_| valid) else {
        attempt.failed();
        let failed_email = email.clone();
        state
            .db
            .write(move |conn| {
                let account: Option<i64> = conn
                    .query_row(
                        "SELECT account_id FROM users WHERE email = ?1",
                        [&failed_email],
                        |r| r.get(0),
                    )
                    .optional()?;
                store::audit(
                    conn,
                    account,
                    &Actor {
                        id: None,
                        name: &failed_email,
                    },
                    "session.sign_in_failed",
                    Some(&failed_email),
                    None,
                    None,
                )
            })
            .await?;
        return Err(bad_credentials());
    };
    attempt.succeeded().await?;
    state.limiter.clear(&keys[0].0).await?;

    // A new token at every sign-in: a token planted before sign-in is worthless.
    let token = new_token();
    let hash = token_hash(&token);
    state
        .db
        .write(move |conn| {
            let now = now();
            conn.execute(
                "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at) VALUES (?1, ?2, ?3, ?3)",
                params![hash, user_id, now],
            )?;
            store::audit(conn, Some(account_id), &Actor { id: Some(user_id), name: &name }, "session.sign_in", None, None, None)
        })
        .await?;
    let info = session_info(&state, user_id, account_id).await?;
    let mut response = Json(info).into_response();
    let (name, value) = session_cookie(Some(&token), state.secure_cookies);
    response.headers_mut().insert(name, value);
    Ok(response)
}

#[utoipa::path(get, path = "/session", tag = "session", responses((status = 200, description = "The signed-in user", body = SessionInfo), (status = 204, description = "Nobody is signed in: no session cookie, or the session has ended (the cookie is then cleared)")))]
pub async fn who_am_i(
    State(state): State<AppState>,
    headers: HeaderMap,
    caller: Result<Caller, ApiError>,
) -> Result<Response, ApiError> {
    match caller {
        Ok(caller) => Ok(
            Json(session_info(&state, caller.user_id, caller.account_id).await?).into_response(),
        ),
        // Asking whether anyone is signed in is not an error when nobody is:
        // the app asks on every load, and a 401 would read as a failure.
        Err(error) if error.status == StatusCode::UNAUTHORIZED => {
            let mut response = StatusCode::NO_CONTENT.into_response();
            if crate::auth::cookie(&headers, crate::auth::SESSION_COOKIE).is_some() {
                let (name, value) = session_cookie(None, state.secure_cookies);
                response.headers_mut().insert(name, value);
            }
            Ok(response)
        }
        Err(error) => Err(error),
    }
}

async fn session_info(
    state: &AppState,
    user_id: i64,
    account_id: i64,
) -> Result<SessionInfo, ApiError> {
    let review = state.review;
    state
        .db
        .read(move |conn| {
            let account = store::account(conn, account_id)?;
            let user =
                store::user(conn, account_id, user_id)?.ok_or(crate::db::DbError::Missing)?;
            let environment: String = conn.query_row(
                "SELECT environment FROM users WHERE id = ?1",
                [user_id],
                |r| r.get(0),
            )?;
            let (contact_info_complete, review) = store::gate(conn, account_id, &review)?;
            Ok(SessionInfo {
                user: user.user,
                account,
                environment: portal_domain::Environment::parse(&environment)
                    .unwrap_or(portal_domain::Environment::Sandbox),
                contact_info_complete,
                review,
                idle_timeout_secs: IDLE_TIMEOUT_SECS,
            })
        })
        .await
        .map_err(Into::into)
}

#[utoipa::path(patch, path = "/session", tag = "session", request_body = EnvironmentChange, responses((status = 200, body = SessionInfo), (status = 401, body = ErrorBody)))]
pub async fn set_environment(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(change): ApiJson<EnvironmentChange>,
) -> Result<Json<SessionInfo>, ApiError> {
    let user_id = caller.user_id;
    state
        .db
        .write(move |conn| {
            conn.execute(
                "UPDATE users SET environment = ?1 WHERE id = ?2",
                params![change.environment.as_str(), user_id],
            )?;
            Ok(())
        })
        .await?;
    Ok(Json(
        session_info(&state, caller.user_id, caller.account_id).await?,
    ))
}

#[utoipa::path(delete, path = "/session", tag = "session", responses((status = 204, description = "Signed out; the session is deleted on the server")))]
pub async fn sign_out(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    // Signing out always succeeds for the browser, even with a session that
    // had already ended; the server-side session is deleted if it exists.
    if let Some(token) = crate::auth::cookie(&headers, crate::auth::SESSION_COOKIE) {
        let hash = token_hash(&token);
        state
            .db
            .write(move |conn| {
                let who: Option<(i64, i64, String)> = conn
                    .query_row(
                        "SELECT u.id, u.account_id, u.name FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?1",
                        [&hash],
                        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                    )
                    .optional()?;
                conn.execute("DELETE FROM sessions WHERE token_hash = ?1", [&hash])?;
                if let Some((id, account, name)) = who {
                    store::audit(conn, Some(account), &Actor { id: Some(id), name: &name }, "session.sign_out", None, None, None)?;
                }
                Ok(())
            })
            .await?;
    }
    let mut response = StatusCode::NO_CONTENT.into_response();
    let (name, value) = session_cookie(None, state.secure_cookies);
    response.headers_mut().insert(name, value);
    Ok(response)
}
