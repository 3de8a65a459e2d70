//! Content checks: everything a reader relies on that serde cannot see.
//!
//! Run by `build.rs` (a broken content file stops the build with a list of
//! problems) and by the native test suite. Shared with `build.rs`, so it
//! depends on nothing but the model and the markup helpers.

use std::collections::{HashMap, HashSet};

use super::markup::is_id;
use super::model::{ChartKind, Dataset, Group, Inline, Paragraph, SourceRef, Story};

/// Slugs the app's own routes use; a chapter may not take them.
pub const RESERVED_SLUGS: [&str; 4] = ["embed", "assets", "all", "public"];

/// Every problem found, each naming where it is. Empty means valid.
pub fn validate(story: &Story) -> Vec<String> {
    let mut problems = Vec::new();
    let mut p = |s: String| problems.push(s);

    let source_ids = Sources {
        ids: unique_ids(
            story.sources.iter().map(|s| s.id.as_str()),
            "source",
            &mut p,
        ),
        // The article is the source at the article's address.
        article: story
            .sources
            .iter()
            .find(|s| s.url.as_deref() == Some(story.meta.article.url.as_str()))
            .map(|s| s.id.as_str()),
    };
    let term_ids = unique_ids(story.glossary.iter().map(|t| t.id.as_str()), "term", &mut p);
    let mut used_sources: HashSet<&str> = HashSet::new();

    let meta = &story.meta;
    for (name, value) in [
        ("meta title", &meta.title),
        ("meta subtitle", &meta.subtitle),
        ("article title", &meta.article.title),
        ("article author", &meta.article.author),
        ("article url", &meta.article.url),
    ] {
        if value.trim().is_empty() {
            p(format!("{name} is empty"));
        }
    }
    if meta.dir != "ltr" && meta.dir != "rtl" {
        p(format!(
            "meta dir must be \"ltr\" or \"rtl\", not {:?}",
            meta.dir
        ));
    }
    check_paragraphs(
        "meta summary",
        &meta.summary,
        &source_ids,
        &term_ids,
        &mut used_sources,
        &mut p,
    );

    if story.chapters.is_empty() {
        p("the story has no chapters".into());
    }
    let mut chapter_slugs = HashSet::new();
    for chapter in &story.chapters {
        let where_ = format!("chapter {:?}", chapter.slug);
        check_slug(&chapter.slug, &where_, &mut p);
        if RESERVED_SLUGS.contains(&chapter.slug.as_str()) {
            p(format!(
                "{where_}: the slug is reserved for the app's own pages"
            ));
        }
        if !chapter_slugs.insert(chapter.slug.as_str()) {
            p(format!("{where_}: the slug is used twice"));
        }
        if chapter.title.trim().is_empty() || chapter.short_title.trim().is_empty() {
            p(format!("{where_}: empty title"));
        }
        if chapter.steps.is_empty() {
            p(format!("{where_}: no steps"));
        }
        let mut step_slugs = HashSet::new();
        for step in &chapter.steps {
            let where_ = format!("chapter {:?} step {:?}", chapter.slug, step.slug);
            check_slug(&step.slug, &where_, &mut p);
            if !step_slugs.insert(step.slug.as_str()) {
                p(format!("{where_}: the slug is used twice in its chapter"));
            }
            if step.title.trim().is_empty() {
                p(format!("{where_}: empty title"));
            }
            if step.body.is_empty() {
                p(format!("{where_}: no text"));
            }
            check_paragraphs(
                &where_,
                &step.body,
                &source_ids,
                &term_ids,
                &mut used_sources,
                &mut p,
            );
            if let Some(fig) = &step.figure {
                if let (Some(from), Some(to)) = (fig.from, fig.to) {
                    if from > to {
                        p(format!(
                            "{where_}: figure period runs backwards ({from} > {to})"
                        ));
                    }
                }
                match story.data.dataset(fig.chart) {
                    None if !fig.highlight.is_empty() => p(format!(
                        "{where_}: the troop chart highlights a period (from, to), not items"
                    )),
                    None => {}
                    Some(data) => {
                        for slug in &fig.highlight {
                            if data.position(slug).is_none() {
                                p(format!(
                                    "{where_}: the {} chart has no item {slug:?} to highlight",
                                    fig.chart.slug()
                                ));
                            }
                        }
                    }
                }
            }
        }
    }

    for source in &story.sources {
        let where_ = format!("source {:?}", source.id);
        if source.title.trim().is_empty() || source.publisher.trim().is_empty() {
            p(format!("{where_}: empty title or publisher"));
        }
        let url = source.url.as_deref().unwrap_or("");
        if url.is_empty() {
            // A reader who finds no link is told why.
            if source.note.trim().is_empty() {
                p(format!(
                    "{where_}: no url; give the address of the copy we read, or url = \"\" and a note saying why there is none"
                ));
            }
        } else if !url.starts_with("https://") && !url.starts_with("http://") {
            p(format!(
                "{where_}: the link must start with https:// or http://"
            ));
        }
    }
    for term in &story.glossary {
        if term.short.trim().is_empty()
            || term.long.trim().is_empty()
            || term.definition.trim().is_empty()
        {
            p(format!("term {:?}: empty text", term.id));
        }
    }

    let troops = &story.data.troops;
    for (name, value) in [
        ("troops title", &troops.title),
        ("troops summary", &troops.summary),
        ("troops axis_note", &troops.axis_note),
        ("troops us_label", &troops.us_label),
        ("troops coalition_label", &troops.coalition_label),
        ("troops also_marked", &troops.also_marked),
    ] {
        if value.trim().is_empty() {
            p(format!("{name} is empty"));
        }
    }
    if troops.points.len() < 2 {
        p("troops: fewer than two points".into());
    }
    let mut last_year = f64::NEG_INFINITY;
    let mut troop_slugs = HashSet::new();
    for point in &troops.points {
        let where_ = format!("troops point {:?}", point.label);
        // The slug addresses the point in a link (?troops=may-2003).
        check_slug(&point.slug, &where_, &mut p);
        if !troop_slugs.insert(point.slug.as_str()) {
            p(format!(
                "{where_}: two points share the slug {:?}",
                point.slug
            ));
        }
        if point.year.is_nan() || point.year < last_year {
            p(format!("{where_}: points must be in date order"));
        }
        last_year = point.year;
        if point.us < 0.0 || point.coalition.is_some_and(|c| c < 0.0) {
            p(format!("{where_}: negative troop count"));
        }
        use_source(
            &point.source,
            &where_,
            &source_ids,
            &mut used_sources,
            &mut p,
        );
    }
    for marker in &troops.markers {
        let where_ = format!("troops marker {:?}", marker.label);
        use_source(
            &marker.source,
            &where_,
            &source_ids,
            &mut used_sources,
            &mut p,
        );
    }

    for kind in ChartKind::ALL {
        if let Some(data) = story.data.dataset(kind) {
            check_dataset(kind, data, &source_ids, &mut used_sources, &mut p);
        }
    }

    for source in &story.sources {
        if !used_sources.contains(source.id.as_str()) {
            p(format!("source {:?} is never cited", source.id));
        }
    }
    problems
}

fn unique_ids<'a>(
    ids: impl Iterator<Item = &'a str>,
    what: &str,
    p: &mut dyn FnMut(String),
) -> HashMap<&'a str, ()> {
    let mut seen = HashMap::new();
    for id in ids {
        if !is_id(id) {
            p(format!(
                "{what} id {id:?} must be lowercase letters, digits and hyphens"
            ));
        }
        if seen.insert(id, ()).is_some() {
            p(format!("{what} id {id:?} is used twice"));
        }
    }
    seen
}

fn check_slug(slug: &str, where_: &str, p: &mut dyn FnMut(String)) {
    if !is_id(slug) || slug.starts_with('-') || slug.ends_with('-') {
        p(format!(
            "{where_}: the slug must be lowercase letters, digits and inner hyphens"
        ));
    }
}

/// The sources a citation may name, and which of them is the article.
struct Sources<'a> {
    ids: HashMap<&'a str, ()>,
    article: Option<&'a str>,
}

/// The longest quote a pinpoint carries, in words.
pub const MAX_QUOTE_WORDS: usize = 25;

fn use_source<'a>(
    cite: &'a SourceRef,
    where_: &str,
    sources: &Sources<'_>,
    used: &mut HashSet<&'a str>,
    p: &mut dyn FnMut(String),
) {
    let id = cite.id.as_str();
    if sources.ids.contains_key(id) {
        used.insert(id);
    } else {
        p(format!("{where_}: unknown source {id:?}"));
    }
    // Every claim put to the article says where in it the words are, so a
    // reader can check it: a paragraph and a short quote.
    if sources.article == Some(id) && (cite.paragraph.is_none() || cite.quote.is_none()) {
        p(format!(
            "{where_}: a citation of the article needs a pinpoint, e.g. {id}#p14 \"its own words\""
        ));
    }
    if let Some(quote) = &cite.quote {
        let words = quote.split_whitespace().count();
        if words > MAX_QUOTE_WORDS {
            p(format!(
                "{where_}: the quote from {id} has {words} words; at most {MAX_QUOTE_WORDS}"
            ));
        }
    }
}

fn check_paragraphs<'a>(
    where_: &str,
    paragraphs: &'a [Paragraph],
    sources: &Sources<'_>,
    terms: &HashMap<&str, ()>,
    used: &mut HashSet<&'a str>,
    p: &mut dyn FnMut(String),
) {
    for paragraph in paragraphs {
        if paragraph
            .iter()
            .all(|i| matches!(i, Inline::Text(t) if t.trim().is_empty()))
        {
            p(format!("{where_}: an empty paragraph"));
        }
        for inline in paragraph {
            match inline {
                Inline::Text(_) => {}
                Inline::Cite { source, .. } => use_source(source, where_, sources, used, p),
                Inline::Term { term, .. } => {
                    if !terms.contains_key(term.as_str()) {
                        p(format!("{where_}: unknown glossary term {term:?}"));
                    }
                }
            }
        }
    }
}

/// Checks one figure's dataset: its words, its categories, and that each
/// item has what its chart draws (a date on the timeline, a number on the
/// bars, a side and a status for a pledge).
fn check_dataset<'a>(
    kind: ChartKind,
    data: &'a Dataset,
    sources: &Sources<'_>,
    used: &mut HashSet<&'a str>,
    p: &mut dyn FnMut(String),
) {
    let name = kind.slug();
    for (field, value) in [
        ("title", &data.title),
        ("summary", &data.summary),
        ("note", &data.note),
        ("readout", &data.readout),
        ("columns.label", &data.columns.label),
    ] {
        if value.trim().is_empty() {
            p(format!("{name}: {field} is empty"));
        }
    }
    if data.filter && data.filter_label.trim().is_empty() {
        p(format!("{name}: a filterable chart needs a filter_label"));
    }
    if data.groups.is_empty() || data.items.is_empty() {
        p(format!("{name}: no groups or no items"));
    }
    for (what, groups) in [
        ("group", &data.groups),
        ("side", &data.sides),
        ("status", &data.statuses),
    ] {
        check_groups(name, what, groups, p);
    }
    for rule in &data.rules {
        use_source(
            &rule.source,
            &format!("{name} rule {:?}", rule.label),
            sources,
            used,
            p,
        );
    }
    for era in &data.eras {
        if era[0].is_nan() || era[1].is_nan() || era[0] >= era[1] {
            p(format!("{name}: the era {era:?} must run forwards"));
        }
    }
    let mut slugs = HashSet::new();
    for item in &data.items {
        let where_ = format!("{name} item {:?}", item.slug);
        check_slug(&item.slug, &where_, p);
        if !slugs.insert(item.slug.as_str()) {
            p(format!("{where_}: the slug is used twice"));
        }
        if item.label.trim().is_empty() {
            p(format!("{where_}: empty label"));
        }
        let group = data.group(&item.group);
        if group.is_none() {
            p(format!("{where_}: unknown group {:?}", item.group));
        }
        if item.sources.is_empty() {
            p(format!("{where_}: no source"));
        }
        for cite in &item.sources {
            use_source(cite, &where_, sources, used, p);
        }
        if let (Some(low), Some(high)) = (item.low, item.high) {
            if !(low <= high && item.value.is_none_or(|v| low <= v && v <= high)) {
                p(format!("{where_}: low, value and high are out of order"));
            }
        }
        let mut need = |ok: bool, what: &str| {
            if !ok {
                p(format!("{where_}: the {name} chart needs {what}"));
            }
        };
        match kind {
            ChartKind::Troops => {}
            ChartKind::Timeline => {
                need(
                    item.x
                        .is_some_and(|x| data.eras.iter().any(|e| e[0] <= x && x <= e[1])),
                    "a date (x) inside one of its eras",
                );
                need(
                    !item.when.trim().is_empty() && !item.text.trim().is_empty(),
                    "when and text",
                );
            }
            ChartKind::Opinion | ChartKind::Oil => {
                need(item.value.is_some(), "a value");
                need(
                    item.x.is_some() || group.is_some_and(|g| g.max.is_some()),
                    "a date (x), or a group with a max for its bar",
                );
            }
            ChartKind::Parliament => need(item.value.is_some(), "a number of seats (value)"),
            ChartKind::Commitments => {
                need(
                    item.round
                        .is_some_and(|r| (1..=data.rounds.len()).contains(&usize::from(r))),
                    "a round that is listed in rounds",
                );
                need(
                    item.side.as_deref().and_then(|s| data.side(s)).is_some(),
                    "a known side",
                );
                need(
                    item.status
                        .as_deref()
                        .and_then(|s| data.status(s))
                        .is_some(),
                    "a known status",
                );
                need(
                    !item.text.trim().is_empty() && !item.more.trim().is_empty(),
                    "text and more",
                );
            }
            ChartKind::Agenda => need(
                !item.text.trim().is_empty() && !item.more.trim().is_empty(),
                "text and more",
            ),
        }
    }
    if kind == ChartKind::Parliament {
        // The seats of the first group are the whole chamber: they must add
        // up to the total the chart draws (y_max).
        let first = data.groups.first().map(|g| g.slug.as_str());
        let sum: f64 = data
            .items
            .iter()
            .filter(|i| Some(i.group.as_str()) == first)
            .filter_map(|i| i.value)
            .sum();
        if data.y_max != Some(sum) {
            p(format!(
                "parliament: the seats add up to {sum}, not the y_max of {:?}",
                data.y_max
            ));
        }
    }
}

fn check_groups(name: &str, what: &str, groups: &[Group], p: &mut dyn FnMut(String)) {
    let mut seen = HashSet::new();
    for g in groups {
        let where_ = format!("{name} {what} {:?}", g.slug);
        check_slug(&g.slug, &where_, p);
        if !seen.insert(g.slug.as_str()) {
            p(format!("{where_}: the slug is used twice"));
        }
        if g.label.trim().is_empty() || !g.unit.contains("{value}") {
            p(format!(
                "{where_}: needs a label, and a unit with {{value}} in it"
            ));
        }
    }
}
