//! Browser observers, in leptos-use's shape (`use_*` returning signals), for
//! the two we need: an element's size and the reader's colour scheme.
//!
//! leptos-use's `use_element_size` also handles SVG targets by parsing the
//! computed style, which pulls Rust's float parser and its 18 KB table into
//! the wasm; a canvas frame is never SVG, so these read the browser's numbers
//! directly. Each observer is removed when its owner is cleaned up.

use leptos::prelude::*;
use leptos::wasm_bindgen::{closure::Closure, JsCast};

/// An element's content-box size in CSS pixels, 0 until it is laid out.
#[derive(Clone, Copy)]
pub struct ElementSize {
    /// The content box's width.
    pub width: Signal<f64>,
    /// The content box's height.
    pub height: Signal<f64>,
}

/// A size observer and its callback. Dropping it stops observing and
/// frees the callback, so observers made and dropped with the components
/// that need them (a figure per step) leave nothing behind.
pub struct Resize {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn Fn(js_sys::Array)>,
}

impl Drop for Resize {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Calls `f` whenever `target` changes size (and once when observing
/// starts, as the browser does), until the returned [`Resize`] is dropped;
/// `None` where the browser has no ResizeObserver.
pub fn on_resize(
    target: &web_sys::Element,
    f: impl Fn(&web_sys::ResizeObserverEntry) + 'static,
) -> Option<Resize> {
    let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        // Only the last entry matters: it is the newest size.
        let last = entries.get(entries.length().saturating_sub(1));
        if let Some(entry) = last.dyn_ref::<web_sys::ResizeObserverEntry>() {
            f(entry);
        }
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(target);
    Some(Resize {
        observer,
        _callback: callback,
    })
}

/// The size of the element behind `target`, following it as it resizes.
pub fn use_element_size<E>(target: NodeRef<E>) -> ElementSize
where
    E: leptos::html::ElementType,
    E::Output: JsCast + Clone + 'static,
{
    let (width, set_width) = signal(0.0);
    let (height, set_height) = signal(0.0);
    let observer = StoredValue::new_local(None::<Resize>);
    // Dropping the observer disconnects it and frees its callback.
    let stop = move || drop(observer.try_update_value(Option::take));
    Effect::new(move |_| {
        stop();
        let Some(element) = target.get() else { return };
        let Some(element) = element.dyn_ref::<web_sys::Element>() else {
            return;
        };
        // Setting a signal notifies even when the value is the same, and
        // each notice is a redraw: only changes go through.
        let resize = move |w: f64, h: f64| {
            if width.get_untracked() != w {
                set_width.set(w);
            }
            if height.get_untracked() != h {
                set_height.set(h);
            }
        };
        let found = on_resize(element, move |entry| {
            let rect = entry.content_rect();
            resize(rect.width(), rect.height());
        });
        // The first size comes with the observer's first call, in the next
        // frame, not read here: drawing in the same task as hydrating made
        // one long task of the two, and Lighthouse's mobile TBT went from
        // 5-20 ms to 36-72 ms.
        observer.set_value(found);
        // A prerendered page (the step a reader is likely to move to) has
        // no frames until it is shown, so the observer's first call, and
        // the drawing with it, waited for the reader's key: the figure
        // came 50-110 ms after it (`make bench`). While prerendering, the
        // size is read in a task of its own, and the page is shown drawn.
        if prerendering() {
            let element = element.clone();
            set_timeout(
                move || {
                    let rect = element.get_bounding_client_rect();
                    resize(rect.width(), rect.height());
                },
                std::time::Duration::ZERO,
            );
        }
    });
    on_cleanup(stop);
    ElementSize {
        width: width.into(),
        height: height.into(),
    }
}

/// Whether this page is being prerendered: loaded ahead, not yet shown.
fn prerendering() -> bool {
    js_sys::Reflect::get(&document(), &"prerendering".into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Whether the page is dark: as an embed was asked (`data-theme`, set by
/// public/theme.js from `?theme=`), or else as the reader's system asks,
/// following changes while the page is open.
pub fn use_preferred_dark() -> Signal<bool> {
    let asked = document()
        .document_element()
        .and_then(|root| root.get_attribute("data-theme"));
    let forced = match asked.as_deref() {
        Some("dark") => Some(true),
        Some("light") => Some(false),
        _ => None,
    };
    // Asked for a theme, the page keeps it: nothing to follow.
    let query = forced
        .is_none()
        .then(|| {
            window()
                .match_media("(prefers-color-scheme: dark)")
                .ok()
                .flatten()
        })
        .flatten();
    let (dark, set_dark) =
        signal(forced.unwrap_or_else(|| query.as_ref().is_some_and(|q| q.matches())));
    if let Some(query) = query {
        let listener = Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(
            move |ev: web_sys::MediaQueryListEvent| set_dark.set(ev.matches()),
        )
        .into_js_value();
        let _ = query.add_event_listener_with_callback("change", listener.unchecked_ref());
        // Removed with its owner, so a remounted figure does not keep a stale
        // listener writing to a disposed signal.
        on_cleanup(move || {
            let _ = query.remove_event_listener_with_callback("change", listener.unchecked_ref());
        });
    }
    dark.into()
}

/// An intersection observer and its callback; dropping it stops observing.
pub struct Crossing {
    observer: web_sys::IntersectionObserver,
    _callback: Closure<dyn Fn(js_sys::Array)>,
}

impl Drop for Crossing {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Calls `f` with each of `targets` that comes to cover a thin band just
/// above the middle of the viewport, until the returned [`Crossing`] is
/// dropped, then `after` once each report is handled; `None` where the
/// browser has no IntersectionObserver.
///
/// The band is a percentage of the viewport, so zoom, resizing and rotation
/// move it with the screen, and the browser reports only what crossed it
/// between two frames: a jump across twenty steps reports the one it landed
/// on, not the twenty (scrollama #78).
pub fn on_middle(
    targets: &[web_sys::Element],
    f: impl Fn(&web_sys::Element) + 'static,
    after: impl Fn() + 'static,
) -> Option<Crossing> {
    let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        for entry in entries.iter() {
            if let Some(entry) = entry.dyn_ref::<web_sys::IntersectionObserverEntry>() {
                if entry.is_intersecting() {
                    f(&entry.target());
                }
            }
        }
        after();
    });
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin("-45% 0px -54% 0px");
    let observer = web_sys::IntersectionObserver::new_with_options(
        callback.as_ref().unchecked_ref(),
        &options,
    )
    .ok()?;
    for target in targets {
        observer.observe(target);
    }
    Some(Crossing {
        observer,
        _callback: callback,
    })
}
