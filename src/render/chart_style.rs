//! A chart's colours and fonts, read from the brief's template, so the
//! template stays the one place that decides the look: a template that
//! changes `accent` or `serif` changes the charts with the text.
//!
//! Only the template's plain named values are read (`#let accent =
//! rgb("#1d3557")`, `#let muted = luma(95)`, `#let rule = luma(200)`,
//! `#let serif = ("Libertinus Serif", …)`); a value written any other way
//! keeps the built-in default, as does a template that names none.

/// The font families chart text is set in when the template names none:
/// the built-in template's.
pub const FONTS: [&str; 2] = ["Libertinus Serif", "Noto Serif CJK SC"];

/// Colours as SVG writes them (`#rrggbb`) and font families, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartStyle {
    /// Bars, the line, the title and the x labels: the template's `accent`.
    pub ink: String,
    /// Tick labels, the axis title, the zero line: `muted`.
    pub muted: String,
    /// Grid lines: `rule`.
    pub grid: String,
    /// Text: `serif`.
    pub fonts: Vec<String>,
}

impl Default for ChartStyle {
    fn default() -> Self {
        ChartStyle {
            ink: "#1d3557".into(),
            muted: "#5f5f5f".into(),
            grid: "#c8c8c8".into(),
            fonts: FONTS.iter().map(|f| f.to_string()).collect(),
        }
    }
}

impl ChartStyle {
    /// The style a template's named values give, defaults for the rest.
    pub fn from_template(template: &str) -> ChartStyle {
        let mut style = ChartStyle::default();
        for line in template.lines() {
            let Some(rest) = line.trim().strip_prefix("#let ") else {
                continue;
            };
            let Some((name, value)) = rest.split_once('=') else {
                continue;
            };
            let value = value.trim();
            match name.trim() {
                "accent" => set(&mut style.ink, colour(value)),
                "muted" => set(&mut style.muted, colour(value)),
                "rule" => set(&mut style.grid, colour(value)),
                "serif" => {
                    let fonts = families(value);
                    if !fonts.is_empty() {
                        style.fonts = fonts;
                    }
                }
                _ => {}
            }
        }
        style
    }
}

fn set(field: &mut String, value: Option<String>) {
    if let Some(v) = value {
        *field = v;
    }
}

/// `rgb("#1d3557")`, `rgb("#abc")` or `luma(95)` as `#rrggbb`.
fn colour(value: &str) -> Option<String> {
    if let Some(inner) = value
        .strip_prefix("rgb(\"#")
        .and_then(|v| v.strip_suffix("\")"))
    {
        let hex = match inner.len() {
            6 => inner.to_string(),
            3 => inner.chars().flat_map(|c| [c, c]).collect(),
            _ => return None,
        };
        return hex
            .chars()
            .all(|c| c.is_ascii_hexdigit())
            .then(|| format!("#{}", hex.to_ascii_lowercase()));
    }
    let inner = value.strip_prefix("luma(")?.strip_suffix(')')?;
    let level: u8 = inner.trim().parse().ok()?;
    Some(format!("#{level:02x}{level:02x}{level:02x}"))
}

/// `("Libertinus Serif", "Noto Serif CJK SC")` or `"Libertinus Serif"`.
fn families(value: &str) -> Vec<String> {
    value
        .split('"')
        .skip(1)
        .step_by(2)
        .filter(|f| !f.trim().is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_template_gives_the_default_style() {
        let style = ChartStyle::from_template(crate::render::template::BUILTIN_TEMPLATE);
        assert_eq!(style.ink, "#1d3557");
        assert_eq!(style.muted, "#5f5f5f");
        assert_eq!(style.grid, "#c8c8c8");
        assert_eq!(style.fonts, ["Libertinus Serif", "Noto Serif CJK SC"]);
    }

    #[test]
    fn a_template_s_own_values_colour_its_charts() {
        let t = "#let accent = rgb(\"#A00\")\n#let muted = luma(40)\n#let serif = (\"Source Serif 4\",)\n#let rule = gray\n";
        let style = ChartStyle::from_template(t);
        assert_eq!(style.ink, "#aa0000");
        assert_eq!(style.muted, "#282828");
        assert_eq!(
            style.grid,
            ChartStyle::default().grid,
            "a value it cannot read"
        );
        assert_eq!(style.fonts, ["Source Serif 4"]);
    }
}
