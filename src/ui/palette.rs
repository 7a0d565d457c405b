//! How kinds look: a colour and a line style per relation kind, a colour and an outline per
//! actor kind. Built on the Okabe–Ito palette, then Paul Tol's muted one, both chosen to stay
//! distinguishable for the common forms of colour blindness; colour never works alone.
//!
//! A kind looks the same in every file: built-in kinds are fixed, and a declared kind takes its
//! look from a stable hash of its id (unless the file gives a colour), so `war` is drawn the
//! same way in every dataset that declares it. Within one dataset no two kinds share both
//! colour and pattern (or colour and outline): a clash moves the later kind, by id, along.

use std::collections::HashMap;

use egui::Color32;

use super::line_style::LineStyle;
use crate::io::UNSPECIFIED_KIND;
use crate::model::{ActorKind, BuiltinKind, Dataset, NodeShape};

/// Colours the built-in relation kinds use.
const TREATY: Color32 = Color32::from_rgb(0x00, 0x72, 0xB2); // Okabe–Ito blue
const ARMS_SUPPLY: Color32 = Color32::from_rgb(0xD5, 0x5E, 0x00); // vermillion
const TROOP_DEPLOYMENT: Color32 = Color32::from_rgb(0x00, 0x9E, 0x73); // bluish green
const HISTORICAL_SUPPORT: Color32 = Color32::from_rgb(0xE6, 0x9F, 0x00); // orange
/// Relations whose file gives no kind: the most common in other tools' files, drawn plain.
const UNSPECIFIED: Color32 = Color32::from_rgb(0x56, 0xB4, 0xE9); // sky blue

/// Colours for declared relation kinds: none is a built-in's.
const DECLARED_RELATION_COLOURS: [Color32; 8] = [
    Color32::from_rgb(0xCC, 0x79, 0xA7), // Okabe–Ito reddish purple
    Color32::from_rgb(0x56, 0xB4, 0xE9), // sky blue
    Color32::from_rgb(0xF0, 0xE4, 0x42), // yellow
    Color32::from_rgb(0xCC, 0x66, 0x77), // Tol rose
    Color32::from_rgb(0x99, 0x99, 0x33), // Tol olive
    Color32::from_rgb(0x44, 0xAA, 0x99), // Tol teal
    Color32::from_rgb(0x88, 0x88, 0xDD), // Tol indigo, lightened to read on dark backgrounds
    Color32::from_rgb(0xAA, 0x44, 0x99), // Tol purple
];
/// Line styles for declared relation kinds.
const DECLARED_LINE_STYLES: [LineStyle; 4] = [
    LineStyle::Solid,
    LineStyle::LongDashed,
    LineStyle::DashDot,
    LineStyle::DashDotDot,
];

/// Colours for declared actor kinds: none is a built-in's.
const DECLARED_ACTOR_COLOURS: [Color32; 8] = [
    Color32::from_rgb(0xE6, 0x9F, 0x00),
    Color32::from_rgb(0x56, 0xB4, 0xE9),
    Color32::from_rgb(0x00, 0x9E, 0x73),
    Color32::from_rgb(0xF0, 0xE4, 0x42),
    Color32::from_rgb(0xCC, 0x79, 0xA7),
    Color32::from_rgb(0x88, 0x88, 0xDD),
    Color32::from_rgb(0x99, 0x99, 0x33),
    Color32::from_rgb(0xD5, 0x5E, 0x00),
];
const DECLARED_SHAPES: [NodeShape; 5] = [
    NodeShape::Disc,
    NodeShape::Square,
    NodeShape::Triangle,
    NodeShape::Diamond,
    NodeShape::Hexagon,
];

/// The grey an actor is drawn in when the file gives it no colour of its own.
pub const NO_COLOUR: Color32 = Color32::from_rgb(0x99, 0x99, 0x99);

pub fn actor_kind_builtin_colour(kind: ActorKind) -> Color32 {
    match kind {
        ActorKind::State => Color32::from_rgb(0x4C, 0x78, 0xA8),
        ActorKind::HistoricalState => Color32::from_rgb(0x9D, 0x75, 0x5D),
        ActorKind::Organisation => Color32::from_rgb(0x72, 0xB7, 0xB2),
        ActorKind::Coalition => Color32::from_rgb(0xB2, 0x79, 0xA2),
        ActorKind::NonStateArmedGroup => Color32::from_rgb(0xE4, 0x57, 0x56),
        ActorKind::Other => NO_COLOUR,
    }
}

fn builtin_relation_look(kind: BuiltinKind) -> (Color32, LineStyle) {
    match kind {
        BuiltinKind::Treaty => (TREATY, LineStyle::Double),
        BuiltinKind::ArmsSupply => (ARMS_SUPPLY, LineStyle::Solid),
        BuiltinKind::TroopDeployment => (TROOP_DEPLOYMENT, LineStyle::Dashed),
        BuiltinKind::HistoricalSupport => (HISTORICAL_SUPPORT, LineStyle::Dotted),
    }
}

/// The look of every kind in one dataset, worked out once when it is loaded.
#[derive(Debug, Clone, Default)]
pub struct KindLooks {
    relations: HashMap<String, (Color32, LineStyle)>,
    actors: HashMap<String, (Color32, NodeShape)>,
}

impl KindLooks {
    pub fn of(dataset: &Dataset) -> Self {
        let mut relation_kinds: Vec<(&str, Option<&str>)> = dataset
            .relation_kinds
            .iter()
            .map(|k| (k.id.as_str(), k.colour.as_deref()))
            .collect();
        for relation in &dataset.relations {
            if !relation_kinds.iter().any(|(id, _)| *id == relation.kind) {
                relation_kinds.push((&relation.kind, None));
            }
        }
        // Every fixed look is taken, whether or not this dataset uses it.
        relation_kinds.extend(BuiltinKind::ALL.iter().map(|k| (k.id(), None)));
        relation_kinds.push((UNSPECIFIED_KIND, None));
        let relations = assign(
            relation_kinds,
            fixed_relation_look,
            &DECLARED_RELATION_COLOURS,
            &DECLARED_LINE_STYLES,
            |_| None,
        );
        let mut actor_kinds: Vec<(&str, Option<&str>)> = dataset
            .actor_kinds
            .iter()
            .map(|k| (k.id.as_str(), k.colour.as_deref()))
            .collect();
        for actor in &dataset.actors {
            if !actor_kinds.iter().any(|(id, _)| *id == actor.kind) {
                actor_kinds.push((&actor.kind, None));
            }
        }
        let declared_shape = |id: &str| dataset.actor_kinds.iter().find(|k| k.id == id).and_then(|k| k.shape);
        actor_kinds.extend(ActorKind::ALL.iter().map(|k| (k.id(), None)));
        let actors = assign(
            actor_kinds,
            fixed_actor_look,
            &DECLARED_ACTOR_COLOURS,
            &DECLARED_SHAPES,
            declared_shape,
        );
        Self { relations, actors }
    }

    /// A relation kind's colour and line style.
    pub fn relation(&self, kind: &str) -> (Color32, LineStyle) {
        self.relations
            .get(kind)
            .copied()
            .or_else(|| fixed_relation_look(kind))
            .unwrap_or_else(|| hashed_look(kind, &DECLARED_RELATION_COLOURS, &DECLARED_LINE_STYLES, 0))
    }

    pub fn relation_colour(&self, kind: &str) -> Color32 {
        self.relation(kind).0
    }

    /// An actor kind's colour and outline.
    pub fn actor(&self, kind: &str) -> (Color32, NodeShape) {
        self.actors
            .get(kind)
            .copied()
            .or_else(|| fixed_actor_look(kind))
            .unwrap_or_else(|| hashed_look(kind, &DECLARED_ACTOR_COLOURS, &DECLARED_SHAPES, 0))
    }

    pub fn actor_colour(&self, kind: &str) -> Color32 {
        self.actor(kind).0
    }
}

/// The looks that never move: the built-in kinds', and that of relations whose file gives no kind.
fn fixed_relation_look(kind: &str) -> Option<(Color32, LineStyle)> {
    BuiltinKind::from_id(kind)
        .map(builtin_relation_look)
        .or_else(|| (kind == UNSPECIFIED_KIND).then_some((UNSPECIFIED, LineStyle::Solid)))
}

fn fixed_actor_look(kind: &str) -> Option<(Color32, NodeShape)> {
    ActorKind::from_id(kind).map(|k| (actor_kind_builtin_colour(k), k.shape()))
}

/// Gives every kind its look: built-ins theirs, declared kinds theirs by hash (with the
/// file's colour and shape where it gives one), moving a kind along when its look is taken.
fn assign<P: Copy + PartialEq + Default>(
    mut kinds: Vec<(&str, Option<&str>)>,
    builtin: impl Fn(&str) -> Option<(Color32, P)>,
    colours: &[Color32],
    patterns: &[P],
    declared_pattern: impl Fn(&str) -> Option<P>,
) -> HashMap<String, (Color32, P)> {
    let mut looks: HashMap<String, (Color32, P)> = HashMap::new();
    let mut taken: Vec<(Color32, P)> = Vec::new();
    kinds.retain(|(id, _)| match builtin(id) {
        Some(look) => {
            if looks.insert((*id).to_owned(), look).is_none() {
                taken.push(look);
            }
            false
        }
        None => true,
    });
    // By id, so that which kind moves on a clash does not depend on the file's order.
    kinds.sort_by(|a, b| a.0.cmp(b.0));
    kinds.dedup_by(|a, b| a.0 == b.0);
    let combinations = colours.len() * patterns.len();
    for (id, colour) in kinds {
        let given_colour = colour.and_then(parse_hex_colour);
        let given_pattern = declared_pattern(id);
        let mut look = hashed_look(id, colours, patterns, 0);
        for step in 0..combinations {
            let candidate = hashed_look(id, colours, patterns, step);
            look = (
                given_colour.unwrap_or(candidate.0),
                given_pattern.unwrap_or(candidate.1),
            );
            if !taken.contains(&look) {
                break;
            }
        }
        taken.push(look);
        looks.insert(id.to_owned(), look);
    }
    looks
}

/// The `step`-th look for `id` along a walk through every colour and pattern that starts
/// where the id's hash points.
fn hashed_look<P: Copy + Default>(id: &str, colours: &[Color32], patterns: &[P], step: usize) -> (Color32, P) {
    let combinations = (colours.len() * patterns.len()).max(1);
    let slot = (stable_hash(id) as usize).wrapping_add(step) % combinations;
    let colour = colours.get(slot % colours.len().max(1)).copied().unwrap_or(NO_COLOUR);
    let pattern = patterns
        .get(slot / colours.len().max(1) % patterns.len().max(1))
        .copied()
        .unwrap_or_default();
    (colour, pattern)
}

/// FNV-1a: the same on every platform and in every run, unlike the standard library's hasher.
fn stable_hash(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

pub fn parse_hex_colour(text: &str) -> Option<Color32> {
    let hex = text.strip_prefix('#')?;
    let value = u32::from_str_radix(hex, 16).ok().filter(|_| hex.len() == 6)?;
    let [_, r, g, b] = value.to_be_bytes();
    Some(Color32::from_rgb(r, g, b))
}

/// Blocs past this many, and actors alone in a bloc, share one grey.
pub const BLOC_COLOURS: usize = 10;

/// A bloc's colour: ten that tell apart on light and dark backgrounds (Tableau's ten, which
/// Gephi's modularity colouring also resembles), then grey.
pub fn bloc_colour(bloc: usize, members: usize) -> Color32 {
    const TEN: [Color32; BLOC_COLOURS] = [
        Color32::from_rgb(0x4e, 0x79, 0xa7),
        Color32::from_rgb(0xf2, 0x8e, 0x2b),
        Color32::from_rgb(0xe1, 0x57, 0x59),
        Color32::from_rgb(0x76, 0xb7, 0xb2),
        Color32::from_rgb(0x59, 0xa1, 0x4f),
        Color32::from_rgb(0xed, 0xc9, 0x48),
        Color32::from_rgb(0xb0, 0x7a, 0xa1),
        Color32::from_rgb(0xff, 0x9d, 0xa7),
        Color32::from_rgb(0x9c, 0x75, 0x5f),
        Color32::from_rgb(0xba, 0xb0, 0xac),
    ];
    match TEN.get(bloc) {
        Some(&colour) if members > 1 => colour,
        _ => Color32::from_gray(0x80),
    }
}

/// A measure's colour, from low (0) to high (1): a muted blue through amber to red, which
/// reads in both themes and by lightness alone.
pub fn measure_colour(share: f32) -> Color32 {
    let stops = [
        (0.0, [0x5b_u8, 0x6e, 0x91]),
        (0.5, [0xe3, 0xa7, 0x3b]),
        (1.0, [0xd6, 0x3b, 0x2f]),
    ];
    let t = share.clamp(0.0, 1.0);
    let (lo, hi) = if t <= 0.5 {
        (stops[0], stops[1])
    } else {
        (stops[1], stops[2])
    };
    let local = (t - lo.0) / (hi.0 - lo.0);
    let channel = |i: usize| (f32::from(lo.1[i]) + (f32::from(hi.1[i]) - f32::from(lo.1[i])) * local).round() as u8;
    Color32::from_rgb(channel(0), channel(1), channel(2))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorKindDecl, RelationKindDecl};

    fn declare(dataset: &mut Dataset, id: &str, colour: Option<&str>) {
        dataset.relation_kinds.push(RelationKindDecl {
            id: id.into(),
            label: id.into(),
            colour: colour.map(Into::into),
            description: None,
            hostile: false,
            extra: Default::default(),
        });
    }

    #[test]
    fn no_two_kinds_share_colour_and_pattern_and_declared_colours_win() {
        let mut dataset = Dataset::new("t");
        declare(&mut dataset, "talks", Some("#123456"));
        for i in 0..30 {
            declare(&mut dataset, &format!("kind_{i}"), None);
        }
        let looks = KindLooks::of(&dataset);
        let mut all: Vec<(Color32, LineStyle)> = BuiltinKind::ALL.iter().map(|k| looks.relation(k.id())).collect();
        all.extend((0..30).map(|i| looks.relation(&format!("kind_{i}"))));
        for (i, a) in all.iter().enumerate() {
            assert!(!all[i + 1..].contains(a), "{a:?} is used twice");
        }
        assert_eq!(looks.relation("talks").0, Color32::from_rgb(0x12, 0x34, 0x56));
    }

    #[test]
    fn a_kind_looks_the_same_whatever_else_the_file_declares_and_in_what_order() {
        let mut one = Dataset::new("one");
        for id in ["war", "opposition", "partnership"] {
            declare(&mut one, id, None);
        }
        let mut other = Dataset::new("other");
        for id in ["trade", "partnership", "rivalry", "war", "opposition"] {
            declare(&mut other, id, None);
        }
        let (a, b) = (KindLooks::of(&one), KindLooks::of(&other));
        for id in ["war", "opposition", "partnership"] {
            assert_eq!(a.relation(id), b.relation(id), "{id}");
        }
        assert_eq!(a.relation("treaty"), (TREATY, LineStyle::Double));
    }

    #[test]
    fn declared_actor_kinds_have_looks_of_their_own_and_keep_a_declared_shape() {
        let mut dataset = Dataset::new("t");
        dataset.actor_kinds.push(ActorKindDecl::new("song", "Song"));
        dataset.actor_kinds.push(ActorKind::Organisation.id().into_decl());
        let mut artist = ActorKindDecl::new("artist", "Artist");
        artist.shape = Some(NodeShape::Hexagon);
        dataset.actor_kinds.push(artist);
        let looks = KindLooks::of(&dataset);
        assert_eq!(looks.actor("artist").1, NodeShape::Hexagon);
        assert_ne!(looks.actor("song"), looks.actor("artist"));
        assert_eq!(
            looks.actor("state"),
            (actor_kind_builtin_colour(ActorKind::State), NodeShape::Disc)
        );
        for kind in ActorKind::ALL {
            assert_ne!(looks.actor("song"), looks.actor(kind.id()));
        }
    }

    trait IntoDecl {
        fn into_decl(self) -> ActorKindDecl;
    }

    impl IntoDecl for &str {
        fn into_decl(self) -> ActorKindDecl {
            ActorKindDecl::new(self, self)
        }
    }
}
