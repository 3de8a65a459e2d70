//! The typed URL: one enum for every page, one slug mapping both ways.
//!
//! Paths look like `/round-one/` (a chapter, on its first step) and
//! `/round-one/security-markers/` (a step). Parsing never panics: anything
//! that is not a known page is [`Route::NotFound`].

use crate::story::Story;

/// A page of the explainer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Route {
    /// The cover: title, summary, contents.
    Cover,
    /// One step of one chapter, by index into [`Story::chapters`] and its steps.
    Step {
        /// Chapter index.
        chapter: usize,
        /// Step index within the chapter.
        step: usize,
    },
    /// The whole story on one page, for reading straight through and printing.
    All,
    /// One step without the site's chrome, for an iframe on someone else's
    /// page: `/embed/<chapter>/<step>/`, or its figure alone with `chart/`.
    Embed {
        /// Chapter index.
        chapter: usize,
        /// Step index within the chapter.
        step: usize,
        /// True for the figure alone.
        chart: bool,
    },
    /// The page that builds the embed code for any step: `/embed/`.
    Builder,
    /// Anything else.
    NotFound,
}

/// The language of the edition at the site's root; every other edition
/// lives under its language's tag (`/ar/`).
pub const DEFAULT_LANG: &str = "en";

/// Where the edition in `lang` lives below the site's base: "" for the
/// default edition (or a story with no language, such as an embed's
/// outline built before editions), `/ar` for Arabic. Tags are ASCII
/// letters and hyphens (BCP 47), so the prefix needs no escaping; any
/// other character leaves the default edition's place.
pub fn edition_prefix(lang: &str) -> String {
    let plain = lang.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if lang.is_empty() || lang == DEFAULT_LANG || !plain {
        String::new()
    } else {
        format!("/{}", lang.to_ascii_lowercase())
    }
}

/// `href`, the same page in another edition as the build wrote it, with
/// the query and fragment of the page the reader is on (`location.search`
/// and `location.hash`), so a chart's state and the place in the whole
/// story come along: editions share slugs and chart state (tested). What
/// `href` carried after its path gives way; an empty `?` or `#` is dropped.
pub fn same_place(href: &str, search: &str, hash: &str) -> String {
    let path = href.split(['?', '#']).next().unwrap_or_default();
    let search = if search.len() > 1 && search.starts_with('?') {
        search
    } else {
        ""
    };
    let hash = if hash.len() > 1 && hash.starts_with('#') {
        hash
    } else {
        ""
    };
    format!("{path}{search}{hash}")
}

/// The path segment of [`Route::All`].
pub const ALL_SLUG: &str = "all";

/// The first path segment of every [`Route::Embed`].
pub const EMBED_SLUG: &str = "embed";

/// The last path segment of an embedded figure on its own.
pub const CHART_SLUG: &str = "chart";

impl Route {
    /// Parses a path with the deploy's base path already removed.
    ///
    /// Accepts paths with or without a trailing slash and a trailing
    /// `index.html`, as static hosts produce both.
    pub fn parse(story: &Story, path: &str) -> Route {
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let mut parts: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        if parts.last() == Some(&"index.html") {
            parts.pop();
        }
        match parts.as_slice() {
            [] => Route::Cover,
            [ALL_SLUG] => Route::All,
            [EMBED_SLUG] => Route::Builder,
            [EMBED_SLUG, rest @ ..] => {
                let (rest, chart) = match rest {
                    [head @ .., CHART_SLUG] if !head.is_empty() => (head, true),
                    _ => (rest, false),
                };
                match step_of(story, rest) {
                    // The figure alone needs a step that has one.
                    Some((chapter, step)) if chart && !has_figure(story, chapter, step) => {
                        Route::NotFound
                    }
                    Some((chapter, step)) => Route::Embed {
                        chapter,
                        step,
                        chart,
                    },
                    None => Route::NotFound,
                }
            }
            rest => match step_of(story, rest) {
                Some((chapter, step)) => Route::Step { chapter, step },
                None => Route::NotFound,
            },
        }
    }

    /// The canonical path, without the base path. A chapter's first step is
    /// the chapter's own address. Out-of-range indices give the cover's path,
    /// so a stale index can never produce a broken link.
    pub fn path(&self, story: &Story) -> String {
        match *self {
            Route::Cover | Route::NotFound => "/".to_owned(),
            Route::All => format!("/{ALL_SLUG}/"),
            Route::Builder => format!("/{EMBED_SLUG}/"),
            Route::Embed {
                chapter,
                step,
                chart,
            } => {
                let inner = Route::Step { chapter, step }.path(story);
                match (chart, story.chapters.get(chapter)) {
                    // The figure's address always names its step.
                    (true, Some(c)) => match c.steps.get(step) {
                        Some(s) => format!("/{EMBED_SLUG}/{}/{}/{CHART_SLUG}/", c.slug, s.slug),
                        None => format!("/{EMBED_SLUG}{inner}"),
                    },
                    _ => format!("/{EMBED_SLUG}{inner}"),
                }
            }
            Route::Step { chapter, step } => {
                let Some(c) = story.chapters.get(chapter) else {
                    return "/".to_owned();
                };
                match c.steps.get(step) {
                    Some(_) if step == 0 => format!("/{}/", c.slug),
                    Some(s) => format!("/{}/{}/", c.slug, s.slug),
                    None => format!("/{}/", c.slug),
                }
            }
        }
    }

    /// The path from the site's base: [`Route::path`] behind the edition's
    /// prefix (`/ar/round-one/` in the Arabic edition). Where the page's
    /// file goes, and what a link names after the base path.
    pub fn site_path(&self, story: &Story) -> String {
        format!("{}{}", edition_prefix(&story.meta.lang), self.path(story))
    }

    /// The path with the base path and the edition in front, ready for an
    /// `href`.
    pub fn href(&self, story: &Story, base: &str) -> String {
        format!("{}{}", base.trim_end_matches('/'), self.site_path(story))
    }

    /// The step after this one, running on into the next chapter. An
    /// embedded step moves to the next embedded step.
    pub fn next(&self, story: &Story) -> Option<Route> {
        if let Some((inner, chart)) = self.unembed() {
            return inner.next(story).map(|r| r.embed(chart));
        }
        match *self {
            Route::All | Route::Builder | Route::Embed { .. } => None,
            Route::Cover | Route::NotFound => (!story.chapters.is_empty()).then_some(Route::Step {
                chapter: 0,
                step: 0,
            }),
            Route::Step { chapter, step } => {
                let steps = story.chapters.get(chapter)?.steps.len();
                if step + 1 < steps {
                    Some(Route::Step {
                        chapter,
                        step: step + 1,
                    })
                } else if chapter + 1 < story.chapters.len() {
                    Some(Route::Step {
                        chapter: chapter + 1,
                        step: 0,
                    })
                } else {
                    None
                }
            }
        }
    }

    /// The step before this one, running back into the previous chapter and
    /// finally to the cover (an embedded step stops at the first step).
    pub fn previous(&self, story: &Story) -> Option<Route> {
        if let Some((inner, chart)) = self.unembed() {
            return match inner.previous(story)? {
                Route::Cover => None,
                r => Some(r.embed(chart)),
            };
        }
        match *self {
            Route::Cover | Route::NotFound | Route::Builder | Route::Embed { .. } => None,
            Route::All => Some(Route::Cover),
            Route::Step { chapter, step } if step > 0 => Some(Route::Step {
                chapter,
                step: step - 1,
            }),
            Route::Step { chapter, .. } if chapter > 0 => {
                let steps = story.chapters.get(chapter - 1)?.steps.len();
                Some(Route::Step {
                    chapter: chapter - 1,
                    step: steps.saturating_sub(1),
                })
            }
            Route::Step { .. } => Some(Route::Cover),
        }
    }

    /// The first step of the same chapter (Home), or the last (End).
    pub fn chapter_edge(&self, story: &Story, last: bool) -> Option<Route> {
        if let Some((inner, chart)) = self.unembed() {
            return inner.chapter_edge(story, last).map(|r| r.embed(chart));
        }
        let Route::Step { chapter, .. } = *self else {
            return None;
        };
        let steps = story.chapters.get(chapter)?.steps.len();
        Some(Route::Step {
            chapter,
            step: if last { steps.saturating_sub(1) } else { 0 },
        })
    }

    /// Every page with its own address: the reading order, then the
    /// one-page story, then every embeddable step and figure (for
    /// prerendering and tests).
    pub fn pages(story: &Story) -> Vec<Route> {
        let mut pages = Route::all(story);
        pages.push(Route::All);
        pages.push(Route::Builder);
        for r in Route::all(story) {
            if let Route::Step { chapter, step } = r {
                pages.push(r.embed(false));
                if has_figure(story, chapter, step) {
                    pages.push(r.embed(true));
                }
            }
        }
        pages
    }

    /// The embedded form of a step (the step itself for other pages).
    pub fn embed(self, chart: bool) -> Route {
        match self {
            Route::Step { chapter, step } => Route::Embed {
                chapter,
                step,
                chart,
            },
            other => other,
        }
    }

    /// The step an embedded page shows, and whether it shows the figure
    /// alone; `None` for pages that are not embedded.
    pub fn unembed(self) -> Option<(Route, bool)> {
        match self {
            Route::Embed {
                chapter,
                step,
                chart,
            } => Some((Route::Step { chapter, step }, chart)),
            _ => None,
        }
    }

    /// The full page a reader of an embed opens: the step itself.
    pub fn canonical(self) -> Route {
        self.unembed().map_or(self, |(inner, _)| inner)
    }

    /// The cover and every step, in reading order.
    pub fn all(story: &Story) -> Vec<Route> {
        let mut all = vec![Route::Cover];
        for (chapter, c) in story.chapters.iter().enumerate() {
            all.extend((0..c.steps.len()).map(|step| Route::Step { chapter, step }));
        }
        all
    }
}

fn chapter_index(story: &Story, slug: &str) -> Option<usize> {
    story.chapters.iter().position(|c| c.slug == slug)
}

/// The step named by `[chapter]` or `[chapter, step]`.
fn step_of(story: &Story, parts: &[&str]) -> Option<(usize, usize)> {
    match parts {
        [chapter] => Some((chapter_index(story, chapter)?, 0)),
        [chapter, step] => {
            let c = chapter_index(story, chapter)?;
            let s = story.chapters[c]
                .steps
                .iter()
                .position(|s| s.slug == *step)?;
            Some((c, s))
        }
        _ => None,
    }
}

fn has_figure(story: &Story, chapter: usize, step: usize) -> bool {
    story
        .chapters
        .get(chapter)
        .and_then(|c| c.steps.get(step))
        .is_some_and(|s| s.figure.is_some())
}

/// Removes the deploy's base path (e.g. `/explainers/iraq`) from a pathname.
/// A pathname outside the base is returned whole, which then parses as not found
/// unless it happens to match.
pub fn strip_base<'a>(base: &str, pathname: &'a str) -> &'a str {
    let base = base.trim_end_matches('/');
    if base.is_empty() {
        return pathname;
    }
    match pathname.strip_prefix(base) {
        Some("") => "/",
        Some(rest) if rest.starts_with('/') => rest,
        _ => pathname,
    }
}

/// Normalises a base path: a leading slash, no trailing slash, "" for the root.
pub fn normalize_base(base: &str) -> String {
    let trimmed = base.trim().trim_matches('/');
    if trimmed.is_empty() {
        String::new()
    } else {
        format!("/{trimmed}")
    }
}
