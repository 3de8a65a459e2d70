//! A plot rectangle with its scales, and the few axis parts the troop chart
//! and the time panels need: grid lines with labels, year labels, and
//! polylines (solid or dashed) in pixels.
//!
//! plotters' ChartBuilder and mesh do this generically, once per coordinate
//! type, at about 20 KB of wasm (plus std's sort and libm's pow); the
//! timeline already draws its own axis, and these two charts now do too.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{label, px, ChartStyle, DrawResult, Palette};

/// A plot rectangle in the pixels of the area it is drawn on, with a
/// linear x scale and a linear or logarithmic y scale.
#[derive(Debug, Clone, PartialEq)]
pub struct Plot {
    /// Left edge (x domain start).
    pub left: i32,
    /// Right edge (x domain end).
    pub right: i32,
    /// Top edge (y domain end).
    pub top: i32,
    /// Bottom edge (y domain start).
    pub bottom: i32,
    /// The x domain.
    pub x: (f64, f64),
    /// The y domain; both ends above 0 on a log scale.
    pub y: (f64, f64),
    /// Whether y is logarithmic.
    pub log_y: bool,
}

impl Plot {
    /// The pixel column of `x`.
    pub fn px_x(&self, x: f64) -> i32 {
        let t = (x - self.x.0) / (self.x.1 - self.x.0);
        self.left + (t * f64::from(self.right - self.left)).round() as i32
    }

    /// The pixel row of `y`; on a log scale, values at or below 0 sit on
    /// the bottom edge.
    pub fn px_y(&self, y: f64) -> i32 {
        let t = if self.log_y {
            let (a, b) = (self.y.0.ln(), self.y.1.ln());
            (y.max(self.y.0).ln() - a) / (b - a)
        } else {
            (y - self.y.0) / (self.y.1 - self.y.0)
        };
        self.bottom - (t * f64::from(self.bottom - self.top)).round() as i32
    }

    /// The pixel of a data point.
    pub fn at(&self, (x, y): (f64, f64)) -> (i32, i32) {
        (self.px_x(x), self.px_y(y))
    }
}

/// Tick values for a linear axis from 0 to `max`: round steps (1, 2, 2.5
/// or 5 times a power of ten), at most `count` steps.
pub fn linear_ticks(max: f64, count: usize) -> Vec<f64> {
    if max <= 0.0 || !max.is_finite() || count == 0 {
        return vec![0.0];
    }
    let mut scale = 1e-3;
    let step = loop {
        if let Some(s) = [1.0, 2.0, 2.5, 5.0]
            .iter()
            .map(|m| m * scale)
            .find(|s| max / s <= count as f64 + 1e-9)
        {
            break s;
        }
        scale *= 10.0;
    };
    (0..)
        .map(|n| f64::from(n) * step)
        .take_while(|v| *v <= max + 1e-9)
        .collect()
}

/// Powers of ten from `min` to `max`, for a log axis.
pub fn decade_ticks(min: f64, max: f64) -> Vec<f64> {
    let mut out = Vec::new();
    let mut v = 1.0;
    while v <= max {
        if v >= min {
            out.push(v);
        }
        v *= 10.0;
    }
    out
}

/// Horizontal grid lines with their labels at the left, and the two axis
/// lines (left and bottom).
pub fn y_grid<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    plot: &Plot,
    ticks: &[(f64, String)],
    size: f64,
    pal: &Palette,
    style: &ChartStyle,
) -> DrawResult<()> {
    let grid = ShapeStyle::from(pal.grid).stroke_width(style.px(1.0));
    let tick = px(style, 5.0);
    for (value, text) in ticks {
        let y = plot.px_y(*value);
        area.draw(&PathElement::new(
            vec![(plot.left, y), (plot.right, y)],
            grid,
        ))?;
        label(
            area,
            text,
            (plot.left - tick - px(style, 3.0), y),
            size,
            pal.muted,
            (HPos::Right, VPos::Center),
            style,
        )?;
    }
    let axis = ShapeStyle::from(pal.muted).stroke_width(style.px(1.0));
    area.draw(&PathElement::new(
        vec![
            (plot.left, plot.top),
            (plot.left, plot.bottom),
            (plot.right, plot.bottom),
        ],
        axis,
    ))?;
    Ok(())
}

/// Labels under the bottom axis, each centred on its x value, with a short
/// tick where `ticks` is set.
pub fn x_labels<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    plot: &Plot,
    labels: &[(f64, String)],
    ticks: bool,
    size: f64,
    pal: &Palette,
    style: &ChartStyle,
) -> DrawResult<()> {
    let axis = ShapeStyle::from(pal.muted).stroke_width(style.px(1.0));
    let tick = if ticks { px(style, 5.0) } else { 0 };
    for (value, text) in labels {
        let x = plot.px_x(*value);
        if ticks {
            area.draw(&PathElement::new(
                vec![(x, plot.bottom), (x, plot.bottom + tick)],
                axis,
            ))?;
        }
        label(
            area,
            text,
            (x, plot.bottom + tick + px(style, 3.0)),
            size,
            pal.muted,
            (HPos::Center, VPos::Top),
            style,
        )?;
    }
    Ok(())
}

/// A polyline through `points`, solid, or dashed with `dash` pixels drawn
/// and `gap` pixels left out, the pattern running on across corners.
pub fn polyline<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    points: &[(i32, i32)],
    dash: Option<(i32, i32)>,
    style: ShapeStyle,
) -> DrawResult<()> {
    if points.len() < 2 {
        return Ok(());
    }
    let Some((on, off)) = dash.filter(|(on, off)| *on > 0 && *off >= 0) else {
        area.draw(&PathElement::new(points.to_vec(), style))?;
        return Ok(());
    };
    for piece in dashes(points, on, off) {
        area.draw(&PathElement::new(piece, style))?;
    }
    Ok(())
}

/// The drawn pieces of a dashed polyline (see [`polyline`]).
pub fn dashes(points: &[(i32, i32)], on: i32, off: i32) -> Vec<Vec<(i32, i32)>> {
    let period = f64::from(on + off);
    let mut out: Vec<Vec<(i32, i32)>> = Vec::new();
    let mut phase = 0.0_f64; // distance into the current period
    let mut current: Vec<(i32, i32)> = Vec::new();
    let point = |a: (i32, i32), b: (i32, i32), t: f64| {
        (
            a.0 + (f64::from(b.0 - a.0) * t).round() as i32,
            a.1 + (f64::from(b.1 - a.1) * t).round() as i32,
        )
    };
    for pair in points.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        // sqrt is one wasm instruction; hypot would bring in libm.
        let (dx, dy) = (f64::from(b.0 - a.0), f64::from(b.1 - a.1));
        let len = (dx * dx + dy * dy).sqrt();
        if len == 0.0 {
            continue;
        }
        let mut done = 0.0;
        while done < len {
            let drawing = phase < f64::from(on);
            let edge = if drawing { f64::from(on) } else { period };
            let run = (edge - phase).min(len - done);
            if drawing {
                if current.is_empty() {
                    current.push(point(a, b, done / len));
                }
                current.push(point(a, b, (done + run) / len));
            }
            done += run;
            phase += run;
            if phase >= f64::from(on) && drawing && !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            if phase >= period {
                phase = 0.0;
            }
        }
    }
    if current.len() > 1 {
        out.push(current);
    }
    out
}
