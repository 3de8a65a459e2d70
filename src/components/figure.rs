//! A step's figure: the chart on a canvas, its text alternative, a readout
//! for the selected point and the same numbers as a table.
//!
//! The canvas is sized to its frame times devicePixelRatio, so it stays crisp
//! on high-density screens, and it redraws whenever the frame's size, the
//! colour scheme, the step's period or the selection changes.

use leptos::prelude::*;

use crate::charts::thousands;
use crate::state::query::{find_point, slug, with_point, POINT_KEY};
use crate::story::{fill, html, Figure, Story};

/// The troop chart with its caption, readout and data table.
#[component]
pub fn TroopsFigure(
    /// The story.
    story: &'static Story,
    /// What the current step asks the figure to show.
    #[prop(into)]
    figure: Signal<Option<Figure>>,
) -> impl IntoView {
    let data = &story.data.troops;
    let ui = &story.ui;
    let frame = NodeRef::<leptos::html::Div>::new();
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    // The selection lives in the URL (?point=…), so a shared link reproduces
    // it; the signal here is derived from the query, never stored twice.
    let query = leptos_router::hooks::use_query_map();
    let location = leptos_router::hooks::use_location();
    // Stored, so the handlers below stay Copy and can be shared freely.
    let navigate = StoredValue::new_local(leptos_router::hooks::use_navigate());
    let selected = Memo::new(move |_| {
        query.with(|q| {
            find_point(
                q.get_str(POINT_KEY),
                data.points.iter().map(|p| p.label.as_str()),
            )
        })
    });
    let set_selected = move |i: Option<usize>| {
        let slug = i.and_then(|i| data.points.get(i)).map(|p| slug(&p.label));
        let href = with_point(&location.pathname.get_untracked(), slug.as_deref());
        navigate.with_value(|navigate| {
            navigate(
                &href,
                leptos_router::NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..crate::state::href_navigation()
                },
            )
        });
    };
    let (failed, set_failed) = signal(false);
    let hits = StoredValue::new(Vec::<(i32, i32)>::new());

    // Size and colour scheme, from the browser; fixed defaults when rendering
    // natively, where nothing is drawn.
    #[cfg(target_arch = "wasm32")]
    let (size, dark) = {
        let size = leptos_use_element_size::use_element_size(frame);
        (
            (size.width, size.height),
            leptos_use_preferences::use_preferred_dark(),
        )
    };
    #[cfg(not(target_arch = "wasm32"))]
    let (size, dark) = (
        (Signal::stored(0.0), Signal::stored(0.0)),
        Signal::stored(false),
    );

    #[cfg(target_arch = "wasm32")]
    {
        Effect::new(move |_| {
            let (width, height) = (size.0.get(), size.1.get());
            let (figure, dark, selected) = (figure.get(), dark.get(), selected.get());
            let Some(canvas) = canvas.get() else { return };
            let clock = leptos::prelude::window().performance();
            let started = clock.as_ref().map(|c| c.now());
            let drawn = match paint::troops(
                &canvas,
                width,
                height,
                data,
                figure.as_ref(),
                selected,
                dark,
            ) {
                Ok(Some(points)) => {
                    hits.set_value(points);
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
            // Each draw's duration, for the benchmark (`make bench`) to read.
            if let (true, Some(clock), Some(started)) = (drawn, clock, started) {
                let draws = canvas
                    .get_attribute("data-draws")
                    .and_then(|n| n.parse::<u32>().ok())
                    .unwrap_or(0);
                let _ = canvas.set_attribute("data-draw-ms", &(clock.now() - started).to_string());
                let _ = canvas.set_attribute("data-draws", &(draws + 1).to_string());
            }
        });
    }

    #[cfg(not(target_arch = "wasm32"))]
    let _ = (set_failed, frame);

    let download = move |kind: &'static str| {
        move |_: leptos::ev::MouseEvent| {
            #[cfg(target_arch = "wasm32")]
            {
                use crate::charts::export::{troops_csv, troops_svg};
                use crate::components::download::{save_text, save_url};
                use crate::story::ChartKind;
                let file = format!("{}.{kind}", ChartKind::Troops.slug());
                let result = match kind {
                    "csv" => save_text(&file, "text/csv;charset=utf-8", &troops_csv(story)),
                    "svg" => {
                        let size = (
                            size.0.get_untracked().round() as u32,
                            size.1.get_untracked().round() as u32,
                        );
                        troops_svg(
                            story,
                            figure.get_untracked().as_ref(),
                            selected.get_untracked(),
                            size,
                            dark.get_untracked(),
                        )
                        .map_err(|e| e.to_string())
                        .and_then(|svg| save_text(&file, "image/svg+xml", &svg))
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
            let _ = (kind, size, dark, figure);
        }
    };

    let count = data.points.len();
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let current = selected.get_untracked();
        let next = match ev.key().as_str() {
            "ArrowRight" => Some(current.map_or(0, |i| (i + 1).min(count - 1))),
            "ArrowLeft" => Some(current.map_or(count - 1, |i| i.saturating_sub(1))),
            "Home" => Some(0),
            "End" => Some(count - 1),
            "Escape" => None,
            _ => return,
        };
        // The chart owns these keys while it has focus; the story's step
        // navigation must not also see them.
        ev.prevent_default();
        ev.stop_propagation();
        set_selected(next);
    };
    let on_pointer = move |ev: leptos::ev::PointerEvent| {
        #[cfg(target_arch = "wasm32")]
        {
            let scale = leptos::prelude::window().device_pixel_ratio();
            let (x, y) = (
                (f64::from(ev.offset_x()) * scale) as i32,
                (f64::from(ev.offset_y()) * scale) as i32,
            );
            let radius = (14.0 * scale) as i32;
            let hit = hits.with_value(|h| crate::charts::nearest(h, x, y, radius));
            if hit != selected.get_untracked() && (hit.is_some() || ev.type_() == "pointerdown") {
                set_selected(hit);
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (ev, hits);
    };

    let readout = move || {
        selected.get().and_then(|i| data.points.get(i)).map(|p| {
            let mut text = fill(
                &ui.readout,
                &[
                    ("date", &p.label),
                    ("value", &thousands(p.us)),
                    ("series", &data.us_label),
                ],
            );
            if let Some(c) = p.coalition {
                text.push(' ');
                text.push_str(&fill(
                    &ui.readout,
                    &[
                        ("date", &p.label),
                        ("value", &thousands(c)),
                        ("series", &data.coalition_label),
                    ],
                ));
            }
            if let Some(note) = &p.note {
                text.push(' ');
                text.push_str(note);
            }
            text
        })
    };

    view! {
        <figure class="figure" data-chart="troops">
            <figcaption class="figure-title">
                {data.title.as_str()}
                <span class="figure-note">{data.axis_note.as_str()}</span>
            </figcaption>
            <div class="chart-frame" node_ref=frame>
                <canvas
                    node_ref=canvas
                    class="chart-canvas"
                    tabindex="0"
                    role="img"
                    aria-label=data.summary.as_str()
                    aria-describedby="troops-keys"
                    on:keydown=on_key
                    on:pointermove=on_pointer
                    on:pointerdown=on_pointer
                ></canvas>
                <p class="chart-error" hidden=move || !failed.get()>{ui.chart_error.as_str()}</p>
            </div>
            <p class="readout" aria-live="polite">{readout}</p>
            <p class="chart-summary">
                <span class="visually-hidden">{ui.chart_summary.as_str()}{ui.term_separator.as_str()}</span>
                {data.summary.as_str()}
            </p>
            <p id="troops-keys" class="chart-keys">{ui.chart_keys.as_str()}</p>
            <div class="downloads" role="group" aria-label=ui.downloads.as_str()>
                <span aria-hidden="true">{ui.downloads.as_str()}</span>
                <button type="button" data-download="csv" on:click=download("csv")>{ui.download_csv.as_str()}</button>
                <button type="button" data-download="svg" on:click=download("svg")>{ui.download_svg.as_str()}</button>
                <button type="button" data-download="png" on:click=download("png")>{ui.download_png.as_str()}</button>
            </div>
            <details class="data-table">
                <summary>{ui.data_table.as_str()}</summary>
                <div class="table-scroll" inner_html=html::troops_table(story)></div>
            </details>
        </figure>
    }
    .into_any()
}

/// Canvas painting: the only browser-specific drawing code.
#[cfg(target_arch = "wasm32")]
mod paint {
    use plotters_canvas::CanvasBackend;

    use crate::charts::{troops, ChartStyle};
    use crate::story::{Figure, Troops};

    /// Sizes the canvas to `width` × `height` CSS pixels at the screen's
    /// density and draws the troop chart. `Ok(None)` means the frame has no
    /// size yet (not laid out), so there is nothing to draw.
    pub fn troops(
        canvas: &web_sys::HtmlCanvasElement,
        width: f64,
        height: f64,
        data: &Troops,
        figure: Option<&Figure>,
        selected: Option<usize>,
        dark: bool,
    ) -> Result<Option<Vec<(i32, i32)>>, String> {
        if width < 1.0 || height < 1.0 {
            return Ok(None);
        }
        let scale = leptos::prelude::window()
            .device_pixel_ratio()
            .clamp(1.0, 4.0);
        let (w, h) = (
            (width * scale).round() as u32,
            (height * scale).round() as u32,
        );
        if canvas.width() != w || canvas.height() != h {
            canvas.set_width(w);
            canvas.set_height(h);
        }
        let backend = CanvasBackend::with_canvas_object(canvas.clone())
            .ok_or_else(|| "no 2D context for the chart canvas".to_owned())?;
        let style = ChartStyle { scale, dark };
        troops::draw(backend, data, figure, selected, &style)
            .map(|hits| Some(hits.points))
            .map_err(|e| e.to_string())
    }
}
