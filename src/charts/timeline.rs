//! Figure 2: events in tracks (security, Iraqi politics, diplomacy) on a
//! time axis that skips the years the story does not cover.
//!
//! Each track is a lane with its label; each event a dot in its track's
//! colour. The step's period is a band; the selected event gets a ring and
//! its label. Hidden tracks leave the chart, and the others take their room.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::TEXT;
use super::{label, px, ChartStyle, DrawResult, Hits, Target, View};
use crate::story::Dataset;

/// A time axis in pieces: each era gets a share of the width in proportion
/// to its length, with a fixed gap between eras where time is skipped.
#[derive(Debug, Clone, PartialEq)]
pub struct EraScale {
    eras: Vec<(f64, f64)>,
    start: i32,
    per_year: f64,
    gap: i32,
}

impl EraScale {
    /// A scale from `eras` (in order, as fractional years) onto the pixels
    /// `start..end`, leaving `gap` pixels between eras.
    pub fn new(eras: &[[f64; 2]], start: i32, end: i32, gap: i32) -> Self {
        let eras: Vec<(f64, f64)> = eras.iter().map(|e| (e[0], e[1])).collect();
        let years: f64 = eras.iter().map(|(a, b)| b - a).sum();
        let gaps = gap * (eras.len().saturating_sub(1) as i32);
        let width = f64::from((end - start - gaps).max(1));
        EraScale {
            eras,
            start,
            per_year: if years > 0.0 { width / years } else { 0.0 },
            gap,
        }
    }

    /// The pixel of a year, or `None` when the year falls in a skipped gap
    /// or outside every era.
    pub fn map(&self, year: f64) -> Option<i32> {
        let mut offset = f64::from(self.start);
        for &(a, b) in &self.eras {
            if (a..=b).contains(&year) {
                return Some((offset + (year - a) * self.per_year).round() as i32);
            }
            offset += (b - a) * self.per_year + f64::from(self.gap);
        }
        None
    }

    /// Each era's pixel span, for the axis and the break marks.
    pub fn spans(&self) -> Vec<(i32, i32)> {
        self.eras
            .iter()
            .filter_map(|&(a, b)| Some((self.map(a)?, self.map(b)?)))
            .collect()
    }

    /// Each calendar year an era shows, with the pixel of the middle of the
    /// part shown: where the year's label goes.
    pub fn year_labels(&self) -> Vec<(i32, i32)> {
        let mut out = Vec::new();
        for &(a, b) in &self.eras {
            let mut year = a.floor();
            while year < b {
                let (from, to) = (a.max(year), b.min(year + 1.0));
                if let (Some(x0), Some(x1)) = (self.map(from), self.map(to)) {
                    out.push((year as i32, (x0 + x1) / 2));
                }
                year += 1.0;
            }
        }
        out
    }

    /// Whole years inside the eras, with their pixels: the axis ticks.
    pub fn ticks(&self) -> Vec<(i32, i32)> {
        let mut out = Vec::new();
        for &(a, b) in &self.eras {
            let mut year = a.ceil() as i32;
            while f64::from(year) <= b {
                if let Some(x) = self.map(f64::from(year)) {
                    out.push((year, x));
                }
                year += 1;
            }
        }
        out
    }
}

/// Draws the timeline. Returns a target per drawn event.
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
    let (width, height) = (width as i32, height as i32);
    let (left, right, top, axis) = (
        px(style, 10.0),
        px(style, 14.0),
        px(style, 8.0),
        px(style, 26.0),
    );
    let scale = EraScale::new(&data.eras, left, width - right, px(style, 18.0));
    let bottom = height - axis;

    // The step's period, clipped to each era.
    if let Some((from, to)) = view.period {
        for &[a, b] in &data.eras {
            let (a, b) = (from.max(a), to.min(b));
            if let (true, Some(x0), Some(x1)) = (a < b, scale.map(a), scale.map(b)) {
                root.draw(&Rectangle::new(
                    [(x0, top), (x1, bottom)],
                    pal.band.filled(),
                ))?;
            }
        }
    }

    // Axis: a line per era, year ticks, and a break mark between eras.
    let axis_style = ShapeStyle::from(pal.muted).stroke_width(style.px(1.0));
    for (x0, x1) in scale.spans() {
        root.draw(&PathElement::new(
            vec![(x0, bottom), (x1, bottom)],
            axis_style,
        ))?;
    }
    for pair in scale.spans().windows(2) {
        let (a, b) = (pair[0].1, pair[1].0);
        let d = px(style, 4.0);
        for x in [a + d, b - d] {
            root.draw(&PathElement::new(
                vec![(x - d / 2, bottom + d), (x + d / 2, bottom - d)],
                axis_style,
            ))?;
        }
    }
    // Where everything goes, before anything is drawn: the lanes of the
    // tracks that are shown, each track's name just above its line, the
    // dots, and the selected event's label where there is room for it.
    let lanes: Vec<_> = data.groups.iter().filter(|g| view.shows(&g.slug)).collect();
    let lane_h = (bottom - top) / (lanes.len().max(1) as i32);
    let radius = px(style, 5.0);
    let halo = radius + px(style, 6.0);
    let text_h = px(style, TEXT);
    let lane_y = |n: usize| top + n as i32 * lane_h + lane_h / 2 + text_h / 2;
    let mut room = super::layout::Room::new((left, top, width - right, bottom));
    let mut names = Vec::new();
    for (n, group) in lanes.iter().enumerate() {
        let y = lane_y(n);
        let w = super::text_width(&group.label, TEXT, style);
        let name = (left, y - halo - text_h, left + w, y - halo);
        room.block(name);
        room.line(&[(left, y), (width - right, y)]);
        names.push(name);
    }
    let scale_ref = &scale;
    let dots: Vec<(usize, usize, (i32, i32))> = lanes
        .iter()
        .enumerate()
        .flat_map(|(n, group)| {
            data.items
                .iter()
                .enumerate()
                .filter(move |(_, i)| i.group == group.slug)
                .filter_map(move |(i, item)| Some((n, i, (scale_ref.map(item.x?)?, lane_y(n)))))
        })
        .collect();
    for &(_, _, (x, y)) in &dots {
        room.block((x - radius, y - radius, x + radius, y + radius));
    }
    let selected = view
        .selected
        .and_then(|i| dots.iter().find(|d| d.1 == i))
        .map(|&(_, i, at)| (i, at));
    let tip = selected.and_then(|(i, at)| {
        super::layout::beside(&mut room, &data.items[i].label, at, halo, style)
    });

    // Year gridlines, kept out of the words.
    let mut holes = names.clone();
    holes.extend(tip);
    for (_, x) in scale.ticks() {
        root.draw(&PathElement::new(
            vec![(x, bottom), (x, bottom + px(style, 4.0))],
            axis_style,
        ))?;
        for (a, b) in super::layout::around(x, top, bottom, &holes) {
            root.draw(&PathElement::new(
                vec![a, b],
                ShapeStyle::from(pal.grid).stroke_width(style.px(1.0)),
            ))?;
        }
    }
    for (year, x) in scale.year_labels() {
        label(
            &root,
            &year.to_string(),
            (x, bottom + px(style, 6.0)),
            TEXT,
            pal.muted,
            (HPos::Center, VPos::Top),
            style,
        )?;
    }

    for (n, group) in lanes.iter().enumerate() {
        let y = lane_y(n);
        root.draw(&PathElement::new(
            vec![(left, y), (width - right, y)],
            ShapeStyle::from(pal.grid).stroke_width(style.px(2.0)),
        ))?;
        label(
            &root,
            &group.label,
            (names[n].0, names[n].3),
            TEXT,
            pal.ink,
            (HPos::Left, VPos::Bottom),
            style,
        )?;
    }
    let mut hits = Hits::default();
    for &(n, i, (x, y)) in &dots {
        let color = pal.hue(lanes[n].hue);
        let r = if view.emphasised(i) {
            radius + px(style, 1.5)
        } else {
            radius
        };
        root.draw(&Circle::new((x, y), r, color.filled()))?;
        root.draw(&Circle::new(
            (x, y),
            r,
            ShapeStyle::from(pal.ground).stroke_width(style.px(1.0)),
        ))?;
        if view.highlight.contains(&i) {
            root.draw(&Circle::new(
                (x, y),
                r + px(style, 3.0),
                ShapeStyle::from(color).stroke_width(style.px(1.5)),
            ))?;
        }
        hits.targets.push(Target::point(i, (x, y), r));
    }

    // The selected event last, so its ring and label sit on top.
    if let Some((i, at)) = selected {
        root.draw(&Circle::new(
            at,
            radius + px(style, 5.0),
            ShapeStyle::from(pal.ink).stroke_width(style.px(2.0)),
        ))?;
        if let Some(rect) = tip {
            label(
                &root,
                &data.items[i].label,
                (rect.0, rect.1),
                TEXT,
                pal.ink,
                (HPos::Left, VPos::Top),
                style,
            )?;
        }
    }
    root.present()?;
    Ok(hits)
}
