//! Sessions: who is calling, and what they may do.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

use crate::db::OptionalExtension;
use axum::extract::FromRequestParts;
use axum::http::header::{COOKIE, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue};
use portal_domain::Role;

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
    /// The caller as the audit log and the history name them.
    pub fn actor(&self) -> crate::store::Actor<'_> {
        crate::store::Actor {
            id: Some(self.user_id),
            name: &self.name,
        }
    }

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
                conn
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
                    .optional()
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
                            crate::db::params![now, &key],
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

/// How the rate limits name a client: its address, or `unknown` when the
/// server does not know it (then all such requests share one count).
pub fn client_key(client: Option<std::net::IpAddr>) -> String {
    client.map_or_else(|| "unknown".into(), |ip| ip.to_string())
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

/// The rate limits of sign-ins and one-time links: counted in this
/// server's memory ([`SignInLimiter`]) on SQLite, and in the database when
/// servers share a PostgreSQL database, so the limits hold across all of
/// them as if they were one.
pub enum Throttle {
    Memory(SignInLimiter),
    Shared(crate::db::Db),
}

impl Throttle {
    /// In memory on SQLite, in the database on PostgreSQL.
    pub fn for_db(db: &crate::db::Db) -> Self {
        match db.engine() {
            crate::db::Engine::Sqlite => Self::Memory(SignInLimiter::default()),
            crate::db::Engine::Postgres => Self::Shared(db.clone()),
        }
    }

    /// As [`SignInLimiter::begin`]: the attempt, or how many seconds to wait.
    pub async fn begin(
        &self,
        keys: &[(String, usize)],
    ) -> Result<Result<ThrottledAttempt<'_>, u64>, crate::db::DbError> {
        match self {
            Self::Memory(limiter) => Ok(limiter.begin(keys).map(ThrottledAttempt::Memory)),
            Self::Shared(db) => {
                let keys = keys.to_vec();
                let started = db
                    .write(move |conn| begin_shared(conn, &keys, now()))
                    .await?;
                Ok(started.map(|ids| ThrottledAttempt::Shared { db, ids }))
            }
        }
    }

    /// Forgets the failures of `key`, e.g. an address that signed in.
    pub async fn clear(&self, key: &str) -> Result<(), crate::db::DbError> {
        match self {
            Self::Memory(limiter) => {
                limiter.clear(key);
                Ok(())
            }
            Self::Shared(db) => {
                let key = key.to_owned();
                db.write(move |conn| {
                    conn.execute("DELETE FROM throttle_failures WHERE key = ?1", [&key])?;
                    Ok(())
                })
                .await
            }
        }
    }
}

/// [`SignInLimiter::begin_at`] on the shared counters, in one write (one
/// writer at a time across the servers, so checking and counting is one
/// step here too): the ids of the failures counted.
fn begin_shared(
    conn: &mut crate::db::Connection<'_>,
    keys: &[(String, usize)],
    now: i64,
) -> Result<Result<Vec<i64>, u64>, crate::db::DbError> {
    let tx = conn.transaction()?;
    tx.execute(
        "DELETE FROM throttle_failures WHERE at <= ?1",
        [now - LIMIT_WINDOW_SECS],
    )?;
    let mut wait = None;
    for (key, limit) in keys {
        let (count, oldest): (i64, Option<i64>) = tx.query_row(
            "SELECT COUNT(*), MIN(at) FROM throttle_failures WHERE key = ?1",
            [key],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        if usize::try_from(count).unwrap_or(usize::MAX) >= *limit {
            let left = (oldest.unwrap_or(now) + LIMIT_WINDOW_SECS - now).max(1) as u64;
            wait = wait.max(Some(left));
        }
    }
    if let Some(wait) = wait {
        return Ok(Err(wait));
    }
    let mut ids = Vec::new();
    for (key, _) in keys {
        tx.execute(
            "INSERT INTO throttle_failures (key, at) VALUES (?1, ?2)",
            crate::db::params![key, now],
        )?;
        ids.push(tx.last_insert_rowid()?);
    }
    tx.commit()?;
    Ok(Ok(ids))
}

/// An attempt in progress under a [`Throttle`], counted as a failure until
/// it succeeds.
#[must_use = "an attempt that succeeds must say so, or it stays counted as a failure"]
pub enum ThrottledAttempt<'a> {
    Memory(Attempt<'a>),
    Shared {
        db: &'a crate::db::Db,
        ids: Vec<i64>,
    },
}

impl ThrottledAttempt<'_> {
    /// Takes this attempt back from every key's failures.
    pub async fn succeeded(self) -> Result<(), crate::db::DbError> {
        match self {
            Self::Memory(attempt) => {
                attempt.succeeded();
                Ok(())
            }
            Self::Shared { db, ids } => {
                db.write(move |conn| {
                    for id in ids {
                        conn.execute("DELETE FROM throttle_failures WHERE id = ?1", [id])?;
                    }
                    Ok(())
                })
                .await
            }
        }
    }

    /// Leaves this attempt counted as a failure.
    pub fn failed(self) {}
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
    /// Starts an attempt for `keys` (an address, a client), or says how many
    /// seconds to wait if one of them is over its limit. The attempt counts
    /// as a failure from the start, checked and counted in one step, so
    /// attempts sent at the same moment cannot all slip under the limit;
    /// [`Attempt::succeeded`] takes it back.
    pub fn begin(&self, keys: &[(String, usize)]) -> Result<Attempt<'_>, u64> {
        self.begin_at(keys, now())
    }

    fn begin_at(&self, keys: &[(String, usize)], now: i64) -> Result<Attempt<'_>, u64> {
        let mut failures = self.lock();
        failures.forget_old(now);
        let wait = keys
            .iter()
            .filter_map(|(key, limit)| {
                let times = failures.by_key.get_mut(key)?;
                while times.front().is_some_and(|t| now - t >= LIMIT_WINDOW_SECS) {
                    times.pop_front();
                }
                (times.len() >= *limit).then(|| {
                    (times.front().copied().unwrap_or(now) + LIMIT_WINDOW_SECS - now).max(1) as u64
                })
            })
            .max();
        if let Some(wait) = wait {
            return Err(wait);
        }
        for (key, _) in keys {
            failures
                .by_key
                .entry(key.clone())
                .or_default()
                .push_back(now);
        }
        Ok(Attempt {
            limiter: self,
            keys: keys.iter().map(|(key, _)| key.clone()).collect(),
            at: now,
        })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Failures> {
        self.failures.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Forgets the failures of `key`, e.g. an address that signed in.
    pub fn clear(&self, key: &str) {
        self.lock().by_key.remove(key);
    }

    /// How many addresses and clients it currently remembers.
    pub fn remembered(&self) -> usize {
        self.lock().by_key.len()
    }
}

/// An attempt in progress, counted as a failure until it succeeds.
#[must_use = "an attempt that succeeds must say so, or it stays counted as a failure"]
pub struct Attempt<'a> {
    limiter: &'a SignInLimiter,
    keys: Vec<String>,
    at: i64,
}

impl Attempt<'_> {
    /// Takes this attempt back from every key's failures.
    pub fn succeeded(self) {
        let mut failures = self.limiter.lock();
        for key in &self.keys {
            let Some(times) = failures.by_key.get_mut(key) else {
                continue;
            };
            if let Some(position) = times.iter().rposition(|t| *t == self.at) {
                times.remove(position);
            }
            if times.is_empty() {
                failures.by_key.remove(key);
            }
        }
    }

    /// Leaves this attempt counted as a failure.
    pub fn failed(self) {}
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
        limiter.begin(&keys).unwrap().failed();
        limiter.begin(&keys).unwrap().failed();
        assert!(limiter.begin(&keys).is_err());
        limiter.clear(&keys[0].0);
        limiter.begin(&keys).unwrap().failed();
    }

    #[test]
    fn attempts_in_flight_count_and_successes_are_taken_back() {
        let limiter = SignInLimiter::default();
        let keys = [("client:203.0.113.9".to_owned(), 3)];
        // Three attempts at the same moment, none finished: a fourth waits.
        let started: Vec<_> = (0..3).map(|_| limiter.begin(&keys).unwrap()).collect();
        assert!(limiter.begin(&keys).is_err());
        // Two succeed; only the one failure still counts.
        let mut started = started.into_iter();
        started.next().unwrap().succeeded();
        started.next().unwrap().succeeded();
        started.next().unwrap().failed();
        limiter.begin(&keys).unwrap().failed();
        limiter.begin(&keys).unwrap().succeeded();
        limiter.begin(&keys).unwrap().failed();
        assert!(limiter.begin(&keys).is_err());
    }

    #[test]
    fn the_limiter_forgets_addresses_and_clients_once_their_window_has_passed() {
        let limiter = SignInLimiter::default();
        let start = 1_000_000;
        for i in 0..100 {
            let keys = [(format!("address:user{i}@example.com"), 5)];
            limiter.begin_at(&keys, start).unwrap().failed();
        }
        assert_eq!(limiter.remembered(), 100);
        // Still inside the window: everything is kept, and still counts.
        let recent = [("address:recent@example.com".to_owned(), 1)];
        limiter
            .begin_at(&recent, start + LIMIT_WINDOW_SECS - 1)
            .unwrap()
            .failed();
        assert_eq!(limiter.remembered(), 101);
        assert!(
            limiter
                .begin_at(&recent, start + LIMIT_WINDOW_SECS)
                .is_err()
        );
        // The next failure after the window drops the 100 old addresses.
        let later = [("client:203.0.113.9".to_owned(), 20)];
        limiter
            .begin_at(&later, start + LIMIT_WINDOW_SECS + 60)
            .unwrap()
            .failed();
        assert_eq!(limiter.remembered(), 2);
        assert!(
            limiter
                .begin_at(&recent, start + LIMIT_WINDOW_SECS + 60)
                .is_err()
        );
    }
}
