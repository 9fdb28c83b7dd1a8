//! The one error shape every API answer uses.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The JSON body of every non-2xx API answer.
///
/// `code` is stable and machine-readable so the app can translate it; `message`
/// is a plain-English hint for operators reading logs or using curl.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub code: String,
    pub message: String,
    /// Field-level problems, for validation failures; empty otherwise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldError>,
}

/// One field-level problem, addressed by its path, e.g. `technical_emergency[2].email`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub path: String,
    pub code: String,
    /// Values the message needs, e.g. `max` = `10`; ordered so answers are stable.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, String>,
}

impl ErrorBody {
    pub fn new(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            code: code.into(),
            message: message.into(),
            fields: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_body_without_fields_omits_them() {
        let body = ErrorBody::new("not_found", "No such API route.");
        let json = serde_json::to_string(&body).unwrap();
        assert_eq!(
            json,
            r#"{"code":"not_found","message":"No such API route."}"#
        );
        let back: ErrorBody = serde_json::from_str(&json).unwrap();
        assert_eq!(back, body);
    }
}
