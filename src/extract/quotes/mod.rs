//! Quotes (placeholder).
use serde::Serialize;

use super::Para;

/// A direct quotation and who the text says spoke it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    pub id: String,
    pub doc: String,
    pub text: String,
    pub speaker: Option<String>,
    pub sentence: String,
    pub start: usize,
    pub end: usize,
    pub paragraph: usize,
}

pub fn find(_paras: &[Para]) -> Vec<Quote> {
    Vec::new()
}
