//! Running text with citations and glossary terms.
//!
//! A citation is a button that opens a popover with the source; a term opens
//! its definition the same way. Popovers are native HTML (`popover`,
//! `popovertarget`), so they work by tap, click and keyboard, close with Esc,
//! and work in the prerendered page before the wasm arrives.

use leptos::prelude::*;

use crate::story::{Inline, Paragraph, Story};

/// Paragraphs of running text.
#[component]
pub fn Rich(
    /// The story, for looking up sources and terms.
    story: &'static Story,
    /// The paragraphs to render.
    paragraphs: &'static [Paragraph],
    /// A prefix that makes popover ids unique on the page, e.g. "round-one-2".
    id_prefix: String,
) -> impl IntoView {
    paragraphs
        .iter()
        .enumerate()
        .map(|(p, paragraph)| {
            let inlines = paragraph
                .iter()
                .enumerate()
                .map(|(i, inline)| inline_view(story, inline, format!("{id_prefix}-{p}-{i}")))
                .collect_view();
            view! { <p>{inlines}</p> }
        })
        .collect_view()
}

fn inline_view(story: &'static Story, inline: &'static Inline, id: String) -> AnyView {
    match inline {
        Inline::Text(text) => text.as_str().into_any(),
        Inline::Cite { text, source } => {
            let Some(src) = story.sources.iter().find(|s| &s.id == source) else {
                // Content checks make this unreachable; show the words anyway.
                return text.as_str().into_any();
            };
            let pop = format!("pop-{id}");
            let date = (!src.date.is_empty()).then(|| format!(", {}", src.date));
            let link = src.url.as_deref().map(|url| {
                view! { " " <a href=url rel="noopener" target="_blank">{url_host(url)}</a> }
            });
            view! {
                <button type="button" class="cite" popovertarget=pop.clone() data-source=source.as_str()>
                    {text.as_str()}
                </button>
                <span popover="auto" id=pop class="pop" role="note">
                    <span class="pop-kind">{story.ui.figure_source.as_str()}</span>
                    " "
                    <cite>{src.title.as_str()}</cite>
                    ". "
                    {src.publisher.as_str()}
                    {date}
                    "."
                    {link}
                </span>
            }
            .into_any()
        }
        Inline::Term { text, term } => {
            let Some(entry) = story.glossary.iter().find(|t| &t.id == term) else {
                return text.as_str().into_any();
            };
            let pop = format!("pop-{id}");
            view! {
                <button type="button" class="term" popovertarget=pop.clone() data-term=term.as_str()>
                    <abbr title=entry.long.as_str()>{text.as_str()}</abbr>
                </button>
                <span popover="auto" id=pop class="pop" role="note">
                    <strong>{entry.short.as_str()}</strong>
                    ": "
                    {entry.long.as_str()}
                    ". "
                    {entry.definition.as_str()}
                </span>
            }
            .into_any()
        }
    }
}

/// The host part of a URL, for a short link label ("arabcenterdc.org").
pub fn url_host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    host.strip_prefix("www.").unwrap_or(host)
}
