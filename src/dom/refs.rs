//! Citations and terms open in place. Each is a link to its entry in the
//! list of sources or the glossary (`story::html::RefLinks`), so it wraps
//! like the words around it and works without scripts; where the wasm runs,
//! a click (or Enter) on one opens its popover instead, as a button's
//! `popovertarget` would, and the link says whether it is open.

use leptos::prelude::*;
use leptos::wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// Calls the element's popover method `name` ("showPopover"); false where
/// the browser has no popovers, so the link is followed instead.
fn call(el: &web_sys::Element, name: &str) -> bool {
    js_sys::Reflect::get(el, &JsValue::from_str(name))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .is_some_and(|f| f.call0(el).is_ok())
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
        let link = target.closest("a[data-pop]").ok().flatten();
        let pop = link
            .and_then(|l| l.get_attribute("data-pop"))
            .and_then(|id| document().get_element_by_id(&id));
        if let Some(pop) = pop {
            if call(&pop, "showPopover") {
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
