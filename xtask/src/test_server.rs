//! A real portal server for runs that drive it from outside (end-to-end
//! tests, screenshots, benchmarks): a fresh temporary database, a free port,
//! and nothing left running afterwards.

use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::process::{TempDir, run, step};
use crate::serve::{KillOnDrop, build_app, build_release_server};
use crate::tools::Tools;

pub struct TestServer {
    pub url: String,
    pub port: u16,
    server_bin: PathBuf,
    dist_dir: PathBuf,
    /// The shared database, when not the data folder's SQLite file.
    database_url: Option<String>,
    // Dropped in field order: the server stops before its data is removed.
    _process: KillOnDrop,
    data_dir: TempDir,
    _dist_dir: Option<TempDir>,
}

impl TestServer {
    /// Installs what is missing, builds the app and the (debug) server, and
    /// starts it serving the app from `dist/`.
    pub fn start(tools: &Tools) -> Result<Self, String> {
        tools.setup_app_build()?;
        tools.setup_e2e_packages()?;
        build_app(tools)?;
        step("Building portal-server", || {
            run(tools.cargo().args(["build", "--package", "portal-server"]))
        })?;
        let server_bin = tools.target_dir().join("debug/portal-server");
        let dist = tools.root.join("dist");
        Self::launch(tools, "portal-e2e", server_bin, dist, None, false)
    }

    /// Builds the (debug) server and starts it with the API only (an empty
    /// app folder) and quiet logs, for driving the API from outside.
    pub fn start_api(tools: &Tools) -> Result<Self, String> {
        step("Building portal-server", || {
            run(tools.cargo().args(["build", "--package", "portal-server"]))
        })?;
        let server_bin = tools.target_dir().join("debug/portal-server");
        let dist = TempDir::new("portal-no-app")?;
        Self::launch(
            tools,
            "portal-contract",
            server_bin,
            dist.0.clone(),
            Some(dist),
            true,
        )
    }

    /// Builds the server in release and starts it with the API only (an empty
    /// app folder) and quiet logs, for measuring the API.
    pub fn start_release_api(tools: &Tools) -> Result<Self, String> {
        build_release_server(tools)?;
        let server_bin = tools.target_dir().join("release/portal-server");
        let dist = TempDir::new("portal-no-app")?;
        Self::launch(
            tools,
            "portal-bench",
            server_bin,
            dist.0.clone(),
            Some(dist),
            true,
        )
    }

    /// [`Self::start_release_api`] on the shared database at `database_url`;
    /// call it again for another instance on the same data.
    pub fn start_release_api_on(tools: &Tools, database_url: &str) -> Result<Self, String> {
        build_release_server(tools)?;
        let server_bin = tools.target_dir().join("release/portal-server");
        let dist = TempDir::new("portal-no-app")?;
        Self::launch_on(
            tools,
            "portal-bench",
            server_bin,
            (dist.0.clone(), Some(dist)),
            true,
            Some(database_url.to_owned()),
        )
    }

    /// Builds the server in release and starts it serving the release app
    /// already built into `dist/` (as `cargo xtask serve` runs it), with quiet
    /// logs, for measuring page loads.
    pub fn start_release_app(tools: &Tools) -> Result<Self, String> {
        build_release_server(tools)?;
        let server_bin = tools.target_dir().join("release/portal-server");
        let dist = tools.root.join("dist");
        Self::launch(tools, "portal-first-load", server_bin, dist, None, true)
    }

    /// Starts `server_bin` on a free port with a new data directory named
    /// after `prefix`. `quiet` keeps its standard output (the start-up banner,
    /// the set-up link of the account created on the empty database) and all
    /// but errors out of the way.
    fn launch(
        tools: &Tools,
        prefix: &str,
        server_bin: PathBuf,
        dist_dir: PathBuf,
        owned_dist: Option<TempDir>,
        quiet: bool,
    ) -> Result<Self, String> {
        Self::launch_on(
            tools,
            prefix,
            server_bin,
            (dist_dir, owned_dist),
            quiet,
            None,
        )
    }

    /// [`Self::launch`], keeping the data in the database at `database_url`
    /// (shared with other servers) when given.
    fn launch_on(
        tools: &Tools,
        prefix: &str,
        server_bin: PathBuf,
        (dist_dir, owned_dist): (PathBuf, Option<TempDir>),
        quiet: bool,
        database_url: Option<String>,
    ) -> Result<Self, String> {
        let data_dir = TempDir::new(prefix)?;
        let port = free_port()?;
        let url = format!("http://127.0.0.1:{port}");
        let mut command = tools.command(&server_bin.to_string_lossy());
        command
            .args(["--port", &port.to_string(), "--dist-dir"])
            .arg(&dist_dir)
            .arg("--data-dir")
            .arg(&data_dir.0)
            .args(["--public-url", &url])
            .env("PORTAL_LOG", if quiet { "error" } else { "warn" });
        if let Some(database_url) = &database_url {
            command.args(["--database-url", database_url]);
        }
        if quiet {
            command.stdout(Stdio::null());
        }
        let process = command
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", server_bin.display()))?;
        let mut process = KillOnDrop(process);
        wait_until_listening(&mut process, port)?;
        Ok(Self {
            url,
            port,
            server_bin,
            dist_dir,
            database_url,
            _process: process,
            data_dir,
            _dist_dir: owned_dist,
        })
    }

    /// A command run in `e2e/` that knows where the server, its binary (for
    /// `portal-server admin` set-up steps) and its data are.
    pub fn node_command(&self, tools: &Tools, program: &str) -> Command {
        let mut command = tools.command(program);
        command
            .current_dir(tools.root.join("e2e"))
            .env("PORTAL_URL", &self.url)
            .env("PORTAL_SERVER_BIN", &self.server_bin)
            .env("PORTAL_DIST_DIR", &self.dist_dir)
            .env("PORTAL_DATA_DIR", &self.data_dir.0);
        command
    }

    /// `portal-server admin …` against this server's database.
    pub fn admin(&self, tools: &Tools) -> Command {
        let mut command = tools.command(&self.server_bin.to_string_lossy());
        command
            .arg("admin")
            .env("PORTAL_DATA_DIR", &self.data_dir.0)
            .env("PORTAL_PUBLIC_URL", &self.url)
            .env("PORTAL_LOG", "warn");
        if let Some(database_url) = &self.database_url {
            command.env("PORTAL_DATABASE_URL", database_url);
        }
        command
    }
}

pub fn free_port() -> Result<u16, String> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| format!("no free port: {e}"))?;
    listener
        .local_addr()
        .map(|a| a.port())
        .map_err(|e| e.to_string())
}

pub fn wait_until_listening(process: &mut KillOnDrop, port: u16) -> Result<(), String> {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Ok(());
        }
        if let Ok(Some(status)) = process.0.try_wait() {
            return Err(format!("portal-server exited before listening ({status})"));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err(format!(
        "portal-server did not start listening on port {port} within 30 s"
    ))
}
