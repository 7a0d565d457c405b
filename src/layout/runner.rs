//! Runs a force layout without holding up the window. Small graphs step on the caller's
//! thread (cheap, and the same frame by frame in tests). Big ones step on a worker thread of
//! their own, because a step there costs as much as drawing a frame: the window only copies
//! the latest positions the worker has published and never waits for it.
//!
//! The worker and the threads it shares a step with run at a lower priority than the window:
//! at the same priority a step spread over both cores of a 2-core machine took the window's
//! core from it long enough to drop frames while a big graph settled (measured in
//! docs/performance.md, "The layout gives way to the window").

use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::time::{Duration, Instant};

use thread_priority::{ThreadPriority, ThreadPriorityValue, set_current_thread_priority};

use super::graph_size::{LARGE_GRAPH, WORKER_THRESHOLD};
use super::{ForceLayout, LayoutStatus, Vec2};

/// The worker publishes at most this often while running, and each time the window draws a
/// frame: about once a frame at 60 Hz.
const PUBLISH_INTERVAL: Duration = Duration::from_millis(12);
/// On a large graph drawing a frame takes a share of a core the layout could use: the worker
/// publishes, and so the window draws, at most 20 times a second.
const LARGE_GRAPH_PUBLISH_INTERVAL: Duration = Duration::from_millis(50);
/// The layout threads' priority on thread-priority's 0–99 scale: nice 10 on Linux, where a
/// thread at nice 0 (the window's) gets about nine tenths of a core both want.
const LAYOUT_PRIORITY: u8 = 25;
/// See `Order::Go`.
const ADVANCES_BEFORE_GO: u8 = 2;

/// Lowers the calling thread's priority below the window's. Where the system does not allow
/// it, the thread goes on as it was: the layout still runs, only less politely.
pub fn give_way_to_the_window() {
    if let Ok(value) = ThreadPriorityValue::try_from(LAYOUT_PRIORITY) {
        let _ = set_current_thread_priority(ThreadPriority::Crossplatform(value));
    }
}

/// The threads a worker's steps are shared between, at the layout's priority; `None` if they
/// could not be started, and then steps use rayon's own threads.
fn layout_threads() -> Option<&'static rayon::ThreadPool> {
    static POOL: OnceLock<Option<rayon::ThreadPool>> = OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .thread_name(|i| format!("entente-layout-{i}"))
            .start_handler(|_| give_way_to_the_window())
            .build()
            .ok()
    })
    .as_ref()
}

pub struct LayoutRunner {
    /// The caller's copy: the layout itself when it steps inline; with a worker, a mirror of
    /// the worker's latest positions that also holds the user's pins at once.
    local: ForceLayout,
    worker: Option<Worker>,
    /// How many more `advance`s before the worker is told to start stepping (see `Order::Go`).
    advances_before_go: u8,
}

/// The caller's end of a worker thread. Dropping it stops the thread after its current step.
struct Worker {
    orders: Sender<Order>,
    published: Arc<Mutex<Published>>,
    /// The generation of `published` last copied.
    seen: u64,
}

/// What the user did that the worker's copy of the layout must also do.
enum Order {
    Pin(usize, Vec2),
    Unpin(usize),
    UnpinAll,
    Reheat(f32),
    ReheatNear(usize, u8, f32),
    SetRadii(Vec<f32>),
    /// Start stepping: sent by the second `advance`, so that the frame that puts a big graph
    /// on screen and the one that first draws it (the first `advance`) have the cores to
    /// themselves.
    Go,
}

struct Published {
    positions: Vec<Vec2>,
    status: LayoutStatus,
    generation: u64,
}

impl LayoutRunner {
    /// Starts running `layout`; on a worker thread when it has `WORKER_THRESHOLD` nodes or more.
    /// `wake` is called from the worker whenever it has published new positions.
    pub fn new(layout: ForceLayout, wake: impl Fn() + Send + 'static) -> Self {
        if layout.positions().len() < WORKER_THRESHOLD {
            return Self {
                local: layout,
                worker: None,
                advances_before_go: 0,
            };
        }
        Self {
            local: layout.mirror_copy(),
            worker: Some(Worker::start(layout, wake)),
            advances_before_go: ADVANCES_BEFORE_GO,
        }
    }

    /// Steps inline for at most `budget` (at least one step), or takes the worker's latest
    /// positions. Returns true while the layout is still running.
    pub fn advance(&mut self, budget: Duration) -> bool {
        match &mut self.worker {
            None => {
                let started = Instant::now();
                while self.local.status() == LayoutStatus::Running {
                    self.local.step();
                    if started.elapsed() >= budget {
                        break;
                    }
                }
            }
            Some(worker) => {
                if self.advances_before_go > 0 {
                    self.advances_before_go -= 1;
                    if self.advances_before_go == 0 {
                        // The worker only goes away with its runner; a failed send has nobody
                        // to tell.
                        let _ = worker.orders.send(Order::Go);
                    }
                }
                worker.copy_latest(&mut self.local);
            }
        }
        self.is_running()
    }

    pub fn is_running(&self) -> bool {
        self.local.status() == LayoutStatus::Running
    }

    /// True when the layout steps on a thread of its own.
    pub fn is_on_worker(&self) -> bool {
        self.worker.is_some()
    }

    /// True when new positions wake the window by themselves (a worker that has started);
    /// otherwise the caller must come back to `advance` for the layout to go on.
    pub fn wakes_the_window(&self) -> bool {
        self.worker.is_some() && self.advances_before_go == 0
    }

    /// The layout as of the last `advance`, with every pin already applied.
    pub fn layout(&self) -> &ForceLayout {
        &self.local
    }

    pub fn positions(&self) -> &[Vec2] {
        self.local.positions()
    }

    pub fn position(&self, node: usize) -> Option<Vec2> {
        self.local.position(node)
    }

    pub fn is_pinned(&self, node: usize) -> bool {
        self.local.is_pinned(node)
    }

    pub fn pin_at(&mut self, node: usize, position: Vec2) {
        self.local.pin_at(node, position);
        self.order(Order::Pin(node, position));
    }

    pub fn unpin(&mut self, node: usize) {
        self.local.unpin(node);
        self.order(Order::Unpin(node));
    }

    pub fn unpin_all(&mut self) {
        self.local.unpin_all();
        self.order(Order::UnpinAll);
    }

    pub fn reheat(&mut self, strength: f32) {
        self.local.reheat(strength);
        self.order(Order::Reheat(strength));
    }

    /// Lets the neighbourhood of `node` (within `steps` links) settle again; the rest holds.
    pub fn reheat_near(&mut self, node: usize, steps: u8, strength: f32) {
        self.local.reheat_near(node, steps, strength);
        self.order(Order::ReheatNear(node, steps, strength));
    }

    /// The radius each node is drawn with, so that the settled layout leaves none overlapping.
    /// With a worker, the worker makes the room and publishes it; the window never waits.
    pub fn set_radii(&mut self, radii: Vec<f32>) {
        if self.worker.is_some() {
            self.order(Order::SetRadii(radii.clone()));
            self.local.keep_radii(radii);
        } else {
            self.local.set_radii(radii);
        }
    }

    fn order(&self, order: Order) {
        if let Some(worker) = &self.worker {
            // The worker only goes away with its runner; a failed send has nobody to tell.
            let _ = worker.orders.send(order);
        }
    }
}

impl Worker {
    fn start(layout: ForceLayout, wake: impl Fn() + Send + 'static) -> Self {
        let (orders, inbox) = channel();
        let published = Arc::new(Mutex::new(Published {
            positions: layout.positions().to_vec(),
            status: layout.status(),
            generation: 0,
        }));
        let outbox = Arc::clone(&published);
        std::thread::Builder::new()
            .name("entente-layout".into())
            .spawn(move || {
                give_way_to_the_window();
                run_worker(layout, &inbox, &outbox, &wake);
            })
            .map_or_else(
                // No thread to be had: the caller's copy never moves, which shows the graph
                // as seeded rather than not at all.
                |_| Self {
                    orders: channel().0,
                    published: Arc::new(Mutex::new(Published {
                        positions: Vec::new(),
                        status: LayoutStatus::Settled,
                        generation: 1,
                    })),
                    seen: 0,
                },
                |_| Self {
                    orders,
                    published,
                    seen: 0,
                },
            )
    }

    fn copy_latest(&mut self, local: &mut ForceLayout) {
        let published = self.published.lock().unwrap_or_else(PoisonError::into_inner);
        if published.generation != self.seen {
            self.seen = published.generation;
            local.mirror(&published.positions, published.status);
        }
    }
}

fn run_worker(mut layout: ForceLayout, inbox: &Receiver<Order>, outbox: &Mutex<Published>, wake: &dyn Fn()) {
    let publish_interval = if layout.positions().len() >= LARGE_GRAPH {
        LARGE_GRAPH_PUBLISH_INTERVAL
    } else {
        PUBLISH_INTERVAL
    };
    // Orders before the go ahead are followed at once; no step is taken until it comes.
    loop {
        match inbox.recv() {
            Ok(Order::Go) => break,
            Ok(order) => follow(&mut layout, order),
            Err(_) => return,
        }
    }
    let mut last_published = Instant::now();
    let mut generation = 0;
    loop {
        // Every waiting order before the next step; a settled layout sleeps until one comes.
        let order = if layout.status() == LayoutStatus::Running {
            match inbox.try_recv() {
                Ok(order) => Some(order),
                Err(TryRecvError::Empty) => None,
                Err(TryRecvError::Disconnected) => return,
            }
        } else {
            match inbox.recv() {
                Ok(order) => Some(order),
                Err(_) => return,
            }
        };
        let ordered = order.is_some();
        match order {
            Some(order) => follow(&mut layout, order),
            None => {
                match layout_threads() {
                    Some(threads) => threads.install(|| layout.step()),
                    None => layout.step(),
                };
            }
        }
        let settled = layout.status() != LayoutStatus::Running;
        if settled || ordered || last_published.elapsed() >= publish_interval {
            generation += 1;
            {
                let mut published = outbox.lock().unwrap_or_else(PoisonError::into_inner);
                published.positions.clear();
                published.positions.extend_from_slice(layout.positions());
                published.status = layout.status();
                published.generation = generation;
            }
            last_published = Instant::now();
            wake();
        }
    }
}

/// Does to the worker's copy what the user did to the window's.
fn follow(layout: &mut ForceLayout, order: Order) {
    match order {
        Order::Pin(node, position) => layout.pin_at(node, position),
        Order::Unpin(node) => layout.unpin(node),
        Order::UnpinAll => layout.unpin_all(),
        Order::Reheat(strength) => layout.reheat(strength),
        Order::ReheatNear(node, steps, strength) => layout.reheat_near(node, steps, strength),
        Order::SetRadii(radii) => layout.set_radii(radii),
        Order::Go => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::ForceParams;
    use crate::model::{DatasetIndex, generate};

    fn big_layout() -> ForceLayout {
        let dataset = generate(WORKER_THRESHOLD + 500, 4 * WORKER_THRESHOLD, 3);
        let index = DatasetIndex::new(&dataset);
        let edges: Vec<(u32, u32)> = index.relation_ends().iter().flatten().copied().collect();
        ForceLayout::new(dataset.actors.len(), &edges, 3, ForceParams::default())
    }

    fn wait_until_settled(runner: &mut LayoutRunner) {
        let started = Instant::now();
        while runner.advance(Duration::ZERO) {
            assert!(started.elapsed() < Duration::from_secs(120), "the layout never settled");
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// The frames that put a big graph on screen and first draw it have the cores to
    /// themselves: the worker takes no step (and so publishes nothing) until the window asks
    /// for positions a second time.
    #[test]
    fn a_worker_waits_until_the_frame_that_first_draws_it_is_done() {
        let layout = big_layout();
        let start = layout.positions().to_vec();
        let mut runner = LayoutRunner::new(layout, || {});
        std::thread::sleep(Duration::from_millis(300));
        runner.advance(Duration::ZERO);
        assert!(!runner.wakes_the_window(), "the window must come back for the go-ahead");
        std::thread::sleep(Duration::from_millis(300));
        runner.advance(Duration::ZERO);
        assert_eq!(
            runner.positions(),
            start.as_slice(),
            "the worker stepped before it was told to"
        );
        assert!(runner.wakes_the_window());
        wait_until_settled(&mut runner);
        assert_ne!(runner.positions(), start.as_slice());
    }

    #[test]
    fn a_big_layout_runs_on_a_worker_and_settles_as_it_would_inline() {
        let mut inline = big_layout();
        inline.run(u32::MAX);

        let mut runner = LayoutRunner::new(big_layout(), || {});
        assert!(runner.is_on_worker());
        let started = Instant::now();
        runner.advance(Duration::ZERO);
        assert!(
            started.elapsed() < Duration::from_millis(5),
            "advance never waits for a step"
        );
        wait_until_settled(&mut runner);
        assert_eq!(
            runner.layout().positions(),
            inline.positions(),
            "same steps, same result"
        );
    }

    #[test]
    fn a_pin_holds_at_once_and_the_worker_lays_out_around_it() {
        let mut runner = LayoutRunner::new(big_layout(), || {});
        wait_until_settled(&mut runner);
        let spot = Vec2::new(5_000.0, -5_000.0);
        runner.pin_at(7, spot);
        assert_eq!(
            runner.layout().position(7),
            Some(spot),
            "the pin shows before the worker hears of it"
        );
        runner.reheat(0.3);
        wait_until_settled(&mut runner);
        assert_eq!(runner.layout().position(7), Some(spot), "the worker kept the pin");
        assert!(runner.layout().is_pinned(7));
    }

    #[test]
    fn a_small_layout_steps_inline() {
        let mut small = ForceLayout::new(3, &[(0, 1), (1, 2)], 1, ForceParams::default());
        let mut runner = LayoutRunner::new(small.clone(), || {});
        assert!(!runner.is_on_worker());
        runner.advance(Duration::ZERO);
        small.step();
        assert_eq!(
            runner.layout().positions(),
            small.positions(),
            "one step per advance at least"
        );
    }
}
