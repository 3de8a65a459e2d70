//! Frames drawn ahead for the whole story's figure.
//!
//! While the reader scrolls `/all/`, each step that crosses the middle of
//! the screen swaps the figure. Drawn there and then, a swap is 190 to 350
//! calls into the canvas; at 4x CPU slowdown the same swap took anywhere
//! from 1 to 10 ms, depending on whether the slowdown and the other
//! threads landed on it (`make bench`, 30 November). So the figure of the
//! next step is drawn in idle time onto a canvas off the page; the swap
//! then copies that canvas onto the figure's, and takes the hit areas its
//! drawing returned. The frame shown last stays until its canvas is
//! needed, so a step back usually finds its frame too.
//!
//! A frame is only used when it is exactly what the figure would draw now:
//! the same chart, view (highlight, period and the reader's selection),
//! size in pixels and colour scheme. Anything else (a jump far ahead, a
//! hover, a resize) draws as before, so a missing frame costs time, never
//! correctness. At most [`KEEP`] frames are kept, a few MB each, on
//! canvases that are drawn on again rather than made anew.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

use crate::charts::{Hits, View};
use crate::story::{ChartKind, Figure, Story};

/// The figures to have ready, nearest first: given by the whole story's
/// island to the chart it holds.
#[derive(Clone, Copy)]
pub struct Ahead(pub Memo<Vec<Figure>>);

/// How many frames are kept at most: the one asked for, and the last
/// one shown.
const KEEP: usize = 2;

/// What a frame shows: a chart and its view, drawn at `size` pixels at
/// `scale` pixels per CSS pixel, in the dark scheme or not.
#[derive(Clone, PartialEq)]
pub struct Key {
    /// The chart.
    pub kind: ChartKind,
    /// Its highlight, period, selection and filters.
    pub view: View,
    /// The canvas's size in pixels.
    pub size: (u32, u32),
    /// Pixels per CSS pixel.
    pub scale: f64,
    /// The colour scheme.
    pub dark: bool,
}

/// A canvas off the page holding one frame, or free for the next.
struct Slot {
    canvas: HtmlCanvasElement,
    /// The frame it holds, once drawn.
    key: Option<Key>,
    hits: Hits,
    /// Whether its pixels are made (not only its drawing recorded).
    ready: bool,
}

/// The frames ready to show, and those still to draw.
#[derive(Clone, Copy)]
pub struct Frames {
    story: &'static Story,
    slots: StoredValue<Vec<Slot>, LocalStorage>,
    wanted: StoredValue<Vec<Key>, LocalStorage>,
    busy: StoredValue<bool, LocalStorage>,
    /// The slot shown last: the first to draw on again, since its frame
    /// is on screen, while the one before it is a step back.
    shown: StoredValue<Option<usize>, LocalStorage>,
}

impl Frames {
    /// No frames yet, for the charts of `story`.
    pub fn new(story: &'static Story) -> Self {
        Self {
            story,
            slots: StoredValue::new_local(Vec::new()),
            wanted: StoredValue::new_local(Vec::new()),
            busy: StoredValue::new_local(false),
            shown: StoredValue::new_local(None),
        }
    }

    /// Asks for these frames, nearest first. A frame no longer asked for
    /// stays until its slot is needed: the swap that asks for the next
    /// frames may be the one about to show it.
    pub fn want(self, mut keys: Vec<Key>) {
        keys.truncate(KEEP);
        self.wanted.set_value(keys);
        if !self.busy.get_value() {
            self.next();
        }
    }

    /// Copies the frame for `key` onto `canvas`, if one is ready, sizing
    /// the canvas to it; returns its hit areas.
    pub fn show(self, canvas: &HtmlCanvasElement, key: &Key) -> Option<Hits> {
        self.slots.with_value(|slots| {
            let at = slots
                .iter()
                .position(|s| s.ready && s.key.as_ref() == Some(key))?;
            let slot = &slots[at];
            let context = crate::dom::backend::context(canvas)?;
            super::figure::paint::fit(canvas, key.size);
            // One operation that replaces every pixel, rather than a clear
            // and then a copy: the figure's canvas is low-latency, and the
            // browser may show a drawing before it is finished.
            context.set_global_composite_operation("copy").ok()?;
            let copied = context.draw_image_with_html_canvas_element(&slot.canvas, 0.0, 0.0);
            let _ = context.set_global_composite_operation("source-over");
            copied.ok()?;
            // How many drawings came from frames drawn ahead, for the
            // benchmark (`make bench`) and the tests to read.
            let count = canvas
                .get_attribute("data-ahead")
                .and_then(|n| n.parse::<u32>().ok())
                .unwrap_or(0);
            let _ = canvas.set_attribute("data-ahead", &(count + 1).to_string());
            self.shown.set_value(Some(at));
            Some(slot.hits.clone())
        })
    }

    /// Draws the nearest wanted frame not yet held, in the browser's next
    /// idle time, and makes its pixels in the idle time after; then the
    /// next one. Each is a task of its own: drawn on a new canvas and
    /// snapshot in one task, frames took 46 to 73 ms at 4x CPU slowdown
    /// while the page scrolled.
    fn next(self) {
        let todo = self.wanted.with_value(|wanted| {
            self.slots.with_value(|slots| {
                wanted
                    .iter()
                    .find(|k| !slots.iter().any(|s| s.key.as_ref() == Some(*k)))
                    .cloned()
            })
        });
        let Some(key) = todo else {
            self.busy.set_value(false);
            return;
        };
        self.busy.set_value(true);
        idle(move || self.draw(key.clone()));
    }

    /// Draws `key` on a free slot's canvas, then makes its pixels.
    fn draw(self, key: Key) {
        // The reader may have moved on since this was asked for.
        if !self.wanted.with_value(|w| w.contains(&key)) {
            return self.next();
        }
        let Some(at) = self.free_slot() else {
            return self.busy.set_value(false);
        };
        let drawn = self.slots.with_value(|slots| {
            let canvas = &slots[at].canvas;
            super::figure::paint::fit(canvas, key.size);
            super::figure::paint::draw_key(canvas, self.story, &key)
        });
        let Ok(hits) = drawn else {
            // This frame cannot be had; the swap will draw it.
            self.wanted.update_value(|w| w.retain(|k| *k != key));
            return self.next();
        };
        self.slots.update_value(|slots| {
            slots[at].key = Some(key.clone());
            slots[at].hits = hits;
            slots[at].ready = false;
        });
        idle(move || {
            self.slots.update_value(|slots| {
                let Some(slot) = slots.get_mut(at).filter(|s| s.key.as_ref() == Some(&key)) else {
                    return;
                };
                // Reading a pixel makes the canvas draw what it recorded,
                // here rather than in the swap that copies it.
                if let Some(context) = crate::dom::backend::context(&slot.canvas) {
                    let _ = context.get_image_data(0.0, 0.0, 1.0, 1.0);
                }
                slot.ready = true;
            });
            self.next();
        });
    }

    /// The index of a slot holding no wanted frame, emptied, or a new one
    /// if there are fewer than [`KEEP`]. A canvas is kept and drawn on
    /// again: a new one for each frame cost 20 ms more at 4x CPU slowdown
    /// to set up.
    fn free_slot(self) -> Option<usize> {
        let free = self.wanted.with_value(|wanted| {
            self.slots.try_update_value(|slots| {
                let free = |s: &Slot| s.key.as_ref().is_none_or(|k| !wanted.contains(k));
                let at = self
                    .shown
                    .get_value()
                    .filter(|&i| slots.get(i).is_some_and(free))
                    .or_else(|| slots.iter().position(free))?;
                slots[at].key = None;
                slots[at].ready = false;
                Some(at)
            })
        });
        if let Some(free) = free.flatten() {
            return Some(free);
        }
        if self.slots.with_value(Vec::len) >= KEEP {
            return None;
        }
        let canvas: HtmlCanvasElement =
            document().create_element("canvas").ok()?.dyn_into().ok()?;
        self.slots.try_update_value(|slots| {
            slots.push(Slot {
                canvas,
                key: None,
                hits: Hits::default(),
                ready: false,
            });
            slots.len() - 1
        })
    }
}

/// Runs `f` in the browser's next idle time, or after a short wait where
/// there is none (Safari).
fn idle(f: impl Fn() + Clone + 'static) {
    if request_idle_callback_with_handle(f.clone()).is_err() {
        set_timeout(f, std::time::Duration::from_millis(100));
    }
}
