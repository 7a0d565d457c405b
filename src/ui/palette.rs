//! Colours for kinds of relation and actor. Built on the Okabe–Ito palette, then Paul Tol's
//! muted one, both chosen to stay distinguishable for the common forms of colour blindness.
//! Colour never works alone: each relation kind also has its own line style.

use egui::Color32;

use crate::model::{ActorKind, BuiltinKind, Dataset};

const PALETTE: [Color32; 12] = [
    Color32::from_rgb(0x00, 0x72, 0xB2), // Okabe–Ito blue
    Color32::from_rgb(0xD5, 0x5E, 0x00), // vermillion
    Color32::from_rgb(0x00, 0x9E, 0x73), // bluish green
    Color32::from_rgb(0xE6, 0x9F, 0x00), // orange
    Color32::from_rgb(0xCC, 0x79, 0xA7), // reddish purple
    Color32::from_rgb(0x56, 0xB4, 0xE9), // sky blue
    Color32::from_rgb(0xF0, 0xE4, 0x42), // yellow
    Color32::from_rgb(0xCC, 0x66, 0x77), // Tol rose
    Color32::from_rgb(0x99, 0x99, 0x33), // Tol olive
    Color32::from_rgb(0x44, 0xAA, 0x99), // Tol teal
    Color32::from_rgb(0x88, 0x88, 0xDD), // Tol indigo, lightened to read on dark backgrounds
    Color32::from_rgb(0x99, 0x99, 0x99), // grey
];

/// The colour of a relation kind: the dataset's own choice, else a fixed one for built-ins,
/// else the next palette colour in declaration order.
pub fn relation_kind_colour(dataset: &Dataset, kind: &str) -> Color32 {
    if let Some(colour) = dataset
        .relation_kinds
        .iter()
        .find(|k| k.id == kind)
        .and_then(|k| k.colour.as_deref())
        .and_then(parse_hex_colour)
    {
        return colour;
    }
    let slot = match BuiltinKind::from_id(kind) {
        Some(BuiltinKind::Treaty) => 0,
        Some(BuiltinKind::ArmsSupply) => 1,
        Some(BuiltinKind::TroopDeployment) => 2,
        Some(BuiltinKind::HistoricalSupport) => 3,
        None => {
            let declared = dataset
                .relation_kinds
                .iter()
                .filter(|k| k.colour.is_none() && BuiltinKind::from_id(&k.id).is_none())
                .position(|k| k.id == kind)
                .unwrap_or(0);
            4 + declared
        }
    };
    PALETTE[slot % PALETTE.len()]
}

pub fn actor_kind_colour(kind: ActorKind) -> Color32 {
    match kind {
        ActorKind::State => Color32::from_rgb(0x4C, 0x78, 0xA8),
        ActorKind::HistoricalState => Color32::from_rgb(0x9D, 0x75, 0x5D),
        ActorKind::Organisation => Color32::from_rgb(0x72, 0xB7, 0xB2),
        ActorKind::Coalition => Color32::from_rgb(0xB2, 0x79, 0xA2),
        ActorKind::NonStateArmedGroup => Color32::from_rgb(0xE4, 0x57, 0x56),
        ActorKind::Other => Color32::from_rgb(0x99, 0x99, 0x99),
    }
}

fn parse_hex_colour(text: &str) -> Option<Color32> {
    let hex = text.strip_prefix('#')?;
    let value = u32::from_str_radix(hex, 16).ok().filter(|_| hex.len() == 6)?;
    let [_, r, g, b] = value.to_be_bytes();
    Some(Color32::from_rgb(r, g, b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::RelationKindDecl;

    #[test]
    fn kinds_get_distinct_colours_and_declared_colours_win() {
        let mut dataset = Dataset::new("t");
        for (id, colour) in [("war", None), ("talks", Some("#123456"))] {
            dataset.relation_kinds.push(RelationKindDecl {
                id: id.into(),
                label: id.into(),
                colour: colour.map(Into::into),
                description: None,
                extra: Default::default(),
            });
        }
        for id in ["a", "b", "c", "d", "e", "f", "g"] {
            dataset.relation_kinds.push(RelationKindDecl {
                id: id.into(),
                label: id.into(),
                colour: None,
                description: None,
                extra: Default::default(),
            });
        }
        let colours: Vec<Color32> = [
            "treaty",
            "arms_supply",
            "troop_deployment",
            "historical_support",
            "war",
            "a",
            "b",
            "c",
            "d",
            "e",
            "f",
            "g",
        ]
        .iter()
        .map(|k| relation_kind_colour(&dataset, k))
        .collect();
        for (i, a) in colours.iter().enumerate() {
            for b in &colours[i + 1..] {
                assert_ne!(a, b);
            }
        }
        assert_eq!(
            relation_kind_colour(&dataset, "talks"),
            Color32::from_rgb(0x12, 0x34, 0x56)
        );
    }
}
