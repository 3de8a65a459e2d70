//! The static-markup writer: everything is escaped, citations open their
//! sources, and only http(s) links are ever written.

use explainer::story::html::{
    data_table, escape, fragment_text, glossary, paragraphs, quoted_sources, source_list,
    text_directive, url_host, RefLinks,
};
use explainer::story::markup::parse_paragraphs;
use explainer::story::{story, ChartKind, Inline, Source, SourceRef, Story};

fn with_source(url: Option<&str>, title: &str) -> Story {
    let mut s = story().unwrap().clone();
    s.sources.push(Source {
        id: "test-src".into(),
        title: title.into(),
        publisher: "P".into(),
        date: "1 May 2020".into(),
        url: url.map(str::to_owned),
        note: String::new(),
    });
    s
}

#[test]
fn a_source_without_a_link_says_why_in_its_popover_and_the_list() {
    let mut story = with_source(Some(""), "T");
    if let Some(source) = story.sources.last_mut() {
        source.note = "No copy <online>.".into();
    }
    let body = vec![vec![Inline::Cite {
        text: "words".into(),
        source: SourceRef::id("test-src"),
    }]];
    let out = paragraphs(&story, &body, "n", &RefLinks::to_page("/s/"));
    let pop = out.split("popover=").nth(1).expect("a popover");
    assert!(
        pop.contains(r#"<span class="source-note">No copy &lt;online&gt;.</span>"#),
        "{pop}"
    );
    assert!(!pop.contains("<a href"), "no link for an empty url: {pop}");
    let list = source_list(&story);
    assert!(list.contains(r#"<span class="source-note">No copy &lt;online&gt;.</span>"#));
}

#[test]
fn text_is_escaped_everywhere() {
    assert_eq!(
        escape(r#"<a href="x">'&'</a>"#),
        "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
    );
    let story = with_source(None, "<img src=x onerror=alert(1)>");
    let body = vec![vec![
        Inline::Text("<script>alert(1)</script>".into()),
        Inline::Cite {
            text: "\"quoted\"".into(),
            source: SourceRef::id("test-src"),
        },
    ]];
    let out = paragraphs(&story, &body, "p\"x", &RefLinks::to_page("/a\"b/"));
    assert!(!out.contains("<script>") && !out.contains("<img"), "{out}");
    assert!(out.contains("&lt;script&gt;") && out.contains("&lt;img"));
    assert!(
        out.contains(r#"data-pop="pop-p&quot;x-0-1""#),
        "ids are escaped too: {out}"
    );
    assert!(out.contains(r#"href="/a&quot;b/#src-test-src""#), "{out}");
}

#[test]
fn a_citation_is_a_link_to_its_source_that_opens_it_in_place() {
    let story = with_source(Some("https://example.org/a?b=c&d"), "A title");
    let body = parse_paragraphs("See [the report](src:test-src).").unwrap();
    let links = RefLinks {
        sources: Some("/base/sources/".into()),
        glossary: None,
    };
    let out = paragraphs(&story, &body, "s", &links);
    assert!(out.contains(r#"<a class="cite" href="/base/sources/#src-test-src" data-pop="pop-s-0-1" data-source="test-src">the report</a>"#), "{out}");
    assert!(out.contains(r#"<span popover="auto" id="pop-s-0-1" class="pop" role="note">"#));
    assert!(out.contains("<cite>A title</cite>") && out.contains("1 May 2020"));
    assert!(
        out.contains(r#"href="https://example.org/a?b=c&amp;d""#)
            && out.contains(">example.org</a>")
    );
    // With no page listing the sources, a button opens the popover.
    let out = paragraphs(&story, &body, "s", &RefLinks::default());
    assert!(out.contains(r#"<button type="button" class="cite" popovertarget="pop-s-0-1" data-source="test-src">the report</button>"#), "{out}");
}

#[test]
fn a_term_is_a_link_to_its_glossary_entry() {
    let story = story().unwrap();
    let Some(term) = story.glossary.first() else {
        panic!("the story has no glossary");
    };
    let body = parse_paragraphs(&format!("The [{}](term:{}) met.", term.short, term.id)).unwrap();
    let links = RefLinks {
        sources: None,
        glossary: Some("/glossary/".into()),
    };
    let out = paragraphs(story, &body, "t", &links);
    assert!(
        out.contains(&format!(r#"<a class="term" href="/glossary/#term-{id}" data-pop="pop-t-0-1" data-term="{id}"><abbr title=""#, id = term.id)),
        "{out}"
    );
}

#[test]
fn a_pinpointed_citation_shows_its_quote_and_paragraph_and_links_to_the_words() {
    let story = with_source(Some("https://example.org/a"), "A title");
    let body =
        parse_paragraphs(r#"As [it says](src:test-src#p14 "must also focus, & more"), yes."#)
            .unwrap();
    let out = paragraphs(&story, &body, "s", &RefLinks::default());
    assert!(
        out.contains(r#"<span class="pop-kind">Sources:</span> <q>must also focus, &amp; more</q> <span class="pin">(paragraph 14)</span> <cite>A title</cite>"#),
        "{out}"
    );
    assert!(
        out.contains(r#"href="https://example.org/a#:~:text=must%20also%20focus%2C%20%26%20more""#),
        "{out}"
    );
    assert_eq!(fragment_text("a-b’c"), "a%2Db%E2%80%99c");
    assert_eq!(
        text_directive("one two three four five six seven eight nine"),
        "one%20two%20three%20four,seven%20eight%20nine"
    );
}

#[test]
fn a_figure_lists_the_quotes_its_items_rest_on() {
    let story = story().unwrap();
    let agenda = quoted_sources(story, ChartKind::Agenda);
    assert!(
        agenda.starts_with(r#"<p class="quotes-title">"#),
        "{agenda}"
    );
    let quotes = agenda.matches("<q>").count();
    let cited = story
        .data
        .agenda
        .items
        .iter()
        .flat_map(|i| &i.sources)
        .filter(|c| c.quote.is_some())
        .count();
    assert!(
        quotes > 0 && quotes == cited,
        "{quotes} quotes shown of {cited}"
    );
    assert!(agenda.contains("(paragraph 11)"), "{agenda}");
    // No quotes, no list.
    assert_eq!(quoted_sources(story, ChartKind::Oil), "");
}

#[test]
fn only_web_links_are_written() {
    let story = with_source(Some("javascript:alert(1)"), "T");
    let body = parse_paragraphs("[x](src:test-src)").unwrap();
    assert!(!paragraphs(&story, &body, "s", &RefLinks::default()).contains("javascript:"));
    assert!(!source_list(&story).contains("javascript:"));
}

#[test]
fn unknown_references_fall_back_to_plain_words() {
    let story = story().unwrap();
    let body = parse_paragraphs("[words](src:missing) and [TLA](term:missing)").unwrap();
    assert_eq!(
        paragraphs(story, &body, "s", &RefLinks::default()),
        "<p>words and TLA</p>"
    );
}

#[test]
fn lists_have_one_anchored_entry_per_item() {
    let story = story().unwrap();
    let sources = source_list(story);
    assert_eq!(
        sources.matches("<li id=\"src-").count(),
        story.sources.len()
    );
    let terms = glossary(story);
    assert_eq!(
        terms.matches("<div id=\"term-").count(),
        story.glossary.len()
    );
    let table = data_table(story, explainer::story::ChartKind::Troops);
    assert_eq!(
        table.matches("<tr>").count(),
        story.data.troops.points.len() + 1
    );
    assert!(table.contains("171,000"));
    // Words from the data files are escaped like any other text.
    let mut hostile = story.clone();
    if let Some(item) = hostile.data.commitments.items.first_mut() {
        item.label = r#""not seek" <b>bases</b>"#.into();
    }
    let pledges = data_table(&hostile, explainer::story::ChartKind::Commitments);
    assert!(
        pledges.contains("&quot;not seek&quot; &lt;b&gt;bases"),
        "{pledges}"
    );
    assert!(!pledges.contains("\"not seek") && !pledges.contains("<b>"));
    assert_eq!(
        url_host("https://www.arabcenterdc.org/x"),
        "arabcenterdc.org"
    );
}

#[test]
fn plain_text_keeps_punctuation_against_its_word() {
    use explainer::story::markup::parse_paragraphs;
    let body = parse_paragraphs(
        "A poll by [IIACSS](src:iiacss-2020), fielded in June.\n\nSecond [PMF](term:pmf).",
    )
    .unwrap();
    assert_eq!(
        explainer::story::html::plain_text(&body, 200),
        "A poll by IIACSS, fielded in June. Second PMF."
    );
}

#[test]
fn templates_fill_known_placeholders_and_keep_the_rest() {
    use explainer::story::fill;
    let values = [("n", "2"), ("total", "7"), ("label", "{n} apples")];
    assert_eq!(fill("Step {n} of {total}", &values), "Step 2 of 7");
    assert_eq!(fill("{n}{n}", &values), "22");
    // A typo stays visible instead of vanishing.
    assert_eq!(fill("Step {m} of {total}", &values), "Step {m} of 7");
    // A value is not filled again.
    assert_eq!(fill("{label}", &values), "{n} apples");
    assert_eq!(fill("{{n}}", &values), "{2}");
    assert_eq!(fill("open { and {n", &values), "open { and {n");
    assert_eq!(fill("", &values), "");
    assert_eq!(fill("رقم {n}", &values), "رقم 2");
}

#[test]
fn join_puts_the_separator_only_between_items() {
    use explainer::story::join;
    assert_eq!(join(["a", "b", "c"], ", "), "a, b, c");
    assert_eq!(join(vec![String::from("x")], "&"), "x");
    assert_eq!(join(Vec::<&str>::new(), "&"), "");
    assert_eq!(join(["", ""], "-"), "-");
    assert_eq!(join("a  b".split(' '), "+"), ["a", "", "b"].join("+"));
}

#[test]
fn the_story_shows_the_article_s_own_words_beside_each_claim_put_to_it() {
    let story = story().unwrap();
    let step = story
        .chapters
        .iter()
        .flat_map(|c| &c.steps)
        .find(|s| s.slug == "benchmarks")
        .expect("the benchmarks step");
    let out = paragraphs(story, &step.body, "b", &RefLinks::default());
    let cites = step
        .body
        .iter()
        .flatten()
        .filter(|i| matches!(i, Inline::Cite { source, .. } if source.id == "acw-dunne-2020"))
        .count();
    assert!(cites > 0, "the step cites the article");
    assert_eq!(out.matches("<q>").count(), cites, "{out}");
    assert_eq!(
        out.matches(r#"<span class="pin">(paragraph "#).count(),
        cites,
        "{out}"
    );
    assert_eq!(
        out.matches("arabcenterdc.org/resource/us-iraq-strategic-dialogue-important-achievements-but-much-remains-to-be-done/#:~:text=").count(),
        cites,
        "{out}"
    );
}
