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
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::api::{Api, HttpApi};
use crate::components::LanguageSwitcher;
use crate::i18n::I18n;

/// The whole app, talking to the real server on the page's own origin.
#[component]
pub fn App() -> impl IntoView {
    Api::provide(HttpApi::same_origin());
    view! { <AppWithContext /> }
}

/// The app below the API seam: tests provide their own [`Api`] and mount this.
#[component]
pub fn AppWithContext() -> impl IntoView {
    let i18n = I18n::provide_from_browser();
    view! {
        <Router>
            <header class="top-bar">
                <span class="top-bar__name">{move || i18n.t().common.app_name}</span>
                <LanguageSwitcher />
            </header>
            <main id="main" class="page">
                <Routes fallback=pages::NotFound>
                    <Route path=path!("/") view=pages::Home />
                </Routes>
            </main>
        </Router>
    }
}
