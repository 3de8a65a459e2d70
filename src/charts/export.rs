//! What a reader can take away from a chart: its numbers as CSV, and the
//! current view as SVG (drawn by the same draw function as the canvas).

use plotters::prelude::SVGBackend;

use super::{troops, ChartStyle, DrawResult};
use crate::story::{Figure, Story};

/// Quotes a CSV field when it needs it (RFC 4180).
pub fn csv_field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_owned()
    }
}

/// The troop series as CSV: a header row, then one row per figure, with its
/// source and any caveat. Counts are plain numbers, not formatted text.
pub fn troops_csv(story: &Story) -> String {
    let (ui, data) = (&story.ui, &story.data.troops);
    let header = [
        ui.col_date.as_str(),
        "year",
        data.us_label.as_str(),
        data.coalition_label.as_str(),
        ui.col_source.as_str(),
        ui.col_note.as_str(),
    ];
    let mut out = header.map(csv_field).join(",") + "\r\n";
    for p in &data.points {
        let source = story.source(&p.source).map_or(p.source.clone(), |s| {
            format!("{} ({})", s.publisher, s.title)
        });
        let row = [
            p.label.clone(),
            format!("{:.2}", p.year),
            format!("{}", p.us.round() as i64),
            p.coalition
                .map(|c| format!("{}", c.round() as i64))
                .unwrap_or_default(),
            source,
            p.note.clone().unwrap_or_default(),
        ];
        out += &(row
            .iter()
            .map(|f| csv_field(f))
            .collect::<Vec<_>>()
            .join(",")
            + "\r\n");
    }
    out
}

/// The troop chart as an SVG document, as the reader sees it now.
pub fn troops_svg(
    story: &Story,
    figure: Option<&Figure>,
    selected: Option<usize>,
    size: (u32, u32),
    dark: bool,
) -> DrawResult<String> {
    let mut svg = String::new();
    {
        let backend = SVGBackend::with_string(&mut svg, size);
        troops::draw(
            backend,
            &story.data.troops,
            figure,
            selected,
            &ChartStyle { scale: 1.0, dark },
        )?;
    }
    Ok(svg)
}
