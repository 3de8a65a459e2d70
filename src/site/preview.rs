//! Link-preview images: one 1200×630 PNG per page, drawn at build time with
//! plotters' bitmap backend and the bundled font, from the same draw
//! functions as the app's charts. Chat and social apps show it beside a
//! shared link; their bots run no JavaScript, so it has to exist as a file.
//!
//! Text with Arabic letters is shaped and ordered ([`super::shaped`]), and a
//! right-to-left edition's preview is mirrored: its words on the right,
//! the figure on the left (whose time axis still runs left to right, as on
//! its pages).

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use crate::charts::items::step_view;
use crate::charts::{draw, fonts, label, wrap_with, ChartStyle, Palette};
use crate::site::shaped::{self, Shaping};
use crate::state::Route;
use crate::story::{fill, html::plain_text, Story};

/// The file name of a page's preview, beside its `index.html`.
pub const FILE: &str = "preview.png";

/// The size link previews expect (Open Graph's recommended 1.91:1).
pub const SIZE: (u32, u32) = (1200, 630);

/// The preview of `route` as PNG bytes.
pub fn png(story: &Story, route: Route) -> Result<Vec<u8>, String> {
    let rgb = render(story, route)?;
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, SIZE.0, SIZE.1);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
        writer.write_image_data(&rgb).map_err(|e| e.to_string())?;
    }
    Ok(out)
}

/// The preview of `route` as raw RGB pixels, row by row.
pub fn render(story: &Story, route: Route) -> Result<Vec<u8>, String> {
    fonts::ensure();
    let (w, h) = SIZE;
    let pal = Palette::LIGHT;
    let style = ChartStyle {
        scale: 1.0,
        dark: false,
    };
    let step = match route.canonical() {
        Route::Step { chapter, step } => story
            .chapters
            .get(chapter)
            .and_then(|c| Some((c, c.steps.get(step)?))),
        _ => None,
    };
    let figure = step.and_then(|(_, s)| s.figure.as_ref());
    let text_w: i32 = if figure.is_some() { 560 } else { 1060 };
    // Words start at the reading edge: the left, or the right in Arabic.
    let rtl = story.meta.dir == "rtl";
    let (x, side) = if rtl {
        (w as i32 - 64, HPos::Right)
    } else {
        (64, HPos::Left)
    };

    let mut rgb = vec![0u8; (w * h * 3) as usize];
    {
        let root = Shaping(BitMapBackend::with_buffer(&mut rgb, SIZE)).into_drawing_area();
        let e = |e: DrawingAreaErrorKind<_>| e.to_string();
        root.fill(&pal.ground).map_err(e)?;
        let bar = if rtl { w as i32 - 14 } else { 0 };
        root.draw(&Rectangle::new(
            [(bar, 0), (bar + 14, h as i32)],
            pal.us.filled(),
        ))
        .map_err(e)?;
        let ink = |r: crate::charts::DrawResult<()>| r.map_err(|e| e.to_string());
        ink(label(
            &root,
            &story.meta.title,
            (x, 48),
            24.0,
            pal.muted,
            (side, VPos::Top),
            &style,
        ))?;
        let (kicker, title) = match step {
            Some((c, s)) => (c.short_title.as_str(), s.title.as_str()),
            None if route == Route::All => ("", story.ui.whole_story.as_str()),
            None if route == Route::Builder => ("", story.ui.builder_title.as_str()),
            None => ("", story.meta.subtitle.as_str()),
        };
        let mut y = 120;
        if !kicker.is_empty() {
            ink(label(
                &root,
                kicker,
                (x, y),
                28.0,
                pal.us,
                (side, VPos::Top),
                &style,
            ))?;
            y += 48;
        }
        let bold = |size: f64| {
            (crate::charts::FONT, size, FontStyle::Bold)
                .into_font()
                .color(&pal.ink)
                .pos(plotters::style::text_anchor::Pos::new(side, VPos::Top))
        };
        for line in wrap_with(title, text_w, |l| shaped::width(l, 52.0, true))
            .iter()
            .take(3)
        {
            root.draw(&Text::new(line.clone(), (x, y), bold(52.0)))
                .map_err(e)?;
            y += 64;
        }
        y += 12;
        let body = match step {
            Some((_, s)) => plain_text(&s.body, 170),
            None => plain_text(&story.meta.summary, 170),
        };
        for line in wrap_with(&body, text_w, |l| shaped::width(l, 26.0, false))
            .iter()
            .take(4)
        {
            ink(label(
                &root,
                line,
                (x, y),
                26.0,
                pal.ink,
                (side, VPos::Top),
                &style,
            ))?;
            y += 38;
        }
        let article = &story.meta.article;
        let credit = fill(
            &story.ui.credit,
            &[
                ("author", &article.author),
                ("publisher", &article.publisher),
                ("date", &article.date),
            ],
        );
        let credit = crate::charts::fit(&credit, 1080, 20.0, &style);
        ink(label(
            &root,
            &credit,
            (x, h as i32 - 40),
            20.0,
            pal.muted,
            (side, VPos::Bottom),
            &style,
        ))?;
        root.present().map_err(e)?;
    }

    // The step's figure, as its step shows it, on the right.
    if let Some(figure) = figure {
        let (cw, ch) = (540u32, 480u32);
        let mut chart = vec![0u8; (cw * ch * 3) as usize];
        {
            let backend = Shaping(BitMapBackend::with_buffer(&mut chart, (cw, ch)));
            let view = step_view(story, figure);
            // Larger than on screen: a preview is seen small, in a feed.
            let big = ChartStyle {
                scale: 1.3,
                ..style
            };
            draw(figure.chart, backend, &story.data, &view, &big).map_err(|e| e.to_string())?;
        }
        let (ox, oy) = (if rtl { 30usize } else { 620 }, 60usize);
        let row = (cw * 3) as usize;
        for r in 0..ch as usize {
            let to = ((oy + r) * w as usize + ox) * 3;
            rgb[to..to + row].copy_from_slice(&chart[r * row..(r + 1) * row]);
        }
    }
    Ok(rgb)
}
