//! The contact information as text, for users who may read but not edit it:
//! disabled inputs would hide values behind low-contrast controls.

use leptos::prelude::*;
use portal_domain::{ContactField, ContactInfoResponse, User};

use super::sections::{SECTIONS, Section};
use super::values::{ValueList, field_values};
use crate::i18n::I18n;

#[component]
pub fn ReadOnlyContactInfo(data: ContactInfoResponse, users: Vec<User>) -> impl IntoView {
    let i18n = I18n::expect();
    let merchant = data.merchant_contact_required;
    let info = StoredValue::new(data.contact_info);
    let users = StoredValue::new(users);

    let field = move |field: ContactField| {
        // Lines of text that follow the language switcher.
        let values = move || {
            info.with_value(|info| users.with_value(|users| field_values(i18n, info, users, field)))
        };
        view! {
            <div class="contact-form__field" data-testid=format!("field-{}", field.path_prefix())>
                <h3 class="contact-form__legend">{move || i18n.t().form.field_label(field)}</h3>
                <p class="contact-form__purpose">{move || i18n.t().form.field_purpose(field)}</p>
                <ValueList lines=Signal::derive(values) />
            </div>
        }
    };
    let section = move |(section, fields): (Section, &'static [ContactField])| {
        let title = move || section.title(&i18n.t().form);
        view! {
            <section class="contact-form__section">
                <h2 class="contact-form__section-title">{title}</h2>
                {fields
                    .iter()
                    .filter(|f| f.applies(merchant))
                    .map(|f| field(*f))
                    .collect_view()}
            </section>
        }
    };

    view! {
        <div class="contact-form contact-form--read-only" data-testid="contact-form-read-only">
            <p class="contact-form__notice contact-form__notice--info">
                {move || i18n.t().form.read_only_note}
            </p>
            {SECTIONS.into_iter().map(section).collect_view()}
        </div>
    }
}
