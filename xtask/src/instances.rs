//! Two `portal-server` processes on one PostgreSQL database, as a
//! deployment with several instances runs them behind a load balancer that
//! sends any request anywhere, and a server whose database goes away and
//! comes back. Run by `cargo xtask test --layer postgres` on its cluster.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::bench::{admin_output, contact_info, user_id};
use crate::http::{self, Response};
use crate::postgres::Cluster;
use crate::process::TempDir;
use crate::serve::KillOnDrop;
use crate::test_server::{free_port, wait_until_listening};
use crate::tools::Tools;

const PASSWORD: &str = "a long enough password";
const ADMIN: &str = "admin@two.example";
const EDITOR: &str = "editor@two.example";

/// Each check's name and outcome.
pub type Checks = Vec<(&'static str, Result<(), String>)>;

/// A running server; killed (if still running) and its folders removed
/// when dropped.
struct Instance {
    port: u16,
    process: KillOnDrop,
    _dirs: TempDir,
}

impl Instance {
    fn start(tools: &Tools, server_bin: &Path, database_url: &str) -> Result<Self, String> {
        let dirs = TempDir::new("portal-instance")?;
        let dist = dirs.0.join("dist");
        std::fs::create_dir_all(&dist).map_err(|e| e.to_string())?;
        let port = free_port()?;
        let process = tools
            .command(&server_bin.to_string_lossy())
            .args(["--port", &port.to_string(), "--dist-dir"])
            .arg(&dist)
            .arg("--data-dir")
            .arg(dirs.0.join("data"))
            .args(["--database-url", database_url])
            .env("PORTAL_LOG", "error")
            .stdout(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", server_bin.display()))?;
        let mut process = KillOnDrop(process);
        wait_until_listening(&mut process, port)?;
        Ok(Self {
            port,
            process,
            _dirs: dirs,
        })
    }

    fn call(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<&str>,
    ) -> Result<Response, String> {
        http::request(self.port, method, path, headers, body)
    }

    /// The version of the contact information this server reads now, for
    /// `what` in an error.
    fn contact_version(&self, cookie: &str, what: &str) -> Result<i64, String> {
        let answer = self.call(
            "GET",
            "/api/v1/account/contact-info",
            &[("Cookie", cookie)],
            None,
        )?;
        expect(what, &answer, 200)?;
        etag_version(&answer)
    }

    /// Signs `email` in; returns the `Cookie` header value and the user's id.
    fn sign_in(&self, email: &str) -> Result<(String, i64), String> {
        let body = format!(r#"{{"email":"{email}","password":"{PASSWORD}"}}"#);
        let answer = self.call("POST", "/api/v1/session", &[], Some(&body))?;
        let token = answer
            .cookie("portal_session")
            .ok_or_else(|| format!("signing {email} in answered {}", answer.status))?;
        let id = user_id(&answer.body).ok_or("the sign-in answer has no user id")?;
        Ok((format!("portal_session={token}"), id))
    }
}

fn expect(what: &str, answer: &Response, status: u16) -> Result<(), String> {
    if answer.status == status {
        Ok(())
    } else {
        Err(format!(
            "{what} answered {} (expected {status}): {}",
            answer.status, answer.body
        ))
    }
}

/// Runs every check on a new database of `cluster`; an error means the
/// checks could not run at all.
pub fn run(tools: &Tools, cluster: &Cluster) -> Result<Checks, String> {
    let server_bin: PathBuf = tools.target_dir().join("debug/portal-server");
    let database_url = cluster.create_database("two_instances")?;
    let admin = |args: &[&str]| {
        admin_output(
            tools
                .command(&server_bin.to_string_lossy())
                .arg("admin")
                .args(args)
                .args(["--database-url", &database_url])
                .env("PORTAL_PASSWORD", PASSWORD)
                .env("PORTAL_LOG", "warn"),
        )
    };
    admin(&[
        "create-account",
        "--name",
        "Two Servers Travel",
        "--partner-id",
        "TWO-1",
    ])?;
    admin(&[
        "create-user",
        "--account",
        "TWO-1",
        "--email",
        ADMIN,
        "--role",
        "administrator",
    ])?;
    admin(&[
        "create-user",
        "--account",
        "TWO-1",
        "--email",
        EDITOR,
        "--role",
        "editor",
    ])?;
    let mut a = Instance::start(tools, &server_bin, &database_url)?;
    let b = Instance::start(tools, &server_bin, &database_url)?;
    let (admin_cookie, admin_id) = a.sign_in(ADMIN)?;

    let mut checks: Checks = vec![
        (
            "a session made on one server works on the other, and signing out there ends it",
            sessions_are_shared(&a, &b),
        ),
        (
            "20 concurrent PUTs with one If-Match across two servers: exactly one 200",
            one_writer_wins(&a, &b, &admin_cookie, admin_id),
        ),
        (
            "kill -9 of a server during a write burst loses no acknowledged write",
            acknowledged_writes_survive_a_kill(&mut a, &b, &admin_cookie, admin_id),
        ),
        (
            "wrong passwords across two servers are throttled as one",
            failed_sign_ins_are_counted_together(
                &b,
                &Instance::start(tools, &server_bin, &database_url)?,
            ),
        ),
    ];
    checks.push((
        "health answers 503 while PostgreSQL is down and 200 once it is back, without a restart",
        health_follows_the_database(&b, cluster),
    ));
    Ok(checks)
}

fn sessions_are_shared(a: &Instance, b: &Instance) -> Result<(), String> {
    let (cookie, _) = a.sign_in(EDITOR)?;
    let on_b = b.call("GET", "/api/v1/session", &[("Cookie", &cookie)], None)?;
    expect("the session on the other server", &on_b, 200)?;
    if !on_b.body.contains(EDITOR) {
        return Err(format!(
            "the other server's session names someone else: {}",
            on_b.body
        ));
    }
    let out = b.call("DELETE", "/api/v1/session", &[("Cookie", &cookie)], None)?;
    expect("signing out on the other server", &out, 204)?;
    let after = a.call("GET", "/api/v1/account", &[("Cookie", &cookie)], None)?;
    expect("the signed-out session on the first server", &after, 401)
}

fn one_writer_wins(a: &Instance, b: &Instance, cookie: &str, user: i64) -> Result<(), String> {
    let body = contact_info(user);
    let ports = [a.port, b.port];
    let statuses: Vec<Result<u16, String>> = std::thread::scope(|scope| {
        let writers: Vec<_> = (0..20)
            .map(|i| {
                let body = &body;
                scope.spawn(move || {
                    http::request(
                        ports[i % 2],
                        "PUT",
                        "/api/v1/account/contact-info",
                        &[("Cookie", cookie), ("If-Match", "\"0\"")],
                        Some(body),
                    )
                    .map(|answer| answer.status)
                })
            })
            .collect();
        writers
            .into_iter()
            .map(|w| w.join().unwrap_or_else(|_| Err("a writer panicked".into())))
            .collect()
    });
    let statuses = statuses.into_iter().collect::<Result<Vec<_>, _>>()?;
    let won = statuses.iter().filter(|s| **s == 200).count();
    let stale = statuses.iter().filter(|s| **s == 412).count();
    if (won, stale) == (1, 19) {
        Ok(())
    } else {
        Err(format!(
            "statuses {statuses:?}: expected one 200 and 19 412"
        ))
    }
}

/// Saves contact information again and again through `a`, alternating two
/// versions of it, kills `a` (SIGKILL) after a few saves while one is under
/// way, and reads the contact information back through `b`: it is at least
/// at the last version `a` acknowledged, and the history lists every one.
fn acknowledged_writes_survive_a_kill(
    a: &mut Instance,
    b: &Instance,
    cookie: &str,
    user: i64,
) -> Result<(), String> {
    let first = b.contact_version(cookie, "reading the contact information")?;
    let bodies = [
        contact_info(user),
        contact_info(user).replace("tech@partner.example", "tech-team@partner.example"),
    ];
    let acknowledged = Arc::new(Mutex::new(first));
    let port = a.port;
    let writer = {
        let acknowledged = Arc::clone(&acknowledged);
        let cookie = cookie.to_owned();
        std::thread::spawn(move || {
            let mut version = first;
            loop {
                let if_match = format!("\"{version}\"");
                let body = &bodies[(version % 2) as usize];
                match http::request(
                    port,
                    "PUT",
                    "/api/v1/account/contact-info",
                    &[("Cookie", &cookie), ("If-Match", &if_match)],
                    Some(body),
                ) {
                    Ok(answer) if answer.status == 200 => {
                        version = etag_version(&answer).unwrap_or(version + 1);
                        *acknowledged.lock().unwrap() = version;
                    }
                    // The server is gone (or answered something else): stop.
                    Ok(answer) => {
                        return Err(format!(
                            "a save answered {}: {}",
                            answer.status, answer.body
                        ));
                    }
                    Err(_) => return Ok(()),
                }
            }
        })
    };
    let deadline = Instant::now() + Duration::from_secs(20);
    while *acknowledged.lock().unwrap() < first + 10 {
        if Instant::now() > deadline || writer.is_finished() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    a.process
        .0
        .kill()
        .map_err(|e| format!("cannot kill the server: {e}"))?;
    let _ = a.process.0.wait();
    writer
        .join()
        .map_err(|_| "the writer panicked".to_owned())??;
    let last = *acknowledged.lock().unwrap();
    if last < first + 10 {
        return Err(format!("only {} saves before the kill", last - first));
    }
    let stored = b.contact_version(cookie, "reading back through the other server")?;
    if stored < last {
        return Err(format!(
            "acknowledged version {last}, but the database has {stored}"
        ));
    }
    Ok(())
}

/// The version in an answer's ETag (`"7"`).
fn etag_version(answer: &Response) -> Result<i64, String> {
    answer
        .header("etag")
        .and_then(|tag| tag.trim_matches('"').parse().ok())
        .ok_or_else(|| format!("no version ETag in an answer {}", answer.status))
}

fn failed_sign_ins_are_counted_together(a: &Instance, b: &Instance) -> Result<(), String> {
    let wrong = format!(r#"{{"email":"{ADMIN}","password":"not the password"}}"#);
    let right = format!(r#"{{"email":"{ADMIN}","password":"{PASSWORD}"}}"#);
    // The server's limit per address (auth::MAX_FAILURES_PER_ADDRESS).
    for i in 0..5 {
        let server = if i % 2 == 0 { a } else { b };
        let answer = server.call("POST", "/api/v1/session", &[], Some(&wrong))?;
        expect(&format!("wrong password {}", i + 1), &answer, 401)?;
    }
    for server in [a, b] {
        let answer = server.call("POST", "/api/v1/session", &[], Some(&right))?;
        expect("the right password after too many wrong ones", &answer, 429)?;
    }
    Ok(())
}

fn health_follows_the_database(server: &Instance, cluster: &Cluster) -> Result<(), String> {
    let health = || server.call("GET", "/api/v1/health", &[], None);
    expect("health with PostgreSQL up", &health()?, 200)?;
    cluster.stop()?;
    let down = health();
    cluster.start_again()?;
    expect("health with PostgreSQL down", &down?, 503)?;
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let answer = health()?;
        if answer.status == 200 {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(format!(
                "health still answers {} 15 s after PostgreSQL came back: {}",
                answer.status, answer.body
            ));
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}
