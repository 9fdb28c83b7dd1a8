//! The contact information as text, for users who may read but not edit it:
//! disabled inputs would hide values behind low-contrast controls.

use leptos::prelude::*;
use portal_domain::{ContactEntry, ContactField, ContactInfoResponse, User};

use super::sections::{SECTIONS, Section};
use super::state::list;
use super::values::{ValueList, entry_line, field_values};
use crate::components::address_state::AddressBadge;
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
        // Entries with an address also show whether its owner confirmed it.
        let entries = info.with_value(|info| saved_entries(info, field));
        let values = if entries.is_empty() {
            view! { <ValueList lines=Signal::derive(values) /> }.into_any()
        } else {
            view! { <EntryValues field entries /> }.into_any()
        };
        view! {
            <div class="contact-form__field" data-testid=format!("field-{}", field.path_prefix())>
                <h3 class="contact-form__legend">{move || i18n.t().form.field_label(field)}</h3>
                <p class="contact-form__purpose">{move || i18n.t().form.field_purpose(field)}</p>
                {values}
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
            {SECTIONS.into_iter().map(section).collect_view()}
        </div>
    }
}

/// The entries of `field` that hold something, for the fields made of
/// contact entries; none for the alert contacts and the support hours.
fn saved_entries(info: &portal_domain::ContactInfo, field: ContactField) -> Vec<ContactEntry> {
    let entries = match field {
        ContactField::SharedWithUsers => std::slice::from_ref(&info.shared_with_users),
        other => list(info, other),
    };
    entries
        .iter()
        .filter(|entry| entry_line(entry).is_some())
        .cloned()
        .collect()
}

/// Each entry as a line of text, with its address's state beside it.
#[component]
fn EntryValues(field: ContactField, entries: Vec<ContactEntry>) -> impl IntoView {
    view! {
        <ul class="contact-form__values">
            {entries
                .into_iter()
                .enumerate()
                .map(|(index, entry)| {
                    let line = entry_line(&entry).unwrap_or_default();
                    let state_id = format!("read-only-{}-{index}-state", field.path_prefix());
                    view! {
                        <li
                            class="contact-form__value"
                            data-testid=format!("{}[{index}]", field.path_prefix())
                        >
                            {line}
                            <AddressBadge email=entry.email id=state_id />
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
