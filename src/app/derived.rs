//! What the app works out once per dataset: lookups, counts, looks, the timeline's histogram
//! and the layout's start. For a file it is worked out on the loading thread, so that putting
//! a big dataset on screen costs the window as little as it can.

use crate::layout::LayoutStart;
use crate::model::{
    Dataset, DatasetIndex, Edit, Part, QuoteChecks, Summary, active_per_year, numeric_attributes, this_year, year_range,
};
use crate::ui::{ActorListIndex, KindLooks};

/// What the views of a dataset read, kept with it for as long as it is on screen.
pub struct DatasetViews {
    pub index: DatasetIndex,
    /// Counts by kind and source, for the legend and the overview.
    pub summary: Summary,
    pub actor_list: ActorListIndex,
    pub timeline: Option<TimelineData>,
    /// How each kind is drawn in this dataset.
    pub looks: KindLooks,
    /// Attributes most actors have as numbers, which the user may size actors by.
    pub size_attributes: Vec<String>,
    /// The file gives some actor a colour, size or shape of its own.
    pub has_file_looks: bool,
    /// The colours the file gives its actors, most used first (a dozen at most), for the legend.
    pub file_colours: Vec<String>,
    /// Each quote checked against its source's text.
    pub quotes: QuoteChecks,
}

impl DatasetViews {
    /// Catches up with an edit (made, or taken back): counts move by what the edit replaced
    /// and what it put instead, lookups and the actor list shift by the items put in or taken
    /// out, and only what the edit touches is worked out again.
    pub fn follow(&mut self, dataset: &Dataset, edit: &Edit, forward: bool) {
        let mut relations_changed = false;
        let mut actors_changed = false;
        for part in edit.parts() {
            match part {
                Part::Actor(slot) => {
                    if let Some(old) = slot.replaced(forward) {
                        self.summary.count_actor(old, false);
                    }
                    if let Some(new) = slot.item(forward) {
                        self.summary.count_actor(new, true);
                    }
                    actors_changed = true;
                }
                Part::Relation(slot) => {
                    if let Some(old) = slot.replaced(forward) {
                        self.summary.count_relation(old, false);
                    }
                    if let Some(new) = slot.item(forward) {
                        self.summary.count_relation(new, true);
                    }
                    relations_changed = true;
                }
                Part::Source(_) | Part::RelationKind(_) | Part::ActorKind(_) => {}
            }
        }
        self.summary.sources = dataset.sources.len();
        self.index.follow(dataset, edit, forward);
        if actors_changed {
            self.actor_list.follow(dataset, &self.index, edit, forward);
            self.size_attributes = numeric_attributes(dataset);
            self.has_file_looks = dataset.has_file_looks();
            self.file_colours = most_used_colours(dataset);
        }
        if edit.changes_kinds() {
            self.looks = KindLooks::of(dataset);
        }
        if relations_changed || edit.parts().iter().any(|p| matches!(p, Part::Source(_))) {
            self.quotes = QuoteChecks::of(dataset);
        }
        if relations_changed || edit.changes_kinds() {
            self.timeline = TimelineData::of(dataset, &self.looks);
        }
    }
}

/// The views of a dataset, and where its layout starts (taken by the drawn graph).
pub struct Derived {
    pub views: DatasetViews,
    pub layout_start: LayoutStart,
}

impl Derived {
    /// Worked out on both cores: the index and what the layout starts from on one, the rest
    /// on the other (one after another, they kept a 20,000-actor file off screen 0.2 s longer).
    pub fn of(dataset: &Dataset) -> Self {
        std::thread::scope(|scope| {
            let indexed = || {
                let index = DatasetIndex::new(dataset);
                let layout_start = LayoutStart::new(dataset, &index);
                (index, layout_start, QuoteChecks::of(dataset))
            };
            let on_the_other_core = scope.spawn(indexed);
            let looks = KindLooks::of(dataset);
            let summary = Summary::of(dataset);
            let actor_list = ActorListIndex::new(dataset);
            let timeline = TimelineData::of(dataset, &looks);
            let size_attributes = numeric_attributes(dataset);
            let has_file_looks = dataset.has_file_looks();
            let file_colours = most_used_colours(dataset);
            // Only a bug panics there; working it out again here says which.
            let (index, layout_start, quotes) = on_the_other_core.join().unwrap_or_else(|_| indexed());
            Self {
                layout_start,
                views: DatasetViews {
                    index,
                    summary,
                    actor_list,
                    timeline,
                    looks,
                    size_attributes,
                    has_file_looks,
                    file_colours,
                    quotes,
                },
            }
        })
    }
}

/// What the timeline draws.
#[derive(Debug, PartialEq)]
pub struct TimelineData {
    pub years: (i32, i32),
    pub histogram: Vec<(egui::Color32, Vec<u32>)>,
    pub undated: usize,
}

impl TimelineData {
    fn of(dataset: &Dataset, looks: &KindLooks) -> Option<Self> {
        let years = year_range(dataset, this_year())?;
        let kinds = dataset.known_relation_kinds();
        let histogram = active_per_year(dataset, &kinds, years)
            .into_iter()
            .zip(&kinds)
            .map(|(counts, kind)| (looks.relation_colour(kind), counts))
            .collect();
        let undated = dataset.relations.iter().filter(|r| r.period.is_none()).count();
        Some(Self {
            years,
            histogram,
            undated,
        })
    }
}

/// The colours a file gives its actors, most used first, a dozen at most.
fn most_used_colours(dataset: &Dataset) -> Vec<String> {
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for colour in dataset.actors.iter().filter_map(|a| a.appearance.colour.as_deref()) {
        *counts.entry(colour).or_insert(0) += 1;
    }
    let mut colours: Vec<(&str, usize)> = counts.into_iter().collect();
    colours.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    colours.into_iter().take(12).map(|(c, _)| c.to_owned()).collect()
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::builtin::built_in_dataset;
    use crate::model::{self as editing, Actor, Evidence, Proposed, Relation, RelationKindDecl, Source};

    /// What each edit leaves on screen is what opening the edited dataset would show.
    #[test]
    fn views_that_follow_edits_both_ways_equal_views_worked_out_afresh() {
        let mut dataset = Arc::new(built_in_dataset());
        let mut views = Derived::of(&dataset).views;
        type Make = Box<dyn Fn(&Dataset, &DatasetIndex) -> Option<Proposed>>;
        let steps: Vec<Make> = vec![
            Box::new(|d, i| {
                editing::add_actor(d, i, Actor::new("wagner", "Wagner Group", "non_state_armed_group")).ok()
            }),
            Box::new(|d, i| {
                let mut kind = RelationKindDecl::new("cyber", "Cyber support");
                kind.colour = Some("#7b3294".into());
                editing::add_relation(d, i, Relation::new("w1", "cyber", "wagner", "russia"), Some(kind)).ok()
            }),
            Box::new(|d, i| {
                let at = i.actor("wagner")?;
                let mut renamed = d.actors.get(at)?.clone();
                renamed.name = "Africa Corps".into();
                editing::change_actor(d, at, renamed).ok()
            }),
            Box::new(|d, i| editing::add_source(d, i, Source::new("notes", "Notes")).ok()),
            Box::new(|d, i| editing::change_evidence(d, i, 0, None, Some(Evidence::quoting("notes", "a quote"))).ok()),
            Box::new(|d, i| editing::merge_actors(d, i, i.actor("russia")?, i.actor("wagner")?)),
            Box::new(|d, i| editing::delete_actor(d, i, i.actor("north_korea")?)),
            Box::new(|d, i| editing::delete_relation(d, i, 0)),
        ];
        let mut taken = Vec::new();
        for make in &steps {
            let proposed = make(&dataset, &views.index).unwrap_or_else(|| panic!("step {} refused", taken.len()));
            proposed.edit.apply(&mut dataset, true);
            views.follow(&dataset, &proposed.edit, true);
            same_views(&views, &dataset, &proposed.label);
            taken.push(proposed);
        }
        for proposed in taken.iter().rev() {
            proposed.edit.apply(&mut dataset, false);
            views.follow(&dataset, &proposed.edit, false);
            same_views(&views, &dataset, &format!("undoing {}", proposed.label));
        }
    }

    fn same_views(views: &DatasetViews, dataset: &Dataset, after: &str) {
        let fresh = Derived::of(dataset).views;
        assert_eq!(views.index, fresh.index, "lookups after {after}");
        assert_eq!(views.summary, fresh.summary, "counts after {after}");
        assert_eq!(views.actor_list, fresh.actor_list, "actor list after {after}");
        assert_eq!(views.timeline, fresh.timeline, "timeline after {after}");
        assert_eq!(
            views.size_attributes, fresh.size_attributes,
            "size attributes after {after}"
        );
    }
}
