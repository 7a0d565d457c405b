//! What the app works out once per dataset: lookups, counts, looks, the timeline's histogram
//! and the layout's start. For a file it is worked out on the loading thread, so that putting
//! a big dataset on screen costs the window as little as it can.

use crate::layout::LayoutStart;
use crate::model::{
    Dataset, DatasetIndex, Edit, Part, Summary, active_per_year, numeric_attributes, this_year, year_range,
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
}

impl DatasetViews {
    /// Catches up with an edit made in place (nothing put in or taken out): counts move by
    /// what the edit replaced and what it put instead, and only what an edited actor or
    /// relation shows in is worked out again.
    pub fn follow(&mut self, dataset: &Dataset, edit: &Edit, forward: bool) {
        let mut relations_changed = false;
        for part in edit.parts() {
            match part {
                Part::Actor(slot) => {
                    if let Some(old) = slot.replaced(forward) {
                        self.summary.count_actor(old, false);
                    }
                    if let Some(new) = slot.item(forward) {
                        self.summary.count_actor(new, true);
                    }
                    self.actor_list.update(dataset, slot.at());
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
                Part::Source(_) => {}
                Part::RelationKind(_) | Part::ActorKind(_) => {}
            }
        }
        if edit.changes_kinds() {
            self.looks = KindLooks::of(dataset);
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
    pub fn of(dataset: &Dataset) -> Self {
        let index = DatasetIndex::new(dataset);
        let looks = KindLooks::of(dataset);
        Self {
            layout_start: LayoutStart::new(dataset, &index),
            views: DatasetViews {
                index,
                summary: Summary::of(dataset),
                actor_list: ActorListIndex::new(dataset),
                timeline: TimelineData::of(dataset, &looks),
                looks,
                size_attributes: numeric_attributes(dataset),
                has_file_looks: dataset.actors.iter().any(|a| {
                    let look = &a.appearance;
                    look.colour.is_some() || look.size.is_some() || look.shape.is_some()
                }),
                file_colours: most_used_colours(dataset),
            },
        }
    }
}

/// What the timeline draws.
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
