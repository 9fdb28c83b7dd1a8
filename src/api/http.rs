//! [`PortalApi`] over HTTP with gloo-net.

use gloo_net::http::{Request, Response};
use portal_domain::{ErrorBody, Health};
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
}

impl PortalApi for HttpApi {
    fn health(&self) -> ApiFuture<Health> {
        let url = format!("{}/health", self.base);
        Box::pin(async move { decode(Request::get(&url).send().await).await })
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
    let status = response.status();
    let body = response.json::<ErrorBody>().await.unwrap_or_else(|_| {
        ErrorBody::new(
            "unexpected_response",
            format!("the server answered {status} without an error body"),
        )
    });
    Err(ApiError::Status { status, body })
}
