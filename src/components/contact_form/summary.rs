//! The error summary above the form after a submit attempt: every problem,
//! each a link that puts focus on the control that fixes it.

use leptos::prelude::*;
use portal_domain::FieldError;

use super::error_sentence;
use super::messages::Target;
use super::state::{Form, focus_soon};
use crate::i18n::I18n;
use crate::state::Session;

#[component]
pub fn ErrorSummary(form: Form) -> impl IntoView {
    let i18n = I18n::expect();
    let session = Session::expect();
    let heading_id = form.dom_id("summary-heading");
    // Every error due after a submit attempt: the rules' findings, then the
    // server's findings the rules did not make.
    let errors = Memo::new(move |_| {
        if !form.submitted.get() {
            return Vec::new();
        }
        let mut errors: Vec<FieldError> = form.report.with(|r| r.errors.clone());
        form.server_errors.with(|server| {
            for error in server {
                if !errors.iter().any(|e| e.path == error.path) {
                    errors.push(error.clone());
                }
            }
        });
        errors
    });
    let item = move |error: FieldError| {
        let target = Target::parse(error.path);
        let text = move || error_sentence(i18n, &error);
        match target {
            Some(target) => view! {
                <li>
                    <a
                        href=move || format!("#{}", target.focus_id(form, session))
                        on:click=move |ev| {
                            ev.prevent_default();
                            focus_soon(target.focus_id(form, session));
                        }
                    >
                        {text}
                    </a>
                </li>
            }
            .into_any(),
            None => view! { <li>{text}</li> }.into_any(),
        }
    };
    view! {
        <Show when=move || errors.with(|e| !e.is_empty())>
            <div
                class="contact-form__summary"
                id=form.dom_id("summary")
                tabindex="-1"
                role="group"
                aria-labelledby=heading_id.clone()
                data-testid="error-summary"
            >
                <h2 id=heading_id.clone() class="contact-form__summary-title">
                    <span class="field__icon" aria-hidden="true"></span>
                    {move || (i18n.t().form.summary_heading)(errors.with(Vec::len))}
                </h2>
                <p>{move || i18n.t().form.summary_intro}</p>
                <ul class="contact-form__summary-list">
                    <For
                        each=move || errors.get()
                        key=|error| (error.path, error.code)
                        children=item
                    />
                </ul>
            </div>
        </Show>
    }
}
