//! The form that invites a colleague: name, address and role.

use leptos::html;
use leptos::prelude::*;
use portal_domain::{
    FieldError, FieldPath, INVITATION_VALIDITY_DAYS, NewInvitation, Role, User, validate_invitation,
};

use super::role_picker::RoleSelect;
use crate::api::{Api, ApiError};
use crate::components::TextField;
use crate::i18n::validation::message;
use crate::i18n::{Catalog, I18n};

/// One text field of the form, and where its state lives.
#[derive(Clone, Copy)]
struct Entry {
    path: FieldPath,
    /// For tests; also the element id after the panel's own prefix.
    test_id: &'static str,
    input_type: &'static str,
    label: fn(&Catalog) -> &'static str,
    value: RwSignal<String>,
    /// Left once: from then on its problems show.
    touched: RwSignal<bool>,
    input_ref: NodeRef<html::Input>,
}

impl Entry {
    fn new(
        path: FieldPath,
        test_id: &'static str,
        input_type: &'static str,
        label: fn(&Catalog) -> &'static str,
    ) -> Self {
        Self {
            path,
            test_id,
            input_type,
            label,
            value: RwSignal::new(String::new()),
            touched: RwSignal::new(false),
            input_ref: NodeRef::new(),
        }
    }

    fn clear(self) {
        self.value.set(String::new());
        self.touched.set(false);
    }
}

/// Checks as the user goes and again on submit; what the server finds wrong
/// with a field shows on that field, anything else goes to the panel.
#[component]
pub(super) fn InviteForm(
    prefix: String,
    on_invited: Callback<User>,
    on_error: Callback<ApiError>,
) -> impl IntoView {
    let i18n = I18n::expect();
    let api = Api::expect();
    let name = Entry::new(FieldPath::NAME, "invite-name", "text", |t| {
        t.users.name_label
    });
    let email = Entry::new(FieldPath::EMAIL, "invite-email", "email", |t| {
        t.users.email_label
    });
    let entries = [name, email];
    // Editor by default: from the onboarding modal, the point of inviting is
    // usually a colleague who can complete the contact information.
    let role = RwSignal::new(Role::Editor);
    let submitted = RwSignal::new(false);
    let server_errors = RwSignal::new(Vec::<FieldError>::new());

    let problems = Memo::new(move |_| {
        validate_invitation(&NewInvitation {
            name: name.value.get(),
            email: email.value.get(),
            role: role.get(),
        })
    });
    let error = move |entry: Entry| {
        let visible = entry.touched.get() || submitted.get();
        let find = |errors: &Vec<FieldError>| errors.iter().find(|e| e.path == entry.path).cloned();
        problems
            .with(find)
            .filter(|_| visible)
            .or_else(|| server_errors.with(find))
            .map(|error| message(i18n.t(), &error))
    };
    let focus_first_invalid = move || {
        let first = entries
            .into_iter()
            .find(|entry| untrack(|| error(*entry)).is_some())
            .and_then(|entry| entry.input_ref.get_untracked());
        if let Some(input) = first {
            let _ = input.focus();
        }
    };

    let invite = Action::new_local(move |invitation: &NewInvitation| {
        let api = api.clone();
        let invitation = invitation.clone();
        async move {
            match api.invite(invitation).await {
                Ok(user) => {
                    entries.into_iter().for_each(Entry::clear);
                    submitted.set(false);
                    on_invited.run(user);
                }
                Err(error) if !error.field_errors().is_empty() => {
                    server_errors.set(error.field_errors().to_vec());
                    focus_first_invalid();
                }
                Err(error) => on_error.run(error),
            }
        }
    });
    let busy = invite.pending();

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        submitted.set(true);
        if !problems.with_untracked(Vec::is_empty) || !server_errors.with_untracked(Vec::is_empty) {
            focus_first_invalid();
            return;
        }
        invite.dispatch(NewInvitation {
            name: name.value.get_untracked().trim().to_owned(),
            email: email.value.get_untracked().trim().to_owned(),
            role: role.get_untracked(),
        });
    };

    let t = move || i18n.t();
    let heading_id = format!("{prefix}-invite-heading");
    let labelled_by = heading_id.clone();
    let role_id = format!("{prefix}-invite-role");
    let role_hint_id = format!("{prefix}-invite-role-hint");
    view! {
        <section class="users-panel__invite" aria-labelledby=labelled_by>
            <h3 id=heading_id class="users-panel__invite-heading">
                {move || t().users.invite_heading}
            </h3>
            <p class="users-panel__invite-intro">
                {move || (t().users.invite_intro)(INVITATION_VALIDITY_DAYS)}
            </p>
            <form
                class="users-panel__form"
                novalidate
                data-testid="invite-form"
                aria-busy=move || if busy.get() { "true" } else { "false" }
                on:submit=on_submit
            >
                {entries
                    .into_iter()
                    .map(|entry| {
                        view! {
                            <TextField
                                id=format!("{prefix}-{}", entry.test_id)
                                test_id=entry.test_id
                                label=Signal::derive(move || (entry.label)(t()).to_owned())
                                input_type=entry.input_type
                                autocomplete="off"
                                value=entry.value
                                on_input=Callback::new(move |value| {
                                    entry.value.set(value);
                                    server_errors.update(|e| e.retain(|e| e.path != entry.path));
                                })
                                on_blur=Callback::new(move |()| entry.touched.set(true))
                                error=Signal::derive(move || error(entry))
                                input_ref=entry.input_ref
                            />
                        }
                    })
                    .collect_view()}
                <div class="users-panel__role-field">
                    <label class="users-panel__label" for=role_id.clone()>
                        {move || t().users.role_label}
                    </label>
                    <p id=role_hint_id.clone() class="users-panel__hint">
                        {move || t().users.role_hint(role.get())}
                    </p>
                    <RoleSelect
                        id=role_id
                        test_id="invite-role".to_owned()
                        role
                        name="role"
                        described_by=Signal::stored(Some(role_hint_id))
                    />
                </div>
                <button
                    type="submit"
                    class="button button--primary users-panel__submit"
                    data-testid="invite-submit"
                    aria-disabled=move || if busy.get() { "true" } else { "false" }
                >
                    {move || if busy.get() { t().users.inviting } else { t().users.invite_submit }}
                </button>
            </form>
        </section>
    }
}
