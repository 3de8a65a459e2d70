//! Static markup for content that never changes once shown: running text
//! with its citation and glossary popovers, the source list, the glossary.
//!
//! Writing these as HTML strings instead of reactive views keeps the wasm
//! small (every `view!` is compiled into its own build and update code), and
//! the prerenderer and the app share this one writer. Every piece of text
//! goes through [`escape`]; links come only from validated source URLs.

use super::model::{ChartKind, Inline, Paragraph, Source, SourceRef, Story};

/// Escapes text for use in HTML content and double-quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The host part of a URL, for a short link label ("arabcenterdc.org").
pub fn url_host(url: &str) -> &str {
    // Prefixes, not a substring search: searching for "://" brought the
    // general substring searcher and its panic messages into the wasm.
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    host.strip_prefix("www.").unwrap_or(host)
}

/// A link to a source's own page; only http(s) URLs, which the content
/// checks guarantee, are ever written. With `quote`, the link is a text
/// fragment (`#:~:text=`): browsers that have them open the page at the
/// quoted words; others open it at the top. A source's note follows: why
/// there is no link, or what to know about the one there is.
fn source_link(source: &Source, quote: Option<&str>) -> String {
    let link = match source.url.as_deref() {
        Some(url) if url.starts_with("https://") || url.starts_with("http://") => {
            let href = match quote {
                Some(quote) if !url.contains('#') => {
                    format!("{url}#:~:text={}", text_directive(quote))
                }
                _ => url.to_owned(),
            };
            format!(
                r#" <a href="{}" rel="noopener" target="_blank">{}</a>"#,
                escape(&href),
                escape(url_host(url))
            )
        }
        _ => String::new(),
    };
    if source.note.is_empty() {
        return link;
    }
    format!(
        r#"{link} <span class="source-note">{}</span>"#,
        escape(&source.note)
    )
}

/// A text directive for `quote`: the whole of a short one; for a longer
/// one its first four and last three words (`start,end`), which the
/// browser matches as the whole span and which keep every page lighter.
pub fn text_directive(quote: &str) -> String {
    let words: Vec<&str> = quote.split_whitespace().collect();
    if words.len() <= 8 {
        return fragment_text(&words.join(" "));
    }
    format!(
        "{},{}",
        fragment_text(&words[..4].join(" ")),
        fragment_text(&words[words.len() - 3..].join(" "))
    )
}

/// Words percent-encoded for a text fragment: everything but ASCII letters
/// and digits, so the fragment's own marks (`-`, `,`, `&`) are never read
/// from the words.
pub fn fragment_text(words: &str) -> String {
    let mut out = String::new();
    for b in words.bytes() {
        if b.is_ascii_alphanumeric() {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Where in a source a citation rests, as the reader sees it: its words
/// quoted, then the paragraph ("“must also focus” (paragraph 14)").
fn pinpoint(story: &Story, cite: &SourceRef) -> String {
    let mut out = String::new();
    if let Some(quote) = &cite.quote {
        out.push_str(&format!("<q{}>{}</q> ", isolate(story), escape(quote)));
    }
    if let Some(n) = cite.paragraph {
        out.push_str(&format!(
            r#"<span class="pin">({})</span> "#,
            escape(&super::model::fill(
                &story.ui.paragraph,
                &[("n", &n.to_string())]
            ))
        ));
    }
    out
}

/// ` dir="auto"` in a right-to-left edition, where a source's own words
/// (its title, publisher, date, a quote from it) are often English: each
/// is then set apart and runs in its own direction, so a Latin title
/// ending in a number or a full stop is not reordered into the Arabic
/// around it. Nothing in a left-to-right edition, whose citations stay as
/// short as they were.
fn isolate(story: &Story) -> &'static str {
    if story.meta.dir == "rtl" {
        r#" dir="auto""#
    } else {
        ""
    }
}

/// One source as a sentence: title, publisher, date, link.
fn source_sentence(story: &Story, id: &str) -> Option<String> {
    cited_sentence(story, &SourceRef::id(id))
}

/// A citation as a sentence: the quote and paragraph where it has them,
/// then the source's title, publisher, date and link.
fn cited_sentence(story: &Story, cite: &SourceRef) -> Option<String> {
    let id = cite.id.as_str();
    let s = story.source(id)?;
    let ui = &story.ui;
    let iso = isolate(story);
    // A source's own words, isolated where the edition runs right to left.
    let own = |text: &str| {
        if iso.is_empty() {
            escape(text)
        } else {
            format!("<bdi>{}</bdi>", escape(text))
        }
    };
    let date = if s.date.is_empty() {
        String::new()
    } else {
        format!("{}{}", escape(&ui.list_separator), own(&s.date))
    };
    let end = escape(&ui.sentence_end);
    Some(format!(
        "{}<cite{iso}>{}</cite>{end} {}{date}{end}{}",
        pinpoint(story, cite),
        escape(&s.title),
        own(&s.publisher),
        source_link(s, cite.quote.as_deref())
    ))
}

/// Where citations and terms link: each source's entry in the list of
/// sources (`#src-<id>`), each term's in the glossary (`#term-<id>`), on the
/// pages that hold those lists, base path included.
///
/// A citation is a link, not a button: Chromium lays a button out as one
/// box, so a long citation left a block of its own in the sentence and
/// pushed its full stop to the next line. Where scripts run, the link opens
/// its popover in place (`dom::refs`); without them, it still goes to the
/// source.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RefLinks {
    /// The page that lists every source; `None` if none does.
    pub sources: Option<String>,
    /// The page that holds the glossary; `None` if none does.
    pub glossary: Option<String>,
}

impl RefLinks {
    /// One page that holds both lists (the whole story).
    pub fn to_page(href: &str) -> Self {
        Self {
            sources: Some(href.to_owned()),
            glossary: Some(href.to_owned()),
        }
    }
}

/// An inline piece that opens a popover: a link to `href` where there is
/// one, else (no page lists what it points to) a button.
fn opener(class: &str, href: Option<String>, pop: &str, data: &str, inner: &str) -> String {
    match href {
        Some(href) => format!(
            r#"<a class="{class}" href="{href}" data-pop="{pop}" {data}>{inner}</a>"#,
            href = escape(&href),
        ),
        None => format!(
            r#"<button type="button" class="{class}" popovertarget="{pop}" {data}>{inner}</button>"#
        ),
    }
}

/// Paragraphs of running text. Each citation opens a popover with its
/// source, each term one with its definition (see [`RefLinks`]).
/// `id_prefix` keeps popover ids unique on the page.
pub fn paragraphs(
    story: &Story,
    paragraphs: &[Paragraph],
    id_prefix: &str,
    links: &RefLinks,
) -> String {
    let mut out = String::new();
    for (p, paragraph) in paragraphs.iter().enumerate() {
        out.push_str("<p>");
        for (i, inline) in paragraph.iter().enumerate() {
            let pop = format!("pop-{}-{p}-{i}", escape(id_prefix));
            match inline {
                Inline::Text(text) => out.push_str(&escape(text)),
                Inline::Cite { text, source } => match cited_sentence(story, source) {
                    Some(sentence) => {
                        let href = links
                            .sources
                            .as_ref()
                            .map(|page| format!("{page}#src-{}", source.id));
                        let data = format!(r#"data-source="{}""#, escape(&source.id));
                        out.push_str(&opener("cite", href, &pop, &data, &escape(text)));
                        out.push_str(&format!(
                            r#"<span popover="auto" id="{pop}" class="pop" role="note"><span class="pop-kind">{kind}</span> {sentence}</span>"#,
                            kind = escape(&story.ui.figure_source),
                        ));
                    }
                    None => out.push_str(&escape(text)),
                },
                Inline::Term { text, term } => match story.term(term) {
                    Some(entry) => {
                        let href = links
                            .glossary
                            .as_ref()
                            .map(|page| format!("{page}#term-{term}"));
                        let data = format!(r#"data-term="{}""#, escape(term));
                        let inner = format!(
                            r#"<abbr title="{}">{}</abbr>"#,
                            escape(&entry.long),
                            escape(text)
                        );
                        out.push_str(&opener("term", href, &pop, &data, &inner));
                        out.push_str(&format!(
                            r#"<span popover="auto" id="{pop}" class="pop" role="note"><strong>{short}</strong>{colon}{long}{end} {definition}</span>"#,
                            long = escape(&entry.long),
                            short = escape(&entry.short),
                            colon = escape(&story.ui.term_separator),
                            end = escape(&story.ui.sentence_end),
                            definition = escape(&entry.definition),
                        ));
                    }
                    None => out.push_str(&escape(text)),
                },
            }
        }
        out.push_str("</p>");
    }
    out
}

/// Running text as plain words, for meta descriptions and link previews,
/// cut at a word boundary to at most `max` characters (with "…").
pub fn plain_text(paragraphs: &[Paragraph], max: usize) -> String {
    // Inline pieces join as they are ("IIACSS" then ", fielded"), and
    // paragraphs with a space, so no space appears before punctuation.
    let joined = super::join(
        paragraphs.iter().map(|p| {
            p.iter()
                .map(|inline| match inline {
                    Inline::Text(t) => t.as_str(),
                    Inline::Cite { text, .. } | Inline::Term { text, .. } => text.as_str(),
                })
                .collect::<String>()
        }),
        " ",
    );
    let words: Vec<&str> = joined.split_whitespace().collect();
    let mut out = String::new();
    for word in words {
        let extra = usize::from(!out.is_empty()) + word.chars().count();
        if out.chars().count() + extra > max.saturating_sub(1) {
            out.push('…');
            return out;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Every source, numbered, each with an anchor (`#src-<id>`).
pub fn source_list(story: &Story) -> String {
    let mut out = String::from(r#"<ol class="source-list">"#);
    for s in &story.sources {
        if let Some(sentence) = source_sentence(story, &s.id) {
            out.push_str(&format!(
                r#"<li id="src-{}">{sentence}</li>"#,
                escape(&s.id)
            ));
        }
    }
    out.push_str("</ol>");
    out
}

/// Every glossary entry, each with an anchor (`#term-<id>`).
pub fn glossary(story: &Story) -> String {
    let mut out = String::from(r#"<dl class="glossary">"#);
    for t in &story.glossary {
        out.push_str(&format!(
            r#"<div id="term-{}"><dt><abbr>{}</abbr>{}{}</dt><dd>{}</dd></div>"#,
            escape(&t.id),
            escape(&t.short),
            escape(&story.ui.term_separator),
            escape(&t.long),
            escape(&t.definition)
        ));
    }
    out.push_str("</dl>");
    out
}

/// A figure's numbers for its disclosure: the table, then the quotes its
/// items rest on.
pub fn figure_numbers(story: &Story, kind: ChartKind) -> String {
    format!("{}{}", data_table(story, kind), quoted_sources(story, kind))
}

/// The quotes a figure's items rest on, each with its item, paragraph and
/// source: for readers checking the chart against its sources. The chart
/// itself names only the paragraph. Empty when no item quotes a source.
pub fn quoted_sources(story: &Story, kind: ChartKind) -> String {
    let Some(data) = story.data.dataset(kind) else {
        return String::new();
    };
    let ui = &story.ui;
    let rows: String = data
        .items
        .iter()
        .flat_map(|item| {
            item.sources
                .iter()
                .filter(|cite| cite.quote.is_some())
                .filter_map(move |cite| {
                    Some(format!(
                        "<li><strong>{}</strong>{} {}</li>",
                        escape(&item.label),
                        escape(ui.term_separator.trim_end()),
                        cited_sentence(story, cite)?
                    ))
                })
        })
        .collect();
    if rows.is_empty() {
        return String::new();
    }
    format!(
        r#"<p class="quotes-title">{}</p><ul class="quotes">{rows}</ul>"#,
        escape(&ui.quotes_title)
    )
}

/// A figure's numbers as an HTML table: for readers who cannot see the
/// chart, or want the exact values. The first column heads each row.
pub fn data_table(story: &Story, kind: ChartKind) -> String {
    let t = crate::charts::items::table(story, kind, crate::charts::items::Numbers::Formatted);
    let mut out = format!(
        "<table><caption>{}</caption><thead><tr>",
        escape(&t.caption)
    );
    for h in &t.headers {
        out.push_str(&format!(r#"<th scope="col">{}</th>"#, escape(h)));
    }
    out.push_str("</tr></thead><tbody>");
    for row in &t.rows {
        out.push_str("<tr>");
        for (n, cell) in row.iter().enumerate() {
            if n == 0 {
                out.push_str(&format!(r#"<th scope="row">{}</th>"#, escape(cell)));
            } else {
                out.push_str(&format!("<td>{}</td>", escape(cell)));
            }
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    out
}
