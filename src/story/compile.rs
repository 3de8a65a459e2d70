//! Reads the content files of one language into a [`Story`].
//!
//! Used at build time by `build.rs` (which embeds the result in the app) and
//! natively by the content tests and the prerenderer, so all three see the
//! same story. Errors name the file and say what is wrong in plain words.

use std::path::{Path, PathBuf};

use super::markup::parse_paragraphs;
use super::model::{
    Chapter, ChartKind, Dataset, Datasets, Meta, RawChapter, RawGlossary, RawMeta, RawSourceNotes,
    RawSources, Source, Step, Story, Troops, Ui,
};

/// The files a story is read from, relative to the content root.
pub struct ContentPaths {
    /// `content/<lang>/`: meta.toml, ui.toml, glossary.toml, chapters/*.toml.
    pub lang_dir: PathBuf,
    /// `content/`: sources.toml and data/*.toml, shared by every language.
    pub shared_dir: PathBuf,
}

impl ContentPaths {
    /// The paths for `lang` under the content root.
    pub fn new(root: &Path, lang: &str) -> Self {
        ContentPaths {
            lang_dir: root.join(lang),
            shared_dir: root.to_path_buf(),
        }
    }

    /// Every file the story reads, so a build script can watch them.
    pub fn files(&self) -> Result<Vec<PathBuf>, String> {
        let mut files = vec![
            self.lang_dir.join("meta.toml"),
            self.lang_dir.join("ui.toml"),
            self.lang_dir.join("glossary.toml"),
            self.shared_dir.join("sources.toml"),
        ];
        files.extend(ChartKind::ALL.iter().map(|k| {
            self.lang_dir
                .join("data")
                .join(format!("{}.toml", k.slug()))
        }));
        files.extend(self.chapter_files()?);
        let notes = self.lang_dir.join(NOTES_FILE);
        if notes.exists() {
            files.push(notes);
        }
        Ok(files)
    }

    /// Chapter files, in reading order: their names sort into it (01-…, 02-…).
    fn chapter_files(&self) -> Result<Vec<PathBuf>, String> {
        let dir = self.lang_dir.join("chapters");
        let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        files.sort();
        Ok(files)
    }
}

fn read<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Reads and parses every content file of one language.
pub fn load(paths: &ContentPaths) -> Result<Story, String> {
    let raw_meta: RawMeta = read(&paths.lang_dir.join("meta.toml"))?;
    let ui: Ui = read(&paths.lang_dir.join("ui.toml"))?;
    let glossary: RawGlossary = read(&paths.lang_dir.join("glossary.toml"))?;
    let mut sources: RawSources = read(&paths.shared_dir.join("sources.toml"))?;
    let notes_file = paths.lang_dir.join(NOTES_FILE);
    if notes_file.exists() {
        let notes: RawSourceNotes = read(&notes_file)?;
        translate_notes(&mut sources.source, notes)
            .map_err(|e| format!("{}: {e}", notes_file.display()))?;
    }
    let data_dir = paths.lang_dir.join("data");
    let dataset = |kind: ChartKind| -> Result<Dataset, String> {
        read(&data_dir.join(format!("{}.toml", kind.slug())))
    };
    let mut troops = read::<Troops>(&data_dir.join("troops.toml"))?;
    for point in troops.points.iter_mut().filter(|p| p.slug.is_empty()) {
        point.slug = super::model::slugify(&point.label);
    }
    let data = Datasets {
        troops,
        timeline: dataset(ChartKind::Timeline)?,
        opinion: dataset(ChartKind::Opinion)?,
        parliament: dataset(ChartKind::Parliament)?,
        commitments: dataset(ChartKind::Commitments)?,
        agenda: dataset(ChartKind::Agenda)?,
        oil: dataset(ChartKind::Oil)?,
    };
    let mut chapters = Vec::new();
    for file in paths.chapter_files()? {
        let raw: RawChapter = read(&file)?;
        chapters.push(compile_chapter(raw).map_err(|e| format!("{}: {e}", file.display()))?);
    }
    let summary =
        parse_paragraphs(&raw_meta.summary).map_err(|e| format!("meta.toml summary: {e}"))?;
    Ok(Story {
        meta: Meta {
            lang: raw_meta.lang,
            dir: raw_meta.dir,
            title: raw_meta.title,
            subtitle: raw_meta.subtitle,
            summary,
            article: raw_meta.article,
        },
        ui,
        chapters,
        sources: sources.source,
        glossary: glossary.term,
        data,
    })
}

/// An edition's notes on the sources, beside its other files; only an
/// edition other than the one `sources.toml` is written for has one.
pub const NOTES_FILE: &str = "source-notes.toml";

/// Gives `sources` an edition's own notes: one for every source that has a
/// note, none for a source that has not, and none for an unknown id.
fn translate_notes(sources: &mut [Source], notes: RawSourceNotes) -> Result<(), String> {
    let mut notes = notes.note;
    for s in sources.iter_mut().filter(|s| !s.note.is_empty()) {
        s.note = notes
            .remove(&s.id)
            .ok_or_else(|| format!("no note for source {:?}, which has one", s.id))?;
    }
    match notes.keys().next() {
        Some(id) => Err(format!(
            "a note for {id:?}, which is no source or has no note in sources.toml"
        )),
        None => Ok(()),
    }
}

/// Turns an editor's chapter into the app's, parsing the running text.
pub fn compile_chapter(raw: RawChapter) -> Result<Chapter, String> {
    let mut steps = Vec::with_capacity(raw.steps.len());
    for step in raw.steps {
        let body =
            parse_paragraphs(&step.text).map_err(|e| format!("step {:?}: {e}", step.slug))?;
        steps.push(Step {
            slug: step.slug,
            title: step.title,
            body,
            figure: step.figure,
        });
    }
    Ok(Chapter {
        slug: raw.slug,
        title: raw.title,
        short_title: raw.short_title,
        after_article: raw.after_article,
        appendix: raw.appendix,
        steps,
    })
}

/// Everything the build refuses in one language's content: the story's
/// own checks (`validate`) and the files' straight quotes.
pub fn problems(paths: &ContentPaths, story: &Story) -> Vec<String> {
    let mut out = super::validate::validate(story);
    match straight_quotes(paths) {
        Ok(found) => out.extend(found),
        Err(e) => out.push(e),
    }
    out
}

/// Keys whose values are not our prose: ids, addresses, and citations,
/// whose quotes are the sources' own words, kept as the source prints them
/// so that a link's text fragment finds them on its page.
const NOT_PROSE: &[&str] = &["id", "slug", "url", "source", "sources", "figure", "hue"];

/// Every straight quote or apostrophe (`'`, `"`) in the reader's text of
/// the content files: the story prints curly ones (’ ‘ “ ”). Markup's link
/// targets (`](src:id "quote")`) are left out, as are the keys in
/// [`NOT_PROSE`].
pub fn straight_quotes(paths: &ContentPaths) -> Result<Vec<String>, String> {
    fn walk(value: &toml::Value, key: &str, at: &str, out: &mut Vec<String>) {
        match value {
            toml::Value::String(s) if !NOT_PROSE.contains(&key) => {
                let prose = without_link_targets(s);
                if let Some(i) = prose.find(['\'', '"']) {
                    let start = prose[..i]
                        .char_indices()
                        .rev()
                        .nth(20)
                        .map_or(0, |(j, _)| j);
                    let context: String = prose[start..].chars().take(40).collect();
                    out.push(format!(
                        "{at}: a straight quote in {context:?}: use ’ ‘ “ ”"
                    ));
                }
            }
            toml::Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, key, &format!("{at}[{i}]"), out);
                }
            }
            toml::Value::Table(table) => {
                for (k, v) in table {
                    walk(v, k, &format!("{at}.{k}"), out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for path in paths.files()? {
        let value: toml::Value = read(&path)?;
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        walk(&value, "", &name, &mut out);
    }
    Ok(out)
}

/// `text` without the targets of its markup links: `[words](target)`
/// keeps `[words]`.
fn without_link_targets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("](") {
        out.push_str(&rest[..=i]);
        rest = &rest[i + 2..];
        // A quote in the target may hold a closing bracket: skip to the
        // bracket that ends the target.
        let mut quoted = false;
        let end = rest
            .char_indices()
            .find(|&(_, c)| {
                if c == '"' {
                    quoted = !quoted;
                }
                c == ')' && !quoted
            })
            .map_or(rest.len(), |(j, _)| j + 1);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}
