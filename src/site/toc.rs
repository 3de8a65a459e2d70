//! The table of contents: every chapter, linked.

use leptos::prelude::*;

use crate::site::use_base;
use crate::state::Route;
use crate::story::Story;

/// A list of every chapter, linked to its first step; the current chapter
/// is marked with `aria-current`.
#[component]
pub fn Toc(
    /// The story.
    story: &'static Story,
    /// The chapter being read, if any.
    #[prop(into)]
    current: Signal<Option<usize>>,
) -> impl IntoView {
    let base = use_base();
    let items = story
        .chapters
        .iter()
        .enumerate()
        .map(|(i, chapter)| {
            let href = Route::Step {
                chapter: i,
                step: 0,
            }
            .href(story, &base);
            let after = chapter
                .after_article
                .then(|| view! { <span class="badge">{story.ui.after_article.as_str()}</span> });
            view! {
                <li>
                    <a href=href aria-current=move || (current.get() == Some(i)).then_some("page")>
                        <span class="toc-title">{chapter.title.as_str()}</span>
                        {after}
                    </a>
                </li>
            }
        })
        .collect_view();
    let all = Route::All.href(story, &base);
    view! {
        <nav class="toc" aria-label=story.ui.contents.as_str()>
            <ol>{items}</ol>
            <p class="toc-all"><a href=all>{story.ui.whole_story.as_str()}</a></p>
        </nav>
    }
}
