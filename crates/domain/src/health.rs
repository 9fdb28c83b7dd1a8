//! The server's health report, shown on the app's first screen.

use serde::{Deserialize, Serialize};

/// What `GET /api/v1/health` answers when the server can query its database.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Health {
    /// Always `"ok"` in a successful answer.
    pub status: String,
    /// The server's release version.
    pub version: String,
    /// `"ok"` once a query against the database succeeded.
    pub database: String,
    /// Which engine holds the data: `"sqlite"` or `"postgresql"`.
    pub engine: String,
    /// The engine's version, as reported by the database itself.
    pub engine_version: String,
    /// The SQLite library version, as reported by the database itself;
    /// only when the engine is SQLite.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sqlite_version: Option<String>,
    /// The database schema version (the number of migrations applied).
    pub schema_version: u32,
}

impl Health {
    /// The engine as people write it: `SQLite` or `PostgreSQL`.
    pub fn engine_name(&self) -> &str {
        match self.engine.as_str() {
            "sqlite" => "SQLite",
            "postgresql" => "PostgreSQL",
            other => other,
        }
    }
}
