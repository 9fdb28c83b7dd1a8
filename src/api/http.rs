//! [`VisitorApi`], [`PublicApi`] and [`PortalApi`] over HTTP with gloo-net.
//!
//! Every call goes through one non-generic path, [`Call::send`], which starts
//! the request at once and checks the status; only the final conversion into the
//! endpoint's Rust type is generic, so the wasm carries one copy of the
//! sending code instead of one per answer type.
//!
//! JSON is read and written by the browser (`Response.json()`,
//! `JSON.stringify`) and converted to Rust values with the app's own reader
//! (`super::decode`) and from them with serde-wasm-bindgen, so no JSON parser
//! is compiled into the app.

use gloo_net::http::{Method, RequestBuilder};
use portal_domain::{
    AcceptInvitation, AddressStatus, Code, ContactInfo, ContactInfoResponse, Environment,
    EnvironmentChange, ErrorBody, ErrorCode, Health, HistoryPage, InvitationDetails, NewInvitation,
    ReviewStatus, Role, RoleChange, SessionInfo, SignInRequest, User, VerificationDetails,
    VerificationRequest,
};
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

use super::{ApiError, ApiFuture, PortalApi, PublicApi, VisitorApi};

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

    fn call(&self, method: Method, path: &str) -> Call {
        Call {
            method,
            url: format!("{}{path}", self.base),
            if_match: None,
            body: Ok(None),
        }
    }
}

/// One request to send. A `GET` carries no headers of its own, so the
/// app's first `GET /session` is exactly the request `index.html` preloads
/// (same URL, `cors` mode, same-origin credentials) and the browser answers
/// it from that preload instead of asking again.
struct Call {
    method: Method,
    url: String,
    /// `If-Match: "version"`, for changes to versioned resources.
    if_match: Option<i64>,
    /// The JSON text to send, or why the body could not be written.
    body: Result<Option<JsValue>, ApiError>,
}

impl Call {
    fn if_match(mut self, version: i64) -> Self {
        self.if_match = Some(version);
        self
    }

    /// Sends `body` as JSON: maps become objects and `None` becomes `null`,
    /// exactly as the server expects.
    fn json<B: Serialize>(mut self, body: &B) -> Self {
        self.body = body
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| ApiError::Decode(e.to_string()))
            .and_then(|value| {
                js_sys::JSON::stringify(&value)
                    .map(|text| Some(text.into()))
                    .map_err(|e| ApiError::Decode(js_message(&e)))
            });
        self
    }

    /// Sends the request and decodes the JSON answer as a `T`.
    fn answer<T: DeserializeOwned + 'static>(self) -> ApiFuture<T> {
        let sent = self.send();
        Box::pin(async move { decode(&sent.await?).await })
    }

    /// Sends the request and decodes the JSON answer as a `T`, or `None` when
    /// the server answers 204 (nothing to say, e.g. nobody signed in).
    fn maybe_answer<T: DeserializeOwned + 'static>(self) -> ApiFuture<Option<T>> {
        let sent = self.send();
        Box::pin(async move {
            let response = sent.await?;
            if response.status() == 204 {
                return Ok(None);
            }
            decode(&response).await.map(Some)
        })
    }

    /// Sends the request; success has no body (204), or one that is not read.
    fn no_answer(self) -> ApiFuture<()> {
        let sent = self.send();
        Box::pin(async move { sent.await.map(drop) })
    }

    /// Sends the request now, not when its answer is first awaited, so it is
    /// on the network while the page goes on working (the portal asks for
    /// its data as it builds its screens); then checks the status: the
    /// response of a success, or the error the server answered.
    fn send(self) -> impl Future<Output = Result<Response, ApiError>> + 'static {
        let started = self.start();
        async move {
            let response: Response = JsFuture::from(started?)
                .await
                .map_err(|e| ApiError::Network(js_message(&e)))?
                .unchecked_into();
            if !response.ok() {
                return Err(error_of(&response).await);
            }
            Ok(response)
        }
    }

    /// Hands the request to the browser's `fetch`, which starts it.
    fn start(self) -> Result<js_sys::Promise, ApiError> {
        let network = |e: gloo_net::Error| ApiError::Network(e.to_string());
        let body = self.body?;
        let mut request = RequestBuilder::new(&self.url).method(self.method);
        if let Some(version) = self.if_match {
            request = request.header("If-Match", &format!("\"{version}\""));
        }
        let request = match body {
            Some(body) => request
                .header("Content-Type", "application/json")
                .body(body)
                .map_err(network)?,
            None => request.build().map_err(network)?,
        };
        Ok(web_sys::window()
            .ok_or_else(|| ApiError::Network("no window to fetch from".into()))?
            .fetch_with_request(&request.into()))
    }
}

/// The JSON answer of a success as a `T`.
async fn decode<T: DeserializeOwned>(response: &Response) -> Result<T, ApiError> {
    let value = json_of(response)
        .await
        .map_err(|e| ApiError::Decode(js_message(&e)))?;
    super::decode::from_value(value).map_err(|e| ApiError::Decode(e.to_string()))
}

/// The response's body parsed by the browser.
async fn json_of(response: &Response) -> Result<JsValue, JsValue> {
    JsFuture::from(response.json()?).await
}

/// The shared error body of a failed answer, or a stand-in when there is none.
async fn error_of(response: &Response) -> ApiError {
    let status = response.status();
    let body = json_of(response)
        .await
        .ok()
        .and_then(|value| super::decode::from_value::<ErrorBody>(value).ok())
        .unwrap_or_else(|| {
            ErrorBody::new(
                ErrorCode::UnexpectedResponse,
                format!("the server answered {status} without an error body"),
            )
        });
    ApiError::Status { status, body }
}

/// The message of a JavaScript error, or the value itself if it is text.
fn js_message(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_default()
}

impl VisitorApi for HttpApi {
    fn sign_in(&self, request: SignInRequest) -> ApiFuture<()> {
        self.call(Method::POST, "/session")
            .json(&request)
            .no_answer()
    }

    fn invitation(&self, token: String) -> ApiFuture<InvitationDetails> {
        self.call(Method::GET, &format!("/invitations/{token}"))
            .answer()
    }

    fn accept_invitation(&self, token: String, accept: AcceptInvitation) -> ApiFuture<()> {
        self.call(Method::POST, &format!("/invitations/{token}/accept"))
            .json(&accept)
            .no_answer()
    }
}

impl PublicApi for HttpApi {
    fn health(&self) -> ApiFuture<Health> {
        self.call(Method::GET, "/health").answer()
    }

    fn verification_details(&self, token: String) -> ApiFuture<VerificationDetails> {
        self.call(Method::GET, &format!("/verifications/{token}"))
            .answer()
    }

    fn confirm_verification(&self, token: String) -> ApiFuture<()> {
        self.call(Method::POST, &format!("/verifications/{token}"))
            .no_answer()
    }
}

impl PortalApi for HttpApi {
    fn session(&self) -> ApiFuture<Option<SessionInfo>> {
        self.call(Method::GET, "/session").maybe_answer()
    }

    fn sign_out(&self) -> ApiFuture<()> {
        self.call(Method::DELETE, "/session").no_answer()
    }

    fn set_environment(&self, environment: Environment) -> ApiFuture<SessionInfo> {
        self.call(Method::PATCH, "/session")
            .json(&EnvironmentChange { environment })
            .answer()
    }

    fn contact_info(&self) -> ApiFuture<ContactInfoResponse> {
        self.call(Method::GET, "/account/contact-info").answer()
    }

    fn save_contact_info(&self, info: ContactInfo, version: i64) -> ApiFuture<ContactInfoResponse> {
        self.call(Method::PUT, "/account/contact-info")
            .if_match(version)
            .json(&info)
            .answer()
    }

    fn confirm_review(&self, version: i64) -> ApiFuture<ReviewStatus> {
        self.call(Method::POST, "/account/contact-info/review")
            .if_match(version)
            .answer()
    }

    fn set_warning_dismissed(&self, code: Code, dismissed: bool) -> ApiFuture<ContactInfoResponse> {
        let method = if dismissed {
            Method::POST
        } else {
            Method::DELETE
        };
        self.call(
            method,
            &format!("/account/contact-info/warnings/{code}/dismissal"),
        )
        .answer()
    }

    fn history(&self, page: u32) -> ApiFuture<HistoryPage> {
        self.call(
            Method::GET,
            &format!("/account/contact-info/history?page={page}"),
        )
        .answer()
    }

    fn users(&self) -> ApiFuture<Vec<User>> {
        self.call(Method::GET, "/users").answer()
    }

    fn invite(&self, invitation: NewInvitation) -> ApiFuture<User> {
        self.call(Method::POST, "/users").json(&invitation).answer()
    }

    fn change_role(&self, user_id: i64, role: Role, version: i64) -> ApiFuture<User> {
        self.call(Method::PATCH, &format!("/users/{user_id}"))
            .if_match(version)
            .json(&RoleChange { role })
            .answer()
    }

    fn remove_user(&self, user_id: i64, version: i64) -> ApiFuture<()> {
        self.call(Method::DELETE, &format!("/users/{user_id}"))
            .if_match(version)
            .no_answer()
    }

    fn resend_invitation(&self, user_id: i64) -> ApiFuture<User> {
        self.call(Method::POST, &format!("/users/{user_id}/invitation"))
            .answer()
    }

    fn revoke_invitation(&self, user_id: i64) -> ApiFuture<()> {
        self.call(Method::DELETE, &format!("/users/{user_id}/invitation"))
            .no_answer()
    }

    fn addresses(&self) -> ApiFuture<Vec<AddressStatus>> {
        self.call(Method::GET, "/account/contact-info/addresses")
            .answer()
    }

    fn send_verification(&self, email: String) -> ApiFuture<()> {
        self.call(Method::POST, "/account/contact-info/addresses/verification")
            .json(&VerificationRequest { email })
            .no_answer()
    }
}
