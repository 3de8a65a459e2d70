//! Chart state in the URL: readable slugs, and no input that breaks parsing.

use explainer::state::query::{find_point, slug, with_point};
use explainer::story::story;

#[test]
fn labels_become_readable_slugs() {
    assert_eq!(slug("October 2007"), "october-2007");
    assert_eq!(slug("  May, 2003 "), "may-2003");
    assert_eq!(slug("كانون الثاني 2020"), "كانون-الثاني-2020");
    assert_eq!(slug("--"), "");
}

#[test]
fn every_point_has_a_unique_slug_that_finds_it() {
    let points = &story().unwrap().data.troops.points;
    let labels = || points.iter().map(|p| p.label.as_str());
    for (i, p) in points.iter().enumerate() {
        assert_eq!(
            find_point(Some(&slug(&p.label)), labels()),
            Some(i),
            "{}",
            p.label
        );
    }
}

#[test]
fn bad_values_select_nothing() {
    let points = &story().unwrap().data.troops.points;
    let labels = || points.iter().map(|p| p.label.as_str());
    let long = "a".repeat(10_000);
    for bad in [
        "",
        "nope",
        "<script>",
        "october-2007\u{0}",
        long.as_str(),
        "../../etc",
    ] {
        assert_eq!(find_point(Some(bad), labels()), None, "{bad:?}");
    }
    assert_eq!(find_point(None, labels()), None);
}

#[test]
fn the_point_replaces_any_old_query() {
    assert_eq!(
        with_point("/round-one/", Some("may-2003")),
        "/round-one/?point=may-2003"
    );
    assert_eq!(
        with_point("/round-one/?point=x#h", Some("may-2003")),
        "/round-one/?point=may-2003"
    );
    assert_eq!(with_point("/round-one/?point=x", None), "/round-one/");
}
