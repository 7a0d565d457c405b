//! The graph sizes at which the layout changes how it works. They are kept together because
//! they are measured together: each is where the cheaper way stops being good enough
//! (`cargo bench --bench layout_step`, docs/performance.md).

/// From this many nodes on, the layout runs on a worker thread: below it a step costs less than
/// handing positions between threads, and stepping on the window's thread keeps tests
/// frame-by-frame deterministic.
pub const WORKER_THRESHOLD: usize = 1_000;

/// From this many nodes on, a step is shared between cores; below it a step is too quick to be
/// worth the hand-over.
pub const PARALLEL_FROM: usize = 1_500;

/// From this many nodes on, a graph is large: the layout trades a little exactness for time
/// (see `ForceLayout::new`) and the worker publishes positions less often, so the window's
/// drawing leaves the layout more of the machine.
pub const LARGE_GRAPH: usize = 5_000;

/// From this many nodes on, a fresh layout starts on coarser versions of the graph
/// (`layout::coarsening`): below it the graph untangles from its seeded start in as few steps.
pub const MULTILEVEL_FROM: usize = 1_000;
