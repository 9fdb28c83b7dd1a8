//! Delivering the outbox over SMTP, when an operator configured it.
//!
//! Handlers only ever queue mail (in the same transaction as the change that
//! causes it), so a mail server being down never fails a request and no
//! message is lost: this task retries until the message is accepted.
//!
//! Every server runs this task. On PostgreSQL, where several servers share
//! the outbox, a server claims one message at a time with `FOR UPDATE SKIP
//! LOCKED` on a connection of its own and holds the claim until it has
//! recorded the outcome, so each message goes out once however many servers
//! deliver (and a server that dies mid-send releases its claim). The claim
//! takes no part in the write lock, so requests never wait for a mail server.

use std::time::Duration;

use crate::db::params;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::clock::now;
use crate::db::{Connection, Db, DbError, Dedicated, OptionalExtension};

/// An outbox row to send: id, recipient, subject, body.
type Pending = (i64, String, String, String);

/// Most messages one pass sends, so a long queue does not starve the next
/// pass's retries of older ones.
const BATCH: usize = 20;

/// Give up on a message after this many failed attempts (about a day).
const MAX_ATTEMPTS: i64 = 50;
const POLL_INTERVAL: Duration = Duration::from_secs(5);

pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Mailer {
    /// `url` as lettre reads it: `smtp://host:25`, `smtp://user:pass@host:587?tls=required`
    /// (STARTTLS) or `smtps://user:pass@host:465`.
    pub fn new(url: &str, from: &str) -> Result<Self, String> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| format!("invalid SMTP URL: {e}"))?
            .timeout(Some(Duration::from_secs(20)))
            .build();
        let from = from
            .parse()
            .map_err(|e| format!("invalid sender address `{from}`: {e}"))?;
        Ok(Self { transport, from })
    }

    /// Sends every unsent message once (up to a batch); returns how many
    /// were accepted.
    pub async fn deliver_pending(&self, db: &Db) -> usize {
        self.deliver_with(db, db.dedicated().as_mut()).await
    }

    /// As [`Mailer::deliver_pending`], on PostgreSQL through `own`, a
    /// connection the caller keeps from one pass to the next.
    pub async fn deliver_with(&self, db: &Db, own: Option<&mut Dedicated>) -> usize {
        match own {
            Some(conn) => self.deliver_claimed(conn).await,
            None => self.deliver_alone(db).await,
        }
    }

    /// SQLite: this server is the outbox's only reader.
    async fn deliver_alone(&self, db: &Db) -> usize {
        let pending = db
            .write(|conn| {
                let mut statement = conn.prepare(
                    "SELECT id, recipient, subject, body FROM outbox
                     WHERE sent_at IS NULL AND attempts < ?1 ORDER BY id LIMIT ?2",
                )?;
                let rows = statement
                    .query_map([MAX_ATTEMPTS, BATCH as i64], pending_row)?
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(rows)
            })
            .await
            .unwrap_or_default();
        let mut sent = 0;
        for (id, recipient, subject, body) in pending {
            let outcome = self.send(&recipient, &subject, body).await;
            sent += usize::from(outcome.is_ok());
            warn_unless_sent(&recipient, &outcome);
            let _ = db.write(move |conn| record(conn, id, outcome)).await;
        }
        sent
    }

    /// PostgreSQL: each message claimed with a row lock, sent, and its
    /// outcome committed before the lock goes. A message another server has
    /// claimed is skipped; one this pass already tried waits for the next.
    async fn deliver_claimed(&self, conn: &mut Dedicated) -> usize {
        let mut sent = 0;
        let mut after = 0;
        for _ in 0..BATCH {
            let claimed = conn
                .run(move |c| {
                    c.execute_batch("BEGIN")?;
                    let claimed = c
                        .query_row(
                            "SELECT id, recipient, subject, body FROM outbox
                             WHERE sent_at IS NULL AND attempts < ?1 AND id > ?2
                             ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED",
                            [MAX_ATTEMPTS, after],
                            pending_row,
                        )
                        .optional();
                    if !matches!(claimed, Ok(Some(_))) {
                        let _ = c.execute_batch("ROLLBACK");
                    }
                    claimed
                })
                .await;
            let (id, recipient, subject, body) = match claimed {
                Ok(Some(message)) => message,
                Ok(None) => break,
                Err(error) => {
                    tracing::warn!(%error, "cannot read the outbox; will retry");
                    // The next pass starts on a new connection, whatever
                    // state this one was left in.
                    conn.reset();
                    break;
                }
            };
            after = id;
            let outcome = self.send(&recipient, &subject, body).await;
            let accepted = outcome.is_ok();
            warn_unless_sent(&recipient, &outcome);
            let recorded = conn
                .run(move |c| {
                    let result = record(c, id, outcome).and_then(|()| c.execute_batch("COMMIT"));
                    if result.is_err() {
                        let _ = c.execute_batch("ROLLBACK");
                    }
                    result
                })
                .await;
            if let Err(error) = recorded {
                tracing::warn!(%error, id, "cannot record a delivery; the message will be sent again");
                conn.reset();
                break;
            }
            sent += usize::from(accepted);
        }
        sent
    }

    async fn send(&self, recipient: &str, subject: &str, body: String) -> Result<(), String> {
        let to: Mailbox = recipient
            .parse()
            .map_err(|e| format!("invalid recipient: {e}"))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .body(body)
            .map_err(|e| e.to_string())?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    }

    /// Delivers the outbox every few seconds, for as long as the server
    /// runs. On PostgreSQL one connection of the task's own serves every
    /// pass, opened again only when it broke.
    pub fn spawn(self, db: Db) {
        tokio::spawn(async move {
            let mut own = db.dedicated();
            loop {
                self.deliver_with(&db, own.as_mut()).await;
                tokio::time::sleep(POLL_INTERVAL).await;
            }
        });
    }
}

fn pending_row(r: &crate::db::Row<'_>) -> Result<Pending, DbError> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
}

fn warn_unless_sent(recipient: &str, outcome: &Result<(), String>) {
    if let Err(error) = outcome {
        tracing::warn!(%recipient, %error, "mail not delivered; will retry");
    }
}

/// Marks the message sent, or counts a failed attempt.
fn record(conn: &Connection<'_>, id: i64, outcome: Result<(), String>) -> Result<(), DbError> {
    match outcome {
        Ok(()) => conn.execute(
            "UPDATE outbox SET sent_at = ?1, attempts = attempts + 1, last_error = NULL WHERE id = ?2",
            params![now(), id],
        )?,
        Err(error) => conn.execute(
            "UPDATE outbox SET attempts = attempts + 1, last_error = ?1 WHERE id = ?2",
            params![error, id],
        )?,
    };
    Ok(())
}
