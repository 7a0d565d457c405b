//! Entente: an alliance graph viewer where every link carries its evidence.

// The app's allocator, for every binary that links the app (never for the fuzz targets, whose
// sanitizer needs the system allocator).
#[cfg(feature = "gui")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(feature = "analysis")]
pub mod analysis;
#[cfg(feature = "gui")]
mod app;
pub mod briefing;
mod builtin;
pub mod cli;
pub mod io;
pub mod layout;
mod mix;
pub mod model;
mod text;
#[cfg(feature = "gui")]
pub mod ui;

#[cfg(feature = "gui")]
pub use app::{App, Origin, PersistedState, main_started, report_first_frame};
pub use builtin::{BUILT_IN_NAME, built_in_dataset};
