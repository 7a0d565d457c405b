//! Entente's own JSON dataset format: text in, dataset and diagnostics out; dataset in, text out.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::LoadReport;
use super::json_locator::JsonLocator;
use crate::model::{Dataset, Diagnostic, FORMAT_NAME, FORMAT_VERSION, Relation, pointer_segment, validate};

/// Files up to this size are checked for keys written twice.
const DUPLICATE_KEY_CHECK_BYTES: usize = 16 << 20;

/// Parses and validates an Entente dataset, reporting every problem with its line and column.
pub fn read_entente_json(text: &str) -> LoadReport {
    // The common case, a good file, costs one typed parse and one validation pass.
    let (dataset, mut diagnostics) = match serde_json::from_str::<Dataset>(text) {
        Ok(dataset) => {
            let diagnostics = validate(&dataset);
            (Some(dataset), diagnostics)
        }
        Err(err) if err.is_data() => parse_collecting_every_error(text),
        Err(err) => return LoadReport::failed(syntax_error(&err)),
    };
    // Hand-edited files are where keys get written twice; machine-written giants are skipped
    // so that opening them costs one parse.
    let locator = (!diagnostics.is_empty() || text.len() <= DUPLICATE_KEY_CHECK_BYTES).then(|| JsonLocator::new(text));
    if let Some(locator) = &locator
        && text.len() <= DUPLICATE_KEY_CHECK_BYTES
    {
        for (object, key, offset) in locator.duplicate_keys() {
            let (line, column) = locator.line_column_of(offset);
            let place = if object.is_empty() {
                "at the top level".to_owned()
            } else {
                format!("in {object}")
            };
            diagnostics.push(
                Diagnostic::warning(
                    "duplicate-key",
                    format!("key `{key}` is written twice {place}; the last value is used"),
                )
                .expected("each key once per object")
                .at_line_column(line, column),
            );
        }
    }
    if let Some(locator) = locator.filter(|_| !diagnostics.is_empty()) {
        for diagnostic in &mut diagnostics {
            if let Some((line, column)) = diagnostic.pointer.as_deref().and_then(|p| locator.locate(p)) {
                diagnostic.line = Some(line);
                diagnostic.column = Some(column);
            }
        }
        diagnostics.sort_by_key(|d| (d.line, d.column));
    }
    let has_errors = diagnostics.iter().any(Diagnostic::is_error);
    LoadReport {
        dataset: dataset.filter(|_| !has_errors),
        diagnostics,
        proposal: None,
        table: None,
    }
}

/// Pretty-printed JSON as users keep it in version control: two-space indent, final newline.
pub fn to_json(dataset: &Dataset) -> Result<String, serde_json::Error> {
    let mut text = serde_json::to_string_pretty(dataset)?;
    text.push('\n');
    Ok(text)
}

fn syntax_error(err: &serde_json::Error) -> Diagnostic {
    // serde_json's Display appends " at line L column C"; we report those separately.
    let full = err.to_string();
    let message = full.split(" at line ").next().unwrap_or(&full).to_owned();
    let message = if message == "recursion limit exceeded" {
        "it is nested more than 128 levels deep".to_owned()
    } else {
        message
    };
    let diagnostic = Diagnostic::error("malformed-json", format!("the file is not valid JSON: {message}"));
    if err.line() == 0 {
        diagnostic
    } else {
        diagnostic.at_line_column(err.line(), err.column())
    }
}

/// The slow path for a file whose shape is wrong: each actor, source, relation and evidence
/// item is read on its own, so one bad entry does not hide the problems of the others.
fn parse_collecting_every_error(text: &str) -> (Option<Dataset>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let root = match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(root)) => root,
        Ok(_) => {
            out.push(
                Diagnostic::error("wrong-type", "the file holds JSON, but not an object at the top level")
                    .expected(format!("an object with \"format\": \"{FORMAT_NAME}\""))
                    .at(""),
            );
            return (None, out);
        }
        Err(err) => return (None, vec![syntax_error(&err)]),
    };
    // A file that is not a dataset, or from a newer Entente, gets one clear message, not hundreds.
    if let Some(header_problem) = header_problem(&root) {
        return (None, vec![header_problem]);
    }

    let mut root = root;
    // Which place in the file each entry that read came from, per section, so that problems
    // found in what did read point at the right entry.
    let mut places: Vec<(&str, Vec<usize>)> = Vec::new();
    let actor_kinds = kept(
        "actor_kinds",
        take_items(&mut root, "actor_kinds", "", &mut out),
        &mut places,
    );
    let relation_kinds = take_items(&mut root, "relation_kinds", "", &mut out);
    let relation_kinds = kept("relation_kinds", relation_kinds, &mut places);
    let sources = kept("sources", take_items(&mut root, "sources", "", &mut out), &mut places);
    let actors = kept("actors", take_items(&mut root, "actors", "", &mut out), &mut places);
    let relations = kept("relations", take_relations(&mut root, &mut out), &mut places);
    let items_failed = !out.is_empty();

    let header = deserialize_at::<Dataset>(Value::Object(root), "", "the dataset", &mut out);
    let header_ok = header.is_some();
    let mut dataset = header.unwrap_or_else(|| Dataset::new(""));
    dataset.actor_kinds = actor_kinds;
    dataset.relation_kinds = relation_kinds;
    dataset.sources = sources;
    dataset.actors = actors;
    dataset.relations = relations;

    // Validate what did parse, but not against entries that failed to: an actor that could
    // not be read would otherwise show up again as a missing actor in every relation.
    let header_pointers = ["/format", "/version", "/title"];
    let found = validate(&dataset).into_iter().map(|mut d| {
        d.pointer = d.pointer.map(|p| in_file(&p, &places));
        d
    });
    out.extend(found.filter(|d| {
        let pointer = d.pointer.as_deref().unwrap_or_default();
        let reference = matches!(
            d.code,
            "unknown-actor" | "unknown-source" | "unknown-kind" | "no-evidence"
        );
        !(items_failed && reference) && (header_ok || !header_pointers.contains(&pointer))
    }));
    // Shapes serde refused but that mean nothing is missing (a `null` list) leave no error.
    let ok = header_ok && !out.iter().any(Diagnostic::is_error);
    (ok.then_some(dataset), out)
}

fn header_problem(root: &Map<String, Value>) -> Option<Diagnostic> {
    match root.get("format") {
        Some(Value::String(format)) if format == FORMAT_NAME => {}
        Some(Value::String(format)) => {
            return Some(
                Diagnostic::error(
                    "wrong-format",
                    format!("`format` is `{format}`, so this is not an Entente dataset"),
                )
                .expected(format!("\"format\": \"{FORMAT_NAME}\""))
                .at("/format"),
            );
        }
        _ => {
            return Some(
                Diagnostic::error(
                    "wrong-format",
                    "this JSON file has no `format` field, so it is not an Entente dataset",
                )
                .expected(format!("\"format\": \"{FORMAT_NAME}\" at the top level"))
                .at(""),
            );
        }
    }
    let version = root.get("version").and_then(Value::as_u64);
    match version {
        Some(v) if (1..=u64::from(FORMAT_VERSION)).contains(&v) => None,
        Some(v) => Some(
            Diagnostic::error(
                "unsupported-version",
                format!("format version {v} is not one this build of Entente reads"),
            )
            .expected(format!(
                "a version from 1 to {FORMAT_VERSION}; a newer Entente may open this file"
            ))
            .at("/version"),
        ),
        None => Some(
            Diagnostic::error("missing-version", "the dataset has no whole-number `version`")
                .expected(format!("\"version\": {FORMAT_VERSION}"))
                .at("/version"),
        ),
    }
}

/// Removes the array `key` from `root` and reads each element, reporting each failure.
/// `owner` names what holds the array, for messages ("of relation `r1`").
/// The entries that read, noting in `places` where in the file each came from.
fn kept<'s, T>(section: &'s str, items: Vec<(usize, T)>, places: &mut Vec<(&'s str, Vec<usize>)>) -> Vec<T> {
    let (indices, items): (Vec<usize>, Vec<T>) = items.into_iter().unzip();
    places.push((section, indices));
    items
}

/// `pointer` into the dataset as read, as a pointer into the file: entries that could not be
/// read are missing from the dataset, so later ones sit at a smaller index there.
fn in_file(pointer: &str, places: &[(&str, Vec<usize>)]) -> String {
    let mut parts = pointer.splitn(4, '/');
    let (Some(""), Some(section), Some(index)) = (parts.next(), parts.next(), parts.next()) else {
        return pointer.to_owned();
    };
    let place = places
        .iter()
        .find(|(s, _)| *s == section)
        .and_then(|(_, indices)| indices.get(index.parse::<usize>().ok()?));
    match (place, parts.next()) {
        (Some(place), Some(rest)) => format!("/{section}/{place}/{rest}"),
        (Some(place), None) => format!("/{section}/{place}"),
        (None, _) => pointer.to_owned(),
    }
}

/// The entries of an array that read, each with its index in the file.
fn take_items<T: DeserializeOwned>(
    root: &mut Map<String, Value>,
    key: &str,
    owner: &str,
    out: &mut Vec<Diagnostic>,
) -> Vec<(usize, T)> {
    let pointer = format!("/{}", pointer_segment(key));
    match root.remove(key) {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items
            .into_iter()
            .enumerate()
            .filter_map(|(index, item)| {
                let what = format!("{} {owner}", element_name(key, index, &item));
                deserialize_at(item, &format!("{pointer}/{index}"), what.trim_end(), out).map(|item| (index, item))
            })
            .collect(),
        Some(other) => {
            out.push(
                Diagnostic::error("wrong-type", format!("`{key}` is {}", json_type_name(&other)))
                    .expected("an array")
                    .at(pointer),
            );
            Vec::new()
        }
    }
}

/// Like `take_items`, but evidence items are read one by one too.
fn take_relations(root: &mut Map<String, Value>, out: &mut Vec<Diagnostic>) -> Vec<(usize, Relation)> {
    let Some(raw) = root.remove("relations") else {
        return Vec::new();
    };
    let Value::Array(raw) = raw else {
        root.insert("relations".to_owned(), raw);
        return take_items(root, "relations", "", out);
    };
    raw.into_iter()
        .enumerate()
        .filter_map(|(index, mut item)| {
            let pointer = format!("/relations/{index}");
            let name = element_name("relations", index, &item);
            let evidence = match &mut item {
                Value::Object(object) if object.get("evidence").is_some_and(Value::is_array) => {
                    let mut holder = Map::new();
                    if let Some(evidence) = object.remove("evidence") {
                        holder.insert("evidence".to_owned(), evidence);
                    }
                    let mut nested = Vec::new();
                    let items = take_items(&mut holder, "evidence", &format!("of {name}"), &mut nested);
                    let items = items.into_iter().map(|(_, item)| item).collect();
                    for mut diagnostic in nested {
                        diagnostic.pointer = diagnostic.pointer.map(|p| format!("{pointer}{p}"));
                        out.push(diagnostic);
                    }
                    items
                }
                _ => Vec::new(),
            };
            let mut relation: Relation = deserialize_at(item, &pointer, &name, out)?;
            relation.evidence = evidence;
            Some((index, relation))
        })
        .collect()
}

/// "actor `b`", or "actor #2" when the element has no usable id.
fn element_name(section: &str, index: usize, item: &Value) -> String {
    let what = match section {
        "actor_kinds" => "actor kind",
        "relation_kinds" => "relation kind",
        "sources" => "source",
        "actors" => "actor",
        "relations" => "relation",
        "evidence" => "evidence",
        other => other,
    };
    match item.get("id").and_then(Value::as_str) {
        Some(id) if section != "evidence" => format!("{what} `{id}`"),
        _ => format!("{what} #{}", index + 1),
    }
}

fn deserialize_at<T: DeserializeOwned>(
    value: Value,
    pointer: &str,
    what: &str,
    out: &mut Vec<Diagnostic>,
) -> Option<T> {
    match serde_path_to_error::deserialize::<_, T>(value) {
        Ok(item) => Some(item),
        Err(err) => {
            let mut full_pointer = pointer.to_owned();
            for segment in err.path().iter() {
                use serde_path_to_error::Segment;
                match segment {
                    Segment::Seq { index } => full_pointer.push_str(&format!("/{index}")),
                    Segment::Map { key } => full_pointer.push_str(&format!("/{}", pointer_segment(key))),
                    Segment::Enum { .. } | Segment::Unknown => {}
                }
            }
            let message = plain_serde_message(&err.into_inner().to_string());
            let code = if message.starts_with("missing field") {
                "missing-field"
            } else if message.starts_with("invalid type") {
                "wrong-type"
            } else if message.starts_with("unknown variant") {
                "unknown-value"
            } else {
                "invalid-value"
            };
            let message = if what.is_empty() {
                message
            } else {
                format!("{what}: {message}")
            };
            out.push(Diagnostic::error(code, message).at(full_pointer));
            None
        }
    }
}

/// serde speaks of Rust types; users know JSON.
fn plain_serde_message(message: &str) -> String {
    message
        .replace("expected u8", "expected a whole number")
        .replace("expected u32", "expected a whole number")
        .replace("expected f64", "expected a number")
        .replace("expected a sequence", "expected a list (JSON array)")
        .replace("expected a map", "expected an object")
        .replace("struct ", "")
}

fn json_type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
