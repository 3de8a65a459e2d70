//! The cover: title, a summary for readers in a hurry, and the way in.

use leptos::prelude::*;

use crate::site::toc::Toc;
use crate::site::use_base;
use crate::state::Route;
use crate::story::{html, Story};

/// The cover page.
#[component]
pub fn Cover(
    /// The story.
    story: &'static Story,
) -> impl IntoView {
    let base = use_base();
    let start = Route::Step {
        chapter: 0,
        step: 0,
    }
    .href(story, &base);
    let summary = html::paragraphs(
        story,
        &story.meta.summary,
        "summary",
        &super::ref_links(story, &base),
    );
    view! {
        <article class="cover">
            <header class="cover-head">
                <h1 id="page-title" tabindex="-1">{story.meta.title.as_str()}</h1>
                <p class="dek">{story.meta.subtitle.as_str()}</p>
            </header>
            <div class="summary" inner_html=summary></div>
            <p class="cta"><a class="button" href=start>{story.ui.start_reading.as_str()}" "{story.ui.next_icon.as_str()}</a></p>
            <crate::site::app::ReadIn/>
            <div class="cover-toc">
                <h2 class="toc-heading">{story.ui.contents.as_str()}</h2>
                <Toc story current=Signal::stored(None)/>
            </div>
        </article>
    }
}
