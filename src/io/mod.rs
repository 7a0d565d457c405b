#![deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
//! File formats: bytes in, model out, with located diagnostics. Nothing here knows about egui.

mod attribute_values;
mod attributes_out;
pub mod dot;
pub mod edge_list;
pub mod entente_json;
mod file;
mod format;
pub mod gexf;
pub mod gml;
pub mod graphml;
mod import_builder;
mod import_mapping;
mod json_locator;
mod load_report;
pub mod memory_budget;
pub mod pajek;
mod published_rows;
pub mod reference;
mod source_texts;
pub mod table;
mod text_file;
mod text_position;
mod xml_reader;

pub use entente_json::to_json;
pub use file::{
    SaveError, encode, load_bytes, load_bytes_with, load_path, load_path_with, load_text, save_path, write_atomically,
};
pub use format::Format;
pub use import_builder::UNSPECIFIED_KIND;
pub use import_mapping::{AttributeSummary, ImportMapping, MappingProposal, clean_label};
pub use load_report::LoadReport;
pub use source_texts::{MAX_TEXT_BYTES, TextFolder, attach_and_check};
pub use text_file::{EncodingFrom, ReadText, read_text_file, readable_text};
pub use text_position::line_column;
