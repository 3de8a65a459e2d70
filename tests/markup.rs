//! The inline markup editors write in content files.

use explainer::story::markup::{parse_inline, parse_paragraphs};
use explainer::story::{Inline, SourceRef};

fn text(s: &str) -> Inline {
    Inline::Text(s.to_owned())
}

#[test]
fn citations_and_terms_become_their_own_pieces() {
    let p =
        parse_inline("About [63 percent](src:wi-poll) backed the [PMF](term:pmf) plan.").unwrap();
    assert_eq!(
        p,
        vec![
            text("About "),
            Inline::Cite {
                text: "63 percent".into(),
                source: SourceRef::id("wi-poll")
            },
            text(" backed the "),
            Inline::Term {
                text: "PMF".into(),
                term: "pmf".into()
            },
            text(" plan."),
        ]
    );
}

#[test]
fn blank_lines_split_paragraphs_and_line_breaks_are_spaces() {
    let ps = parse_paragraphs("One\nline.\n\n\n  Two.  \n").unwrap();
    assert_eq!(ps, vec![vec![text("One line.")], vec![text("Two.")]]);
    assert!(parse_paragraphs("  \n\n").unwrap().is_empty());
}

#[test]
fn ordinary_brackets_stay_text() {
    let p = parse_inline("He said [sic] it, [then](left) and [a]b.").unwrap();
    assert_eq!(p, vec![text("He said [sic] it, [then](left) and [a]b.")]);
}

#[test]
fn a_space_between_two_links_is_kept() {
    let p = parse_inline("[a](src:x) [b](term:y)").unwrap();
    assert_eq!(p.len(), 3);
    assert_eq!(p[1], text(" "));
}

#[test]
fn typos_in_link_kinds_and_ids_are_errors() {
    assert!(parse_inline("[x](sorce:y)")
        .unwrap_err()
        .message
        .contains("sorce"));
    assert!(parse_inline("[x](src:Bad_Id)").is_err());
    assert!(parse_inline("[ ](src:ok)").is_err());
}

#[test]
fn a_citation_may_say_where_in_its_source_the_words_are() {
    let p = parse_inline(
        r#"As [the analysis says](src:acw-dunne-2020#p14 "continued reform of the ISF (and more)"), yes."#,
    )
    .unwrap();
    assert_eq!(
        p[1],
        Inline::Cite {
            text: "the analysis says".into(),
            source: SourceRef {
                id: "acw-dunne-2020".into(),
                paragraph: Some(14),
                quote: Some("continued reform of the ISF (and more)".into()),
            }
        }
    );
    assert_eq!(p[2], text(", yes."));
}

#[test]
fn data_files_write_the_same_citations_as_strings() {
    let only = SourceRef::parse("afp-2020").unwrap();
    assert_eq!(only, SourceRef::id("afp-2020"));
    let pinned = SourceRef::parse(r#"acw-dunne-2020#p3  "all  strategic issues" "#).unwrap();
    assert_eq!(pinned.paragraph, Some(3));
    assert_eq!(pinned.quote.as_deref(), Some("all strategic issues"));
    let unquoted = SourceRef::parse("acw#p3 all strategic issues").unwrap_err();
    assert!(unquoted.contains("double quotes"), "{unquoted}");
    for bad in ["acw#14", "acw#p0", "acw#p", "Acw", r#"acw#p2 """#] {
        assert!(SourceRef::parse(bad).is_err(), "{bad} was accepted");
    }
    assert!(parse_inline(r#"[x](src:acw#page2 "words")"#).is_err());
}
