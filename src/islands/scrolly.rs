//! The whole story's one figure: it stays in view while the text passes
//! and shows the figure of whichever step crosses the middle of the screen.
//!
//! Each step's section on `/all/` says which figure it shows
//! (`data-figure`, an index into [`ScrollyProps::figures`]); a step with no
//! figure of its own names the one before it. The island watches those
//! sections with one intersection observer, so a jump (a contents link, a
//! search, a deep link) draws the figure of the step it lands on and none
//! in between. Steps scroll to just above the middle (`scroll-margin-top`
//! in the stylesheet), so the step a link names is the step whose figure
//! shows. The address's fragment follows the step being read, replacing
//! the history entry rather than adding one per step.
//!
//! Without scripts the figure is not shown (`@media (scripting: none)`):
//! each step carries its figure's summary and data table in place.

use leptos::prelude::*;

use super::figure::ChartIslandView;
use crate::charts::items;
use crate::story::wire::{wire_struct, Reader, Wire};
use crate::story::{ChartKind, Figure, Story};

/// What the whole story's figure needs: the story cut down to the charts
/// it shows, and each step's figure, in the order the sections number them.
#[derive(Debug, Clone, PartialEq)]
pub struct ScrollyProps {
    /// The story, cut down to the charts of `figures`.
    pub story: Story,
    /// The figures, in order: a section's `data-figure` indexes this.
    pub figures: Vec<Figure>,
}

wire_struct!(ScrollyProps { story, figures });

/// The island's entry: its props, hydrated.
#[allow(non_snake_case)]
pub fn StoryFigure(props: ScrollyProps) -> impl IntoView {
    // One per page, alive as long as the page.
    let story: &'static Story = Box::leak(Box::new(props.story));
    view! { <StoryFigureView story figures=props.figures/> }
}

/// The figure that follows the story: title, chart, reading hint.
#[component]
pub fn StoryFigureView(
    /// The story, cut down to the charts of `figures`.
    story: &'static Story,
    /// Every step's figure, as the sections number them.
    figures: Vec<Figure>,
) -> impl IntoView {
    // (A story with no figure at all would show the timeline, plain.)
    let first = figures.first().cloned().unwrap_or(Figure {
        chart: ChartKind::Timeline,
        from: None,
        to: None,
        highlight: Vec::new(),
    });
    // Each chart the story shows, once, in order: the figure holds all
    // their words (see `stack`).
    let mut kinds: Vec<ChartKind> = Vec::new();
    for f in &figures {
        if !kinds.contains(&f.chart) {
            kinds.push(f.chart);
        }
    }
    let figures = StoredValue::new(figures);
    // Which figure shows, and how many times it has changed: the count
    // restarts the change's fade and tells tests how many were drawn.
    let (at, set_at) = signal(0_usize);
    let (changes, set_changes) = signal(0_u32);
    let figure = Memo::new(move |_| {
        figures
            .with_value(|f| f.get(at.get()).cloned())
            .unwrap_or_else(|| first.clone())
    });

    #[cfg(target_arch = "wasm32")]
    {
        follow_steps(figures, at, set_at, set_changes);
        warm_up(story, figures);
    }
    // Only the wasm with every chart has this island (see `hydrate`).
    #[cfg(all(target_arch = "wasm32", feature = "all-charts"))]
    {
        // The figure a reader scrolling on reaches next, drawn ahead (see
        // `ahead`). Not also the one after and the one before: drawing
        // three ahead was twice the idle work, and in 9 runs on a busy
        // machine about twice the tasks over 50 ms of drawing none.
        let ahead = Memo::new(move |_| {
            let at = at.get();
            figures.with_value(|f| f.get(at + 1).cloned().into_iter().collect())
        });
        provide_context(super::ahead::Ahead(ahead));
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (set_at, set_changes);

    // One view for every chart: a change of chart or of highlight redraws
    // the same canvas, so the wasm carries no second way to build a figure.
    let chart =
        view! { <ChartIslandView story figure=figure.into() filters=false every=kinds.clone()/> };
    let titles = stack(kinds, figure.into(), move |k| {
        let (title, _, note) = items::words(story, k);
        view! {
            <p class="figure-title">
                {title}
                <span class="figure-note">{note}</span>
            </p>
        }
    });
    view! {
        <div
            class="scrolly-frame"
            data-figure=move || at.get()
            data-changes=move || changes.get()
            data-swap=move || (changes.get() > 0).then(|| if changes.get() % 2 == 0 { "a" } else { "b" })
        >
            {titles}
            {chart}
        </div>
    }
}

/// The words of each chart in `kinds`, stacked in one place, with the
/// current chart's shown (`data-on`) and the rest hidden from screen
/// readers. The stylesheet shows the current words by opacity on a layer
/// of their own, so a swap changes no text, layout or paint: a change of
/// the figure's words made the browser repaint the page, and walk all the
/// text near the screen again, at 13 of the 26 swaps in one scroll through
/// the story (traced at 4x CPU slowdown, 1 December).
pub(super) fn stack<V: IntoView + 'static>(
    kinds: Vec<ChartKind>,
    figure: Signal<Figure>,
    words: impl Fn(ChartKind) -> V,
) -> impl IntoView {
    let items = kinds
        .into_iter()
        .map(|k| {
            let on = move || figure.with(|f| f.chart == k);
            view! {
                <div data-on=move || on().then_some("") aria-hidden=move || (!on()).then_some("true")>
                    {words(k)}
                </div>
            }
        })
        .collect_view();
    view! { <div class="words-stack">{items}</div> }
}

/// How long the reader rests on a step before the address names it.
#[cfg(target_arch = "wasm32")]
const FRAGMENT_AFTER: std::time::Duration = std::time::Duration::from_millis(1000);

/// Watches the story's sections and shows the figure of the one crossing
/// the middle of the screen; the fragment follows it.
#[cfg(target_arch = "wasm32")]
fn follow_steps(
    figures: StoredValue<Vec<Figure>>,
    at: ReadSignal<usize>,
    set_at: WriteSignal<usize>,
    set_changes: WriteSignal<u32>,
) {
    use leptos::wasm_bindgen::JsCast;
    let count = figures.with_value(Vec::len);
    let sections = || -> Vec<web_sys::Element> {
        document()
            .query_selector_all(".all-step[data-figure]")
            .map(|list| {
                (0..list.length())
                    .filter_map(|i| list.item(i)?.dyn_into().ok())
                    .collect()
            })
            .unwrap_or_default()
    };
    // The observer's first report is where the page opened, not a move:
    // the address keeps what the reader opened.
    let opened = std::rc::Rc::new(std::cell::Cell::new(true));
    let settled = std::rc::Rc::clone(&opened);
    // A deep link names its step: show that figure from the first drawing,
    // once hydration (which matched the page as written) is done.
    let opened_at = window()
        .location()
        .hash()
        .ok()
        .and_then(|hash| document().get_element_by_id(hash.strip_prefix('#')?))
        .and_then(|section| section.get_attribute("data-figure")?.parse::<usize>().ok())
        .filter(|&n| n < count && n != 0);
    if let Some(n) = opened_at {
        request_animation_frame(move || set_at.set(n));
    }
    // Watching the sections waits for a task of its own: finding them in a
    // long page and observing each was a fifth of the island's start.
    let crossing = StoredValue::new_local(None);
    // The address names the step once the reader rests on it, not as each
    // step passes: at 4x CPU slowdown each replaceState took 14 to 36 ms,
    // and Chromium then fetched and parsed the SVG favicon again, a task
    // of 40 to 60 ms. Each crossing, and each end of a scroll where the
    // browser tells it, starts the wait again.
    let name = StoredValue::new_local(None::<String>);
    let pending = StoredValue::new_local(None::<TimeoutHandle>);
    let write = move || {
        if let Some(Some(timer)) = pending.try_update_value(Option::take) {
            timer.clear();
        }
        if let Some(id) = name.try_update_value(Option::take).flatten() {
            crate::state::url::replace_fragment(&id);
        }
    };
    let wait = move || {
        if name.with_value(Option::is_none) {
            return;
        }
        let later = set_timeout_with_handle(write, FRAGMENT_AFTER).ok();
        if let Some(Some(earlier)) = pending.try_update_value(|p| std::mem::replace(p, later)) {
            earlier.clear();
        }
    };
    // A reader who clicks at once (the edition switch, say) still takes
    // the step being read along: a click reaches the window before a
    // link follows its address, so the switch's link is brought up to
    // date first.
    let listeners = [
        window_event_listener_untyped("scrollend", move |_| wait()),
        window_event_listener_untyped("click", move |_| write()),
    ];
    let watch = move || {
        let found = crate::dom::observe::on_middle(
            &sections(),
            move |section| {
                let Some(next) = section
                    .get_attribute("data-figure")
                    .and_then(|n| n.parse::<usize>().ok())
                    .filter(|&n| n < count)
                else {
                    return;
                };
                if next != at.get_untracked() {
                    set_at.set(next);
                    set_changes.update(|n| *n += 1);
                }
                if !opened.get() {
                    name.set_value(Some(section.id()));
                    wait();
                }
            },
            move || settled.set(false),
        );
        crossing.set_value(found);
    };
    set_timeout(watch, std::time::Duration::ZERO);
    on_cleanup(move || {
        drop(crossing.try_update_value(Option::take));
        for listener in listeners {
            listener.remove();
        }
    });
}

/// Draws each chart the story shows once, in tasks of their own after the
/// page is live. The first change to each chart ran its drawing code, and
/// the canvas's for its text, for the first time while the reader
/// scrolled: 10 to 26 ms of a swap at 4x CPU slowdown, against about 1 ms
/// for the same swap later (`make bench`).
///
/// Each rehearsal draws at the figure's own size, so it sets the same
/// labels the swap will, onto one 1×1 canvas: a new canvas of the
/// figure's size cost 5 to 10 ms to clear at 4x, and 400×400 rehearsals
/// left the first swaps slower than later ones.
#[cfg(target_arch = "wasm32")]
fn warm_up(story: &'static Story, figures: StoredValue<Vec<Figure>>) {
    use leptos::wasm_bindgen::JsCast;
    let mut firsts: Vec<Figure> = Vec::new();
    figures.with_value(|all| {
        for f in all {
            if !firsts.iter().any(|g| g.chart == f.chart) {
                firsts.push(f.clone());
            }
        }
    });
    let Some(canvas) = document()
        .create_element("canvas")
        .ok()
        .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
    else {
        return;
    };
    canvas.set_width(1);
    canvas.set_height(1);
    for (i, figure) in (0_u64..).zip(firsts) {
        let canvas = canvas.clone();
        let draw = move || {
            // The figure's size when the rehearsal runs: it follows the
            // screen alone (see the stylesheet), not the figure shown.
            let size = document()
                .query_selector(".scrolly-frame .chart-canvas")
                .ok()
                .flatten()
                .map(|c| (f64::from(c.client_width()), f64::from(c.client_height())))
                .filter(|&(w, h)| w >= 1.0 && h >= 1.0)
                .unwrap_or((400.0, 400.0));
            super::figure::paint::rehearse(&canvas, size, story, &figure);
        };
        set_timeout(draw, std::time::Duration::from_millis(300 + 100 * i));
    }
}
