//! The resolved brief: the one model every renderer reads. Everything a
//! renderer prints is here already chosen, ordered and numbered, so Markdown
//! and PDF cannot disagree about what the brief says or which note is which.
//!
//! Text from the corpus is kept as plain strings (never markup); each renderer
//! escapes it for its own format.

use std::ops::Range;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::cite::Rich;

/// One output of one spec: the spec as one audience reads it.
#[derive(Debug, Clone, Serialize)]
pub struct Brief {
    /// The spec's name (its file stem), which names the output directory.
    pub name: String,
    /// `None` when the spec has no audiences.
    pub audience: Option<AudienceView>,
    pub title: String,
    pub subtitle: Option<String>,
    pub organisation: Option<String>,
    pub author: Option<String>,
    /// The brief's date, fixed even when the spec says `today`.
    pub date: NaiveDate,
    pub summary: Option<Prose>,
    /// The analyst's key points, in order (empty: no box).
    pub key_points: Vec<Prose>,
    pub sections: Vec<Section>,
    /// Footnotes in order; `notes[i].number == i + 1`.
    pub notes: Vec<Note>,
    /// Every cited document, in the citation style's bibliography order.
    pub sources: Vec<Source>,
    /// The PDF template the spec asked for.
    pub template: Option<String>,
}

/// The audience an output is for, as its reader should see it.
#[derive(Debug, Clone, Serialize)]
pub struct AudienceView {
    pub id: String,
    pub label: String,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Block {
    Text(Prose),
    Quotes {
        items: Vec<QuoteItem>,
    },
    Figures {
        layout: FigureLayout,
        items: Vec<FigureItem>,
    },
    Chart(Chart),
    Excerpt(ExcerptItem),
}

/// How a figures block is set in the text (charts are [`Block::Chart`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FigureLayout {
    Table,
    List,
}

/// A figures block drawn as a chart (`as: bar` or `as: line`). Both
/// renderers show the same SVG: the Markdown links the file, the PDF embeds
/// it; each point is also listed, with its note, as text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Chart {
    pub kind: ChartKind,
    /// The SVG's file name, written beside the Markdown.
    pub file: String,
    pub title: Option<String>,
    pub x_label: Option<String>,
    pub y_label: Option<String>,
    /// The unit every point shares ("percent", "USD"); `None` for counts.
    pub unit: Option<String>,
    pub points: Vec<ChartPoint>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChartKind {
    Bar,
    Line,
}

/// One value of a figure, placed on a chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChartPoint {
    /// The period the source gives for it, or the analyst's label.
    pub label: String,
    /// What kind of count it is ("mid-year"), set on every point when the
    /// points of a chart are not all the same kind.
    pub measure: Option<String>,
    pub value: f64,
    /// The figure it comes from, as the source writes it.
    pub id: String,
    pub text: String,
    pub note: usize,
}

/// The analyst's Markdown, and the corpus items its `{{kind:ID}}` references
/// stand for. The Markdown is the analyst's own and is markup; `refs` are
/// corpus text and are not.
#[derive(Debug, Clone, Serialize)]
pub struct Prose {
    pub markdown: String,
    /// In order of position; ranges into `markdown` cover the whole `{{…}}`.
    pub refs: Vec<InlineRef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct InlineRef {
    pub range: Range<usize>,
    /// The quote's or figure's id.
    pub id: String,
    /// The quote's or figure's words, verbatim.
    pub text: String,
    /// Quotes are printed in quotation marks, figures as they are.
    pub is_quote: bool,
    pub note: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuoteItem {
    pub id: String,
    pub text: String,
    /// Who said it: as extracted, or as the analyst corrected it.
    pub speaker: Option<String>,
    /// The speaker's role or title ("Immigration Minister"), extracted or corrected.
    pub role: Option<String>,
    pub speaker_description: Option<String>,
    pub note: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct FigureItem {
    pub id: String,
    pub text: String,
    /// What the figure counts, as the text says it.
    pub subject: Option<String>,
    /// The analyst's description of the figure (a correction), shown
    /// instead of `subject` when set.
    pub label: Option<String>,
    /// The period as the text gives it ("last year").
    pub period: Option<String>,
    /// When, as a table prints it: the calendar year with the text's words
    /// where they are relative ("2024 (“last year”)"), the text's period
    /// when it is absolute, else the source's date ("reported May 2024").
    pub when: Option<String>,
    /// The figure as a table prints it: a change "15,362 → 116,868" for a
    /// figure that goes from one value to another, else `text`.
    pub shown: String,
    pub note: usize,
}

impl QuoteItem {
    /// Who the attribution line names: the speaker with their role
    /// ("Nick Nobody, Immigration Minister"), else the role, else how the
    /// text describes an unnamed speaker.
    pub fn who(&self) -> Option<String> {
        match (&self.speaker, &self.role) {
            (Some(s), Some(r)) => Some(format!("{s}, {r}")),
            (Some(s), None) => Some(s.clone()),
            (None, Some(r)) => Some(r.clone()),
            (None, None) => self.speaker_description.clone(),
        }
    }
}

impl FigureItem {
    /// What a table says the figure counts: the analyst's label, else the
    /// subject extraction found.
    pub fn counts(&self) -> Option<&str> {
        self.label.as_deref().or(self.subject.as_deref())
    }
}

/// A verbatim passage of a document.
#[derive(Debug, Clone, Serialize)]
pub struct ExcerptItem {
    pub doc: String,
    /// The document section's heading, when the excerpt is a titled section.
    pub heading: Option<String>,
    /// The passage as its source sets it: paragraphs and lists, in order.
    pub blocks: Vec<ExcerptBlock>,
    pub note: usize,
}

/// A block of an excerpt: the little of its source's structure a brief
/// keeps (paragraphs and lists), so an excerpt does not lose its list
/// markers. Everything else the source marks up is literal text in a span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum ExcerptBlock {
    /// A paragraph, or the text of a list item.
    Paragraph {
        spans: Vec<Span>,
    },
    List(ExcerptList),
}

/// A bulleted or numbered list of an excerpt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExcerptList {
    pub ordered: bool,
    /// The number of the first item shown: the source's own numbering, so
    /// an excerpt of items 3–4 prints "3." and "4.".
    pub start: u64,
    /// Each item's blocks: its text, then any list nested in it.
    pub items: Vec<Vec<ExcerptBlock>>,
}

/// A run of verbatim text with the emphasis its source gave it. The text is
/// plain (never markup): each renderer escapes it and sets the emphasis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    pub text: String,
    pub emphasis: bool,
    pub strong: bool,
}

impl Span {
    /// Text with no emphasis.
    pub fn plain(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            emphasis: false,
            strong: false,
        }
    }
}

impl ExcerptBlock {
    /// Every span of `blocks`, depth first: the excerpt's text in reading order.
    pub fn spans(blocks: &[ExcerptBlock]) -> Vec<&Span> {
        let mut out = Vec::new();
        for b in blocks {
            match b {
                ExcerptBlock::Paragraph { spans } => out.extend(spans),
                ExcerptBlock::List(list) => {
                    for item in &list.items {
                        out.extend(ExcerptBlock::spans(item));
                    }
                }
            }
        }
        out
    }
}

/// A footnote: the citation of one document, full the first time, short after.
#[derive(Debug, Clone, Serialize)]
pub struct Note {
    pub number: usize,
    pub doc: String,
    pub text: Rich,
    /// The document's short citation without locator ("Huang, “Mass
    /// Exodus?”"), for a table's Source column and a chart's source line.
    pub short: Rich,
}

/// Note `number` (counted from 1, as `notes[i].number == i + 1`), if any.
pub fn note(notes: &[Note], number: usize) -> Option<&Note> {
    notes.get(number.wrapping_sub(1))
}

/// The short citation of note `number`'s document ("Huang, “Mass
/// Exodus?”"), empty when there is no such note: what a table's Source
/// column and an excerpt's attribution print in every format.
pub fn short_citation(notes: &[Note], number: usize) -> Rich {
    note(notes, number)
        .map(|n| n.short.clone())
        .unwrap_or_default()
}

/// An entry of the closing "Sources" list.
#[derive(Debug, Clone, Serialize)]
pub struct Source {
    pub doc: String,
    pub text: Rich,
}

/// What is new in an output since the baseline edition; computed by
/// [`crate::edition`], shown by a `what_changed` section.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ChangeSet {
    /// The edition compared with; `None` for a first edition.
    pub since: Option<String>,
    /// Document ids, in the order the output cites them.
    pub new_sources: Vec<String>,
    /// Quote ids, in the order the output shows them.
    pub new_quotes: Vec<String>,
    pub new_figures: Vec<String>,
    pub changed_figures: Vec<ChangedFigure>,
    /// Quotes and figures shown under the same id as before that now stand
    /// in another sentence: their source was edited, and the id may have
    /// come to mean something else.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub moved: Vec<Moved>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Moved {
    pub id: String,
    pub quote: bool,
    /// The sentence in the previous edition.
    pub before: String,
    /// The sentence now.
    pub now: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangedFigure {
    pub id: String,
    /// The figure's words in the previous edition.
    pub before: String,
}

impl ChangeSet {
    pub fn is_empty(&self) -> bool {
        self.new_sources.is_empty()
            && self.new_quotes.is_empty()
            && self.new_figures.is_empty()
            && self.changed_figures.is_empty()
            && self.moved.is_empty()
    }
}
