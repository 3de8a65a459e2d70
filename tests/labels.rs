//! Chart text that never collides: every figure is drawn, at three sizes and
//! in every view a reader can reach (each step's, each item selected, a
//! group hidden), into a backend that records what is drawn. Each label is
//! measured with the font itself (DejaVu Sans, the widest common fallback),
//! and then:
//!
//! - no two labels overlap;
//! - no label crosses a rule, an axis, a line or a mark (a label inside a
//!   filled block, as in the chamber and the pledges, is in it, not across
//!   it);
//! - every label is inside the canvas;
//! - chart text is at least 13 CSS pixels;
//! - the words a reader needs (every event marker, every rule, every
//!   named list, every pledge) are drawn in full, in a label or a note.
#![cfg(feature = "ssr")]

use explainer::charts::items::{slugs, step_view};
use explainer::charts::{draw, fonts, ChartStyle, Palette, View, TEXT};
use explainer::story::{story, ChartKind};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};

/// A box: left, top, right, bottom.
type Rect = (f64, f64, f64, f64);

/// A line piece from end to end, with its colour.
type Piece = ((f64, f64), (f64, f64), String);

#[derive(Debug, Clone)]
struct Label {
    text: String,
    rect: Rect,
    size: f64,
}

#[derive(Debug, Default)]
struct Drawing {
    size: (u32, u32),
    labels: Vec<Label>,
    /// Line pieces: rules, axes, data lines, outlines.
    segments: Vec<Piece>,
    /// Filled blocks, with their colour.
    blocks: Vec<(Rect, String)>,
    /// Marks: dots and triangles, by their bounding boxes.
    marks: Vec<(Rect, String)>,
}

#[derive(Debug)]
struct Never;
impl std::fmt::Display for Never {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("never")
    }
}
impl std::error::Error for Never {}

struct Recorder<'a>(&'a mut Drawing);

type Result = std::result::Result<(), DrawingErrorKind<Never>>;

fn hex(c: BackendColor) -> String {
    format!("#{:02x}{:02x}{:02x}", c.rgb.0, c.rgb.1, c.rgb.2)
}

/// The width of `text` on a canvas at `size` CSS-pixel em, measured with
/// the bundled DejaVu Sans. plotters' font size is the line height (ascent
/// plus descent, 2384 of DejaVu's 2048 units per em); a canvas's is the em.
fn measure(text: &str, size: f64) -> f64 {
    let (w, _) = (FontFamily::SansSerif, 1000.0)
        .into_font()
        .box_size(text)
        .expect("the bundled font measures");
    f64::from(w) / 1000.0 * 2384.0 / 2048.0 * size
}

impl DrawingBackend for Recorder<'_> {
    type ErrorType = Never;
    fn get_size(&self) -> (u32, u32) {
        self.0.size
    }
    fn ensure_prepared(&mut self) -> Result {
        Ok(())
    }
    fn present(&mut self) -> Result {
        Ok(())
    }
    fn draw_pixel(&mut self, _: BackendCoord, _: BackendColor) -> Result {
        Ok(())
    }
    fn draw_line<S: BackendStyle>(&mut self, a: BackendCoord, b: BackendCoord, s: &S) -> Result {
        self.draw_path([a, b], s)
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        s: &S,
        fill: bool,
    ) -> Result {
        if s.color().alpha == 0.0 {
            return Ok(());
        }
        let (l, t, r, bo) = (
            f64::from(a.0.min(b.0)),
            f64::from(a.1.min(b.1)),
            f64::from(a.0.max(b.0)),
            f64::from(a.1.max(b.1)),
        );
        if fill {
            self.0.blocks.push(((l, t, r, bo), hex(s.color())));
        } else {
            let c = hex(s.color());
            for (p, q) in [
                ((l, t), (r, t)),
                ((r, t), (r, bo)),
                ((r, bo), (l, bo)),
                ((l, bo), (l, t)),
            ] {
                self.0.segments.push((p, q, c.clone()));
            }
        }
        Ok(())
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Result {
        if s.color().alpha == 0.0 {
            return Ok(());
        }
        let points: Vec<(f64, f64)> = path
            .into_iter()
            .map(|(x, y)| (f64::from(x), f64::from(y)))
            .collect();
        for pair in points.windows(2) {
            self.0.segments.push((pair[0], pair[1], hex(s.color())));
        }
        Ok(())
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        (x, y): BackendCoord,
        r: u32,
        s: &S,
        _fill: bool,
    ) -> Result {
        if s.color().alpha == 0.0 {
            return Ok(());
        }
        let (x, y, r) = (f64::from(x), f64::from(y), f64::from(r));
        self.0
            .marks
            .push(((x - r, y - r, x + r, y + r), hex(s.color())));
        Ok(())
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        s: &S,
    ) -> Result {
        let points: Vec<BackendCoord> = vert.into_iter().collect();
        let xs = points.iter().map(|p| f64::from(p.0));
        let ys = points.iter().map(|p| f64::from(p.1));
        let rect = (
            xs.clone().fold(f64::MAX, f64::min),
            ys.clone().fold(f64::MAX, f64::min),
            xs.fold(f64::MIN, f64::max),
            ys.fold(f64::MIN, f64::max),
        );
        self.0.marks.push((rect, hex(s.color())));
        Ok(())
    }
    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        s: &T,
        (x, y): BackendCoord,
    ) -> Result {
        let size = s.size();
        let w = measure(text, size);
        let (x, y) = (f64::from(x), f64::from(y));
        let left = match s.anchor().h_pos {
            HPos::Left => x,
            HPos::Center => x - w / 2.0,
            HPos::Right => x - w,
        };
        // A canvas's text baselines: the em box's top, middle or bottom.
        let top = match s.anchor().v_pos {
            VPos::Top => y,
            VPos::Center => y - size / 2.0,
            VPos::Bottom => y - size,
        };
        self.0.labels.push(Label {
            text: text.to_owned(),
            rect: (left, top, left + w, top + size),
            size,
        });
        Ok(())
    }
    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        s: &T,
    ) -> std::result::Result<(u32, u32), DrawingErrorKind<Never>> {
        Ok((measure(text, s.size()).ceil() as u32, s.size() as u32))
    }
    fn blit_bitmap(&mut self, _: BackendCoord, _: (u32, u32), _: &[u8]) -> Result {
        Ok(())
    }
}

/// Wide (a desktop column), a phone, and the phone at density 3; the lists
/// of boxes get the taller frame the page gives them on a phone.
fn sizes(kind: ChartKind) -> [((u32, u32), f64); 4] {
    let tall = matches!(
        kind,
        ChartKind::Commitments | ChartKind::Agenda | ChartKind::Opinion | ChartKind::Oil
    );
    let phone = match kind {
        ChartKind::Opinion | ChartKind::Oil => (358, 537),
        _ if tall => (358, 477),
        _ => (358, 304),
    };
    // The chamber's frame is 2:1 on wide screens.
    let wide = if kind == ChartKind::Parliament {
        2.0
    } else {
        16.0 / 11.0
    };
    [
        ((700, (700.0 / wide) as u32), 1.0),
        ((560, (560.0 / wide) as u32), 1.0),
        (phone, 1.0),
        ((phone.0 * 3, phone.1 * 3), 3.0),
    ]
}

fn record(kind: ChartKind, size: (u32, u32), view: &View, scale: f64) -> Drawing {
    fonts::ensure();
    let mut drawing = Drawing {
        size,
        ..Drawing::default()
    };
    draw(
        kind,
        Recorder(&mut drawing),
        &story().unwrap().data,
        view,
        &ChartStyle { scale, dark: false },
    )
    .unwrap_or_else(|e| panic!("{} draws: {e}", kind.slug()));
    drawing
}

/// Every view a reader can reach: nothing chosen, each step's, each item
/// selected, and the first group hidden.
fn views(kind: ChartKind) -> Vec<(String, View)> {
    let story = story().unwrap();
    let mut out = vec![("default".to_owned(), View::default())];
    for chapter in &story.chapters {
        for step in &chapter.steps {
            if let Some(f) = step.figure.as_ref().filter(|f| f.chart == kind) {
                out.push((format!("step {:?}", step.title), step_view(story, f)));
            }
        }
    }
    for (i, slug) in slugs(story, kind).iter().enumerate() {
        out.push((
            format!("{slug} selected"),
            View {
                selected: Some(i),
                ..View::default()
            },
        ));
    }
    if let Some(g) = story.data.dataset(kind).and_then(|d| d.groups.first()) {
        out.push((
            format!("{} hidden", g.slug),
            View {
                hidden: vec![g.slug.clone()],
                ..View::default()
            },
        ));
    }
    out
}

/// `r` shrunk by `by` on every side: what touches at the edge is allowed.
fn shrink((l, t, r, b): Rect, by: f64) -> Rect {
    (l + by, t + by, r - by, b - by)
}

fn overlap(a: Rect, b: Rect) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

fn inside(a: Rect, b: Rect) -> bool {
    a.0 >= b.0 && a.1 >= b.1 && a.2 <= b.2 && a.3 <= b.3
}

/// Whether the segment `p`–`q` passes through the box (Liang–Barsky).
fn crosses(p: (f64, f64), q: (f64, f64), (l, t, r, b): Rect) -> bool {
    let (dx, dy) = (q.0 - p.0, q.1 - p.1);
    let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
    for (den, num) in [(-dx, p.0 - l), (dx, r - p.0), (-dy, p.1 - t), (dy, b - p.1)] {
        if den == 0.0 {
            if num < 0.0 {
                return false;
            }
        } else {
            let t = num / den;
            if den < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    t0 < t1
}

/// What is wrong with the text of one drawing, one line per problem.
fn problems(d: &Drawing, scale: f64) -> Vec<String> {
    let pal = Palette::LIGHT;
    let quiet = |c: &str| {
        let ground = format!(
            "#{:02x}{:02x}{:02x}",
            pal.ground.0, pal.ground.1, pal.ground.2
        );
        let band = format!("#{:02x}{:02x}{:02x}", pal.band.0, pal.band.1, pal.band.2);
        c == ground || c == band
    };
    let tolerance = scale;
    let canvas = (
        -tolerance,
        -tolerance,
        f64::from(d.size.0) + tolerance,
        f64::from(d.size.1) + tolerance,
    );
    let mut out = Vec::new();
    for (n, a) in d.labels.iter().enumerate() {
        let ra = shrink(a.rect, tolerance);
        if a.size < TEXT * scale - 0.01 {
            out.push(format!("{:?} is {} px", a.text, a.size / scale));
        }
        if !inside(a.rect, canvas) {
            out.push(format!("{:?} leaves the canvas at {:?}", a.text, a.rect));
        }
        for b in &d.labels[n + 1..] {
            if overlap(ra, shrink(b.rect, tolerance)) {
                out.push(format!("{:?} overlaps {:?}", a.text, b.text));
            }
        }
        for (p, q, c) in &d.segments {
            if !quiet(c) && crosses(*p, *q, ra) {
                out.push(format!("{:?} is crossed by a {c} line {p:?}-{q:?}", a.text));
            }
        }
        for (m, c) in &d.marks {
            if overlap(ra, *m) {
                out.push(format!("{:?} covers a {c} mark at {m:?}", a.text));
            }
        }
        for (block, c) in &d.blocks {
            if !quiet(c) && overlap(ra, *block) && !inside(ra, *block) {
                out.push(format!("{:?} runs across a {c} block {block:?}", a.text));
            }
        }
    }
    out
}

#[test]
fn chart_text_never_collides_leaves_the_canvas_or_shrinks_below_13_px() {
    // Each problem once, with the first view it was seen in.
    let mut seen = std::collections::BTreeSet::new();
    let mut all = Vec::new();
    // LABELS_CHART=troops looks at one chart while working on it.
    let only = std::env::var("LABELS_CHART").ok();
    for kind in ChartKind::ALL {
        if only.as_ref().is_some_and(|o| o != kind.slug()) {
            continue;
        }
        for (size, scale) in sizes(kind) {
            for (name, view) in views(kind) {
                let d = record(kind, size, &view, scale);
                assert!(!d.labels.is_empty(), "{} draws text", kind.slug());
                for p in problems(&d, scale) {
                    if seen.insert(format!("{} {size:?} {p}", kind.slug())) {
                        all.push(format!("{} {size:?} {name}: {p}", kind.slug()));
                    }
                }
            }
        }
    }
    assert!(
        all.is_empty(),
        "{} problems:\n{}",
        all.len(),
        all.iter().take(400).cloned().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn the_checks_see_a_collision_a_crossing_and_small_text() {
    let label = |text: &str, rect: Rect, size: f64| Label {
        text: text.to_owned(),
        rect,
        size,
    };
    let d = Drawing {
        size: (100, 100),
        labels: vec![
            label("a", (10.0, 10.0, 40.0, 23.0), 13.0),
            label("b", (30.0, 15.0, 60.0, 28.0), 13.0),
            label("c", (10.0, 60.0, 40.0, 70.0), 10.0),
        ],
        segments: vec![((25.0, 0.0), (25.0, 100.0), "#5c636e".to_owned())],
        blocks: vec![],
        marks: vec![],
    };
    let found = problems(&d, 1.0);
    assert!(found.iter().any(|p| p.contains("\"a\" overlaps \"b\"")));
    assert!(found.iter().any(|p| p.contains("\"a\" is crossed")));
    assert!(found.iter().any(|p| p.contains("\"c\" is 10 px")));
    assert!(crosses((0.0, 5.0), (100.0, 5.0), (10.0, 0.0, 20.0, 10.0)));
    assert!(!crosses(
        (0.0, 15.0),
        (100.0, 15.0),
        (10.0, 0.0, 20.0, 10.0)
    ));
}

/// The words a reader needs to read a chart, each drawn whole at every
/// size: in a label of its own, or in a key or note that names it.
#[test]
fn no_label_is_dropped_or_cut_without_a_key_or_note_naming_it() {
    let story = story().unwrap();
    let mut missing = Vec::new();
    for kind in ChartKind::ALL {
        let mut words: Vec<&str> = Vec::new();
        match story.data.dataset(kind) {
            None => words.extend(story.data.troops.markers.iter().map(|m| m.label.as_str())),
            Some(data) => {
                words.extend(data.rules.iter().map(|r| r.label.as_str()));
                if matches!(
                    kind,
                    ChartKind::Parliament | ChartKind::Commitments | ChartKind::Agenda
                ) {
                    words.extend(data.items.iter().map(|i| i.label.as_str()));
                }
                // The panels name the series they draw and every bar.
                let drawn_group = |g: &&explainer::story::Group| {
                    !matches!(kind, ChartKind::Opinion | ChartKind::Oil)
                        || data.items.iter().any(|i| i.group == g.slug)
                };
                words.extend(
                    data.groups
                        .iter()
                        .filter(drawn_group)
                        .map(|g| g.label.as_str()),
                );
                if matches!(kind, ChartKind::Opinion | ChartKind::Oil) {
                    words.extend(
                        data.items
                            .iter()
                            .filter(|i| i.x.is_none())
                            .map(|i| i.label.as_str()),
                    );
                }
            }
        }
        assert!(!words.is_empty(), "{}", kind.slug());
        for (size, scale) in sizes(kind) {
            let d = record(kind, size, &View::default(), scale);
            // Whole, in one label (its own, or an entry of a key or note),
            // never pieced together from two; the charts that wrap text (the
            // asks' boxes, the meters' headings) draw it a line at a time,
            // one after the other.
            let whole = |w: &str| {
                d.labels.iter().any(|l| {
                    l.text.match_indices(w).any(|(i, _)| {
                        let before = l.text[..i].chars().next_back();
                        let after = l.text[i + w.len()..].chars().next();
                        before.is_none_or(|c| c == ' ')
                            && after.is_none_or(|c| matches!(c, ' ' | ',' | '('))
                    })
                })
            };
            let wrapped = d
                .labels
                .iter()
                .map(|l| l.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            for w in &words {
                let wraps = matches!(
                    kind,
                    ChartKind::Agenda | ChartKind::Opinion | ChartKind::Oil
                );
                if !(whole(w) || (wraps && wrapped.contains(w))) {
                    missing.push(format!("{} {size:?}: {w:?}", kind.slug()));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "not drawn whole:\n{}",
        missing.join("\n")
    );
}

/// In the pledges chart colour says who pledged and nothing else (the
/// domains and outcomes are words), and the key to the shapes comes before
/// the rows that use it.
#[test]
fn the_pledges_use_colour_for_one_thing_and_key_it_first() {
    let story = story().unwrap();
    let data = story.data.dataset(ChartKind::Commitments).unwrap();
    let hex = |c: RGBColor| format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2);
    for (size, scale) in sizes(ChartKind::Commitments) {
        let pal = Palette::LIGHT;
        let d = record(ChartKind::Commitments, size, &View::default(), scale);
        let mut allowed: Vec<String> = data.sides.iter().map(|s| hex(pal.hue(s.hue))).collect();
        allowed.extend([pal.ground, pal.grid, pal.band].map(hex));
        for (_, c) in d.blocks.iter().chain(&d.marks) {
            assert!(allowed.contains(c), "{size:?}: {c} is not a side's colour");
        }
        let top_of = |text: &str| {
            d.labels
                .iter()
                .find(|l| l.text == text)
                .map(|l| l.rect.1)
                .unwrap_or_else(|| panic!("{text:?} is drawn"))
        };
        let first_row = data
            .items
            .iter()
            .map(|i| top_of(&i.label))
            .fold(f64::MAX, f64::min);
        for side in &data.sides {
            assert!(
                top_of(&side.label) < first_row,
                "{size:?}: key after the rows"
            );
        }
    }
}
