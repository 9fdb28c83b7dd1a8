//! The users panel: the account's users and pending invitations, and for
//! administrators the form that invites a colleague.
//!
//! `mod.rs` wires the panel (its notices, the list, the form); each row
//! ([`row`]) shows one user's facts and the actions on them ([`actions`]),
//! which open an inline step ([`step`]): the role picker ([`role_picker`]) or
//! a confirmation ([`confirm`]), and send a [`change`].

mod actions;
mod change;
mod confirm;
mod invite_form;
mod notice;
mod role_picker;
mod row;
mod step;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use leptos::html::{self, ElementType};
use leptos::prelude::*;
use portal_domain::User;
use wasm_bindgen::JsCast;

use crate::api::ApiError;
use crate::i18n::I18n;
use crate::state::{AccountData, Loaded, Session};
use invite_form::InviteForm;
use notice::Notice;
use row::UserRow;

/// Element ids must stay unique when the panel is shown twice (the
/// onboarding modal over Settings → Users), so each instance numbers itself.
static PANELS: AtomicUsize = AtomicUsize::new(0);

/// Focuses `target` once the view has caught up (an element that has just
/// appeared, or the one to return to after something closed).
fn focus_soon<E>(target: NodeRef<E>)
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    set_timeout(
        move || {
            if let Some(element) = target.get_untracked() {
                let _ = element.unchecked_ref::<web_sys::HtmlElement>().focus();
            }
        },
        Duration::ZERO,
    );
}

/// What the panel shares with each row.
#[derive(Clone, Copy)]
struct Shared {
    prefix: StoredValue<String>,
    list: Memo<Option<Vec<User>>>,
    me: Memo<Option<i64>>,
    can_manage: Memo<bool>,
    notice: RwSignal<Option<Notice>>,
    reload: Callback<()>,
    /// Where focus goes when the row that had it disappears.
    list_ref: NodeRef<html::Ul>,
}

/// The account's users and pending invitations. Everyone sees the list;
/// administrators also invite, change roles, resend or revoke invitations and
/// remove users, with the last-administrator rule explained before the server
/// would refuse.
#[component]
pub fn UsersPanel(
    /// Tightens spacing, for the onboarding modal's Users tab.
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let i18n = I18n::expect();
    let session = Session::expect();
    let prefix = format!("users-panel-{}", PANELS.fetch_add(1, Ordering::Relaxed));

    // The account's users, shared with the rest of the portal (the
    // onboarding modal's other tab, the overview).
    let data = AccountData::expect();
    data.ensure_users();
    let users = data.users();
    // The last list that loaded, so a failed refresh doesn't empty the screen.
    let list = Memo::new(move |previous: Option<&Option<Vec<User>>>| {
        users.with(|users| match users {
            Loaded::Ready(list) => Some(list.clone()),
            _ => previous.cloned().flatten(),
        })
    });
    let load_problem = Memo::new(move |_| {
        users.with(|users| users.error().map(|error| Notice::classify(error).0))
    });
    // Rows are keyed by user, so only this, not every new list, rebuilds them.
    let loaded = Memo::new(move |_| list.with(Option::is_some));
    let me = Memo::new(move |_| session.with(|s| s.map(|s| s.user.id)));
    let can_manage =
        Memo::new(move |_| session.with(|s| s.is_some_and(|s| s.user.role.can_manage_users())));
    let notice = RwSignal::new(None::<Notice>);
    let reload = Callback::new(move |()| data.reload_users());
    let list_ref = NodeRef::<html::Ul>::new();
    let shared = Shared {
        prefix: StoredValue::new(prefix.clone()),
        list,
        me,
        can_manage,
        notice,
        reload,
        list_ref,
    };

    let t = move || i18n.t();
    let success = move || notice.get().filter(|n| !n.is_error()).map(|n| n.text(t()));
    let failure = move || notice.get().filter(Notice::is_error).map(|n| n.text(t()));

    let on_invited = Callback::new(move |user: User| {
        notice.set(Some(Notice::Invited { email: user.email }));
        data.reload_users();
    });
    let on_error = Callback::new(move |error: ApiError| {
        let (found, stale) = Notice::of_error(error, session);
        notice.set(Some(found));
        if stale {
            data.reload_users();
        }
    });

    view! {
        // Both hosts name the panel already (the page's heading, the modal's
        // tab), so it has no heading of its own.
        <section
            class="users-panel"
            class:users-panel--compact=compact
            aria-label=move || t().users.heading
        >
            <div
                class="users-panel__status"
                role="status"
                aria-live="polite"
                data-testid="users-status"
            >
                {move || success().map(|text| view! { <p class="users-panel__success">{text}</p> })}
            </div>
            <div class="users-panel__alert" role="alert" data-testid="users-alert">
                {move || failure().map(|text| view! { <p class="users-panel__error">{text}</p> })}
            </div>
            <Show when=move || !can_manage.get()>
                <p class="users-panel__note" data-testid="users-read-only">
                    {move || t().users.managers_only}
                </p>
            </Show>
            {move || {
                let retry = move |_| data.reload_users();
                let problem = load_problem.get();
                match (loaded.get(), problem) {
                    (false, None) => {
                        Some(
                            view! { <p class="users-panel__loading">{move || t().users.loading}</p> }
                                .into_any(),
                        )
                    }
                    (loaded, Some(problem)) => {
                        let text = move || {
                            if loaded && problem == Notice::Unreachable {
                                t().users.refresh_failed.to_owned()
                            } else {
                                problem.text(t())
                            }
                        };
                        Some(
                            view! {
                                <div
                                    class="users-panel__load-error"
                                    role="alert"
                                    data-testid="users-load-error"
                                >
                                    <p>{text}</p>
                                    <button type="button" class="button" on:click=retry>
                                        {move || t().common.retry}
                                    </button>
                                </div>
                            }
                                .into_any(),
                        )
                    }
                    (true, None) => None,
                }
            }}
            <Show when=move || loaded.get()>
                <ul
                    class="users-panel__list"
                    data-testid="users-list"
                    tabindex="-1"
                    aria-label=move || t().users.heading
                    node_ref=list_ref
                >
                    <For each=move || list.get().unwrap_or_default() key=|user| user.id let:user>
                        <UserRow id=user.id shared />
                    </For>
                </ul>
            </Show>
            <Show when=move || can_manage.get()>
                <InviteForm prefix=prefix.clone() on_invited on_error />
            </Show>
        </section>
    }
}
