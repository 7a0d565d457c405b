use egui::{RichText, Ui};

use super::command::{Command, Selection};
use super::palette::KindLooks;
use super::widgets::colour_swatch;
use crate::model::{Dataset, DatasetIndex, Edit, KindFilter, Part};

/// Above this many matches the list is one flat, virtualised list: only the rows on screen
/// are laid out, so twenty thousand actors cost no more than twenty.
const GROUPED_UP_TO: usize = 400;

/// What the list needs of a dataset, worked out once when it is loaded.
#[derive(Debug, Default, PartialEq)]
pub struct ActorListIndex {
    /// Actor indices by kind (in the dataset's order of kinds), then name, read naturally.
    order: Vec<usize>,
    /// Kind ids in the order the list groups them.
    kinds: Vec<String>,
    /// Lower-case name and aliases of each actor, for filtering.
    search_text: Vec<String>,
}

impl ActorListIndex {
    pub fn new(dataset: &Dataset) -> Self {
        let mut kinds: Vec<String> = dataset.known_actor_kinds().into_iter().map(str::to_owned).collect();
        for actor in &dataset.actors {
            if !kinds.contains(&actor.kind) {
                kinds.push(actor.kind.clone());
            }
        }
        let mut list = Self {
            order: (0..dataset.actors.len()).collect(),
            kinds,
            search_text: dataset.actors.iter().map(search_text).collect(),
        };
        // Each actor's key made once, not twice a comparison (searching the kinds and
        // lower-casing both names on every comparison was most of sorting 20,000 actors).
        let mut keyed: Vec<(SortKey, usize)> = dataset
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| (list.sort_key(a), i))
            .collect();
        keyed.sort_by(|(a, _), (b, _)| by_kind_then_name(a, b));
        list.order = keyed.into_iter().map(|(_, i)| i).collect();
        list
    }

    /// Catches up with an edit (made, or taken back): rows of actors put in or taken out come
    /// and go, positions after them move, and the actors put in or changed are sorted in
    /// where they now belong. `index` has already caught up.
    pub fn follow(&mut self, dataset: &Dataset, index: &DatasetIndex, edit: &Edit, forward: bool) {
        let mut touched: Vec<&str> = Vec::new();
        for part in edit.parts_in_order(forward) {
            let Part::Actor(slot) = part else { continue };
            let at = slot.at();
            match (slot.item(forward), slot.replaced(forward)) {
                (Some(actor), None) => {
                    for i in &mut self.order {
                        if *i >= at {
                            *i += 1;
                        }
                    }
                    self.search_text.insert(at.min(self.search_text.len()), String::new());
                    self.order.push(at);
                    touched.push(&actor.id);
                }
                (None, Some(_)) => {
                    self.order.retain(|&i| i != at);
                    for i in &mut self.order {
                        if *i > at {
                            *i -= 1;
                        }
                    }
                    if at < self.search_text.len() {
                        self.search_text.remove(at);
                    }
                }
                (Some(actor), Some(_)) => touched.push(&actor.id),
                (None, None) => {}
            }
        }
        for id in touched {
            if let Some(at) = index.actor(id) {
                self.update(dataset, at);
            }
        }
    }

    /// The actor at `actor` was edited in place: its row moves to where its kind and name
    /// now sort, without sorting the rest again.
    pub fn update(&mut self, dataset: &Dataset, actor: usize) {
        let Some(edited) = dataset.actors.get(actor) else {
            return;
        };
        if !self.kinds.contains(&edited.kind) {
            self.kinds.push(edited.kind.clone());
        }
        if let Some(text) = self.search_text.get_mut(actor) {
            *text = search_text(edited);
        }
        self.order.retain(|&i| i != actor);
        let at = self
            .order
            .partition_point(|&i| self.compare(dataset, i, actor) == std::cmp::Ordering::Less);
        self.order.insert(at, actor);
    }

    /// By kind (in the dataset's order of kinds), then name, read naturally.
    fn compare(&self, dataset: &Dataset, a: usize, b: usize) -> std::cmp::Ordering {
        let key = |i: usize| dataset.actors.get(i).map(|a| self.sort_key(a));
        match (key(a), key(b)) {
            (Some(a), Some(b)) => by_kind_then_name(&a, &b),
            (a, b) => a.is_some().cmp(&b.is_some()),
        }
    }

    /// The actor's kind's place among the kinds, and its name lower-cased as
    /// `natord::compare_ignore_case` lower-cases it, char by char.
    fn sort_key(&self, actor: &crate::model::Actor) -> SortKey {
        let rank = self.kinds.iter().position(|k| *k == actor.kind).unwrap_or(usize::MAX);
        (rank, actor.name.chars().flat_map(char::to_lowercase).collect())
    }
}

/// An actor's kind's place among the kinds, and its name lower-cased.
type SortKey = (usize, String);

fn by_kind_then_name(a: &SortKey, b: &SortKey) -> std::cmp::Ordering {
    a.0.cmp(&b.0).then_with(|| natord::compare(&a.1, &b.1))
}

/// Lower-case name and aliases, one a line, for filtering.
fn search_text(actor: &crate::model::Actor) -> String {
    std::iter::once(&actor.name)
        .chain(&actor.aliases)
        .map(|s| s.to_lowercase())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Actors grouped by kind, filtered by `filter` (name or alias, any case).
pub fn actor_list(
    ui: &mut Ui,
    (dataset, looks, filter_by_kind, file_looks): (&Dataset, &KindLooks, &KindFilter, bool),
    list: &ActorListIndex,
    filter: &mut String,
    selection: Option<Selection>,
) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.add(
        egui::TextEdit::singleline(filter)
            .hint_text("Filter actors")
            .desired_width(f32::INFINITY),
    );
    let needle = filter.trim().to_lowercase();
    let matches: Vec<usize> = list
        .order
        .iter()
        .copied()
        .filter(|&i| needle.is_empty() || list.search_text.get(i).is_some_and(|t| t.contains(&needle)))
        .collect();
    if matches.is_empty() {
        let text = if dataset.actors.is_empty() {
            "This dataset has no actors."
        } else {
            "No actor matches the filter."
        };
        ui.label(RichText::new(text).weak().italics());
        return commands;
    }
    if matches.len() > GROUPED_UP_TO {
        ui.label(RichText::new(format!("{} actors; type to narrow the list", matches.len())).weak());
        let row_height = ui.spacing().interact_size.y;
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show_rows(ui, row_height, matches.len(), |ui, rows| {
                for &i in matches.get(rows).unwrap_or_default() {
                    actor_row(
                        ui,
                        (dataset, looks, filter_by_kind, file_looks),
                        i,
                        selection,
                        &mut commands,
                    );
                }
            });
        return commands;
    }
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        for kind in &list.kinds {
            let members: Vec<usize> = matches
                .iter()
                .copied()
                .filter(|&i| dataset.actors.get(i).is_some_and(|a| a.kind == *kind))
                .collect();
            if members.is_empty() {
                continue;
            }
            let title = format!("{} ({})", dataset.actor_kind_label(kind), members.len());
            egui::CollapsingHeader::new(title)
                .id_salt(kind)
                .default_open(true)
                .show(ui, |ui| {
                    for i in members {
                        actor_row(
                            ui,
                            (dataset, looks, filter_by_kind, file_looks),
                            i,
                            selection,
                            &mut commands,
                        );
                    }
                });
        }
    });
    commands
}

fn actor_row(
    ui: &mut Ui,
    (dataset, looks, filter_by_kind, file_looks): (&Dataset, &KindLooks, &KindFilter, bool),
    actor_index: usize,
    selection: Option<Selection>,
    commands: &mut Vec<Command>,
) {
    let Some(actor) = dataset.actors.get(actor_index) else {
        return;
    };
    ui.horizontal(|ui| {
        // The swatch is the actor's colour on the canvas: the file's own, when it is drawn.
        let file_colour = actor
            .appearance
            .colour
            .as_deref()
            .filter(|_| file_looks)
            .and_then(super::palette::parse_hex_colour);
        colour_swatch(ui, file_colour.unwrap_or_else(|| looks.actor_colour(&actor.kind)));
        let selected = selection == Some(Selection::Actor(actor_index));
        // Long names are cut to the panel, not the panel stretched to them; the full name is
        // in the tooltip and the side panel.
        // Actors whose kind the legend hides stay listed, greyed, and can still be picked.
        let hidden = !filter_by_kind.actor_kind_shown(&actor.kind);
        let name = if hidden {
            RichText::new(&actor.name).weak()
        } else {
            RichText::new(&actor.name)
        };
        let mut response = ui
            .add(egui::Button::selectable(selected, name).truncate())
            .on_hover_text(if hidden {
                format!("{} (its kind is hidden in the legend)", actor.name)
            } else {
                actor.name.clone()
            });
        if !actor.aliases.is_empty() {
            response = response.on_hover_text(format!("Also known as {}", actor.aliases.join(", ")));
        }
        if response.clicked() {
            // Picking a name in a long list is a request to find it on the canvas too.
            commands.push(Command::Select(Selection::Actor(actor_index)));
            commands.push(Command::CentreOn(actor_index));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, ActorKind};

    #[test]
    fn actors_are_listed_by_kind_then_as_people_read_numbers() {
        let mut dataset = Dataset::new("t");
        for name in ["100", "10", "2", "1", "Actor 10", "actor 9", "0"] {
            dataset.actors.push(Actor::new(name, name, ActorKind::Other));
        }
        dataset.actors.push(Actor::new("s", "Zed", ActorKind::State));
        let list = ActorListIndex::new(&dataset);
        let names: Vec<&str> = list.order.iter().map(|&i| dataset.actors[i].name.as_str()).collect();
        assert_eq!(names, ["Zed", "0", "1", "2", "10", "100", "actor 9", "Actor 10"]);
    }
}
