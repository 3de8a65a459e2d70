//! Charts: pure draw functions over any plotters [`DrawingBackend`].
//!
//! The app draws them on a canvas (see [`crate::components::figure`]); the
//! native tests draw them with the SVG backend. Every draw function returns
//! what hit-testing needs, in backend pixels.

#[cfg(feature = "chart-agenda")]
pub mod agenda;
pub mod axes;
#[cfg(feature = "chart-commitments")]
pub mod commitments;
pub mod export;
pub mod fonts;
pub mod items;
pub mod layout;
#[cfg(any(feature = "chart-opinion", feature = "chart-oil"))]
pub mod panels;
#[cfg(feature = "chart-parliament")]
pub mod parliament;
pub mod svg;
#[cfg(feature = "chart-timeline")]
pub mod timeline;
#[cfg(feature = "chart-troops")]
pub mod troops;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::story::{ChartKind, Datasets, Hue};

/// What can go wrong while drawing: the backend's error, as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartError(pub String);

impl std::fmt::Display for ChartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "chart error: {}", self.0)
    }
}

impl std::error::Error for ChartError {}

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for ChartError {
    fn from(e: DrawingAreaErrorKind<E>) -> Self {
        // Named, not formatted: none of these happen in practice (both of
        // the app's backends never fail), and formatting plotters' errors
        // cost the wasm their messages and Display code.
        ChartError(
            match e {
                DrawingAreaErrorKind::BackendError(_) => "the drawing backend failed",
                DrawingAreaErrorKind::SharingError => "the drawing area was in use",
                DrawingAreaErrorKind::LayoutError => "the drawing area could not be split",
            }
            .to_owned(),
        )
    }
}

/// The result of drawing a chart.
pub type DrawResult<T> = Result<T, ChartError>;

/// How to draw: pixel density and theme. Sizes in draw functions are written
/// in CSS pixels and multiplied by `scale`, so a canvas sized for
/// devicePixelRatio 2 gets strokes and text twice as many pixels wide.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChartStyle {
    /// Backend pixels per CSS pixel (the canvas's devicePixelRatio).
    pub scale: f64,
    /// Dark theme colours.
    pub dark: bool,
}

impl ChartStyle {
    /// A CSS length in backend pixels, never below one.
    pub fn px(&self, css: f64) -> u32 {
        (css * self.scale).round().max(1.0) as u32
    }

    /// The palette for this theme.
    pub fn palette(&self) -> Palette {
        if self.dark {
            Palette::DARK
        } else {
            Palette::LIGHT
        }
    }
}

/// Colours per actor and for the chart's furniture (design-notes.md: Okabe–Ito
/// hues; the dark theme lifts their lightness to keep 3:1 against the ground).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    /// Chart background.
    pub ground: RGBColor,
    /// Axis labels and text.
    pub ink: RGBColor,
    /// Quiet text and axis lines.
    pub muted: RGBColor,
    /// Gridlines.
    pub grid: RGBColor,
    /// Reference rules (events, the majority): lighter than the data, darker
    /// than the grid.
    pub rule: RGBColor,
    /// Highlighted period.
    pub band: RGBColor,
    /// United States.
    pub us: RGBColor,
    /// Coalition partners.
    pub coalition: RGBColor,
    /// The Iraqi government, Kadhimi, the CTS.
    pub iraq: RGBColor,
    /// Iran, the PMF and aligned militias.
    pub iran: RGBColor,
    /// Parliament and political blocs.
    pub blocs: RGBColor,
    /// Economy and oil.
    pub economy: RGBColor,
    /// Everything else.
    pub neutral: RGBColor,
    /// A second, lighter grey, so neighbouring neutral blocks stay apart.
    pub neutral_light: RGBColor,
}

impl Palette {
    /// Light theme.
    pub const LIGHT: Palette = Palette {
        ground: RGBColor(0xff, 0xff, 0xff),
        ink: RGBColor(0x1f, 0x23, 0x28),
        muted: RGBColor(0x5c, 0x63, 0x6e),
        grid: RGBColor(0xe3, 0xe6, 0xea),
        rule: RGBColor(0xa4, 0xab, 0xb4),
        band: RGBColor(0xf6, 0xe7, 0xbf),
        us: RGBColor(0x00, 0x72, 0xb2),
        coalition: RGBColor(0x2b, 0x8c, 0xc4),
        iraq: RGBColor(0x00, 0x86, 0x62),
        iran: RGBColor(0xb8, 0x4f, 0x00),
        blocs: RGBColor(0xa8, 0x4d, 0x86),
        economy: RGBColor(0xa6, 0x6f, 0x00),
        neutral: RGBColor(0x4f, 0x56, 0x60),
        neutral_light: RGBColor(0x9a, 0xa1, 0xab),
    };
    /// Dark theme.
    pub const DARK: Palette = Palette {
        ground: RGBColor(0x16, 0x19, 0x1d),
        ink: RGBColor(0xe8, 0xea, 0xed),
        muted: RGBColor(0xa4, 0xab, 0xb6),
        grid: RGBColor(0x2e, 0x33, 0x3a),
        rule: RGBColor(0x5c, 0x63, 0x6d),
        band: RGBColor(0x4a, 0x3f, 0x1f),
        us: RGBColor(0x5a, 0xb4, 0xf0),
        coalition: RGBColor(0x9c, 0xd6, 0xf5),
        iraq: RGBColor(0x3c, 0xc8, 0x9a),
        iran: RGBColor(0xff, 0x8a, 0x4c),
        blocs: RGBColor(0xe0, 0x9c, 0xc8),
        economy: RGBColor(0xf0, 0xb4, 0x3c),
        neutral: RGBColor(0x6a, 0x72, 0x7d),
        neutral_light: RGBColor(0x5f, 0x66, 0x70),
    };

    /// The colour of a hue role.
    pub fn hue(&self, hue: Hue) -> RGBColor {
        match hue {
            Hue::Us => self.us,
            Hue::Iraq => self.iraq,
            Hue::Iran => self.iran,
            Hue::Coalition => self.coalition,
            Hue::Blocs => self.blocs,
            Hue::Economy => self.economy,
            Hue::Neutral => self.neutral,
        }
    }
}

/// The font family used for chart text (the UI's system sans-serif). A
/// variant, not the name: plotters lower-cases a name to look it up, which
/// brings Unicode case tables into the wasm.
pub const FONT: FontFamily<'static> = FontFamily::SansSerif;

/// An upward triangle of circumradius `r` around the origin (a plotters
/// element placed with `EmptyElement::at(c) + triangle(..)`): plotters'
/// `TriangleMarker` without its sine and cosine, which bring libm's
/// trigonometry into the wasm for one shape.
pub fn triangle(r: i32, style: ShapeStyle) -> Polygon<(i32, i32)> {
    // cos 30° = 0.866: the corners sit at -90°, 30° and 150°.
    let half_base = (f64::from(r) * 0.866).round() as i32;
    let foot = (r + 1) / 2;
    Polygon::new(vec![(0, -r), (half_base, foot), (-half_base, foot)], style)
}

/// `value` with `decimals` places (at most 3), by integer arithmetic: the
/// `{:.N}` formatter brings a second float printer into the wasm.
pub fn fixed(value: f64, decimals: u32) -> String {
    let decimals = decimals.min(3);
    let scale = 10_i64.pow(decimals);
    let scaled = (value * scale as f64).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let (whole, part) = (
        scaled.unsigned_abs() / scale as u64,
        scaled.unsigned_abs() % scale as u64,
    );
    if decimals == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{part:0width$}", width = decimals as usize)
    }
}

/// `value` as plainly as it can be written with at most 3 decimals:
/// 64.2 → "64.2", 171000 → "171000". For data a reader downloads; the
/// content's numbers have no more decimals than that (a test checks).
pub fn plain(value: f64) -> String {
    let mut s = fixed(value, 3);
    if s.contains('.') {
        let trimmed = s.trim_end_matches('0').trim_end_matches('.').len();
        s.truncate(trimmed);
    }
    s
}

/// Formats a count with thin grouping: 171000 → "171,000".
pub fn thousands(value: f64) -> String {
    let n = value.round() as i64;
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    if n < 0 {
        out.insert(0, '-');
    }
    out
}

/// A selectable thing's place on the drawing, in backend pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    /// The item's index in its dataset.
    pub item: usize,
    /// Left, top, right, bottom.
    pub rect: (i32, i32, i32, i32),
}

impl Target {
    /// A target around a point drawn with radius `r`.
    pub fn point(item: usize, (x, y): (i32, i32), r: i32) -> Self {
        Target {
            item,
            rect: (x - r, y - r, x + r, y + r),
        }
    }

    /// The centre of the target.
    pub fn centre(&self) -> (i32, i32) {
        let (l, t, r, b) = self.rect;
        ((l + r) / 2, (t + b) / 2)
    }

    /// Squared distance from `(x, y)` to the target; zero inside it.
    fn distance2(&self, x: i32, y: i32) -> i64 {
        let (l, t, r, b) = self.rect;
        let dx = i64::from((l - x).max(x - r).max(0));
        let dy = i64::from((t - y).max(y - b).max(0));
        dx * dx + dy * dy
    }
}

/// What a draw function returns: where each drawn item landed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Hits {
    /// One target per drawn item; hidden items have none.
    pub targets: Vec<Target>,
    /// A line chart's plot, in which a pointer snaps to the nearest date:
    /// left, top, right, bottom.
    pub snap: Option<(i32, i32, i32, i32)>,
}

impl Hits {
    /// The item under `(x, y)`, or the nearest within `radius` backend
    /// pixels; among targets the point is inside, the smallest wins (a dot
    /// drawn over a band).
    pub fn hit(&self, x: i32, y: i32, radius: i32) -> Option<usize> {
        if let Some(found) = self.snapped(x, y) {
            return Some(found);
        }
        let r2 = i64::from(radius) * i64::from(radius);
        self.targets
            .iter()
            .map(|t| {
                let (l, top, r, b) = t.rect;
                let area = i64::from(r - l) * i64::from(b - top);
                (t.item, t.distance2(x, y), area)
            })
            .filter(|&(_, d2, _)| d2 <= r2)
            .min_by_key(|&(_, d2, area)| (d2, area))
            .map(|(item, _, _)| item)
    }

    /// Inside a line chart's plot, the item at the date nearest `x` (and of
    /// the items at that date, the one nearest `y`): a reader moving along
    /// a line reads every date without aiming at its dot.
    fn snapped(&self, x: i32, y: i32) -> Option<usize> {
        let (l, t, r, b) = self.snap?;
        if x < l || x > r || y < t || y > b {
            return None;
        }
        self.targets
            .iter()
            .filter(|target| {
                let (cx, cy) = target.centre();
                (l..=r).contains(&cx) && (t..=b).contains(&cy)
            })
            .min_by_key(|target| {
                let (cx, cy) = target.centre();
                ((cx - x).abs(), (cy - y).abs())
            })
            .map(|target| target.item)
    }

    /// The target of an item, if it was drawn.
    pub fn of(&self, item: usize) -> Option<&Target> {
        self.targets.iter().find(|t| t.item == item)
    }
}

/// What the reader has asked a chart to show.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct View {
    /// The step's period, as fractional years.
    pub period: Option<(f64, f64)>,
    /// Items the step is about, by index.
    pub highlight: Vec<usize>,
    /// The selected item, by index.
    pub selected: Option<usize>,
    /// Slugs of the groups the reader has hidden.
    pub hidden: Vec<String>,
}

impl View {
    /// Whether an item is the selected one or one the step is about.
    pub fn emphasised(&self, item: usize) -> bool {
        self.selected == Some(item) || self.highlight.contains(&item)
    }

    /// Whether a group is shown.
    pub fn shows(&self, group: &str) -> bool {
        !self.hidden.iter().any(|g| g == group)
    }
}

/// Draws figure `kind` from `data` on `backend`.
pub fn draw<DB: DrawingBackend>(
    kind: ChartKind,
    backend: DB,
    data: &Datasets,
    view: &View,
    style: &ChartStyle,
) -> DrawResult<Hits> {
    fonts::ensure();
    // A build without a chart's feature cannot draw it; the prerenderer
    // gives every page a wasm with the charts it shows.
    match kind {
        #[cfg(feature = "chart-troops")]
        ChartKind::Troops => troops::draw(backend, &data.troops, view, style),
        #[cfg(feature = "chart-timeline")]
        ChartKind::Timeline => timeline::draw(backend, &data.timeline, view, style),
        #[cfg(feature = "chart-opinion")]
        ChartKind::Opinion => panels::draw(backend, &data.opinion, view, style),
        #[cfg(feature = "chart-oil")]
        ChartKind::Oil => panels::draw(backend, &data.oil, view, style),
        #[cfg(feature = "chart-parliament")]
        ChartKind::Parliament => parliament::draw(backend, &data.parliament, view, style),
        #[cfg(feature = "chart-commitments")]
        ChartKind::Commitments => commitments::draw(backend, &data.commitments, view, style),
        #[cfg(feature = "chart-agenda")]
        ChartKind::Agenda => agenda::draw(backend, &data.agenda, view, style),
        #[allow(unreachable_patterns)]
        _ => {
            let _ = (backend, data, view, style);
            Err(ChartError(
                "this page's code has no drawing for this chart".to_owned(),
            ))
        }
    }
}

/// The chart text size, in CSS pixels: one size for every label, never
/// smaller (issue 14 asked for at least 13 px at devicePixelRatio 1).
pub const TEXT: f64 = 13.0;

/// Advance widths of printable ASCII (space to tilde) in DejaVu Sans, in
/// thousandths of an em: the widest of the common sans-serif faces a
/// reader's browser falls back to (Arial, Helvetica, Liberation Sans and
/// Roboto are narrower), so a label laid out with these never runs into
/// its neighbour. Measured from `assets/fonts/DejaVuSans-subset.ttf` with
/// plotters' own text measure; `tests/labels.rs` measures the drawn
/// labels with the font itself, so a wrong entry fails there.
const ADVANCE: [u16; 95] = [
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636,
    636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632,
    575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685,
    611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579,
    278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
];

/// The advance of one character, in thousandths of an em. Curly quotes,
/// dashes and the ellipsis as DejaVu Sans draws them; anything else
/// (accented and non-Latin letters) as a wide letter.
fn advance(c: char) -> u32 {
    match c {
        ' '..='~' => u32::from(ADVANCE[c as usize - 32]),
        '‘' | '’' | '·' => 318,
        '“' | '”' => 518,
        '–' => 500,
        '—' | '…' => 1000,
        _ => 700,
    }
}

/// The width of `text` at `size` CSS pixels, in backend pixels, rounded
/// up: what the charts lay labels out with (see [`ADVANCE`]).
pub fn text_width(text: &str, size: f64, style: &ChartStyle) -> i32 {
    let mills: u32 = text.chars().map(advance).sum();
    (f64::from(mills) / 1000.0 * size * style.scale).ceil() as i32
}

/// Breaks `text` into lines of at most `width` backend pixels at `size`,
/// at spaces; a word longer than a line gets a line of its own.
pub fn wrap(text: &str, width: i32, size: f64, style: &ChartStyle) -> Vec<String> {
    wrap_with(text, width, |line| text_width(line, size, style))
}

/// [`wrap`] with another measure of a line's width (the build-time
/// previews measure Arabic as it is drawn, shaped).
pub fn wrap_with(text: &str, width: i32, measure: impl Fn(&str) -> i32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && measure(&candidate) > width {
            lines.push(std::mem::replace(&mut line, word.to_owned()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Cuts `text` to fit `width` backend pixels, ending it with "…".
pub fn fit(text: &str, width: i32, size: f64, style: &ChartStyle) -> String {
    if text_width(text, size, style) <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        if text_width(&format!("{out}{c}…"), size, style) > width {
            break;
        }
        out.push(c);
    }
    let trimmed = out.trim_end();
    if trimmed.is_empty() {
        String::new()
    } else {
        format!("{trimmed}…")
    }
}

/// Draws one line of text at a pixel position with the given anchor.
pub fn label<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    text: &str,
    at: (i32, i32),
    size: f64,
    color: RGBColor,
    anchor: (HPos, VPos),
    style: &ChartStyle,
) -> DrawResult<()> {
    if text.is_empty() {
        return Ok(());
    }
    let font = (FONT, style.px(size))
        .into_font()
        .color(&color)
        .pos(Pos::new(anchor.0, anchor.1));
    area.draw(&Text::new(text.to_owned(), at, font))?;
    Ok(())
}

/// Outlines an emphasised item's box, `d` CSS pixels outside `corners`:
/// in ink when it is the selected item, in its own colour when the step is
/// about it, and not at all otherwise.
#[allow(clippy::too_many_arguments)]
pub fn ring<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    view: &View,
    item: usize,
    color: RGBColor,
    (x0, y0, x1, y1): (i32, i32, i32, i32),
    width: f64,
    style: &ChartStyle,
) -> DrawResult<()> {
    if !view.emphasised(item) {
        return Ok(());
    }
    let ink = if view.selected == Some(item) {
        style.palette().ink
    } else {
        color
    };
    let d = px(style, 3.0);
    area.draw(&Rectangle::new(
        [(x0 - d, y0 - d), (x1 + d, y1 + d)],
        ShapeStyle::from(ink).stroke_width(style.px(width)),
    ))?;
    Ok(())
}

/// A CSS length in backend pixels, as a signed coordinate.
pub fn px(style: &ChartStyle, css: f64) -> i32 {
    i32::try_from(style.px(css)).unwrap_or(i32::MAX)
}

/// Relative luminance of a colour (WCAG 2), from 0 (black) to 1 (white).
pub fn luminance(c: RGBColor) -> f64 {
    let channel = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.039_28 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
}

/// WCAG contrast ratio between two colours, from 1 to 21.
pub fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Text colour for a label drawn on `fill`: whichever of near-black and
/// white contrasts more.
pub fn text_on(fill: RGBColor) -> RGBColor {
    let (dark, light) = (Palette::LIGHT.ink, RGBColor(0xff, 0xff, 0xff));
    if contrast(fill, dark) >= contrast(fill, light) {
        dark
    } else {
        light
    }
}
