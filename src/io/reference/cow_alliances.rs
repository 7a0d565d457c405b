//! Correlates of War Formal Alliances (v4.1): the dyadic file (`alliance_v4.1_by_dyad.csv`)
//! and the member-level file (`alliance_v4.1_by_member.csv`).

use std::collections::{BTreeMap, HashMap};

use super::Assembly;
use super::memberships::{Alliance, Membership, link_members, treaty};
use super::table::{Layout, Row, Table, date_from_parts};
use crate::model::{Dataset, Diagnostic, Period, Source};

const DYAD_LAYOUT: Layout = Layout {
    name: "Correlates of War alliance dyad (alliance_v4.1_by_dyad.csv)",
    required: &[
        "version4id",
        "ccode1",
        "ccode2",
        "dyad_st_year",
        "dyad_end_year",
        "defense",
        "neutrality",
        "nonaggression",
        "entente",
    ],
    optional: &[
        "state_name1",
        "state_name2",
        "dyad_st_day",
        "dyad_st_month",
        "dyad_end_day",
        "dyad_end_month",
        "left_censor",
        "right_censor",
        "asymmetric",
        "version",
    ],
    warn_unexpected: true,
};

const MEMBER_LAYOUT: Layout = Layout {
    name: "Correlates of War alliance member (alliance_v4.1_by_member.csv)",
    required: &[
        "version4id",
        "ccode",
        "mem_st_year",
        "mem_end_year",
        "defense",
        "neutrality",
        "nonaggression",
        "entente",
    ],
    optional: &[
        "state_name",
        "all_st_day",
        "all_st_month",
        "all_st_year",
        "all_end_day",
        "all_end_month",
        "all_end_year",
        "ss_type",
        "mem_st_day",
        "mem_st_month",
        "mem_end_day",
        "mem_end_month",
        "left_censor",
        "right_censor",
        "version",
    ],
    warn_unexpected: true,
};

/// COW's obligation columns and how the side panel names them.
const OBLIGATIONS: [(&str, &str); 4] = [
    ("defense", "defence pact"),
    ("neutrality", "neutrality pact"),
    ("nonaggression", "non-aggression pact"),
    ("entente", "entente"),
];

pub fn read_dyads(mut table: Table, title: &str, file_name: &str) -> Result<(Dataset, Vec<Diagnostic>), Diagnostic> {
    let mut diagnostics = Vec::new();
    let columns = table.columns(&DYAD_LAYOUT, &mut diagnostics)?;
    let mut assembly: Option<Assembly> = None;
    let mut seen: HashMap<(i64, u16, u16, Period), usize> = HashMap::new();
    for row in table.rows(&columns) {
        let row = row?;
        let assembly =
            assembly.get_or_insert_with(|| new_assembly(title, file_name, &row, std::mem::take(&mut diagnostics)));
        let (Some(alliance), Some(first), Some(second)) = (
            row.required_number("version4id", "alliance number", &mut assembly.diagnostics),
            code(&row, "ccode1", assembly),
            code(&row, "ccode2", assembly),
        ) else {
            continue;
        };
        let period = Period {
            start: date_from_parts(
                row.number("dyad_st_year"),
                row.number("dyad_st_month"),
                row.number("dyad_st_day"),
            ),
            end: date_from_parts(
                row.number("dyad_end_year"),
                row.number("dyad_end_month"),
                row.number("dyad_end_day"),
            ),
        };
        let (low, high) = if first.0 <= second.0 {
            (first, second)
        } else {
            (second, first)
        };
        // A directed file lists each dyad twice (A–B and B–A): one relation, both rows quoted.
        let key = (alliance, low.0, high.0, period);
        if let Some(&existing) = seen.get(&key) {
            let evidence = assembly.record(row.raw, row.line, None);
            if let Some(relation) = assembly.dataset.relations.get_mut(existing) {
                relation.evidence.push(evidence);
            }
            continue;
        }
        seen.insert(key, assembly.dataset.relations.len());
        let from = assembly.state(low.0, period.start, low.1);
        let to = assembly.state(high.0, period.start, high.1);
        let label = format!("COW alliance {alliance}");
        let details = Alliance {
            dataset: "cow",
            id: alliance,
            label: &label,
            right_censored: row.flag("right_censor"),
        };
        let evidence = vec![assembly.record(row.raw, row.line, None)];
        let id = assembly.relation_id(format!("cow-{alliance}-{}-{}", low.0, high.0));
        let mut relation = treaty(
            id,
            from,
            to,
            period,
            &details,
            &row.labels_of_flags(&OBLIGATIONS),
            evidence,
        );
        if row.flag("asymmetric")
            && let Some(summary) = &mut relation.summary
        {
            summary.push_str(" The obligations are asymmetric.");
        }
        relation
            .caveats
            .extend(assembly.period_as_published(&row, period, "dyad_end_year"));
        assembly.dataset.relations.push(relation);
    }
    finish(assembly, diagnostics, &DYAD_LAYOUT)
}

pub fn read_members(mut table: Table, title: &str, file_name: &str) -> Result<(Dataset, Vec<Diagnostic>), Diagnostic> {
    let mut diagnostics = Vec::new();
    let columns = table.columns(&MEMBER_LAYOUT, &mut diagnostics)?;
    let mut assembly: Option<Assembly> = None;
    let mut alliances: BTreeMap<i64, (bool, Vec<Membership>)> = BTreeMap::new();
    for row in table.rows(&columns) {
        let row = row?;
        let assembly =
            assembly.get_or_insert_with(|| new_assembly(title, file_name, &row, std::mem::take(&mut diagnostics)));
        let (Some(alliance), Some((code, name_in_file))) = (
            row.required_number("version4id", "alliance number", &mut assembly.diagnostics),
            code(&row, "ccode", assembly),
        ) else {
            continue;
        };
        let entry = alliances.entry(alliance).or_default();
        entry.0 |= row.flag("right_censor");
        entry.1.push(Membership {
            code,
            name_in_file: name_in_file.to_owned(),
            period: Period {
                start: date_from_parts(
                    row.number("mem_st_year"),
                    row.number("mem_st_month"),
                    row.number("mem_st_day"),
                ),
                end: date_from_parts(
                    row.number("mem_end_year"),
                    row.number("mem_end_month"),
                    row.number("mem_end_day"),
                ),
            },
            obligations: row.labels_of_flags(&OBLIGATIONS),
            phase: None,
            line: row.line,
            raw: row.raw,
        });
    }
    if let Some(assembly) = &mut assembly {
        for (alliance, (right_censored, members)) in &alliances {
            let label = format!("COW alliance {alliance}");
            let details = Alliance {
                dataset: "cow",
                id: *alliance,
                label: &label,
                right_censored: *right_censored,
            };
            link_members(assembly, &details, members);
        }
    }
    finish(assembly, diagnostics, &MEMBER_LAYOUT)
}

fn new_assembly(title: &str, file_name: &str, first_row: &Row, diagnostics: Vec<Diagnostic>) -> Assembly {
    let version = first_row.get("version");
    let title_with_version = if version.is_empty() {
        "Correlates of War Formal Alliances".to_owned()
    } else {
        format!("Correlates of War Formal Alliances (v{version})")
    };
    let source = Source {
        publisher: Some("Correlates of War Project".to_owned()),
        url: Some("https://correlatesofwar.org/data-sets/formal-alliances/".to_owned()),
        notes: Some(
            "Each quote is one row of the data file, as published. Cite as the project asks: Gibler, Douglas M. 2009. International Military Alliances, 1648-2008. CQ Press."
                .to_owned(),
        ),
        ..Source::new("cow-formal-alliances", title_with_version)
    };
    let mut assembly = Assembly::new(
        title,
        "Imported from the Correlates of War Formal Alliances data. Each alliance between two states is a treaty relation; the row it comes from is its evidence.".to_owned(),
        source,
        file_name,
    );
    assembly.diagnostics = diagnostics;
    assembly
}

fn finish(
    assembly: Option<Assembly>,
    diagnostics: Vec<Diagnostic>,
    layout: &Layout,
) -> Result<(Dataset, Vec<Diagnostic>), Diagnostic> {
    match assembly {
        Some(assembly) => assembly.finish(layout.name),
        None => Err(diagnostics.into_iter().next().unwrap_or_else(|| {
            Diagnostic::error(
                "empty",
                format!("the {} table has a header row but no rows", layout.name),
            )
            .at_line_column(2, 1)
        })),
    }
}

/// A COW country code and the name the row gives it.
fn code<'r>(row: &'r Row, column: &str, assembly: &mut Assembly) -> Option<(u16, &'r str)> {
    let code = row.required_code(column, &mut assembly.diagnostics)?;
    Some((code, row.get(&column.replace("ccode", "state_name"))))
}

#[cfg(test)]
mod tests {
    use crate::io::reference::{read, recognise};
    use crate::model::Dataset;

    pub const DYAD_HEADER: &str = "version4id,ccode1,state_name1,ccode2,state_name2,dyad_st_day,dyad_st_month,dyad_st_year,dyad_end_day,dyad_end_month,dyad_end_year,left_censor,right_censor,defense,neutrality,nonaggression,entente,asymmetric,version";

    fn open(text: &str) -> Result<(Dataset, Vec<crate::model::Diagnostic>), crate::model::Diagnostic> {
        let recognised = recognise(text)?.unwrap_or_else(|| panic!("recognised"));
        read(recognised, text, "alliances", "alliances.csv", None)
    }

    #[test]
    fn a_dyad_row_is_a_treaty_with_its_period_obligations_and_record() {
        let row = "9001,365,Russia,731,North Korea,6,7,1961,,,,0,1,1,0,0,1,0,4.1";
        let (dataset, warnings) = open(&format!("{DYAD_HEADER}\n{row}\n")).unwrap_or_else(|e| panic!("{e}"));
        assert!(warnings.is_empty(), "{warnings:?}");
        let relation = &dataset.relations[0];
        assert_eq!(relation.kind, "treaty");
        assert_eq!(
            (relation.from.as_str(), relation.to.as_str()),
            ("cow:365:soviet_union", "cow:731")
        );
        assert_eq!(
            relation.period.map(|p| p.describe()),
            Some("since 6 July 1961".to_owned())
        );
        let summary = relation.summary.as_deref().unwrap_or_default();
        assert!(summary.contains("defence pact and entente"), "{summary}");
        assert!(summary.contains("Still in force"), "{summary}");
        assert_eq!(relation.evidence[0].quote, row, "the record is quoted as it stands");
        assert_eq!(relation.evidence[0].locator.as_deref(), Some("alliances.csv, line 2"));
        assert_eq!(dataset.sources[0].title, "Correlates of War Formal Alliances (v4.1)");
        let names: Vec<&str> = dataset.actors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["Soviet Union", "North Korea"]);
    }

    #[test]
    fn an_ended_dyad_has_an_end_and_a_bad_code_is_skipped_with_its_place() {
        let text = format!(
            "{DYAD_HEADER}\n9002,710,China,731,North Korea,11,7,1961,31,12,2012,0,0,1,0,0,0,0,4.1\n9003,x,China,731,North Korea,1,1,1961,,,,0,0,1,0,0,0,0,4.1\n"
        );
        let (dataset, warnings) = open(&text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(dataset.relations.len(), 1);
        assert_eq!(
            dataset.relations[0].period.map(|p| p.describe()),
            Some("11 July 1961–31 December 2012".to_owned())
        );
        assert_eq!(warnings.len(), 1);
        assert_eq!((warnings[0].line, warnings[0].column), (Some(3), Some(6)));
        assert!(warnings[0].message.contains("`ccode1`"));
    }

    #[test]
    fn a_directed_file_listing_each_dyad_both_ways_makes_one_relation() {
        let text = format!(
            "{DYAD_HEADER}\n9004,2,United States of America,200,United Kingdom,4,4,1949,,,,0,1,1,0,0,0,0,4.1\n9004,200,United Kingdom,2,United States of America,4,4,1949,,,,0,1,1,0,0,0,0,4.1\n"
        );
        let (dataset, _) = open(&text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(dataset.relations.len(), 1);
        assert_eq!(dataset.relations[0].evidence.len(), 2, "both rows are quoted");
    }

    #[test]
    fn a_dyad_file_missing_a_column_is_refused_by_name() {
        let header = DYAD_HEADER.replace(",defense", "");
        let err = open(&format!("{header}\n"))
            .err()
            .unwrap_or_else(|| panic!("must fail"));
        assert_eq!(err.code, "missing-column");
        assert!(err.message.contains("`defense`"), "{}", err.message);
        assert_eq!(err.line, Some(1));
    }

    #[test]
    fn members_of_one_alliance_are_linked_while_both_belong() {
        let header = "version4id,ccode,state_name,all_st_day,all_st_month,all_st_year,all_end_day,all_end_month,all_end_year,ss_type,mem_st_day,mem_st_month,mem_st_year,mem_end_day,mem_end_month,mem_end_year,left_censor,right_censor,defense,neutrality,nonaggression,entente,version";
        let rows = [
            "9100,2,United States of America,4,4,1949,,,,Type I,4,4,1949,,,,0,1,1,0,0,0,4.1",
            "9100,200,United Kingdom,4,4,1949,,,,Type I,4,4,1949,,,,0,1,1,0,0,0,4.1",
            "9100,260,German Federal Republic,4,4,1949,,,,Type I,6,5,1955,2,10,1990,0,1,1,0,0,0,4.1",
        ];
        let (dataset, warnings) = open(&format!("{header}\n{}\n", rows.join("\n"))).unwrap_or_else(|e| panic!("{e}"));
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(dataset.relations.len(), 3, "three members make three pairs");
        let west_german = dataset
            .relations
            .iter()
            .find(|r| r.from == "cow:2" && r.to == "cow:260")
            .unwrap_or_else(|| panic!("US–FRG pair"));
        assert_eq!(
            west_german.period.map(|p| p.describe()),
            Some("6 May 1955–2 October 1990".to_owned())
        );
        assert_eq!(west_german.evidence.len(), 2, "both members' rows are quoted");
        assert_eq!(west_german.evidence[1].quote, rows[2]);
    }
}
