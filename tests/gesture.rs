//! Swipe classification for touch readers.

use explainer::state::gesture::{classify, Swipe, MIN_DISTANCE};

#[test]
fn a_long_horizontal_swipe_turns_the_page() {
    assert_eq!(classify(-120.0, 10.0, false), Some(Swipe::Next));
    assert_eq!(classify(120.0, -10.0, false), Some(Swipe::Previous));
}

#[test]
fn right_to_left_text_turns_the_other_way() {
    assert_eq!(classify(-120.0, 0.0, true), Some(Swipe::Previous));
    assert_eq!(classify(120.0, 0.0, true), Some(Swipe::Next));
}

#[test]
fn taps_scrolls_and_nonsense_are_ignored() {
    assert_eq!(classify(MIN_DISTANCE - 1.0, 0.0, false), None);
    assert_eq!(
        classify(-100.0, 80.0, false),
        None,
        "mostly vertical is a scroll"
    );
    assert_eq!(classify(f64::NAN, 0.0, false), None);
    assert_eq!(classify(f64::INFINITY, 0.0, false), None);
}
