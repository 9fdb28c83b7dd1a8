//! Who is signed in, kept in context for every screen.

use leptos::prelude::*;
use leptos::task::spawn_local;
use portal_domain::{Environment, ReviewState, ReviewStatus, SessionInfo};

use crate::api::{Api, ApiError};

/// The signed-in user's session, or `None` when signed out (or expired).
///
/// Screens read it to decide what to show; any API answer of 401 should call
/// [`Session::expired`], which sends the user to sign in and back afterwards.
#[derive(Clone, Copy)]
pub struct Session {
    info: RwSignal<Option<SessionInfo>>,
    /// Set once the first `GET /session` has answered.
    checked: RwSignal<bool>,
    /// Set while the last `GET /session` could not reach the server.
    unreachable: RwSignal<bool>,
}

impl Session {
    /// Provides a session that is not known yet; [`Session::load`] asks the server.
    pub fn provide() -> Self {
        let session = Self {
            info: RwSignal::new(None),
            checked: RwSignal::new(false),
            unreachable: RwSignal::new(false),
        };
        provide_context(session);
        session
    }

    /// Provides a known session (tests, and screens mounted on their own).
    pub fn provide_signed_in(info: SessionInfo) -> Self {
        let session = Self {
            info: RwSignal::new(Some(info)),
            checked: RwSignal::new(true),
            unreachable: RwSignal::new(false),
        };
        provide_context(session);
        session
    }

    pub fn expect() -> Self {
        expect_context::<Self>()
    }

    /// Asks the server who is signed in.
    ///
    /// Signed out means a new page (the front door's sign-in), so a server
    /// that cannot be reached does not count as signed out: that page could
    /// not load either. The portal says so instead and asks again when told
    /// to ([`Session::unreachable`]).
    pub fn load(self) {
        let api = Api::expect();
        self.unreachable.set(false);
        spawn_local(async move {
            match api.session().await {
                Err(ApiError::Network(_)) => self.unreachable.set(true),
                answer => {
                    self.info.set(answer.ok().flatten());
                    self.checked.set(true);
                }
            }
        });
    }

    /// Whether the first check has answered.
    pub fn checked(self) -> bool {
        self.checked.get()
    }

    /// Whether the last check could not reach the server.
    pub fn unreachable(self) -> bool {
        self.unreachable.get()
    }

    pub fn get(self) -> Option<SessionInfo> {
        self.info.get()
    }

    /// The session now, without tracking it (for event handlers and tasks).
    pub fn get_untracked(self) -> Option<SessionInfo> {
        self.info.get_untracked()
    }

    /// Reads part of the session, tracking changes, without cloning it all.
    pub fn with<R>(self, f: impl FnOnce(Option<&SessionInfo>) -> R) -> R {
        self.info.with(|info| f(info.as_ref()))
    }

    pub fn is_signed_in(self) -> bool {
        self.info.with(Option::is_some)
    }

    /// Replaces the session with the server's newer answer.
    pub fn set(self, info: SessionInfo) {
        self.info.set(Some(info));
        self.checked.set(true);
    }

    /// The session ended on the server (401): forget it locally too.
    ///
    /// Forgetting it unmounts the signed-in screens, so it happens on the next
    /// turn of the event loop: whatever handled the 401 finishes its own
    /// updates first, while its signals still exist.
    pub fn expired(self) {
        let info = self.info;
        set_timeout(move || info.set(None), std::time::Duration::ZERO);
    }

    /// Handles an API error that may mean the session ended; returns the error
    /// for the caller to show otherwise.
    pub fn check(self, error: ApiError) -> ApiError {
        if error.is_unauthorized() {
            self.expired();
        }
        error
    }

    /// The contact information was saved complete: unlock the portal. A save
    /// is also this year's review.
    pub fn mark_complete(self) {
        self.info.update(|info| {
            if let Some(info) = info {
                info.contact_info_complete = true;
                info.review.state = ReviewState::Current;
            }
        });
    }

    /// The contact information was saved (complete or not): the yearly
    /// reminder goes away.
    pub fn mark_saved(self) {
        if self.with(|info| info.is_some_and(|i| i.review.state == ReviewState::Due)) {
            self.info.update(|info| {
                if let Some(info) = info {
                    info.review.state = ReviewState::Current;
                }
            });
        }
    }

    /// Someone confirmed the contact information as still correct (only
    /// complete information can be): the review starts again and the portal
    /// unlocks.
    pub fn mark_reviewed(self, review: ReviewStatus) {
        self.info.update(|info| {
            if let Some(info) = info {
                info.contact_info_complete = true;
                info.review = review;
            }
        });
    }

    /// Where the yearly review stands (current while nobody is signed in).
    pub fn review_state(self) -> ReviewState {
        self.with(|info| info.map_or(ReviewState::Current, |i| i.review.state))
    }

    pub fn environment(self) -> Environment {
        self.with(|info| info.map_or(Environment::Sandbox, |i| i.environment))
    }

    /// Switches the environment now and remembers it on the server for next time.
    pub fn set_environment(self, environment: Environment) {
        self.info.update(|info| {
            if let Some(info) = info {
                info.environment = environment;
            }
        });
        let api = Api::expect();
        spawn_local(async move {
            if let Err(error) = api.set_environment(environment).await {
                self.check(error);
            }
        });
    }

    /// Ends the session on the server and locally.
    pub fn sign_out(self) {
        let api = Api::expect();
        spawn_local(async move {
            // Signed out locally whatever the server says: the user asked to leave.
            let _ = api.sign_out().await;
            self.info.set(None);
        });
    }
}
