//! The font for charts drawn natively into bitmaps (the build-time preview
//! images). In the browser the canvas uses the reader's own fonts and this
//! module does nothing; natively, plotters needs a font file to measure and
//! draw text, so a cut-down DejaVu Sans is registered once, under the family
//! name the charts ask for.

/// DejaVu Sans, cut down (`assets/fonts/`).
#[cfg(feature = "ssr")]
pub static REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-subset.ttf");

/// DejaVu Sans Bold, cut down.
#[cfg(feature = "ssr")]
pub static BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold-subset.ttf");

/// Makes sure the bundled font is registered before anything is drawn.
pub fn ensure() {
    #[cfg(feature = "ssr")]
    {
        use plotters::style::{register_font, FontStyle};
        static ONCE: std::sync::Once = std::sync::Once::new();
        ONCE.call_once(|| {
            // The files are part of the build: if they do not parse, charts
            // fall back to drawing without text rather than failing.
            let _ = register_font(super::FONT.as_str(), FontStyle::Normal, REGULAR);
            let _ = register_font(super::FONT.as_str(), FontStyle::Bold, BOLD);
        });
    }
}
