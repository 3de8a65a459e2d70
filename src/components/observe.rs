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

/// Calls `f` whenever `target` changes size (and once when observing
/// starts, as the browser does). Returns the observer so its owner can
/// disconnect it; `None` where the browser has no ResizeObserver.
pub fn on_resize(
    target: &web_sys::Element,
    f: impl Fn(&web_sys::ResizeObserverEntry) + 'static,
) -> Option<web_sys::ResizeObserver> {
    let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        // Only the last entry matters: it is the newest size.
        let last = entries.get(entries.length().saturating_sub(1));
        if let Some(entry) = last.dyn_ref::<web_sys::ResizeObserverEntry>() {
            f(entry);
        }
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    // The observer owns the callback from here on; it lives as long as the
    // page, which is at most one closure per observed element.
    callback.forget();
    observer.observe(target);
    Some(observer)
}

/// The size of the element behind `target`, following it as it resizes.
pub fn use_element_size<E>(target: NodeRef<E>) -> ElementSize
where
    E: leptos::html::ElementType,
    E::Output: JsCast + Clone + 'static,
{
    let (width, set_width) = signal(0.0);
    let (height, set_height) = signal(0.0);
    let observer = StoredValue::new_local(None::<web_sys::ResizeObserver>);
    let stop = move || {
        if let Some(o) = observer.try_update_value(Option::take).flatten() {
            o.disconnect();
        }
    };
    Effect::new(move |_| {
        stop();
        let Some(element) = target.get() else { return };
        let Some(element) = element.dyn_ref::<web_sys::Element>() else {
            return;
        };
        let found = on_resize(element, move |entry| {
            let rect = entry.content_rect();
            set_width.set(rect.width());
            set_height.set(rect.height());
        });
        observer.set_value(found);
    });
    on_cleanup(stop);
    ElementSize {
        width: width.into(),
        height: height.into(),
    }
}

/// Whether the reader's system asks for a dark colour scheme, following
/// changes while the page is open.
pub fn use_preferred_dark() -> Signal<bool> {
    let query = window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten();
    let (dark, set_dark) = signal(query.as_ref().is_some_and(|q| q.matches()));
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
