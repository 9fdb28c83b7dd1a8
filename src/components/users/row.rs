//! One user of the list: name, address, role and status, and for
//! administrators the actions and the inline step they open.

use leptos::prelude::*;
use leptos::task::spawn_local;
use portal_domain::{User, UserStatus, would_remove_last_administrator};

use super::actions::RowActions;
use super::change::Change;
use super::confirm::Confirm;
use super::notice::Notice;
use super::role_picker::RolePicker;
use super::step::{Step, StepFrame, Triggers};
use super::{Shared, focus_soon};
use crate::api::Api;
use crate::components::local_date;
use crate::i18n::I18n;
use crate::state::Session;

/// A row keyed by the user's id: it reads the user from the shared list, so
/// a reload updates it in place and an open step survives.
#[component]
pub(super) fn UserRow(id: i64, shared: Shared) -> impl IntoView {
    let i18n = I18n::expect();
    let api = Api::expect();
    let session = Session::expect();
    let list = shared.list;
    let me = shared.me;
    let notice = shared.notice;
    let user = Memo::new(move |_| {
        list.with(|list| {
            list.as_ref()
                .and_then(|list| list.iter().find(|u| u.id == id).cloned())
                .unwrap_or_default()
        })
    });
    let is_self = move || me.get() == Some(id);
    let is_active = Memo::new(move |_| user.with(User::is_active));
    // The sole active administrator can be neither removed nor demoted.
    let only_administrator = Memo::new(move |_| {
        list.with(|list| {
            list.as_ref()
                .is_some_and(|list| would_remove_last_administrator(list, id, None))
        })
    });

    let step = RwSignal::new(Step::Idle);
    let busy = RwSignal::new(false);
    let triggers = Triggers::default();

    let base = shared.prefix.with_value(|p| format!("{p}-user-{id}"));
    let name_id = format!("{base}-name");
    let step_id = format!("{base}-step");
    let question_id = format!("{base}-question");
    let select_id = format!("{base}-role");
    let blocked_id = format!("{base}-blocked");

    let close = Callback::new(move |()| {
        let from = step.get_untracked();
        step.set(Step::Idle);
        if let Some(trigger) = triggers.of(from) {
            focus_soon(trigger);
        }
    });
    let toggle = Callback::new(move |which: Step| {
        if step.get_untracked() == which {
            close.run(());
        } else {
            notice.set(None);
            step.set(which);
        }
    });

    let run = Callback::new(move |change: Change| {
        if busy.get_untracked() {
            return;
        }
        let target = user.get_untracked();
        busy.set(true);
        notice.set(None);
        let api = api.clone();
        spawn_local(async move {
            let removed_self = matches!(change, Change::Remove) && me.get_untracked() == Some(id);
            let done = change.send(api, target, session).await;
            busy.try_set(false);
            match done {
                Ok(done) => {
                    let from = step.try_get_untracked().unwrap_or(Step::Idle);
                    step.try_set(Step::Idle);
                    notice.set(Some(done));
                    shared.reload.run(());
                    match change {
                        // The row is gone: the list keeps focus.
                        Change::Remove | Change::Revoke => focus_soon(shared.list_ref),
                        Change::Role(_) => {
                            if let Some(trigger) = triggers.of(from) {
                                focus_soon(trigger);
                            }
                        }
                        Change::Resend => {}
                    }
                    if removed_self {
                        session.expired();
                    }
                }
                Err(error) => {
                    let (found, stale) = Notice::of_error(error, session);
                    if stale {
                        step.try_set(Step::Idle);
                        shared.reload.run(());
                    }
                    notice.set(Some(found));
                }
            }
        });
    });

    let t = move || i18n.t();
    let busy = Signal::from(busy);
    let role_text = move || user.with(|u| t().common.role(u.role));
    let status_text = move || {
        user.with(|u| match u.status {
            UserStatus::Active => t().users.status_active.to_owned(),
            UserStatus::InvitationPending => match &u.invitation_expires_at {
                Some(at) => (t().users.status_pending)(&local_date(at, i18n.locale())),
                None => t().users.status_pending_undated.to_owned(),
            },
            UserStatus::InvitationExpired => t().users.status_expired.to_owned(),
        })
    };
    let status_class = move || {
        user.with(|u| match u.status {
            UserStatus::Active => "users-panel__badge users-panel__badge--active",
            UserStatus::InvitationPending => "users-panel__badge users-panel__badge--pending",
            UserStatus::InvitationExpired => "users-panel__badge users-panel__badge--expired",
        })
    };

    let actions = {
        let name_id = name_id.clone();
        let step_id = step_id.clone();
        move || {
            if only_administrator.get() {
                return view! {
                    <p class="users-panel__protected" data-testid=format!("only-admin-{id}")>
                        {move || t().users.only_administrator}
                    </p>
                }
                .into_any();
            }
            view! {
                <RowActions
                    user_id=id
                    name_id=name_id.clone()
                    step_id=step_id.clone()
                    is_active
                    step
                    busy
                    triggers
                    on_toggle=toggle
                    on_resend=Callback::new(move |()| run.run(Change::Resend))
                />
            }
            .into_any()
        }
    };

    let step_view = move || {
        let current = step.get();
        if only_administrator.get() {
            return None;
        }
        let body = match current {
            Step::Idle => return None,
            Step::ChangeRole => view! {
                <RolePicker
                    user_id=id
                    user
                    list
                    question_id=question_id.clone()
                    select_id=select_id.clone()
                    blocked_id=blocked_id.clone()
                    busy
                    on_save=Callback::new(move |role| run.run(Change::Role(role)))
                    on_cancel=close
                />
            }
            .into_any(),
            Step::ConfirmRemove | Step::ConfirmRevoke => {
                let removing = current == Step::ConfirmRemove;
                let question = move || {
                    user.with(|u| {
                        if !removing {
                            (t().users.confirm_revoke)(&u.name)
                        } else if is_self() {
                            t().users.confirm_remove_self.to_owned()
                        } else {
                            (t().users.confirm_remove)(&u.name)
                        }
                    })
                };
                view! {
                    <Confirm
                        question_id=question_id.clone()
                        question=Signal::derive(question)
                        test_id=format!("confirm-{id}")
                        action=if removing { |t| t.users.remove_confirm } else { |t| t.users.revoke_confirm }
                        busy
                        on_confirm=Callback::new(move |()| {
                            run.run(if removing { Change::Remove } else { Change::Revoke })
                        })
                        on_cancel=close
                    />
                }
                .into_any()
            }
        };
        Some(view! {
            <StepFrame
                id=step_id.clone()
                labelled_by=question_id.clone()
                test_id=format!("step-{id}")
                on_close=close
            >
                {body}
            </StepFrame>
        })
    };

    view! {
        <li
            class="users-panel__user"
            data-testid=format!("user-{id}")
            aria-busy=move || if busy.get() { "true" } else { "false" }
        >
            <div class="users-panel__who">
                <span class="users-panel__name" id=name_id>
                    {move || user.with(|u| u.name.clone())}
                </span>
                {move || {
                    is_self()
                        .then(|| {
                            view! { <span class="users-panel__you">{move || t().users.you}</span> }
                        })
                }}
                <span class="users-panel__email">{move || user.with(|u| u.email.clone())}</span>
            </div>
            <div class="users-panel__facts">
                <span class="users-panel__role" data-testid=format!("role-{id}")>
                    {role_text}
                </span>
                <span class=status_class data-testid=format!("status-{id}")>
                    {status_text}
                </span>
            </div>
            {move || shared.can_manage.get().then(&actions)}
            {step_view}
        </li>
    }
}
