//! A step of a chapter: heading, step list, the figure beside the step's
//! text, sharing and previous/next. Every step is its own page; the arrow
//! keys and swipes that move between them are an island
//! (`crate::islands::steps`).

use leptos::prelude::*;

use crate::islands::figure::FigureFrame;
use crate::islands::share::{open_full, share_bar};
use crate::site::pager::{Pager, PagerTop, StepList};
use crate::site::use_base;
use crate::state::Route;
use crate::story::html;
use crate::story::{Appendix, Story};

/// One step of one chapter, as its own page.
#[component]
pub fn ChapterView(
    /// The story.
    story: &'static Story,
    /// The chapter's index.
    chapter: usize,
    /// The step's index.
    step: usize,
    /// Shown inside someone else's page: `Some(false)` for the whole step,
    /// `Some(true)` for its figure alone; `None` on the site itself.
    #[prop(optional)]
    embed: Option<bool>,
) -> Option<impl IntoView> {
    // Nothing, not a panic, if the chapter or step is out of range.
    let c = story.chapters.get(chapter)?;
    let s = c.steps.get(step)?;
    let here = Route::Step { chapter, step };
    let route = embed.map_or(here, |chart| here.embed(chart));
    let base = use_base();
    let chart_only = embed == Some(true);

    let after = c
        .after_article
        .then(|| view! { <p class="badge after-article">{story.ui.after_article.as_str()}</p> });
    // The list is on the chapter's first page, where citations and terms
    // link (`pages::ref_links`); on its other steps it was a repeat, and it
    // took the one with a chart over the first-view budget.
    let appendix = c
        .appendix
        .filter(|_| embed.is_none() && step == 0)
        .map(|appendix| view! { <AppendixView story appendix/> });
    // A reference page (the sources, the glossary) is not a step of the
    // story: no dots for a single page, nothing to share or embed, and its
    // list before the way on.
    let reference = c.appendix.is_some();
    let steps = (embed.is_none() && !(reference && c.steps.len() == 1))
        .then(|| view! { <StepList story chapter step/> });
    // In an embed, the way to the full explainer sits at the top, under
    // the credit, in the first screen; the site's pages share at the end.
    let (open_full_here, share) = match embed {
        Some(_) => (Some(open_full(story, route, &base)), None),
        None if reference => (None, None),
        None => {
            // Beside the bar, not in its island: a plain link costs no wasm.
            let options = format!(
                "{}{}",
                Route::Builder.href(story, &base),
                crate::state::builder::builder_query(&here.path(story))
            );
            let bar = view! {
                {share_bar(story, route)}
                <p class="embed-options"><a href=options>{story.ui.embed_options.as_str()}</a></p>
            };
            (None, Some(bar))
        }
    };
    let figure = s.figure.clone().map(|figure| {
        view! {
            <div class="figure-pane">
                <FigureFrame story figure/>
            </div>
        }
    });

    Some(view! {
        <article class="chapter" data-chapter=c.slug.as_str() class:after=c.after_article class:reference=reference>
            <header class="chapter-head">
                {after}
                <h1 id="page-title" tabindex="-1">{c.title.as_str()}</h1>
                {steps}
                {embed.is_none().then(|| view! { <PagerTop story route/> })}
                {open_full_here}
            </header>
            // The step's words come first, on a phone and to a screen reader;
            // on a wide screen the figure stands beside them.
            <div class="stage" class:has-figure=s.figure.is_some()>
                <section class="step-text" hidden=chart_only>
                    <h2 class="step-title" id="step-title" tabindex="-1">{s.title.as_str()}</h2>
                    <div class="step-body" inner_html=html::paragraphs(story, &s.body, &format!("{}-{step}", c.slug), &super::ref_links(story, &base))></div>
                </section>
                {figure}
            </div>
            {appendix}
            {share}
            // An embed is one step: the host's page is the way on.
            {embed.is_none().then(|| view! { <Pager story route/> })}
        </article>
    })
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
