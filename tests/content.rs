//! Content checks: the real content is valid and embedded as is, and the
//! checks catch each kind of breakage in a copy of it.

use std::path::{Path, PathBuf};

use explainer::story::compile::{load, problems, ContentPaths};
use explainer::story::{story, story_in, Inline, Story};

fn content_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("content")
}

fn load_en(root: &Path) -> Result<Story, String> {
    load(&ContentPaths::new(root, "en"))
}

#[test]
fn the_content_is_valid() {
    let story = load_en(&content_root()).expect("content parses");
    let problems = problems(&ContentPaths::new(&content_root(), "en"), &story);
    assert!(
        problems.is_empty(),
        "content problems:\n{}",
        problems.join("\n")
    );
}

/// The Arabic edition (content/ar/), not yet built into pages: the same
/// checks as the English one.
#[test]
fn the_arabic_content_is_valid() {
    let paths = ContentPaths::new(&content_root(), "ar");
    let story = load(&paths).expect("the Arabic content parses");
    let problems = problems(&paths, &story);
    assert!(
        problems.is_empty(),
        "Arabic content problems:\n{}",
        problems.join("\n")
    );
    assert_eq!(
        (story.meta.lang.as_str(), story.meta.dir.as_str()),
        ("ar", "rtl")
    );
}

/// Everything in one edition that a reader, a link or a chart state can
/// name, and every number: the same in both editions. Only words differ.
#[test]
fn both_editions_tell_the_same_story() {
    use explainer::charts::items::slugs;
    use explainer::story::ChartKind;
    let en = load_en(&content_root()).expect("English parses");
    let ar = load(&ContentPaths::new(&content_root(), "ar")).expect("Arabic parses");
    let steps = |s: &Story| -> Vec<(String, String, Option<explainer::story::Figure>)> {
        s.chapters
            .iter()
            .flat_map(|c| {
                c.steps
                    .iter()
                    .map(move |st| (c.slug.clone(), st.slug.clone(), st.figure.clone()))
            })
            .collect()
    };
    assert_eq!(steps(&en), steps(&ar), "chapters, steps and figures");
    let appendices = |s: &Story| {
        s.chapters
            .iter()
            .map(|c| (c.appendix, c.after_article))
            .collect::<Vec<_>>()
    };
    assert_eq!(appendices(&en), appendices(&ar));
    let terms = |s: &Story| s.glossary.iter().map(|t| t.id.clone()).collect::<Vec<_>>();
    assert_eq!(terms(&en), terms(&ar), "glossary entries");
    // One list of sources; only our notes on them are in each edition's
    // language.
    let unnoted = |s: &Story| {
        let mut sources = s.sources.clone();
        sources.iter_mut().for_each(|s| s.note.clear());
        sources
    };
    assert_eq!(unnoted(&en), unnoted(&ar), "one list of sources");
    for (e, a) in en.sources.iter().zip(&ar.sources) {
        assert_eq!(e.note.is_empty(), a.note.is_empty(), "{}", e.id);
        if !e.note.is_empty() {
            assert_ne!(e.note, a.note, "{}: the note is not in Arabic", e.id);
        }
    }
    for kind in ChartKind::ALL {
        assert_eq!(slugs(&en, kind), slugs(&ar, kind), "{kind:?} items");
    }
    // Each step cites the same sources and terms, with the same quotes.
    let refs = |s: &Story| -> Vec<Vec<String>> {
        s.chapters
            .iter()
            .flat_map(|c| &c.steps)
            .map(|st| {
                let mut found: Vec<String> = st
                    .body
                    .iter()
                    .flatten()
                    .filter_map(|i| match i {
                        Inline::Cite { source, .. } => Some(format!("{source:?}")),
                        Inline::Term { term, .. } => Some(format!("term {term}")),
                        _ => None,
                    })
                    .collect();
                found.sort();
                found
            })
            .collect()
    };
    assert_eq!(refs(&en), refs(&ar), "citations and terms, step by step");
    let numbers = |s: &Story| {
        s.data
            .troops
            .points
            .iter()
            .map(|p| (p.year, p.us, p.coalition, p.source.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(numbers(&en), numbers(&ar), "troop numbers");
}

#[test]
fn the_app_embeds_exactly_the_content_files() {
    let from_files = load_en(&content_root()).expect("content parses");
    assert_eq!(story().expect("embedded story decodes"), &from_files);
    let arabic = load(&ContentPaths::new(&content_root(), "ar")).expect("Arabic parses");
    assert_eq!(
        story_in("ar").expect("embedded Arabic story decodes"),
        &arabic
    );
    assert_eq!(story_in("en"), story());
    assert!(story_in("fr").is_err());
}

#[test]
fn the_story_has_the_chapters_a_reader_expects() {
    let story = story().unwrap();
    let slugs: Vec<&str> = story.chapters.iter().map(|c| c.slug.as_str()).collect();
    for expected in [
        "context",
        "round-one",
        "round-two",
        "open-issues",
        "what-happened-next",
        "sources",
    ] {
        assert!(
            slugs.contains(&expected),
            "missing chapter {expected}: {slugs:?}"
        );
    }
    let later = story
        .chapters
        .iter()
        .find(|c| c.slug == "what-happened-next")
        .unwrap();
    assert!(
        later.after_article,
        "the epilogue must be marked as after the article"
    );
}

#[test]
fn every_citation_points_at_a_listed_source() {
    let story = story().unwrap();
    let mut cites = 0;
    for step in story.chapters.iter().flat_map(|c| &c.steps) {
        for inline in step.body.iter().flatten() {
            if let Inline::Cite { source, .. } = inline {
                cites += 1;
                assert!(
                    story.sources.iter().any(|s| s.id == source.id),
                    "{source:?}"
                );
            }
        }
    }
    assert!(
        cites >= 30,
        "only {cites} citations: the story should cite as it goes"
    );
}

/// Copies the content tree into a fresh temporary folder.
fn scratch_copy(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("explainer-content-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&content_root(), &dir);
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Applies `edit` to one file of a scratch copy and returns the problems found
/// (a load error counts as one problem).
fn problems_after(name: &str, file: &str, edit: impl Fn(String) -> String) -> Vec<String> {
    let root = scratch_copy(name);
    let path = root.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = edit(text.clone());
    assert_ne!(edited, text, "the edit for {name} changed nothing");
    std::fs::write(&path, edited).unwrap();
    let result = match load_en(&root) {
        Ok(story) => problems(&ContentPaths::new(&root, "en"), &story),
        Err(e) => vec![e],
    };
    let _ = std::fs::remove_dir_all(&root);
    result
}

fn assert_found(problems: &[String], needle: &str) {
    assert!(
        problems.iter().any(|p| p.contains(needle)),
        "expected a problem mentioning {needle:?}, got {problems:?}"
    );
}

#[test]
fn an_unknown_source_is_caught() {
    let p = problems_after("unknown-source", "en/chapters/02-round-one.toml", |t| {
        t.replacen("(src:republicworld-2020-joint)", "(src:no-such-source)", 1)
    });
    assert_found(&p, "unknown source \"no-such-source\"");
}

#[test]
fn an_unused_source_is_caught() {
    let p = problems_after("unused-source", "sources.toml", |t| {
        t + "\n[[source]]\nid = \"never-cited\"\ntitle = \"T\"\npublisher = \"P\"\n"
    });
    assert_found(&p, "\"never-cited\" is never cited");
}

#[test]
fn a_duplicate_step_slug_is_caught() {
    let p = problems_after("duplicate-slug", "en/chapters/02-round-one.toml", |t| {
        t.replacen(
            "slug = \"no-permanent-bases\"",
            "slug = \"security-markers\"",
            1,
        )
    });
    assert_found(&p, "used twice");
}

#[test]
fn an_unsafe_slug_is_caught() {
    let p = problems_after("unsafe-slug", "en/chapters/01-context.toml", |t| {
        t.replacen("slug = \"protests\"", "slug = \"Protests <b>\"", 1)
    });
    assert_found(&p, "the slug must be");
}

#[test]
fn an_empty_text_is_caught() {
    let p = problems_after("empty-title", "en/chapters/04-open-issues.toml", |t| {
        t.replacen("title = \"A fluid moment\"", "title = \"  \"", 1)
    });
    assert_found(&p, "empty title");
}

#[test]
fn an_unknown_figure_is_caught() {
    let p = problems_after("unknown-figure", "en/chapters/01-context.toml", |t| {
        t.replacen("chart = \"troops\"", "chart = \"tropps\"", 1)
    });
    assert_found(&p, "tropps");
}

#[test]
fn an_unknown_glossary_term_is_caught() {
    let p = problems_after("unknown-term", "en/chapters/02-round-one.toml", |t| {
        t.replacen("(term:krg)", "(term:nope)", 1)
    });
    assert_found(&p, "unknown glossary term \"nope\"");
}

#[test]
fn a_link_typo_is_caught() {
    let p = problems_after("link-typo", "en/chapters/02-round-one.toml", |t| {
        t.replacen(
            "(src:kurdistan24-2020-joint)",
            "(sorce:kurdistan24-2020-joint)",
            1,
        )
    });
    assert_found(&p, "unknown link kind");
}

#[test]
fn a_javascript_link_in_a_source_is_caught() {
    let p = problems_after("js-link", "sources.toml", |t| {
        t.replacen(
            "url = \"https://arabcenterdc.org/resource/",
            "url = \"javascript:alert(1)//",
            1,
        )
    });
    assert_found(&p, "must start with https://");
}

#[test]
fn a_source_with_neither_a_link_nor_a_note_is_caught() {
    let p = problems_after("no-link", "sources.toml", |t| {
        t.replacen(
            "url = \"https://arabcenterdc.org/resource/",
            "# url = \"https://arabcenterdc.org/resource/",
            1,
        )
    });
    assert_found(&p, "source \"acw-dunne-2020\": no url");
}

#[test]
fn an_edition_missing_a_note_on_a_source_or_noting_an_unknown_one_is_caught() {
    for (name, edit) in [
        ("notes-missing", "crs-r44073 = "),
        ("notes-unknown", "no-such-source = "),
    ] {
        let root = scratch_copy(name);
        let file = root.join("ar").join(explainer::story::compile::NOTES_FILE);
        let text = std::fs::read_to_string(&file).unwrap();
        let edited = if name == "notes-missing" {
            text.lines()
                .filter(|l| !l.starts_with(edit))
                .collect::<Vec<_>>()
                .join("\n")
        } else {
            format!("{text}{edit}\"?\"\n")
        };
        assert_ne!(edited, text);
        std::fs::write(&file, edited).unwrap();
        let err = load(&ContentPaths::new(&root, "ar")).expect_err(name);
        let _ = std::fs::remove_dir_all(&root);
        let needle = if name == "notes-missing" {
            "no note for source \"crs-r44073\""
        } else {
            "a note for \"no-such-source\""
        };
        assert!(err.contains(needle), "{name}: {err}");
    }
}

#[test]
fn every_source_links_to_the_copy_we_read_or_says_why_not() {
    let story = story().unwrap();
    for s in &story.sources {
        let url = s.url.as_deref().unwrap_or("").trim();
        assert!(
            url.starts_with("https://") || url.starts_with("http://") || !s.note.trim().is_empty(),
            "{}: neither a link nor a note",
            s.id
        );
    }
}

#[test]
fn a_straight_quote_in_the_text_is_caught() {
    let p = problems_after("straight-quote", "en/glossary.toml", |t| {
        t.replacen("Iraq’s", "Iraq's", 1)
    });
    assert_eq!(p.len(), 1, "{p:?}");
    assert_found(&p, "glossary.toml.term[");
    assert_found(&p, "a straight quote");
}

#[test]
fn troop_points_out_of_order_are_caught() {
    let p = problems_after("order", "en/data/troops.toml", |t| {
        t.replacen("year = 2005.08", "year = 2001.0", 1)
    });
    assert_found(&p, "date order");
}

#[test]
fn troop_points_whose_links_would_clash_are_caught() {
    // Slugs come from the labels at build time; two equal labels would make
    // two points share one address (?troops=may-2003).
    let p = problems_after("troop-slugs", "en/data/troops.toml", |t| {
        t.replacen("label = \"May 2003\"", "label = \"January 2005\"", 1)
    });
    assert_found(&p, "two points share the slug \"january-2005\"");
}

#[test]
fn a_highlight_of_an_item_the_chart_lacks_is_caught() {
    let p = problems_after("bad-highlight", "en/chapters/03-round-two.toml", |t| {
        t.replacen("highlight = [\"fatah\"", "highlight = [\"fatha\"", 1)
    });
    assert_found(&p, "no item \"fatha\" to highlight");
}

#[test]
fn seats_that_do_not_add_up_to_the_chamber_are_caught() {
    let p = problems_after("bad-seats", "en/data/parliament.toml", |t| {
        t.replacen("value = 54", "value = 55", 1)
    });
    assert_found(&p, "the seats add up to 330");
}

#[test]
fn an_event_outside_the_timelines_eras_is_caught() {
    let p = problems_after("bad-event", "en/data/timeline.toml", |t| {
        t.replacen("x = 2008.878", "x = 2012.5", 1)
    });
    assert_found(&p, "inside one of its eras");
}

#[test]
fn a_pledge_with_an_unknown_status_is_caught() {
    let p = problems_after("bad-status", "en/data/commitments.toml", |t| {
        t.replacen("status = \"partly\"", "status = \"maybe\"", 1)
    });
    assert_found(&p, "a known status");
}

#[test]
fn a_data_item_citing_an_unknown_source_is_caught() {
    let p = problems_after("bad-item-source", "en/data/oil.toml", |t| {
        t.replacen(
            "sources = [\"worldbank-iem-2020\"]",
            "sources = [\"world-bank\"]",
            1,
        )
    });
    assert_found(&p, "oil item \"oil-share\": unknown source \"world-bank\"");
}

#[test]
fn a_citation_of_the_article_without_a_pinpoint_is_caught() {
    let p = problems_after("no-pinpoint", "en/chapters/03-round-two.toml", |t| {
        let at = t
            .find("(src:acw-dunne-2020#")
            .expect("a pinpointed citation");
        let end = at + t[at..].find(')').unwrap();
        format!("{}(src:acw-dunne-2020){}", &t[..at], &t[end + 1..])
    });
    assert_found(&p, "a citation of the article needs a pinpoint");
}

#[test]
fn a_quote_longer_than_25_words_is_caught() {
    let long = "word ".repeat(26);
    let p = problems_after("long-quote", "en/data/agenda.toml", |t| {
        t.replacen(
            "acw-dunne-2020#p12 \"",
            &format!("acw-dunne-2020#p12 \"{long}"),
            1,
        )
    });
    assert_found(&p, "at most 25");
}

/// The article's plain text, beside this repository; `None` (and a note
/// saying why) where it is not there. CI always has it.
fn article_text() -> Option<String> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/000_15bc70ca1f76c9d5.txt");
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) => {
            eprintln!(
                "SKIPPED: the article's text is not at {} ({e}), so its quotes cannot be checked here",
                path.display()
            );
            None
        }
    }
}

#[test]
fn every_quote_from_the_article_is_in_the_paragraph_it_names() {
    let Some(text) = article_text() else { return };
    let paragraphs = explainer::story::article::paragraphs(&text);
    assert_eq!(paragraphs.len(), 24, "the article has 24 body paragraphs");
    // The sixth line is a pull quote of a sentence in the middle of the
    // seventh; the fifth paragraph is the one after the joint statement's.
    assert!(paragraphs[5].starts_with("For its part, Iraq made an effort"));
    assert!(paragraphs[12].starts_with("The United States and Iraq must also focus"));
    let story = load_en(&content_root()).unwrap();
    let quoted = explainer::story::article::citations(&story)
        .iter()
        .filter(|(_, c)| c.id == "acw-dunne-2020" && c.quote.is_some())
        .count();
    assert!(quoted >= 40, "only {quoted} quotes from the article");
    let wrong = explainer::story::article::misquotes(&story, "acw-dunne-2020", &text);
    assert!(wrong.is_empty(), "misquoted:\n{}", wrong.join("\n"));
}

#[test]
fn a_misquote_or_a_wrong_paragraph_is_caught() {
    let Some(text) = article_text() else { return };
    let root = scratch_copy("misquote");
    let path = root.join("en/chapters/03-round-two.toml");
    let chapter = std::fs::read_to_string(&path).unwrap();
    // One word changed in a real quote, and a real quote moved one
    // paragraph on: both are caught, and nothing else.
    let misquoted = chapter.replacen(
        "must also focus on continued reform",
        "must also focus on sustained reform",
        1,
    );
    assert_ne!(misquoted, chapter, "the quote to change is gone");
    let moved = misquoted.replacen("#p12 \"", "#p13 \"", 1);
    assert_ne!(moved, misquoted, "no citation of paragraph 12 to move");
    std::fs::write(&path, moved).unwrap();
    let story = load_en(&root).unwrap();
    let _ = std::fs::remove_dir_all(&root);
    let wrong = explainer::story::article::misquotes(&story, "acw-dunne-2020", &text);
    assert_eq!(wrong.len(), 2, "{wrong:#?}");
    assert!(
        wrong.iter().any(|w| w.contains("sustained reform")),
        "{wrong:#?}"
    );
}
