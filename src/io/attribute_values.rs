//! Reading the attributes other tools attach to nodes and edges: finding one by name, and
//! what a value means (a kind under its common spellings, a date, a colour, a position).

use crate::model::{ActorKind, Appearance, BuiltinKind, NodeShape, PartialDate, hex_colour};

/// Attributes other tools attach to nodes and edges, in file order.
pub type Attributes = Vec<(String, String)>;

/// An attribute as a reader holds it: owned, or borrowed from the file's text.
pub trait AttributePair {
    fn name(&self) -> &str;
    fn value(&self) -> &str;
}

impl<K: AsRef<str>, V: AsRef<str>> AttributePair for (K, V) {
    fn name(&self) -> &str {
        self.0.as_ref()
    }
    fn value(&self) -> &str {
        self.1.as_ref()
    }
}

/// The value of the first attribute named any of `names` (any case), by order of `names`.
pub fn find_value<'v>(attributes: &'v [impl AttributePair], names: &[&str]) -> Option<&'v str> {
    names.iter().find_map(|n| {
        attributes
            .iter()
            .find(|a| a.name().eq_ignore_ascii_case(n))
            .map(AttributePair::value)
    })
}

/// Recognises the built-in kinds under the spellings analysts use.
pub fn builtin_kind_for(text: &str) -> Option<BuiltinKind> {
    let key: String = text
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let key = key.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(match key.as_str() {
        "treaty" | "alliance" | "defence pact" | "defense pact" | "mutual defence" | "mutual defense" | "pact" => {
            BuiltinKind::Treaty
        }
        "arms supply" | "arms" | "arms transfer" | "arms transfers" | "weapons" | "weapons supply" | "arms sale"
        | "arms sales" | "munitions" => BuiltinKind::ArmsSupply,
        "troop deployment" | "troops" | "deployment" | "troop" | "military deployment" => BuiltinKind::TroopDeployment,
        "historical support" | "historical" | "past support" => BuiltinKind::HistoricalSupport,
        _ => return None,
    })
}

/// `Political support` → `political_support`.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.trim().to_lowercase().chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    while out.ends_with('_') {
        out.pop();
    }
    if out.is_empty() { "unnamed".to_owned() } else { out }
}

/// Reads a date from other tools: `1950`, `2024-06`, `2024-06-19`, a timestamp starting
/// with one of those, or a number of years (`1950.0`).
pub fn loose_date(text: &str) -> Option<PartialDate> {
    let text = text.trim();
    if let Ok(date) = text.parse() {
        return Some(date);
    }
    if let Some(day) = text.get(..10)
        && let Ok(date) = day.parse()
    {
        return Some(date);
    }
    // 22.01.1963: day, month and year with dots is written only one way round (European).
    if let [day, month, year] = text.split('.').collect::<Vec<_>>().as_slice()
        && (1..=2).contains(&day.len())
        && (1..=2).contains(&month.len())
        && year.len() == 4
        && let Ok(date) = format!("{year}-{month:0>2}-{day:0>2}").parse()
    {
        return Some(date);
    }
    let year: f64 = text.parse().ok()?;
    (year.fract() == 0.0 && (1.0..=9999.0).contains(&year)).then(|| PartialDate::year(year as i32))
}

/// Recognises the built-in actor kinds under the spellings files use; `None` for the rest,
/// which become kinds of their own.
pub fn builtin_actor_kind_for(text: &str) -> Option<ActorKind> {
    let key = slug(text);
    ActorKind::ALL
        .into_iter()
        .find(|k| k.id() == key || slug(k.label()) == key)
        .or(match key.as_str() {
            "country" | "nation" => Some(ActorKind::State),
            "alliance" | "organization" | "international_organisation" | "international_organization" => {
                Some(ActorKind::Organisation)
            }
            "armed_group" | "militia" | "rebel_group" | "non_state_actor" => Some(ActorKind::NonStateArmedGroup),
            "former_state" => Some(ActorKind::HistoricalState),
            _ => None,
        })
}

/// The attribute names a file's own look is read from; they are not kept as plain attributes.
pub const APPEARANCE_NAMES: [&str; 9] = ["x", "y", "size", "colour", "color", "shape", "r", "g", "b"];
pub const LINE_APPEARANCE_NAMES: [&str; 6] = ["colour", "color", "thickness", "r", "g", "b"];

/// Fills what `look` leaves out from attributes named x, y, size, colour (or r, g, b) and shape,
/// as Gephi's GraphML export and Entente's own write them.
pub fn fill_appearance(look: &mut Appearance, attributes: &[impl AttributePair]) {
    let number = |name: &str| exact_value_any_case(attributes, name).and_then(finite_number);
    look.x = look.x.or_else(|| number("x"));
    look.y = look.y.or_else(|| number("y"));
    look.size = look
        .size
        .or_else(|| exact_value_any_case(attributes, "size").and_then(positive_number));
    if look.colour.is_none() {
        look.colour = exact_value_any_case(attributes, "colour")
            .or_else(|| exact_value_any_case(attributes, "color"))
            .and_then(colour_from_text)
            .or_else(|| rgb_colour(attributes));
    }
    if look.shape.is_none() {
        look.shape = exact_value_any_case(attributes, "shape").and_then(NodeShape::from_name);
    }
}

fn finite_number(text: &str) -> Option<f32> {
    text.trim().parse::<f32>().ok().filter(|v| v.is_finite())
}

pub fn positive_number(text: &str) -> Option<f32> {
    finite_number(text).filter(|v| *v > 0.0)
}

/// `#rrggbb`, `#rgb` or `rgb(r, g, b)` as `#rrggbb`.
pub fn colour_from_text(text: &str) -> Option<String> {
    let text = text.trim();
    if let Some(hex) = text.strip_prefix('#') {
        let full: String = match hex.len() {
            6 => hex.to_owned(),
            3 => hex.chars().flat_map(|c| [c, c]).collect(),
            _ => return None,
        };
        return full
            .bytes()
            .all(|b| b.is_ascii_hexdigit())
            .then(|| format!("#{}", full.to_ascii_lowercase()));
    }
    let inner = text.strip_prefix("rgb(")?.strip_suffix(')')?;
    let parts: Vec<u8> = inner.split(',').filter_map(|p| p.trim().parse().ok()).collect();
    match parts.as_slice() {
        &[r, g, b] => Some(hex_colour(r, g, b)),
        _ => None,
    }
}

/// A colour given as three attributes r, g and b (0–255), as Gephi writes into GraphML.
pub fn rgb_colour(attributes: &[impl AttributePair]) -> Option<String> {
    let channel = |name: &str| {
        exact_value_any_case(attributes, name)
            .and_then(|v| v.trim().parse::<f32>().ok())
            .filter(|v| (0.0..=255.0).contains(v))
            .map(|v| v.round() as u8)
    };
    Some(hex_colour(channel("r")?, channel("g")?, channel("b")?))
}

/// The attribute to read on one element: the mapping's `chosen`, or, when the element lacks
/// it and it is one of the usual `names`, another of those (files mix `kind` and `relation`).
pub fn on_element(attributes: &[impl AttributePair], chosen: Option<&str>, names: &[&str]) -> Option<String> {
    let chosen = chosen?;
    if exact_value(attributes, chosen).is_some_and(|v| !v.trim().is_empty()) {
        return Some(chosen.to_owned());
    }
    if names.iter().any(|n| n.eq_ignore_ascii_case(chosen)) {
        return first_present(attributes, names).or(Some(chosen.to_owned()));
    }
    Some(chosen.to_owned())
}

/// The first of `names` (any case) that the attributes have, as the attributes spell it.
pub fn first_present(attributes: &[impl AttributePair], names: &[&str]) -> Option<String> {
    names.iter().find_map(|n| {
        attributes
            .iter()
            .find(|a| a.name().eq_ignore_ascii_case(n) && !a.value().trim().is_empty())
            .map(|a| a.name().to_owned())
    })
}

/// The value of the attribute named exactly `name`.
pub fn exact_value<'v>(attributes: &'v [impl AttributePair], name: &str) -> Option<&'v str> {
    attributes.iter().find(|a| a.name() == name).map(AttributePair::value)
}

fn exact_value_any_case<'v>(attributes: &'v [impl AttributePair], name: &str) -> Option<&'v str> {
    find_value(attributes, &[name])
}

/// A kind's label as the legend shows the built-in ones: `defence treaty` as "Defence treaty".
/// A label with capitals of its own (`sungBy`, `NATO member`) is the file's spelling, kept.
pub fn legend_label(text: &str) -> String {
    let mut letters = text.chars();
    match letters.next() {
        Some(first) if !text.chars().any(char::is_uppercase) => first.to_uppercase().chain(letters).collect(),
        _ => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_in_lower_case_read_as_the_built_in_ones_and_others_keep_their_spelling() {
        assert_eq!(legend_label("defence treaty"), "Defence treaty");
        assert_eq!(legend_label("sungBy"), "sungBy");
        assert_eq!(legend_label("NATO member"), "NATO member");
        assert_eq!(legend_label(""), "");
    }

    #[test]
    fn dates_from_other_tools_are_read_at_their_precision() {
        assert_eq!(loose_date("1950"), Some(PartialDate::year(1950)));
        assert_eq!(
            loose_date("22.01.1963").map(|d| d.to_string()),
            Some("1963-01-22".into())
        );
        assert_eq!(loose_date("1.2.1963").map(|d| d.to_string()), Some("1963-02-01".into()));
        assert_eq!(loose_date("31.02.1963"), None, "no such day");
        assert_eq!(loose_date("1950.0").map(|d| d.to_string()), Some("1950".into()));
        assert_eq!(
            loose_date("2024-06-19T00:00:00Z").map(|d| d.to_string()),
            Some("2024-06-19".into())
        );
        assert_eq!(loose_date("soon"), None);
        assert_eq!(loose_date("1950.5"), None);
    }
}
