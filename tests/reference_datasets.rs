//! The analysts' own data: COW, ATOP and SIPRI tables opened as downloaded, and laid over
//! the built-in dataset.

use std::path::{Path, PathBuf};

use entente::built_in_dataset;
use entente::io::load_path;
use entente::model::{ActorKind, Dataset, Diagnostic, merge, propose_matches};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/reference")
        .join(name)
}

fn load(path: &Path) -> (Dataset, Vec<Diagnostic>) {
    let report = load_path(path);
    let diagnostics = report.diagnostics.clone();
    let dataset = report
        .dataset
        .unwrap_or_else(|| panic!("{} must load: {diagnostics:#?}", path.display()));
    (dataset, diagnostics)
}

fn sources_of<'a>(dataset: &'a Dataset, relation: &entente::model::Relation) -> Vec<&'a str> {
    let mut titles: Vec<&str> = relation
        .evidence
        .iter()
        .filter_map(|e| dataset.source(&e.source))
        .map(|s| s.title.as_str())
        .collect();
    titles.dedup();
    titles
}

#[test]
fn every_layout_opens_cleanly_with_treaties_or_arms_supplies_among_named_states() {
    for (file, kind, relations) in [
        ("cow_alliance_by_dyad.csv", "treaty", 2),
        ("cow_alliance_by_member.csv", "treaty", 2),
        ("atop_member.csv", "treaty", 2),
        ("atop_alliance.csv", "treaty", 2),
        ("sipri_trade_register.csv", "arms_supply", 3),
        ("sipri_trade_register_2026.csv", "arms_supply", 2),
    ] {
        let (dataset, diagnostics) = load(&fixture(file));
        assert!(diagnostics.is_empty(), "{file}: {diagnostics:#?}");
        assert_eq!(dataset.relations.len(), relations, "{file}");
        assert!(dataset.relations.iter().all(|r| r.kind == kind), "{file}");
        assert!(
            dataset.relations.iter().all(|r| !r.evidence.is_empty()),
            "{file}: every relation quotes its record"
        );
        let names: Vec<&str> = dataset.actors.iter().map(|a| a.name.as_str()).collect();
        assert!(names.contains(&"North Korea"), "{file}: {names:?}");
    }
}

/// SIPRI's newer export counts "Deliveries in the Year Range", flags an uncertain year of
/// order in its own column, and marks an organisation with two stars.
#[test]
fn the_newer_sipri_export_reads_the_same_way() {
    let (dataset, _) = load(&fixture("sipri_trade_register_2026.csv"));
    let supply = dataset
        .relations
        .iter()
        .find(|r| r.to == "sipri:russia")
        .unwrap_or_else(|| panic!("a supply to Russia"));
    let note = supply.evidence[0].note.as_deref().unwrap_or_default();
    assert!(note.contains("40 delivered in 2024"), "{note}");
    assert!(
        note.contains("SIPRI marks as uncertain (?): year of order, number ordered, number delivered."),
        "{note}"
    );
    let union = dataset.actors.iter().find(|a| a.name == "Test Union");
    assert_eq!(union.map(|a| a.kind.as_str()), Some(ActorKind::Organisation.id()));
    let notes = dataset.sources[0].notes.as_deref().unwrap_or_default();
    assert!(notes.contains("Data generated: 1 Jan 2026 9:00:00 AM"), "{notes}");
}

#[test]
fn a_table_is_recognised_by_its_header_not_its_name() {
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let renamed = folder.path().join("download (3).txt");
    std::fs::copy(fixture("sipri_trade_register.csv"), &renamed).unwrap_or_else(|e| panic!("{e}"));
    let (dataset, _) = load(&renamed);
    assert_eq!(
        dataset.sources[0].title,
        "SIPRI Arms Transfers Database (trade register)"
    );
}

#[test]
fn a_table_that_differs_from_its_layout_is_refused_with_the_file_line_and_column() {
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = folder.path().join("alliance_v4.1_by_dyad.csv");
    let text = std::fs::read_to_string(fixture("cow_alliance_by_dyad.csv")).unwrap_or_default();
    std::fs::write(&path, text.replacen("dyad_st_year", "start_year", 1)).unwrap_or_else(|e| panic!("{e}"));
    let report = load_path(&path);
    assert!(report.dataset.is_none());
    let error = &report.diagnostics[0];
    assert_eq!(error.code, "missing-column");
    assert!(error.message.contains("`dyad_st_year`"), "{}", error.message);
    assert_eq!(error.file.as_deref(), Some(path.display().to_string().as_str()));
    assert_eq!((error.line, error.column), (Some(1), Some(1)));
}

#[test]
fn a_sipri_export_saved_in_windows_encoding_still_opens_and_says_so() {
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = folder.path().join("trade-register.csv");
    let mut bytes = std::fs::read(fixture("sipri_trade_register.csv")).unwrap_or_default();
    // "Côte d'Ivoire" as Windows-1252 writes it: ô is the single byte 0xF4.
    bytes.extend_from_slice(b"C\xf4te d'Ivoire,France,2020,,2,,Test-5,patrol craft,2,,2021,,,1,2,2\r\n");
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
    let (dataset, diagnostics) = load(&path);
    assert!(dataset.actors.iter().any(|a| a.name == "Côte d'Ivoire"));
    assert_eq!(diagnostics[0].code, "not-utf8");
}

#[test]
fn sipri_deals_become_one_supply_per_pair_with_every_deal_quoted() {
    let (dataset, _) = load(&fixture("sipri_trade_register.csv"));
    let supply = dataset
        .relations
        .iter()
        .find(|r| r.from == "sipri:north_korea" && r.to == "sipri:russia")
        .unwrap_or_else(|| panic!("North Korea to Russia"));
    assert_eq!(supply.evidence.len(), 2);
    assert_eq!(supply.period.map(|p| p.describe()), Some("2022–2024".to_owned()));
    assert_eq!(supply.magnitude.as_ref().and_then(|m| m.value_f64()), Some(50.0));
    let text = std::fs::read_to_string(fixture("sipri_trade_register.csv")).unwrap_or_default();
    assert!(
        supply.evidence.iter().all(|e| text.contains(&e.quote)),
        "each quote is a line of the file, verbatim"
    );
    let houthis = dataset.actors.iter().find(|a| a.name == "Houthi rebels (Yemen)");
    assert_eq!(
        houthis.map(|a| a.kind.as_str()),
        Some(ActorKind::NonStateArmedGroup.id())
    );
}

/// The issue's own acceptance test: the article's 2024 treaty and the record's 1961 treaty
/// between Moscow and Pyongyang stay separate, sourced edges.
#[test]
fn overlaying_cow_on_the_built_in_dataset_keeps_the_article_and_the_record_apart() {
    let base = built_in_dataset();
    let (cow, _) = load(&fixture("cow_alliance_by_dyad.csv"));
    let proposed = propose_matches(&base, &cow);
    let matched: Vec<(&str, Option<&str>)> = proposed
        .iter()
        .map(|m| {
            (
                cow.actors[m.incoming].name.as_str(),
                m.base.map(|b| base.actors[b].id.as_str()),
            )
        })
        .collect();
    assert_eq!(
        matched,
        [
            ("Soviet Union", Some("soviet_union")),
            ("North Korea", Some("north_korea")),
            ("China", Some("china"))
        ],
        "COW 365 in 1961 is the Soviet Union, not Russia"
    );
    let choices: Vec<Option<usize>> = proposed.iter().map(|m| m.base).collect();
    let (merged, summary) = merge(&base, &cow, &choices);
    assert_eq!((summary.actors_added, summary.relations_added), (0, 2));

    let treaties_with = |other: &str| -> Vec<Vec<&str>> {
        merged
            .relations
            .iter()
            .filter(|r| r.kind == "treaty")
            .filter(|r| (r.from == other && r.to == "north_korea") || (r.to == other && r.from == "north_korea"))
            .map(|r| sources_of(&merged, r))
            .collect()
    };
    let news = "North Korea Is a Surprisingly Valuable Wartime Ally to Russia and Iran";
    let chronology = "Dated chronology of North Korea's partnerships, compiled for Entente from public reporting";
    let record = "Correlates of War Formal Alliances (v4.1)";
    assert_eq!(
        treaties_with("russia"),
        [vec![news, chronology], vec![chronology]],
        "the 2024 and 2000 treaties, no record added to them"
    );
    // The record of each 1961 treaty sits beside the dataset's own, dated from the chronology.
    assert_eq!(treaties_with("soviet_union"), [vec![chronology], vec![record]]);
    assert_eq!(treaties_with("china"), [vec![chronology], vec![record]]);

    // An analyst who treats Russia as the Soviet Union's continuation corrects the match:
    // then both treaties join Russia and North Korea, still as two edges with their sources.
    let mut corrected = choices.clone();
    corrected[0] = base.actors.iter().position(|a| a.id == "russia");
    let (merged, _) = merge(&base, &cow, &corrected);
    let mut pair: Vec<(Option<String>, Vec<&str>)> = merged
        .relations
        .iter()
        .filter(|r| r.kind == "treaty" && [r.from.as_str(), r.to.as_str()].contains(&"russia"))
        .map(|r| {
            (
                r.period.and_then(|p| p.start).map(|d| d.to_string()),
                sources_of(&merged, r),
            )
        })
        .collect();
    pair.sort();
    assert_eq!(
        pair,
        [
            (Some("1961-07-06".to_owned()), vec![record]),
            (Some("2000-02-09".to_owned()), vec![chronology]),
            (Some("2024-06-19".to_owned()), vec![news, chronology])
        ],
        "the 1961 record beside the dataset's 2000 and 2024 treaties"
    );
}

/// ATOP 5 splits an alliance over two files: the member-level file names the members (by
/// phase), the alliance-level file gives the obligations. Either file opens the pair.
#[test]
fn atop_5_member_and_alliance_files_are_read_together() {
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let alliances = folder.path().join("atop5_1a.csv");
    let members = folder.path().join("atop5_1m.csv");
    std::fs::write(
        &alliances,
        "atopid,cowid,begyr,begmo,begday,endyr,endmo,endday,ineffect,bilat,defense,offense,neutral,nonagg,consul,active,milaid\n\
         9002,,1961,7,11,0,0,0,1,1,1,0,0,0,1,1,0\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    // Alone, the alliance-level file names no members, and says where they are.
    let report = load_path(&alliances);
    assert!(report.dataset.is_none());
    assert!(
        report.diagnostics[0].message.contains("member-level file"),
        "{:?}",
        report.diagnostics
    );

    std::fs::write(
        &members,
        "atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,phase\n\
         9002,710,1961,7,11,0,0,0,1\n\
         9002,731,1961,7,11,0,0,0,1\n\
         9002,710,1970,1,1,0,0,0,2\n\
         9002,731,1970,1,1,0,0,0,2\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    for path in [&alliances, &members] {
        let (dataset, diagnostics) = load(path);
        assert!(diagnostics.is_empty(), "{diagnostics:#?}");
        assert_eq!(dataset.relations.len(), 2, "one treaty per phase, none across phases");
        let treaty = &dataset.relations[0];
        let summary = treaty.summary.as_deref().unwrap_or_default();
        assert!(summary.contains("defence and consultation"), "{summary}");
        let locators: Vec<&str> = treaty.evidence.iter().filter_map(|e| e.locator.as_deref()).collect();
        assert_eq!(
            locators,
            ["atop5_1m.csv, line 2", "atop5_1m.csv, line 3", "atop5_1a.csv, line 2"]
        );
    }
}

/// Files the size of the real downloads (the SIPRI register since 1950 has some 30,000
/// deals; COW's dyad file some 7,000 rows; ATOP some 1,300 alliances, a few with dozens of
/// members) open in a few seconds.
#[test]
fn files_the_size_of_the_real_downloads_open_in_a_few_seconds() {
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let codes: Vec<u16> = entente::model::KnownNames::shipped_codes();
    let code = |i: usize| codes[i % codes.len()];

    let mut sipri = String::from(
        "\"Transfers of major weapons\"\n\"A '?' in a column indicates uncertain data.\"\n\nRecipient,Supplier,Year of order,,Number ordered,,Weapon designation,Weapon description,Number delivered,,Year(s) of delivery,status,Comments,SIPRI TIV per unit,SIPRI TIV for total order,SIPRI TIV of delivered weapons\n",
    );
    for i in 0..30_000 {
        let year = 1950 + i % 74;
        sipri.push_str(&format!(
            "Recipient {},Supplier {},{year},,{},?,Test-{i},test weapon,{},,{}; {},,,1.5,{},{}\n",
            i % 180,
            i % 70,
            i % 50 + 1,
            i % 50 + 1,
            year + 1,
            year + 2,
            (i % 50 + 1) * 3 / 2,
            (i % 50 + 1) * 3 / 2
        ));
    }
    let mut dyads = String::from(
        "version4id,ccode1,state_name1,ccode2,state_name2,dyad_st_day,dyad_st_month,dyad_st_year,dyad_end_day,dyad_end_month,dyad_end_year,left_censor,right_censor,defense,neutrality,nonaggression,entente,asymmetric,version\n",
    );
    for i in 0..7_000 {
        dyads.push_str(&format!(
            "{},{},A,{},B,1,1,{},,,,0,1,1,0,1,0,0,4.1\n",
            i / 4,
            code(i),
            code(i * 7 + 3),
            1816 + i % 190
        ));
    }
    let mut members =
        String::from("atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,defense,offense,neutral,nonagg,consul\n");
    for alliance in 0..1_300 {
        let size = if alliance % 50 == 0 { 40 } else { 2 };
        for m in 0..size {
            members.push_str(&format!(
                "{},{},{},1,1,0,0,0,1,0,0,0,1\n",
                1000 + alliance,
                code(alliance * 3 + m * 11),
                1815 + alliance % 200
            ));
        }
    }
    for (name, text) in [
        ("sipri.csv", sipri),
        ("dyads.csv", dyads),
        ("atop_members.csv", members),
    ] {
        let path = folder.path().join(name);
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
        let started = std::time::Instant::now();
        let (dataset, _) = load(&path);
        let took = started.elapsed();
        eprintln!("{name}: {} relations in {took:?}", dataset.relations.len());
        assert!(!dataset.relations.is_empty());
        assert!(took.as_secs_f64() < 5.0, "{name} took {took:?}");
    }
}

/// A problem inside a published row is a warning at that row; the row opens as published and
/// its relation carries a caveat that its evidence card shows.
#[test]
fn published_rows_with_problems_open_as_published_with_a_warning_on_the_record() {
    let (cow, diagnostics) = load(&fixture("as-published/cow_dyad_end_before_start.csv"));
    assert_eq!(cow.relations.len(), 2, "the odd row is kept beside the good one");
    let yemen = &cow.relations[0];
    assert_eq!(
        yemen
            .period
            .map(|p| (p.start.map(|d| d.to_string()), p.end.map(|d| d.to_string()))),
        Some((Some("1990-05-22".to_owned()), Some("1990-05-21".to_owned()))),
        "dated as the publisher dated it"
    );
    assert_eq!(yemen.caveats.len(), 1);
    assert_eq!(
        yemen.caveats[0].note,
        "line 2: the source records an end (1990-05-21) one day before the start (1990-05-22)"
    );
    assert_eq!(diagnostics.len(), 1, "said once, at its row: {diagnostics:#?}");
    assert_eq!((diagnostics[0].line, diagnostics[0].code), (Some(2), "period-order"));
    assert!(!diagnostics[0].is_error());

    let (atop, diagnostics) = load(&fixture("as-published/atop_row_without_number.csv"));
    assert_eq!(atop.relations.len(), 1, "the row with a number is read");
    assert_eq!(diagnostics.len(), 1);
    assert_eq!((diagnostics[0].line, diagnostics[0].is_error()), (Some(2), false));

    let (sipri, diagnostics) = load(&fixture("as-published/sipri_cells_that_are_not_numbers.csv"));
    let columns: Vec<(Option<usize>, bool)> = diagnostics.iter().map(|d| (d.line, d.is_error())).collect();
    assert_eq!(
        columns,
        vec![(Some(5), false); 4],
        "order year, ordered, delivered, TIV: {diagnostics:#?}"
    );
    let deals = &sipri.relations[0];
    assert_eq!(deals.evidence.len(), 2, "both deals are quoted");
    assert_eq!(deals.caveats.len(), 4);
    assert!(
        deals.caveats[0].note.contains("`99999` is not a year"),
        "{:?}",
        deals.caveats
    );
    assert_eq!(
        deals.magnitude.as_ref().and_then(|m| m.value_f64()),
        Some(100.0),
        "only the TIV that is a number is summed"
    );
    assert_eq!(
        deals.period.map(|p| p.describe()).as_deref(),
        Some("2022–2024"),
        "the deal with no year of order is dated by its deliveries"
    );
}

/// Comparing 1985 with 1995 on an alliance table shows the pact that ended between them as
/// ended, and the alliance in force throughout as unchanged.
#[test]
fn comparing_two_years_on_a_cow_table_shows_the_end_of_a_pact() {
    use entente::model::{Change, DatasetIndex, KindFilter, TimeWindow, ViewQuery, Visibility, YearSpan};
    let (cow, _) = load(&fixture("cow_member_pact_that_ended.csv"));
    let index = DatasetIndex::new(&cow);
    let filter = KindFilter::default();
    let query = ViewQuery {
        time: Some(TimeWindow {
            span: YearSpan { from: 1985, to: 1995 },
            compare: true,
            ..TimeWindow::as_of(1985)
        }),
        ..ViewQuery::all(&filter)
    };
    let visibility = Visibility::compute(&cow, &index, &query);
    let change_of = |a: &str, b: &str| {
        let at = cow
            .relations
            .iter()
            .position(|r| {
                let names = [&r.from, &r.to].map(|id| cow.actor(id).map_or("", |x| x.name.as_str()));
                names.contains(&a) && names.contains(&b)
            })
            .unwrap_or_else(|| panic!("{a} and {b} are linked"));
        visibility.changes.get(at).copied().flatten()
    };
    assert_eq!(change_of("Soviet Union", "Poland"), Some(Change::Ended));
    assert_eq!(change_of("Soviet Union", "East Germany"), Some(Change::Ended));
    assert_eq!(change_of("United States", "United Kingdom"), Some(Change::Unchanged));
}
