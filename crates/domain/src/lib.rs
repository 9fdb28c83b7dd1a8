//! The Partner Portal's data model and validation rules.
//!
//! This crate is compiled both into the WebAssembly app and into the server, so
//! the browser and the API apply exactly the same rules. It does no I/O and has
//! no dependency beyond serde, which keeps the wasm bundle small.

pub mod api;
pub mod health;

pub use api::{ErrorBody, FieldError};
pub use health::Health;
