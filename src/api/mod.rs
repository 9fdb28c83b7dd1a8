//! The one typed client of the portal server's JSON API.
//!
//! Components never call `fetch` themselves: they take the [`Api`] (or, on the
//! pages of a visitor who is not signed in, the [`VisitorClient`], and on the
//! public pages, the [`PublicClient`]) from context, so browser tests can
//! inject a fake and end-to-end tests use the real server.
//!
//! Each of the app's entries depends on one trait alone: a trait object
//! compiles every one of its methods, with the types they read, into the
//! entry that uses it.

mod decode;
mod http;

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use leptos::prelude::*;
use portal_domain::{
    AcceptInvitation, AddressStatus, Code, ContactInfo, ContactInfoResponse, Environment,
    ErrorBody, ErrorCode, FieldError, Health, HistoryPage, InvitationDetails, NewInvitation,
    ReviewStatus, Role, SessionInfo, SignInRequest, User, VerificationDetails,
};

pub use decode::from_value;
pub use http::HttpApi;

/// A pending API answer. gloo-net futures are not `Send`, and the app is single-threaded.
pub type ApiFuture<T> = Pin<Box<dyn Future<Output = Result<T, ApiError>>>>;

/// The endpoints a visitor who is not signed in uses: signing in, and the
/// one-time link of an invitation or of the first-administrator set-up.
///
/// The front door depends on this trait alone, so none of the portal's
/// endpoints, nor their types, are compiled into it; and the portal does not
/// depend on it at all.
pub trait VisitorApi: Send + Sync {
    /// `POST /session`: signs in, which sets the session cookie. The session
    /// the server describes in its answer is not read: the page that follows
    /// asks for it.
    fn sign_in(&self, request: SignInRequest) -> ApiFuture<()>;
    /// `GET /invitations/{token}`.
    fn invitation(&self, token: String) -> ApiFuture<InvitationDetails>;
    /// `POST /invitations/{token}/accept`.
    fn accept_invitation(&self, token: String, accept: AcceptInvitation) -> ApiFuture<()>;
}

/// The endpoints of the pages anyone may open, signed in or not: the status
/// page and an address's confirmation link. Neither the portal nor the
/// front door depends on it.
pub trait PublicApi: Send + Sync {
    /// `GET /health`.
    fn health(&self) -> ApiFuture<Health>;
    /// `GET /verifications/{token}`: what the link asks to confirm; asking
    /// confirms nothing.
    fn verification_details(&self, token: String) -> ApiFuture<VerificationDetails>;
    /// `POST /verifications/{token}`: the owner confirms the address.
    fn confirm_verification(&self, token: String) -> ApiFuture<()>;
}

/// Every endpoint the signed-in portal uses, one method each.
pub trait PortalApi: Send + Sync {
    /// `GET /session`: who is signed in, or `None` when nobody is (204).
    fn session(&self) -> ApiFuture<Option<SessionInfo>>;
    /// `DELETE /session`.
    fn sign_out(&self) -> ApiFuture<()>;
    /// `PATCH /session`: remember the environment switcher's position.
    fn set_environment(&self, environment: Environment) -> ApiFuture<SessionInfo>;
    /// `GET /account/contact-info`.
    fn contact_info(&self) -> ApiFuture<ContactInfoResponse>;
    /// `PUT /account/contact-info` with `If-Match: "version"`.
    fn save_contact_info(&self, info: ContactInfo, version: i64) -> ApiFuture<ContactInfoResponse>;
    /// `POST /account/contact-info/review` with `If-Match: "version"`: the
    /// information, unchanged, is still correct.
    fn confirm_review(&self, version: i64) -> ApiFuture<ReviewStatus>;
    /// `POST /account/contact-info/warnings/{code}/dismissal` when
    /// `dismissed`, else `DELETE` on it: the account no longer sees warning
    /// `code` (or sees it again). One method for both keeps the app small.
    fn set_warning_dismissed(&self, code: Code, dismissed: bool) -> ApiFuture<ContactInfoResponse>;
    /// `GET /account/contact-info/history?page=N`.
    fn history(&self, page: u32) -> ApiFuture<HistoryPage>;
    /// `GET /users`.
    fn users(&self) -> ApiFuture<Vec<User>>;
    /// `POST /users`.
    fn invite(&self, invitation: NewInvitation) -> ApiFuture<User>;
    /// `PATCH /users/{id}` with `If-Match`.
    fn change_role(&self, user_id: i64, role: Role, version: i64) -> ApiFuture<User>;
    /// `DELETE /users/{id}` with `If-Match`.
    fn remove_user(&self, user_id: i64, version: i64) -> ApiFuture<()>;
    /// `POST /users/{id}/invitation`.
    fn resend_invitation(&self, user_id: i64) -> ApiFuture<User>;
    /// `DELETE /users/{id}/invitation`.
    fn revoke_invitation(&self, user_id: i64) -> ApiFuture<()>;
    /// `GET /account/contact-info/addresses`: whether each saved address
    /// was confirmed by its owner.
    fn addresses(&self) -> ApiFuture<Vec<AddressStatus>>;
    /// `POST /account/contact-info/addresses/verification`: sends the
    /// address a new confirmation link. The address's new state in the
    /// answer is not read (the caller asks for every state again), so no
    /// second reader of it is compiled into the app.
    fn send_verification(&self, email: String) -> ApiFuture<()>;
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

impl ApiError {
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Status { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The machine-readable code of the server's answer, e.g.
    /// [`ErrorCode::VersionConflict`].
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            ApiError::Status { body, .. } => Some(body.code),
            _ => None,
        }
    }

    /// No session, or it expired: the user must sign in again.
    pub fn is_unauthorized(&self) -> bool {
        self.status() == Some(401)
    }

    /// Someone saved a newer version meanwhile (412).
    pub fn is_conflict(&self) -> bool {
        self.status() == Some(412)
    }

    /// Field-level problems of a 422, to show on the fields themselves.
    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            ApiError::Status { body, .. } => &body.fields,
            _ => &[],
        }
    }
}

/// A client of one of the API traits in context: `provide` makes it the
/// client of a component and its children, `expect` takes an ancestor's, and
/// it derefs to the trait.
macro_rules! client_in_context {
    ($(#[$doc:meta])* $name:ident: $api:ident) => {
        $(#[$doc])*
        #[derive(Clone)]
        pub struct $name(Arc<dyn $api>);

        impl $name {
            pub fn new(client: impl $api + 'static) -> Self {
                Self(Arc::new(client))
            }

            /// Makes `client` the one for this component and its children.
            pub fn provide(client: impl $api + 'static) {
                provide_context(Self::new(client));
            }

            /// The client provided by an ancestor.
            pub fn expect() -> Self {
                expect_context::<Self>()
            }
        }

        impl std::ops::Deref for $name {
            type Target = dyn $api;

            fn deref(&self) -> &Self::Target {
                &*self.0
            }
        }
    };
}

client_in_context!(
    /// The signed-in portal's API client in context.
    Api: PortalApi
);
client_in_context!(
    /// The visitor's endpoints in context: what the front door's sign-in and
    /// invitation pages use.
    VisitorClient: VisitorApi
);
client_in_context!(
    /// The public pages' endpoints in context: what the status page and the
    /// confirmation link's page use.
    PublicClient: PublicApi
);
