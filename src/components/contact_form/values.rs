//! A field's value as lines of text, in the current language: what read-only
//! users see, and what the conflict panel puts side by side.

use leptos::prelude::*;
use portal_domain::{ContactEntry, ContactField, ContactInfo, SupportSchedule, User};

use super::state::list;
use crate::i18n::I18n;

/// The lines `field` shows for `info`; empty when nothing is filled in.
/// Blank entries and schedules (the form's empty rows) are left out.
pub fn field_values(
    i18n: I18n,
    info: &ContactInfo,
    users: &[User],
    field: ContactField,
) -> Vec<String> {
    match field {
        ContactField::AlertContacts => info
            .alert_contacts
            .iter()
            .map(|id| {
                users
                    .iter()
                    .find(|u| u.id == *id)
                    .map_or_else(|| id.to_string(), |u| format!("{} <{}>", u.name, u.email))
            })
            .collect(),
        ContactField::SharedWithUsers => entry_line(&info.shared_with_users).into_iter().collect(),
        ContactField::SupportHours => info
            .support_hours
            .iter()
            .filter(|s| !s.days.is_empty() || s.all_day || !s.from.is_empty() || !s.to.is_empty())
            .map(|schedule| schedule_line(i18n, schedule))
            .collect(),
        list_field => list(info, list_field)
            .iter()
            .filter_map(entry_line)
            .collect(),
    }
}

/// `Name <address> phone`, leaving out what is empty; nothing for a blank entry.
pub fn entry_line(entry: &ContactEntry) -> Option<String> {
    let (email, name, phone) = (entry.email.trim(), entry.name.trim(), entry.phone.trim());
    if email.is_empty() && name.is_empty() && phone.is_empty() {
        return None;
    }
    let mut parts = Vec::new();
    if !name.is_empty() {
        parts.push(name.to_owned());
        parts.push(format!("<{email}>"));
    } else {
        parts.push(email.to_owned());
    }
    if !phone.is_empty() {
        parts.push(phone.to_owned());
    }
    Some(parts.join(" "))
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

/// A field's lines as a list, or "Not provided" when there are none.
#[component]
pub fn ValueList(#[prop(into)] lines: Signal<Vec<String>>) -> impl IntoView {
    let i18n = I18n::expect();
    move || {
        let lines = lines.get();
        if lines.is_empty() {
            view! { <p class="contact-form__value">{move || i18n.t().form.not_provided}</p> }
                .into_any()
        } else {
            view! {
                <ul class="contact-form__values">
                    {lines
                        .into_iter()
                        .map(|line| view! { <li class="contact-form__value">{line}</li> })
                        .collect_view()}
                </ul>
            }
            .into_any()
        }
    }
}
