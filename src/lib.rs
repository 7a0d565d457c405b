//! Entente: an alliance graph viewer where every link carries its evidence.

mod app;
mod builtin;
pub mod cli;
pub mod io;
pub mod layout;
pub mod model;
mod text;
pub mod ui;

pub use app::{App, Origin, PersistedState};
pub use builtin::{BUILT_IN_NAME, built_in_dataset};
