//! The address bar as state (`state::url`): percent-decoding, and the
//! query's last-value rule.

use explainer::state::url::{decode, Query};

#[test]
fn queries_and_paths_decode() {
    let q = Query::parse("?troops=may-2003&x=a+b");
    assert_eq!(q.get("troops"), Some("may-2003"));
    assert_eq!(q.get("x"), Some("a b"));
    assert_eq!(q.get("main"), None);
    assert_eq!(decode("/%D8%B9%D8%B1%D8%A7%D9%82/", false), "/عراق/");
    assert_eq!(decode("", false), "");
}

#[test]
fn a_repeated_key_keeps_its_first_place_and_its_last_value() {
    let q = Query::parse("?a=1&b=2&a=3&&=&c");
    assert_eq!(
        q.pairs(),
        &[
            ("a".to_owned(), "3".to_owned()),
            ("b".to_owned(), "2".to_owned()),
            ("".to_owned(), "".to_owned()),
            ("c".to_owned(), "".to_owned()),
        ]
    );
}

#[test]
fn bad_escapes_stay_as_written_and_bad_utf8_is_replaced() {
    assert_eq!(decode("100%", false), "100%");
    assert_eq!(decode("%zz%4", false), "%zz%4");
    assert_eq!(decode("%3Cscript%3E", false), "<script>");
    assert_eq!(decode("a+b", false), "a+b");
    assert_eq!(decode("a+b", true), "a b");
    assert_eq!(decode("%FF%FE", false), "\u{FFFD}\u{FFFD}");
}

#[test]
fn decoding_never_panics_on_random_input() {
    // A small deterministic generator: no dependency, same cases every run.
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let alphabet: Vec<char> = "%+=&?#/aZ09\u{202E}é\u{0}ع".chars().collect();
    for _ in 0..20_000 {
        let len = (seed % 24) as usize;
        let s: String = (0..len)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                alphabet[(seed % alphabet.len() as u64) as usize]
            })
            .collect();
        let q = Query::parse(&s);
        assert!(q.pairs().iter().all(|(k, _)| !k.contains('&')), "{s:?}");
        assert!(!decode(&s, false).contains('%') || s.contains('%'), "{s:?}");
        let _ = decode(&s, true);
    }
}
