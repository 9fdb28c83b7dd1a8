//! A throw-away PostgreSQL cluster for tests: its own data folder and port,
//! owned by the `postgres` user when run as root (initdb refuses root),
//! reachable without a password on 127.0.0.1 only, and stopped and removed
//! when dropped, whether the tests passed or not.

use std::path::PathBuf;
use std::process::Command;

use crate::process::run;

/// Debian's PostgreSQL 15 programs.
pub const BIN: &str = "/usr/lib/postgresql/15/bin";

/// The database user the tests connect as (the cluster's superuser).
const USER: &str = "portal";

pub struct Cluster {
    dir: PathBuf,
    pub port: u16,
    as_postgres: bool,
    /// Whether commits reach the disk (for measuring), or not (for tests).
    durable: bool,
}

/// What `pg_ctl start` is told, besides the data folder.
fn server_options(port: u16, dir: &std::path::Path, durable: bool) -> String {
    let base = format!(
        "-p {port} -k {} -c listen_addresses=127.0.0.1 -c max_connections=200",
        dir.display()
    );
    if durable {
        base
    } else {
        // Nothing a test writes needs to survive a crash: no fsync.
        format!("{base} -c fsync=off -c synchronous_commit=off -c full_page_writes=off")
    }
}

impl Cluster {
    /// Creates and starts a cluster for tests on a free port.
    pub fn start() -> Result<Self, String> {
        Self::start_with(false)
    }

    /// Creates and starts a cluster whose commits are synced to disk, as a
    /// production server's are, for measuring.
    pub fn start_durable() -> Result<Self, String> {
        Self::start_with(true)
    }

    fn start_with(durable: bool) -> Result<Self, String> {
        let as_postgres = crate::tools::is_root();
        remove_abandoned(as_postgres);
        let dir = std::env::temp_dir().join(format!("portal-postgres-{}", std::process::id()));
        if dir.exists() {
            std::fs::remove_dir_all(&dir)
                .map_err(|e| format!("cannot remove the old {}: {e}", dir.display()))?;
        }
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        let port = crate::test_server::free_port()?;
        let cluster = Self {
            dir,
            port,
            as_postgres,
            durable,
        };
        if as_postgres {
            run(Command::new("chown").arg("postgres").arg(&cluster.dir))?;
        }
        run(cluster
            .command("initdb")
            .arg("-D")
            .arg(cluster.dir.join("data"))
            .args([
                "-A",
                "trust",
                "-U",
                USER,
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
            ])
            .stdout(std::process::Stdio::null()))?;
        cluster.start_again()?;
        Ok(cluster)
    }

    /// Starts the (stopped) cluster.
    pub fn start_again(&self) -> Result<(), String> {
        run(self
            .command("pg_ctl")
            .arg("-D")
            .arg(self.dir.join("data"))
            .args([
                "-o",
                &server_options(self.port, &self.dir, self.durable),
                "-l",
            ])
            .arg(self.dir.join("log"))
            .args(["-w", "start"])
            .stdout(std::process::Stdio::null()))
        .map_err(|e| format!("{e}; see {}", self.dir.join("log").display()))
    }

    /// Stops the cluster, ending every connection, until [`Self::start_again`].
    pub fn stop(&self) -> Result<(), String> {
        run(self
            .command("pg_ctl")
            .arg("-D")
            .arg(self.dir.join("data"))
            .args(["stop", "-m", "fast"])
            .stdout(std::process::Stdio::null()))
    }

    /// Creates the (new) database `name`; returns its URL.
    pub fn create_database(&self, name: &str) -> Result<String, String> {
        run(self
            .command("psql")
            .args(["-h", "127.0.0.1", "-p", &self.port.to_string(), "-U", USER])
            .args([
                "-d",
                "postgres",
                "-q",
                "-c",
                &format!("CREATE DATABASE {name}"),
            ])
            .stdout(std::process::Stdio::null()))?;
        Ok(format!("postgres://{USER}@127.0.0.1:{}/{name}", self.port))
    }

    /// The URL of the cluster's `postgres` database.
    pub fn url(&self) -> String {
        format!("postgres://{USER}@127.0.0.1:{}/postgres", self.port)
    }

    /// A PostgreSQL program, run as `postgres` when we are root.
    fn command(&self, program: &str) -> Command {
        let path = PathBuf::from(BIN).join(program);
        if self.as_postgres {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(path);
            command
        } else {
            Command::new(path)
        }
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        if !self.dir.join("data/postmaster.pid").exists() {
            // Not running (never started, or stopped already).
            let _ = std::fs::remove_dir_all(&self.dir);
            return;
        }
        if let Err(e) = self.stop() {
            eprintln!(
                "could not stop the test cluster in {}: {e}",
                self.dir.display()
            );
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Stops and removes the clusters of earlier runs that ended without
/// cleaning up (Ctrl-C, a killed terminal): those whose xtask process is gone.
fn remove_abandoned(as_postgres: bool) {
    for dir in crate::process::abandoned("portal-postgres") {
        let abandoned = Cluster {
            dir,
            port: 0,
            as_postgres,
            durable: false,
        };
        eprintln!(
            "removing the test cluster a stopped run left in {}",
            abandoned.dir.display()
        );
        // Dropping it stops it (if it still runs) and removes its folder.
        drop(abandoned);
    }
}
