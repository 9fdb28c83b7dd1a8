//! The inline step a row opens below its facts (change the role, confirm a
//! removal or a revocation): which one is open, the group that holds it and
//! the two buttons that end it.

use leptos::html;
use leptos::prelude::*;

use crate::i18n::{Catalog, I18n};

/// Which inline step a row shows below its facts.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Step {
    Idle,
    ChangeRole,
    ConfirmRemove,
    ConfirmRevoke,
}

/// The buttons that open each step, where focus returns when it closes.
#[derive(Clone, Copy, Default)]
pub(super) struct Triggers {
    pub change_role: NodeRef<html::Button>,
    pub remove: NodeRef<html::Button>,
    pub revoke: NodeRef<html::Button>,
}

impl Triggers {
    pub(super) fn of(self, step: Step) -> Option<NodeRef<html::Button>> {
        match step {
            Step::ChangeRole => Some(self.change_role),
            Step::ConfirmRemove => Some(self.remove),
            Step::ConfirmRevoke => Some(self.revoke),
            Step::Idle => None,
        }
    }
}

/// The group around an open step, named by its question; Escape closes it.
#[component]
pub(super) fn StepFrame(
    /// The element id the opening button's `aria-controls` names.
    id: String,
    labelled_by: String,
    test_id: String,
    on_close: Callback<()>,
    children: Children,
) -> impl IntoView {
    let on_escape = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            on_close.run(());
        }
    };
    view! {
        <div
            id=id
            class="users-panel__step"
            role="group"
            aria-labelledby=labelled_by
            data-testid=test_id
            on:keydown=on_escape
        >
            {children()}
        </div>
    }
}

/// The step's action and Cancel. While the request runs the action says so;
/// while `blocked` it explains itself elsewhere and does nothing.
#[component]
pub(super) fn StepButtons(
    test_id: String,
    /// The action button's classes.
    class: &'static str,
    label: fn(&Catalog) -> &'static str,
    busy: Signal<bool>,
    #[prop(optional, into)] blocked: Signal<bool>,
    #[prop(optional)] node_ref: NodeRef<html::Button>,
    on_act: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = I18n::expect();
    let t = move || i18n.t();
    view! {
        <div class="users-panel__step-buttons">
            <button
                type="button"
                class=class
                data-testid=test_id
                node_ref=node_ref
                aria-disabled=move || if busy.get() || blocked.get() { "true" } else { "false" }
                on:click=move |_| {
                    if !blocked.get_untracked() {
                        on_act.run(());
                    }
                }
            >
                {move || if busy.get() { t().users.working } else { label(t()) }}
            </button>
            <button type="button" class="button" on:click=move |_| on_cancel.run(())>
                {move || t().users.cancel}
            </button>
        </div>
    }
}
