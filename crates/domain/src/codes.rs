//! Every code a [`FieldError`](crate::FieldError) or [`ErrorBody`](crate::ErrorBody)
//! from this crate can carry, in one place.
//!
//! Errors are values, never sentences: the app's translation catalog matches on
//! these constants (and can check it covers [`ALL`]), and the server sends the
//! same codes, so one message text serves both.
//!
//! | code | on | params | meaning |
//! |---|---|---|---|
//! | `required` | any required field, list or schedule part | | empty |
//! | `too_long` | email, name, password | `max` | more characters than allowed |
//! | `too_short` | password | `min` | fewer characters than allowed |
//! | `too_many` | a contact list | `max` | more entries than allowed |
//! | `local_part_too_long` | email | `max` | the part before `@` is too long |
//! | `invalid_email` | email | | not an address per the WHATWG HTML rule |
//! | `email_domain_needs_dot` | email | | the domain has no dot, e.g. `a@localhost` |
//! | `invalid_phone` | phone | | not `+` and 8–15 digits (country code missing, too short…) |
//! | `not_applicable` | `merchant_operational` | | filled in although the account's integrations don't use it |
//! | `duplicate` | `…[i].email` | `first` | same address as entry `first` of the same list |
//! | `unknown_user` | `alert_contacts[i]` | `id` | not an active user of the account |
//! | `unknown_time_zone` | `support_hours[i].time_zone` | | not an IANA zone name |
//! | `invalid_time` | `support_hours[i].from` / `.to` | | not `HH:MM` (only `to` may be `24:00`) |
//! | `end_before_start` | `support_hours[i].to` | | the interval ends at or before its start |
//! | `overlap` | `support_hours[i].from` | `with` | shares time with schedule `with` in the same zone and day |
//! | `last_administrator` | `role` or `user` | | the change would leave the account without an active administrator |
//! | `last_alert_contact` | `user` | | the user is the only alert contact |
//! | `personal_address` (warning) | `technical_emergency[i].email`, `shared_with_users.email` | `reason` | looks personal; a group alias is recommended |
//! | `validation_failed` | [`ErrorBody::code`](crate::ErrorBody) | | the request had field errors, listed in `fields` |

pub const REQUIRED: &str = "required";
pub const TOO_LONG: &str = "too_long";
pub const TOO_SHORT: &str = "too_short";
pub const TOO_MANY: &str = "too_many";
pub const LOCAL_PART_TOO_LONG: &str = "local_part_too_long";
pub const INVALID_EMAIL: &str = "invalid_email";
pub const EMAIL_DOMAIN_NEEDS_DOT: &str = "email_domain_needs_dot";
pub const INVALID_PHONE: &str = "invalid_phone";
pub const NOT_APPLICABLE: &str = "not_applicable";
pub const DUPLICATE: &str = "duplicate";
pub const UNKNOWN_USER: &str = "unknown_user";
pub const UNKNOWN_TIME_ZONE: &str = "unknown_time_zone";
pub const INVALID_TIME: &str = "invalid_time";
pub const END_BEFORE_START: &str = "end_before_start";
pub const OVERLAP: &str = "overlap";
pub const LAST_ADMINISTRATOR: &str = "last_administrator";
pub const LAST_ALERT_CONTACT: &str = "last_alert_contact";
/// A warning, not an error: it never blocks a save.
pub const PERSONAL_ADDRESS: &str = "personal_address";
/// The top-level [`ErrorBody`](crate::ErrorBody) code of an answer with field errors.
pub const VALIDATION_FAILED: &str = "validation_failed";

/// Every field-level code, so a translation catalog can prove it is complete.
pub const ALL: &[&str] = &[
    REQUIRED,
    TOO_LONG,
    TOO_SHORT,
    TOO_MANY,
    LOCAL_PART_TOO_LONG,
    INVALID_EMAIL,
    EMAIL_DOMAIN_NEEDS_DOT,
    INVALID_PHONE,
    NOT_APPLICABLE,
    DUPLICATE,
    UNKNOWN_USER,
    UNKNOWN_TIME_ZONE,
    INVALID_TIME,
    END_BEFORE_START,
    OVERLAP,
    LAST_ADMINISTRATOR,
    LAST_ALERT_CONTACT,
    PERSONAL_ADDRESS,
];

/// Names of [`FieldError::params`](crate::FieldError) keys, so messages interpolate
/// the right value.
pub mod param {
    /// The largest allowed count or length.
    pub const MAX: &str = "max";
    /// The smallest allowed length.
    pub const MIN: &str = "min";
    /// The index of the earlier entry a duplicate repeats.
    pub const FIRST: &str = "first";
    /// The index of the schedule an overlapping one collides with.
    pub const WITH: &str = "with";
    /// The user id that is not an active user of the account.
    pub const ID: &str = "id";
    /// Why a [`PERSONAL_ADDRESS`](super::PERSONAL_ADDRESS) warning was raised.
    pub const REASON: &str = "reason";
}

/// Values of the `reason` parameter of [`PERSONAL_ADDRESS`].
pub mod reason {
    /// The domain is a consumer mail service (gmail.com, outlook.com, …).
    pub const CONSUMER_DOMAIN: &str = "consumer_domain";
    /// The address is a portal user's own sign-in address.
    pub const USER_ADDRESS: &str = "user_address";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_snake_case() {
        let mut seen = std::collections::BTreeSet::new();
        for code in ALL.iter().chain([&VALIDATION_FAILED]) {
            assert!(seen.insert(*code), "{code} listed twice");
            assert!(
                code.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{code} is not snake_case"
            );
        }
    }
}
