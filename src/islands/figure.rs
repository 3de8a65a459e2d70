//! A step's figure, whichever of the seven it is.
//!
//! [`FigureFrame`] is the whole figure as the build writes it: title, the
//! chart island, the chart's text alternative, the keyboard hint and the
//! data table. Only [`ChartIsland`] comes alive in the browser: group
//! filters, the canvas (selection by pointer, touch and keyboard), the
//! label beside the selected item, the live readout and the downloads.
//!
//! The canvas is sized to its frame times devicePixelRatio, so it stays
//! crisp on high-density screens, and it redraws whenever the frame's size,
//! the colour scheme or the reader's selection changes. The selection and
//! the filters live in the URL, so a shared link reproduces the view.

use leptos::either::Either;
use leptos::prelude::*;

use crate::charts::items::{self, readout, step_view, visible};
use crate::charts::View;
use crate::state::query::{find_item, hidden, hide_key, select_key, with_state};
use crate::story::wire::{wire_struct, Reader, Wire};
use crate::story::{ChartKind, Figure, Story, Ui};

/// What a figure island needs: the story cut down to its one chart (its
/// dataset, the sources it cites and the interface words it uses), and
/// what the step asks of it (highlight and period).
#[derive(Debug, Clone, PartialEq)]
pub struct FigureProps {
    /// The story, cut down to this figure.
    pub story: Story,
    /// The step's figure.
    pub figure: Figure,
}

wire_struct!(FigureProps { story, figure });

/// The story cut down to what the islands of `kinds` read: their datasets,
/// the publishers of the sources they cite, and the interface words of the
/// figure, readout and downloads, and the text's direction (for the SVG
/// download). Everything else is left empty.
pub fn figure_story(story: &Story, kinds: &[ChartKind]) -> Story {
    use crate::story::{Datasets, Meta, Source, Ui};
    let ui = &story.ui;
    let mut data = Datasets::default();
    for &kind in kinds {
        match kind {
            ChartKind::Troops => data.troops = story.data.troops.clone(),
            _ => {
                if let Some(d) = story.data.dataset(kind) {
                    *data.dataset_mut(kind) = d.clone();
                }
            }
        }
    }
    // The chart names a source's paragraph, never its quote: the quotes
    // stay in the page (under the data table) and out of the props.
    let mut cited: Vec<String> = Vec::new();
    let mut cut = |cite: &mut crate::story::SourceRef| {
        cite.quote = None;
        cited.push(cite.id.clone());
    };
    data.troops
        .points
        .iter_mut()
        .for_each(|p| cut(&mut p.source));
    data.troops
        .markers
        .iter_mut()
        .for_each(|m| cut(&mut m.source));
    for &kind in kinds {
        // (For the troop chart this is the empty timeline.)
        let d = data.dataset_mut(kind);
        d.items
            .iter_mut()
            .flat_map(|i| i.sources.iter_mut())
            .for_each(&mut cut);
        d.rules.iter_mut().for_each(|r| cut(&mut r.source));
    }
    let sources = story
        .sources
        .iter()
        .filter(|s| cited.contains(&s.id))
        .map(|s| Source {
            id: s.id.clone(),
            publisher: s.publisher.clone(),
            title: String::new(),
            date: String::new(),
            url: None,
            note: String::new(),
        })
        .collect();
    Story {
        ui: Ui {
            chart_error: ui.chart_error.clone(),
            chart_keys: ui.chart_keys.clone(),
            chart_touch: ui.chart_touch.clone(),
            chart_summary: ui.chart_summary.clone(),
            figure_more: ui.figure_more.clone(),
            full_screen: ui.full_screen.clone(),
            close_full_screen: ui.close_full_screen.clone(),
            col_date: ui.col_date.clone(),
            col_note: ui.col_note.clone(),
            col_source: ui.col_source.clone(),
            download_csv: ui.download_csv.clone(),
            download_png: ui.download_png.clone(),
            download_svg: ui.download_svg.clone(),
            downloads: ui.downloads.clone(),
            filter_hint: ui.filter_hint.clone(),
            readout: ui.readout.clone(),
            source_separator: ui.source_separator.clone(),
            list_separator: ui.list_separator.clone(),
            paragraph: ui.paragraph.clone(),
            term_separator: ui.term_separator.clone(),
            ..Ui::default()
        },
        sources,
        data,
        meta: Meta {
            dir: story.meta.dir.clone(),
            ..Meta::default()
        },
        ..Story::default()
    }
}

/// A figure as the build writes it, with its chart island inside.
#[cfg(feature = "ssr")]
#[component]
pub fn FigureFrame(
    /// The whole story (the static parts of the figure read it).
    story: &'static Story,
    /// What the step asks the figure to show.
    figure: Figure,
) -> impl IntoView {
    use crate::story::html;
    let kind = figure.chart;
    let (title, _, note) = items::words(story, kind);
    let props = FigureProps {
        story: figure_story(story, &[kind]),
        figure,
    };
    // The island renders from the same cut-down story it will hydrate with.
    let island_story: &'static Story = Box::leak(Box::new(props.story.clone()));
    let chart = super::island(
        super::FIGURE,
        &props,
        view! {
            <ChartIslandView
                story=island_story
                figure=Signal::stored(props.figure.clone())
                table=html::figure_numbers(story, kind)
            />
        },
    );
    view! {
        <figure class="figure" data-chart=kind.slug()>
            <figcaption class="figure-title">
                {title}
                <span class="figure-note">{note}</span>
            </figcaption>
            {chart}
        </figure>
    }
}

/// The island's entry: its props, hydrated.
#[allow(non_snake_case)]
pub fn ChartIsland(props: FigureProps) -> impl IntoView {
    // At most one figure island per page, alive as long as the page: its
    // story is never freed.
    let story: &'static Story = Box::leak(Box::new(props.story));
    // The table is in the page already; hydration leaves it as written.
    view! { <ChartIslandView story figure=Signal::stored(props.figure)/> }
}

/// What a figure shows: the step's highlight and period, with the
/// reader's selection and filters from the address.
fn compose(story: &Story, figure: &Figure, query: &crate::state::url::Query) -> View {
    let kind = figure.chart;
    let groups: Vec<&str> = story
        .data
        .dataset(kind)
        .map(|d| d.groups.iter().map(|g| g.slug.as_str()).collect())
        .unwrap_or_default();
    let hidden = hidden(query.get(&hide_key(kind)), groups);
    let selected = find_item(
        query.get(select_key(kind)),
        items::slugs(story, kind).iter().map(String::as_str),
    );
    let step = step_view(story, figure);
    View {
        period: step.period,
        highlight: step.highlight,
        // A selection the filters hide is no selection.
        selected: selected.filter(|&i| {
            visible(
                story,
                kind,
                &View {
                    hidden: hidden.clone(),
                    ..View::default()
                },
            )
            .contains(&i)
        }),
        hidden,
    }
}

/// The live part of a figure: filters, canvas, label, readout, downloads.
///
/// Everything follows `figure`, its chart included: the whole story's one
/// figure changes chart, highlight and period under the same view, and
/// each change redraws the same canvas.
#[component]
pub(super) fn ChartIslandView(
    /// The story, cut down to this figure (see [`figure_story`]).
    story: &'static Story,
    /// What the step asks the figure to show.
    figure: Signal<Figure>,
    /// The figure's table (and the quotes its items rest on) as HTML, for
    /// the disclosure that holds it with the downloads. Written by the
    /// build and left alone by hydration, so the wasm passes none; the
    /// whole story's figure has none either (its steps carry their tables).
    #[prop(optional, into)]
    table: String,
    /// Whether to offer the chart's group filters. The whole story's figure
    /// changes chart under the reader and offers none: rebuilding them
    /// for each chart would cost the wasm 1.8 KB brotli.
    #[prop(default = true)]
    filters: bool,
    /// The charts whose summaries to write, stacked, with the current
    /// one shown; none for the current chart's alone. The whole story's
    /// figure passes every chart it shows, so a swap changes no text (see
    /// `scrolly::stack`).
    #[prop(optional)]
    every: Vec<ChartKind>,
) -> impl IntoView {
    let show_filters = filters;
    let ui = &story.ui;
    let frame = NodeRef::<leptos::html::Div>::new();
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let query = crate::state::url::use_query();
    // The chart can change under a live view (the whole story's one
    // figure); everything that depends on it follows.
    // (Closures, not memos: each memo's type costs the wasm code.)
    let kind = move || figure.with(|f| f.chart);
    let kind_now = move || figure.with_untracked(|f| f.chart);
    let dataset = move || story.data.dataset(kind());
    // Everything below is derived from the URL and the step, never stored
    // twice: the view is what the reader asked for.
    let view = Memo::new(move |_| figure.with(|f| query.with(|q| compose(story, f, q))));
    let set_state = move |selected: Option<usize>, hidden: Vec<String>| {
        let kind = kind_now();
        let slug = selected.and_then(|i| items::slugs(story, kind).get(i).cloned());
        // with_state keeps only the other charts' keys from these.
        let pairs = query.with_untracked(|q| q.pairs().to_vec());
        #[cfg(target_arch = "wasm32")]
        let path = window().location().pathname().unwrap_or_default();
        #[cfg(not(target_arch = "wasm32"))]
        let path = String::new();
        let href = with_state(&path, &pairs, kind, slug.as_deref(), &hidden);
        // The fragment stays: on the whole story it is the step being read.
        #[cfg(target_arch = "wasm32")]
        crate::state::url::replace(
            query,
            &format!("{href}{}", window().location().hash().unwrap_or_default()),
        );
        #[cfg(not(target_arch = "wasm32"))]
        let _ = href;
    };
    let select = move |i: Option<usize>| set_state(i, view.with_untracked(|v| v.hidden.clone()));
    let readout_ref = NodeRef::<leptos::html::Div>::new();
    let the_readout = move || {
        view.with(|v| v.selected)
            .and_then(|i| readout(story, kind(), i))
    };
    // A reader who taps or keys to an item sees its readout: on a phone the
    // readout can be below the fold, and then the page moves just enough
    // to show it (never on hover, which would pull the page about).
    let select_and_show = move |i: Option<usize>| {
        select(i);
        #[cfg(target_arch = "wasm32")]
        if i.is_some() {
            set_timeout(
                move || {
                    if let Some(el) = readout_ref.get_untracked() {
                        let below = el.get_bounding_client_rect().bottom()
                            > window()
                                .inner_height()
                                .ok()
                                .and_then(|h| h.as_f64())
                                .unwrap_or(f64::MAX);
                        if below {
                            el.scroll_into_view_with_bool(false);
                        }
                    }
                },
                std::time::Duration::ZERO,
            );
        }
    };
    let (failed, set_failed) = signal(false);
    // Where the last drawing put each item: for the pointer and the label.
    let hits = RwSignal::new(crate::charts::Hits::default());

    // Size and colour scheme, from the browser; fixed defaults when rendering
    // natively, where nothing is drawn.
    #[cfg(target_arch = "wasm32")]
    let (size, dark) = {
        use crate::dom::observe::{use_element_size, use_preferred_dark};
        let size = use_element_size(frame);
        ((size.width, size.height), use_preferred_dark())
    };
    #[cfg(not(target_arch = "wasm32"))]
    let (size, dark) = (
        (Signal::stored(0.0_f64), Signal::stored(0.0_f64)),
        Signal::stored(false),
    );

    // The whole story's figure keeps the next step's frame drawn ahead.
    #[cfg(all(target_arch = "wasm32", feature = "all-charts"))]
    let frames = use_context::<super::ahead::Ahead>().map(|ahead| {
        let frames = super::ahead::Frames::new(story);
        Effect::new(move || {
            let (width, height, dark) = (size.0.get(), size.1.get(), dark.get());
            let keys = ahead.0.with(|figures| {
                query.with(|q| {
                    figures
                        .iter()
                        .filter_map(|f| {
                            paint::key(width, height, f.chart, compose(story, f, q), dark)
                        })
                        .collect()
                })
            });
            frames.want(keys);
        });
        frames
    });

    // The effect's value is how many times this canvas has been drawn.
    #[cfg(target_arch = "wasm32")]
    Effect::new(move |draws: Option<u32>| {
        let draws = draws.unwrap_or(0);
        let (width, height) = (size.0.get(), size.1.get());
        let dark = dark.get();
        let Some(canvas) = canvas.get() else {
            return draws;
        };
        let clock = leptos::prelude::window().performance();
        let started = clock.as_ref().map(|c| c.now());
        let kind = kind();
        // The whole story's figure, before its first drawing: see
        // `claim_low_latency`.
        #[cfg(feature = "all-charts")]
        if draws == 0 && frames.is_some() {
            crate::dom::backend::claim_low_latency(&canvas);
        }
        let drawn = view.with(|view| {
            #[cfg(feature = "all-charts")]
            if let Some(hits) = frames.and_then(|frames| {
                let key = paint::key(width, height, kind, view.clone(), dark)?;
                frames.show(&canvas, &key)
            }) {
                return Ok(Some(hits));
            }
            paint::chart(&canvas, width, height, story, kind, view, dark)
        });
        let drawn = match drawn {
            Ok(Some(new_hits)) => {
                hits.set(new_hits);
                set_failed.set(false);
                true
            }
            Ok(None) => false,
            Err(e) => {
                leptos::logging::error!("{e}");
                set_failed.set(true);
                false
            }
        };
        // Each draw's duration and count, for the benchmark (`make bench`)
        // and the tests to read.
        if let (true, Some(clock), Some(started)) = (drawn, clock, started) {
            let ms = crate::charts::fixed(clock.now() - started, 3);
            let _ = canvas.set_attribute("data-draw-ms", &ms);
            let _ = canvas.set_attribute("data-draws", &(draws + 1).to_string());
        }
        // The frame after the one that shows the first drawing.
        if drawn && draws == 0 {
            request_animation_frame(move || request_animation_frame(move || paint::touch(&canvas)));
        }
        draws + u32::from(drawn)
    });

    #[cfg(not(target_arch = "wasm32"))]
    let _ = (set_failed, frame);

    let download = move |format: &'static str| {
        move |_: leptos::ev::MouseEvent| {
            #[cfg(target_arch = "wasm32")]
            {
                use crate::charts::export::csv;
                use crate::dom::download::{save_text, save_url};
                let kind = kind_now();
                let file = format!("{}.{format}", kind.slug());
                let result = match format {
                    "csv" => save_text(&file, "text/csv;charset=utf-8", &csv(story, kind)),
                    "svg" => {
                        let size = (
                            size.0.get_untracked().round().max(1.0) as u32,
                            size.1.get_untracked().round().max(1.0) as u32,
                        );
                        // Through the shared backend, so the charts are
                        // compiled once for the canvas and the download.
                        let mut svg = String::new();
                        let drawn = {
                            let backend = crate::dom::backend::Backend::Svg(
                                crate::charts::svg::SvgWriter::with_direction(
                                    &mut svg,
                                    size,
                                    story.meta.dir == "rtl",
                                ),
                            );
                            let style = crate::charts::ChartStyle {
                                scale: 1.0,
                                dark: dark.get_untracked(),
                            };
                            view.with_untracked(|v| {
                                crate::charts::draw(kind, backend, &story.data, v, &style)
                            })
                        };
                        drawn
                            .map_err(|e| e.to_string())
                            .and_then(|_| save_text(&file, "image/svg+xml", &svg))
                    }
                    _ => canvas
                        .get_untracked()
                        .ok_or_else(|| "no canvas".to_owned())
                        .and_then(|c| {
                            c.to_data_url()
                                .map_err(|_| "the canvas could not be read".to_owned())
                        })
                        .and_then(|url| save_url(&file, &url)),
                };
                if let Err(e) = result {
                    leptos::logging::error!("download failed: {e}");
                }
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (format, size, dark);
        }
    };

    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let order = view.with_untracked(|v| visible(story, kind_now(), v));
        let Some(last) = order.len().checked_sub(1) else {
            return;
        };
        let at =
            view.with_untracked(|v| v.selected.and_then(|s| order.iter().position(|&i| i == s)));
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => Some(at.map_or(0, |p| (p + 1).min(last))),
            "ArrowLeft" | "ArrowUp" => Some(at.map_or(last, |p| p.saturating_sub(1))),
            "Home" => Some(0),
            "End" => Some(last),
            "Escape" => None,
            _ => return,
        };
        // The chart owns these keys while it has focus; the story's step
        // navigation must not also see them.
        ev.prevent_default();
        ev.stop_propagation();
        select_and_show(next.and_then(|p| order.get(p).copied()));
    };
    // The item under a point of the canvas, in CSS pixels.
    #[cfg(target_arch = "wasm32")]
    let under = move |ev: &leptos::ev::MouseEvent| {
        let scale = leptos::prelude::window().device_pixel_ratio();
        let (x, y) = (
            (f64::from(ev.offset_x()) * scale) as i32,
            (f64::from(ev.offset_y()) * scale) as i32,
        );
        hits.with_untracked(|h| h.hit(x, y, (14.0 * scale) as i32))
    };
    // A mouse or pen selects on hover and on press. A finger selects on a
    // tap only (the click that follows it): a swipe that starts on the
    // chart scrolls the page, and must not select the date under it.
    let on_pointer = move |ev: leptos::ev::PointerEvent| {
        #[cfg(target_arch = "wasm32")]
        {
            if ev.pointer_type() == "touch" {
                return;
            }
            let hit = under(&ev);
            let current = view.with_untracked(|v| v.selected);
            let down = ev.type_() == "pointerdown";
            if hit != current && down {
                select_and_show(hit);
            } else if hit != current && hit.is_some() {
                select(hit);
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (ev, hits);
    };
    let on_tap = move |ev: leptos::ev::MouseEvent| {
        #[cfg(target_arch = "wasm32")]
        {
            let hit = under(&ev);
            if hit != view.with_untracked(|v| v.selected) {
                select_and_show(hit);
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = ev;
    };

    let summary = move || items::words(story, kind()).1;
    // Only the whole story's figure stacks its summaries, and only the
    // wasm with every chart has it: the others carry none of that code.
    #[cfg(feature = "all-charts")]
    let stacked = (!every.is_empty()).then(|| {
        super::scrolly::stack(every, figure, move |k| {
            summary_line(ui, items::words(story, k).1)
        })
    });
    #[cfg(not(feature = "all-charts"))]
    let stacked: Option<()> = {
        let _ = every;
        None
    };
    let summary_view = match stacked {
        Some(stack) => Either::Right(stack),
        None => Either::Left(summary_line(ui, summary)),
    };
    let keys_id = move || format!("{}-keys", kind().slug());
    let downloads = view! {
        <div class="downloads" role="group" aria-label=ui.downloads.as_str()>
            <span aria-hidden="true">{ui.downloads.as_str()}</span>
            <button type="button" data-download="csv" on:click=download("csv")>{ui.download_csv.as_str()}</button>
            <button type="button" data-download="svg" on:click=download("svg")>{ui.download_svg.as_str()}</button>
            <button type="button" data-download="png" on:click=download("png")>{ui.download_png.as_str()}</button>
        </div>
    };
    let filters = move || {
        let data = dataset().filter(|d| d.filter && show_filters)?;
        let buttons = data
            .groups
            .iter()
            .map(|g| {
                let slug = g.slug.clone();
                let shown = {
                    let slug = slug.clone();
                    move || view.with(|v| v.shows(&slug))
                };
                let toggle = move |_| {
                    // The groups' own order, so the URL's is stable.
                    let hidden = view.with_untracked(|v| {
                        data.groups
                            .iter()
                            .filter(|g| (g.slug == slug) != v.hidden.contains(&g.slug))
                            .map(|g| g.slug.clone())
                            .collect::<Vec<_>>()
                    });
                    set_state(view.with_untracked(|v| v.selected), hidden);
                };
                view! {
                    <button type="button" class="filter" data-group=g.slug.as_str() aria-pressed=move || shown().to_string() on:click=toggle>
                        <span class="swatch" data-hue=g.hue.slug() aria-hidden="true"></span>
                        {g.label.as_str()}
                    </button>
                }
            })
            .collect_view();
        Some(view! {
            <div class="filters" role="group" aria-label=data.filter_label.as_str() title=ui.filter_hint.as_str()>
                <span aria-hidden="true">{data.filter_label.as_str()}</span>
                {buttons}
            </div>
        })
    };

    view! {
        {filters()}
        <div class="chart-frame" node_ref=frame>
            <canvas
                node_ref=canvas
                class="chart-canvas"
                tabindex="0"
                role="img"
                aria-label=summary
                aria-describedby=keys_id
                on:keydown=on_key
                on:pointermove=on_pointer
                on:pointerdown=on_pointer
                on:click=on_tap
            ></canvas>
            <p class="chart-error" hidden=move || !failed.get()>{ui.chart_error.as_str()}</p>
        </div>
        // Shown, and worked, by page-level glue (`dom::fullscreen`); the
        // stylesheet shows the label for its state.
        <button type="button" class="full-screen" hidden aria-pressed="false">
            <span class="when-off">{ui.full_screen.as_str()}</span>
            <span class="when-on">{ui.close_full_screen.as_str()}</span>
        </button>
        // The heading is an element of the view; the parts are markup
        // written from escaped text, which cost the troop chart's wasm 1.7
        // KB less than a view of them (brotli).
        <div class="readout" aria-live="polite" node_ref=readout_ref>
            {move || the_readout().map(|r| view! { <p class="readout-head">{r.head}</p> })}
            <div inner_html=move || the_readout().map(|r| r.parts_html(&ui.term_separator)).unwrap_or_default()></div>
        </div>
        {summary_view}
        // One hint for the reader's input: keys where there is a fine
        // pointer or hover, taps on a touch screen (the stylesheet picks).
        <p id=keys_id class="chart-keys hint-keys">{ui.chart_keys.as_str()}</p>
        <p class="chart-keys hint-touch">{ui.chart_touch.as_str()}</p>
        <details class="figure-more data-table">
            <summary>{ui.figure_more.as_str()}</summary>
            {downloads}
            <div class="table-scroll" inner_html=table></div>
        </details>
    }
}

/// A chart's summary as a paragraph, named for screen readers.
fn summary_line(ui: &'static Ui, text: impl IntoView + 'static) -> impl IntoView {
    view! {
        <p class="chart-summary">
            <span class="visually-hidden">{ui.chart_summary.as_str()}{ui.term_separator.as_str()}</span>
            {text}
        </p>
    }
}

/// Canvas painting: the only browser-specific drawing code.
#[cfg(target_arch = "wasm32")]
pub(super) mod paint {
    use crate::charts::{draw, items, ChartStyle, Hits, View};
    use crate::story::{ChartKind, Figure, Story};

    /// Sizes the canvas to `width` × `height` CSS pixels at the screen's
    /// density and draws the chart. `Ok(None)` means the frame has no size
    /// yet (not laid out), so there is nothing to draw.
    pub fn chart(
        canvas: &web_sys::HtmlCanvasElement,
        width: f64,
        height: f64,
        story: &Story,
        kind: ChartKind,
        view: &View,
        dark: bool,
    ) -> Result<Option<Hits>, String> {
        if width < 1.0 || height < 1.0 {
            return Ok(None);
        }
        let (scale, size) = pixels(width, height);
        fit(canvas, size);
        let style = ChartStyle { scale, dark };
        draw_as(canvas, size, story, kind, view, &style).map(Some)
    }

    /// Sizes `canvas` to `size` pixels, unless it is that size already:
    /// setting either side clears the canvas and makes it a new bitmap.
    pub fn fit(canvas: &web_sys::HtmlCanvasElement, size: (u32, u32)) {
        if canvas.width() != size.0 || canvas.height() != size.1 {
            canvas.set_width(size.0);
            canvas.set_height(size.1);
        }
    }

    /// Draws `figure` as [`chart`] would on a canvas of `width` × `height`
    /// CSS pixels, onto `canvas` at whatever (small) size it keeps, so
    /// nearly all of it is clipped: the drawing code runs, and the canvas
    /// sets its text, with no bitmap of the figure's size to allocate and
    /// clear. At 4x CPU slowdown that first clear of a new 800×800 canvas
    /// took 5 to 10 ms.
    pub fn rehearse(
        canvas: &web_sys::HtmlCanvasElement,
        (width, height): (f64, f64),
        story: &Story,
        figure: &Figure,
    ) {
        let (scale, size) = pixels(width, height);
        let view = items::step_view(story, figure);
        let style = ChartStyle { scale, dark: false };
        let _ = draw_as(canvas, size, story, figure.chart, &view, &style);
    }

    /// Marks `canvas` as drawn on, drawing nothing.
    ///
    /// A canvas on screen has two buffers in Chromium, the one shown and
    /// the one drawn on, and the second is made at the canvas's second
    /// frame: on the whole story, the first swap, while the reader
    /// scrolled. That cost 15 to 22 ms of the frame at 4x CPU slowdown,
    /// and with the rest of the frame made a task of 50 to 66 ms in two
    /// runs of three (`make bench`). Touched soon after its first drawing,
    /// in a frame of its own, the canvas makes it while the page loads.
    ///
    /// The fill it leaves set needs no restoring: each drawing starts from
    /// an empty [`Pen`](crate::dom::backend::Pen) and sets a fill before
    /// it fills anything.
    pub fn touch(canvas: &web_sys::HtmlCanvasElement) {
        if let Some(context) = crate::dom::backend::context(canvas) {
            context.set_fill_style_str("rgba(0,0,0,0)");
            context.fill_rect(0.0, 0.0, 1.0, 1.0);
        }
    }

    /// What [`chart`] would draw for these arguments, as a frame to draw
    /// ahead; `None` if the frame has no size yet.
    #[cfg(feature = "all-charts")]
    pub fn key(
        width: f64,
        height: f64,
        kind: ChartKind,
        view: View,
        dark: bool,
    ) -> Option<super::super::ahead::Key> {
        if width < 1.0 || height < 1.0 {
            return None;
        }
        let (scale, size) = pixels(width, height);
        Some(super::super::ahead::Key {
            kind,
            view,
            size,
            scale,
            dark,
        })
    }

    /// Draws the frame `key` on `canvas`, which is already its size (see
    /// [`fit`]).
    #[cfg(feature = "all-charts")]
    pub fn draw_key(
        canvas: &web_sys::HtmlCanvasElement,
        story: &Story,
        key: &super::super::ahead::Key,
    ) -> Result<Hits, String> {
        let style = ChartStyle {
            scale: key.scale,
            dark: key.dark,
        };
        draw_as(canvas, key.size, story, key.kind, &key.view, &style)
    }

    /// Draws the chart on `canvas` as if it were `size` pixels.
    fn draw_as(
        canvas: &web_sys::HtmlCanvasElement,
        size: (u32, u32),
        story: &Story,
        kind: ChartKind,
        view: &View,
        style: &ChartStyle,
    ) -> Result<Hits, String> {
        let backend = crate::dom::backend::Backend::canvas(canvas, size)
            .ok_or_else(|| "no 2D context for the chart canvas".to_owned())?;
        draw(kind, backend, &story.data, view, style).map_err(|e| e.to_string())
    }

    /// The screen's density, and `width` × `height` CSS pixels at it.
    fn pixels(width: f64, height: f64) -> (f64, (u32, u32)) {
        let scale = leptos::prelude::window()
            .device_pixel_ratio()
            .clamp(1.0, 4.0);
        let size = (
            (width * scale).round() as u32,
            (height * scale).round() as u32,
        );
        (scale, size)
    }
}
