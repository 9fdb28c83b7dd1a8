//! Settings → Contact information and Settings → Users.

mod transfer;

use leptos::prelude::*;
use portal_domain::{ContactInfoResponse, FieldChange, HistoryEntry};

use crate::api::Api;
use crate::components::end_user_preview::EndUserPreview;
use crate::components::local_date::local_date_time;
use crate::components::{ContactForm, UsersPanel, WithContactAndUsers};
use crate::i18n::I18n;
use crate::state::{AccountData, Announcer, Resource, Session};
use transfer::ContactTransfer;

/// The onboarding form again, pre-filled, with who saved last and the history.
///
/// A save keeps the page as it is: the server's answer becomes the shared
/// copy, the form stays mounted with its "Saved" message and focus, and only
/// the history reloads.
#[component]
pub fn ContactSettings() -> impl IntoView {
    let i18n = I18n::expect();
    let session = Session::expect();
    let announcer = Announcer::expect();
    let data = AccountData::expect();
    data.visit(&[Resource::Contact, Resource::Users, Resource::Addresses]);
    let contact = data.contact();
    // Bumped after a save so the history panel reloads.
    let saves = RwSignal::new(0u32);
    let editable = move || session.with(|s| s.is_some_and(|s| s.user.role.can_edit_contact_info()));
    let on_saved = Callback::new(move |saved: ContactInfoResponse| {
        data.set_contact(saved);
        announcer.announce(i18n.t().settings.saved);
        saves.update(|n| *n += 1);
    });
    // Bumped after an import is saved: the form starts again from it.
    let imports = RwSignal::new(0u32);
    let on_imported = Callback::new(move |saved: ContactInfoResponse| {
        data.set_contact(saved);
        // A save is also this year's review.
        session.mark_saved();
        saves.update(|n| *n += 1);
        imports.update(|n| *n += 1);
    });
    let updated = move || {
        contact.with(|c| {
            c.ready()
                .and_then(|c| c.updated_by.clone().zip(c.updated_at.clone()))
        })
    };
    view! {
        <h1 tabindex="-1">{move || i18n.t().shell.nav_contact}</h1>
        {move || {
            updated()
                .map(|(who, when)| {
                    view! {
                        <p class="settings__updated" data-testid="last-updated">
                            {move || (i18n.t().settings.last_updated)(&who, &local_date_time(&when, i18n.locale()))}
                        </p>
                    }
                })
        }}
        <WithContactAndUsers ready=move |_, _| {
            let editable = editable();
            let form = move || {
                imports.track();
                let contact = data.contact().with_untracked(|c| c.ready().cloned())?;
                let users = data.users().with_untracked(|u| u.ready().cloned())?;
                Some(view! { <ContactForm data=contact users=users on_saved=on_saved editable=editable /> })
            };
            view! {
                <Show when=move || !editable>
                    <p class="notice">{move || i18n.t().settings.read_only}</p>
                </Show>
                {form}
                <ContactTransfer editable=editable on_imported=on_imported />
            }
                .into_any()
        } />
        <EndUserPreview />
        <HistoryPanel saves=saves />
    }
}

/// Who changed what and when, newest first, a page at a time.
#[component]
fn HistoryPanel(saves: RwSignal<u32>) -> impl IntoView {
    let i18n = I18n::expect();
    let session = Session::expect();
    let api = Api::expect();
    let page = RwSignal::new(1u32);
    let history = LocalResource::new(move || {
        let api = api.clone();
        let page = page.get();
        saves.track();
        async move { api.history(page).await.map_err(|e| session.check(e)) }
    });
    view! {
        <section class="history" aria-labelledby="history-heading" data-testid="history">
            <h2 id="history-heading">{move || i18n.t().settings.history_heading}</h2>
            <Transition fallback=move || view! { <p role="status">{move || i18n.t().common.loading}</p> }>
                {move || Suspend::new(async move {
                    match history.await {
                        Ok(result) if result.entries.is_empty() => {
                            view! { <p>{move || i18n.t().settings.history_empty}</p> }.into_any()
                        }
                        Ok(result) => {
                            let pages = result.total.div_ceil(u64::from(result.per_page)).max(1) as u32;
                            let current = result.page;
                            view! {
                                <ol class="history__entries">
                                    {result.entries.into_iter().map(|entry| view! { <HistoryItem entry=entry /> }).collect_view()}
                                </ol>
                                <nav class="history__pages" aria-label=move || i18n.t().settings.history_pages>
                                    <button type="button" class="button" disabled={current <= 1} on:click=move |_| page.set(current - 1)>
                                        {move || i18n.t().settings.newer}
                                    </button>
                                    <span>{move || (i18n.t().settings.page_of)(current, pages)}</span>
                                    <button type="button" class="button" disabled={current >= pages} on:click=move |_| page.set(current + 1)>
                                        {move || i18n.t().settings.older}
                                    </button>
                                </nav>
                            }
                                .into_any()
                        }
                        Err(_) => view! {
                            <p role="alert" class="notice notice--error">{move || i18n.t().common.server_unreachable}</p>
                        }
                            .into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn HistoryItem(entry: HistoryEntry) -> impl IntoView {
    let i18n = I18n::expect();
    let HistoryEntry {
        at,
        actor_name,
        changes,
        ..
    } = entry;
    view! {
        <li class="history__entry" data-testid="history-entry">
            <p class="history__who">
                {move || (i18n.t().settings.changed_by)(&actor_name, &local_date_time(&at, i18n.locale()))}
            </p>
            <ChangeList changes=changes />
        </li>
    }
}

/// Each changed field with its value before → after, as the history and an
/// import's preview show them.
#[component]
pub fn ChangeList(changes: Vec<FieldChange>) -> impl IntoView {
    let i18n = I18n::expect();
    let none = move || i18n.t().settings.empty_value;
    view! {
        <dl class="history__changes">
            {changes
                .into_iter()
                .map(|change| {
                    let FieldChange { field, before, after } = change;
                    let (before, after) = (before.join(", "), after.join(", "));
                    view! {
                        <dt>{move || i18n.t().settings.field_name(&field)}</dt>
                        <dd>
                            <span class="history__before">
                                {move || if before.is_empty() { none().to_owned() } else { before.clone() }}
                            </span>
                            " → "
                            <span class="history__after">
                                {move || if after.is_empty() { none().to_owned() } else { after.clone() }}
                            </span>
                        </dd>
                    }
                })
                .collect_view()}
        </dl>
    }
}

/// The account's users, with management for administrators.
#[component]
pub fn UsersSettings() -> impl IntoView {
    let i18n = I18n::expect();
    AccountData::expect().visit(&[Resource::Users]);
    view! {
        <h1 tabindex="-1">{move || i18n.t().shell.nav_users}</h1>
        <UsersPanel />
    }
}
