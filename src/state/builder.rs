//! The embed builder's state, kept in its page's address so an editor can
//! bookmark or pass on a choice: `/embed/?step=round-one/iraqs-pledge&show=chart&theme=dark`.
//! Also the `?theme=` an embed honours. Parsing never panics; anything
//! unknown falls back to the first step, text and figure, and the reader's
//! own colours.

/// The query key of the chosen step: its address without slashes at the
/// ends ("round-one/iraqs-pledge"; a chapter's first step is the chapter).
pub const STEP_KEY: &str = "step";
/// The query key of what the embed shows: `chart` for the figure alone.
pub const SHOW_KEY: &str = "show";
/// The value of [`SHOW_KEY`] for the figure alone.
pub const SHOW_CHART: &str = "chart";
/// The query key an embed reads its colours from.
pub const THEME_KEY: &str = "theme";

/// The colours an embed is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// The reader's own setting (`prefers-color-scheme`).
    #[default]
    Auto,
    /// Light, whatever the reader's setting.
    Light,
    /// Dark, whatever the reader's setting.
    Dark,
}

impl Theme {
    /// Every theme, in the order the builder offers them.
    pub const ALL: [Theme; 3] = [Theme::Auto, Theme::Light, Theme::Dark];

    /// The theme a `?theme=` value asks for; anything else is [`Theme::Auto`].
    pub fn parse(value: Option<&str>) -> Theme {
        match value.map(str::trim) {
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            _ => Theme::Auto,
        }
    }

    /// The value written in the address; `None` for [`Theme::Auto`], which
    /// needs none.
    pub fn slug(self) -> Option<&'static str> {
        match self {
            Theme::Auto => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }
}

/// One step an editor can embed: its address and whether it has a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice<'a> {
    /// The step's address without the base path ("/round-one/iraqs-pledge/").
    pub path: &'a str,
    /// Whether the figure alone can be embedded.
    pub has_figure: bool,
}

/// What the editor has chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Builder {
    /// Index into the builder's choices.
    pub step: usize,
    /// The figure alone (only for a step that has one).
    pub chart: bool,
    /// The embed's colours.
    pub theme: Theme,
}

impl Builder {
    /// Reads the choice from a page's query pairs. An unknown step is the
    /// first; the figure alone of a step without one is its whole step.
    pub fn parse(query: &[(String, String)], choices: &[Choice]) -> Builder {
        let get = |key: &str| {
            query
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        };
        let step = get(STEP_KEY)
            .map(|v| v.trim().trim_matches('/'))
            .and_then(|v| choices.iter().position(|c| c.path.trim_matches('/') == v))
            .unwrap_or(0);
        let chart = get(SHOW_KEY).map(str::trim) == Some(SHOW_CHART)
            && choices.get(step).is_some_and(|c| c.has_figure);
        Builder {
            step,
            chart,
            theme: Theme::parse(get(THEME_KEY)),
        }
    }

    /// Reads the choice from the form's values: the picker's (a step's
    /// index), and the checked "show" and "theme" buttons'. Anything odd
    /// falls back as [`Builder::parse`] does.
    pub fn from_form(step: &str, show: &str, theme: &str, choices: &[Choice]) -> Builder {
        let step = step
            .trim()
            .parse()
            .ok()
            .filter(|&i| i < choices.len())
            .unwrap_or(0);
        Builder {
            step,
            chart: show == SHOW_CHART && choices.get(step).is_some_and(|c| c.has_figure),
            theme: Theme::parse(Some(theme)),
        }
    }

    /// The builder page's query for this choice ("?step=…&show=chart").
    pub fn query(&self, choices: &[Choice]) -> String {
        let mut parts = Vec::new();
        if let Some(c) = choices.get(self.step) {
            parts.push(format!("{STEP_KEY}={}", c.path.trim_matches('/')));
        }
        if self.chart {
            parts.push(format!("{SHOW_KEY}={SHOW_CHART}"));
        }
        if let Some(theme) = self.theme.slug() {
            parts.push(format!("{THEME_KEY}={theme}"));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// The embed's address after `…/embed` (what `state::embed::embed_code`
    /// takes), with its theme: "/round-one/iraqs-pledge/chart/?theme=dark".
    pub fn embed_path(&self, choices: &[Choice]) -> String {
        let path = choices.get(self.step).map_or("/", |c| c.path);
        let chart = if self.chart { "chart/" } else { "" };
        let theme = self
            .theme
            .slug()
            .map_or_else(String::new, |t| format!("?{THEME_KEY}={t}"));
        format!("{path}{chart}{theme}")
    }
}

/// The builder's link for one step: `?step=` and its address.
pub fn builder_query(path: &str) -> String {
    format!("?{STEP_KEY}={}", path.trim_matches('/'))
}

/// `href` (another embedded step, where a host moves the embed) with the
/// theme the current page was asked for in `search` (its query, "?…"), so
/// the embed keeps its colours. An address that already has a query or a
/// fragment is left alone. Plain string work: this runs in every embed's
/// wasm.
pub fn carry_theme(href: &str, search: &str) -> String {
    const ASKED: [&str; 2] = ["theme=light", "theme=dark"];
    let theme = search
        .trim_start_matches('?')
        .split('&')
        .find(|part| ASKED.contains(part));
    match theme {
        Some(theme) if !href.contains(['?', '#']) => format!("{href}?{theme}"),
        _ => href.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `value` is safe in the query as written, unescaped.
    fn plain(value: &str) -> bool {
        value
            .split('/')
            .all(|part| crate::state::query::slug(part) == part)
    }

    fn pairs(q: &str) -> Vec<(String, String)> {
        crate::state::url::Query::parse(q).pairs().to_vec()
    }

    const CHOICES: [Choice; 3] = [
        Choice {
            path: "/context/",
            has_figure: true,
        },
        Choice {
            path: "/sources/",
            has_figure: false,
        },
        Choice {
            path: "/round-one/iraqs-pledge/",
            has_figure: true,
        },
    ];

    #[test]
    fn a_choice_survives_its_own_address() {
        for (step, choice) in CHOICES.iter().enumerate() {
            for chart in [false, true] {
                for theme in Theme::ALL {
                    let b = Builder {
                        step,
                        chart: chart && choice.has_figure,
                        theme,
                    };
                    let q = b.query(&CHOICES);
                    assert_eq!(Builder::parse(&pairs(&q), &CHOICES), b, "{q}");
                    assert!(q.split(['?', '&', '=']).all(plain), "{q}");
                }
            }
        }
    }

    #[test]
    fn bad_input_falls_back_to_the_plain_choice() {
        for q in [
            "",
            "?step=nowhere",
            "?step=",
            "?show=chart&step=sources",
            "?theme=purple",
            "?step=%FF%FE",
            "?step=//context//extra",
        ] {
            let b = Builder::parse(&pairs(q), &CHOICES);
            assert!(!b.chart || CHOICES[b.step].has_figure, "{q}");
            assert_eq!(b.theme, Theme::Auto, "{q}");
        }
        assert_eq!(
            Builder::parse(&pairs("?step=/round-one/iraqs-pledge/"), &CHOICES).step,
            2
        );
        assert!(!Builder::parse(&pairs("?step=sources&show=chart"), &CHOICES).chart);
        assert_eq!(Builder::parse(&[], &[]), Builder::default());
        assert_eq!(Builder::default().query(&[]), "");
    }

    #[test]
    fn the_form_reads_back_as_the_same_choice() {
        let b = Builder::from_form("2", "chart", "dark", &CHOICES);
        assert_eq!(
            b,
            Builder {
                step: 2,
                chart: true,
                theme: Theme::Dark
            }
        );
        assert!(!Builder::from_form("1", "chart", "auto", &CHOICES).chart);
        for bad in ["", "-1", "3", "99999999999999999999", "x"] {
            assert_eq!(
                Builder::from_form(bad, "step", "", &CHOICES).step,
                0,
                "{bad}"
            );
        }
    }

    #[test]
    fn the_embed_path_names_the_step_its_form_and_its_theme() {
        let b = Builder {
            step: 2,
            chart: true,
            theme: Theme::Dark,
        };
        assert_eq!(
            b.embed_path(&CHOICES),
            "/round-one/iraqs-pledge/chart/?theme=dark"
        );
        let b = Builder {
            step: 0,
            chart: false,
            theme: Theme::Auto,
        };
        assert_eq!(b.embed_path(&CHOICES), "/context/");
        assert_eq!(
            builder_query("/round-one/iraqs-pledge/"),
            "?step=round-one/iraqs-pledge"
        );
    }

    #[test]
    fn an_embed_keeps_its_theme_from_step_to_step() {
        let dark = "?theme=dark&troops=may-2003";
        assert_eq!(
            carry_theme("/embed/round-two/", dark),
            "/embed/round-two/?theme=dark"
        );
        assert_eq!(
            carry_theme("/embed/round-two/?x=1", dark),
            "/embed/round-two/?x=1"
        );
        assert_eq!(carry_theme("/e/", "?x=1&theme=light"), "/e/?theme=light");
        for bad in ["?theme=<script>", "?theme=darker", "?xtheme=dark", "", "?"] {
            assert_eq!(
                carry_theme("/embed/round-two/", bad),
                "/embed/round-two/",
                "{bad}"
            );
        }
        assert_eq!(Theme::parse(Some(" light ")), Theme::Light);
    }
}
