//! Figure 1: US (and other coalition) troops in Iraq, 2003–2021.
//!
//! The counts span three orders of magnitude (171,000 in 2007, 150 after
//! December 2011), so the y axis is logarithmic; the chart says so in its
//! axis label. A gap of more than two years between sourced figures breaks
//! the line instead of drawing a slope nobody measured.

use plotters::prelude::*;

use super::{thousands, ChartStyle, DrawResult, FONT};
use crate::story::{Figure, Troops};

/// Years between two sourced figures beyond which the line breaks.
pub const MAX_GAP_YEARS: f64 = 2.0;

/// The x domain (fractional years).
pub const X_RANGE: (f64, f64) = (2002.5, 2022.5);

/// The y domain (troops, log scale).
pub const Y_RANGE: (f64, f64) = (100.0, 300_000.0);

/// What the app needs after drawing: where each US point landed, for
/// hit-testing, in backend pixels, in the order of `Troops::points`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TroopsHits {
    /// Pixel position of each US point.
    pub points: Vec<(i32, i32)>,
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
/// `figure` carries the step's period, drawn as a band; `selected` rings one
/// point; `labels` are the axis title and the legend entries, from content.
pub fn draw<DB: DrawingBackend>(
    backend: DB,
    data: &Troops,
    figure: Option<&Figure>,
    selected: Option<usize>,
    style: &ChartStyle,
) -> DrawResult<TroopsHits> {
    let pal = style.palette();
    let root = backend.into_drawing_area();
    root.fill(&pal.ground)?;
    let font = |size: f64, color: RGBColor| (FONT, style.px(size)).into_font().color(&color);

    let mut chart = ChartBuilder::on(&root)
        .margin_top(style.px(12.0))
        .margin_right(style.px(16.0))
        .margin_left(style.px(4.0))
        .x_label_area_size(style.px(26.0))
        .y_label_area_size(style.px(58.0))
        .build_cartesian_2d(X_RANGE.0..X_RANGE.1, (Y_RANGE.0..Y_RANGE.1).log_scale())?;

    // The step's period first, so everything else draws over it.
    if let Some((from, to)) = figure.and_then(|f| Some((f.from?, f.to?))) {
        let (from, to) = (from.max(X_RANGE.0), to.min(X_RANGE.1));
        chart.draw_series(std::iter::once(Rectangle::new(
            [(from, Y_RANGE.0), (to, Y_RANGE.1)],
            pal.band.filled(),
        )))?;
    }

    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(6)
        .x_label_formatter(&|y| format!("{y:.0}"))
        .y_labels(4)
        .y_label_formatter(&|v| thousands(*v))
        .label_style(font(12.0, pal.muted))
        .axis_style(ShapeStyle::from(pal.muted).stroke_width(style.px(1.0)))
        .bold_line_style(ShapeStyle::from(pal.grid).stroke_width(style.px(1.0)))
        .light_line_style(TRANSPARENT)
        .draw()?;

    // Event markers: a thin vertical rule and a label near the top.
    for (i, m) in data.markers.iter().enumerate() {
        if !(X_RANGE.0..=X_RANGE.1).contains(&m.year) {
            continue;
        }
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(m.year, Y_RANGE.0), (m.year, Y_RANGE.1)],
            ShapeStyle::from(pal.muted).stroke_width(style.px(1.0)),
        )))?;
        // Alternate two label rows so neighbouring markers do not collide.
        let row = if i % 2 == 0 { 200_000.0 } else { 110_000.0 };
        chart.draw_series(std::iter::once(Text::new(
            m.label.clone(),
            (m.year, row),
            font(11.0, pal.ink),
        )))?;
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
        chart.draw_series(DashedLineSeries::new(
            coalition[run].iter().copied(),
            style.px(6.0),
            style.px(4.0),
            coalition_style,
        ))?;
    }
    chart.draw_series(
        coalition
            .iter()
            .map(|&(x, y)| TriangleMarker::new((x, y), style.px(4.0), pal.coalition.filled())),
    )?;

    // US series: solid line, broken at gaps, with a dot per sourced figure.
    let years: Vec<f64> = data.points.iter().map(|p| p.year).collect();
    let us_style = ShapeStyle::from(pal.us).stroke_width(style.px(2.5));
    for run in segments(&years) {
        chart.draw_series(LineSeries::new(
            data.points[run]
                .iter()
                .map(|p| (p.year, p.us.max(Y_RANGE.0))),
            us_style,
        ))?;
    }
    chart.draw_series(data.points.iter().map(|p| {
        Circle::new(
            (p.year, p.us.max(Y_RANGE.0)),
            style.px(3.5),
            pal.us.filled(),
        )
    }))?;
    if let Some(p) = selected.and_then(|i| data.points.get(i)) {
        chart.draw_series(std::iter::once(Circle::new(
            (p.year, p.us.max(Y_RANGE.0)),
            style.px(7.0),
            ShapeStyle::from(pal.ink).stroke_width(style.px(2.0)),
        )))?;
    }

    // A small legend in the top-right corner of the plot, drawn by hand so
    // it can say which series is which in words as well as colour and shape.
    let area = chart.plotting_area();
    let (x_px, y_px) = area.get_pixel_range();
    let (lx, ly) = (
        x_px.end - style.px(150.0) as i32,
        y_px.end - style.px(40.0) as i32,
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

    let hits = TroopsHits {
        points: data
            .points
            .iter()
            .map(|p| area.map_coordinate(&(p.year, p.us.max(Y_RANGE.0))))
            .collect(),
    };
    root.present()?;
    Ok(hits)
}
