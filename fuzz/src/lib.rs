//! What every fuzz target checks once a dataset has loaded: everything the app does with a
//! dataset next must work too, and what Entente writes it must read back.

use std::path::Path;

use entente::io::{Format, encode, load_bytes};
use entente::model::{
    Dataset, DatasetIndex, EvidenceFilter, Focus, KindFilter, OutsideFocus, OutsideTime, QuoteFilter, Reliability,
    TimeWindow, Ungraded, ViewQuery, Visibility, YearSpan, active_per_year, search_actors, year_range,
};

/// Indexes, filters and searches the dataset as the app does, then saves it in every format
/// Entente writes and loads the Entente JSON and GraphML copies again.
pub fn saved_dataset_loads_again(dataset: &Dataset) {
    let index = DatasetIndex::new(dataset);
    let filter = KindFilter::default();
    let _ = Visibility::compute(dataset, &index, &ViewQuery::all(&filter));
    if let Some(years) = year_range(dataset, 2026) {
        let kinds = dataset.known_relation_kinds();
        let _ = active_per_year(dataset, &kinds, years);
        // A filter that asks something of every statement, so that every branch of it runs.
        let trusted = EvidenceFilter {
            min_reliability: Some(Reliability::C),
            min_credibility: Some(3),
            min_items: 1,
            min_sources: 1,
            excluded_sources: dataset.sources.first().map(|s| s.id.clone()).into_iter().collect(),
            ungraded: Ungraded::Fails,
            quotes: QuoteFilter::Verified,
        };
        let query = ViewQuery {
            filter: &filter,
            evidence: &trusted,
            focus: Some(Focus {
                actor: 0,
                depth: 2,
                among_neighbours: false,
            }),
            outside_focus: OutsideFocus::Hide,
            time: Some(TimeWindow {
                outside: OutsideTime::Hide,
                show_undated: false,
                ..TimeWindow::as_of(years.0)
            }),
        };
        let _ = Visibility::compute(dataset, &index, &query);
        // Comparing the first year with the last, as the timeline's Compare does.
        let compared = ViewQuery {
            time: Some(TimeWindow {
                span: YearSpan {
                    from: years.0,
                    to: years.1,
                },
                compare: true,
                ..TimeWindow::as_of(years.0)
            }),
            ..query
        };
        let _ = Visibility::compute(dataset, &index, &compared);
    }
    if let Some(actor) = dataset.actors.first() {
        let _ = search_actors(dataset, &actor.name, 10);
    }
    for format in Format::WRITABLE {
        let Ok(text) = encode(dataset, format) else {
            panic!("a loaded dataset could not be written as {}", format.name());
        };
        let name = match format {
            Format::Entente => "again.json",
            Format::GraphMl => "again.graphml",
            _ => continue,
        };
        let again = load_bytes(text.as_bytes(), Path::new(name));
        assert!(
            again.dataset.is_some(),
            "a dataset Entente wrote as {} did not load again: {:?}",
            format.name(),
            again.diagnostics.iter().map(ToString::to_string).collect::<Vec<_>>()
        );
    }
}
