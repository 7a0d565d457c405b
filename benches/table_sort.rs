//! Sorting the relation table by an actor's name: Entente's way (each distinct name ranked once
//! in natural order, the rows sorted by number) against comparing the rows' names pairwise in
//! natural order, as the table did, on the same generated graphs in the same run.
//!
//! Run: `cargo bench --bench table_sort` (`ENTENTE_BENCH_ACTORS=100000` for 100,000 actors and
//! 500,000 relations).

use entente::model::{DatasetIndex, KindFilter, ViewQuery, Visibility, generate};
use entente::ui::{RelationTableState, TableColumn};

mod common;

fn main() {
    println!("| actors | relations | sort by From, Entente | pairwise natural order (baseline) | baseline / Entente |");
    println!("|---:|---:|---:|---:|---:|");
    for (actors, relations) in common::sizes() {
        let dataset = generate(actors, relations, 1);
        let index = DatasetIndex::new(&dataset);
        let filter = KindFilter::default();
        let visibility = Visibility::compute(&dataset, &index, &ViewQuery::all(&filter));
        let runs = if common::is_full_run() { 3 } else { 1 };
        let mut ours_rows = Vec::new();
        let ours = common::median(&common::time(runs, || {
            let mut table = RelationTableState::sorted_by(TableColumn::From, false);
            table.refresh(&dataset, &index, &visibility, false, 1);
            ours_rows = table.rows().to_vec();
        }));
        let name = |r: usize| {
            let id = dataset.relations[r].from.as_str();
            index.actor(id).map_or(id, |a| dataset.actors[a].name.as_str())
        };
        let mut baseline_rows = Vec::new();
        let baseline = common::median(&common::time(runs, || {
            let mut rows: Vec<usize> = (0..dataset.relations.len()).collect();
            rows.sort_by(|&x, &y| natord::compare_ignore_case(name(x), name(y)).then(x.cmp(&y)));
            baseline_rows = rows;
        }));
        assert_eq!(ours_rows, baseline_rows, "both sorts give the same rows");
        println!(
            "| {actors} | {relations} | {:.1} ms | {:.1} ms | {:.1}x |",
            common::ms(ours),
            common::ms(baseline),
            baseline.as_secs_f64() / ours.as_secs_f64().max(1e-9)
        );
    }
}
