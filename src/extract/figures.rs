//! Figures: the statistics a document states (placeholder until the extractor lands).

use serde::Serialize;

use super::Para;

/// A statistic as the document states it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    pub id: String,
    pub doc: String,
    /// The figure's words exactly as in the body (`body[start..end]`).
    pub text: String,
    pub values: Vec<f64>,
    pub unit: Option<String>,
    pub qualifier: Option<String>,
    pub subject: Option<String>,
    pub period: Option<String>,
    pub sentence: String,
    pub start: usize,
    pub end: usize,
    pub paragraph: usize,
}

pub fn find(_para: &Para) -> Vec<Figure> {
    Vec::new()
}
