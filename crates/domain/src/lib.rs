//! The Partner Portal's data model and validation rules.
//!
//! This crate is compiled both into the WebAssembly app and into the server, so
//! the browser and the API apply exactly the same rules. It does no I/O and has
//! no dependency beyond serde, which keeps the wasm bundle small.

pub mod account;
pub mod api;
pub mod changes;
pub mod codes;
pub mod contact;
pub mod coverage;
pub mod document;
pub mod health;
pub mod merge;
pub mod pages;
pub mod path;
pub mod review;
pub mod timezones;
pub mod validate;
pub mod verification;
pub mod wire;

pub use account::{
    Account, Environment, INVITATION_VALIDITY_DAYS, IntegrationKind, NewInvitation, Role, User,
    UserStatus, would_remove_last_administrator,
};
pub use api::{ErrorBody, FieldError};
pub use changes::{ADDRESS_FIELDS, AddressChange, address_changes, field_changes};
pub use codes::{Code, ErrorCode};
pub use contact::{ContactEntry, ContactField, ContactInfo, SupportSchedule, Weekday};
pub use coverage::{coverage_warnings, support_is_round_the_clock};
pub use document::{ContactInfoDocument, DOCUMENT_SCHEMA_VERSION, DocumentProblem};
pub use health::Health;
pub use merge::{Merged, merge};
pub use pages::AppPage;
pub use path::{FieldPath, Leaf, Part, SchedulePart};
pub use review::{ReviewPolicy, ReviewState, ReviewStatus};
pub use timezones::{TIME_ZONES, canonical_time_zone, is_known_time_zone};
pub use validate::{
    Report, Rules, UserRef, normalize_contact_info, normalize_user_email, validate_contact_info,
    validate_email, validate_entry, validate_invitation, validate_password, validate_person_name,
};
pub use verification::{
    AddressState, AddressStatus, VERIFICATION_RESEND_MINUTES, VERIFICATION_VALIDITY_DAYS,
    VerificationDetails, VerificationRequest,
};
pub use wire::{
    AcceptInvitation, ContactInfoResponse, EnvironmentChange, FieldChange, HistoryEntry,
    HistoryPage, InvitationDetails, InvitationPurpose, RoleChange, SessionInfo, SignInRequest,
};
