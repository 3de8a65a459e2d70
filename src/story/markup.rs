//! The small inline markup editors use in running text.
//!
//! - A blank line separates paragraphs; single line breaks are spaces.
//! - `[63 percent](src:wi-policywatch-3337)` ties the words to a source;
//!   `[the analysis says](src:acw-dunne-2020#p14 "must also focus")` also
//!   says where in it, with its words (see [`SourceRef`]).
//! - `[PMF](term:pmf)` ties the words to a glossary entry.
//! - Any other bracket is ordinary text, so prose needs no escaping, but a
//!   link-shaped piece with an unknown kind (`[x](sorce:y)`) is an error:
//!   it is almost always a typo that would otherwise hide a citation.
//!
//! Shared with `build.rs`, so it depends on nothing but the model.

use super::model::{Inline, Paragraph, SourceRef};

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
            Some((shown, target, used)) => {
                flush(&mut out, &mut plain);
                let text = squash(shown);
                out.push(match target {
                    Target::Source(source) => Inline::Cite { text, source },
                    Target::Term(term) => Inline::Term { text, term },
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

enum Target {
    Source(SourceRef),
    Term(String),
}

/// Reads `shown](kind:id)` at the start of `s`; returns the words, what
/// they link to and the number of bytes used, or `None` when `s` does not
/// start a link.
fn link_at(s: &str) -> Result<Option<(&str, Target, usize)>, MarkupError> {
    let Some(close) = s.find(']') else {
        return Ok(None);
    };
    let shown = &s[..close];
    if shown.contains('[') || !s[close + 1..].starts_with('(') {
        return Ok(None);
    }
    let target_start = close + 2;
    let after = &s[target_start..];
    // A quoted pinpoint may hold a parenthesis: the target then ends at `")`.
    let target_len = match (after.find('"'), after.find(')')) {
        (Some(q), Some(p)) if q < p => after.find("\")").map(|end| end + 1),
        (_, p) => p,
    };
    let Some(target_len) = target_len else {
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
    let bad = || MarkupError {
        message: format!("malformed link [{shown}]({target}): needs words and an id"),
    };
    if shown.trim().is_empty() {
        return Err(bad());
    }
    let target = match kind {
        LinkKind::Source => Target::Source(SourceRef::parse(id).map_err(|e| MarkupError {
            message: format!("in [{shown}]({target}): {e}"),
        })?),
        LinkKind::Term if is_id(id) => Target::Term(id.to_owned()),
        LinkKind::Term => return Err(bad()),
    };
    Ok(Some((shown, target, target_start + target_len + 1)))
}

pub use super::model::is_id;

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
