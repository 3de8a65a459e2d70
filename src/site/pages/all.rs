//! The whole story on one page, told as a scrolling piece: every chapter and
//! step in order, with one figure that stays in view and changes to each
//! step's figure as its text reaches the middle of the screen (see
//! `islands::scrolly`). Each step also carries its figure's summary and data
//! table in place, for readers without scripts, screen readers and print.

use leptos::prelude::*;

use super::chapter::AppendixView;
use crate::charts::items;
use crate::islands::figure::figure_story;
use crate::islands::scrolly::{ScrollyProps, StoryFigureView};
use crate::site::use_base;
use crate::state::Route;
use crate::story::{html, ChartKind, Figure, Story};

/// Every chapter and step, one after another, beside the story's figure.
#[component]
pub fn AllPage(
    /// The story.
    story: &'static Story,
) -> impl IntoView {
    let ui = &story.ui;
    // The whole story lists every source and term itself.
    let links = html::RefLinks::to_page(&Route::All.href(story, &use_base()));
    // Each step's figure, in order; a step without one keeps the figure
    // before it (or the first, before any).
    let figures: Vec<Figure> = story
        .chapters
        .iter()
        .flat_map(|c| c.steps.iter())
        .filter_map(|s| s.figure.clone())
        .collect();
    let mut kinds: Vec<ChartKind> = Vec::new();
    for f in &figures {
        if !kinds.contains(&f.chart) {
            kinds.push(f.chart);
        }
    }
    let mut next_figure = 0_usize;
    // Each chart's numbers are one table, whichever step shows it: on
    // paper, only its first showing prints it.
    let mut tabled: Vec<ChartKind> = Vec::new();
    let chapters = story
        .chapters
        .iter()
        .map(|c| {
            let after = c.after_article.then(
                || view! { <p class="badge after-article">{ui.after_article.as_str()}</p> },
            );
            let steps = c
                .steps
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let own = s.figure.as_ref().map(|f| {
                        next_figure += 1;
                        f.chart
                    });
                    let shows = next_figure.saturating_sub(1);
                    let repeat = own.is_some_and(|kind| {
                        let seen = tabled.contains(&kind);
                        if !seen {
                            tabled.push(kind);
                        }
                        seen
                    });
                    let id = format!("{}-{}", c.slug, s.slug);
                    view! {
                        <section class="all-step" id=id.clone() data-figure=shows>
                            <h3>{s.title.as_str()}</h3>
                            <div inner_html=html::paragraphs(story, &s.body, &format!("all-{}-{i}", c.slug), &links)></div>
                            // A link into the scrolling story; where the
                            // wasm runs, a click copies it (`dom::copy`).
                            <p class="step-link"><a href=format!("#{id}") data-copy="">{ui.step_link.as_str()}</a></p>
                            {own.map(|kind| view! { <StepFigure story kind repeat/> })}
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
    let props = ScrollyProps {
        story: figure_story(story, &kinds),
        figures,
    };
    // The island renders from the same cut-down story it will hydrate with.
    let island_story: &'static Story = Box::leak(Box::new(props.story.clone()));
    let figure = crate::islands::island(
        crate::islands::STORY_FIGURE,
        &props,
        view! { <StoryFigureView story=island_story figures=props.figures.clone()/> },
    )
    .to_html();
    // Until the wasm runs (at the reader's first move), the canvas shows
    // the first figure as drawn at build time.
    let still = props
        .figures
        .first()
        .map(|f| crate::site::still::style(story, f));
    let figure = match still {
        Some(Ok(style)) => crate::site::still::on_first_canvas(&figure, &style),
        Some(Err(e)) => {
            leptos::logging::error!("the whole story's first figure: {e}");
            figure
        }
        None => figure,
    };
    view! {
        <article class="all">
            <header>
                <h1 id="page-title" tabindex="-1">{ui.whole_story.as_str()}</h1>
                <p class="dek">{ui.whole_story_intro.as_str()}</p>
            </header>
            <div class="summary" inner_html=html::paragraphs(story, &story.meta.summary, "all-summary", &links)></div>
            <p class="copy-status" role="status" data-copied=ui.link_copied.as_str() data-failed=ui.copy_failed.as_str()></p>
            <div class="scrolly">
                <div class="scrolly-figure figure" inner_html=figure></div>
                <div class="scrolly-text">{chapters}</div>
            </div>
        </article>
    }
    .into_any()
}

/// A step's figure in words: its summary, and its numbers in a table to
/// open. The story's figure draws it; this is the figure for readers who
/// cannot see that one, and on paper.
#[component]
fn StepFigure(
    story: &'static Story,
    kind: ChartKind,
    /// An earlier step printed this chart's table already.
    repeat: bool,
) -> impl IntoView {
    let ui = &story.ui;
    let (title, summary, _) = items::words(story, kind);
    view! {
        <div class="step-figure" class:repeat=repeat data-chart=kind.slug()>
            <p class="chart-summary">
                <strong>{title}</strong>{ui.term_separator.as_str()}{summary}
            </p>
            <details class="data-table">
                <summary>{ui.data_table.as_str()}</summary>
                <div class="table-scroll" inner_html=html::figure_numbers(story, kind)></div>
            </details>
        </div>
    }
}
