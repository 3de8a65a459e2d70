//! Charts: pure draw functions over any plotters [`DrawingBackend`].
//!
//! The app draws them on a canvas (see [`crate::components::figure`]); the
//! native tests draw them with the SVG backend. Every draw function returns
//! what hit-testing needs, in backend pixels.

pub mod export;
pub mod troops;

use plotters::prelude::*;

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
        ChartError(e.to_string())
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
    /// Highlighted period.
    pub band: RGBColor,
    /// United States.
    pub us: RGBColor,
    /// Coalition partners.
    pub coalition: RGBColor,
}

impl Palette {
    /// Light theme.
    pub const LIGHT: Palette = Palette {
        ground: RGBColor(0xff, 0xff, 0xff),
        ink: RGBColor(0x1f, 0x23, 0x28),
        muted: RGBColor(0x5c, 0x63, 0x6e),
        grid: RGBColor(0xe3, 0xe6, 0xea),
        band: RGBColor(0xf6, 0xe7, 0xbf),
        us: RGBColor(0x00, 0x72, 0xb2),
        coalition: RGBColor(0x2b, 0x8c, 0xc4),
    };
    /// Dark theme.
    pub const DARK: Palette = Palette {
        ground: RGBColor(0x16, 0x19, 0x1d),
        ink: RGBColor(0xe8, 0xea, 0xed),
        muted: RGBColor(0xa4, 0xab, 0xb6),
        grid: RGBColor(0x2e, 0x33, 0x3a),
        band: RGBColor(0x4a, 0x3f, 0x1f),
        us: RGBColor(0x5a, 0xb4, 0xf0),
        coalition: RGBColor(0x9c, 0xd6, 0xf5),
    };
}

/// The font family used for chart text (the UI's system sans-serif).
pub const FONT: &str = "sans-serif";

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

/// The index of the hit point nearest to `(x, y)` within `radius` backend
/// pixels, if any.
pub fn nearest(points: &[(i32, i32)], x: i32, y: i32, radius: i32) -> Option<usize> {
    points
        .iter()
        .enumerate()
        .map(|(i, &(px, py))| {
            let (dx, dy) = (i64::from(px - x), i64::from(py - y));
            (i, dx * dx + dy * dy)
        })
        .filter(|&(_, d2)| d2 <= i64::from(radius) * i64::from(radius))
        .min_by_key(|&(_, d2)| d2)
        .map(|(i, _)| i)
}
