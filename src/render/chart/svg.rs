//! The chart as SVG text. Coordinates are written with at most one decimal,
//! so the same chart always gives the same bytes.

use std::fmt::Write;

use super::positions;
use super::scale::{Axis, number};
use crate::brief::{Chart, ChartKind as Kind};
use crate::decimal::Decimal;

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 360.0;
/// Average advance of a character, as a share of the font size: enough to
/// keep labels apart without measuring glyphs.
const ADVANCE: f64 = 0.55;

/// The chart as a standalone SVG document in the template's colours, its
/// text set in the template's fonts (so the PDF's chart matches its text,
/// CJK included).
pub fn svg(chart: &Chart, style: &crate::render::chart_style::ChartStyle) -> String {
    let (ink, muted, grid) = (
        style.ink.as_str(),
        style.muted.as_str(),
        style.grid.as_str(),
    );
    let fonts = &style.fonts;
    let values: Vec<f64> = chart.points.iter().map(|p| p.value).collect();
    let axis = Axis::covering(&values, 5);
    let tick_marks = axis.ticks();
    let ticks: Vec<String> = tick_marks
        .iter()
        .map(|t| tick_label(chart, &t.value))
        .collect();
    let widest_tick = ticks.iter().map(|t| t.chars().count()).max().unwrap_or(1) as f64;

    let top = if chart.title.is_some() { 48.0 } else { 20.0 };
    let left =
        14.0 + if chart.y_label.is_some() { 22.0 } else { 0.0 } + widest_tick * 11.0 * ADVANCE;
    let right = WIDTH - 16.0;
    let n = chart.points.len().max(1);
    let slot = (right - left) / n as f64;
    let x_lines: Vec<Vec<String>> = chart
        .points
        .iter()
        .map(|p| wrap(&p.label, slot, 11.0))
        .collect();
    let label_rows = x_lines.iter().map(Vec::len).max().unwrap_or(1) as f64;
    let measure_row = if chart.points.iter().any(|p| p.measure.is_some()) {
        14.0
    } else {
        0.0
    };
    let x_title = if chart.x_label.is_some() { 22.0 } else { 0.0 };
    let bottom = HEIGHT - 12.0 - x_title - measure_row - label_rows * 14.0;
    let y = |v: f64| bottom - axis.fraction(v) * (bottom - top);

    let mut out = String::new();
    let family = families(fonts);
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" font-family=\"{family}\">"
    );
    if let Some(title) = &chart.title {
        let _ = writeln!(out, "<title>{}</title>", escape(title));
        text(&mut out, WIDTH / 2.0, 26.0, 15.0, "middle", ink, title, "");
    }
    // Grid and value axis.
    for (t, tick) in tick_marks.iter().zip(&ticks) {
        let ty = bottom - t.at * (bottom - top);
        let stroke = if t.value.is_zero() { muted } else { grid };
        let _ = writeln!(
            out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{stroke}\" stroke-width=\"0.8\"/>",
            f(left),
            f(ty),
            f(right),
            f(ty)
        );
        text(&mut out, left - 6.0, ty + 4.0, 11.0, "end", muted, tick, "");
    }
    if let Some(y_label) = &chart.y_label {
        let (cx, cy) = (16.0, (top + bottom) / 2.0);
        let transform = format!(" transform=\"rotate(-90 {} {})\"", f(cx), f(cy));
        text(&mut out, cx, cy, 12.0, "middle", muted, y_label, &transform);
    }
    let xs: Vec<f64> = positions(chart)
        .iter()
        .map(|p| left + p * (right - left))
        .collect();
    match chart.kind {
        Kind::Bar => {
            let width = slot * 0.6;
            for (point, &x) in chart.points.iter().zip(&xs) {
                let (y0, y1) = (y(0.0), y(point.value));
                let _ = writeln!(
                    out,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{ink}\"/>",
                    f(x - width / 2.0),
                    f(y0.min(y1)),
                    f(width),
                    f((y0 - y1).abs())
                );
            }
        }
        Kind::Line => {
            let path: Vec<String> = chart
                .points
                .iter()
                .zip(&xs)
                .map(|(p, &x)| format!("{},{}", f(x), f(y(p.value))))
                .collect();
            let _ = writeln!(
                out,
                "<polyline points=\"{}\" fill=\"none\" stroke=\"{ink}\" stroke-width=\"2\"/>",
                path.join(" ")
            );
            for (p, &x) in chart.points.iter().zip(&xs) {
                let _ = writeln!(
                    out,
                    "<circle cx=\"{}\" cy=\"{}\" r=\"3.5\" fill=\"{ink}\"/>",
                    f(x),
                    f(y(p.value))
                );
            }
        }
    }
    // Each point's value, its label and, when points differ, its measure.
    for ((point, &x), lines) in chart.points.iter().zip(&xs).zip(&x_lines) {
        let above = if point.value >= 0.0 { -6.0 } else { 14.0 };
        let value = label(chart, point.value);
        text(
            &mut out,
            x,
            y(point.value) + above,
            11.0,
            "middle",
            ink,
            &value,
            "",
        );
        for (row, line) in lines.iter().enumerate() {
            let ly = bottom + 16.0 + row as f64 * 14.0;
            text(&mut out, x, ly, 11.0, "middle", ink, line, "");
        }
        if let Some(measure) = &point.measure {
            let my = bottom + 16.0 + label_rows * 14.0;
            text(
                &mut out,
                x,
                my,
                10.0,
                "middle",
                muted,
                &format!("({measure})"),
                "",
            );
        }
    }
    if let Some(x_label) = &chart.x_label {
        text(
            &mut out,
            (left + right) / 2.0,
            HEIGHT - 10.0,
            12.0,
            "middle",
            muted,
            x_label,
            "",
        );
    }
    out.push_str("</svg>\n");
    out
}

/// A value as the chart prints it: "67%" for percentages, else the number.
pub fn label(chart: &Chart, value: f64) -> String {
    with_unit(chart, number(value))
}

fn tick_label(chart: &Chart, value: &Decimal) -> String {
    with_unit(chart, value.to_string())
}

fn with_unit(chart: &Chart, number: String) -> String {
    match chart.unit.as_deref() {
        Some("percent") => format!("{number}%"),
        _ => number,
    }
}

#[allow(clippy::too_many_arguments)]
fn text(
    out: &mut String,
    x: f64,
    y: f64,
    size: f64,
    anchor: &str,
    fill: &str,
    s: &str,
    extra: &str,
) {
    let _ = writeln!(
        out,
        "<text x=\"{}\" y=\"{}\" font-size=\"{size}\" text-anchor=\"{anchor}\" fill=\"{fill}\"{extra}>{}</text>",
        f(x),
        f(y),
        escape(s)
    );
}

/// Breaks a label into lines that fit `width` at `size`, at spaces; a word
/// longer than a line stays whole rather than being cut.
fn wrap(label: &str, width: f64, size: f64) -> Vec<String> {
    let fits = ((width - 4.0) / (size * ADVANCE)).max(4.0) as usize;
    let mut lines: Vec<String> = Vec::new();
    for word in label.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= fits => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

fn families(fonts: &[String]) -> String {
    let mut names: Vec<String> = fonts.iter().map(|n| format!("'{}'", escape(n))).collect();
    names.push("serif".into());
    names.join(", ")
}

/// One decimal at most, and no "-0".
fn f(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    let r = if r == 0.0 { 0.0 } else { r };
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// Text from the corpus or the spec, as SVG character data or an attribute
/// value: nothing in it can open an element or end an attribute.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::ChartPoint;

    fn chart(kind: Kind) -> Chart {
        let points = [
            ("the end of 2012", 15_362.0),
            ("mid-2022", 116_868.0),
            ("2023", 176_239.0),
        ];
        Chart {
            kind,
            file: "charts/brief/numbers-1.svg".into(),
            title: Some("Asylum <seekers> & \"others\"".into()),
            x_label: Some("Period".into()),
            y_label: Some("People".into()),
            unit: None,
            points: points
                .iter()
                .enumerate()
                .map(|(i, (l, v))| ChartPoint {
                    label: l.to_string(),
                    measure: None,
                    value: *v,
                    id: format!("d/f{i}"),
                    text: number(*v),
                    note: i + 1,
                })
                .collect(),
        }
    }

    fn svg(chart: &Chart) -> String {
        super::svg(chart, &crate::render::chart_style::ChartStyle::default())
    }

    #[test]
    fn hostile_text_is_escaped() {
        let s = svg(&chart(Kind::Bar));
        assert!(s.contains("Asylum &lt;seekers&gt; &amp; &quot;others&quot;"));
        assert!(!s.contains("<seekers>"));
        assert_eq!(escape("a\u{0}b</text>"), "a b&lt;/text&gt;");
    }

    #[test]
    fn bars_are_as_tall_as_their_values_and_labelled() {
        let s = svg(&chart(Kind::Bar));
        assert_eq!(s.matches("<rect ").count(), 3);
        for label in ["15,362", "116,868", "176,239", "mid-2022", "200,000"] {
            assert!(s.contains(&format!(">{label}</text>")), "{label}\n{s}");
        }
        let heights: Vec<f64> = s
            .lines()
            .filter(|l| l.starts_with("<rect "))
            .map(|l| {
                let h = l
                    .split("height=\"")
                    .nth(1)
                    .and_then(|r| r.split('"').next());
                h.and_then(|h| h.parse().ok()).unwrap_or(0.0)
            })
            .collect();
        // 176,239 / 15,362 ≈ 11.5, within the one-decimal rounding.
        assert!(
            (heights[2] / heights[0] - 176_239.0 / 15_362.0).abs() < 0.2,
            "{heights:?}"
        );
    }

    #[test]
    fn a_line_over_years_is_spaced_by_date() {
        let c = chart(Kind::Line);
        let p = positions(&c);
        // end-2012 → mid-2022 is 9.5 years, mid-2022 → mid-2023 one.
        let ratio = (p[1] - p[0]) / (p[2] - p[1]);
        assert!((ratio - 9.5).abs() < 1e-9, "{p:?}");
        let mut unlabelled = c.clone();
        unlabelled.points[1].label = "last year".into();
        let even = positions(&unlabelled);
        assert!(((even[1] - even[0]) - (even[2] - even[1])).abs() < 1e-9);
    }

    #[test]
    fn the_same_chart_gives_the_same_bytes() {
        assert_eq!(svg(&chart(Kind::Line)), svg(&chart(Kind::Line)));
    }
}
