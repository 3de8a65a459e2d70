//! Component tests in a real browser (headless Chromium, via
//! wasm-bindgen-test-runner and ChromeDriver): components mount, react to
//! their signals and draw on their canvas.
#![cfg(target_arch = "wasm32")]

use explainer::components::figure::ChartFigure;
use explainer::components::pager::Pager;
use explainer::routes::chapter::ChapterView;
use explainer::state::history::Router;
use explainer::state::{provide_base, BasePath, Route};
use explainer::story::{story, ChartKind, Figure, Story};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
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
async fn chapter_view_follows_its_step_signal() {
    let story = s();
    let root = container();
    let (step, set_step) = signal(0usize);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_base(BasePath::default());
        view! { <Router base=""><ChapterView story chapter=1 step/></Router> }
    });
    let chapter = &story.chapters[1];
    assert_eq!(text_of(&root, "#step-title"), chapter.steps[0].title);
    set_step.set(2);
    assert!(
        wait_until(1000, || text_of(&root, "#step-title")
            == chapter.steps[2].title)
        .await,
        "the step text follows the signal"
    );
    let current = root
        .query_selector(".step-list a[aria-current]")
        .unwrap()
        .and_then(|a| a.get_attribute("href"))
        .unwrap_or_default();
    assert_eq!(
        current,
        Route::Step {
            chapter: 1,
            step: 2
        }
        .href(story, "")
    );
}

#[wasm_bindgen_test]
async fn the_figure_draws_and_the_keyboard_moves_its_readout() {
    let story = s();
    let root = container();
    let figure = Signal::stored(Some(Figure {
        chart: ChartKind::Troops,
        from: Some(2019.5),
        to: Some(2020.5),
        highlight: Vec::new(),
    }));
    // The figure keeps its selection in the URL, so it needs the router.
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <Router base=""><ChartFigure story figure/></Router> }
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
    let first = &story.data.troops.points[0].label;
    assert!(
        wait_until(1000, || text_of(&root, ".readout")
            .starts_with(first.as_str()))
        .await,
        "ArrowRight selects the first point: {:?}",
        text_of(&root, ".readout")
    );
}

#[wasm_bindgen_test]
fn the_pager_links_across_chapters() {
    let story = s();
    let root = container();
    let route = Signal::stored(Route::Step {
        chapter: 1,
        step: 0,
    });
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_base(BasePath("/sub".into()));
        view! { <Router base=""><Pager story route/></Router> }
    });
    let href = |sel: &str| {
        root.query_selector(sel)
            .unwrap()
            .and_then(|a| a.get_attribute("href"))
            .unwrap_or_default()
    };
    let last_of_first = story.chapters[0].steps.len() - 1;
    assert_eq!(
        href(".pager-prev"),
        Route::Step {
            chapter: 0,
            step: last_of_first
        }
        .href(story, "/sub")
    );
    assert_eq!(
        href(".pager-next"),
        Route::Step {
            chapter: 1,
            step: 1
        }
        .href(story, "/sub")
    );
}

#[wasm_bindgen_test]
fn an_error_shows_a_notice_with_a_reload_link_once() {
    let story = s();
    explainer::app::show_error_notice();
    explainer::app::show_error_notice();
    let notices = document().query_selector_all("#crash").unwrap();
    assert_eq!(notices.length(), 1, "one notice, however many errors");
    let notice: web_sys::HtmlElement = document()
        .get_element_by_id("crash")
        .unwrap()
        .unchecked_into();
    assert_eq!(notice.get_attribute("role").as_deref(), Some("alert"));
    let text = notice.text_content().unwrap_or_default();
    assert!(text.contains(&story.ui.error_title) && text.contains(&story.ui.reload));
    let link = notice.query_selector("a").unwrap().unwrap();
    assert_eq!(link.get_attribute("href"), window().location().href().ok());
    notice.remove();
}
