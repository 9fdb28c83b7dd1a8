//! The contact information form (PRODUCT §5), used both in the onboarding
//! modal and under Settings, so it has no layout of its own beyond its fields
//! and a footer the modal can make sticky.
//!
//! The domain crate's rules are the only judge of the input: the form computes
//! their report as the user types and shows each message where it belongs, and
//! the server's answers to a save are shown the same way. What happens around
//! the fields — saving, merging with someone else's save, drafts — is the
//! [`controller`]'s; the fields are laid out from one table ([`sections`]).

mod alert_contacts;
mod conflict;
mod controller;
mod draft;
mod entries;
mod footer;
mod messages;
mod read_only;
mod sections;
mod state;
mod summary;
mod support_hours;
mod values;

use leptos::portal::Portal;
use leptos::prelude::*;
use portal_domain::{ContactInfoResponse, FieldError, User};

use self::conflict::ConflictPanel;
use self::controller::Controller;
use self::footer::{Footer, FormButton};
use self::messages::Target;
use self::read_only::ReadOnlyContactInfo;
use self::sections::Sections;
pub use self::state::focus_soon;
use self::state::{Form, editable_copy};
use self::summary::ErrorSummary;
pub use self::support_hours::browser_time_zone;
use crate::i18n::I18n;
use crate::i18n::validation::message;
use crate::state::AccountData;

#[component]
pub fn ContactForm(
    /// The server's current contact information (pre-fill, version for If-Match, merchant_contact_required).
    data: ContactInfoResponse,
    /// The account's users (alert contacts are picked from the ACTIVE ones).
    users: Vec<User>,
    /// Called with the server's answer after a successful save.
    on_saved: Callback<ContactInfoResponse>,
    /// Whether this user may edit (Administrator/Editor); false renders the values read-only.
    #[prop(default = true)]
    editable: bool,
) -> impl IntoView {
    // Saved addresses show whether their owners confirmed them, to every
    // role; a form never saved has none to ask about.
    if data.version > 0
        && let Some(account) = use_context::<AccountData>()
    {
        account.ensure_addresses();
    }
    if !editable {
        return view! { <ReadOnlyContactInfo data users /> }.into_any();
    }
    let i18n = I18n::expect();
    let zone = browser_time_zone();
    let browser_zone = StoredValue::new(zone.clone());
    let merchant = data.merchant_contact_required;
    let form = Form::new(
        editable_copy(&data.contact_info, merchant, &zone),
        merchant,
        users,
    );
    form.dismissed.set(data.dismissed_warnings.clone());
    let controller = Controller::new(form, &data, zone, on_saved);
    let has_conflicts = move || {
        controller
            .conflict
            .with(|c| c.as_ref().is_some_and(|c| !c.fields.is_empty()))
    };

    // In the onboarding modal the Save footer lives outside the scrolling
    // part (see `FormActionsSlot`), so it never covers a field.
    let actions_slot = use_context::<FormActionsSlot>()
        .and_then(|slot| slot.0.get_untracked())
        .map(|slot| -> web_sys::Element { slot.into() });
    let footer = match actions_slot {
        Some(slot) => view! { <Portal mount=slot><Footer controller /></Portal> }.into_any(),
        None => view! { <Footer controller /> }.into_any(),
    };
    view! {
        <form
            class="contact-form"
            id=form.dom_id("form")
            tabindex="-1"
            novalidate
            aria-label=move || i18n.t().form.heading
            data-testid="contact-form"
            on:submit=move |ev| {
                ev.prevent_default();
                controller.submit();
            }
        >
            <ErrorSummary form />
            <Show when=has_conflicts>
                <ConflictPanel controller />
            </Show>
            <Show when=move || controller.draft_notice.get()>
                <div class="contact-form__notice contact-form__notice--info" data-testid="draft-notice">
                    <p>{move || i18n.t().form.draft_restored}</p>
                    <FormButton
                        label=Signal::derive(move || i18n.t().form.discard_draft)
                        on_click=Callback::new(move |()| controller.discard_draft())
                    />
                </div>
            </Show>
            <p class="contact-form__required-note">{move || i18n.t().form.required_note}</p>
            <Sections form browser_zone />
            {footer}
        </form>
    }
    .into_any()
}

/// Where a container wants the form's Save footer rendered instead of at the
/// end of the form: the onboarding modal keeps it in a fixed bar below its
/// scrolling content. The submit button names the form, so it still submits it.
#[derive(Clone, Copy)]
pub struct FormActionsSlot(pub NodeRef<leptos::html::Div>);

/// A rule's finding in words: where it is in the form, then what to do, as
/// the error summary lists it.
pub fn error_sentence(i18n: I18n, error: &FieldError) -> String {
    let what = message(i18n.t(), error);
    match Target::parse(error.path) {
        Some(target) => format!("{}: {what}", target.describe(i18n)),
        None => what,
    }
}
