//! Rows into actors and relations: each mapped column is read as its role, every other column
//! is kept as an attribute, and rows about the same link add evidence to one relation.

use rustc_hash::FxHashMap as HashMap;

use super::column_mapping::ColumnMapping;
use super::role::Role;
use super::{Table, TableRow};
use crate::io::ImportMapping;
use crate::io::import_builder::ImportBuilder;
use crate::model::{Dataset, Diagnostic, Severity};

/// Attribute names the import reads a role from: a column of the file that the mapping leaves
/// out but that bears one of these names is kept under another name, so the mapping decides.
const READ_AS_ROLES: [&str; 26] = [
    "from",
    "to",
    "kind",
    "direction",
    "directed",
    "start",
    "start_date",
    "begin",
    "from_date",
    "year",
    "end",
    "end_date",
    "to_date",
    "date",
    "quote",
    "speaker",
    "source",
    "url",
    "id",
    "name",
    "label",
    "title",
    "type",
    "category",
    "labelv",
    "labele",
];

/// Attribute names an actors table's roles are read from.
const ACTOR_ROLES: [&str; 8] = ["id", "name", "label", "title", "kind", "type", "category", "labelv"];

/// The format name of workbooks, whose `To` cells may name several actors as Kumu's do.
pub const WORKBOOK: &str = "Spreadsheet";

/// Reads a relations table (and its actors table) as `mapping` says.
pub fn read_tables(
    relations: &Table,
    actors: Option<&Table>,
    mapping: &ColumnMapping,
    title: &str,
    format_name: &str,
) -> Result<(Dataset, Vec<Diagnostic>), Diagnostic> {
    let column_of = |table: &Table, role: Role| {
        mapping
            .column(role)
            .and_then(|name| table.headers.iter().position(|h| h == name))
    };
    let (Some(from_column), Some(to_column)) = (column_of(relations, Role::From), column_of(relations, Role::To))
    else {
        return Err(missing_ends(relations, mapping));
    };
    let mut builder = ImportBuilder::new(title, format_name).with_mapping(ImportMapping {
        actor_label: mapping.column(Role::Label).map(|_| "name".to_owned()),
        actor_kind: mapping.column(Role::ActorKind).map(|_| "kind".to_owned()),
        relation_kind: mapping.column(Role::Kind).map(|_| "kind".to_owned()),
        columns: None,
    });
    builder.reserve_relations(relations.rows.len());
    let id_of_label = match actors {
        Some(actors) => read_actors(actors, mapping, &mut builder)?,
        None => HashMap::default(),
    };
    let roles = roles_of(relations, mapping, &Role::RELATIONS);
    let mut linked_rows = 0usize;
    let mut merged_rows = 0usize;
    let split_ends = format_name == WORKBOOK;
    for row in &relations.rows {
        let cell = |i: usize| row.cells.get(i).map_or("", |c| c.trim());
        let (from, to) = (cell(from_column), cell(to_column));
        // Kumu draws a link from `From` to each of the `To` cell's names, split by `|`.
        let targets: Vec<&str> = if split_ends {
            to.split('|').map(str::trim).filter(|t| !t.is_empty()).collect()
        } else {
            Some(to).filter(|t| !t.is_empty()).into_iter().collect()
        };
        if from.is_empty() || targets.is_empty() {
            builder.warn(
                Diagnostic::warning(
                    "missing-end",
                    format!("row {} has no `from` or no `to`; it is skipped", row.line),
                )
                .at_line_column(row.line, 1),
            );
            continue;
        }
        let attributes = attributes_of(row, &relations.headers, &roles, &[from_column, to_column]);
        let before = builder.relation_count();
        let quoted = attributes.iter().any(|(name, _)| name == "quote");
        for to in targets {
            let (from, to) = (
                resolve(&builder, from, &id_of_label),
                resolve(&builder, to, &id_of_label),
            );
            builder.add_relation(None, &from, &to, true, &attributes);
        }
        if builder.relation_count() == before && !quoted {
            merged_rows += 1;
        }
        linked_rows += 1;
    }
    if linked_rows == 0 {
        // Nothing usable: say why, rather than open an empty graph.
        let first_problem = builder.diagnostics.first().cloned();
        return Err(first_problem.map_or_else(
            || Diagnostic::error("empty", "the table has a header row but no rows of links").at_line_column(2, 1),
            |problem| Diagnostic {
                severity: Severity::Error,
                ..problem
            },
        ));
    }
    if merged_rows > 0 {
        // Counts summed in an aggregate would be lost without a word otherwise.
        builder.warn(Diagnostic::warning(
            "merged-rows",
            if merged_rows == 1 {
                "1 row repeats a link already read (the same ends, kind and period) and was merged into it; its \
                 other columns keep the first row's values"
                    .to_owned()
            } else {
                format!(
                    "{merged_rows} rows repeat a link already read (the same ends, kind and period) and were merged \
                     into it; their other columns keep the first row's values"
                )
            },
        ));
    }
    Ok(builder.finish())
}

/// An end as the actors know it: an actor's id, else the id of the actor with that label (Kumu
/// keys elements by id while connections name them by label), else as written.
fn resolve(builder: &ImportBuilder, end: &str, id_of_label: &HashMap<String, String>) -> String {
    if builder.has_actor(end) {
        return end.to_owned();
    }
    id_of_label.get(end).cloned().unwrap_or_else(|| end.to_owned())
}

/// Reads the actors; returns each actor's id by its label, when the two differ.
fn read_actors(
    actors: &Table,
    mapping: &ColumnMapping,
    builder: &mut ImportBuilder,
) -> Result<HashMap<String, String>, Diagnostic> {
    let Some(id_column) = mapping
        .column(Role::Id)
        .and_then(|name| actors.headers.iter().position(|h| h == name))
    else {
        return Err(Diagnostic::error(
            "missing-column",
            format!(
                "the actors table {} has no id column ({})",
                actors.name,
                actors.headers.join(", ")
            ),
        )
        .expected("a column of ids (id, ~id, :ID) or of names, chosen as the actors' id")
        .at_line_column(1, 1));
    };
    let roles = roles_of(actors, mapping, &Role::ACTORS);
    let label_column = mapping
        .column(Role::Label)
        .and_then(|name| actors.headers.iter().position(|h| h == name))
        .filter(|&at| at != id_column);
    let mut id_of_label = HashMap::default();
    for row in &actors.rows {
        let Some(id) = row.cells.get(id_column).map(|c| c.trim()).filter(|id| !id.is_empty()) else {
            continue;
        };
        let attributes = attributes_of(row, &actors.headers, &roles, &[id_column]);
        builder.add_actor(id, &attributes);
        if let Some(label) = label_column.and_then(|at| row.cells.get(at)).map(|l| l.trim())
            && !label.is_empty()
        {
            id_of_label.entry(label.to_owned()).or_insert_with(|| id.to_owned());
        }
    }
    Ok(id_of_label)
}

/// The column index and attribute name of each mapped role the table has.
fn roles_of(table: &Table, mapping: &ColumnMapping, roles: &[Role]) -> Vec<(usize, &'static str)> {
    // Evidence is quoted words: without a quote column, a date, outlet or link column stays an
    // attribute of the relation rather than vanish.
    let quoted = mapping.column(Role::Quote).is_some();
    roles
        .iter()
        .filter(|role| !matches!(role, Role::From | Role::To | Role::Id))
        .filter(|role| quoted || !matches!(role, Role::Date | Role::Speaker | Role::Source | Role::Url))
        .filter_map(|&role| {
            let column = mapping.column(role)?;
            let at = table.headers.iter().position(|h| h == column)?;
            Some((at, role.attribute()))
        })
        .collect()
}

/// A row's attributes: mapped columns under their role's name first, then every other column
/// under its own (renamed when it would be read as a role the mapping gave elsewhere or none).
fn attributes_of(
    row: &TableRow,
    headers: &[String],
    roles: &[(usize, &'static str)],
    ends: &[usize],
) -> Vec<(String, String)> {
    let cell = |i: usize| row.cells.get(i).map_or("", |c| c.trim());
    let mut attributes: Vec<(String, String)> = roles
        .iter()
        .map(|&(at, name)| (name.to_owned(), cell(at).to_owned()))
        .filter(|(_, value)| !value.is_empty())
        .collect();
    for (at, header) in headers.iter().enumerate() {
        if ends.contains(&at) || roles.iter().any(|&(r, _)| r == at) {
            continue;
        }
        let value = cell(at);
        if value.is_empty() {
            continue;
        }
        let normalised = super::column_mapping::normalise(header);
        // A relation's own id in another tool names nothing in Entente.
        if ends.len() == 2 && normalised == "id" {
            continue;
        }
        // `name:String` (Neptune) is `name`; a header left empty (pandas' index) is its place.
        let name = match header.trim().split_once(':') {
            _ if header.trim().is_empty() => format!("column {}", at + 1),
            Some((base, _)) if !base.is_empty() => base.to_lowercase(),
            _ => header.trim().to_lowercase(),
        };
        // An actors table's other fields (start, end, description) keep their meaning.
        let reserved = if ends.len() == 2 {
            READ_AS_ROLES.contains(&name.as_str())
        } else {
            ACTOR_ROLES.contains(&name.as_str())
        };
        let name = if reserved || name.starts_with('~') || name.starts_with(':') {
            format!("{} (column)", header.trim())
        } else {
            name
        };
        attributes.push((name, value.to_owned()));
    }
    attributes
}

fn missing_ends(relations: &Table, mapping: &ColumnMapping) -> Diagnostic {
    let chosen: Vec<&str> = [Role::From, Role::To]
        .into_iter()
        .filter_map(|role| {
            mapping
                .column(role)
                .filter(|c| !relations.headers.iter().any(|h| h == c))
        })
        .collect();
    let message = if chosen.is_empty() {
        format!(
            "the header row of {} ({}) has no columns Entente knows for the two ends of a relation",
            relations.name,
            relations.headers.join(", ")
        )
    } else {
        format!(
            "{} has no column {} (its columns are {})",
            relations.name,
            chosen.join(" or "),
            relations.headers.join(", ")
        )
    };
    // A workbook's relations may be on another sheet than the one Entente tried.
    let sheet = if relations.name.contains(" › ") {
        "relations-sheet=SHEET,"
    } else {
        ""
    };
    Diagnostic::error("missing-column", message)
        .expected(format!(
            "columns from,to (or source,target, ~from,~to, :START_ID,:END_ID, actor1,actor2, supplier,recipient), \
             or a mapping that names them: --map {sheet}from=COLUMN,to=COLUMN"
        ))
        .at_line_column(1, 1)
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::model::Direction;

    fn table(text: &str) -> Table {
        super::super::csv_table(text, "t.csv").unwrap_or_else(|e| panic!("{e}"))
    }

    fn read(
        relations: &str,
        actors: Option<&str>,
        mapping: Option<&str>,
    ) -> Result<(Dataset, Vec<Diagnostic>), Diagnostic> {
        let relations = table(relations);
        let actors = actors.map(table);
        let mapping = match mapping {
            Some(text) => text.parse().unwrap_or_else(|e| panic!("{e}")),
            None => ColumnMapping::propose(&relations, actors.as_ref()),
        };
        read_tables(&relations, actors.as_ref(), &mapping, "t", "CSV")
    }

    #[test]
    fn reads_an_edge_list_with_evidence_columns() {
        let text = "From,To,Kind,Quote,Source,URL,Date,Weight\n\
                    North Korea,Russia,arms supply,\"Shells, and more shells\",Newsweek,https://example.org/a,2024-11,5\n\
                    North Korea,Russia,arms supply,Second account,Reuters,,2024,\n\
                    Russia,North Korea,treaty,,,,,\n";
        let (d, diagnostics) = read(text, None, None).unwrap_or_else(|e| panic!("{e}"));
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(d.actors.len(), 2);
        assert_eq!(d.relations.len(), 2, "rows about the same link merge");
        let arms = &d.relations[0];
        assert_eq!((arms.kind.as_str(), arms.evidence.len()), ("arms_supply", 2));
        assert_eq!(arms.evidence[0].quote, "Shells, and more shells");
        assert_eq!(arms.evidence[0].url.as_deref(), Some("https://example.org/a"));
        assert_eq!(arms.evidence[0].date.map(|d| d.to_string()), Some("2024-11".into()));
        assert_eq!(
            d.source(&arms.evidence[1].source).map(|s| s.title.as_str()),
            Some("Reuters")
        );
        assert_eq!(d.relations[1].kind, "treaty");
        assert_eq!(d.relations[1].direction, Direction::Directed);
    }

    #[test]
    fn gephi_style_source_and_target_are_the_ends_and_type_the_direction() {
        let (d, _) = read("Source,Target,Type\na,b,Undirected\n", None, None).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((d.relations[0].from.as_str(), d.relations[0].to.as_str()), ("a", "b"));
        assert_eq!(d.relations[0].direction, Direction::Mutual);
        assert_eq!(d.relations[0].kind, crate::io::UNSPECIFIED_KIND);
    }

    #[test]
    fn a_table_without_ends_is_refused_with_the_columns_it_has() {
        let err = read("name,age\nx,3\n", None, None)
            .err()
            .unwrap_or_else(|| panic!("must fail"));
        assert_eq!(err.code, "missing-column");
        assert!(err.message.contains("name, age"));
        assert!(err.expected.unwrap_or_default().contains("--map from=COLUMN,to=COLUMN"));
    }

    #[test]
    fn a_chosen_mapping_reads_columns_of_any_name_and_decides_over_conventions() {
        let text = "country_a,country_b,tie,type,yr\nUSA,ROK,treaty,bilateral,1953\n";
        let (d, _) =
            read(text, None, Some("from=country_a,to=country_b,kind=tie,start=yr")).unwrap_or_else(|e| panic!("{e}"));
        let relation = &d.relations[0];
        assert_eq!((relation.from.as_str(), relation.kind.as_str()), ("USA", "treaty"));
        assert_eq!(
            relation.period.and_then(|p| p.start).map(|s| s.to_string()),
            Some("1953".into())
        );
        assert_eq!(
            relation
                .extra
                .get("attributes")
                .and_then(|a| a.get("type (column)"))
                .and_then(|v| v.as_str()),
            Some("bilateral"),
            "a column the mapping leaves out is kept, not read as a kind"
        );
    }

    #[test]
    fn an_actor_list_names_and_kinds_the_actors() {
        let actors = "id,name,kind,aliases\nnk,North Korea,state,DPRK;Pyongyang\nh,Hamas,armed group,\n";
        let (d, _) = read("from,to\nnk,h\n", Some(actors), None).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(d.actors[0].name, "North Korea");
        assert_eq!(d.actors[0].aliases, ["DPRK", "Pyongyang"]);
        assert_eq!(d.actors[1].kind, crate::model::ActorKind::NonStateArmedGroup);
    }

    #[test]
    fn a_workbook_to_cell_of_separators_only_is_a_missing_end() {
        let relations = table("From,To\na,b|c\nd, | \n");
        let mapping = ColumnMapping::propose(&relations, None);
        let (d, diagnostics) = read_tables(&relations, None, &mapping, "t", WORKBOOK).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(d.relations.len(), 2, "a → b and a → c");
        assert!(
            diagnostics.iter().any(|d| d.code == "missing-end" && d.line == Some(3)),
            "{diagnostics:?}"
        );
        assert!(!diagnostics.iter().any(|d| d.code == "merged-rows"));
    }

    #[test]
    fn a_row_without_an_end_is_skipped_with_its_line() {
        let (d, diagnostics) = read("from,to\na,b\n,c\n", None, None).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(d.relations.len(), 1);
        assert_eq!((diagnostics[0].code, diagnostics[0].line), ("missing-end", Some(3)));
    }
}
