//! What a reader can take away from a chart: its numbers as CSV, and the
//! current view as SVG (drawn by the same draw function as the canvas).

use super::items::{table, Numbers};
use super::{draw, ChartStyle, DrawResult, View};
use crate::story::{join, ChartKind, Story};

/// Quotes a CSV field when it needs it (RFC 4180).
pub fn csv_field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_owned()
    }
}

/// A figure's numbers as CSV: a header row, then one row per item, with
/// its sources and any caveat. Numbers are plain, not formatted text.
pub fn csv(story: &Story, kind: ChartKind) -> String {
    let t = table(story, kind, Numbers::Plain);
    std::iter::once(&t.headers)
        .chain(&t.rows)
        .map(|row| join(row.iter().map(|f| csv_field(f)), ",") + "\r\n")
        .collect()
}

/// A figure as an SVG document, as the reader sees it now, its text in the
/// story's direction.
pub fn svg(
    story: &Story,
    kind: ChartKind,
    view: &View,
    size: (u32, u32),
    dark: bool,
) -> DrawResult<String> {
    let mut out = String::new();
    {
        let rtl = story.meta.dir == "rtl";
        let backend = super::svg::SvgWriter::with_direction(&mut out, size, rtl);
        draw(
            kind,
            backend,
            &story.data,
            view,
            &ChartStyle { scale: 1.0, dark },
        )?;
    }
    Ok(out)
}
