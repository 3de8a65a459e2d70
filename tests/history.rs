//! The address bar as app state (`state::history`): decoding, the query's
//! last-value rule, and which link clicks the app takes over.

use explainer::state::history::{decode, link_click, Address, LinkAction, LinkClick, Query};

#[test]
fn addresses_split_into_a_decoded_path_and_query_without_the_hash() {
    let a = Address::parse("/explainers/iraq/round-one/?troops=may-2003&x=a+b#main");
    assert_eq!(a.path, "/explainers/iraq/round-one/");
    assert_eq!(a.query.get("troops"), Some("may-2003"));
    assert_eq!(a.query.get("x"), Some("a b"));
    assert_eq!(a.query.get("main"), None);
    assert_eq!(Address::parse("/%D8%B9%D8%B1%D8%A7%D9%82/").path, "/عراق/");
    assert_eq!(Address::parse("").path, "");
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
        let a = Address::parse(&s);
        assert!(
            !a.path.contains('#') && !a.path.contains('?') || s.contains('%'),
            "{s:?}"
        );
        let _ = decode(&s, true);
    }
}

fn link<'a>(
    raw: &'a str,
    origin: &'a str,
    path: &'a str,
    search: &'a str,
    hash: &'a str,
) -> LinkClick<'a> {
    LinkClick {
        raw_href: raw,
        origin,
        path,
        search,
        hash,
        elsewhere: false,
    }
}

const SITE: &str = "https://news.example";

#[test]
fn same_site_links_move_the_app_and_everything_else_is_the_browsers() {
    let page = |l: &LinkClick, base: &str| link_click(l, SITE, "/iraq/round-one/", "", base);
    let next = link(
        "/iraq/round-one/2/",
        SITE,
        "/iraq/round-one/2/",
        "?troops=x",
        "",
    );
    assert_eq!(
        page(&next, "/iraq"),
        LinkAction::Go("/iraq/round-one/2/?troops=x".into())
    );
    // Another site, or the same site outside the explainer's base path.
    let away = link(
        "https://arabcenterdc.org/",
        "https://arabcenterdc.org",
        "/",
        "",
        "",
    );
    assert_eq!(page(&away, "/iraq"), LinkAction::Browser);
    let other = link("/iraqi-oil/", SITE, "/iraqi-oil/", "", "");
    assert_eq!(page(&other, "/iraq"), LinkAction::Browser);
    assert_eq!(page(&other, ""), LinkAction::Go("/iraqi-oil/".into()));
    // A new tab, a download, a modifier key: the reader asked for that.
    let elsewhere = LinkClick {
        elsewhere: true,
        ..next.clone()
    };
    assert_eq!(page(&elsewhere, "/iraq"), LinkAction::Browser);
}

#[test]
fn fragments_jump_within_the_page_whatever_base_says() {
    let page = |l: &LinkClick| link_click(l, SITE, "/iraq/round-one/", "", "/iraq");
    // "#main" resolves against <base href="/iraq/">, i.e. to the cover.
    let bare = link("#main", SITE, "/iraq/", "", "#main");
    assert_eq!(page(&bare), LinkAction::Jump("main".into()));
    let own = link(
        "/iraq/round-one/#main",
        SITE,
        "/iraq/round-one/",
        "",
        "#main",
    );
    assert_eq!(page(&own), LinkAction::Jump("main".into()));
    let other = link("/iraq/#main", SITE, "/iraq/", "", "#main");
    assert_eq!(page(&other), LinkAction::Go("/iraq/#main".into()));
    assert_eq!(
        page(&link("#", SITE, "/iraq/", "", "")),
        LinkAction::Jump(String::new())
    );
}
