//! Link-preview images, drawn natively at build time: the right size, real
//! PNG files, with the page's words and, for steps with a figure, the chart.

use explainer::site::preview::{png, render, SIZE};
use explainer::state::Route;
use explainer::story::story;

fn distinct_colours(rgb: &[u8], x0: usize, x1: usize) -> usize {
    let mut seen = std::collections::HashSet::new();
    for y in 0..SIZE.1 as usize {
        for x in x0..x1 {
            let i = (y * SIZE.0 as usize + x) * 3;
            seen.insert((rgb[i], rgb[i + 1], rgb[i + 2]));
        }
    }
    seen.len()
}

#[test]
fn every_page_has_a_preview_with_its_words_and_its_figure() {
    let story = story().unwrap();
    let mut seen = std::collections::HashSet::new();
    for route in Route::pages(story)
        .into_iter()
        .filter(|r| r.unembed().is_none())
    {
        let rgb = render(story, route).unwrap();
        assert_eq!(rgb.len(), (SIZE.0 * SIZE.1 * 3) as usize);
        // Text is anti-aliased: the left half holds many shades.
        assert!(distinct_colours(&rgb, 40, 600) > 20, "{route:?}: no text");
        let has_figure = matches!(route, Route::Step { chapter, step }
            if story.chapters[chapter].steps[step].figure.is_some());
        let right = distinct_colours(&rgb, 640, 1150);
        if has_figure {
            assert!(right > 10, "{route:?}: no chart ({right} colours)");
        }
        assert!(
            seen.insert(rgb),
            "{route:?}: the same image as another page"
        );
    }
}

#[test]
fn the_preview_is_a_1200_by_630_png() {
    let story = story().unwrap();
    let bytes = png(story, Route::Cover).unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    let width = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
    assert_eq!((width, height), SIZE);
    assert!(bytes.len() < 400_000, "{} bytes", bytes.len());
}
