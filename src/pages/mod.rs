//! One module per route.

mod help;
mod not_found;
mod overview;
mod settings;
mod status;

pub use help::Help;
pub use not_found::NotFound;
pub use overview::Overview;
pub use settings::{ContactSettings, UsersSettings};
pub use status::Status;
