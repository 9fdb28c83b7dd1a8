//! [`PortalApi`] over HTTP with gloo-net.

use gloo_net::http::{Request, RequestBuilder, Response};
use portal_domain::{
    AcceptInvitation, ContactInfo, ContactInfoResponse, Environment, EnvironmentChange, ErrorBody,
    ErrorCode, Health, HistoryPage, InvitationDetails, NewInvitation, Role, RoleChange,
    SessionInfo, SignInRequest, User,
};
use serde::Serialize;
use serde::de::DeserializeOwned;

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
    match request.json(body) {
        Ok(request) => Box::pin(async move { decode(request.send().await).await }),
        Err(e) => {
            let error = ApiError::Decode(e.to_string());
            Box::pin(async move { Err(error) })
        }
    }
}

/// Sends a request whose success has no body (204).
fn fetch_empty(request: RequestBuilder) -> ApiFuture<()> {
    Box::pin(async move { expect_empty(request.send().await).await })
}

/// Sends `body` as JSON; success has no body (204).
fn fetch_json_empty<B: Serialize>(request: RequestBuilder, body: &B) -> ApiFuture<()> {
    match request.json(body) {
        Ok(request) => Box::pin(async move { expect_empty(request.send().await).await }),
        Err(e) => {
            let error = ApiError::Decode(e.to_string());
            Box::pin(async move { Err(error) })
        }
    }
}

fn if_match(request: RequestBuilder, version: i64) -> RequestBuilder {
    request.header("If-Match", &format!("\"{version}\""))
}

impl PortalApi for HttpApi {
    fn health(&self) -> ApiFuture<Health> {
        fetch(Request::get(&self.url("/health")))
    }

    fn session(&self) -> ApiFuture<Option<SessionInfo>> {
        let request = Request::get(&self.url("/session"));
        Box::pin(async move {
            let response = request
                .send()
                .await
                .map_err(|e| ApiError::Network(e.to_string()))?;
            // Nobody signed in is an answer, not an error (204).
            if response.status() == 204 {
                return Ok(None);
            }
            decode(Ok(response)).await.map(Some)
        })
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
        return response
            .json::<T>()
            .await
            .map_err(|e| ApiError::Decode(e.to_string()));
    }
    Err(error_of(response).await)
}

async fn error_of(response: Response) -> ApiError {
    let status = response.status();
    let body = response.json::<ErrorBody>().await.unwrap_or_else(|_| {
        ErrorBody::new(
            ErrorCode::UnexpectedResponse,
            format!("the server answered {status} without an error body"),
        )
    });
    ApiError::Status { status, body }
}
