//! `GET /api/v1/health`: proves the server can query its database.

use axum::Json;
use axum::extract::State;
use portal_domain::Health;

use crate::AppState;
use crate::db::{Engine, engine_version, schema_version};
use crate::error::ApiError;
#[allow(unused_imports)]
use portal_domain::*;

#[utoipa::path(get, path = "/health", tag = "health", responses((status = 200, description = "The server queried its database", body = Health), (status = 503, description = "The database cannot be reached", body = ErrorBody)))]
pub async fn health(State(state): State<AppState>) -> Result<Json<Health>, ApiError> {
    let (engine, engine_version, schema_version) = state
        .db
        .read(|conn| Ok((conn.engine(), engine_version(conn)?, schema_version(conn)?)))
        .await?;
    Ok(Json(Health {
        status: "ok".into(),
        version: env!("CARGO_PKG_VERSION").into(),
        database: "ok".into(),
        engine: engine.as_str().into(),
        sqlite_version: (engine == Engine::Sqlite).then(|| engine_version.clone()),
        engine_version,
        schema_version,
    }))
}
