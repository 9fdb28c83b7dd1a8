//! Queries shared by several routes. Each takes a connection (or transaction),
//! so callers compose them inside one `Db::read` or `Db::write`.

use crate::db::{Connection, OptionalExtension, params};
use portal_domain::{
    Account, Code, ContactInfo, IntegrationKind, ReviewPolicy, ReviewState, ReviewStatus, Role,
    Rules, User, UserRef, UserStatus, normalize_contact_info,
};

use crate::clock::{now, rfc3339};
use crate::db::DbError;
use crate::secrets::{new_token, token_hash};

/// Days an invitation or setup link stays valid.
pub const INVITATION_DAYS: i64 = portal_domain::INVITATION_VALIDITY_DAYS as i64;

pub fn account(conn: &Connection, account_id: i64) -> Result<Account, DbError> {
    conn.prepare_cached(
        "SELECT partner_id, display_name, integrations FROM accounts WHERE id = ?1",
    )?
    .query_row([account_id], |r| {
        let integrations: String = r.get(2)?;
        Ok(Account {
            partner_id: r.get(0)?,
            display_name: r.get(1)?,
            integrations: parse_integrations(&integrations),
        })
    })
}

/// Integrations are stored as a JSON array of kind names.
pub fn parse_integrations(json: &str) -> Vec<IntegrationKind> {
    serde_json::from_str::<Vec<String>>(json)
        .unwrap_or_default()
        .iter()
        .filter_map(|kind| IntegrationKind::parse(kind))
        .collect()
}

pub fn integrations_json(kinds: &[IntegrationKind]) -> String {
    serde_json::to_string(&kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>())
        .expect("strings serialise")
}

const USER_COLUMNS: &str =
    "u.id, u.name, u.email, u.role, u.password_hash IS NOT NULL, i.expires_at, u.version";

/// A user with the version that guards changes to them.
#[derive(Debug, Clone)]
pub struct VersionedUser {
    pub user: User,
    pub version: i64,
}

fn user_from_row(r: &crate::db::Row<'_>) -> Result<VersionedUser, DbError> {
    let active: bool = r.get(4)?;
    let expires: Option<i64> = r.get(5)?;
    let status = match (active, expires) {
        (true, _) => UserStatus::Active,
        (false, Some(at)) if at > now() => UserStatus::InvitationPending,
        (false, _) => UserStatus::InvitationExpired,
    };
    Ok(VersionedUser {
        user: User {
            id: r.get(0)?,
            name: r.get(1)?,
            email: r.get(2)?,
            role: Role::parse(&r.get::<_, String>(3)?).unwrap_or(Role::ReadOnly),
            status,
            invitation_expires_at: if active { None } else { expires.map(rfc3339) },
            version: r.get(6)?,
        },
        version: r.get(6)?,
    })
}

/// The account's users, administrators first, then by name.
pub fn users(conn: &Connection, account_id: i64) -> Result<Vec<VersionedUser>, DbError> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {USER_COLUMNS} FROM users u
         LEFT JOIN invitations i ON i.user_id = u.id
         WHERE u.account_id = ?1
         ORDER BY CASE u.role WHEN 'administrator' THEN 0 WHEN 'editor' THEN 1 ELSE 2 END,
                  u.name COLLATE NOCASE, u.id"
    ))?;
    let users = statement
        .query_map([account_id], user_from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(users)
}

/// One user, only if they belong to `account_id`.
pub fn user(
    conn: &Connection,
    account_id: i64,
    user_id: i64,
) -> Result<Option<VersionedUser>, DbError> {
    conn.prepare_cached(&format!(
        "SELECT {USER_COLUMNS} FROM users u
             LEFT JOIN invitations i ON i.user_id = u.id
             WHERE u.account_id = ?1 AND u.id = ?2"
    ))?
    .query_row([account_id, user_id], user_from_row)
    .optional()
}

/// The contact information as last saved.
pub struct StoredContactInfo {
    pub info: ContactInfo,
    pub version: i64,
    pub updated_by: String,
    pub updated_at: i64,
    /// The last save or confirmation that it is still correct.
    pub reviewed_by: String,
    pub reviewed_at: i64,
}

pub fn contact_info(
    conn: &Connection,
    account_id: i64,
) -> Result<Option<StoredContactInfo>, DbError> {
    let row = conn
        .prepare_cached(
            "SELECT data, version, updated_by_name, updated_at, reviewed_by_name, reviewed_at
             FROM contact_info WHERE account_id = ?1",
        )?
        .query_row([account_id], |r| {
            Ok(StoredContactInfo {
                // Only validated data is ever written, so this parses; an
                // unreadable row reads as empty and the account is asked to
                // fill it in again.
                info: serde_json::from_str(&r.get::<_, String>(0)?).unwrap_or_default(),
                version: r.get(1)?,
                updated_by: r.get(2)?,
                updated_at: r.get(3)?,
                reviewed_by: r.get(4)?,
                reviewed_at: r.get(5)?,
            })
        })
        .optional()?;
    Ok(row)
}

/// Stores `info` (normalised) as the account's contact information, the
/// version after `previous` (the row read in the same transaction, `None`
/// before the first save), records the change in the audit log and queues
/// the change notices ([`crate::notices`]) in the same transaction. Every
/// write of contact information goes through here, so each one bumps the
/// version and shows in the history. Returns the new version.
pub fn save_contact_info(
    conn: &Connection,
    account_id: i64,
    actor: &Actor<'_>,
    previous: Option<&StoredContactInfo>,
    info: &ContactInfo,
    public_url: &str,
) -> Result<i64, DbError> {
    let data = serde_json::to_string(&normalize_contact_info(info))
        .expect("contact information serialises");
    let version = previous.map_or(0, |p| p.version) + 1;
    conn.execute(
        "INSERT INTO contact_info
           (account_id, data, version, updated_by_name, updated_at, reviewed_by_name, reviewed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?4, ?5)
         ON CONFLICT (account_id) DO UPDATE SET
           data = excluded.data, version = excluded.version,
           updated_by_name = excluded.updated_by_name, updated_at = excluded.updated_at,
           reviewed_by_name = excluded.reviewed_by_name, reviewed_at = excluded.reviewed_at",
        params![account_id, data, version, actor.name, now()],
    )?;
    let saved = normalize_contact_info(info);
    crate::verification::forget_absent(conn, account_id, &saved)?;
    crate::notices::queue(
        conn,
        account_id,
        actor,
        previous.map(|p| &p.info),
        &saved,
        public_url,
    )?;
    let before = previous.map(|p| serde_json::to_string(&p.info).expect("serialises"));
    audit(
        conn,
        Some(account_id),
        actor,
        "contact_info.update",
        None,
        before.as_deref(),
        Some(&data),
    )?;
    Ok(version)
}

/// What validating the account's contact information needs to know.
pub struct RuleInputs {
    pub merchant_contact_required: bool,
    pub users: Vec<(i64, String, bool)>,
}

impl RuleInputs {
    pub fn load(conn: &Connection, account_id: i64) -> Result<Self, DbError> {
        let account = account(conn, account_id)?;
        let users = users(conn, account_id)?
            .into_iter()
            .map(|u| (u.user.id, u.user.email.clone(), u.user.is_active()))
            .collect();
        Ok(Self {
            merchant_contact_required: account.merchant_contact_required(),
            users,
        })
    }

    /// Runs `f` with the domain crate's view of these inputs.
    pub fn with_rules<R>(&self, f: impl FnOnce(&Rules<'_>) -> R) -> R {
        let refs: Vec<UserRef<'_>> = self
            .users
            .iter()
            .map(|(id, email, active)| UserRef {
                id: *id,
                email,
                active: *active,
            })
            .collect();
        f(&Rules {
            merchant_contact_required: self.merchant_contact_required,
            users: &refs,
        })
    }
}

/// `info` checked against the account's rules as they are now (its users
/// and integrations): what every save, import and review confirmation runs.
pub fn validate_for(
    conn: &Connection,
    account_id: i64,
    info: &ContactInfo,
) -> Result<portal_domain::Report, DbError> {
    Ok(RuleInputs::load(conn, account_id)?
        .with_rules(|rules| portal_domain::validate_contact_info(info, rules)))
}

/// Whether the account's saved contact information passes today's rules and
/// its yearly review has not run out (what unlocks the portal), and where
/// that review stands.
pub fn gate(
    conn: &Connection,
    account_id: i64,
    policy: &ReviewPolicy,
) -> Result<(bool, ReviewStatus), DbError> {
    let stored = contact_info(conn, account_id)?;
    let review = review_status(stored.as_ref(), policy);
    let Some(stored) = stored else {
        return Ok((false, review));
    };
    if review.state == ReviewState::Overdue {
        return Ok((false, review));
    }
    let inputs = RuleInputs::load(conn, account_id)?;
    Ok((
        inputs.with_rules(|rules| stored.info.is_complete(rules)),
        review,
    ))
}

/// Where the yearly review of `stored` stands now.
pub fn review_status(stored: Option<&StoredContactInfo>, policy: &ReviewPolicy) -> ReviewStatus {
    match stored {
        None => ReviewStatus {
            state: ReviewState::Current,
            reviewed_at: None,
            reviewed_by: None,
            remind_at: None,
            lock_at: None,
        },
        Some(stored) => ReviewStatus {
            state: policy.state(stored.reviewed_at, now()),
            reviewed_at: Some(rfc3339(stored.reviewed_at)),
            reviewed_by: Some(stored.reviewed_by.clone()),
            remind_at: Some(rfc3339(policy.remind_at(stored.reviewed_at))),
            lock_at: Some(rfc3339(policy.lock_at(stored.reviewed_at))),
        },
    }
}

/// The warning codes the account has dismissed, in the order of
/// [`Code::WARNINGS`].
pub fn dismissed_warnings(conn: &Connection, account_id: i64) -> Result<Vec<Code>, DbError> {
    let mut statement =
        conn.prepare_cached("SELECT code FROM warning_dismissals WHERE account_id = ?1")?;
    let stored = statement
        .query_map([account_id], |r| r.get::<_, String>(0))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Code::WARNINGS
        .iter()
        .copied()
        .filter(|code| stored.iter().any(|s| s == code.as_str()))
        .collect())
}

/// Dismisses warning `code` for the account (`dismissed`), or shows it
/// again, and records the change in the audit log
/// (`contact_info.warning_dismiss` / `contact_info.warning_restore`, the code
/// as subject). Asking for the state it is already in changes and records
/// nothing; returns whether anything changed.
pub fn set_warning_dismissed(
    conn: &Connection,
    account_id: i64,
    actor: &Actor<'_>,
    code: Code,
    dismissed: bool,
) -> Result<bool, DbError> {
    let changed = if dismissed {
        conn.execute(
            "INSERT INTO warning_dismissals (account_id, code, dismissed_by_name, dismissed_at)
             VALUES (?1, ?2, ?3, ?4) ON CONFLICT (account_id, code) DO NOTHING",
            params![account_id, code.as_str(), actor.name, now()],
        )?
    } else {
        conn.execute(
            "DELETE FROM warning_dismissals WHERE account_id = ?1 AND code = ?2",
            params![account_id, code.as_str()],
        )?
    };
    if changed > 0 {
        let action = if dismissed {
            "contact_info.warning_dismiss"
        } else {
            "contact_info.warning_restore"
        };
        audit(
            conn,
            Some(account_id),
            actor,
            action,
            Some(code.as_str()),
            None,
            None,
        )?;
    }
    Ok(changed > 0)
}

/// Who did something, for the audit log.
pub struct Actor<'a> {
    pub id: Option<i64>,
    pub name: &'a str,
}

impl Actor<'_> {
    pub const SYSTEM: Actor<'static> = Actor {
        id: None,
        name: "portal-server",
    };
}

/// Records one change: who, what, to what, before → after (JSON or text).
pub fn audit(
    conn: &Connection,
    account_id: Option<i64>,
    actor: &Actor<'_>,
    action: &str,
    subject: Option<&str>,
    before: Option<&str>,
    after: Option<&str>,
) -> Result<(), DbError> {
    conn.execute(
        "INSERT INTO audit_log (account_id, actor_id, actor_name, action, subject, before, after, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![account_id, actor.id, actor.name, action, subject, before, after, now()],
    )?;
    Ok(())
}

/// Queues a message in the outbox; the server logs it so operators see it at once.
pub fn queue_mail(
    conn: &Connection,
    account_id: i64,
    recipient: &str,
    subject: &str,
    body: &str,
) -> Result<(), DbError> {
    conn.execute(
        "INSERT INTO outbox (account_id, recipient, subject, body, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![account_id, recipient, subject, body, now()],
    )?;
    tracing::info!(%recipient, %subject, "mail queued in the outbox:\n{body}");
    Ok(())
}

/// Creates (or replaces) a one-time link and returns its token.
pub fn create_invitation(
    conn: &Connection,
    account_id: i64,
    user_id: Option<i64>,
    purpose: &str,
) -> Result<(String, i64), DbError> {
    let token = new_token();
    let expires_at = now() + INVITATION_DAYS * 86_400;
    if let Some(user_id) = user_id {
        conn.execute("DELETE FROM invitations WHERE user_id = ?1", [user_id])?;
    }
    conn.execute(
        "INSERT INTO invitations (account_id, user_id, purpose, token_hash, expires_at, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            account_id,
            user_id,
            purpose,
            token_hash(&token),
            expires_at,
            now()
        ],
    )?;
    Ok((token, expires_at))
}

/// A new account with a random Partner ID, and its setup link.
pub fn create_account(
    conn: &Connection,
    display_name: &str,
    partner_id: Option<&str>,
    integrations: &[IntegrationKind],
) -> Result<(i64, String), DbError> {
    let partner_id = match partner_id {
        Some(id) => id.to_owned(),
        None => format!("P-{}", &new_token()[..10].to_uppercase()),
    };
    conn.execute(
        "INSERT INTO accounts (partner_id, display_name, integrations, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![partner_id, display_name, integrations_json(integrations), now()],
    )?;
    let account_id = conn.last_insert_rowid()?;
    audit(
        conn,
        Some(account_id),
        &Actor::SYSTEM,
        "account.create",
        Some(&partner_id),
        None,
        Some(display_name),
    )?;
    Ok((account_id, partner_id))
}
