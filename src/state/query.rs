//! Chart state carried in the URL's query, so a shared link reproduces the
//! view: `?point=october-2007` selects that figure. Parsing never panics;
//! anything unknown or malformed simply selects nothing.

/// The query key for a selected data point.
pub const POINT_KEY: &str = "point";

/// Longest value accepted; longer input is ignored rather than searched.
const MAX_LEN: usize = 64;

/// A stable, readable slug for a point's date label: "October 2007" →
/// "october-2007". Letters and digits are kept (any script), everything
/// else becomes a single hyphen.
pub fn slug(label: &str) -> String {
    let mut out = String::new();
    for c in label.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// The index of the point whose slug is `value`, if any.
pub fn find_point<'a>(
    value: Option<&str>,
    labels: impl IntoIterator<Item = &'a str>,
) -> Option<usize> {
    let value = value?.trim();
    if value.is_empty() || value.len() > MAX_LEN {
        return None;
    }
    labels.into_iter().position(|label| slug(label) == value)
}

/// `path` with the point selected (or none), ready to navigate to.
pub fn with_point(path: &str, point: Option<&str>) -> String {
    let path = path.split(['?', '#']).next().unwrap_or(path);
    match point {
        Some(p) => format!("{path}?{POINT_KEY}={p}"),
        None => path.to_owned(),
    }
}
