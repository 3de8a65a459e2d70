//! The page around every page: skip link, progress, masthead with the
//! contents menu, the routed page, and the footer, rendered at build time
//! for one address.

use leptos::prelude::*;

use crate::site::pager::ProgressBar;
use crate::site::pages::Page;
use crate::site::{provide_base, use_base};
use crate::state::{BasePath, Route};
use crate::story::{fill, join, Story};

/// The same page in another edition, for the language switch and the
/// cover: written in that edition's own language.
#[derive(Debug, Clone, PartialEq)]
pub struct OtherEdition {
    /// Its language tag ("ar").
    pub lang: String,
    /// Its text direction ("rtl").
    pub dir: String,
    /// Its language's own name ("العربية").
    pub name: String,
    /// Its invitation to read the explainer in it.
    pub read_in: String,
    /// The same page there, with the base path.
    pub href: String,
}

impl OtherEdition {
    /// Page `route` in edition `story`, for a site at `base`.
    pub fn of(story: &Story, route: Route, base: &str) -> OtherEdition {
        OtherEdition {
            lang: story.meta.lang.clone(),
            dir: story.meta.dir.clone(),
            name: story.ui.language_name.clone(),
            read_in: story.ui.read_in.clone(),
            href: route.href(story, base),
        }
    }

    /// Every edition but `this`, at page `route`. Editions have the same
    /// chapters and steps (tested), so a route names the same page in each.
    pub fn others(
        this: &Story,
        editions: &[&Story],
        route: Route,
        base: &str,
    ) -> Vec<OtherEdition> {
        editions
            .iter()
            .filter(|e| e.meta.lang != this.meta.lang)
            .map(|e| OtherEdition::of(e, route, base))
            .collect()
    }
}

/// The other editions of the page being rendered; none if not provided.
pub fn use_other_editions() -> Vec<OtherEdition> {
    use_context::<Vec<OtherEdition>>().unwrap_or_default()
}

/// Links to the same page in the other editions, each named in its own
/// language. Where the wasm runs, each follows the address's chart state
/// and place (`state::url`, [`crate::state::route::same_place`]).
#[component]
fn EditionSwitch(
    /// The editions to offer.
    others: Vec<OtherEdition>,
) -> impl IntoView {
    others
        .into_iter()
        .map(|e| {
            view! {
                <a class="edition-switch" href=e.href hreflang=e.lang.clone() lang=e.lang dir=e.dir data-same-place="">
                    {e.name}
                </a>
            }
        })
        .collect_view()
}

/// An invitation to read the explainer in each other edition, in that
/// edition's language: on the cover and the not-found page, whose readers
/// may have come to the wrong edition.
#[component]
pub fn ReadIn() -> impl IntoView {
    use_other_editions()
        .into_iter()
        .map(|e| {
            let tag = e.lang.clone();
            view! {
                <p class="other-edition" lang=tag dir=e.dir>
                    <a href=e.href hreflang=e.lang>{e.read_in}</a>
                </p>
            }
        })
        .collect_view()
}

/// One page of the explainer, whole.
#[component]
pub fn App(
    /// The story to tell.
    story: &'static Story,
    /// The page.
    route: Route,
    /// The path asked for, which the not-found page shows; `None` for the
    /// one `404.html` that serves every unknown address.
    #[prop(optional)]
    path: Option<String>,
    /// Where the site is deployed ("" at a domain's root).
    base: BasePath,
    /// The same page in the other editions.
    #[prop(optional)]
    others: Vec<OtherEdition>,
) -> impl IntoView {
    provide_base(base);
    provide_context(others.clone());
    let base = use_base();
    let ui = &story.ui;
    // The page's own address, so the skip link stays on this page: a bare
    // "#main" would resolve against <base>, the site's root.
    let skip_href = format!("{}#main", route.href(story, &base));
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
    let crash = view! { <CrashNotice story href=route.href(story, &base)/> };

    // An embed is a view of a step for someone else's page: no chrome, and
    // a bridge that talks to the host.
    if route.unembed().is_some() {
        return view! {
            {crash}
            <main id="main" class="embed" tabindex="-1">
                // Whose analysis this is, in the first screen of any page
                // that shows it.
                <p class="embed-credit">{credit}</p>
                <Page story route path=path.clone()/>
            </main>
            {crate::islands::embed::bridge(story, route)}
        }
        .into_any();
    }

    // One 404.html answers every unknown address, so it cannot know its
    // own; it is short enough to need no skip link.
    let skip = (route != Route::NotFound)
        .then(|| view! { <a class="skip-link" href=skip_href>{ui.skip_to_content.as_str()}</a> });
    view! {
        {crash}
        {skip}
        <ProgressBar story route/>
        <header class="masthead">
            <a class="brand" href=Route::Cover.href(story, &base)>{story.meta.title.as_str()}</a>
            <EditionSwitch others/>
            <ContentsMenu story route/>
        </header>
        <main id="main" tabindex="-1">
            <Page story route path/>
        </main>
        <footer class="site-foot">
            <p>
                {credit}" "
                // The article's own title, in its language: set apart, so an
                // English title runs left to right inside Arabic.
                <a href=article.url.as_str() rel="noopener" dir="auto">{article.title.as_str()}</a>
            </p>
            <p>{sources_href.map(|href| view! { <a href=href>{ui.sources_link.as_str()}</a> })}</p>
        </footer>
    }
    .into_any()
}

/// The notice a panic in the wasm shows: hidden until then, and written
/// into the page so the wasm needs none of its words. `href` reloads this
/// page (the panic hook adds the query the reader is at).
#[component]
fn CrashNotice(story: &'static Story, href: String) -> impl IntoView {
    let ui = &story.ui;
    view! {
        <div id="crash" class="crash" role="alert" hidden>
            <strong>{ui.error_title.as_str()}</strong>
            " "{ui.error_body.as_str()}" "
            <a href=href>{ui.reload.as_str()}</a>
        </div>
    }
}

/// The table of contents behind a button, on every page. The panel is a
/// popover, so the browser opens and closes it (Escape, a click outside)
/// and anchors it to the button, with no code of ours.
#[component]
fn ContentsMenu(story: &'static Story, route: Route) -> impl IntoView {
    let current = match route {
        Route::Step { chapter, .. } => Some(chapter),
        _ => None,
    };
    view! {
        <div class="menu">
            <button type="button" class="menu-button" popovertarget="contents-menu">
                {story.ui.contents.as_str()}
            </button>
            <div id="contents-menu" class="menu-panel" popover="auto">
                <crate::site::toc::Toc story current=Signal::stored(current)/>
            </div>
        </div>
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
    if route == Route::Builder {
        return story.ui.builder_intro.chars().take(MAX).collect();
    }
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
        Route::Builder => join([story.ui.builder_title.as_str(), site], sep),
        Route::NotFound => join([story.ui.not_found_title.as_str(), site], sep),
        // `canonical` has turned any embed into its step.
        Route::Embed { .. } => site.to_owned(),
    }
}
