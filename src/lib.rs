//! The Partner Portal web app (Leptos, client-side rendered).
//!
//! Everything lives in this library so the browser tests in `tests/` can mount
//! any component with a fake API client injected through context.

pub mod api;
pub mod components;
pub mod i18n;
pub mod pages;
pub mod state;

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;

use crate::api::{Api, HttpApi};
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
#[component]
pub fn AppRoutes() -> impl IntoView {
    Announcer::provide();
    view! {
        <Router>
            <LiveRegion />
            <Routes fallback=|| view! { <PublicPage><pages::NotFound /></PublicPage> }>
                <Route path=path!("/sign-in") view=|| view! { <PublicPage><pages::SignIn /></PublicPage> } />
                <Route path=path!("/invitation/:token") view=|| view! { <PublicPage><pages::AcceptInvitation /></PublicPage> } />
                <Route path=path!("/help") view=|| view! { <PublicPage><pages::Help /></PublicPage> } />
                <Route path=path!("/status") view=|| view! { <PublicPage><pages::Status /></PublicPage> } />
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

/// The frame of pages reachable without signing in.
#[component]
fn PublicPage(children: Children) -> impl IntoView {
    let i18n = I18n::expect();
    view! {
        <header class="top-bar">
            <span class="top-bar__name">{move || i18n.t().common.app_name}</span>
            <LanguageSwitcher />
        </header>
        <main id="main" class="page">
            {children()}
        </main>
    }
}
