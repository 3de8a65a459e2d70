//! Moving between steps without reaching for the pager: the arrow keys,
//! Home and End, and a horizontal swipe. Every step is its own page, so a
//! move is an ordinary link followed: back, forward, reload and sharing
//! all work as they do for any page, and the links are in the HTML for
//! readers without the wasm.
//!
//! A reader who arrives from another of our pages lands with focus on the
//! step's heading (without scrolling), so a screen reader starts there.

use leptos::prelude::*;

use crate::story::wire::{wire_struct, Reader, Wire};

/// The addresses the keys and swipes go to, base path included; `None`
/// where there is nowhere to go.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Links {
    /// The step before (←, or a swipe to the right).
    pub previous: Option<String>,
    /// The step after (→, or a swipe to the left).
    pub next: Option<String>,
    /// The chapter's first step (Home).
    pub first: Option<String>,
    /// The chapter's last step (End).
    pub last: Option<String>,
}

wire_struct!(Links {
    previous,
    next,
    first,
    last
});

/// The island's props: where to go, and which way the text runs.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StepsProps {
    /// Where the keys and swipes go.
    pub links: Links,
    /// Right-to-left text: the arrow keys and swipes turn the other way.
    pub rtl: bool,
}

wire_struct!(StepsProps { links, rtl });

/// A key's move through the story, by the key's name, in text running
/// left to right or (with `rtl`) right to left.
pub fn key_target<'a>(links: &'a Links, key: &str, rtl: bool) -> Option<&'a str> {
    let (forward, back) = if rtl {
        ("ArrowLeft", "ArrowRight")
    } else {
        ("ArrowRight", "ArrowLeft")
    };
    let target = match key {
        k if k == forward => &links.next,
        k if k == back => &links.previous,
        "Home" => &links.first,
        "End" => &links.last,
        _ => return None,
    };
    target.as_deref()
}

/// The keys-and-swipes island, inside the pager.
#[cfg(feature = "ssr")]
pub fn island(story: &crate::story::Story, links: Links) -> impl IntoView {
    let props = StepsProps {
        links,
        rtl: story.meta.dir == "rtl",
    };
    super::island(super::STEPS, &props, StepKeys(props.clone()))
}

/// Listens for the keys and swipes that move between steps; renders
/// nothing of its own.
#[allow(non_snake_case)]
pub fn StepKeys(props: StepsProps) -> impl IntoView {
    #[cfg(target_arch = "wasm32")]
    browser::listen(props);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = props;
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use leptos::prelude::*;
    use leptos::wasm_bindgen::{closure::Closure, JsCast};

    use super::{key_target, StepsProps};
    use crate::state::gesture::{classify, Swipe};

    /// Follows `href` as a link would.
    fn go(href: &str) {
        let _ = window().location().set_href(href);
    }

    pub fn listen(props: StepsProps) {
        let StepsProps { links, rtl } = props;
        let links = StoredValue::new(links);
        focus_on_arrival();
        tip_once();

        let keys = window_event_listener(leptos::ev::keydown, move |ev| {
            // Keys already handled (the chart's own arrows), with a
            // modifier (the browser's), typed into a field, or meant for an
            // open popover or a figure full screen are not ours.
            if ev.default_prevented()
                || ev.alt_key()
                || ev.ctrl_key()
                || ev.meta_key()
                || ev.shift_key()
                || popover_open()
                || document().fullscreen_element().is_some()
            {
                return;
            }
            let in_field = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| {
                    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                        || el.has_attribute("contenteditable")
                });
            if in_field {
                return;
            }
            let key = ev.key();
            if let Some(href) = links.with_value(|l| key_target(l, &key, rtl).map(str::to_owned)) {
                ev.prevent_default();
                go(&href);
            }
        });

        // Passive listeners: a swipe never holds up scrolling.
        let start = StoredValue::new(None::<(f64, f64)>);
        let first_touch = |touches: web_sys::TouchList| {
            touches
                .get(0)
                .map(|t| (f64::from(t.client_x()), f64::from(t.client_y())))
        };
        let on_start =
            Closure::<dyn Fn(web_sys::TouchEvent)>::new(move |ev: web_sys::TouchEvent| {
                // Swipes that start on the chart are the chart's own.
                let on_chart = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|el| el.closest("canvas").ok().flatten().is_some());
                start.set_value(if on_chart || ev.touches().length() > 1 {
                    None
                } else {
                    first_touch(ev.touches())
                });
            });
        let on_end = Closure::<dyn Fn(web_sys::TouchEvent)>::new(move |ev: web_sys::TouchEvent| {
            let (Some((x0, y0)), Some((x1, y1))) =
                (start.get_value(), first_touch(ev.changed_touches()))
            else {
                return;
            };
            start.set_value(None);
            let target = links.with_value(|l| match classify(x1 - x0, y1 - y0, rtl) {
                Some(Swipe::Next) => l.next.clone(),
                Some(Swipe::Previous) => l.previous.clone(),
                None => None,
            });
            if let Some(href) = target {
                go(&href);
            }
        });
        let options = web_sys::AddEventListenerOptions::new();
        options.set_passive(true);
        for (name, f) in [("touchstart", &on_start), ("touchend", &on_end)] {
            let _ = window().add_event_listener_with_callback_and_add_event_listener_options(
                name,
                f.as_ref().unchecked_ref(),
                &options,
            );
        }
        // The listeners live as long as the page.
        std::mem::forget((keys, on_start, on_end));
    }

    /// Shows the tip about the arrow keys (`.keys-hint`) on the first step
    /// of a visit: the page a reader arrives at from elsewhere, with a
    /// keyboard and a fine pointer. The referrer says so without storing
    /// anything in the browser (we store nothing).
    fn tip_once() {
        let Some(tip) = document().query_selector(".keys-hint").ok().flatten() else {
            return;
        };
        let touch = window()
            .match_media("(hover: none) and (pointer: coarse)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches());
        if !touch && !from_here() {
            let _ = tip.remove_attribute("hidden");
        }
    }

    /// Whether the reader came here from another of our pages.
    fn from_here() -> bool {
        let origin = window().location().origin().unwrap_or_default();
        document().referrer().starts_with(&format!("{origin}/"))
    }

    /// Whether a citation or glossary popover is open: its arrow keys and
    /// Escape are the reader's, not the story's.
    fn popover_open() -> bool {
        document()
            .query_selector(":popover-open")
            .ok()
            .flatten()
            .is_some()
    }

    /// Puts focus on the step's heading when the reader came from another
    /// of our pages, as an app would after a move; a reader arriving from
    /// elsewhere, or in an embed on someone else's page, keeps the
    /// browser's own start.
    fn focus_on_arrival() {
        let embedded = window()
            .parent()
            .ok()
            .flatten()
            .is_some_and(|p| !js_sys::Object::is(&p, &window()));
        if embedded || !from_here() {
            return;
        }
        if let Some(heading) = document()
            .get_element_by_id("step-title")
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = heading.focus_with_options(&options);
        }
    }
}
