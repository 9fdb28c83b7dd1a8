//! App-wide state held in context.

mod account;
mod announcer;
mod session;

pub use account::{AccountData, Loaded, Resource};
pub use announcer::{Announcer, LiveRegion};
pub use session::Session;
