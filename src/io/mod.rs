//! File formats: bytes in, model out, with located diagnostics. Nothing here knows about egui.

pub mod entente_json;
mod file;
mod json_locator;
mod text_position;

pub use entente_json::{LoadReport, to_json};
pub use file::{MAX_FILE_BYTES, load_path, load_text};
pub use text_position::line_column;
