//! The API's OpenAPI 3.1 document, generated from the route handlers and the
//! domain crate's types, served at `/api/v1/openapi.json`.

use axum::Json;
use utoipa::OpenApi;

use crate::routes;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Partner Portal API",
        description = "Accounts, users, sessions and the account-wide contact information. \
                       Every error answers one JSON shape (ErrorBody). Changes need a session cookie; \
                       PUT/PATCH/DELETE of versioned resources need If-Match.",
    ),
    servers((url = "/api/v1")),
    paths(
        routes::health::health,
        document,
        routes::session::sign_in,
        routes::session::who_am_i,
        routes::session::set_environment,
        routes::session::sign_out,
        routes::account::get_account,
        routes::account::get_contact_info,
        routes::account::put_contact_info,
        routes::account::history,
        routes::users::list,
        routes::users::invite,
        routes::users::change_role,
        routes::users::remove,
        routes::users::resend_invitation,
        routes::users::revoke_invitation,
        routes::invitations::details,
        routes::invitations::accept,
    )
)]
pub struct ApiDoc;

/// This document.
#[utoipa::path(get, path = "/openapi.json", tag = "health", responses((status = 200, description = "The OpenAPI 3.1 document of this API", content_type = "application/json")))]
pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
