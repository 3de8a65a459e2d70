//! The story model: what the content files in `content/` describe.
//!
//! This file is compiled twice: by `build.rs`, which reads the TOML content
//! files into these types and writes them out as one postcard blob, and by the
//! crate, which decodes that blob. It therefore depends on serde alone.
//! The `Raw*` types mirror what an editor writes; the others are what the app
//! reads, with running text already parsed into [`Inline`] pieces.

use serde::{Deserialize, Serialize};

/// One piece of running text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Inline {
    /// Plain words.
    Text(String),
    /// Words backed by a source: the reader can open the source from them.
    Cite {
        /// The words shown.
        text: String,
        /// The id of an entry in `sources.toml`.
        source: String,
    },
    /// An acronym or term with a glossary entry.
    Term {
        /// The words shown.
        text: String,
        /// The id of an entry in `glossary.toml`.
        term: String,
    },
}

/// A paragraph of running text.
pub type Paragraph = Vec<Inline>;

/// Which figure a step shows. One variant per chart module in `src/charts/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChartKind {
    /// US and coalition troops in Iraq, 2003–2021.
    Troops,
}

impl ChartKind {
    /// The stable slug used in file names, URLs and CSS classes.
    pub fn slug(self) -> &'static str {
        match self {
            ChartKind::Troops => "troops",
        }
    }
}

/// A reference list shown after a chapter's steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Appendix {
    /// Every source, in citation order.
    Sources,
    /// Every glossary entry.
    Glossary,
}

/// What a step asks its figure to show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// The chart to draw.
    pub chart: ChartKind,
    /// First year of the period the step is about, if any.
    #[serde(default)]
    pub from: Option<f64>,
    /// Last year of the period the step is about, if any.
    #[serde(default)]
    pub to: Option<f64>,
}

/// A step as an editor writes it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStep {
    /// URL slug, unique within its chapter.
    pub slug: String,
    /// Short heading.
    pub title: String,
    /// Running text with inline markup; paragraphs are separated by blank lines.
    pub text: String,
    /// The figure beside the text.
    #[serde(default)]
    pub figure: Option<Figure>,
}

/// A chapter as an editor writes it (one file in `content/<lang>/chapters/`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChapter {
    /// URL slug, unique in the story.
    pub slug: String,
    /// Full title.
    pub title: String,
    /// Short label for the table of contents and the progress bar.
    pub short_title: String,
    /// True for material dated after the article (14 July 2020).
    #[serde(default)]
    pub after_article: bool,
    /// A reference list shown after the steps.
    #[serde(default)]
    pub appendix: Option<Appendix>,
    /// The steps, in reading order.
    pub steps: Vec<RawStep>,
}

/// One step of a chapter: a short heading, a few sentences and a figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// URL slug, unique within its chapter.
    pub slug: String,
    /// Short heading.
    pub title: String,
    /// The running text.
    pub body: Vec<Paragraph>,
    /// The figure beside the text.
    pub figure: Option<Figure>,
}

/// A chapter of the story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Chapter {
    /// URL slug, unique in the story.
    pub slug: String,
    /// Full title.
    pub title: String,
    /// Short label for the table of contents and the progress bar.
    pub short_title: String,
    /// True for material dated after the article (14 July 2020).
    pub after_article: bool,
    /// A reference list shown after the steps.
    pub appendix: Option<Appendix>,
    /// The steps, in reading order; never empty in valid content.
    pub steps: Vec<Step>,
}

/// A source that facts in the story rest on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Stable id used by citations.
    pub id: String,
    /// What it is: a title or a short description.
    pub title: String,
    /// Who published it (for reprints, the outlet and the original in brackets).
    pub publisher: String,
    /// When it was published, as written.
    #[serde(default)]
    pub date: String,
    /// A link, where one is known.
    #[serde(default)]
    pub url: Option<String>,
}

/// A glossary entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// Stable id used by term references.
    pub id: String,
    /// The short form, e.g. "PMF".
    pub short: String,
    /// The long form, e.g. "Popular Mobilization Forces".
    pub long: String,
    /// One or two plain sentences.
    pub definition: String,
}

/// The article this explainer is about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    /// Its headline.
    pub title: String,
    /// Its author.
    pub author: String,
    /// Its publisher.
    pub publisher: String,
    /// Its date, as written.
    pub date: String,
    /// Where to read it.
    pub url: String,
}

/// Words about the explainer as a whole, as an editor writes them.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMeta {
    /// BCP 47 language tag of this content, e.g. "en" or "ar".
    pub lang: String,
    /// Text direction: "ltr" or "rtl".
    pub dir: String,
    /// The explainer's title.
    pub title: String,
    /// One line under the title.
    pub subtitle: String,
    /// Three sentences for readers in a hurry, with inline markup.
    pub summary: String,
    /// The article the explainer is about.
    pub article: Article,
}

/// Words about the explainer as a whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// BCP 47 language tag of this content.
    pub lang: String,
    /// Text direction: "ltr" or "rtl".
    pub dir: String,
    /// The explainer's title.
    pub title: String,
    /// One line under the title.
    pub subtitle: String,
    /// Three sentences for readers in a hurry.
    pub summary: Vec<Paragraph>,
    /// The article the explainer is about.
    pub article: Article,
}

/// Every reader-facing string that is not story content: controls, labels,
/// messages. `{name}` marks a value filled in at run time (see [`fill`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ui {
    /// Link that skips to the main content.
    pub skip_to_content: String,
    /// Label of the table of contents.
    pub contents: String,
    /// The cover's call to action.
    pub start_reading: String,
    /// Previous-step control.
    pub previous: String,
    /// Next-step control.
    pub next: String,
    /// Progress within a chapter: `{n}` of `{total}`.
    pub step_of: String,
    /// Label for the chapter's step list.
    pub steps: String,
    /// Marks material dated after the article.
    pub after_article: String,
    /// Heading of the not-found view.
    pub not_found_title: String,
    /// Body of the not-found view; `{path}` is the address asked for.
    pub not_found_body: String,
    /// Heading of the view shown after an unexpected error.
    pub error_title: String,
    /// Body of the error view.
    pub error_body: String,
    /// Reload link in the error view.
    pub reload: String,
    /// Credit line: `{author}`, `{publisher}`, `{date}`.
    pub credit: String,
    /// Link to the sources page.
    pub sources_link: String,
    /// Heading of the sources list.
    pub sources_title: String,
    /// Heading of the glossary.
    pub glossary_title: String,
    /// Caption prefix for the source of a figure.
    pub figure_source: String,
    /// Label of the chart's text alternative.
    pub chart_summary: String,
    /// Shown in place of a chart that could not be drawn.
    pub chart_error: String,
    /// The control that shows a chart's numbers as a table.
    pub data_table: String,
    /// Table column: the date.
    pub col_date: String,
    /// Table column: the source.
    pub col_source: String,
    /// Table column: a caveat about the figure.
    pub col_note: String,
    /// Tells keyboard users how to explore a chart.
    pub chart_keys: String,
    /// Readout of a selected point: `{date}`, `{value}`, `{series}`.
    pub readout: String,
    /// Link to, and title of, the whole story on one page.
    pub whole_story: String,
    /// The line under that page's title.
    pub whole_story_intro: String,
    /// Between items of a list, e.g. publisher and date: ", ".
    pub list_separator: String,
    /// Ends a sentence in generated text: ".".
    pub sentence_end: String,
    /// Between a term and its meaning: ": ".
    pub term_separator: String,
    /// Between the parts of a page title: " – ".
    pub title_separator: String,
    /// Download control: the chart's numbers as CSV.
    pub download_csv: String,
    /// Download control: the current view as SVG.
    pub download_svg: String,
    /// Download control: the current view as PNG.
    pub download_png: String,
    /// Label of the group of download controls.
    pub downloads: String,
    /// Drawn before "Previous": an arrow pointing back in reading direction.
    pub previous_icon: String,
    /// Drawn after "Next": an arrow pointing on in reading direction.
    pub next_icon: String,
}

/// A point in the troop-level series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TroopPoint {
    /// Fractional year, e.g. 2003.33 for 1 May 2003.
    pub year: f64,
    /// The date as a reader reads it.
    pub label: String,
    /// US troops in Iraq.
    pub us: f64,
    /// Non-US coalition troops, where sourced.
    #[serde(default)]
    pub coalition: Option<f64>,
    /// The source id.
    pub source: String,
    /// A caveat, where the figure is approximate or disputed.
    #[serde(default)]
    pub note: Option<String>,
}

/// A dated marker on a time chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Marker {
    /// Fractional year.
    pub year: f64,
    /// A short label drawn on the chart.
    pub label: String,
    /// The source id.
    pub source: String,
}

/// The troop-level dataset with its words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Troops {
    /// Chart title.
    pub title: String,
    /// One-sentence text alternative.
    pub summary: String,
    /// How to read the axes (here: that the scale is logarithmic).
    pub axis_note: String,
    /// Legend label of the US series.
    pub us_label: String,
    /// Legend label of the coalition series.
    pub coalition_label: String,
    /// The series, oldest first.
    pub points: Vec<TroopPoint>,
    /// Events drawn as markers.
    pub markers: Vec<Marker>,
}

/// All chart datasets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Datasets {
    /// Figure 1.
    pub troops: Troops,
}

/// Sources file as an editor writes it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSources {
    /// Every source.
    pub source: Vec<Source>,
}

/// Glossary file as an editor writes it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGlossary {
    /// Every entry.
    pub term: Vec<Term>,
}

/// The whole story in one language, as the app reads it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// Words about the explainer as a whole.
    pub meta: Meta,
    /// Interface strings.
    pub ui: Ui,
    /// The chapters, in reading order.
    pub chapters: Vec<Chapter>,
    /// Every source.
    pub sources: Vec<Source>,
    /// Every glossary entry.
    pub glossary: Vec<Term>,
    /// Chart datasets.
    pub data: Datasets,
}

impl Story {
    /// The source with this id, if the content lists one.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The glossary entry with this id, if the content has one.
    pub fn term(&self, id: &str) -> Option<&Term> {
        self.glossary.iter().find(|t| t.id == id)
    }
}

/// Fills `{name}` placeholders in a UI template.
///
/// Unknown placeholders are left as they are, so a translator's typo shows up
/// on the page instead of breaking it.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}
