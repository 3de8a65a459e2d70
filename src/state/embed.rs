//! The embed protocol: the messages an embedded page and its host page
//! exchange with `postMessage`. Kept pure, so every rule is tested natively:
//!
//! - once it is interactive, the embed says so: `{type:
//!   "strategic-dialogue:ready", version: 1, path: "/embed/round-one/"}`;
//! - the embed tells its host its height: `{type: "strategic-dialogue:height",
//!   version: 1, height: 812, path: "/embed/round-one/"}`;
//! - the host may move the embed to another step:
//!   `{type: "strategic-dialogue:go", path: "/round-two/"}`.
//!
//! The README's "Embed protocol" is the contract, versioned by
//! [`PROTOCOL`]. Anything else is ignored. Nothing from a message is ever executed or
//! inserted as HTML: the only thing a host can do is name a step, which is
//! looked up in the story like any address.

use super::Route;
use crate::story::Story;

/// The protocol's version, sent as `version` with every message an embed
/// sends. Fields are only ever added within a version.
pub const PROTOCOL: u32 = 1;

/// The `type` of the message an embed sends once it is interactive.
pub const READY_MESSAGE: &str = "strategic-dialogue:ready";

/// The `type` of the message an embed sends with its height.
pub const HEIGHT_MESSAGE: &str = "strategic-dialogue:height";

/// The `type` of the message a host sends to move an embed.
pub const GO_MESSAGE: &str = "strategic-dialogue:go";

/// Longest path a host may send.
const MAX_PATH: usize = 300;

/// Where a host's message asks the embed to go, if it is a valid request:
/// the right type, a path of sensible length that names a step. The embed
/// keeps its own form (whole step, or figure alone). `None` means ignore it.
pub fn host_request(
    story: &Story,
    kind: Option<&str>,
    path: Option<&str>,
    current: Route,
) -> Option<Route> {
    if kind? != GO_MESSAGE {
        return None;
    }
    let path = path?;
    if path.is_empty() || path.len() > MAX_PATH || !path.starts_with('/') {
        return None;
    }
    let chart = current.unembed().is_some_and(|(_, chart)| chart);
    let step = match Route::parse(story, path) {
        step @ Route::Step { .. } => step,
        embed @ Route::Embed { .. } => embed.canonical(),
        _ => return None,
    };
    let mut target = step.embed(chart);
    // A figure-only embed cannot show a step without a figure: it shows the
    // whole step instead.
    if Route::parse(story, &target.path(story)) != target {
        target = step.embed(false);
    }
    (target != current).then_some(target)
}

/// A height worth reporting: whole pixels, within what any page could need.
pub fn report_height(height: f64) -> Option<u32> {
    (height.is_finite() && height >= 1.0).then(|| height.ceil().min(100_000.0) as u32)
}

/// The code an editor pastes into a page to embed `path` (an embed page's
/// address from the site's base, as [`Route::site_path`] gives it:
/// `/embed/round-one/`, `/ar/embed/round-one/chart/`): an iframe
/// that works on its own, at `height` pixels (the page at a 640 px column,
/// estimated at build time), for pages whose editor strips scripts; then
/// the script, which only keeps the frame as tall as its content. `root` is
/// the explainer's address with its base path and a final slash, e.g.
/// `https://example.org/explainers/iraq/`.
pub fn embed_code(root: &str, path: &str, title: &str, height: u32) -> String {
    use crate::story::html::escape;
    format!(
        concat!(
            "<iframe src=\"{src}\" title=\"{title}\" width=\"100%\" height=\"{height}\" loading=\"lazy\" ",
            "style=\"display:block;width:100%;min-height:{height}px;border:0\" data-dialogue-embed></iframe>\n",
            "<script src=\"{root}public/embed.js\" async></script>"
        ),
        src = escape(&format!("{root}{}", path.trim_start_matches('/'))),
        title = escape(title),
        height = height,
        root = escape(root),
    )
}
