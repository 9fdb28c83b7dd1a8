//! Waiting for the account's contact information and users, as every screen
//! that shows the contact form does.

use leptos::prelude::*;
use portal_domain::{ContactInfoResponse, User};

use crate::i18n::I18n;
use crate::state::{AccountData, Loaded};

/// "Loading…" until both have arrived, then `ready` with them; a notice with
/// Try again if either failed. `ready` runs once: a later update of either
/// (a save's answer, the Users tab inviting someone) never rebuilds what it
/// made, so nothing the user typed is replaced under them.
#[component]
pub fn WithContactAndUsers<F>(ready: F) -> impl IntoView
where
    F: Fn(ContactInfoResponse, Vec<User>) -> AnyView + Send + Sync + 'static,
{
    let i18n = I18n::expect();
    let data = AccountData::expect();
    let (contact, users) = (data.contact(), data.users());
    let loaded = Memo::new(move |_| contact.with(Loaded::is_ready) && users.with(Loaded::is_ready));
    let failed = Memo::new(move |_| {
        contact.with(|c| c.error().is_some()) || users.with(|u| u.error().is_some())
    });
    let retry = move |_| {
        if contact.with_untracked(|c| c.error().is_some()) {
            data.reload_contact();
        }
        if users.with_untracked(|u| u.error().is_some()) {
            data.reload_users();
        }
    };
    move || {
        if loaded.get() {
            let contact = contact.with_untracked(|c| c.ready().cloned());
            let users = users.with_untracked(|u| u.ready().cloned());
            match (contact, users) {
                // `ready` runs once: nothing it reads may run it again.
                (Some(contact), Some(users)) => untrack(|| ready(contact, users)),
                _ => ().into_any(),
            }
        } else if failed.get() {
            view! {
                <div role="alert" class="notice notice--error">
                    <p>{move || i18n.t().common.server_unreachable}</p>
                    <button type="button" class="button" on:click=retry>
                        {move || i18n.t().common.retry}
                    </button>
                </div>
            }
            .into_any()
        } else {
            view! { <p role="status">{move || i18n.t().common.loading}</p> }.into_any()
        }
    }
}
