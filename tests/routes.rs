//! The typed URL: every page has one address, every address parses back to
//! its page, and no input, however odd, makes parsing panic.

use explainer::state::route::{normalize_base, strip_base};
use explainer::state::Route;
use explainer::story::{story, Story};

fn s() -> &'static Story {
    story().expect("the embedded story decodes")
}

#[test]
fn every_page_round_trips_through_its_path() {
    let story = s();
    let all = Route::all(story);
    assert!(
        all.len() > story.chapters.len(),
        "cover plus at least one step per chapter"
    );
    for route in Route::pages(story) {
        let path = route.path(story);
        assert!(path.starts_with('/') && path.ends_with('/'), "{path}");
        assert_eq!(Route::parse(story, &path), route, "{path}");
    }
}

#[test]
fn every_step_and_figure_has_an_embed_address() {
    let story = s();
    let c = story
        .chapters
        .iter()
        .position(|c| c.slug == "round-one")
        .unwrap();
    let pledge = story.chapters[c]
        .steps
        .iter()
        .position(|s| s.slug == "iraqs-pledge")
        .unwrap();
    let embed = |step, chart| Route::Embed {
        chapter: c,
        step,
        chart,
    };
    assert_eq!(Route::parse(story, "/embed/round-one/"), embed(0, false));
    assert_eq!(
        Route::parse(story, "/embed/round-one/iraqs-pledge"),
        embed(pledge, false)
    );
    assert_eq!(
        Route::parse(story, "/embed/round-one/iraqs-pledge/chart/"),
        embed(pledge, true)
    );
    assert_eq!(
        embed(pledge, true).path(story),
        "/embed/round-one/iraqs-pledge/chart/"
    );
    assert_eq!(embed(0, false).path(story), "/embed/round-one/");
    assert_eq!(
        embed(pledge, true).canonical(),
        Route::Step {
            chapter: c,
            step: pledge
        }
    );
    // A step without a figure has no figure-only embed.
    let sources = story
        .chapters
        .iter()
        .position(|c| c.slug == "sources")
        .unwrap();
    let bare = story.chapters[sources]
        .steps
        .iter()
        .position(|s| s.figure.is_none())
        .unwrap();
    let bare_path = format!(
        "/embed/sources/{}/chart/",
        story.chapters[sources].steps[bare].slug
    );
    assert_eq!(Route::parse(story, &bare_path), Route::NotFound);
    // The embed builder lives at the bare prefix.
    assert_eq!(Route::parse(story, "/embed/"), Route::Builder);
    assert_eq!(Route::parse(story, "/embed?step=context"), Route::Builder);
    assert_eq!(Route::Builder.path(story), "/embed/");
    assert_eq!(Route::Builder.next(story), None);
    for bad in [
        "/embed/chart/",
        "/embed/nope/",
        "/embed/round-one/nope/",
        "/embed/round-one/iraqs-pledge/chart/x/",
        "/embed/all/",
    ] {
        assert_eq!(Route::parse(story, bad), Route::NotFound, "{bad}");
    }
    // Embeds walk embeds, and stop at the ends instead of leaving for the cover.
    let first = Route::Step {
        chapter: 0,
        step: 0,
    }
    .embed(false);
    assert_eq!(first.previous(story), None);
    assert_eq!(
        first.next(story),
        Some(
            Route::Step {
                chapter: 0,
                step: 1
            }
            .embed(false)
        )
    );
    let last = Route::all(story).last().copied().unwrap().embed(true);
    assert_eq!(last.next(story), None);
    assert_eq!(
        embed(pledge, false).chapter_edge(story, false),
        Some(embed(0, false))
    );
}

#[test]
fn a_chapter_address_is_its_first_step() {
    let story = s();
    let c = &story.chapters[1];
    let first = Route::Step {
        chapter: 1,
        step: 0,
    };
    assert_eq!(Route::parse(story, &format!("/{}/", c.slug)), first);
    assert_eq!(Route::parse(story, &format!("/{}", c.slug)), first);
    assert_eq!(
        Route::parse(story, &format!("/{}/{}/", c.slug, c.steps[0].slug)),
        first
    );
    assert_eq!(
        Route::parse(story, &format!("/{}/index.html", c.slug)),
        first
    );
    assert_eq!(first.path(story), format!("/{}/", c.slug));
}

#[test]
fn unknown_addresses_are_not_found() {
    let story = s();
    let c = &story.chapters[0].slug;
    for path in [
        "/nope/".to_owned(),
        format!("/{c}/no-such-step/"),
        format!("/{c}/{}/extra/", story.chapters[0].steps[0].slug),
        format!("/{}/", c.to_uppercase()),
        "/embed/x/y/z/".to_owned(),
    ] {
        assert_eq!(Route::parse(story, &path), Route::NotFound, "{path}");
    }
    assert_eq!(Route::parse(story, "/"), Route::Cover);
    assert_eq!(Route::parse(story, ""), Route::Cover);
    assert_eq!(Route::parse(story, "/?x=1#y"), Route::Cover);
}

#[test]
fn next_and_previous_walk_the_whole_story_in_order() {
    let story = s();
    let all = Route::all(story);
    let mut walked = vec![Route::Cover];
    let mut at = Route::Cover;
    while let Some(next) = at.next(story) {
        walked.push(next);
        at = next;
    }
    assert_eq!(walked, all);
    let mut back = vec![at];
    while let Some(prev) = at.previous(story) {
        back.push(prev);
        at = prev;
    }
    back.reverse();
    assert_eq!(back, all);
}

#[test]
fn home_and_end_stay_in_the_chapter() {
    let story = s();
    let n = story.chapters[1].steps.len();
    let mid = Route::Step {
        chapter: 1,
        step: 1,
    };
    assert_eq!(
        mid.chapter_edge(story, false),
        Some(Route::Step {
            chapter: 1,
            step: 0
        })
    );
    assert_eq!(
        mid.chapter_edge(story, true),
        Some(Route::Step {
            chapter: 1,
            step: n - 1
        })
    );
    assert_eq!(Route::Cover.chapter_edge(story, true), None);
}

#[test]
fn out_of_range_indices_never_make_broken_links() {
    let story = s();
    assert_eq!(
        Route::Step {
            chapter: 999,
            step: 0
        }
        .path(story),
        "/"
    );
    let c = &story.chapters[0].slug;
    assert_eq!(
        Route::Step {
            chapter: 0,
            step: 999
        }
        .path(story),
        format!("/{c}/")
    );
    assert_eq!(
        Route::Step {
            chapter: 999,
            step: 0
        }
        .next(story),
        None
    );
}

#[test]
fn base_paths_are_stripped_and_added_back() {
    let story = s();
    assert_eq!(normalize_base("/"), "");
    assert_eq!(normalize_base(""), "");
    assert_eq!(normalize_base("/iraq/"), "/iraq");
    assert_eq!(normalize_base("explainers/iraq"), "/explainers/iraq");
    assert_eq!(strip_base("/iraq", "/iraq/round-one/"), "/round-one/");
    assert_eq!(strip_base("/iraq", "/iraq"), "/");
    assert_eq!(strip_base("/iraq", "/iraqi/x/"), "/iraqi/x/");
    assert_eq!(strip_base("", "/round-one/"), "/round-one/");
    let route = Route::Step {
        chapter: 1,
        step: 2,
    };
    let href = route.href(story, "/iraq");
    assert!(href.starts_with("/iraq/"), "{href}");
    assert_eq!(Route::parse(story, strip_base("/iraq", &href)), route);
}

/// A tiny deterministic generator, so the fuzz-style test needs no crate and
/// fails the same way every time it fails.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn parsing_arbitrary_input_never_panics_and_is_stable() {
    let story = s();
    let alphabet: Vec<char> =
        "/-?#.%&=abcdeinorstuvwxyz0123456789 <>\"'\\\u{0}\u{202e}\u{fe0f}é漢🙂"
            .chars()
            .collect();
    let slugs: Vec<&str> = story
        .chapters
        .iter()
        .flat_map(|c| {
            std::iter::once(c.slug.as_str()).chain(c.steps.iter().map(|s| s.slug.as_str()))
        })
        .collect();
    let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
    for _ in 0..20_000 {
        let len = (rng.next() % 40) as usize;
        let mut input = String::new();
        for _ in 0..len {
            if rng.next().is_multiple_of(5) {
                input.push('/');
                input.push_str(slugs[(rng.next() as usize) % slugs.len()]);
            } else {
                input.push(alphabet[(rng.next() as usize) % alphabet.len()]);
            }
        }
        let route = Route::parse(story, &input);
        // Whatever it parses to, its canonical path parses to the same page.
        if route != Route::NotFound {
            assert_eq!(Route::parse(story, &route.path(story)), route, "{input:?}");
        }
    }
    let long = "/".to_owned() + &"a".repeat(100_000);
    assert_eq!(Route::parse(story, &long), Route::NotFound);
}

#[test]
fn the_arabic_edition_lives_under_ar_with_the_same_slugs() {
    use explainer::state::route::edition_prefix;
    let (en, ar) = (s(), explainer::story::story_in("ar").unwrap());
    assert_eq!(edition_prefix("en"), "");
    assert_eq!(edition_prefix(""), "");
    assert_eq!(edition_prefix("ar"), "/ar");
    // A tag that is not one cannot make a path of its own.
    assert_eq!(edition_prefix("../x"), "");
    assert_eq!(edition_prefix("a r"), "");
    assert_eq!(Route::pages(en), Route::pages(ar));
    for route in Route::pages(ar) {
        let (path, site) = (route.path(ar), route.site_path(ar));
        assert_eq!(path, route.path(en), "slugs are the same");
        assert_eq!(site, format!("/ar{path}"));
        assert_eq!(route.site_path(en), path);
        assert_eq!(
            route.href(ar, "/explainers/iraq/"),
            format!("/explainers/iraq/ar{path}")
        );
        assert_eq!(Route::parse(ar, &path), route);
    }
}

#[test]
fn the_language_switch_keeps_the_readers_place() {
    use explainer::state::route::same_place;
    assert_eq!(
        same_place("/ar/round-one/", "?troops=may-2003", "#main"),
        "/ar/round-one/?troops=may-2003#main"
    );
    assert_eq!(
        same_place("/ar/all/", "", "#round-one-iraqs-pledge"),
        "/ar/all/#round-one-iraqs-pledge"
    );
    // What the link carried gives way; empty parts are dropped.
    assert_eq!(same_place("/round-one/?old=1#old", "?", "#"), "/round-one/");
    assert_eq!(same_place("/round-one/", "x=1", "y"), "/round-one/");
}
