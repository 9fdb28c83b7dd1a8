//! `/api/v1/account`: the account, its contact information, that
//! information's change history and its yearly review.

use crate::db::params;
use axum::Json;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use portal_domain::{
    Account, ContactInfo, ContactInfoResponse, ErrorCode, HistoryEntry, HistoryPage, field_changes,
    normalize_contact_info, validate_contact_info,
};
use serde::Deserialize;

use crate::AppState;
use crate::auth::Caller;
use crate::clock::{now, rfc3339};
use crate::db::DbError;
use crate::error::ApiError;
use crate::json::{ApiJson, ApiPath};
use crate::store::{self, RuleInputs, StoredContactInfo};
use crate::{etag, if_match};
#[allow(unused_imports)]
use portal_domain::*;

#[utoipa::path(get, path = "/account", tag = "account", responses((status = 200, body = Account), (status = 401, body = ErrorBody)))]
pub async fn get_account(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Account>, ApiError> {
    let account_id = caller.account_id;
    Ok(Json(
        state
            .db
            .read(move |conn| store::account(conn, account_id))
            .await?,
    ))
}

fn contact_response(body: ContactInfoResponse) -> Response {
    let mut response = Json(&body).into_response();
    if let Ok(value) = HeaderValue::from_str(&etag(body.version)) {
        response.headers_mut().insert(header::ETAG, value);
    }
    response
}

fn load_response(
    conn: &crate::db::Connection,
    account_id: i64,
) -> Result<ContactInfoResponse, DbError> {
    let inputs = RuleInputs::load(conn, account_id)?;
    let stored = store::contact_info(conn, account_id)?;
    let (info, version, updated_by, updated_at) = match stored {
        Some(s) => (
            s.info,
            s.version,
            Some(s.updated_by),
            Some(rfc3339(s.updated_at)),
        ),
        None => (ContactInfo::default(), 0, None, None),
    };
    let report = inputs.with_rules(|rules| validate_contact_info(&info, rules));
    let dismissed_warnings = store::dismissed_warnings(conn, account_id)?;
    Ok(ContactInfoResponse {
        complete: version > 0 && report.is_valid(),
        warnings: if version > 0 {
            report
                .warnings
                .into_iter()
                .filter(|w| !dismissed_warnings.contains(&w.code))
                .collect()
        } else {
            Vec::new()
        },
        dismissed_warnings,
        contact_info: info,
        version,
        merchant_contact_required: inputs.merchant_contact_required,
        updated_by,
        updated_at,
    })
}

#[utoipa::path(get, path = "/account/contact-info", tag = "contact information", responses((status = 200, description = "The contact information; its version is also the ETag", body = ContactInfoResponse), (status = 401, body = ErrorBody)))]
pub async fn get_contact_info(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Response, ApiError> {
    let account_id = caller.account_id;
    let body = state
        .db
        .read(move |conn| load_response(conn, account_id))
        .await?;
    Ok(contact_response(body))
}

/// Saves complete, valid contact information. Exactly one writer wins per
/// version: the version check and the write happen in one transaction.
#[utoipa::path(put, path = "/account/contact-info", tag = "contact information", request_body = ContactInfo, params(("If-Match" = String, Header, description = "The ETag read, e.g. \"3\"")), responses((status = 200, body = ContactInfoResponse), (status = 403, description = "Read-only users cannot edit", body = ErrorBody), (status = 412, description = "Someone saved a newer version", body = ErrorBody), (status = 422, description = "Field errors", body = ErrorBody), (status = 428, description = "If-Match missing", body = ErrorBody)))]
pub async fn put_contact_info(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    ApiJson(submitted): ApiJson<ContactInfo>,
) -> Result<Response, ApiError> {
    caller.require_editor()?;
    let expected = if_match(&headers)?;
    let info = normalize_contact_info(&submitted);
    let public_url = state.public_url.clone();
    let outcome = state
        .db
        .write(move |conn| {
            let tx = conn.transaction()?;
            let current = match stored_at(&tx, caller.account_id, expected)? {
                Ok(current) => current,
                Err(stale) => return Ok(Err(stale)),
            };
            let report = store::validate_for(&tx, caller.account_id, &info)?;
            if !report.is_valid() {
                return Ok(Err(ApiError::validation(report.errors)));
            }
            store::save_contact_info(
                &tx,
                caller.account_id,
                &caller.actor(),
                current.as_ref(),
                &info,
                &public_url,
            )?;
            tx.commit()?;
            Ok(Ok(load_response(conn, caller.account_id)?))
        })
        .await??;
    Ok(contact_response(outcome))
}

/// Dismisses a warning for the whole account: it is no longer reported (in
/// `warnings`, on the Overview, in the form) until restored. Dismissing one
/// already dismissed changes nothing.
#[utoipa::path(post, path = "/account/contact-info/warnings/{code}/dismissal", tag = "contact information", params(("code" = String, Path, description = "A warning code: personal_address, emergency_phone_missing, operational_address_shared, single_technical_contact or schedules_overlap_across_zones")), responses((status = 200, description = "Dismissed; the contact information with the warnings still reported", body = ContactInfoResponse), (status = 403, description = "Read-only users cannot dismiss warnings", body = ErrorBody), (status = 404, description = "Not a warning code", body = ErrorBody)))]
pub async fn dismiss_warning(
    state: State<AppState>,
    caller: Caller,
    code: ApiPath<String>,
) -> Result<Response, ApiError> {
    set_dismissed(state, caller, code, true).await
}

/// Reports a dismissed warning again. Restoring one that is not dismissed
/// changes nothing.
#[utoipa::path(delete, path = "/account/contact-info/warnings/{code}/dismissal", tag = "contact information", params(("code" = String, Path, description = "A warning code, as for POST")), responses((status = 200, description = "Reported again; the contact information with the warnings reported", body = ContactInfoResponse), (status = 403, description = "Read-only users cannot restore warnings", body = ErrorBody), (status = 404, description = "Not a warning code", body = ErrorBody)))]
pub async fn restore_warning(
    state: State<AppState>,
    caller: Caller,
    code: ApiPath<String>,
) -> Result<Response, ApiError> {
    set_dismissed(state, caller, code, false).await
}

async fn set_dismissed(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(code): ApiPath<String>,
    dismissed: bool,
) -> Result<Response, ApiError> {
    let code = code
        .parse::<Code>()
        .ok()
        .filter(|code| code.is_warning())
        .ok_or_else(ApiError::not_found)?;
    caller.require_editor()?;
    let body = state
        .db
        .write(move |conn| {
            let tx = conn.transaction()?;
            store::set_warning_dismissed(&tx, caller.account_id, &caller.actor(), code, dismissed)?;
            tx.commit()?;
            load_response(conn, caller.account_id)
        })
        .await?;
    Ok(contact_response(body))
}

/// History entries per page when the query does not say, and at most.
const DEFAULT_PER_PAGE: u32 = 20;
pub(crate) const MAX_PER_PAGE: u32 = 100;

#[derive(Deserialize)]
pub struct PageQuery {
    page: Option<u32>,
    per_page: Option<u32>,
}

#[utoipa::path(get, path = "/account/contact-info/history", tag = "contact information", params(("page" = Option<u32>, Query, description = "1-based"), ("per_page" = Option<u32>, Query, description = "1 to 100, default 20")), responses((status = 200, body = HistoryPage), (status = 400, body = ErrorBody)))]
pub async fn history(
    State(state): State<AppState>,
    caller: Caller,
    query: Result<Query<PageQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<HistoryPage>, ApiError> {
    let Query(query) = query.map_err(|e| {
        ApiError::bad_request(
            ErrorCode::InvalidQuery,
            format!("{e}; use ?page=1&per_page=20"),
        )
    })?;
    let page = query.page.unwrap_or(1);
    let per_page = query.per_page.unwrap_or(DEFAULT_PER_PAGE);
    if !(1..=i32::MAX as u32).contains(&page) || !(1..=MAX_PER_PAGE).contains(&per_page) {
        return Err(ApiError::bad_request(
            ErrorCode::InvalidQuery,
            format!(
                "page counts from 1 and per_page is 1 to {MAX_PER_PAGE}; use e.g. ?page=1&per_page={DEFAULT_PER_PAGE}"
            ),
        ));
    }
    let account_id = caller.account_id;
    let result = state
        .db
        .read(move |conn| {
            let total: u64 = conn.query_row(
                "SELECT COUNT(*) FROM audit_log WHERE account_id = ?1 AND action = 'contact_info.update'",
                [account_id],
                |r| r.get(0),
            )?;
            let names: std::collections::HashMap<i64, String> = store::users(conn, account_id)?
                .into_iter()
                .map(|u| (u.user.id, u.user.name))
                .collect();
            let mut statement = conn.prepare(
                "SELECT id, at, actor_name, before, after FROM audit_log
                 WHERE account_id = ?1 AND action = 'contact_info.update'
                 ORDER BY id DESC LIMIT ?2 OFFSET ?3",
            )?;
            let entries = statement
                .query_map(
                    params![account_id, per_page, i64::from(page - 1) * i64::from(per_page)],
                    |r| {
                        Ok((
                            r.get::<_, i64>(0)?,
                            r.get::<_, i64>(1)?,
                            r.get::<_, String>(2)?,
                            r.get::<_, Option<String>>(3)?,
                            r.get::<_, Option<String>>(4)?,
                        ))
                    },
                )?
                .collect::<Result<Vec<_>, _>>()?
                .into_iter()
                .map(|(id, at, actor_name, before, after)| {
                    let parse = |json: Option<String>| {
                        json.and_then(|j| serde_json::from_str::<ContactInfo>(&j).ok())
                    };
                    HistoryEntry {
                        id,
                        at: rfc3339(at),
                        actor_name,
                        changes: field_changes(
                            parse(before).as_ref(),
                            &parse(after).unwrap_or_default(),
                            &|id| names.get(&id).cloned(),
                        ),
                    }
                })
                .collect();
            Ok(HistoryPage { entries, page, per_page, total })
        })
        .await?;
    Ok(Json(result))
}

/// The stored contact information if it is still at the version `expected`
/// (`If-Match`; 0 when nothing is saved yet), else the 412 to answer.
fn stored_at(
    conn: &crate::db::Connection,
    account_id: i64,
    expected: i64,
) -> Result<Result<Option<StoredContactInfo>, ApiError>, DbError> {
    let current = store::contact_info(conn, account_id)?;
    let version = current.as_ref().map_or(0, |c| c.version);
    Ok(if version == expected {
        Ok(current)
    } else {
        Err(ApiError::stale(version))
    })
}

#[utoipa::path(get, path = "/account/contact-info/review", tag = "contact information", responses((status = 200, description = "Where the yearly review stands: current, due (remind) or overdue (the portal is locked)", body = ReviewStatus)))]
pub async fn get_review(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<ReviewStatus>, ApiError> {
    let account_id = caller.account_id;
    let stored = state
        .db
        .read(move |conn| store::contact_info(conn, account_id))
        .await?;
    Ok(Json(store::review_status(stored.as_ref(), &state.review)))
}

/// Confirms that the contact information, unchanged, is still correct: the
/// review year starts again, without a new version. Only information that
/// passes today's rules can be confirmed; otherwise it must be completed and
/// saved, which counts as a review too.
#[utoipa::path(post, path = "/account/contact-info/review", tag = "contact information", params(("If-Match" = String, Header, description = "The ETag of the version confirmed")), responses((status = 200, description = "Reviewed now", body = ReviewStatus), (status = 403, description = "Read-only users cannot review", body = ErrorBody), (status = 412, description = "Someone saved a newer version meanwhile", body = ErrorBody), (status = 422, description = "The contact information does not pass today's rules; complete and save it instead", body = ErrorBody), (status = 428, description = "If-Match missing", body = ErrorBody)))]
pub async fn confirm_review(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
) -> Result<Json<ReviewStatus>, ApiError> {
    caller.require_editor()?;
    let expected = if_match(&headers)?;
    let policy = state.review;
    let status = state
        .db
        .write(move |conn| {
            let tx = conn.transaction()?;
            let current = match stored_at(&tx, caller.account_id, expected)? {
                Ok(current) => current,
                Err(stale) => return Ok(Err(stale)),
            };
            let info = current.map(|c| c.info).unwrap_or_default();
            let report = store::validate_for(&tx, caller.account_id, &info)?;
            if !report.is_valid() {
                return Ok(Err(ApiError::validation(report.errors)));
            }
            tx.execute(
                "UPDATE contact_info SET reviewed_at = ?1, reviewed_by_name = ?2 WHERE account_id = ?3",
                params![now(), caller.name, caller.account_id],
            )?;
            store::audit(
                &tx,
                Some(caller.account_id),
                &caller.actor(),
                "contact_info.review",
                None,
                None,
                None,
            )?;
            tx.commit()?;
            let stored = store::contact_info(conn, caller.account_id)?;
            Ok(Ok(store::review_status(stored.as_ref(), &policy)))
        })
        .await??;
    Ok(Json(status))
}
