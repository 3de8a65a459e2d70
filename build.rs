//! Reads the story's content files, checks them, and embeds them in the app
//! in their compact binary form (`$OUT_DIR/story-<lang>.bin`, see
//! `src/story/wire.rs`).
//!
//! Parsing here keeps the TOML parser out of the wasm, and a broken content
//! file stops the build with a readable list of problems.

#[path = "src/story/compile.rs"]
mod compile;
#[path = "src/story/markup.rs"]
mod markup;
#[path = "src/story/model.rs"]
#[allow(dead_code)]
mod model;
#[path = "src/story/validate.rs"]
mod validate;
#[path = "src/story/wire.rs"]
#[allow(dead_code)]
mod wire;

use std::path::{Path, PathBuf};

/// The editions, each checked and written as `story-<lang>.bin`; the first
/// is the default. (The Arabic edition's pages are not built yet: only the
/// build's own tools read its story.)
const LANGS: [&str; 2] = ["en", "ar"];

fn main() {
    for f in [
        "compile.rs",
        "markup.rs",
        "model.rs",
        "validate.rs",
        "wire.rs",
    ] {
        println!("cargo:rerun-if-changed=src/story/{f}");
    }
    let root = Path::new("content");
    println!("cargo:rerun-if-changed=content");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    for lang in LANGS {
        let paths = compile::ContentPaths::new(root, lang);
        println!(
            "cargo:rerun-if-changed={}",
            paths.lang_dir.join("chapters").display()
        );
        match paths.files() {
            Ok(files) => files
                .iter()
                .for_each(|f| println!("cargo:rerun-if-changed={}", f.display())),
            Err(e) => fail(lang, &[e]),
        }
        let story = compile::load(&paths).unwrap_or_else(|e| fail(lang, &[e]));
        let problems = compile::problems(&paths, &story);
        if !problems.is_empty() {
            fail(lang, &problems);
        }
        std::fs::write(out.join(format!("story-{lang}.bin")), wire::encode(&story))
            .expect("OUT_DIR is writable");
    }
}

fn fail(lang: &str, problems: &[String]) -> ! {
    eprintln!("\nThe {lang} content has problems:");
    for problem in problems {
        eprintln!("  - {problem}");
    }
    eprintln!("Fix them in content/ and build again.\n");
    std::process::exit(1);
}
