//! The account's contact information: who Google tells about what, and when
//! users can get support.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::validate::{Rules, validate_contact_info};

/// One person or alias to contact. Name and phone are optional and stored as
/// empty strings when absent, so a form binds them without `Option` juggling.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactEntry {
    pub email: String,
    #[serde(default)]
    pub name: String,
    /// E.164 (`+` and digits) once normalised.
    #[serde(default)]
    pub phone: String,
}

impl ContactEntry {
    /// An entry with only the address, the one required part.
    pub fn new(email: impl Into<String>) -> Self {
        Self {
            email: email.into(),
            ..Self::default()
        }
    }

    #[must_use]
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.name = name.into();
        self
    }

    #[must_use]
    pub fn with_phone(mut self, phone: impl Into<String>) -> Self {
        self.phone = phone.into();
        self
    }
}

/// A day of the week; ordered Monday first, the order the form lists them.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {
    pub const ALL: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];

    /// Monday to Friday, for the "weekdays" preset.
    pub const WORKING_DAYS: [Weekday; 5] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
    ];

    /// The same spelling as the JSON, for storage and translation keys.
    pub fn as_str(self) -> &'static str {
        match self {
            Weekday::Mon => "mon",
            Weekday::Tue => "tue",
            Weekday::Wed => "wed",
            Weekday::Thu => "thu",
            Weekday::Fri => "fri",
            Weekday::Sat => "sat",
            Weekday::Sun => "sun",
        }
    }

    pub fn parse(s: &str) -> Option<Weekday> {
        Weekday::ALL.into_iter().find(|d| d.as_str() == s)
    }
}

impl fmt::Display for Weekday {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// When user support is offered, in one zone's local time.
///
/// Times are `"HH:MM"` strings, as an HTML time input gives them; `to` may be
/// `"24:00"` so a day can end at midnight. Intervals never cross midnight: a
/// night shift is two schedules.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SupportSchedule {
    /// An IANA name from [`TIME_ZONES`](crate::timezones::TIME_ZONES).
    pub time_zone: String,
    pub days: Vec<Weekday>,
    /// Round the clock on the chosen days; `from`/`to` are then ignored and
    /// normalised to `00:00`/`24:00`.
    #[serde(default)]
    pub all_day: bool,
    pub from: String,
    pub to: String,
}

impl SupportSchedule {
    /// The "24/7" preset.
    pub fn twenty_four_seven(time_zone: impl Into<String>) -> Self {
        Self {
            time_zone: time_zone.into(),
            days: Weekday::ALL.to_vec(),
            all_day: true,
            from: "00:00".to_owned(),
            to: "24:00".to_owned(),
        }
    }

    /// The "weekdays 9–17" preset, the most common office hours.
    pub fn weekdays_nine_to_five(time_zone: impl Into<String>) -> Self {
        Self {
            time_zone: time_zone.into(),
            days: Weekday::WORKING_DAYS.to_vec(),
            all_day: false,
            from: "09:00".to_owned(),
            to: "17:00".to_owned(),
        }
    }
}

/// Everything the contact information form holds; account-wide.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactInfo {
    /// Portal user ids, picked from the account's users rather than typed, so
    /// alerts reach people who can sign in and act.
    pub alert_contacts: Vec<i64>,
    pub technical_emergency: Vec<ContactEntry>,
    pub technical_non_emergency: Vec<ContactEntry>,
    /// Only for integrations that act for merchants; absent from older clients'
    /// JSON, hence the default.
    #[serde(default)]
    pub merchant_operational: Vec<ContactEntry>,
    pub operational_google: Vec<ContactEntry>,
    pub shared_with_users: ContactEntry,
    pub support_hours: Vec<SupportSchedule>,
}

impl ContactInfo {
    /// Whether the onboarding gate can open: the same answer as "saving this
    /// would be accepted", so the app and the server never disagree.
    pub fn is_complete(&self, rules: &Rules<'_>) -> bool {
        validate_contact_info(self, rules).is_valid()
    }

    /// Whether `user_id` is the only alert contact, so removing that user would
    /// leave production alerts with nobody to go to (PRODUCT §6).
    pub fn is_last_alert_contact(&self, user_id: i64) -> bool {
        !self.alert_contacts.is_empty() && self.alert_contacts.iter().all(|&id| id == user_id)
    }
}

/// The seven fields of the form, in the order it shows them, so an error path
/// can be traced back to the field that gets focus.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactField {
    AlertContacts,
    TechnicalEmergency,
    TechnicalNonEmergency,
    MerchantOperational,
    OperationalGoogle,
    SharedWithUsers,
    SupportHours,
}

impl ContactField {
    pub const ALL: [ContactField; 7] = [
        ContactField::AlertContacts,
        ContactField::TechnicalEmergency,
        ContactField::TechnicalNonEmergency,
        ContactField::MerchantOperational,
        ContactField::OperationalGoogle,
        ContactField::SharedWithUsers,
        ContactField::SupportHours,
    ];

    /// Whether an account has this field: the merchant operational contact
    /// only when its integrations need it.
    pub fn applies(self, merchant_contact_required: bool) -> bool {
        merchant_contact_required || self != ContactField::MerchantOperational
    }

    /// The fields an account has, in form order (see [`ContactField::applies`]).
    pub fn applying(merchant_contact_required: bool) -> impl Iterator<Item = ContactField> {
        Self::ALL
            .into_iter()
            .filter(move |f| f.applies(merchant_contact_required))
    }

    /// The field's JSON key, which is also how its
    /// [`FieldPath`](crate::FieldPath) is written.
    pub fn path_prefix(self) -> &'static str {
        match self {
            ContactField::AlertContacts => "alert_contacts",
            ContactField::TechnicalEmergency => "technical_emergency",
            ContactField::TechnicalNonEmergency => "technical_non_emergency",
            ContactField::MerchantOperational => "merchant_operational",
            ContactField::OperationalGoogle => "operational_google",
            ContactField::SharedWithUsers => "shared_with_users",
            ContactField::SupportHours => "support_hours",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json_keys(value: &serde_json::Value) -> Vec<String> {
        value.as_object().unwrap().keys().cloned().collect()
    }

    #[test]
    fn default_contact_info_is_empty_and_has_every_field() {
        let info = ContactInfo::default();
        assert!(info.alert_contacts.is_empty());
        assert!(info.support_hours.is_empty());
        assert_eq!(info.shared_with_users, ContactEntry::default());
        let json = serde_json::to_value(&info).unwrap();
        let mut keys = json_keys(&json);
        keys.sort();
        let mut expected: Vec<String> = ContactField::ALL
            .iter()
            .map(|f| f.path_prefix().to_owned())
            .collect();
        expected.sort();
        assert_eq!(keys, expected);
    }

    #[test]
    fn optional_parts_default_when_missing() {
        let entry: ContactEntry = serde_json::from_str(r#"{"email":"ops@example.com"}"#).unwrap();
        assert_eq!(entry, ContactEntry::new("ops@example.com"));

        let info: ContactInfo = serde_json::from_str(
            r#"{"alert_contacts":[1],"technical_emergency":[],"technical_non_emergency":[],
                "operational_google":[],"shared_with_users":{"email":"a@b.co"},"support_hours":[]}"#,
        )
        .unwrap();
        assert!(info.merchant_operational.is_empty());

        let schedule: SupportSchedule = serde_json::from_str(
            r#"{"time_zone":"UTC","days":["mon","sun"],"from":"09:00","to":"17:00"}"#,
        )
        .unwrap();
        assert!(!schedule.all_day);
        assert_eq!(schedule.days, vec![Weekday::Mon, Weekday::Sun]);
    }

    #[test]
    fn missing_required_keys_are_rejected() {
        assert!(serde_json::from_str::<ContactEntry>(r#"{"name":"x"}"#).is_err());
        assert!(serde_json::from_str::<ContactInfo>(r#"{}"#).is_err());
    }

    #[test]
    fn weekdays_order_and_spelling() {
        let mut days = vec![Weekday::Sun, Weekday::Mon, Weekday::Wed];
        days.sort();
        assert_eq!(days, vec![Weekday::Mon, Weekday::Wed, Weekday::Sun]);
        for day in Weekday::ALL {
            assert_eq!(Weekday::parse(day.as_str()), Some(day));
            assert_eq!(serde_json::to_string(&day).unwrap(), format!("\"{day}\""));
        }
        assert_eq!(Weekday::parse("Monday"), None);
    }

    #[test]
    fn presets() {
        let all = SupportSchedule::twenty_four_seven("Europe/Madrid");
        assert_eq!(all.days.len(), 7);
        assert!(all.all_day);
        assert_eq!((all.from.as_str(), all.to.as_str()), ("00:00", "24:00"));
        let office = SupportSchedule::weekdays_nine_to_five("UTC");
        assert_eq!(office.days, Weekday::WORKING_DAYS.to_vec());
        assert!(!office.all_day);
        assert_eq!(
            (office.from.as_str(), office.to.as_str()),
            ("09:00", "17:00")
        );
        assert_eq!(office.time_zone, "UTC");
    }

    #[test]
    fn field_keys() {
        for field in ContactField::ALL {
            let json = serde_json::to_string(&field).unwrap();
            assert_eq!(json, format!("\"{}\"", field.path_prefix()));
            let path: crate::FieldPath = field.path_prefix().parse().unwrap();
            assert_eq!(path.contact_field(), Some(field));
        }
    }

    #[test]
    fn last_alert_contact() {
        let mut info = ContactInfo {
            alert_contacts: vec![4],
            ..ContactInfo::default()
        };
        assert!(info.is_last_alert_contact(4));
        assert!(!info.is_last_alert_contact(5));
        info.alert_contacts.push(5);
        assert!(!info.is_last_alert_contact(4));
        info.alert_contacts = vec![4, 4];
        assert!(info.is_last_alert_contact(4));
        info.alert_contacts.clear();
        assert!(!info.is_last_alert_contact(4));
    }
}
