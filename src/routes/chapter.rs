//! A chapter, one step at a time: heading, step list, the figure beside the
//! step's text, and previous/next. Arrow keys, Home and End move through the
//! steps; every step has its own address, so back/forward and reload work.

use leptos::either::Either;
use leptos::prelude::*;

use crate::components::figure::ChartFigure;
use crate::components::pager::{Pager, StepList};
use crate::components::share::{OpenFull, ShareBar};
use crate::state::Route;
use crate::story::html;
use crate::story::{Appendix, Story};

/// One chapter of the story.
#[component]
pub fn ChapterView(
    /// The story.
    story: &'static Story,
    /// The chapter's index; the caller guarantees it is in range.
    chapter: usize,
    /// The current step.
    #[prop(into)]
    step: Signal<usize>,
    /// Shown inside someone else's page: `Some(false)` for the whole step,
    /// `Some(true)` for its figure alone; `None` on the site itself.
    #[prop(optional)]
    embed: Option<bool>,
) -> Option<impl IntoView> {
    // Nothing, not a panic, if the chapter is out of range.
    let c = story.chapters.get(chapter)?;
    let route = Signal::derive(move || {
        let here = Route::Step {
            chapter,
            step: step.get(),
        };
        embed.map_or(here, |chart| here.embed(chart))
    });
    let chart_only = embed == Some(true);
    let figure = Memo::new(move |_| c.steps.get(step.get()).and_then(|s| s.figure.clone()));
    let has_figure = move || figure.with(Option::is_some);

    keyboard_steps(story, route);
    let (on_touch_start, on_touch_end) = swipe_steps(story, route);

    let step_text = move || {
        let i = step.get();
        c.steps.get(i).map(|s| {
            view! {
                <h2 class="step-title" id="step-title" tabindex="-1">{s.title.as_str()}</h2>
                <div class="step-body" inner_html=html::paragraphs(story, &s.body, &format!("{}-{i}", c.slug))></div>
            }
        })
    };
    let after = c
        .after_article
        .then(|| view! { <p class="badge after-article">{story.ui.after_article.as_str()}</p> });
    let appendix = c
        .appendix
        .filter(|_| embed.is_none())
        .map(|appendix| view! { <AppendixView story appendix/> });
    let steps = embed
        .is_none()
        .then(|| view! { <StepList story chapter step/> });
    // Chosen once: a page is an embed or it is not.
    let share = if embed.is_some() {
        Either::Left(view! { <OpenFull story route/> })
    } else {
        Either::Right(view! { <ShareBar story route/> })
    };

    Some(view! {
        <article class="chapter" data-chapter=c.slug.as_str() class:after=c.after_article>
            <header class="chapter-head">
                {after}
                <h1 id="page-title" tabindex="-1">{c.title.as_str()}</h1>
                {steps}
            </header>
            <div class="stage" class:has-figure=has_figure on:touchstart=on_touch_start on:touchend=on_touch_end>
                <Show when=has_figure>
                    <div class="figure-pane">
                        <ChartFigure story figure/>
                    </div>
                </Show>
                <section class="step-text" aria-live="polite" aria-atomic="true" hidden=chart_only>
                    {step_text}
                </section>
            </div>
            {share}
            <Pager story route/>
            {appendix}
        </article>
    })
}

/// ←/→ move one step (across chapters), Home/End jump to the chapter's
/// first and last step. Keys typed into fields, or already handled (the
/// chart handles its own arrows), are left alone.
fn keyboard_steps(story: &'static Story, route: Signal<Route>) {
    #[cfg(target_arch = "wasm32")]
    {
        use leptos::wasm_bindgen::JsCast;
        let go_to = crate::state::use_go_to(story);
        let handle = window_event_listener(leptos::ev::keydown, move |ev| {
            if ev.default_prevented()
                || ev.alt_key()
                || ev.ctrl_key()
                || ev.meta_key()
                || ev.shift_key()
            {
                return;
            }
            let in_field = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| {
                    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                        || el.has_attribute("contenteditable")
                });
            if in_field {
                return;
            }
            let current = route.get_untracked();
            let target = match ev.key().as_str() {
                "ArrowRight" => current.next(story),
                "ArrowLeft" => current.previous(story),
                "Home" => current.chapter_edge(story, false),
                "End" => current.chapter_edge(story, true),
                _ => return,
            };
            if let Some(target) = target.filter(|t| *t != current) {
                ev.prevent_default();
                go_to(target);
            }
        });
        on_cleanup(move || handle.remove());
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (story, route);
}

/// Touch handlers that turn a horizontal swipe into the next or previous
/// step. Swipes that start on the chart are the chart's own.
fn swipe_steps(
    story: &'static Story,
    route: Signal<Route>,
) -> (
    impl Fn(leptos::ev::TouchEvent) + Clone + 'static,
    impl Fn(leptos::ev::TouchEvent) + Clone + 'static,
) {
    let start = StoredValue::new(None::<(f64, f64)>);
    let first_touch = |touches: web_sys::TouchList| {
        touches
            .get(0)
            .map(|t| (f64::from(t.client_x()), f64::from(t.client_y())))
    };
    let on_start = move |ev: leptos::ev::TouchEvent| {
        let on_chart = ev
            .target()
            .and_then(|t| leptos::wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|el| el.closest("canvas").ok().flatten().is_some());
        start.set_value(if on_chart || ev.touches().length() > 1 {
            None
        } else {
            first_touch(ev.touches())
        });
    };
    let go_to = crate::state::use_go_to(story);
    let on_end = move |ev: leptos::ev::TouchEvent| {
        let (Some((x0, y0)), Some((x1, y1))) =
            (start.get_value(), first_touch(ev.changed_touches()))
        else {
            return;
        };
        start.set_value(None);
        let rtl = story.meta.dir == "rtl";
        let current = route.get_untracked();
        let target = match crate::state::gesture::classify(x1 - x0, y1 - y0, rtl) {
            Some(crate::state::gesture::Swipe::Next) => current.next(story),
            Some(crate::state::gesture::Swipe::Previous) => current.previous(story),
            None => None,
        };
        if let Some(target) = target {
            go_to(target);
        }
    };
    (on_start, on_end)
}

/// A chapter's reference list (every source, or every glossary entry), each
/// entry with an anchor (`#src-…`, `#term-…`).
#[component]
pub fn AppendixView(
    /// The story.
    story: &'static Story,
    /// Which list.
    appendix: Appendix,
) -> impl IntoView {
    let (title, list) = match appendix {
        Appendix::Sources => (&story.ui.sources_title, html::source_list(story)),
        Appendix::Glossary => (&story.ui.glossary_title, html::glossary(story)),
    };
    // The whole-story page shows both lists: each needs its own id.
    let id = match appendix {
        Appendix::Sources => "appendix-sources",
        Appendix::Glossary => "appendix-glossary",
    };
    view! {
        <section class="appendix" aria-labelledby=id>
            <h2 id=id>{title.as_str()}</h2>
            <div inner_html=list></div>
        </section>
    }
}
