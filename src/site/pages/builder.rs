//! The embed builder's page, `/embed/`: a heading, what it is for, the
//! form (plain controls, written here), the previews and the code, and the
//! builder's island, which follows the form (`islands::builder`).

use leptos::prelude::*;

use crate::islands::builder::ids;
use crate::site::use_base;
use crate::state::builder::Theme;
use crate::state::Route;
use crate::story::Story;

/// The page that builds the embed code for any step.
#[component]
pub fn BuilderPage(
    /// The story.
    story: &'static Story,
) -> impl IntoView {
    let ui = &story.ui;
    let base = use_base();
    // The code names the site's public address where the build knows it;
    // the island names the one it is served from once it runs.
    let root = format!(
        "{}{base}/",
        crate::site::kit::site_url().unwrap_or_default()
    );
    let island = crate::islands::builder::builder(story, &root);
    // The code as the page opens: the first step, whole, in the reader's colours.
    let code = Route::all(story)
        .into_iter()
        .find(|r| *r != Route::Cover)
        .and_then(|r| crate::site::kit::embed_code_for(story, r.embed(false), &root))
        .unwrap_or_default();
    // The picker: each chapter's steps under its name; values are the
    // steps' indices in reading order, as the island's props list them.
    let mut index = 0;
    let groups = story
        .chapters
        .iter()
        .map(|c| {
            let options = c
                .steps
                .iter()
                .map(|s| {
                    let i = index;
                    index += 1;
                    view! { <option value=i.to_string() selected=i == 0>{s.title.as_str()}</option> }
                })
                .collect_view();
            view! { <optgroup label=c.short_title.as_str()>{options}</optgroup> }
        })
        .collect_view();
    let themes = Theme::ALL
        .into_iter()
        .zip([&ui.theme_auto, &ui.theme_light, &ui.theme_dark])
        .map(|(theme, label)| {
            view! {
                <label>
                    <input type="radio" name=ids::THEME value=theme.slug().unwrap_or("auto") checked=theme == Theme::Auto/>
                    " "{label.as_str()}
                </label>
            }
        })
        .collect_view();
    let frame = |kind: &'static str, caption: &str| {
        view! {
            <figure class="builder-preview" data-width=kind>
                <figcaption>{caption.to_owned()}</figcaption>
                <iframe title=ui.builder_preview.as_str() data-dialogue-embed></iframe>
            </figure>
        }
    };
    view! {
        <link rel="stylesheet" href=format!("{base}/public/builder.css")/>
        <article class="builder-page">
            <h1 id="page-title" tabindex="-1">{ui.builder_title.as_str()}</h1>
            <p class="lede">{ui.builder_intro.as_str()}</p>
            <noscript><p class="builder-note">{ui.builder_noscript.as_str()}</p></noscript>
            <form class="builder" id=ids::FORM>
                <p class="builder-field">
                    <label for=ids::STEP>{ui.builder_step.as_str()}</label>
                    <select id=ids::STEP>{groups}</select>
                </p>
                <fieldset class="builder-field">
                    <legend>{ui.builder_show.as_str()}</legend>
                    <label><input type="radio" name=ids::SHOW value="step" checked/>" "{ui.builder_whole.as_str()}</label>
                    <label><input type="radio" name=ids::SHOW value="chart" aria-describedby=ids::NO_FIGURE/>" "{ui.builder_chart.as_str()}</label>
                    <p id=ids::NO_FIGURE class="builder-note" hidden>{ui.builder_no_figure.as_str()}</p>
                </fieldset>
                <fieldset class="builder-field">
                    <legend>{ui.builder_theme.as_str()}</legend>
                    {themes}
                </fieldset>
            </form>
            <section id=ids::PREVIEWS class="builder-previews" aria-labelledby="builder-preview-heading" hidden>
                <h2 id="builder-preview-heading" class="builder-heading">{ui.builder_preview.as_str()}</h2>
                {frame("phone", &ui.builder_phone)}
                {frame("column", &ui.builder_column)}
            </section>
            <p class="builder-field builder-code">
                <label for=ids::CODE>{ui.builder_code.as_str()}</label>
                <textarea id=ids::CODE readonly rows="5" spellcheck="false">{code}</textarea>
            </p>
            // Styled as a step's share bar.
            <p id=ids::COPY class="share builder-copy" hidden>
                <button type="button">{ui.copy_embed.as_str()}</button>
                " "<span id=ids::STATUS class="share-status" role="status"></span>
            </p>
            {island}
            <script src=format!("{base}/public/embed.js") async></script>
        </article>
    }
}
