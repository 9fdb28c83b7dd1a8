//! Error and advice messages under a control, and how an error's path maps to
//! a readable place and to the control that gets focus.

use leptos::prelude::*;
use portal_domain::{ContactField, Environment};

use super::alert_contacts::alert_options;
use super::state::{Form, Part, Slot};
use crate::i18n::I18n;
use crate::i18n::validation::message;
use crate::state::Session;

/// The parts of a support schedule that carry messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchedulePart {
    TimeZone,
    Days,
    From,
    To,
}

/// What an error path points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The field as a whole, e.g. an empty list.
    Field(ContactField),
    AlertContact(usize),
    Entry(Slot, Part),
    Schedule(usize, SchedulePart),
}

impl Target {
    pub fn parse(path: &str) -> Option<Target> {
        let field = ContactField::from_path(path)?;
        let rest = &path[field.path_prefix().len()..];
        if rest.is_empty() {
            return Some(Target::Field(field));
        }
        if field == ContactField::SharedWithUsers {
            return Some(Target::Entry(
                Slot::Shared,
                entry_part(rest.strip_prefix('.')?)?,
            ));
        }
        let (index, tail) = rest.strip_prefix('[')?.split_once(']')?;
        let index: usize = index.parse().ok()?;
        let part = tail.strip_prefix('.').unwrap_or(tail);
        match field {
            ContactField::AlertContacts => Some(Target::AlertContact(index)),
            ContactField::SupportHours => {
                let part = match part {
                    "time_zone" => SchedulePart::TimeZone,
                    "days" => SchedulePart::Days,
                    "from" => SchedulePart::From,
                    "to" => SchedulePart::To,
                    _ => return None,
                };
                Some(Target::Schedule(index, part))
            }
            ContactField::SharedWithUsers => None,
            _ => Some(Target::Entry(
                Slot::List(field, index),
                entry_part(part).unwrap_or(Part::Email),
            )),
        }
    }

    /// Where the error is, in words, for the error summary.
    pub fn describe(self, i18n: I18n) -> String {
        let t = &i18n.t().form;
        match self {
            Target::Field(field) => t.field_label(field).to_owned(),
            Target::AlertContact(_) => t.alert_contacts_label.to_owned(),
            Target::Entry(slot, part) => {
                let field = match slot {
                    Slot::List(field, _) => field,
                    Slot::Shared => ContactField::SharedWithUsers,
                };
                let suffix = match slot {
                    Slot::List(_, i) => (t.entry_suffix)(i + 1),
                    Slot::Shared => String::new(),
                };
                format!("{} – {}{suffix}", t.field_label(field), part.label(t))
            }
            Target::Schedule(i, part) => {
                let part = match part {
                    SchedulePart::TimeZone => t.time_zone_label,
                    SchedulePart::Days => t.days_label,
                    SchedulePart::From => t.from_label,
                    SchedulePart::To => t.to_label,
                };
                format!(
                    "{} – {}, {part}",
                    t.support_hours_label,
                    (t.schedule_n)(i + 1)
                )
            }
        }
    }

    /// The id of the control to focus so the user can fix this error.
    pub fn focus_id(self, form: Form, session: Session) -> String {
        let sandbox = session.environment() == Environment::Sandbox;
        match self {
            Target::Field(ContactField::AlertContacts) | Target::AlertContact(_) if sandbox => {
                form.dom_id("alert_contacts-switch")
            }
            Target::Field(ContactField::AlertContacts) => alert_options(form)
                .first()
                .map_or_else(|| form.dom_id("alert_contacts"), |o| o.dom_id(form)),
            Target::AlertContact(i) => form
                .info
                .with_untracked(|info| info.alert_contacts.get(i).copied())
                .map_or_else(
                    || form.dom_id("alert_contacts"),
                    |id| form.dom_id(&format!("alert_contacts-user-{id}")),
                ),
            Target::Field(ContactField::SupportHours) => form.dom_id("support_hours-add"),
            Target::Field(ContactField::SharedWithUsers) => {
                form.dom_id(&Slot::Shared.part_path(Part::Email))
            }
            Target::Field(field) => form.dom_id(&Slot::List(field, 0).part_path(Part::Email)),
            Target::Entry(slot, part) => form.dom_id(&slot.part_path(part)),
            Target::Schedule(i, part) => {
                let control = match part {
                    SchedulePart::TimeZone => "time_zone",
                    // The first day's checkbox.
                    SchedulePart::Days => "days.mon",
                    SchedulePart::From => "from",
                    SchedulePart::To => "to",
                };
                form.dom_id(&format!("support_hours[{i}].{control}"))
            }
        }
    }
}

fn entry_part(name: &str) -> Option<Part> {
    match name {
        "email" => Some(Part::Email),
        "name" => Some(Part::Name),
        "phone" => Some(Part::Phone),
        _ => None,
    }
}

/// The error (red, with an icon and a spoken "Error:") or else the advice
/// (amber) for one path; nothing while neither is due.
#[component]
pub fn FieldMessage(form: Form, #[prop(into)] path: Signal<String>) -> impl IntoView {
    let i18n = I18n::expect();
    let error = move || {
        path.with(|path| form.shown_error(path)).map(|error| {
            view! {
                <p
                    class="contact-form__message contact-form__message--error"
                    id=move || path.with(|p| form.error_id(p))
                    data-testid=move || path.with(|p| format!("error:{p}"))
                >
                    <span class="contact-form__icon" aria-hidden="true"></span>
                    <span class="contact-form__visually-hidden">
                        {move || i18n.t().form.error_prefix}
                        " "
                    </span>
                    <span>{move || message(i18n.t(), &error)}</span>
                </p>
            }
        })
    };
    let warning = move || {
        path.with(|path| form.shown_warning(path)).map(|warning| {
            view! {
                <p
                    class="contact-form__message contact-form__message--warning"
                    id=move || path.with(|p| form.warning_id(p))
                    data-testid=move || path.with(|p| format!("warning:{p}"))
                >
                    <span class="contact-form__icon" aria-hidden="true"></span>
                    <span class="contact-form__visually-hidden">
                        {move || i18n.t().form.warning_prefix}
                        " "
                    </span>
                    <span>{move || message(i18n.t(), &warning)}</span>
                </p>
            }
        })
    };
    view! {
        {error}
        {warning}
    }
}
