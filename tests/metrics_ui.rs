//! Who is central and which blocs form, as an analyst asks it: the actor table sorted by a
//! measure, actors coloured by bloc with the blocs listed, and sized by betweenness.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use entente::App;
use entente::model::Centrality;

mod common;

/// Frames until the metrics, worked out on another thread, are in.
fn wait_for_metrics(harness: &mut Harness<'_, App>) {
    for _ in 0..400 {
        harness.run_steps(1);
        if harness.state().metrics().is_some() && !harness.state().is_computing_metrics() {
            harness.run_steps(3);
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("the metrics never came");
}

fn names(harness: &Harness<'_, App>, rows: &[usize]) -> Vec<String> {
    rows.iter()
        .map(|&a| harness.state().dataset().actors[a].name.clone())
        .collect()
}

#[test]
fn the_actor_table_puts_north_korea_first_by_betweenness_and_sorts_by_any_measure() {
    let mut harness = common::app_with(None);
    harness.get_by_role_and_label(Role::Button, "Actors").click();
    wait_for_metrics(&mut harness);
    let rows = harness.state().actor_table_rows().to_vec();
    assert_eq!(rows.len(), harness.state().dataset().actors.len());
    assert_eq!(names(&harness, &rows)[0], "North Korea");

    let ranks = |harness: &Harness<'_, App>| -> Vec<f64> {
        let metrics = harness.state().metrics().unwrap_or_else(|| panic!("metrics"));
        harness
            .state()
            .actor_table_rows()
            .iter()
            .map(|&a| metrics.actors[a].value(Centrality::PageRank))
            .collect()
    };
    harness.get_by_label("PageRank").click();
    harness.run_steps(3);
    let highest_first = ranks(&harness);
    assert!(highest_first.windows(2).all(|w| w[0] >= w[1]), "{highest_first:?}");
    harness.get_by_label("PageRank ▼").click();
    harness.run_steps(3);
    let lowest_first = ranks(&harness);
    assert!(lowest_first.windows(2).all(|w| w[0] <= w[1]), "again: {lowest_first:?}");

    // A row selects its actor.
    // (The actor list on the left names Iran too: the table's row is right of it.)
    harness
        .get_all_by_label("Iran")
        .max_by(|a, b| a.rect().min.x.total_cmp(&b.rect().min.x))
        .unwrap_or_else(|| panic!("Iran's row"))
        .click();
    harness.run_steps(2);
    let iran = common::actor(&harness, "Iran");
    assert_eq!(harness.state().selection(), Some(entente::ui::Selection::Actor(iran)));
}

#[test]
fn colouring_by_bloc_lists_the_blocs_in_the_legend_and_colours_each_bloc_alike() {
    let mut harness = common::app_with(None);
    common::pick_in_combo(&mut harness, "Actors coloured by", "Bloc");
    wait_for_metrics(&mut harness);
    let metrics = harness.state().metrics().cloned().unwrap_or_else(|| panic!("metrics"));
    let real: Vec<&Vec<usize>> = metrics.blocs.iter().filter(|b| b.len() > 1).collect();
    assert!(real.len() >= 2, "{:?}", metrics.blocs);
    harness.get_by_label_contains(&format!("{} blocs (Louvain, modularity", real.len()));
    harness.get_by_label(&format!("Bloc 1 · {}", real[0].len()));

    let colour = |h: &Harness<'_, App>, a: usize| h.state().drawn_actor(a).map(|d| d.colour);
    for bloc in &real {
        assert!(
            bloc.iter().all(|&a| colour(&harness, a) == colour(&harness, bloc[0])),
            "one colour per bloc"
        );
    }
    assert_ne!(
        colour(&harness, real[0][0]),
        colour(&harness, real[1][0]),
        "blocs tell apart"
    );
    // North Korea and the Soviet Union are of different kinds but the same bloc.
    let (nk, ussr) = (
        common::actor(&harness, "North Korea"),
        common::actor(&harness, "Soviet Union"),
    );
    if metrics.actors[nk].bloc == metrics.actors[ussr].bloc {
        assert_eq!(colour(&harness, nk), colour(&harness, ussr));
    }

    common::pick_in_combo(&mut harness, "Actors coloured by", "Kind");
    assert_ne!(
        colour(&harness, nk),
        colour(&harness, ussr),
        "by kind again: a state and a historical state differ"
    );
}

#[test]
fn sizing_by_betweenness_draws_north_korea_largest_and_actors_on_no_shortest_way_smallest() {
    let mut harness = common::app_with(None);
    common::pick_in_combo(&mut harness, "sized by", "Betweenness");
    wait_for_metrics(&mut harness);
    let metrics = harness.state().metrics().cloned().unwrap_or_else(|| panic!("metrics"));
    let radius = |a: usize| harness.state().actor_radius(a);
    let nk = common::actor(&harness, "North Korea");
    let iran = common::actor(&harness, "Iran");
    assert_eq!(metrics.actors[iran].betweenness, 0.0);
    let n = harness.state().dataset().actors.len();
    assert!((0..n).all(|a| a == nk || radius(a) < radius(nk)));
    // An actor on some shortest way is drawn larger than one on none.
    let between = (0..n)
        .find(|&a| a != nk && metrics.actors[a].betweenness > 0.0)
        .unwrap_or_else(|| panic!("another actor lies on a shortest way"));
    assert!(radius(iran) < radius(between));
}

#[test]
fn a_collapsed_bloc_is_drawn_as_one_node_carrying_its_relations_to_the_rest_until_expanded() {
    let mut harness = common::app_with(None);
    common::pick_in_combo(&mut harness, "Actors coloured by", "Bloc");
    wait_for_metrics(&mut harness);
    let metrics = harness.state().metrics().cloned().unwrap_or_else(|| panic!("metrics"));
    let members = metrics.blocs[0].clone();
    let before = harness.state().drawn_relation_count();
    harness
        .get_all_by_label("Collapse")
        .min_by(|a, b| a.rect().min.y.total_cmp(&b.rect().min.y))
        .unwrap_or_else(|| panic!("a Collapse button"))
        .click();
    harness.run_steps(4);

    let drawn: Vec<usize> = members
        .iter()
        .copied()
        .filter(|&a| harness.state().drawn_actor(a).is_some())
        .collect();
    assert_eq!(drawn.len(), 1, "one node stands for the bloc");
    let label = harness.state().drawn_actor(drawn[0]).map(|d| d.label.to_string());
    assert_eq!(label, Some(format!("Bloc 1 · {} actors", members.len())));
    // Relations inside the bloc are folded away; those to the rest stay.
    let inside = harness
        .state()
        .dataset()
        .relations
        .iter()
        .filter(|r| {
            let at = |id: &str| harness.state().dataset().actors.iter().position(|a| a.id == id);
            at(&r.from).is_some_and(|a| members.contains(&a)) && at(&r.to).is_some_and(|a| members.contains(&a))
        })
        .count();
    assert_eq!(harness.state().drawn_relation_count(), before - inside);
    harness.get_by_label("Expand").click();
    harness.run_steps(4);
    assert!(members.iter().all(|&a| harness.state().drawn_actor(a).is_some()));
    assert_eq!(harness.state().drawn_relation_count(), before);
}
