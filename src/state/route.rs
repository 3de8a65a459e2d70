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
    /// Anything else.
    NotFound,
}

/// The path segment of [`Route::All`].
pub const ALL_SLUG: &str = "all";

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
            [chapter] => match chapter_index(story, chapter) {
                Some(chapter) => Route::Step { chapter, step: 0 },
                None => Route::NotFound,
            },
            [chapter, step] => {
                let Some(c) = chapter_index(story, chapter) else {
                    return Route::NotFound;
                };
                match story.chapters[c].steps.iter().position(|s| s.slug == *step) {
                    Some(step) => Route::Step { chapter: c, step },
                    None => Route::NotFound,
                }
            }
            _ => Route::NotFound,
        }
    }

    /// The canonical path, without the base path. A chapter's first step is
    /// the chapter's own address. Out-of-range indices give the cover's path,
    /// so a stale index can never produce a broken link.
    pub fn path(&self, story: &Story) -> String {
        match *self {
            Route::Cover | Route::NotFound => "/".to_owned(),
            Route::All => format!("/{ALL_SLUG}/"),
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

    /// The path with the base path in front, ready for an `href`.
    pub fn href(&self, story: &Story, base: &str) -> String {
        format!("{}{}", base.trim_end_matches('/'), self.path(story))
    }

    /// The step after this one, running on into the next chapter.
    pub fn next(&self, story: &Story) -> Option<Route> {
        match *self {
            Route::All => None,
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
    /// finally to the cover.
    pub fn previous(&self, story: &Story) -> Option<Route> {
        match *self {
            Route::Cover | Route::NotFound => None,
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
    /// one-page story (for prerendering, sitemaps and tests).
    pub fn pages(story: &Story) -> Vec<Route> {
        let mut pages = Route::all(story);
        pages.push(Route::All);
        pages
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
