//! ATOP (Alliance Treaty Obligations and Provisions): the member-level file (a row per
//! member of each alliance) and the alliance-level file (a row per alliance, its members in
//! `mem1`, `mem2`…). ATOP names states only by COW country code; the shipped COW state list
//! names them.

use std::collections::BTreeMap;

use super::memberships::{Alliance, Membership, link_members};
use super::table::{Layout, Row, Table, date_from_parts};
use super::{Assembly, is_member_column};
use crate::model::{Dataset, Diagnostic, Period, Source};

const MEMBER_LAYOUT: Layout = Layout {
    name: "ATOP member-level",
    required: &["atopid", "member", "yrent", "yrexit"],
    optional: &[],
    warn_unexpected: false,
};

const ALLIANCE_LAYOUT: Layout = Layout {
    name: "ATOP alliance-level",
    required: &["atopid", "begyr", "endyr", "mem1"],
    optional: &[],
    warn_unexpected: false,
};

/// ATOP's obligation columns and how the side panel names them.
const OBLIGATIONS: [(&str, &str); 5] = [
    ("defense", "defence"),
    ("offense", "offence"),
    ("neutral", "neutrality"),
    ("nonagg", "non-aggression"),
    ("consul", "consultation"),
];

pub fn read_members(mut table: Table, title: &str, file_name: &str) -> Result<(Dataset, Vec<Diagnostic>), Diagnostic> {
    let mut assembly = new_assembly(title, file_name);
    let columns = table.columns(&MEMBER_LAYOUT, &mut assembly.warnings)?;
    let mut alliances: BTreeMap<i64, Vec<Membership>> = BTreeMap::new();
    for row in table.rows(&columns) {
        let row = row?;
        let Some(alliance) = number(&row, "atopid", &mut assembly) else {
            continue;
        };
        let Some(code) = number(&row, "member", &mut assembly).and_then(|c| u16::try_from(c).ok()) else {
            continue;
        };
        alliances.entry(alliance).or_default().push(Membership {
            code,
            name_in_file: String::new(),
            // A year of exit of 0 means the state was still a member when the data end.
            period: Period {
                start: date_from_parts(row.number("yrent"), row.number("moent"), row.number("dayent")),
                end: date_from_parts(row.number("yrexit"), row.number("moexit"), row.number("dayexit")),
            },
            obligations: obligations(&row),
            line: row.line,
            raw: row.raw,
        });
    }
    for (alliance, members) in &alliances {
        link(&mut assembly, *alliance, members);
    }
    assembly.finish(MEMBER_LAYOUT.name)
}

pub fn read_alliances(
    mut table: Table,
    title: &str,
    file_name: &str,
) -> Result<(Dataset, Vec<Diagnostic>), Diagnostic> {
    let mut assembly = new_assembly(title, file_name);
    let columns = table.columns(&ALLIANCE_LAYOUT, &mut assembly.warnings)?;
    let member_columns: Vec<String> = table
        .headers()
        .iter()
        .filter(|h| is_member_column(h))
        .cloned()
        .collect();
    for row in table.rows(&columns) {
        let row = row?;
        let Some(alliance) = number(&row, "atopid", &mut assembly) else {
            continue;
        };
        let period = Period {
            start: date_from_parts(row.number("begyr"), row.number("begmo"), row.number("begday")),
            end: date_from_parts(row.number("endyr"), row.number("endmo"), row.number("endday")),
        };
        let members: Vec<Membership> = member_columns
            .iter()
            .filter_map(|column| row.number(column).and_then(|c| u16::try_from(c).ok()))
            .filter(|&code| code > 0)
            .map(|code| Membership {
                code,
                name_in_file: String::new(),
                period,
                obligations: obligations(&row),
                line: row.line,
                raw: row.raw,
            })
            .collect();
        if members.len() < 2 {
            assembly.warnings.push(row.warning(
                "mem1",
                "too-few-members",
                format!(
                    "alliance {alliance} on row {} lists fewer than two members; it is skipped",
                    row.line
                ),
            ));
            continue;
        }
        link(&mut assembly, alliance, &members);
    }
    assembly.finish(ALLIANCE_LAYOUT.name)
}

fn link(assembly: &mut Assembly, alliance: i64, members: &[Membership]) {
    let label = format!("ATOP alliance {alliance}");
    let details = Alliance {
        dataset: "atop",
        id: alliance,
        label: &label,
        right_censored: members.iter().any(|m| m.period.end.is_none()),
    };
    link_members(assembly, &details, members);
}

fn new_assembly(title: &str, file_name: &str) -> Assembly {
    let source = Source {
        id: "atop".to_owned(),
        title: "Alliance Treaty Obligations and Provisions (ATOP)".to_owned(),
        publisher: Some("ATOP project".to_owned()),
        url: Some("http://www.atopdata.org/".to_owned()),
        published: None,
        reliability: None,
        notes: Some(
            "Each quote is one row of the data file, as published. Cite as the project asks: Leeds, Brett Ashley, Jeffrey M. Ritter, Sara McLaughlin Mitchell, and Andrew G. Long. 2002. Alliance Treaty Obligations and Provisions, 1815-1944. International Interactions 28: 237-260."
                .to_owned(),
        ),
        extra: crate::model::ExtraFields::new(),
    };
    Assembly::new(
        title,
        "Imported from ATOP. Each alliance links every two members that belonged at the same time; the rows it comes from are its evidence.".to_owned(),
        source,
        file_name,
    )
}

fn number(row: &Row, column: &str, assembly: &mut Assembly) -> Option<i64> {
    let value = row.number(column);
    if value.is_none() {
        assembly.warnings.push(row.warning(
            column,
            "bad-cell",
            format!(
                "row {} has no number in `{column}` (`{}`); it is skipped",
                row.line,
                row.get(column)
            ),
        ));
    }
    value
}

fn obligations(row: &Row) -> Vec<&'static str> {
    OBLIGATIONS
        .iter()
        .filter(|(column, _)| row.flag(column))
        .map(|&(_, label)| label)
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::io::reference::{read, recognise};
    use crate::model::{Dataset, Diagnostic};

    fn open(text: &str) -> Result<(Dataset, Vec<Diagnostic>), Diagnostic> {
        let recognised = recognise(text)?.unwrap_or_else(|| panic!("recognised"));
        read(recognised, text, "atop", "atop.csv")
    }

    #[test]
    fn member_rows_become_treaties_named_from_the_cow_state_list() {
        let text = "atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,defense,offense,neutral,nonagg,consul\n\
                    3450,710,1961,7,11,0,0,0,1,0,0,0,1\n\
                    3450,731,1961,7,11,0,0,0,1,0,0,0,1\n";
        let (dataset, warnings) = open(text).unwrap_or_else(|e| panic!("{e}"));
        assert!(warnings.is_empty(), "{warnings:?}");
        let names: Vec<&str> = dataset.actors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["China", "North Korea"]);
        let relation = &dataset.relations[0];
        assert_eq!(
            relation.period.map(|p| p.describe()),
            Some("since 11 July 1961".to_owned())
        );
        let summary = relation.summary.as_deref().unwrap_or_default();
        assert!(
            summary.starts_with("ATOP alliance 3450: defence and consultation."),
            "{summary}"
        );
        assert_eq!(relation.evidence.len(), 2);
    }

    #[test]
    fn an_alliance_row_links_all_its_members() {
        let text = "atopid,begyr,endyr,defense,offense,neutral,nonagg,consul,mem1,mem2,mem3,mem4\n\
                    3000,1955,1991,1,0,0,0,1,365,290,310,\n";
        let (dataset, warnings) = open(text).unwrap_or_else(|e| panic!("{e}"));
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(dataset.relations.len(), 3);
        assert!(
            dataset.actors.iter().any(|a| a.name == "Soviet Union"),
            "365 in 1955 is the Soviet Union"
        );
        assert_eq!(dataset.relations[0].evidence.len(), 1, "one row, quoted once");
    }

    #[test]
    fn an_atop_file_without_member_codes_is_refused_by_name() {
        let err = open("atopid,member,yrent\n1,2,1950\n")
            .err()
            .unwrap_or_else(|| panic!("must fail"));
        assert!(err.message.contains("`yrexit`"), "{}", err.message);
    }
}
