//! One full frame on the CPU (UI build and tessellation, no GPU): Entente's graph canvas
//! against a stock egui_graphs `GraphView` with default settings, over the same graph with
//! the same node positions, in the same run, fully zoomed out and zoomed in.
//!
//! Then the frames of the real app (driven headless by egui_kittest) while it opens a file
//! of each size: the longest one is the one that puts the file on screen.
//!
//! Run: `cargo bench --bench frame`

use std::time::{Duration, Instant};

use egui_graphs::{Graph, GraphView, MetadataFrame, SettingsNavigation};
use entente::model::{Dataset, DatasetIndex, KindFilter, ViewQuery, Visibility, generate};
use entente::ui::graph::{GRAPH_ID, GraphScene, graph_canvas};
use petgraph::stable_graph::StableGraph;

mod common;

const STOCK_ID: &str = "stock-graph";
/// Frames before this one fit the view and are not timed.
const FIRST_MEASURED: usize = 2;
const SCREEN: egui::Vec2 = egui::vec2(1280.0, 800.0);

#[derive(Clone, Copy, PartialEq)]
enum Zoom {
    /// The whole graph in the window, as it first opens.
    Out,
    /// Zoom 1 around the graph's middle: a few hundred actors in view.
    In,
    /// Zoomed out, with the pointer resting on the canvas: each frame looks for the relation
    /// under it, for its tooltip, among every relation on screen.
    OutPointerResting,
    /// Zoomed out, the view panned a little every frame (as while the user drags it): nothing
    /// drawn last frame can be reused.
    OutMoving,
    /// Zoomed in, panned every frame.
    InMoving,
}

impl Zoom {
    fn label(self) -> &'static str {
        match self {
            Zoom::Out => "out",
            Zoom::In => "in",
            Zoom::OutPointerResting => "out, pointer resting",
            Zoom::OutMoving => "out, view moving",
            Zoom::InMoving => "in, view moving",
        }
    }

    fn zoomed_in(self) -> bool {
        matches!(self, Zoom::In | Zoom::InMoving)
    }

    fn moving(self) -> bool {
        matches!(self, Zoom::OutMoving | Zoom::InMoving)
    }

    /// Two points to the side, then back, every other frame.
    fn pan_step(self, frame: usize) -> f32 {
        if !self.moving() || frame < FIRST_MEASURED {
            0.0
        } else if frame.is_multiple_of(2) {
            2.0
        } else {
            -2.0
        }
    }
}

fn main() {
    // The opening table alone, for work on opening and settling.
    if std::env::var_os("ENTENTE_BENCH_OPENING_ONLY").is_some() {
        opening_frames();
        return;
    }
    let skip_opening = std::env::var_os("ENTENTE_BENCH_ROWS").is_some();
    let full = common::is_full_run();
    println!(
        "| actors | relations | zoom | Entente frame | stock GraphView frame | ratio | Entente's longest | stock's longest |"
    );
    println!("|---:|---:|---|---:|---:|---:|---:|---:|");
    let mut lookups = Vec::new();
    for (actors, relations) in common::sizes() {
        let dataset = generate(actors, relations, 1);
        let index = DatasetIndex::new(&dataset);
        let filter = KindFilter::default();
        let visibility = Visibility::compute(&dataset, &index, &ViewQuery::all(&filter));
        let mut scene = GraphScene::new(&dataset, &index, None, &egui::Context::default());
        let looks = entente::ui::KindLooks::of(&dataset);
        let look = entente::ui::graph::SceneLook {
            looks: &looks,
            file_looks: true,
            actor_colours: None,
            collapsed: None,
            relations: index.relation_facts(),
        };
        scene.rebuild(&dataset, &visibility, None, look);
        while scene.advance_layout(Duration::from_secs(1)) {
            std::thread::sleep(Duration::from_millis(2));
        }
        scene.rebuild(&dataset, &visibility, None, look);
        let mut stock = stock_graph(&dataset, &index, &scene);
        let frames = if full { 20 } else { 3 };
        for zoom in [
            Zoom::Out,
            Zoom::In,
            Zoom::OutPointerResting,
            Zoom::OutMoving,
            Zoom::InMoving,
        ]
        .into_iter()
        .filter(|zoom| wanted_row(*zoom))
        {
            // Off the graph's middle, so that no actor is under it: an actor's own tooltip
            // would be shown instead, without looking for a relation.
            let pointer = (zoom == Zoom::OutPointerResting).then_some(egui::pos2(SCREEN.x * 0.3, SCREEN.y * 0.2));
            // A context of its own per row, so each starts fitted to the whole graph.
            let ctx = egui::Context::default();
            let (ours, ours_longest) = median_frame(&ctx, frames, pointer, |ui, frame| {
                if frame == 0 {
                    scene.camera.request(entente::ui::graph::ViewRequest::Fit);
                }
                if frame == FIRST_MEASURED && zoom.zoomed_in() {
                    zoom_in(ui, GRAPH_ID);
                    scene.camera.moved_by_user();
                    (scene.camera.zoom, scene.camera.pan) = (1.0, SCREEN * 0.5);
                }
                if zoom.moving() {
                    scene.camera.moved_by_user();
                    scene.camera.pan.x += zoom.pan_step(frame);
                }
                let _ = graph_canvas(ui, &mut scene, &dataset, &index);
            });
            if matches!(zoom, Zoom::Out | Zoom::In) {
                // As a user resting on the view finds it: its picture painted and shown.
                rest_until_painted(&ctx, |ui| {
                    let _ = graph_canvas(ui, &mut scene, &dataset, &index);
                    scene.edge_buffers.is_painting()
                });
                lookups.push((actors, relations, zoom, time_lookups(&scene)));
            }
            if std::env::var_os("ENTENTE_BENCH_OURS_ONLY").is_some() {
                println!(
                    "| {actors} | {relations} | {} | {:.2} ms | | | {:.2} ms | |",
                    zoom.label(),
                    ours.as_secs_f64() * 1e3,
                    ours_longest.as_secs_f64() * 1e3
                );
                continue;
            }
            let (theirs, theirs_longest) = stock_frame(&mut stock, zoom, frames, pointer);
            let label = zoom.label();
            println!(
                "| {actors} | {relations} | {label} | {:.2} ms | {:.2} ms | {:.1}x | {:.2} ms | {:.2} ms |",
                ours.as_secs_f64() * 1e3,
                theirs.as_secs_f64() * 1e3,
                theirs.as_secs_f64() / ours.as_secs_f64(),
                ours_longest.as_secs_f64() * 1e3,
                theirs_longest.as_secs_f64() * 1e3,
            );
        }
    }
    hover_and_click(&lookups);
    if !skip_opening {
        opening_frames();
    }
}

/// The stock `GraphView`'s frame over the same graph and view: the baseline.
fn stock_frame(
    stock: &mut Graph<(), ()>,
    zoom: Zoom,
    frames: usize,
    pointer: Option<egui::Pos2>,
) -> (Duration, Duration) {
    let stock_ctx = egui::Context::default();
    median_frame(&stock_ctx, frames, pointer, |ui, frame| {
        if frame == 0 {
            keep_positions(ui);
        }
        let view = GraphView::<egui_graphs::LayoutStateRandom, egui_graphs::LayoutRandom>::new()
            .with_id(Some(STOCK_ID.to_owned()));
        if zoom.moving() {
            let mut meta = MetadataFrame::new(Some(STOCK_ID.to_owned())).load(ui);
            meta.pan.x += zoom.pan_step(frame);
            meta.save(ui);
        }
        let view = if zoom.zoomed_in() || zoom.moving() {
            if frame == FIRST_MEASURED && zoom.zoomed_in() {
                zoom_in(ui, STOCK_ID);
            }
            // Fit-to-screen, on by default, refits every frame: zooming in needs it off.
            view.with_navigations(
                &SettingsNavigation::new()
                    .with_fit_to_screen_enabled(false)
                    .with_zoom_and_pan_enabled(true),
            )
        } else {
            view
        };
        let _ = view.show(ui, stock);
    })
}

/// For profiling one case: `ENTENTE_BENCH_ROWS=in,out` runs only the rows so labelled, and
/// `ENTENTE_BENCH_OURS_ONLY` leaves out the stock view.
fn wanted_row(zoom: Zoom) -> bool {
    std::env::var("ENTENTE_BENCH_ROWS").map_or(true, |rows| rows.split(',').any(|row| row.trim() == zoom.label()))
}

/// Draws frames, as a window left alone does when a thread asks for one, until a frame finds
/// no picture being painted (at most ten seconds).
fn rest_until_painted(ctx: &egui::Context, mut draw: impl FnMut(&mut egui::Ui) -> bool) {
    let started = Instant::now();
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SCREEN)),
        ..Default::default()
    };
    while started.elapsed() < Duration::from_secs(10) {
        let mut painting = false;
        let _ = ctx.run_ui(input(), |ui| {
            egui::CentralPanel::default().show(ui, |ui| painting = draw(ui));
        });
        if !painting {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Hover and click both look for the relation under the pointer as the last frame drew the
/// view: timed at points over the whole window, against the 2 ms they may take.
fn time_lookups(scene: &GraphScene) -> Lookups {
    let mut times = Vec::new();
    let mut found = 0;
    for row in 0..12 {
        for column in 0..16 {
            let pointer = egui::pos2(
                (column as f32 + 0.5) * SCREEN.x / 16.0,
                (row as f32 + 0.5) * SCREEN.y / 12.0,
            );
            let started = Instant::now();
            let relation = std::hint::black_box(entente::ui::graph::relation_under(scene, pointer));
            times.push(started.elapsed());
            found += usize::from(relation.is_some());
        }
    }
    times.sort();
    Lookups {
        median: times.get(times.len() / 2).copied().unwrap_or_default(),
        longest: times.last().copied().unwrap_or_default(),
        points: times.len(),
        found,
    }
}

struct Lookups {
    median: Duration,
    longest: Duration,
    points: usize,
    found: usize,
}

fn hover_and_click(lookups: &[(usize, usize, Zoom, Lookups)]) {
    const BUDGET: Duration = Duration::from_millis(2);
    println!();
    println!("| actors | relations | zoom | points | relation found at | median look-up | longest | longest / 2 ms |");
    println!("|---:|---:|---|---:|---:|---:|---:|---:|");
    for (actors, relations, zoom, l) in lookups {
        println!(
            "| {actors} | {relations} | {} | {} | {} | {:.3} ms | {:.3} ms | {:.2}x |",
            zoom.label(),
            l.points,
            l.found,
            l.median.as_secs_f64() * 1e3,
            l.longest.as_secs_f64() * 1e3,
            l.longest.as_secs_f64() / BUDGET.as_secs_f64(),
        );
    }
}

/// Opens each size's file in the real app and times every frame until the file is on screen
/// and its layout has settled, against the 60 Hz budget (16.7 ms); and the time from asking
/// for the file to the settled layout, with the window drawing all along. Frames are drawn as
/// eframe draws them: when the app or one of its threads asks for one, at most one per 60 Hz
/// refresh.
fn opening_frames() {
    const BUDGET: Duration = Duration::from_micros(16_667);
    println!();
    println!(
        "| actors | relations | frames until settled | median frame | longest frame | longest / 60 Hz budget | frames over 50 ms | on screen in | opened and settled in |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for (actors, relations) in common::sizes() {
        let path = folder.path().join(format!("generated-{actors}.json"));
        entente::io::save_path(&generate(actors, relations, 1), &path).unwrap_or_else(|e| panic!("{e}"));
        let mut harness = egui_kittest::Harness::builder()
            .with_size(SCREEN)
            .build_eframe(|cc| entente::App::new(cc, None));
        harness.run_steps(5);
        // When the next frame is due: the soonest any request asked for.
        let due = std::sync::Arc::new(std::sync::Mutex::new(Instant::now()));
        let requests = std::sync::Arc::clone(&due);
        harness.ctx.set_request_repaint_callback(move |info| {
            let wanted = Instant::now() + info.delay;
            let mut due = requests.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            *due = (*due).min(wanted);
        });
        let asked = Instant::now();
        harness.state_mut().open_path(&path);
        let mut frames = Vec::new();
        let mut on_screen = None;
        while harness.state().is_busy() || harness.state().is_laying_out() {
            if on_screen.is_none() && !harness.state().is_busy() {
                on_screen = Some(asked.elapsed());
            }
            let started = Instant::now();
            *due.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = started + Duration::from_secs(1);
            harness.run_steps(1);
            frames.push(started.elapsed());
            let refresh = started + BUDGET;
            loop {
                let next = (*due.lock().unwrap_or_else(std::sync::PoisonError::into_inner)).max(refresh);
                let now = Instant::now();
                if now >= next {
                    break;
                }
                std::thread::sleep((next - now).min(Duration::from_millis(1)));
            }
        }
        let settled = asked.elapsed();
        assert_eq!(harness.state().dataset().actors.len(), actors, "the file did not open");
        frames.sort();
        let median = frames.get(frames.len() / 2).copied().unwrap_or_default();
        let longest = frames.last().copied().unwrap_or_default();
        let over_50_ms = frames.iter().filter(|f| **f > Duration::from_millis(50)).count();
        println!(
            "| {actors} | {relations} | {} | {:.1} ms | {:.1} ms | {:.2}x | {over_50_ms} | {:.2} s | {:.2} s |",
            frames.len(),
            median.as_secs_f64() * 1e3,
            longest.as_secs_f64() * 1e3,
            longest.as_secs_f64() / BUDGET.as_secs_f64(),
            on_screen.unwrap_or_default().as_secs_f64(),
            settled.as_secs_f64()
        );
    }
}

/// The same graph as egui_graphs' defaults draw it, nodes where Entente's layout put them.
fn stock_graph(dataset: &Dataset, index: &DatasetIndex, scene: &GraphScene) -> Graph<(), ()> {
    let mut petgraph: StableGraph<(), ()> = StableGraph::new();
    let nodes: Vec<_> = (0..dataset.actors.len()).map(|_| petgraph.add_node(())).collect();
    for relation in &dataset.relations {
        if let (Some(a), Some(b)) = (index.actor(&relation.from), index.actor(&relation.to)) {
            petgraph.add_edge(nodes[a], nodes[b], ());
        }
    }
    let mut graph = Graph::from(&petgraph);
    for (actor, &node) in nodes.iter().enumerate() {
        if let (Some(p), Some(node)) = (scene.actor_position(actor), graph.node_mut(node)) {
            node.set_location(egui::pos2(p.x, p.y));
        }
    }
    graph
}

/// The stock view's default layout scatters every node at random over 250 points on its first
/// frame; marking it as done keeps Entente's positions, so both views draw the same picture.
fn keep_positions(ui: &mut egui::Ui) {
    let done: egui_graphs::LayoutStateRandom =
        serde_json::from_str(r#"{"triggered": true}"#).unwrap_or_else(|e| panic!("{e}"));
    egui_graphs::set_layout_state(ui, done, Some(STOCK_ID.to_owned()));
}

/// Zoom 1, the middle of the layout in the middle of the window.
fn zoom_in(ui: &mut egui::Ui, id: &str) {
    let mut meta = MetadataFrame::new(Some(id.to_owned())).load(ui);
    meta.zoom = 1.0;
    meta.pan = SCREEN * 0.5;
    meta.save(ui);
}

/// Median and longest time of a whole frame (UI build, then tessellation into triangles) after two warm-up
/// frames that fit the view.
fn median_frame(
    ctx: &egui::Context,
    frames: usize,
    pointer: Option<egui::Pos2>,
    mut draw: impl FnMut(&mut egui::Ui, usize),
) -> (Duration, Duration) {
    // With a pointer, it moves there on the first frame and then rests, a tenth of a second
    // passing between frames.
    let input = |frame: usize| egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SCREEN)),
        time: pointer.map(|_| frame as f64 * 0.1),
        events: pointer
            .filter(|_| frame == 0)
            .map(|p| vec![egui::Event::PointerMoved(p)])
            .unwrap_or_default(),
        ..Default::default()
    };
    let mut samples = Vec::new();
    for frame in 0..frames + FIRST_MEASURED {
        let started = Instant::now();
        let mut output = ctx.run_ui(input(frame), |ui| {
            egui::CentralPanel::default().show(ui, |ui| draw(ui, frame));
        });
        let primitives = ctx.tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point);
        std::hint::black_box(primitives);
        output.textures_delta.clear();
        if frame >= FIRST_MEASURED {
            samples.push(started.elapsed());
        }
    }
    samples.sort();
    let median = samples.get(samples.len() / 2).copied().unwrap_or_default();
    (median, samples.last().copied().unwrap_or_default())
}
