//! Request bodies: JSON only, and every way a body can be wrong answered with a
//! specific 4xx in the API's error shape (never axum's plain-text rejections).

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use portal_domain::{Code, ErrorCode, FieldError, FieldPath};
use serde::de::DeserializeOwned;
use serde_path_to_error::Segment;

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
        let mut value = value;
        integral_numbers_as_integers(&mut value);
        serde_path_to_error::deserialize(value)
            .map(Self)
            .map_err(mistyped_body)
    }
}

/// JSON Schema, and so the API's document, counts `3.0` as the integer 3;
/// serde would refuse it where an integer belongs. Every number without a
/// fraction that an `f64` holds exactly becomes that integer.
fn integral_numbers_as_integers(value: &mut serde_json::Value) {
    /// 2^53: beyond it an `f64` no longer holds every integer.
    const EXACT: f64 = 9_007_199_254_740_992.0;
    match value {
        serde_json::Value::Number(number) if !number.is_i64() && !number.is_u64() => {
            if let Some(float) = number.as_f64()
                && float.fract() == 0.0
                && float.abs() <= EXACT
            {
                *number = serde_json::Number::from(float as i64);
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(integral_numbers_as_integers),
        serde_json::Value::Object(fields) => {
            fields.values_mut().for_each(integral_numbers_as_integers)
        }
        _ => {}
    }
}

/// 422 for JSON of the wrong shape, naming where: a missing field is
/// `required` and a value of the wrong type `invalid_type`, at the deepest
/// path of the API's [`FieldPath`] grammar that contains the problem (the
/// message names the exact place). An unknown field has no path of its own.
fn mistyped_body(error: serde_path_to_error::Error<serde_json::Error>) -> ApiError {
    let problem = error.inner().to_string();
    let mut segments: Vec<String> = Vec::new();
    for segment in error.path().iter() {
        match segment {
            Segment::Map { key } if segments.is_empty() => segments.push(key.clone()),
            Segment::Map { key } => segments.push(format!(".{key}")),
            Segment::Seq { index } => segments.push(format!("[{index}]")),
            Segment::Enum { .. } => {}
            Segment::Unknown => break,
        }
    }
    let (code, segments) = match quoted_after(&problem, "missing field ") {
        Some(name) => {
            let prefix = if segments.is_empty() { "" } else { "." };
            segments.push(format!("{prefix}{name}"));
            (Code::Required, segments)
        }
        None if problem.starts_with("unknown field ") => (Code::InvalidType, Vec::new()),
        None => (Code::InvalidType, segments),
    };
    let at = segments.concat();
    let mut answer = invalid_body(if at.is_empty() {
        format!("The JSON does not have the expected fields: {problem}.")
    } else {
        format!("The JSON does not have the expected fields: at `{at}`, {problem}.")
    });
    // The longest prefix of the path that the API's grammar knows.
    let known = (1..=segments.len())
        .rev()
        .find_map(|end| segments[..end].concat().parse::<FieldPath>().ok());
    if let Some(path) = known {
        answer.body.fields.push(FieldError::new(path, code));
    }
    answer
}

/// `name` in serde's "missing field `name`".
fn quoted_after<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    text.strip_prefix(prefix)?
        .strip_prefix('`')?
        .split('`')
        .next()
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
