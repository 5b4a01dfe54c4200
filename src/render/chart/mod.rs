//! Charts: a figures block drawn as bars or a line, as one SVG that the
//! Markdown links and the PDF embeds, so both show the same picture.
//!
//! The SVG is written by hand rather than through a plotting crate: a chart
//! here is a dozen rectangles, a polyline and some text, and writing them
//! directly keeps the output byte-stable (it is snapshot-tested and its
//! labels must be found by `pdftotext` in the PDF), with every string from
//! the corpus or the spec XML-escaped in one place.

pub mod scale;
mod svg;
pub mod time;

pub use svg::svg;

use serde::Serialize;

/// Bars or a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Bar,
    Line,
}

/// What a chart shows: everything the SVG needs, and nothing it would
/// have to look up.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Chart {
    pub kind: Kind,
    pub title: Option<String>,
    pub x_label: Option<String>,
    pub y_label: Option<String>,
    /// The one unit every point shares ("percent", "USD"), `None` for counts.
    pub unit: Option<String>,
    pub points: Vec<Point>,
    /// The font families of the brief, so the chart's text matches it (CJK
    /// included) in the PDF, and in a browser that has them.
    pub fonts: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Point {
    /// Its period as the source gives it, or the analyst's label.
    pub label: String,
    /// What kind of count it is ("mid-year", "whole year"), when the points
    /// of a chart are not all the same kind.
    pub measure: Option<String>,
    pub value: f64,
}

impl Chart {
    /// The points' x positions from 0 to 1: by date when every label names
    /// a year and the chart is a line (so 2012, 2022 and 2023 are not drawn
    /// evenly spaced), otherwise evenly spaced categories.
    fn positions(&self) -> Vec<f64> {
        let n = self.points.len();
        let even = || {
            (0..n)
                .map(|i| (i as f64 + 0.5) / n as f64)
                .collect::<Vec<_>>()
        };
        if self.kind == Kind::Bar || n < 2 {
            return even();
        }
        let dates: Option<Vec<f64>> = self
            .points
            .iter()
            .map(|p| time::year_of(&p.label))
            .collect();
        let Some(dates) = dates else {
            return even();
        };
        let (first, last) = (dates[0], dates[n - 1]);
        let increasing = dates.windows(2).all(|w| w[1] > w[0]);
        if !increasing {
            return even();
        }
        let margin = 0.5 / n as f64;
        dates
            .iter()
            .map(|d| margin + (d - first) / (last - first) * (1.0 - 2.0 * margin))
            .collect()
    }
}
