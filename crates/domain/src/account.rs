//! The account (one partner), its users and what each role may do.

use std::fmt;

use serde::{Deserialize, Serialize};

/// How long an invitation link stays usable unless an administrator resends it.
pub const INVITATION_VALIDITY_DAYS: u32 = 7;

/// What a user may do in the account; checked by the server on every call and
/// used by the app only to hide what would be refused anyway.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Administrator,
    Editor,
    /// The default because an unspecified role must never grant more than reading.
    #[default]
    ReadOnly,
}

impl Role {
    /// In the order a role picker lists them, most powerful first.
    pub const ALL: [Role; 3] = [Role::Administrator, Role::Editor, Role::ReadOnly];

    /// Editors keep account data current without being trusted with people's access.
    pub fn can_edit_contact_info(self) -> bool {
        matches!(self, Role::Administrator | Role::Editor)
    }

    /// Only administrators add, change or remove users (PRODUCT §3).
    pub fn can_manage_users(self) -> bool {
        self == Role::Administrator
    }

    /// The same spelling as the JSON, for database columns and query strings.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Administrator => "administrator",
            Role::Editor => "editor",
            Role::ReadOnly => "read_only",
        }
    }

    /// Also takes `read-only`, the spelling people type on command lines.
    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "administrator" => Some(Role::Administrator),
            "editor" => Some(Role::Editor),
            "read_only" | "read-only" => Some(Role::ReadOnly),
            _ => None,
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which of the partner's environments the portal shows; alert contacts exist
/// only in production.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Environment {
    /// The default because trying things out must not touch live settings.
    #[default]
    Sandbox,
    Production,
}

impl Environment {
    pub const ALL: [Environment; 2] = [Environment::Sandbox, Environment::Production];

    /// The same spelling as the JSON, for storage and query strings.
    pub fn as_str(self) -> &'static str {
        match self {
            Environment::Sandbox => "sandbox",
            Environment::Production => "production",
        }
    }

    pub fn parse(s: &str) -> Option<Environment> {
        match s {
            "sandbox" => Some(Environment::Sandbox),
            "production" => Some(Environment::Production),
            _ => None,
        }
    }
}

impl fmt::Display for Environment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An integration the partner runs; it decides which contact fields apply.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IntegrationKind {
    ThingsToDo,
    Reservations,
    Ordering,
}

impl IntegrationKind {
    pub const ALL: [IntegrationKind; 3] = [
        IntegrationKind::ThingsToDo,
        IntegrationKind::Reservations,
        IntegrationKind::Ordering,
    ];

    /// Integrations that act for merchants get merchant complaints, so they must
    /// name someone to handle them.
    pub fn needs_merchant_contact(self) -> bool {
        matches!(
            self,
            IntegrationKind::Reservations | IntegrationKind::Ordering
        )
    }

    /// The same spelling as the JSON, for storage and configuration.
    pub fn as_str(self) -> &'static str {
        match self {
            IntegrationKind::ThingsToDo => "things_to_do",
            IntegrationKind::Reservations => "reservations",
            IntegrationKind::Ordering => "ordering",
        }
    }

    pub fn parse(s: &str) -> Option<IntegrationKind> {
        match s {
            "things_to_do" => Some(IntegrationKind::ThingsToDo),
            "reservations" => Some(IntegrationKind::Reservations),
            "ordering" => Some(IntegrationKind::Ordering),
            _ => None,
        }
    }
}

impl fmt::Display for IntegrationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One partner. Contact information belongs to the account, not to a user, so
/// one person fills it in for everyone.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Account {
    pub partner_id: String,
    pub display_name: String,
    pub integrations: Vec<IntegrationKind>,
}

impl Account {
    /// Whether the merchant operational contact is shown and required; the
    /// server decides this from the integrations so the app never guesses.
    pub fn merchant_contact_required(&self) -> bool {
        self.integrations
            .iter()
            .any(|kind| kind.needs_merchant_contact())
    }
}

/// Where a user is in the invitation life cycle; only active users can sign in
/// or receive alerts.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UserStatus {
    #[default]
    Active,
    InvitationPending,
    InvitationExpired,
}

impl UserStatus {
    /// The same spelling as the JSON, for storage.
    pub fn as_str(self) -> &'static str {
        match self {
            UserStatus::Active => "active",
            UserStatus::InvitationPending => "invitation_pending",
            UserStatus::InvitationExpired => "invitation_expired",
        }
    }

    pub fn parse(s: &str) -> Option<UserStatus> {
        match s {
            "active" => Some(UserStatus::Active),
            "invitation_pending" => Some(UserStatus::InvitationPending),
            "invitation_expired" => Some(UserStatus::InvitationExpired),
            _ => None,
        }
    }
}

/// A person with access to the account, as the user list shows them.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct User {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub status: UserStatus,
    /// RFC 3339 UTC; set while an invitation is outstanding so the list can say
    /// when it lapses.
    #[serde(default)]
    pub invitation_expires_at: Option<String>,
    /// Changes to this user (role, removal) send it back in `If-Match`.
    #[serde(default)]
    pub version: i64,
}

impl User {
    /// Only users who accepted their invitation can sign in, act or be alerted.
    pub fn is_active(&self) -> bool {
        self.status == UserStatus::Active
    }
}

/// What an administrator types to invite a colleague; checked by
/// [`validate_invitation`](crate::validate::validate_invitation).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewInvitation {
    pub name: String,
    pub email: String,
    pub role: Role,
}

/// Whether giving `user_id` the role `new_role` (or removing the user, with
/// `None`) would leave the account with no active administrator, which would
/// lock everyone out of user management for good (PRODUCT §3).
///
/// Pending invitations do not count: an invitee may never accept.
pub fn would_remove_last_administrator(
    users: &[User],
    user_id: i64,
    new_role: Option<Role>,
) -> bool {
    let Some(target) = users.iter().find(|u| u.id == user_id) else {
        return false;
    };
    let is_active_admin = |u: &User| u.is_active() && u.role == Role::Administrator;
    if !is_active_admin(target) || new_role == Some(Role::Administrator) {
        return false;
    }
    !users.iter().any(|u| u.id != user_id && is_active_admin(u))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(id: i64, role: Role, status: UserStatus) -> User {
        User {
            id,
            name: format!("User {id}"),
            email: format!("user{id}@example.com"),
            role,
            status,
            invitation_expires_at: None,
            version: 1,
        }
    }

    #[test]
    fn role_permissions() {
        assert!(Role::Administrator.can_edit_contact_info());
        assert!(Role::Editor.can_edit_contact_info());
        assert!(!Role::ReadOnly.can_edit_contact_info());
        assert!(Role::Administrator.can_manage_users());
        assert!(!Role::Editor.can_manage_users());
        assert!(!Role::ReadOnly.can_manage_users());
    }

    #[test]
    fn role_json_and_strings_agree() {
        for role in Role::ALL {
            let json = serde_json::to_string(&role).unwrap();
            assert_eq!(json, format!("\"{}\"", role.as_str()));
            assert_eq!(Role::parse(role.as_str()), Some(role));
            assert_eq!(role.to_string(), role.as_str());
        }
        assert_eq!(
            serde_json::to_string(&Role::ReadOnly).unwrap(),
            "\"read_only\""
        );
        assert_eq!(Role::parse("read-only"), Some(Role::ReadOnly));
        assert_eq!(Role::parse("Administrator"), None);
        assert_eq!(Role::parse(""), None);
        assert_eq!(Role::default(), Role::ReadOnly);
        assert!(serde_json::from_str::<Role>("\"read-only\"").is_err());
    }

    #[test]
    fn environment_strings() {
        assert_eq!(Environment::default(), Environment::Sandbox);
        for env in Environment::ALL {
            assert_eq!(Environment::parse(env.as_str()), Some(env));
            assert_eq!(serde_json::to_string(&env).unwrap(), format!("\"{env}\""));
        }
        assert_eq!(Environment::parse("prod"), None);
    }

    #[test]
    fn integration_kinds() {
        assert!(!IntegrationKind::ThingsToDo.needs_merchant_contact());
        assert!(IntegrationKind::Reservations.needs_merchant_contact());
        assert!(IntegrationKind::Ordering.needs_merchant_contact());
        for kind in IntegrationKind::ALL {
            assert_eq!(IntegrationKind::parse(kind.as_str()), Some(kind));
            assert_eq!(serde_json::to_string(&kind).unwrap(), format!("\"{kind}\""));
        }
        assert_eq!(IntegrationKind::parse("things-to-do"), None);
    }

    #[test]
    fn account_needs_merchant_contact_when_any_integration_does() {
        let mut account = Account {
            partner_id: "P-1".into(),
            display_name: "Tours".into(),
            integrations: vec![IntegrationKind::ThingsToDo],
        };
        assert!(!account.merchant_contact_required());
        account.integrations.push(IntegrationKind::Ordering);
        assert!(account.merchant_contact_required());
        assert!(!Account::default().merchant_contact_required());
    }

    #[test]
    fn user_json_shape() {
        let mut u = user(7, Role::ReadOnly, UserStatus::InvitationPending);
        u.invitation_expires_at = Some("2026-01-08T10:00:00Z".into());
        let json = serde_json::to_value(&u).unwrap();
        assert_eq!(json["role"], "read_only");
        assert_eq!(json["status"], "invitation_pending");
        assert_eq!(json["invitation_expires_at"], "2026-01-08T10:00:00Z");
        let back: User = serde_json::from_value(json).unwrap();
        assert_eq!(back, u);
        assert!(!u.is_active());

        let without_expiry: User = serde_json::from_str(
            r#"{"id":1,"name":"A","email":"a@b.co","role":"editor","status":"active"}"#,
        )
        .unwrap();
        assert_eq!(without_expiry.invitation_expires_at, None);
        assert!(without_expiry.is_active());
    }

    #[test]
    fn user_status_strings() {
        for status in [
            UserStatus::Active,
            UserStatus::InvitationPending,
            UserStatus::InvitationExpired,
        ] {
            assert_eq!(UserStatus::parse(status.as_str()), Some(status));
            assert_eq!(
                serde_json::to_string(&status).unwrap(),
                format!("\"{}\"", status.as_str())
            );
        }
    }

    #[test]
    fn last_administrator_is_protected() {
        let users = vec![
            user(1, Role::Administrator, UserStatus::Active),
            user(2, Role::Editor, UserStatus::Active),
            user(3, Role::Administrator, UserStatus::InvitationPending),
        ];
        assert!(would_remove_last_administrator(&users, 1, None));
        assert!(would_remove_last_administrator(
            &users,
            1,
            Some(Role::Editor)
        ));
        assert!(!would_remove_last_administrator(
            &users,
            1,
            Some(Role::Administrator)
        ));
        assert!(!would_remove_last_administrator(&users, 2, None));
        assert!(!would_remove_last_administrator(&users, 3, None));
        assert!(!would_remove_last_administrator(&users, 99, None));

        let mut two_admins = users.clone();
        two_admins[1].role = Role::Administrator;
        assert!(!would_remove_last_administrator(&two_admins, 1, None));
        assert!(!would_remove_last_administrator(
            &two_admins,
            1,
            Some(Role::ReadOnly)
        ));
    }
}
