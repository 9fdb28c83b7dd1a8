//! App-wide state held in context.

mod announcer;
mod session;

pub use announcer::{Announcer, LiveRegion};
pub use session::Session;
