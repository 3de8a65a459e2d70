//! Island tests in a real browser (headless Chromium, via
//! wasm-bindgen-test-runner and ChromeDriver): islands built from their
//! props draw on their canvas, follow the keyboard and the shared query,
//! and the panic notice shows once. (Hydration of prerendered pages is
//! tested end to end, in tests/e2e/.)
#![cfg(target_arch = "wasm32")]

use explainer::islands::figure::{figure_story, ChartIsland, FigureProps};
use explainer::islands::share::{OpenFull, OpenFullProps};
use explainer::story::{story, ChartKind, Figure, Story};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn s() -> &'static Story {
    story().expect("the embedded story decodes")
}

/// A fresh, visible container with a realistic width, so layout and
/// ResizeObserver behave as on a page.
fn container() -> web_sys::HtmlElement {
    let doc = document();
    let div: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    div.set_attribute("style", "width: 640px").unwrap();
    doc.body().unwrap().append_child(&div).unwrap();
    div
}

/// Waits (polling every 20 ms, up to `ms`) until `ready` holds.
async fn wait_until(ms: u32, mut ready: impl FnMut() -> bool) -> bool {
    let mut waited = 0;
    while !ready() {
        if waited >= ms {
            return false;
        }
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
        waited += 20;
    }
    true
}

fn text_of(root: &web_sys::HtmlElement, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_figure_island_draws_and_the_keyboard_moves_its_readout() {
    let story = s();
    let root = container();
    let props = FigureProps {
        story: figure_story(story, &[ChartKind::Troops]),
        figure: Figure {
            chart: ChartKind::Troops,
            from: Some(2019.5),
            to: Some(2020.5),
            highlight: Vec::new(),
        },
    };
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        explainer::state::url::provide();
        ChartIsland(props)
    });
    let canvas: web_sys::HtmlCanvasElement = root
        .query_selector("canvas")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(
        wait_until(3000, || canvas.width() > 0).await,
        "the canvas gets a size from its frame"
    );
    let dpr = window().device_pixel_ratio();
    let css_width = f64::from(canvas.client_width());
    assert!(
        (f64::from(canvas.width()) - css_width * dpr).abs() <= 1.0,
        "backing store matches DPR"
    );

    assert_eq!(text_of(&root, ".readout"), "");
    let key = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &{
        let init = web_sys::KeyboardEventInit::new();
        init.set_key("ArrowRight");
        init.set_bubbles(true);
        init
    })
    .unwrap();
    canvas.dispatch_event(&key).unwrap();
    let first = &story.data.troops.points[0];
    assert!(
        wait_until(1000, || text_of(&root, ".readout")
            .starts_with(first.label.as_str()))
        .await,
        "ArrowRight selects the first point: {:?}",
        text_of(&root, ".readout")
    );
    // The selection is in the address, for a link to the same view.
    let search = window().location().search().unwrap_or_default();
    assert_eq!(search, format!("?troops={}", first.slug));
    let _ = window().history().unwrap().replace_state_with_url(
        &JsValue::NULL,
        "",
        Some(&window().location().pathname().unwrap()),
    );
}

#[wasm_bindgen_test]
async fn the_way_out_of_an_embed_carries_the_chart_state() {
    let root = container();
    // The shared query lives in an owner of the test's, as the islands'
    // lives in the page's root.
    let owner = Owner::new();
    let query = owner.with(explainer::state::url::provide);
    let inner = owner.clone();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        inner.with(|| {
            OpenFull(OpenFullProps {
                href: "/sub/round-one/".to_owned(),
                label: "Open".to_owned(),
            })
        })
    });
    let href = || {
        root.query_selector("a")
            .unwrap()
            .and_then(|a| a.get_attribute("href"))
            .unwrap_or_default()
    };
    assert_eq!(href(), "/sub/round-one/");
    query.set(explainer::state::url::Query::parse("?troops=may-2003&x=1"));
    assert!(
        wait_until(1000, || href() == "/sub/round-one/?troops=may-2003").await,
        "{}",
        href()
    );
    drop(owner);
}

#[wasm_bindgen_test]
fn an_error_shows_the_pages_notice_with_a_reload_link_once() {
    let doc = document();
    let notice = doc.create_element("div").unwrap();
    notice.set_id("crash");
    notice.set_attribute("hidden", "").unwrap();
    notice.set_inner_html("<strong>Wrong</strong> <a href=\"/\">Reload</a>");
    doc.body().unwrap().append_child(&notice).unwrap();
    explainer::islands::show_error_notice();
    explainer::islands::show_error_notice();
    assert_eq!(doc.query_selector_all("#crash").unwrap().length(), 1);
    assert!(!notice.has_attribute("hidden"), "the notice is shown");
    let link = notice.query_selector("a").unwrap().unwrap();
    assert_eq!(link.get_attribute("href"), window().location().href().ok());
    notice.remove();
}
