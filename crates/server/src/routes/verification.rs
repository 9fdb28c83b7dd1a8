//! Verified addresses: their states for the portal, sending a link again,
//! and the public page the link opens (which only confirms on a POST: mail
//! scanners follow links with GET).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use portal_domain::{
    AddressState, AddressStatus, ErrorCode, VERIFICATION_RESEND_MINUTES, VerificationDetails,
    VerificationRequest,
};

use crate::AppState;
use crate::auth::{Caller, ClientIp, MAX_FAILURES_PER_CLIENT, client_key};
use crate::clock::now;
use crate::error::ApiError;
use crate::json::{ApiJson, ApiPath};
use crate::secrets::is_token_shaped;
use crate::store::{self, Actor};
use crate::verification;
#[allow(unused_imports)]
use portal_domain::*;

fn invalid_link() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        ErrorCode::VerificationInvalid,
        "This confirmation link does not work: it was used already, or the address was changed since; ask the account's administrators to send a new one.",
    )
}

fn expired_link() -> ApiError {
    ApiError::new(
        StatusCode::GONE,
        ErrorCode::VerificationExpired,
        "This confirmation link has expired; ask the account's administrators to send a new one.",
    )
}

#[utoipa::path(get, path = "/account/contact-info/addresses", tag = "contact information", responses((status = 200, description = "Every address of the contact information and whether its owner confirmed it", body = Vec<AddressStatus>)))]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Vec<AddressStatus>>, ApiError> {
    let account_id = caller.account_id;
    let statuses = state
        .db
        .read(move |conn| {
            let info = store::contact_info(conn, account_id)?
                .map(|s| s.info)
                .unwrap_or_default();
            verification::statuses(conn, account_id, &info)
        })
        .await?;
    Ok(Json(statuses))
}

/// Sends the address a new confirmation link (the previous one stops
/// working), at most once every few minutes per address.
#[utoipa::path(post, path = "/account/contact-info/addresses/verification", tag = "contact information", request_body = VerificationRequest, responses((status = 200, description = "Sent; the address's state now", body = AddressStatus), (status = 403, description = "Read-only users cannot send links", body = ErrorBody), (status = 404, description = "The contact information does not name this address", body = ErrorBody), (status = 409, description = "Already verified", body = ErrorBody), (status = 429, description = "A link was sent to this address a moment ago", body = ErrorBody)))]
pub async fn send(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(request): ApiJson<VerificationRequest>,
) -> Result<Json<AddressStatus>, ApiError> {
    caller.require_editor()?;
    let public_url = state.public_url.clone();
    let status = state
        .db
        .write(move |conn| {
            let tx = conn.transaction()?;
            let info = store::contact_info(&tx, caller.account_id)?
                .map(|s| s.info)
                .unwrap_or_default();
            let wanted = verification::key(&request.email);
            let Some(email) = verification::addresses(&info)
                .into_iter()
                .find(|e| verification::key(e) == wanted)
            else {
                return Ok(Err(ApiError::new(
                    StatusCode::NOT_FOUND,
                    ErrorCode::NotFound,
                    "The contact information does not name this address; save it there first.",
                )));
            };
            if verification::is_verified(&tx, caller.account_id, &email)? {
                return Ok(Err(ApiError::conflict(
                    ErrorCode::AlreadyVerified,
                    "This address is verified already.",
                )));
            }
            let wait = i64::from(VERIFICATION_RESEND_MINUTES) * 60;
            if let Some(sent) = verification::last_sent(&tx, caller.account_id, &email)?
                && now() - sent < wait
            {
                return Ok(Err(ApiError::too_many_attempts(
                    (sent + wait - now()).max(1) as u64,
                    "A link was sent to this address a moment ago",
                )));
            }
            let account = store::account(&tx, caller.account_id)?;
            let (token, expires_at) = verification::issue(&tx, caller.account_id, &email)?;
            let body = format!(
                "{} asks you to confirm your address for the Partner Portal account \"{}\" \
                 (Partner ID {}).\n\n{} pide que confirmes tu dirección para la cuenta \"{}\" \
                 del Portal para socios (ID de socio {}).\n{}",
                caller.name,
                account.display_name,
                account.partner_id,
                caller.name,
                account.display_name,
                account.partner_id,
                crate::notices::verification_request(
                    &format!("{public_url}/verify/{token}"),
                    expires_at
                ),
            );
            store::queue_mail(
                &tx,
                caller.account_id,
                &email,
                &format!(
                    "Partner Portal: confirm your contact address for {0} / confirma tu dirección de contacto para {0}",
                    account.display_name
                ),
                &body,
            )?;
            store::audit(
                &tx,
                Some(caller.account_id),
                &caller.actor(),
                "address.verification_sent",
                Some(&email),
                None,
                None,
            )?;
            tx.commit()?;
            let status = verification::statuses(conn, caller.account_id, &info)?
                .into_iter()
                .find(|s| verification::key(&s.email) == wanted)
                .ok_or(crate::db::DbError::Missing)?;
            debug_assert_eq!(status.state, AddressState::VerificationSent);
            Ok(Ok(status))
        })
        .await??;
    Ok(Json(status))
}

/// The link, checked: its account and address, or why it does not work.
fn open_link(
    conn: &crate::db::Connection,
    token: &str,
) -> Result<Result<verification::Link, ApiError>, crate::db::DbError> {
    if !is_token_shaped(token) {
        return Ok(Err(invalid_link()));
    }
    Ok(match verification::find(conn, token)? {
        None => Err(invalid_link()),
        Some(link) if link.expired => Err(expired_link()),
        Some(link) => Ok(link),
    })
}

/// What the link's page shows: which account named the address, and for
/// which roles. Looking changes nothing.
#[utoipa::path(get, path = "/verifications/{token}", tag = "verification", params(("token" = String, Path)), responses((status = 200, body = VerificationDetails), (status = 404, body = ErrorBody), (status = 410, description = "Expired", body = ErrorBody)))]
pub async fn details(
    State(state): State<AppState>,
    ApiPath(token): ApiPath<String>,
) -> Result<Json<VerificationDetails>, ApiError> {
    let details = state
        .db
        .read(move |conn| {
            let link = match open_link(conn, &token)? {
                Ok(link) => link,
                Err(e) => return Ok(Err(e)),
            };
            let account = store::account(conn, link.account_id)?;
            let info = store::contact_info(conn, link.account_id)?
                .map(|s| s.info)
                .unwrap_or_default();
            Ok(Ok(VerificationDetails {
                roles: verification::roles(&info, &link.email),
                email: link.email,
                account_name: account.display_name,
                partner_id: account.partner_id,
            }))
        })
        .await??;
    Ok(Json(details))
}

/// The owner confirms the address: it is verified and the link used up.
#[utoipa::path(post, path = "/verifications/{token}", tag = "verification", params(("token" = String, Path)), responses((status = 204, description = "Verified"), (status = 404, body = ErrorBody), (status = 410, description = "Expired", body = ErrorBody), (status = 429, body = ErrorBody)))]
pub async fn confirm(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    ApiPath(token): ApiPath<String>,
) -> Result<Response, ApiError> {
    let keys = [(
        format!("verification-client:{}", client_key(client)),
        MAX_FAILURES_PER_CLIENT,
    )];
    let attempt = state.limiter.begin(&keys).await?.map_err(|wait| {
        ApiError::too_many_attempts(wait, "Too many links that do not work were tried from here")
    })?;
    let result = state
        .db
        .write(move |conn| {
            let tx = conn.transaction()?;
            let link = match open_link(&tx, &token)? {
                Ok(link) => link,
                Err(e) => return Ok(Err(e)),
            };
            verification::confirm(&tx, &token)?;
            store::audit(
                &tx,
                Some(link.account_id),
                &Actor {
                    id: None,
                    name: &link.email,
                },
                "address.verify",
                Some(&link.email),
                None,
                None,
            )?;
            tx.commit()?;
            Ok(Ok(()))
        })
        .await?;
    match result {
        Ok(()) => {
            attempt.succeeded().await?;
            Ok(StatusCode::NO_CONTENT.into_response())
        }
        Err(error) => {
            attempt.failed();
            Err(error)
        }
    }
}
