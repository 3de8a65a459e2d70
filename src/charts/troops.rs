//! Figure 1: US (and other coalition) troops in Iraq, 2003–2021.
//!
//! The counts span three orders of magnitude (171,000 in 2007, 150 after
//! December 2011), so the y axis is logarithmic; the chart says so in its
//! axis label. A gap of more than two years between sourced figures breaks
//! the line instead of drawing a slope nobody measured.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::axes::{decade_ticks, polyline, x_labels, y_grid, Plot};
use super::{px, thousands, triangle, ChartStyle, DrawResult, Hits, Target, View, FONT};
use crate::story::Troops;

/// Years between two sourced figures beyond which the line breaks.
pub const MAX_GAP_YEARS: f64 = 2.0;

/// The x domain (fractional years).
pub const X_RANGE: (f64, f64) = (2002.5, 2022.5);

/// The y domain (troops, log scale).
pub const Y_RANGE: (f64, f64) = (100.0, 300_000.0);

/// Where a marker's label goes: which of the two rows, and which side of
/// its rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LabelPlace {
    /// 0 for the top row, 1 for the one below.
    pub row: usize,
    /// True when the label sits left of its rule (it ends at the rule).
    pub left: bool,
}

/// Places marker labels without overlaps, greedily from left to right:
/// each label tries the top row, then the second, each right of its rule
/// and then left of it, and is left out if nothing fits inside `plot`.
/// `xs` are rule positions and `widths` label widths, in backend pixels.
pub fn place_labels(
    xs: &[i32],
    widths: &[i32],
    plot: std::ops::Range<i32>,
    gap: i32,
) -> Vec<Option<LabelPlace>> {
    let mut taken: [Vec<(i32, i32)>; 2] = [Vec::new(), Vec::new()];
    xs.iter()
        .zip(widths)
        .map(|(&x, &w)| {
            for (row, spans) in taken.iter_mut().enumerate() {
                for left in [false, true] {
                    let span = if left {
                        (x - gap - w, x - gap)
                    } else {
                        (x + gap, x + gap + w)
                    };
                    let inside = span.0 >= plot.start && span.1 <= plot.end;
                    let free = spans
                        .iter()
                        .all(|&(a, b)| span.1 + gap <= a || b + gap <= span.0);
                    if inside && free {
                        spans.push(span);
                        return Some(LabelPlace { row, left });
                    }
                }
            }
            None
        })
        .collect()
}

/// A rough width for a label, in backend pixels: enough to decide which side
/// of its rule it fits on, without asking the backend to measure text.
fn label_width(label: &str, style: &ChartStyle) -> i32 {
    (label.chars().count() as f64 * 6.2 * style.scale).round() as i32
}

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
    let font = |size: f64, color: RGBColor| (FONT, style.px(size)).into_font().color(&color);

    let (width, height) = root.dim_in_pixel();
    let plot = Plot {
        left: px(style, 4.0) + px(style, 58.0),
        right: width as i32 - px(style, 16.0),
        top: px(style, 12.0),
        bottom: height as i32 - px(style, 26.0),
        x: X_RANGE,
        y: Y_RANGE,
        log_y: true,
    };

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
    y_grid(&root, &plot, &counts, 12.0, &pal, style)?;
    let years: Vec<(f64, String)> = (2005..=2020)
        .step_by(5)
        .map(|y| (f64::from(y), y.to_string()))
        .collect();
    x_labels(&root, &plot, &years, true, 12.0, &pal, style)?;

    // Event markers: a thin vertical rule each, and a label where one fits.
    let markers: Vec<_> = data
        .markers
        .iter()
        .filter(|m| (X_RANGE.0..=X_RANGE.1).contains(&m.year))
        .collect();
    let xs: Vec<i32> = markers.iter().map(|m| plot.px_x(m.year)).collect();
    let widths: Vec<i32> = markers
        .iter()
        .map(|m| label_width(&m.label, style))
        .collect();
    let gap = i32::try_from(style.px(3.0)).unwrap_or(3);
    let places = place_labels(&xs, &widths, plot.left..plot.right, gap);
    for ((m, place), x) in markers.iter().zip(places).zip(&xs) {
        root.draw(&PathElement::new(
            vec![(*x, plot.top), (*x, plot.bottom)],
            ShapeStyle::from(pal.muted).stroke_width(style.px(1.0)),
        ))?;
        let Some(place) = place else { continue };
        let row_y = plot.px_y(if place.row == 0 { 200_000.0 } else { 110_000.0 });
        let (anchor, dx) = if place.left {
            (HPos::Right, -gap)
        } else {
            (HPos::Left, gap)
        };
        let text_style = font(11.0, pal.ink).pos(Pos::new(anchor, VPos::Top));
        root.draw(&Text::new(m.label.clone(), (x + dx, row_y), text_style))?;
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
    }
    for &p in &coalition {
        root.draw(
            &(EmptyElement::at(plot.at(p)) + triangle(px(style, 4.0), pal.coalition.filled())),
        )?;
    }

    // US series: solid line, broken at gaps, with a dot per sourced figure.
    let point = |p: &crate::story::TroopPoint| plot.at((p.year, p.us.max(Y_RANGE.0)));
    let point_years: Vec<f64> = data.points.iter().map(|p| p.year).collect();
    let us_style = ShapeStyle::from(pal.us).stroke_width(style.px(2.5));
    for run in segments(&point_years) {
        let line: Vec<(i32, i32)> = data.points[run].iter().map(point).collect();
        polyline(&root, &line, None, us_style)?;
    }
    for p in &data.points {
        root.draw(&Circle::new(point(p), style.px(3.5), pal.us.filled()))?;
    }
    if let Some(p) = selected.and_then(|i| data.points.get(i)) {
        root.draw(&Circle::new(
            point(p),
            style.px(7.0),
            ShapeStyle::from(pal.ink).stroke_width(style.px(2.0)),
        ))?;
    }

    // A small legend in the lower left of the plot, which the data leave
    // empty (the coalition's last pre-2010 counts are in the hundreds), drawn
    // by hand so it names each series in words as well as colour and shape.
    let (lx, ly) = (
        plot.left + style.px(10.0) as i32,
        plot.bottom - style.px(36.0) as i32,
    );
    let legend = [
        (&data.us_label, pal.us, false),
        (&data.coalition_label, pal.coalition, true),
    ];
    let root_area = &root;
    for (row, (label, color, dashed)) in legend.into_iter().enumerate() {
        let y = ly + row as i32 * style.px(16.0) as i32;
        let len = style.px(18.0) as i32;
        let line_style =
            ShapeStyle::from(color).stroke_width(style.px(if dashed { 2.0 } else { 2.5 }));
        if dashed {
            let dash = len / 3;
            root_area.draw(&PathElement::new(vec![(lx, y), (lx + dash, y)], line_style))?;
            root_area.draw(&PathElement::new(
                vec![(lx + 2 * dash, y), (lx + len, y)],
                line_style,
            ))?;
        } else {
            root_area.draw(&PathElement::new(vec![(lx, y), (lx + len, y)], line_style))?;
        }
        root_area.draw(&Text::new(
            label.clone(),
            (lx + len + style.px(6.0) as i32, y - style.px(6.0) as i32),
            font(11.0, pal.ink),
        ))?;
    }

    let radius = style.px(4.0) as i32;
    let hits = Hits {
        targets: data
            .points
            .iter()
            .enumerate()
            .map(|(i, p)| Target::point(i, point(p), radius))
            .collect(),
    };
    root.present()?;
    Ok(hits)
}
