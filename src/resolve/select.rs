//! Evaluates selectors: an id picks one item, a query filters every item of
//! the kind, then orders and limits them.

use chrono::{Months, NaiveDate};

use crate::corpus::Document;
use crate::extract::{Extracted, Figure, Quote};
use crate::spec::{At, Order, Period, Query, Selector, SelectorKind};

use super::corrections::Fixes;
use super::index::{Index, Kind, dangling_hint};
use crate::spec::decode::Ctx as Reporter;

/// A selected item: document index and position in its extraction list.
pub type Pick = (usize, usize);

/// The items one selector picks, in its order. Problems go to `report`.
pub fn select(
    index: &Index,
    kind: Kind,
    selector: &Selector,
    today: NaiveDate,
    fixes: &Fixes,
    report: &mut Reporter,
) -> Vec<Pick> {
    let picks = match &selector.kind {
        SelectorKind::Id(id) => by_id(index, kind, id, report).into_iter().collect(),
        SelectorKind::Query(q) => {
            if !check_query(index, kind, q, report) {
                return Vec::new();
            }
            query(index, kind, q, today, fixes)
        }
        SelectorKind::Data { .. } => {
            report
                .error_at(
                    selector.line,
                    selector.column,
                    "a data file's rows are chart points: this block is not a chart",
                )
                .hints
                .push("add `as: bar` or `as: line` to the block".into());
            return Vec::new();
        }
    };
    if picks.is_empty() && !matches!(selector.kind, SelectorKind::Id(_)) {
        let message = format!("this selector selects no {}s", kind.noun());
        let hint = "loosen the query, or add `allow_empty: true` if an empty result is expected";
        if selector.allow_empty {
            report.warning_at(selector.line, selector.column, message);
        } else {
            report
                .error_at(selector.line, selector.column, message)
                .hints
                .push(hint.into());
        }
    }
    picks
}

fn by_id(index: &Index, kind: Kind, id: &At<String>, report: &mut Reporter) -> Option<Pick> {
    if let Some(pick) = index.locate(&id.value, kind == Kind::Quote) {
        return Some(pick);
    }
    let other = match kind {
        Kind::Quote => index.figure(&id.value).map(|_| "figure"),
        Kind::Figure => index.quote(&id.value).map(|_| "quote"),
    };
    let diag = report.error_at(
        id.line,
        id.column,
        format!("no {} with id `{}`", kind.noun(), id.value),
    );
    if let Some(other) = other {
        diag.hints.push(format!(
            "`{}` is a {other}, not a {}",
            id.value,
            kind.noun()
        ));
        return None;
    }
    let hint = dangling_hint(index, kind, &id.value);
    diag.hints.push(hint);
    None
}

/// "unknown document" at a spec value naming a document, with a suggestion.
pub fn unknown_document(index: &Index, doc: &At<String>, report: &mut Reporter) {
    let hint = crate::suggest::hint(&doc.value, index.doc_ids(), || {
        "`brief corpus list` lists the documents".into()
    });
    report
        .error_at(
            doc.line,
            doc.column,
            format!("unknown document `{}`", doc.value),
        )
        .hints
        .push(hint);
}

/// Reports conditions that can never match (unknown documents, a speaker on
/// figures); returns false when the query cannot be run meaningfully.
fn check_query(index: &Index, kind: Kind, q: &Query, report: &mut Reporter) -> bool {
    let mut ok = true;
    for doc in &q.docs {
        if index.doc_index(&doc.value).is_none() {
            ok = false;
            unknown_document(index, doc, report);
        }
    }
    if let (Kind::Figure, Some(speaker)) = (kind, &q.speaker) {
        ok = false;
        report.error_at(
            speaker.line,
            speaker.column,
            "`speaker` selects quotes; figures have no speaker",
        );
    }
    ok
}

fn query(index: &Index, kind: Kind, q: &Query, today: NaiveDate, fixes: &Fixes) -> Vec<Pick> {
    let filter = Filter::new(q, today).corrected_by(fixes);
    let mut picks = Vec::new();
    for (d, doc) in index.corpus.documents.iter().enumerate() {
        let ex = &index.extracted[d];
        picks.extend(filter.candidates(kind, doc, ex).map(|i| (d, i)));
    }
    order(index, &mut picks, q.order);
    if let Some(limit) = q.limit {
        picks.truncate(limit);
    }
    picks
}

/// A query's conditions on one document and its items, before ordering and
/// limiting. Regeneration evaluates it on a single changed document to learn
/// whether the change can alter what the query selects.
#[derive(Debug)]
pub struct Filter<'q> {
    query: &'q Query,
    window: Option<(NaiveDate, NaiveDate)>,
    needle: Option<String>,
    speaker: Option<String>,
    /// The spec's corrections, which a `speaker` condition reads.
    fixes: Option<&'q Fixes<'q>>,
}

impl<'q> Filter<'q> {
    /// `today` is the brief's date, which `within` counts back from.
    pub fn new(query: &'q Query, today: NaiveDate) -> Self {
        Filter {
            query,
            window: query.within.map(|p| (since(today, p), today)),
            needle: query.matches.as_deref().map(str::to_lowercase),
            speaker: query.speaker.as_ref().map(|s| s.value.to_lowercase()),
            fixes: None,
        }
    }

    /// Reads speakers as the spec corrects them.
    pub fn corrected_by(self, fixes: &'q Fixes<'q>) -> Self {
        Filter {
            fixes: Some(fixes),
            ..self
        }
    }

    /// The positions of the document's items of `kind` that the query's
    /// conditions accept, in document order.
    pub fn candidates<'a>(
        &'a self,
        kind: Kind,
        doc: &Document,
        ex: &'a Extracted,
    ) -> impl Iterator<Item = usize> + 'a {
        let q = self.query;
        let doc_ok = (q.docs.is_empty() || q.docs.iter().any(|x| x.value == doc.id))
            && (q.tags.is_empty() || q.tags.iter().any(|t| doc.meta.tags.contains(t)))
            && dated(doc, q.published_after, q.published_before, self.window);
        let count = match (doc_ok, kind) {
            (false, _) => 0,
            (true, Kind::Quote) => ex.quotes.len(),
            (true, Kind::Figure) => ex.figures.len(),
        };
        (0..count).filter(move |&i| match kind {
            Kind::Quote => self.quote_ok(&ex.quotes[i]),
            Kind::Figure => self.figure_ok(&ex.figures[i]),
        })
    }

    fn quote_ok(&self, quote: &Quote) -> bool {
        let speaker = match self.fixes {
            Some(fixes) => fixes.speaker(quote),
            None => quote.speaker.as_deref(),
        };
        let speaker_ok = self
            .speaker
            .as_ref()
            .is_none_or(|s| speaker.is_some_and(|name| name.to_lowercase().contains(s.as_str())));
        speaker_ok
            && self
                .needle
                .as_ref()
                .is_none_or(|n| quote.text.to_lowercase().contains(n.as_str()))
    }

    fn figure_ok(&self, figure: &Figure) -> bool {
        // Durations and ages (a `kind`) frame statistics; a brief lists
        // only the statistics.
        figure.kind.is_none()
            && self.needle.as_ref().is_none_or(|n| {
                figure.sentence.to_lowercase().contains(n.as_str())
                    || figure.text.to_lowercase().contains(n.as_str())
            })
    }
}

/// Date conditions, all inclusive. A date known only to the month or year
/// passes only if every day it could mean passes: a brief about "after
/// 1 June 2024" must not cite an article that may be from May.
fn dated(
    doc: &Document,
    after: Option<NaiveDate>,
    before: Option<NaiveDate>,
    window: Option<(NaiveDate, NaiveDate)>,
) -> bool {
    if after.is_none() && before.is_none() && window.is_none() {
        return true;
    }
    let Some(date) = doc.meta.published else {
        return false;
    };
    let (first, last) = (date.first_day(), date.last_day());
    after.is_none_or(|a| first >= a)
        && before.is_none_or(|b| last <= b)
        && window.is_none_or(|(from, to)| first >= from && last <= to)
}

fn since(today: NaiveDate, period: Period) -> NaiveDate {
    match period {
        Period::Days(n) => today - chrono::Duration::days(i64::from(n)),
        Period::Months(n) => today
            .checked_sub_months(Months::new(n))
            .unwrap_or(NaiveDate::MIN),
    }
}

/// Newest and oldest sort by publication date (undated documents last), then
/// corpus order, so the result never depends on anything but the inputs.
fn order(index: &Index, picks: &mut [Pick], order: Order) {
    let newest = match order {
        Order::Corpus => return,
        Order::Newest => true,
        Order::Oldest => false,
    };
    let key = |d: usize| index.doc(d).meta.published.map(|p| p.first_day());
    picks.sort_by(|a, b| match (key(a.0), key(b.0)) {
        (Some(x), Some(y)) if newest => y.cmp(&x).then(a.cmp(b)),
        (Some(x), Some(y)) => x.cmp(&y).then(a.cmp(b)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.cmp(b),
    });
}
