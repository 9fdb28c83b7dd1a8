//! Server settings, from flags or environment variables.

use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;

use clap::Args;

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

    /// Directory holding the SQLite database (created if missing).
    #[arg(long, env = "PORTAL_DATA_DIR", default_value = "data")]
    pub data_dir: PathBuf,

    /// Directory holding the built web app (Trunk's `dist/`).
    #[arg(long, env = "PORTAL_DIST_DIR", default_value = "dist")]
    pub dist_dir: PathBuf,
}

impl Config {
    pub fn database_path(&self) -> PathBuf {
        self.data_dir.join("portal.sqlite3")
    }
}
