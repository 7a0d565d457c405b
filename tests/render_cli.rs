//! `entente render` and `entente layout`: the app's picture and layout, made with no window.

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use entente::App;
use entente::io::load_path;

mod common;

use common::entente;

fn out(folder: &tempfile::TempDir, name: &str) -> (PathBuf, String) {
    let path = folder.path().join(name);
    let text = path.to_string_lossy().into_owned();
    (path, text)
}

const BUILT_IN: &str = "data/north-korea-alliances.json";

#[test]
fn render_draws_the_same_svg_twice_with_every_actor_and_relation() {
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (first, first_arg) = out(&folder, "first.svg");
    let (second, second_arg) = out(&folder, "second.svg");
    assert_eq!(entente(&["render", BUILT_IN, "-o", &first_arg]).0, 0);
    assert_eq!(entente(&["render", BUILT_IN, "-o", &second_arg]).0, 0);
    let svg = std::fs::read_to_string(&first).unwrap_or_default();
    assert_eq!(
        svg,
        std::fs::read_to_string(&second).unwrap_or_default(),
        "the same file, the same picture"
    );
    let dataset = load_path(Path::new(BUILT_IN))
        .dataset
        .unwrap_or_else(|| panic!("opens"));
    for actor in &dataset.actors {
        let label = quick_xml::escape::escape(actor.name.as_str()).into_owned();
        assert!(svg.contains(&format!(">{label}</text>")), "{} is drawn", actor.name);
    }
    for relation in &dataset.relations {
        assert!(
            svg.contains(&format!("<title>{}</title>", relation.id)),
            "{} is drawn",
            relation.id
        );
    }
}

#[test]
fn render_filters_by_kind_and_focus_and_sizes_the_picture() {
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (path, arg) = out(&folder, "iran.svg");
    let (code, said) = entente(&[
        "render",
        BUILT_IN,
        "-o",
        &arg,
        "--focus",
        "Iran",
        "--kinds",
        "arms_supply,treaty",
        "--width",
        "800",
    ]);
    assert_eq!(code, 0, "{said}");
    let svg = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"800\" height=\""));
    assert!(svg.contains("<title>north-korea-arms-to-iran</title>"));
    assert!(svg.contains(">Iran</text>") && svg.contains(">North Korea</text>"));
    assert!(!svg.contains(">Ukraine</text>"), "outside the focus is left out");
    assert!(
        !svg.contains("<title>north-korea-troops-to-russia</title>"),
        "other kinds are left out"
    );
    // An unknown actor is said, not drawn.
    let (code, said) = entente(&["render", BUILT_IN, "-o", &arg, "--focus", "Atlantis"]);
    assert_eq!(code, 1);
    assert!(said.contains("Atlantis"), "{said}");
}

#[test]
fn render_writes_a_png_that_is_not_blank() {
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (path, arg) = out(&folder, "graph.png");
    assert_eq!(entente(&["render", BUILT_IN, "-o", &arg]).0, 0);
    let image = image::open(&path).unwrap_or_else(|e| panic!("a PNG: {e}")).to_rgb8();
    assert!(image.width() > 400 && image.height() > 300);
    let inked = image.pixels().filter(|p| p.0 != [255, 255, 255]).count();
    let share = inked as f64 / f64::from(image.width() * image.height());
    assert!(share > 0.02 && share < 0.5, "{share:.3} of the picture is drawn on");
}

#[test]
fn a_layout_written_as_gexf_or_graphml_reopens_in_the_app_where_entente_put_every_actor() {
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (gexf, gexf_arg) = out(&folder, "laid-out.gexf");
    let (graphml, graphml_arg) = out(&folder, "laid-out.graphml");
    assert_eq!(entente(&["layout", BUILT_IN, "-o", &gexf_arg]).0, 0);
    assert_eq!(entente(&["layout", BUILT_IN, "-o", &graphml_arg]).0, 0);
    let graphml_text = std::fs::read_to_string(&graphml).unwrap_or_default();
    assert!(graphml_text.contains("yfiles.type=\"nodegraphics\"") && graphml_text.contains("<y:Geometry "));
    let positions = |path: &Path| -> Vec<(String, f32, f32)> {
        let dataset = load_path(path)
            .dataset
            .unwrap_or_else(|| panic!("{} reopens", path.display()));
        dataset
            .actors
            .iter()
            .map(|a| {
                let (x, y) = a
                    .appearance
                    .position()
                    .unwrap_or_else(|| panic!("{} has a position", a.id));
                (a.id.clone(), x, y)
            })
            .collect()
    };
    let from_gexf = positions(&gexf);
    let from_graphml = positions(&graphml);
    for ((id, x, y), (_, gx, gy)) in from_gexf.iter().zip(&from_graphml) {
        assert!(
            (x - gx).abs() < 0.01 && (y - gy).abs() < 0.01,
            "{id}: GEXF and GraphML agree"
        );
    }
    // The app opens the GEXF with every actor where the file puts it, and does not lay it out again.
    let gexf = gexf.clone();
    let mut harness: Harness<'static, App> = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| App::new(cc, Some(gexf.clone())));
    common::run_until_idle(&mut harness);
    harness.run_steps(30);
    for (at, (id, x, y)) in from_gexf.iter().enumerate() {
        let p = harness
            .state()
            .actor_layout_position(at)
            .unwrap_or_else(|| panic!("{id} is placed"));
        assert!(
            (p.x - x).abs() < 0.01 && (p.y - y).abs() < 0.01,
            "{id} at {p:?}, not ({x}, {y})"
        );
    }
}
