//! Who a change of the contact information concerns: the addresses that
//! were given or lost a role. The server writes each of them a notice, and
//! the account's administrators a digest.

use crate::{ContactEntry, ContactField, ContactInfo};

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
