//! The browser side of the embed protocol (see `state::embed`): tell the
//! host page our height whenever it changes, and follow a host's request to
//! show another step. Renders nothing.

use leptos::prelude::*;

use crate::state::Route;
use crate::story::Story;

/// Reports the page's height to the host and listens for its requests.
#[component]
pub fn EmbedBridge(
    /// The story.
    story: &'static Story,
    /// The current (embedded) page.
    #[prop(into)]
    route: Signal<Route>,
) -> impl IntoView {
    #[cfg(target_arch = "wasm32")]
    {
        use crate::state::embed::{host_request, report_height, HEIGHT_MESSAGE};

        let Ok(Some(parent)) = window().parent() else {
            return;
        };
        // Opened on its own, not in a frame: there is no host to talk to.
        if js_sys::Object::is(&parent, &window()) {
            return;
        }
        let post = {
            let parent = parent.clone();
            move || {
                // The routed page arrives a moment after the bridge; a height
                // taken before would shrink the frame to its padding.
                if document()
                    .query_selector("main.embed article")
                    .ok()
                    .flatten()
                    .is_none()
                {
                    return;
                }
                let Some(body) = document().body() else {
                    return;
                };
                let Some(height) = report_height(body.get_bounding_client_rect().height()) else {
                    return;
                };
                let message = js_sys::Object::new();
                let path = route.get_untracked().path(story);
                let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
                let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
                let _ = js_sys::Reflect::set(&message, &"path".into(), &path.into());
                // Height and address are not secret, and any site may embed
                // us, so any host may read them.
                let _ = parent.post_message(&message, "*");
            }
        };
        let observer = document().body().and_then(|body| {
            let post = post.clone();
            crate::components::observe::on_resize(&body, move |_| post())
        });
        // A new step may keep the same height; the host still learns the path.
        Effect::new(move |_| {
            route.track();
            post();
        });
        let go_to = crate::state::use_go_to(story);
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
            let current = route.get_untracked();
            if let Some(target) = host_request(story, kind.as_deref(), path.as_deref(), current) {
                go_to(target);
            }
        });
        // The observer is dropped, and so disconnected, with the bridge.
        let observer = StoredValue::new_local(observer);
        on_cleanup(move || {
            handle.remove();
            drop(observer.try_update_value(Option::take));
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (story, route);
}
