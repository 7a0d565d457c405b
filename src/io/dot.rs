//! Graphviz DOT, for `dot`/`sfdp` and the many tools that read it. Export only.

use crate::model::{Dataset, Direction};

pub fn write_dot(dataset: &Dataset) -> String {
    let mut out = String::from("digraph entente {\n");
    out.push_str(&format!("  label={};\n", quoted(&dataset.title)));
    out.push_str("  node [shape=ellipse];\n");
    for actor in &dataset.actors {
        out.push_str(&format!(
            "  {} [label={}, kind={}];\n",
            quoted(&actor.id),
            quoted(&actor.name),
            quoted(&actor.kind)
        ));
    }
    for relation in &dataset.relations {
        let dir = match relation.direction {
            Direction::Directed => "forward",
            Direction::Mutual => "both",
        };
        out.push_str(&format!(
            "  {} -> {} [label={}, kind={}, dir={dir}, evidence={}];\n",
            quoted(&relation.from),
            quoted(&relation.to),
            quoted(dataset.relation_kind_label(&relation.kind)),
            quoted(&relation.kind),
            relation.evidence.len()
        ));
    }
    out.push_str("}\n");
    out
}

/// A DOT string literal: quotes and backslashes escaped, line breaks kept as `\n`.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin::built_in_dataset;

    #[test]
    fn every_actor_and_relation_is_written_with_safe_quoting() {
        let mut dataset = built_in_dataset();
        dataset.actors[0].name = "A \"quoted\"\\ name".into();
        let dot = write_dot(&dataset);
        assert_eq!(dot.matches(" -> ").count(), dataset.relations.len());
        assert!(dot.contains(r#"label="A \"quoted\"\\ name""#));
        assert!(dot.starts_with("digraph entente {") && dot.trim_end().ends_with('}'));
    }
}
