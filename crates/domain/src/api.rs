//! The one error shape every API answer uses.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::codes::{Code, ErrorCode};
use crate::path::FieldPath;

/// The JSON body of every non-2xx API answer.
///
/// `code` is stable and machine-readable so the app can translate it; `message`
/// is a plain-English hint for operators reading logs or using curl.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub code: ErrorCode,
    pub message: String,
    /// Field-level problems, for validation failures; empty otherwise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldError>,
}

/// One field-level problem, addressed by its path, e.g. `technical_emergency[2].email`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub path: FieldPath,
    pub code: Code,
    /// Values the message needs, e.g. `max` = `10`; ordered so answers are stable.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, String>,
}

impl ErrorBody {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            fields: Vec::new(),
        }
    }

    /// The answer to a request whose fields break the rules of [`crate::validate`],
    /// so the app can show the server's findings exactly like its own.
    pub fn validation_failed(fields: Vec<FieldError>) -> Self {
        Self {
            code: ErrorCode::ValidationFailed,
            message: "Some fields are invalid; see `fields` for each problem.".to_owned(),
            fields,
        }
    }
}

impl FieldError {
    /// A problem without parameters; add them with [`FieldError::with_param`].
    pub fn new(path: FieldPath, code: Code) -> Self {
        Self {
            path,
            code,
            params: BTreeMap::new(),
        }
    }

    /// Adds a value the translated message needs, e.g. `max` = `10`.
    #[must_use]
    pub fn with_param(mut self, key: impl Into<String>, value: impl ToString) -> Self {
        self.params.insert(key.into(), value.to_string());
        self
    }

    /// A parameter's value, for messages that interpolate it.
    pub fn param(&self, key: &str) -> Option<&str> {
        self.params.get(key).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_body_without_fields_omits_them() {
        let body = ErrorBody::new(ErrorCode::NotFound, "No such API route.");
        let json = serde_json::to_string(&body).unwrap();
        assert_eq!(
            json,
            r#"{"code":"not_found","message":"No such API route."}"#
        );
        let back: ErrorBody = serde_json::from_str(&json).unwrap();
        assert_eq!(back, body);
    }

    #[test]
    fn validation_failed_carries_field_errors_with_params() {
        let body = ErrorBody::validation_failed(vec![
            FieldError::new(
                FieldPath::contact(crate::ContactField::TechnicalEmergency),
                Code::TooMany,
            )
            .with_param("max", 10),
        ]);
        assert_eq!(body.code, ErrorCode::ValidationFailed);
        let json = serde_json::to_value(&body).unwrap();
        assert_eq!(
            json["fields"],
            serde_json::json!([{"path": "technical_emergency", "code": "too_many", "params": {"max": "10"}}])
        );
        assert_eq!(body.fields[0].param("max"), Some("10"));
        assert_eq!(body.fields[0].param("min"), None);
    }

    #[test]
    fn field_error_without_params_omits_them() {
        let json =
            serde_json::to_string(&FieldError::new(FieldPath::EMAIL, Code::Required)).unwrap();
        assert_eq!(json, r#"{"path":"email","code":"required"}"#);
    }
}
