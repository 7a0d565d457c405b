//! The relations, drawn by Entente in one pass under egui_graphs' nodes and picked with the
//! mouse. egui_graphs would draw each edge as its own call with copies of both end nodes and
//! scan them all to hit-test; here what is off-screen costs a box test, and when too many are
//! on screen to tell their styles apart they become thin lines in a single mesh.

use std::sync::Arc;

use egui::{Color32, Rect, Shape};

use super::camera::ScreenTransform;
use super::density::{PictureOrder, PictureSource};
use super::edge_buffers::{EdgeBuffers, MARKS_DRAWN_BELOW, MARKS_IN_PICTURE_FROM};
use super::edge_shape::{Ends, OVERVIEW_INDICES, OVERVIEW_VERTICES, detailed_shapes, overview_line, to_pos};
use super::payload::RelationEdge;
use super::picture_source::picture_source;
use super::scene::{DrawnEdge, GraphScene};
use crate::layout::Vec2;

/// Up to this many relations on screen, each is drawn in full (curves, line styles, arrows);
/// beyond it, as plain lines. The selected relation is always drawn in full.
pub const DETAILED_LIMIT: usize = 2_500;
/// Past this many relations on screen, they are painted as one picture of their density
/// (see `density`) rather than lines: a line costs the same however long it is, a line in the
/// picture costs its length in pixels, and below this many the lines are cheaper.
pub const PICTURE_FROM: usize = 40_000;
/// ...and drawn as lines again below this many, so a view near the limit does not flicker.
const PICTURE_UNTIL: usize = 30_000;
/// Up to this many relations on screen, their plain lines are smoothed; beyond it, where they
/// cross by the thousand and smoothing shows nothing, they are not (it halves their triangles).
pub const SMOOTH_LIMIT: usize = 10_000;
use super::node_shape::{MAX_SCREEN_RADIUS, MIN_SCREEN_RADIUS};
/// Up to this many relations on screen each is drawn in full strength; past it they thin
/// out (with the square root of their number), so a dense view shows its structure rather
/// than a solid block of colour.
const CLEAR_UP_TO: f32 = 150.0;
/// ...but never fainter than this.
const FAINTEST: f32 = 0.1;
/// How strongly relations outside a spotlight are drawn.
const OUTSIDE_SPOTLIGHT: f32 = 0.07;

/// How much of its strength the picture keeps under a spotlight, as relations outside one do.
const PICTURE_UNDER_SPOTLIGHT: f32 = 0.3;

/// Where the relations are drawn this frame: layout space to window, the part of the window
/// they fill, and the colour of the selected one's halo.
#[derive(Debug, Clone, Copy)]
pub struct Canvas {
    pub transform: ScreenTransform,
    pub clip: Rect,
    pub halo: Color32,
}

/// The picture a crowded view wants: its key, whether a draft will do, and how strongly each
/// relation is drawn in it.
#[derive(Debug, Clone, Copy)]
struct Wanted {
    key: u64,
    draft: bool,
    opacity: f32,
}

/// Where the nodes are this frame: how many are on screen, and a fingerprint of their places
/// and sizes in the layout (the view apart), which tells whether a picture painted earlier
/// still shows them.
struct PlacedNodes {
    on_screen: usize,
    fingerprint: u64,
}

/// Every node's centre and radius on screen, by node index, from where egui_graphs has them
/// this frame (so a node being dragged takes its relations along). Looking these up in a
/// small table is much quicker than in egui_graphs' graph, twice for each of 100,000 edges.
fn place_nodes(
    scene: &GraphScene,
    transform: ScreenTransform,
    clip: Rect,
    nodes: &mut Vec<(Vec2, f32)>,
) -> PlacedNodes {
    use std::hash::Hasher;
    nodes.clear();
    let mut fingerprint = rustc_hash::FxHasher::default();
    let mut on_screen = 0;
    for (index, node) in scene.graph.nodes_iter() {
        let slot = index.index();
        if nodes.len() <= slot {
            nodes.resize(slot + 1, (Vec2::ZERO, 0.0));
        }
        let radius = (node.payload().radius * transform.zoom).clamp(MIN_SCREEN_RADIUS, MAX_SCREEN_RADIUS);
        let centre = transform.apply(node.location());
        if clip.contains(to_pos(centre)) {
            on_screen += 1;
        }
        let location = node.location();
        fingerprint.write_usize(slot);
        fingerprint.write_u32(location.x.to_bits());
        fingerprint.write_u32(location.y.to_bits());
        fingerprint.write_u32(node.payload().radius.to_bits());
        if let Some(entry) = nodes.get_mut(slot) {
            *entry = (centre, radius);
        }
    }
    PlacedNodes {
        on_screen,
        fingerprint: fingerprint.finish(),
    }
}

pub(super) fn ends(nodes: &[(Vec2, f32)], edge: &DrawnEdge, zoom: f32) -> Option<Ends> {
    Ends::between(nodes, edge.from.index(), edge.to.index(), zoom)
}

/// How strongly each relation is drawn when `count` are on screen.
pub fn density_opacity(count: usize) -> f32 {
    (CLEAR_UP_TO / count.max(1) as f32).sqrt().clamp(FAINTEST, 1.0)
}

/// What was drawn where in the layout: the same key, the same relations between the nodes in
/// the same places, whatever the view.
fn layout_key(buffers: &EdgeBuffers, nodes: &PlacedNodes) -> u64 {
    use std::hash::Hasher;
    let mut key = rustc_hash::FxHasher::default();
    key.write_u64(nodes.fingerprint);
    key.write_u64(buffers.revision);
    key.finish()
}

/// What the view's picture depends on: where the nodes are, what is drawn, the view itself
/// and the screen's pixels. The same key, the same picture.
fn picture_key(
    buffers: &EdgeBuffers,
    nodes: &PlacedNodes,
    (transform, clip): (ScreenTransform, Rect),
    pixels_per_point: f32,
    draft: bool,
) -> u64 {
    use std::hash::Hasher;
    let mut key = rustc_hash::FxHasher::default();
    key.write_u64(layout_key(buffers, nodes));
    for value in [transform.offset.x, transform.offset.y, transform.zoom] {
        key.write_u32(value.to_bits());
    }
    key.write_u8(u8::from(buffers.marks_wanted));
    key.write_u8(u8::from(draft));
    for value in [clip.min.x, clip.min.y, clip.max.x, clip.max.y, pixels_per_point] {
        key.write_u32(value.to_bits());
    }
    key.finish()
}

/// The shapes of every relation that shows inside `clip`: plain lines in one mesh (or, when
/// there are too many for lines, one picture) first, then relations in full, then those the
/// spotlight brings forward, then the selected one on top.
pub fn edge_shapes(ctx: &egui::Context, scene: &GraphScene, buffers: &mut EdgeBuffers, canvas: Canvas) -> Vec<Shape> {
    let Canvas { transform, clip, .. } = canvas;
    let placed = place_nodes(scene, transform, clip, &mut buffers.nodes);
    // Decided before any picture is ordered, so the first one already has the actors in it.
    buffers.marks_wanted = if buffers.marks_wanted {
        placed.on_screen >= MARKS_DRAWN_BELOW
    } else {
        placed.on_screen > MARKS_IN_PICTURE_FROM
    };
    buffers.picture.collect(ctx);
    // A first picture, or one while the layout moves the actors, is a quick draft.
    let draft = scene.layout_running() || !shows_what_is_wanted(buffers);
    buffers.layout_key = layout_key(buffers, &placed);
    let key = picture_key(buffers, &placed, (transform, clip), ctx.pixels_per_point(), draft);
    // Nothing has changed since the picture shown (or on its way) was ordered.
    if buffers.density && buffers.picture.has(key) {
        return picture_shapes(scene, buffers, canvas);
    }
    let mut visible = std::mem::take(&mut buffers.visible);
    visible.clear();
    // Collecting stops past the last limit: past it, the answers are the same.
    for (at, edge) in scene.edges().iter().enumerate() {
        let Some(ends) = ends(&buffers.nodes, edge, transform.zoom) else {
            continue;
        };
        if ends.bounds(edge.payload.lane).intersects(clip) {
            visible.push((at as u32, ends));
            if visible.len() > PICTURE_FROM {
                break;
            }
        }
    }
    let counted = visible.len();
    let crowded = if buffers.density { PICTURE_UNTIL } else { PICTURE_FROM };
    buffers.density = counted > crowded || buffers.marks_wanted;
    if buffers.density {
        buffers.visible = visible;
        let wanted = Wanted {
            key,
            draft,
            opacity: density_opacity(counted),
        };
        return crowded_view(ctx, scene, buffers, canvas, wanted);
    }
    let shapes = relation_lines(scene, buffers, &visible, canvas);
    buffers.visible = visible;
    shapes
}

/// The crowded view: the picture for it, ordered when the one shown or on its way is not.
fn crowded_view(
    ctx: &egui::Context,
    scene: &GraphScene,
    buffers: &mut EdgeBuffers,
    canvas: Canvas,
    wanted: Wanted,
) -> Vec<Shape> {
    buffers.plain_lines = true;
    let picture = &buffers.picture;
    // Only the layout moved the actors (and the view that follows it) since the picture
    // shown, which has what is wanted in it: the painter may rest. A view the user moved is
    // painted at once.
    let resting = scene.layout_running()
        && (scene.camera.is_following() || picture.shown_for(canvas.clip, canvas.transform))
        && shows_what_is_wanted(buffers)
        && !picture.rest_left().is_zero();
    if resting {
        ctx.request_repaint_after(picture.rest_left());
    }
    // The picture for this view is on its way, or another is being painted, or the painter
    // rests: the one shown, moved to the view, stands in.
    if !(picture.has(wanted.key) || picture.is_painting() || resting) {
        let source = match &buffers.source {
            Some(source) if source.revision == buffers.revision => Arc::clone(source),
            _ => Arc::new(picture_source(scene, buffers.revision)),
        };
        buffers.source = Some(Arc::clone(&source));
        // In a graph big enough for its actors to go into the picture, every picture has
        // them, even when so few are on screen that they are drawn one by one over it: the
        // next zoom out then has them in the picture that stands in for its own. (While the
        // picture lags a dragged or moving actor, its mark shows where it was, as its
        // relations do.)
        let with_marks = buffers.marks_wanted || scene.graph.node_count() > MARKS_IN_PICTURE_FROM;
        let order = picture_order(ctx, buffers, source, canvas, wanted, with_marks);
        buffers.picture.order(ctx, order);
    }
    picture_shapes(scene, buffers, canvas)
}

/// A picture is shown, with the actors in it when they are wanted there.
fn shows_what_is_wanted(buffers: &EdgeBuffers) -> bool {
    let picture = &buffers.picture;
    picture.shows_any() && (picture.shows_marks() || !buffers.marks_wanted)
}

/// The relations on screen (`visible`) as lines: plain in one mesh when many, in full when
/// few, with what the spotlight brings forward and the selected one on top.
fn relation_lines(
    scene: &GraphScene,
    buffers: &mut EdgeBuffers,
    visible: &[(u32, Ends)],
    canvas: Canvas,
) -> Vec<Shape> {
    let Canvas { clip, halo, .. } = canvas;
    let counted = visible.len();
    let opacity = density_opacity(counted);
    buffers.picture.forget();
    let detailed = counted <= DETAILED_LIMIT;
    let smooth = counted <= SMOOTH_LIMIT;
    let spotlight = scene.spotlight();
    buffers.plain_lines = !detailed;
    let lines = Arc::make_mut(&mut buffers.mesh);
    // Not `Mesh::clear`, which gives the memory back.
    lines.vertices.clear();
    lines.indices.clear();
    if !detailed {
        lines.reserve_vertices(counted * OVERVIEW_VERTICES);
        lines.reserve_triangles(counted * OVERVIEW_INDICES / 3);
    }
    let mut shapes = Vec::new();
    let mut highlighted = Vec::new();
    let mut brought_forward = Vec::new();
    for &(at, ends) in visible {
        let Some(edge) = scene.edges().get(at as usize) else {
            continue;
        };
        let relation = edge.payload.relation as usize;
        let opacity = match spotlight {
            Some(spotlight) if spotlight.has_relation(relation) => {
                brought_forward.push((edge, ends));
                continue;
            }
            Some(_) => OUTSIDE_SPOTLIGHT,
            None => opacity,
        };
        if edge.payload.highlighted {
            highlighted.push((edge, ends));
        } else if detailed {
            detailed_shapes(&edge.payload, &ends, clip, halo, opacity, &mut shapes);
        } else {
            overview_line(&edge.payload, &ends, smooth, opacity, lines);
        }
    }
    // What the spotlight brings forward is drawn in full, on top: a few dozen at most.
    for (edge, ends) in brought_forward {
        if edge.payload.highlighted {
            highlighted.push((edge, ends));
        } else {
            detailed_shapes(&edge.payload, &ends, clip, halo, 1.0, &mut shapes);
        }
    }
    for (edge, ends) in highlighted {
        detailed_shapes(&edge.payload, &ends, clip, halo, 1.0, &mut shapes);
    }
    if !lines.is_empty() {
        shapes.insert(0, Shape::Mesh(Arc::clone(&buffers.mesh)));
    }
    shapes
}

/// Tells the nodes whether the picture shown (or the dots standing in for it) has them in
/// it, when that changes: they stop being drawn one by one only once one of those is shown,
/// and are drawn again as soon as neither is. This frame drew them as it was told before, so
/// when they come back a frame is asked for at once.
pub fn choose_marks_in_picture(ctx: &egui::Context, scene: &mut GraphScene, buffers: &mut EdgeBuffers) {
    let shown = buffers.density && buffers.marks_wanted && (buffers.picture.shows_marks() || buffers.dots_shown);
    if shown != buffers.marks_in_picture {
        buffers.marks_in_picture = shown;
        scene.set_marks_in_picture(shown);
        if !shown {
            ctx.request_repaint();
        }
    }
}

/// The picture (faded under a spotlight, or when what is in full is drawn over it), then what
/// stands out over it. While the actors are wanted in a picture but none with them is shown
/// yet (a big graph's first frames, a zoom out from a view of lines, after an edit), they are
/// dots in one mesh: drawn one by one, the first frames of a 100,000-actor file took 50 to
/// 100 ms each.
fn picture_shapes(scene: &GraphScene, buffers: &mut EdgeBuffers, canvas: Canvas) -> Vec<Shape> {
    let faded = (scene.spotlight().is_some() || scene.in_full().is_some()).then_some(PICTURE_UNDER_SPOTLIGHT);
    let mut shapes: Vec<Shape> = buffers.picture.shape(canvas.transform, faded).into_iter().collect();
    buffers.dots_shown =
        buffers.marks_wanted && !buffers.picture.shows_marks() && actor_dots(buffers, canvas.clip, faded);
    if buffers.dots_shown {
        shapes.push(Shape::Mesh(Arc::clone(&buffers.mesh)));
    }
    shapes.extend(standing_out(scene, buffers, canvas));
    shapes
}

/// Every actor on screen as a square dot in its colour (faded as the picture is), in the
/// shared mesh (in a crowded view it holds no lines); false when there is nothing to draw
/// them from yet.
fn actor_dots(buffers: &mut EdgeBuffers, clip: Rect, faded: Option<f32>) -> bool {
    let Some(source) = buffers.source.as_ref().filter(|s| s.revision == buffers.revision) else {
        return false;
    };
    let mesh = Arc::make_mut(&mut buffers.mesh);
    // Not `Mesh::clear`, which gives the memory back.
    mesh.vertices.clear();
    mesh.indices.clear();
    mesh.reserve_vertices(source.actors.len() * 4);
    mesh.reserve_triangles(source.actors.len() * 2);
    for actor in &source.actors {
        let Some(&(centre, radius)) = buffers.nodes.get(actor.slot as usize) else {
            continue;
        };
        let centre = to_pos(centre);
        if !clip.contains(centre) {
            continue;
        }
        let [r, g, b, a] = actor.rgba;
        let a = a * faded.unwrap_or(1.0);
        let colour = Color32::from_rgba_unmultiplied(
            (r * 255.0) as u8,
            (g * 255.0) as u8,
            (b * 255.0) as u8,
            (a * 255.0) as u8,
        );
        mesh.add_colored_rect(Rect::from_center_size(centre, egui::Vec2::splat(radius * 1.2)), colour);
    }
    true
}

/// A draft picture (the first of a view, or any while the layout moves the actors) is painted
/// at this fraction of the screen's pixels: a quarter of the pixels and half the ink, so it is
/// quick to come and keeps up with a moving layout; the picture that follows is in full.
const DRAFT_SCALE: f32 = 0.5;

/// The picture of the view inside `clip`, with the nodes where they are this frame.
fn picture_order(
    ctx: &egui::Context,
    buffers: &EdgeBuffers,
    source: Arc<PictureSource>,
    Canvas { transform, clip, .. }: Canvas,
    Wanted { key, draft, opacity }: Wanted,
    with_marks: bool,
) -> PictureOrder {
    // One texel a pixel, but never more than the graphics card takes in one texture.
    let largest = ctx.input(|i| i.max_texture_side).max(1) as f32;
    let wanted = ctx.pixels_per_point() * if draft { DRAFT_SCALE } else { 1.0 };
    let scale = wanted.min(largest / clip.width().max(clip.height()).max(1.0));
    let width = (clip.width() * scale).round().clamp(1.0, largest) as usize;
    let height = (clip.height() * scale).round().clamp(1.0, largest) as usize;
    PictureOrder {
        key,
        area: clip,
        transform,
        scale,
        size: [width, height],
        source,
        nodes: buffers.nodes.clone(),
        opacity,
        draft,
        with_marks,
        layout_key: buffers.layout_key,
    }
}

/// The relation under the pointer drawn again over the others with a glow, so that its
/// tooltip says which line it means (in a crowded view, one line among thousands).
pub fn hovered_relation_shapes(
    scene: &GraphScene,
    buffers: &EdgeBuffers,
    canvas: Canvas,
    relation: usize,
) -> Vec<Shape> {
    let mut shapes = Vec::new();
    relation_over(scene, buffers, canvas, (relation, true), &mut shapes);
    shapes
}

/// One relation drawn in full over what lies below it, unless it is off-screen; with `glow`,
/// ringed in the canvas's halo colour as the selected one is.
fn relation_over(
    scene: &GraphScene,
    buffers: &EdgeBuffers,
    Canvas { transform, clip, halo }: Canvas,
    (relation, glow): (usize, bool),
    shapes: &mut Vec<Shape>,
) {
    let Some(edge) = scene.drawn_edge(relation) else {
        return;
    };
    let Some(ends) =
        ends(&buffers.nodes, edge, transform.zoom).filter(|ends| ends.bounds(edge.payload.lane).intersects(clip))
    else {
        return;
    };
    if glow && !edge.payload.highlighted {
        let glowing = RelationEdge {
            highlighted: true,
            ..edge.payload.clone()
        };
        detailed_shapes(&glowing, &ends, clip, halo, 1.0, shapes);
    } else {
        detailed_shapes(&edge.payload, &ends, clip, halo, 1.0, shapes);
    }
}

/// Over the picture: what is in full among dimmed ones, the relations the spotlight brings
/// forward, then the selected one, in full. Found from those lists and the selection,
/// without a pass over every relation.
fn standing_out(scene: &GraphScene, buffers: &EdgeBuffers, canvas: Canvas) -> Vec<Shape> {
    let mut shapes = Vec::new();
    let selected = match scene.selection() {
        Some(crate::ui::command::Selection::Relation(relation)) => Some(relation),
        _ => None,
    };
    let draw =
        |relation: usize, shapes: &mut Vec<Shape>| relation_over(scene, buffers, canvas, (relation, false), shapes);
    let in_full = scene.in_full().unwrap_or_default();
    for &relation in in_full {
        if Some(relation as usize) != selected {
            draw(relation as usize, &mut shapes);
        }
    }
    if let Some(spotlight) = scene.spotlight() {
        let in_full = |r: usize| in_full.binary_search(&(r as u32)).is_ok();
        let mut relations: Vec<usize> = spotlight
            .relations()
            .filter(|r| Some(*r) != selected && !in_full(*r))
            .collect();
        relations.sort_unstable();
        for relation in relations {
            draw(relation, &mut shapes);
        }
    }
    if let Some(relation) = selected {
        draw(relation, &mut shapes);
    }
    shapes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relations_thin_out_as_more_crowd_the_view_but_never_vanish() {
        assert_eq!(density_opacity(10), 1.0, "a few are drawn in full");
        assert_eq!(density_opacity(CLEAR_UP_TO as usize), 1.0);
        let mut last = 1.0;
        for count in [300, 1_000, 3_000, 10_000, 100_000] {
            let opacity = density_opacity(count);
            assert!(opacity < last, "{count}: {opacity}");
            last = opacity;
        }
        assert_eq!(density_opacity(1_000_000), FAINTEST);
    }
}
