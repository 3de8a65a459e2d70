//! Sharing a step: copy its link (with the chart's state), hand it to the
//! system share sheet where the browser has one, or copy the two lines that
//! embed it in another page. Inside an embed, a link back to the full step.

use leptos::prelude::*;

use crate::state::{use_base, Route};
use crate::story::Story;

/// What the last copy did, announced to screen readers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
enum Copied {
    Link,
    Embed,
    Failed,
}

/// Copy link, Share and Copy embed code for the current step.
#[component]
pub fn ShareBar(
    /// The story.
    story: &'static Story,
    /// The current page.
    #[prop(into)]
    route: Signal<Route>,
) -> impl IntoView {
    let ui = &story.ui;
    let base = StoredValue::new(use_base());
    let (status, set_status) = signal(None::<Copied>);
    // The system share sheet exists on some browsers only; the button is
    // there only where it does.
    #[cfg(target_arch = "wasm32")]
    let can_share = js_sys::Reflect::has(&window().navigator(), &"share".into()).unwrap_or(false);
    #[cfg(not(target_arch = "wasm32"))]
    let can_share = false;

    let copy = move |what: Copied| {
        move |_: leptos::ev::MouseEvent| {
            #[cfg(target_arch = "wasm32")]
            {
                let text = match what {
                    Copied::Embed => {
                        let path = route.get_untracked().canonical().path(story);
                        let root = format!(
                            "{}{}/",
                            window().location().origin().unwrap_or_default(),
                            base.get_value()
                        );
                        let title = crate::app::page_title(story, route.get_untracked());
                        crate::state::embed::embed_code(&root, &path, &title)
                    }
                    _ => window().location().href().unwrap_or_default(),
                };
                // A callback on the promise, not a Rust future: awaiting it
                // brought an async executor into the wasm (2.9 KB brotli).
                // writeText fulfils with undefined and rejects with an
                // error, so one callback serves both, and it frees itself
                // when it has run.
                let settle = leptos::wasm_bindgen::closure::Closure::once_into_js(
                    move |result: leptos::wasm_bindgen::JsValue| {
                        let ok = result.is_undefined();
                        set_status.set(Some(if ok { what } else { Copied::Failed }));
                    },
                );
                let promise = window().navigator().clipboard().write_text(&text);
                if let Ok(then) = js_sys::Reflect::get(&promise, &"then".into())
                    .and_then(leptos::wasm_bindgen::JsCast::dyn_into::<js_sys::Function>)
                {
                    let _ = then.call2(&promise, &settle, &settle);
                }
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (what, base, set_status, route);
        }
    };
    let share = move |_: leptos::ev::MouseEvent| {
        #[cfg(target_arch = "wasm32")]
        {
            let data = web_sys::ShareData::new();
            data.set_title(&crate::app::page_title(story, route.get_untracked()));
            data.set_url(&window().location().href().unwrap_or_default());
            // The reader may cancel the sheet; that is not an error.
            let _ = window().navigator().share_with_data(&data);
        }
    };
    let message = move || {
        status.get().map(|s| match s {
            Copied::Link => ui.link_copied.as_str(),
            Copied::Embed => ui.embed_copied.as_str(),
            Copied::Failed => ui.copy_failed.as_str(),
        })
    };
    view! {
        <div class="share" role="group" aria-label=ui.share_label.as_str()>
            <button type="button" data-share="link" on:click=copy(Copied::Link)>{ui.copy_link.as_str()}</button>
            <button type="button" data-share="sheet" hidden=!can_share on:click=share>{ui.share.as_str()}</button>
            <button type="button" data-share="embed" on:click=copy(Copied::Embed)>{ui.copy_embed.as_str()}</button>
            <p class="share-status" role="status">{message}</p>
        </div>
    }
}

/// Inside an embed: the way out to the full explainer, at this step, in a
/// new tab (the host page stays where it is).
#[component]
pub fn OpenFull(
    /// The story.
    story: &'static Story,
    /// The current (embedded) page.
    #[prop(into)]
    route: Signal<Route>,
) -> impl IntoView {
    let base = use_base();
    let query = crate::state::history::use_location().query;
    // The same view in the full explainer: the step, and the chart state
    // the reader has chosen inside the embed.
    let href = move || {
        format!(
            "{}{}",
            route.get().canonical().href(story, &base),
            query.with(|q| crate::state::query::chart_state(q.pairs()))
        )
    };
    view! {
        <p class="open-full">
            <a href=href target="_blank" rel="noopener">{story.ui.open_full.as_str()}</a>
        </p>
    }
}
