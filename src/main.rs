//! The browser entry point: it only mounts the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    explainer::app::install_panic_hook();
    explainer::app::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This binary is the browser app; build it with `trunk build` (see README.md).");
}
