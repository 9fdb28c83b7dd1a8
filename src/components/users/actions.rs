//! The buttons an administrator sees under a user: change the role, remove an
//! active user, resend or revoke an invitation.

use leptos::prelude::*;

use super::step::{Step, Triggers};
use crate::i18n::{Catalog, I18n};

/// One of a row's buttons.
#[derive(Clone, Copy)]
enum Action {
    ChangeRole,
    Remove,
    Resend,
    Revoke,
}

impl Action {
    /// The step the button opens; resending happens at once.
    fn opens(self) -> Option<Step> {
        match self {
            Action::ChangeRole => Some(Step::ChangeRole),
            Action::Remove => Some(Step::ConfirmRemove),
            Action::Revoke => Some(Step::ConfirmRevoke),
            Action::Resend => None,
        }
    }

    /// The start of the button's test id, which ends with the user's id.
    fn test_id(self) -> &'static str {
        match self {
            Action::ChangeRole => "change-role",
            Action::Remove => "remove",
            Action::Resend => "resend",
            Action::Revoke => "revoke",
        }
    }

    fn label(self, t: &Catalog) -> &'static str {
        match self {
            Action::ChangeRole => t.users.change_role,
            Action::Remove => t.users.remove,
            Action::Resend => t.users.resend,
            Action::Revoke => t.users.revoke,
        }
    }
}

/// A row's actions. Each names the user it acts on (`aria-describedby` the
/// name); those that open a step say whether it is open and which element it
/// is, the one that acts at once says while it runs.
#[component]
pub(super) fn RowActions(
    user_id: i64,
    /// The element with the user's name.
    name_id: String,
    /// The element of the step the buttons open.
    step_id: String,
    is_active: Memo<bool>,
    step: RwSignal<Step>,
    busy: Signal<bool>,
    triggers: Triggers,
    /// Opens the step, or closes it when it is open.
    on_toggle: Callback<Step>,
    on_resend: Callback<()>,
) -> impl IntoView {
    let i18n = I18n::expect();
    let button = move |action: Action| {
        let opens = action.opens();
        let node_ref = opens.and_then(|s| triggers.of(s)).unwrap_or_default();
        view! {
            <button
                type="button"
                class="button users-panel__action"
                data-testid=format!("{}-{user_id}", action.test_id())
                aria-describedby=name_id.clone()
                aria-disabled=opens
                    .is_none()
                    .then_some(move || if busy.get() { "true" } else { "false" })
                aria-expanded=opens
                    .map(|opens| move || if step.get() == opens { "true" } else { "false" })
                aria-controls=opens.map(|_| step_id.clone())
                node_ref=node_ref
                on:click=move |_| match opens {
                    Some(opens) => on_toggle.run(opens),
                    None => on_resend.run(()),
                }
            >
                {move || action.label(i18n.t())}
            </button>
        }
    };
    // An invitation is resent or revoked; an active user is removed.
    move || {
        let for_status = if is_active.get() {
            button(Action::Remove).into_any()
        } else {
            (button(Action::Resend), button(Action::Revoke)).into_any()
        };
        view! {
            <div class="users-panel__actions">
                {button(Action::ChangeRole)}
                {for_status}
            </div>
        }
    }
}
