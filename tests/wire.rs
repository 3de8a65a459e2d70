//! The story's binary form: it carries the real content back unchanged, and
//! damaged bytes are refused without a panic.

use std::path::Path;

use explainer::story::compile::{load, ContentPaths};
use explainer::story::wire::{decode, encode};
use explainer::story::{Figure, Inline, SourceRef, Story};

fn content() -> Story {
    load(&ContentPaths::new(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        "en",
    ))
    .expect("content parses")
}

#[test]
fn the_real_content_comes_back_unchanged() {
    let story = content();
    let bytes = encode(&story);
    assert_eq!(decode::<Story>(&bytes).as_ref(), Some(&story));
}

#[test]
fn values_at_the_edges_come_back_unchanged() {
    let long = "ي".repeat(300); // a length over one varint byte, in Arabic
    let inline = vec![
        Inline::Text(String::new()),
        Inline::Cite {
            text: long.clone(),
            source: SourceRef {
                id: "s".into(),
                paragraph: Some(255),
                quote: Some(long.clone()),
            },
        },
        Inline::Term {
            text: "PMF".into(),
            term: "pmf".into(),
        },
    ];
    assert_eq!(decode::<Vec<Inline>>(&encode(&inline)), Some(inline));
    let figure = Figure {
        chart: explainer::story::ChartKind::Oil,
        from: Some(-0.0),
        to: Some(f64::MAX),
        highlight: vec![long; 3],
    };
    assert_eq!(decode::<Figure>(&encode(&figure)), Some(figure));
}

#[test]
fn numbers_come_back_bit_for_bit() {
    let edge = (u32::MAX >> 1) as f64 / 1000.0;
    let numbers = vec![
        0.0,
        -0.0,
        1.0,
        63.5,
        2020.458,
        171_000.0,
        0.1 + 0.2,
        1e-9,
        -2.5,
        1e300,
        edge,
        edge + 0.001,
        edge - 0.001,
        f64::MAX,
        f64::MIN_POSITIVE,
        f64::INFINITY,
        f64::NAN,
    ];
    let back: Vec<f64> = decode(&encode(&numbers)).expect("numbers decode");
    let bits = |v: &[f64]| v.iter().map(|n| n.to_bits()).collect::<Vec<_>>();
    assert_eq!(bits(&back), bits(&numbers));
    // Thousandths take a few bytes; other numbers nine.
    assert!(encode(&2020.458).len() <= 4);
    assert_eq!(encode(&(0.1 + 0.2)).len(), 9);
}

#[test]
fn cut_or_lengthened_bytes_are_refused() {
    let bytes = encode(&content());
    // Every cut would be slow in a debug build; a prime stride reaches every
    // part of the blob.
    for end in (0..bytes.len()).step_by(97) {
        assert!(decode::<Story>(&bytes[..end]).is_none(), "cut at {end}");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(decode::<Story>(&longer).is_none());
}

#[test]
fn damaged_bytes_never_panic() {
    let bytes = encode(&content());
    // A fixed xorshift, so a failure can be replayed.
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut refused = 0;
    for _ in 0..300 {
        let mut copy = bytes.clone();
        for _ in 0..4 {
            let i = (next() % copy.len() as u64) as usize;
            copy[i] = next() as u8;
        }
        if decode::<Story>(&copy).is_none() {
            refused += 1;
        }
    }
    // A flipped byte inside running text still decodes as other text; one
    // in a length, tag or flag should be refused, so some must be.
    assert!(refused > 0, "no damaged copy was refused");
    // Bytes that promise a huge length are refused without allocating it.
    assert!(decode::<Vec<String>>(&[0xff, 0xff, 0xff, 0xff, 0x0f]).is_none());
    assert!(decode::<String>(&[0x02, 0xc3, 0x28]).is_none(), "not UTF-8");
}
