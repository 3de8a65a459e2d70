//! Islands: the only parts of a prerendered page that the wasm brings to
//! life. Everything else on a page is the HTML the build wrote, and stays
//! exactly as written.
//!
//! Each island is one function from its props to its view, compiled twice:
//! natively, where the prerenderer renders it inside
//! `<leptos-island data-component=… data-props=…>`, and into the wasm,
//! where [`hydrate`] finds each such element and hydrates the same view
//! onto it. Props travel in the story's own binary form (`story::wire`),
//! written as text by [`props_text`], so the wasm needs neither serde_json
//! (about 14 KB brotli, as Leptos's `#[island]` macro would bring) nor the
//! story itself: a page carries only the data its own islands need.
//!
//! Islands hydrate from the page as it was prerendered, with an empty
//! query; the address's chart state is read once every island is live
//! (`state::url`), and the views follow it like any other change.
//!
//! The walk over `<leptos-island>` elements follows Leptos's MIT-licensed
//! `island_script.js`, done in Rust so there is no loader to fetch and no
//! export to keep from the minifier.

// Frames drawn ahead: only the whole story's figure has them.
#[cfg(all(target_arch = "wasm32", feature = "all-charts"))]
mod ahead;
pub mod builder;
pub mod embed;
pub mod figure;
#[cfg(target_arch = "wasm32")]
mod root;
pub mod scrolly;
pub mod share;
pub mod steps;

use crate::story::wire::{self, Wire};

/// The island names written into `data-component`, with their hydrators.
pub const FIGURE: &str = "figure";
/// See [`FIGURE`].
pub const SHARE: &str = "share";
/// See [`FIGURE`].
pub const OPEN_FULL: &str = "open-full";
/// See [`FIGURE`].
pub const STEPS: &str = "steps";
/// See [`FIGURE`].
pub const EMBED: &str = "embed";
/// See [`FIGURE`]: the embed builder's form, on `/embed/` only.
pub const BUILDER: &str = "builder";
/// See [`FIGURE`]: the whole story's one figure.
pub const STORY_FIGURE: &str = "story-figure";

/// An island's props as text for `data-props`: their wire bytes, with
/// printable ASCII as itself, each run of bytes that spells a printable
/// character beyond ASCII (an Arabic letter, a curly quote) as that
/// character, and every other byte (and `%`) as `%XX`.
///
/// The props are mostly the words of the figure, which the page also shows
/// (its table, its summary), so brotli finds them again in the page: as
/// base64 the same props cost 2.5 to 4.5 KB brotli a page, this way about
/// a third of that (see README, "Where we stand"). Escaped, an Arabic
/// letter was six characters that matched nothing in the page.
pub fn props_text<P: Wire>(props: &P) -> String {
    bytes_text(&wire::encode(props))
}

/// Any bytes as attribute text, as [`props_text`] writes props; read back
/// by `state::url::decode_bytes`.
pub fn bytes_text(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if (0x20..0x7f).contains(&b) && b != b'%' {
            out.push(char::from(b));
            i += 1;
            continue;
        }
        if let Some(c) = printable_at(&bytes[i..]) {
            out.push(c);
            i += c.len_utf8();
            continue;
        }
        out.push('%');
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 15)]));
        i += 1;
    }
    out
}

/// The character beyond ASCII that `bytes` start with, if they start with
/// one in UTF-8 that may stand in an attribute as itself: not a C1
/// control, not a noncharacter.
fn printable_at(bytes: &[u8]) -> Option<char> {
    let len = match bytes.first()? {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let c = std::str::from_utf8(bytes.get(..len)?)
        .ok()?
        .chars()
        .next()?;
    let code = u32::from(c);
    let noncharacter = (0xFDD0..=0xFDEF).contains(&code) || code & 0xFFFE == 0xFFFE;
    (code >= 0xA0 && !noncharacter).then_some(c)
}

/// Reads props back from their text; `None` if they are not what `P`
/// wrote (a damaged or foreign page), never a panic.
pub fn props_from_text<P: Wire>(text: &str) -> Option<P> {
    wire::decode(&crate::state::url::decode_bytes(text, false))
}

/// The island `name` around `view`, for the prerenderer.
#[cfg(feature = "ssr")]
pub fn island<P: Wire, V>(
    name: &'static str,
    props: &P,
    view: V,
) -> leptos::tachys::html::islands::Island<V> {
    leptos::tachys::html::islands::Island::new(name, view).with_props(props_text(props))
}

/// Leptos marks places in rendered HTML with `<!>`, which hydration finds
/// again as empty comments; HTML calls that spelling a bogus comment. This
/// writes the same empty comment validly, so the page both validates and
/// hydrates.
#[cfg(feature = "ssr")]
pub fn valid_markers(html: &str) -> String {
    html.replace("<!>", "<!---->")
}

/// The browser's entry point: installs the panic hook, sets up Leptos's
/// reactive root for islands, hydrates every island on the page in
/// document order, then reads the chart state from the address.
///
/// Each island hydrates in a task of its own, after the browser has had a
/// turn: compiling the wasm, hydrating a figure (and drawing it) and the
/// rest were one long task, which on a phone blocked input for up to 60 ms
/// (Lighthouse mobile TBT 36-72 ms on a step with a chart).
#[cfg(target_arch = "wasm32")]
pub fn hydrate() {
    use leptos::prelude::*;
    use leptos::wasm_bindgen::JsCast;

    install_panic_hook();
    crate::dom::refs::open_in_place();
    crate::dom::fullscreen::enable();
    root::set();
    let query = crate::state::url::provide();
    let owner = leptos::reactive::owner::Owner::current();
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(found) = document().query_selector_all("leptos-island") else {
            return;
        };
        for i in 0..found.length() {
            let Some(el) = found
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
            else {
                continue;
            };
            next_task().await;
            let name = el.get_attribute("data-component").unwrap_or_default();
            let props = el.get_attribute("data-props").unwrap_or_default();
            let start = || match name.as_str() {
                FIGURE => prepare(&el, &props, figure::ChartIsland),
                SHARE => prepare(&el, &props, share::ShareBar),
                OPEN_FULL => prepare(&el, &props, share::OpenFull),
                STEPS => prepare(&el, &props, steps::StepKeys),
                EMBED => prepare(&el, &props, embed::EmbedBridge),
                // Only the builder's page loads a wasm with the builder.
                #[cfg(feature = "builder")]
                BUILDER => prepare(&el, &props, builder::EmbedBuilder),
                // Only the whole story has this island, and only the wasm
                // with every chart loads there: the others leave it out
                // (5.3 KB brotli).
                #[cfg(feature = "all-charts")]
                STORY_FIGURE => prepare(&el, &props, scrolly::StoryFigure),
                _ => None,
            };
            // Under the root owner, so islands share the query it provides.
            match owner.as_ref().map_or_else(start, |o| o.with(start)) {
                // Reading the props and setting the island up is one task,
                // attaching it to the page the next: together they were the
                // whole story's longest task (about 55 ms on a slow phone).
                Some(attach) => {
                    next_task().await;
                    attach();
                }
                // The page keeps its prerendered form; only this island is inert.
                None => leptos::logging::error!(
                    "island {name} could not start: its props are unreadable"
                ),
            }
        }
        crate::state::url::load(query);
        // Tells tests (and curious readers of the DOM) that the islands are live.
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-hydrated", "");
        }
        // In a frame, the host may now rely on the embed.
        embed::ready();
    });
}

/// Resolves in a new task (a zero-delay timeout), so the browser can handle
/// input and paint in between.
#[cfg(target_arch = "wasm32")]
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = leptos::prelude::window().set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Sets one island up from its props text, as Leptos's `#[island]` macro
/// does (its own owner, in hydration mode), and returns what attaches it
/// to the page from the element's first child. `None` if the props cannot
/// be read.
#[cfg(target_arch = "wasm32")]
fn prepare<P: Wire + 'static, V: leptos::IntoView + 'static>(
    el: &web_sys::HtmlElement,
    props: &str,
    island: impl FnOnce(P) -> V + 'static,
) -> Option<Box<dyn FnOnce()>> {
    use leptos::reactive::owner::Owner;
    use leptos::tachys::view::{Position, RenderHtml};

    let props = props_from_text::<P>(props)?;
    let view = Owner::new().with(|| {
        Owner::with_hydration(move || leptos::tachys::reactive_graph::OwnedView::new(island(props)))
    });
    let el: web_sys::Element = el.clone().into();
    // The island lives as long as the page.
    Some(Box::new(move || {
        std::mem::forget(view.hydrate_from_position::<true>(&el, Position::FirstChild));
    }))
}

/// Installs the panic hook: the panic goes to the console (with its Rust
/// message), and the reader gets the notice every page carries, hidden,
/// with a reload link. The page keeps its text, so it is never left blank.
#[cfg(target_arch = "wasm32")]
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_error_notice();
    }));
}

/// Shows the page's error notice and points its link at this very address.
#[cfg(target_arch = "wasm32")]
pub fn show_error_notice() {
    use leptos::prelude::*;
    let Some(notice) = document().get_element_by_id("crash") else {
        return;
    };
    if let Ok(Some(link)) = notice.query_selector("a") {
        let here = window().location().href().unwrap_or_default();
        let _ = link.set_attribute("href", &here);
    }
    let _ = notice.remove_attribute("hidden");
}
