//! API errors, answered in the one JSON shape of [`portal_domain::ErrorBody`].

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use portal_domain::codes::param;
use portal_domain::{Code, ErrorBody, ErrorCode, FieldError, FieldPath};

use crate::db::DbError;

/// An error an API handler answers with: a status and the shared error body.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub body: ErrorBody,
    /// The resource's current version, sent as `ETag` with a 412.
    pub etag: Option<String>,
    /// Seconds to wait, sent as `Retry-After` with a 429.
    pub retry_after: Option<u64>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            status,
            body: ErrorBody::new(code, message),
            etag: None,
            retry_after: None,
        }
    }

    pub fn not_found() -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            ErrorCode::NotFound,
            "There is no such API route or resource.",
        )
    }

    pub fn bad_request(code: ErrorCode, message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, message)
    }

    pub fn unauthorized() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            ErrorCode::Unauthorized,
            "Sign in to continue; your session is missing or has expired.",
        )
    }

    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, ErrorCode::Forbidden, message)
    }

    /// 500 for a request whose handler failed (panicked): the server's own
    /// defect, answered in the API's shape instead of a dropped connection.
    pub fn internal() -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            ErrorCode::InternalError,
            "Something went wrong on the server; try again, then reload to see what was saved.",
        )
    }

    /// 429 with `Retry-After`: `what` happened too often from this client or
    /// for this address; the message says how long to wait.
    pub fn too_many_attempts(wait_secs: u64, what: &str) -> Self {
        let mut error = Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            ErrorCode::TooManyAttempts,
            format!(
                "{what}; wait {} minutes and try again.",
                wait_secs.div_ceil(60)
            ),
        );
        error.retry_after = Some(wait_secs);
        error
    }

    /// 422 with field-level problems, in the same shape the app validates with.
    pub fn validation(fields: Vec<FieldError>) -> Self {
        Self {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            body: ErrorBody::validation_failed(fields),
            etag: None,
            retry_after: None,
        }
    }

    /// 409 for a request that breaks a rule about the account as a whole.
    pub fn conflict(code: ErrorCode, message: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, code, message)
    }

    pub fn precondition_required() -> Self {
        Self::new(
            StatusCode::PRECONDITION_REQUIRED,
            ErrorCode::PreconditionRequired,
            "Send the version you edited in an If-Match header (the ETag you read).",
        )
    }

    /// 412: someone saved a newer version meanwhile; the body and `ETag` carry it.
    pub fn stale(current_version: i64) -> Self {
        let mut error = Self::new(
            StatusCode::PRECONDITION_FAILED,
            ErrorCode::VersionConflict,
            "Someone else saved a newer version; load it and apply your changes again.",
        );
        error.body.fields.push(
            FieldError::new(FieldPath::VERSION, Code::Stale)
                .with_param(param::CURRENT, current_version),
        );
        error.etag = Some(crate::etag(current_version));
        error
    }
}

impl From<DbError> for ApiError {
    fn from(e: DbError) -> Self {
        if matches!(e, DbError::Missing) {
            return Self::unauthorized();
        }
        tracing::error!(error = %e, "database failure");
        Self::new(
            StatusCode::SERVICE_UNAVAILABLE,
            ErrorCode::DatabaseUnavailable,
            "The database could not be reached; try again shortly.",
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status, Json(self.body)).into_response();
        if let Some(etag) = self.etag.and_then(|e| HeaderValue::from_str(&e).ok()) {
            response.headers_mut().insert(header::ETAG, etag);
        }
        if let Some(secs) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        response
    }
}
