use std::path::PathBuf;

use crate::io::Format;
use crate::io::ImportMapping;
use crate::model::{EvidenceAt, OutsideFocus, Reliability, SizeBy, TimeWindow};

/// What the user picked in the details panel, a list or the graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selection {
    /// Index into the dataset's `actors`.
    Actor(usize),
    /// Index into the dataset's `relations`.
    Relation(usize),
}

/// The main area: the alliance graph, or every relation as a table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum MainView {
    #[default]
    Graph,
    Table,
    /// The actors, with how central each is.
    Actors,
}

/// Something a piece of UI asks the app to do. UI functions return these instead of
/// changing app state themselves; the app applies them once, at the end of the frame.
#[must_use]
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Select(Selection),
    /// Take back the last edit to the dataset.
    Undo,
    /// Take the last undone edit again.
    Redo,
    /// Put the edits journaled before a crash back on screen.
    RestoreJournal,
    /// Delete the journal of edits left by a crash.
    DiscardJournal,
    /// Undo or redo until this many steps of the history are done.
    GoToStep(usize),
    /// Show or close Edit › History.
    ShowHistory(bool),
    ClearSelection,
    /// Move the view so this actor is in the middle.
    CentreOn(usize),
    FitView,
    /// Open a web link in the system browser. Only http(s) links are ever opened.
    OpenLink(String),
    SetTheme(egui::ThemePreference),
    SetMainView(MainView),
    ShowRelationKind(String, bool),
    ShowActorKind(String, bool),
    /// Show or hide the relations a source is the only evidence for (`None`: those with no
    /// evidence at all).
    ShowSource(Option<String>, bool),
    ShowAllKinds,
    SetSizeBy(SizeBy),
    SetColourBy(crate::model::ColourBy),
    /// Whether paths (`for_paths`), or centrality and blocs, follow hostile relations (war,
    /// opposition).
    SetHostile {
        for_paths: bool,
        hostile: crate::analysis::Hostile,
    },
    /// Draw a bloc (by its position among the blocs) as one node, or its actors again.
    CollapseBloc {
        bloc: usize,
        collapsed: bool,
    },
    /// Draw a file's own colours, sizes and shapes (true) or Entente's by kind.
    SetFileLooks(bool),
    /// 0 turns focus off; 1 or 2 show the selected actor's neighbourhood that many steps out.
    SetFocusDepth(u8),
    SetOutsideFocus(OutsideFocus),
    /// With Focus on, also show the relations among the actors it reaches.
    SetFocusAmongNeighbours(bool),
    RestartLayout,
    /// The user dragged an actor here (layout space): it stays until unpinned.
    Pin {
        actor: usize,
        at: [f32; 2],
    },
    /// The user let go of a dragged actor: its neighbourhood makes room around it.
    Dropped(usize),
    Unpin(usize),
    UnpinAll,
    FocusSearch,
    /// Show what was in force in a span of years (`None`: every period).
    SetTimeWindow(Option<TimeWindow>),
    /// Start or stop stepping through the years.
    TogglePlay,
    /// Years per second while playing.
    SetPlaySpeed(f32),
    /// Show the native file dialog to open a dataset.
    OpenDialog,
    OpenFile(PathBuf),
    /// Show the native file dialog to pick a dataset to add to the one on screen.
    AddDatasetDialog,
    /// Read a file to add to the dataset on screen; its actors are matched for the user to check.
    AddDatasetFile(PathBuf),
    /// In the review of a file to add: its actor `incoming` is actor `base` (`None`: a new actor).
    SetAddedMatch {
        incoming: usize,
        base: Option<usize>,
    },
    /// Merge the reviewed file into the dataset. An edit to the dataset.
    ConfirmAddDataset,
    CancelAddDataset,
    Reload,
    ClearRecentFiles,
    SetWatchFile(bool),
    /// Show the native dialog to save the dataset in a format (Entente JSON or an export).
    SaveAsDialog(Format),
    /// Show the native dialog to export the current graph view as an image.
    ExportViewDialog(ViewImage),
    /// File › Export Briefing…: choose where to write the view's briefing.
    ExportBriefingDialog,
    ShowWindow(InfoWindow),
    CloseInfoWindow,
    /// Open the list of problems found in the file.
    ShowProblems,
    /// Ask again which attributes of the open file name actors and give kinds.
    ReviewImportMapping,
    /// Read the file under review with this mapping, and remember it for that file.
    ConfirmImportMapping(ImportMapping),
    CancelImportMapping,
    /// Choose a file of actors for the table under review.
    ChooseActorsTable,
    DismissDiagnostics,
    /// The analyst's grade of a source's reliability (`None`: not graded). An edit to the dataset.
    GradeSource {
        source: String,
        grade: Option<Reliability>,
    },
    /// The analyst's grade of one statement's credibility, 1 to 6. An edit to the dataset.
    GradeEvidence {
        at: EvidenceAt,
        grade: Option<u8>,
    },
    /// Show only relations whose evidence passes this filter.
    SetEvidenceFilter(crate::model::EvidenceFilter),
    /// Open Find Paths, from this actor when one is given.
    FindPaths(Option<usize>),
    /// Highlight this path of those found (`None`: none).
    ChoosePath(Option<usize>),
    ClosePaths,
    /// Open the New actor form; the actor goes here (layout space), or in the middle of the view.
    NewActor(Option<[f32; 2]>),
    /// Open the Edit actor form for this actor.
    EditActor(usize),
    /// Ask before deleting this actor and its relations.
    DeleteActor(usize),
    /// The user confirmed: delete the actor and its relations.
    ConfirmDeleteActor(usize),
    CancelDelete,
    /// The user has read why a deletion was refused.
    DismissRefusal,
    /// Open the New relation form, with the ends known so far.
    NewRelation {
        from: Option<usize>,
        to: Option<usize>,
    },
    EditRelation(usize),
    DeleteRelation(usize),
    /// Open the Add evidence form for this relation.
    AddEvidence(usize),
    EditEvidence(EvidenceAt),
    DeleteEvidence(EvidenceAt),
    NewSource,
    /// Show the dataset's sources in the side panel (nothing selected, no form open).
    ShowSources,
    EditSource(usize),
    /// Edit the source with this id at its text, to attach one.
    EditSourceText(String),
    /// Choose a file to read the open source form's text from.
    ChooseSourceTextFile,
    /// Read the open source form's text from this file.
    AttachSourceTextFile(PathBuf),
    /// Open the reader on the source with this id, at the passage an evidence item quotes.
    ReadSource {
        source: String,
        passage: Option<EvidenceAt>,
    },
    CloseReader,
    /// Quote the passage at these bytes of the reader's text (in this paragraph) as evidence.
    QuotePassage {
        paragraph: usize,
        at: std::ops::Range<usize>,
    },
    DeleteSource(usize),
    /// Open the Merge form for this actor (the one that goes).
    StartMerge(usize),
    /// Make `gone` part of `keep`.
    MergeActors {
        keep: usize,
        gone: usize,
    },
    /// Take what the open form says, if it passes the checks.
    SaveForm,
    CancelForm,
    /// Write the dataset back to its Entente JSON file, or ask where when it has none.
    Save,
    /// The user's answer when unsaved edits stand in the way of what they asked for.
    ResolveUnsaved(UnsavedChoice),
    Quit,
}

/// The answers to "save your changes first?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnsavedChoice {
    Save,
    Discard,
    Cancel,
}

/// Small windows reachable from the Help menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InfoWindow {
    Shortcuts,
    About,
}

/// Image formats the graph view can be exported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewImage {
    Svg,
    Png,
}
