//! Error and advice messages under a control, and how an error's path maps to
//! a readable place and to the control that gets focus.

use leptos::prelude::*;
pub use portal_domain::SchedulePart;
use portal_domain::{ContactField, Environment, FieldPath, Leaf};

use super::alert_contacts::alert_options;
use super::state::{Form, Part, Slot, part_label};
use crate::components::FieldMessages;
use crate::i18n::I18n;
use crate::i18n::validation::message;
use crate::state::Session;

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
    /// The control an error path belongs to; `None` for paths outside the
    /// contact form.
    pub fn parse(path: FieldPath) -> Option<Target> {
        let field = path.contact_field()?;
        Some(match (field, path.index(), path.leaf()) {
            (_, None, None) => Target::Field(field),
            (ContactField::AlertContacts, Some(i), _) => Target::AlertContact(i),
            (ContactField::SupportHours, Some(i), Some(Leaf::Schedule(part))) => {
                Target::Schedule(i, part)
            }
            // A schedule as a whole: its first control.
            (ContactField::SupportHours, Some(i), _) => Target::Schedule(i, SchedulePart::TimeZone),
            (ContactField::SharedWithUsers, _, leaf) => {
                Target::Entry(Slot::Shared, entry_part(leaf))
            }
            (_, Some(i), leaf) => Target::Entry(Slot::List(field, i), entry_part(leaf)),
            (_, None, Some(_)) => return None,
        })
    }

    /// Where the error is, in words, for the error summary.
    pub fn describe(self, i18n: I18n) -> String {
        let t = &i18n.t().form;
        match self {
            Target::Field(field) => t.field_label(field).to_owned(),
            Target::AlertContact(_) => t.labels.alert_contacts.to_owned(),
            Target::Entry(slot, part) => {
                let field = match slot {
                    Slot::List(field, _) => field,
                    Slot::Shared => ContactField::SharedWithUsers,
                };
                let suffix = match slot {
                    Slot::List(_, i) => (t.entry_suffix)(i + 1),
                    Slot::Shared => String::new(),
                };
                format!("{} – {}{suffix}", t.field_label(field), part_label(part, t))
            }
            Target::Schedule(i, part) => {
                let part = match part {
                    SchedulePart::TimeZone => t.time_zone_label,
                    SchedulePart::Days => t.days_label,
                    SchedulePart::AllDay => t.all_day_label,
                    SchedulePart::From => t.from_label,
                    SchedulePart::To => t.to_label,
                };
                format!(
                    "{} – {}, {part}",
                    t.labels.support_hours,
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
            Target::Field(ContactField::AlertContacts) => alert_options(form).first().map_or_else(
                || form.path_id(FieldPath::contact(ContactField::AlertContacts)),
                |o| o.dom_id(form),
            ),
            Target::AlertContact(i) => form
                .info
                .with_untracked(|info| info.alert_contacts.get(i).copied())
                .map_or_else(
                    || form.path_id(FieldPath::contact(ContactField::AlertContacts)),
                    |id| form.dom_id(&format!("alert_contacts-user-{id}")),
                ),
            Target::Field(ContactField::SupportHours) => form.dom_id("support_hours-add"),
            Target::Field(ContactField::SharedWithUsers) => {
                form.path_id(Slot::Shared.part_path(Part::Email))
            }
            Target::Field(field) => form.path_id(Slot::List(field, 0).part_path(Part::Email)),
            Target::Entry(slot, part) => form.path_id(slot.part_path(part)),
            // The first day's checkbox.
            Target::Schedule(i, SchedulePart::Days) => {
                form.path_id_with(FieldPath::schedule(i, SchedulePart::Days), "mon")
            }
            Target::Schedule(i, part) => form.path_id(FieldPath::schedule(i, part)),
        }
    }
}

/// The entry's input a path points at; the address for the entry as a whole.
fn entry_part(leaf: Option<Leaf>) -> Part {
    match leaf {
        Some(Leaf::Entry(part)) => part,
        _ => Part::Email,
    }
}

/// The error (red, with an icon and a spoken "Error:") or else the advice
/// (amber) for one path, through the form-field kit; nothing while neither is due.
#[component]
pub fn FieldMessage(form: Form, #[prop(into)] path: Signal<FieldPath>) -> impl IntoView {
    let i18n = I18n::expect();
    let error = Signal::derive(move || {
        form.shown_error(path.get())
            .map(|error| message(i18n.t(), &error))
    });
    let warning = Signal::derive(move || {
        form.shown_warning(path.get())
            .map(|warning| message(i18n.t(), &warning))
    });
    view! {
        <FieldMessages
            id=Signal::derive(move || form.path_id(path.get()))
            test_id=Signal::derive(move || path.get().to_string())
            error
            warning
        />
    }
}
