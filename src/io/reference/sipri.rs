//! The SIPRI Arms Transfers Database trade register, as its website exports it: notes first,
//! then a header row whose unnamed columns hold `?` uncertainty flags, then a row per deal.
//! Recipients SIPRI marks with `*` are not states.

use std::collections::HashMap;

use super::Assembly;
use super::table::{Layout, Row, Table};
use crate::model::{
    ActorKind, Caveat, Dataset, Diagnostic, ExtraFields, Magnitude, PartialDate, Period, Relation, Source,
    normalise_name,
};

const LAYOUT: Layout = Layout {
    name: "SIPRI trade register",
    required: &["recipient", "supplier", "year of order", "weapon designation"],
    optional: &[
        "number ordered",
        "weapon description",
        "number delivered",
        DELIVERIES_IN_RANGE,
        "year(s) of delivery",
        "status",
        "comments",
        "sipri tiv per unit",
        "sipri tiv for total order",
        "sipri tiv of delivered weapons",
    ],
    warn_unexpected: true,
};

/// The columns SIPRI may flag with `?` in the unnamed column after them.
const FLAGGED: [(&str, &str); 4] = [
    ("year of order", "year of order"),
    ("number ordered", "number ordered"),
    ("number delivered", "number delivered"),
    (DELIVERIES_IN_RANGE, "number delivered"),
];

const TIV_DELIVERED: &str = "sipri tiv of delivered weapons";

/// What newer exports call the number delivered (counted within the years selected).
const DELIVERIES_IN_RANGE: &str = "deliveries in the year range";

pub fn read_trade_register(
    mut table: Table,
    title: &str,
    file_name: &str,
) -> Result<(Dataset, Vec<Diagnostic>), Diagnostic> {
    let mut assembly = new_assembly(title, file_name, table.preamble());
    let columns = table.columns(&LAYOUT, &mut assembly.diagnostics)?;
    // Supplier-to-recipient pairs, in the order the register first mentions them, with the
    // years they span and their delivered TIV.
    let mut pairs: HashMap<(String, String), PairTotals> = HashMap::new();
    for row in table.rows(&columns) {
        let row = row?;
        let (supplier, recipient) = (row.get("supplier"), row.get("recipient"));
        if supplier.is_empty() || recipient.is_empty() {
            assembly.diagnostics.push(row.warning(
                if supplier.is_empty() { "supplier" } else { "recipient" },
                "missing-end",
                format!("row {} has no supplier or no recipient; it is skipped", row.line),
            ));
            continue;
        }
        let from = actor(&mut assembly, supplier);
        let to = actor(&mut assembly, recipient);
        let order = year_of_order(row.get("year of order"));
        let deliveries = years_in(row.get("year(s) of delivery"));
        let tiv = delivered_tiv(row.get(TIV_DELIVERED));
        let caveats = cells_that_are_not_numbers(&row, order, &deliveries, &mut assembly.diagnostics);
        let evidence = assembly.record(row.raw, row.line, Some(describe_deal(&row, order, &deliveries)));
        let next = assembly.dataset.relations.len();
        let totals = pairs.entry((from.clone(), to.clone())).or_insert_with(|| PairTotals {
            relation: next,
            ..PairTotals::default()
        });
        if totals.relation == next {
            let id = assembly.relation_id(format!("sipri-{}-{}", strip_prefix(&from), strip_prefix(&to)));
            assembly
                .dataset
                .relations
                .push(Relation::new(id, "arms_supply", from, to));
        }
        for year in order.map(|(y, _)| y).into_iter().chain(deliveries) {
            totals.first_year = Some(totals.first_year.map_or(year, |f| f.min(year)));
            totals.last_year = Some(totals.last_year.map_or(year, |l| l.max(year)));
        }
        if let Some(tiv) = tiv {
            totals.tiv_delivered = Some(totals.tiv_delivered.unwrap_or(0.0) + tiv);
        }
        totals.deals += 1;
        if let Some(relation) = assembly.dataset.relations.get_mut(totals.relation) {
            relation.evidence.push(evidence);
            relation.caveats.extend(caveats);
        }
    }
    for totals in pairs.values() {
        if let Some(relation) = assembly.dataset.relations.get_mut(totals.relation) {
            totals.fill(relation);
        }
    }
    assembly.finish(LAYOUT.name)
}

#[derive(Default)]
struct PairTotals {
    relation: usize,
    deals: usize,
    first_year: Option<i32>,
    last_year: Option<i32>,
    tiv_delivered: Option<f64>,
}

impl PairTotals {
    fn fill(&self, relation: &mut Relation) {
        relation.period = self.first_year.map(|first| Period {
            start: Some(PartialDate::year(first)),
            end: self.last_year.map(PartialDate::year),
        });
        let deals = if self.deals == 1 {
            "1 deal".to_owned()
        } else {
            format!("{} deals", self.deals)
        };
        relation.summary = Some(format!("{deals} in the SIPRI trade register."));
        relation.magnitude = self.tiv_delivered.and_then(|total| {
            // TIVs are given to two decimals at most; summing floats must not add noise.
            let total = (total * 1000.0).round() / 1000.0;
            Some(Magnitude {
                value: Some(if total.fract() == 0.0 && total.abs() < 1e15 {
                    serde_json::Number::from(total as i64)
                } else {
                    serde_json::Number::from_f64(total)?
                }),
                unit: Some("SIPRI TIV (millions)".to_owned()),
                as_stated: format!("The sum of 'SIPRI TIV of delivered weapons' over {deals}."),
                extra: ExtraFields::new(),
            })
        });
    }
}

/// The actor for a name in the register; a trailing `*` marks a non-state recipient.
fn actor(assembly: &mut Assembly, name_in_file: &str) -> String {
    let name = name_in_file.trim_end_matches('*').trim_end();
    let stars = name_in_file.len() - name_in_file.trim_end_matches('*').len();
    // One star marks a non-state actor; two, as on "African Union**", an organisation.
    let description = (stars > 0).then(|| format!("SIPRI marks this recipient as not a state (`{name_in_file}`)."));
    let kind = match stars {
        0 => ActorKind::State,
        1 => ActorKind::NonStateArmedGroup,
        _ => ActorKind::Organisation,
    };
    let id = format!("sipri:{}", normalise_name(name).replace(' ', "_"));
    assembly.named(id, name, kind, description)
}

fn strip_prefix(id: &str) -> &str {
    id.strip_prefix("sipri:").unwrap_or(id)
}

/// A warning at the cell, and a caveat for the relation, for each cell that does not hold what
/// its column does (a year of order of 99999, -5 ordered, "abc" delivered). The row is kept:
/// it is quoted as published, and what cannot be read is left out of the sums and the period.
fn cells_that_are_not_numbers(
    row: &Row,
    order: Option<(i32, bool)>,
    deliveries: &[i32],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Caveat> {
    let mut problems: Vec<(&str, String)> = Vec::new();
    let order_cell = row.get("year of order");
    if !order_cell.is_empty() && order.is_none() {
        problems.push((
            "year of order",
            format!("the year of order `{order_cell}` is not a year, so the deal is dated by its deliveries only"),
        ));
    }
    let delivered_column = if row.get("number delivered").is_empty() {
        DELIVERIES_IN_RANGE
    } else {
        "number delivered"
    };
    for (column, what) in [
        ("number ordered", "number ordered"),
        (delivered_column, "number delivered"),
    ] {
        let cell = row.get(column);
        if !cell.is_empty() && count(cell).is_none() {
            problems.push((column, format!("the {what} `{cell}` is not a count")));
        }
    }
    let delivery_cell = row.get("year(s) of delivery");
    if !delivery_cell.is_empty() && deliveries.is_empty() {
        problems.push((
            "year(s) of delivery",
            format!("the years of delivery `{delivery_cell}` hold no year"),
        ));
    }
    let tiv = row.get(TIV_DELIVERED);
    if !tiv.is_empty() && delivered_tiv(tiv).is_none() {
        problems.push((
            TIV_DELIVERED,
            format!("the TIV of delivered weapons `{tiv}` is not a number, so it is not in the total"),
        ));
    }
    problems
        .into_iter()
        .map(|(column, what)| {
            diagnostics.push(row.warning(
                column,
                "bad-cell",
                format!("line {}: {what}; the row is kept as published", row.line),
            ));
            Caveat::new("bad-cell", format!("line {}: {what}", row.line))
        })
        .collect()
}

/// A number of weapons: `10`, or `(10)` as an estimate.
fn count(cell: &str) -> Option<u64> {
    cell.trim()
        .trim_start_matches('(')
        .trim_end_matches(')')
        .trim()
        .parse()
        .ok()
}

/// A TIV value SIPRI could have written: a finite number, not below zero.
fn delivered_tiv(cell: &str) -> Option<f64> {
    cell.parse::<f64>().ok().filter(|v| v.is_finite() && *v >= 0.0)
}

/// `2018`, or `(2018)` when SIPRI estimates the year: (year, estimated).
fn year_of_order(cell: &str) -> Option<(i32, bool)> {
    let estimated = cell.starts_with('(') && cell.ends_with(')');
    let year = cell.trim_matches(|c| c == '(' || c == ')').trim().parse::<i32>().ok()?;
    (1000..=9999).contains(&year).then_some((year, estimated))
}

/// Every four-digit year in a cell such as `2020; 2021` or `(2022)`.
fn years_in(cell: &str) -> Vec<i32> {
    cell.split(|c: char| !c.is_ascii_digit())
        .filter(|part| part.len() == 4)
        .filter_map(|part| part.parse().ok())
        .collect()
}

/// The deal in words, for reading beside the raw record.
fn describe_deal(row: &Row, order: Option<(i32, bool)>, deliveries: &[i32]) -> String {
    let mut parts = Vec::new();
    let weapon = match (row.get("weapon designation"), row.get("weapon description")) {
        ("", "") => "Unnamed weapon".to_owned(),
        (designation, "") => designation.to_owned(),
        ("", description) => description.to_owned(),
        (designation, description) => format!("{designation} ({description})"),
    };
    parts.push(weapon);
    let ordered = row.get("number ordered");
    match order {
        Some((year, true)) => parts.push(format!("ordered about {year} (year estimated by SIPRI)")),
        Some((year, false)) => parts.push(format!("ordered {year}")),
        None => {}
    }
    if count(ordered).is_some() {
        parts.push(format!("{ordered} ordered"));
    }
    let delivered = match row.get("number delivered") {
        "" => row.get(DELIVERIES_IN_RANGE),
        delivered => delivered,
    };
    let delivered = if count(delivered).is_some() { delivered } else { "" };
    if !delivered.is_empty() && !deliveries.is_empty() {
        parts.push(format!("{delivered} delivered in {}", row.get("year(s) of delivery")));
    } else if !delivered.is_empty() {
        parts.push(format!("{delivered} delivered"));
    }
    let status = row.get("status");
    if !status.is_empty() {
        parts.push(format!("status: {status}"));
    }
    let uncertain: Vec<&str> = FLAGGED
        .iter()
        .filter(|(column, _)| row.flag_after(column).contains('?'))
        .map(|&(_, label)| label)
        .collect();
    let mut note = parts.join("; ");
    note.push('.');
    if !uncertain.is_empty() {
        note.push_str(&format!(" SIPRI marks as uncertain (?): {}.", uncertain.join(", ")));
    }
    note
}

fn new_assembly(title: &str, file_name: &str, preamble: Vec<String>) -> Assembly {
    let mut notes = "Each quote is one row of the exported trade register, as published. SIPRI trend-indicator values (TIV) are in millions.".to_owned();
    if !preamble.is_empty() {
        notes.push_str(" The export's own notes:\n");
        notes.push_str(&preamble.join("\n"));
    }
    let source = Source {
        publisher: Some("Stockholm International Peace Research Institute (SIPRI)".to_owned()),
        url: Some("https://www.sipri.org/databases/armstransfers".to_owned()),
        notes: Some(notes),
        ..Source::new("sipri-arms-transfers", "SIPRI Arms Transfers Database (trade register)")
    };
    Assembly::new(
        title,
        "Imported from the SIPRI Arms Transfers Database. Each supplier-to-recipient pair is one arms supply relation; every deal is an evidence item quoting its row.".to_owned(),
        source,
        file_name,
    )
}

#[cfg(test)]
mod tests {
    use crate::io::reference::{read, recognise};
    use crate::model::{ActorKind, Dataset, Diagnostic};

    const HEADER: &str = "Recipient,Supplier,Year of order,,Number ordered,,Weapon designation,Weapon description,Number delivered,,Year(s) of delivery,status,Comments,SIPRI TIV per unit,SIPRI TIV for total order,SIPRI TIV of delivered weapons";

    fn open(text: &str) -> Result<(Dataset, Vec<Diagnostic>), Diagnostic> {
        let recognised = recognise(text)?.unwrap_or_else(|| panic!("recognised"));
        read(recognised, text, "trade-register", "trade-register.csv", None)
    }

    fn register(rows: &[&str]) -> String {
        format!(
            "Transfers of major weapons: test export\n\"A '?' in a column indicates uncertain data.\"\n\n{HEADER}\n{}\n",
            rows.join("\n")
        )
    }

    #[test]
    fn deals_between_one_pair_make_one_relation_with_every_deal_as_evidence() {
        let rows = [
            "Testland,Supplia,2018,,10,?,X-1,armoured car,10,,2019; 2020,,,1,10,10",
            "Testland,Supplia,(2021),,4,,X-2,radar,2,?,2023,New,,2.5,10,5",
            "Rebels (Testland)*,Supplia,2022,,2,,X-3,portable SAM,,,,,,,,",
        ];
        let (dataset, warnings) = open(&register(&rows)).unwrap_or_else(|e| panic!("{e}"));
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(dataset.relations.len(), 2);
        let state = &dataset.relations[0];
        assert_eq!(
            (state.from.as_str(), state.to.as_str()),
            ("sipri:supplia", "sipri:testland")
        );
        assert_eq!(state.kind, "arms_supply");
        assert_eq!(state.period.map(|p| p.describe()), Some("2018–2023".to_owned()));
        assert_eq!(state.magnitude.as_ref().and_then(|m| m.value_f64()), Some(15.0));
        assert_eq!(state.evidence.len(), 2);
        assert_eq!(state.evidence[0].quote, rows[0]);
        assert_eq!(state.evidence[0].locator.as_deref(), Some("trade-register.csv, line 5"));
        let first = state.evidence[0].note.as_deref().unwrap_or_default();
        assert!(
            first.contains("SIPRI marks as uncertain (?): number ordered."),
            "{first}"
        );
        let second = state.evidence[1].note.as_deref().unwrap_or_default();
        assert!(
            second.contains("ordered about 2021 (year estimated by SIPRI)"),
            "{second}"
        );
        assert!(second.contains("uncertain (?): number delivered"), "{second}");
        let rebels = dataset
            .actors
            .iter()
            .find(|a| a.name == "Rebels (Testland)")
            .unwrap_or_else(|| panic!("the starred recipient is an actor"));
        assert_eq!(rebels.kind, ActorKind::NonStateArmedGroup);
        assert_eq!(dataset.relations[1].magnitude, None, "no TIV, no magnitude");
        let notes = dataset.sources[0].notes.as_deref().unwrap_or_default();
        assert!(
            notes.contains("A '?' in a column indicates uncertain data."),
            "the export's notes are kept"
        );
    }

    #[test]
    fn an_unknown_column_is_named_and_a_missing_one_refuses_the_file() {
        let header = HEADER.replace("Comments", "Armament category");
        let text = format!("{header}\nA,B,2018,,1,,X,y,1,,2019,,,1,1,1\n");
        let (_, warnings) = open(&text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0].message.contains("`armament category`"),
            "{}",
            warnings[0].message
        );
        let without = HEADER.replace("Weapon designation", "Weapon");
        let err = open(&format!("note: SIPRI\n{without}\n"))
            .err()
            .unwrap_or_else(|| panic!("must fail"));
        assert!(err.message.contains("`weapon designation`"), "{}", err.message);
        assert_eq!(err.line, Some(2));
    }
}
