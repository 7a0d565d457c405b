//! File › Export Briefing: the view as it stands (kinds, time, focus, evidence filter, a chosen
//! path), its graph as drawn, and the evidence behind every relation shown.

use std::path::{Path, PathBuf};

use super::App;
use crate::briefing::{Briefing, BriefingInput, briefing_html, briefing_markdown, describe_filters};
use crate::io::write_atomically;
use crate::model::Emphasis;

impl App {
    /// Writes the briefing to `path`: Markdown (with the graph as an SVG beside it) when it is
    /// named `.md`, else one HTML file. This is what the Export Briefing dialog does with the
    /// file chosen.
    pub fn export_briefing(&mut self, path: &Path) {
        let markdown = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
        let path: PathBuf = if markdown || path.extension().is_some_and(|e| e.eq_ignore_ascii_case("html")) {
            path.to_owned()
        } else {
            path.with_extension("html")
        };
        let dataset = &self.doc.dataset;
        let shown: Vec<usize> = self
            .view
            .visibility
            .relations
            .iter()
            .enumerate()
            .filter_map(|(r, e)| (*e == Some(Emphasis::Normal)).then_some(r))
            .collect();
        let focus = self
            .focus()
            .and_then(|f| Some((dataset.actors.get(f.actor)?.name.as_str(), f.depth)));
        let mut filters = describe_filters(
            dataset,
            &self.state.filter,
            &self.state.evidence_filter,
            self.state.time_window,
            focus,
        );
        filters.extend(self.chosen_path_in_words());
        let briefing = Briefing::of(&BriefingInput {
            dataset,
            index: &self.doc.views.index,
            shown: &shown,
            filters,
            quotes: &self.doc.views.quotes,
        });
        let svg = crate::ui::graph::view_to_svg(&self.scene, dataset);
        let written = if markdown {
            let graph = path.with_extension("svg");
            let name = graph
                .file_name()
                .map_or_else(|| "graph.svg".to_owned(), |n| n.to_string_lossy().into_owned());
            write_atomically(&graph, svg.as_bytes())
                .and_then(|()| write_atomically(&path, briefing_markdown(&briefing, &name).as_bytes()))
        } else {
            write_atomically(&path, briefing_html(&briefing, &svg).as_bytes())
        };
        match written {
            Ok(()) => self.notify(format!(
                "Exported a briefing of {} with {} to {}",
                crate::text::count(briefing.relations.len(), "relation"),
                crate::text::count(briefing.citations.len(), "citation"),
                path.display()
            )),
            Err(err) => self
                .notices
                .failure("Could not export the briefing".into(), err.to_string()),
        }
    }
}
