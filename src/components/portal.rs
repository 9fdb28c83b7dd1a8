//! The signed-in portal: the shell around every page, and the gate that keeps
//! it locked behind the onboarding modal until the contact information is complete.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::{A, Outlet};
use leptos_router::hooks::{use_location, use_navigate};
use portal_domain::Environment;

use crate::components::{LanguageSwitcher, OnboardingModal};
use crate::i18n::I18n;
use crate::state::{AccountData, Session};

/// The layout route of every signed-in page.
///
/// Signed out (or after the session expired) it sends the user to sign in,
/// remembering where they were. With incomplete contact information it shows
/// the portal inert and hidden from assistive technology behind the modal, on
/// every route, so no page can be reached by URL either.
#[component]
pub fn Portal() -> impl IntoView {
    let i18n = I18n::expect();
    let session = Session::expect();
    let location = use_location();
    let navigate = use_navigate();

    // Talks to the router only: a signed-out visit becomes a sign-in that
    // returns here. Only the session is tracked; the address is read as it is
    // when the session ends, so the redirect itself cannot trigger another.
    Effect::new(move |_| {
        if session.checked() && !session.is_signed_in() {
            let here = format!(
                "{}{}",
                location.pathname.get_untracked(),
                location.search.get_untracked()
            );
            if here.starts_with("/sign-in") {
                return;
            }
            let next = js_sys::encode_uri_component(&here);
            navigate(
                &format!("/sign-in?next={next}"),
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });

    view! {
        <Show
            when=move || session.is_signed_in()
            fallback=move || view! { <p class="page" role="status">{move || i18n.t().gate.checking_session}</p> }
        >
            <SignedIn />
        </Show>
    }
}

/// The portal of a signed-in user, with the account's data shared by every
/// screen below it for as long as the session lasts.
///
/// While the contact information is incomplete the page of the route is not
/// rendered at all: behind the modal there is only the shell and a neutral
/// placeholder, so nothing protected is fetched or readable through the
/// overlay, and the page mounts (with the data the modal loaded) once the
/// gate opens.
#[component]
fn SignedIn() -> impl IntoView {
    AccountData::provide();
    let session = Session::expect();
    let locked = move || session.with(|s| s.is_some_and(|s| !s.contact_info_complete));
    view! {
        <div class="portal" inert=locked aria-hidden=move || locked().then_some("true")>
            <TopBar />
            <main id="main" class="page">
                <Show when=move || !locked() fallback=LockedPlaceholder>
                    <Outlet />
                </Show>
            </main>
        </div>
        <Show when=locked>
            <OnboardingModal />
        </Show>
    }
}

/// What the locked portal shows behind the modal: the shape of a page, no content.
#[component]
fn LockedPlaceholder() -> impl IntoView {
    view! {
        <div class="locked-placeholder" data-testid="locked-placeholder">
            <div class="locked-placeholder__line locked-placeholder__line--heading"></div>
            <div class="locked-placeholder__line"></div>
            <div class="locked-placeholder__line locked-placeholder__line--short"></div>
        </div>
    }
}

/// Account, environment, language, navigation and the user's menu.
#[component]
fn TopBar() -> impl IntoView {
    let i18n = I18n::expect();
    let session = Session::expect();
    let account_name = move || {
        session.with(|s| {
            s.map(|s| s.account.display_name.clone())
                .unwrap_or_default()
        })
    };
    let partner_id =
        move || session.with(|s| s.map(|s| s.account.partner_id.clone()).unwrap_or_default());
    let user_name = move || session.with(|s| s.map(|s| s.user.name.clone()).unwrap_or_default());
    let user_role = move || {
        session.with(|s| {
            s.map(|s| i18n.t().common.role(s.user.role))
                .unwrap_or_default()
        })
    };
    view! {
        <header class="top-bar">
            <div class="top-bar__account">
                <span class="top-bar__name" data-testid="account-name">{account_name}</span>
                <span class="top-bar__partner-id">{move || (i18n.t().common.partner_id)(&partner_id())}</span>
            </div>
            <nav class="top-bar__nav" aria-label=move || i18n.t().common.main_navigation>
                <ul class="top-bar__nav-list">
                    <li>
                        <A href="/" exact=true>{move || i18n.t().common.nav_overview}</A>
                    </li>
                    <li class="top-bar__nav-group">
                        <span class="top-bar__nav-group-label" id="nav-settings">
                            {move || i18n.t().common.nav_settings}
                        </span>
                        <ul class="top-bar__nav-list" aria-labelledby="nav-settings">
                            <li>
                                <A href="/settings/contact">{move || i18n.t().common.nav_contact}</A>
                            </li>
                            <li>
                                <A href="/settings/users">{move || i18n.t().common.nav_users}</A>
                            </li>
                        </ul>
                    </li>
                    <li>
                        <A href="/help">{move || i18n.t().common.how_to_get_help}</A>
                    </li>
                </ul>
            </nav>
            <div class="top-bar__tools">
                <EnvironmentSwitcher />
                <LanguageSwitcher />
                <a class="top-bar__support" href="/help#contact-support">{move || i18n.t().common.contact_support}</a>
                <span class="top-bar__user">
                    <span data-testid="user-name">{user_name}</span>
                    <span class="top-bar__role">{user_role}</span>
                </span>
                <button type="button" class="button" on:click=move |_| session.sign_out()>
                    {move || i18n.t().common.sign_out}
                </button>
            </div>
        </header>
    }
}

/// Sandbox or Production, remembered per user; the active one is marked.
#[component]
pub fn EnvironmentSwitcher() -> impl IntoView {
    let i18n = I18n::expect();
    let session = Session::expect();
    view! {
        <fieldset class="segmented" data-testid="environment-switcher">
            <legend class="segmented__legend">{move || i18n.t().common.environment_label}</legend>
            {Environment::ALL
                .into_iter()
                .map(|environment| {
                    view! {
                        <button
                            type="button"
                            class="segmented__option"
                            aria-pressed=move || (session.environment() == environment).to_string()
                            on:click=move |_| session.set_environment(environment)
                        >
                            {move || i18n.t().common.environment(environment)}
                        </button>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
