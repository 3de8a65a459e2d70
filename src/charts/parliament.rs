//! Figure 4: the 329 seats of the Council of Representatives as one bar of
//! lists, largest first, with the majority line at 165; below it, on the
//! same scale, the Iraqiyyun bloc with the range of its reported size.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{
    items::value_text, label, px, ring, text_on, text_width, ChartStyle, DrawResult, Hits, Target,
    View,
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

    // Heights shrink with the frame, so the whole chamber always fits.
    let unit = (h / 11).min(px(style, 36.0));
    let (lists, blocs) = (data.groups.first(), data.groups.get(1));
    let top = unit * 2;
    let bar_h = unit * 2;
    let bloc_top = top + bar_h + unit * 2;
    let bloc_h = unit;
    let rule_bottom = bloc_top + bloc_h + unit / 2;

    if let Some(g) = lists {
        label(
            &root,
            &g.label,
            (x0, top - px(style, 4.0)),
            12.0,
            pal.ink,
            (HPos::Left, VPos::Bottom),
            style,
        )?;
        let mut seat = 0.0;
        let members = data
            .items
            .iter()
            .enumerate()
            .filter(|(_, i)| i.group == g.slug);
        for (k, (n, item)) in members.enumerate() {
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
            // Names and numbers inside the blocks wide enough to hold them;
            // the readout and the table carry the rest.
            let room = b - a - px(style, 6.0);
            let ink = text_on(fill);
            if text_width(&item.label, 11.0, style) <= room {
                label(
                    &root,
                    &item.label,
                    (a + px(style, 3.0), top + bar_h / 2 - px(style, 1.0)),
                    11.0,
                    ink,
                    (HPos::Left, VPos::Bottom),
                    style,
                )?;
                let seats_text = super::items::number(seats);
                label(
                    &root,
                    &seats_text,
                    (a + px(style, 3.0), top + bar_h / 2 + px(style, 1.0)),
                    11.0,
                    ink,
                    (HPos::Left, VPos::Top),
                    style,
                )?;
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
    }

    if let Some(g) = blocs {
        label(
            &root,
            &g.label,
            (x0, bloc_top - px(style, 4.0)),
            12.0,
            pal.ink,
            (HPos::Left, VPos::Bottom),
            style,
        )?;
        let members = data
            .items
            .iter()
            .enumerate()
            .filter(|(_, i)| i.group == g.slug);
        for (row, (n, item)) in members.enumerate() {
            let y = bloc_top + row as i32 * (bloc_h + unit);
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
            let text = format!("{} {}", item.label, value_text(data, item));
            label(
                &root,
                &text,
                (right + px(style, 6.0), y + bloc_h / 2),
                11.0,
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

    // Reference lines over everything: the majority.
    for rule in &data.rules {
        let rx = x(rule.value);
        let dash = px(style, 4.0);
        let mut y = top - unit / 2;
        while y < rule_bottom {
            root.draw(&PathElement::new(
                vec![(rx, y), (rx, (y + dash).min(rule_bottom))],
                ShapeStyle::from(pal.ink).stroke_width(style.px(1.5)),
            ))?;
            y += dash * 2;
        }
        label(
            &root,
            &rule.label,
            (rx, rule_bottom + px(style, 4.0)),
            11.0,
            pal.ink,
            (HPos::Center, VPos::Top),
            style,
        )?;
    }

    // A seat scale along the bottom.
    let axis_y = rule_bottom + unit * 2;
    if axis_y + px(style, 14.0) < h {
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
            label(
                &root,
                &super::items::number(t),
                (tx, axis_y + px(style, 6.0)),
                11.0,
                pal.muted,
                (HPos::Center, VPos::Top),
                style,
            )?;
        }
    }
    root.present()?;
    Ok(hits)
}
