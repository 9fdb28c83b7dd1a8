//! The inline confirmation before an action that cannot be undone (removing
//! a user, revoking an invitation).

use leptos::html;
use leptos::prelude::*;

use super::focus_soon;
use super::step::StepButtons;
use crate::i18n::Catalog;

/// The question and its answer buttons; the confirming button takes focus
/// when it appears, so Enter confirms and Escape (on the step) cancels.
#[component]
pub(super) fn Confirm(
    /// The question's element id, which names the step.
    question_id: String,
    #[prop(into)] question: Signal<String>,
    /// The confirming button's test id.
    test_id: String,
    /// What the confirming button says.
    action: fn(&Catalog) -> &'static str,
    busy: Signal<bool>,
    on_confirm: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let confirm_ref = NodeRef::<html::Button>::new();
    focus_soon(confirm_ref);
    view! {
        <p class="users-panel__question" id=question_id>
            {question}
        </p>
        <StepButtons
            test_id
            class="button users-panel__danger"
            label=action
            busy
            node_ref=confirm_ref
            on_act=on_confirm
            on_cancel
        />
    }
}
