use super::*;

fn attrs(pairs: &[(&str, &str)]) -> crate::io::attribute_values::Attributes {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
}

#[test]
fn common_spellings_become_built_in_kinds_and_the_rest_are_declared() {
    let mut b = ImportBuilder::new("t", "test");
    b.add_relation(None, "a", "b", true, &attrs(&[("Type", "Arms transfer")]));
    b.add_relation(None, "a", "c", true, &attrs(&[("relation", "Defense pact")]));
    b.add_relation(None, "b", "c", true, &attrs(&[("kind", "Political support")]));
    b.add_relation(None, "c", "a", true, &attrs(&[]));
    let (d, _) = b.finish();
    let kinds: Vec<&str> = d.relations.iter().map(|r| r.kind.as_str()).collect();
    assert_eq!(kinds, ["arms_supply", "treaty", "political_support", "link"]);
    assert_eq!(d.relation_kind_label("political_support"), "Political support");
    assert_eq!(d.actors.len(), 3, "edge ends become actors");
}

#[test]
fn evidence_columns_become_evidence_and_repeated_rows_merge() {
    let mut b = ImportBuilder::new("t", "test");
    let row = |quote: &str, source: &str| {
        attrs(&[
            ("kind", "treaty"),
            ("quote", quote),
            ("source", source),
            ("url", "https://example.org"),
            ("weight", "3"),
        ])
    };
    b.add_relation(None, "a", "b", false, &row("First quote", "Outlet A"));
    b.add_relation(None, "a", "b", false, &row("Second quote", "Outlet B"));
    let (d, _) = b.finish();
    assert_eq!(d.relations.len(), 1);
    let relation = &d.relations[0];
    assert_eq!(relation.evidence.len(), 2);
    assert_eq!(relation.evidence[1].quote, "Second quote");
    assert_eq!(d.sources.len(), 2);
    assert_eq!(
        relation.extra.get("attributes").and_then(|a| a.get("weight")),
        Some(&Value::String("3".into()))
    );
    assert_eq!(relation.direction, Direction::Mutual);
}

/// The table of links by ends and kind is made only when a row without an id comes; rows read
/// before it, with ids, are in it all the same, and rows after it are added as they come.
#[test]
fn a_row_without_an_id_joins_the_link_read_before_it_with_one() {
    let mut b = ImportBuilder::new("t", "test");
    let treaty = attrs(&[("kind", "treaty"), ("quote", "Q1")]);
    b.add_relation(Some("t1"), "a", "b", true, &treaty);
    b.add_relation(Some("t2"), "b", "c", true, &treaty);
    b.add_relation(None, "a", "b", true, &attrs(&[("kind", "treaty"), ("quote", "Q2")]));
    b.add_relation(Some("t3"), "c", "a", true, &treaty);
    b.add_relation(None, "c", "a", true, &attrs(&[("kind", "treaty"), ("quote", "Q3")]));
    b.add_relation(
        None,
        "c",
        "a",
        true,
        &attrs(&[("kind", "arms supply"), ("quote", "Q4")]),
    );
    let (d, _) = b.finish();
    let quotes: Vec<(String, Vec<&str>)> = d
        .relations
        .iter()
        .map(|r| (r.id.clone(), r.evidence.iter().map(|e| e.quote.as_str()).collect()))
        .collect();
    assert_eq!(quotes.len(), 4, "{quotes:?}");
    assert_eq!(quotes[0].1, ["Q1", "Q2"]);
    assert_eq!(quotes[1].1, ["Q1"]);
    assert_eq!(quotes[2].1, ["Q1", "Q3"]);
    assert_eq!(quotes[3].1, ["Q4"]);
}
