//! One drawing backend for the screen and for the SVG download.
//!
//! Every chart's draw function is generic over plotters' backend, so each
//! backend the app uses gets its own copy of every chart in the wasm. The
//! canvas and the SVG download share this one type instead, and the charts
//! are compiled once.
//!
//! The canvas half replaces plotters-canvas, which prints colours and font
//! sizes with Rust's float formatter (about 14 KB of wasm, for numbers that
//! need three decimals at most). Native code (tests, previews) still uses
//! plotters' own backends.

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontTransform,
};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::charts::fixed;
use crate::charts::svg::{estimate_text_size, SvgError, SvgWriter};

/// The screen's canvas, or an SVG document being written.
pub enum Backend<'a> {
    /// Drawing on the page's canvas: its 2D context, size in pixels, and
    /// the context's state as last set.
    Canvas(CanvasRenderingContext2d, (u32, u32), Pen),
    /// Writing the SVG download.
    Svg(SvgWriter<'a>),
}

impl Backend<'_> {
    /// Draws on `canvas` as if it were `size` pixels, whatever its own
    /// size (what falls outside it is clipped, as on any canvas); `None`
    /// if it has no 2D context.
    pub fn canvas(canvas: &HtmlCanvasElement, size: (u32, u32)) -> Option<Self> {
        Some(Backend::Canvas(context(canvas)?, size, Pen::default()))
    }
}

/// The canvas's 2D context, if it has one.
pub fn context(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    use wasm_bindgen::JsCast;
    canvas.get_context("2d").ok()??.dyn_into().ok()
}

/// Gives `canvas` a low-latency (`desynchronized`) 2D context. Only a
/// canvas's first context takes attributes, so this must come before any
/// drawing; later calls to [`context`] return the same context.
///
/// Chromium hands an ordinary 2D canvas to the compositor anew at every
/// frame that updates the page's layers, drawn on or not: for the whole
/// story's figure, 216 ms in the 76 such frames of 30 wheel turns through
/// `/all/` at 4x CPU slowdown, 2.8 ms a frame (traced, 1 December; the
/// same on a bare page with one canvas drawn once). A low-latency canvas
/// sends a frame only when it is drawn on. The cost: where the browser
/// draws straight to the screen's buffer, a drawing may show before it is
/// finished; the figure's swaps are one copy, so little can show half
/// done.
pub fn claim_low_latency(canvas: &HtmlCanvasElement) {
    let options = js_sys::Object::new();
    if js_sys::Reflect::set(&options, &"desynchronized".into(), &true.into()).is_ok() {
        let _ = canvas.get_context_with_context_options("2d", &options);
    }
}

type Result = std::result::Result<(), DrawingErrorKind<SvgError>>;

/// A canvas colour: `#rrggbb`, or `rgba(…)` when it is not opaque.
fn css_color(color: BackendColor) -> String {
    let (r, g, b) = color.rgb;
    if color.alpha >= 1.0 {
        format!("#{r:02x}{g:02x}{b:02x}")
    } else {
        format!("rgba({r},{g},{b},{})", fixed(color.alpha, 3))
    }
}

/// The context's state as this drawing last set it, so each setter crosses
/// into JavaScript only when its value changes. A chart sets the same
/// colour, font and alignment for item after item. Scrolling the whole
/// story at 4x CPU slowdown (`make bench`, 4 runs each), figure swaps took
/// p95 1.7 to 11.8 ms with it and 11.3 to 15.2 ms without, and 0 to 2 tasks
/// ran over 50 ms against 0 to 3; it costs 0.3 KB of brotli wasm.
#[derive(Clone, Default)]
pub struct Pen {
    fill: String,
    stroke: String,
    width: u32,
    font: String,
    baseline: &'static str,
    align: &'static str,
}

/// Sets `slot` to `value` and calls `set` with it, unless it holds it.
fn put<T: PartialEq>(slot: &mut T, value: T, set: impl FnOnce(&T)) {
    if *slot != value {
        set(&value);
        *slot = value;
    }
}

fn stroke(ctx: &CanvasRenderingContext2d, pen: &mut Pen, style: &impl BackendStyle) {
    put(&mut pen.stroke, css_color(style.color()), |c| {
        ctx.set_stroke_style_str(c)
    });
    put(&mut pen.width, style.stroke_width(), |w| {
        ctx.set_line_width(f64::from(*w))
    });
}

fn fill(ctx: &CanvasRenderingContext2d, pen: &mut Pen, color: BackendColor) {
    put(&mut pen.fill, css_color(color), |c| {
        ctx.set_fill_style_str(c)
    });
}

/// Traces `path` as one open sub-path.
fn trace(ctx: &CanvasRenderingContext2d, path: impl IntoIterator<Item = BackendCoord>) {
    ctx.begin_path();
    for (i, (x, y)) in path.into_iter().enumerate() {
        if i == 0 {
            ctx.move_to(f64::from(x), f64::from(y));
        } else {
            ctx.line_to(f64::from(x), f64::from(y));
        }
    }
}

/// A 1-pixel horizontal or vertical line sits on a pixel's middle, so it
/// is crisp instead of smeared over two (as plotters-canvas does).
fn crisp(from: BackendCoord, to: BackendCoord) -> ((f64, f64), (f64, f64)) {
    let (mut a, mut b) = (
        (f64::from(from.0), f64::from(from.1)),
        (f64::from(to.0), f64::from(to.1)),
    );
    if from.0 == to.0 {
        a.0 -= 0.5;
        b.0 -= 0.5;
    }
    if from.1 == to.1 {
        a.1 -= 0.5;
        b.1 -= 0.5;
    }
    (a, b)
}

impl DrawingBackend for Backend<'_> {
    type ErrorType = SvgError;

    fn get_size(&self) -> (u32, u32) {
        match self {
            Backend::Canvas(_, size, _) => *size,
            Backend::Svg(svg) => svg.get_size(),
        }
    }

    fn ensure_prepared(&mut self) -> Result {
        Ok(())
    }

    fn present(&mut self) -> Result {
        match self {
            Backend::Canvas(..) => Ok(()),
            Backend::Svg(svg) => svg.present(),
        }
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result {
        self.draw_rect(point, (point.0 + 1, point.1 + 1), &color, true)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result {
        match self {
            Backend::Svg(svg) => svg.draw_line(from, to, style),
            Backend::Canvas(ctx, _, pen) => {
                if style.color().alpha > 0.0 {
                    let (a, b) = crisp(from, to);
                    stroke(ctx, pen, style);
                    ctx.begin_path();
                    ctx.move_to(a.0, a.1);
                    ctx.line_to(b.0, b.1);
                    ctx.stroke();
                }
                Ok(())
            }
        }
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        filled: bool,
    ) -> Result {
        match self {
            Backend::Svg(svg) => svg.draw_rect(upper_left, bottom_right, style, filled),
            Backend::Canvas(ctx, _, pen) => {
                if style.color().alpha > 0.0 {
                    let (x, y) = (f64::from(upper_left.0), f64::from(upper_left.1));
                    let (w, h) = (
                        f64::from(bottom_right.0 - upper_left.0),
                        f64::from(bottom_right.1 - upper_left.1),
                    );
                    if filled {
                        fill(ctx, pen, style.color());
                        ctx.fill_rect(x, y, w, h);
                    } else {
                        stroke(ctx, pen, style);
                        ctx.stroke_rect(x, y, w, h);
                    }
                }
                Ok(())
            }
        }
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result {
        match self {
            Backend::Svg(svg) => svg.draw_path(path, style),
            Backend::Canvas(ctx, _, pen) => {
                if style.color().alpha > 0.0 {
                    stroke(ctx, pen, style);
                    trace(ctx, path);
                    ctx.stroke();
                }
                Ok(())
            }
        }
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result {
        match self {
            Backend::Svg(svg) => svg.fill_polygon(vert, style),
            Backend::Canvas(ctx, _, pen) => {
                if style.color().alpha > 0.0 {
                    fill(ctx, pen, style.color());
                    trace(ctx, vert);
                    ctx.close_path();
                    ctx.fill();
                }
                Ok(())
            }
        }
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        filled: bool,
    ) -> Result {
        match self {
            Backend::Svg(svg) => svg.draw_circle(center, radius, style, filled),
            Backend::Canvas(ctx, _, pen) => {
                if style.color().alpha > 0.0 {
                    ctx.begin_path();
                    let _ = ctx.arc(
                        f64::from(center.0),
                        f64::from(center.1),
                        f64::from(radius),
                        0.0,
                        std::f64::consts::TAU,
                    );
                    if filled {
                        fill(ctx, pen, style.color());
                        ctx.fill();
                    } else {
                        stroke(ctx, pen, style);
                        ctx.stroke();
                    }
                }
                Ok(())
            }
        }
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        pos: BackendCoord,
    ) -> Result {
        let (ctx, pen) = match self {
            Backend::Svg(svg) => return svg.draw_text(text, style, pos),
            Backend::Canvas(ctx, _, pen) => (ctx, pen),
        };
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let turn = match style.transform() {
            FontTransform::Rotate90 => 0.25,
            FontTransform::Rotate180 => 0.5,
            FontTransform::Rotate270 => 0.75,
            _ => 0.0,
        };
        let (mut x, mut y) = (f64::from(pos.0), f64::from(pos.1));
        // `restore` puts the context back as `save` found it: so the pen.
        let saved = (turn != 0.0).then(|| pen.clone());
        if saved.is_some() {
            ctx.save();
            let _ = ctx.translate(x, y);
            let _ = ctx.rotate(turn * std::f64::consts::TAU);
            (x, y) = (0.0, 0.0);
        }
        let baseline = match style.anchor().v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        put(&mut pen.baseline, baseline, |b| ctx.set_text_baseline(b));
        // Physical sides: "start" and "end" swap on a right-to-left page,
        // and the charts place every label by its left or right edge.
        let align = match style.anchor().h_pos {
            HPos::Left => "left",
            HPos::Right => "right",
            HPos::Center => "center",
        };
        put(&mut pen.align, align, |a| ctx.set_text_align(a));
        fill(ctx, pen, style.color());
        let font = format!(
            "{} {}px {}",
            style.style().as_str(),
            fixed(style.size(), 2),
            style.family().as_str()
        );
        put(&mut pen.font, font, |f| ctx.set_font(f));
        let _ = ctx.fill_text(text, x, y);
        if let Some(saved) = saved {
            ctx.restore();
            *pen = saved;
        }
        Ok(())
    }

    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> std::result::Result<(u32, u32), DrawingErrorKind<SvgError>> {
        Ok(estimate_text_size(text, style.size()))
    }

    fn blit_bitmap(&mut self, _: BackendCoord, _: (u32, u32), _: &[u8]) -> Result {
        Ok(())
    }
}
