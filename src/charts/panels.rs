//! Figures 3 and 7 (opinion, the oil squeeze): a time panel and a panel of
//! meters, side by side on wide screens and stacked on narrow ones.
//!
//! Items with a date are points on the time panel, one line per group.
//! Where two sources give different numbers for the same date, both dots
//! are drawn and a bracket joins them: the disagreement stays visible.
//! Items without a date are bars, each on its own group's scale.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::axes::{linear_ticks, polyline, x_labels, y_grid, Plot};
use super::TEXT;
use super::{items::value_text, label, px, ring, ChartStyle, DrawResult, Hits, Target, View};
use crate::story::{Dataset, Item};

/// Below this width, in CSS pixels, the panels stack.
pub const STACK_BELOW: f64 = 480.0;

/// The x range of the time panel: whole years around every dated item.
pub fn x_range(data: &Dataset) -> Option<(f64, f64)> {
    let xs = data.items.iter().filter_map(|i| i.x);
    let (lo, hi) = xs.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), x| {
        (lo.min(x), hi.max(x))
    });
    (lo <= hi).then(|| (lo.floor(), hi.floor() + 1.0))
}

/// The dated items of one group, grouped by date: each date with its
/// items' indices, in date order.
pub fn by_date<'a>(data: &'a Dataset, group: &str) -> Vec<(f64, Vec<(usize, &'a Item)>)> {
    let mut out: Vec<(f64, Vec<(usize, &Item)>)> = Vec::new();
    let mut dated: Vec<(usize, &Item)> = data
        .items
        .iter()
        .enumerate()
        .filter(|(_, i)| i.group == group && i.x.is_some() && i.value.is_some())
        .collect();
    // A stable insertion sort by date: a few dozen items at most, and it
    // keeps std's sort machinery (several KB) out of the wasm.
    for i in 1..dated.len() {
        let mut j = i;
        while j > 0 && dated[j - 1].1.x > dated[j].1.x {
            dated.swap(j - 1, j);
            j -= 1;
        }
    }
    for (n, item) in dated {
        let x = item.x.unwrap_or_default();
        match out.last_mut() {
            Some((last, members)) if *last == x => members.push((n, item)),
            _ => out.push((x, vec![(n, item)])),
        }
    }
    out
}

/// Draws both panels. Returns a target per dot and per bar.
pub fn draw<DB: DrawingBackend>(
    backend: DB,
    data: &Dataset,
    view: &View,
    style: &ChartStyle,
) -> DrawResult<Hits> {
    let pal = style.palette();
    let root = backend.into_drawing_area();
    root.fill(&pal.ground)?;
    let (width, height) = root.dim_in_pixel();
    let stacked = f64::from(width) / style.scale < STACK_BELOW;
    let (time_area, meter_area) = if stacked {
        // The meters need a row of about 34 px an item; the time panel
        // reads at less.
        root.split_vertically((f64::from(height) * 0.48) as u32)
    } else {
        root.split_horizontally((f64::from(width) * 0.6) as u32)
    };
    let mut hits = Hits::default();
    time_panel(&time_area, data, view, style, &mut hits)?;
    meters(&meter_area, data, view, style, &mut hits)?;
    root.present()?;
    Ok(hits)
}

fn time_panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    data: &Dataset,
    view: &View,
    style: &ChartStyle,
    hits: &mut Hits,
) -> DrawResult<()> {
    let Some((x0, x1)) = x_range(data) else {
        return Ok(());
    };
    let pal = style.palette();
    let series: Vec<_> = data
        .groups
        .iter()
        .filter(|g| {
            view.shows(&g.slug)
                && data
                    .items
                    .iter()
                    .any(|i| i.group == g.slug && i.x.is_some())
        })
        .collect();

    // Legend first, one line per series, above the plot.
    let line_h = super::layout::line_height(style);
    let (lx, ly) = (px(style, 8.0), px(style, 4.0));
    for (n, g) in series.iter().enumerate() {
        let y = ly + n as i32 * line_h + line_h / 2;
        let color = pal.hue(g.hue);
        marker(
            area,
            (lx + px(style, 5.0), y),
            px(style, 4.0),
            color,
            g.hollow,
            style,
        )?;
        label(
            area,
            &g.label,
            (lx + px(style, 14.0), y),
            TEXT,
            pal.ink,
            (HPos::Left, VPos::Center),
            style,
        )?;
    }
    let legend_h = ly + series.len() as i32 * line_h + px(style, 14.0);
    let legend_h = legend_h + px(style, 8.0);
    label(
        area,
        &data.y_label,
        (lx, legend_h - px(style, 10.0)),
        TEXT,
        pal.muted,
        (HPos::Left, VPos::Bottom),
        style,
    )?;

    let y_max = data.y_max.unwrap_or(100.0);
    let (width, height) = area.dim_in_pixel();
    let plot = Plot {
        left: px(style, 4.0) + px(style, 30.0),
        right: width as i32 - px(style, 14.0),
        top: legend_h,
        bottom: height as i32 - px(style, 22.0),
        x: (x0, x1),
        y: (0.0, y_max),
        log_y: false,
    };
    if let Some((from, to)) = view.period {
        let (from, to) = (from.max(x0), to.min(x1));
        if from < to {
            area.draw(&Rectangle::new(
                [(plot.px_x(from), plot.top), (plot.px_x(to), plot.bottom)],
                pal.band.filled(),
            ))?;
        }
    }
    let ticks: Vec<(f64, String)> = linear_ticks(y_max, 5)
        .into_iter()
        .map(|v| (v, super::fixed(v, 0)))
        .collect();
    y_grid(area, &plot, &ticks, TEXT, &pal, style)?;
    // What a selected dot's label must keep clear of, in the area's pixels.
    let mut room = super::layout::Room::new((plot.left, plot.top, plot.right, plot.bottom));
    for (v, _) in &ticks {
        let y = plot.px_y(*v);
        room.line(&[(plot.left, y), (plot.right, y)]);
    }

    // Time labels at the middle of each year, or of each given part.
    let parts: Vec<String> = if data.x_labels.is_empty() {
        (x0 as i32..x1 as i32).map(|y| y.to_string()).collect()
    } else {
        data.x_labels.clone()
    };
    let step = (x1 - x0) / parts.len().max(1) as f64;
    let labels: Vec<(f64, String)> = parts
        .into_iter()
        .enumerate()
        .map(|(n, text)| (x0 + step * (n as f64 + 0.5), text))
        .collect();
    x_labels(area, &plot, &labels, false, TEXT, &pal, style)?;
    // Hits are in the backend's pixels; drawing on `area` uses its own.
    let (bx, by) = area.get_base_pixel();
    let abs = |(x, y): (i32, i32)| (x + bx, y + by);

    let radius = px(style, 4.5);
    hits.snap = Some((
        plot.left + bx,
        plot.top + by,
        plot.right + bx,
        plot.bottom + by,
    ));
    let mut rings = Vec::new();
    for g in &series {
        let color = pal.hue(g.hue);
        let points = by_date(data, &g.slug);
        let line: Vec<(f64, f64)> = points
            .iter()
            .map(|(x, members)| {
                let sum: f64 = members.iter().filter_map(|(_, i)| i.value).sum();
                (*x, sum / members.len() as f64)
            })
            .collect();
        let line_style = ShapeStyle::from(color).stroke_width(style.px(2.0));
        let line: Vec<(i32, i32)> = line.into_iter().map(|p| plot.at(p)).collect();
        let dash = g.hollow.then(|| (px(style, 5.0), px(style, 4.0)));
        polyline(area, &line, dash, line_style)?;
        room.line(&line);
        for (x, members) in &points {
            if members.len() > 1 {
                // Sources disagree: a bracket from the lowest to the highest.
                let values = members.iter().filter_map(|(_, i)| i.value);
                let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
                    (a.min(v), b.max(v))
                });
                let (px_x, top) = plot.at((*x, hi));
                let bottom = plot.px_y(lo);
                let d = px(style, 7.0);
                let ink = ShapeStyle::from(pal.ink).stroke_width(style.px(1.5));
                let bracket = [
                    (px_x - d, top),
                    (px_x - d - d / 2, top),
                    (px_x - d - d / 2, bottom),
                    (px_x - d, bottom),
                ];
                area.draw(&PathElement::new(bracket.to_vec(), ink))?;
                room.line(&bracket);
            }
            for (n, item) in members {
                let (ax, ay) = plot.at((*x, item.value.unwrap_or_default()));
                let at = abs((ax, ay));
                let r = if view.emphasised(*n) {
                    radius + px(style, 1.5)
                } else {
                    radius
                };
                marker(area, (ax, ay), r, color, g.hollow || item.derived, style)?;
                let halo = r + px(style, 5.0);
                room.block((ax - halo, ay - halo, ax + halo, ay + halo));
                if view.highlight.contains(n) || view.selected == Some(*n) {
                    rings.push(((ax, ay), r, view.selected.filter(|s| s == n), color));
                }
                hits.targets.push(Target::point(*n, at, r));
            }
        }
    }
    for ((x, y), r, selected, color) in rings {
        let ring = if selected.is_some() { pal.ink } else { color };
        area.draw(&Circle::new(
            (x, y),
            r + px(style, 4.0),
            ShapeStyle::from(ring).stroke_width(style.px(2.0)),
        ))?;
        // The selected dot's name and number beside it, where there is room.
        if let Some(item) = selected.and_then(|n| data.items.get(n)) {
            let text = format!("{} {}", item.label, value_text(data, item));
            let halo = r + px(style, 5.0);
            super::layout::callout(area, &mut room, &text, (x, y), halo, pal.ink, style)?;
        }
    }
    Ok(())
}

fn marker<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    at: (i32, i32),
    r: i32,
    color: RGBColor,
    hollow: bool,
    style: &ChartStyle,
) -> DrawResult<()> {
    let pal = style.palette();
    if hollow {
        area.draw(&Circle::new(at, r, pal.ground.filled()))?;
        area.draw(&Circle::new(
            at,
            r,
            ShapeStyle::from(color).stroke_width(style.px(2.0)),
        ))?;
    } else {
        area.draw(&Circle::new(at, r, color.filled()))?;
    }
    Ok(())
}

fn meters<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    data: &Dataset,
    view: &View,
    style: &ChartStyle,
    hits: &mut Hits,
) -> DrawResult<()> {
    let pal = style.palette();
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let (base_x, base_y) = area.get_base_pixel();
    let groups: Vec<_> = data
        .groups
        .iter()
        .filter(|g| g.max.is_some() && view.shows(&g.slug))
        .map(|g| {
            let members: Vec<(usize, &Item)> = data
                .items
                .iter()
                .enumerate()
                .filter(|(_, i)| i.group == g.slug && i.x.is_none())
                .collect();
            (g, members)
        })
        .filter(|(_, m)| !m.is_empty())
        .collect();
    let rows: usize = groups.iter().map(|(_, m)| m.len()).sum();
    let pad = px(style, 10.0);
    // Each group heading takes about an item's row.
    let units = rows as f64 + groups.len() as f64;
    let row = ((f64::from(h - 2 * pad) / units.max(1.0)) as i32).min(px(style, 34.0));
    let (x0, x1) = (pad, w - pad);
    let mut y = pad;
    for (k, (g, members)) in groups.into_iter().enumerate() {
        let max = g.max.unwrap_or(1.0).max(f64::MIN_POSITIVE);
        if k > 0 {
            y += row / 3;
        }
        // A long heading wraps rather than run off a narrow panel.
        let lines = super::wrap(&g.label, x1 - x0, TEXT, style);
        for (k, text) in lines.iter().enumerate() {
            if k > 0 {
                y += super::layout::line_height(style);
            }
            label(
                area,
                text,
                (x0, y),
                TEXT,
                pal.ink,
                (HPos::Left, VPos::Top),
                style,
            )?;
        }
        y += row * 2 / 3;
        for (n, item) in members {
            let value = item.value.unwrap_or_default();
            let color = pal.hue(item.hue.unwrap_or(g.hue));
            let bar_y = y + row / 2;
            let bar_h = (row / 3).max(px(style, 4.0));
            label(
                area,
                &item.label,
                (x0, bar_y - px(style, 2.0)),
                TEXT,
                pal.ink,
                (HPos::Left, VPos::Bottom),
                style,
            )?;
            label(
                area,
                &value_text(data, item),
                (x1, bar_y - px(style, 2.0)),
                TEXT,
                pal.ink,
                (HPos::Right, VPos::Bottom),
                style,
            )?;
            area.draw(&Rectangle::new(
                [(x0, bar_y), (x1, bar_y + bar_h)],
                pal.grid.filled(),
            ))?;
            let end = x0 + ((f64::from(x1 - x0)) * (value / max).clamp(0.0, 1.0)) as i32;
            area.draw(&Rectangle::new(
                [(x0, bar_y), (end, bar_y + bar_h)],
                color.filled(),
            ))?;
            ring(area, view, n, color, (x0, y, x1, bar_y + bar_h), 1.5, style)?;
            hits.targets.push(Target {
                item: n,
                rect: (base_x + x0, base_y + y, base_x + x1, base_y + bar_y + bar_h),
            });
            y += row;
        }
    }
    Ok(())
}
