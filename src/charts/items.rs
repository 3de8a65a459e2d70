//! What every figure offers besides its drawing, in one shape for all
//! seven: the items a reader can select (with their URL slugs and readouts),
//! which are shown under the current filters, and the numbers as a table.
//!
//! The troop series has its own data shape; it is adapted here so the
//! figure component, the table and the CSV treat every chart alike.

use super::{plain, thousands, View};
use crate::story::{fill, join, ChartKind, Dataset, Item, SourceRef, Story};

/// Formats a number as the tables and readouts show it: whole numbers
/// grouped by thousands, others with one decimal.
pub fn number(value: f64) -> String {
    if value.fract() == 0.0 {
        thousands(value)
    } else {
        super::fixed(value, 1)
    }
}

/// An item's value in its group's unit, e.g. "63%" or "$18 a barrel".
pub fn value_text(data: &Dataset, item: &Item) -> String {
    let Some(value) = item.value else {
        return String::new();
    };
    let unit = data
        .group(&item.group)
        .map_or("{value}", |g| g.unit.as_str());
    fill(unit, &[("value", &number(value))])
}

fn label_of(group: Option<&crate::story::Group>) -> &str {
    group.map_or("", |g| g.label.as_str())
}

/// Who published these sources, each with its paragraph where the
/// citation gives one ("…, paragraph 12"), for a readout or a table cell;
/// an id the story does not list is shown as it is.
fn publishers<'a>(story: &'a Story, cites: impl Iterator<Item = &'a SourceRef>) -> String {
    let ui = &story.ui;
    join(
        cites.map(|cite| {
            let name = story
                .source(&cite.id)
                .map_or(cite.id.as_str(), |s| s.publisher.as_str());
            match cite.paragraph {
                Some(n) => format!(
                    "{name}{}{}",
                    ui.list_separator,
                    fill(&ui.paragraph, &[("n", &n.to_string())])
                ),
                None => name.to_owned(),
            }
        }),
        &ui.source_separator,
    )
}

/// The URL slug of every item of a figure, in keyboard order.
pub fn slugs(story: &Story, kind: ChartKind) -> Vec<String> {
    match story.data.dataset(kind) {
        Some(data) => data.items.iter().map(|i| i.slug.clone()).collect(),
        None => story
            .data
            .troops
            .points
            .iter()
            .map(|p| p.slug.clone())
            .collect(),
    }
}

/// The indices of the items shown under the view's filters, in keyboard
/// order.
pub fn visible(story: &Story, kind: ChartKind, view: &View) -> Vec<usize> {
    match story.data.dataset(kind) {
        Some(data) => data
            .items
            .iter()
            .enumerate()
            .filter(|(_, i)| view.shows(&i.group))
            .map(|(n, _)| n)
            .collect(),
        None => (0..story.data.troops.points.len()).collect(),
    }
}

/// A selected item in words: a heading line, then its parts, each with the
/// label the content gives it ("Why it matters") or none. What the screen
/// reader hears, and everyone reads, beside the chart.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Readout {
    /// The first line: what is selected.
    pub head: String,
    /// The rest, a line each: `(label, text)`, the label empty where the
    /// part has none.
    pub parts: Vec<(String, String)>,
}

impl Readout {
    /// The readout from a template whose lines are split by `|`: the first
    /// is the heading; a later line that starts with words and a colon
    /// before any placeholder ("Sources: {source}") has those words as its
    /// label. Lines left empty by their placeholders are dropped.
    pub fn compose(template: &str, values: &[(&str, &str)]) -> Readout {
        // Empty placeholders leave double spaces behind; close them up.
        let tidy = |t: &str| join(fill(t, values).split_whitespace(), " ");
        let mut lines = template.split('|');
        let head = tidy(lines.next().unwrap_or_default());
        let parts = lines
            .filter_map(|line| {
                // By bytes, not `split_once(": ")`: a substring search brings
                // the general string searcher into the wasm.
                let colon = line.as_bytes().windows(2).position(|w| w == b": ");
                let (label, rest) = match colon {
                    Some(i) if !line[..i].contains('{') => (line[..i].trim(), &line[i + 2..]),
                    _ => ("", line),
                };
                let text = tidy(rest);
                // A part with nothing but punctuation left is no part (ASCII
                // or not: `is_alphanumeric` would bring Unicode's tables).
                text.chars()
                    .any(|c| c.is_ascii_alphanumeric() || !c.is_ascii())
                    .then(|| (label.to_owned(), text))
            })
            .collect();
        Readout { head, parts }
    }

    /// The parts as markup: a paragraph each, its label in bold and followed
    /// by `separator`. Every word is escaped; nothing in a readout is markup
    /// of its own.
    pub fn parts_html(&self, separator: &str) -> String {
        use crate::story::html::escape;
        let mut out = String::new();
        for (label, text) in &self.parts {
            out.push_str("<p>");
            if !label.is_empty() {
                out.push_str(r#"<b class="readout-label">"#);
                out.push_str(&escape(label));
                out.push_str(&escape(separator));
                out.push_str("</b>");
            }
            out.push_str(&escape(text));
            out.push_str("</p>");
        }
        out
    }

    /// The readout as one run of text: each line ends with a full stop
    /// unless it has its own punctuation.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let lines = std::iter::once((String::new(), self.head.clone())).chain(self.parts.clone());
        for (label, text) in lines {
            if !out.is_empty() {
                let last = out.chars().next_back().unwrap_or('.');
                if !matches!(last, '.' | '?' | '!' | ':' | '…' | ')' | '”') {
                    out.push('.');
                }
                out.push(' ');
            }
            if !label.is_empty() {
                out.push_str(&label);
                out.push_str(": ");
            }
            out.push_str(&text);
        }
        out
    }
}

/// The readout of item `index` of figure `kind`, if there is such an item.
pub fn readout(story: &Story, kind: ChartKind, index: usize) -> Option<Readout> {
    let Some(data) = story.data.dataset(kind) else {
        return troops_readout(story, index);
    };
    let item = data.items.get(index)?;
    let round = item
        .round
        .and_then(|r| data.rounds.get(usize::from(r).checked_sub(1)?))
        .map_or("", String::as_str);
    let value = value_text(data, item);
    let source = publishers(story, item.sources.iter());
    Some(Readout::compose(
        &data.readout,
        &[
            ("label", &item.label),
            ("when", &item.when),
            ("value", &value),
            ("group", label_of(data.group(&item.group))),
            (
                "side",
                label_of(item.side.as_deref().and_then(|s| data.side(s))),
            ),
            (
                "status",
                label_of(item.status.as_deref().and_then(|s| data.status(s))),
            ),
            ("round", round),
            ("text", &item.text),
            ("more", &item.more),
            ("note", &item.note),
            ("source", &source),
        ],
    ))
}

/// The troop chart's readout: the date as its heading, then each series'
/// count, then the point's note. The date is said once.
fn troops_readout(story: &Story, index: usize) -> Option<Readout> {
    let (ui, data) = (&story.ui, &story.data.troops);
    let p = data.points.get(index)?;
    let count = |series: &str, value: f64| {
        let text = fill(
            &ui.readout,
            &[("value", &thousands(value)), ("series", series)],
        );
        (String::new(), text)
    };
    let mut parts = vec![count(&data.us_label, p.us)];
    parts.extend(p.coalition.map(|c| count(&data.coalition_label, c)));
    parts.extend(p.note.clone().map(|n| (String::new(), n)));
    Some(Readout {
        head: p.label.clone(),
        parts,
    })
}

/// The view a step asks of its figure: its period and the items it is
/// about, with nothing selected or hidden.
pub fn step_view(story: &Story, figure: &crate::story::Figure) -> View {
    let all = slugs(story, figure.chart);
    View {
        period: figure.period(),
        highlight: figure
            .highlight
            .iter()
            .filter_map(|h| all.iter().position(|s| s == h))
            .collect(),
        ..View::default()
    }
}

/// A figure's title, its one-sentence summary and its reading note.
pub fn words(story: &Story, kind: ChartKind) -> (&str, &str, &str) {
    match story.data.dataset(kind) {
        Some(d) => (&d.title, &d.summary, &d.note),
        None => {
            let t = &story.data.troops;
            (&t.title, &t.summary, &t.axis_note)
        }
    }
}

/// How numbers are written in a [`Table`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Numbers {
    /// As a reader reads them: "171,000", "63%".
    Formatted,
    /// As a spreadsheet reads them: "171000", "63".
    Plain,
}

/// A figure's numbers as rows and columns; the first column heads each row.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// What the table is.
    pub caption: String,
    /// Column headings.
    pub headers: Vec<String>,
    /// One row per item, in keyboard order.
    pub rows: Vec<Vec<String>>,
}

/// The numbers behind figure `kind`, with their sources and caveats.
pub fn table(story: &Story, kind: ChartKind, numbers: Numbers) -> Table {
    let ui = &story.ui;
    let sources = |cites: &[SourceRef]| publishers(story, cites.iter());
    let Some(data) = story.data.dataset(kind) else {
        let t = &story.data.troops;
        let count = |v: f64| match numbers {
            Numbers::Formatted => thousands(v),
            Numbers::Plain => format!("{}", v.round() as i64),
        };
        return Table {
            caption: t.title.clone(),
            headers: vec![
                ui.col_date.clone(),
                t.us_label.clone(),
                t.coalition_label.clone(),
                ui.col_source.clone(),
                ui.col_note.clone(),
            ],
            rows: t
                .points
                .iter()
                .map(|p| {
                    vec![
                        p.label.clone(),
                        count(p.us),
                        p.coalition.map(count).unwrap_or_default(),
                        sources(std::slice::from_ref(&p.source)),
                        p.note.clone().unwrap_or_default(),
                    ]
                })
                .collect(),
        };
    };
    let c = &data.columns;
    type Cell = fn(&Dataset, &Item, Numbers) -> String;
    let columns: [(&String, Cell); 9] = [
        (&c.label, |_, i, _| i.label.clone()),
        (&c.when, |_, i, _| i.when.clone()),
        (&c.round, |d, i, _| {
            i.round
                .and_then(|r| d.rounds.get(usize::from(r).checked_sub(1)?))
                .cloned()
                .unwrap_or_default()
        }),
        (&c.group, |d, i, _| {
            d.group(&i.group)
                .map(|g| g.label.clone())
                .unwrap_or_default()
        }),
        (&c.side, |d, i, _| {
            i.side
                .as_deref()
                .and_then(|s| d.side(s))
                .map(|g| g.label.clone())
                .unwrap_or_default()
        }),
        (&c.value, |d, i, n| match (n, i.value) {
            (Numbers::Formatted, Some(_)) => value_text(d, i),
            (Numbers::Plain, Some(v)) => plain(v),
            (_, None) => String::new(),
        }),
        (&c.text, |_, i, _| i.text.clone()),
        (&c.status, |d, i, _| {
            i.status
                .as_deref()
                .and_then(|s| d.status(s))
                .map(|g| g.label.clone())
                .unwrap_or_default()
        }),
        (&c.more, |_, i, _| i.more.clone()),
    ];
    let shown: Vec<_> = columns.iter().filter(|(h, _)| !h.is_empty()).collect();
    let mut headers: Vec<String> = shown.iter().map(|(h, _)| (*h).clone()).collect();
    headers.extend([ui.col_source.clone(), ui.col_note.clone()]);
    let rows = data
        .items
        .iter()
        .map(|item| {
            let mut row: Vec<String> = shown.iter().map(|(_, f)| f(data, item, numbers)).collect();
            row.push(sources(&item.sources));
            row.push(item.note.clone());
            row
        })
        .collect();
    Table {
        caption: data.title.clone(),
        headers,
        rows,
    }
}
