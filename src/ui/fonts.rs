/// egui's proportional font has no arrows (→ ← ⇄), which relation labels use; its bundled
/// monospace font has them, so it is added as the last fallback for proportional text.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    let monospace_first = fonts
        .families
        .get(&egui::FontFamily::Monospace)
        .and_then(|f| f.first())
        .cloned();
    if let (Some(name), Some(proportional)) = (monospace_first, fonts.families.get_mut(&egui::FontFamily::Proportional))
        && !proportional.contains(&name)
    {
        proportional.push(name);
    }
    ctx.set_fonts(fonts);
}
