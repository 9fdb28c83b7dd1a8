//! Request bodies: JSON only, and every way a body can be wrong answered with a
//! specific 4xx in the API's error shape (never axum's plain-text rejections).

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use portal_domain::ErrorCode;
use serde::de::DeserializeOwned;

use crate::error::ApiError;

/// `Path<T>` with the API's own errors: a path parameter that does not parse
/// (`/users/not-a-number`, an id beyond i64) names nothing that can exist,
/// so it is a JSON 404 like any other missing resource.
pub struct ApiPath<T>(pub T);

impl<S, T> axum::extract::FromRequestParts<S> for ApiPath<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, Self::Rejection> {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Path(value)| Self(value))
            .map_err(|_| ApiError::not_found())
    }
}

/// `Json<T>` with the API's own errors.
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let value = match axum::Json::<serde_json::Value>::from_request(req, state).await {
            Ok(axum::Json(value)) => value,
            Err(rejection) => return Err(rejection_to_error(rejection)),
        };
        // Every body of this API is an object. Serde would also read a struct
        // from an array of its fields in declaration order, which no client
        // means to send.
        if !value.is_object() {
            return Err(invalid_body(
                "The body must be a JSON object, e.g. {\"name\": …}.",
            ));
        }
        serde_json::from_value(value)
            .map(Self)
            .map_err(|e| invalid_body(format!("The JSON does not have the expected fields: {e}")))
    }
}

fn invalid_body(message: impl Into<String>) -> ApiError {
    ApiError::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::InvalidBody,
        message,
    )
}

fn rejection_to_error(rejection: JsonRejection) -> ApiError {
    match rejection {
        JsonRejection::MissingJsonContentType(_) => ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ErrorCode::JsonRequired,
            "Send the body as JSON with Content-Type: application/json.",
        ),
        JsonRejection::JsonSyntaxError(e) => ApiError::bad_request(
            ErrorCode::MalformedJson,
            format!("The body is not valid JSON: {}", e.body_text()),
        ),
        JsonRejection::JsonDataError(e) => ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::InvalidBody,
            format!(
                "The JSON does not have the expected fields: {}",
                e.body_text()
            ),
        ),
        JsonRejection::BytesRejection(_) => ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::BodyTooLarge,
            format!(
                "The body could not be read; it must be at most {} bytes.",
                crate::MAX_BODY_BYTES
            ),
        ),
        other => ApiError::bad_request(ErrorCode::InvalidBody, other.body_text()),
    }
}
