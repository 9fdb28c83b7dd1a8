//! The JSON API under `/api/v1`.

pub(crate) mod account;
pub(crate) mod health;
pub(crate) mod invitations;
pub(crate) mod session;
pub(crate) mod users;
pub(crate) mod verification;

use axum::Router;
use axum::handler::Handler;
use axum::http::Method;
use axum::routing::{MethodFilter, on};

use crate::AppState;

/// The router and the list of its routes, grown by the same calls, so the
/// list (which the OpenAPI test walks) cannot miss a route.
struct Api {
    router: Router<AppState>,
    routes: Vec<(&'static str, Method)>,
}

impl Api {
    fn route<H, T>(mut self, method: Method, path: &'static str, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        let filter = MethodFilter::try_from(method.clone()).expect("a method axum can route");
        self.router = self.router.route(path, on(filter, handler));
        self.routes.push((path, method));
        self
    }
}

fn build() -> Api {
    Api {
        router: Router::new(),
        routes: Vec::new(),
    }
    .route(Method::GET, "/health", health::health)
    .route(Method::GET, "/openapi.json", crate::openapi::document)
    .route(Method::GET, "/session", session::who_am_i)
    .route(Method::POST, "/session", session::sign_in)
    .route(Method::PATCH, "/session", session::set_environment)
    .route(Method::DELETE, "/session", session::sign_out)
    .route(Method::GET, "/account", account::get_account)
    .route(
        Method::GET,
        "/account/contact-info",
        account::get_contact_info,
    )
    .route(
        Method::PUT,
        "/account/contact-info",
        account::put_contact_info,
    )
    .route(
        Method::GET,
        "/account/contact-info/history",
        account::history,
    )
    .route(
        Method::GET,
        "/account/contact-info/review",
        account::get_review,
    )
    .route(
        Method::POST,
        "/account/contact-info/review",
        account::confirm_review,
    )
    .route(
        Method::POST,
        "/account/contact-info/warnings/{code}/dismissal",
        account::dismiss_warning,
    )
    .route(
        Method::DELETE,
        "/account/contact-info/warnings/{code}/dismissal",
        account::restore_warning,
    )
    .route(
        Method::GET,
        "/account/contact-info/addresses",
        verification::list,
    )
    .route(
        Method::POST,
        "/account/contact-info/addresses/verification",
        verification::send,
    )
    .route(Method::GET, "/users", users::list)
    .route(Method::POST, "/users", users::invite)
    .route(Method::PATCH, "/users/{id}", users::change_role)
    .route(Method::DELETE, "/users/{id}", users::remove)
    .route(
        Method::POST,
        "/users/{id}/invitation",
        users::resend_invitation,
    )
    .route(
        Method::DELETE,
        "/users/{id}/invitation",
        users::revoke_invitation,
    )
    .route(Method::GET, "/verifications/{token}", verification::details)
    .route(
        Method::POST,
        "/verifications/{token}",
        verification::confirm,
    )
    .route(Method::GET, "/invitations/{token}", invitations::details)
    .route(
        Method::POST,
        "/invitations/{token}/accept",
        invitations::accept,
    )
}

/// Every API route; anything else under `/api/` answers a JSON 404, and a
/// route asked with a method it does not have a JSON 405 (axum adds `Allow`).
pub fn api() -> Router<AppState> {
    answer_panics(
        build()
            .router
            .fallback(crate::not_found)
            .method_not_allowed_fallback(method_not_allowed),
    )
}

/// A handler that panics is answered with the JSON 500 of
/// [`ApiError::internal`](crate::error::ApiError::internal), not a dropped
/// connection; the panic is logged.
pub fn answer_panics<S: Clone + Send + Sync + 'static>(router: Router<S>) -> Router<S> {
    router.layer(tower_http::catch_panic::CatchPanicLayer::custom(
        |panic: Box<dyn std::any::Any + Send>| {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            tracing::error!(panic = %what, "an API handler panicked");
            axum::response::IntoResponse::into_response(crate::error::ApiError::internal())
        },
    ))
}

async fn method_not_allowed() -> crate::error::ApiError {
    crate::error::ApiError::new(
        axum::http::StatusCode::METHOD_NOT_ALLOWED,
        portal_domain::ErrorCode::MethodNotAllowed,
        "This route does not take that method; the Allow header lists the ones it does.",
    )
}

/// The routes anyone may call, as (path, method); every other route needs a
/// session and answers 401 without one.
pub const PUBLIC_ROUTES: &[(&str, Method)] = &[
    ("/health", Method::GET),
    ("/openapi.json", Method::GET),
    ("/session", Method::GET),
    ("/session", Method::POST),
    ("/session", Method::DELETE),
    ("/invitations/{token}", Method::GET),
    ("/invitations/{token}/accept", Method::POST),
    ("/verifications/{token}", Method::GET),
    ("/verifications/{token}", Method::POST),
];

/// Every route of [`api`] as (path relative to `/api/v1`, method), in the
/// spelling of the OpenAPI document (`/users/{id}`).
pub fn api_routes() -> Vec<(&'static str, Method)> {
    build().routes
}

#[cfg(test)]
mod tests {
    use axum::body::Body;
    use axum::http::{Request, StatusCode, header};
    use axum::routing::get;
    use http_body_util::BodyExt;
    use tower::ServiceExt;

    use super::*;

    #[tokio::test]
    async fn a_handler_that_panics_is_answered_with_the_json_error_body() {
        async fn broken() -> &'static str {
            panic!("a defect in a handler")
        }
        let router = answer_panics(Router::new().route("/broken", get(broken)));
        let answer = router
            .oneshot(Request::get("/broken").body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(answer.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(answer.headers()[header::CONTENT_TYPE], "application/json");
        let body = answer.into_body().collect().await.unwrap().to_bytes();
        let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(body["code"], "internal_error");
    }
}
