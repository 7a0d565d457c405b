//! The relations (and, when thousands are in view, the actors) as one image when more are on
//! screen than lines can show apart: a mesh of half a million lines cost 60 ms to build and
//! copy every frame, and showed nothing a picture of their density does not.
//!
//! The picture is painted on a thread of its own (half a million long lines are 100 million
//! pixels of ink, most of a second), and made again only when what it shows changes (the
//! view, the positions, what is visible). Until the new one is ready, the last one is drawn
//! moved and scaled to the view as it is now, so panning and zooming never wait for it.

mod raster;

use std::sync::mpsc::{Receiver, TryRecvError};

use egui::{Color32, Pos2, Rect, Shape};

use raster::DensityRaster;

use super::camera::ScreenTransform;
use crate::model::NodeShape;

/// A relation's line in the picture, in its pixels.
#[derive(Debug, Clone, Copy)]
pub struct PictureLine {
    pub from: [f32; 2],
    pub to: [f32; 2],
    pub rgb: [f32; 3],
    pub opacity: f32,
}

/// An actor's mark in the picture, in its pixels.
#[derive(Debug, Clone, Copy)]
pub struct PictureMark {
    pub centre: [f32; 2],
    pub radius: f32,
    pub shape: NodeShape,
    /// Straight alpha, 0..=1.
    pub rgba: [f32; 4],
}

/// What to paint: the lines and marks, over the pixels of `area` as the view stood.
pub struct PictureOrder {
    pub key: u64,
    pub area: Rect,
    pub transform: ScreenTransform,
    pub size: [usize; 2],
    pub lines: Vec<PictureLine>,
    /// The actors are in it (even when none is on screen).
    pub with_marks: bool,
    pub marks: Vec<PictureMark>,
}

/// A painted picture and the view it was painted for.
struct Painted {
    key: u64,
    with_marks: bool,
    area: Rect,
    transform: ScreenTransform,
    image: egui::ColorImage,
}

/// The picture shown, the one being painted, and what they were made from.
#[derive(Default)]
pub struct DensityLayer {
    texture: Option<egui::TextureHandle>,
    /// What the texture shows, and the view it was painted for.
    shown: Option<(u64, Rect, ScreenTransform)>,
    shown_with_marks: bool,
    painting: Option<(u64, Receiver<Painted>)>,
    /// A picture whose painting failed, so it is not ordered again frame after frame.
    failed: Option<u64>,
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
                self.painting = None;
            }
            Err(TryRecvError::Empty) => {}
            Err(TryRecvError::Disconnected) => self.failed = self.painting.take().map(|(key, _)| key),
        }
    }

    /// Paints `order` on a thread of its own; the window is asked to draw once it is ready.
    pub fn order(&mut self, ctx: &egui::Context, order: PictureOrder) {
        let (sender, receiver) = std::sync::mpsc::channel();
        let key = order.key;
        let repaint = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("entente-density".into())
            .spawn(move || {
                let image = paint(&order);
                let painted = Painted {
                    key: order.key,
                    with_marks: order.with_marks,
                    area: order.area,
                    transform: order.transform,
                    image,
                };
                if sender.send(painted).is_ok() {
                    repaint.request_repaint();
                }
            });
        if spawned.is_ok() {
            self.painting = Some((key, receiver));
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
    }
}

/// Where `area`, painted for the view `then`, lies in the view `now`.
pub fn moved(area: Rect, then: ScreenTransform, now: ScreenTransform) -> Rect {
    let scale = now.zoom / then.zoom.max(1e-6);
    let place = |p: Pos2| ((p.to_vec2() - then.offset) * scale + now.offset).to_pos2();
    Rect::from_min_max(place(area.min), place(area.max))
}

fn paint(order: &PictureOrder) -> egui::ColorImage {
    let mut raster = DensityRaster::default();
    let [width, height] = order.size;
    raster.reset(width, height);
    for line in &order.lines {
        raster.add_line(line.from, line.to, line.rgb, line.opacity);
    }
    for mark in &order.marks {
        raster.add_mark(mark.centre, mark.radius, mark.shape, mark.rgba);
    }
    let mut pixels = Vec::new();
    raster.write_rgba(&mut pixels);
    egui::ColorImage::from_rgba_premultiplied(order.size, pixels.as_flattened())
}

#[cfg(test)]
mod tests {
    use super::*;

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
