//! Islands (`explainer::islands`): each one's props carry everything its
//! view reads, survive the trip through the page, and nothing more than
//! the page needs travels.

use explainer::charts::items::{readout, slugs, words};
use explainer::charts::{export, View};
use explainer::islands::embed::{outline, EmbedProps};
use explainer::islands::figure::{figure_story, FigureProps};
use explainer::islands::steps::{key_target, Links};
use explainer::islands::{props_from_text, props_text, valid_markers};
use explainer::state::embed::{host_request, GO_MESSAGE};
use explainer::state::Route;
use explainer::story::wire::encode;
use explainer::story::{story, ChartKind, Figure};

/// Props as the page holds them: the text in the attribute, HTML-escaped.
fn from_text<P: explainer::story::wire::Wire>(text: &str) -> Option<P> {
    let unescaped = text
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#x27;", "'")
        .replace("&amp;", "&");
    props_from_text(&unescaped)
}

#[test]
fn a_figure_island_reads_from_its_cut_down_story_what_it_would_from_the_whole() {
    let full = story().unwrap();
    for kind in ChartKind::ALL {
        let cut = figure_story(full, &[kind]);
        assert_eq!(words(&cut, kind), words(full, kind), "{kind:?}");
        let items = slugs(full, kind);
        assert!(!items.is_empty(), "{kind:?} has items");
        assert_eq!(slugs(&cut, kind), items, "{kind:?}");
        for i in 0..items.len() {
            assert_eq!(
                readout(&cut, kind, i),
                readout(full, kind, i),
                "{kind:?} {i}"
            );
        }
        assert_eq!(export::csv(&cut, kind), export::csv(full, kind), "{kind:?}");
        let view = View {
            selected: Some(items.len() / 2),
            ..View::default()
        };
        assert_eq!(
            export::svg(&cut, kind, &view, (640, 400), true).ok(),
            export::svg(full, kind, &view, (640, 400), true).ok(),
            "{kind:?}"
        );
        // The whole story is about 30 times the largest cut.
        let (cut_len, full_len) = (encode(&cut).len(), encode(full).len());
        assert!(
            cut_len * 4 < full_len,
            "{kind:?}: {cut_len} of {full_len} bytes"
        );
        assert!(
            cut.chapters.is_empty() && cut.glossary.is_empty(),
            "{kind:?}"
        );
    }
}

#[test]
fn any_bytes_survive_as_attribute_text() {
    use explainer::islands::bytes_text;
    use explainer::state::url::decode_bytes;
    let clean = |text: &str| {
        text.chars().all(|c| {
            c >= ' '
                && !('\u{7f}'..'\u{a0}').contains(&c)
                && !('\u{fdd0}'..='\u{fdef}').contains(&c)
                && (u32::from(c) & 0xfffe) != 0xfffe
        })
    };
    // Every pair of bytes, and each behind a lead byte of every length.
    for a in 0..=255u8 {
        for b in 0..=255u8 {
            for bytes in [
                vec![a, b],
                vec![0xE0, a, b],
                vec![0xF0, 0x9F, a, b],
                vec![b'%', a, b],
            ] {
                let text = bytes_text(&bytes);
                assert!(clean(&text), "{bytes:?} → {text:?}");
                assert_eq!(decode_bytes(&text, false), bytes, "{text:?}");
            }
        }
    }
    // Letters beyond ASCII are themselves; controls and noncharacters not.
    assert_eq!(bytes_text("دالة “x”".as_bytes()), "دالة “x”");
    assert_eq!(
        bytes_text("\u{85}\u{fdd0}\u{ffff}".as_bytes()),
        "%C2%85%EF%B7%90%EF%BF%BF"
    );
}

#[test]
fn props_survive_the_page_and_damaged_props_are_refused() {
    let full = story().unwrap();
    let props = FigureProps {
        story: figure_story(full, &[ChartKind::Timeline]),
        figure: Figure {
            chart: ChartKind::Timeline,
            from: Some(2020.1),
            to: Some(2020.5),
            highlight: vec!["round-one".to_owned()],
        },
    };
    let text = props_text(&props);
    // Printable characters only, and the figure's words readable as they are.
    assert!(text
        .chars()
        .all(|c| c >= ' ' && !('\u{7f}'..'\u{a0}').contains(&c)));
    assert!(text.contains("round-one"));
    assert_eq!(props_from_text::<FigureProps>(&text), Some(props));
    // Arabic words stand as themselves, as they do in the page, so brotli
    // finds them there (escaped, each letter was six characters).
    let ar = explainer::story::story_in("ar").unwrap();
    let props = FigureProps {
        story: figure_story(ar, &[ChartKind::Troops]),
        figure: Figure {
            chart: ChartKind::Troops,
            from: None,
            to: None,
            highlight: Vec::new(),
        },
    };
    let text = props_text(&props);
    let title = &ar.data.troops.title;
    assert!(
        text.contains(title.as_str()),
        "{title} is not in the props as written"
    );
    assert_eq!(props_from_text::<FigureProps>(&text), Some(props));
    let cut: String = text.chars().take(text.len() / 2).collect();
    assert_eq!(props_from_text::<FigureProps>(&cut), None);
    assert_eq!(props_from_text::<FigureProps>("not props"), None);
    assert_eq!(props_from_text::<FigureProps>("%zz%"), None);
    assert_eq!(props_from_text::<FigureProps>(""), None);
}

#[test]
fn an_embed_checks_a_host_request_against_the_outline_as_against_the_story() {
    let full = story().unwrap();
    let shape = outline(full);
    let props = EmbedProps {
        outline: shape.clone(),
        path: "/embed/round-one/".to_owned(),
    };
    assert_eq!(from_text::<EmbedProps>(&props_text(&props)), Some(props));
    assert!(encode(&shape).len() * 20 < encode(full).len());
    let targets: Vec<String> = Route::pages(full)
        .iter()
        .map(|r| r.path(full))
        .chain(["/nope/", "/", "/all/", "/round-two/x/", "/embed/"].map(str::to_owned))
        .collect();
    for page in Route::pages(full)
        .into_iter()
        .filter(|r| r.unembed().is_some())
    {
        let here = page.path(full);
        assert_eq!(Route::parse(&shape, &here), page, "{here}");
        for path in &targets {
            let by_story = host_request(full, Some(GO_MESSAGE), Some(path), page);
            let by_shape = host_request(&shape, Some(GO_MESSAGE), Some(path), page);
            assert_eq!(
                by_story.map(|r| r.path(full)),
                by_shape.map(|r| r.path(&shape)),
                "{here} asked for {path}"
            );
        }
    }
}

#[test]
fn keys_follow_the_direction_of_the_text() {
    let links = Links {
        previous: Some("/a/".to_owned()),
        next: Some("/c/".to_owned()),
        first: Some("/first/".to_owned()),
        last: None,
    };
    assert_eq!(key_target(&links, "ArrowRight", false), Some("/c/"));
    assert_eq!(key_target(&links, "ArrowLeft", false), Some("/a/"));
    assert_eq!(key_target(&links, "ArrowLeft", true), Some("/c/"));
    assert_eq!(key_target(&links, "ArrowRight", true), Some("/a/"));
    assert_eq!(key_target(&links, "Home", false), Some("/first/"));
    assert_eq!(key_target(&links, "End", false), None);
    assert_eq!(key_target(&links, "a", false), None);
}

#[test]
fn hydration_marks_are_written_as_valid_empty_comments() {
    assert_eq!(valid_markers("<p>a<!>b</p><!>"), "<p>a<!---->b</p><!---->");
    assert_eq!(valid_markers("<!-- kept -->"), "<!-- kept -->");
}

#[test]
fn every_page_writes_islands_whose_props_its_wasm_can_read() {
    use explainer::islands::{
        builder::BuilderProps,
        scrolly::ScrollyProps,
        share::{OpenFullProps, ShareProps},
        steps::StepsProps,
    };
    use explainer::site::app::App;
    use explainer::state::BasePath;
    use leptos::prelude::*;
    let full = story().unwrap();
    let mut seen = std::collections::BTreeMap::<String, usize>::new();
    for route in Route::pages(full).into_iter().chain([Route::NotFound]) {
        let html = Owner::new().with(|| {
            let base = BasePath("/sub".to_owned());
            view! { <App story=full route base/> }.to_html()
        });
        let path = route.path(full);
        let mut rest = html.as_str();
        let mut figures = 0;
        while let Some(at) = rest.find("<leptos-island data-component=\"") {
            rest = &rest[at + 31..];
            let name = &rest[..rest.find('"').unwrap()];
            let props = rest
                .split_once("data-props=\"")
                .map(|(_, p)| &p[..p.find('"').unwrap()])
                .unwrap();
            let ok = match name {
                "figure" => {
                    figures += 1;
                    from_text::<FigureProps>(props).is_some()
                }
                "share" => from_text::<ShareProps>(props).is_some(),
                "open-full" => from_text::<OpenFullProps>(props).is_some(),
                "steps" => from_text::<StepsProps>(props).is_some(),
                "embed" => from_text::<EmbedProps>(props).is_some(),
                // The builder offers every step, each with its frame's height.
                "builder" => from_text::<BuilderProps>(props).is_some_and(|p| {
                    p.steps.len() + 1 == Route::all(full).len()
                        && p.steps.iter().all(|s| s.height > 0.0)
                        && p.steps.iter().any(|s| s.chart_height > 0.0)
                }),
                // The whole story's one figure: every step's figure, in order.
                "story-figure" => from_text::<ScrollyProps>(props).is_some_and(|p| {
                    let steps = full.chapters.iter().flat_map(|c| &c.steps);
                    p.figures == steps.filter_map(|s| s.figure.clone()).collect::<Vec<_>>()
                }),
                other => panic!("{path}: unknown island {other}"),
            };
            assert!(ok, "{path}: the {name} island's props do not decode");
            *seen.entry(name.to_owned()).or_default() += 1;
        }
        let expected = match route {
            Route::Step { chapter, step } | Route::Embed { chapter, step, .. } => {
                usize::from(full.chapters[chapter].steps[step].figure.is_some())
            }
            Route::All => 0,
            _ => 0,
        };
        assert_eq!(figures, expected, "{path}: figure islands");
        // The story's text travels in the page, never in the props.
        assert!(!html.contains("data-props=\"\""), "{path}: empty props");
    }
    for name in [
        "figure",
        "share",
        "open-full",
        "steps",
        "embed",
        "builder",
        "story-figure",
    ] {
        assert!(
            seen.get(name).copied().unwrap_or(0) > 0,
            "no page has a {name} island"
        );
    }
}
