//! `entente render` and `entente layout`: the graph laid out as the app lays it out, drawn or
//! written with its positions, with no window and no display.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::analysis::{CountedFilter, find_actor, load};
use crate::briefing::{Briefing, BriefingInput, briefing_html, briefing_markdown, describe_filters};
use crate::io::graphml::write_graphml_with_geometry;
use crate::io::write_atomically;
use crate::model::{
    Dataset, DatasetIndex, Emphasis, Focus, KindFilter, OutsideFocus, QuoteChecks, ViewQuery, Visibility,
};
use crate::ui::graph::{opening_radii, scene_svg, settled_scene};

/// What `entente render` draws.
#[derive(Debug, Clone, Args)]
pub struct RenderArgs {
    /// The dataset, in any format Entente opens.
    pub file: PathBuf,
    /// The file to write, its extension choosing what: for `render` `.svg` or `.png` (the same
    /// drawing, rasterised); for `report` `.html` or `.md`.
    #[arg(short, long)]
    pub output: PathBuf,
    /// Show only relations of these kinds (ids, comma-separated, e.g. `treaty,arms_supply`).
    #[arg(long, value_name = "KIND,…", value_delimiter = ',')]
    pub kinds: Vec<String>,
    /// Show only this actor (id or name) and its neighbourhood.
    #[arg(long, value_name = "ACTOR")]
    pub focus: Option<String>,
    /// How many links out from the focused actor to show.
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=6))]
    pub steps: u8,
    /// The picture's width in pixels (its drawing scaled to fit; by default its natural size).
    #[arg(long, value_name = "PX")]
    pub width: Option<u32>,
    /// The picture's height in pixels.
    #[arg(long, value_name = "PX")]
    pub height: Option<u32>,
    #[command(flatten)]
    pub filter: CountedFilter,
}

pub fn render(args: &RenderArgs, out: &mut impl Write) -> std::io::Result<ExitCode> {
    let extension = extension_of(&args.output);
    if !matches!(extension.as_deref(), Some("svg" | "png")) {
        writeln!(
            out,
            "{}: Entente draws SVG or PNG (name the output .svg or .png)",
            args.output.display()
        )?;
        return Ok(ExitCode::FAILURE);
    }
    let Some(view) = View::of(args, out)? else {
        return Ok(ExitCode::FAILURE);
    };
    let svg = sized(&view.svg, args.width, args.height);
    let written = if extension.as_deref() == Some("png") {
        match png_of(&svg) {
            Ok(png) => write_output(&args.output, &png, out),
            Err(why) => {
                writeln!(out, "{}: {why}", args.output.display())?;
                Ok(ExitCode::FAILURE)
            }
        }
    } else {
        write_output(&args.output, svg.as_bytes(), out)
    };
    // The process ends here: freeing a big graph's millions of allocations one by one would
    // only make the command slower.
    std::mem::forget(view);
    written
}

/// `entente report`: the briefing of the view the filters choose, as HTML (the graph inline)
/// or Markdown (the graph as an SVG beside it).
pub fn report(args: &RenderArgs, out: &mut impl Write) -> std::io::Result<ExitCode> {
    let extension = extension_of(&args.output);
    if !matches!(extension.as_deref(), Some("html" | "htm" | "md")) {
        writeln!(
            out,
            "{}: Entente writes briefings as .html or .md",
            args.output.display()
        )?;
        return Ok(ExitCode::FAILURE);
    }
    let Some(view) = View::of(args, out)? else {
        return Ok(ExitCode::FAILURE);
    };
    let quotes = QuoteChecks::of(&view.dataset);
    let briefing = Briefing::of(&BriefingInput {
        dataset: &view.dataset,
        index: &view.index,
        shown: &view.shown,
        filters: view.filters.clone(),
        quotes: &quotes,
    });
    if extension.as_deref() == Some("md") {
        let graph = args.output.with_extension("svg");
        let graph_name = graph
            .file_name()
            .map_or_else(|| "graph.svg".to_owned(), |n| n.to_string_lossy().into_owned());
        if write_output(&graph, view.svg.as_bytes(), out)? != ExitCode::SUCCESS {
            return Ok(ExitCode::FAILURE);
        }
        return write_output(&args.output, briefing_markdown(&briefing, &graph_name).as_bytes(), out);
    }
    write_output(&args.output, briefing_html(&briefing, &view.svg).as_bytes(), out)
}

fn extension_of(path: &Path) -> Option<String> {
    path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase())
}

/// A file laid out and drawn as the filters ask: the picture, the relations it shows (faded
/// ones left out), and the filters in words.
struct View {
    dataset: Dataset,
    index: DatasetIndex,
    svg: String,
    shown: Vec<usize>,
    filters: Vec<String>,
}

impl View {
    fn of(args: &RenderArgs, out: &mut impl Write) -> std::io::Result<Option<Self>> {
        let Some(dataset) = load(&args.file, out)? else {
            return Ok(None);
        };
        let index = DatasetIndex::new(&dataset);
        let focus = match &args.focus {
            Some(wanted) => match find_actor(&dataset, &index, wanted) {
                Ok(actor) => Some(Focus {
                    actor,
                    depth: args.steps,
                    among_neighbours: false,
                }),
                Err(why) => {
                    writeln!(out, "{why}")?;
                    return Ok(None);
                }
            },
            None => None,
        };
        let mut kinds = KindFilter {
            hidden_relation_kinds: args.filter.hide_kind.iter().cloned().collect(),
            ..KindFilter::default()
        };
        if !args.kinds.is_empty() {
            kinds.hidden_relation_kinds.extend(
                dataset
                    .every_relation_kind()
                    .into_iter()
                    .filter(|k| !args.kinds.iter().any(|shown| shown == k))
                    .map(str::to_owned),
            );
        }
        let evidence = args.filter.evidence();
        let time = args.filter.time_window();
        let query = ViewQuery {
            evidence: &evidence,
            focus,
            outside_focus: OutsideFocus::Hide,
            time,
            ..ViewQuery::all(&kinds)
        };
        let visibility = Visibility::compute(&dataset, &index, &query);
        let mut scene = settled_scene(&dataset, &index);
        let svg = scene_svg(&mut scene, &dataset, &visibility);
        // Drawn: the command ends soon, and freeing a big scene piece by piece only delays it.
        std::mem::forget(scene);
        let shown = visibility
            .relations
            .iter()
            .enumerate()
            .filter_map(|(r, e)| (*e == Some(Emphasis::Normal)).then_some(r))
            .collect();
        let focused = focus.and_then(|f| Some((dataset.actors.get(f.actor)?.name.as_str(), f.depth)));
        let filters = describe_filters(&dataset, &kinds, &evidence, time, focused);
        Ok(Some(Self {
            svg,
            shown,
            filters,
            index,
            dataset,
        }))
    }
}

/// The SVG rasterised at its own size, its labels in the font the app draws them with (so
/// that no system font is needed, and every machine gives the same picture).
fn png_of(svg: &str) -> Result<Vec<u8>, String> {
    use resvg::{tiny_skia, usvg};
    let mut options = usvg::Options::default();
    let fonts = options.fontdb_mut();
    fonts.load_font_data(epaint_default_fonts::UBUNTU_LIGHT.to_vec());
    let family = fonts
        .faces()
        .next()
        .and_then(|f| f.families.first())
        .map(|f| f.0.clone());
    if let Some(family) = family {
        fonts.set_sans_serif_family(family);
    }
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| format!("the drawing could not be read back: {e}"))?;
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| format!("a {}×{} picture is too large", size.width(), size.height()))?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| e.to_string())
}

/// `entente layout`: the positions the app would give every actor, in a GEXF (`viz:position`)
/// or GraphML (yEd's node geometry and `x`/`y` attributes) file.
pub fn layout(file: &Path, output: &Path, out: &mut impl Write) -> std::io::Result<ExitCode> {
    let extension = output.extension().map(|e| e.to_string_lossy().to_ascii_lowercase());
    if !matches!(extension.as_deref(), Some("gexf" | "graphml")) {
        writeln!(out, "{}: Entente writes layouts as .gexf or .graphml", output.display())?;
        return Ok(ExitCode::FAILURE);
    }
    let Some(mut dataset) = load(file, out)? else {
        return Ok(ExitCode::FAILURE);
    };
    let index = DatasetIndex::new(&dataset);
    let scene = settled_scene(&dataset, &index);
    // Each actor's size as drawn goes too, so the layout opens elsewhere looking the same.
    let radii = opening_radii(&dataset, &index);
    for (at, actor) in dataset.actors.iter_mut().enumerate() {
        if let Some(p) = scene.actor_position(at) {
            actor.appearance.x = Some(p.x);
            actor.appearance.y = Some(p.y);
        }
        if actor.appearance.size.is_none() {
            actor.appearance.size = radii.get(at).map(|r| r * 2.0);
        }
    }
    let text = if extension.as_deref() == Some("gexf") {
        match crate::io::encode(&dataset, crate::io::Format::Gexf) {
            Ok(text) => text,
            Err(err) => {
                writeln!(out, "{}: {err}", output.display())?;
                return Ok(ExitCode::FAILURE);
            }
        }
    } else {
        write_graphml_with_geometry(&dataset)
    };
    write_output(output, text.as_bytes(), out)
}

fn write_output(path: &Path, bytes: &[u8], out: &mut impl Write) -> std::io::Result<ExitCode> {
    match write_atomically(path, bytes) {
        Ok(()) => {
            writeln!(out, "wrote {}", path.display())?;
            Ok(ExitCode::SUCCESS)
        }
        Err(err) => {
            writeln!(out, "{}: {err}", path.display())?;
            Ok(ExitCode::FAILURE)
        }
    }
}

/// The SVG at the width and height asked for: its drawing (`viewBox`) kept, scaled to fit;
/// one of the two given, the other keeps the drawing's proportions.
fn sized(svg: &str, width: Option<u32>, height: Option<u32>) -> String {
    let view: Option<Vec<f32>> = svg
        .split_once("viewBox=\"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(numbers, _)| numbers.split_whitespace().filter_map(|n| n.parse().ok()).collect());
    let (view_width, view_height) = match view.as_deref() {
        Some([_, _, w, h]) if *w > 0.0 && *h > 0.0 => (*w, *h),
        _ => return svg.to_owned(),
    };
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let (width, height) = match (width, height) {
        (None, None) => return svg.to_owned(),
        (Some(w), None) => (Some(w), Some((w as f32 * view_height / view_width).round() as u32)),
        (None, Some(h)) => (Some((h as f32 * view_width / view_height).round() as u32), Some(h)),
        both => both,
    };
    let Some((head, rest)) = svg.split_once('>') else {
        return svg.to_owned();
    };
    let mut head = head.to_owned();
    for (name, value) in [("width", width), ("height", height)] {
        let Some(value) = value else { continue };
        if let Some(start) = head.find(&format!(" {name}=\"")) {
            let value_start = start + name.len() + 3;
            if let Some(len) = head.get(value_start..).and_then(|v| v.find('"')) {
                head.replace_range(value_start..value_start + len, &value.to_string());
            }
        }
    }
    format!("{head} preserveAspectRatio=\"xMidYMid meet\">{rest}")
}
