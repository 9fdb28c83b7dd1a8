//! The JSON API under `/api/v1`.

pub(crate) mod account;
pub(crate) mod health;
pub(crate) mod invitations;
pub(crate) mod session;
pub(crate) mod users;

use axum::Router;
use axum::routing::{get, post};

use crate::AppState;

/// Every API route; anything else under `/api/` answers a JSON 404.
pub fn api() -> Router<AppState> {
    Router::new()
        .route("/health", get(health::health))
        .route("/openapi.json", get(crate::openapi::document))
        .route(
            "/session",
            get(session::who_am_i)
                .post(session::sign_in)
                .patch(session::set_environment)
                .delete(session::sign_out),
        )
        .route("/account", get(account::get_account))
        .route(
            "/account/contact-info",
            get(account::get_contact_info).put(account::put_contact_info),
        )
        .route("/account/contact-info/history", get(account::history))
        .route("/users", get(users::list).post(users::invite))
        .route(
            "/users/{id}",
            axum::routing::patch(users::change_role).delete(users::remove),
        )
        .route(
            "/users/{id}/invitation",
            post(users::resend_invitation).delete(users::revoke_invitation),
        )
        .route("/invitations/{token}", get(invitations::details))
        .route("/invitations/{token}/accept", post(invitations::accept))
        .fallback(crate::not_found)
}
