//! `GET /api/v1/health`: proves the server can query its database.

use axum::Json;
use axum::extract::State;
use portal_domain::Health;

use crate::AppState;
use crate::error::ApiError;
#[allow(unused_imports)]
use portal_domain::*;

#[utoipa::path(get, path = "/health", tag = "health", responses((status = 200, description = "The server queried its database", body = Health), (status = 503, description = "The database cannot be reached", body = ErrorBody)))]
pub async fn health(State(state): State<AppState>) -> Result<Json<Health>, ApiError> {
    let (sqlite_version, schema_version) = state
        .db
        .read(|conn| {
            let sqlite: String = conn.query_row("SELECT sqlite_version()", [], |row| row.get(0))?;
            let schema: u32 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
            Ok((sqlite, schema))
        })
        .await?;
    Ok(Json(Health {
        status: "ok".into(),
        version: env!("CARGO_PKG_VERSION").into(),
        database: "ok".into(),
        sqlite_version,
        schema_version,
    }))
}
