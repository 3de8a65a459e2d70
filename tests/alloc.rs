//! The app's allocator, run natively over a plain buffer: blocks are
//! aligned, never overlap, keep their contents, and freed memory is used
//! again so a repeated workload stops growing the heap.

use explainer::alloc::{class, Grow, Heap};

/// Memory from a fixed buffer, handed out in 64 KiB pages like wasm's.
struct Arena {
    buf: Vec<u8>,
    used: usize,
    grown: usize,
}

impl Grow for Arena {
    fn grow(&mut self, bytes: usize) -> Option<(usize, usize)> {
        let len = bytes.div_ceil(65536) * 65536;
        if self.used + len > self.buf.len() {
            return None;
        }
        let base = self.buf.as_ptr() as usize + self.used;
        self.used += len;
        self.grown += 1;
        Some((base, len))
    }
}

fn heap(pages: usize) -> Heap<Arena> {
    Heap::new(Arena {
        buf: vec![0; pages * 65536 + 65536],
        used: 0,
        grown: 0,
    })
}

/// A fixed xorshift, so a failure can be replayed.
fn rng(mut seed: u64) -> impl FnMut() -> u64 {
    move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    }
}

#[test]
fn classes_round_up_to_powers_of_two() {
    assert_eq!(class(1, 1), Some(4));
    assert_eq!(class(16, 8), Some(4));
    assert_eq!(class(17, 8), Some(5));
    assert_eq!(class(8, 64), Some(6));
    assert_eq!(class(100_000, 8), Some(17));
    assert_eq!(class(usize::MAX, 8), None);
}

#[test]
fn blocks_are_aligned_separate_and_keep_their_bytes() {
    let mut h = heap(512);
    let mut next = rng(7);
    let mut live: Vec<(*mut u8, usize, usize, u8)> = Vec::new();
    for step in 0..20_000u32 {
        if live.is_empty() || next().is_multiple_of(2) {
            let size = 1 + (next() % 3000) as usize;
            let align = 1 << (next() % 7);
            let p = unsafe { h.alloc(size, align) };
            assert!(!p.is_null(), "out of memory at step {step}");
            assert_eq!(p as usize % align, 0, "alignment {align}");
            let mark = step as u8;
            unsafe { std::ptr::write_bytes(p, mark, size) };
            live.push((p, size, align, mark));
        } else {
            let (p, size, align, mark) = live.swap_remove((next() as usize) % live.len());
            // Nothing else wrote into the block while it was ours.
            let bytes = unsafe { std::slice::from_raw_parts(p, size) };
            assert!(bytes.iter().all(|&b| b == mark), "block overwritten");
            unsafe { h.dealloc(p, size, align) };
        }
    }
}

#[test]
fn realloc_keeps_the_contents_and_stays_put_within_a_class() {
    let mut h = heap(4);
    unsafe {
        let p = h.alloc(20, 4);
        std::ptr::copy_nonoverlapping(b"strategic dialogue!!".as_ptr(), p, 20);
        assert_eq!(h.realloc(p, 20, 4, 30), p, "20 and 30 bytes share a class");
        let q = h.realloc(p, 30, 4, 300);
        assert_ne!(q, p);
        assert_eq!(std::slice::from_raw_parts(q, 20), b"strategic dialogue!!");
    }
}

#[test]
fn a_repeated_workload_stops_growing_the_heap() {
    let mut h = heap(256);
    let mut next = rng(11);
    // The same shapes of work again and again, as redraws and step changes.
    let sizes: Vec<usize> = (0..400).map(|_| 1 + (next() % 5000) as usize).collect();
    let mut after = Vec::new();
    for _round in 0..50 {
        let blocks: Vec<*mut u8> = sizes.iter().map(|&s| unsafe { h.alloc(s, 8) }).collect();
        for (p, &s) in blocks.iter().zip(&sizes) {
            unsafe { h.dealloc(*p, s, 8) };
        }
        after.push(h.memory().used);
    }
    assert!(after[0] > 0);
    assert_eq!(
        after[1], after[49],
        "the heap grew after the first round: {after:?}"
    );
}
