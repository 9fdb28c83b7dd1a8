//! App-wide state held in context.

mod session;

pub use session::Session;
