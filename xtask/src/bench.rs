//! `cargo xtask bench`: throughput and latency of the contact information API
//! of a release-built server, measured with `wrk`, beside the targets.

use std::path::Path;

use crate::http::{self, Response};
use crate::process::{TempDir, run_capturing, step};
use crate::test_server::TestServer;
use crate::tools::Tools;

const PATH: &str = "/api/v1/account/contact-info";
const EMAIL: &str = "bench-admin@partner.example";
const PASSWORD: &str = "correct horse battery staple";
/// Seconds each wrk run lasts.
const DURATION_SECS: u32 = 10;

const TARGET_GET_PER_SEC: f64 = 10_000.0;
/// The p99 the throughput run must keep while it reaches [`TARGET_GET_PER_SEC`].
const TARGET_THROUGHPUT_P99_MS: f64 = 10.0;
const TARGET_P99_MS: f64 = 5.0;
const TARGET_P99_RATE: f64 = 1_000.0;
const TARGET_PUT_PER_SEC: f64 = 1_000.0;

/// The percentiles wrk's `--latency` prints.
const PERCENTILES: [&str; 4] = ["50%", "75%", "90%", "99%"];

/// Sequential PUTs, each sending the `ETag` the previous one answered in
/// `If-Match`, so every request is a real save of a new version. `__BODY__`
/// and `__ETAG__` are filled in before the script is written.
const PUT_SCRIPT: &str = r#"
wrk.method = "PUT"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [==[__BODY__]==]
local etag = '__ETAG__'

request = function()
  wrk.headers["If-Match"] = etag
  return wrk.format()
end

response = function(status, headers, body)
  local tag = headers["etag"] or headers["ETag"]
  if tag then
    etag = tag
  end
end
"#;

/// How many wrk threads and connections a run uses.
#[derive(Clone, Copy)]
struct Load {
    threads: u32,
    connections: u32,
}

impl Load {
    fn describe(self) -> String {
        let plural = |n: u32, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        format!(
            "{}, {}",
            plural(self.threads, "thread"),
            plural(self.connections, "connection")
        )
    }
}

const GET_THROUGHPUT: Load = Load {
    threads: 2,
    connections: 64,
};
const GET_LOW_LOAD: Load = Load {
    threads: 1,
    connections: 4,
};
const PUT_SEQUENTIAL: Load = Load {
    threads: 1,
    connections: 1,
};

/// What one wrk run printed.
#[derive(Debug, PartialEq)]
struct WrkResult {
    requests: u64,
    requests_per_sec: f64,
    /// Latency at [`PERCENTILES`], in milliseconds.
    latency_ms: [f64; 4],
    /// Answers with a status of 400 or more (wrk's "Non-2xx or 3xx").
    non_2xx: u64,
    /// Connect, read, write and timeout errors added up.
    socket_errors: u64,
}

impl WrkResult {
    fn p99(&self) -> f64 {
        self.latency_ms[3]
    }

    /// Runs made at the same time against several servers, as one: requests
    /// and errors add up, and each percentile is the worst of the runs'.
    fn combined(runs: &[WrkResult]) -> WrkResult {
        let mut latency_ms = [0.0_f64; 4];
        for run in runs {
            for (worst, ms) in latency_ms.iter_mut().zip(run.latency_ms) {
                *worst = worst.max(ms);
            }
        }
        WrkResult {
            requests: runs.iter().map(|r| r.requests).sum(),
            requests_per_sec: runs.iter().map(|r| r.requests_per_sec).sum(),
            latency_ms,
            non_2xx: runs.iter().map(|r| r.non_2xx).sum(),
            socket_errors: runs.iter().map(|r| r.socket_errors).sum(),
        }
    }
}

/// The signed-in administrator and the contact information it saved.
pub struct Session {
    /// `portal_session=…`, for a `Cookie` header.
    pub cookie: String,
    body: String,
    etag: String,
}

pub fn main(args: &[String]) -> Result<(), String> {
    if args.first().map(String::as_str) == Some("--first-load") {
        return crate::first_load::main(&args[1..]);
    }
    let postgres = match args {
        [] => None,
        [flag] if flag == "--postgres" => Some(None),
        [flag, url] if flag == "--database-url" => Some(Some(url.clone())),
        _ => {
            return Err(format!(
                "`bench` takes `--first-load`, `--postgres` or `--database-url postgres://…` (got `{}`)",
                args.join(" ")
            ));
        }
    };
    let tools = Tools::new()?;
    tools.wrk()?;
    let scripts = TempDir::new("portal-bench-wrk")?;

    let server = TestServer::start_release_api(&tools)?;
    let sqlite = measure(&tools, &scripts, &[&server])?;
    drop(server);
    print!("{}", report(&sqlite));
    let mut failures = sqlite.failures("SQLite");

    if let Some(url) = postgres {
        // A cluster of our own syncs every commit to disk, like SQLite's FULL.
        let cluster = match url {
            Some(_) => None,
            None => {
                tools.postgresql()?;
                Some(step(
                    "Starting a PostgreSQL cluster that syncs its commits",
                    crate::postgres::Cluster::start_durable,
                )?)
            }
        };
        let url = match (&cluster, url) {
            (Some(cluster), _) => cluster.create_database("portal_bench")?,
            (None, Some(url)) => url,
            (None, None) => unreachable!("a URL or a cluster of our own"),
        };
        let first = TestServer::start_release_api_on(&tools, &url)?;
        let one = measure(&tools, &scripts, &[&first])?;
        let second = TestServer::start_release_api_on(&tools, &url)?;
        let two = measure(&tools, &scripts, &[&first, &second])?;
        drop((first, second, cluster));
        print!("{}", compare(&sqlite, &one, &two));
        failures.extend(one.failures("PostgreSQL, one instance"));
        failures.extend(two.failures("PostgreSQL, two instances"));
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "the figures above are not valid: {}",
            failures.join("; ")
        ))
    }
}

/// The three runs' figures on one set-up.
struct Figures {
    get: WrkResult,
    low: WrkResult,
    put: WrkResult,
}

impl Figures {
    fn failures(&self, engine: &str) -> Vec<String> {
        [
            ("GET", &self.get),
            ("low-load GET", &self.low),
            ("PUT", &self.put),
        ]
        .into_iter()
        .filter(|(_, result)| result.non_2xx > 0)
        .map(|(name, result)| {
            format!(
                "{engine}: {} {name} requests answered an error",
                result.non_2xx
            )
        })
        .collect()
    }
}

/// The three runs against `servers`, the load split evenly between them.
/// Each server gets an account of its own, so the PUTs of one never race
/// those of another for the same version.
fn measure(tools: &Tools, scripts: &TempDir, servers: &[&TestServer]) -> Result<Figures, String> {
    let mut targets = Vec::new();
    for server in servers {
        // A new administrator per server and per set-up measured.
        let email = format!(
            "bench-admin-{}-of-{}@partner.example",
            server.port,
            servers.len()
        );
        let session = step(
            "Creating an account and an administrator, signing in, saving contact information",
            || prepare_as(tools, server, &email),
        )?;
        let script = scripts.0.join(format!("put-{}.lua", server.port));
        std::fs::write(
            &script,
            PUT_SCRIPT
                .replace("__BODY__", &session.body)
                .replace("__ETAG__", &session.etag),
        )
        .map_err(|e| format!("cannot write {}: {e}", script.display()))?;
        targets.push((format!("{}{PATH}", server.url), session, script));
    }
    let split = |load: Load| Load {
        threads: (load.threads / servers.len() as u32).max(1),
        connections: (load.connections / servers.len() as u32).max(1),
    };
    let run = |title: &str, load: Load, put: bool| -> Result<WrkResult, String> {
        let load = split(load);
        let results = std::thread::scope(|scope| {
            let runs: Vec<_> = targets
                .iter()
                .map(|(url, session, script)| {
                    scope.spawn(move || {
                        run_wrk(
                            tools,
                            title,
                            load,
                            url,
                            session,
                            put.then_some(script.as_path()),
                        )
                    })
                })
                .collect();
            runs.into_iter()
                .map(|run| {
                    run.join()
                        .unwrap_or_else(|_| Err("a wrk run panicked".into()))
                })
                .collect::<Result<Vec<_>, String>>()
        })?;
        Ok(WrkResult::combined(&results))
    };
    Ok(Figures {
        get: run("GET throughput", GET_THROUGHPUT, false)?,
        low: run("GET latency at low load", GET_LOW_LOAD, false)?,
        put: run("Durable PUT, one after another", PUT_SEQUENTIAL, true)?,
    })
}

/// A line of [`compare`]: its name and how it reads a set-up's figure.
type ComparedRow = (&'static str, fn(&Figures) -> String);

/// PostgreSQL's figures beside SQLite's, run by run.
fn compare(sqlite: &Figures, one: &Figures, two: &Figures) -> String {
    let mut out = format!(
        "\nThe same runs on PostgreSQL (commits synced to disk), with one portal-server and with \
         two sharing the database (the load split between them; each has its own account):\n\n{:<34}{:>16}{:>16}{:>16}\n",
        "run", "SQLite", "PG, 1 instance", "PG, 2 instances"
    );
    let rows: [ComparedRow; 5] = [
        ("GET throughput, req/s", |f: &Figures| {
            thousands(f.get.requests_per_sec)
        }),
        ("GET throughput, p99", |f: &Figures| {
            format!("{:.2}ms", f.get.p99())
        }),
        ("GET low load, p99", |f: &Figures| {
            format!("{:.2}ms", f.low.p99())
        }),
        ("durable PUT, req/s", |f: &Figures| {
            thousands(f.put.requests_per_sec)
        }),
        ("durable PUT, p99", |f: &Figures| {
            format!("{:.2}ms", f.put.p99())
        }),
    ];
    for (name, value) in rows {
        out.push_str(&format!(
            "{name:<34}{:>16}{:>16}{:>16}\n",
            value(sqlite),
            value(one),
            value(two)
        ));
    }
    out
}

/// Creates an account and its administrator with the admin commands, signs in
/// once (sign-in is rate limited per address) and saves valid contact
/// information, so every PUT afterwards updates it.
pub fn prepare(tools: &Tools, server: &TestServer) -> Result<Session, String> {
    prepare_as(tools, server, EMAIL)
}

/// [`prepare`] with the administrator's address.
fn prepare_as(tools: &Tools, server: &TestServer, email: &str) -> Result<Session, String> {
    let created =
        admin_output(
            server
                .admin(tools)
                .args(["create-account", "--name", "Benchmark account"]),
        )?;
    let partner_id = created
        .lines()
        .next()
        .filter(|id| !id.trim().is_empty())
        .ok_or("`portal-server admin create-account` printed no Partner ID")?
        .trim()
        .to_owned();
    admin_output(
        server
            .admin(tools)
            .args(["create-user", "--account", &partner_id, "--email", email])
            .args(["--name", "Bench Admin", "--role", "administrator"])
            .env("PORTAL_PASSWORD", PASSWORD),
    )?;

    let sign_in = format!(r#"{{"email":"{email}","password":"{PASSWORD}"}}"#);
    let signed_in = expect_ok(
        http::request(server.port, "POST", "/api/v1/session", &[], Some(&sign_in))?,
        "sign-in",
    )?;
    let token = signed_in
        .cookie("portal_session")
        .ok_or("sign-in set no portal_session cookie")?;
    let user_id = user_id(&signed_in.body).ok_or("the sign-in answer has no user id")?;
    let cookie = format!("portal_session={token}");

    let body = contact_info(user_id);
    let saved = expect_ok(
        http::request(
            server.port,
            "PUT",
            PATH,
            &[("Cookie", &cookie), ("If-Match", "\"0\"")],
            Some(&body),
        )?,
        "saving contact information",
    )?;
    let etag = saved
        .header("etag")
        .ok_or("saving contact information answered no ETag")?
        .to_owned();
    Ok(Session { cookie, body, etag })
}

pub(crate) fn admin_output(command: &mut std::process::Command) -> Result<String, String> {
    let what = crate::process::describe(command);
    let output = command
        .output()
        .map_err(|e| format!("cannot start `{what}`: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "`{what}` failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

fn expect_ok(response: Response, what: &str) -> Result<Response, String> {
    if response.status == 200 {
        Ok(response)
    } else {
        Err(format!(
            "{what} answered {}: {}",
            response.status, response.body
        ))
    }
}

/// `.user.id` of a session answer (`{"user":{"id":7,…},…}`).
pub(crate) fn user_id(session_json: &str) -> Option<i64> {
    let user = session_json.find("\"user\":")?;
    let rest = &session_json[user..];
    let id = rest.find("\"id\":")? + "\"id\":".len();
    let digits: String = rest[id..]
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// Complete contact information naming `user_id` as alert contact (the same
/// as `validContactInfo` of the end-to-end tests).
pub(crate) fn contact_info(user_id: i64) -> String {
    let entry = |email: &str| format!(r#"{{"email":"{email}","name":"","phone":""}}"#);
    format!(
        r#"{{"alert_contacts":[{user_id}],"technical_emergency":[{}],"technical_non_emergency":[{}],"merchant_operational":[],"operational_google":[{}],"shared_with_users":{},"support_hours":[{{"time_zone":"Europe/Madrid","days":["mon","tue","wed","thu","fri"],"all_day":false,"from":"09:00","to":"17:00"}}]}}"#,
        entry("oncall@partner.example"),
        entry("tech@partner.example"),
        entry("ops@partner.example"),
        entry("support@partner.example"),
    )
}

fn run_wrk(
    tools: &Tools,
    title: &str,
    load: Load,
    url: &str,
    session: &Session,
    script: Option<&Path>,
) -> Result<WrkResult, String> {
    let mut command = tools.command("wrk");
    command
        .arg(format!("-t{}", load.threads))
        .arg(format!("-c{}", load.connections))
        .arg(format!("-d{DURATION_SECS}s"))
        .arg("--latency")
        .args(["-H", &format!("Cookie: {}", session.cookie)]);
    if let Some(script) = script {
        command.arg("-s").arg(script);
    }
    command.arg(url);
    let heading = format!("{title}: wrk, {}, {DURATION_SECS} s", load.describe());
    let (success, output) = step(&heading, || run_capturing(&mut command))?;
    if !success {
        return Err(format!("wrk failed during `{title}` (see above)"));
    }
    let result = parse_wrk(&output).map_err(|e| format!("{title}: {e}"))?;
    if result.requests == 0 {
        return Err(format!("{title}: wrk completed no request"));
    }
    Ok(result)
}

/// Reads the summary wrk prints with `--latency`.
fn parse_wrk(output: &str) -> Result<WrkResult, String> {
    let mut requests = None;
    let mut requests_per_sec = None;
    let mut latency_ms = [None; 4];
    let mut non_2xx = 0;
    let mut socket_errors = 0;
    let mut in_distribution = false;
    for line in output.lines() {
        let line = line.trim();
        if line == "Latency Distribution" {
            in_distribution = true;
            continue;
        }
        let words: Vec<&str> = line.split_whitespace().collect();
        if in_distribution {
            match words.as_slice() {
                [percentile, value] if percentile.ends_with('%') => {
                    if let Some(slot) = PERCENTILES.iter().position(|p| p == percentile) {
                        latency_ms[slot] = Some(duration_ms(value).ok_or_else(|| {
                            format!("cannot read the latency `{value}` in wrk's output")
                        })?);
                    }
                    continue;
                }
                _ => in_distribution = false,
            }
        }
        if let Some(value) = line.strip_prefix("Requests/sec:") {
            requests_per_sec = value.trim().parse::<f64>().ok();
        } else if let Some(value) = line.strip_prefix("Non-2xx or 3xx responses:") {
            non_2xx = value.trim().parse().unwrap_or(0);
        } else if let Some(counts) = line.strip_prefix("Socket errors:") {
            socket_errors = counts
                .split(',')
                .filter_map(|part| part.split_whitespace().last()?.parse::<u64>().ok())
                .sum();
        } else if let [count, "requests", "in", ..] = words.as_slice() {
            requests = count.parse().ok();
        }
    }
    let missing = |what: &str| format!("wrk's output has no {what}");
    let mut latencies = [0.0; 4];
    for (slot, (value, name)) in latency_ms.iter().zip(PERCENTILES).enumerate() {
        latencies[slot] = value.ok_or_else(|| missing(&format!("{name} latency")))?;
    }
    Ok(WrkResult {
        requests: requests.ok_or_else(|| missing("request count"))?,
        requests_per_sec: requests_per_sec.ok_or_else(|| missing("Requests/sec"))?,
        latency_ms: latencies,
        non_2xx,
        socket_errors,
    })
}

/// Milliseconds in one of wrk's durations: `850.00us`, `4.90ms`, `1.02s`, `1.50m`.
fn duration_ms(text: &str) -> Option<f64> {
    let split = text.find(|c: char| c.is_ascii_alphabetic())?;
    let (number, unit) = text.split_at(split);
    let number: f64 = number.parse().ok()?;
    let factor = match unit {
        "us" => 1.0 / 1_000.0,
        "ms" => 1.0,
        "s" => 1_000.0,
        "m" => 60_000.0,
        "h" => 3_600_000.0,
        _ => return None,
    };
    Some(number * factor)
}

/// The figures of all runs, then each target beside what was measured.
fn report(figures: &Figures) -> String {
    let Figures { get, low, put } = figures;
    let cores = std::thread::available_parallelism().map_or(0, usize::from);
    let mut out = String::new();
    out.push_str(&format!(
        "\nRelease portal-server on 127.0.0.1; wrk runs on the same machine and shares its \
         {cores} cores with the server, so these are lower bounds for a dedicated server.\n\n"
    ));
    out.push_str(&format!(
        "{:<34}{:<26}{:>11}{:>10}{:>10}{:>10}{:>10}{:>9}{:>8}\n",
        "run", "load", "req/s", "p50", "p75", "p90", "p99", "non-2xx", "errors"
    ));
    let runs = [
        ("GET contact-info, throughput", GET_THROUGHPUT, get),
        ("GET contact-info, low load", GET_LOW_LOAD, low),
        ("PUT contact-info (durable)", PUT_SEQUENTIAL, put),
    ];
    for (name, load, result) in runs {
        out.push_str(&format!(
            "{name:<34}{:<26}{:>11}",
            load.describe(),
            thousands(result.requests_per_sec)
        ));
        for ms in result.latency_ms {
            out.push_str(&format!("{:>10}", format!("{ms:.2}ms")));
        }
        out.push_str(&format!(
            "{:>9}{:>8}\n",
            result.non_2xx, result.socket_errors
        ));
    }

    out.push_str(&format!(
        "\n{:<30}{:<68}{}\n",
        "target", "measured", "verdict"
    ));
    let verdict = |met: bool| if met { "met" } else { "missed" };
    out.push_str(&format!(
        "{:<30}{:<68}{}\n",
        format!(
            "≥ {} GET/s, p99 ≤ {TARGET_THROUGHPUT_P99_MS} ms",
            thousands(TARGET_GET_PER_SEC)
        ),
        format!(
            "{} GET/s ({:.2}×), p99 {:.2} ms ({})",
            thousands(get.requests_per_sec),
            get.requests_per_sec / TARGET_GET_PER_SEC,
            get.p99(),
            GET_THROUGHPUT.describe()
        ),
        verdict(
            get.requests_per_sec >= TARGET_GET_PER_SEC && get.p99() <= TARGET_THROUGHPUT_P99_MS
        )
    ));
    out.push_str(&format!(
        "{:<30}{:<68}{}\n",
        format!(
            "p99 ≤ {TARGET_P99_MS} ms at {} GET/s",
            thousands(TARGET_P99_RATE)
        ),
        format!(
            "p99 {:.2} ms ({:.2}×) at {} GET/s ({})",
            low.p99(),
            low.p99() / TARGET_P99_MS,
            thousands(low.requests_per_sec),
            GET_LOW_LOAD.describe()
        ),
        verdict(low.p99() <= TARGET_P99_MS)
    ));
    out.push_str(&format!(
        "{:<30}{:<68}{}\n",
        format!("≥ {} durable PUT/s", thousands(TARGET_PUT_PER_SEC)),
        format!(
            "{} PUT/s ({:.2}×) ({}, {} answered non-2xx)",
            thousands(put.requests_per_sec),
            put.requests_per_sec / TARGET_PUT_PER_SEC,
            PUT_SEQUENTIAL.describe(),
            put.non_2xx
        ),
        verdict(put.requests_per_sec >= TARGET_PUT_PER_SEC && put.non_2xx == 0)
    ));
    out.push_str(&format!(
        "\nwrk cannot hold a fixed rate, so the p99 target is measured with {} as fast \
         as they go (closed loop) at the rate shown, not at a fixed {} GET/s; {}.\n",
        GET_LOW_LOAD.describe(),
        thousands(TARGET_P99_RATE),
        if low.requests_per_sec >= TARGET_P99_RATE {
            "that is more load than the target's, so the figure errs on the high side"
        } else {
            "that is less load than the target's"
        }
    ));
    out.push_str(
        "Each PUT is a new version saved in its own SQLite transaction and committed before \
         the answer; how durable a commit is depends on the server's `synchronous` pragma \
         (FULL syncs the write-ahead log to disk at every commit).\n",
    );
    out
}

/// `12,345` for 12345.4.
fn thousands(value: f64) -> String {
    let digits = format!("{:.0}", value.max(0.0));
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Captured from `cargo xtask bench` (GET throughput, 2 threads, 64 connections).
    const SAMPLE: &str = "\
Running 10s test @ http://127.0.0.1:34307/api/v1/account/contact-info
  2 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    13.41ms    8.65ms  80.12ms   72.54%
    Req/Sec     2.49k   458.87     3.87k    64.00%
  Latency Distribution
     50%   12.78ms
     75%   18.10ms
     90%   24.46ms
     99%   39.08ms
  49599 requests in 10.01s, 58.46MB read
Requests/sec:   4956.21
Transfer/sec:      5.84MB
";

    #[test]
    fn reads_wrk_latency_output() {
        assert_eq!(
            parse_wrk(SAMPLE),
            Ok(WrkResult {
                requests: 49_599,
                requests_per_sec: 4_956.21,
                latency_ms: [12.78, 18.10, 24.46, 39.08],
                non_2xx: 0,
                socket_errors: 0,
            })
        );
    }

    #[test]
    fn counts_error_answers_and_socket_errors() {
        // wrk adds these lines only when there were such errors.
        let with_errors = SAMPLE.replace(
            "Requests/sec:",
            "  Socket errors: connect 0, read 2, write 0, timeout 1\n  \
             Non-2xx or 3xx responses: 3\nRequests/sec:",
        );
        let result = parse_wrk(&with_errors).unwrap();
        assert_eq!((result.non_2xx, result.socket_errors), (3, 3));
    }

    #[test]
    fn reads_sub_millisecond_percentiles() {
        // Captured from the low-load run (1 thread, 4 connections).
        let low = "\
  Latency Distribution
     50%  659.00us
     75%    0.86ms
     90%    1.09ms
     99%    3.23ms
  55980 requests in 10.00s, 65.99MB read
Requests/sec:   5595.33
";
        let result = parse_wrk(low).unwrap();
        assert!((result.latency_ms[0] - 0.659).abs() < 1e-9);
        assert_eq!(result.p99(), 3.23);
        assert_eq!(result.requests, 55_980);
    }

    #[test]
    fn output_without_a_summary_is_an_error() {
        assert!(parse_wrk("unable to connect to 127.0.0.1:1 Connection refused\n").is_err());
    }

    #[test]
    fn reads_every_wrk_time_unit() {
        let close = |text: &str, ms: f64| {
            let read = duration_ms(text).unwrap();
            assert!((read - ms).abs() < 1e-9, "{text} read as {read} ms");
        };
        close("850.00us", 0.85);
        close("4.90ms", 4.9);
        close("1.02s", 1020.0);
        close("2.00m", 120_000.0);
        assert_eq!(duration_ms("3.00x"), None);
        assert_eq!(duration_ms("fast"), None);
    }

    #[test]
    fn finds_the_signed_in_users_id() {
        let body = r#"{"user":{"id":42,"name":"Bench Admin"},"account":{"id":7}}"#;
        assert_eq!(user_id(body), Some(42));
        assert_eq!(user_id(r#"{"account":{"id":7}}"#), None);
    }

    #[test]
    fn contact_information_names_the_alert_contact() {
        let body = contact_info(5);
        assert!(body.starts_with(r#"{"alert_contacts":[5],"#));
        assert!(body.contains(r#""shared_with_users":{"email":"support@partner.example""#));
    }

    #[test]
    fn large_numbers_get_thousands_separators() {
        assert_eq!(thousands(10_977.42), "10,977");
        assert_eq!(thousands(999.6), "1,000");
        assert_eq!(thousands(123_456_789.0), "123,456,789");
        assert_eq!(thousands(12.0), "12");
    }
}
