//! The story's compact binary form: how `build.rs` writes the checked
//! content into the app, and how the app reads it back.
//!
//! A generic serde format cost the wasm about 27 KB of decoding code, for
//! one fixed set of types read once. This one is written out per type, so
//! reading is a handful of small functions. The layout is postcard-like:
//! lengths as LEB128 varints, tags as one byte, `f64` as a varint of
//! thousandths when that is exact (or 8 little-endian bytes after a
//! marker), `Option` as a 0 or 1 byte before the value, struct fields in
//! order.
//!
//! Both directions come from one field list per type ([`wire_struct!`]), so
//! they cannot drift apart; a field missing from a list is a compile error
//! on the reading side. Reading never panics: bad bytes give `None`.
//!
//! A read that goes wrong does not return early. It marks the reader as
//! failed and hands back an empty value, and [`decode`] refuses the result.
//! Returning early from the middle of a struct would need code to drop the
//! fields read so far, one copy per field, which was most of serde's size.

use super::model::*;

/// A value that can be written to and read from the story's binary form.
pub trait Wire: Sized {
    /// Appends this value's bytes.
    fn put(&self, out: &mut Vec<u8>);
    /// Reads one value. If the bytes run out or are not one, marks the
    /// reader as failed and returns a placeholder.
    fn take(r: &mut Reader<'_>) -> Self;
}

/// A cursor over the bytes being read.
pub struct Reader<'a> {
    bytes: &'a [u8],
    failed: bool,
}

impl<'a> Reader<'a> {
    /// Starts reading at the first byte.
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader {
            bytes,
            failed: false,
        }
    }

    /// Marks the read as failed; everything after it reads as empty.
    fn fail(&mut self) {
        self.failed = true;
        self.bytes = &[];
    }

    fn bytes(&mut self, n: usize) -> &'a [u8] {
        if n > self.bytes.len() {
            self.fail();
        }
        let (head, rest) = self.bytes.split_at(n.min(self.bytes.len()));
        self.bytes = rest;
        head
    }

    fn byte(&mut self) -> u8 {
        self.bytes(1).first().copied().unwrap_or_default()
    }

    /// An unsigned LEB128 number of at most 32 bits.
    fn varint(&mut self) -> usize {
        let mut value: u32 = 0;
        for shift in (0..35).step_by(7) {
            let b = self.byte();
            value |= u32::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return value as usize;
            }
        }
        self.fail();
        0
    }

    /// A length, no larger than the bytes left, so a corrupt one cannot
    /// ask for a huge allocation.
    fn len(&mut self) -> usize {
        let n = self.varint();
        if n > self.bytes.len() {
            self.fail();
            return 0;
        }
        n
    }

    /// A tag byte below `limit`.
    fn tag(&mut self, limit: u8) -> u8 {
        let t = self.byte();
        if t >= limit {
            self.fail();
            return 0;
        }
        t
    }
}

fn put_varint(mut n: usize, out: &mut Vec<u8>) {
    while n >= 0x80 {
        out.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// Writes a whole value.
pub fn encode<T: Wire>(value: &T) -> Vec<u8> {
    let mut out = Vec::new();
    value.put(&mut out);
    out
}

/// Reads a whole value; `None` unless the bytes hold exactly one.
pub fn decode<T: Wire>(bytes: &[u8]) -> Option<T> {
    let mut r = Reader::new(bytes);
    let value = T::take(&mut r);
    (!r.failed && r.bytes.is_empty()).then_some(value)
}

impl Wire for String {
    fn put(&self, out: &mut Vec<u8>) {
        put_varint(self.len(), out);
        out.extend_from_slice(self.as_bytes());
    }
    fn take(r: &mut Reader<'_>) -> Self {
        let n = r.len();
        match std::str::from_utf8(r.bytes(n)) {
            Ok(s) => s.to_owned(),
            Err(_) => {
                r.fail();
                String::new()
            }
        }
    }
}

impl Wire for bool {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }
    fn take(r: &mut Reader<'_>) -> Self {
        r.tag(2) == 1
    }
}

impl Wire for u8 {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(*self);
    }
    fn take(r: &mut Reader<'_>) -> Self {
        r.byte()
    }
}

/// Numbers in thousandths, when that is exact: the content's numbers are
/// counts, percentages and fractional years with a few decimals, and a
/// varint of thousandths is two or three bytes where the float is eight.
/// Anything else is written whole, after a marker.
const WHOLE_F64: usize = 1;

impl Wire for f64 {
    fn put(&self, out: &mut Vec<u8>) {
        let thousandths = (self * 1000.0).round();
        // Shifted left one for the marker bit, it must fit the reader's 32 bits.
        let fits = !self.is_sign_negative() && thousandths < f64::from(u32::MAX >> 1);
        if fits && thousandths / 1000.0 == *self {
            put_varint((thousandths as usize) << 1, out);
        } else {
            put_varint(WHOLE_F64, out);
            out.extend_from_slice(&self.to_le_bytes());
        }
    }
    fn take(r: &mut Reader<'_>) -> Self {
        let n = r.varint();
        if n & 1 == 0 {
            return (n >> 1) as f64 / 1000.0;
        }
        let mut a = [0; 8];
        let b = r.bytes(8);
        a[..b.len()].copy_from_slice(b);
        f64::from_le_bytes(a)
    }
}

impl<T: Wire> Wire for Option<T> {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            None => out.push(0),
            Some(v) => {
                out.push(1);
                v.put(out);
            }
        }
    }
    fn take(r: &mut Reader<'_>) -> Self {
        (r.tag(2) == 1).then(|| T::take(r))
    }
}

impl<T: Wire> Wire for Vec<T> {
    fn put(&self, out: &mut Vec<u8>) {
        put_varint(self.len(), out);
        self.iter().for_each(|v| v.put(out));
    }
    fn take(r: &mut Reader<'_>) -> Self {
        let n = r.len();
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push(T::take(r));
        }
        v
    }
}

impl Wire for [f64; 2] {
    fn put(&self, out: &mut Vec<u8>) {
        self[0].put(out);
        self[1].put(out);
    }
    fn take(r: &mut Reader<'_>) -> Self {
        [f64::take(r), f64::take(r)]
    }
}

/// A struct as its fields in the order listed.
macro_rules! wire_struct {
    ($ty:ident { $($field:ident),* $(,)? }) => {
        impl Wire for $ty {
            fn put(&self, out: &mut Vec<u8>) {
                $(self.$field.put(out);)*
            }
            fn take(r: &mut Reader<'_>) -> Self {
                $ty { $($field: Wire::take(r),)* }
            }
        }
    };
}

#[allow(unused_imports)] // build.rs includes this file and uses none of it
pub(crate) use wire_struct;

/// An enum without data, as the index of its variant in the list, in one
/// byte. The list is written out, or is an existing constant of every
/// variant (`ChartKind::ALL`).
macro_rules! wire_unit_enum {
    ($ty:ident { $($variant:ident),* $(,)? }) => {
        wire_unit_enum!($ty = &[$($ty::$variant),*]);
    };
    ($ty:ident = $all:expr) => {
        impl Wire for $ty {
            fn put(&self, out: &mut Vec<u8>) {
                const ALL: &[$ty] = $all;
                // Only build.rs writes: a variant missing from the list
                // stops the build instead of being written as the first.
                let i = ALL
                    .iter()
                    .position(|v| v == self)
                    .expect("every variant is in its wire list");
                out.push(i as u8);
            }
            fn take(r: &mut Reader<'_>) -> Self {
                const ALL: &[$ty] = $all;
                ALL[usize::from(r.tag(ALL.len() as u8))]
            }
        }
    };
}

wire_unit_enum!(ChartKind = &ChartKind::ALL);
wire_unit_enum!(Appendix { Sources, Glossary });
wire_unit_enum!(Hue {
    Us,
    Iraq,
    Iran,
    Coalition,
    Blocs,
    Economy,
    Neutral
});

impl Wire for Inline {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            Inline::Text(text) => {
                out.push(0);
                text.put(out);
            }
            Inline::Cite { text, source } => {
                out.push(1);
                text.put(out);
                source.put(out);
            }
            Inline::Term { text, term } => {
                out.push(2);
                text.put(out);
                term.put(out);
            }
        }
    }
    fn take(r: &mut Reader<'_>) -> Self {
        let tag = r.tag(3);
        let text = String::take(r);
        match tag {
            0 => Inline::Text(text),
            1 => Inline::Cite {
                text,
                source: SourceRef::take(r),
            },
            _ => Inline::Term {
                text,
                term: String::take(r),
            },
        }
    }
}

wire_struct!(SourceRef {
    id,
    paragraph,
    quote
});
wire_struct!(Figure {
    chart,
    from,
    to,
    highlight
});
wire_struct!(Step {
    slug,
    title,
    body,
    figure
});
wire_struct!(Chapter {
    slug,
    title,
    short_title,
    after_article,
    appendix,
    steps
});
wire_struct!(Source {
    id,
    title,
    publisher,
    date,
    url,
    note
});
wire_struct!(Term {
    id,
    short,
    long,
    definition
});
wire_struct!(Article {
    title,
    author,
    publisher,
    date,
    url
});
wire_struct!(Meta {
    lang,
    dir,
    title,
    subtitle,
    summary,
    article
});
wire_struct!(Ui {
    skip_to_content,
    contents,
    start_reading,
    previous,
    next,
    step_of,
    steps,
    after_article,
    not_found_title,
    not_found_body,
    this_address,
    error_title,
    error_body,
    reload,
    credit,
    sources_link,
    sources_title,
    glossary_title,
    figure_source,
    chart_summary,
    chart_error,
    data_table,
    col_date,
    col_source,
    col_note,
    chart_keys,
    chart_touch,
    figure_more,
    full_screen,
    close_full_screen,
    readout,
    filter_hint,
    whole_story,
    whole_story_intro,
    list_separator,
    sentence_end,
    source_separator,
    paragraph,
    quotes_title,
    term_separator,
    title_separator,
    download_csv,
    download_svg,
    download_png,
    downloads,
    share_label,
    copy_link,
    link_copied,
    step_link,
    keys_hint,
    share,
    copy_embed,
    embed_copied,
    copy_failed,
    open_full,
    builder_title,
    builder_intro,
    builder_step,
    builder_show,
    builder_whole,
    builder_chart,
    builder_no_figure,
    builder_theme,
    theme_auto,
    theme_light,
    theme_dark,
    builder_preview,
    builder_phone,
    builder_column,
    builder_code,
    builder_noscript,
    embed_options,
    language_name,
    read_in,
    previous_icon,
    next_icon,
});
wire_struct!(TroopPoint {
    year,
    label,
    slug,
    us,
    coalition,
    source,
    note
});
wire_struct!(Marker {
    year,
    label,
    source
});
wire_struct!(Troops {
    title,
    summary,
    axis_note,
    us_label,
    coalition_label,
    also_marked,
    points,
    markers
});
wire_struct!(Group {
    slug,
    label,
    hue,
    unit,
    max,
    hollow
});
wire_struct!(Item {
    slug,
    label,
    group,
    hue,
    x,
    when,
    value,
    low,
    high,
    derived,
    round,
    side,
    status,
    text,
    more,
    sources,
    note,
});
wire_struct!(Rule {
    value,
    label,
    source
});
wire_struct!(Columns {
    label,
    when,
    group,
    round,
    side,
    value,
    status,
    text,
    more
});
wire_struct!(Dataset {
    title,
    summary,
    note,
    readout,
    filter,
    filter_label,
    columns,
    groups,
    sides,
    statuses,
    rounds,
    rules,
    eras,
    y_max,
    y_label,
    x_labels,
    items,
});
wire_struct!(Datasets {
    troops,
    timeline,
    opinion,
    parliament,
    commitments,
    agenda,
    oil
});
wire_struct!(Story {
    meta,
    ui,
    chapters,
    sources,
    glossary,
    data
});
