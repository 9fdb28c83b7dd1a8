//! Reusable pieces of the interface.

pub mod contact_form;
mod language_switcher;

pub use contact_form::ContactForm;
pub use language_switcher::LanguageSwitcher;
