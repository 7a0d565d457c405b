//! Where the graph view looks: its zoom and pan, where the canvas is on screen, and what the
//! app has asked of it (fit, follow the layout while it settles, centre on an actor). One
//! transform, in one place: layout space to window is `canvas.min + pan + position × zoom`.

use egui::{Pos2, Rect, Vec2};

pub const MIN_ZOOM: f32 = 0.02;
pub const MAX_ZOOM: f32 = 6.0;
/// Fitting a handful of actors zooms in no further than this.
const MAX_FIT_ZOOM: f32 = 2.5;
/// Room left around the graph when fitting, in points: enough for the labels at its rim,
/// which are kept inside the canvas.
const FIT_MARGIN: f32 = 14.0;
/// Centring on an actor zooms in to at least this.
const CENTRE_ZOOM: f32 = 0.8;

/// Layout space to window: `screen = offset + position × zoom`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScreenTransform {
    pub offset: egui::Vec2,
    pub zoom: f32,
}

impl ScreenTransform {
    pub fn apply(&self, p: Pos2) -> crate::layout::Vec2 {
        crate::layout::Vec2::new(self.offset.x + p.x * self.zoom, self.offset.y + p.y * self.zoom)
    }
}

/// What the app asks the view to do with the camera; taken on the view's next frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ViewRequest {
    /// Fit what is shown (or what Focus shows) to the canvas.
    Fit,
    /// Fit, and keep fitting while the layout settles, until the user zooms or pans.
    FollowLayout,
    /// Move so this actor is in the middle.
    CentreOn(usize),
    /// Show these actors (a path), zoomed in no further than a fit would.
    Show(Vec<usize>),
}

#[derive(Debug, Clone)]
pub struct Camera {
    pub zoom: f32,
    pub pan: Vec2,
    /// Where the canvas was on screen last frame.
    pub canvas: Rect,
    requests: Vec<ViewRequest>,
    /// Fitting again each frame while the layout settles.
    following: bool,
    /// The view is as Fit left it (no zoom, pan or centring since): it stays fitted when the
    /// canvas changes size (the timeline opening, the window resized).
    fitted: bool,
    /// Frames drawn with this camera.
    pub frames: u32,
}

impl Camera {
    /// A camera that fits the graph on its first frame; `follow` keeps fitting while a new
    /// layout settles.
    pub fn new(follow: bool) -> Self {
        let first = if follow {
            ViewRequest::FollowLayout
        } else {
            ViewRequest::Fit
        };
        Self {
            zoom: 1.0,
            pan: Vec2::ZERO,
            canvas: Rect::NOTHING,
            requests: vec![first],
            following: false,
            fitted: false,
            frames: 0,
        }
    }

    pub fn request(&mut self, request: ViewRequest) {
        self.requests.push(request);
    }

    /// Layout space to window, as last drawn.
    pub fn transform(&self) -> ScreenTransform {
        ScreenTransform {
            offset: self.canvas.min.to_vec2() + self.pan,
            zoom: self.zoom,
        }
    }

    /// Where a point of layout space was drawn last frame.
    pub fn to_screen(&self, x: f32, y: f32) -> Pos2 {
        self.canvas.min + self.pan + egui::vec2(x, y) * self.zoom
    }

    /// The point of layout space drawn at `screen` last frame.
    pub fn to_layout(&self, screen: Pos2) -> crate::layout::Vec2 {
        let p = (screen - self.canvas.min - self.pan) / self.zoom.max(MIN_ZOOM);
        crate::layout::Vec2::new(p.x, p.y)
    }

    /// The user zoomed or panned: the view is theirs now.
    pub fn moved_by_user(&mut self) {
        self.following = false;
        self.fitted = false;
    }

    /// True while the view keeps fitting a settling layout.
    pub fn is_following(&self) -> bool {
        self.following
    }

    /// Before a frame is drawn: takes the app's requests and a canvas that changed size.
    /// `bounds` are what a fit should show; `position` where an actor is, in layout space.
    pub fn place(
        &mut self,
        canvas: Rect,
        layout_running: bool,
        bounds: impl Fn() -> Option<(Vec2, Vec2)>,
        position: impl Fn(usize) -> Option<Vec2>,
    ) {
        let resized = (canvas.size() - self.canvas.size()).length() > 0.5;
        self.canvas = canvas;
        let mut fit = self.following || (self.fitted && resized);
        for request in std::mem::take(&mut self.requests) {
            match request {
                ViewRequest::Fit => fit = true,
                ViewRequest::FollowLayout => {
                    fit = true;
                    self.following = true;
                }
                ViewRequest::CentreOn(actor) => {
                    if let Some(at) = position(actor) {
                        self.zoom = self.zoom.max(CENTRE_ZOOM);
                        self.pan = canvas.size() * 0.5 - at * self.zoom;
                        self.moved_by_user();
                        fit = false;
                    }
                }
                ViewRequest::Show(actors) => {
                    let points: Vec<Vec2> = actors.into_iter().filter_map(&position).collect();
                    let min = points.iter().copied().reduce(|a, b| a.min(b));
                    let max = points.iter().copied().reduce(|a, b| a.max(b));
                    // Already in view at a size one can read: leave the view as it is.
                    let in_view = |p: &Vec2| canvas.shrink(FIT_MARGIN).contains(self.to_screen(p.x, p.y));
                    let readable = self.zoom >= CENTRE_ZOOM * 0.5 && points.iter().all(in_view);
                    if let (Some(min), Some(max), false) = (min, max, readable) {
                        let before = self.zoom;
                        self.fit_to(canvas, min, max);
                        // Zoom out to show them all, but in no further than needed to read them.
                        self.zoom = self.zoom.min(before.max(CENTRE_ZOOM));
                        let centre = (min + max) * 0.5;
                        self.pan = canvas.size() * 0.5 - centre * self.zoom;
                        self.moved_by_user();
                        fit = false;
                    }
                }
            }
        }
        if fit && let Some((min, max)) = bounds() {
            self.fit_to(canvas, min, max);
            self.fitted = true;
        }
        // Follow the layout to its end, then leave the view to the user.
        self.following &= layout_running;
    }

    fn fit_to(&mut self, canvas: Rect, min: Vec2, max: Vec2) {
        let extent = egui::vec2((max.x - min.x).max(1.0), (max.y - min.y).max(1.0));
        let room = (canvas.size() - egui::vec2(FIT_MARGIN, FIT_MARGIN) * 2.0).max(egui::vec2(10.0, 10.0));
        self.zoom = (room.x / extent.x).min(room.y / extent.y).clamp(MIN_ZOOM, MAX_FIT_ZOOM);
        let centre = (min + max) * 0.5;
        self.pan = canvas.size() * 0.5 - centre * self.zoom;
    }

    /// Zooms by `factor` about `anchor` (a point of the canvas, relative to its top left).
    pub fn zoom_about(&mut self, anchor: Vec2, factor: f32) {
        let before = (anchor - self.pan) / self.zoom;
        self.zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        self.pan = anchor - before * self.zoom;
        self.moved_by_user();
    }

    /// Keeps zoom within limits, holding the point under the pointer (or the middle) in place.
    pub fn clamp_zoom(&mut self, pointer: Option<Pos2>) {
        if !self.zoom.is_finite() {
            self.zoom = 1.0;
            return;
        }
        let clamped = self.zoom.clamp(MIN_ZOOM, MAX_ZOOM);
        if clamped == self.zoom {
            return;
        }
        let anchor = pointer
            .filter(|p| self.canvas.contains(*p))
            .unwrap_or(self.canvas.center())
            - self.canvas.min;
        let before = (anchor - self.pan) / self.zoom;
        self.zoom = clamped;
        self.pan = anchor - before * clamped;
    }

    /// Takes over another camera's view (a reload keeps the picture), not its requests.
    pub fn keep_view_of(&mut self, old: &Camera) {
        self.requests.clear();
        self.zoom = old.zoom;
        self.pan = old.pan;
        self.canvas = old.canvas;
        self.following = old.following;
        self.fitted = old.fitted;
        self.frames = old.frames;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canvas() -> Rect {
        Rect::from_min_size(egui::pos2(100.0, 50.0), egui::vec2(800.0, 600.0))
    }

    #[test]
    fn fit_shows_the_bounds_whole_and_centred_in_the_canvas() {
        let mut camera = Camera::new(false);
        let bounds = (Vec2::new(-100.0, -50.0), Vec2::new(300.0, 150.0));
        camera.place(canvas(), false, || Some(bounds), |_| None);
        let (top_left, bottom_right) = (camera.to_screen(-100.0, -50.0), camera.to_screen(300.0, 150.0));
        assert!(canvas().contains(top_left) && canvas().contains(bottom_right));
        assert!(
            (bottom_right.x - top_left.x) >= 800.0 - 2.0 * FIT_MARGIN - 0.5,
            "it fills the width"
        );
        let middle = camera.to_screen(100.0, 50.0);
        assert!((middle - canvas().center()).length() < 0.5);
    }

    #[test]
    fn a_fitted_view_refits_when_the_canvas_shrinks_but_not_once_the_user_has_moved_it() {
        let mut camera = Camera::new(false);
        let bounds = || Some((Vec2::new(0.0, 0.0), Vec2::new(400.0, 400.0)));
        camera.place(canvas(), false, bounds, |_| None);
        let smaller = Rect::from_min_size(canvas().min, egui::vec2(800.0, 450.0));
        camera.place(smaller, false, bounds, |_| None);
        assert!(
            smaller.contains(camera.to_screen(400.0, 400.0)),
            "refitted to the smaller canvas"
        );
        camera.zoom_about(Vec2::new(10.0, 10.0), 2.0);
        let zoom = camera.zoom;
        camera.place(canvas(), false, bounds, |_| None);
        assert_eq!(camera.zoom, zoom, "the user's zoom stays");
    }

    #[test]
    fn centring_puts_the_actor_in_the_middle_and_following_stops_when_the_layout_does() {
        let mut camera = Camera::new(true);
        let bounds = || Some((Vec2::ZERO, Vec2::new(100.0, 100.0)));
        camera.place(canvas(), true, bounds, |_| None);
        assert!(camera.is_following());
        camera.place(canvas(), false, bounds, |_| None);
        assert!(!camera.is_following(), "the layout settled");
        camera.request(ViewRequest::CentreOn(7));
        camera.place(canvas(), false, bounds, |a| (a == 7).then_some(Vec2::new(40.0, -20.0)));
        assert!((camera.to_screen(40.0, -20.0) - canvas().center()).length() < 0.5);
        assert!(camera.zoom >= CENTRE_ZOOM);
    }

    #[test]
    fn showing_a_path_moves_the_view_only_when_it_is_out_of_sight_or_too_small_to_read() {
        let mut camera = Camera::new(false);
        let bounds = || Some((Vec2::ZERO, Vec2::new(400.0, 400.0)));
        camera.place(canvas(), false, bounds, |_| None);
        let (zoom, pan) = (camera.zoom, camera.pan);
        let at = |a: usize| Some(Vec2::new(a as f32 * 100.0, 100.0));
        camera.request(ViewRequest::Show(vec![1, 2]));
        camera.place(canvas(), false, bounds, at);
        assert_eq!((camera.zoom, camera.pan), (zoom, pan), "in view already");

        // Far off and tiny, as a path is in a big graph seen whole.
        camera.zoom = 0.05;
        camera.request(ViewRequest::Show(vec![40, 41]));
        camera.place(canvas(), false, bounds, at);
        assert!(camera.zoom > 0.05);
        for a in [40, 41] {
            let p = at(a).unwrap_or_default();
            assert!(canvas().contains(camera.to_screen(p.x, p.y)), "actor {a} shown");
        }
    }
}
