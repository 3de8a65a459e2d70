//! Saving a file the app made (CSV, SVG, PNG) without any server: a blob or
//! data URL handed to a temporary `<a download>`.

/// Offers `text` to the reader as a file named `filename`.
#[cfg(target_arch = "wasm32")]
pub fn save_text(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "could not make the file".to_owned())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "could not make a link to the file".to_owned())?;
    let result = save_url(filename, &url);
    let _ = web_sys::Url::revoke_object_url(&url);
    result
}

/// Offers the resource at `url` (a blob or data URL) as a file.
#[cfg(target_arch = "wasm32")]
pub fn save_url(filename: &str, url: &str) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    let document = leptos::prelude::document();
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "could not make a link".to_owned())?
        .unchecked_into();
    a.set_href(url);
    a.set_download(filename);
    // The router ignores links with a download attribute, so this click
    // saves the file and does not navigate.
    a.click();
    Ok(())
}
