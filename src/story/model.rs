//! The story model: what the content files in `content/` describe.
//!
//! This file is compiled twice: by `build.rs`, which reads the TOML content
//! files into these types and writes them out in their binary form (see
//! `wire.rs`), and by the crate, which reads that back. It therefore depends
//! on serde alone, which reads the TOML.
//! The `Raw*` types mirror what an editor writes; the others are what the app
//! reads, with running text already parsed into [`Inline`] pieces.

use serde::Deserialize;

/// One piece of running text.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub enum Inline {
    /// Plain words.
    Text(String),
    /// Words backed by a source: the reader can open the source from them.
    Cite {
        /// The words shown.
        text: String,
        /// The source, with a pinpoint where there is one.
        source: SourceRef,
    },
    /// An acronym or term with a glossary entry.
    Term {
        /// The words shown.
        text: String,
        /// The id of an entry in `glossary.toml`.
        term: String,
    },
}

/// A citation of a source as content writes it: the source's id, and,
/// optionally, where in it the words rest: `acw-dunne-2020#p14 "The United
/// States and Iraq must also focus"` is paragraph 14 of the article, with
/// the words quoted from it verbatim. Data files write the same form as a
/// string; running text writes it as a link's target after `src:`.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(try_from = "String")]
pub struct SourceRef {
    /// The id of an entry in `sources.toml`.
    pub id: String,
    /// The paragraph of the source, counted from 1.
    pub paragraph: Option<u8>,
    /// The source's own words that support ours, verbatim.
    pub quote: Option<String>,
}

impl SourceRef {
    /// A citation of `id` with no pinpoint.
    pub fn id(id: &str) -> Self {
        SourceRef {
            id: id.to_owned(),
            ..SourceRef::default()
        }
    }

    /// Reads `id`, `id#pN`, `id "quote"` or `id#pN "quote"`.
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim();
        let (head, quote) = match text.split_once(' ') {
            Some((head, rest)) => {
                let rest = rest.trim();
                let inner = rest
                    .strip_prefix('"')
                    .and_then(|r| r.strip_suffix('"'))
                    .filter(|q| !q.contains('"') && !q.trim().is_empty())
                    .ok_or_else(|| {
                        format!("{text:?}: after the source, only a quote in \"double quotes\"")
                    })?;
                (head, Some(join(inner.split_whitespace(), " ")))
            }
            None => (text, None),
        };
        let (id, paragraph) = match head.split_once('#') {
            Some((id, pin)) => {
                let n = pin
                    .strip_prefix('p')
                    .and_then(|n| n.parse::<u8>().ok())
                    .filter(|n| *n > 0)
                    .ok_or_else(|| {
                        format!("{text:?}: a pinpoint is #p and a paragraph number, e.g. #p14")
                    })?;
                (id, Some(n))
            }
            None => (head, None),
        };
        if !is_id(id) {
            return Err(format!(
                "{text:?}: a source id is lowercase letters, digits and hyphens"
            ));
        }
        Ok(SourceRef {
            id: id.to_owned(),
            paragraph,
            quote,
        })
    }
}

impl TryFrom<String> for SourceRef {
    type Error = String;
    fn try_from(text: String) -> Result<Self, String> {
        SourceRef::parse(&text)
    }
}

/// Ids are lowercase ASCII letters, digits and hyphens.
pub fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A paragraph of running text.
pub type Paragraph = Vec<Inline>;

/// Which figure a step shows. One variant per figure; see `src/charts/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChartKind {
    /// US and coalition troops in Iraq, 2003–2021.
    Troops,
    /// Events of 2008 and 2019–2021 in tracks.
    Timeline,
    /// Kadhimi's approval, and views of Iran and the US.
    Opinion,
    /// The Council of Representatives after the 2018 election.
    Parliament,
    /// What each side pledged, and what became of it.
    Commitments,
    /// What Washington and Baghdad wanted from round two.
    Agenda,
    /// Brent's price in 2020 against Iraq's budget.
    Oil,
}

impl ChartKind {
    /// Every figure, in the order the story first shows them.
    pub const ALL: [ChartKind; 7] = [
        ChartKind::Troops,
        ChartKind::Timeline,
        ChartKind::Opinion,
        ChartKind::Parliament,
        ChartKind::Commitments,
        ChartKind::Agenda,
        ChartKind::Oil,
    ];

    /// The stable slug used in file names, URLs, CSS classes and content.
    pub fn slug(self) -> &'static str {
        match self {
            ChartKind::Troops => "troops",
            ChartKind::Timeline => "timeline",
            ChartKind::Opinion => "opinion",
            ChartKind::Parliament => "parliament",
            ChartKind::Commitments => "commitments",
            ChartKind::Agenda => "agenda",
            ChartKind::Oil => "oil",
        }
    }

    /// The figure with this slug, if there is one.
    pub fn from_slug(slug: &str) -> Option<ChartKind> {
        ChartKind::ALL.into_iter().find(|k| k.slug() == slug)
    }
}

/// A reference list shown after a chapter's steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Appendix {
    /// Every source, in citation order.
    Sources,
    /// Every glossary entry.
    Glossary,
}

/// What a step asks its figure to show.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// The chart to draw.
    pub chart: ChartKind,
    /// First year of the period the step is about, if any (time charts).
    #[serde(default)]
    pub from: Option<f64>,
    /// Last year of the period the step is about, if any (time charts).
    #[serde(default)]
    pub to: Option<f64>,
    /// Slugs of the items the step is about; the chart emphasises them.
    #[serde(default)]
    pub highlight: Vec<String>,
}

impl Figure {
    /// The step's period, when it names both ends.
    pub fn period(&self) -> Option<(f64, f64)> {
        Some((self.from?, self.to?))
    }
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
#[derive(Debug, Clone, PartialEq, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Deserialize)]
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
    /// The address of the copy we read; empty where there is none to give.
    #[serde(default)]
    pub url: Option<String>,
    /// Why there is no link (a print edition, a broadcast), shown to the
    /// reader in its place; the content check asks for it where `url` is
    /// empty.
    #[serde(default)]
    pub note: String,
}

/// A glossary entry.
#[derive(Debug, Clone, PartialEq, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
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
    /// Stands for the address in `not_found_body` until the page has read
    /// it ("this address").
    pub this_address: String,
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
    /// Tells readers on a touch screen how to explore a chart (shown
    /// instead of `chart_keys` where the main pointer is coarse and cannot
    /// hover).
    pub chart_touch: String,
    /// The disclosure under a figure with its table and downloads.
    pub figure_more: String,
    /// The button that opens a figure full screen.
    pub full_screen: String,
    /// The same button while the figure is full screen.
    pub close_full_screen: String,
    /// Readout of a selected point of the troop chart: `{date}`, `{value}`,
    /// `{series}`.
    pub readout: String,
    /// Label of a chart filter button's state for screen readers, after its
    /// name: `{group}` shown or hidden is announced by aria-pressed.
    pub filter_hint: String,
    /// Link to, and title of, the whole story on one page.
    pub whole_story: String,
    /// The line under that page's title.
    pub whole_story_intro: String,
    /// Between items of a list, e.g. publisher and date: ", ".
    pub list_separator: String,
    /// Ends a sentence in generated text: ".".
    pub sentence_end: String,
    /// Between the sources of one figure in a table: "; ".
    pub source_separator: String,
    /// Where in a source its words are: "paragraph {n}".
    pub paragraph: String,
    /// Over the quotes a figure's items rest on, under its data table.
    pub quotes_title: String,
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
    /// Label of the group of share controls.
    pub share_label: String,
    /// Copies the address of the current view.
    pub copy_link: String,
    /// Said once the address is copied.
    pub link_copied: String,
    /// The whole story: the link to a step, which copies its address.
    pub step_link: String,
    /// Said once, where the keys work, that the arrow keys move between
    /// steps.
    pub keys_hint: String,
    /// Opens the system share sheet.
    pub share: String,
    /// Copies the two lines that embed this step in another page.
    pub copy_embed: String,
    /// Said once the embed code is copied.
    pub embed_copied: String,
    /// Said when the clipboard refused.
    pub copy_failed: String,
    /// In an embed: the link to this step in the full explainer.
    pub open_full: String,
    /// The embed builder's heading, and its page's title.
    pub builder_title: String,
    /// Under the heading: what the builder is for.
    pub builder_intro: String,
    /// Label of the step picker.
    pub builder_step: String,
    /// Legend of the choice between the whole step and its figure.
    pub builder_show: String,
    /// The whole step: text and figure.
    pub builder_whole: String,
    /// The figure alone.
    pub builder_chart: String,
    /// Said when the chosen step has no figure to embed alone.
    pub builder_no_figure: String,
    /// Legend of the colour choice.
    pub builder_theme: String,
    /// The reader's own light or dark setting.
    pub theme_auto: String,
    /// Always light.
    pub theme_light: String,
    /// Always dark.
    pub theme_dark: String,
    /// Heading of the previews.
    pub builder_preview: String,
    /// Caption of the phone-width preview.
    pub builder_phone: String,
    /// Caption of the column-width preview.
    pub builder_column: String,
    /// Label of the code box.
    pub builder_code: String,
    /// Shown without JavaScript, where the builder cannot run.
    pub builder_noscript: String,
    /// In a step's share bar: the link to the builder, set to that step.
    pub embed_options: String,
    /// This edition's language, in its own words ("English", "العربية"):
    /// what the other editions' language switch says.
    pub language_name: String,
    /// An invitation to read the explainer in this edition, in its own
    /// language: what the other editions' covers say.
    pub read_in: String,
    /// Drawn before "Previous": an arrow pointing back in reading direction.
    pub previous_icon: String,
    /// Drawn after "Next": an arrow pointing on in reading direction.
    pub next_icon: String,
}

/// A point in the troop-level series.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TroopPoint {
    /// Fractional year, e.g. 2003.33 for 1 May 2003.
    pub year: f64,
    /// The date as a reader reads it.
    pub label: String,
    /// The point's URL slug. Derived from the label when the content is
    /// compiled (left out of the content file), so the app never needs the
    /// Unicode tables that [`slugify`] uses: about 7 KB of brotli wasm.
    #[serde(default)]
    pub slug: String,
    /// US troops in Iraq.
    pub us: f64,
    /// Non-US coalition troops, where sourced.
    #[serde(default)]
    pub coalition: Option<f64>,
    /// The source.
    pub source: SourceRef,
    /// A caveat, where the figure is approximate or disputed.
    #[serde(default)]
    pub note: Option<String>,
}

/// A dated marker on a time chart.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Marker {
    /// Fractional year.
    pub year: f64,
    /// A short label drawn on the chart.
    pub label: String,
    /// The source.
    pub source: SourceRef,
}

/// The troop-level dataset with its words.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
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
    /// What starts the note that names the event markers a narrow chart
    /// has no room to label.
    pub also_marked: String,
    /// The series, oldest first.
    pub points: Vec<TroopPoint>,
    /// Events drawn as markers.
    pub markers: Vec<Marker>,
}

/// A colour role from the design notes' palette: one per actor or theme,
/// the same in every chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Hue {
    /// The United States.
    Us,
    /// The Iraqi government, Kadhimi, the CTS.
    Iraq,
    /// Iran, the PMF and aligned militias.
    Iran,
    /// Coalition partners.
    Coalition,
    /// Parliament and political blocs.
    Blocs,
    /// Economy and oil.
    Economy,
    /// Everything else: quiet grey.
    Neutral,
}

impl Hue {
    /// The name the content files and the stylesheet use ("us", "iraq"…).
    pub fn slug(self) -> &'static str {
        match self {
            Hue::Us => "us",
            Hue::Iraq => "iraq",
            Hue::Iran => "iran",
            Hue::Coalition => "coalition",
            Hue::Blocs => "blocs",
            Hue::Economy => "economy",
            Hue::Neutral => "neutral",
        }
    }
}

/// A named category of items: a track, a series, a domain or a side.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// Stable slug, used in the URL when the group is filtered out.
    pub slug: String,
    /// What the reader sees.
    pub label: String,
    /// Its colour role.
    #[serde(default = "neutral")]
    pub hue: Hue,
    /// How a value in this group reads: `{value}` is the number, e.g.
    /// "{value}%" or "${value} a barrel".
    #[serde(default = "plain_unit")]
    pub unit: String,
    /// The largest value its scale shows (bars in a panel of meters).
    #[serde(default)]
    pub max: Option<f64>,
    /// Drawn with hollow markers and a dashed line, e.g. a different sample.
    #[serde(default)]
    pub hollow: bool,
}

fn neutral() -> Hue {
    Hue::Neutral
}

fn plain_unit() -> String {
    "{value}".to_owned()
}

/// One thing a reader can select on a chart: an event, a figure, a list
/// of seats, a pledge or an ask. Charts read the fields they need; the
/// content check makes sure each chart's items have them.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Stable slug, unique in its chart; used in the URL (`?select=`).
    pub slug: String,
    /// A short label, drawn on the chart.
    pub label: String,
    /// The slug of its group.
    pub group: String,
    /// Its own colour role, where it differs from its group's (Fatah, the
    /// PMF's list, among the other lists).
    #[serde(default)]
    pub hue: Option<Hue>,
    /// Where it sits in time, as a fractional year (2020.44 is 11 June 2020).
    #[serde(default)]
    pub x: Option<f64>,
    /// The date as a reader reads it.
    #[serde(default)]
    pub when: String,
    /// Its number, where it has one.
    #[serde(default)]
    pub value: Option<f64>,
    /// The low end of a disputed or approximate number.
    #[serde(default)]
    pub low: Option<f64>,
    /// The high end of a disputed or approximate number.
    #[serde(default)]
    pub high: Option<f64>,
    /// True when the number is worked out rather than reported.
    #[serde(default)]
    pub derived: bool,
    /// Which round of the dialogue, for pledges.
    #[serde(default)]
    pub round: Option<u8>,
    /// The slug of a side (see [`Dataset::sides`]), for pledges.
    #[serde(default)]
    pub side: Option<String>,
    /// The slug of a status (see [`Dataset::statuses`]), for pledges.
    #[serde(default)]
    pub status: Option<String>,
    /// One or two sentences: what it is, or why it matters.
    #[serde(default)]
    pub text: String,
    /// One or two more: what became of it, or what stands in its way.
    #[serde(default)]
    pub more: String,
    /// Its sources, at least one.
    pub sources: Vec<SourceRef>,
    /// A caveat, where the figure is approximate or disputed.
    #[serde(default)]
    pub note: String,
}

/// A reference line across a chart, e.g. the majority of 165 seats.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Where it is drawn, in the chart's units.
    pub value: f64,
    /// What it says.
    pub label: String,
    /// The source.
    pub source: SourceRef,
}

/// Column headings of a chart's data table and CSV. A column is shown when
/// it has a heading; the source and note columns always are.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Columns {
    /// The item's label (the row heading).
    pub label: String,
    /// Its date.
    #[serde(default)]
    pub when: String,
    /// Its group.
    #[serde(default)]
    pub group: String,
    /// Its round.
    #[serde(default)]
    pub round: String,
    /// Its side.
    #[serde(default)]
    pub side: String,
    /// Its number.
    #[serde(default)]
    pub value: String,
    /// Its status.
    #[serde(default)]
    pub status: String,
    /// Its text.
    #[serde(default)]
    pub text: String,
    /// Its further text.
    #[serde(default)]
    pub more: String,
}

/// A figure's data and words, as one file in `content/<lang>/data/`.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// Chart title.
    pub title: String,
    /// One-sentence text alternative.
    pub summary: String,
    /// How to read the chart, under the title.
    pub note: String,
    /// What the readout says for a selected item. Placeholders: `{label}`,
    /// `{when}`, `{value}`, `{group}`, `{side}`, `{status}`, `{round}`,
    /// `{text}`, `{more}`, `{note}`, `{source}` (the publishers).
    pub readout: String,
    /// True when the reader can show and hide groups.
    #[serde(default)]
    pub filter: bool,
    /// Heading of the group filter buttons.
    #[serde(default)]
    pub filter_label: String,
    /// Table and CSV columns.
    pub columns: Columns,
    /// Categories, in drawing order.
    pub groups: Vec<Group>,
    /// Sides, for pledges and asks.
    #[serde(default)]
    pub sides: Vec<Group>,
    /// Statuses, for pledges.
    #[serde(default)]
    pub statuses: Vec<Group>,
    /// Labels of the rounds, for pledges: the first is round one.
    #[serde(default)]
    pub rounds: Vec<String>,
    /// Reference lines.
    #[serde(default)]
    pub rules: Vec<Rule>,
    /// Stretches of time shown, as `[from, to]` fractional years; time
    /// between them is left out of the axis.
    #[serde(default)]
    pub eras: Vec<[f64; 2]>,
    /// The top of the value axis of a time chart.
    #[serde(default)]
    pub y_max: Option<f64>,
    /// Label of the value axis of a time chart.
    #[serde(default)]
    pub y_label: String,
    /// Labels for the time axis of a chart within one year, one per equal
    /// part of it (months); without them the axis labels whole years.
    #[serde(default)]
    pub x_labels: Vec<String>,
    /// The items, in reading order (the arrow keys follow it).
    pub items: Vec<Item>,
}

impl Dataset {
    /// The group with this slug.
    pub fn group(&self, slug: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.slug == slug)
    }

    /// The side with this slug.
    pub fn side(&self, slug: &str) -> Option<&Group> {
        self.sides.iter().find(|g| g.slug == slug)
    }

    /// The status with this slug.
    pub fn status(&self, slug: &str) -> Option<&Group> {
        self.statuses.iter().find(|g| g.slug == slug)
    }

    /// The index of the item with this slug.
    pub fn position(&self, slug: &str) -> Option<usize> {
        self.items.iter().position(|i| i.slug == slug)
    }
}

/// All chart datasets.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct Datasets {
    /// Figure 1: troops.
    pub troops: Troops,
    /// Figure 2: timeline.
    pub timeline: Dataset,
    /// Figure 3: opinion.
    pub opinion: Dataset,
    /// Figure 4: parliament.
    pub parliament: Dataset,
    /// Figure 5: commitments.
    pub commitments: Dataset,
    /// Figure 6: round-two agenda.
    pub agenda: Dataset,
    /// Figure 7: the oil squeeze.
    pub oil: Dataset,
}

impl Datasets {
    /// The generic dataset of a figure; `None` for the troop chart, which
    /// has its own shape.
    pub fn dataset(&self, kind: ChartKind) -> Option<&Dataset> {
        match kind {
            ChartKind::Troops => None,
            ChartKind::Timeline => Some(&self.timeline),
            ChartKind::Opinion => Some(&self.opinion),
            ChartKind::Parliament => Some(&self.parliament),
            ChartKind::Commitments => Some(&self.commitments),
            ChartKind::Agenda => Some(&self.agenda),
            ChartKind::Oil => Some(&self.oil),
        }
    }

    /// The generic dataset of a figure, to change it; the timeline's for
    /// the troop chart (which has its own shape), so this never fails.
    pub fn dataset_mut(&mut self, kind: ChartKind) -> &mut Dataset {
        match kind {
            ChartKind::Troops | ChartKind::Timeline => &mut self.timeline,
            ChartKind::Opinion => &mut self.opinion,
            ChartKind::Parliament => &mut self.parliament,
            ChartKind::Commitments => &mut self.commitments,
            ChartKind::Agenda => &mut self.agenda,
            ChartKind::Oil => &mut self.oil,
        }
    }
}

/// Sources file as an editor writes it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSources {
    /// Every source.
    pub source: Vec<Source>,
}

/// An edition's notes on the sources (`content/<lang>/source-notes.toml`),
/// in its own language, by source id: they replace the notes in
/// `sources.toml`, which are the default edition's.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSourceNotes {
    /// Each note, by the id of its source.
    pub note: std::collections::BTreeMap<String, String>,
}

/// Glossary file as an editor writes it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGlossary {
    /// Every entry.
    pub term: Vec<Term>,
}

/// The whole story in one language, as the app reads it.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
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

/// A stable, readable slug for a label: "October 2007" → "october-2007".
/// Letters and digits are kept (any script), everything else becomes a
/// single hyphen.
pub fn slugify(label: &str) -> String {
    let mut out = String::new();
    for c in label.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// `items` with `sep` between them, as `[..].join(sep)` gives. std's join
/// is a large function for each item type; this loop is a small one.
pub fn join<S: AsRef<str>>(items: impl IntoIterator<Item = S>, sep: &str) -> String {
    let mut out = String::new();
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(item.as_ref());
    }
    out
}

/// Fills `{name}` placeholders in a UI template.
///
/// Unknown placeholders are left as they are, so a translator's typo shows up
/// on the page instead of breaking it. Values go in as they are: a value
/// that happens to contain `{name}` is not filled again.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    // One pass over the template by its braces; `str::replace` would bring
    // the general substring searcher into the wasm.
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        let value = after.split_once('}').and_then(|(name, tail)| {
            let (_, value) = values.iter().find(|(n, _)| *n == name)?;
            Some((value, tail))
        });
        match value {
            Some((value, tail)) => {
                out.push_str(value);
                rest = tail;
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}
