//! Verified addresses in the database: one row per account and address
//! (lower-cased), holding the live link's hash and when it was sent and
//! confirmed.

use crate::db::{Connection, OptionalExtension, params};
use portal_domain::{
    ADDRESS_FIELDS, AddressState, AddressStatus, ContactField, ContactInfo,
    VERIFICATION_VALIDITY_DAYS,
};

use crate::clock::{now, rfc3339};
use crate::db::DbError;
use crate::secrets::{new_token, token_hash};

/// The key addresses are kept under: compared without regard to case.
pub fn key(email: &str) -> String {
    email.trim().to_lowercase()
}

/// What the database knows of one address.
#[derive(Debug, Default)]
struct Row {
    sent_at: Option<i64>,
    expires_at: Option<i64>,
    verified_at: Option<i64>,
    live_link: bool,
}

fn row(conn: &Connection, account_id: i64, email: &str) -> Result<Row, DbError> {
    Ok(conn
        .prepare_cached(
            "SELECT sent_at, expires_at, verified_at, token_hash IS NOT NULL
             FROM address_verifications WHERE account_id = ?1 AND email = ?2",
        )?
        .query_row(params![account_id, key(email)], |r| {
            Ok(Row {
                sent_at: r.get(0)?,
                expires_at: r.get(1)?,
                verified_at: r.get(2)?,
                live_link: r.get(3)?,
            })
        })
        .optional()?
        .unwrap_or_default())
}

fn state(row: &Row, now: i64) -> AddressState {
    if row.verified_at.is_some() {
        AddressState::Verified
    } else if row.live_link && row.expires_at.is_some_and(|at| at > now) {
        AddressState::VerificationSent
    } else {
        AddressState::Unverified
    }
}

pub fn is_verified(conn: &Connection, account_id: i64, email: &str) -> Result<bool, DbError> {
    Ok(row(conn, account_id, email)?.verified_at.is_some())
}

/// When a link was last sent to the address, if ever.
pub fn last_sent(conn: &Connection, account_id: i64, email: &str) -> Result<Option<i64>, DbError> {
    Ok(row(conn, account_id, email)?.sent_at)
}

/// A new single-use link for the address (the previous one stops working);
/// returns the token and when it expires.
pub fn issue(conn: &Connection, account_id: i64, email: &str) -> Result<(String, i64), DbError> {
    let token = new_token();
    let at = now();
    let expires_at = at + i64::from(VERIFICATION_VALIDITY_DAYS) * 86_400;
    conn.execute(
        "INSERT INTO address_verifications (account_id, email, token_hash, sent_at, expires_at)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (account_id, email) DO UPDATE SET
           token_hash = excluded.token_hash, sent_at = excluded.sent_at,
           expires_at = excluded.expires_at",
        params![account_id, key(email), token_hash(&token), at, expires_at],
    )?;
    Ok((token, expires_at))
}

/// Forgets every address the contact information no longer names, so one
/// that comes back is verified again.
pub fn forget_absent(
    conn: &Connection,
    account_id: i64,
    info: &ContactInfo,
) -> Result<(), DbError> {
    let present = addresses(info);
    let mut statement =
        conn.prepare_cached("SELECT email FROM address_verifications WHERE account_id = ?1")?;
    let known: Vec<String> = statement
        .query_map([account_id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for email in known {
        if !present.iter().any(|p| key(p) == email) {
            conn.execute(
                "DELETE FROM address_verifications WHERE account_id = ?1 AND email = ?2",
                params![account_id, email],
            )?;
        }
    }
    Ok(())
}

/// Every address in the contact information, once, as first written.
pub fn addresses(info: &ContactInfo) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for field in ADDRESS_FIELDS {
        for email in emails(info, field) {
            if !out.iter().any(|seen| key(seen) == key(email)) {
                out.push(email.trim().to_owned());
            }
        }
    }
    out
}

/// The non-empty addresses of `field`.
fn emails(info: &ContactInfo, field: ContactField) -> Vec<&str> {
    let entries = match field {
        ContactField::TechnicalEmergency => info.technical_emergency.as_slice(),
        ContactField::TechnicalNonEmergency => info.technical_non_emergency.as_slice(),
        ContactField::MerchantOperational => info.merchant_operational.as_slice(),
        ContactField::OperationalGoogle => info.operational_google.as_slice(),
        ContactField::SharedWithUsers => std::slice::from_ref(&info.shared_with_users),
        ContactField::AlertContacts | ContactField::SupportHours => &[],
    };
    entries
        .iter()
        .map(|entry| entry.email.trim())
        .filter(|email| !email.is_empty())
        .collect()
}

/// The fields that name `email` in `info`.
pub fn roles(info: &ContactInfo, email: &str) -> Vec<ContactField> {
    ADDRESS_FIELDS
        .into_iter()
        .filter(|&field| emails(info, field).iter().any(|e| key(e) == key(email)))
        .collect()
}

/// The state of every address in the contact information.
pub fn statuses(
    conn: &Connection,
    account_id: i64,
    info: &ContactInfo,
) -> Result<Vec<AddressStatus>, DbError> {
    let now = now();
    addresses(info)
        .into_iter()
        .map(|email| {
            let row = row(conn, account_id, &email)?;
            Ok(AddressStatus {
                state: state(&row, now),
                sent_at: row.sent_at.map(rfc3339),
                verified_at: row.verified_at.map(rfc3339),
                email,
            })
        })
        .collect()
}

/// A link as found: its row's account and address, and whether it expired.
pub struct Link {
    pub account_id: i64,
    pub email: String,
    pub expired: bool,
}

pub fn find(conn: &Connection, token: &str) -> Result<Option<Link>, DbError> {
    conn.prepare_cached(
        "SELECT account_id, email, expires_at FROM address_verifications WHERE token_hash = ?1",
    )?
    .query_row([token_hash(token)], |r| {
        Ok(Link {
            account_id: r.get(0)?,
            email: r.get(1)?,
            expired: r.get::<_, i64>(2)? <= now(),
        })
    })
    .optional()
}

/// Marks the link's address verified and the link used.
pub fn confirm(conn: &Connection, token: &str) -> Result<(), DbError> {
    conn.execute(
        "UPDATE address_verifications SET verified_at = ?1, token_hash = NULL WHERE token_hash = ?2",
        params![now(), token_hash(token)],
    )?;
    Ok(())
}
