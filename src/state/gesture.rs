//! Swipe detection for touch readers, as plain arithmetic so it can be tested
//! without a touch screen.

/// Which way a swipe moves the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Swipe {
    /// To the next step (a swipe towards the start of the line: leftwards in
    /// left-to-right text).
    Next,
    /// To the previous step.
    Previous,
}

/// Horizontal distance, in CSS pixels, a finger must travel to count.
pub const MIN_DISTANCE: f64 = 60.0;

/// Classifies a finger's movement from `(dx, dy)` in CSS pixels.
///
/// Mostly vertical movements are scrolling, and short ones are taps, so both
/// are ignored. In right-to-left text the directions swap, as pages turn
/// the other way.
pub fn classify(dx: f64, dy: f64, rtl: bool) -> Option<Swipe> {
    if !dx.is_finite() || !dy.is_finite() || dx.abs() < MIN_DISTANCE || dx.abs() < 2.0 * dy.abs() {
        return None;
    }
    let leftwards = dx < 0.0;
    Some(if leftwards != rtl {
        Swipe::Next
    } else {
        Swipe::Previous
    })
}
