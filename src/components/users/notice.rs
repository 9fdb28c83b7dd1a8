//! What the panel tells the user after an action or a failed load.

use portal_domain::{ErrorCode, Role};

use crate::api::ApiError;
use crate::i18n::Catalog;
use crate::state::Session;

/// A notice kept as data, so the sentence follows the language switcher.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Notice {
    Invited { email: String },
    RoleChanged { name: String, role: Role },
    Removed { name: String },
    Resent { email: String },
    Revoked { name: String },
    Stale,
    Gone,
    AlreadyActive,
    LastAdministrator,
    LastAlertContact,
    Forbidden,
    SessionEnded,
    Unreachable,
    Unexpected,
}

impl Notice {
    /// Errors go to the alert region, everything else to the polite status.
    pub(super) fn is_error(&self) -> bool {
        !matches!(
            self,
            Notice::Invited { .. }
                | Notice::RoleChanged { .. }
                | Notice::Removed { .. }
                | Notice::Resent { .. }
                | Notice::Revoked { .. }
        )
    }

    pub(super) fn text(&self, t: &Catalog) -> String {
        let u = &t.users;
        match self {
            Notice::Invited { email } => (u.invited)(email),
            Notice::RoleChanged { name, role } => (u.role_changed)(name, t.common.role(*role)),
            Notice::Removed { name } => (u.removed)(name),
            Notice::Resent { email } => (u.resent)(email),
            Notice::Revoked { name } => (u.revoked)(name),
            Notice::Stale => u.stale.into(),
            Notice::Gone => u.gone.into(),
            Notice::AlreadyActive => u.already_active.into(),
            Notice::LastAdministrator => t.validation.last_administrator.into(),
            Notice::LastAlertContact => t.validation.last_alert_contact.into(),
            Notice::Forbidden => u.forbidden.into(),
            Notice::SessionEnded => u.session_ended.into(),
            Notice::Unreachable => t.common.server_unreachable.into(),
            Notice::Unexpected => t.common.unexpected_error.into(),
        }
    }

    /// Hands an ended session to [`Session::check`], then [`Notice::classify`].
    pub(super) fn of_error(error: ApiError, session: Session) -> (Notice, bool) {
        Self::classify(&session.check(error))
    }

    /// The notice for a failed request, and whether the list must be reloaded
    /// because what it shows is no longer true.
    pub(super) fn classify(error: &ApiError) -> (Notice, bool) {
        if let ApiError::Network(_) = error {
            return (Notice::Unreachable, false);
        }
        match (error.status(), error.code()) {
            (Some(401), _) => (Notice::SessionEnded, false),
            (Some(403), _) => (Notice::Forbidden, false),
            (Some(404), _) => (Notice::Gone, true),
            (Some(409), Some(ErrorCode::LastAdministrator)) => (Notice::LastAdministrator, true),
            (Some(409), Some(ErrorCode::LastAlertContact)) => (Notice::LastAlertContact, false),
            (Some(409), Some(ErrorCode::AlreadyActive)) => (Notice::AlreadyActive, true),
            (Some(412), _) => (Notice::Stale, true),
            _ => (Notice::Unexpected, false),
        }
    }
}
