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
use portal_domain::AppPage;

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
    let page = match AppPage::of(&path) {
        AppPage::SignIn => view! { <pages::FrontDoorSignIn search /> }.into_any(),
        AppPage::Invitation(token) => {
            let token = decode_token(token);
            view! { <pages::Invitation token /> }.into_any()
        }
        AppPage::Portal => {
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
        }
        AppPage::Status | AppPage::Verify(_) | AppPage::Other => return load_from_server(&path),
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
    let page = match AppPage::of(&path) {
        AppPage::Status => view! { <pages::Status /> }.into_any(),
        AppPage::Verify(token) => {
            let token = decode_token(token);
            view! { <pages::Verify token /> }.into_any()
        }
        AppPage::SignIn | AppPage::Invitation(_) | AppPage::Portal | AppPage::Other => {
            return load_from_server(&path);
        }
    };
    view! { <PublicPage>{page}</PublicPage> }.into_any()
}

/// A link's token as its page reads it: percent-decoded, or as written when
/// it does not decode.
fn decode_token(token: &str) -> String {
    js_sys::decode_uri_component(token)
        .map(String::from)
        .unwrap_or_else(|_| token.to_owned())
}

/// Loads `path` (with the address's query) from the server again, which
/// sends the entry that shows it, and shows nothing meanwhile.
fn load_from_server(path: &str) -> AnyView {
    let location = window().location();
    let search = location.search().unwrap_or_default();
    let _ = location.replace(&format!("{path}{search}"));
    ().into_any()
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
