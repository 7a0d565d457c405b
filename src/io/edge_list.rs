//! Plain edge lists as networkx's examples and SNAP ship them: one link per line, its two ends
//! separated by spaces or a tab, an optional weight after them, `#` and `%` comment lines.

use super::attribute_values::Attributes;
use super::import_builder::ImportBuilder;
use crate::model::{Dataset, Diagnostic};

/// Header words that make a file a table with named columns (CSV), not a bare edge list.
const HEADER_WORDS: &[&str] = &["from", "to", "source", "target", "~from", "~to", ":start_id", "id"];

/// True when the first lines that are not comments are all two ends and maybe a number.
pub fn looks_like_edge_list(text: &str) -> bool {
    let mut lines = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with('%'))
        .take(20)
        .peekable();
    let Some(first) = lines.peek() else { return false };
    let first_words: Vec<String> = first.split_whitespace().map(str::to_ascii_lowercase).collect();
    if first_words.iter().any(|w| HEADER_WORDS.contains(&w.as_str())) || first.contains(',') {
        return false;
    }
    lines.all(|line| {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            [_, _] => true,
            [_, _, weight] => weight.parse::<f64>().is_ok(),
            _ => false,
        }
    })
}

/// Reads an edge list. SNAP's lists are of directed links; a file that says otherwise in a
/// comment ("Undirected graph") is read as mutual links.
pub fn read_edge_list(text: &str, title: &str) -> Result<(Dataset, Vec<Diagnostic>), Diagnostic> {
    let mut builder = ImportBuilder::new(title, "an edge list");
    let directed = !text
        .lines()
        .take_while(|l| l.trim_start().starts_with(['#', '%']))
        .any(|l| l.to_ascii_lowercase().contains("undirected"));
    let mut links = 0;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with('%') {
            continue;
        }
        let words: Vec<&str> = line.split_whitespace().collect();
        let (from, to, weight) = match words.as_slice() {
            [from, to] => (*from, *to, None),
            [from, to, weight] if weight.parse::<f64>().is_ok() => (*from, *to, Some(*weight)),
            _ => {
                builder.warn(
                    Diagnostic::warning("edge-list-line-skipped", "a line is not two ends and maybe a weight")
                        .expected("from to [weight]")
                        .at_line_column(n + 1, 1),
                );
                continue;
            }
        };
        let attributes: Attributes = weight
            .filter(|w| w.parse::<f64>().is_ok())
            .map(|w| ("weight".to_owned(), w.to_owned()))
            .into_iter()
            .collect();
        builder.add_relation(None, from, to, directed, &attributes);
        links += 1;
    }
    if links == 0 {
        return Err(Diagnostic::error("empty-edge-list", "the file lists no links")
            .expected("one link per line: from to [weight]")
            .at_line_column(1, 1));
    }
    Ok(builder.finish())
}
