//! The embed protocol: what a host page may ask, and the code an editor
//! pastes. Hostile messages are ignored; only a step can be named.

use explainer::state::embed::{embed_code, host_request, report_height, GO_MESSAGE};
use explainer::state::Route;
use explainer::story::story;

#[test]
fn a_host_can_move_an_embed_to_a_step_and_nothing_else() {
    let story = story().unwrap();
    let here = Route::Step {
        chapter: 1,
        step: 0,
    }
    .embed(false);
    let go = |path: &str| host_request(story, Some(GO_MESSAGE), Some(path), here);
    assert_eq!(
        go("/round-two/"),
        Some(Route::parse(story, "/embed/round-two/"))
    );
    assert_eq!(
        go("/embed/round-two/"),
        Some(Route::parse(story, "/embed/round-two/"))
    );
    assert_eq!(go("/round-one/"), None, "already there");
    let long = format!("/{}", "a".repeat(400));
    for bad in [
        "",
        "round-two",
        "/nope/",
        "/",
        "/all/",
        "javascript:alert(1)",
        "//evil.example/round-two/",
        "/<script>alert(1)</script>/",
        "/round-two/\u{202e}",
        long.as_str(),
        "https://evil.example/round-two/",
    ] {
        assert_eq!(go(bad), None, "{bad:?}");
    }
    assert_eq!(
        host_request(
            story,
            Some("strategic-dialogue:height"),
            Some("/round-two/"),
            here
        ),
        None
    );
    assert_eq!(host_request(story, None, Some("/round-two/"), here), None);
    assert_eq!(host_request(story, Some(GO_MESSAGE), None, here), None);
}

#[test]
fn a_figure_embed_stays_a_figure_where_it_can() {
    let story = story().unwrap();
    let chart = Route::parse(story, "/embed/round-one/iraqs-pledge/chart/");
    let to_figure = host_request(
        story,
        Some(GO_MESSAGE),
        Some("/round-two/kadhimis-footing/"),
        chart,
    );
    assert_eq!(
        to_figure,
        Some(Route::parse(
            story,
            "/embed/round-two/kadhimis-footing/chart/"
        ))
    );
    // The sources step has no figure: the whole step is shown instead.
    let to_text = host_request(
        story,
        Some(GO_MESSAGE),
        Some("/sources/the-article/"),
        chart,
    );
    assert_eq!(
        to_text,
        Some(Route::parse(story, "/embed/sources/the-article/"))
    );
}

#[test]
fn heights_are_whole_sensible_pixels() {
    assert_eq!(report_height(812.2), Some(813));
    assert_eq!(report_height(0.0), None);
    assert_eq!(report_height(f64::NAN), None);
    assert_eq!(report_height(f64::INFINITY), None);
    assert_eq!(report_height(1e9), Some(100_000));
}

#[test]
fn the_embed_code_is_an_iframe_that_works_alone_then_the_script_with_everything_escaped() {
    let code = embed_code(
        "https://example.org/iraq/",
        "/embed/round-one/",
        "Iraq's \"pledge\" <b>",
        1170,
    );
    let lines: Vec<&str> = code.lines().collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(
        lines[0],
        concat!(
            r#"<iframe src="https://example.org/iraq/embed/round-one/" title="Iraq&#39;s &quot;pledge&quot; &lt;b&gt;" "#,
            r#"width="100%" height="1170" loading="lazy" style="display:block;width:100%;min-height:1170px;border:0" data-dialogue-embed></iframe>"#
        )
    );
    assert_eq!(
        lines[1],
        r#"<script src="https://example.org/iraq/public/embed.js" async></script>"#
    );
}

#[test]
fn every_embed_has_a_frame_height_and_an_oembed_document_with_the_same_code() {
    use explainer::site::kit::{frame_height, oembed, oembed_path, COLUMN};
    let story = story().unwrap();
    let root = "https://example.org/iraq/";
    let mut embeds = 0;
    for route in Route::pages(story) {
        let Some((step, chart)) = route.unembed() else {
            assert_eq!(frame_height(story, route), None);
            assert_eq!(oembed(story, route, root), None);
            continue;
        };
        embeds += 1;
        let h = frame_height(story, route).expect("an embed has a height");
        // A figure alone is shorter than its step with the figure.
        assert!((250..4000).contains(&h), "{h}");
        if chart {
            assert!(h < frame_height(story, step.embed(false)).unwrap());
        }
        let json = oembed(story, route, root).unwrap();
        let title = explainer::site::app::page_title(story, step);
        let path = route.path(story);
        let code = embed_code(root, &path, &title, h);
        for field in [
            r#""version":"1.0""#.to_owned(),
            r#""type":"rich""#.to_owned(),
            format!(r#""width":{COLUMN}"#),
            format!(r#""height":{h}"#),
            format!(r#""html":{}"#, explainer::site::kit::json_string(&code)),
        ] {
            assert!(json.contains(&field), "{path}: {field} in {json}");
        }
        assert_eq!(oembed_path(story, route), format!("{path}oembed.json"));
    }
    assert!(embeds > 20);
    // One written out by hand: the frame's address is the embed page's.
    let chart = Route::parse(story, "/embed/round-two/allies-in-parliament/chart/");
    let json = oembed(story, chart, root).unwrap();
    assert!(
        json.contains(r#""html":"<iframe src=\"https://example.org/iraq/embed/round-two/allies-in-parliament/chart/\" title=\""#),
        "{json}"
    );
    assert!(json.starts_with('{') && json.trim_end().ends_with('}'));
    // The Arabic edition's frames and documents live under /ar/; its
    // script is the site's one.
    let ar = explainer::story::story_in("ar").unwrap();
    let chart = Route::parse(ar, "/embed/round-two/allies-in-parliament/chart/");
    let json = oembed(ar, chart, root).unwrap();
    assert!(
        json.contains(r#""html":"<iframe src=\"https://example.org/iraq/ar/embed/round-two/allies-in-parliament/chart/\" title=\""#),
        "{json}"
    );
    assert!(json.contains(r#"<script src=\"https://example.org/iraq/public/embed.js\""#));
    assert!(json.contains(
        r#""thumbnail_url":"https://example.org/iraq/ar/round-two/allies-in-parliament/"#
    ));
    assert_eq!(
        oembed_path(ar, chart),
        "/ar/embed/round-two/allies-in-parliament/chart/oembed.json"
    );
}
