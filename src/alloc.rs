//! The wasm app's memory allocator: size classes and free lists.
//!
//! Rust's default allocator for wasm is dlmalloc, about 8 KB of code built
//! for long-lived programs with many sizes and threads. The explainer is one
//! thread, holds a few megabytes, and repeats the same work (a redraw, a
//! step change), so the sizes it frees are the sizes it asks for next. Here
//! each request is rounded up to a power of two; a freed block goes on the
//! list for its size and is handed out again before new memory is taken.
//! It is under 1 KB of wasm, every call takes constant time, and memory
//! levels off once each size has been used (the soak test checks that).
//!
//! The logic is [`Heap`], generic over where fresh memory comes from, so
//! native tests run it over a plain buffer.

use core::ptr::null_mut;

/// The smallest block: room for the free list's link, and the 16-byte
/// alignment every Rust type on wasm32 is content with.
const MIN_CLASS: u32 = 4; // 2^4 = 16 bytes

/// Blocks are aligned to their own size up to this, one wasm page.
const MAX_ALIGN: usize = 64 * 1024;

/// Where a heap gets fresh memory.
pub trait Grow {
    /// Makes at least `bytes` more memory available; returns its start
    /// address and length, or `None` when there is no more.
    fn grow(&mut self, bytes: usize) -> Option<(usize, usize)>;
}

/// A size-class allocator over memory from `G`.
pub struct Heap<G> {
    grow: G,
    /// The next unused address, and the end of the memory obtained so far.
    next: usize,
    end: usize,
    /// The first free block of each class (2^class bytes); each free block
    /// holds the address of the next.
    free: [usize; 32],
}

/// The class of a request: the power of two that fits `size` bytes at
/// `align`, or `None` if none does.
pub fn class(size: usize, align: usize) -> Option<u32> {
    let bytes = size.max(align).max(1 << MIN_CLASS);
    let class = bytes.checked_next_power_of_two()?.trailing_zeros();
    (class < 32).then_some(class)
}

impl<G: Grow> Heap<G> {
    /// An empty heap that will ask `grow` for memory.
    pub const fn new(grow: G) -> Self {
        Heap {
            grow,
            next: 0,
            end: 0,
            free: [0; 32],
        }
    }

    /// Where the heap's memory comes from.
    pub fn memory(&self) -> &G {
        &self.grow
    }

    /// A block of at least `size` bytes aligned to `align`, or null.
    ///
    /// # Safety
    /// The addresses `G` hands out must be valid, writable memory that
    /// nothing else uses.
    pub unsafe fn alloc(&mut self, size: usize, align: usize) -> *mut u8 {
        let Some(class) = class(size, align) else {
            return null_mut();
        };
        let head = self.free[class as usize];
        if head != 0 {
            // SAFETY: a free block of this class holds the next one's address.
            self.free[class as usize] = unsafe { *(head as *const usize) };
            return head as *mut u8;
        }
        let bytes = 1usize << class;
        let align = bytes.min(MAX_ALIGN);
        loop {
            let start = (self.next + align - 1) & !(align - 1);
            let Some(stop) = start.checked_add(bytes) else {
                return null_mut();
            };
            if stop <= self.end {
                self.next = stop;
                return start as *mut u8;
            }
            // Enough for the block even if the new memory does not follow on.
            let Some((base, len)) = self.grow.grow((stop - self.end).max(bytes + align)) else {
                return null_mut();
            };
            if base != self.end {
                // The first memory, or memory elsewhere: carve from its start.
                self.next = base;
            }
            self.end = base + len;
        }
    }

    /// Takes back a block from [`Heap::alloc`] with the same size and
    /// alignment.
    ///
    /// # Safety
    /// `ptr` came from this heap's `alloc(size, align)` and is not used
    /// again.
    pub unsafe fn dealloc(&mut self, ptr: *mut u8, size: usize, align: usize) {
        if let Some(class) = class(size, align) {
            // SAFETY: the block is ours again and at least 16 bytes long.
            unsafe { *(ptr as *mut usize) = self.free[class as usize] };
            self.free[class as usize] = ptr as usize;
        }
    }

    /// Resizes a block, in place when the new size has the same class.
    ///
    /// # Safety
    /// As for [`Heap::dealloc`]; on success the old pointer is not used again.
    pub unsafe fn realloc(
        &mut self,
        ptr: *mut u8,
        size: usize,
        align: usize,
        new: usize,
    ) -> *mut u8 {
        if class(size, align) == class(new, align) {
            return ptr;
        }
        let moved = unsafe { self.alloc(new, align) };
        if !moved.is_null() {
            // SAFETY: both blocks are ours and hold at least the smaller size.
            unsafe {
                core::ptr::copy_nonoverlapping(ptr, moved, size.min(new));
                self.dealloc(ptr, size, align);
            }
        }
        moved
    }
}

/// The wasm module's own memory, grown a page at a time.
#[cfg(target_arch = "wasm32")]
pub struct WasmMemory;

#[cfg(target_arch = "wasm32")]
impl Grow for WasmMemory {
    fn grow(&mut self, bytes: usize) -> Option<(usize, usize)> {
        let pages = bytes.div_ceil(MAX_ALIGN);
        let old = core::arch::wasm32::memory_grow(0, pages);
        (old != usize::MAX).then_some((old * MAX_ALIGN, pages * MAX_ALIGN))
    }
}

/// The app's global allocator: one [`Heap`] over the module's memory.
#[cfg(target_arch = "wasm32")]
pub struct App(core::cell::UnsafeCell<Heap<WasmMemory>>);

// SAFETY: the app's wasm is built without threads, so there is only ever
// one caller.
#[cfg(target_arch = "wasm32")]
unsafe impl Sync for App {}

#[cfg(target_arch = "wasm32")]
impl App {
    /// The allocator, before any memory is taken.
    #[allow(clippy::new_without_default)] // a `static` needs a const fn
    pub const fn new() -> Self {
        App(core::cell::UnsafeCell::new(Heap::new(WasmMemory)))
    }
}

#[cfg(target_arch = "wasm32")]
unsafe impl core::alloc::GlobalAlloc for App {
    unsafe fn alloc(&self, layout: core::alloc::Layout) -> *mut u8 {
        unsafe { (*self.0.get()).alloc(layout.size(), layout.align()) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: core::alloc::Layout) {
        unsafe { (*self.0.get()).dealloc(ptr, layout.size(), layout.align()) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: core::alloc::Layout, new: usize) -> *mut u8 {
        unsafe { (*self.0.get()).realloc(ptr, layout.size(), layout.align(), new) }
    }
}
