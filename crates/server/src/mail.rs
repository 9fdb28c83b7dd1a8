//! Delivering the outbox over SMTP, when an operator configured it.
//!
//! Handlers only ever queue mail (in the same transaction as the change that
//! causes it), so a mail server being down never fails a request and no
//! message is lost: this task retries until the message is accepted.

use std::time::Duration;

use crate::db::params;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::clock::now;
use crate::db::Db;

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

    /// Sends every unsent message once; returns how many were accepted.
    pub async fn deliver_pending(&self, db: &Db) -> usize {
        let pending = db
            .write(|conn| {
                let mut statement = conn.prepare(
                    "SELECT id, recipient, subject, body FROM outbox
                     WHERE sent_at IS NULL AND attempts < ?1 ORDER BY id LIMIT 20",
                )?;
                let rows = statement
                    .query_map([MAX_ATTEMPTS], |r| {
                        Ok((
                            r.get::<_, i64>(0)?,
                            r.get::<_, String>(1)?,
                            r.get::<_, String>(2)?,
                            r.get::<_, String>(3)?,
                        ))
                    })?
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(rows)
            })
            .await
            .unwrap_or_default();
        let mut sent = 0;
        for (id, recipient, subject, body) in pending {
            let outcome = self.send(&recipient, &subject, body).await;
            if outcome.is_ok() {
                sent += 1;
            } else if let Err(error) = &outcome {
                tracing::warn!(%recipient, %error, "mail not delivered; will retry");
            }
            let _ = db
                .write(move |conn| {
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
                })
                .await;
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

    /// Delivers the outbox every few seconds, for as long as the server runs.
    pub fn spawn(self, db: Db) {
        tokio::spawn(async move {
            loop {
                self.deliver_pending(&db).await;
                tokio::time::sleep(POLL_INTERVAL).await;
            }
        });
    }
}
