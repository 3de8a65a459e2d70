//! The browser side of the embed protocol (see `state::embed`), as an
//! island on every embed page: tell the host page our height whenever it
//! changes and that we are ready once every island is live, and follow a
//! host's request to show another step. Renders nothing.

use leptos::prelude::*;

use crate::story::wire::{wire_struct, Reader, Wire};
use crate::story::Story;

/// What the bridge needs: the story's outline (chapter and step slugs, and
/// which steps have a figure: enough to check a host's request), and this
/// page's address.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EmbedProps {
    /// The story with every word left out (see [`outline`]).
    pub outline: Story,
    /// This page's address without the base path ("/embed/round-one/").
    pub path: String,
}

wire_struct!(EmbedProps { outline, path });

/// The story's shape without its words: its language (which says where its
/// pages live), chapters and steps by slug, each step's figure by kind only.
#[cfg(feature = "ssr")]
pub fn outline(story: &Story) -> Story {
    use crate::story::{Chapter, Figure, Meta, Step};
    let chapters = story
        .chapters
        .iter()
        .map(|c| Chapter {
            slug: c.slug.clone(),
            title: String::new(),
            short_title: String::new(),
            after_article: false,
            appendix: None,
            steps: c
                .steps
                .iter()
                .map(|s| Step {
                    slug: s.slug.clone(),
                    title: String::new(),
                    body: Vec::new(),
                    figure: s.figure.as_ref().map(|f| Figure {
                        chart: f.chart,
                        from: None,
                        to: None,
                        highlight: Vec::new(),
                    }),
                })
                .collect(),
        })
        .collect();
    Story {
        chapters,
        meta: Meta {
            lang: story.meta.lang.clone(),
            ..Meta::default()
        },
        ..Story::default()
    }
}

/// The bridge island of an embed page.
#[cfg(feature = "ssr")]
pub fn bridge(story: &Story, route: crate::state::Route) -> impl IntoView {
    let props = EmbedProps {
        outline: outline(story),
        path: route.path(story),
    };
    super::island(super::EMBED, &props, EmbedBridge(props.clone()))
}

/// Reports the page's height to the host and listens for its requests.
#[allow(non_snake_case)]
pub fn EmbedBridge(props: EmbedProps) -> impl IntoView {
    #[cfg(target_arch = "wasm32")]
    browser::listen(props);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = props;
}

#[cfg(target_arch = "wasm32")]
pub use browser::ready;

#[cfg(target_arch = "wasm32")]
mod browser {
    use leptos::prelude::*;

    use super::EmbedProps;
    use std::cell::RefCell;

    use crate::state::embed::{
        host_request, report_height, HEIGHT_MESSAGE, PROTOCOL, READY_MESSAGE,
    };
    use crate::state::Route;

    thread_local! {
        /// The host's window and this page's address, once the bridge is
        /// up in a frame: where [`ready`] reports.
        static HOST: RefCell<Option<(web_sys::Window, String)>> = const { RefCell::new(None) };
    }

    /// A message of the protocol: its type, version and this page's address.
    fn message(kind: &str, path: &str) -> js_sys::Object {
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &kind.into());
        let _ = js_sys::Reflect::set(&message, &"version".into(), &PROTOCOL.into());
        let _ = js_sys::Reflect::set(&message, &"path".into(), &path.into());
        message
    }

    /// Tells the host the embed is interactive: called once every island
    /// on the page is live. Nothing outside a frame.
    pub fn ready() {
        HOST.with_borrow(|host| {
            if let Some((parent, path)) = host {
                let _ = parent.post_message(&message(READY_MESSAGE, path), "*");
            }
        });
    }

    pub fn listen(props: EmbedProps) {
        let Ok(Some(parent)) = window().parent() else {
            return;
        };
        // Opened on its own, not in a frame: there is no host to talk to.
        if js_sys::Object::is(&parent, &window()) {
            return;
        }
        let outline: &'static crate::story::Story = Box::leak(Box::new(props.outline));
        let current = Route::parse(outline, &props.path);
        let path = props.path;
        HOST.set(Some((parent.clone(), path.clone())));
        let post = {
            let parent = parent.clone();
            move || {
                let Some(body) = document().body() else {
                    return;
                };
                let Some(height) = report_height(body.get_bounding_client_rect().height()) else {
                    return;
                };
                let message = message(HEIGHT_MESSAGE, &path);
                let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
                // Height and address are not secret, and any site may embed
                // us, so any host may read them.
                let _ = parent.post_message(&message, "*");
            }
        };
        let observer = document()
            .body()
            .and_then(|body| crate::dom::observe::on_resize(&body, move |_| post()));
        let handle = window_event_listener(leptos::ev::message, move |ev| {
            // Only the page that holds this frame may steer it.
            if !ev.source().is_some_and(|s| js_sys::Object::is(&s, &parent)) {
                return;
            }
            let data = ev.data();
            if !data.is_object() {
                return;
            }
            let field = |name: &str| {
                js_sys::Reflect::get(&data, &name.into())
                    .ok()
                    .and_then(|v| v.as_string())
            };
            let (kind, path) = (field("type"), field("path"));
            if let Some(target) = host_request(outline, kind.as_deref(), path.as_deref(), current) {
                let base = crate::state::base_from_document().0;
                let href = crate::state::builder::carry_theme(
                    &target.href(outline, &base),
                    &window().location().search().unwrap_or_default(),
                );
                let _ = window().location().set_href(&href);
            }
        });
        // The bridge lives as long as the page.
        std::mem::forget((observer, handle));
    }
}
