//! One module per route.

mod home;
mod invitation;
mod not_found;
mod sign_in;

pub use home::Home;
pub use invitation::AcceptInvitation;
pub use not_found::NotFound;
pub use sign_in::SignIn;
