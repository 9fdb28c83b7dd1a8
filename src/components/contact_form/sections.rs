//! The form's fields in their sections, from one table: which field goes
//! where, and which kind of editor it needs.

use leptos::prelude::*;
use portal_domain::ContactField;

use super::alert_contacts::AlertContacts;
use super::entries::{EntryList, SharedEntry};
use super::state::Form;
use super::support_hours::SupportHours;
use crate::i18n::I18n;
use crate::i18n::form::FormText;

/// A section of the form, in reading order (PRODUCT §9).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Technical,
    Operational,
    SupportHours,
}

impl Section {
    pub fn title(self, t: &FormText) -> &'static str {
        match self {
            Section::Technical => t.section_technical,
            Section::Operational => t.section_operational,
            Section::SupportHours => t.section_support_hours,
        }
    }

    fn key(self) -> &'static str {
        match self {
            Section::Technical => "section-technical",
            Section::Operational => "section-operational",
            Section::SupportHours => "section-support-hours",
        }
    }
}

/// Every section with its fields, in form order.
pub const SECTIONS: [(Section, &[ContactField]); 3] = [
    (
        Section::Technical,
        &[
            ContactField::AlertContacts,
            ContactField::TechnicalEmergency,
            ContactField::TechnicalNonEmergency,
        ],
    ),
    (
        Section::Operational,
        &[
            ContactField::MerchantOperational,
            ContactField::OperationalGoogle,
            ContactField::SharedWithUsers,
        ],
    ),
    (Section::SupportHours, &[ContactField::SupportHours]),
];

/// The editor of one field.
fn editor(form: Form, field: ContactField, browser_zone: StoredValue<String>) -> AnyView {
    match field {
        ContactField::AlertContacts => view! { <AlertContacts form /> }.into_any(),
        ContactField::SharedWithUsers => view! { <SharedEntry form /> }.into_any(),
        ContactField::SupportHours => view! { <SupportHours form browser_zone /> }.into_any(),
        // Only integrations that act for merchants have this field.
        ContactField::MerchantOperational => view! {
            <Show when=move || form.merchant_required.get()>
                <EntryList form field=ContactField::MerchantOperational />
            </Show>
        }
        .into_any(),
        list => view! { <EntryList form field=list /> }.into_any(),
    }
}

/// The sections, each built in a task of its own: building the whole form
/// at once blocks a phone's main thread for a third of a second, while one
/// section at a time leaves room for input and paint in between. The first
/// shows at once; the others follow in the next turns, below it.
#[component]
pub fn Sections(form: Form, browser_zone: StoredValue<String>) -> impl IntoView {
    let i18n = I18n::expect();
    let shown = RwSignal::new(1);
    Effect::new(move |_| {
        if shown.get() < SECTIONS.len() {
            set_timeout(
                move || {
                    shown.try_update(|n| *n += 1);
                },
                std::time::Duration::ZERO,
            );
        }
    });
    SECTIONS
        .into_iter()
        .enumerate()
        .map(|(index, (section, fields))| {
            let id = form.dom_id(section.key());
            view! {
                <Show when=move || index < shown.get()>
                    <section class="contact-form__section" aria-labelledby=id.clone()>
                        <h2 id=id.clone() class="contact-form__section-title">
                            {move || section.title(&i18n.t().form)}
                        </h2>
                        {fields.iter().map(|field| editor(form, *field, browser_zone)).collect_view()}
                    </section>
                </Show>
            }
        })
        .collect_view()
}
