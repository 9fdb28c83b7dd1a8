//! The contact information as text, for users who may read but not edit it:
//! disabled inputs would hide values behind low-contrast controls.

use leptos::prelude::*;
use portal_domain::{ContactEntry, ContactField, ContactInfoResponse, SupportSchedule, User};

use super::state::list;
use crate::i18n::I18n;

#[component]
pub fn ReadOnlyContactInfo(data: ContactInfoResponse, users: Vec<User>) -> impl IntoView {
    let i18n = I18n::expect();
    let info = data.contact_info;
    let merchant = data.merchant_contact_required;

    let alert_names: Vec<String> = info
        .alert_contacts
        .iter()
        .map(|id| {
            users
                .iter()
                .find(|u| u.id == *id)
                .map_or_else(|| id.to_string(), |u| format!("{} <{}>", u.name, u.email))
        })
        .collect();
    let field = move |field: ContactField, values: Vec<String>| {
        view! {
            <div class="contact-form__field" data-testid=format!("field-{}", field.path_prefix())>
                <h3 class="contact-form__legend">{move || i18n.t().form.field_label(field)}</h3>
                <p class="contact-form__purpose">{move || i18n.t().form.field_purpose(field)}</p>
                {if values.is_empty() {
                    view! {
                        <p class="contact-form__value">{move || i18n.t().form.not_provided}</p>
                    }
                        .into_any()
                } else {
                    view! {
                        <ul class="contact-form__values">
                            {values
                                .into_iter()
                                .map(|value| view! { <li class="contact-form__value">{value}</li> })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }}
            </div>
        }
    };
    let entries = |field: ContactField| list(&info, field).iter().map(entry_line).collect();
    let mut shared = Vec::new();
    if !info.shared_with_users.email.is_empty() {
        shared.push(entry_line(&info.shared_with_users));
    }
    let schedules = info.support_hours.clone();

    view! {
        <div class="contact-form contact-form--read-only" data-testid="contact-form-read-only">
            <p class="contact-form__notice contact-form__notice--info">
                {move || i18n.t().form.read_only_note}
            </p>
            <section class="contact-form__section">
                <h2 class="contact-form__section-title">
                    {move || i18n.t().form.section_technical}
                </h2>
                {field(ContactField::AlertContacts, alert_names)}
                {field(ContactField::TechnicalEmergency, entries(ContactField::TechnicalEmergency))}
                {field(
                    ContactField::TechnicalNonEmergency,
                    entries(ContactField::TechnicalNonEmergency),
                )}
            </section>
            <section class="contact-form__section">
                <h2 class="contact-form__section-title">
                    {move || i18n.t().form.section_operational}
                </h2>
                {merchant
                    .then(|| {
                        field(
                            ContactField::MerchantOperational,
                            entries(ContactField::MerchantOperational),
                        )
                    })}
                {field(ContactField::OperationalGoogle, entries(ContactField::OperationalGoogle))}
                {field(ContactField::SharedWithUsers, shared)}
            </section>
            <section class="contact-form__section">
                <h2 class="contact-form__section-title">
                    {move || i18n.t().form.section_support_hours}
                </h2>
                <div class="contact-form__field" data-testid="field-support_hours">
                    <h3 class="contact-form__legend">{move || i18n.t().form.support_hours_label}</h3>
                    <p class="contact-form__purpose">{move || i18n.t().form.support_hours_purpose}</p>
                    <ul class="contact-form__values">
                        {schedules
                            .into_iter()
                            .map(|schedule| {
                                view! {
                                    <li class="contact-form__value">
                                        {move || schedule_line(i18n, &schedule)}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </div>
            </section>
        </div>
    }
}

/// `Name <address> phone`, leaving out what is empty.
fn entry_line(entry: &ContactEntry) -> String {
    let mut parts = Vec::new();
    if !entry.name.is_empty() {
        parts.push(entry.name.clone());
    }
    parts.push(if entry.name.is_empty() {
        entry.email.clone()
    } else {
        format!("<{}>", entry.email)
    });
    if !entry.phone.is_empty() {
        parts.push(entry.phone.clone());
    }
    parts.join(" ")
}

/// `Europe/Madrid: Monday, Tuesday · 09:00–17:00`, in the current language.
fn schedule_line(i18n: I18n, schedule: &SupportSchedule) -> String {
    let t = &i18n.t().form;
    let days: Vec<&str> = schedule.days.iter().map(|d| t.day(*d)).collect();
    let hours = if schedule.all_day {
        t.all_day_summary.to_owned()
    } else {
        (t.hours_summary)(&schedule.from, &schedule.to)
    };
    format!("{}: {} · {hours}", schedule.time_zone, days.join(", "))
}
