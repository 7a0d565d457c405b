use std::sync::Arc;

use super::*;
use crate::builtin::built_in_dataset;
use crate::model::{PartialDate, Period};

fn opened() -> (Arc<Dataset>, DatasetIndex) {
    let dataset = built_in_dataset();
    let index = DatasetIndex::new(&dataset);
    (Arc::new(dataset), index)
}

fn take(dataset: &mut Arc<Dataset>, proposed: &Proposed) {
    proposed.edit.apply(dataset, true);
}

fn no_errors(dataset: &Dataset) {
    let errors: Vec<_> = validate(dataset).into_iter().filter(|d| d.is_error()).collect();
    assert!(errors.is_empty(), "entente check would refuse the result: {errors:?}");
}

fn date(text: &str) -> PartialDate {
    text.parse().unwrap_or_else(|e| panic!("{text}: {e:?}"))
}

fn fields(problems: &[FieldProblem]) -> Vec<&str> {
    problems.iter().map(|p| p.field.as_str()).collect()
}

#[test]
fn a_form_refuses_what_check_would_call_an_error_with_the_field_it_is_in() {
    let (dataset, index) = opened();
    let taken = dataset.actors[0].id.clone();
    let Err(problems) = add_actor(&dataset, &index, Actor::new(taken, "", "state")) else {
        panic!("a duplicate id and an empty name were taken");
    };
    assert_eq!(fields(&problems), ["name", "id"]);

    let mut relation = Relation::new("new", "treaty", &dataset.actors[0].id, &dataset.actors[1].id);
    relation.period = Some(Period {
        start: Some(date("2024-06")),
        end: Some(date("2023")),
    });
    let mut evidence = Evidence::quoting(&dataset.sources[0].id, "  ");
    evidence.url = Some("file:///etc/passwd".into());
    relation.evidence.push(evidence);
    let Err(problems) = add_relation(&dataset, &index, relation, None) else {
        panic!("an end before the start was taken");
    };
    assert_eq!(fields(&problems), ["period/end", "evidence/0/quote", "evidence/0/url"]);
    assert!(
        problems[0].message.contains("before it starts"),
        "{}",
        problems[0].message
    );

    let mut source = Source::new("s-new", "A report");
    source.url = Some("javascript:alert(1)".into());
    let Err(problems) = add_source(&dataset, &index, source) else {
        panic!("a link that is not a web address was taken");
    };
    assert_eq!(fields(&problems), ["url"]);
}

#[test]
fn a_new_kind_is_declared_with_the_relation_and_its_colour_checked() {
    let (dataset, index) = opened();
    let relation = Relation::new("new", "cyber_support", &dataset.actors[0].id, &dataset.actors[1].id);
    let mut kind = RelationKindDecl::new("cyber_support", "Cyber support");
    kind.colour = Some("purple".into());
    let Err(problems) = add_relation(&dataset, &index, relation.clone(), Some(kind.clone())) else {
        panic!("a colour that is not #rrggbb was taken");
    };
    assert_eq!(fields(&problems), ["kind/colour"]);
    kind.colour = Some("#7b3294".into());
    let proposed = add_relation(&dataset, &index, relation, Some(kind)).unwrap_or_else(|p| panic!("{p:?}"));
    let mut edited = Arc::clone(&dataset);
    take(&mut edited, &proposed);
    assert_eq!(edited.relation_kind_label("cyber_support"), "Cyber support");
    no_errors(&edited);
}

#[test]
fn deleting_an_actor_takes_its_relations_with_it_and_undo_brings_all_back() {
    let (dataset, index) = opened();
    let north_korea = index.actor("north_korea").unwrap_or_else(|| panic!("no north_korea"));
    let count = index.relations_of(north_korea).len();
    let proposed = delete_actor(&dataset, &index, north_korea).unwrap_or_else(|| panic!("nothing to delete"));
    assert_eq!(
        proposed.label,
        format!("Delete actor “North Korea” and its {count} relations")
    );
    let mut edited = Arc::clone(&dataset);
    take(&mut edited, &proposed);
    assert_eq!(edited.relations.len(), dataset.relations.len() - count);
    assert!(
        edited
            .relations
            .iter()
            .all(|r| r.from != "north_korea" && r.to != "north_korea")
    );
    no_errors(&edited);
    proposed.edit.apply(&mut edited, false);
    assert_eq!(*edited, *dataset);
}

#[test]
fn merging_moves_relations_and_keeps_the_other_name_as_an_alias() {
    let (mut dataset, _) = opened();
    let mut dprk = Actor::new("dprk", "DPRK", "state");
    dprk.aliases.push("Democratic People's Republic of Korea".into());
    Arc::make_mut(&mut dataset).actors.push(dprk);
    Arc::make_mut(&mut dataset)
        .relations
        .push(Relation::new("dprk-russia", "treaty", "dprk", "russia"));
    let index = DatasetIndex::new(&dataset);
    let keep = index.actor("north_korea").unwrap_or_else(|| panic!("no north_korea"));
    let gone = index.actor("dprk").unwrap_or_else(|| panic!("no dprk"));
    let proposed = merge_actors(&dataset, &index, keep, gone).unwrap_or_else(|| panic!("no merge"));
    assert_eq!(proposed.label, "Merge “DPRK” into “North Korea”");
    let mut merged = Arc::clone(&dataset);
    take(&mut merged, &proposed);
    let north_korea = merged
        .actor("north_korea")
        .unwrap_or_else(|| panic!("north_korea gone"));
    assert!(north_korea.aliases.contains(&"DPRK".to_owned()));
    assert!(
        north_korea
            .aliases
            .contains(&"Democratic People's Republic of Korea".to_owned())
    );
    assert!(merged.actor("dprk").is_none());
    let moved = merged.relations.iter().find(|r| r.id == "dprk-russia");
    assert_eq!(moved.map(|r| r.from.as_str()), Some("north_korea"));
    assert_eq!(merged.relations.len(), dataset.relations.len(), "no relation lost");
    proposed.edit.apply(&mut merged, false);
    assert_eq!(*merged, *dataset);
}

#[test]
fn a_cited_source_cannot_be_deleted_and_the_refusal_says_who_cites_it() {
    let (dataset, index) = opened();
    let Err(refusal) = delete_source(&dataset, &index, 0) else {
        panic!("a cited source was deleted");
    };
    assert!(refusal.contains("is cited by evidence on"), "{refusal}");
    let added =
        add_source(&dataset, &index, Source::new("uncited", "An uncited note")).unwrap_or_else(|p| panic!("{p:?}"));
    let mut edited = Arc::clone(&dataset);
    take(&mut edited, &added);
    let index = DatasetIndex::new(&edited);
    let at = edited.sources.len() - 1;
    let deleted = delete_source(&edited, &index, at).unwrap_or_else(|e| panic!("{e}"));
    take(&mut edited, &deleted);
    assert_eq!(*edited, *dataset);
}

#[test]
fn evidence_is_added_edited_and_deleted_as_changes_to_its_relation() {
    let (dataset, index) = opened();
    let source = dataset.sources[0].id.clone();
    let count = dataset.relations[0].evidence.len();
    let added = change_evidence(&dataset, &index, 0, None, Some(Evidence::quoting(&source, "a quote")))
        .unwrap_or_else(|p| panic!("{p:?}"));
    assert!(added.label.starts_with("Add evidence to "), "{}", added.label);
    let mut edited = Arc::clone(&dataset);
    take(&mut edited, &added);
    assert_eq!(edited.relations[0].evidence.len(), count + 1);
    let Err(problems) = change_evidence(&edited, &index, 0, Some(count), Some(Evidence::quoting(&source, ""))) else {
        panic!("an empty quote was taken");
    };
    assert_eq!(fields(&problems), [format!("evidence/{count}/quote")]);
    let deleted = change_evidence(&edited, &index, 0, Some(count), None).unwrap_or_else(|p| panic!("{p:?}"));
    take(&mut edited, &deleted);
    assert_eq!(*edited, *dataset);
}
