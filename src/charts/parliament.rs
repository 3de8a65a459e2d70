//! Figure 4: the 329 seats of the Council of Representatives as one bar of
//! lists, largest first, with the majority line at 165; below it, on the
//! same scale, the Iraqiyyun bloc with the range of its reported size.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{
    fit, items::value_text, label, layout, px, ring, text_on, text_width, ChartStyle, DrawResult,
    Hits, Target, View, TEXT,
};
use crate::story::Dataset;

/// Seat `n` on a bar from `x0` to `x1` that holds `total` seats.
pub fn seat_x(n: f64, total: f64, x0: i32, x1: i32) -> i32 {
    if total <= 0.0 {
        return x0;
    }
    x0 + (f64::from(x1 - x0) * (n / total).clamp(0.0, 1.0)).round() as i32
}

/// Draws the chamber. Returns a target per list and per bloc.
///
/// A list's name and seats go inside its block when they fit; otherwise
/// the block carries a number and a key under the chart names it, so no
/// block is left unexplained at any width.
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
    let total = data.y_max.unwrap_or(1.0);
    let pad = px(style, 12.0);
    let (x0, x1) = (pad, w - pad);
    let x = |n: f64| seat_x(n, total, x0, x1);
    let mut hits = Hits::default();
    let line = layout::line_height(style);
    let gap = px(style, 4.0);

    let (lists, blocs) = (data.groups.first(), data.groups.get(1));
    let members = |g: Option<&crate::story::Group>| -> Vec<(usize, &crate::story::Item)> {
        g.map(|g| {
            data.items
                .iter()
                .enumerate()
                .filter(|(_, i)| i.group == g.slug)
                .collect()
        })
        .unwrap_or_default()
    };
    let (lists_items, bloc_items) = (members(lists), members(blocs));

    // Rows from the top: the heading (with the majority's label), the bar,
    // the bloc's heading and bar, the seat scale, and the key.
    let heading_y = pad / 2 + line / 2;
    let top = heading_y + line / 2 + gap;
    let bar_h = (h / 4).clamp(line * 2 + gap, px(style, 120.0));
    let bloc_heading_y = top + bar_h + line + gap;
    let bloc_top = bloc_heading_y + line / 2 + gap;
    let bloc_h = (bar_h / 3).max(line);
    let rule_bottom = bloc_top + bloc_items.len().max(1) as i32 * (bloc_h + gap);
    let axis_y = rule_bottom + gap;
    let key_top = axis_y + px(style, 6.0) + line;

    let rule_x = data.rules.first().map(|r| x(r.value));
    let mut seat = 0.0;
    let mut keyed: Vec<(usize, String)> = Vec::new();
    for (k, &(n, item)) in lists_items.iter().enumerate() {
        let seats = item.value.unwrap_or_default();
        let (a, b) = (x(seat), x(seat + seats));
        seat += seats;
        let fill = match item.hue {
            Some(hue) => pal.hue(hue),
            None if k % 2 == 0 => pal.neutral,
            None => pal.neutral_light,
        };
        root.draw(&Rectangle::new([(a, top), (b, top + bar_h)], fill.filled()))?;
        root.draw(&PathElement::new(
            vec![(b, top), (b, top + bar_h)],
            ShapeStyle::from(pal.ground).stroke_width(style.px(1.0)),
        ))?;
        let ink = text_on(fill);
        let seats_text = super::items::number(seats);
        let room = b - a - 2 * gap;
        let mid = top + bar_h / 2;
        // The majority's rule runs down the bar: words keep clear of it.
        let clear = |l: i32, r: i32| rule_x.is_none_or(|rx| rx <= l - gap || r + gap <= rx);
        let name_w = text_width(&item.label, TEXT, style).max(text_width(&seats_text, TEXT, style));
        if name_w <= room && clear(a + gap, a + gap + name_w) {
            label(
                &root,
                &item.label,
                (a + gap, mid),
                TEXT,
                ink,
                (HPos::Left, VPos::Bottom),
                style,
            )?;
            label(
                &root,
                &seats_text,
                (a + gap, mid),
                TEXT,
                ink,
                (HPos::Left, VPos::Top),
                style,
            )?;
        } else {
            let number = (keyed.len() + 1).to_string();
            let nw = text_width(&number, TEXT, style);
            // In the block, away from the majority's rule if it runs
            // through; a block too narrow for it has its number just under
            // the bar. Either way the key's number is on the drawing.
            let inside = [(a + b) / 2, a + 1 + nw / 2, b - 1 - nw / 2]
                .into_iter()
                .find(|&x| nw <= b - a - 2 && clear(x - nw / 2, x + nw / 2));
            let (at, y, ink, v) = match inside {
                Some(x) => (x, mid, ink, VPos::Center),
                None => {
                    let mut x = (a + b) / 2;
                    if !clear(x - nw / 2, x + nw / 2) {
                        x = rule_x.map_or(x, |rx| {
                            if x < rx {
                                rx - gap - nw / 2 - 1
                            } else {
                                rx + gap + nw / 2 + 1
                            }
                        });
                    }
                    (x, top + bar_h + px(style, 1.0), pal.ink, VPos::Top)
                }
            };
            label(&root, &number, (at, y), TEXT, ink, (HPos::Center, v), style)?;
            keyed.push((n, number));
        }
        // Neighbouring blocks touch, so the ring keeps to this block's width.
        let inset = px(style, 3.0);
        ring(
            &root,
            view,
            n,
            fill,
            (a + inset, top, b - inset, top + bar_h),
            2.0,
            style,
        )?;
        hits.targets.push(Target {
            item: n,
            rect: (a, top, b, top + bar_h),
        });
    }
    if let Some(g) = lists {
        label(
            &root,
            &g.label,
            (x0, heading_y),
            TEXT,
            pal.ink,
            (HPos::Left, VPos::Center),
            style,
        )?;
    }

    if let Some(g) = blocs {
        label(
            &root,
            &g.label,
            (x0, bloc_heading_y),
            TEXT,
            pal.ink,
            (HPos::Left, VPos::Center),
            style,
        )?;
        for (row, &(n, item)) in bloc_items.iter().enumerate() {
            let y = bloc_top + row as i32 * (bloc_h + gap);
            let color = pal.hue(item.hue.unwrap_or(g.hue));
            let end = x(item.value.unwrap_or_default());
            root.draw(&Rectangle::new(
                [(x0, y), (end, y + bloc_h)],
                color.filled(),
            ))?;
            let mut right = end;
            if let (Some(lo), Some(hi)) = (item.low, item.high) {
                let (a, b, mid, cap) = (x(lo), x(hi), y + bloc_h / 2, bloc_h / 2);
                let ink = ShapeStyle::from(pal.ink).stroke_width(style.px(1.5));
                root.draw(&PathElement::new(vec![(a, mid), (b, mid)], ink))?;
                root.draw(&PathElement::new(vec![(a, mid - cap), (a, mid + cap)], ink))?;
                root.draw(&PathElement::new(vec![(b, mid - cap), (b, mid + cap)], ink))?;
                right = right.max(b);
            }
            // Beside the bar, or past the majority's rule when the words
            // would run across it.
            let text = format!("{} {}", item.label, value_text(data, item));
            let tw = text_width(&text, TEXT, style);
            let mut at = right + gap * 2;
            if let Some(rx) = rule_x.filter(|&rx| at - gap < rx && rx < at + tw + gap) {
                at = rx + gap * 2;
            }
            let text = fit(&text, x1 - at, TEXT, style);
            label(
                &root,
                &text,
                (at, y + bloc_h / 2),
                TEXT,
                pal.ink,
                (HPos::Left, VPos::Center),
                style,
            )?;
            ring(
                &root,
                view,
                n,
                color,
                (x0, y, right, y + bloc_h),
                2.0,
                style,
            )?;
            hits.targets.push(Target {
                item: n,
                rect: (x0, y, right, y + bloc_h),
            });
        }
    }

    // The majority: a dashed rule down through both bars, named at its top,
    // beside the heading, on whichever side has room.
    for (rule, rx) in data.rules.iter().zip(rule_x) {
        let dash = px(style, 4.0);
        let mut y = heading_y;
        while y < rule_bottom {
            root.draw(&PathElement::new(
                vec![(rx, y), (rx, (y + dash).min(rule_bottom))],
                ShapeStyle::from(pal.ink).stroke_width(style.px(1.5)),
            ))?;
            y += dash * 2;
        }
        let tw = text_width(&rule.label, TEXT, style);
        let heading_end = x0 + lists.map_or(0, |g| text_width(&g.label, TEXT, style));
        let right = rx + gap + tw <= x1;
        let (anchor, at) = if right {
            (HPos::Left, rx + gap)
        } else {
            (HPos::Right, rx - gap)
        };
        if right || rx - gap - tw > heading_end + gap {
            label(
                &root,
                &rule.label,
                (at, heading_y),
                TEXT,
                pal.ink,
                (anchor, VPos::Center),
                style,
            )?;
        }
    }

    // A seat scale along the bottom.
    root.draw(&PathElement::new(
        vec![(x0, axis_y), (x1, axis_y)],
        ShapeStyle::from(pal.muted).stroke_width(style.px(1.0)),
    ))?;
    let mut ticks: Vec<f64> = (0..)
        .map(|k| f64::from(k) * 100.0)
        .take_while(|t| *t < total - 40.0)
        .collect();
    ticks.push(total);
    for t in ticks {
        let tx = x(t);
        root.draw(&PathElement::new(
            vec![(tx, axis_y), (tx, axis_y + px(style, 4.0))],
            ShapeStyle::from(pal.muted).stroke_width(style.px(1.0)),
        ))?;
        let anchor = if t == 0.0 {
            HPos::Left
        } else if t == total {
            HPos::Right
        } else {
            HPos::Center
        };
        let at = match anchor {
            HPos::Left => tx - px(style, 1.0),
            HPos::Right => tx + px(style, 1.0),
            HPos::Center => tx,
        };
        label(
            &root,
            &super::items::number(t),
            (at, axis_y + px(style, 6.0)),
            TEXT,
            pal.muted,
            (anchor, VPos::Top),
            style,
        )?;
    }

    // The key to the numbered blocks, in rows, left to right.
    let (mut kx, mut ky) = (x0, key_top + line / 2);
    for (n, number) in &keyed {
        let item = &data.items[*n];
        let text = format!("{number} {} {}", item.label, value_text(data, item));
        let tw = text_width(&text, TEXT, style);
        if kx > x0 && kx + tw > x1 {
            (kx, ky) = (x0, ky + line);
        }
        let text = fit(&text, x1 - kx, TEXT, style);
        label(
            &root,
            &text,
            (kx, ky),
            TEXT,
            pal.ink,
            (HPos::Left, VPos::Center),
            style,
        )?;
        kx += tw + px(style, 14.0);
    }
    root.present()?;
    Ok(hits)
}
