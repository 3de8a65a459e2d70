//! The article's own text, read at build and test time only: its body
//! paragraphs as a reader counts them, and the check that every quote a
//! citation puts to a source is that source's words, verbatim.
//!
//! The text is the plain copy in `../shared/seed/` (one paragraph a line,
//! as the article's page shows them). Paragraphs are numbered from 1 in
//! reading order. Not counted: the headline (the first line), section
//! headings (a line that does not end a sentence) and pull quotes (a line
//! whose words the paragraph beside it repeats).

use super::model::{Inline, SourceRef, Story};

/// The article's body paragraphs, in order: paragraph `n` is `[n - 1]`.
/// White space runs are one space.
pub fn paragraphs(text: &str) -> Vec<String> {
    let lines: Vec<String> = text
        .lines()
        .map(|l| super::model::join(l.split_whitespace(), " "))
        .filter(|l| !l.is_empty())
        .collect();
    let ends_sentence = |l: &str| l.ends_with(['.', '?', '!', '”', '"', ')']);
    // A pull quote repeats words of the paragraph beside it, often from
    // its middle ("In other words, …" left off), sometimes without the
    // full stop where the paragraph runs on.
    let pull_quote = |i: usize| {
        let line = &lines[i];
        let stem = line.strip_suffix('.').unwrap_or(line);
        [i.checked_sub(1), Some(i + 1)]
            .into_iter()
            .flatten()
            .filter_map(|j| lines.get(j))
            .any(|other| other.len() > line.len() && other.contains(stem))
    };
    (1..lines.len())
        .filter(|&i| ends_sentence(&lines[i]) && !pull_quote(i))
        .map(|i| lines[i].clone())
        .collect()
}

/// Every citation in the story, with where it is, for checks that read
/// them all.
pub fn citations(story: &Story) -> Vec<(String, &SourceRef)> {
    let mut out = Vec::new();
    let mut texts: Vec<(String, &[super::model::Paragraph])> =
        vec![("meta summary".to_owned(), &story.meta.summary)];
    for chapter in &story.chapters {
        for step in &chapter.steps {
            texts.push((format!("{}/{}", chapter.slug, step.slug), &step.body));
        }
    }
    for (where_, paragraphs) in texts {
        for inline in paragraphs.iter().flatten() {
            if let Inline::Cite { source, .. } = inline {
                out.push((where_.clone(), source));
            }
        }
    }
    let troops = &story.data.troops;
    for p in &troops.points {
        out.push((format!("troops point {:?}", p.label), &p.source));
    }
    for m in &troops.markers {
        out.push((format!("troops marker {:?}", m.label), &m.source));
    }
    for kind in super::model::ChartKind::ALL {
        let Some(data) = story.data.dataset(kind) else {
            continue;
        };
        for item in &data.items {
            for cite in &item.sources {
                out.push((format!("{} item {:?}", kind.slug(), item.slug), cite));
            }
        }
        for rule in &data.rules {
            out.push((
                format!("{} rule {:?}", kind.slug(), rule.label),
                &rule.source,
            ));
        }
    }
    out
}

/// Every quote the story puts to the source `article_id` that is not, word
/// for word, in the paragraph it names of `article_text`. Empty means every
/// quote checks out.
pub fn misquotes(story: &Story, article_id: &str, article_text: &str) -> Vec<String> {
    let paragraphs = paragraphs(article_text);
    citations(story)
        .into_iter()
        .filter(|(_, cite)| cite.id == article_id)
        .filter_map(|(where_, cite)| {
            let quote = cite.quote.as_deref()?;
            let n = cite.paragraph?;
            let found = paragraphs
                .get(usize::from(n).checked_sub(1)?)
                .is_some_and(|p| p.contains(quote));
            (!found).then(|| {
                format!(
                    "{where_}: \"{quote}\" is not in paragraph {n} of the article ({} paragraphs)",
                    paragraphs.len()
                )
            })
        })
        .collect()
}
