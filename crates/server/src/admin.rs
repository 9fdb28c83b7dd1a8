//! Operator tasks: opening the database, the first account on an empty
//! database, the demo account, and the `portal-server admin …` commands.

use std::io::Read;

use crate::db::params;
use portal_domain::{
    ContactInfo, ContactInfoDocument, FieldPath, IntegrationKind, Role, normalize_contact_info,
    normalize_user_email, validate_email, validate_password, validate_person_name,
};

use crate::clock::now;
use crate::config::Config;
use crate::db::{Db, DbError, Location};
use crate::secrets::hash_password;
use crate::store::{self, Actor};

/// Prints a line for the operator. A reader that stopped listening
/// (`portal-server admin create-account … | head -1`) is not an error: it has
/// what it wanted, and the command has already done its work.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if let Err(error) = writeln!(std::io::stdout(), $($arg)*) {
            if error.kind() != std::io::ErrorKind::BrokenPipe {
                eprintln!("portal-server: cannot write to standard output: {error}");
            }
        }
    }};
}

type Error = Box<dyn std::error::Error>;

/// Creates the SQLite file's directory if needed and opens (migrating) the
/// database.
pub fn open(config: &Config) -> Result<Db, Error> {
    let location = config.database()?;
    if let Location::Sqlite(path) = &location
        && let Some(dir) = path.parent()
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create the data directory {}: {e}", dir.display()))?;
    }
    let db = Db::open_location(&location).map_err(|e| cannot_open(&location, &e))?;
    tracing::info!(database = %location.describe(), engine = db.engine().as_str(), "database ready");
    Ok(db)
}

pub fn parse_integrations(names: &[String]) -> Result<Vec<IntegrationKind>, Error> {
    names
        .iter()
        .filter(|n| !n.trim().is_empty())
        .map(|name| {
            IntegrationKind::parse(name.trim()).ok_or_else(|| {
                format!("unknown integration `{name}`: use things_to_do, reservations or ordering")
                    .into()
            })
        })
        .collect()
}

/// On an empty database, creates the account; while an account has nobody to
/// sign in, prints a fresh one-time link that creates its first administrator.
pub async fn bootstrap(db: &Db, config: &Config) -> Result<(), Error> {
    let integrations = parse_integrations(&config.integrations)?;
    let name = config.account_name.clone();
    let links = db
        .write(move |conn| {
            let tx = conn.transaction()?;
            let accounts: i64 = tx.query_row("SELECT COUNT(*) FROM accounts", [], |r| r.get(0))?;
            if accounts == 0 {
                store::create_account(&tx, &name, None, &integrations)?;
            }
            let mut statement = tx.prepare(
                "SELECT a.id, a.partner_id, a.display_name FROM accounts a
                 WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.account_id = a.id AND u.password_hash IS NOT NULL)",
            )?;
            let waiting = statement
                .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)))?
                .collect::<Result<Vec<_>, _>>()?;
            drop(statement);
            let mut links = Vec::new();
            for (account_id, partner_id, display_name) in waiting {
                tx.execute(
                    "DELETE FROM invitations WHERE account_id = ?1 AND purpose = 'setup'",
                    [account_id],
                )?;
                let (token, _) = store::create_invitation(&tx, account_id, None, "setup")?;
                links.push((partner_id, display_name, token));
            }
            tx.commit()?;
            Ok(links)
        })
        .await?;
    for (partner_id, display_name, token) in links {
        say!(
            "Account \"{display_name}\" ({partner_id}) has no administrator yet. Open this one-time link \
             to create one (valid {} days):\n    {}/invitation/{token}",
            store::INVITATION_DAYS,
            config.public_url()
        );
    }
    Ok(())
}

/// The demo account's users: (name, email, role, password).
pub const DEMO_USERS: [(&str, &str, Role, &str); 3] = [
    (
        "Ana Administradora",
        "admin@demo.example",
        Role::Administrator,
        "demo-administrator",
    ),
    (
        "Eddie Editor",
        "editor@demo.example",
        Role::Editor,
        "demo-editor-password",
    ),
    (
        "Rosa Reader",
        "reader@demo.example",
        Role::ReadOnly,
        "demo-read-only-password",
    ),
];

/// A demo account with one user of every role, unless it already exists.
pub async fn seed_demo(db: &Db) -> Result<(), Error> {
    let hashes: Vec<String> = tokio::task::spawn_blocking(|| {
        DEMO_USERS
            .iter()
            .map(|(_, _, _, password)| hash_password(password))
            .collect()
    })
    .await?;
    let created = db
        .write(move |conn| {
            let tx = conn.transaction()?;
            let exists: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM accounts WHERE partner_id = 'DEMO-1')",
                [],
                |r| r.get(0),
            )?;
            if exists {
                return Ok(false);
            }
            let (account_id, _) = store::create_account(
                &tx,
                "Demo Travel Co.",
                Some("DEMO-1"),
                &[IntegrationKind::ThingsToDo, IntegrationKind::Reservations],
            )?;
            for ((name, email, role, _), hash) in DEMO_USERS.iter().zip(&hashes) {
                insert_user(&tx, account_id, email, name, *role, Some(hash))?;
            }
            tx.commit()?;
            Ok(true)
        })
        .await?;
    if created {
        say!("Demo account \"Demo Travel Co.\" (DEMO-1) created. Sign in as:");
    } else {
        say!("Demo account \"Demo Travel Co.\" (DEMO-1) is ready. Sign in as:");
    }
    for (_, email, role, password) in DEMO_USERS {
        say!("    {email} / {password}  ({})", role.as_str());
    }
    Ok(())
}

fn insert_user(
    conn: &crate::db::Connection,
    account_id: i64,
    email: &str,
    name: &str,
    role: Role,
    password_hash: Option<&str>,
) -> Result<i64, DbError> {
    conn.execute(
        "INSERT INTO users (account_id, email, name, role, password_hash, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![account_id, email, name, role.as_str(), password_hash, now()],
    )?;
    let user_id = conn.last_insert_rowid()?;
    store::audit(
        conn,
        Some(account_id),
        &Actor::SYSTEM,
        "user.create",
        Some(email),
        None,
        Some(role.as_str()),
    )?;
    Ok(user_id)
}

/// `portal-server admin create-account`: prints the Partner ID and the setup link.
pub async fn create_account(
    config: &Config,
    name: String,
    partner_id: Option<String>,
    integrations: &[String],
) -> Result<(), Error> {
    if name.trim().is_empty() {
        return Err("--name must not be empty".into());
    }
    let integrations = parse_integrations(integrations)?;
    let db = open(config)?;
    let (partner_id, token) = db
        .write(move |conn| {
            let tx = conn.transaction()?;
            if let Some(id) = &partner_id {
                let taken: bool = tx.query_row(
                    "SELECT EXISTS (SELECT 1 FROM accounts WHERE partner_id = ?1)",
                    [id],
                    |r| r.get(0),
                )?;
                if taken {
                    return Ok(Err(format!(
                        "an account with Partner ID {id} already exists"
                    )));
                }
            }
            let (account_id, partner_id) =
                store::create_account(&tx, name.trim(), partner_id.as_deref(), &integrations)?;
            let (token, _) = store::create_invitation(&tx, account_id, None, "setup")?;
            tx.commit()?;
            Ok(Ok((partner_id, token)))
        })
        .await??;
    say!("{partner_id}");
    say!("setup link: {}/invitation/{token}", config.public_url());
    Ok(())
}

/// `portal-server admin create-user`: password from `PORTAL_PASSWORD` or stdin.
pub async fn create_user(
    config: &Config,
    partner_id: String,
    email: String,
    name: Option<String>,
    role: &str,
) -> Result<(), Error> {
    let role = Role::parse(role)
        .ok_or_else(|| format!("unknown role `{role}`: use administrator, editor or read-only"))?;
    let email = normalize_user_email(&email);
    let name = name.unwrap_or_else(|| email.split('@').next().unwrap_or_default().to_owned());
    let password = match std::env::var("PORTAL_PASSWORD") {
        Ok(password) => password,
        Err(_) => {
            let mut input = String::new();
            std::io::stdin().read_to_string(&mut input)?;
            input.trim_end_matches(['\r', '\n']).to_owned()
        }
    };
    let mut problems = validate_email(&email, FieldPath::EMAIL);
    problems.extend(validate_person_name(&name, FieldPath::NAME));
    problems.extend(validate_password(&password));
    if !problems.is_empty() {
        // Named as the operator gave them: a flag, or the password's source.
        let source = |path: FieldPath| match path {
            FieldPath::EMAIL => "--email",
            FieldPath::NAME => "--name",
            _ => "the password (PORTAL_PASSWORD or standard input)",
        };
        let list: Vec<String> = problems
            .iter()
            .map(|p| format!("{}: {}", source(p.path), p.code))
            .collect();
        return Err(format!("cannot create the user: {}", list.join(", ")).into());
    }
    let hash = tokio::task::spawn_blocking(move || hash_password(&password)).await?;
    let db = open(config)?;
    let user_id = db
        .write(move |conn| {
            let tx = conn.transaction()?;
            let account: Option<i64> = crate::db::OptionalExtension::optional(tx.query_row(
                "SELECT id FROM accounts WHERE partner_id = ?1",
                [&partner_id],
                |r| r.get(0),
            ))?;
            let Some(account_id) = account else {
                return Ok(Err(format!("no account has Partner ID {partner_id}")));
            };
            let taken: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM users WHERE email = ?1)",
                [&email],
                |r| r.get(0),
            )?;
            if taken {
                return Ok(Err(format!(
                    "a user with the address {email} already exists"
                )));
            }
            let id = insert_user(&tx, account_id, &email, &name, role, Some(&hash))?;
            tx.commit()?;
            Ok(Ok(id))
        })
        .await??;
    say!("{user_id}");
    Ok(())
}

/// `portal-server admin migrate`: opening the database migrates it; this
/// says to which version, on which engine.
pub async fn migrate(config: &Config) -> Result<(), Error> {
    let db = open(config)?;
    let (engine, version) = db
        .read(|conn| Ok((conn.engine(), crate::db::schema_version(conn)?)))
        .await?;
    say!("{} database at schema version {version}", engine.as_str());
    Ok(())
}

/// `portal-server admin outbox`: the newest queued mail, newest first.
pub async fn outbox(config: &Config, limit: u32) -> Result<(), Error> {
    let db = open(config)?;
    let mails = db
        .write(move |conn| {
            let mut statement = conn.prepare(
                "SELECT id, recipient, subject, body, created_at, sent_at FROM outbox ORDER BY id DESC LIMIT ?1",
            )?;
            let rows = statement
                .query_map([limit], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, i64>(4)?,
                        r.get::<_, Option<i64>>(5)?,
                    ))
                })?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await?;
    for (id, recipient, subject, body, at, sent_at) in mails {
        let delivery = sent_at.map_or_else(
            || "not sent".to_owned(),
            |t| format!("sent {}", crate::clock::rfc3339(t)),
        );
        say!(
            "#{id} queued {} to {recipient} ({delivery})\nSubject: {subject}\n\n{body}\n",
            crate::clock::rfc3339(at)
        );
    }
    Ok(())
}

/// Every table of the schema, each after the tables its foreign keys name,
/// so rows can be inserted in this order.
const TABLES: &[&str] = &[
    "accounts",
    "users",
    "invitations",
    "sessions",
    "contact_info",
    "audit_log",
    "outbox",
    "address_verifications",
    "warning_dismissals",
    "throttle_failures",
];

/// One table's rows as SQLite holds them.
struct TableRows {
    name: &'static str,
    columns: Vec<String>,
    rows: Vec<Vec<rusqlite::types::Value>>,
}

/// `portal-server admin copy`: every row of an SQLite database into an
/// empty PostgreSQL database, ids and versions as they are, so a deployment
/// moves to PostgreSQL without anyone noticing (sessions included). The
/// source must be at this build's schema version; the target is migrated
/// to it, must hold no rows, and receives everything in one transaction,
/// after which its id sequences continue after the copied ids.
pub async fn copy(from: &str, to: &str) -> Result<(), Error> {
    let Location::Sqlite(source) = Location::parse(from)? else {
        return Err("--from must be an SQLite database: sqlite://PATH".into());
    };
    let target = Location::parse(to)?;
    if !matches!(target, Location::Postgres(_)) {
        return Err(
            "--to must be a PostgreSQL database: postgres://USER@HOST:PORT/DATABASE".into(),
        );
    }
    if !source.is_file() {
        return Err(format!("there is no SQLite database at {}", source.display()).into());
    }
    let tables = tokio::task::spawn_blocking(move || read_source(&source))
        .await?
        .map_err(|e| e as Error)?;
    let db = Db::open_location(&target).map_err(|e| cannot_open(&target, &e))?;
    let copied = db
        .write(move |conn| {
            let tx = conn.transaction()?;
            for table in TABLES {
                let rows: i64 =
                    tx.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))?;
                if rows > 0 {
                    return Ok(Err(format!(
                        "the target database is not empty (its table {table} has {rows} rows): copy into a new database"
                    )));
                }
            }
            let mut copied = Vec::new();
            for table in &tables {
                let placeholders: Vec<String> =
                    (1..=table.columns.len()).map(|i| format!("?{i}")).collect();
                let insert = format!(
                    "INSERT INTO {} ({}) VALUES ({})",
                    table.name,
                    table.columns.join(", "),
                    placeholders.join(", ")
                );
                for row in &table.rows {
                    let values: Vec<&dyn crate::db::ToSql> =
                        row.iter().map(|v| v as &dyn crate::db::ToSql).collect();
                    tx.execute(&insert, values.as_slice())?;
                }
                copied.push((table.name, table.rows.len()));
            }
            // New rows get ids after the copied ones.
            let mut statement = tx.prepare(
                "SELECT table_name::text, column_name::text FROM information_schema.columns
                 WHERE table_schema = current_schema() AND is_identity = 'YES'",
            )?;
            let identities = statement
                .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
                .collect::<Result<Vec<_>, _>>()?;
            drop(statement);
            for (table, column) in identities {
                tx.query_row(
                    &format!(
                        "SELECT setval(pg_get_serial_sequence(?1, ?2), COALESCE(MAX({column}), 0) + 1, false) FROM {table}"
                    ),
                    [&table, &column],
                    |r| r.get::<_, i64>(0),
                )?;
            }
            tx.commit()?;
            Ok(Ok(copied))
        })
        .await??;
    for (table, rows) in copied {
        say!("{table}: {rows} rows");
    }
    say!(
        "copied into {} at schema version {}",
        target.describe(),
        crate::db::SCHEMA_VERSION
    );
    Ok(())
}

/// Every row of every table, read in one transaction so they agree even
/// while a server writes to the file.
fn read_source(
    path: &std::path::Path,
) -> Result<Vec<TableRows>, Box<dyn std::error::Error + Send + Sync>> {
    let mut conn = crate::db::open_reader(path)?;
    let tx = conn.transaction()?;
    let version: u32 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version != crate::db::SCHEMA_VERSION {
        return Err(format!(
            "{} has schema version {version} but this portal-server copies version {} only: {}",
            path.display(),
            crate::db::SCHEMA_VERSION,
            if version < crate::db::SCHEMA_VERSION {
                "bring it up to date first with `portal-server admin migrate --database-url sqlite://PATH`"
            } else {
                "copy it with a newer portal-server"
            }
        )
        .into());
    }
    let mut statement = tx.prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )?;
    let mut names = statement
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<Result<Vec<_>, _>>()?;
    drop(statement);
    let mut known: Vec<&str> = TABLES.to_vec();
    known.sort_unstable();
    names.sort_unstable();
    if names != known {
        return Err(format!(
            "{} has the tables {names:?}, not the {known:?} this portal-server copies: \
             it was changed outside portal-server; copy a backup of it instead",
            path.display()
        )
        .into());
    }
    let mut tables = Vec::new();
    for name in TABLES {
        let mut statement = tx.prepare(&format!("SELECT name FROM pragma_table_info('{name}')"))?;
        let columns = statement
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<Result<Vec<_>, _>>()?;
        let mut statement = tx.prepare(&format!("SELECT {} FROM {name}", columns.join(", ")))?;
        let rows = statement
            .query_map([], |r| {
                (0..columns.len())
                    .map(|i| r.get::<_, rusqlite::types::Value>(i))
                    .collect::<Result<Vec<_>, _>>()
            })?
            .collect::<Result<Vec<_>, _>>()?;
        tables.push(TableRows {
            name,
            columns,
            rows,
        });
    }
    Ok(tables)
}

/// Who the history names for a change made with `portal-server admin import`.
pub const IMPORT_ACTOR: &str = "Portal operator (import)";

/// The account's internal id, if an account has this Partner ID.
fn account_by_partner_id(
    conn: &crate::db::Connection,
    partner_id: &str,
) -> Result<Option<i64>, DbError> {
    crate::db::OptionalExtension::optional(conn.query_row(
        "SELECT id FROM accounts WHERE partner_id = ?1",
        [partner_id],
        |r| r.get(0),
    ))
}

/// `portal-server admin export`: the account's contact information as a
/// [`ContactInfoDocument`] (version 0 and empty if it was never saved).
pub async fn export(config: &Config, partner_id: String) -> Result<(), Error> {
    let db = open(config)?;
    let document = db
        .read(move |conn| {
            let Some(account_id) = account_by_partner_id(conn, &partner_id)? else {
                return Ok(Err(format!("no account has Partner ID {partner_id}")));
            };
            let (version, info) = store::contact_info(conn, account_id)?
                .map_or((0, ContactInfo::default()), |s| (s.version, s.info));
            Ok(Ok(ContactInfoDocument::new(partner_id, version, info)))
        })
        .await??;
    say!(
        "{}",
        serde_json::to_string_pretty(&document).expect("documents serialise")
    );
    Ok(())
}

/// What an import found, and the version it saved (none for a dry run or a
/// file without changes).
struct Imported {
    changed: Vec<portal_domain::ContactField>,
    warnings: Vec<portal_domain::FieldError>,
    saved: Option<i64>,
}

/// `portal-server admin import`: replaces the account's contact information
/// with a file written by `export` (or the app), after the same checks as a
/// save in the app: the file must belong to the account, be exported at its
/// current version and pass every rule. Prints the fields that differ;
/// `dry_run` stops there. One transaction: all of it is saved, or nothing.
pub async fn import(
    config: &Config,
    partner_id: String,
    file: &std::path::Path,
    dry_run: bool,
) -> Result<(), Error> {
    let name = file.display().to_string();
    let text = if name == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        text
    } else {
        std::fs::read_to_string(file).map_err(|e| format!("cannot read {name}: {e}"))?
    };
    let document: ContactInfoDocument = serde_path_to_error::deserialize(
        &mut serde_json::Deserializer::from_str(&text),
    )
    .map_err(|e| {
        let at = e.path().to_string();
        let at = if at == "." || at == "?" {
            String::new()
        } else {
            format!(" at `{at}`")
        };
        format!(
            "{name} is not a contact information file{at}: {}",
            e.inner()
        )
    })?;
    let db = open(config)?;
    let public_url = config.public_url();
    let imported = db
        .write(move |conn| {
            let tx = conn.transaction()?;
            let Some(account_id) = account_by_partner_id(&tx, &partner_id)? else {
                return Ok(Err(format!("no account has Partner ID {partner_id}")));
            };
            let current = store::contact_info(&tx, account_id)?;
            let current_version = current.as_ref().map_or(0, |c| c.version);
            if let Err(problem) = document.check(&partner_id, current_version) {
                return Ok(Err(format!("cannot import {name}: {problem}")));
            }
            let info = normalize_contact_info(&document.contact_info);
            let report = store::validate_for(&tx, account_id, &info)?;
            if !report.is_valid() {
                let problems: Vec<String> = report
                    .errors
                    .iter()
                    .map(|e| format!("  {}: {}", e.path, e.code))
                    .collect();
                return Ok(Err(format!(
                    "cannot import {name}: its contact information breaks these rules (path: code):\n{}",
                    problems.join("\n")
                )));
            }
            let before = current.as_ref().map(|c| c.info.clone()).unwrap_or_default();
            let changed = before.differing_fields(&info);
            let saved = if dry_run || (changed.is_empty() && current.is_some()) {
                None
            } else {
                let actor = Actor {
                    id: None,
                    name: IMPORT_ACTOR,
                };
                let version =
                    store::save_contact_info(
                        &tx,
                        account_id,
                        &actor,
                        current.as_ref(),
                        &info,
                        &public_url,
                    )?;
                tx.commit()?;
                Some(version)
            };
            Ok(Ok(Imported {
                changed,
                warnings: report.warnings,
                saved,
            }))
        })
        .await??;
    for field in &imported.changed {
        say!("changed: {}", field.path_prefix());
    }
    for warning in &imported.warnings {
        say!("warning: {}: {}", warning.path, warning.code);
    }
    match imported.saved {
        Some(version) => say!("saved as version {version}"),
        None if dry_run => say!("dry run: nothing was saved"),
        None => say!("no changes: nothing was saved"),
    }
    Ok(())
}

/// Why `location` could not be opened, and what to check.
fn cannot_open(location: &Location, error: &DbError) -> String {
    let check = match location {
        Location::Postgres(_) => {
            "check that PostgreSQL is running and reachable, and that --database-url (PORTAL_DATABASE_URL) names an existing database the user may use"
        }
        Location::Sqlite(_) => {
            "check that the folder exists and is writable, and that no newer portal-server wrote the file"
        }
    };
    format!(
        "cannot open the database {}: {error}; {check}",
        location.describe()
    )
}
