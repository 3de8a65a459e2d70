//! Where labels go: the free room on a drawing, and stacks of labels that
//! hang off rules (the troop chart's events, the chamber's small lists).
//!
//! Everything is in backend pixels. `tests/labels.rs` draws every chart in
//! every view and checks the result: no label overlaps another, crosses a
//! line or covers a mark.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{label, px, text_width, ChartStyle, DrawResult, TEXT};

/// Left, top, right, bottom.
pub type Rect = (i32, i32, i32, i32);

/// A line piece, end to end.
pub type Segment = ((i32, i32), (i32, i32));

/// The height of a line of chart text.
pub fn line_height(style: &ChartStyle) -> i32 {
    px(style, TEXT * 1.3)
}

/// Whether two boxes share any area.
pub fn overlaps(a: Rect, b: Rect) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// Whether the segment passes through the inside of the box (clipping the
/// segment to the box, Liang–Barsky; touching an edge does not count).
pub fn crosses(((x0, y0), (x1, y1)): Segment, (l, t, r, b): Rect) -> bool {
    let (x0, y0) = (f64::from(x0), f64::from(y0));
    let (dx, dy) = (f64::from(x1) - x0, f64::from(y1) - y0);
    let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
    for (den, num) in [
        (-dx, x0 - f64::from(l)),
        (dx, f64::from(r) - x0),
        (-dy, y0 - f64::from(t)),
        (dy, f64::from(b) - y0),
    ] {
        if den == 0.0 {
            if num <= 0.0 {
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

/// What is already on a drawing, for placing labels where nothing is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Room {
    bounds: Rect,
    boxes: Vec<Rect>,
    lines: Vec<Segment>,
}

impl Room {
    /// An empty drawing whose labels must stay inside `bounds`.
    pub fn new(bounds: Rect) -> Self {
        Room {
            bounds,
            ..Room::default()
        }
    }

    /// Something a label must not cover: a mark or another label.
    pub fn block(&mut self, rect: Rect) {
        self.boxes.push(rect);
    }

    /// A line a label must not cross, through `points`.
    pub fn line(&mut self, points: &[(i32, i32)]) {
        self.lines.extend(points.windows(2).map(|p| (p[0], p[1])));
    }

    /// Whether `rect` is inside the bounds and clear of everything.
    pub fn fits(&self, rect: Rect) -> bool {
        let (l, t, r, b) = self.bounds;
        rect.0 >= l
            && rect.1 >= t
            && rect.2 <= r
            && rect.3 <= b
            && !self.boxes.iter().any(|&o| overlaps(rect, o))
            && !self.lines.iter().any(|&s| crosses(s, rect))
    }

    /// The first of `candidates` that fits, which is then taken.
    pub fn take(&mut self, candidates: impl IntoIterator<Item = Rect>) -> Option<Rect> {
        let found = candidates.into_iter().find(|&c| self.fits(c))?;
        self.block(found);
        Some(found)
    }
}

/// Draws `text` as a label beside the mark at `at` (of radius `r`), where
/// [`beside`] finds room. Returns where it went; `None` when there is no
/// room, and the readout beside the chart says it instead.
pub fn callout<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    room: &mut Room,
    text: &str,
    at: (i32, i32),
    r: i32,
    color: RGBColor,
    style: &ChartStyle,
) -> DrawResult<Option<Rect>> {
    let Some(rect) = beside(room, text, at, r, style) else {
        return Ok(None);
    };
    label(
        area,
        text,
        (rect.0, rect.1),
        TEXT,
        color,
        (HPos::Left, VPos::Top),
        style,
    )?;
    Ok(Some(rect))
}

/// The box for `text` beside the mark at `at` (of radius `r`): the first
/// place around it that `room` has free, above, below, right, left, then
/// farther out. The box is taken from the room.
pub fn beside(
    room: &mut Room,
    text: &str,
    (x, y): (i32, i32),
    r: i32,
    style: &ChartStyle,
) -> Option<Rect> {
    let (w, h) = (text_width(text, TEXT, style), px(style, TEXT));
    let gap = px(style, 4.0);
    let candidates = (1..=3).flat_map(|step| {
        let d = r + gap * step;
        [
            (x - w / 2, y - d - h),
            (x - w / 2, y + d),
            (x + d, y - h / 2),
            (x - d - w, y - h / 2),
            (x + d / 2, y - d - h),
            (x - w - d / 2, y - d - h),
            (x + d / 2, y + d),
            (x - w - d / 2, y + d),
        ]
    });
    room.take(candidates.map(|(l, t)| (l, t, l + w, t + h)))
}

/// The pieces of the vertical line at `x` from `top` to `bottom` that keep
/// out of `holes` (labels a gridline would otherwise run through).
pub fn around(x: i32, top: i32, bottom: i32, holes: &[Rect]) -> Vec<Segment> {
    let mut cuts: Vec<(i32, i32)> = holes
        .iter()
        .filter(|h| h.0 <= x && x <= h.2 && h.1 < bottom && top < h.3)
        .map(|h| (h.1, h.3))
        .collect();
    // A few holes at most: an insertion sort keeps std's sort out of the wasm.
    for i in 1..cuts.len() {
        let mut j = i;
        while j > 0 && cuts[j - 1].0 > cuts[j].0 {
            cuts.swap(j - 1, j);
            j -= 1;
        }
    }
    let mut out = Vec::new();
    let mut from = top;
    for (a, b) in cuts {
        if a > from {
            out.push(((x, from), (x, a)));
        }
        from = from.max(b);
    }
    if from < bottom {
        out.push(((x, from), (x, bottom)));
    }
    out
}

/// Where a label that hangs off a rule goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hung {
    /// The row, 0 nearest the rule's start (the plot or the bar).
    pub row: usize,
    /// Whether the label ends at the rule instead of starting there.
    pub left: bool,
    /// The label's horizontal span.
    pub span: (i32, i32),
}

/// Lays labels out in rows beside their rules (at `xs`, each label
/// `widths` wide), so that no two labels in a row touch and no rule runs
/// through another's label: a rule reaches up to its own label's row, so a
/// label over another rule must sit in a higher row than that rule's
/// label. `fixed` rules cross every row. Uses as few rows as it can, at
/// most `max_rows`; `None` when the labels cannot all fit inside `within`.
pub fn hang(
    xs: &[i32],
    widths: &[i32],
    fixed: &[i32],
    within: (i32, i32),
    gap: i32,
    max_rows: usize,
) -> Option<Vec<Hung>> {
    let n = xs.len().min(widths.len());
    // The search is exhaustive, so a layout that cannot exist would cost
    // (2 × rows)^n tries; it runs on every redraw, so it gives up after
    // this many placements and the caller notes the labels instead.
    let mut budget = 20_000_usize;
    for rows in 1..=max_rows.max(1) {
        let mut placed: Vec<Hung> = Vec::with_capacity(n);
        if search(
            xs,
            widths,
            fixed,
            within,
            gap,
            rows,
            &mut placed,
            &mut budget,
        ) {
            return Some(placed);
        }
        if budget == 0 {
            break;
        }
    }
    None
}

/// Depth-first search for [`hang`]: places label `placed.len()` and the
/// rest, within `budget` placements.
#[allow(clippy::too_many_arguments)]
fn search(
    xs: &[i32],
    widths: &[i32],
    fixed: &[i32],
    within: (i32, i32),
    gap: i32,
    rows: usize,
    placed: &mut Vec<Hung>,
    budget: &mut usize,
) -> bool {
    let i = placed.len();
    if i >= xs.len().min(widths.len()) {
        return true;
    }
    let (x, w) = (xs[i], widths[i]);
    for row in 0..rows {
        for left in [false, true] {
            let span = if left {
                (x - gap - w, x - gap)
            } else {
                (x + gap, x + gap + w)
            };
            let under = |rule: i32| span.0 - gap < rule && rule < span.1 + gap;
            let fits = span.0 >= within.0
                && span.1 <= within.1
                && !fixed.iter().any(|&f| under(f))
                && placed.iter().enumerate().all(|(j, other)| {
                    let apart = other.row != row
                        || span.1 + gap <= other.span.0
                        || other.span.1 + gap <= span.0;
                    // Rule j runs up through rows 0..=row_j, and rule i
                    // through 0..=row.
                    let over_j = under(xs[j]) && other.row >= row;
                    let i_under_j = other.span.0 - gap < x && x < other.span.1 + gap;
                    apart && !over_j && !(i_under_j && row >= other.row)
                });
            if fits {
                if *budget == 0 {
                    return false;
                }
                *budget -= 1;
                placed.push(Hung { row, left, span });
                if search(xs, widths, fixed, within, gap, rows, placed, budget) {
                    return true;
                }
                placed.pop();
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_segment_crosses_a_box_it_passes_through_and_not_one_it_misses() {
        let b = (10, 10, 20, 20);
        assert!(crosses(((0, 15), (30, 15)), b));
        assert!(crosses(((15, 0), (15, 12)), b));
        assert!(!crosses(((0, 5), (30, 5)), b));
        assert!(!crosses(((0, 10), (30, 10)), b), "an edge is not inside");
        assert!(!crosses(((0, 0), (5, 30)), b));
    }

    #[test]
    fn the_room_takes_the_first_free_place() {
        let mut room = Room::new((0, 0, 100, 100));
        room.block((0, 0, 50, 50));
        room.line(&[(60, 0), (60, 100)]);
        let got = room.take([(10, 10, 30, 20), (55, 10, 70, 20), (70, 10, 90, 20)]);
        assert_eq!(got, Some((70, 10, 90, 20)));
        assert!(!room.fits((75, 15, 80, 18)), "taken places are blocked");
        assert!(!room.fits((90, 90, 110, 95)), "bounds hold");
    }

    #[test]
    fn hung_labels_never_share_a_row_span_or_sit_across_a_rule() {
        let xs = [100, 130, 200, 300, 310];
        let widths = [110, 70, 45, 80, 70];
        let out = hang(&xs, &widths, &[], (60, 340), 3, 6).expect("they fit");
        for (i, a) in out.iter().enumerate() {
            assert!(a.span.0 >= 60 && a.span.1 <= 340);
            for (j, b) in out.iter().enumerate() {
                if i == j {
                    continue;
                }
                if a.row == b.row {
                    assert!(a.span.1 <= b.span.0 || b.span.1 <= a.span.0);
                }
                // Rule j reaches row_j; label i over it must be higher.
                if a.span.0 < xs[j] && xs[j] < a.span.1 {
                    assert!(a.row > b.row, "label {i} sits across rule {j}");
                }
            }
        }
        assert!(out.iter().map(|h| h.row).max().unwrap() >= 1);
        assert_eq!(hang(&[100], &[500], &[], (60, 340), 3, 4), None);
        let fixed = hang(&[100], &[50], &[120], (0, 340), 3, 2).unwrap();
        assert!(
            fixed[0].left,
            "a fixed rule pushes the label to the other side"
        );
    }
}
