//! A figure full screen, where the browser has the Fullscreen API: on a
//! phone, the way to read a wide chart in landscape. Escape closes it, as
//! the browser does, and so does back: opening adds a history entry that
//! closing takes away again.

use leptos::prelude::*;
use leptos::wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// The history entry that full screen adds, so back closes it.
const MARK: &str = "explainer-full-screen";

/// Whether the browser lets this page go full screen.
pub fn available() -> bool {
    document().fullscreen_enabled()
}

/// The figure around `inside`: what goes full screen.
fn figure_of(inside: &web_sys::Element) -> Option<web_sys::Element> {
    inside.closest(".figure").ok().flatten()
}

/// Opens the figure around `inside` full screen, or closes full screen.
pub fn toggle(inside: &web_sys::Element) {
    let doc = document();
    if doc.fullscreen_element().is_some() {
        doc.exit_fullscreen();
        return;
    }
    let Some(figure) = figure_of(inside) else {
        return;
    };
    if figure.request_fullscreen().is_err() {
        return;
    }
    if let Ok(history) = window().history() {
        let _ = history.push_state(&JsValue::from_str(MARK), "");
    }
    // A phone turns the chart sideways where it can; elsewhere the lock is
    // refused, quietly.
    let coarse = window()
        .match_media("(pointer: coarse)")
        .ok()
        .flatten()
        .is_some_and(|q| q.matches());
    if coarse {
        let lock = js_sys::Reflect::get(&window(), &"screen".into())
            .and_then(|s| js_sys::Reflect::get(&s, &"orientation".into()))
            .ok()
            .and_then(|o| {
                let f = js_sys::Reflect::get(&o, &"lock".into()).ok()?;
                f.dyn_into::<js_sys::Function>()
                    .ok()?
                    .call1(&o, &"landscape".into())
                    .ok()
            });
        // The refusal is a rejected promise: caught, or the console reports it.
        if let Some(promise) = lock {
            let ignore = Closure::once_into_js(|_: JsValue| {});
            if let Ok(catch) = js_sys::Reflect::get(&promise, &"catch".into())
                .and_then(|f| f.dyn_into::<js_sys::Function>())
            {
                let _ = catch.call1(&promise, &ignore);
            }
        }
    }
}

/// Calls `f` with whether the figure around `inside` is full screen each
/// time that changes, for as long as the calling owner lives; closes full
/// screen on back, and takes its history entry away when it closes.
pub fn watch(inside: web_sys::Element, f: impl Fn(bool) + 'static) {
    let change = Closure::<dyn Fn()>::new(move || {
        let full = document().fullscreen_element();
        let ours = full.is_some() && full == figure_of(&inside);
        f(ours);
        if full.is_none() {
            if let Ok(history) = window().history() {
                if history.state().ok().and_then(|s| s.as_string()).as_deref() == Some(MARK) {
                    let _ = history.back();
                }
            }
        }
    })
    .into_js_value();
    let back = Closure::<dyn Fn()>::new(|| {
        if document().fullscreen_element().is_some() {
            document().exit_fullscreen();
        }
    })
    .into_js_value();
    let doc = document();
    let _ = doc.add_event_listener_with_callback("fullscreenchange", change.unchecked_ref());
    let _ = window().add_event_listener_with_callback("popstate", back.unchecked_ref());
    on_cleanup(move || {
        let _ = document()
            .remove_event_listener_with_callback("fullscreenchange", change.unchecked_ref());
        let _ = window().remove_event_listener_with_callback("popstate", back.unchecked_ref());
    });
}
