//! The address a reader asked for, on the not-found page. One `404.html`
//! serves every unknown address, so the build cannot write it in: the page
//! says "this address" until this island reads the real one. It is shown as
//! text, never as markup, and cut short so it cannot push the page around.

use leptos::prelude::*;

use crate::story::wire::{wire_struct, Reader, Wire};

/// The island's props: what to say before the address is known.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AskedProps {
    /// "this address".
    pub fallback: String,
}

wire_struct!(AskedProps { fallback });

/// Longest address shown, in characters.
pub const MAX_SHOWN: usize = 120;

/// The address as shown: percent-decoded and cut to [`MAX_SHOWN`].
pub fn shown(pathname: &str) -> String {
    crate::state::url::decode(pathname, false)
        .chars()
        .take(MAX_SHOWN)
        .collect()
}

/// The asked-for address island, inside the not-found sentence.
#[cfg(feature = "ssr")]
pub fn island(story: &crate::story::Story) -> impl IntoView {
    let props = AskedProps {
        fallback: story.ui.this_address.clone(),
    };
    super::island(super::ASKED, &props, Asked(props.clone()))
}

/// The address, once known; the fallback words until then.
#[allow(non_snake_case)]
pub fn Asked(props: AskedProps) -> impl IntoView {
    let (text, set_text) = signal(props.fallback);
    #[cfg(target_arch = "wasm32")]
    Effect::new(move |_| set_text.set(shown(&window().location().pathname().unwrap_or_default())));
    #[cfg(not(target_arch = "wasm32"))]
    let _ = set_text;
    view! { <code class="asked">{move || text.get()}</code> }
}
