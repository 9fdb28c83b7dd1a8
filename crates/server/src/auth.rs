//! Sessions: who is calling, and what they may do.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

use axum::extract::FromRequestParts;
use axum::http::header::{COOKIE, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue};
use portal_domain::Role;
use rusqlite::OptionalExtension;

use crate::AppState;
use crate::clock::now;
use crate::error::ApiError;
use crate::secrets::{is_token_shaped, token_hash};

pub const SESSION_COOKIE: &str = "portal_session";
/// A session unused for this long ends.
pub const IDLE_TIMEOUT_SECS: i64 = 30 * 60;
/// A session ends this long after sign-in, however active.
pub const ABSOLUTE_TIMEOUT_SECS: i64 = 12 * 60 * 60;
/// `last_seen_at` is written at most this often, to spare the database.
const TOUCH_INTERVAL_SECS: i64 = 30;

/// The signed-in user making the request.
#[derive(Debug, Clone)]
pub struct Caller {
    pub user_id: i64,
    pub account_id: i64,
    pub role: Role,
    pub name: String,
    pub email: String,
    pub token_hash: Vec<u8>,
}

impl Caller {
    pub fn require_editor(&self) -> Result<(), ApiError> {
        if self.role.can_edit_contact_info() {
            Ok(())
        } else {
            Err(ApiError::forbidden(
                "Read-only users cannot change contact information; ask an administrator or editor.",
            ))
        }
    }

    pub fn require_administrator(&self) -> Result<(), ApiError> {
        if self.role.can_manage_users() {
            Ok(())
        } else {
            Err(ApiError::forbidden(
                "Only administrators can manage users; ask an administrator of your account.",
            ))
        }
    }
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token = cookie(&parts.headers, SESSION_COOKIE)
            .filter(|t| is_token_shaped(t))
            .ok_or_else(ApiError::unauthorized)?;
        let hash = token_hash(&token);
        let lookup = hash.clone();
        let row = state
            .db
            .read(move |conn| {
                Ok(conn
                    .prepare_cached(
                        "SELECT s.created_at, s.last_seen_at, u.id, u.account_id, u.role, u.name, u.email
                         FROM sessions s JOIN users u ON u.id = s.user_id
                         WHERE s.token_hash = ?1 AND u.password_hash IS NOT NULL",
                    )?
                    .query_row(
                        [&lookup],
                        |r| {
                            Ok((
                                r.get::<_, i64>(0)?,
                                r.get::<_, i64>(1)?,
                                r.get::<_, i64>(2)?,
                                r.get::<_, i64>(3)?,
                                r.get::<_, String>(4)?,
                                r.get::<_, String>(5)?,
                                r.get::<_, String>(6)?,
                            ))
                        },
                    )
                    .optional()?)
            })
            .await?;
        let Some((created, seen, user_id, account_id, role, name, email)) = row else {
            return Err(ApiError::unauthorized());
        };
        // Most requests only read; the writer is needed when a session ends
        // or, at most every TOUCH_INTERVAL_SECS, to record that it is in use.
        let now = now();
        let ended = now - created >= ABSOLUTE_TIMEOUT_SECS || now - seen >= IDLE_TIMEOUT_SECS;
        if ended || now - seen >= TOUCH_INTERVAL_SECS {
            let key = hash.clone();
            state
                .db
                .write(move |conn| {
                    if ended {
                        conn.execute("DELETE FROM sessions WHERE token_hash = ?1", [&key])?;
                    } else {
                        conn.execute(
                            "UPDATE sessions SET last_seen_at = ?1 WHERE token_hash = ?2",
                            rusqlite::params![now, &key],
                        )?;
                    }
                    Ok(())
                })
                .await?;
        }
        if ended {
            return Err(ApiError::unauthorized());
        }
        Ok(Caller {
            user_id,
            account_id,
            role: Role::parse(&role).unwrap_or(Role::ReadOnly),
            name,
            email,
            token_hash: hash,
        })
    }
}

/// The client's IP address, when the server knows it (not in in-process tests).
pub struct ClientIp(pub Option<std::net::IpAddr>);

impl<S: Send + Sync> FromRequestParts<S> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Self(
            parts
                .extensions
                .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                .map(|info| info.0.ip()),
        ))
    }
}

/// The value of cookie `name` in the request, if sent.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_owned())
}

/// `Set-Cookie` for a new session, or (with `None`) one that deletes it.
pub fn session_cookie(token: Option<&str>, secure: bool) -> (axum::http::HeaderName, HeaderValue) {
    let secure = if secure { "; Secure" } else { "" };
    let value = match token {
        Some(token) => format!(
            "{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age={ABSOLUTE_TIMEOUT_SECS}{secure}"
        ),
        None => format!("{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0{secure}"),
    };
    (
        SET_COOKIE,
        HeaderValue::from_str(&value).expect("cookie values are ASCII"),
    )
}

/// Failed sign-ins, counted per address and per client, in memory.
///
/// Counting per address stops guessing one account's password from many
/// machines; per client stops one machine trying many addresses. A restart
/// forgets the counts, which only ever makes sign-in easier for real users.
#[derive(Default)]
pub struct SignInLimiter {
    failures: Mutex<Failures>,
}

/// Recent failures by key; keys whose failures all left the window are
/// forgotten, so memory follows the last 15 minutes, not the server's age.
#[derive(Default)]
struct Failures {
    by_key: HashMap<String, VecDeque<i64>>,
    /// When keys without recent failures were last dropped.
    swept_at: i64,
}

impl Failures {
    /// Drops the keys with no failure inside the window, at most once a minute.
    fn forget_old(&mut self, now: i64) {
        if now - self.swept_at < 60 {
            return;
        }
        self.by_key
            .retain(|_, times| times.back().is_some_and(|t| now - t < LIMIT_WINDOW_SECS));
        self.swept_at = now;
    }
}

/// Failures allowed per key within [`LIMIT_WINDOW_SECS`].
pub const MAX_FAILURES_PER_ADDRESS: usize = 5;
pub const MAX_FAILURES_PER_CLIENT: usize = 20;
pub const LIMIT_WINDOW_SECS: i64 = 15 * 60;

impl SignInLimiter {
    /// Seconds until `keys` may try again, if any of them is over its limit.
    pub fn blocked_for(&self, keys: &[(String, usize)]) -> Option<u64> {
        self.blocked_for_at(keys, now())
    }

    fn blocked_for_at(&self, keys: &[(String, usize)], now: i64) -> Option<u64> {
        let mut failures = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        keys.iter()
            .filter_map(|(key, limit)| {
                let times = failures.by_key.get_mut(key)?;
                while times.front().is_some_and(|t| now - t >= LIMIT_WINDOW_SECS) {
                    times.pop_front();
                }
                (times.len() >= *limit).then(|| {
                    (times.front().copied().unwrap_or(now) + LIMIT_WINDOW_SECS - now).max(1) as u64
                })
            })
            .max()
    }

    pub fn record_failure(&self, keys: &[(String, usize)]) {
        self.record_failure_at(keys, now());
    }

    fn record_failure_at(&self, keys: &[(String, usize)], now: i64) {
        let mut failures = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        failures.forget_old(now);
        for (key, _) in keys {
            failures
                .by_key
                .entry(key.clone())
                .or_default()
                .push_back(now);
        }
    }

    pub fn clear(&self, key: &str) {
        self.failures
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .by_key
            .remove(key);
    }

    /// How many addresses and clients it currently remembers.
    pub fn remembered(&self) -> usize {
        self.failures
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .by_key
            .len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_one_cookie_among_many() {
        let mut headers = HeaderMap::new();
        headers.insert(
            COOKIE,
            HeaderValue::from_static("a=1; portal_session=abc; b=2"),
        );
        assert_eq!(cookie(&headers, SESSION_COOKIE).as_deref(), Some("abc"));
        assert_eq!(cookie(&headers, "missing"), None);
    }

    #[test]
    fn the_limiter_blocks_after_the_allowed_failures() {
        let limiter = SignInLimiter::default();
        let keys = [("address:a@example.com".to_owned(), 2)];
        assert_eq!(limiter.blocked_for(&keys), None);
        limiter.record_failure(&keys);
        assert_eq!(limiter.blocked_for(&keys), None);
        limiter.record_failure(&keys);
        assert!(limiter.blocked_for(&keys).is_some());
        limiter.clear(&keys[0].0);
        assert_eq!(limiter.blocked_for(&keys), None);
    }

    #[test]
    fn the_limiter_forgets_addresses_and_clients_once_their_window_has_passed() {
        let limiter = SignInLimiter::default();
        let start = 1_000_000;
        for i in 0..100 {
            let keys = [(format!("address:user{i}@example.com"), 5)];
            limiter.record_failure_at(&keys, start);
        }
        assert_eq!(limiter.remembered(), 100);
        // Still inside the window: everything is kept, and still counts.
        let recent = [("address:recent@example.com".to_owned(), 1)];
        limiter.record_failure_at(&recent, start + LIMIT_WINDOW_SECS - 1);
        assert_eq!(limiter.remembered(), 101);
        assert!(
            limiter
                .blocked_for_at(&recent, start + LIMIT_WINDOW_SECS)
                .is_some()
        );
        // The next failure after the window drops the 100 old addresses.
        let later = [("client:203.0.113.9".to_owned(), 20)];
        limiter.record_failure_at(&later, start + LIMIT_WINDOW_SECS + 60);
        assert_eq!(limiter.remembered(), 2);
        assert!(
            limiter
                .blocked_for_at(&recent, start + LIMIT_WINDOW_SECS + 60)
                .is_some()
        );
    }
}
