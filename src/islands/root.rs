//! The islands' reactive root, in place of `leptos::mount::hydrate_islands`.
//!
//! Leptos's root for islands is a `HydrateSharedContext`, which reads the
//! resources, errors and unfinished chunks a streaming server writes into
//! the page (`__RESOLVED_RESOURCES`, `__SERIALIZED_ERRORS`,
//! `__INCOMPLETE_CHUNKS`). A static site has none of them: our islands take
//! everything from their props. Reading them cost every wasm 1.5 to 1.8 KB
//! of brotli (30 November, see README, "Where we stand"); this context
//! answers as that one does on a page that has none.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

use hydration_context::{PinnedFuture, PinnedStream, SerializedDataId, SharedContext};
use leptos::error::{Error, ErrorId};

/// A shared context for islands on a page written at build time: it counts
/// ids and knows whether an island is hydrating, and has no data to hand on.
#[derive(Debug)]
struct Islands {
    id: AtomicUsize,
    hydrating: AtomicBool,
    during_hydration: AtomicBool,
}

impl SharedContext for Islands {
    fn is_browser(&self) -> bool {
        true
    }

    fn next_id(&self) -> SerializedDataId {
        SerializedDataId::new(self.id.fetch_add(1, Ordering::Relaxed))
    }

    fn write_async(&self, _id: SerializedDataId, _fut: PinnedFuture<String>) {}

    fn read_data(&self, _id: &SerializedDataId) -> Option<String> {
        None
    }

    fn await_data(&self, _id: &SerializedDataId) -> Option<String> {
        None
    }

    fn pending_data(&self) -> Option<PinnedStream<String>> {
        None
    }

    fn during_hydration(&self) -> bool {
        self.during_hydration.load(Ordering::Relaxed)
    }

    fn hydration_complete(&self) {
        self.during_hydration.store(false, Ordering::Relaxed);
    }

    fn get_is_hydrating(&self) -> bool {
        self.hydrating.load(Ordering::Relaxed)
    }

    fn set_is_hydrating(&self, is_hydrating: bool) {
        self.hydrating.store(is_hydrating, Ordering::Relaxed);
    }

    fn take_errors(&self) -> Vec<(SerializedDataId, ErrorId, Error)> {
        Vec::new()
    }

    fn errors(&self, _boundary_id: &SerializedDataId) -> Vec<(ErrorId, Error)> {
        Vec::new()
    }

    fn seal_errors(&self, _boundary_id: &SerializedDataId) {}

    fn register_error(&self, _boundary: SerializedDataId, _id: ErrorId, _error: Error) {}

    fn defer_stream(&self, _wait_for: PinnedFuture<()>) {}

    fn await_deferred(&self) -> Option<PinnedFuture<()>> {
        None
    }

    fn set_incomplete_chunk(&self, _id: SerializedDataId) {}

    fn get_incomplete_chunk(&self, _id: &SerializedDataId) -> bool {
        false
    }
}

/// Sets up the reactive root the islands hydrate under, as
/// `hydrate_islands` does: effects run on wasm-bindgen's executor, and the
/// page starts "not hydrating" (each island turns hydration on for itself).
pub fn set() {
    // An error only means the executor was set already.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = leptos::reactive::owner::Owner::new_root(Some(Arc::new(Islands {
        id: AtomicUsize::new(0),
        hydrating: AtomicBool::new(false),
        during_hydration: AtomicBool::new(true),
    })));
    owner.set();
    // The root lives as long as the page.
    std::mem::forget(owner);
}
