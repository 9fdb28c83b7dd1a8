//! Three-way merge of the contact information, for a save that was refused
//! because someone else saved first (412): what I changed since the version I
//! read (`base`) is applied on top of what is stored now (`theirs`), field by
//! field, and the fields we both changed differently are handed back for the
//! user to decide.
//!
//! Fields are compared as they would be stored ([`normalize_contact_info`]),
//! and beyond that:
//!
//! - `alert_contacts` is a set: order and repeats do not matter;
//! - a contact entry with nothing typed in it (the blank one the form adds to
//!   an empty list) counts as absent, and so does a schedule with no days and
//!   no hours (the form's blank schedule, whatever zone it suggests);
//! - otherwise the order of entries and schedules matters.

use crate::contact::{ContactEntry, ContactField, ContactInfo, SupportSchedule};
use crate::validate::normalize_contact_info;

/// The outcome of [`merge`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    /// Every field that only one side changed carries that side's value;
    /// unchanged fields and conflicts carry theirs.
    pub value: ContactInfo,
    /// The fields both sides changed to different values, in form order.
    pub conflicts: Vec<ContactField>,
}

/// Merges my changes since `base` into `theirs`, field by field:
///
/// | I changed | they changed | result |
/// |---|---|---|
/// | no | either | theirs |
/// | yes | no | mine |
/// | yes | yes, to the same | theirs (the same value) |
/// | yes | yes, differently | theirs, and the field is a conflict |
pub fn merge(base: &ContactInfo, mine: &ContactInfo, theirs: &ContactInfo) -> Merged {
    let (b, m, t) = (comparable(base), comparable(mine), comparable(theirs));
    let mut value = theirs.clone();
    let mut conflicts = Vec::new();
    for field in ContactField::ALL {
        let mine_changed = !same_field(&b, &m, field);
        let theirs_changed = !same_field(&b, &t, field);
        match (mine_changed, theirs_changed) {
            (true, false) => value.take_field(mine, field),
            (true, true) if !same_field(&m, &t, field) => conflicts.push(field),
            _ => {}
        }
    }
    Merged { value, conflicts }
}

impl ContactInfo {
    /// Copies `field` from `from`, leaving the other fields alone, e.g. to
    /// apply the user's choice for one conflicting field.
    pub fn take_field(&mut self, from: &ContactInfo, field: ContactField) {
        match field {
            ContactField::AlertContacts => self.alert_contacts.clone_from(&from.alert_contacts),
            ContactField::TechnicalEmergency => self
                .technical_emergency
                .clone_from(&from.technical_emergency),
            ContactField::TechnicalNonEmergency => self
                .technical_non_emergency
                .clone_from(&from.technical_non_emergency),
            ContactField::MerchantOperational => self
                .merchant_operational
                .clone_from(&from.merchant_operational),
            ContactField::OperationalGoogle => {
                self.operational_google.clone_from(&from.operational_google)
            }
            ContactField::SharedWithUsers => {
                self.shared_with_users.clone_from(&from.shared_with_users);
            }
            ContactField::SupportHours => self.support_hours.clone_from(&from.support_hours),
        }
    }

    /// The fields whose values would be stored differently, in form order,
    /// compared as [`merge`] compares them.
    pub fn differing_fields(&self, other: &ContactInfo) -> Vec<ContactField> {
        let (a, b) = (comparable(self), comparable(other));
        ContactField::ALL
            .into_iter()
            .filter(|&field| !same_field(&a, &b, field))
            .collect()
    }

    /// Whether `field` would be stored alike in both, compared as [`merge`]
    /// compares them.
    pub fn stores_alike(&self, other: &ContactInfo, field: ContactField) -> bool {
        same_field(&comparable(self), &comparable(other), field)
    }
}

fn is_blank_entry(entry: &ContactEntry) -> bool {
    entry.email.is_empty() && entry.name.is_empty() && entry.phone.is_empty()
}

fn is_blank_schedule(schedule: &SupportSchedule) -> bool {
    schedule.days.is_empty()
        && !schedule.all_day
        && schedule.from.is_empty()
        && schedule.to.is_empty()
}

/// The stored form with what the comparison ignores taken out.
fn comparable(info: &ContactInfo) -> ContactInfo {
    let mut info = normalize_contact_info(info);
    info.alert_contacts.sort_unstable();
    for list in [
        &mut info.technical_emergency,
        &mut info.technical_non_emergency,
        &mut info.merchant_operational,
        &mut info.operational_google,
    ] {
        list.retain(|entry| !is_blank_entry(entry));
    }
    info.support_hours.retain(|s| !is_blank_schedule(s));
    info
}

/// Compares one field of two [`comparable`] forms.
fn same_field(a: &ContactInfo, b: &ContactInfo, field: ContactField) -> bool {
    match field {
        ContactField::AlertContacts => a.alert_contacts == b.alert_contacts,
        ContactField::TechnicalEmergency => a.technical_emergency == b.technical_emergency,
        ContactField::TechnicalNonEmergency => {
            a.technical_non_emergency == b.technical_non_emergency
        }
        ContactField::MerchantOperational => a.merchant_operational == b.merchant_operational,
        ContactField::OperationalGoogle => a.operational_google == b.operational_google,
        ContactField::SharedWithUsers => a.shared_with_users == b.shared_with_users,
        ContactField::SupportHours => a.support_hours == b.support_hours,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contact::Weekday;

    fn entry(email: &str) -> ContactEntry {
        ContactEntry::new(email)
    }

    fn base() -> ContactInfo {
        ContactInfo {
            alert_contacts: vec![1, 2],
            technical_emergency: vec![entry("oncall@partner.example")],
            technical_non_emergency: vec![entry("dev@partner.example")],
            merchant_operational: vec![],
            operational_google: vec![entry("ops@partner.example")],
            shared_with_users: entry("support@partner.example"),
            support_hours: vec![SupportSchedule::weekdays_nine_to_five("Europe/Madrid")],
        }
    }

    #[test]
    fn an_administrator_and_an_editor_change_different_fields() {
        let base = base();
        let mut admin = base.clone();
        admin.technical_non_emergency =
            vec![entry("platform@partner.example").with_name("Platform")];
        let mut editor = base.clone();
        editor.operational_google = vec![entry("google-ops@partner.example")];

        // The administrator saved first; the editor's save is merged into it.
        let merged = merge(&base, &editor, &admin);
        assert!(merged.conflicts.is_empty());
        assert_eq!(
            merged.value.technical_non_emergency,
            admin.technical_non_emergency
        );
        assert_eq!(merged.value.operational_google, editor.operational_google);
        assert_eq!(merged.value.technical_emergency, base.technical_emergency);
        assert_eq!(
            merged.value.differing_fields(&base),
            vec![
                ContactField::TechnicalNonEmergency,
                ContactField::OperationalGoogle
            ]
        );
    }

    #[test]
    fn both_changing_a_field_differently_is_a_conflict_that_keeps_theirs() {
        let base = base();
        let mut mine = base.clone();
        mine.shared_with_users = entry("help@partner.example");
        mine.support_hours = vec![SupportSchedule::twenty_four_seven("UTC")];
        let mut theirs = base.clone();
        theirs.shared_with_users = entry("care@partner.example");
        theirs.support_hours = vec![SupportSchedule::twenty_four_seven("UTC")];
        let merged = merge(&base, &mine, &theirs);
        assert_eq!(merged.conflicts, vec![ContactField::SharedWithUsers]);
        assert_eq!(merged.value, theirs, "the same change is no conflict");

        let mut resolved = merged.value.clone();
        resolved.take_field(&mine, ContactField::SharedWithUsers);
        assert_eq!(resolved.shared_with_users, mine.shared_with_users);
        assert_eq!(resolved.support_hours, theirs.support_hours);
    }

    #[test]
    fn alert_contacts_compare_as_a_set() {
        let base = base();
        let mut mine = base.clone();
        mine.alert_contacts = vec![2, 1, 2];
        let mut theirs = base.clone();
        theirs.alert_contacts = vec![1, 2, 3];
        let merged = merge(&base, &mine, &theirs);
        assert!(merged.conflicts.is_empty());
        assert_eq!(merged.value.alert_contacts, vec![1, 2, 3]);
        assert!(mine.differing_fields(&base).is_empty());
        assert!(mine.stores_alike(&base, ContactField::AlertContacts));
        assert!(!theirs.stores_alike(&base, ContactField::AlertContacts));
    }

    #[test]
    fn what_the_form_adds_and_normalisation_are_no_change() {
        let base = ContactInfo {
            alert_contacts: vec![1],
            ..ContactInfo::default()
        };
        // The form shows a blank entry in each empty list and a blank schedule
        // in the browser's zone, and the user padded an address.
        let mut mine = base.clone();
        mine.technical_emergency = vec![ContactEntry::default()];
        mine.operational_google = vec![entry("  "), ContactEntry::default()];
        mine.support_hours = vec![SupportSchedule {
            time_zone: "America/Bogota".into(),
            days: vec![],
            all_day: false,
            from: String::new(),
            to: String::new(),
        }];
        assert!(mine.differing_fields(&base).is_empty());

        let mut theirs = base.clone();
        theirs.technical_emergency = vec![entry("oncall@partner.example")];
        let merged = merge(&base, &mine, &theirs);
        assert!(merged.conflicts.is_empty());
        assert_eq!(merged.value, theirs);

        let mut padded = theirs.clone();
        padded.technical_emergency = vec![entry(" oncall@PARTNER.example ")];
        assert!(padded.differing_fields(&theirs).is_empty());
        let mut days = base.clone();
        days.support_hours = vec![SupportSchedule {
            time_zone: "UTC".into(),
            days: vec![Weekday::Mon],
            all_day: false,
            from: String::new(),
            to: String::new(),
        }];
        assert_eq!(
            days.differing_fields(&base),
            vec![ContactField::SupportHours],
            "a schedule with a day is not blank"
        );
    }

    #[test]
    fn entry_order_matters() {
        let base = ContactInfo {
            technical_emergency: vec![entry("a@partner.example"), entry("b@partner.example")],
            ..ContactInfo::default()
        };
        let mut swapped = base.clone();
        swapped.technical_emergency.reverse();
        assert_eq!(
            swapped.differing_fields(&base),
            vec![ContactField::TechnicalEmergency]
        );
    }

    #[test]
    fn only_my_change_is_applied_to_theirs() {
        let base = base();
        let mut mine = base.clone();
        mine.alert_contacts = vec![2];
        let merged = merge(&base, &mine, &base);
        assert_eq!(merged.value, mine);
        assert!(merged.conflicts.is_empty());
    }
}
