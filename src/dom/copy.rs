//! Copying to the clipboard: the share bar's links and embed code, and the
//! whole story's link to each step.

use leptos::prelude::*;
use leptos::wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// Writes `text` to the clipboard, then calls `done` with whether it worked.
///
/// A callback on the promise, not a Rust future: awaiting it brought an
/// async executor into the wasm (2.9 KB brotli). writeText fulfils with
/// undefined and rejects with an error, so one callback serves both, and it
/// frees itself when it has run.
pub fn write(text: &str, done: impl FnOnce(bool) + 'static) {
    let settle = Closure::once_into_js(move |result: JsValue| done(result.is_undefined()));
    let promise = window().navigator().clipboard().write_text(text);
    if let Ok(then) = js_sys::Reflect::get(&promise, &"then".into())
        .and_then(JsCast::dyn_into::<js_sys::Function>)
    {
        let _ = then.call2(&promise, &settle, &settle);
    }
}

/// A click on a step's link in the whole story (`a[data-copy]`, whose
/// `href` is the step's fragment): copies the step's full address, puts it
/// in the address bar (without a history entry) and says so in the page's
/// `.copy-status`, whose `data-copied` and `data-failed` hold the words.
/// False if the click was on no such link: it is someone else's.
#[cfg(feature = "all-charts")]
pub fn step_link(ev: &web_sys::Event, target: &web_sys::Element) -> bool {
    let Some(link) = target.closest("a[data-copy]").ok().flatten() else {
        return false;
    };
    let Some(fragment) = link.get_attribute("href") else {
        return false;
    };
    ev.prevent_default();
    let location = window().location();
    let page = format!(
        "{}{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    crate::state::url::replace_fragment(fragment.trim_start_matches('#'));
    write(&format!("{page}{fragment}"), |ok| {
        let Ok(Some(status)) = document().query_selector(".copy-status") else {
            return;
        };
        let words = status.get_attribute(if ok { "data-copied" } else { "data-failed" });
        status.set_text_content(words.as_deref());
        // The words go once read; the next copy says them again.
        set_timeout(
            move || status.set_text_content(None),
            std::time::Duration::from_secs(4),
        );
    });
    true
}
