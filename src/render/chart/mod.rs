//! Charts: a figures block drawn as bars or a line, as one SVG that the
//! Markdown links and the PDF embeds, so both show the same picture.
//!
//! The SVG is written by hand rather than through a plotting crate: a chart
//! here is a dozen rectangles, a polyline and some text, and writing them
//! directly keeps the output byte-stable (it is snapshot-tested and its
//! labels must be found by `pdftotext` in the PDF), with every string from
//! the corpus or the spec XML-escaped in one place.

mod format;
pub mod scale;
mod svg;

pub use format::SvgFormat;

pub use svg::{escape, label as value_label, svg};

use crate::brief::{Block, Brief, Chart, ChartKind};

use super::chart_style::ChartStyle;

/// Every chart of the brief as its SVG file (name, text), in the style its
/// template gives.
pub fn files(brief: &Brief, style: &ChartStyle) -> Vec<(String, String)> {
    brief
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::Chart(c) => Some((c.file.clone(), svg(c, style))),
            _ => None,
        })
        .collect()
}

/// The points' x positions from 0 to 1: by date when every label names a
/// year and the chart is a line (so 2012, 2022 and 2023 are not drawn
/// evenly spaced), otherwise evenly spaced categories.
fn positions(chart: &Chart) -> Vec<f64> {
    let n = chart.points.len();
    let even = || {
        (0..n)
            .map(|i| (i as f64 + 0.5) / n as f64)
            .collect::<Vec<_>>()
    };
    if chart.kind == ChartKind::Bar || n < 2 {
        return even();
    }
    let dates: Option<Vec<f64>> = chart
        .points
        .iter()
        .map(|p| crate::period::year_of(&p.label))
        .collect();
    let Some(dates) = dates else {
        return even();
    };
    let (first, last) = (dates[0], dates[n - 1]);
    if !dates.windows(2).all(|w| w[1] > w[0]) {
        return even();
    }
    let margin = 0.5 / n as f64;
    dates
        .iter()
        .map(|d| margin + (d - first) / (last - first) * (1.0 - 2.0 * margin))
        .collect()
}
