//! Every figure, drawn natively with plotters' SVG backend at several sizes
//! and densities: each item is drawn where the reader can reach it, the
//! labels a reader relies on are there, filters and selection change the
//! drawing, and the words, table and CSV match the data files.

use explainer::charts::items::{readout, slugs, table, visible, Numbers};
use explainer::charts::timeline::EraScale;
use explainer::charts::{commitments, contrast, draw, ChartStyle, Hits, Palette, View};
use explainer::story::{story, ChartKind, Hue};
use plotters::prelude::SVGBackend;
use plotters::style::RGBColor;

fn render(kind: ChartKind, size: (u32, u32), view: &View, style: ChartStyle) -> (String, Hits) {
    let mut svg = String::new();
    let hits = {
        let backend = SVGBackend::with_string(&mut svg, size);
        draw(kind, backend, &story().unwrap().data, view, &style)
            .unwrap_or_else(|e| panic!("{} draws: {e}", kind.slug()))
    };
    (svg, hits)
}

/// Whether the SVG holds `text`, as plotters writes it (XML-escaped).
fn has(svg: &str, text: &str) -> bool {
    let escaped = text
        .replace('&', "&amp;")
        .replace('\'', "&apos;")
        .replace('"', "&quot;");
    svg.contains(text) || svg.contains(&escaped) || svg.contains(&text.replace('\'', "&#39;"))
}

const LIGHT: ChartStyle = ChartStyle {
    scale: 1.0,
    dark: false,
};

/// Wide, narrow (a phone), and a phone at density 3.
const SIZES: [((u32, u32), f64); 3] = [((640, 440), 1.0), ((300, 380), 1.0), ((900, 1140), 3.0)];

fn count(kind: ChartKind) -> usize {
    slugs(story().unwrap(), kind).len()
}

#[test]
fn every_item_of_every_figure_is_drawn_inside_the_canvas_at_every_size() {
    for kind in ChartKind::ALL {
        for (size, scale) in SIZES {
            let style = ChartStyle { scale, dark: false };
            let (svg, hits) = render(kind, size, &View::default(), style);
            // For a person to look at: FIGURES_OUT=dir keeps every drawing.
            if let Ok(dir) = std::env::var("FIGURES_OUT") {
                let file = format!("{dir}/{}-{}x{}.svg", kind.slug(), size.0, size.1);
                std::fs::create_dir_all(&dir)
                    .and_then(|()| std::fs::write(&file, &svg))
                    .unwrap();
            }
            let mut drawn: Vec<usize> = hits.targets.iter().map(|t| t.item).collect();
            drawn.sort_unstable();
            drawn.dedup();
            assert_eq!(
                drawn.len(),
                count(kind),
                "{} at {size:?}: items drawn",
                kind.slug()
            );
            for t in &hits.targets {
                let (l, top, r, b) = t.rect;
                assert!(
                    l >= -2
                        && top >= -2
                        && r <= size.0 as i32 + 2
                        && b <= size.1 as i32 + 2
                        && l < r
                        && top < b,
                    "{} at {size:?}: item {} at {:?} is off the canvas",
                    kind.slug(),
                    t.item,
                    t.rect
                );
            }
        }
    }
}

#[test]
fn boxes_never_overlap_and_each_is_found_at_its_centre() {
    for kind in [
        ChartKind::Parliament,
        ChartKind::Commitments,
        ChartKind::Agenda,
    ] {
        for (size, scale) in SIZES {
            let (_, hits) = render(
                kind,
                size,
                &View::default(),
                ChartStyle { scale, dark: false },
            );
            for (n, a) in hits.targets.iter().enumerate() {
                for b in &hits.targets[n + 1..] {
                    let overlap_x = a.rect.0.max(b.rect.0) < a.rect.2.min(b.rect.2);
                    let overlap_y = a.rect.1.max(b.rect.1) < a.rect.3.min(b.rect.3);
                    assert!(
                        !(overlap_x && overlap_y),
                        "{}: {a:?} overlaps {b:?}",
                        kind.slug()
                    );
                }
                let (x, y) = a.centre();
                assert_eq!(
                    hits.hit(x, y, 10),
                    Some(a.item),
                    "{}: centre of {a:?}",
                    kind.slug()
                );
            }
            assert_eq!(hits.hit(-500, -500, 10), None);
        }
    }
}

#[test]
fn dots_are_found_where_they_are_drawn() {
    for kind in [ChartKind::Timeline, ChartKind::Opinion, ChartKind::Oil] {
        let (_, hits) = render(kind, (640, 440), &View::default(), LIGHT);
        for t in &hits.targets {
            let (x, y) = t.centre();
            let found = hits.hit(x, y, 12).expect("a dot under the pointer");
            let other = hits.of(found).unwrap().centre();
            // Two dots at the same place (sources that agree on a date) may
            // answer for each other; nothing farther may.
            assert!(
                (other.0 - x).abs() <= 12 && (other.1 - y).abs() <= 12,
                "{}",
                kind.slug()
            );
        }
    }
}

#[test]
fn the_labels_a_reader_relies_on_are_drawn() {
    let story = story().unwrap();
    for kind in ChartKind::ALL {
        let Some(data) = story.data.dataset(kind) else {
            continue;
        };
        let (svg, _) = render(kind, (800, 560), &View::default(), LIGHT);
        let headed = !matches!(kind, ChartKind::Opinion | ChartKind::Oil);
        for g in &data.groups {
            // Panels name only the groups they draw as series or bars.
            if headed || data.items.iter().any(|i| i.group == g.slug) {
                assert!(
                    has(&svg, &g.label),
                    "{}: group label {:?}",
                    kind.slug(),
                    g.label
                );
            }
        }
        for rule in &data.rules {
            assert!(
                has(&svg, &rule.label),
                "{}: rule {:?}",
                kind.slug(),
                rule.label
            );
        }
        for side in &data.sides {
            assert!(
                has(&svg, &side.label),
                "{}: key to side {:?}",
                kind.slug(),
                side.label
            );
        }
        for round in &data.rounds {
            assert!(
                svg.contains(round.as_str()),
                "{}: round {round:?}",
                kind.slug()
            );
        }
    }
    let (svg, _) = render(ChartKind::Timeline, (800, 560), &View::default(), LIGHT);
    for year in ["2008", "2020", "2021"] {
        assert!(
            svg.contains(&format!(">{year}<")) || svg.contains(&format!(">\n{year}")),
            "year {year}"
        );
    }
}

#[test]
fn hiding_a_group_removes_its_items_and_the_rest_take_the_room() {
    let story = story().unwrap();
    for kind in [ChartKind::Timeline, ChartKind::Commitments] {
        let data = story.data.dataset(kind).unwrap();
        let group = &data.groups[0];
        let view = View {
            hidden: vec![group.slug.clone()],
            ..View::default()
        };
        let (svg, hits) = render(kind, (640, 440), &view, LIGHT);
        assert!(
            !has(&svg, &format!(">{}<", group.label)),
            "{}: hidden label drawn",
            kind.slug()
        );
        let shown = visible(story, kind, &view);
        assert!(!shown.is_empty() && shown.len() < data.items.len());
        let mut drawn: Vec<usize> = hits.targets.iter().map(|t| t.item).collect();
        drawn.sort_unstable();
        assert_eq!(
            drawn,
            shown,
            "{}: only the shown items are drawn",
            kind.slug()
        );
    }
}

#[test]
fn selection_highlight_and_theme_change_the_drawing() {
    for kind in ChartKind::ALL {
        let (plain, _) = render(kind, (640, 440), &View::default(), LIGHT);
        let selected = View {
            selected: Some(1),
            ..View::default()
        };
        let (with, _) = render(kind, (640, 440), &selected, LIGHT);
        assert_ne!(plain, with, "{}: selection draws nothing", kind.slug());
        if kind != ChartKind::Troops {
            let highlight = View {
                highlight: vec![0],
                ..View::default()
            };
            let (lit, _) = render(kind, (640, 440), &highlight, LIGHT);
            assert_ne!(plain, lit, "{}: highlight draws nothing", kind.slug());
        }
        let (dark, _) = render(
            kind,
            (640, 440),
            &View::default(),
            ChartStyle {
                scale: 1.0,
                dark: true,
            },
        );
        let ground = Palette::DARK.ground;
        assert!(
            dark.contains(&format!(
                "#{:02X}{:02X}{:02X}",
                ground.0, ground.1, ground.2
            )),
            "{}",
            kind.slug()
        );
    }
}

#[test]
fn every_item_has_a_readout_with_no_placeholder_left() {
    let story = story().unwrap();
    for kind in ChartKind::ALL {
        for i in 0..count(kind) {
            let text = readout(story, kind, i)
                .map(|r| r.text())
                .unwrap_or_default();
            assert!(text.len() > 10, "{} item {i}: {text:?}", kind.slug());
            assert!(
                !text.contains('{') && !text.contains('}'),
                "{} item {i}: {text}",
                kind.slug()
            );
        }
        assert_eq!(readout(story, kind, usize::MAX), None);
    }
}

#[test]
fn a_readout_is_a_heading_and_labelled_parts() {
    use explainer::charts::items::Readout;
    let r = Readout::compose(
        "{group}: {label}|Why it matters: {text}|{note}|Sources: {source}.",
        &[
            ("group", "Washington"),
            ("label", "Benchmarks"),
            ("text", "So progress can be seen."),
            ("note", ""),
            ("source", "Reuters"),
        ],
    );
    assert_eq!(r.head, "Washington: Benchmarks");
    assert_eq!(
        r.parts,
        vec![
            (
                "Why it matters".to_owned(),
                "So progress can be seen.".to_owned()
            ),
            ("Sources".to_owned(), "Reuters.".to_owned()),
        ],
        "labelled parts, and the empty note left out"
    );
    assert_eq!(
        r.text(),
        "Washington: Benchmarks. Why it matters: So progress can be seen. Sources: Reuters."
    );
    assert_eq!(
        r.parts_html(": "),
        r#"<p><b class="readout-label">Why it matters: </b>So progress can be seen.</p><p><b class="readout-label">Sources: </b>Reuters.</p>"#
    );
    // The parts are written as markup: every word in them is escaped.
    let hostile = Readout::compose(
        "{label}|Note: {note}",
        &[
            ("label", "x"),
            ("note", "<img src=x onerror=alert(1)> & \"q\""),
        ],
    );
    let html = hostile.parts_html(": ");
    assert!(
        !html.contains("<img") && html.contains("&lt;img") && html.contains("&amp;"),
        "{html}"
    );
    // Every figure's readouts: a heading and at least one part, and the
    // troop chart says its date once.
    let story = story().unwrap();
    for kind in ChartKind::ALL {
        for i in 0..count(kind) {
            let r = readout(story, kind, i).unwrap();
            assert!(
                !r.head.is_empty() && !r.parts.is_empty(),
                "{} {i}: {r:?}",
                kind.slug()
            );
        }
    }
    for (i, p) in story.data.troops.points.iter().enumerate() {
        let r = readout(story, ChartKind::Troops, i).unwrap();
        assert_eq!(r.head, p.label);
        let counts = 1 + usize::from(p.coalition.is_some());
        for (_, text) in &r.parts[..counts] {
            assert!(!text.contains(p.label.as_str()), "the date again: {text}");
        }
    }
}

#[test]
fn the_table_and_csv_have_a_row_per_item_and_the_numbers_of_the_data_file() {
    use explainer::charts::export::csv;
    let story = story().unwrap();
    for kind in ChartKind::ALL {
        let t = table(story, kind, Numbers::Formatted);
        assert_eq!(t.rows.len(), count(kind), "{}", kind.slug());
        assert!(t.rows.iter().all(|r| r.len() == t.headers.len()));
        let text = csv(story, kind);
        assert_eq!(
            text.trim_end().split("\r\n").count(),
            count(kind) + 1,
            "{}",
            kind.slug()
        );
        let Some(data) = story.data.dataset(kind) else {
            continue;
        };
        for (row, item) in t.rows.iter().zip(&data.items) {
            assert_eq!(row[0], item.label);
            if let Some(v) = item.value {
                let plain = format!("{v}");
                assert!(
                    row.iter().any(|c| c.contains(plain.trim_end_matches(".0"))),
                    "{}: {row:?}",
                    kind.slug()
                );
            }
        }
    }
    let seats = table(story, ChartKind::Parliament, Numbers::Formatted);
    assert!(seats
        .rows
        .iter()
        .any(|r| r[0] == "Fatah" && r.contains(&"48 seats".to_owned())));
}

#[test]
fn the_era_scale_skips_the_gap_and_keeps_time_in_order() {
    let scale = EraScale::new(&[[2008.8, 2009.0], [2019.7, 2022.0]], 0, 1000, 20);
    let a = scale.map(2008.8).unwrap();
    let b = scale.map(2009.0).unwrap();
    let c = scale.map(2019.7).unwrap();
    let d = scale.map(2022.0).unwrap();
    assert_eq!((a, d), (0, 1000));
    assert_eq!(c - b, 20, "the gap between eras");
    assert_eq!(scale.map(2015.0), None, "skipped years have no place");
    assert_eq!(scale.map(1990.0), None);
    let mut last = i32::MIN;
    for k in 0..=100 {
        let year = 2019.7 + 2.3 * f64::from(k) / 100.0;
        let x = scale.map(year).unwrap();
        assert!(x >= last);
        last = x;
    }
    let years: Vec<i32> = scale.ticks().iter().map(|t| t.0).collect();
    assert_eq!(years, vec![2009, 2020, 2021, 2022]);
    let labels: Vec<i32> = scale.year_labels().iter().map(|t| t.0).collect();
    assert_eq!(
        labels,
        vec![2008, 2019, 2020, 2021],
        "each year shown is named once"
    );
    assert_eq!(EraScale::new(&[], 0, 100, 10).map(2020.0), None);
}

#[test]
fn pledges_sit_in_their_rounds_column_and_never_share_a_line() {
    let data = &story().unwrap().data.commitments;
    for columns in [1, 2] {
        let lines = commitments::layout(data, &View::default(), columns);
        let mut places = std::collections::HashSet::new();
        for (col, row, line) in &lines {
            assert!(places.insert((*col, *row)), "two lines at {col},{row}");
            if let (2, commitments::Line::Item(n)) = (columns, line) {
                assert_eq!(*col + 1, usize::from(data.items[*n].round.unwrap()));
            }
        }
        let items = lines
            .iter()
            .filter(|l| matches!(l.2, commitments::Line::Item(_)))
            .count();
        assert_eq!(items, data.items.len());
    }
}

/// Simulated colour-vision deficiency (Machado, Oliveira and Fernandes 2009,
/// severity 1), applied in linear RGB; distances in CIELAB (ΔE 1976).
fn simulate(c: RGBColor, m: &[[f64; 3]; 3]) -> [f64; 3] {
    let lin = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    let rgb = [lin(c.0), lin(c.1), lin(c.2)];
    let out: Vec<f64> = m
        .iter()
        .map(|row| (row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2]).clamp(0.0, 1.0))
        .collect();
    lab([out[0], out[1], out[2]])
}

fn lab(rgb: [f64; 3]) -> [f64; 3] {
    let x = 0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2];
    let y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    let z = 0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2];
    let f = |t: f64| {
        if t > 0.008856 {
            t.cbrt()
        } else {
            7.787 * t + 16.0 / 116.0
        }
    };
    let (fx, fy, fz) = (f(x / 0.95047), f(y), f(z / 1.08883));
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

const NORMAL: [[f64; 3]; 3] = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]];
const PROTAN: [[f64; 3]; 3] = [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
];
const DEUTAN: [[f64; 3]; 3] = [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.011820, 0.042940, 0.968881],
];
const TRITAN: [[f64; 3]; 3] = [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.303900],
];

#[test]
fn colours_that_share_a_chart_stay_apart_for_colour_blind_readers_in_both_themes() {
    let story = story().unwrap();
    for palette in [Palette::LIGHT, Palette::DARK] {
        for kind in ChartKind::ALL {
            let Some(data) = story.data.dataset(kind) else {
                continue;
            };
            let mut hues: Vec<Hue> = data
                .groups
                .iter()
                .chain(&data.sides)
                .map(|g| g.hue)
                .collect();
            hues.extend(data.items.iter().filter_map(|i| i.hue));
            hues.sort_by_key(|h| format!("{h:?}"));
            hues.dedup();
            for (n, a) in hues.iter().enumerate() {
                for b in &hues[n + 1..] {
                    for (name, m) in [
                        ("normal", NORMAL),
                        ("protan", PROTAN),
                        ("deutan", DEUTAN),
                        ("tritan", TRITAN),
                    ] {
                        let (p, q) = (simulate(palette.hue(*a), &m), simulate(palette.hue(*b), &m));
                        let d =
                            ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2) + (p[2] - q[2]).powi(2))
                                .sqrt();
                        assert!(
                            d >= 10.0,
                            "{}: {a:?} and {b:?} are {d:.1} apart for {name} vision",
                            kind.slug()
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn marks_and_text_have_enough_contrast_in_both_themes() {
    for p in [Palette::LIGHT, Palette::DARK] {
        assert!(contrast(p.ink, p.ground) >= 4.5);
        assert!(contrast(p.muted, p.ground) >= 4.5, "muted text");
        for hue in [
            Hue::Us,
            Hue::Iraq,
            Hue::Iran,
            Hue::Coalition,
            Hue::Blocs,
            Hue::Economy,
            Hue::Neutral,
        ] {
            let c = contrast(p.hue(hue), p.ground);
            assert!(c >= 3.0, "{hue:?} marks at {c:.2}:1 against the ground");
        }
        // Text drawn on a coloured block picks the better of dark and white.
        for hue in [Hue::Iran, Hue::Neutral] {
            let fill = p.hue(hue);
            assert!(
                contrast(explainer::charts::text_on(fill), fill) >= 4.5,
                "{hue:?} labels"
            );
        }
    }
}

#[test]
fn fixed_point_numbers_round_like_the_formatter_they_replace() {
    use explainer::charts::fixed;
    for v in [
        0.0, 0.04, 0.05, 1.25, 63.0, 99.95, -2.5, -0.04, 171_000.4, 12.345,
    ] {
        for d in 0..=2 {
            // The formatter rounds halves to even on the binary value; the
            // two agree everywhere the app shows a number (tenths at most).
            let expected = format!("{v:.*}", d as usize);
            let got = fixed(v, d);
            let close = (got.parse::<f64>().unwrap() - expected.parse::<f64>().unwrap()).abs()
                <= 10f64.powi(-(d as i32)) + 1e-9;
            assert!(close, "{v} to {d} places: {got} vs {expected}");
            assert_eq!(
                got.split('.').nth(1).map_or(0, str::len),
                d as usize,
                "{got}"
            );
        }
    }
    assert_eq!(fixed(-0.04, 1), "0.0");
    assert_eq!(fixed(63.04, 1), "63.0");
    assert_eq!(fixed(1.25, 0), "1");
}

#[test]
fn the_triangle_marker_is_upright_and_symmetric() {
    use explainer::charts::triangle;
    use plotters::prelude::*;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (40, 40)).into_drawing_area();
        root.draw(&(EmptyElement::at((20, 20)) + triangle(8, BLACK.filled())))
            .unwrap();
        root.present().unwrap();
    }
    assert!(svg.contains("<polygon"), "{svg}");
    // Apex straight above the centre, base corners mirrored (plotters' own
    // marker rounds up and leans one pixel to the right).
    assert!(svg.contains("20,12 27,24 13,24"), "{svg}");
}

#[test]
fn downloaded_numbers_read_exactly_as_the_content_wrote_them() {
    use explainer::charts::plain;
    let data = &story().unwrap().data;
    let mut numbers: Vec<f64> = Vec::new();
    for p in &data.troops.points {
        numbers.push(p.us);
        numbers.extend(p.coalition);
    }
    for kind in ChartKind::ALL {
        if let Some(d) = data.dataset(kind) {
            for i in &d.items {
                numbers.extend([i.value, i.low, i.high, i.x].into_iter().flatten());
            }
            numbers.extend(d.rules.iter().map(|r| r.value));
        }
    }
    assert!(numbers.len() > 50, "only {} numbers found", numbers.len());
    for v in numbers {
        // Rust's shortest round-trip form: what the CSV wrote before.
        assert_eq!(plain(v), format!("{v}"), "{v}");
    }
    for (v, text) in [
        (0.5, "0.5"),
        (-2.25, "-2.25"),
        (171_000.0, "171000"),
        (0.0004, "0"),
    ] {
        assert_eq!(plain(v), text);
    }
}

/// XML text as the reader sees it (either way of writing an apostrophe).
fn unescape(text: &str) -> String {
    [
        ("&#39;", "'"),
        ("&apos;", "'"),
        ("&quot;", "\""),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&amp;", "&"),
    ]
    .iter()
    .fold(text.to_owned(), |t, (from, to)| t.replace(from, to))
}

/// Each kind of element in an SVG document, counted, and its texts in order.
fn svg_outline(svg: &str) -> (Vec<(&'static str, usize)>, Vec<String>) {
    let counts = [
        "<line",
        "<rect",
        "<polyline",
        "<polygon",
        "<circle",
        "<text",
    ]
    .map(|tag| (tag, svg.matches(tag).count()))
    .to_vec();
    let texts = svg
        .split("<text")
        .skip(1)
        .filter_map(|t| {
            Some(unescape(
                t.split_once('>')?.1.split_once("</text>")?.0.trim(),
            ))
        })
        .collect();
    (counts, texts)
}

#[test]
fn the_download_writer_draws_what_plotters_svg_backend_draws() {
    use explainer::charts::svg::SvgWriter;
    let story = story().unwrap();
    for kind in ChartKind::ALL {
        for (size, dark) in [((640, 440), false), ((360, 520), true)] {
            let view = View {
                selected: Some(1),
                ..View::default()
            };
            let style = ChartStyle { scale: 1.0, dark };
            let (reference, hits) = render(kind, size, &view, style);
            let mut ours = String::new();
            let our_hits = draw(
                kind,
                SvgWriter::new(&mut ours, size),
                &story.data,
                &view,
                &style,
            )
            .unwrap();
            assert_eq!(our_hits, hits, "{kind:?}");
            assert!(ours.starts_with("<svg ") && ours.trim_end().ends_with("</svg>"));
            assert_eq!(
                svg_outline(&ours),
                svg_outline(&reference),
                "{kind:?} at {size:?}"
            );
            // No float printed with more than three decimals.
            assert!(
                !ours
                    .split('"')
                    .any(|v| v.split_once('.').is_some_and(|(w, f)| {
                        w.parse::<i64>().is_ok()
                            && f.len() > 3
                            && f.bytes().all(|b| b.is_ascii_digit())
                    })),
                "{kind:?}"
            );
        }
    }
}
