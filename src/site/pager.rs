//! Moving through steps: previous/next links, the step list and the
//! progress bar. All are plain links to prerendered pages, so they work
//! without the wasm; the keys and swipes that follow them are an island
//! (`crate::islands::steps`) inside the pager.

use leptos::prelude::*;

use crate::site::use_base;
use crate::state::Route;
use crate::story::{fill, Story};

/// The addresses of the steps before and after `route`, where there are.
fn neighbours(story: &Story, route: Route, base: &str) -> (Option<String>, Option<String>) {
    let href = |r: Option<Route>| r.map(|r| r.href(story, base));
    (href(route.previous(story)), href(route.next(story)))
}

/// Previous and next links with "Step n of total" between them.
#[component]
pub fn Pager(
    /// The story.
    story: &'static Story,
    /// The current page.
    route: Route,
) -> impl IntoView {
    let base = use_base();
    let ui = &story.ui;
    let href = |r: Option<Route>| r.map(|r| r.href(story, &base));
    let (prev, next) = neighbours(story, route, &base);
    let edges = (
        href(route.chapter_edge(story, false)),
        href(route.chapter_edge(story, true)),
    );
    let keys = crate::islands::steps::island(
        story,
        crate::islands::steps::Links {
            previous: prev.clone(),
            next: next.clone(),
            first: edges.0,
            last: edges.1,
        },
    );
    let position = match route {
        Route::Step { chapter, step } | Route::Embed { chapter, step, .. } => {
            let total = story.chapters.get(chapter).map_or(0, |c| c.steps.len());
            fill(
                &ui.step_of,
                &[
                    ("n", &(step + 1).to_string()),
                    ("total", &total.to_string()),
                ],
            )
        }
        _ => String::new(),
    };
    view! {
        <nav class="pager" aria-label=ui.steps.as_str()>
            <a class="pager-prev" rel=prev.as_ref().map(|_| "prev") href=prev.clone() aria-disabled=prev.is_none().then_some("true")>
                <span aria-hidden="true">{ui.previous_icon.as_str()}" "</span>{ui.previous.as_str()}
            </a>
            <span class="pager-pos">{position}</span>
            <a class="pager-next" rel=next.as_ref().map(|_| "next") href=next.clone() aria-disabled=next.is_none().then_some("true")>
                {ui.next.as_str()}<span aria-hidden="true">" "{ui.next_icon.as_str()}</span>
            </a>
            {keys}
        </nav>
    }
}

/// Previous and next at the top of a step, within reach on a desktop
/// before any scrolling (the pager at the end is below the fold there).
/// Not a second landmark: the pager is the steps' navigation. The tip about
/// the arrow keys is hidden as written and shown once, by the keys' island,
/// to a reader whose keys work.
#[component]
pub fn PagerTop(
    /// The story.
    story: &'static Story,
    /// The current page.
    route: Route,
) -> impl IntoView {
    let ui = &story.ui;
    let (prev, next) = neighbours(story, route, &use_base());
    view! {
        <p class="pager-top">
            <span class="keys-hint" hidden>{ui.keys_hint.as_str()}</span>
            <a class="top-prev" href=prev.clone() aria-disabled=prev.is_none().then_some("true")>
                <span aria-hidden="true">{ui.previous_icon.as_str()}" "</span>{ui.previous.as_str()}
            </a>
            <a class="top-next" href=next.clone() aria-disabled=next.is_none().then_some("true")>
                {ui.next.as_str()}<span aria-hidden="true">" "{ui.next_icon.as_str()}</span>
            </a>
        </p>
    }
}

/// The steps of one chapter as a numbered list of links, captioned, each
/// saying which step of how many it is and its title: in its tooltip to a
/// pointer, in its text to a screen reader.
#[component]
pub fn StepList(
    /// The story.
    story: &'static Story,
    /// The chapter's index.
    chapter: usize,
    /// The current step.
    step: usize,
) -> impl IntoView {
    let base = use_base();
    let Some(c) = story.chapters.get(chapter) else {
        return ().into_any();
    };
    let ui = &story.ui;
    let total = c.steps.len().to_string();
    let items = c
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let href = Route::Step { chapter, step: i }.href(story, &base);
            let n = (i + 1).to_string();
            let name = format!(
                "{}{}{}",
                fill(&ui.step_of, &[("n", &n), ("total", &total)]),
                ui.term_separator,
                s.title
            );
            let tip = name.clone();
            view! {
                <li>
                    <a href=href title=tip
                        aria-current=(step == i).then_some("step")>
                        <span class="visually-hidden">{name}</span>
                        <span aria-hidden="true">{n}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="steps">
            <span class="steps-caption" aria-hidden="true">{ui.steps.as_str()}</span>
            <ol class="step-list" aria-label=ui.steps.as_str()>{items}</ol>
        </div>
    }
    .into_any()
}

/// The reader's place in the whole story, from 0.0 (cover) to 1.0 (last step).
pub fn progress(story: &Story, route: Route) -> f64 {
    let all = Route::all(story);
    let Some(pos) = all.iter().position(|r| *r == route) else {
        return 0.0;
    };
    if all.len() < 2 {
        return 1.0;
    }
    pos as f64 / (all.len() - 1) as f64
}

/// A thin bar across the top showing [`progress`].
#[component]
pub fn ProgressBar(
    /// The story.
    story: &'static Story,
    /// The current page.
    route: Route,
) -> impl IntoView {
    let pct = format!(
        "{}%",
        crate::charts::fixed(progress(story, route) * 100.0, 1)
    );
    view! {
        <div class="progress" aria-hidden="true">
            <div class="progress-fill" style:inline-size=pct></div>
        </div>
    }
}
