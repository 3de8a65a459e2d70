//! One view per kind of page, chosen from the typed [`Route`] at build time.

pub mod all;
pub mod builder;
pub mod chapter;
pub mod cover;
pub mod not_found;

use leptos::prelude::*;

use crate::state::Route;
use crate::story::html::RefLinks;
use crate::story::{Appendix, Story};

/// Where a page's citations and terms link: the first step of the chapter
/// that lists every source, and of the one that holds the glossary.
pub fn ref_links(story: &Story, base: &str) -> RefLinks {
    let listing = |appendix: Appendix| {
        let chapter = story
            .chapters
            .iter()
            .position(|c| c.appendix == Some(appendix))?;
        Some(Route::Step { chapter, step: 0 }.href(story, base))
    };
    RefLinks {
        sources: listing(Appendix::Sources),
        glossary: listing(Appendix::Glossary),
    }
}

/// The page for a route.
#[component]
pub fn Page(
    /// The story.
    story: &'static Story,
    /// The page.
    route: Route,
    /// The path asked for, shown by the not-found view (`None`: read from
    /// the address bar).
    path: Option<String>,
) -> impl IntoView {
    match route {
        Route::Cover => view! { <cover::Cover story/> }.into_any(),
        Route::Step { chapter, step } => {
            view! { <chapter::ChapterView story chapter step/> }.into_any()
        }
        Route::Embed {
            chapter,
            step,
            chart,
        } => view! { <chapter::ChapterView story chapter step embed=chart/> }.into_any(),
        Route::All => view! { <all::AllPage story/> }.into_any(),
        Route::Builder => view! { <builder::BuilderPage story/> }.into_any(),
        Route::NotFound => view! { <not_found::NotFound story path/> }.into_any(),
    }
}
