//! ATOP (Alliance Treaty Obligations and Provisions): the member-level file (a row per
//! member of each alliance) and the alliance-level file (a row per alliance, its members in
//! `mem1`, `mem2`…). ATOP names states only by COW country code; the shipped COW state list
//! names them.

use std::collections::{BTreeMap, HashMap};

use super::memberships::{Alliance, Membership, link_members};
use super::table::{Layout, Row, Table, date_from_parts};
use super::{Assembly, Companion, ReferenceLayout, is_member_column, recognise};
use crate::model::{Dataset, Diagnostic, Period, Source};

const MEMBER_LAYOUT: Layout = Layout {
    name: "ATOP member-level",
    required: &["atopid", "member", "yrent", "yrexit"],
    optional: &[],
    warn_unexpected: false,
};

/// An alliance-level file read only for its terms (dates and obligations).
const TERMS_LAYOUT: Layout = Layout {
    name: "ATOP alliance-level",
    required: &["atopid", "begyr", "endyr"],
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

/// What the alliance-level file says of one alliance, for a member-level file that does not.
struct Terms {
    obligations: Vec<&'static str>,
    line: usize,
    raw: String,
}

/// The member-level file, with the alliance-level file's terms when it sits beside it.
pub fn read_members_with_terms(
    table: Table,
    title: &str,
    file_name: &str,
    companion: Option<Companion<'_>>,
) -> Result<(Dataset, Vec<Diagnostic>), Diagnostic> {
    let mut assembly = new_assembly(title, file_name);
    let terms = match companion {
        Some(companion) => match alliance_terms(companion.text) {
            Ok(terms) => Some((companion.file_name, terms)),
            Err(problem) => {
                assembly.diagnostics.push(Diagnostic::warning(
                    "companion-unreadable",
                    format!(
                        "{} beside this file could not be read for the alliances' obligations: {}",
                        companion.file_name, problem.message
                    ),
                ));
                None
            }
        },
        None => None,
    };
    read_members(table, assembly, terms.as_ref().map(|(name, terms)| (*name, terms)))
}

fn read_members(
    mut table: Table,
    mut assembly: Assembly,
    terms: Option<(&str, &HashMap<i64, Terms>)>,
) -> Result<(Dataset, Vec<Diagnostic>), Diagnostic> {
    let columns = table.columns(&MEMBER_LAYOUT, &mut assembly.diagnostics)?;
    let has_obligations = OBLIGATIONS.iter().any(|(column, _)| columns.contains_key(*column));
    let mut alliances: BTreeMap<i64, Vec<Membership>> = BTreeMap::new();
    for row in table.rows(&columns) {
        let row = row?;
        let Some(alliance) = row.required_number("atopid", "alliance number", &mut assembly.diagnostics) else {
            continue;
        };
        let Some(code) = row.required_code("member", &mut assembly.diagnostics) else {
            continue;
        };
        let obligations = if has_obligations {
            row.labels_of_flags(&OBLIGATIONS)
        } else {
            terms
                .and_then(|(_, terms)| terms.get(&alliance))
                .map(|t| t.obligations.clone())
                .unwrap_or_default()
        };
        alliances.entry(alliance).or_default().push(Membership {
            code,
            name_in_file: String::new(),
            // A year of exit of 0 means the state was still a member when the data end.
            period: Period {
                start: date_from_parts(row.number("yrent"), row.number("moent"), row.number("dayent")),
                end: date_from_parts(row.number("yrexit"), row.number("moexit"), row.number("dayexit")),
            },
            obligations,
            phase: row.number("phase"),
            line: row.line,
            raw: row.raw,
        });
    }
    for (alliance, members) in &alliances {
        let first = assembly.dataset.relations.len();
        link(&mut assembly, *alliance, members);
        // The alliance-level row says what the alliance obliges: it is quoted too.
        if let Some((file_name, terms)) = terms
            && let Some(term) = terms.get(alliance)
        {
            let mut evidence = assembly.record(
                &term.raw,
                term.line,
                Some("The alliance's terms, from the alliance-level file.".to_owned()),
            );
            evidence.locator = Some(format!("{file_name}, line {}", term.line));
            for relation in assembly.dataset.relations.iter_mut().skip(first) {
                relation.evidence.push(evidence.clone());
            }
        }
    }
    assembly.finish(MEMBER_LAYOUT.name)
}

/// Each alliance's period and obligations, from an alliance-level file.
fn alliance_terms(text: &str) -> Result<HashMap<i64, Terms>, Diagnostic> {
    let mut table = Table::open(text, 0, 1)?;
    let columns = table.columns(&TERMS_LAYOUT, &mut Vec::new())?;
    let mut terms = HashMap::new();
    for row in table.rows(&columns) {
        let row = row?;
        let Some(alliance) = row.number("atopid") else {
            continue;
        };
        terms.insert(
            alliance,
            Terms {
                obligations: row.labels_of_flags(&OBLIGATIONS),
                line: row.line,
                raw: row.raw.to_owned(),
            },
        );
    }
    Ok(terms)
}

fn alliance_period(row: &Row) -> Period {
    Period {
        start: date_from_parts(row.number("begyr"), row.number("begmo"), row.number("begday")),
        end: date_from_parts(row.number("endyr"), row.number("endmo"), row.number("endday")),
    }
}

pub fn read_alliances(
    mut table: Table,
    title: &str,
    file_name: &str,
    companion: Option<Companion<'_>>,
) -> Result<(Dataset, Vec<Diagnostic>), Diagnostic> {
    let member_columns: Vec<String> = table
        .headers()
        .iter()
        .filter(|h| is_member_column(h))
        .cloned()
        .collect();
    if member_columns.is_empty() {
        // ATOP 5 keeps the members in the member-level file: read that, with these terms.
        let Some(companion) = companion else {
            return Err(Diagnostic::error(
                "missing-column",
                "this ATOP alliance-level file lists no members (no `mem1`, `mem2`… columns), and the member-level file that names them was not found beside it",
            )
            .expected("the member-level file (for atop5_1a.csv, atop5_1m.csv) in the same folder, or open the member-level file itself")
            .at_line_column(1, 1));
        };
        let terms = alliance_terms(table.text())?;
        let recognised = recognise(companion.text)?
            .filter(|r| r.layout == ReferenceLayout::AtopMembers)
            .ok_or_else(|| {
                Diagnostic::error(
                    "missing-column",
                    format!(
                        "{}, beside this file, is not an ATOP member-level file",
                        companion.file_name
                    ),
                )
                .expected("columns atopid, member, yrent, yrexit")
            })?;
        let members = Table::open(companion.text, recognised.header_start, recognised.header_line)?;
        let assembly = new_assembly(title, companion.file_name);
        return read_members(members, assembly, Some((file_name, &terms)));
    }
    let mut assembly = new_assembly(title, file_name);
    let columns = table.columns(&ALLIANCE_LAYOUT, &mut assembly.diagnostics)?;
    for row in table.rows(&columns) {
        let row = row?;
        let Some(alliance) = row.required_number("atopid", "alliance number", &mut assembly.diagnostics) else {
            continue;
        };
        let period = alliance_period(&row);
        let members: Vec<Membership> = member_columns
            .iter()
            .filter_map(|column| row.number(column).and_then(|c| u16::try_from(c).ok()))
            .filter(|&code| code > 0)
            .map(|code| Membership {
                code,
                name_in_file: String::new(),
                period,
                obligations: row.labels_of_flags(&OBLIGATIONS),
                phase: None,
                line: row.line,
                raw: row.raw,
            })
            .collect();
        if members.len() < 2 {
            assembly.diagnostics.push(row.warning(
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
        publisher: Some("ATOP project".to_owned()),
        url: Some("http://www.atopdata.org/".to_owned()),
        notes: Some(
            "Each quote is one row of the data file, as published. Cite as the project asks: Leeds, Brett Ashley, Jeffrey M. Ritter, Sara McLaughlin Mitchell, and Andrew G. Long. 2002. Alliance Treaty Obligations and Provisions, 1815-1944. International Interactions 28: 237-260."
                .to_owned(),
        ),
        ..Source::new("atop", "Alliance Treaty Obligations and Provisions (ATOP)")
    };
    Assembly::new(
        title,
        "Imported from ATOP. Each alliance links every two members that belonged at the same time; the rows it comes from are its evidence.".to_owned(),
        source,
        file_name,
    )
}

#[cfg(test)]
mod tests {
    use crate::io::reference::{read, recognise};
    use crate::model::{Dataset, Diagnostic};

    fn open(text: &str) -> Result<(Dataset, Vec<Diagnostic>), Diagnostic> {
        let recognised = recognise(text)?.unwrap_or_else(|| panic!("recognised"));
        read(recognised, text, "atop", "atop.csv", None)
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
