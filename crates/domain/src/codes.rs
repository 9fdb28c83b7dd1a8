//! Every code a [`FieldError`](crate::FieldError) or [`ErrorBody`](crate::ErrorBody)
//! can carry, as enums.
//!
//! Errors are values, never sentences: the app's translation catalog matches on
//! [`Code`] exhaustively, so a new code cannot ship without its messages, and the
//! server builds its answers from the same enums, so one message text serves
//! both. On the wire each code is its `snake_case` name.
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
//! | `emergency_phone_missing` (warning) | `technical_emergency[i].phone` | | no phone, and support hours do not cover 24/7 |
//! | `operational_address_shared` (warning) | `operational_google[i].email`, `shared_with_users.email` | | the Google-only address is also the one given to users |
//! | `single_technical_contact` (warning) | every `technical_emergency[i].email`, `technical_non_emergency[i].email` | | one address is every technical contact |
//! | `schedules_overlap_across_zones` (warning) | `support_hours[i].time_zone` | `with` | shares real time with schedule `with`, which is in another zone |
//! | `already_registered` | `email` | | the address already belongs to a portal user |
//! | `stale` | `version` | `current` | the resource changed since it was read; `current` is its version now |
//! | `invalid_type` | any path of a request body | | the JSON value has the wrong type (only API clients can send it) |

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Generates a `snake_case` code enum with `ALL`, `as_str`, `Display` and
/// `FromStr`, so the list, the spelling and serde's spelling cannot drift
/// apart (a unit test checks the last).
macro_rules! code_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[ $( $name::$variant, )+ ];

            /// The spelling on the wire.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( $name::$variant => $text, )+
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = UnknownCode;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $name::ALL
                    .iter()
                    .copied()
                    .find(|code| code.as_str() == s)
                    .ok_or_else(|| UnknownCode(s.to_owned()))
            }
        }
    };
}

code_enum! {
    /// What is wrong with one field; see the table in the module documentation.
    pub enum Code {
        Required = "required",
        TooLong = "too_long",
        TooShort = "too_short",
        TooMany = "too_many",
        LocalPartTooLong = "local_part_too_long",
        InvalidEmail = "invalid_email",
        EmailDomainNeedsDot = "email_domain_needs_dot",
        InvalidPhone = "invalid_phone",
        NotApplicable = "not_applicable",
        Duplicate = "duplicate",
        UnknownUser = "unknown_user",
        UnknownTimeZone = "unknown_time_zone",
        InvalidTime = "invalid_time",
        EndBeforeStart = "end_before_start",
        Overlap = "overlap",
        LastAdministrator = "last_administrator",
        LastAlertContact = "last_alert_contact",
        /// A warning, not an error: it never blocks a save.
        PersonalAddress = "personal_address",
        /// Warnings about coverage ([`crate::coverage`]); like every code in
        /// [`Code::WARNINGS`] they never block a save.
        EmergencyPhoneMissing = "emergency_phone_missing",
        OperationalAddressShared = "operational_address_shared",
        SingleTechnicalContact = "single_technical_contact",
        SchedulesOverlapAcrossZones = "schedules_overlap_across_zones",
        AlreadyRegistered = "already_registered",
        Stale = "stale",
        /// The request body has a value of the wrong JSON type here, e.g. a
        /// string where a list belongs. Only API clients can send it.
        InvalidType = "invalid_type",
    }
}

code_enum! {
    /// Why a request failed as a whole: the `code` of every non-2xx answer.
    pub enum ErrorCode {
        /// No such route or resource (404).
        NotFound = "not_found",
        /// The route exists, but not with this method; `Allow` lists the ones it has (405).
        MethodNotAllowed = "method_not_allowed",
        /// No session, or it ended (401).
        Unauthorized = "unauthorized",
        /// The caller's role may not do this, or the request came from another site (403).
        Forbidden = "forbidden",
        /// Fields break the rules; they are listed in `fields` (422).
        ValidationFailed = "validation_failed",
        /// A change without `If-Match` (428).
        PreconditionRequired = "precondition_required",
        /// Someone saved a newer version meanwhile; the `ETag` carries it (412).
        VersionConflict = "version_conflict",
        /// `If-Match` is not an `ETag` the server gave out (400).
        InvalidIfMatch = "invalid_if_match",
        /// The query string cannot be read (400).
        InvalidQuery = "invalid_query",
        /// The body is not sent as JSON (415).
        JsonRequired = "json_required",
        /// The body is not valid JSON (400).
        MalformedJson = "malformed_json",
        /// The JSON does not have the expected fields (422).
        InvalidBody = "invalid_body",
        /// The body is larger than the server accepts (413).
        BodyTooLarge = "body_too_large",
        /// Wrong address or password, said the same way for both (401).
        InvalidCredentials = "invalid_credentials",
        /// Too many failed sign-ins; `Retry-After` says how long to wait (429).
        TooManyAttempts = "too_many_attempts",
        /// The change would leave no active administrator (409).
        LastAdministrator = "last_administrator",
        /// The user is the only alert contact (409).
        LastAlertContact = "last_alert_contact",
        /// The invitation was already accepted (409).
        AlreadyActive = "already_active",
        /// The one-time link is unknown or used (404).
        InvitationInvalid = "invitation_invalid",
        /// The one-time link has expired (410).
        InvitationExpired = "invitation_expired",
        /// The address is already verified (409).
        AlreadyVerified = "already_verified",
        /// The verification link is unknown or used (404).
        VerificationInvalid = "verification_invalid",
        /// The verification link has expired (410).
        VerificationExpired = "verification_expired",
        /// The database cannot be reached (503).
        DatabaseUnavailable = "database_unavailable",
        /// The server failed while answering, a defect on its side (500).
        InternalError = "internal_error",
        /// Never sent by the server: what a client records when an error answer
        /// has no readable error body (a proxy's page, a newer server's code).
        UnexpectedResponse = "unexpected_response",
    }
}

impl Code {
    /// The codes that are advice, never errors: they land in
    /// [`Report::warnings`](crate::Report), never block a save, and an
    /// account can dismiss each of them (the API's `…/warnings/{code}/dismissal`).
    pub const WARNINGS: &'static [Code] = &[
        Code::PersonalAddress,
        Code::EmergencyPhoneMissing,
        Code::OperationalAddressShared,
        Code::SingleTechnicalContact,
        Code::SchedulesOverlapAcrossZones,
    ];

    /// Whether this code is one of [`Code::WARNINGS`].
    pub fn is_warning(self) -> bool {
        Code::WARNINGS.contains(&self)
    }
}

/// A string that is not one of the known codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownCode(pub String);

impl fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown code `{}`", self.0)
    }
}

impl std::error::Error for UnknownCode {}

/// Names of [`FieldError::params`](crate::FieldError) keys, so messages interpolate
/// the right value.
pub mod param {
    /// The largest allowed count or length.
    pub const MAX: &str = "max";
    /// The smallest allowed length.
    pub const MIN: &str = "min";
    /// The index of the earlier entry a duplicate repeats.
    pub const FIRST: &str = "first";
    /// The index of the schedule an overlapping one collides with (in the
    /// same zone for [`Overlap`](super::Code::Overlap), in another for
    /// [`SchedulesOverlapAcrossZones`](super::Code::SchedulesOverlapAcrossZones)).
    pub const WITH: &str = "with";
    /// The user id that is not an active user of the account.
    pub const ID: &str = "id";
    /// Why a [`PersonalAddress`](super::Code::PersonalAddress) warning was raised.
    pub const REASON: &str = "reason";
    /// The version a [`Stale`](super::Code::Stale) resource has now.
    pub const CURRENT: &str = "current";
}

/// Values of the `reason` parameter of [`Code::PersonalAddress`].
pub mod reason {
    /// The domain is a consumer mail service (gmail.com, outlook.com, …).
    pub const CONSUMER_DOMAIN: &str = "consumer_domain";
    /// The address is a portal user's own sign-in address.
    pub const USER_ADDRESS: &str = "user_address";
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check<T>(all: &[T])
    where
        T: Copy + fmt::Display + FromStr + PartialEq + fmt::Debug + Serialize,
        for<'de> T: Deserialize<'de>,
    {
        let mut seen = std::collections::BTreeSet::new();
        for &code in all {
            let text = code.to_string();
            assert!(seen.insert(text.clone()), "{text} listed twice");
            assert!(
                text.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{text} is not snake_case"
            );
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{text}\""), "serde spells {code:?} alike");
            assert_eq!(serde_json::from_str::<T>(&json).unwrap(), code);
            assert!(text.parse::<T>().ok() == Some(code));
        }
    }

    #[test]
    fn codes_are_unique_snake_case_and_serde_spells_them_alike() {
        check(Code::ALL);
        check(ErrorCode::ALL);
        assert!("Required".parse::<Code>().is_err());
        assert!(serde_json::from_str::<Code>("\"no_such_code\"").is_err());
        assert_eq!(
            "nope".parse::<ErrorCode>().unwrap_err().to_string(),
            "unknown code `nope`"
        );
    }

    #[test]
    fn todays_spellings() {
        assert_eq!(Code::EmailDomainNeedsDot.as_str(), "email_domain_needs_dot");
        assert_eq!(Code::LocalPartTooLong.as_str(), "local_part_too_long");
        assert_eq!(ErrorCode::InvalidIfMatch.as_str(), "invalid_if_match");
        assert_eq!(ErrorCode::VersionConflict.as_str(), "version_conflict");
        assert_eq!(Code::ALL.len(), 25);
        assert_eq!(
            Code::SchedulesOverlapAcrossZones.as_str(),
            "schedules_overlap_across_zones"
        );
        assert!(Code::WARNINGS.iter().all(|c| c.is_warning()));
        assert!(!Code::Required.is_warning() && !Code::Overlap.is_warning());
    }
}
