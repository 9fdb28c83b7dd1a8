//! Reusable pieces of the interface.

mod account_data;
pub mod address_state;
pub mod contact_form;
pub mod end_user_preview;
pub mod field;
pub mod focus;
mod language_switcher;
pub mod local_date;
mod onboarding;
mod portal;
pub mod tabs;
mod users;

pub use account_data::WithContactAndUsers;
pub use contact_form::ContactForm;
pub use field::{FieldMessages, TextField, described_by};
pub use language_switcher::LanguageSwitcher;
pub use local_date::local_date;
pub use onboarding::OnboardingModal;
pub use portal::{EnvironmentSwitcher, Portal};
pub use users::UsersPanel;
