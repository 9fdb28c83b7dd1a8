//! Request and response bodies of the JSON API, shared by the server that
//! writes them and the app that reads them.

use serde::{Deserialize, Serialize};

use crate::account::{Account, Environment, Role, User};
use crate::api::FieldError;
use crate::codes::Code;
use crate::contact::ContactInfo;

/// `POST /api/v1/session`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignInRequest {
    pub email: String,
    pub password: String,
}

/// `GET /api/v1/session`: who is signed in, and whether the portal is unlocked.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionInfo {
    pub user: User,
    pub account: Account,
    /// The environment this user last worked in (remembered per user).
    pub environment: Environment,
    /// False until the account's contact information is complete: the app
    /// then shows the blocking onboarding modal.
    pub contact_info_complete: bool,
    /// Where the yearly review of the contact information stands: `due`
    /// reminds administrators and editors; `overdue` is why the portal is
    /// locked again although the information is complete.
    pub review: crate::ReviewStatus,
    /// Seconds of inactivity after which the session ends.
    pub idle_timeout_secs: i64,
}

/// `PATCH /api/v1/session`: remember the environment switcher's position.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnvironmentChange {
    pub environment: Environment,
}

/// `GET /api/v1/account/contact-info`, and the answer to a successful `PUT`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactInfoResponse {
    pub contact_info: ContactInfo,
    /// The version to send back in `If-Match` (also sent as the `ETag`); 0
    /// before the first save.
    pub version: i64,
    pub complete: bool,
    /// Whether the account's integrations need the merchant operational contact.
    pub merchant_contact_required: bool,
    /// Name of whoever saved last, and when (RFC 3339, UTC).
    pub updated_by: Option<String>,
    pub updated_at: Option<String>,
    /// Non-blocking advice about the saved information (a personal-looking
    /// address, the coverage check of [`crate::coverage`]), one entry per
    /// field involved; warnings whose code the account dismissed are left
    /// out. Empty before the first save.
    #[serde(default)]
    pub warnings: Vec<FieldError>,
    /// The warning codes the account has dismissed: they are not in
    /// `warnings`, and the form does not show them either.
    #[serde(default)]
    pub dismissed_warnings: Vec<Code>,
}

/// `GET /api/v1/account/contact-info/history?page=N`, newest first.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryPage {
    pub entries: Vec<HistoryEntry>,
    /// 1-based.
    pub page: u32,
    pub per_page: u32,
    pub total: u64,
}

/// One saved change of the contact information.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub id: i64,
    /// RFC 3339, UTC.
    pub at: String,
    pub actor_name: String,
    pub changes: Vec<FieldChange>,
}

/// A field's value before and after a change, one line per item (contact
/// entries as `Name <address> phone`, schedules as `zone days from–to`, alert
/// contacts by user name).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    /// The field's path prefix, e.g. `technical_emergency`.
    pub field: String,
    pub before: Vec<String>,
    pub after: Vec<String>,
}

/// `PATCH /api/v1/users/{id}`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleChange {
    pub role: Role,
}

/// What a one-time link is for.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InvitationPurpose {
    /// An administrator invited this person.
    Invitation,
    /// The link printed by the server that creates the first administrator.
    Setup,
}

/// `GET /api/v1/invitations/{token}`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationDetails {
    pub purpose: InvitationPurpose,
    pub account_name: String,
    pub partner_id: String,
    /// The invitee's address and name (empty for a setup link).
    pub email: String,
    pub name: String,
    pub expires_at: String,
}

/// `POST /api/v1/invitations/{token}/accept`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AcceptInvitation {
    pub name: String,
    /// Required for a setup link; ignored for an invitation (its address is fixed).
    #[serde(default)]
    pub email: String,
    pub password: String,
}
