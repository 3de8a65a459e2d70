//! Figure 1: US (and other coalition) troops in Iraq, 2003–2021.
//!
//! The counts span three orders of magnitude (171,000 in 2007, 150 after
//! December 2011), so the y axis is logarithmic; the chart says so in its
//! axis label. A gap of more than two years between sourced figures breaks
//! the line instead of drawing a slope nobody measured.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::axes::{decade_ticks, polyline, x_labels, y_grid, Plot};
use super::{
    label, layout, px, text_width, thousands, triangle, ChartStyle, DrawResult, Hits, Target, View,
    TEXT,
};
use crate::story::Troops;

/// Years between two sourced figures beyond which the line breaks.
pub const MAX_GAP_YEARS: f64 = 2.0;

/// The x domain (fractional years).
pub const X_RANGE: (f64, f64) = (2002.5, 2022.5);

/// The y domain (troops, log scale).
pub const Y_RANGE: (f64, f64) = (100.0, 300_000.0);

/// Splits point indices into runs with no gap over [`MAX_GAP_YEARS`].
pub fn segments(years: &[f64]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=years.len() {
        if i == years.len() || years[i] - years[i - 1] > MAX_GAP_YEARS {
            if i > start {
                out.push(start..i);
            }
            start = i;
        }
    }
    out
}

/// Draws the chart on `backend`.
///
/// The view's period is drawn as a band and its selection rings one point.
/// Returns a target per point, in the order of `Troops::points`.
pub fn draw<DB: DrawingBackend>(
    backend: DB,
    data: &Troops,
    view: &View,
    style: &ChartStyle,
) -> DrawResult<Hits> {
    super::fonts::ensure();
    let selected = view.selected;
    let pal = style.palette();
    let root = backend.into_drawing_area();
    root.fill(&pal.ground)?;

    let (width, height) = root.dim_in_pixel();
    let (width, height) = (width as i32, height as i32);
    let (left, right) = (px(style, 62.0), width - px(style, 16.0));
    let line = layout::line_height(style);

    // The key first, across the top: each series in words, colour and shape.
    let key_bottom = key(&root, data, left, style)?;

    // Event markers: a rule each, its label in rows between the key and the
    // plot, each label beside its own rule and never across another's.
    let markers: Vec<_> = data
        .markers
        .iter()
        .filter(|m| (X_RANGE.0..=X_RANGE.1).contains(&m.year))
        .collect();
    let axis = |top| Plot {
        left,
        right,
        top,
        bottom: height - px(style, 26.0),
        x: X_RANGE,
        y: Y_RANGE,
        log_y: true,
    };
    let xs: Vec<i32> = markers.iter().map(|m| axis(0).px_x(m.year)).collect();
    let widths: Vec<i32> = markers
        .iter()
        .map(|m| text_width(&m.label, TEXT, style))
        .collect();
    let gap = px(style, 4.0);
    // On a screen too narrow for every label, the last ones go to a note
    // under the plot, in words, so no rule is left unexplained.
    let (hung, noted) = (0..=markers.len())
        .rev()
        .find_map(|k| layout::hang(&xs[..k], &widths[..k], &[], (0, width), gap, 4).map(|h| (h, k)))
        .unwrap_or_default();
    let rows = hung.iter().map(|h| h.row + 1).max().unwrap_or(0) as i32;
    let notes: Vec<String> = markers[noted..]
        .iter()
        .map(|m| format!("{} ({})", m.label, m.year as i32))
        .collect();
    let mut plot = axis(key_bottom + rows * line + px(style, 6.0));
    if !notes.is_empty() {
        plot.bottom -= line;
    }

    // The step's period first, so everything else draws over it.
    if let Some((from, to)) = view.period {
        let (from, to) = (from.max(X_RANGE.0), to.min(X_RANGE.1));
        root.draw(&Rectangle::new(
            [(plot.px_x(from), plot.top), (plot.px_x(to), plot.bottom)],
            pal.band.filled(),
        ))?;
    }

    let counts: Vec<(f64, String)> = decade_ticks(Y_RANGE.0, Y_RANGE.1)
        .into_iter()
        .map(|v| (v, thousands(v)))
        .collect();
    y_grid(&root, &plot, &counts, TEXT, &pal, style)?;
    let years: Vec<(f64, String)> = (2005..=2020)
        .step_by(5)
        .map(|y| (f64::from(y), y.to_string()))
        .collect();
    x_labels(&root, &plot, &years, true, TEXT, &pal, style)?;

    let mut room = layout::Room::new((plot.left, plot.top, plot.right, plot.bottom));
    let rule = ShapeStyle::from(pal.rule).stroke_width(style.px(1.0));
    for (v, _) in &counts {
        let y = plot.px_y(*v);
        room.line(&[(plot.left, y), (plot.right, y)]);
    }
    for (n, x) in xs.iter().enumerate() {
        let top = hung.get(n).map_or(plot.top, |h| {
            plot.top - px(style, 6.0) - h.row as i32 * line - line / 2
        });
        root.draw(&PathElement::new(vec![(*x, top), (*x, plot.bottom)], rule))?;
        room.line(&[(*x, plot.top), (*x, plot.bottom)]);
    }
    for ((m, h), x) in markers.iter().zip(&hung).zip(&xs) {
        let y = plot.top - px(style, 6.0) - h.row as i32 * line - line / 2;
        let (anchor, at) = if h.left {
            (HPos::Right, x - gap)
        } else {
            (HPos::Left, x + gap)
        };
        label(
            &root,
            &m.label,
            (at, y),
            TEXT,
            pal.ink,
            (anchor, VPos::Center),
            style,
        )?;
    }
    if !notes.is_empty() {
        let text = format!("{} {}", data.also_marked, notes.join(", "));
        label(
            &root,
            &super::fit(&text, width - 2 * gap, TEXT, style),
            (gap, height - gap),
            TEXT,
            pal.muted,
            (HPos::Left, VPos::Bottom),
            style,
        )?;
    }

    // Coalition: only sourced, non-zero counts (zero has no place on a log axis).
    let coalition: Vec<(f64, f64)> = data
        .points
        .iter()
        .filter_map(|p| p.coalition.filter(|c| *c > 0.0).map(|c| (p.year, c)))
        .collect();
    let coalition_years: Vec<f64> = coalition.iter().map(|p| p.0).collect();
    let coalition_style = ShapeStyle::from(pal.coalition).stroke_width(style.px(2.0));
    for run in segments(&coalition_years) {
        let line: Vec<(i32, i32)> = coalition[run].iter().map(|&p| plot.at(p)).collect();
        polyline(
            &root,
            &line,
            Some((px(style, 6.0), px(style, 4.0))),
            coalition_style,
        )?;
        room.line(&line);
    }
    let mark = px(style, 4.0);
    for &p in &coalition {
        root.draw(&(EmptyElement::at(plot.at(p)) + triangle(mark, pal.coalition.filled())))?;
        let (x, y) = plot.at(p);
        room.block((x - mark, y - mark, x + mark, y + mark));
    }

    // US series: solid line, broken at gaps, with a dot per sourced figure.
    let point = |p: &crate::story::TroopPoint| plot.at((p.year, p.us.max(Y_RANGE.0)));
    let point_years: Vec<f64> = data.points.iter().map(|p| p.year).collect();
    let us_style = ShapeStyle::from(pal.us).stroke_width(style.px(2.5));
    for run in segments(&point_years) {
        let line: Vec<(i32, i32)> = data.points[run].iter().map(point).collect();
        polyline(&root, &line, None, us_style)?;
        room.line(&line);
    }
    let radius = px(style, 4.0);
    for p in &data.points {
        root.draw(&Circle::new(point(p), style.px(3.5), pal.us.filled()))?;
        let (x, y) = point(p);
        room.block((x - radius, y - radius, x + radius, y + radius));
    }
    // The selected point: a ring, and its date and count beside it where
    // the room has space (the readout under the chart says it in full).
    if let Some(p) = selected.and_then(|i| data.points.get(i)) {
        let ring = px(style, 7.0);
        root.draw(&Circle::new(
            point(p),
            style.px(7.0),
            ShapeStyle::from(pal.ink).stroke_width(style.px(2.0)),
        ))?;
        let text = format!("{}: {}", p.label, thousands(p.us));
        layout::callout(&root, &mut room, &text, point(p), ring, pal.ink, style)?;
    }

    let hits = Hits {
        targets: data
            .points
            .iter()
            .enumerate()
            .map(|(i, p)| Target::point(i, point(p), radius))
            .collect(),
        snap: Some((plot.left, plot.top, plot.right, plot.bottom)),
    };
    root.present()?;
    Ok(hits)
}

/// The key across the top, left to right from `left`, wrapping where the
/// width runs out: each series as its line and mark, then its name.
/// Returns the bottom of the key.
fn key<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    data: &Troops,
    left: i32,
    style: &ChartStyle,
) -> DrawResult<i32> {
    let pal = style.palette();
    let (width, _) = root.dim_in_pixel();
    let line = layout::line_height(style);
    let (sample, gap) = (px(style, 22.0), px(style, 6.0));
    let (mut x, mut y) = (left, px(style, 4.0) + line / 2);
    for (text, color, dashed) in [
        (&data.us_label, pal.us, false),
        (&data.coalition_label, pal.coalition, true),
    ] {
        let w = sample + gap + text_width(text, TEXT, style);
        if x > left && x + w > width as i32 - gap {
            (x, y) = (left, y + line);
        }
        let stroke = ShapeStyle::from(color).stroke_width(style.px(if dashed { 2.0 } else { 2.5 }));
        let dash = dashed.then(|| (px(style, 6.0), px(style, 4.0)));
        polyline(root, &[(x, y), (x + sample, y)], dash, stroke)?;
        let mid = (x + sample / 2, y);
        if dashed {
            root.draw(&(EmptyElement::at(mid) + triangle(px(style, 4.0), color.filled())))?;
        } else {
            root.draw(&Circle::new(mid, style.px(3.5), color.filled()))?;
        }
        label(
            root,
            text,
            (x + sample + gap, y),
            TEXT,
            pal.ink,
            (HPos::Left, VPos::Center),
            style,
        )?;
        x += w + px(style, 18.0);
    }
    Ok(y + line / 2)
}
