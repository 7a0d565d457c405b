/// What the user picked in the details panel, a list or the graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selection {
    /// Index into the dataset's `actors`.
    Actor(usize),
    /// Index into the dataset's `relations`.
    Relation(usize),
}

/// Something a piece of UI asks the app to do. UI functions return these instead of
/// changing app state themselves; the app applies them once, at the end of the frame.
#[must_use]
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Select(Selection),
    ClearSelection,
    /// Open a web link in the system browser. Only http(s) links are ever opened.
    OpenLink(String),
    SetTheme(egui::ThemePreference),
    ShowWindow(InfoWindow),
    DismissDiagnostics,
    Quit,
}

/// Small windows reachable from the Help menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InfoWindow {
    Shortcuts,
    About,
}
