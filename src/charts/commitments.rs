//! Figure 5: what each side pledged, by domain, round one beside round two,
//! and what became of each pledge. Each row names the pledge, marks who
//! made it by shape and colour (circle, square, triangle in the order of
//! the sides), and ends with the outcome in words.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::TEXT;
use super::{fit, label, px, text_width, ChartStyle, DrawResult, Hits, Target, View};
use crate::story::Dataset;

/// Below this width, in CSS pixels, the rounds stack.
pub const STACK_BELOW: f64 = 520.0;

/// What a line of the chart holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Line {
    /// A round's heading (index into `rounds`).
    Round(usize),
    /// A domain's heading (index into `groups`).
    Domain(usize),
    /// A pledge (index into `items`).
    Item(usize),
}

/// Where each line goes: `(column, row, line)`. Two columns put the rounds
/// side by side with each domain's pledges level; one column stacks the
/// rounds. Hidden domains are left out.
pub fn layout(data: &Dataset, view: &View, columns: usize) -> Vec<(usize, usize, Line)> {
    let mut out = Vec::new();
    let rounds = data.rounds.len().max(1);
    let in_round = |g: &str, r: usize| -> Vec<usize> {
        data.items
            .iter()
            .enumerate()
            .filter(|(_, i)| i.group == g && usize::from(i.round.unwrap_or(1)) == r + 1)
            .map(|(n, _)| n)
            .collect()
    };
    let shown: Vec<(usize, &str)> = data
        .groups
        .iter()
        .enumerate()
        .filter(|(_, g)| view.shows(&g.slug))
        .map(|(n, g)| (n, g.slug.as_str()))
        .collect();
    if columns >= 2 {
        for r in 0..rounds {
            out.push((r, 0, Line::Round(r)));
        }
        let mut row = 1;
        for (gi, slug) in shown {
            let per_round: Vec<Vec<usize>> = (0..rounds).map(|r| in_round(slug, r)).collect();
            let depth = per_round.iter().map(Vec::len).max().unwrap_or(0);
            if depth == 0 {
                continue;
            }
            out.push((0, row, Line::Domain(gi)));
            row += 1;
            for (r, items) in per_round.iter().enumerate() {
                for (k, &n) in items.iter().enumerate() {
                    out.push((r, row + k, Line::Item(n)));
                }
            }
            row += depth;
        }
    } else {
        let mut row = 0;
        for r in 0..rounds {
            out.push((0, row, Line::Round(r)));
            row += 1;
            for &(gi, slug) in &shown {
                let items = in_round(slug, r);
                if items.is_empty() {
                    continue;
                }
                out.push((0, row, Line::Domain(gi)));
                row += 1;
                for n in items {
                    out.push((0, row, Line::Item(n)));
                    row += 1;
                }
            }
        }
    }
    out
}

/// Draws the pledges. Returns a target per drawn pledge.
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
    let lines = layout(data, view, columns);
    // One more row, at the top, for the key to the shapes: read before the
    // rows that need it.
    let rows = lines.iter().map(|(_, r, _)| r + 1).max().unwrap_or(1) as i32 + 1;
    let pad = px(style, 8.0);
    let gap = px(style, 16.0);
    let row_h = ((h - 2 * pad) / rows).min(px(style, 26.0));
    let col_w = (w - 2 * pad - gap * (columns as i32 - 1)) / columns as i32;
    let font = TEXT;
    let mut hits = Hits::default();
    for (col, row, line) in lines {
        let x0 = pad + col as i32 * (col_w + gap);
        let y0 = pad + (row as i32 + 1) * row_h;
        let mid = y0 + row_h / 2;
        match line {
            Line::Round(r) => {
                let text = data.rounds.get(r).map_or("", String::as_str);
                label(
                    &root,
                    &fit(text, col_w, TEXT, style),
                    (x0, mid),
                    TEXT,
                    pal.ink,
                    (HPos::Left, VPos::Center),
                    style,
                )?;
                root.draw(&PathElement::new(
                    vec![(x0, y0 + row_h - 1), (x0 + col_w, y0 + row_h - 1)],
                    ShapeStyle::from(pal.muted).stroke_width(style.px(1.0)),
                ))?;
            }
            Line::Domain(g) => {
                let group = &data.groups[g];
                let span = if columns >= 2 { w - 2 * pad } else { col_w };
                root.draw(&Rectangle::new(
                    [
                        (x0, y0 + px(style, 2.0)),
                        (x0 + span, y0 + row_h - px(style, 2.0)),
                    ],
                    pal.grid.filled(),
                ))?;
                label(
                    &root,
                    &group.label,
                    (x0 + px(style, 9.0), mid),
                    font,
                    pal.ink,
                    (HPos::Left, VPos::Center),
                    style,
                )?;
            }
            Line::Item(n) => {
                let item = &data.items[n];
                if view.emphasised(n) {
                    let fill = if view.selected == Some(n) {
                        pal.band
                    } else {
                        pal.grid
                    };
                    root.draw(&Rectangle::new(
                        [(x0, y0 + 1), (x0 + col_w, y0 + row_h - 1)],
                        fill.filled(),
                    ))?;
                }
                if view.selected == Some(n) {
                    root.draw(&Rectangle::new(
                        [(x0, y0 + 1), (x0 + col_w, y0 + row_h - 1)],
                        ShapeStyle::from(pal.ink).stroke_width(style.px(1.5)),
                    ))?;
                }
                let side = item
                    .side
                    .as_deref()
                    .and_then(|s| data.sides.iter().position(|g| g.slug == s));
                shape(
                    &root,
                    side.unwrap_or(0),
                    (x0 + px(style, 10.0), mid),
                    row_h,
                    data,
                    style,
                )?;
                let status = item.status.as_deref().and_then(|s| data.status(s));
                let word = status.map_or("", |s| s.label.as_str());
                let word_w = text_width(word, font, style);
                let right = x0 + col_w - px(style, 4.0);
                label(
                    &root,
                    word,
                    (right, mid),
                    font,
                    pal.ink,
                    (HPos::Right, VPos::Center),
                    style,
                )?;
                let room = right - word_w - px(style, 16.0) - (x0 + px(style, 20.0));
                label(
                    &root,
                    &fit(&item.label, room, font, style),
                    (x0 + px(style, 20.0), mid),
                    font,
                    pal.ink,
                    (HPos::Left, VPos::Center),
                    style,
                )?;
                hits.targets.push(Target {
                    item: n,
                    rect: (x0, y0, x0 + col_w, y0 + row_h),
                });
            }
        }
    }
    // The key: each side's shape and name.
    let key_y = pad + row_h / 2;
    let mut x = pad;
    for (n, side) in data.sides.iter().enumerate() {
        shape(&root, n, (x + px(style, 5.0), key_y), row_h, data, style)?;
        label(
            &root,
            &side.label,
            (x + px(style, 14.0), key_y),
            font,
            pal.ink,
            (HPos::Left, VPos::Center),
            style,
        )?;
        x += px(style, 24.0) + text_width(&side.label, font, style);
    }
    root.present()?;
    Ok(hits)
}

/// Who pledged, as a shape in the side's colour: circle, square, triangle.
fn shape<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    side: usize,
    at: (i32, i32),
    row_h: i32,
    data: &Dataset,
    style: &ChartStyle,
) -> DrawResult<()> {
    let pal = style.palette();
    let color = data.sides.get(side).map_or(pal.neutral, |s| pal.hue(s.hue));
    let r = (row_h / 4).clamp(px(style, 3.0), px(style, 5.0));
    match side % 3 {
        0 => root.draw(&Circle::new(at, r, color.filled()))?,
        1 => root.draw(&Rectangle::new(
            [(at.0 - r, at.1 - r), (at.0 + r, at.1 + r)],
            color.filled(),
        ))?,
        _ => root.draw(&(EmptyElement::at(at) + super::triangle(r + 1, color.filled())))?,
    }
    Ok(())
}
