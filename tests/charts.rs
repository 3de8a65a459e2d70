//! Charts drawn with plotters' SVG backend: the marks and labels a reader
//! relies on are there, and hit-testing finds the points that were drawn.

use explainer::charts::troops::{self, segments};
use explainer::charts::{thousands, ChartStyle, Hits, Palette, View};
use explainer::story::{story, ChartKind};
use plotters::prelude::SVGBackend;

fn render(
    period: Option<(f64, f64)>,
    selected: Option<usize>,
    style: ChartStyle,
) -> (String, Hits) {
    let data = &story().unwrap().data.troops;
    let mut svg = String::new();
    let view = View {
        period,
        selected,
        ..View::default()
    };
    let hits = {
        let backend = SVGBackend::with_string(&mut svg, (640, 440));
        troops::draw(backend, data, &view, &style).expect("the chart draws")
    };
    (svg, hits)
}

fn centres(hits: &Hits) -> Vec<(i32, i32)> {
    hits.targets.iter().map(|t| t.centre()).collect()
}

fn hex(c: plotters::style::RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

const LIGHT: ChartStyle = ChartStyle {
    scale: 1.0,
    dark: false,
};

#[test]
fn draws_every_point_marker_and_label() {
    let data = &story().unwrap().data.troops;
    let (svg, hits) = render(None, None, LIGHT);
    assert_eq!(hits.targets.len(), data.points.len());
    let us = hex(Palette::LIGHT.us);
    let dots = svg.matches("<circle").count();
    assert!(
        dots >= data.points.len(),
        "{dots} circles for {} points",
        data.points.len()
    );
    assert!(svg.contains(&us), "US colour {us} missing");
    for marker in &data.markers {
        assert!(
            svg.contains(&marker.label),
            "marker label {:?} missing",
            marker.label
        );
    }
    assert!(
        svg.contains(&data.us_label) && svg.contains(&data.coalition_label),
        "legend missing"
    );
    for tick in ["2005", "2010", "2015", "2020", "1,000", "100,000"] {
        assert!(
            svg.contains(&format!(">{tick}<")) || svg.contains(&format!(">\n{tick}")),
            "tick {tick} missing"
        );
    }
}

#[test]
fn points_sit_left_to_right_in_date_order_and_higher_counts_higher() {
    let data = &story().unwrap().data.troops;
    let (_, hits) = render(None, None, LIGHT);
    let points = centres(&hits);
    for pair in points.windows(2) {
        assert!(pair[0].0 <= pair[1].0, "x must not go backwards: {pair:?}");
    }
    let peak = data
        .points
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.us.total_cmp(&b.1.us))
        .unwrap()
        .0;
    let min_y = points.iter().map(|p| p.1).min().unwrap();
    assert_eq!(
        points[peak].1, min_y,
        "the peak should be the highest point"
    );
}

#[test]
fn the_steps_period_is_drawn_as_a_band() {
    let band = hex(Palette::LIGHT.band);
    let (with, _) = render(Some((2019.5, 2020.5)), None, LIGHT);
    let (without, _) = render(None, None, LIGHT);
    assert!(with.contains(&band), "no band in {band}");
    assert!(!without.contains(&band));
}

#[test]
fn selection_rings_a_point_and_dark_mode_changes_colours() {
    let (plain, _) = render(None, None, LIGHT);
    let (selected, _) = render(None, Some(3), LIGHT);
    assert!(selected.matches("<circle").count() > plain.matches("<circle").count());
    let (dark, _) = render(
        None,
        None,
        ChartStyle {
            scale: 1.0,
            dark: true,
        },
    );
    assert!(dark.contains(&hex(Palette::DARK.ground)) && !dark.contains(&hex(Palette::LIGHT.us)));
}

#[test]
fn density_scales_strokes_and_text() {
    let data = &story().unwrap().data.troops;
    let mut one = String::new();
    let mut two = String::new();
    troops::draw(
        SVGBackend::with_string(&mut one, (640, 440)),
        data,
        &View::default(),
        &LIGHT,
    )
    .unwrap();
    let style2 = ChartStyle {
        scale: 2.0,
        dark: false,
    };
    troops::draw(
        SVGBackend::with_string(&mut two, (1280, 880)),
        data,
        &View::default(),
        &style2,
    )
    .unwrap();
    let (a, b) = (max_font_size(&one), max_font_size(&two));
    assert!(a > 0.0, "no text drawn");
    assert!(
        (b / a - 2.0).abs() < 0.05,
        "text at density 2 should be twice as large: {a} vs {b}"
    );
    let (wa, wb) = (max_stroke(&one), max_stroke(&two));
    // Stroke widths are whole pixels, so each side may be off by one rounding.
    assert!(
        (wb - 2.0 * wa).abs() <= 1.0,
        "strokes at density 2 should be twice as wide: {wa} vs {wb}"
    );
}

fn attr_values(svg: &str, attr: &str) -> Vec<f64> {
    svg.split(&format!("{attr}=\""))
        .skip(1)
        .filter_map(|rest| rest.split('"').next()?.trim_end_matches("px").parse().ok())
        .collect()
}

fn max_font_size(svg: &str) -> f64 {
    attr_values(svg, "font-size")
        .into_iter()
        .fold(0.0, f64::max)
}

fn max_stroke(svg: &str) -> f64 {
    attr_values(svg, "stroke-width")
        .into_iter()
        .fold(0.0, f64::max)
}

#[test]
fn hit_testing_finds_the_nearest_drawn_point() {
    let (_, hits) = render(None, None, LIGHT);
    let points = centres(&hits);
    for (i, &(x, y)) in points.iter().enumerate() {
        let found = hits.hit(x + 1, y - 1, 6);
        // Points closer than 6 px to each other may win instead; they must be that close.
        let j = found.expect("a point right next to the cursor is found");
        let (dx, dy) = (points[j].0 - x, points[j].1 - y);
        assert!(j == i || dx * dx + dy * dy <= 4 * 36, "{i} vs {j}");
    }
    assert_eq!(hits.hit(-100, -100, 10), None);
    assert_eq!(Hits::default().hit(0, 0, 10), None);
}

#[test]
fn a_pointer_in_the_plot_snaps_to_the_nearest_date() {
    let (_, hits) = render(None, None, LIGHT);
    let (l, t, r, b) = hits.snap.expect("the troop chart snaps");
    assert!(l < r && t < b);
    for target in &hits.targets {
        let (x, _) = target.centre();
        // Straight above or below the dot, far from it: still that date.
        for y in [t + 1, b - 1] {
            assert_eq!(hits.hit(x, y, 4), Some(target.item), "at ({x}, {y})");
        }
    }
    // Between two dates, the nearer one.
    let (a, c) = (hits.targets[0].centre(), hits.targets[1].centre());
    assert!(c.0 - a.0 > 4, "the first two dates are apart");
    assert_eq!(hits.hit(a.0 + 1, t + 1, 4), Some(hits.targets[0].item));
    assert_eq!(hits.hit(c.0 - 1, t + 1, 4), Some(hits.targets[1].item));
    // Outside the plot nothing snaps.
    assert_eq!(hits.hit(l - 40, t + 1, 4), None);
    assert_eq!(hits.hit(a.0, b + 30, 4), None);
}

#[test]
fn long_gaps_break_the_line() {
    assert_eq!(
        segments(&[2003.0, 2004.0, 2011.9, 2014.8, 2015.4]),
        vec![0..2, 2..3, 3..5]
    );
    assert_eq!(segments(&[]), Vec::<std::ops::Range<usize>>::new());
    assert_eq!(segments(&[2020.0]), vec![0..1]);
}

#[test]
fn counts_are_grouped_by_thousands() {
    assert_eq!(thousands(171000.0), "171,000");
    assert_eq!(thousands(150.0), "150");
    assert_eq!(thousands(1000.0), "1,000");
    assert_eq!(thousands(-2500.4), "-2,500");
    assert_eq!(thousands(0.0), "0");
}

#[test]
fn hung_labels_never_overlap_leave_their_span_or_sit_across_a_rule() {
    use explainer::charts::layout::hang;
    // Random rules and widths: whatever `hang` returns keeps every rule
    // clear of the labels it would run through, and every label inside.
    let mut seed = 7u64;
    let mut placed = 0;
    for _ in 0..500 {
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % 400) as i32
        };
        let n = (next() % 6) as usize + 1;
        let mut xs: Vec<i32> = (0..n).map(|_| next()).collect();
        xs.sort();
        let ws: Vec<i32> = (0..n).map(|_| 20 + next() % 80).collect();
        let Some(out) = hang(&xs, &ws, &[], (0, 400), 3, 4) else {
            continue;
        };
        placed += 1;
        assert_eq!(out.len(), n);
        for (i, a) in out.iter().enumerate() {
            assert!(a.span.0 >= 0 && a.span.1 <= 400);
            assert_eq!(a.span.1 - a.span.0, ws[i]);
            assert!(
                a.span.0 == xs[i] + 3 || a.span.1 == xs[i] - 3,
                "beside its rule"
            );
            for (j, b) in out.iter().enumerate().filter(|(j, _)| *j != i) {
                if a.row == b.row {
                    assert!(a.span.1 <= b.span.0 || b.span.1 <= a.span.0);
                }
                if a.span.0 <= xs[j] && xs[j] <= a.span.1 {
                    assert!(a.row > b.row, "label {i} across rule {j}: {out:?}");
                }
            }
        }
    }
    assert!(placed > 400, "most random layouts fit: {placed}");
}

#[test]
fn the_csv_has_a_row_per_figure_with_plain_numbers_and_quoted_text() {
    use explainer::charts::export::{csv, csv_field};
    let story = story().unwrap();
    let text = csv(story, ChartKind::Troops);
    let lines: Vec<&str> = text.trim_end().split("\r\n").collect();
    assert_eq!(lines.len(), story.data.troops.points.len() + 1);
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("October 2007,171000,11668,")),
        "{text}"
    );
    assert_eq!(csv_field("a,b"), "\"a,b\"");
    assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(csv_field("plain"), "plain");
}

#[test]
fn the_svg_export_is_a_whole_document_of_the_current_view() {
    use explainer::charts::export::svg;
    let story = story().unwrap();
    let view = View {
        period: Some((2019.5, 2020.5)),
        selected: Some(2),
        ..View::default()
    };
    let doc = svg(story, ChartKind::Troops, &view, (800, 500), false).unwrap();
    assert!(doc.starts_with("<svg") && doc.trim_end().ends_with("</svg>"));
    assert!(doc.contains("width=\"800\"") && doc.contains(&hex(Palette::LIGHT.band)));
}

#[test]
fn axis_ticks_are_round_and_cover_the_domain() {
    use explainer::charts::axes::{decade_ticks, linear_ticks};
    assert_eq!(
        linear_ticks(100.0, 5),
        vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
    );
    assert_eq!(linear_ticks(70.0, 5), vec![0.0, 20.0, 40.0, 60.0]);
    assert_eq!(linear_ticks(10.0, 4), vec![0.0, 2.5, 5.0, 7.5, 10.0]);
    assert_eq!(linear_ticks(0.0, 5), vec![0.0]);
    assert_eq!(linear_ticks(f64::NAN, 5), vec![0.0]);
    assert_eq!(
        decade_ticks(100.0, 300_000.0),
        vec![100.0, 1_000.0, 10_000.0, 100_000.0]
    );
}

#[test]
fn the_plot_maps_its_domain_onto_its_pixels_on_linear_and_log_scales() {
    use explainer::charts::axes::Plot;
    let mut plot = Plot {
        left: 10,
        right: 110,
        top: 0,
        bottom: 300,
        x: (2000.0, 2010.0),
        y: (100.0, 100_000.0),
        log_y: true,
    };
    assert_eq!(plot.at((2000.0, 100.0)), (10, 300));
    assert_eq!(plot.at((2010.0, 100_000.0)), (110, 0));
    // Each decade takes the same height on a log scale.
    assert_eq!(plot.px_y(1_000.0), 200);
    assert_eq!(plot.px_y(10_000.0), 100);
    // Zero has no place on a log axis: it sits on the floor.
    assert_eq!(plot.px_y(0.0), 300);
    plot.log_y = false;
    plot.y = (0.0, 100.0);
    assert_eq!(plot.px_y(50.0), 150);
    assert_eq!(plot.px_x(2005.0), 60);
}

#[test]
fn dashes_alternate_drawn_and_blank_runs_and_carry_across_corners() {
    use explainer::charts::axes::dashes;
    // 30 px straight: dash 6, gap 4 → drawn at 0–6, 10–16, 20–26.
    let pieces = dashes(&[(0, 0), (30, 0)], 6, 4);
    assert_eq!(
        pieces,
        vec![
            vec![(0, 0), (6, 0)],
            vec![(10, 0), (16, 0)],
            vec![(20, 0), (26, 0)]
        ]
    );
    // Around a corner the pattern runs on: a dash may bend.
    let pieces = dashes(&[(0, 0), (8, 0), (8, 10)], 6, 4);
    assert_eq!(pieces[0], vec![(0, 0), (6, 0)]);
    assert_eq!(pieces[1], vec![(8, 2), (8, 8)]);
    let bent = dashes(&[(0, 0), (4, 0), (4, 10)], 6, 4);
    assert_eq!(bent[0], vec![(0, 0), (4, 0), (4, 2)]);
    // Degenerate input draws nothing and never loops.
    assert!(dashes(&[(5, 5), (5, 5)], 6, 4).is_empty());
}
