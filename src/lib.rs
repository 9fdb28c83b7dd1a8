//! The Partner Portal web app (Leptos, client-side rendered).
//!
//! Everything lives in this library so the browser tests in `tests/` can mount
//! any component with a fake API client injected through context.

pub mod api;
pub mod components;
pub mod crash;
pub mod i18n;
pub mod pages;
pub mod state;

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;

use crate::api::{Api, HttpApi, PublicClient, VisitorClient};
use crate::components::{LanguageSwitcher, Portal};
use crate::i18n::I18n;
use crate::state::{Announcer, LiveRegion, Session};

/// Where partners write for help; set at build time with `PORTAL_SUPPORT_EMAIL`.
pub const SUPPORT_EMAIL: &str = match option_env!("PORTAL_SUPPORT_EMAIL") {
    Some(address) => address,
    None => "partner-support@example.com",
};

/// The whole app, talking to the real server on the page's own origin.
#[component]
pub fn App() -> impl IntoView {
    Api::provide(HttpApi::same_origin());
    I18n::provide_from_browser();
    let session = Session::provide();
    session.load();
    view! { <AppRoutes /> }
}

/// Every route. Tests provide the [`Api`], [`I18n`] and [`Session`] contexts
/// themselves and mount this.
///
/// Signing in and the invitation and set-up links are not among them: they
/// are the front door's (see [`FrontDoor`]), which the server sends for
/// `/sign-in` and `/invitation/TOKEN`; nor are the status page and an
/// address's confirmation link, which are the public pages' (see
/// [`PublicPages`]), sent for `/status` and `/verify/TOKEN`. The portal's
/// download carries none of their code or messages and reaches them with a
/// full page load.
#[component]
pub fn AppRoutes() -> impl IntoView {
    Announcer::provide();
    view! {
        <Router>
            <LiveRegion />
            <Routes fallback=|| view! { <PublicPage><pages::NotFound /></PublicPage> }>
                <Route path=path!("/help") view=|| view! { <PublicPage><pages::Help /></PublicPage> } />
                <ParentRoute path=path!("") view=Portal>
                    <Route path=path!("") view=pages::Overview />
                    <Route path=path!("settings/contact") view=pages::ContactSettings />
                    <Route path=path!("settings/users") view=pages::UsersSettings />
                    <Route path=path!("*any") view=pages::NotFound />
                </ParentRoute>
            </Routes>
        </Router>
    }
}

/// The front door: the pages a visitor who is not signed in needs (sign-in,
/// invitation and first-administrator set-up), built as a binary of its own
/// (`src/bin/front_door.rs`, `front-door.html`) so it downloads a fraction
/// of the portal. It shows one page per load and needs no router: every link
/// out of it, and signing in, is a full page load.
///
/// Its pages announce nothing to screen readers beyond their own alerts and
/// focus moves, so it has no live region of the portal's [`Announcer`].
///
/// The server sends it for `/sign-in` and `/invitation/TOKEN`, and for the
/// portal's own pages (`/`, `/settings/…`) when no session is sent: those
/// become a sign-in that returns there. Any other address is loaded from the
/// server again, as the full app.
#[component]
pub fn FrontDoor() -> impl IntoView {
    VisitorClient::provide(HttpApi::same_origin());
    I18n::provide_from_browser();
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let search = location.search().unwrap_or_default();
    let token = invitation_token(&path).map(|token| {
        js_sys::decode_uri_component(token)
            .map(String::from)
            .unwrap_or_else(|_| token.to_owned())
    });
    let page = if path == "/sign-in" {
        view! { <pages::FrontDoorSignIn search /> }.into_any()
    } else if let Some(token) = token {
        view! { <pages::Invitation token /> }.into_any()
    } else if path == "/" || path == "/settings" || path.starts_with("/settings/") {
        let next = js_sys::encode_uri_component(&format!("{path}{search}"));
        let search = format!("?next={next}");
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&format!("/sign-in{search}")),
            );
        }
        view! { <pages::FrontDoorSignIn search /> }.into_any()
    } else {
        let _ = location.replace(&format!("{path}{search}"));
        return ().into_any();
    };
    view! { <PublicPage>{page}</PublicPage> }.into_any()
}

/// The public pages: the status page and the page an address's
/// confirmation link opens, which anyone may open, signed in or not. A
/// confirmation link is opened by whoever owns the address, often on a
/// phone and often with no account, so these pages are built as a binary of
/// their own (`src/bin/public_pages.rs`, `public-pages.html`) that downloads
/// a fraction of the portal. Like the front door, they show one page per
/// load and need no router or session.
///
/// The server sends them for `/status` and `/verify/TOKEN`.
#[component]
pub fn PublicPages() -> impl IntoView {
    PublicClient::provide(HttpApi::same_origin());
    I18n::provide_from_browser();
    let path = window().location().pathname().unwrap_or_default();
    view! { <PublicRoutes path /> }
}

/// The public page for `path`. Tests provide the [`PublicClient`] and the
/// [`I18n`] themselves and mount this.
///
/// Any other address is loaded from the server again, as the full app.
#[component]
pub fn PublicRoutes(path: String) -> impl IntoView {
    let page = if path == "/status" {
        view! { <pages::Status /> }.into_any()
    } else if let Some(token) = path_token(&path, "/verify/") {
        let token = js_sys::decode_uri_component(token)
            .map(String::from)
            .unwrap_or_else(|_| token.to_owned());
        view! { <pages::Verify token /> }.into_any()
    } else {
        let location = window().location();
        let search = location.search().unwrap_or_default();
        let _ = location.replace(&format!("{path}{search}"));
        return ().into_any();
    };
    view! { <PublicPage>{page}</PublicPage> }.into_any()
}

/// Whether the server sends the front door for `path` whatever the session:
/// `/sign-in` and `/invitation/TOKEN`.
pub fn is_front_door_path(path: &str) -> bool {
    path == "/sign-in" || invitation_token(path).is_some()
}

/// Whether the server sends the public pages for `path`: `/status` and
/// `/verify/TOKEN`.
pub fn is_public_path(path: &str) -> bool {
    path == "/status" || path_token(path, "/verify/").is_some()
}

/// The (still encoded) token of an invitation or set-up link's path,
/// `/invitation/TOKEN`.
fn invitation_token(path: &str) -> Option<&str> {
    path_token(path, "/invitation/")
}

/// The (still encoded) token of a link's path, `PREFIX` then `TOKEN`.
fn path_token<'a>(path: &'a str, prefix: &str) -> Option<&'a str> {
    path.strip_prefix(prefix)
        .filter(|token| !token.is_empty() && !token.contains('/'))
}

/// The frame of pages reachable without signing in.
#[component]
pub fn PublicPage(children: Children) -> impl IntoView {
    let i18n = I18n::expect();
    view! {
        <header class="top-bar">
            <span class="top-bar__name">{move || i18n.common().app_name}</span>
            <LanguageSwitcher />
        </header>
        <main id="main" class="page">
            {children()}
        </main>
    }
}
