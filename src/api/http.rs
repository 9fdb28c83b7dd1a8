//! [`PortalApi`] over HTTP with gloo-net.
//!
//! JSON is read and written by the browser (`Response.json()`,
//! `JSON.stringify`) and converted from and to Rust values with
//! serde-wasm-bindgen, so no JSON parser is compiled into the app.

use gloo_net::http::{Request, RequestBuilder, Response};
use portal_domain::{
    AcceptInvitation, ContactInfo, ContactInfoResponse, Environment, EnvironmentChange, ErrorBody,
    Health, HistoryPage, InvitationDetails, NewInvitation, Role, RoleChange, SessionInfo,
    SignInRequest, User,
};
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::{ApiError, ApiFuture, PortalApi};

/// The real client: JSON over `fetch` to the server that served the app.
pub struct HttpApi {
    base: String,
}

impl HttpApi {
    /// Calls the API on the page's own origin (the server, or `trunk serve`'s proxy).
    pub fn same_origin() -> Self {
        Self {
            base: "/api/v1".to_owned(),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

/// Sends a request without a body and decodes the JSON answer.
fn fetch<T: DeserializeOwned + 'static>(request: RequestBuilder) -> ApiFuture<T> {
    Box::pin(async move { decode(request.send().await).await })
}

/// Sends `body` as JSON and decodes the JSON answer.
fn fetch_json<T, B>(request: RequestBuilder, body: &B) -> ApiFuture<T>
where
    T: DeserializeOwned + 'static,
    B: Serialize,
{
    match with_json(request, body) {
        Ok(request) => Box::pin(async move { decode(request.send().await).await }),
        Err(error) => Box::pin(async move { Err(error) }),
    }
}

/// Sends a request whose success has no body (204).
fn fetch_empty(request: RequestBuilder) -> ApiFuture<()> {
    Box::pin(async move { expect_empty(request.send().await).await })
}

/// Sends `body` as JSON; success has no body (204).
fn fetch_json_empty<B: Serialize>(request: RequestBuilder, body: &B) -> ApiFuture<()> {
    match with_json(request, body) {
        Ok(request) => Box::pin(async move { expect_empty(request.send().await).await }),
        Err(error) => Box::pin(async move { Err(error) }),
    }
}

/// `body` as the request's JSON body: maps become objects and `None` becomes
/// `null`, exactly as the server expects.
fn with_json<B: Serialize>(request: RequestBuilder, body: &B) -> Result<Request, ApiError> {
    let value = body
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| ApiError::Decode(e.to_string()))?;
    let text = js_sys::JSON::stringify(&value).map_err(|e| ApiError::Decode(js_message(&e)))?;
    request
        .header("Content-Type", "application/json")
        .body(text)
        .map_err(|e| ApiError::Decode(e.to_string()))
}

fn if_match(request: RequestBuilder, version: i64) -> RequestBuilder {
    request.header("If-Match", &format!("\"{version}\""))
}

impl PortalApi for HttpApi {
    fn health(&self) -> ApiFuture<Health> {
        fetch(Request::get(&self.url("/health")))
    }

    fn session(&self) -> ApiFuture<SessionInfo> {
        fetch(Request::get(&self.url("/session")))
    }

    fn sign_in(&self, request: SignInRequest) -> ApiFuture<SessionInfo> {
        fetch_json(Request::post(&self.url("/session")), &request)
    }

    fn sign_out(&self) -> ApiFuture<()> {
        fetch_empty(Request::delete(&self.url("/session")))
    }

    fn set_environment(&self, environment: Environment) -> ApiFuture<SessionInfo> {
        fetch_json(
            Request::patch(&self.url("/session")),
            &EnvironmentChange { environment },
        )
    }

    fn contact_info(&self) -> ApiFuture<ContactInfoResponse> {
        fetch(Request::get(&self.url("/account/contact-info")))
    }

    fn save_contact_info(&self, info: ContactInfo, version: i64) -> ApiFuture<ContactInfoResponse> {
        fetch_json(
            if_match(Request::put(&self.url("/account/contact-info")), version),
            &info,
        )
    }

    fn history(&self, page: u32) -> ApiFuture<HistoryPage> {
        fetch(Request::get(
            &self.url(&format!("/account/contact-info/history?page={page}")),
        ))
    }

    fn users(&self) -> ApiFuture<Vec<User>> {
        fetch(Request::get(&self.url("/users")))
    }

    fn invite(&self, invitation: NewInvitation) -> ApiFuture<User> {
        fetch_json(Request::post(&self.url("/users")), &invitation)
    }

    fn change_role(&self, user_id: i64, role: Role, version: i64) -> ApiFuture<User> {
        fetch_json(
            if_match(
                Request::patch(&self.url(&format!("/users/{user_id}"))),
                version,
            ),
            &RoleChange { role },
        )
    }

    fn remove_user(&self, user_id: i64, version: i64) -> ApiFuture<()> {
        fetch_empty(if_match(
            Request::delete(&self.url(&format!("/users/{user_id}"))),
            version,
        ))
    }

    fn resend_invitation(&self, user_id: i64) -> ApiFuture<User> {
        fetch(Request::post(
            &self.url(&format!("/users/{user_id}/invitation")),
        ))
    }

    fn revoke_invitation(&self, user_id: i64) -> ApiFuture<()> {
        fetch_empty(Request::delete(
            &self.url(&format!("/users/{user_id}/invitation")),
        ))
    }

    fn invitation(&self, token: String) -> ApiFuture<InvitationDetails> {
        fetch(Request::get(&self.url(&format!("/invitations/{token}"))))
    }

    fn accept_invitation(&self, token: String, accept: AcceptInvitation) -> ApiFuture<()> {
        fetch_json_empty(
            Request::post(&self.url(&format!("/invitations/{token}/accept"))),
            &accept,
        )
    }
}

async fn expect_empty(sent: Result<Response, gloo_net::Error>) -> Result<(), ApiError> {
    let response = sent.map_err(|e| ApiError::Network(e.to_string()))?;
    if response.ok() {
        Ok(())
    } else {
        Err(error_of(response).await)
    }
}

/// Checks the status and decodes either the expected body or the error body.
async fn decode<T: DeserializeOwned>(
    sent: Result<Response, gloo_net::Error>,
) -> Result<T, ApiError> {
    let response = sent.map_err(|e| ApiError::Network(e.to_string()))?;
    if response.ok() {
        return json_of::<T>(response).await;
    }
    Err(error_of(response).await)
}

/// The response's body parsed by the browser, as a `T`.
async fn json_of<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    let raw = web_sys::Response::from(response);
    let promise = raw.json().map_err(|e| ApiError::Decode(js_message(&e)))?;
    let value = JsFuture::from(promise)
        .await
        .map_err(|e| ApiError::Decode(js_message(&e)))?;
    serde_wasm_bindgen::from_value(value).map_err(|e| ApiError::Decode(e.to_string()))
}

/// The message of a JavaScript error, or the value as text.
fn js_message(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_default()
}

async fn error_of(response: Response) -> ApiError {
    let status = response.status();
    let body = json_of::<ErrorBody>(response).await.unwrap_or_else(|_| {
        ErrorBody::new(
            "unexpected_response",
            format!("the server answered {status} without an error body"),
        )
    });
    ApiError::Status { status, body }
}
