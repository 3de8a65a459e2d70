//! Citations and terms open in place. Each is a link to its entry in the
//! list of sources or the glossary (`story::html::RefLinks`), so it wraps
//! like the words around it and works without scripts; where the wasm runs,
//! a click (or Enter) on one opens its popover instead, as a button's
//! `popovertarget` would, and the link says whether it is open.

use leptos::prelude::*;
use leptos::wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// Opens `pop` with `link` as its source: the browser then anchors it to
/// the link (the stylesheet's `position-area`), as it does for a button's
/// `popovertarget`. False where the browser has no popovers, so the link is
/// followed instead.
fn show(pop: &web_sys::Element, link: &web_sys::Element) -> bool {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &JsValue::from_str("source"), link);
    js_sys::Reflect::get(pop, &JsValue::from_str("showPopover"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .is_some_and(|f| f.call1(pop, &options).is_ok())
}

/// Listens, once for the whole page, for clicks on citations and terms (and
/// on the whole story's links to its steps, see `dom::copy`), and for their
/// popovers opening and closing.
pub fn open_in_place() {
    let doc = document();
    // Every listener here and in `dom::fullscreen` has this one shape: each
    // other shape would add its own glue to the wasm and its script.
    let click = Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| {
        // A modified click (a new tab, a new window) goes to the list, as
        // on any link.
        let Some(mouse) = ev.dyn_ref::<web_sys::MouseEvent>() else {
            return;
        };

        if ev.default_prevented()
            || mouse.button() != 0
            || mouse.ctrl_key()
            || mouse.meta_key()
            || mouse.shift_key()
            || mouse.alt_key()
        {
            return;
        }
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        // The whole story's link to a step copies it (only the wasm with
        // every chart loads there: the others leave this out).
        #[cfg(feature = "all-charts")]
        if crate::dom::copy::step_link(&ev, &target) {
            return;
        }
        let Some(link) = target.closest("a[data-pop]").ok().flatten() else {
            return;
        };
        let pop = link
            .get_attribute("data-pop")
            .and_then(|id| document().get_element_by_id(&id));
        if let Some(pop) = pop {
            if show(&pop, &link) {
                ev.prevent_default();
            }
        }
    });
    // `toggle` does not bubble: heard on its way down instead.
    let toggle = Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| {
        let Some(pop) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let open = pop.matches(":popover-open").unwrap_or(false);
        let selector = format!(r#"a[data-pop="{}"]"#, pop.id());
        if let Ok(Some(link)) = document().query_selector(&selector) {
            let _ = link.set_attribute("aria-expanded", if open { "true" } else { "false" });
        }
    });
    let _ = doc.add_event_listener_with_callback("click", click.as_ref().unchecked_ref());
    let _ = doc.add_event_listener_with_callback_and_bool(
        "toggle",
        toggle.as_ref().unchecked_ref(),
        true,
    );
    // Both listen as long as the page is open.
    click.forget();
    toggle.forget();
}
