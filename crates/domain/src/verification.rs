//! Verified addresses: whether the owner of an address named in the contact
//! information has confirmed it, through a single-use link sent to it.

use serde::{Deserialize, Serialize};

use crate::ContactField;

/// Days a verification link works.
pub const VERIFICATION_VALIDITY_DAYS: u32 = 7;

/// Minutes before the same address can be sent another link.
pub const VERIFICATION_RESEND_MINUTES: u32 = 10;

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AddressState {
    /// No link sent, or the last one expired.
    Unverified,
    /// A link was sent and still works.
    VerificationSent,
    /// The owner confirmed it.
    Verified,
}

/// One address of the contact information and its state
/// (`GET /api/v1/account/contact-info/addresses`).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddressStatus {
    /// As written in the contact information.
    pub email: String,
    pub state: AddressState,
    /// When the last link was sent, and when it was confirmed (RFC 3339, UTC).
    pub sent_at: Option<String>,
    pub verified_at: Option<String>,
}

/// `POST /api/v1/account/contact-info/addresses/verification`: send (again).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerificationRequest {
    pub email: String,
}

/// `GET /api/v1/verifications/{token}`: what the owner of the address is
/// asked to confirm, on a public page.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerificationDetails {
    pub email: String,
    pub account_name: String,
    pub partner_id: String,
    /// The roles the address has in the contact information now.
    pub roles: Vec<ContactField>,
}
