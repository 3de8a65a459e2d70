//! Link-preview images, drawn natively at build time: the right size, real
//! PNG files, with the page's words and, for steps with a figure, the chart.

use explainer::site::preview::{png, render, SIZE};
use explainer::state::Route;
use explainer::story::story;

fn distinct_colours(rgb: &[u8], x0: usize, x1: usize) -> usize {
    let mut seen = std::collections::HashSet::new();
    for y in 0..SIZE.1 as usize {
        for x in x0..x1 {
            let i = (y * SIZE.0 as usize + x) * 3;
            seen.insert((rgb[i], rgb[i + 1], rgb[i + 2]));
        }
    }
    seen.len()
}

#[test]
fn every_page_has_a_preview_with_its_words_and_its_figure() {
    let story = story().unwrap();
    let mut seen = std::collections::HashSet::new();
    for route in Route::pages(story)
        .into_iter()
        .filter(|r| r.unembed().is_none())
    {
        let rgb = render(story, route).unwrap();
        assert_eq!(rgb.len(), (SIZE.0 * SIZE.1 * 3) as usize);
        // Text is anti-aliased: the left half holds many shades.
        assert!(distinct_colours(&rgb, 40, 600) > 20, "{route:?}: no text");
        let has_figure = matches!(route, Route::Step { chapter, step }
            if story.chapters[chapter].steps[step].figure.is_some());
        let right = distinct_colours(&rgb, 640, 1150);
        if has_figure {
            assert!(right > 10, "{route:?}: no chart ({right} colours)");
        }
        assert!(
            seen.insert(rgb),
            "{route:?}: the same image as another page"
        );
    }
}

#[test]
fn the_preview_is_a_1200_by_630_png() {
    let story = story().unwrap();
    let bytes = png(story, Route::Cover).unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    let width = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
    assert_eq!((width, height), SIZE);
    assert!(bytes.len() < 400_000, "{} bytes", bytes.len());
}

/// The id the Arabic face gives `c` on its own: its isolated, nominal form.
fn nominal(c: char) -> u16 {
    use explainer::site::shaped::Face;
    rustybuzz::Face::from_slice(Face::Arabic.bytes(false), 0)
        .and_then(|f| f.glyph_index(c))
        .map(|g| g.0)
        .expect("the Arabic face has the letter")
}

#[test]
fn arabic_is_shaped_into_joined_forms_and_laid_out_right_to_left() {
    use explainer::site::shaped::{shape, Face};
    // "Iraq": alef, lam, ain, reh, alef, qaf. Lam starts a join, ain sits
    // inside it and reh ends it; each alef and the qaf after it stand alone.
    let text = "العراق";
    let line = shape(text, 40.0, false);
    let at = |byte: usize| line.glyphs.iter().find(|g| g.cluster == byte).unwrap();
    let offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    assert_eq!(line.glyphs.len(), 6, "{:?}", line.glyphs);
    assert!(line.glyphs.iter().all(|g| g.face == Face::Arabic));
    // Joined letters take other forms than their nominal ones.
    for (i, c) in [(1, 'ل'), (2, 'ع'), (3, 'ر')] {
        assert_ne!(at(offsets[i]).id, nominal(c), "{c} is not joined");
    }
    for (i, c) in [(0, 'ا'), (5, 'ق')] {
        assert_eq!(at(offsets[i]).id, nominal(c), "{c} stands alone");
    }
    // Read right to left: the first letter is drawn rightmost, the last
    // leftmost, never reversed.
    let xs: Vec<(usize, f32)> = line.glyphs.iter().map(|g| (g.cluster, g.x)).collect();
    assert!(
        xs.windows(2).all(|w| w[0].0 > w[1].0 && w[0].1 < w[1].1),
        "{xs:?}"
    );
    assert_eq!(line.glyphs[0].cluster, offsets[5], "qaf is leftmost");
    assert!(
        line.width > 40.0 && line.width < 6.0 * 40.0,
        "{}",
        line.width
    );

    // Rasterised: ink across the line's width, and joined letters touch
    // (no gap between lam, ain and reh).
    let (w, h) = (line.width.ceil() as usize + 8, 80usize);
    let mut ink = vec![0f32; w * h];
    explainer::site::shaped::rasterise(&line, 40.0, false, (4.0, 50.0), |x, y, c| {
        if (0..w as i32).contains(&x) && (0..h as i32).contains(&y) {
            ink[y as usize * w + x as usize] += c;
        }
    });
    let column = |x: usize| (0..h).map(|y| ink[y * w + x]).sum::<f32>();
    let inked: Vec<usize> = (0..w).filter(|&x| column(x) > 0.2).collect();
    assert!(
        inked.len() as f32 > line.width * 0.6,
        "{} inked columns",
        inked.len()
    );
    // Where reh meets ain and ain meets lam (each join is at the left edge
    // of the letter that reaches out to the next), the stroke runs on.
    for byte in [offsets[2], offsets[1]] {
        let x = (4.0 + at(byte).x).round() as usize;
        for x in x - 1..=x + 1 {
            assert!(
                column(x) > 0.2,
                "a gap at the join left of byte {byte} (x {x})"
            );
        }
    }
}

#[test]
fn numbers_and_latin_names_inside_arabic_keep_their_order() {
    use explainer::site::shaped::{shape, Face};
    // "The 2008 agreements": the number follows the words, so in a
    // right-to-left line it stands to their left, read left to right.
    let text = "اتفاقيتا 2008";
    let line = shape(text, 30.0, false);
    let digits: Vec<&explainer::site::shaped::Placed> = line
        .glyphs
        .iter()
        .filter(|g| g.cluster >= text.find('2').unwrap())
        .collect();
    assert_eq!(digits.len(), 4);
    assert!(digits.iter().all(|g| g.face == Face::Latin));
    assert!(
        digits
            .windows(2)
            .all(|w| w[0].cluster < w[1].cluster && w[0].x < w[1].x),
        "{digits:?}"
    );
    let arabic_left = line
        .glyphs
        .iter()
        .filter(|g| g.face == Face::Arabic)
        .map(|g| g.x)
        .fold(f32::MAX, f32::min);
    assert!(
        digits.iter().all(|g| g.x < arabic_left),
        "the number is left of the words"
    );
}

#[test]
fn every_character_of_the_arabic_edition_can_be_drawn() {
    use explainer::site::shaped::Face;
    let faces = [Face::Arabic, Face::Latin]
        .map(|f| [false, true].map(|bold| rustybuzz::Face::from_slice(f.bytes(bold), 0).unwrap()));
    let mut missing = std::collections::BTreeSet::new();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content/ar");
    let mut files = vec![root.clone()];
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        for c in std::fs::read_to_string(&path).unwrap().chars() {
            if c.is_control() {
                continue;
            }
            for bold in [0, 1] {
                if faces.iter().all(|f| f[bold].glyph_index(c).is_none()) {
                    missing.insert(c);
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "no face draws {missing:?}: run scripts/subset-arabic-font.sh with them added"
    );
}

#[test]
fn every_arabic_page_has_a_mirrored_preview_with_its_words_and_its_figure() {
    let en = story().unwrap();
    let ar = explainer::story::story_in("ar").unwrap();
    let mut seen = std::collections::HashSet::new();
    for route in Route::pages(ar)
        .into_iter()
        .filter(|r| r.unembed().is_none())
    {
        let rgb = render(ar, route).unwrap();
        // Words on the right, the figure on the left, the bar at the right edge.
        assert!(distinct_colours(&rgb, 620, 1150) > 20, "{route:?}: no text");
        let has_figure = matches!(route, Route::Step { chapter, step }
            if ar.chapters[chapter].steps[step].figure.is_some());
        if has_figure {
            assert!(distinct_colours(&rgb, 40, 560) > 10, "{route:?}: no chart");
        }
        let px = |x: usize, y: usize| {
            let i = (y * SIZE.0 as usize + x) * 3;
            (rgb[i], rgb[i + 1], rgb[i + 2])
        };
        assert_ne!(
            px(1195, 300),
            px(5, 300),
            "{route:?}: the bar is on the right"
        );
        assert_eq!(px(5, 300), px(5, 5), "{route:?}: no bar on the left");
        // The credit, one line, ends at the reading edge (64 px in from
        // the right), as the English one starts 64 px in from the left.
        let ground = px(5, 5);
        let inked = |rgb: &[u8], x: usize| {
            (555..600).any(|y| {
                let i = (y * SIZE.0 as usize + x) * 3;
                (rgb[i], rgb[i + 1], rgb[i + 2]) != ground
            })
        };
        let span = |rgb: &[u8]| {
            let xs: Vec<usize> = (20..1180).filter(|&x| inked(rgb, x)).collect();
            (xs[0], xs[xs.len() - 1])
        };
        let (left, right) = span(&rgb);
        assert!(
            (1126..=1137).contains(&right) && left > 100,
            "{route:?}: the credit spans {left}..{right}"
        );
        let (left, _) = span(&render(en, route).unwrap());
        assert!(
            (63..=70).contains(&left),
            "{route:?}: the English credit starts at {left}"
        );
        assert!(
            seen.insert(rgb),
            "{route:?}: the same image as another page"
        );
    }
}
