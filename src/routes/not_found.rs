//! The friendly view for any address that is not a page.

use leptos::prelude::*;

use crate::components::toc::Toc;
use crate::story::{fill, Story};

/// Says the page does not exist and links to every chapter.
#[component]
pub fn NotFound(
    /// The story.
    story: &'static Story,
    /// The path asked for. Shown as text only, never as HTML.
    #[prop(into)]
    path: Signal<String>,
) -> impl IntoView {
    // Very long or odd paths are cut so they cannot push the page around.
    let shown = move || {
        let p = path.get();
        let cut: String = p.chars().take(120).collect();
        fill(&story.ui.not_found_body, &[("path", &cut)])
    };
    view! {
        <article class="not-found" data-testid="not-found">
            <h1 id="page-title" tabindex="-1">{story.ui.not_found_title.as_str()}</h1>
            <p>{shown}</p>
            <Toc story current=Signal::stored(None)/>
        </article>
    }
}
