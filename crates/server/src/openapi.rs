//! The API's OpenAPI 3.1 document, generated from the route handlers and the
//! domain crate's types, served at `/api/v1/openapi.json`.

use axum::Json;
use axum::http::Method;
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder};
use utoipa::{Modify, OpenApi};

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
        routes::account::get_review,
        routes::account::confirm_review,
        routes::account::dismiss_warning,
        routes::account::restore_warning,
        routes::verification::list,
        routes::verification::send,
        routes::verification::details,
        routes::verification::confirm,
        routes::users::list,
        routes::users::invite,
        routes::users::change_role,
        routes::users::remove,
        routes::users::resend_invitation,
        routes::users::revoke_invitation,
        routes::invitations::details,
        routes::invitations::accept,
    ),
    modifiers(&EveryAnswer),
)]
pub struct ApiDoc;

/// Adds to every operation the answers its shape makes possible, so the
/// document lists every status a route can answer, not only the ones its
/// handler chooses: 401 without a session, 403 from another site, the body,
/// path, query and `If-Match` errors, 429 where attempts are counted and
/// 503 wherever the database is needed.
/// It also states the bounds the server enforces on parameters.
struct EveryAnswer;

/// What an ETag of this API looks like: a version number in quotes.
pub const ETAG_PATTERN: &str = r#"^(W/)?"[0-9]{1,18}"$"#;

impl Modify for EveryAnswer {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for (path, item) in openapi.paths.paths.iter_mut() {
            let operations = [
                (Method::GET, &mut item.get),
                (Method::PUT, &mut item.put),
                (Method::POST, &mut item.post),
                (Method::PATCH, &mut item.patch),
                (Method::DELETE, &mut item.delete),
            ];
            for (method, operation) in operations {
                if let Some(operation) = operation {
                    complete(path, &method, operation);
                }
            }
        }
    }
}

fn complete(path: &str, method: &Method, operation: &mut Operation) {
    let public = routes::PUBLIC_ROUTES
        .iter()
        .any(|(p, m)| *p == path && m == method);
    let mut answers: Vec<(u16, &str)> = Vec::new();
    if !public {
        answers.push((401, "No session, or it has ended"));
    }
    if method != Method::GET {
        answers.push((
            403,
            "The request came from another site, or the caller's role may not do this",
        ));
    }
    if operation.request_body.is_some() {
        answers.extend([
            (400, "The body is not valid JSON"),
            (413, "The body is larger than the server accepts"),
            (415, "The body is not sent as application/json"),
            (
                422,
                "The JSON does not have the expected fields (fields[].path names them) or breaks a rule",
            ),
        ]);
    }
    for parameter in operation.parameters.iter_mut().flatten() {
        match (&parameter.parameter_in, parameter.name.as_str()) {
            (ParameterIn::Path, "code") => {
                // Only warning codes can be dismissed; any other answers 404.
                parameter.schema = Some(
                    ObjectBuilder::new()
                        .schema_type(Type::String)
                        .enum_values(Some(
                            portal_domain::Code::WARNINGS.iter().map(|c| c.as_str()),
                        ))
                        .into(),
                );
                answers.push((404, "Not a warning code"));
            }
            (ParameterIn::Path, _) => answers.push((404, "No such resource")),
            (ParameterIn::Header, "If-Match") => {
                parameter.schema = Some(
                    ObjectBuilder::new()
                        .schema_type(Type::String)
                        .pattern(Some(ETAG_PATTERN))
                        .into(),
                );
                answers.extend([
                    (400, "If-Match is not an ETag the server gave out"),
                    (412, "Someone saved a newer version meanwhile"),
                    (428, "If-Match is missing"),
                ]);
            }
            (ParameterIn::Query, name) => {
                let maximum = if name == "per_page" {
                    f64::from(crate::routes::account::MAX_PER_PAGE)
                } else {
                    f64::from(i32::MAX)
                };
                parameter.schema = Some(
                    ObjectBuilder::new()
                        .schema_type(Type::Integer)
                        .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(
                            utoipa::openapi::KnownFormat::Int32,
                        )))
                        .minimum(Some(1.0))
                        .maximum(Some(maximum))
                        .into(),
                );
                answers.push((400, "The query string cannot be read or is out of range"));
            }
            _ => {}
        }
    }
    if path != "/openapi.json" {
        answers.push((503, "The database cannot be reached; try again shortly"));
    }
    if [
        ("/invitations/{token}/accept", &Method::POST),
        ("/verifications/{token}", &Method::POST),
    ]
    .contains(&(path, method))
    {
        answers.push((
            429,
            "Too many links that do not work were tried from this client",
        ));
    }
    let responses = &mut operation.responses.responses;
    for (status, description) in answers {
        responses
            .entry(status.to_string())
            .or_insert_with(|| RefOr::T(error_answer(description)));
    }
}

fn error_answer(description: &str) -> utoipa::openapi::Response {
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/json",
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("ErrorBody")))
                .build(),
        )
        .build()
}

/// This document.
#[utoipa::path(get, path = "/openapi.json", tag = "health", responses((status = 200, description = "The OpenAPI 3.1 document of this API", content_type = "application/json")))]
pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
