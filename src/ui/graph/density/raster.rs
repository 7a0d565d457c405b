//! A picture of many relations and actors in one image, for views with more of them than
//! lines and marks can show apart: each relation adds its colour along its path, and where
//! many cross the colour builds up as it would from as many translucent lines drawn over
//! each other (alpha = 1 − e^(−Σ opacity)), without a mesh of millions of vertices. Actors
//! are stamped over the relations in their own shapes, smoothed at their edges.
//!
//! Pure pixel arithmetic: knows nothing of egui, so it is tested without a window.

use crate::model::NodeShape;

/// What the relations have added to one pixel: Σ opacity × colour, and Σ opacity.
#[derive(Debug, Clone, Copy, Default)]
struct Ink {
    rgb: [f32; 3],
    amount: f32,
}

#[derive(Debug, Default)]
pub struct DensityRaster {
    width: usize,
    height: usize,
    ink: Vec<Ink>,
    /// The actors, premultiplied RGBA in 0..=1, composited over the relations.
    marks: Vec<[f32; 4]>,
}

impl DensityRaster {
    /// Empties the picture and sizes it, keeping the memory of the last one.
    pub fn reset(&mut self, width: usize, height: usize) {
        self.width = width;
        self.height = height;
        let pixels = width * height;
        self.ink.clear();
        self.ink.resize(pixels, Ink::default());
        // The actors' layer is made when the first is stamped: most pictures have none.
        self.marks.clear();
    }

    /// A straight relation from `a` to `b` (pixels) in `rgb` (0..=1) at `opacity`: smoothed
    /// across its width (each step along the line shares its ink between the two pixels it
    /// falls between), and clipped to the picture first, so a line running far off it costs
    /// only what shows.
    pub fn add_line(&mut self, a: [f32; 2], b: [f32; 2], rgb: [f32; 3], opacity: f32) {
        let Some((a, b)) = clip_to(a, b, self.width as f32, self.height as f32) else {
            return;
        };
        let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
        let steep = dy.abs() > dx.abs();
        // Walk along the longer axis, one pixel column (or row) at a time.
        let (a, b) = if steep { ([a[1], a[0]], [b[1], b[0]]) } else { (a, b) };
        let (a, b) = if a[0] > b[0] { (b, a) } else { (a, b) };
        let run = b[0] - a[0];
        let slope = if run > f32::EPSILON { (b[1] - a[1]) / run } else { 0.0 };
        // A diagonal line crosses more of each column than a level one.
        let per_step = opacity * (1.0 + slope * slope).sqrt();
        let first = (a[0] - 0.5).ceil().max(0.0) as usize;
        let last = (b[0] - 0.5).floor();
        if last < first as f32 {
            // Shorter than a pixel: its ink goes where it is.
            self.add_ink(a, steep, rgb, opacity * run.max(0.1));
            return;
        }
        let last = last as usize;
        for major in first..=last {
            let centre = major as f32 + 0.5;
            let minor = a[1] + (centre - a[0]) * slope;
            self.add_ink([centre, minor], steep, rgb, per_step);
        }
    }

    /// Shares `amount` of ink between the two pixels across the line at `at` (`at` is given
    /// along the major axis first when `steep`).
    fn add_ink(&mut self, at: [f32; 2], steep: bool, rgb: [f32; 3], amount: f32) {
        let below = at[1] - 0.5;
        let low = below.floor();
        let share = below - low;
        let major = at[0] as usize;
        for (minor, part) in [(low, 1.0 - share), (low + 1.0, share)] {
            if minor < 0.0 || part <= 0.0 {
                continue;
            }
            let (x, y) = if steep {
                (minor as usize, major)
            } else {
                (major, minor as usize)
            };
            if x >= self.width || y >= self.height {
                continue;
            }
            if let Some(ink) = self.ink.get_mut(y * self.width + x) {
                let add = amount * part;
                ink.rgb[0] += rgb[0] * add;
                ink.rgb[1] += rgb[1] * add;
                ink.rgb[2] += rgb[2] * add;
                ink.amount += add;
            }
        }
    }

    /// An actor's mark at `centre` (pixels), `radius` pixels across its middle, in `rgba`
    /// (straight alpha, 0..=1), over what is already there.
    pub fn add_mark(&mut self, centre: [f32; 2], radius: f32, shape: NodeShape, rgba: [f32; 4]) {
        if self.marks.len() != self.ink.len() {
            self.marks.resize(self.ink.len(), [0.0; 4]);
        }
        let outline = Outline::of(shape, radius);
        let reach = outline.reach + 1.0;
        let x0 = (centre[0] - reach).floor().max(0.0) as usize;
        let y0 = (centre[1] - reach).floor().max(0.0) as usize;
        let x1 = ((centre[0] + reach).ceil().max(0.0) as usize).min(self.width);
        let y1 = ((centre[1] + reach).ceil().max(0.0) as usize).min(self.height);
        for y in y0..y1 {
            for x in x0..x1 {
                let offset = [x as f32 + 0.5 - centre[0], y as f32 + 0.5 - centre[1]];
                let cover = outline.coverage(offset) * rgba[3];
                if cover <= 0.0 {
                    continue;
                }
                if let Some(mark) = self.marks.get_mut(y * self.width + x) {
                    let keep = 1.0 - cover;
                    mark[0] = rgba[0] * cover + mark[0] * keep;
                    mark[1] = rgba[1] * cover + mark[1] * keep;
                    mark[2] = rgba[2] * cover + mark[2] * keep;
                    mark[3] = cover + mark[3] * keep;
                }
            }
        }
    }

    /// The picture, premultiplied RGBA bytes row by row: the actors over the relations.
    pub fn write_rgba(&self, out: &mut Vec<[u8; 4]>) {
        out.clear();
        let no_marks = [0.0; 4];
        let marks = self.marks.iter().chain(std::iter::repeat(&no_marks));
        out.extend(self.ink.iter().zip(marks).map(|(ink, mark)| {
            let (mut rgb, mut alpha) = ([0.0; 3], 0.0);
            if ink.amount > 0.0 {
                alpha = 1.0 - (-ink.amount).exp();
                let scale = alpha / ink.amount;
                rgb = [ink.rgb[0] * scale, ink.rgb[1] * scale, ink.rgb[2] * scale];
            }
            let under = 1.0 - mark[3];
            let byte = |v: f32| (v.clamp(0.0, 1.0) * 255.0 + 0.5) as u8;
            [
                byte(mark[0] + rgb[0] * under),
                byte(mark[1] + rgb[1] * under),
                byte(mark[2] + rgb[2] * under),
                byte(mark[3] + alpha * under),
            ]
        }));
    }
}

/// The part of the segment inside [0, width] × [0, height], if any.
fn clip_to(a: [f32; 2], b: [f32; 2], width: f32, height: f32) -> Option<([f32; 2], [f32; 2])> {
    let (enter, leave) = crate::layout::clip_parameters(a, b, [0.0, 0.0], [width, height])?;
    if !(enter.is_finite() && leave.is_finite()) {
        return None;
    }
    let at = |t: f32| [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
    Some((at(enter), at(leave)))
}

/// An actor's shape as a signed distance from its outline, for smooth edges at any size.
struct Outline {
    shape: NodeShape,
    radius: f32,
    /// The regular polygon's edge normals and the distance of its edges from the centre.
    normals: Vec<[f32; 2]>,
    apothem: f32,
    reach: f32,
}

impl Outline {
    fn of(shape: NodeShape, radius: f32) -> Self {
        let Some(corners) = crate::ui::graph::style::polygon_outline(shape) else {
            return Self {
                shape,
                radius,
                normals: Vec::new(),
                apothem: radius,
                reach: radius,
            };
        };
        let count = corners.len().max(3);
        let normals: Vec<[f32; 2]> = (0..count)
            .filter_map(|i| {
                let (p, q) = (corners.get(i)?, corners.get((i + 1) % count)?);
                let middle = [(p[0] + q[0]) / 2.0, (p[1] + q[1]) / 2.0];
                let length = (middle[0] * middle[0] + middle[1] * middle[1]).sqrt().max(f32::EPSILON);
                Some([middle[0] / length, middle[1] / length])
            })
            .collect();
        let corner_distance = corners.first().map_or(1.0, |c| (c[0] * c[0] + c[1] * c[1]).sqrt());
        let apothem = corner_distance * (std::f32::consts::PI / count as f32).cos() * radius;
        Self {
            shape,
            radius,
            normals,
            apothem,
            reach: corner_distance * radius,
        }
    }

    /// How much of the pixel whose centre is `offset` from the mark's centre the mark covers.
    fn coverage(&self, offset: [f32; 2]) -> f32 {
        let cover = |distance: f32| (0.5 - distance).clamp(0.0, 1.0);
        let length = (offset[0] * offset[0] + offset[1] * offset[1]).sqrt();
        match self.shape {
            NodeShape::Disc => cover(length - self.radius),
            // As the canvas draws it: a faint fill inside a thick rim.
            NodeShape::Ring => {
                let rim = cover((length - (self.radius - 1.5)).abs() - 1.5);
                rim.max(0.35 * cover(length - self.radius))
            }
            _ => {
                let distance = self
                    .normals
                    .iter()
                    .map(|n| offset[0] * n[0] + offset[1] * n[1] - self.apothem)
                    .fold(f32::MIN, f32::max);
                cover(distance)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alpha_at(raster: &DensityRaster, x: usize, y: usize) -> u8 {
        let mut out = Vec::new();
        raster.write_rgba(&mut out);
        out.get(y * raster.width + x).map_or(0, |p| p[3])
    }

    #[test]
    fn a_line_inks_the_pixels_along_it_and_nothing_else() {
        let mut raster = DensityRaster::default();
        raster.reset(20, 10);
        raster.add_line([2.0, 4.5], [18.0, 4.5], [1.0, 0.0, 0.0], 1.0);
        assert!(alpha_at(&raster, 10, 4) > 150, "on the line");
        assert_eq!(alpha_at(&raster, 10, 8), 0, "away from it");
        assert_eq!(alpha_at(&raster, 0, 4), 0, "before its start");
    }

    #[test]
    fn crossing_lines_build_up_as_translucent_lines_drawn_over_each_other() {
        let mut raster = DensityRaster::default();
        raster.reset(10, 10);
        raster.add_line([0.0, 5.5], [10.0, 5.5], [0.0, 0.0, 1.0], 0.1);
        let one = alpha_at(&raster, 5, 5);
        for _ in 0..19 {
            raster.add_line([0.0, 5.5], [10.0, 5.5], [0.0, 0.0, 1.0], 0.1);
        }
        let twenty = alpha_at(&raster, 5, 5);
        assert!(one < twenty, "{one} then {twenty}");
        // 1 − (1 − 0.1)^20 ≈ 0.88 for lines blended one over another; e^(−2) gives 0.86.
        assert!((200..=235).contains(&twenty), "{twenty}");
    }

    #[test]
    fn a_line_far_outside_the_picture_costs_nothing_and_one_crossing_it_is_clipped() {
        let mut raster = DensityRaster::default();
        raster.reset(10, 10);
        raster.add_line([-1e6, -5.0], [1e6, -5.0], [1.0; 3], 1.0);
        assert!(raster.ink.iter().all(|i| i.amount == 0.0));
        raster.add_line([-1e6, 4.5], [1e6, 4.5], [1.0; 3], 1.0);
        assert!(alpha_at(&raster, 0, 4) > 0 && alpha_at(&raster, 9, 4) > 0);
    }

    #[test]
    fn the_colour_is_the_mix_of_the_lines_that_cross_a_pixel() {
        let mut raster = DensityRaster::default();
        raster.reset(10, 10);
        raster.add_line([5.5, 0.0], [5.5, 10.0], [1.0, 0.0, 0.0], 2.0);
        raster.add_line([0.0, 5.5], [10.0, 5.5], [0.0, 0.0, 1.0], 2.0);
        let mut out = Vec::new();
        raster.write_rgba(&mut out);
        let crossing = out.get(5 * 10 + 5).copied().unwrap_or_default();
        assert!(crossing[0] > 50 && crossing[2] > 50 && crossing[1] == 0, "{crossing:?}");
    }

    #[test]
    fn marks_cover_the_lines_under_them_in_their_shape() {
        let mut raster = DensityRaster::default();
        raster.reset(40, 20);
        raster.add_line([0.0, 10.0], [40.0, 10.0], [0.0, 0.0, 1.0], 1.0);
        raster.add_mark([10.0, 10.0], 5.0, NodeShape::Disc, [1.0, 0.0, 0.0, 1.0]);
        raster.add_mark([30.0, 10.0], 5.0, NodeShape::Square, [0.0, 1.0, 0.0, 1.0]);
        let mut out = Vec::new();
        raster.write_rgba(&mut out);
        let at = |x: usize, y: usize| out.get(y * 40 + x).copied().unwrap_or_default();
        assert_eq!(at(10, 10), [255, 0, 0, 255], "the disc covers the line");
        // The square (as drawn on the canvas, corners at 1.2 × radius along the diagonals)
        // fills its corner, where a disc of that radius would not reach.
        assert!(at(33, 13)[1] > 200, "{:?}", at(33, 13));
        assert_eq!(at(14, 14)[3], 0, "outside the disc");
    }
}
