//! The one typed client of the portal server's JSON API.
//!
//! Components never call `fetch` themselves: they take the [`Api`] from context,
//! so browser tests can inject a fake and end-to-end tests use the real server.

mod http;

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use leptos::prelude::*;
use portal_domain::{ErrorBody, Health};

pub use http::HttpApi;

/// A pending API answer. gloo-net futures are not `Send`, and the app is single-threaded.
pub type ApiFuture<T> = Pin<Box<dyn Future<Output = Result<T, ApiError>>>>;

/// Every endpoint the app uses, one method each.
pub trait PortalApi: Send + Sync {
    /// `GET /api/v1/health`.
    fn health(&self) -> ApiFuture<Health>;
}

/// Why an API call failed, sorted by what the user can do about it.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The server could not be reached at all (offline, server down).
    Network(String),
    /// The server answered with an error status and the shared error body.
    Status { status: u16, body: ErrorBody },
    /// The server answered something that is not the expected JSON.
    Decode(String),
}

/// The API client in context.
#[derive(Clone)]
pub struct Api(Arc<dyn PortalApi>);

impl Api {
    pub fn new(client: impl PortalApi + 'static) -> Self {
        Self(Arc::new(client))
    }

    /// Makes `client` the API for this component and its children.
    pub fn provide(client: impl PortalApi + 'static) {
        provide_context(Self::new(client));
    }

    /// The API provided by an ancestor.
    pub fn expect() -> Self {
        expect_context::<Self>()
    }
}

impl std::ops::Deref for Api {
    type Target = dyn PortalApi;

    fn deref(&self) -> &Self::Target {
        &*self.0
    }
}
