//! One module per route.

mod help;
mod invitation;
mod not_found;
mod overview;
mod settings;
mod sign_in;
mod status;
mod verify;

pub use help::Help;
pub use invitation::Invitation;
pub use not_found::NotFound;
pub use overview::{Overview, hours_summary};
pub use settings::{ContactSettings, UsersSettings};
pub use sign_in::FrontDoorSignIn;
pub use status::Status;
pub use verify::Verify;
