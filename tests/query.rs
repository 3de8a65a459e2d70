//! Chart state in the URL: readable slugs, one pair of keys per chart, and
//! no input that breaks parsing.

use explainer::charts::items::slugs;
use explainer::state::query::{find_item, hidden, hide_key, select_key, slug, with_state};
use explainer::story::{story, ChartKind};

#[test]
fn labels_become_readable_slugs() {
    assert_eq!(slug("October 2007"), "october-2007");
    assert_eq!(slug("  May, 2003 "), "may-2003");
    assert_eq!(slug("كانون الثاني 2020"), "كانون-الثاني-2020");
    assert_eq!(slug("--"), "");
}

#[test]
fn every_item_of_every_chart_has_a_unique_slug_that_finds_it() {
    let story = story().unwrap();
    for kind in ChartKind::ALL {
        let all = slugs(story, kind);
        for (i, s) in all.iter().enumerate() {
            assert!(!s.is_empty(), "{} item {i}", kind.slug());
            assert_eq!(
                find_item(Some(s), all.iter().map(String::as_str)),
                Some(i),
                "{s}"
            );
        }
    }
}

#[test]
fn bad_values_select_and_hide_nothing() {
    let story = story().unwrap();
    let all = slugs(story, ChartKind::Troops);
    let long = "a".repeat(10_000);
    for bad in [
        "",
        "nope",
        "<script>",
        "october-2007\u{0}",
        long.as_str(),
        "../../etc",
    ] {
        assert_eq!(
            find_item(Some(bad), all.iter().map(String::as_str)),
            None,
            "{bad:?}"
        );
        assert!(
            hidden(Some(bad), ["security", "politics"]).is_empty(),
            "{bad:?}"
        );
    }
    assert_eq!(find_item(None, all.iter().map(String::as_str)), None);
    // Known groups are kept once each, in the chart's order; others dropped.
    assert_eq!(
        hidden(
            Some("politics,nope,security,politics"),
            ["security", "politics", "diplomacy"]
        ),
        vec!["security", "politics"]
    );
}

#[test]
fn each_chart_writes_its_own_keys_and_keeps_the_others() {
    assert_eq!(select_key(ChartKind::Timeline), "timeline");
    assert_eq!(hide_key(ChartKind::Timeline), "timeline-hide");
    let kept = vec![
        ("troops".to_owned(), "may-2003".to_owned()),
        ("utm_source".to_owned(), "x".to_owned()),
        ("timeline".to_owned(), "old".to_owned()),
    ];
    assert_eq!(
        with_state(
            "/all/?x=1#h",
            &kept,
            ChartKind::Timeline,
            Some("round-one"),
            &["security".to_owned()]
        ),
        "/all/?troops=may-2003&timeline=round-one&timeline-hide=security"
    );
    assert_eq!(
        with_state("/round-one/?troops=x", &[], ChartKind::Troops, None, &[]),
        "/round-one/"
    );
}

#[test]
fn a_link_to_the_same_view_keeps_only_chart_state() {
    use explainer::state::query::chart_state;
    let pairs = |v: &[(&str, &str)]| {
        v.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect::<Vec<_>>()
    };
    assert_eq!(chart_state(&pairs(&[])), "");
    assert_eq!(
        chart_state(&pairs(&[
            ("utm", "x"),
            ("opinion", "iran-2020"),
            ("timeline-hide", "security"),
            ("evil", "<b>")
        ])),
        "?opinion=iran-2020&timeline-hide=security"
    );
    assert_eq!(chart_state(&pairs(&[("troops", "")])), "");
}

#[test]
fn arbitrary_query_values_never_panic_and_only_name_what_exists() {
    let story = story().unwrap();
    let groups = ["security", "politics", "diplomacy"];
    // A small xorshift generator: reproducible, no dependency.
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let alphabet: Vec<char> =
        "abcdefghij-,=&?#%/<>\"' \u{0}\u{202e}\u{200b}éمسكون0123456789securitypoliticsmay2003"
            .chars()
            .collect();
    for _ in 0..20_000 {
        let len = (next() % 80) as usize;
        let value: String = (0..len)
            .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
            .collect();
        for kind in ChartKind::ALL {
            let all = slugs(story, kind);
            if let Some(i) = find_item(Some(&value), all.iter().map(String::as_str)) {
                assert_eq!(all[i], value.trim());
            }
        }
        for g in hidden(Some(&value), groups) {
            assert!(groups.contains(&g.as_str()));
        }
        let pairs = vec![
            ("troops".to_owned(), value.clone()),
            (value.clone(), value.clone()),
        ];
        let href = with_state("/round-one/", &pairs, ChartKind::Timeline, None, &[]);
        assert!(href.starts_with("/round-one/"));
    }
}
