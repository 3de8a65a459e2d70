//! The root component: the address (state::history), page chrome, and the
//! page for the URL.

use leptos::prelude::*;

use crate::components::pager::ProgressBar;
use crate::routes::Page;
use crate::state::history::{use_location, Router};
use crate::state::route::strip_base;
use crate::state::{provide_base, use_base, BasePath, Route};
use crate::story::{fill, join, Story};

/// The whole explainer.
#[component]
pub fn App(
    /// The story to tell.
    story: &'static Story,
    /// Where the site is deployed ("" at a domain's root).
    base: BasePath,
) -> impl IntoView {
    provide_base(base.clone());
    view! {
        <Router base=base.0>
            <Shell story/>
        </Router>
    }
}

/// Page chrome around the routed page.
#[component]
fn Shell(story: &'static Story) -> impl IntoView {
    let base = use_base();
    let location = use_location();
    let path = {
        let base = base.clone();
        Memo::new(move |_| location.pathname.with(|p| strip_base(&base, p).to_owned()))
    };
    let route = Memo::new(move |_| path.with(|p| Route::parse(story, p)));
    let (route, page_path): (Signal<Route>, Signal<String>) = (route.into(), path.into());
    // The document's title follows the page. The prerenderer writes each
    // page's title into its HTML; in the browser an effect keeps it current.
    #[cfg(target_arch = "wasm32")]
    Effect::new(move |_| document().set_title(&page_title(story, route.get())));
    // The page's own address, so the link works before the wasm arrives
    // too: a bare "#main" would resolve against <base>, the site's root.
    let skip_href = move || format!("{}#main", location.pathname.get());
    let ui = &story.ui;
    let article = &story.meta.article;
    let credit = fill(
        &ui.credit,
        &[
            ("author", &article.author),
            ("publisher", &article.publisher),
            ("date", &article.date),
        ],
    );
    let sources_href = story
        .chapters
        .iter()
        .position(|c| c.slug == "sources")
        .map(|chapter| Route::Step { chapter, step: 0 }.href(story, &base));

    // An embed never becomes a full page in place (its links stay embeds,
    // and "open the full explainer" opens a new tab), so the chrome is
    // chosen once, from the address the page was opened at.
    if route.get_untracked().unembed().is_some() {
        return view! {
            <main id="main" class="embed" tabindex="-1">
                <Page story route path=page_path/>
            </main>
            <crate::components::embed::EmbedBridge story route/>
        }
        .into_any();
    }

    view! {
        <a class="skip-link" href=skip_href>{ui.skip_to_content.as_str()}</a>
        <ProgressBar story route/>
        <header class="masthead">
            <a class="brand" href=Route::Cover.href(story, &base)>{story.meta.title.as_str()}</a>
            <ContentsMenu story route/>
        </header>
        <main id="main" tabindex="-1">
            <Page story route path=page_path/>
        </main>
        <footer class="site-foot">
            <p>
                {credit}" "
                <a href=article.url.as_str() rel="noopener">{article.title.as_str()}</a>
            </p>
            <p>{sources_href.map(|href| view! { <a href=href>{ui.sources_link.as_str()}</a> })}</p>
        </footer>
    }
    .into_any()
}

/// A disclosure with the table of contents, on every page. It is a native
/// `<details>`, so it works before the wasm arrives; it closes itself after
/// the reader picks a page.
#[component]
fn ContentsMenu(story: &'static Story, route: Signal<Route>) -> impl IntoView {
    let details = NodeRef::<leptos::html::Details>::new();
    Effect::new(move |_| {
        route.track();
        if let Some(d) = details.get_untracked() {
            d.set_open(false);
        }
    });
    let current = Signal::derive(move || match route.get() {
        Route::Step { chapter, .. } => Some(chapter),
        _ => None,
    });
    view! {
        <details class="menu" node_ref=details>
            <summary>{story.ui.contents.as_str()}</summary>
            <div class="menu-panel">
                <crate::components::toc::Toc story current/>
            </div>
        </details>
    }
}

/// The short description of a page for search results and link previews:
/// the step's opening words, or the story's summary.
pub fn page_description(story: &Story, route: Route) -> String {
    const MAX: usize = 160;
    let step = match route.canonical() {
        Route::Step { chapter, step } => {
            story.chapters.get(chapter).and_then(|c| c.steps.get(step))
        }
        _ => None,
    };
    match step {
        Some(s) => crate::story::html::plain_text(&s.body, MAX),
        None => crate::story::html::plain_text(&story.meta.summary, MAX),
    }
}

/// The document title for a page: specific first, the site last.
pub fn page_title(story: &Story, route: Route) -> String {
    let site = story.meta.title.as_str();
    let sep = story.ui.title_separator.as_str();
    match route.canonical() {
        Route::Cover => site.to_owned(),
        Route::Step { chapter, step } => {
            let Some(c) = story.chapters.get(chapter) else {
                return site.to_owned();
            };
            match c.steps.get(step) {
                Some(s) => join([s.title.as_str(), &c.short_title, site], sep),
                None => join([c.short_title.as_str(), site], sep),
            }
        }
        Route::All => join([story.ui.whole_story.as_str(), site], sep),
        Route::NotFound => join([story.ui.not_found_title.as_str(), site], sep),
        // `canonical` has turned any embed into its step.
        Route::Embed { .. } => site.to_owned(),
    }
}

/// Mounts the app in place of the page's `#app` element, whose static
/// content (the prerendered page, or a plain fallback) stays if the story
/// cannot be read, so the reader never gets a blank page.
#[cfg(target_arch = "wasm32")]
pub fn mount() {
    use leptos::wasm_bindgen::JsCast;

    let story = match crate::story::story() {
        Ok(story) => story,
        Err(e) => {
            leptos::logging::error!("the embedded story could not be read: {e}");
            return;
        }
    };
    let Some(root) = document()
        .get_element_by_id("app")
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        leptos::logging::error!("the page has no #app element to mount into");
        return;
    };
    let html = document().document_element();
    if let Some(html) = html {
        let _ = html.set_attribute("lang", &story.meta.lang);
        let _ = html.set_attribute("dir", &story.meta.dir);
    }
    // The app is built off the page and swapped in only once it is whole:
    // if anything fails while it is built, the prerendered text stays.
    let Ok(fresh) = document()
        .create_element("div")
        .map(|el| el.unchecked_into::<web_sys::HtmlElement>())
    else {
        return;
    };
    fresh.set_id("app");
    let base = crate::state::base_from_document();
    leptos::mount::mount_to(fresh.clone(), move || view! { <App story base/> }).forget();
    if root.replace_with_with_node_1(&fresh).is_err() {
        leptos::logging::error!("the app could not take the page's place");
        return;
    }
    // Tells tests (and curious readers of the DOM) that the wasm app is live.
    let _ = fresh.set_attribute("data-mounted", "");
}

/// Installs the panic hook: the panic goes to the console (with its Rust
/// message), and the reader gets a short notice with a reload link. The page
/// keeps whatever text it shows, so it is never left blank.
#[cfg(target_arch = "wasm32")]
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_error_notice();
    }));
}

/// Puts the "something went wrong" notice at the top of the page, once.
/// Built from plain DOM calls and text nodes: it must work when the app
/// itself has failed, and it never inserts markup from anywhere.
#[cfg(target_arch = "wasm32")]
pub fn show_error_notice() {
    let Ok(story) = crate::story::story() else {
        return;
    };
    let doc = document();
    if doc.get_element_by_id("crash").is_some() {
        return;
    }
    let build = || -> Option<web_sys::Element> {
        let notice = doc.create_element("div").ok()?;
        notice.set_id("crash");
        notice.set_class_name("crash");
        notice.set_attribute("role", "alert").ok()?;
        let title = doc.create_element("strong").ok()?;
        title.set_text_content(Some(&story.ui.error_title));
        let body = doc.create_element("span").ok()?;
        body.set_text_content(Some(&format!(" {} ", story.ui.error_body)));
        let reload = doc.create_element("a").ok()?;
        reload.set_text_content(Some(&story.ui.reload));
        let here = window().location().href().unwrap_or_default();
        reload.set_attribute("href", &here).ok()?;
        for child in [&title, &body, &reload] {
            notice.append_child(child).ok()?;
        }
        Some(notice)
    };
    if let (Some(notice), Some(body)) = (build(), doc.body()) {
        let _ = body.prepend_with_node_1(&notice);
    }
}
