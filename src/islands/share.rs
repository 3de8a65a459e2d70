//! Sharing a step, as islands: copy its link (with the chart's state), hand
//! it to the system share sheet where the browser has one, or copy the code
//! that embeds it in another page (an iframe, then the script that keeps
//! it fitted). Inside an embed, a link back to the
//! full step.

use leptos::prelude::*;

use crate::story::wire::{wire_struct, Reader, Wire};

/// What the share bar needs: the page's title and address, and its words.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ShareProps {
    /// The page's title, for the share sheet and the embed code.
    pub title: String,
    /// The step's embed page, from the site's base ("/embed/round-one/",
    /// "/ar/embed/round-one/"): what its embed code names.
    pub embed_path: String,
    /// The embed frame's height at a 640 px column (`site::kit`).
    pub embed_height: f64,
    /// The bar's accessible name.
    pub label: String,
    /// "Copy link".
    pub copy_link: String,
    /// "Share…".
    pub share: String,
    /// "Copy embed code".
    pub copy_embed: String,
    /// Said when the link is copied.
    pub link_copied: String,
    /// Said when the embed code is copied.
    pub embed_copied: String,
    /// Said when copying failed.
    pub copy_failed: String,
}

wire_struct!(ShareProps {
    title,
    embed_path,
    embed_height,
    label,
    copy_link,
    share,
    copy_embed,
    link_copied,
    embed_copied,
    copy_failed
});

/// The share bar of a step, as an island.
#[cfg(feature = "ssr")]
pub fn share_bar(story: &crate::story::Story, route: crate::state::Route) -> impl IntoView {
    let ui = &story.ui;
    let props = ShareProps {
        title: crate::site::app::page_title(story, route),
        embed_path: route.canonical().embed(false).site_path(story),
        embed_height: crate::site::kit::frame_height(story, route.canonical().embed(false))
            .map_or(0.0, f64::from),
        label: ui.share_label.clone(),
        copy_link: ui.copy_link.clone(),
        share: ui.share.clone(),
        copy_embed: ui.copy_embed.clone(),
        link_copied: ui.link_copied.clone(),
        embed_copied: ui.embed_copied.clone(),
        copy_failed: ui.copy_failed.clone(),
    };
    super::island(super::SHARE, &props, ShareBar(props.clone()))
}

/// What the last copy did, announced to screen readers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
enum Copied {
    Link,
    Embed,
    Failed,
}

/// Copy link, Share and Copy embed code for the current step.
#[allow(non_snake_case)]
pub fn ShareBar(props: ShareProps) -> impl IntoView {
    let props: &'static ShareProps = Box::leak(Box::new(props));
    let (status, set_status) = signal(None::<Copied>);
    // The system share sheet exists on some browsers only; the button is
    // always there, hidden as prerendered, and shown once the island knows
    // the browser has one.
    // Set once the button is on the page: an island is set up a task before
    // it is attached, and a change made in between never reached the
    // prerendered button (hydration takes the page as matching).
    let (can_share, set_can_share) = signal(false);
    let sheet = NodeRef::<leptos::html::Button>::new();
    #[cfg(target_arch = "wasm32")]
    Effect::new(move |_| {
        if sheet.get().is_some() {
            set_can_share
                .set(js_sys::Reflect::has(&window().navigator(), &"share".into()).unwrap_or(false));
        }
    });
    #[cfg(not(target_arch = "wasm32"))]
    let _ = set_can_share;

    let copy = move |what: Copied| {
        move |_: leptos::ev::MouseEvent| {
            #[cfg(target_arch = "wasm32")]
            {
                let text = match what {
                    Copied::Embed => crate::state::embed::embed_code(
                        &crate::state::site_root(),
                        &props.embed_path,
                        &props.title,
                        props.embed_height as u32,
                    ),
                    _ => window().location().href().unwrap_or_default(),
                };
                crate::dom::copy::write(&text, move |ok| {
                    set_status.set(Some(if ok { what } else { Copied::Failed }));
                });
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (what, set_status);
        }
    };
    let share = move |_: leptos::ev::MouseEvent| {
        #[cfg(target_arch = "wasm32")]
        {
            let data = web_sys::ShareData::new();
            data.set_title(&props.title);
            data.set_url(&window().location().href().unwrap_or_default());
            // The reader may cancel the sheet; that is not an error.
            let _ = window().navigator().share_with_data(&data);
        }
    };
    let message = move || {
        status.get().map(|s| match s {
            Copied::Link => props.link_copied.as_str(),
            Copied::Embed => props.embed_copied.as_str(),
            Copied::Failed => props.copy_failed.as_str(),
        })
    };
    view! {
        <div class="share" role="group" aria-label=props.label.as_str()>
            <button type="button" data-share="link" on:click=copy(Copied::Link)>{props.copy_link.as_str()}</button>
            <button type="button" data-share="sheet" node_ref=sheet hidden=move || !can_share.get() on:click=share>{props.share.as_str()}</button>
            <button type="button" data-share="embed" on:click=copy(Copied::Embed)>{props.copy_embed.as_str()}</button>
            <p class="share-status" role="status">{message}</p>
        </div>
    }
}

/// What the way out of an embed needs: the full step's address and words.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OpenFullProps {
    /// The full step's address, base path included.
    pub href: String,
    /// "Open the full explainer".
    pub label: String,
}

wire_struct!(OpenFullProps { href, label });

/// Inside an embed, the way out to the full explainer, as an island.
#[cfg(feature = "ssr")]
pub fn open_full(
    story: &crate::story::Story,
    route: crate::state::Route,
    base: &str,
) -> impl IntoView {
    let props = OpenFullProps {
        href: route.canonical().href(story, base),
        label: story.ui.open_full.clone(),
    };
    super::island(super::OPEN_FULL, &props, OpenFull(props.clone()))
}

/// Inside an embed: the way out to the full explainer, at this step and
/// with the chart state the reader has chosen, in a new tab (the host page
/// stays where it is).
#[allow(non_snake_case)]
pub fn OpenFull(props: OpenFullProps) -> impl IntoView {
    let query = crate::state::url::use_query();
    let OpenFullProps { href, label } = props;
    let href = move || {
        format!(
            "{href}{}",
            query.with(|q| crate::state::query::chart_state(q.pairs()))
        )
    };
    view! {
        <p class="open-full">
            <a href=href target="_blank" rel="noopener">{label}</a>
        </p>
    }
}
