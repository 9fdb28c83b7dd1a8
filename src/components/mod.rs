//! Reusable pieces of the interface.

mod labelled_input;
mod language_switcher;
mod local_date;
mod users_panel;

pub use labelled_input::LabelledInput;
pub use language_switcher::LanguageSwitcher;
pub use local_date::local_date;
pub use users_panel::UsersPanel;
