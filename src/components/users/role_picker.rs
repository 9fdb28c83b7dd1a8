//! Choosing a role: the picker a row opens to change one, and the select it
//! shares with the invite form.

use leptos::html;
use leptos::prelude::*;
use portal_domain::{Role, User, would_remove_last_administrator};

use super::focus_soon;
use super::step::StepButtons;
use crate::i18n::I18n;

/// A select of every role, each named in the current language.
#[component]
pub(super) fn RoleSelect(
    id: String,
    test_id: String,
    role: RwSignal<Role>,
    /// The form field's name, where the select belongs to a form.
    #[prop(optional)]
    name: Option<&'static str>,
    #[prop(into)] described_by: Signal<Option<String>>,
    #[prop(optional)] node_ref: NodeRef<html::Select>,
) -> impl IntoView {
    let i18n = I18n::expect();
    view! {
        <select
            id=id
            class="users-panel__select"
            name=name
            data-testid=test_id
            node_ref=node_ref
            aria-describedby=described_by
            on:change:target=move |ev| {
                if let Some(picked) = Role::parse(&ev.target().value()) {
                    role.set(picked);
                }
            }
        >
            {Role::ALL
                .into_iter()
                .map(|option| {
                    view! {
                        <option value=option.as_str() selected=move || role.get() == option>
                            {move || i18n.t().common.role(option)}
                        </option>
                    }
                })
                .collect_view()}
        </select>
    }
}

/// A user's new role. It starts at the current one and takes focus when it
/// appears. A choice that would leave the account without an active
/// administrator is explained at once and cannot be saved, rather than sent
/// for the server to refuse.
#[component]
pub(super) fn RolePicker(
    user_id: i64,
    user: Memo<User>,
    /// Everyone on the account, to apply the last-administrator rule.
    list: Memo<Option<Vec<User>>>,
    /// The label's element id, which names the step.
    question_id: String,
    select_id: String,
    blocked_id: String,
    busy: Signal<bool>,
    on_save: Callback<Role>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = I18n::expect();
    let t = move || i18n.t();
    let new_role = RwSignal::new(user.with_untracked(|u| u.role));
    let blocked = Memo::new(move |_| {
        let role = new_role.get();
        list.with(|list| {
            list.as_ref()
                .is_some_and(|list| would_remove_last_administrator(list, user_id, Some(role)))
        })
    });
    let select_ref = NodeRef::<html::Select>::new();
    focus_soon(select_ref);
    let described_by = {
        let blocked_id = blocked_id.clone();
        Signal::derive(move || blocked.get().then(|| blocked_id.clone()))
    };
    view! {
        <label class="users-panel__label" for=select_id.clone() id=question_id>
            {move || user.with(|u| (t().users.role_for)(&u.name))}
        </label>
        <RoleSelect
            id=select_id
            test_id=format!("role-select-{user_id}")
            role=new_role
            described_by
            node_ref=select_ref
        />
        <Show when=move || blocked.get()>
            <p id=blocked_id.clone() class="users-panel__protected">
                {move || t().users.demotion_blocked}
            </p>
        </Show>
        <StepButtons
            test_id=format!("save-role-{user_id}")
            class="button button--primary"
            label=|t| t.users.save_role
            busy
            blocked=blocked
            on_act=Callback::new(move |()| on_save.run(new_role.get_untracked()))
            on_cancel
        />
    }
}
