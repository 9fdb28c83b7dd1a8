//! Server settings, from flags or environment variables.

use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;

use clap::Args;
use portal_domain::ReviewPolicy;

use crate::db::Location;

/// Where and how the server runs. Every flag has an environment variable of the
/// same meaning, so operators can configure it either way.
#[derive(Debug, Clone, Args)]
pub struct Config {
    /// TCP port to listen on.
    #[arg(long, env = "PORTAL_PORT", default_value_t = 8080)]
    pub port: u16,

    /// Address to listen on. The default serves this machine only; put a TLS
    /// proxy in front to serve others.
    #[arg(long, env = "PORTAL_BIND", default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    pub bind: IpAddr,

    /// Directory holding the SQLite database (created if missing), unless
    /// --database-url names another place.
    #[arg(long, env = "PORTAL_DATA_DIR", default_value = "data")]
    pub data_dir: PathBuf,

    /// Where the data is kept: `sqlite://PATH` for an SQLite file, or
    /// `postgres://USER:PASSWORD@HOST:PORT/DATABASE` for PostgreSQL 15 or
    /// newer, which several servers can share. Default: the SQLite file
    /// portal.sqlite3 in --data-dir.
    #[arg(long, env = "PORTAL_DATABASE_URL", global = true)]
    pub database_url: Option<String>,

    /// Directory holding the built web app (Trunk's `dist/`).
    #[arg(long, env = "PORTAL_DIST_DIR", default_value = "dist")]
    pub dist_dir: PathBuf,

    /// The address users reach the portal at, for links in mail and printed
    /// set-up links (default: http://127.0.0.1:PORT). An `https://` address
    /// also marks the session cookie `Secure` and sends HSTS.
    #[arg(long, env = "PORTAL_PUBLIC_URL")]
    pub public_url: Option<String>,

    /// Further origins allowed to make changes through the API, e.g. the
    /// `trunk serve` address during development (comma-separated).
    #[arg(long, env = "PORTAL_ALLOWED_ORIGINS", value_delimiter = ',')]
    pub allowed_origins: Vec<String>,

    /// Name of the account created on an empty database.
    #[arg(
        long,
        env = "PORTAL_ACCOUNT_NAME",
        default_value = "My partner account"
    )]
    pub account_name: String,

    /// Integrations of the account created on an empty database
    /// (comma-separated: things_to_do, reservations, ordering).
    #[arg(
        long,
        env = "PORTAL_INTEGRATIONS",
        value_delimiter = ',',
        default_value = "things_to_do"
    )]
    pub integrations: Vec<String>,

    /// Deliver mail (invitations) through this SMTP server, e.g.
    /// `smtps://user:password@smtp.example.com:465` or
    /// `smtp://relay.internal:25`. Without it mail is only logged and kept in
    /// the outbox (`portal-server admin outbox`).
    #[arg(long, env = "PORTAL_SMTP_URL")]
    pub smtp_url: Option<String>,

    /// The sender of the portal's mail.
    #[arg(
        long,
        env = "PORTAL_MAIL_FROM",
        default_value = "Partner Portal <no-reply@localhost>"
    )]
    pub mail_from: String,

    /// Days after the last review (a save, or a confirmation that nothing
    /// changed) when administrators and editors are reminded to review the
    /// contact information.
    #[arg(long, env = "PORTAL_REVIEW_REMINDER_DAYS", default_value_t = ReviewPolicy::default().remind_after_days)]
    pub review_reminder_days: u32,

    /// Days after the last review when the portal locks again behind the
    /// onboarding modal until someone reviews it.
    #[arg(long, env = "PORTAL_REVIEW_LOCK_DAYS", default_value_t = ReviewPolicy::default().lock_after_days)]
    pub review_lock_days: u32,

    /// Runs this server's clock this many days ahead of the system clock, to
    /// see what time does (reviews falling due, links and sessions running
    /// out) without waiting: for trying the portal out and for tests. Never
    /// set it on real data.
    #[arg(
        long,
        env = "PORTAL_CLOCK_OFFSET_DAYS",
        default_value_t = 0,
        allow_negative_numbers = true
    )]
    pub clock_offset_days: i64,

    /// Seed a demo account with a user of every role (passwords printed), for
    /// trying the portal out. Never use on real data.
    #[arg(long, env = "PORTAL_DEMO")]
    pub demo: bool,
}

impl Config {
    /// The review settings, if they make sense together.
    pub fn review_policy(&self) -> Result<ReviewPolicy, String> {
        ReviewPolicy::new(self.review_reminder_days, self.review_lock_days).ok_or_else(|| {
            format!(
                "--review-reminder-days ({}) must be at least 1 and less than --review-lock-days ({})",
                self.review_reminder_days, self.review_lock_days
            )
        })
    }

    /// The SQLite file used when --database-url is not given.
    pub fn database_path(&self) -> PathBuf {
        self.data_dir.join("portal.sqlite3")
    }

    /// The database --database-url names, or the default SQLite file.
    pub fn database(&self) -> Result<Location, String> {
        match &self.database_url {
            Some(url) => Location::parse(url),
            None => Ok(Location::Sqlite(self.database_path())),
        }
    }

    /// The public address, without a trailing slash.
    pub fn public_url(&self) -> String {
        self.public_url
            .clone()
            .unwrap_or_else(|| format!("http://127.0.0.1:{}", self.port))
            .trim_end_matches('/')
            .to_owned()
    }

    pub fn tls(&self) -> bool {
        self.public_url().starts_with("https://")
    }
}
