//! A figure full screen, where the browser has the Fullscreen API: on a
//! phone, the way to read a wide chart in landscape. Escape closes it, as
//! the browser does, and so does back: opening adds a history entry that
//! closing takes away again.
//!
//! Page-level glue, not part of the figure's reactive view: each figure's
//! button is in the prerendered page, hidden, and [`enable`] shows the
//! buttons and listens once for the whole page. As reactive bindings in the
//! figure, the same cost the wasm about 1 KB brotli more.

use leptos::prelude::*;
use leptos::wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// What every listener here takes: one shape for all (see `dom::refs`).
type Listener = Closure<dyn Fn(web_sys::Event)>;

/// The history entry that full screen adds, so back closes it.
const MARK: &str = "explainer-full-screen";

/// The buttons, one per figure.
const BUTTON: &str = ".full-screen";

/// Opens the figure around `button` full screen, or closes full screen.
fn toggle(button: &web_sys::Element) {
    let doc = document();
    if doc.fullscreen_element().is_some() {
        doc.exit_fullscreen();
        return;
    }
    let Some(figure) = button.closest(".figure").ok().flatten() else {
        return;
    };
    if figure.request_fullscreen().is_err() {
        return;
    }
    if let Ok(history) = window().history() {
        let _ = history.push_state(&JsValue::from_str(MARK), "");
    }
    // A phone turns the chart sideways where it can; elsewhere the lock is
    // refused, and the refusal (a rejected promise) is caught, or the
    // console would report it.
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
    if let Some(promise) = lock {
        if let Ok(catch) = js_sys::Reflect::get(&promise, &"catch".into())
            .and_then(|f| f.dyn_into::<js_sys::Function>())
        {
            let ignore = Listener::new(|_| {}).into_js_value();
            let _ = catch.call1(&promise, &ignore);
        }
    }
}

/// Shows every figure's full-screen button where the browser can go full
/// screen, and listens for as long as the page is open: a click on a
/// button, full screen opening and closing (the button says which), and
/// back.
pub fn enable() {
    let doc = document();
    if !doc.fullscreen_enabled() {
        return;
    }
    let Ok(buttons) = doc.query_selector_all(BUTTON) else {
        return;
    };
    if buttons.length() == 0 {
        return;
    }
    for i in 0..buttons.length() {
        if let Some(b) = buttons
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            let _ = b.remove_attribute("hidden");
        }
    }
    let click = Listener::new(|ev: web_sys::Event| {
        let button = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest(BUTTON).ok().flatten());
        if let Some(button) = button {
            toggle(&button);
        }
    });
    let change = Listener::new(|_| {
        let full = document().fullscreen_element();
        if let Some(button) = full
            .as_ref()
            .and_then(|f| f.query_selector(BUTTON).ok().flatten())
        {
            let _ = button.set_attribute("aria-pressed", "true");
        }
        if full.is_none() {
            if let Ok(Some(button)) =
                document().query_selector(&format!("{BUTTON}[aria-pressed=true]"))
            {
                let _ = button.set_attribute("aria-pressed", "false");
            }
            // Closed by Escape or the button: the entry it added goes too.
            if let Ok(history) = window().history() {
                if history.state().ok().and_then(|s| s.as_string()).as_deref() == Some(MARK) {
                    let _ = history.back();
                }
            }
        }
    });
    let back = Listener::new(|_| {
        if document().fullscreen_element().is_some() {
            document().exit_fullscreen();
        }
    });
    let _ = doc.add_event_listener_with_callback("click", click.as_ref().unchecked_ref());
    let _ =
        doc.add_event_listener_with_callback("fullscreenchange", change.as_ref().unchecked_ref());
    let _ = window().add_event_listener_with_callback("popstate", back.as_ref().unchecked_ref());
    click.forget();
    change.forget();
    back.forget();
}
