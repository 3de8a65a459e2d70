//! The whole story on one page: every chapter and step in order, for reading
//! straight through, for readers without JavaScript, and for printing.

use leptos::prelude::*;

use super::chapter::AppendixView;
use crate::islands::figure::FigureFrame;
use crate::story::{html, ChartKind, Figure, Story};

/// Every chapter and step, one after another.
#[component]
pub fn AllPage(
    /// The story.
    story: &'static Story,
) -> impl IntoView {
    // Each figure appears once, beside the first step that shows it, in its
    // plain view (no one step's highlight applies to the whole story).
    let mut seen = Vec::new();
    let first_figures: Vec<(&str, &str, ChartKind)> = story
        .chapters
        .iter()
        .flat_map(|c| c.steps.iter().map(move |s| (c.slug.as_str(), s)))
        .filter_map(|(c, s)| {
            let kind = s.figure.as_ref()?.chart;
            (!seen.contains(&kind)).then(|| {
                seen.push(kind);
                (c, s.slug.as_str(), kind)
            })
        })
        .collect();
    let chapters = story
        .chapters
        .iter()
        .map(|c| {
            let after = c.after_article.then(
                || view! { <p class="badge after-article">{story.ui.after_article.as_str()}</p> },
            );
            let steps = c
                .steps
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let figure = first_figures
                        .iter()
                        .find(|(fc, fs, _)| *fc == c.slug && *fs == s.slug)
                        .map(|&(_, _, chart)| {
                            let plain = Figure { chart, from: None, to: None, highlight: Vec::new() };
                            view! { <FigureFrame story figure=plain/> }
                        });
                    view! {
                        <section class="all-step" id=format!("{}-{}", c.slug, s.slug)>
                            <h3>{s.title.as_str()}</h3>
                            {figure}
                            <div inner_html=html::paragraphs(story, &s.body, &format!("all-{}-{i}", c.slug))></div>
                        </section>
                    }
                })
                .collect_view();
            let appendix = c.appendix.map(|appendix| view! { <AppendixView story appendix/> });
            view! {
                <section class="all-chapter" id=c.slug.as_str() class:after=c.after_article>
                    {after}
                    <h2>{c.title.as_str()}</h2>
                    {steps}
                    {appendix}
                </section>
            }
        })
        .collect_view();
    view! {
        <article class="all">
            <header>
                <h1 id="page-title" tabindex="-1">{story.ui.whole_story.as_str()}</h1>
                <p class="dek">{story.ui.whole_story_intro.as_str()}</p>
            </header>
            <div class="summary" inner_html=html::paragraphs(story, &story.meta.summary, "all-summary")></div>
            {chapters}
        </article>
    }
    .into_any()
}
