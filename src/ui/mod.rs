//! Drawing. Each function draws one part of the window and returns the commands the user gave.

mod actor_list;
pub mod command;
mod details_panel;
mod diagnostics_window;
mod evidence_card;
mod fonts;
pub mod graph;
mod info_windows;
mod legend;
mod menu_bar;
mod overlay_dialog;
pub mod palette;
mod relation_table;
mod search_box;
pub mod shortcuts;
mod timeline;
mod toolbar;
mod unsaved_dialog;
pub(crate) mod widgets;

pub use actor_list::{ActorListIndex, actor_list};
pub use command::{Command, InfoWindow, MainView, Selection, UnsavedChoice, ViewImage};
pub use details_panel::details_panel;
pub use diagnostics_window::diagnostics_window;
pub use evidence_card::EvidenceAt;
pub use fonts::install_fonts;
pub use info_windows::info_window;
pub use legend::legend;
pub use menu_bar::{MenuState, menu_bar};
pub use overlay_dialog::{OverlayReview, overlay_dialog};
pub use palette::{actor_kind_colour, relation_kind_colour};
pub use relation_table::relation_table;
pub use search_box::{SEARCH_HINT, SearchState};
pub use timeline::{TimelineView, timeline};
pub use toolbar::{ToolbarState, toolbar};
pub use unsaved_dialog::unsaved_dialog;
