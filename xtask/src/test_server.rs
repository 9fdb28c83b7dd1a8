//! A real portal server for browser-driven runs (end-to-end tests,
//! screenshots): the release-built app, a fresh temporary database, a free
//! port, and nothing left running afterwards.

use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::process::{run, step};
use crate::serve::{KillOnDrop, build_app};
use crate::tools::Tools;

pub struct TestServer {
    pub url: String,
    server_bin: PathBuf,
    // Dropped in field order: the server stops before its data is removed.
    _process: KillOnDrop,
    data_dir: TempDir,
}

impl TestServer {
    /// Installs what is missing, builds the app and the server, and starts it.
    pub fn start(tools: &Tools) -> Result<Self, String> {
        tools.setup_app_build()?;
        tools.setup_e2e_packages()?;
        build_app(tools)?;
        step("Building portal-server", || {
            run(tools.cargo().args(["build", "--package", "portal-server"]))
        })?;
        let data_dir = TempDir::new("portal-e2e")?;
        let port = free_port()?;
        let server_bin = tools.root.join("target/debug/portal-server");
        let url = format!("http://127.0.0.1:{port}");
        let process = tools
            .command(&server_bin.to_string_lossy())
            .args([
                "--port",
                &port.to_string(),
                "--dist-dir",
                "dist",
                "--data-dir",
            ])
            .arg(&data_dir.0)
            .args(["--public-url", &url])
            .env("PORTAL_LOG", "warn")
            .spawn()
            .map_err(|e| format!("cannot start portal-server: {e}"))?;
        let process = KillOnDrop(process);
        wait_until_listening(port)?;
        Ok(Self {
            url,
            server_bin,
            _process: process,
            data_dir,
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
            .env("PORTAL_DATA_DIR", &self.data_dir.0);
        command
    }
}

fn free_port() -> Result<u16, String> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| format!("no free port: {e}"))?;
    listener
        .local_addr()
        .map(|a| a.port())
        .map_err(|e| e.to_string())
}

fn wait_until_listening(port: u16) -> Result<(), String> {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err(format!(
        "portal-server did not start listening on port {port} within 30 s"
    ))
}

/// A directory removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(prefix: &str) -> Result<Self, String> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        let path = std::env::temp_dir().join(format!("{prefix}-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&path)
            .map_err(|e| format!("cannot create {}: {e}", path.display()))?;
        Ok(Self(path))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
