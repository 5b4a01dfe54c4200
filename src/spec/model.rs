//! The spec as the analyst wrote it, typed and checked for shape but not yet
//! resolved against a corpus. Values that a later stage may reject (ids, doc
//! names, section slugs) keep their position so that error can point into the
//! spec too.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::diag::Diagnostic;
use crate::schedule::Schedule;

/// A value and the 1-based line and column where the spec wrote it.
#[derive(Debug, Clone, PartialEq)]
pub struct At<T> {
    pub value: T,
    pub line: usize,
    pub column: usize,
}

/// One briefing spec file.
#[derive(Debug, Clone)]
pub struct Spec {
    /// The spec file as the user named it (used in every diagnostic).
    pub path: PathBuf,
    /// The spec's text, kept so that resolve-time errors can show the line.
    pub source: String,
    /// The file stem: the output directory name under `out/`.
    pub name: String,
    pub title: String,
    pub subtitle: Option<String>,
    pub organisation: Option<String>,
    pub author: Option<String>,
    pub date: At<SpecDate>,
    /// The analyst's Markdown, with inline references.
    pub summary: Option<At<String>>,
    /// The analyst's "Key points" (Markdown with inline references), one
    /// bullet each, boxed under the title.
    pub key_points: Vec<At<String>>,
    /// Corpus directory relative to the spec file; `None` means the project's.
    pub corpus: Option<At<PathBuf>>,
    /// A hayagriva note style name; `None` means Chicago notes.
    pub citation_style: Option<At<String>>,
    /// "Ibid." for a note citing the source of the note before it; off by
    /// default, as CMOS 18 prefers short notes.
    pub ibid: bool,
    /// Template name for the PDF stage.
    pub template: Option<At<String>>,
    /// The output formats to write (`formats: [md, pdf, html]`), by name as
    /// the spec gives them; empty means the build's default. A command
    /// line's `--format` wins over it.
    pub formats: Vec<At<String>>,
    /// Empty when the spec has no audiences: one output, `brief.md`.
    pub audiences: Vec<Audience>,
    pub sections: Vec<Section>,
    /// When `brief schedule` builds a new edition; its timezone is inside.
    pub schedule: Option<At<Schedule>>,
    /// Also build a new edition when the corpus changes, not only on schedule.
    pub on_new_data: bool,
    /// The analyst's corrections of extracted items (speaker, role, label),
    /// by item id; they win over a document's own front matter.
    pub corrections: Vec<crate::corpus::corrections::Correction>,
    /// Problems that do not stop the build (a `timezone` without a
    /// `schedule`); the caller reports them beside its own.
    pub warnings: Vec<Diagnostic>,
}

impl Spec {
    /// Whether a section shows what changed since the previous edition.
    pub fn shows_changes(&self) -> bool {
        self.sections.iter().any(|s| s.what_changed)
    }
}

/// The brief's date: fixed, or the day it is built (for scheduled briefs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpecDate {
    Today,
    Fixed(NaiveDate),
}

/// A readership that gets its own output, with its own cut of the brief.
#[derive(Debug, Clone)]
pub struct Audience {
    pub id: At<String>,
    pub label: String,
    /// Shown under the title of this audience's output only.
    pub note: Option<String>,
    /// At most this many quotes per quotes block.
    pub max_quotes: Option<usize>,
    /// At most this many figures per figures block.
    pub max_figures: Option<usize>,
    pub exclude_sections: Vec<At<String>>,
}

/// A section of the brief, in the order written.
#[derive(Debug, Clone)]
pub struct Section {
    pub id: At<String>,
    pub title: String,
    /// The audiences that get this section; `None` means all of them.
    pub audiences: Option<Vec<At<String>>>,
    /// Empty for a `what_changed` section.
    pub blocks: Vec<Block>,
    /// Filled by the build with what changed since the previous edition,
    /// instead of blocks; at most one per spec.
    pub what_changed: bool,
}

/// One block of a section.
#[derive(Debug, Clone)]
pub struct Block {
    pub kind: BlockKind,
    /// The audiences that get this block; `None` means all that get the section.
    pub audiences: Option<Vec<At<String>>>,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone)]
pub enum BlockKind {
    /// The analyst's Markdown prose with `{{quote:ID}}`/`{{figure:ID}}` references.
    Text(At<String>),
    Quotes(Vec<Selector>),
    Figures {
        selectors: Vec<Selector>,
        layout: FigureLayout,
        /// Title and axis labels, for `as: bar` or `as: line`.
        chart: ChartLabels,
    },
    Excerpt(Excerpt),
}

/// How a figures block is laid out: in the text, or as a chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FigureLayout {
    Table,
    List,
    Bar,
    Line,
}

impl FigureLayout {
    pub fn is_chart(self) -> bool {
        matches!(self, FigureLayout::Bar | FigureLayout::Line)
    }
}

/// A chart's own words: all optional.
#[derive(Debug, Clone, Default)]
pub struct ChartLabels {
    pub title: Option<String>,
    pub x_label: Option<String>,
    pub y_label: Option<String>,
}

/// How one figure is placed on a chart, given beside its `id`.
#[derive(Debug, Clone, Default)]
pub struct PointOptions {
    /// The point's label; by default the figure's period.
    pub label: Option<String>,
    /// Which of the figure's values (1-based), for a figure with several
    /// ("from 15,362 … to 116,868"); by default each value is a point.
    pub value: Option<At<usize>>,
    /// What kind of count it is ("mid-year"), when the period does not say.
    pub measure: Option<String>,
}

/// A verbatim passage: a document's section, a paragraph range, or both
/// (paragraphs counted within the section).
#[derive(Debug, Clone)]
pub struct Excerpt {
    pub doc: At<String>,
    pub section: Option<At<String>>,
    /// Inclusive, 1-based paragraph numbers.
    pub paragraphs: Option<At<(usize, usize)>>,
    /// `long: true`: the analyst means an excerpt of more than
    /// [`LONG_EXCERPT_WORDS`] words, which is otherwise a warning.
    pub long: bool,
}

/// An excerpt longer than this is more of the source than a brief usually
/// quotes: `brief check` and `brief build` warn unless the spec says `long: true`.
pub const LONG_EXCERPT_WORDS: usize = 400;

/// Picks quotes or figures: one by id, or all that match a query.
#[derive(Debug, Clone)]
pub struct Selector {
    pub kind: SelectorKind,
    /// When false, selecting nothing is an error; when true, a warning.
    pub allow_empty: bool,
    /// Chart placement (`label`, `value`, `measure`), with an `id` only.
    pub point: PointOptions,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone)]
pub enum SelectorKind {
    Id(At<String>),
    Query(Query),
    /// A data file's rows, as chart points (`{data: ID, column: NAME}`).
    Data {
        doc: At<String>,
        column: Option<At<String>>,
    },
}

/// A query over extracted items. Every condition given must hold.
#[derive(Debug, Clone, Default)]
pub struct Query {
    /// Any of these documents.
    pub docs: Vec<At<String>>,
    /// Case-insensitive substring of the speaker's name (quotes only).
    pub speaker: Option<At<String>>,
    /// Case-insensitive substring of the quote, or of a figure's sentence.
    pub matches: Option<String>,
    /// The document has any of these tags.
    pub tags: Vec<String>,
    pub published_after: Option<NaiveDate>,
    pub published_before: Option<NaiveDate>,
    /// Published within this period before the brief's date.
    pub within: Option<Period>,
    pub order: Order,
    pub limit: Option<usize>,
}

/// The order a query returns items in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// Document order in the corpus (by id), then position in the document.
    #[default]
    Corpus,
    Newest,
    Oldest,
}

/// A look-back period; months and years are calendar months, so `6m` from
/// 31 August starts on 28 or 29 February, as a reader would count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Days(u32),
    Months(u32),
}
