//! One view per kind of page, chosen from the typed [`Route`].

pub mod all;
pub mod chapter;
pub mod cover;
pub mod not_found;

use leptos::prelude::*;

use crate::state::Route;
use crate::story::Story;

/// Which view a route needs. Steps of the same chapter share one view, so
/// moving between them updates the text and redraws the figure in place
/// instead of rebuilding the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum View {
    Cover,
    Chapter(usize),
    Embed(usize, bool),
    All,
    NotFound,
}

/// The page for the current route.
#[component]
pub fn Page(
    /// The story.
    story: &'static Story,
    /// The current route.
    #[prop(into)]
    route: Signal<Route>,
    /// The path asked for, shown by the not-found view.
    #[prop(into)]
    path: Signal<String>,
) -> impl IntoView {
    let view_kind = Memo::new(move |_| match route.get() {
        Route::Cover => View::Cover,
        Route::Step { chapter, .. } => View::Chapter(chapter),
        Route::Embed { chapter, chart, .. } => View::Embed(chapter, chart),
        Route::All => View::All,
        Route::NotFound => View::NotFound,
    });
    let step = Signal::derive(move || match route.get() {
        Route::Step { step, .. } | Route::Embed { step, .. } => step,
        _ => 0,
    });
    move || match view_kind.get() {
        View::Cover => view! { <cover::Cover story/> }.into_any(),
        View::Chapter(chapter) => view! { <chapter::ChapterView story chapter step/> }.into_any(),
        View::Embed(chapter, chart) => {
            view! { <chapter::ChapterView story chapter step embed=chart/> }.into_any()
        }
        View::All => view! { <all::AllPage story/> }.into_any(),
        View::NotFound => view! { <not_found::NotFound story path/> }.into_any(),
    }
}
