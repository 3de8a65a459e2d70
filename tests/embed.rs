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
fn the_embed_code_is_two_lines_with_everything_escaped() {
    let code = embed_code(
        "https://example.org/iraq/",
        "/round-one/",
        "Iraq's \"pledge\" <b>",
    );
    let lines: Vec<&str> = code.lines().collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(
        lines[0],
        r#"<div data-dialogue-embed="/round-one/" data-title="Iraq&#39;s &quot;pledge&quot; &lt;b&gt;"></div>"#
    );
    assert_eq!(
        lines[1],
        r#"<script src="https://example.org/iraq/public/embed.js" async></script>"#
    );
}
