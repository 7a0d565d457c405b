//! The relations (and, when thousands are in view, the actors) as one image when more are on
//! screen than lines can show apart: a mesh of half a million lines cost 60 ms to build and
//! copy every frame, and showed nothing a picture of their density does not.
//!
//! The picture is painted on a thread of its own (half a million long lines are 100 million
//! pixels of ink, most of a second), and made again only when what it shows changes (the
//! view, the positions, what is visible). Until the new one is ready, the last one is drawn
//! moved and scaled to the view as it is now, so panning and zooming never wait for it. The
//! first picture of a view, and every one while the layout moves the actors, is a draft at
//! half the resolution; while the layout moves them, the painter rests between drafts.

mod pick_cells;
mod raster;
mod source;

use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::{Duration, Instant};

use egui::{Color32, Pos2, Rect, Shape};

use pick_cells::PickCells;
use raster::DensityRaster;
pub use source::{PictureActor, PictureRelation, PictureSource};

use super::camera::ScreenTransform;
use super::edge_shape::{Ends, overview_segment, to_pos};
use crate::layout::Vec2;

/// What to paint: everything drawn (`source`), over the pixels of `area` as the view stood,
/// with the nodes where they were then.
pub struct PictureOrder {
    pub key: u64,
    pub area: Rect,
    pub transform: ScreenTransform,
    /// Pixels of the picture per point of the window.
    pub scale: f32,
    pub size: [usize; 2],
    pub source: Arc<PictureSource>,
    /// Each node's centre and radius on screen, by slot.
    pub nodes: Vec<(Vec2, f32)>,
    /// How strongly each relation is drawn, before its own strength.
    pub opacity: f32,
    /// At half resolution, to come quickly (see `edge_layer`).
    pub draft: bool,
    /// The actors are stamped in (even when none is on screen).
    pub with_marks: bool,
    /// What is drawn where in the layout, for the relations' filing (see `pick_cells`).
    pub layout_key: u64,
}

/// A painted picture and the view it was painted for.
struct Painted {
    key: u64,
    with_marks: bool,
    area: Rect,
    transform: ScreenTransform,
    image: egui::ColorImage,
    /// The relations filed by where they run; None for a draft.
    cells: Option<PickCells>,
}

/// While the layout moves the actors (and the view holds still), the painter rests this many
/// times as long as its last draft took before painting the next: a third of a core, so the
/// layout keeps the rest (painting without rest took as much of the machine as the layout).
const REST_WHILE_MOVING: u32 = 2;

/// The picture shown, the one being painted, and what they were made from.
#[derive(Default)]
pub struct DensityLayer {
    texture: Option<egui::TextureHandle>,
    /// What the texture shows, and the view it was painted for.
    shown: Option<(u64, Rect, ScreenTransform)>,
    shown_with_marks: bool,
    painting: Option<(u64, Receiver<Painted>)>,
    /// When the picture being painted was ordered, if it is a draft.
    draft_ordered_at: Option<Instant>,
    /// How long the last draft took to paint, and when it was taken to egui.
    last_draft: Option<(Duration, Instant)>,
    /// A picture whose painting failed, so it is not ordered again frame after frame.
    failed: Option<u64>,
    /// The relations in the picture shown, filed by where they run.
    cells: Option<PickCells>,
}

impl DensityLayer {
    /// True when the picture shown, or the one being painted, is the one for `key`.
    pub fn has(&self, key: u64) -> bool {
        self.shown.is_some_and(|(shown, ..)| shown == key)
            || self.painting.as_ref().is_some_and(|(k, _)| *k == key)
            || self.failed == Some(key)
    }

    /// True when a picture is shown and the actors are in it.
    pub fn shows_marks(&self) -> bool {
        self.shown.is_some() && self.shown_with_marks
    }

    /// True when a picture is shown.
    pub fn shows_any(&self) -> bool {
        self.shown.is_some()
    }

    /// How much longer the painter rests, after its last draft, before it paints another while
    /// the layout moves the actors.
    pub fn rest_left(&self) -> Duration {
        self.last_draft.map_or(Duration::ZERO, |(took, at)| {
            (took * REST_WHILE_MOVING).saturating_sub(at.elapsed())
        })
    }

    /// True when the picture shown was painted for exactly this view (only the actors may
    /// have moved since).
    pub fn shown_for(&self, area: Rect, transform: ScreenTransform) -> bool {
        self.shown.is_some_and(|(_, a, t)| a == area && t == transform)
    }

    /// True while a picture is being painted: a new order waits for it.
    pub fn is_painting(&self) -> bool {
        self.painting.is_some()
    }

    /// Takes a finished picture to egui, if one is ready.
    pub fn collect(&mut self, ctx: &egui::Context) {
        let Some((_, receiver)) = &self.painting else { return };
        match receiver.try_recv() {
            Ok(painted) => {
                let options = egui::TextureOptions::LINEAR;
                match &mut self.texture {
                    Some(texture) => texture.set(painted.image, options),
                    None => self.texture = Some(ctx.load_texture("entente-density", painted.image, options)),
                }
                self.shown = Some((painted.key, painted.area, painted.transform));
                self.shown_with_marks = painted.with_marks;
                self.cells = painted.cells;
                self.painting = None;
                if let Some(ordered) = self.draft_ordered_at.take() {
                    self.last_draft = Some((ordered.elapsed(), Instant::now()));
                }
            }
            Err(TryRecvError::Empty) => {}
            Err(TryRecvError::Disconnected) => self.failed = self.painting.take().map(|(key, _)| key),
        }
    }

    /// Paints `order` on a thread of its own; the window is asked to draw once it is ready.
    pub fn order(&mut self, ctx: &egui::Context, order: PictureOrder) {
        let (sender, receiver) = std::sync::mpsc::channel();
        let (key, draft) = (order.key, order.draft);
        let repaint = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("entente-density".into())
            .spawn(move || {
                // A picture may come a frame later; the window's frames may not.
                crate::layout::give_way_to_the_window();
                let (image, cells) = paint(&order);
                let painted = Painted {
                    key: order.key,
                    with_marks: order.with_marks,
                    area: order.area,
                    transform: order.transform,
                    image,
                    cells,
                };
                if sender.send(painted).is_ok() {
                    repaint.request_repaint();
                }
            });
        if spawned.is_ok() {
            self.painting = Some((key, receiver));
            self.draft_ordered_at = draft.then(Instant::now);
        }
    }

    /// The picture shown, placed for the view `now` (it may have been painted for another),
    /// faded when a spotlight brings other things forward.
    pub fn shape(&self, now: ScreenTransform, faded: Option<f32>) -> Option<Shape> {
        let texture = self.texture.as_ref()?;
        let (_, area, then) = self.shown?;
        let tint = faded.map_or(Color32::WHITE, |f| Color32::WHITE.gamma_multiply(f));
        let whole = Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0));
        Some(Shape::image(texture.id(), moved(area, then, now), whole, tint))
    }

    /// Forgets the picture: a view with fewer relations draws them one by one.
    pub fn forget(&mut self) {
        self.shown = None;
        self.texture = None;
        self.cells = None;
    }

    /// The relation in the picture shown under `pointer` in the view `now`, found through
    /// the painter's filing (see `PickCells::nearest`); None when every relation must be
    /// tried.
    pub fn relation_near(
        &self,
        layout_key: u64,
        now: ScreenTransform,
        pointer: Pos2,
        measure: impl Fn(u32) -> Option<f32>,
    ) -> Option<Option<u32>> {
        self.cells.as_ref()?.nearest(layout_key, now, pointer, measure)
    }
}

/// Where `area`, painted for the view `then`, lies in the view `now`.
pub fn moved(area: Rect, then: ScreenTransform, now: ScreenTransform) -> Rect {
    let scale = now.zoom / then.zoom.max(1e-6);
    let place = |p: Pos2| ((p.to_vec2() - then.offset) * scale + now.offset).to_pos2();
    Rect::from_min_max(place(area.min), place(area.max))
}

/// The picture, and (unless it is a draft) its relations filed by where they run.
fn paint(order: &PictureOrder) -> (egui::ColorImage, Option<PickCells>) {
    let mut raster = DensityRaster::default();
    let [width, height] = order.size;
    raster.reset(width, height);
    let area = order.area;
    let to_pixel = |p: Vec2| [(p.x - area.min.x) * order.scale, (p.y - area.min.y) * order.scale];
    let mut cells = (!order.draft).then(|| PickCells::new(order.layout_key, order.transform, area));
    for (at, relation) in order.source.relations.iter().enumerate() {
        let Some(ends) = Ends::between(
            &order.nodes,
            relation.from as usize,
            relation.to as usize,
            order.transform.zoom,
        ) else {
            continue;
        };
        if !ends.bounds(relation.lane).intersects(area) {
            continue;
        }
        if cells
            .as_mut()
            .is_some_and(|cells| !cells.file(at as u32, relation, &ends))
        {
            cells = None;
        }
        if let Some((from, to)) = overview_segment(relation.lane, &ends) {
            raster.add_line(
                to_pixel(from),
                to_pixel(to),
                relation.rgb,
                order.opacity * relation.strength,
            );
        }
    }
    if order.with_marks {
        for actor in &order.source.actors {
            let Some(&(centre, radius)) = order.nodes.get(actor.slot as usize) else {
                continue;
            };
            if area.expand(radius).contains(to_pos(centre)) {
                raster.add_mark(to_pixel(centre), radius * order.scale, actor.shape, actor.rgba);
            }
        }
    }
    let mut pixels = Vec::new();
    raster.write_rgba(&mut pixels);
    (
        egui::ColorImage::from_rgba_premultiplied(order.size, pixels.as_flattened()),
        cells,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::NodeShape;

    /// A 100×100 view at zoom 1 with four actors: a relation across it between the first two,
    /// one below it between the last two.
    fn order(with_marks: bool) -> PictureOrder {
        let nodes = vec![
            (Vec2::new(10.0, 50.0), 3.0),
            (Vec2::new(90.0, 50.0), 3.0),
            (Vec2::new(10.0, 300.0), 3.0),
            (Vec2::new(90.0, 300.0), 3.0),
        ];
        let relation = |from, to| PictureRelation {
            from,
            to,
            lane: 0.0,
            rgb: [1.0, 0.0, 0.0],
            strength: 1.0,
            reach: 6.0,
        };
        let actor = |slot| PictureActor {
            slot,
            shape: NodeShape::Disc,
            rgba: [0.0, 0.0, 1.0, 1.0],
        };
        PictureOrder {
            key: 1,
            area: Rect::from_min_max(Pos2::ZERO, Pos2::new(100.0, 100.0)),
            transform: ScreenTransform {
                offset: egui::Vec2::ZERO,
                zoom: 1.0,
            },
            scale: 1.0,
            size: [100, 100],
            source: Arc::new(PictureSource {
                revision: 1,
                relations: vec![relation(0, 1), relation(2, 3)],
                actors: (0..4).map(actor).collect(),
            }),
            nodes,
            opacity: 1.0,
            draft: false,
            with_marks,
            layout_key: 42,
        }
    }

    #[test]
    fn a_picture_draws_the_relations_between_the_placed_actors_and_their_marks_when_asked() {
        let alpha = |image: &egui::ColorImage, x: usize, y: usize| image.pixels[y * 100 + x].a();
        let (lines, _) = paint(&order(false));
        assert!(alpha(&lines, 50, 50) > 0, "the relation across the view is in it");
        assert_eq!(alpha(&lines, 50, 90), 0, "nothing where no relation runs");
        assert_eq!(
            alpha(&lines, 10, 50),
            0,
            "without marks, the actor's place is left to its node"
        );
        let (marked, _) = paint(&order(true));
        let centre = marked.pixels[50 * 100 + 10];
        assert!(
            centre.a() > 200 && centre.b() > centre.r(),
            "the actor's mark, in its colour: {centre:?}"
        );
        assert_eq!(alpha(&marked, 50, 90), 0);
    }

    #[test]
    fn a_full_picture_files_its_relations_where_they_run_for_picking_in_the_same_places() {
        let painted = order(false);
        let (_, cells) = paint(&painted);
        let cells = cells.unwrap_or_else(|| panic!("a full picture files its relations"));
        let near = |key, now, pointer| cells.nearest(key, now, pointer, |_| None);
        let then = painted.transform;
        assert_eq!(
            near(42, then, Pos2::new(50.0, 52.0)),
            Some(Some(0)),
            "on the first relation"
        );
        assert_eq!(near(42, then, Pos2::new(50.0, 95.0)), Some(None), "far from both");
        // Panned 20 points right: the relation is 20 points further right too.
        let panned = ScreenTransform {
            offset: egui::vec2(20.0, 0.0),
            zoom: 1.0,
        };
        assert_eq!(near(42, panned, Pos2::new(105.0, 50.0)), Some(Some(0)));
        assert_eq!(
            near(42, panned, Pos2::new(10.0, 50.0)),
            None,
            "outside what was painted"
        );
        assert_eq!(near(7, then, Pos2::new(50.0, 52.0)), None, "the nodes have moved");
        let zoomed = ScreenTransform { zoom: 2.0, ..then };
        assert_eq!(near(42, zoomed, Pos2::new(50.0, 52.0)), None, "another zoom");
        let draft = PictureOrder {
            draft: true,
            ..order(false)
        };
        assert!(paint(&draft).1.is_none(), "a draft files nothing");
    }

    #[test]
    fn a_picture_follows_the_view_while_the_next_one_is_painted() {
        let area = Rect::from_min_max(Pos2::new(0.0, 0.0), Pos2::new(100.0, 50.0));
        let then = ScreenTransform {
            offset: egui::vec2(10.0, 20.0),
            zoom: 1.0,
        };
        assert_eq!(moved(area, then, then), area, "the same view: where it was painted");
        let panned = ScreenTransform {
            offset: egui::vec2(15.0, 20.0),
            zoom: 1.0,
        };
        assert_eq!(moved(area, then, panned).min, Pos2::new(5.0, 0.0));
        // Zoomed in twice about the layout's origin: a point at screen x = 110 (layout 100)
        // is now at 100 × 2 + 10.
        let zoomed = ScreenTransform {
            offset: egui::vec2(10.0, 20.0),
            zoom: 2.0,
        };
        let rect = moved(area, then, zoomed);
        assert_eq!(rect.max, Pos2::new(190.0, 80.0));
        assert_eq!(rect.width(), 200.0);
    }
}
