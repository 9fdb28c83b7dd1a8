//! The blocking onboarding modal: nothing else in the portal can be used until
//! the account's contact information is complete.

use leptos::prelude::*;
use portal_domain::{ContactField, ContactInfoResponse, ReviewState, Role, User};

use crate::components::contact_form::FormActionsSlot;
use crate::components::focus::{focus_main_heading, trap_tab};
use crate::components::tabs::{Tab, TabList, TabPanel};
use crate::components::{ContactForm, LanguageSwitcher, UsersPanel, WithContactAndUsers};
use crate::i18n::I18n;
use crate::state::{AccountData, Announcer, Loaded, Session};

/// The modal dialog (APG "Modal Dialog"): focus moves in on open, Tab wraps
/// inside, Escape does nothing (it cannot be dismissed), and the portal behind
/// it is inert. It closes only when the contact information is saved or the
/// user signs out.
#[component]
pub fn OnboardingModal() -> impl IntoView {
    let i18n = I18n::expect();
    let session = Session::expect();
    let announcer = Announcer::expect();
    let active = RwSignal::new("contact");
    let dialog = NodeRef::<leptos::html::Div>::new();
    let title = NodeRef::<leptos::html::H2>::new();
    let actions = NodeRef::<leptos::html::Div>::new();
    provide_context(FormActionsSlot(actions));

    Effect::new(move |_| {
        if let Some(title) = title.get() {
            let _ = title.focus();
        }
    });

    // What the two tabs show, loaded once, in parallel, and shared with them.
    let data = AccountData::expect();
    data.ensure_contact();
    data.ensure_users();
    let on_saved = Callback::new(move |saved: ContactInfoResponse| {
        // The page behind mounts with the saved copy: nothing is asked again.
        let complete = saved.complete;
        data.set_contact(saved);
        if !complete {
            // Someone else's incomplete save, taken in while confirming: the
            // modal stays, with their version.
            return;
        }
        session.mark_complete();
        announcer.announce(i18n.t().gate.unlocked);
        // The dialog is gone on the next frame; the page heading takes focus.
        request_animation_frame(focus_main_heading);
    });

    let (contact, users) = (data.contact(), data.users());
    let loading = move || {
        contact.with(|c| matches!(c, Loaded::Idle | Loaded::Loading))
            || users.with(|u| matches!(u, Loaded::Idle | Loaded::Loading))
    };

    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" {
            // The modal cannot be dismissed: only saving or signing out closes it.
            ev.prevent_default();
            ev.stop_propagation();
            return;
        }
        if let Some(dialog) = dialog.get() {
            trap_tab(&dialog, &ev);
        }
    };

    let role = move || session.with(|s| s.map_or(Role::ReadOnly, |s| s.user.role));
    // Back because the yearly review ran out, not because anything is missing.
    let overdue = move || session.review_state() == ReviewState::Overdue;
    let tabs = vec![
        Tab {
            id: "contact",
            label: Signal::derive(move || i18n.t().gate.tab_contact.to_owned()),
        },
        Tab {
            id: "users",
            label: Signal::derive(move || i18n.t().gate.tab_users.to_owned()),
        },
    ];

    view! {
        <div class="modal-backdrop">
            <div
                class="modal"
                role="dialog"
                aria-modal="true"
                aria-labelledby="onboarding-title"
                aria-describedby="onboarding-intro"
                data-testid="onboarding-modal"
                node_ref=dialog
                on:keydown=on_keydown
            >
                <div class="modal__title-row">
                    <h2 id="onboarding-title" class="modal__title" tabindex="-1" node_ref=title>
                        {move || if overdue() { i18n.t().review.modal_title } else { i18n.t().gate.title }}
                    </h2>
                    <a class="modal__support" href="/help#contact-support" target="_blank" rel="noopener" data-testid="modal-support">
                        <span class="icon icon--support" aria-hidden="true"></span>
                        {move || i18n.t().common.contact_support}
                        <span class="visually-hidden">{move || i18n.t().common.opens_new_tab}</span>
                    </a>
                </div>
                <div class="modal__scroll">
                    <div class="modal__intro">
                        <p id="onboarding-intro">
                            {move || if overdue() { i18n.t().review.modal_intro } else { i18n.t().gate.intro }}
                        </p>
                        <p class="modal__account-wide">{move || i18n.t().gate.account_wide}</p>
                    </div>
                    <TabList tabs=tabs active=active label=Signal::derive(move || i18n.t().gate.tabs_label.to_owned()) />
                    <div class="modal__body">
                        <WithContactAndUsers ready=move |contact, users| {
                            view! {
                                <TabPanel id="contact" active=active>
                                    {if role().can_edit_contact_info() {
                                        view! { <ContactForm data=contact users=users on_saved=on_saved /> }.into_any()
                                    } else {
                                        view! { <ReadOnlyExplanation users=users /> }.into_any()
                                    }}
                                </TabPanel>
                                <TabPanel id="users" active=active>
                                    <p>{move || i18n.t().gate.users_intro}</p>
                                    <UsersPanel compact=true />
                                </TabPanel>
                                // Only below the loaded tabs: shown under "Loading…" it would be
                                // pushed out of view when they arrive, a layout shift.
                                <p class="modal__edit-later">{move || i18n.t().gate.edit_later}</p>
                            }
                                .into_any()
                        } />
                    </div>
                </div>
                // Always in view below the scrolling part: the contact form's
                // Save bar, then help, language and sign-out.
                <div class="modal__bottom">
                    <div class="modal__actions" node_ref=actions hidden=move || active.get() != "contact">
                        <Show when=move || loading() && role().can_edit_contact_info()>
                            <FooterPlaceholder />
                        </Show>
                    </div>
                    <footer class="modal__footer">
                        <a href="/help" target="_blank" rel="noopener" data-testid="modal-help">
                            <span class="icon icon--help" aria-hidden="true"></span>
                            {move || i18n.t().common.how_to_get_help}
                            <span class="visually-hidden">{move || i18n.t().common.opens_new_tab}</span>
                        </a>
                        <LanguageSwitcher />
                        <button type="button" class="button button--text" on:click=move |_| session.sign_out()>
                            {move || i18n.t().shell.sign_out}
                        </button>
                    </footer>
                </div>
            </div>
        </div>
    }
}

/// The contact form's Save bar as it first shows, while the form loads: the
/// bar keeps its height, so nothing moves when the form's own bar replaces it.
#[component]
fn FooterPlaceholder() -> impl IntoView {
    let i18n = I18n::expect();
    let session = Session::expect();
    let required = move || {
        let merchant = session.with(|s| s.is_some_and(|s| s.account.merchant_contact_required()));
        ContactField::applying(merchant).count()
    };
    view! {
        <div class="contact-form__footer" aria-hidden="true">
            <p class="contact-form__progress">{move || (i18n.t().shell.progress)(0, required())}</p>
            <button type="button" class="button button--primary contact-form__save" disabled>
                {move || i18n.t().form.save}
            </button>
        </div>
    }
}

/// What a read-only user sees instead of the form: why the portal is locked
/// and whom to ask.
#[component]
fn ReadOnlyExplanation(users: Vec<User>) -> impl IntoView {
    let i18n = I18n::expect();
    let session = Session::expect();
    let overdue = move || session.review_state() == ReviewState::Overdue;
    let editors: Vec<User> = users
        .into_iter()
        .filter(|u| u.is_active() && u.role.can_edit_contact_info())
        .collect();
    let nobody = editors.is_empty();
    view! {
        <section class="read-only-gate" data-testid="read-only-gate" aria-labelledby="read-only-heading">
            <h3 id="read-only-heading">
                {move || if overdue() { i18n.t().review.read_only_heading } else { i18n.t().gate.read_only_heading }}
            </h3>
            <p>{move || if overdue() { i18n.t().review.read_only_body } else { i18n.t().gate.read_only_body }}</p>
            <Show when=move || nobody>
                <p>{move || i18n.t().gate.read_only_nobody}</p>
            </Show>
            <ul class="read-only-gate__people">
                {editors
                    .into_iter()
                    .map(|user| {
                        let role = user.role;
                        let mailto = format!("mailto:{}", user.email);
                        view! {
                            <li>
                                <strong>{user.name.clone()}</strong>
                                " · "
                                {move || i18n.t().common.role(role)}
                                " · "
                                <a href=mailto>{user.email.clone()}</a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
