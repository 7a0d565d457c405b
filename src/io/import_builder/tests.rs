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
