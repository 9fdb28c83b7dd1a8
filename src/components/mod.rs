//! Reusable pieces of the interface.

pub mod focus;
mod language_switcher;
mod onboarding;
mod portal;
pub mod tabs;

pub use language_switcher::LanguageSwitcher;
pub use onboarding::OnboardingModal;
pub use portal::{EnvironmentSwitcher, Portal};
mod tmp_standins;
pub use tmp_standins::{ContactForm, UsersPanel};
