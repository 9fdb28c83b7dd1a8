//! The form's footer: what the last save came to, Try again after a failure,
//! and Save. The onboarding modal shows it in a fixed bar below its scrolling
//! content (see [`super::FormActionsSlot`]).

use leptos::prelude::*;
use portal_domain::ContactField;

use super::controller::{Controller, Outcome};
use crate::i18n::I18n;

#[component]
pub fn Footer(controller: Controller) -> impl IntoView {
    let i18n = I18n::expect();
    let form = controller.form;
    let saving = controller.saving;
    let confirming = controller.confirming;
    let status_text = move || match controller.shows_saved() {
        Some(Outcome::SavedMerged) => Some(i18n.t().form.saved_merged),
        Some(Outcome::Reviewed) => Some(i18n.t().review.confirmed),
        Some(Outcome::ReviewedByOther) => Some(i18n.t().review.saved_by_other),
        Some(_) => Some(i18n.t().form.saved),
        None => None,
    };
    let problem_text = move || match controller.problem() {
        Some(Outcome::SessionExpired) => Some(i18n.t().form.session_expired),
        Some(Outcome::Network) => Some(i18n.t().common.server_unreachable),
        Some(Outcome::Unexpected) => Some(i18n.t().common.unexpected_error),
        _ => None,
    };
    let can_retry = move || {
        matches!(
            controller.problem(),
            Some(Outcome::Network) | Some(Outcome::Unexpected)
        )
    };
    // How many required fields the rules find nothing wrong with, as the user types.
    let progress = move || {
        let merchant = form.merchant_required.get();
        let required: Vec<ContactField> = ContactField::applying(merchant).collect();
        let done = form.report.with(|report| {
            required
                .iter()
                .filter(|f| {
                    !report
                        .errors
                        .iter()
                        .any(|e| e.path.contact_field() == Some(**f))
                })
                .count()
        });
        (i18n.t().shell.progress)(done, required.len())
    };
    view! {
        <div class="contact-form__footer" data-testid="contact-form-footer">
            <p class="contact-form__progress" data-testid="form-progress">{progress}</p>
            <div class="contact-form__status" role="status" data-testid="form-status">
                {status_text}
            </div>
            <div class="contact-form__problem" role="alert" data-testid="form-problem">
                {move || {
                    problem_text()
                        .map(|text| {
                            view! {
                                <p class="field__message field__message--error">
                                    <span class="field__icon" aria-hidden="true"></span>
                                    {text}
                                </p>
                            }
                        })
                }}
                <Show when=can_retry>
                    <FormButton
                        id=form.dom_id("retry")
                        label=Signal::derive(move || i18n.t().common.retry)
                        on_click=Callback::new(move |()| controller.submit())
                    />
                </Show>
            </div>
            // The yearly review: the stored version, unchanged, confirmed in one click.
            <Show when=move || controller.can_confirm_review()>
                <button
                    type="button"
                    id=form.dom_id("confirm-review")
                    class="button contact-form__confirm"
                    disabled=move || saving.get()
                    data-testid="confirm-review"
                    on:click=move |_| controller.confirm_review()
                >
                    {move || if confirming.get() { i18n.t().review.confirming } else { i18n.t().review.confirm }}
                </button>
            </Show>
            <button
                type="submit"
                form=form.dom_id("form")
                id=form.dom_id("save")
                class="button button--primary contact-form__save"
                disabled=move || saving.get()
                data-testid="save-contact-info"
            >
                {move || if saving.get() && !confirming.get() { i18n.t().form.saving } else { i18n.t().form.save }}
            </button>
        </div>
    }
}

/// One of the form's secondary buttons (Try again, Discard draft…).
#[component]
pub fn FormButton(
    #[prop(into)] label: Signal<&'static str>,
    on_click: Callback<()>,
    /// For buttons that take focus after an event.
    #[prop(optional, into)]
    id: Option<String>,
) -> impl IntoView {
    view! {
        <button
            type="button"
            id=id
            class="button contact-form__button"
            on:click=move |_| on_click.run(())
        >
            {label}
        </button>
    }
}
