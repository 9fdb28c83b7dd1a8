//! What a change of the contact information is: the fields it changed, as
//! the history and an import's preview show them, and whom it concerns — the
//! addresses that were given or lost a role. The server writes each of them
//! a notice, and the account's administrators a digest.

use crate::{ContactEntry, ContactField, ContactInfo, FieldChange, SupportSchedule};

/// The fields that differ between `before` (`None`: nothing was saved yet)
/// and `after`, in form order, each rendered as lines; `user_name` names an
/// alert contact (`#id` when it does not know the user).
pub fn field_changes(
    before: Option<&ContactInfo>,
    after: &ContactInfo,
    user_name: &dyn Fn(i64) -> Option<String>,
) -> Vec<FieldChange> {
    let empty = ContactInfo::default();
    let before = before.unwrap_or(&empty);
    let render = |info: &ContactInfo, field: ContactField| match field {
        ContactField::AlertContacts => info
            .alert_contacts
            .iter()
            .map(|&id| user_name(id).unwrap_or_else(|| format!("#{id}")))
            .collect(),
        ContactField::SupportHours => render_schedules(&info.support_hours),
        _ => render_entries(entries(info, field)),
    };
    ContactField::ALL
        .into_iter()
        .map(|field| (field, render(before, field), render(after, field)))
        .filter(|(_, b, a)| b != a)
        .map(|(field, before, after)| FieldChange {
            field: field.path_prefix().to_owned(),
            before,
            after,
        })
        .collect()
}

/// Entries with an address as `Name <address> phone`.
fn render_entries(entries: &[ContactEntry]) -> Vec<String> {
    entries
        .iter()
        .filter(|e| !e.email.is_empty())
        .map(|e| {
            let mut line = if e.name.is_empty() {
                e.email.clone()
            } else {
                format!("{} <{}>", e.name, e.email)
            };
            if !e.phone.is_empty() {
                line.push(' ');
                line.push_str(&e.phone);
            }
            line
        })
        .collect()
}

/// Schedules as `zone days from–to` (`24h` for all day).
fn render_schedules(schedules: &[SupportSchedule]) -> Vec<String> {
    schedules
        .iter()
        .map(|s| {
            let days: Vec<&str> = s.days.iter().map(|d| d.as_str()).collect();
            let hours = if s.all_day {
                "24h".to_owned()
            } else {
                format!("{}–{}", s.from, s.to)
            };
            format!("{} {} {}", s.time_zone, days.join(","), hours)
        })
        .collect()
}

/// The fields that hold addresses of people outside the portal (alert
/// contacts are portal users, and support hours hold none).
pub const ADDRESS_FIELDS: [ContactField; 5] = [
    ContactField::TechnicalEmergency,
    ContactField::TechnicalNonEmergency,
    ContactField::MerchantOperational,
    ContactField::OperationalGoogle,
    ContactField::SharedWithUsers,
];

/// One address whose roles a save changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddressChange {
    /// As written in the newer version (the older one for a removed address).
    pub email: String,
    pub added: Vec<ContactField>,
    pub removed: Vec<ContactField>,
}

fn entries(info: &ContactInfo, field: ContactField) -> &[ContactEntry] {
    match field {
        ContactField::TechnicalEmergency => &info.technical_emergency,
        ContactField::TechnicalNonEmergency => &info.technical_non_emergency,
        ContactField::MerchantOperational => &info.merchant_operational,
        ContactField::OperationalGoogle => &info.operational_google,
        ContactField::SharedWithUsers => std::slice::from_ref(&info.shared_with_users),
        ContactField::AlertContacts | ContactField::SupportHours => &[],
    }
}

/// Whether `info` names `email` (compared without regard to case) in `field`.
fn names(info: &ContactInfo, field: ContactField, key: &str) -> bool {
    entries(info, field)
        .iter()
        .any(|entry| entry.email.trim().to_lowercase() == key)
}

/// Every address added to or removed from a field between `before` (`None`:
/// nothing was saved yet) and `after`, one change per address with all its
/// fields, in the order the addresses appear (newer version first).
pub fn address_changes(before: Option<&ContactInfo>, after: &ContactInfo) -> Vec<AddressChange> {
    let empty = ContactInfo::default();
    let before = before.unwrap_or(&empty);
    let mut changes: Vec<AddressChange> = Vec::new();
    for info in [after, before] {
        for field in ADDRESS_FIELDS {
            for entry in entries(info, field) {
                let email = entry.email.trim();
                let key = email.to_lowercase();
                if email.is_empty() || changes.iter().any(|c| c.email.to_lowercase() == key) {
                    continue;
                }
                let added: Vec<ContactField> = ADDRESS_FIELDS
                    .into_iter()
                    .filter(|&f| names(after, f, &key) && !names(before, f, &key))
                    .collect();
                let removed: Vec<ContactField> = ADDRESS_FIELDS
                    .into_iter()
                    .filter(|&f| names(before, f, &key) && !names(after, f, &key))
                    .collect();
                if !added.is_empty() || !removed.is_empty() {
                    changes.push(AddressChange {
                        email: email.to_owned(),
                        added,
                        removed,
                    });
                }
            }
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(emergency: &[&str], google: &[&str], shared: &str) -> ContactInfo {
        ContactInfo {
            technical_emergency: emergency.iter().map(|e| ContactEntry::new(*e)).collect(),
            operational_google: google.iter().map(|e| ContactEntry::new(*e)).collect(),
            shared_with_users: ContactEntry::new(shared),
            ..ContactInfo::default()
        }
    }

    #[test]
    fn field_changes_render_only_the_fields_that_differ() {
        let before = info(&["oncall@a.example"], &[], "help@a.example");
        let mut after = info(&["oncall@a.example"], &[], "desk@a.example");
        after.alert_contacts = vec![1, 2];
        after.technical_emergency[0].name = "On call".into();
        after.technical_emergency[0].phone = "+34 912 345 678".into();
        let names = |id: i64| (id == 1).then(|| "Ana".to_owned());
        let changes = field_changes(Some(&before), &after, &names);
        assert_eq!(
            changes,
            vec![
                FieldChange {
                    field: "alert_contacts".into(),
                    before: vec![],
                    after: vec!["Ana".into(), "#2".into()],
                },
                FieldChange {
                    field: "technical_emergency".into(),
                    before: vec!["oncall@a.example".into()],
                    after: vec!["On call <oncall@a.example> +34 912 345 678".into()],
                },
                FieldChange {
                    field: "shared_with_users".into(),
                    before: vec!["help@a.example".into()],
                    after: vec!["desk@a.example".into()],
                },
            ]
        );
        assert_eq!(field_changes(Some(&after), &after, &names), vec![]);
        assert_eq!(field_changes(None, &ContactInfo::default(), &names), vec![]);
    }

    #[test]
    fn the_first_save_concerns_every_address_once() {
        let after = info(
            &["oncall@a.example", "ops@a.example"],
            &["ops@a.example"],
            "help@a.example",
        );
        let changes = address_changes(None, &after);
        assert_eq!(
            changes,
            vec![
                AddressChange {
                    email: "oncall@a.example".into(),
                    added: vec![ContactField::TechnicalEmergency],
                    removed: vec![],
                },
                AddressChange {
                    email: "ops@a.example".into(),
                    added: vec![
                        ContactField::TechnicalEmergency,
                        ContactField::OperationalGoogle
                    ],
                    removed: vec![],
                },
                AddressChange {
                    email: "help@a.example".into(),
                    added: vec![ContactField::SharedWithUsers],
                    removed: vec![],
                },
            ]
        );
    }

    #[test]
    fn a_moved_address_is_one_change_and_case_or_order_alone_is_none() {
        let before = info(
            &["Oncall@a.example", "ops@a.example"],
            &[],
            "help@a.example",
        );
        let after = info(
            &["ops@a.example", "oncall@a.example"],
            &["oncall@a.example"],
            "",
        );
        assert_eq!(
            address_changes(Some(&before), &after),
            vec![
                AddressChange {
                    email: "oncall@a.example".into(),
                    added: vec![ContactField::OperationalGoogle],
                    removed: vec![],
                },
                AddressChange {
                    email: "help@a.example".into(),
                    added: vec![],
                    removed: vec![ContactField::SharedWithUsers],
                },
            ]
        );
        assert_eq!(address_changes(Some(&after), &after), vec![]);
    }
}
