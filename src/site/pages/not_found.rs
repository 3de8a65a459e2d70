//! The friendly view for any address that is not a page.

use leptos::prelude::*;

use crate::site::toc::Toc;
use crate::story::Story;

/// Says the page does not exist and links to every chapter.
#[component]
pub fn NotFound(
    /// The story.
    story: &'static Story,
    /// The path asked for, if the page is written for one address; `None`
    /// for the one `404.html` that serves them all, which says "this
    /// address" (the reader sees it in the address bar; filling it in from
    /// there moved the page under the reader, and cost the page the wasm).
    path: Option<String>,
) -> impl IntoView {
    let body = &story.ui.not_found_body;
    let (before, after) = body.split_once("{path}").unwrap_or((body, ""));
    let asked = match path {
        // Very long or odd paths are cut so they cannot push the page around.
        Some(p) => {
            let cut: String = p.chars().take(120).collect();
            view! { <code class="asked">{cut}</code> }.into_any()
        }
        None => story.ui.this_address.clone().into_any(),
    };
    let shown = view! { {before.to_owned()}{asked}{after.to_owned()} };
    view! {
        <article class="not-found" data-testid="not-found">
            <h1 id="page-title" tabindex="-1">{story.ui.not_found_title.as_str()}</h1>
            <p>{shown}</p>
            <crate::site::app::ReadIn/>
            <Toc story current=Signal::stored(None)/>
        </article>
    }
}
