//! Figure 6: what Washington and Baghdad were likely to ask of round two,
//! in two columns of labelled boxes (stacked on narrow screens). The
//! readout says why the selected ask mattered and what stood in its way.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::TEXT;
use super::{label, px, wrap, ChartStyle, DrawResult, Hits, Target, View};
use crate::story::Dataset;

/// Below this width, in CSS pixels, the two sides stack.
pub const STACK_BELOW: f64 = 480.0;

/// A place on the grid: `(column, row, index)`, where the index is an
/// item's for a box and a group's for a heading.
pub type Cell = (usize, usize, usize);

/// Where each box goes: `(column, row)` per item, and the heading rows
/// `(column, row, group index)`. Two columns put the sides side by side.
pub fn layout(data: &Dataset, columns: usize) -> (Vec<Cell>, Vec<Cell>) {
    let mut boxes = Vec::new();
    let mut heads = Vec::new();
    let mut row = 0;
    for (gi, g) in data.groups.iter().enumerate() {
        let col = if columns >= 2 { gi % columns } else { 0 };
        if columns >= 2 {
            row = 0;
        }
        heads.push((col, row, gi));
        row += 1;
        for (n, _) in data
            .items
            .iter()
            .enumerate()
            .filter(|(_, i)| i.group == g.slug)
        {
            boxes.push((col, row, n));
            row += 1;
        }
    }
    (boxes, heads)
}

/// Draws the two lists of asks. Returns a target per box.
pub fn draw<DB: DrawingBackend>(
    backend: DB,
    data: &Dataset,
    view: &View,
    style: &ChartStyle,
) -> DrawResult<Hits> {
    let pal = style.palette();
    let root = backend.into_drawing_area();
    root.fill(&pal.ground)?;
    let (w, h) = root.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let columns = if f64::from(w) / style.scale < STACK_BELOW {
        1
    } else {
        2
    };
    let (boxes, heads) = layout(data, columns);
    let rows = boxes
        .iter()
        .chain(&heads)
        .map(|&(_, r, _)| r + 1)
        .max()
        .unwrap_or(1) as i32;
    let pad = px(style, 8.0);
    let gap = px(style, 14.0);
    let row_h = ((h - 2 * pad) / rows).min(px(style, 48.0));
    let col_w = (w - 2 * pad - gap * (columns as i32 - 1)) / columns as i32;
    let font = TEXT;
    let mut hits = Hits::default();
    for (col, row, g) in heads {
        let group = &data.groups[g];
        let (x0, y0) = (pad + col as i32 * (col_w + gap), pad + row as i32 * row_h);
        root.draw(&Rectangle::new(
            [
                (x0, y0 + row_h - px(style, 5.0)),
                (x0 + col_w, y0 + row_h - px(style, 2.0)),
            ],
            pal.hue(group.hue).filled(),
        ))?;
        label(
            &root,
            &group.label,
            (x0, y0 + row_h - px(style, 8.0)),
            TEXT,
            pal.ink,
            (HPos::Left, VPos::Bottom),
            style,
        )?;
    }
    for (col, row, n) in boxes {
        let item = &data.items[n];
        let color = data
            .group(&item.group)
            .map_or(pal.neutral, |g| pal.hue(g.hue));
        let (x0, y0) = (pad + col as i32 * (col_w + gap), pad + row as i32 * row_h);
        let (x1, y1) = (x0 + col_w, y0 + row_h - px(style, 4.0));
        if view.emphasised(n) {
            let tint = if view.selected == Some(n) { 0.28 } else { 0.14 };
            root.draw(&Rectangle::new(
                [(x0, y0), (x1, y1)],
                color.mix(tint).filled(),
            ))?;
        }
        let (border, width) = if view.selected == Some(n) {
            (pal.ink, 2.0)
        } else {
            (color, 1.0)
        };
        root.draw(&Rectangle::new(
            [(x0, y0), (x1, y1)],
            ShapeStyle::from(border).stroke_width(style.px(width)),
        ))?;
        let lines = wrap(&item.label, col_w - px(style, 14.0), font, style);
        let line_h = px(style, font + 3.0);
        let shown = lines.len().min(((y1 - y0) / line_h).max(1) as usize);
        let start = y0 + (y1 - y0 - line_h * shown as i32) / 2;
        for (k, text) in lines.iter().take(shown).enumerate() {
            label(
                &root,
                text,
                (x0 + px(style, 7.0), start + k as i32 * line_h),
                font,
                pal.ink,
                (HPos::Left, VPos::Top),
                style,
            )?;
        }
        hits.targets.push(Target {
            item: n,
            rect: (x0, y0, x1, y1),
        });
    }
    root.present()?;
    Ok(hits)
}
