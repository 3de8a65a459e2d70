//! The embed builder (`/embed/`): an editor picks a step, whether the embed
//! shows its text and figure or the figure alone, and its colours;
//! previews it at a phone's width and a column's; and copies the code. The
//! choice lives in the page's address (`state::builder`), so it can be
//! bookmarked or passed on.
//!
//! The form is plain HTML controls with labels and fieldsets, written by
//! the page (`site::pages::builder`), so keyboards and screen readers use
//! it as they use any form. This island renders nothing: it follows the
//! form's changes and writes what follows from the choice (the code, the
//! previews, the address). As a view of its own, the same form cost its
//! page 17 KB of brotli wasm over a page with no chart, and took its first
//! view to 105 KB, over the 99 KB budget; done this way it costs about
//! 2 KB (README, "Where we stand").

use crate::story::wire::{wire_struct, Reader, Wire};

/// The id of the form, of its controls and of what the island writes.
pub mod ids {
    /// The form.
    pub const FORM: &str = "builder-form";
    /// The step picker: a `<select>` whose values are step indices.
    pub const STEP: &str = "builder-step";
    /// The name of the radio buttons "step" and "chart".
    pub const SHOW: &str = "builder-show";
    /// The name of the radio buttons "auto", "light" and "dark".
    pub const THEME: &str = "builder-theme";
    /// Said when the chosen step has no figure to embed alone.
    pub const NO_FIGURE: &str = "builder-no-figure";
    /// The previews, hidden until the island runs.
    pub const PREVIEWS: &str = "builder-previews";
    /// The code.
    pub const CODE: &str = "builder-code";
    /// The copy button and its status, hidden until the island runs.
    pub const COPY: &str = "builder-copy";
    /// Where copying is announced.
    pub const STATUS: &str = "builder-status";
}

/// One step an editor can embed, with what its code needs.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BuilderStep {
    /// The step's address without the base path ("/round-one/iraqs-pledge/").
    pub path: String,
    /// The page's title, for the frame's `title`.
    pub title: String,
    /// The frame's height at a 640 px column for the whole step (`site::kit`).
    pub height: f64,
    /// The same for its figure alone; 0 for a step without a figure.
    pub chart_height: f64,
}

wire_struct!(BuilderStep {
    path,
    title,
    height,
    chart_height
});

/// What the builder needs: every step, in the picker's order, the site's
/// address as the build knew it, and what copying says.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BuilderProps {
    /// Every step, in reading order (the picker's values index it).
    pub steps: Vec<BuilderStep>,
    /// The site's root with its base path and a final slash, from the
    /// build's `SITE_URL`. The island uses the address it is served from.
    pub root: String,
    /// The edition's place below the site's base: "" for the English, "/ar"
    /// for the Arabic, whose frames are its own embeds.
    pub edition: String,
    /// Said when the code is copied.
    pub copied: String,
    /// Said when copying failed.
    pub failed: String,
}

wire_struct!(BuilderProps {
    steps,
    root,
    edition,
    copied,
    failed
});

impl BuilderProps {
    /// The steps as the builder's state reads them.
    pub fn choices(&self) -> Vec<crate::state::builder::Choice<'_>> {
        self.steps
            .iter()
            .map(|s| crate::state::builder::Choice {
                path: &s.path,
                has_figure: s.chart_height > 0.0,
            })
            .collect()
    }

    /// The address of the frame for `chosen` among `choices`, from the
    /// site's base (`/ar/embed/round-one/chart/?theme=dark`).
    pub fn frame_path(
        &self,
        chosen: crate::state::builder::Builder,
        choices: &[crate::state::builder::Choice],
    ) -> String {
        format!("{}/embed{}", self.edition, chosen.embed_path(choices))
    }

    /// The code for `chosen` among `choices` (what [`Self::choices`]
    /// gives), for a site at `root`.
    pub fn code(
        &self,
        chosen: crate::state::builder::Builder,
        choices: &[crate::state::builder::Choice],
        root: &str,
    ) -> String {
        let (title, height) = self.steps.get(chosen.step).map_or(("", 0.0), |s| {
            let height = if chosen.chart {
                s.chart_height
            } else {
                s.height
            };
            (s.title.as_str(), height)
        });
        crate::state::embed::embed_code(
            root,
            &self.frame_path(chosen, choices),
            title,
            height as u32,
        )
    }
}

/// The builder's island, for the prerenderer: every step of `story`, for
/// a site at `root`.
#[cfg(feature = "ssr")]
pub fn builder(story: &crate::story::Story, root: &str) -> impl leptos::IntoView {
    use crate::site::kit::frame_height;
    use crate::state::Route;
    let height = |r: Route| frame_height(story, r).map_or(0.0, f64::from);
    let steps = Route::all(story)
        .into_iter()
        .filter_map(|route| {
            let Route::Step { chapter, step } = route else {
                return None;
            };
            let s = story.chapters.get(chapter)?.steps.get(step)?;
            Some(BuilderStep {
                path: route.path(story),
                title: crate::site::app::page_title(story, route),
                height: height(route.embed(false)),
                chart_height: s.figure.as_ref().map_or(0.0, |_| height(route.embed(true))),
            })
        })
        .collect();
    let props = BuilderProps {
        steps,
        root: root.to_owned(),
        edition: crate::state::route::edition_prefix(&story.meta.lang),
        copied: story.ui.embed_copied.clone(),
        failed: story.ui.copy_failed.clone(),
    };
    super::island(super::BUILDER, &props, EmbedBuilder(props.clone()))
}

/// Follows the builder's form; renders nothing.
#[allow(non_snake_case)]
pub fn EmbedBuilder(props: BuilderProps) -> impl leptos::IntoView {
    #[cfg(target_arch = "wasm32")]
    browser::attach(props);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = props;
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use leptos::prelude::*;
    use leptos::wasm_bindgen::{closure::Closure, JsCast, JsValue};

    use super::{ids, BuilderProps};
    use crate::state::builder::{Builder, Choice};

    fn by_id(id: &str) -> Option<web_sys::Element> {
        document().get_element_by_id(id)
    }

    /// Sets a DOM property (`value`, `checked`, `disabled`, `hidden`).
    fn set(el: &web_sys::Element, name: &str, value: impl Into<JsValue>) {
        let _ = js_sys::Reflect::set(el, &name.into(), &value.into());
    }

    /// Reads a string DOM property.
    fn get(el: &web_sys::Element, name: &str) -> String {
        js_sys::Reflect::get(el, &name.into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    }

    /// The radio button `value` of group `name`.
    fn radio(name: &str, value: &str) -> Option<web_sys::Element> {
        document()
            .query_selector(&format!("input[name={name}][value={value}]"))
            .ok()
            .flatten()
    }

    /// The checked radio button's value in group `name`.
    fn checked(name: &str) -> String {
        document()
            .query_selector(&format!("input[name={name}]:checked"))
            .ok()
            .flatten()
            .map(|el| get(&el, "value"))
            .unwrap_or_default()
    }

    /// Shows `chosen` in the form, the code, the previews and the address.
    fn show(props: &BuilderProps, choices: &[Choice], chosen: Builder) {
        let has_figure = choices.get(chosen.step).is_some_and(|c| c.has_figure);
        if let Some(step) = by_id(ids::STEP) {
            set(&step, "value", chosen.step.to_string());
        }
        let pairs = [
            (ids::SHOW, "step", !chosen.chart),
            (ids::SHOW, "chart", chosen.chart),
        ];
        for (name, value, on) in pairs {
            if let Some(el) = radio(name, value) {
                set(&el, "checked", on);
            }
        }
        if let Some(el) = radio(ids::SHOW, "chart") {
            set(&el, "disabled", !has_figure);
        }
        if let Some(el) = radio(ids::THEME, chosen.theme.slug().unwrap_or("auto")) {
            set(&el, "checked", true);
        }
        if let Some(note) = by_id(ids::NO_FIGURE) {
            set(&note, "hidden", has_figure);
        }
        let root = crate::state::site_root();
        if let Some(code) = by_id(ids::CODE) {
            set(&code, "value", props.code(chosen, choices, &root));
        }
        let src = format!(
            "{root}{}",
            props.frame_path(chosen, choices).trim_start_matches('/')
        );
        if let Ok(frames) = document().query_selector_all(&format!("#{} iframe", ids::PREVIEWS)) {
            for i in 0..frames.length() {
                let Some(frame) = frames
                    .item(i)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                else {
                    continue;
                };
                if frame.get_attribute("src").as_deref() != Some(src.as_str()) {
                    let _ = frame.set_attribute("src", &src);
                }
            }
        }
        let location = window().location();
        let href = format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            chosen.query(choices)
        );
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&href));
        }
    }

    /// Asks the page's embed.js, if it has run, to adopt the previews.
    fn rescan_embeds() {
        let scan = js_sys::Reflect::get(&window(), &"StrategicDialogue".into())
            .and_then(|api| js_sys::Reflect::get(&api, &"scan".into()))
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        if let Some(scan) = scan {
            let _ = scan.call0(&window());
        }
    }

    /// Listens to `el`'s `event` for as long as the page lives.
    fn on(el: &web_sys::Element, event: &str, f: impl Fn() + 'static) {
        let listener = Closure::<dyn Fn()>::new(f).into_js_value();
        let _ = el.add_event_listener_with_callback(event, listener.unchecked_ref());
    }

    pub fn attach(props: BuilderProps) {
        let props: &'static BuilderProps = Box::leak(Box::new(props));
        let choices: &'static [Choice<'static>] = props.choices().leak();
        let Some(form) = by_id(ids::FORM) else {
            return;
        };
        let search = window().location().search().unwrap_or_default();
        let query = crate::state::url::Query::parse(&search);
        show(props, choices, Builder::parse(query.pairs(), choices));
        on(&form, "change", move || {
            let step = by_id(ids::STEP)
                .map(|el| get(&el, "value"))
                .unwrap_or_default();
            let chosen =
                Builder::from_form(&step, &checked(ids::SHOW), &checked(ids::THEME), choices);
            show(props, choices, chosen);
        });
        if let (Some(copy), Some(code), Some(status)) =
            (by_id(ids::COPY), by_id(ids::CODE), by_id(ids::STATUS))
        {
            if let Ok(Some(button)) = copy.query_selector("button") {
                on(&button, "click", move || {
                    let status = status.clone();
                    crate::dom::copy::write(&get(&code, "value"), move |ok| {
                        status.set_text_content(Some(if ok {
                            &props.copied
                        } else {
                            &props.failed
                        }));
                    });
                });
            }
            set(&copy, "hidden", false);
        }
        if let Some(previews) = by_id(ids::PREVIEWS) {
            set(&previews, "hidden", false);
            rescan_embeds();
        }
    }
}
