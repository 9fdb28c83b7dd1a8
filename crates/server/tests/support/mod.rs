//! A real server application over a temporary SQLite database, driven
//! in-process: requests go through the whole router and middleware stack.
//! With `PORTAL_TEST_DATABASE_URL` naming a PostgreSQL cluster
//! (`postgres://USER@HOST:PORT/postgres`), each server gets a fresh
//! database of its own there instead.

#![allow(dead_code)]

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use portal_domain::{ContactEntry, ContactInfo, Role, SupportSchedule};
use portal_server::db::{Connection, Db, DbError};
use portal_server::{AppState, Config, admin, secrets, store};
use serde_json::Value;
use tower::ServiceExt;

pub struct TestServer {
    pub app: Router,
    /// What the handlers share, e.g. to hold every password-hashing slot.
    pub state: AppState,
    pub db: Db,
    pub config: Config,
    _dirs: tempfile::TempDir,
}

pub struct Answer {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: Value,
}

impl Answer {
    pub fn code(&self) -> &str {
        self.body["code"].as_str().unwrap_or_default()
    }

    pub fn etag(&self) -> String {
        self.headers
            .get(header::ETAG)
            .expect("an ETag header")
            .to_str()
            .unwrap()
            .to_owned()
    }

    /// The session token set by a sign-in.
    pub fn session_token(&self) -> String {
        let cookie = self
            .headers
            .get(header::SET_COOKIE)
            .expect("a Set-Cookie header")
            .to_str()
            .unwrap();
        cookie
            .strip_prefix("portal_session=")
            .and_then(|rest| rest.split(';').next())
            .unwrap()
            .to_owned()
    }

    pub fn field_paths(&self) -> Vec<String> {
        self.body["fields"]
            .as_array()
            .map(|fields| {
                fields
                    .iter()
                    .map(|f| {
                        format!(
                            "{}:{}",
                            f["path"].as_str().unwrap(),
                            f["code"].as_str().unwrap()
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// One request; `session` is a token from [`TestServer::sign_in`].
pub struct Call<'a> {
    server: &'a TestServer,
    request: axum::http::request::Builder,
    body: Body,
}

impl Call<'_> {
    pub fn session(mut self, token: &str) -> Self {
        self.request = self
            .request
            .header(header::COOKIE, format!("portal_session={token}"));
        self
    }

    /// As if sent from `ip`, which the rate limits count by (requests
    /// without it share the count of clients the server cannot tell apart).
    pub fn sent_from(mut self, ip: &str) -> Self {
        let address = std::net::SocketAddr::new(ip.parse().expect("an IP address"), 40_000);
        self.request = self.request.extension(axum::extract::ConnectInfo(address));
        self
    }

    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.request = self.request.header(name, value);
        self
    }

    pub fn json(mut self, body: &impl serde::Serialize) -> Self {
        self.request = self
            .request
            .header(header::CONTENT_TYPE, "application/json");
        self.body = Body::from(serde_json::to_vec(body).unwrap());
        self
    }

    pub fn raw(mut self, content_type: &str, body: impl Into<Body>) -> Self {
        self.request = self.request.header(header::CONTENT_TYPE, content_type);
        self.body = body.into();
        self
    }

    /// The answer with its body as bytes, for files that are not JSON or text.
    pub async fn send_raw(self) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
        let response = self
            .server
            .app
            .clone()
            .oneshot(self.request.body(self.body).unwrap())
            .await
            .unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        (status, headers, bytes.to_vec())
    }

    pub async fn send(self) -> Answer {
        let (status, headers, bytes) = self.send_raw().await;
        let body = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes)
                .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()))
        };
        Answer {
            status,
            headers,
            body,
        }
    }
}

pub const PASSWORD: &str = "a long enough password";

/// A small built app: a shell page and its script.
fn write_small_app(dist: &std::path::Path) {
    std::fs::write(
        dist.join("index.html"),
        "<!doctype html><title>app shell</title><script type=\"module\">import init from '/app.js';</script>",
    )
    .unwrap();
    std::fs::write(dist.join("app.js"), "console.log('app')").unwrap();
}

impl TestServer {
    pub async fn new() -> Self {
        Self::with_app(write_small_app).await
    }

    /// A server on the database `database_url` names (`None`: an SQLite
    /// file of its own), whatever `PORTAL_TEST_DATABASE_URL` says.
    pub async fn on_database(database_url: Option<String>) -> Self {
        Self::build(database_url, write_small_app)
    }

    /// A server whose built app is what `write_app` puts into the (empty)
    /// `dist/` folder it is given; the server reads it at start.
    pub async fn with_app(write_app: impl FnOnce(&std::path::Path)) -> Self {
        Self::build(test_database_url(), write_app)
    }

    fn build(database_url: Option<String>, write_app: impl FnOnce(&std::path::Path)) -> Self {
        let dirs = tempfile::tempdir().unwrap();
        let dist = dirs.path().join("dist");
        std::fs::create_dir_all(&dist).unwrap();
        write_app(&dist);
        let config = Config {
            port: 8080,
            bind: [127, 0, 0, 1].into(),
            data_dir: dirs.path().join("data"),
            dist_dir: dist,
            database_url,
            public_url: Some("http://portal.test".into()),
            allowed_origins: Vec::new(),
            account_name: "First account".into(),
            integrations: vec!["things_to_do".into()],
            smtp_url: None,
            mail_from: "Partner Portal <portal@portal.test>".into(),
            review_reminder_days: portal_domain::ReviewPolicy::default().remind_after_days,
            review_lock_days: portal_domain::ReviewPolicy::default().lock_after_days,
            clock_offset_days: 0,
            demo: false,
        };
        let db = admin::open(&config).unwrap();
        let state = AppState::new(db.clone(), &config);
        TestServer {
            app: portal_server::app(state.clone(), &config),
            state,
            db,
            config,
            _dirs: dirs,
        }
    }

    /// A second server on this one's database, as another instance behind
    /// the same load balancer would be: its own connections, its own
    /// memory, the same data.
    pub fn another_instance(&self) -> TestServer {
        let db = admin::open(&self.config).unwrap();
        let state = AppState::new(db.clone(), &self.config);
        TestServer {
            app: portal_server::app(state.clone(), &self.config),
            state,
            db,
            config: self.config.clone(),
            _dirs: tempfile::tempdir().unwrap(),
        }
    }

    pub fn call(&self, method: &str, path: &str) -> Call<'_> {
        Call {
            server: self,
            request: Request::builder().method(method).uri(path),
            body: Body::empty(),
        }
    }

    pub fn get(&self, path: &str) -> Call<'_> {
        self.call("GET", path)
    }

    /// A new account; returns its id.
    pub async fn account(&self, name: &str, integrations: &[&str]) -> i64 {
        let name = name.to_owned();
        let kinds = admin::parse_integrations(
            &integrations
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>(),
        )
        .unwrap();
        self.db
            .write(move |conn| Ok(store::create_account(conn, &name, None, &kinds)?.0))
            .await
            .unwrap()
    }

    /// An active user with [`PASSWORD`]; returns their id.
    pub async fn user(&self, account_id: i64, email: &str, role: Role) -> i64 {
        let email = email.to_owned();
        let hash = secrets::hash_password(PASSWORD);
        self.db
            .write(move |conn| {
                conn.execute(
                    "INSERT INTO users (account_id, email, name, role, password_hash, created_at) VALUES (?1, ?2, ?3, ?4, ?5, 0)",
                    portal_server::db::params![account_id, email, format!("Name of {email}"), role.as_str(), hash],
                )?;
                conn.last_insert_rowid()
            })
            .await
            .unwrap()
    }

    pub async fn sign_in(&self, email: &str) -> String {
        let answer = self
            .call("POST", "/api/v1/session")
            .json(&serde_json::json!({ "email": email, "password": PASSWORD }))
            .send()
            .await;
        assert_eq!(answer.status, StatusCode::OK, "{:?}", answer.body);
        answer.session_token()
    }

    /// The token of the link after `marker` (e.g. `/invitation/`) in the
    /// newest queued mail.
    pub async fn newest_link(&self, marker: &'static str) -> String {
        let body: String = self
            .sql(|c| {
                c.query_row(
                    "SELECT body FROM outbox ORDER BY id DESC LIMIT 1",
                    [],
                    |r| r.get(0),
                )
            })
            .await;
        let rest = body
            .split(marker)
            .nth(1)
            .unwrap_or_else(|| panic!("no {marker} link in the newest mail:\n{body}"));
        rest[..64].to_owned()
    }

    /// The single number a `SELECT COUNT(*) …` query answers.
    pub async fn count(&self, sql: &'static str) -> i64 {
        self.sql(move |c| c.query_row(sql, [], |r| r.get(0))).await
    }

    /// Runs SQL against the server's database.
    pub async fn sql<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Connection<'_>) -> Result<T, DbError> + Send + 'static,
    ) -> T {
        self.db.write(f).await.unwrap()
    }
}

/// A new, empty PostgreSQL database in the cluster `PORTAL_TEST_DATABASE_URL`
/// names, if it names one: its URL.
pub fn test_database_url() -> Option<String> {
    let cluster = std::env::var("PORTAL_TEST_DATABASE_URL")
        .ok()
        .filter(|url| !url.is_empty())?;
    let name = format!("t_{}", &secrets::new_token()[..24]);
    let (prefix, _) = cluster
        .rsplit_once('/')
        .expect("PORTAL_TEST_DATABASE_URL ends in /DATABASE");
    let url = format!("{prefix}/{name}");
    // The client blocks on a runtime of its own: not on this test's.
    std::thread::spawn(move || {
        let mut client = postgres::Client::connect(&cluster, postgres::NoTls)
            .unwrap_or_else(|e| panic!("cannot reach PORTAL_TEST_DATABASE_URL: {e}"));
        client
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .unwrap();
    })
    .join()
    .unwrap();
    Some(url)
}

/// Complete, valid contact information naming `alert_user` as alert contact.
pub fn valid_contact_info(alert_user: i64) -> ContactInfo {
    ContactInfo {
        alert_contacts: vec![alert_user],
        technical_emergency: vec![
            ContactEntry::new("oncall@partner.example").with_phone("+1 (555) 010-0000"),
        ],
        technical_non_emergency: vec![
            ContactEntry::new("tech@partner.example").with_name("Tech team"),
        ],
        merchant_operational: Vec::new(),
        operational_google: vec![ContactEntry::new("ops@partner.example")],
        shared_with_users: ContactEntry::new("support@partner.example"),
        support_hours: vec![SupportSchedule::weekdays_nine_to_five("Europe/Madrid")],
    }
}

/// One account with an administrator, an editor and a read-only user.
pub struct Team {
    pub server: TestServer,
    pub account: i64,
    pub admin: i64,
    pub editor: i64,
    pub reader: i64,
}

pub async fn team() -> Team {
    let server = TestServer::new().await;
    let account = server.account("Acme Tours", &["things_to_do"]).await;
    let admin = server
        .user(account, "admin@acme.example", Role::Administrator)
        .await;
    let editor = server
        .user(account, "editor@acme.example", Role::Editor)
        .await;
    let reader = server
        .user(account, "reader@acme.example", Role::ReadOnly)
        .await;
    Team {
        server,
        account,
        admin,
        editor,
        reader,
    }
}
