//! Which column of a table holds what: the ends of a relation, its kind and dates, its quote and
//! source; an actor's id, name and kind. Proposed from the conventions graph tools export with,
//! chosen by the user when a table follows none, and remembered per file.

use std::fmt;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::Table;
use super::role::Role;

/// How to read a table file: a column for each role it has, and where its actors are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct ColumnMapping {
    /// Each role and the column (as the file spells its header) that holds it.
    pub columns: Vec<(Role, String)>,
    /// A table of actors chosen by the user, when the file beside the relations is not found.
    pub actors_file: Option<PathBuf>,
    /// In a workbook: the sheet of relations, and the sheet of actors (an empty name: none,
    /// even when a sheet is named Nodes or Elements).
    pub relations_sheet: Option<String>,
    pub actors_sheet: Option<String>,
    /// Every role is decided (by the mapping step); otherwise (on the command line) the roles
    /// it names are laid over the proposal.
    pub whole: bool,
}

impl ColumnMapping {
    pub fn column(&self, role: Role) -> Option<&str> {
        self.columns.iter().find(|(r, _)| *r == role).map(|(_, c)| c.as_str())
    }

    /// Gives `role` the `column` (or none); another role of the same table that had the column
    /// gives it up, but an actor's id and name may share one (Kumu keys elements by label).
    pub fn set(&mut self, role: Role, column: Option<String>) {
        self.columns.retain(|(r, _)| *r != role);
        if let Some(column) = column {
            let same_table = |other: Role| Role::ACTORS.contains(&other) == Role::ACTORS.contains(&role);
            let may_share = |other: Role| matches!((role, other), (Role::Id, Role::Label) | (Role::Label, Role::Id));
            self.columns
                .retain(|(r, c)| *c != column || !same_table(*r) || may_share(*r));
            self.columns.push((role, column));
        }
    }

    /// This mapping's roles and files, and the proposal's for the rest.
    pub fn over(&self, proposal: Self) -> Self {
        let mut mapping = proposal;
        for (role, column) in &self.columns {
            mapping.set(*role, Some(column.clone()));
        }
        // `--map quote=…` over a proposal that took a quote-less table's `date` as the link's.
        if self.column(Role::Quote).is_some()
            && self.column(Role::Year).is_none()
            && let Some(year) = mapping
                .column(Role::Year)
                .filter(|c| normalise(c) == "date")
                .map(str::to_owned)
        {
            mapping.set(Role::Year, None);
            mapping.set(Role::Date, Some(year));
        }
        mapping.actors_file = self.actors_file.clone().or(mapping.actors_file);
        mapping.relations_sheet = self.relations_sheet.clone().or(mapping.relations_sheet);
        mapping.actors_sheet = self.actors_sheet.clone().or(mapping.actors_sheet);
        mapping
    }

    /// Has it both ends of a relation?
    pub fn has_ends(&self) -> bool {
        self.column(Role::From).is_some() && self.column(Role::To).is_some()
    }

    /// The mapping the conventions give: column names as TinkerPop/Neptune (`~from`), Neo4j
    /// (`:START_ID`), Gephi's spreadsheet import (`Source,Target,Type` with Type saying
    /// Directed or Undirected), event data (`actor1`) and arms registers (`supplier`) write them.
    pub fn propose(relations: &Table, actors: Option<&Table>) -> Self {
        let mut mapping = Self::default();
        let normalised: Vec<String> = relations.headers.iter().map(|h| normalise(h)).collect();
        let mut taken = vec![false; normalised.len()];
        for role in Role::RELATIONS {
            // Gephi's `Type` says Directed or Undirected: a direction, not a kind.
            let directional = |i: usize| role == Role::Kind && says_direction(relations, i);
            let found = role.conventions().iter().find_map(|wanted| {
                normalised
                    .iter()
                    .enumerate()
                    .find(|&(i, h)| h == wanted && !taken.get(i).copied().unwrap_or(true) && !directional(i))
                    .map(|(i, _)| i)
            });
            if role == Role::Direction
                && found.is_none()
                && let Some(i) = (0..normalised.len()).find(|&i| {
                    Role::Kind
                        .conventions()
                        .contains(&normalised.get(i).map_or("", String::as_str))
                        && says_direction(relations, i)
                })
                && let Some(header) = relations.headers.get(i)
            {
                mapping.set(Role::Direction, Some(header.clone()));
                if let Some(slot) = taken.get_mut(i) {
                    *slot = true;
                }
            }
            if let Some(i) = found
                && let (Some(slot), Some(header)) = (taken.get_mut(i), relations.headers.get(i))
            {
                *slot = true;
                mapping.set(role, Some(header.clone()));
            }
        }
        // Without quotes, a table's `date` dates its rows (an event, a signature), not evidence.
        if mapping.column(Role::Quote).is_none()
            && mapping.column(Role::Start).is_none()
            && mapping.column(Role::Year).is_none()
            && let Some(date) = mapping.column(Role::Date).map(str::to_owned)
        {
            mapping.set(Role::Date, None);
            mapping.set(Role::Year, Some(date));
        }
        if let Some(actors) = actors {
            mapping.propose_actors(actors);
        }
        mapping
    }

    /// Proposes the actor roles from an actors table's headers; a table with names and no ids
    /// (Kumu's Elements) is keyed by its names.
    pub fn propose_actors(&mut self, actors: &Table) {
        let normalised: Vec<String> = actors.headers.iter().map(|h| normalise(h)).collect();
        for role in Role::ACTORS {
            let found = role
                .conventions()
                .iter()
                .find_map(|wanted| normalised.iter().position(|h| h == wanted))
                .and_then(|i| actors.headers.get(i));
            self.set(role, found.cloned());
        }
        if self.column(Role::Id).is_none() {
            let label = self.column(Role::Label).map(str::to_owned);
            self.set(Role::Id, label);
        }
    }

    /// The actor roles only, for a table of actors read on its own.
    pub fn forget_actors(&mut self) {
        self.columns.retain(|(r, _)| !Role::ACTORS.contains(r));
    }
}

/// Reads `--map from=~from,to=~to,kind=~label` (role keys as `Role::key` gives them).
impl std::str::FromStr for ColumnMapping {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let mut mapping = Self::default();
        for pair in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let Some((key, column)) = pair.split_once('=') else {
                return Err(format!("`{pair}` is not role=column"));
            };
            let key = key.trim().to_lowercase();
            match key.as_str() {
                "actors" | "actors_file" => mapping.actors_file = Some(PathBuf::from(column.trim())),
                "relations_sheet" | "relations-sheet" => mapping.relations_sheet = Some(column.trim().to_owned()),
                "actors_sheet" | "actors-sheet" => mapping.actors_sheet = Some(column.trim().to_owned()),
                _ => {
                    let Some(role) = Role::from_key(&key) else {
                        let keys: Vec<&str> = Role::RELATIONS.iter().chain(&Role::ACTORS).map(|r| r.key()).collect();
                        return Err(format!(
                            "`{key}` is not a role; the roles are {}, and actors, relations-sheet, actors-sheet",
                            keys.join(", ")
                        ));
                    };
                    mapping.set(role, Some(column.trim().to_owned()));
                }
            }
        }
        Ok(mapping)
    }
}

impl fmt::Display for ColumnMapping {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pairs: Vec<String> = self
            .columns
            .iter()
            .map(|(role, column)| format!("{}={column}", role.key()))
            .collect();
        f.write_str(&pairs.join(","))
    }
}

/// A header as the conventions are written: lower case, with Neo4j's and Neptune's typing
/// (`:START_ID(Person)`, `name:String`) read for what it says.
pub(super) fn normalise(header: &str) -> String {
    let header = header.trim().to_lowercase();
    let name = match header.as_str() {
        "~id" => "id",
        "~from" => "from",
        "~to" => "to",
        "~label" => "kind",
        h => match h.split_once(':') {
            Some((_, role)) if role.starts_with("id") => "id",
            Some((_, role)) if role.starts_with("start_id") => "from",
            Some((_, role)) if role.starts_with("end_id") => "to",
            Some((_, "type" | "label")) => "kind",
            Some((name, _)) if !name.is_empty() => name,
            _ => h,
        },
    };
    name.replace([' ', '-'], "_")
}

/// Do the column's values say Directed/Undirected, as Gephi's `Type` does?
fn says_direction(table: &Table, column: usize) -> bool {
    let mut values = table
        .rows
        .iter()
        .take(200)
        .filter_map(|row| row.cells.get(column))
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
        .peekable();
    values.peek().is_some()
        && values.all(|v| {
            ["directed", "undirected", "mutual"]
                .iter()
                .any(|d| d.eq_ignore_ascii_case(v))
        })
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::super::TableRow;
    use super::*;

    fn table(headers: &[&str], rows: &[&[&str]]) -> Table {
        Table {
            name: "t".into(),
            headers: headers.iter().map(|h| (*h).to_owned()).collect(),
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, r)| TableRow {
                    line: i + 2,
                    cells: r.iter().map(|c| (*c).to_owned()).collect(),
                })
                .collect(),
        }
    }

    #[test]
    fn conventions_of_each_tool_give_the_ends_and_kind() {
        for (headers, from, to, kind) in [
            (&["~id", "~from", "~to", "~label"][..], "~from", "~to", Some("~label")),
            (
                &[":START_ID(Actor)", ":END_ID(Actor)", ":TYPE"][..],
                ":START_ID(Actor)",
                ":END_ID(Actor)",
                Some(":TYPE"),
            ),
            (&["Actor1", "Actor2", "Event Type"][..], "Actor1", "Actor2", None),
            (&["Supplier", "Recipient", "Weapon"][..], "Supplier", "Recipient", None),
            (&["From", "To", "Type"][..], "From", "To", Some("Type")),
        ] {
            let mapping = ColumnMapping::propose(&table(headers, &[]), None);
            assert_eq!(mapping.column(Role::From), Some(from), "{headers:?}");
            assert_eq!(mapping.column(Role::To), Some(to), "{headers:?}");
            assert_eq!(mapping.column(Role::Kind), kind, "{headers:?}");
        }
    }

    #[test]
    fn gephis_type_is_a_direction_and_source_is_an_end_only_without_from() {
        let gephi = table(
            &["Source", "Target", "Type", "Id", "Label"],
            &[&["a", "b", "Directed", "0", ""], &["b", "c", "Undirected", "1", ""]],
        );
        let mapping = ColumnMapping::propose(&gephi, None);
        assert_eq!(mapping.column(Role::From), Some("Source"));
        assert_eq!(mapping.column(Role::Direction), Some("Type"));
        assert_eq!(
            mapping.column(Role::Kind),
            Some("Label"),
            "Gephi's edge label, not its Type"
        );
        assert_eq!(mapping.column(Role::Source), None, "Source is taken as an end");

        let quoted = ColumnMapping::propose(&table(&["from", "to", "quote", "source", "date"], &[]), None);
        assert_eq!(quoted.column(Role::Source), Some("source"));
        assert_eq!(
            quoted.column(Role::Date),
            Some("date"),
            "with quotes, the date of the evidence"
        );
        let events = ColumnMapping::propose(&table(&["from", "to", "date"], &[]), None);
        assert_eq!(
            events.column(Role::Year),
            Some("date"),
            "without, the date of the row's link"
        );
    }

    #[test]
    fn unknown_columns_propose_no_ends() {
        let mapping = ColumnMapping::propose(&table(&["country_a", "country_b", "yr"], &[]), None);
        assert!(!mapping.has_ends());
    }

    #[test]
    fn a_column_holds_one_role_of_its_table_and_the_command_line_keeps_the_other_tables_roles() {
        let mut mapping = ColumnMapping::default();
        mapping.set(Role::Kind, Some("Type".into()));
        mapping.set(Role::Direction, Some("Type".into()));
        assert_eq!(
            (mapping.column(Role::Kind), mapping.column(Role::Direction)),
            (None, Some("Type"))
        );
        mapping.set(Role::ActorKind, Some("Type".into()));
        assert_eq!(
            mapping.column(Role::Direction),
            Some("Type"),
            "another table's column of that name"
        );
        mapping.set(Role::Label, Some("Label".into()));
        mapping.set(Role::Id, Some("Label".into()));
        assert_eq!(
            (mapping.column(Role::Id), mapping.column(Role::Label)),
            (Some("Label"), Some("Label"))
        );

        let mut kumu = ColumnMapping::propose(&table(&["From", "To", "Type"], &[]), None);
        kumu.propose_actors(&table(&["Label", "Type"], &[]));
        let chosen: ColumnMapping = "kind=Type,label=Label".parse().unwrap_or_else(|e| panic!("{e}"));
        let laid = chosen.over(kumu);
        assert_eq!(
            laid.column(Role::ActorKind),
            Some("Type"),
            "--map kind= is the relations' kind only"
        );
        assert_eq!(laid.column(Role::Id), Some("Label"), "--map label= keeps the id");
    }

    #[test]
    fn a_quote_named_on_the_command_line_gives_date_back_to_the_evidence() {
        let proposal = ColumnMapping::propose(&table(&["from", "to", "date", "said"], &[]), None);
        assert_eq!(proposal.column(Role::Year), Some("date"));
        let laid = "quote=said"
            .parse::<ColumnMapping>()
            .unwrap_or_else(|e| panic!("{e}"))
            .over(proposal);
        assert_eq!((laid.column(Role::Date), laid.column(Role::Year)), (Some("date"), None));
    }

    #[test]
    fn kumu_elements_are_keyed_by_their_labels() {
        let mut mapping = ColumnMapping::default();
        mapping.propose_actors(&table(&["Label", "Type", "Description"], &[]));
        assert_eq!(mapping.column(Role::Id), Some("Label"));
        assert_eq!(mapping.column(Role::ActorKind), Some("Type"));
    }

    #[test]
    fn the_command_line_mapping_reads_and_prints_back() {
        let mapping: ColumnMapping = "from=~from, to=~to,kind=~label,actor-kind=category"
            .parse()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(mapping.column(Role::Kind), Some("~label"));
        assert_eq!(mapping.column(Role::ActorKind), Some("category"));
        assert_eq!(mapping.to_string(), "from=~from,to=~to,kind=~label,actor-kind=category");
        let err = "form=a".parse::<ColumnMapping>().err().unwrap_or_default();
        assert!(err.contains("`form` is not a role"), "{err}");
        assert!("from".parse::<ColumnMapping>().is_err());
    }
}
