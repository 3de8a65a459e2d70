//! The small inline markup editors use in running text.
//!
//! - A blank line separates paragraphs; single line breaks are spaces.
//! - `[63 percent](src:wi-policywatch-3337)` ties the words to a source.
//! - `[PMF](term:pmf)` ties the words to a glossary entry.
//! - Any other bracket is ordinary text, so prose needs no escaping, but a
//!   link-shaped piece with an unknown kind (`[x](sorce:y)`) is an error:
//!   it is almost always a typo that would otherwise hide a citation.
//!
//! Shared with `build.rs`, so it depends on nothing but the model.

use super::model::{Inline, Paragraph};

/// What went wrong in a piece of markup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkupError {
    /// A human-readable description, quoting the offending text.
    pub message: String,
}

impl std::fmt::Display for MarkupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// Splits text into paragraphs and parses each one.
pub fn parse_paragraphs(text: &str) -> Result<Vec<Paragraph>, MarkupError> {
    let mut paragraphs = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines().chain(std::iter::once("")) {
        if line.trim().is_empty() {
            if !current.is_empty() {
                paragraphs.push(parse_inline(&current.join(" "))?);
                current.clear();
            }
        } else {
            current.push(line.trim());
        }
    }
    Ok(paragraphs)
}

/// Parses one paragraph of inline markup; white space runs become one space.
pub fn parse_inline(text: &str) -> Result<Paragraph, MarkupError> {
    let mut out: Paragraph = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        plain.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match link_at(after)? {
            Some((shown, kind, id, used)) => {
                flush(&mut out, &mut plain);
                let text = squash(shown);
                let id = id.to_owned();
                out.push(match kind {
                    LinkKind::Source => Inline::Cite { text, source: id },
                    LinkKind::Term => Inline::Term { text, term: id },
                });
                rest = &after[used..];
            }
            None => {
                plain.push('[');
                rest = after;
            }
        }
    }
    plain.push_str(rest);
    flush(&mut out, &mut plain);
    Ok(out)
}

enum LinkKind {
    Source,
    Term,
}

/// Reads `shown](kind:id)` at the start of `s`; returns the parts and the
/// number of bytes used, or `None` when `s` does not start a link.
fn link_at(s: &str) -> Result<Option<(&str, LinkKind, &str, usize)>, MarkupError> {
    let Some(close) = s.find(']') else {
        return Ok(None);
    };
    let shown = &s[..close];
    if shown.contains('[') || !s[close + 1..].starts_with('(') {
        return Ok(None);
    }
    let target_start = close + 2;
    let Some(target_len) = s[target_start..].find(')') else {
        return Ok(None);
    };
    let target = &s[target_start..target_start + target_len];
    let Some((kind, id)) = target.split_once(':') else {
        return Ok(None);
    };
    let kind = match kind {
        "src" => LinkKind::Source,
        "term" => LinkKind::Term,
        _ => {
            return Err(MarkupError {
                message: format!(
                    "unknown link kind {kind:?} in [{shown}]({target}); use src: or term:"
                ),
            })
        }
    };
    if shown.trim().is_empty() || !is_id(id) {
        return Err(MarkupError {
            message: format!("malformed link [{shown}]({target}): needs words and an id"),
        });
    }
    Ok(Some((shown, kind, id, target_start + target_len + 1)))
}

/// Ids are lowercase ASCII letters, digits and hyphens.
pub fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn squash(s: &str) -> String {
    super::model::join(s.split_whitespace(), " ")
}

fn flush(out: &mut Paragraph, plain: &mut String) {
    if plain.is_empty() {
        return;
    }
    // Keep single spaces at the edges: they separate words from links.
    let lead = plain.starts_with(char::is_whitespace);
    let trail = plain.ends_with(char::is_whitespace);
    let mut text = squash(plain);
    if lead && !text.is_empty() {
        text.insert(0, ' ');
    }
    if trail {
        text.push(' ');
    }
    if !text.is_empty() {
        out.push(Inline::Text(text));
    }
    plain.clear();
}
