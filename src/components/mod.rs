//! Reusable pieces of the interface.

mod language_switcher;

pub use language_switcher::LanguageSwitcher;
