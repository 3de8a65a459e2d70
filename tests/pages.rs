//! Pages rendered natively (Leptos ssr), as the prerenderer writes them: the
//! reader gets the real text, the right title, and a friendly not-found page.

use explainer::site::app::{page_title, App};
use explainer::state::{BasePath, Route};
use explainer::story::{story, Story};
use leptos::prelude::*;

fn render(path: &str, base: &str) -> String {
    let story: &'static Story = story().unwrap();
    let route = Route::parse(story, path);
    let owner = Owner::new();
    owner.with(|| {
        let base = BasePath(base.to_owned());
        let path = path.to_owned();
        view! { <App story route path base/> }.to_html()
    })
}

#[test]
fn every_step_with_a_figure_prerenders_its_summary_and_table() {
    use explainer::charts::items::{slugs, words};
    use explainer::story::html::escape;
    let story = story().unwrap();
    for (ci, c) in story.chapters.iter().enumerate() {
        for (si, s) in c.steps.iter().enumerate() {
            let Some(figure) = &s.figure else { continue };
            let path = Route::Step {
                chapter: ci,
                step: si,
            }
            .path(story);
            let html = render(&path, "");
            let (title, summary, _) = words(story, figure.chart);
            // Leptos leaves apostrophes alone where our writer escapes them.
            let has = |text: &str| html.contains(text) || html.contains(&escape(text));
            assert!(has(summary), "{path}: chart summary missing");
            assert!(has(title), "{path}: chart title missing");
            assert!(
                html.contains(&format!("data-chart=\"{}\"", figure.chart.slug())),
                "{path}: wrong figure"
            );
            let rows = html.matches("<tr>").count();
            assert_eq!(
                rows,
                slugs(story, figure.chart).len() + 1,
                "{path}: table rows"
            );
        }
    }
}

#[test]
fn a_step_page_has_its_chapter_step_and_figure() {
    let story = story().unwrap();
    let (ci, c) = story
        .chapters
        .iter()
        .enumerate()
        .find(|(_, c)| c.slug == "round-one")
        .unwrap();
    let (si, s) = c
        .steps
        .iter()
        .enumerate()
        .find(|(_, s)| s.figure.is_some() && !s.slug.is_empty())
        .unwrap();
    let path = Route::Step {
        chapter: ci,
        step: si,
    }
    .path(story);
    let html = render(&path, "");
    assert!(html.contains(&c.title), "chapter title missing");
    assert!(html.contains(&s.title), "step title missing");
    assert!(html.contains("<canvas"), "figure canvas missing");
    assert!(html.contains("<table"), "data table missing");
    assert!(
        html.contains(r#"<a class="cite" href="/sources/#src-"#),
        "citations must link to their sources"
    );
}

#[test]
fn the_cover_has_the_title_summary_and_every_chapter() {
    let story = story().unwrap();
    let html = render("/", "");
    assert!(html.contains(&story.meta.title));
    for c in &story.chapters {
        assert!(
            html.contains(&format!("href=\"/{}/\"", c.slug)),
            "no link to {}",
            c.slug
        );
    }
}

#[test]
fn an_unknown_page_is_friendly_and_links_every_chapter() {
    let story = story().unwrap();
    let html = render("/no/such/page/", "");
    assert!(html.contains(&story.ui.not_found_title));
    assert!(html.contains("/no/such/page/"));
    for c in &story.chapters {
        assert!(
            html.contains(&format!("href=\"/{}/\"", c.slug)),
            "no link to {}",
            c.slug
        );
    }
}

#[test]
fn hostile_paths_are_shown_as_text_not_markup() {
    let html = render("/<script>alert(1)</script>/", "");
    assert!(
        !html.contains("<script>alert(1)"),
        "the path must be escaped"
    );
}

#[test]
fn links_carry_the_base_path() {
    let story = story().unwrap();
    let html = render("/round-one/", "/iraq");
    assert!(html.contains(&story.chapters[1].title));
    assert!(
        html.contains("href=\"/iraq/round-one/"),
        "links must start with the base path"
    );
    assert!(
        !html.contains("href=\"/round-one/"),
        "no link may skip the base path"
    );
}

#[test]
fn titles_name_the_step_and_the_site() {
    let story = story().unwrap();
    let t = page_title(
        story,
        Route::Step {
            chapter: 1,
            step: 1,
        },
    );
    assert!(t.contains(&story.chapters[1].steps[1].title) && t.ends_with(&story.meta.title));
    assert_eq!(page_title(story, Route::Cover), story.meta.title);
    assert!(page_title(story, Route::NotFound).contains(&story.ui.not_found_title));
}

#[test]
fn descriptions_are_the_pages_own_words_cut_at_a_word() {
    use explainer::site::app::page_description;
    let story = story().unwrap();
    let step = page_description(
        story,
        Route::Step {
            chapter: 1,
            step: 3,
        },
    );
    assert!(step.chars().count() <= 160, "{step}");
    assert!(
        !step.contains('[') && !step.contains("src:"),
        "markup leaked: {step}"
    );
    let first_words: String =
        explainer::story::html::plain_text(&story.chapters[1].steps[3].body, 40);
    assert!(
        step.starts_with(first_words.trim_end_matches('…')),
        "{step}"
    );
    let cover = page_description(story, Route::Cover);
    assert!(!cover.is_empty() && cover.chars().count() <= 160);
    let short = explainer::story::html::plain_text(&story.meta.summary, 20);
    assert!(
        short.ends_with('…') && short.chars().count() <= 20,
        "{short}"
    );
}

#[test]
fn the_whole_story_shows_its_first_figure_drawn_until_its_wasm_runs() {
    let html = render("/all/", "");
    let canvas = html
        .split("<canvas")
        .nth(1)
        .and_then(|c| c.split('>').next())
        .unwrap_or_default();
    // Light and dark, each an SVG in the page.
    for property in [
        "--still:url('data:image/svg+xml,",
        ";--still-dark:url('data:image/svg+xml,",
    ] {
        assert!(
            canvas.contains(property),
            "{property} not on the canvas: {}",
            &canvas[..canvas.len().min(200)]
        );
    }
    assert!(canvas.contains("%3Csvg ") && canvas.matches("%3C/svg%3E").count() == 2);
    // The drawing is the first figure's, as the chart draws it.
    let story = explainer::story::story().unwrap();
    let first = story
        .chapters
        .iter()
        .flat_map(|c| &c.steps)
        .find_map(|s| s.figure.as_ref())
        .unwrap();
    let still = explainer::site::still::svg(story, first, false).unwrap();
    assert!(still.contains("<text"), "no label drawn");
    let url = explainer::site::still::css_url(&still);
    assert!(
        canvas.contains(&url),
        "the picture is not the first figure's"
    );
}

#[test]
fn the_list_of_sources_links_each_one_or_says_why_it_cannot() {
    let story = story().unwrap();
    let html = render("/sources/", "/");
    let list = html
        .split(r#"<ol class="source-list">"#)
        .nth(1)
        .and_then(|rest| rest.split("</ol>").next())
        .expect("the sources page lists its sources");
    let items: Vec<&str> = list.split("<li ").skip(1).collect();
    assert_eq!(items.len(), story.sources.len(), "one entry per source");
    for item in items {
        assert!(
            item.contains(r#"<a href="http"#) || item.contains(r#"<span class="source-note">"#),
            "a source with neither a link nor a note: {item}"
        );
    }
}

#[test]
fn reference_pages_are_laid_out_as_lists_not_steps() {
    for path in ["/glossary/", "/sources/"] {
        let html = render(path, "/");
        let classes = html
            .split(r#"<article"#)
            .nth(1)
            .and_then(|tag| tag.split(r#"class=""#).nth(1))
            .and_then(|rest| rest.split('"').next())
            .unwrap_or_default();
        assert!(
            classes.split_whitespace().any(|c| c == "reference"),
            "{path}: marked as a reference page ({classes})"
        );
        assert!(
            !html.contains(r#"class="share""#),
            "{path}: nothing to share or embed"
        );
        let list = html.find(r#"class="appendix""#).expect("its list");
        let pager = html.find(r##"class="pager""##).expect("its pager");
        assert!(list < pager, "{path}: the list comes before the way on");
    }
    // The glossary is one page: no step dots.
    assert!(!render("/glossary/", "/").contains(r#"class="step-list""#));
    // A story step keeps its dots and its share bar.
    let step = render("/round-two/benchmarks/", "/");
    assert!(step.contains(r#"class="step-list""#) && step.contains(r#"class="share""#));
    // Its dots say what they are: captioned, and each "Step n of N: title"
    // to a pointer (the tooltip) and a screen reader (the link's text).
    let story = story().unwrap();
    let chapter = story
        .chapters
        .iter()
        .find(|c| c.slug == "round-two")
        .unwrap();
    let caption = step
        .find(r#"class="steps-caption""#)
        .expect("the dots' caption");
    assert!(step[caption..].contains(&format!(">{}<", story.ui.steps)));
    for (i, s) in chapter.steps.iter().enumerate() {
        let n = (i + 1).to_string();
        let total = chapter.steps.len().to_string();
        let name = format!(
            "{}{}{}",
            explainer::story::fill(&story.ui.step_of, &[("n", &n), ("total", &total)]),
            story.ui.term_separator,
            s.title
        );
        let name = explainer::story::html::escape(&name);
        assert!(
            step.contains(&format!(r#"title="{name}""#)),
            "tooltip {name}"
        );
        assert!(
            step.contains(&format!(r#"<span class="visually-hidden">{name}</span>"#)),
            "link text {name}"
        );
    }
}

#[test]
fn the_embed_builder_offers_every_step_in_the_order_its_island_knows_them() {
    use explainer::islands::builder::BuilderProps;
    use explainer::islands::props_from_text;
    let html = render("/embed/", "/sub");
    let story = explainer::story::story().unwrap();
    let props = html
        .split("data-component=\"builder\" data-props=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .map(|text| {
            let unescape = [
                ("&quot;", "\""),
                ("&lt;", "<"),
                ("&gt;", ">"),
                ("&#x27;", "'"),
                ("&amp;", "&"),
            ];
            unescape
                .iter()
                .fold(text.to_owned(), |t, (from, to)| t.replace(from, to))
        })
        .and_then(|text| props_from_text::<BuilderProps>(&text))
        .expect("the builder island with readable props");
    // The picker's values index the island's steps: both in reading order.
    let values: Vec<String> = html
        .split("<option value=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next().map(str::to_owned))
        .collect();
    let expected: Vec<String> = (0..props.steps.len()).map(|i| i.to_string()).collect();
    assert_eq!(values, expected);
    let titles: Vec<&str> = story
        .chapters
        .iter()
        .flat_map(|c| &c.steps)
        .map(|s| s.title.as_str())
        .collect();
    for (step, title) in props.steps.iter().zip(&titles) {
        assert!(step.title.starts_with(title), "{} / {title}", step.title);
    }
    assert_eq!(props.steps.len(), titles.len());
    // Every control has a name a screen reader reads: a label or a legend.
    assert!(html.contains(r#"<label for="builder-step">"#));
    assert_eq!(html.matches("<legend>").count(), 2);
    assert_eq!(html.matches(r#"type="radio""#).count(), 5);
    // Before the island runs, the code is the first step's, whole.
    let first = story.chapters[0].slug.as_str();
    assert!(
        html.contains(&format!("/sub/embed/{first}/&quot;"))
            || html.contains(&format!("/sub/embed/{first}/\"")),
        "{html}"
    );
}

#[test]
fn a_dark_embed_and_a_dark_reader_get_the_same_colours() {
    let main = include_str!("../src/styles/main.css");
    let dark_css = include_str!("../public/theme-dark.css");
    let vars = |css: &'static str, start: &str| -> Vec<&'static str> {
        let at = css.find(start).unwrap_or_else(|| panic!("no {start}")) + start.len();
        let block = &css[at..at + css[at..].find('}').unwrap()];
        block
            .lines()
            .map(str::trim)
            .filter(|l| l.starts_with("--"))
            .collect()
    };
    let by_setting = vars(main, ":root:not([data-theme=\"light\"]) {");
    let asked = vars(dark_css, ":root[data-theme=\"dark\"] {");
    assert_eq!(by_setting, asked);
    // Every colour the light theme sets, the dark one sets too.
    let name = |l: &&str| l.split(':').next().unwrap().to_owned();
    let light: Vec<String> = vars(main, ":root {")
        .iter()
        .filter(|l| l.contains('#'))
        .map(name)
        .collect();
    let dark: Vec<String> = asked.iter().map(name).collect();
    assert_eq!(light, dark);
    // And the swatches of a figure's key.
    let swatches = |css: &str, prefix: &str| -> Vec<String> {
        css.lines()
            .map(str::trim)
            .filter_map(|l| l.strip_prefix(prefix))
            .map(str::to_owned)
            .collect()
    };
    let by_setting = swatches(main, ":root:not([data-theme=\"light\"]) .swatch");
    assert_eq!(by_setting.len(), 7);
    assert_eq!(
        by_setting,
        swatches(dark_css, ":root[data-theme=\"dark\"] .swatch")
    );
}
