//! A figure drawn at build time, for the whole story's first view.
//!
//! The whole story loads its wasm at the reader's first move (see
//! `PAGE_ON_MOVE` in `src/bin/prerender.rs`), so until then its figure is a
//! picture: the first figure, drawn by the same draw function into SVG,
//! light and dark. The stylesheet shows it behind the canvas until the
//! canvas is first drawn (`data-draws`). It travels in the page, so it
//! paints with the text and costs no request.

use crate::charts::items::step_view;
use crate::charts::{draw, svg::SvgWriter, ChartStyle};
use crate::story::{Figure, Story};

/// The size the picture is drawn at, in CSS pixels: about the figure's on a
/// laptop. The stylesheet fits it to the frame, whatever that is.
pub const SIZE: (u32, u32) = (440, 400);

/// `figure` as SVG, in the light or dark colours.
pub fn svg(story: &Story, figure: &Figure, dark: bool) -> Result<String, String> {
    let mut out = String::new();
    let view = step_view(story, figure);
    let style = ChartStyle { scale: 1.0, dark };
    draw(
        figure.chart,
        SvgWriter::new(&mut out, SIZE),
        &story.data,
        &view,
        &style,
    )
    .map_err(|e| e.to_string())?;
    Ok(out)
}

/// The canvas's `style` attribute that carries the picture: the custom
/// properties `--still` and `--still-dark`, each a CSS `url()` of the SVG.
pub fn style(story: &Story, figure: &Figure) -> Result<String, String> {
    Ok(format!(
        "--still:{};--still-dark:{}",
        css_url(&svg(story, figure, false)?),
        css_url(&svg(story, figure, true)?)
    ))
}

/// `svg` as a CSS `url('data:…')`, percent-encoding only what a data URL,
/// a single-quoted CSS string and an HTML attribute cannot hold as it is:
/// SVG stays readable, and brotli compresses it as text.
pub fn css_url(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len() + 64);
    out.push_str("url('data:image/svg+xml,");
    for c in svg.chars() {
        match c {
            '%' | '#' | '<' | '>' | '\'' | '"' | '&' | '\\' | '(' | ')' => {
                out.push_str(&format!("%{:02X}", c as u32));
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out.push_str("')");
    out
}

/// `html` with `style` on its first `<canvas`; `html` as it was if it has
/// none.
pub fn on_first_canvas(html: &str, style: &str) -> String {
    match html.find("<canvas") {
        Some(at) => {
            let escaped = style.replace('&', "&amp;").replace('"', "&quot;");
            let open = at + "<canvas".len();
            format!(r#"{} style="{escaped}"{}"#, &html[..open], &html[open..])
        }
        None => html.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_css_url_keeps_nothing_that_ends_it_early() {
        let url = css_url(r##"<svg fill="#fff"><text>it's (1%)</text></svg>"##);
        let inner = &url["url('".len()..url.len() - "')".len()];
        for c in ['\'', '"', '<', '>', '#', '(', ')'] {
            assert!(!inner.contains(c), "{c} left in {inner}");
        }
        assert!(inner.contains("%23fff") && inner.contains("1%25"));
    }

    #[test]
    fn the_style_goes_on_the_first_canvas_only() {
        let html = r#"<div><canvas class="a"></canvas><canvas></canvas></div>"#;
        let out = on_first_canvas(html, "--still:url('x')");
        assert_eq!(
            out,
            r#"<div><canvas style="--still:url('x')" class="a"></canvas><canvas></canvas></div>"#
        );
        assert_eq!(on_first_canvas("<p></p>", "x"), "<p></p>");
    }
}
