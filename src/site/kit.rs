//! The editor's kit, at build time: the height an embed's frame starts at,
//! and the oEmbed document that turns a bare link into the embed.
//!
//! The embed code is an iframe that must work without its script (many
//! CMSs strip scripts from pasted HTML), so it carries a height: the page's
//! at a 640 px column, estimated here from its words and its figure. The
//! estimate errs long: `tests/e2e/embed.test.mjs` loads every embed page at
//! 640 px and checks that the estimate is never short, and never more than
//! a screenful long.

use crate::state::embed::embed_code;
use crate::state::Route;
use crate::story::html::plain_text;
use crate::story::{ChartKind, Story};

/// The column the frame's height is for, in CSS pixels: a typical
/// article's.
pub const COLUMN: u32 = 640;

/// How a page lays out at [`COLUMN`], in CSS pixels, as measured on the
/// built pages (see the module's note); the rest is counting lines.
mod at_640 {
    /// The credit, the way out, the step's heading's margins and the page's
    /// padding.
    pub const CHROME: f64 = 150.0;
    /// Characters a line of the step's heading holds, and its line height.
    pub const TITLE: (f64, f64) = (30.0, 40.0);
    /// Characters a line of body text holds, its line height and the space
    /// after a paragraph.
    pub const BODY: (f64, f64, f64) = (58.0, 27.2, 18.0);
    /// A figure's title, note and summary: characters a line, line height.
    pub const FIGURE_TITLE: (f64, f64) = (42.0, 26.0);
    pub const FIGURE_NOTE: (f64, f64) = (70.0, 21.0);
    pub const SUMMARY: (f64, f64) = (66.0, 23.0);
    /// Everything else under a figure: the readout's line, the keys' hint,
    /// the disclosure of numbers and downloads, and their margins.
    pub const FIGURE_REST: f64 = 170.0;
}

/// Lines `text` takes at `per_line` characters a line, never fewer than one.
fn lines(text: &str, per_line: f64) -> f64 {
    (text.chars().count() as f64 / per_line).ceil().max(1.0)
}

/// The height of the chart's frame in a column of `width` pixels, as the
/// stylesheet sizes it (`.chart-frame`).
fn frame(kind: ChartKind, width: f64) -> f64 {
    let ratio = match kind {
        ChartKind::Parliament => 2.0,
        _ => 16.0 / 11.0,
    };
    (width / ratio).min(480.0)
}

/// The height of embed page `route` at [`COLUMN`], in CSS pixels, rounded
/// up to a multiple of 10; `None` for a page that is not an embed.
pub fn frame_height(story: &Story, route: Route) -> Option<u32> {
    use at_640::*;
    let (step_route, chart_only) = route.unembed()?;
    let Route::Step { chapter, step } = step_route else {
        return None;
    };
    let s = story.chapters.get(chapter)?.steps.get(step)?;
    let mut h = CHROME;
    if !chart_only {
        h += lines(&s.title, TITLE.0) * TITLE.1;
        for p in &s.body {
            let text = plain_text(std::slice::from_ref(p), usize::MAX);
            h += lines(&text, BODY.0) * BODY.1 + BODY.2;
        }
    }
    if let Some(f) = &s.figure {
        let (title, summary, note) = crate::charts::items::words(story, f.chart);
        h += lines(title, FIGURE_TITLE.0) * FIGURE_TITLE.1;
        h += lines(note, FIGURE_NOTE.0) * FIGURE_NOTE.1;
        h += frame(f.chart, f64::from(COLUMN) - 32.0);
        h += lines(summary, SUMMARY.0) * SUMMARY.1;
        h += FIGURE_REST;
    }
    Some(((h / 10.0).ceil() * 10.0) as u32)
}

/// The site's public address without a final slash, from `SITE_URL` at
/// build time (`https://example.org`); `None` without one, and then
/// nothing that must be absolute (canonical links, previews, oEmbed) is
/// written.
pub fn site_url() -> Option<String> {
    std::env::var("SITE_URL")
        .ok()
        .map(|s| s.trim_end_matches('/').to_owned())
        .filter(|s| s.starts_with("https://") || s.starts_with("http://"))
}

/// `s` as `JSON.stringify` writes a string.
pub fn json_string(s: &str) -> String {
    let mut out = String::from('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The oEmbed document (type `rich`) of embed page `route`, for a site at
/// `root` (its address with the base path and a final slash): the same
/// iframe code the step's "Copy embed code" gives, at [`COLUMN`] wide.
/// `None` for a page that is not an embed.
pub fn oembed(story: &Story, route: Route, root: &str) -> Option<String> {
    let (step, _) = route.unembed()?;
    let (title, height, html) = embed_parts(story, route, root)?;
    let preview = format!(
        "{root}{}{}",
        step.site_path(story).trim_start_matches('/'),
        crate::site::preview::FILE
    );
    let fields = [
        ("version", json_string("1.0")),
        ("type", json_string("rich")),
        ("title", json_string(&title)),
        ("provider_name", json_string(&story.meta.title)),
        ("provider_url", json_string(root)),
        ("html", json_string(&html)),
        ("width", COLUMN.to_string()),
        ("height", height.to_string()),
        ("thumbnail_url", json_string(&preview)),
        ("thumbnail_width", crate::site::preview::SIZE.0.to_string()),
        ("thumbnail_height", crate::site::preview::SIZE.1.to_string()),
    ];
    let body: Vec<String> = fields
        .iter()
        .map(|(k, v)| format!("{}:{v}", json_string(k)))
        .collect();
    Some(format!("{{{}}}\n", body.join(",")))
}

/// The code that embeds embed page `route` for a site at `root`: what a
/// step's "Copy embed code" gives. `None` for a page that is not an embed.
pub fn embed_code_for(story: &Story, route: Route, root: &str) -> Option<String> {
    embed_parts(story, route, root).map(|(_, _, html)| html)
}

/// Embed page `route`'s step title, frame height and embed code, worked
/// out once for both the code and the oEmbed document around it.
fn embed_parts(story: &Story, route: Route, root: &str) -> Option<(String, u32, String)> {
    let height = frame_height(story, route)?;
    let (step, _) = route.unembed()?;
    let title = crate::site::app::page_title(story, step);
    let html = embed_code(root, &route.site_path(story), &title, height);
    Some((title, height, html))
}

/// Where the build writes the oEmbed document of embed page `route`: beside
/// its page, as `oembed.json` (`/embed/round-one/oembed.json`).
pub fn oembed_path(story: &Story, route: Route) -> String {
    format!("{}oembed.json", route.site_path(story))
}
