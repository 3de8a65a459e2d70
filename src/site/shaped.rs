//! Arabic text in the build-time images, shaped and in reading order.
//!
//! plotters' `ab_glyph` text drawing places one glyph per character, left
//! to right, so Arabic would come out with its letters unjoined and its
//! words reversed. [`Shaping`] wraps a backend and takes over any text
//! with right-to-left letters in it: `unicode-bidi` orders it into runs,
//! `rustybuzz` (a Rust port of HarfBuzz) picks each letter's joined form
//! and places the marks, and `ab_glyph` rasterises the glyphs chosen. Any
//! other text goes to the wrapped backend untouched, so the English
//! previews are drawn exactly as before.
//!
//! Arabic comes from a cut of Noto Sans Arabic (`assets/fonts/`, see its
//! README); Latin letters, digits and punctuation inside Arabic text from
//! the charts' DejaVu Sans, so numbers look alike in both editions.

use ab_glyph::{point, Font as _, FontRef, GlyphId, PxScale};
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle,
};
use unicode_bidi::{BidiInfo, Level};

static ARABIC: &[u8] = include_bytes!("../../assets/fonts/NotoSansArabic-Regular-subset.ttf");
static ARABIC_BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSansArabic-Bold-subset.ttf");

/// Whether `text` needs shaping: it holds a letter of a right-to-left
/// script (Hebrew, Arabic and their presentation forms).
pub fn needs_shaping(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}'))
}

/// One of the two faces a line is drawn from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    /// Noto Sans Arabic.
    Arabic,
    /// DejaVu Sans, the charts' face: Latin, digits, punctuation.
    Latin,
}

impl Face {
    /// The face's file in `weight`.
    pub fn bytes(self, bold: bool) -> &'static [u8] {
        match (self, bold) {
            (Face::Arabic, false) => ARABIC,
            (Face::Arabic, true) => ARABIC_BOLD,
            (Face::Latin, false) => crate::charts::fonts::REGULAR,
            (Face::Latin, true) => crate::charts::fonts::BOLD,
        }
    }
}

/// A glyph placed on a line: its face and id, the byte offset of the
/// character it came from, and its origin in pixels from the line's left
/// end, on the baseline (y grows downwards).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    /// The face it is drawn from.
    pub face: Face,
    /// Its id in that face.
    pub id: u16,
    /// Byte offset in the text of the first character it shows.
    pub cluster: usize,
    /// Origin, left to right.
    pub x: f32,
    /// Origin below the baseline (marks raised by the font are negative).
    pub y: f32,
}

/// A line shaped: its glyphs from left to right as drawn, and its width.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Line {
    /// The glyphs, in visual order.
    pub glyphs: Vec<Placed>,
    /// The advance of the whole line, in pixels.
    pub width: f32,
}

/// The pixels per em for plotters' font `size`: plotters scales DejaVu Sans
/// so that its height (ascent to descent) is `size`, and Arabic is drawn at
/// the same em so the two sit together.
fn em(size: f64, bold: bool) -> f32 {
    let latin = FontRef::try_from_slice(Face::Latin.bytes(bold));
    let ratio = latin
        .ok()
        .and_then(|f| Some(f.height_unscaled() / f.units_per_em()?))
        .unwrap_or(1.164);
    size as f32 / ratio
}

/// Shapes `text` as one line read right to left (its paragraph direction),
/// at `em` pixels per em: runs in visual order from bidi, each split where
/// the Arabic face lacks a character, each piece shaped in its direction.
pub fn shape(text: &str, em: f32, bold: bool) -> Line {
    let mut line = Line::default();
    let Some(arabic) = rustybuzz::Face::from_slice(Face::Arabic.bytes(bold), 0) else {
        return line;
    };
    let Some(latin) = rustybuzz::Face::from_slice(Face::Latin.bytes(bold), 0) else {
        return line;
    };
    let bidi = BidiInfo::new(text, Some(Level::rtl()));
    for para in &bidi.paragraphs {
        let (levels, runs) = bidi.visual_runs(para, para.range.clone());
        for run in runs {
            let rtl = levels[run.start].is_rtl();
            let mut pieces = pieces(text, run, &arabic);
            if rtl {
                pieces.reverse();
            }
            for (face, range) in pieces {
                let hb = if face == Face::Arabic {
                    &arabic
                } else {
                    &latin
                };
                let scale = em / f32::from(hb.units_per_em() as u16);
                let mut buffer = rustybuzz::UnicodeBuffer::new();
                buffer.push_str(&text[range.clone()]);
                buffer.set_direction(if rtl {
                    rustybuzz::Direction::RightToLeft
                } else {
                    rustybuzz::Direction::LeftToRight
                });
                buffer.guess_segment_properties();
                let shaped = rustybuzz::shape(hb, &[], buffer);
                for (info, pos) in shaped.glyph_infos().iter().zip(shaped.glyph_positions()) {
                    line.glyphs.push(Placed {
                        face,
                        id: info.glyph_id as u16,
                        cluster: range.start + info.cluster as usize,
                        x: line.width + pos.x_offset as f32 * scale,
                        y: -(pos.y_offset as f32) * scale,
                    });
                    line.width += pos.x_advance as f32 * scale;
                }
            }
        }
    }
    line
}

/// `run` of `text` cut, in logical order, into pieces each drawn from one
/// face: the Arabic face where it has the character, else the Latin one.
/// A space or mark of direction stays with what it sits in.
fn pieces(
    text: &str,
    run: std::ops::Range<usize>,
    arabic: &rustybuzz::Face,
) -> Vec<(Face, std::ops::Range<usize>)> {
    let mut out: Vec<(Face, std::ops::Range<usize>)> = Vec::new();
    for (i, c) in text[run.clone()].char_indices() {
        let at = run.start + i;
        let neutral = c.is_whitespace() || matches!(c, '\u{200C}'..='\u{200F}');
        let face = match out.last() {
            Some((face, _)) if neutral => *face,
            _ if arabic.glyph_index(c).is_some() => Face::Arabic,
            _ => Face::Latin,
        };
        match out.last_mut() {
            Some((f, range)) if *f == face => range.end = at + c.len_utf8(),
            _ => out.push((face, at..at + c.len_utf8())),
        }
    }
    out
}

/// The width in pixels of `text` drawn at plotters' font `size` in a
/// bitmap: shaped where it needs shaping, else as the charts measure it.
pub fn width(text: &str, size: f64, bold: bool) -> i32 {
    if needs_shaping(text) {
        shape(text, em(size, bold), bold).width.ceil() as i32
    } else {
        let style = crate::charts::ChartStyle {
            scale: 1.0,
            dark: false,
        };
        crate::charts::text_width(text, size, &style)
    }
}

/// Rasterises `line` with its baseline's left end at `origin`, calling
/// `pixel` with each covered pixel and its coverage (0 to 1).
pub fn rasterise(
    line: &Line,
    em: f32,
    bold: bool,
    origin: (f32, f32),
    mut pixel: impl FnMut(i32, i32, f32),
) {
    let fonts = [Face::Arabic, Face::Latin].map(|f| FontRef::try_from_slice(f.bytes(bold)).ok());
    for g in &line.glyphs {
        let Some(font) = &fonts[usize::from(g.face == Face::Latin)] else {
            continue;
        };
        let Some(upem) = font.units_per_em() else {
            continue;
        };
        // ab_glyph's scale is the face's height, ascent to descent.
        let scale = PxScale::from(em * font.height_unscaled() / upem);
        let glyph =
            GlyphId(g.id).with_scale_and_position(scale, point(origin.0 + g.x, origin.1 + g.y));
        if let Some(outline) = font.outline_glyph(glyph) {
            let bounds = outline.px_bounds();
            outline.draw(|x, y, coverage| {
                pixel(
                    bounds.min.x as i32 + x as i32,
                    bounds.min.y as i32 + y as i32,
                    coverage,
                );
            });
        }
    }
}

/// A backend that draws text with right-to-left letters shaped and in
/// reading order, and hands everything else to the backend it wraps.
pub struct Shaping<B>(pub B);

impl<B: DrawingBackend> DrawingBackend for Shaping<B> {
    type ErrorType = B::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.0.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.present()
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.fill_polygon(vert, style)
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        (iw, ih): (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.blit_bitmap(pos, (iw, ih), src)
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<B::ErrorType>> {
        if !needs_shaping(text) {
            return self.0.estimate_text_size(text, style);
        }
        let bold = matches!(style.style(), FontStyle::Bold);
        let line = shape(text, em(style.size(), bold), bold);
        Ok((line.width.ceil() as u32, (style.size() / 1.24) as u32))
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        let color = style.color();
        if !needs_shaping(text) || color.alpha == 0.0 {
            return self.0.draw_text(text, style, pos);
        }
        let bold = matches!(style.style(), FontStyle::Bold);
        let em = em(style.size(), bold);
        let line = shape(text, em, bold);
        // Where plotters' own text drawing puts a line, so Arabic labels
        // sit where the charts' layout expects any label: the anchor moves
        // the box (the line's width by the text's height of size / 1.24),
        // and the baseline is half the size below the box's top.
        let height = (style.size() / 1.24) as i32;
        let dx = match style.anchor().h_pos {
            HPos::Left => 0,
            HPos::Right => -(line.width.round() as i32),
            HPos::Center => -(line.width.round() as i32) / 2,
        };
        let dy = match style.anchor().v_pos {
            VPos::Top => 0,
            VPos::Center => -height / 2,
            VPos::Bottom => -height,
        };
        let baseline = (style.size() / 2.0) as f32;
        let transform = style.transform();
        let (w, h) = self.get_size();
        let mut result = Ok(());
        rasterise(
            &line,
            em,
            bold,
            (dx as f32, dy as f32 + baseline),
            |x, y, coverage| {
                let (x, y) = transform.transform(x, y);
                let (x, y) = (pos.0 + x, pos.1 + y);
                if result.is_ok() && x >= 0 && y >= 0 && (x as u32) < w && (y as u32) < h {
                    result = self.0.draw_pixel((x, y), color.mix(f64::from(coverage)));
                }
            },
        );
        result
    }
}
