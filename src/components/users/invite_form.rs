//! The form that invites a colleague: name, address and role.

use leptos::html;
use leptos::prelude::*;
use portal_domain::{
    FieldError, FieldPath, INVITATION_VALIDITY_DAYS, NewInvitation, Role, User, validate_invitation,
};

use super::role_picker::RoleSelect;
use crate::api::{Api, ApiError};
use crate::components::LabelledInput;
use crate::i18n::I18n;
use crate::i18n::validation::message;

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
    let (name, set_name) = signal(String::new());
    let (email, set_email) = signal(String::new());
    // Editor by default: from the onboarding modal, the point of inviting is
    // usually a colleague who can complete the contact information.
    let role = RwSignal::new(Role::Editor);
    let touched_name = RwSignal::new(false);
    let touched_email = RwSignal::new(false);
    let submitted = RwSignal::new(false);
    let server_errors = RwSignal::new(Vec::<FieldError>::new());
    let name_ref = NodeRef::<html::Input>::new();
    let email_ref = NodeRef::<html::Input>::new();

    let problems = Memo::new(move |_| {
        validate_invitation(&NewInvitation {
            name: name.get(),
            email: email.get(),
            role: role.get(),
        })
    });
    let shown = move |touched: RwSignal<bool>, path: FieldPath| {
        let visible = touched.get() || submitted.get();
        problems
            .with(|errors| errors.iter().find(|e| e.path == path).cloned())
            .filter(|_| visible)
            .or_else(|| {
                server_errors.with(|errors| errors.iter().find(|e| e.path == path).cloned())
            })
            .map(|error| message(i18n.t(), &error))
    };
    let name_error = Signal::derive(move || shown(touched_name, FieldPath::NAME));
    let email_error = Signal::derive(move || shown(touched_email, FieldPath::EMAIL));
    let focus_first_invalid = move || {
        let target = if name_error.with_untracked(Option::is_some) {
            name_ref.get_untracked()
        } else if email_error.with_untracked(Option::is_some) {
            email_ref.get_untracked()
        } else {
            None
        };
        if let Some(input) = target {
            let _ = input.focus();
        }
    };

    let invite = Action::new_local(move |invitation: &NewInvitation| {
        let api = api.clone();
        let invitation = invitation.clone();
        async move {
            match api.invite(invitation).await {
                Ok(user) => {
                    set_name.set(String::new());
                    set_email.set(String::new());
                    touched_name.set(false);
                    touched_email.set(false);
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
            name: name.get_untracked().trim().to_owned(),
            email: email.get_untracked().trim().to_owned(),
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
                <LabelledInput
                    id=format!("{prefix}-invite-name")
                    test_id="invite-name"
                    label=Signal::derive(move || t().users.name_label.to_owned())
                    input_type="text"
                    autocomplete="off"
                    value=name
                    on_input=Callback::new(move |value| {
                        set_name.set(value);
                        server_errors.update(|e| e.retain(|e| e.path != FieldPath::NAME));
                    })
                    on_blur=Callback::new(move |()| touched_name.set(true))
                    error=name_error
                    input_ref=name_ref
                />
                <LabelledInput
                    id=format!("{prefix}-invite-email")
                    test_id="invite-email"
                    label=Signal::derive(move || t().users.email_label.to_owned())
                    input_type="email"
                    autocomplete="off"
                    value=email
                    on_input=Callback::new(move |value| {
                        set_email.set(value);
                        server_errors.update(|e| e.retain(|e| e.path != FieldPath::EMAIL));
                    })
                    on_blur=Callback::new(move |()| touched_email.set(true))
                    error=email_error
                    input_ref=email_ref
                />
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
