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
    /// The SQLite library version, as reported by the database itself.
    pub sqlite_version: String,
    /// The database schema version (the number of migrations applied).
    pub schema_version: u32,
}
