//! The signed-in portal: the shell around every page, and the gate that keeps
//! it locked behind the onboarding modal until the contact information is complete.

use leptos::prelude::*;
use leptos_router::components::{A, Outlet};
use leptos_router::hooks::use_location;
use portal_domain::{Environment, ReviewState};

use crate::components::local_date::local_date;
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
    let session = Session::expect();
    let location = use_location();

    // A signed-out visit becomes the front door's sign-in (a new page; see
    // [`crate::FrontDoor`]) that returns here. Only the session is tracked;
    // the address is read as it is when the session ends.
    Effect::new(move |_| {
        if session.checked() && !session.is_signed_in() {
            let here = format!(
                "{}{}",
                location.pathname.get_untracked(),
                location.search.get_untracked()
            );
            let next = js_sys::encode_uri_component(&here);
            let _ = window()
                .location()
                .replace(&format!("/sign-in?next={next}"));
        }
    });

    view! {
        <Show
            when=move || session.is_signed_in()
            fallback=move || view! { <SessionPending /> }
        >
            <SignedIn />
        </Show>
    }
}

/// What the portal shows until it knows who is signed in: that it is
/// opening, or, when the server could not be reached, what to do about it.
#[component]
fn SessionPending() -> impl IntoView {
    let i18n = I18n::expect();
    let session = Session::expect();
    view! {
        <Show
            when=move || session.unreachable()
            fallback=move || view! { <p class="page" role="status">{move || i18n.t().gate.checking_session}</p> }
        >
            <div class="page" role="alert" data-testid="session-unreachable">
                <p>{move || i18n.common().server_unreachable}</p>
                <button type="button" class="button" data-testid="session-retry" on:click=move |_| session.load()>
                    {move || i18n.common().retry}
                </button>
            </div>
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
    let data = AccountData::provide();
    let session = Session::expect();
    let locked = move || session.with(|s| s.is_some_and(|s| !s.contact_info_complete));
    if session
        .get_untracked()
        .is_some_and(|s| !s.contact_info_complete)
    {
        // What the modal shows, asked for before the shell is built, so the
        // requests travel while it is.
        data.ensure_contact();
        data.ensure_users();
    }
    view! {
        <div class="portal" inert=locked aria-hidden=move || locked().then_some("true")>
            <Shell />
            <main id="main" class="page">
                <Show when=move || !locked() fallback=LockedPlaceholder>
                    <ReviewBanner />
                    <Outlet />
                </Show>
            </main>
        </div>
        <Show when=locked>
            <OnboardingModal />
        </Show>
    }
}

/// On every page once the yearly review is due, for the people who can do
/// it: when the contact information was last checked, when the portal locks,
/// and the way to the form (which offers "Confirm it is still correct").
#[component]
fn ReviewBanner() -> impl IntoView {
    let i18n = I18n::expect();
    let session = Session::expect();
    let due = move || {
        session.with(|s| {
            s.filter(|s| s.review.state == ReviewState::Due && s.user.role.can_edit_contact_info())
                .map(|s| (s.review.reviewed_at.clone(), s.review.lock_at.clone()))
        })
    };
    move || {
        let (Some(reviewed_at), Some(lock_at)) = due()? else {
            return None;
        };
        Some(view! {
            <section class="notice notice--warning review-banner" aria-label=move || i18n.t().review.banner_label data-testid="review-banner">
                <span class="icon icon--warning" aria-hidden="true"></span>
                <p>
                    {move || {
                        let locale = i18n.locale();
                        (i18n.t().review.banner)(&local_date(&reviewed_at, locale), &local_date(&lock_at, locale))
                    }}
                </p>
                <A href="/settings/contact">{move || i18n.t().review.review_now}</A>
            </section>
        })
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

/// The top app bar (product, account, environment, Contact support, the
/// user's menu) and the navigation: a rail beside the page on wide screens,
/// a drawer behind the Menu button on narrow ones.
#[component]
fn Shell() -> impl IntoView {
    let i18n = I18n::expect();
    let session = Session::expect();
    // Behind the onboarding modal the shell is inert and dimmed: its contents
    // are built in the next task, so on a phone the modal's build comes first
    // and neither blocks the page for long. The bar and the rail keep their
    // size meanwhile (style/shell.css), so nothing moves when they fill.
    let built = RwSignal::new(
        session
            .get_untracked()
            .is_none_or(|s| s.contact_info_complete),
    );
    if !built.get_untracked() {
        set_timeout(
            move || {
                built.try_set(true);
            },
            std::time::Duration::ZERO,
        );
    }
    let drawer_open = RwSignal::new(false);
    let menu_button = NodeRef::<leptos::html::Button>::new();
    let drawer = NodeRef::<leptos::html::Div>::new();
    let account_name = move || {
        session.with(|s| {
            s.map(|s| s.account.display_name.clone())
                .unwrap_or_default()
        })
    };
    let partner_id =
        move || session.with(|s| s.map(|s| s.account.partner_id.clone()).unwrap_or_default());
    let close_drawer = move |refocus: bool| {
        drawer_open.set(false);
        if refocus && let Some(button) = menu_button.get_untracked() {
            let _ = button.focus();
        }
    };
    let toggle_drawer = move |_| {
        let open = !drawer_open.get_untracked();
        drawer_open.set(open);
        if open {
            // The drawer is shown on the next frame; its first link takes focus.
            request_animation_frame(move || {
                let first = drawer.get_untracked().and_then(|d| {
                    crate::components::focus::focusable_in(&d)
                        .into_iter()
                        .next()
                });
                if let Some(first) = first {
                    let _ = first.focus();
                }
            });
        }
    };
    view! {
        <header class="top-bar top-bar--app">
            <Show when=move || built.get()>
                <button
                    type="button"
                    class="icon-button top-bar__menu"
                    aria-expanded=move || drawer_open.get().to_string()
                    aria-controls="portal-drawer"
                    data-testid="menu-button"
                    node_ref=menu_button
                    on:click=toggle_drawer
                >
                    <span class="icon icon--menu" aria-hidden="true"></span>
                    <span class="visually-hidden">{move || i18n.t().shell.menu}</span>
                </button>
                <div class="top-bar__account">
                    <span class="top-bar__product">{move || i18n.t().common.app_name}</span>
                    <span class="top-bar__account-line">
                        <span class="top-bar__account-name" data-testid="account-name">{account_name}</span>
                        <span class="top-bar__partner-id">{move || (i18n.t().common.partner_id)(&partner_id())}</span>
                    </span>
                </div>
                <div class="top-bar__tools">
                    <EnvironmentSwitcher />
                    <SupportLink />
                </div>
                <UserMenu />
            </Show>
        </header>
        <div
            id="portal-drawer"
            class="drawer"
            class:drawer--open=move || drawer_open.get()
            data-testid="drawer"
            node_ref=drawer
            on:keydown=move |ev: web_sys::KeyboardEvent| {
                if ev.key() == "Escape" && drawer_open.get_untracked() {
                    close_drawer(true);
                }
            }
            on:click=move |ev: web_sys::MouseEvent| {
                // Choosing a page closes the drawer on narrow screens.
                use wasm_bindgen::JsCast;
                let on_link = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .and_then(|t| t.closest("a").ok().flatten())
                    .is_some();
                if on_link {
                    close_drawer(false);
                }
            }
        >
            <Show when=move || built.get()>
                <NavRail />
                // On narrow screens the top bar has no room for these.
                <div class="drawer__tools">
                    <EnvironmentSwitcher />
                    <SupportLink />
                </div>
            </Show>
        </div>
    }
}

/// The portal's pages, in the rail (a drawer on narrow screens).
#[component]
fn NavRail() -> impl IntoView {
    let i18n = I18n::expect();
    let nav_link = move |href: &'static str,
                         icon: &'static str,
                         label: fn(&crate::i18n::Catalog) -> &'static str| {
        view! {
            <li>
                <A href=href exact=true>
                    <span class=format!("icon icon--{icon}") aria-hidden="true"></span>
                    {move || label(i18n.t())}
                </A>
            </li>
        }
    };
    view! {
        <nav class="rail" aria-label=move || i18n.t().shell.main_navigation>
            <ul class="rail__list">
                {nav_link("/", "home", |t| t.shell.nav_overview)}
                <li class="rail__group">
                    <span class="rail__group-label" id="nav-settings">
                        {move || i18n.t().shell.nav_settings}
                    </span>
                    <ul class="rail__list" aria-labelledby="nav-settings">
                        {nav_link("/settings/contact", "mail", |t| t.shell.nav_contact)}
                        {nav_link("/settings/users", "people", |t| t.shell.nav_users)}
                    </ul>
                </li>
                {nav_link("/help", "help", |t| t.shell.nav_help)}
            </ul>
        </nav>
    }
}

/// Contact support, from the top bar and the drawer.
#[component]
fn SupportLink() -> impl IntoView {
    let i18n = I18n::expect();
    view! {
        <a class="top-bar__support" href="/help#contact-support">
            <span class="icon icon--support" aria-hidden="true"></span>
            {move || i18n.t().common.contact_support}
        </a>
    }
}

/// The user's own menu: who is signed in, in which role, the language and
/// Sign out (a disclosure: Escape or leaving it closes it).
#[component]
fn UserMenu() -> impl IntoView {
    let i18n = I18n::expect();
    let session = Session::expect();
    let open = RwSignal::new(false);
    let button = NodeRef::<leptos::html::Button>::new();
    let wrapper = NodeRef::<leptos::html::Div>::new();
    let user_name = move || session.with(|s| s.map(|s| s.user.name.clone()).unwrap_or_default());
    let initial = move || {
        user_name()
            .chars()
            .next()
            .map(|c| c.to_uppercase().to_string())
            .unwrap_or_default()
    };
    let user_role = move || {
        session.with(|s| {
            s.map(|s| i18n.t().common.role(s.user.role))
                .unwrap_or_default()
        })
    };
    view! {
        <div
            class="user-menu"
            node_ref=wrapper
            on:keydown=move |ev: web_sys::KeyboardEvent| {
                if ev.key() == "Escape" && open.try_get_untracked() == Some(true) {
                    open.set(false);
                    if let Some(button) = button.get_untracked() {
                        let _ = button.focus();
                    }
                }
            }
            on:focusout=move |ev: web_sys::FocusEvent| {
                use wasm_bindgen::JsCast;
                // Also fired while the menu is removed (after signing out):
                // then there is nothing left to close.
                let into = ev.related_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
                let inside = wrapper
                    .try_get_untracked()
                    .flatten()
                    .is_some_and(|w| into.is_some_and(|n| w.contains(Some(&n))));
                if !inside {
                    let _ = open.try_set(false);
                }
            }
        >
            <button
                type="button"
                class="user-menu__button"
                aria-expanded=move || open.get().to_string()
                aria-controls="user-menu"
                data-testid="user-menu-button"
                node_ref=button
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span class="user-menu__avatar" aria-hidden="true">{initial}</span>
                <span class="visually-hidden">{move || i18n.t().shell.user_menu}</span>
                <span class="user-menu__button-name">{user_name}</span>
            </button>
            <div id="user-menu" class="user-menu__panel" hidden=move || !open.get()>
                <p class="user-menu__who">
                    <span class="user-menu__name" data-testid="user-name">{user_name}</span>
                    <span class="user-menu__role">{user_role}</span>
                </p>
                <LanguageSwitcher />
                <button type="button" class="button" on:click=move |_| session.sign_out()>
                    {move || i18n.t().shell.sign_out}
                </button>
            </div>
        </div>
    }
}

/// Sandbox or Production, remembered per user; the active one is marked.
#[component]
pub fn EnvironmentSwitcher() -> impl IntoView {
    let i18n = I18n::expect();
    let session = Session::expect();
    view! {
        <fieldset class="segmented" data-testid="environment-switcher">
            <legend class="segmented__legend">{move || i18n.t().shell.environment_label}</legend>
            {Environment::ALL
                .into_iter()
                .map(|environment| {
                    view! {
                        <button
                            type="button"
                            class=match environment {
                                Environment::Sandbox => "segmented__option",
                                Environment::Production => "segmented__option segmented__option--production",
                            }
                            aria-pressed=move || (session.environment() == environment).to_string()
                            on:click=move |_| session.set_environment(environment)
                        >
                            {move || i18n.t().shell.environment(environment)}
                        </button>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
