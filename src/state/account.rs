//! The account's contact information, its users and whether each saved
//! address was confirmed, loaded once per sign-in and shared by every screen
//! that shows them.
//!
//! The onboarding modal's two tabs, the page behind it once it unlocks and
//! the settings pages all read the same copy, so a first load asks the server
//! for each resource once (in parallel), and a save replaces the copy with the
//! server's answer instead of asking again (only the addresses' states are
//! asked again: a save sends new addresses a link). A page the user navigates to
//! reloads what it shows, so nobody edits data older than their last click.

use leptos::prelude::*;
use leptos::task::spawn_local;
use portal_domain::{AddressStatus, ContactInfoResponse, User};

use crate::api::{Api, ApiError};
use crate::state::Session;

/// Where a resource stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded<T> {
    /// Nobody has asked for it yet.
    Idle,
    Loading,
    Ready(T),
    Failed(ApiError),
}

impl<T> Loaded<T> {
    pub fn is_ready(&self) -> bool {
        matches!(self, Loaded::Ready(_))
    }

    pub fn ready(&self) -> Option<&T> {
        match self {
            Loaded::Ready(value) => Some(value),
            _ => None,
        }
    }

    pub fn error(&self) -> Option<&ApiError> {
        match self {
            Loaded::Failed(error) => Some(error),
            _ => None,
        }
    }
}

/// One resource: its state, and which request may still write it, so an
/// older answer arriving late never overwrites a newer one.
struct Slot<T: Send + Sync + 'static> {
    state: RwSignal<Loaded<T>>,
    request: StoredValue<u32>,
}

// Handles to reactive values: copied whatever `T` is.
impl<T: Send + Sync + 'static> Clone for Slot<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Slot<T> {}

impl<T: Clone + Send + Sync + 'static> Slot<T> {
    fn new() -> Self {
        Self {
            state: RwSignal::new(Loaded::Idle),
            request: StoredValue::new(0),
        }
    }

    /// Follows a request (already sent: see [`crate::api::HttpApi`]) whose
    /// answer becomes the state, unless another request or a local
    /// [`Slot::set`] came after it.
    fn load(self, session: Session, fetch: impl Future<Output = Result<T, ApiError>> + 'static) {
        let Some(request) = self.next_request() else {
            return;
        };
        // Keep what is shown while a reload is under way.
        if !self.state.with_untracked(Loaded::is_ready) {
            self.state.set(Loaded::Loading);
        }
        spawn_local(async move {
            let answer = fetch.await;
            // The screens may be gone (signed out meanwhile): then nothing is written.
            if self.request.try_get_value() != Some(request) {
                return;
            }
            let _ = self.state.try_set(match answer {
                Ok(value) => Loaded::Ready(value),
                Err(error) => Loaded::Failed(session.check(error)),
            });
        });
    }

    fn next_request(self) -> Option<u32> {
        let next = self.request.try_get_value()? + 1;
        self.request.set_value(next);
        Some(next)
    }

    /// Replaces the state with a value the server just answered.
    fn set(self, value: T) {
        if self.next_request().is_some() {
            let _ = self.state.try_set(Loaded::Ready(value));
        }
    }

    fn is_idle(self) -> bool {
        self.state
            .try_with_untracked(|s| matches!(s, Loaded::Idle))
            .unwrap_or(false)
    }
}

/// The signed-in account's data, in context below the portal's gate.
#[derive(Clone, Copy)]
pub struct AccountData {
    contact: Slot<ContactInfoResponse>,
    users: Slot<Vec<User>>,
    addresses: Slot<Vec<AddressStatus>>,
    api: StoredValue<Api>,
    session: Session,
    /// How many pages have been shown since sign-in; every page after the
    /// first reloads what it shows.
    pages: StoredValue<u32>,
}

/// What a screen shows, for [`AccountData::visit`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resource {
    Contact,
    Users,
    /// The states of the saved addresses.
    Addresses,
}

impl AccountData {
    /// Provides an empty store; nothing is requested until a screen asks.
    pub fn provide() -> Self {
        let data = Self {
            contact: Slot::new(),
            users: Slot::new(),
            addresses: Slot::new(),
            api: StoredValue::new(Api::expect()),
            session: Session::expect(),
            pages: StoredValue::new(0),
        };
        provide_context(data);
        data
    }

    pub fn expect() -> Self {
        expect_context::<Self>()
    }

    /// For a page of the portal: the first page after sign-in (or after the
    /// gate opens) uses what is loaded; a page navigated to later reloads.
    pub fn visit(self, resources: &[Resource]) {
        let Some(seen) = self.pages.try_get_value() else {
            return;
        };
        self.pages.set_value(seen + 1);
        let first = seen == 0;
        for resource in resources {
            match resource {
                Resource::Contact if first => self.ensure_contact(),
                Resource::Users if first => self.ensure_users(),
                Resource::Addresses if first => self.ensure_addresses(),
                Resource::Contact => self.reload_contact(),
                Resource::Users => self.reload_users(),
                Resource::Addresses => self.reload_addresses(),
            }
        }
    }

    /// Loads the contact information unless it is loaded or on its way.
    pub fn ensure_contact(self) {
        if self.contact.is_idle() {
            self.reload_contact();
        }
    }

    /// Loads the users unless they are loaded or on their way.
    pub fn ensure_users(self) {
        if self.users.is_idle() {
            self.reload_users();
        }
    }

    pub fn reload_contact(self) {
        let Some(api) = self.api.try_get_value() else {
            return;
        };
        self.contact.load(self.session, api.contact_info());
    }

    pub fn reload_users(self) {
        let Some(api) = self.api.try_get_value() else {
            return;
        };
        self.users.load(self.session, api.users());
    }

    /// Loads the addresses' states unless they are loaded or on their way.
    pub fn ensure_addresses(self) {
        if self.addresses.is_idle() {
            self.reload_addresses();
        }
    }

    pub fn reload_addresses(self) {
        let Some(api) = self.api.try_get_value() else {
            return;
        };
        self.addresses.load(self.session, api.addresses());
    }

    /// The server's answer to a save: the new shared copy, no request needed
    /// for it. The addresses' states are asked again, since the save sent
    /// each new address a link and forgot the removed ones.
    pub fn set_contact(self, answer: ContactInfoResponse) {
        self.contact.set(answer);
        self.reload_addresses();
    }

    /// The server's answer to a change that saved no addresses (advice
    /// dismissed): the new shared copy, and nothing asked again.
    pub fn set_contact_same_addresses(self, answer: ContactInfoResponse) {
        self.contact.set(answer);
    }

    pub fn contact(self) -> ReadSignal<Loaded<ContactInfoResponse>> {
        self.contact.state.read_only()
    }

    pub fn users(self) -> ReadSignal<Loaded<Vec<User>>> {
        self.users.state.read_only()
    }

    pub fn addresses(self) -> ReadSignal<Loaded<Vec<AddressStatus>>> {
        self.addresses.state.read_only()
    }
}
