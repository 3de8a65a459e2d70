//! A small SVG backend for plotters: the figure downloads, in the app and
//! natively.
//!
//! plotters' own SVG backend prints opacity and font size with Rust's float
//! formatter, which costs the wasm about 14 KB for numbers that need three
//! decimals at most, and it goes through `std::io`. This one writes the same
//! elements and attributes, with the numbers from [`super::fixed`].

use std::fmt::Write;

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle, FontTransform,
};

use super::fixed;
// The page's escaping serves XML too: `&#39;` is a character reference there.
use crate::story::html::escape;

/// Never produced: writing to a `String` cannot fail.
#[derive(Debug)]
pub struct SvgError;

impl std::fmt::Display for SvgError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SVG error")
    }
}

impl std::error::Error for SvgError {}

type Result = std::result::Result<(), DrawingErrorKind<SvgError>>;

/// Writes an SVG document into a string; the document is closed by
/// [`DrawingBackend::present`] or, failing that, when the writer is dropped.
pub struct SvgWriter<'a> {
    out: &'a mut String,
    size: (u32, u32),
    open: bool,
    rtl: bool,
}

impl<'a> SvgWriter<'a> {
    /// Starts a `width` × `height` document in `out`.
    pub fn new(out: &'a mut String, size: (u32, u32)) -> Self {
        Self::with_direction(out, size, false)
    }

    /// Starts a document whose text runs right to left (`rtl`): Arabic
    /// labels stay text, in the order a reader reads them, and each still
    /// sits by the edge the chart placed it by.
    pub fn with_direction(out: &'a mut String, (w, h): (u32, u32), rtl: bool) -> Self {
        let _ = write!(
            out,
            r#"<svg width="{w}" height="{h}" viewBox="0 0 {w} {h}"{} xmlns="http://www.w3.org/2000/svg">"#,
            if rtl { r#" direction="rtl""# } else { "" }
        );
        out.push('\n');
        SvgWriter {
            out,
            size: (w, h),
            open: true,
            rtl,
        }
    }

    fn close(&mut self) {
        if self.open {
            self.out.push_str("</svg>\n");
            self.open = false;
        }
    }

    /// ` opacity="…"` when the colour is not opaque, then ` name="#rrggbb"`.
    fn paint(&mut self, name: &str, color: BackendColor) {
        if color.alpha < 1.0 {
            let _ = write!(self.out, r#" opacity="{}""#, fixed(color.alpha, 3));
        }
        let (r, g, b) = color.rgb;
        let _ = write!(self.out, r##" {name}="#{r:02X}{g:02X}{b:02X}""##);
    }

    /// A shape's paint, filled or outlined, and the end of its tag.
    fn close_shape(&mut self, style: &impl BackendStyle, fill: bool) {
        if fill {
            self.paint("fill", style.color());
        } else {
            self.out.push_str(r#" fill="none""#);
            self.paint("stroke", style.color());
            let _ = write!(self.out, r#" stroke-width="{}""#, style.stroke_width());
        }
        self.out.push_str("/>\n");
    }

    fn points(&mut self, path: impl IntoIterator<Item = BackendCoord>) {
        self.out.push_str(r#" points=""#);
        for (i, (x, y)) in path.into_iter().enumerate() {
            let _ = write!(self.out, "{}{x},{y}", if i == 0 { "" } else { " " });
        }
        self.out.push('"');
    }
}

impl Drop for SvgWriter<'_> {
    fn drop(&mut self) {
        self.close();
    }
}

/// The size of `text` at `size` pixels by the charts' own rule (see
/// [`super::text_width`]). The charts lay text out themselves; this only
/// answers plotters if it asks, without measuring fonts.
pub fn estimate_text_size(text: &str, size: f64) -> (u32, u32) {
    let unit = super::ChartStyle {
        scale: 1.0,
        dark: false,
    };
    (
        u32::try_from(super::text_width(text, size, &unit)).unwrap_or(0),
        size.round() as u32,
    )
}

impl DrawingBackend for SvgWriter<'_> {
    type ErrorType = SvgError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result {
        Ok(())
    }

    fn present(&mut self) -> Result {
        self.close();
        Ok(())
    }

    fn draw_pixel(&mut self, (x, y): BackendCoord, color: BackendColor) -> Result {
        self.draw_rect((x, y), (x + 1, y + 1), &color, true)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        (x1, y1): BackendCoord,
        (x2, y2): BackendCoord,
        style: &S,
    ) -> Result {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.out.push_str("<line");
        self.paint("stroke", style.color());
        let _ = writeln!(
            self.out,
            r#" stroke-width="{}" x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}"/>"#,
            style.stroke_width()
        );
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        (x0, y0): BackendCoord,
        (x1, y1): BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let _ = write!(
            self.out,
            r#"<rect x="{x0}" y="{y0}" width="{}" height="{}""#,
            x1 - x0,
            y1 - y0
        );
        self.close_shape(style, fill);
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.out.push_str(r#"<polyline fill="none""#);
        self.paint("stroke", style.color());
        let _ = write!(self.out, r#" stroke-width="{}""#, style.stroke_width());
        self.points(path);
        self.out.push_str("/>\n");
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.out.push_str("<polygon");
        self.paint("fill", style.color());
        self.points(vert);
        self.out.push_str("/>\n");
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        (cx, cy): BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let _ = write!(self.out, r#"<circle cx="{cx}" cy="{cy}" r="{radius}""#);
        self.close_shape(style, fill);
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        (x, y): BackendCoord,
    ) -> Result {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        // In right-to-left text, "start" is the right-hand end.
        let anchor = match (style.anchor().h_pos, self.rtl) {
            (HPos::Left, false) | (HPos::Right, true) => "start",
            (HPos::Right, false) | (HPos::Left, true) => "end",
            (HPos::Center, _) => "middle",
        };
        // The same shifts as plotters' SVG backend, so downloads look alike.
        let dy = match style.anchor().v_pos {
            VPos::Top => "0.76em",
            VPos::Center => "0.5ex",
            VPos::Bottom => "-0.5ex",
        };
        let _ = write!(
            self.out,
            r#"<text x="{x}" y="{y}" dy="{dy}" text-anchor="{anchor}" font-family=""#
        );
        self.out.push_str(&escape(style.family().as_str()));
        // plotters' font size is the line height; SVG's is the em.
        let _ = write!(
            self.out,
            r#"" font-size="{}""#,
            fixed(style.size() / 1.24, 2)
        );
        match style.style() {
            FontStyle::Normal => {}
            FontStyle::Bold => self.out.push_str(r#" font-weight="bold""#),
            other => {
                let _ = write!(self.out, r#" font-style="{}""#, other.as_str());
            }
        }
        let turn = match style.transform() {
            FontTransform::Rotate90 => 90,
            FontTransform::Rotate180 => 180,
            FontTransform::Rotate270 => 270,
            _ => 0,
        };
        if turn != 0 {
            let _ = write!(self.out, r#" transform="rotate({turn}, {x}, {y})""#);
        }
        self.paint("fill", color);
        self.out.push('>');
        self.out.push_str(&escape(text));
        self.out.push_str("</text>\n");
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
