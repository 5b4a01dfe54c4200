//! Stage 4: resolve a spec against a corpus into a [`Brief`]: evaluate
//! selectors, cut the brief for an audience, number the footnotes and cite.
//!
//! The same walk serves `brief check` (every section and block, whatever the
//! audience, so every problem is found) and `brief build` (one audience's cut).

mod cells;
mod changes;
mod chart;
pub mod corrections;
mod excerpt;
pub mod index;
pub mod notes;
pub mod refs;
pub mod select;
pub mod verify;

use chrono::NaiveDate;

use crate::brief::ChangeSet;
use crate::brief::{
    AudienceView, Block, Brief, ExcerptItem, FigureItem, FigureLayout, InlineRef, Prose, QuoteItem,
    Section,
};
use crate::cite::{Citer, Paragraphs};
use crate::corpus::Document;
use crate::diag::Diagnostic;
use crate::spec::decode::Ctx;
use crate::spec::{self, At, Audience, BlockKind, Excerpt, Spec, SpecDate};
use crate::suggest::did_you_mean;

use corrections::Fixes;
pub use index::Index;
use index::Kind;
use notes::NoteBook;
use select::Pick;

/// Which cut of the spec to resolve.
#[derive(Debug, Clone, Copy)]
pub enum View<'s> {
    /// Everything, for checking: no audience filter, no caps.
    All,
    /// The one output of a spec without audiences.
    Single,
    Audience(&'s Audience),
}

/// How far a resolution formats its citations: formatting is most of the
/// cost of resolving (hayagriva), so a pass that does not show the notes
/// asks for no more than it reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Citing {
    /// Notes numbered and sources listed in first-cite order, no text: a check.
    Numbers,
    /// The sources in the style's order as well, still no text: what an
    /// [`crate::edition::Inventory`] reads, for a brief resolved once to
    /// learn what it shows before it is resolved for good.
    Order,
    /// Every note and source formatted.
    Text,
}

/// What a selector or an inline reference picked, for `brief check
/// --verbose` and for the provenance record of each output.
#[derive(Debug, Clone)]
pub struct Match {
    pub line: usize,
    pub column: usize,
    /// "quote" or "figure".
    pub noun: &'static str,
    pub ids: Vec<String>,
    /// A `{{kind:id}}` in prose rather than a selector.
    pub inline: bool,
    /// The id as the spec wrote it, when it names one item (an `id:`
    /// selector or an inline reference) rather than a query.
    pub named: Option<String>,
}

/// A resolved brief and every problem found on the way.
#[derive(Debug)]
pub struct Resolution {
    pub brief: Brief,
    pub diagnostics: Vec<Diagnostic>,
    pub matches: Vec<Match>,
}

impl Resolution {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// The brief's date: the spec's, or `today` (injected, never read from the clock here).
pub fn brief_date(spec: &Spec, today: NaiveDate) -> NaiveDate {
    match spec.date.value {
        SpecDate::Today => today,
        SpecDate::Fixed(d) => d,
    }
}

/// Resolves one view of a spec. `changes` fills a `what_changed` section;
/// without it the section is left out.
pub fn resolve(
    spec: &Spec,
    index: &Index,
    citer: &Citer,
    view: View,
    today: NaiveDate,
    changes: Option<&ChangeSet>,
) -> Resolution {
    // A check renders nothing, so it skips formatting the citations.
    let citing = match view {
        View::All => Citing::Numbers,
        _ => Citing::Text,
    };
    resolve_citing(spec, index, citer, view, today, changes, citing)
}

/// [`resolve`], formatting the citations only as far as `citing` says.
pub fn resolve_citing(
    spec: &Spec,
    index: &Index,
    citer: &Citer,
    view: View,
    today: NaiveDate,
    changes: Option<&ChangeSet>,
    citing: Citing,
) -> Resolution {
    let date = brief_date(spec, today);
    let mut cx = Ctx::new(&spec.path, &spec.source);
    let fixes = Fixes::new(&spec.corrections, index, &mut cx);
    let mut walk = Walk {
        index,
        cx,
        fixes,
        notes: NoteBook::default(),
        matches: Vec::new(),
        date,
        view,
        changes,
        section_id: String::new(),
        charts: 0,
    };
    let key_points: Vec<_> = spec.key_points.iter().map(|p| walk.prose(p)).collect();
    let summary = spec.summary.as_ref().map(|p| walk.prose(p));
    let mut sections = Vec::new();
    for s in &spec.sections {
        if walk.shows_section(s)
            && let Some(section) = walk.section(s)
        {
            sections.push(section);
        }
    }
    let (notes, sources) = walk.notes.finish(index, citer, citing);
    let audience = match view {
        View::Audience(a) => Some(AudienceView {
            id: a.id.value.clone(),
            label: a.label.clone(),
            note: a.note.clone(),
        }),
        _ => None,
    };
    Resolution {
        brief: Brief {
            name: spec.name.clone(),
            audience,
            title: spec.title.clone(),
            subtitle: spec.subtitle.clone(),
            organisation: spec.organisation.clone(),
            author: spec.author.clone(),
            date,
            summary,
            key_points,
            sections,
            notes,
            sources,
            template: spec.template.as_ref().map(|t| t.value.clone()),
        },
        diagnostics: {
            let mut d = walk.cx.diagnostics;
            d.sort_by_key(|d| d.position);
            d
        },
        matches: walk.matches,
    }
}

struct Walk<'a, 'c> {
    index: &'a Index<'c>,
    cx: Ctx<'a>,
    /// The spec's corrections, by item id.
    fixes: Fixes<'a>,
    notes: NoteBook,
    matches: Vec<Match>,
    date: NaiveDate,
    view: View<'a>,
    changes: Option<&'a ChangeSet>,
    /// The section being walked and how many charts it has had so far: a
    /// chart's file name.
    section_id: String,
    charts: usize,
}

impl Walk<'_, '_> {
    fn shows(&self, audiences: Option<&Vec<At<String>>>) -> bool {
        match (self.view, audiences) {
            (View::Audience(a), Some(list)) => list.iter().any(|x| x.value == a.id.value),
            _ => true,
        }
    }

    fn shows_section(&self, section: &spec::Section) -> bool {
        if let View::Audience(a) = self.view
            && a.exclude_sections
                .iter()
                .any(|x| x.value == section.id.value)
        {
            return false;
        }
        self.shows(section.audiences.as_ref())
    }

    fn cap(&self, kind: Kind) -> Option<usize> {
        match self.view {
            View::Audience(a) => match kind {
                Kind::Quote => a.max_quotes,
                Kind::Figure => a.max_figures,
            },
            _ => None,
        }
    }

    fn section(&mut self, section: &spec::Section) -> Option<Section> {
        if section.what_changed {
            let changes = self.changes?;
            return Some(Section {
                id: section.id.value.clone(),
                title: section.title.clone(),
                blocks: self.what_changed(changes),
            });
        }
        let mut blocks = Vec::new();
        self.section_id = section.id.value.clone();
        self.charts = 0;
        for b in &section.blocks {
            if self.shows(b.audiences.as_ref())
                && let Some(block) = self.block(b)
            {
                blocks.push(block);
            }
        }
        // A section with nothing left for this audience is left out, not printed bare.
        if blocks.is_empty() && !matches!(self.view, View::All) {
            return None;
        }
        Some(Section {
            id: section.id.value.clone(),
            title: section.title.clone(),
            blocks,
        })
    }

    fn block(&mut self, block: &spec::Block) -> Option<Block> {
        Some(match &block.kind {
            BlockKind::Text(prose) => Block::Text(self.prose(prose)),
            BlockKind::Quotes(selectors) => {
                let picks = self.pick(Kind::Quote, selectors);
                let items: Vec<QuoteItem> =
                    picks.into_iter().filter_map(|p| self.quote(p)).collect();
                if items.is_empty() {
                    return None;
                }
                Block::Quotes { items }
            }
            BlockKind::Figures {
                selectors,
                layout,
                chart,
            } if layout.is_chart() => {
                return self.chart(*layout, chart, selectors, (block.line, block.column));
            }
            BlockKind::Figures {
                selectors, layout, ..
            } => {
                let picks = self.pick(Kind::Figure, selectors);
                let items: Vec<FigureItem> =
                    picks.into_iter().filter_map(|p| self.figure(p)).collect();
                if items.is_empty() {
                    return None;
                }
                let layout = match layout {
                    spec::FigureLayout::List => FigureLayout::List,
                    _ => FigureLayout::Table,
                };
                Block::Figures { layout, items }
            }
            BlockKind::Excerpt(excerpt) => Block::Excerpt(self.excerpt(excerpt)?),
        })
    }

    /// Every selector's picks, without repeats, capped for the audience.
    fn pick(&mut self, kind: Kind, selectors: &[spec::Selector]) -> Vec<Pick> {
        let mut picks: Vec<Pick> = Vec::new();
        for selector in selectors {
            let found = select::select(
                self.index,
                kind,
                selector,
                self.date,
                &self.fixes,
                &mut self.cx,
            );
            self.matches.push(Match {
                line: selector.line,
                column: selector.column,
                noun: kind.noun(),
                ids: found.iter().map(|&p| self.item_id(kind, p)).collect(),
                inline: false,
                named: named(selector),
            });
            for p in found {
                if !picks.contains(&p) {
                    picks.push(p);
                }
            }
        }
        if let Some(cap) = self.cap(kind) {
            picks.truncate(cap);
        }
        picks
    }

    fn item_id(&self, kind: Kind, (d, i): Pick) -> String {
        let ex = &self.index.extracted[d];
        match kind {
            Kind::Quote => ex.quotes[i].id.clone(),
            Kind::Figure => ex.figures[i].id.clone(),
        }
    }

    fn quote(&mut self, (d, i): Pick) -> Option<QuoteItem> {
        let doc = self.index.doc(d);
        let quote = &self.index.extracted[d].quotes[i];
        if !verify::quote_is_verbatim(doc, quote) {
            self.not_verbatim(doc, &quote.id);
            return None;
        }
        let speaker = self.fixes.speaker(quote).map(|s| {
            let others = self.index.extracted[d].quotes.iter();
            fullest(s, others.filter_map(|q| q.speaker.as_deref())).to_string()
        });
        Some(QuoteItem {
            id: quote.id.clone(),
            text: quote.text.clone(),
            speaker,
            role: self.fixes.role(quote),
            speaker_description: quote.speaker_description.clone(),
            note: self
                .notes
                .note(&quote.id, d, Some(Paragraphs::one(quote.paragraph))),
        })
    }

    fn figure(&mut self, (d, i): Pick) -> Option<FigureItem> {
        let doc = self.index.doc(d);
        let figure = &self.index.extracted[d].figures[i];
        if !verify::figure_is_verbatim(doc, figure) {
            self.not_verbatim(doc, &figure.id);
            return None;
        }
        let subject = figure.subject.clone().or_else(|| {
            let headers: Vec<&str> = [&figure.row, &figure.column]
                .into_iter()
                .flatten()
                .map(String::as_str)
                .collect();
            (!headers.is_empty()).then(|| headers.join(", "))
        });
        let label = self.fixes.label(figure);
        let subject = match (&label, subject) {
            (None, None) => Some(cells::context(figure)),
            (_, s) => s,
        };
        Some(FigureItem {
            id: figure.id.clone(),
            text: figure.text.clone(),
            subject,
            label,
            period: figure.period.clone(),
            when: cells::when(figure, doc),
            shown: cells::shown(figure),
            note: self
                .notes
                .note(&figure.id, d, Some(Paragraphs::one(figure.paragraph))),
        })
    }

    fn not_verbatim(&mut self, doc: &Document, id: &str) {
        self.cx.diagnostics.push(
            Diagnostic::error(format!(
                "`{id}` does not match the text of `{}`; it is left out",
                doc.path.display()
            ))
            .hint("this is a bug in brief's extraction; please report it with the document"),
        );
    }

    fn prose(&mut self, prose: &At<String>) -> Prose {
        let (raw, broken) = refs::scan(&prose.value);
        for range in broken {
            let (line, column) = refs::position(self.cx.text, prose, &range);
            self.cx
                .error_at(line, column, "`{{` without a closing `}}`")
                .hints
                .push("write a reference as `{{figure:ID}}` or `{{quote:ID}}`".into());
        }
        let mut out = Vec::new();
        for r in raw {
            let (line, column) = refs::position(self.cx.text, prose, &r.range);
            let kind = match r.kind.as_str() {
                "quote" => Kind::Quote,
                "figure" => Kind::Figure,
                other => {
                    let kinds = ["quote", "figure"];
                    let prefix = kinds
                        .into_iter()
                        .find(|k| !other.is_empty() && k.starts_with(other));
                    let hint = match prefix.or_else(|| did_you_mean(other, kinds)) {
                        Some(s) => format!("did you mean `{{{{{s}:{}}}}}`?", r.id),
                        None => "references are `{{figure:ID}}` or `{{quote:ID}}`".into(),
                    };
                    self.cx
                        .error_at(line, column, format!("unknown reference kind `{other}`"))
                        .hints
                        .push(hint);
                    continue;
                }
            };
            let selector = spec::Selector {
                kind: spec::SelectorKind::Id(At {
                    value: r.id.clone(),
                    line,
                    column,
                }),
                allow_empty: false,
                point: spec::PointOptions::default(),
                line,
                column,
            };
            let Some(&pick) = select::select(
                self.index,
                kind,
                &selector,
                self.date,
                &self.fixes,
                &mut self.cx,
            )
            .first() else {
                continue;
            };
            self.matches.push(Match {
                line,
                column,
                noun: kind.noun(),
                ids: vec![self.item_id(kind, pick)],
                inline: true,
                named: Some(r.id.clone()),
            });
            let (text, note) = match kind {
                Kind::Quote => match self.quote(pick) {
                    Some(q) => (q.text, q.note),
                    None => continue,
                },
                Kind::Figure => match self.figure(pick) {
                    Some(f) => (f.text, f.note),
                    None => continue,
                },
            };
            out.push(InlineRef {
                id: r.id.clone(),
                range: r.range,
                text,
                is_quote: kind == Kind::Quote,
                note,
            });
        }
        Prose {
            markdown: prose.value.clone(),
            refs: out,
        }
    }

    fn excerpt(&mut self, excerpt: &Excerpt) -> Option<ExcerptItem> {
        let index = self.index;
        let Some(d) = index.doc_index(&excerpt.doc.value) else {
            select::unknown_document(index, &excerpt.doc, &mut self.cx);
            return None;
        };
        let doc = index.doc(d);
        let ex = &index.extracted[d];
        let (heading, numbers): (Option<String>, Vec<usize>) = match &excerpt.section {
            Some(sec) => match ex.sections.iter().find(|s| s.id == sec.value) {
                Some(s) => (s.title.clone(), s.paragraphs.clone()),
                None => {
                    let ids: Vec<&str> = ex.sections.iter().map(|s| s.id.as_str()).collect();
                    let hint = crate::suggest::hint(&sec.value, ids.iter().copied(), || {
                        format!("sections of `{}`: {}", doc.id, ids.join(", "))
                    });
                    self.cx
                        .error_at(
                            sec.line,
                            sec.column,
                            format!("`{}` has no section `{}`", doc.id, sec.value),
                        )
                        .hints
                        .push(hint);
                    return None;
                }
            },
            None => (None, ex.paragraphs.iter().map(|p| p.number).collect()),
        };
        let numbers = match &excerpt.paragraphs {
            None => numbers,
            Some(range) => {
                let (a, b) = range.value;
                if b > numbers.len() {
                    let scope = match &excerpt.section {
                        Some(s) => format!("section `{}` of `{}`", s.value, doc.id),
                        None => format!("`{}`", doc.id),
                    };
                    self.cx.error_at(
                        range.line,
                        range.column,
                        format!(
                            "paragraphs {a}-{b} are out of range: {scope} has {} paragraphs",
                            numbers.len()
                        ),
                    );
                    return None;
                }
                numbers[a - 1..b].to_vec()
            }
        };
        if numbers.is_empty() {
            self.cx.error_at(
                excerpt.doc.line,
                excerpt.doc.column,
                "this excerpt has no paragraphs",
            );
            return None;
        }
        let selected: Vec<std::ops::Range<usize>> = numbers
            .iter()
            .filter_map(|n| ex.paragraphs.get(n - 1))
            .map(|p| p.start..p.end)
            .collect();
        let words: usize = selected
            .iter()
            .map(|p| doc.body[p.clone()].split_whitespace().count())
            .sum();
        if words > spec::LONG_EXCERPT_WORDS && !excerpt.long {
            let hint = match &excerpt.paragraphs {
                Some(_) => {
                    "narrow `paragraphs:`, or add `long: true` to the excerpt if the brief needs it all"
                }
                None => {
                    "add `paragraphs:` to quote part of it, or `long: true` if the brief needs it all"
                }
            };
            self.cx
                .warning_at(
                    excerpt.doc.line,
                    excerpt.doc.column,
                    format!(
                        "this excerpt of `{}` is {words} words, more than the {} a brief usually quotes",
                        doc.id,
                        spec::LONG_EXCERPT_WORDS
                    ),
                )
                .hints
                .push(hint.into());
        }
        let key = format!(
            "excerpt:{}#{}:{}-{}",
            doc.id,
            excerpt.section.as_ref().map_or("", |s| s.value.as_str()),
            numbers[0],
            numbers[numbers.len() - 1]
        );
        let all: Vec<std::ops::Range<usize>> =
            ex.paragraphs.iter().map(|p| p.start..p.end).collect();
        Some(ExcerptItem {
            doc: doc.id.clone(),
            heading,
            blocks: excerpt::blocks(&doc.body, doc.format, &all, &selected),
            note: self.notes.note(
                &key,
                d,
                Some(Paragraphs {
                    first: numbers[0],
                    last: numbers[numbers.len() - 1],
                }),
            ),
        })
    }
}

/// The fullest form of a speaker's name that the same document gives to
/// one of its speakers: an attribution names "Wang Shoufeng", not "Wang",
/// when the text named him in full for another quote. Only a longer name
/// that begins or ends with all of `name`'s words counts, and only when
/// there is one such.
fn fullest<'a>(name: &'a str, names: impl Iterator<Item = &'a str>) -> &'a str {
    let mut found: Option<&str> = None;
    for other in names {
        // "Harth" of "Laura Harth"; "Wang" of "Wang Shoufeng" (family first).
        let longer = other.len() > name.len()
            && ((other.ends_with(name) && other[..other.len() - name.len()].ends_with(' '))
                || (other.starts_with(name) && other[name.len()..].starts_with(' ')));
        if !longer || found == Some(other) {
            continue;
        }
        if found.is_some() {
            // Two fuller names ("Ann Lee", "Tom Lee"): no way to choose.
            return name;
        }
        found = Some(other);
    }
    found.unwrap_or(name)
}

/// The id a selector names, if it names one.
fn named(selector: &spec::Selector) -> Option<String> {
    match &selector.kind {
        spec::SelectorKind::Id(id) => Some(id.value.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::fullest;

    #[test]
    fn an_attribution_takes_the_fullest_name_the_document_gives() {
        let names = ["Wang", "Laura Harth", "Wang Shoufeng", "Wang Shoufeng"];
        assert_eq!(fullest("Wang", names.into_iter()), "Wang Shoufeng");
        assert_eq!(fullest("Harth", names.into_iter()), "Laura Harth");
        assert_eq!(fullest("Laura Harth", names.into_iter()), "Laura Harth");
        // Not a name that merely ends in the same letters.
        assert_eq!(fullest("Shoufeng", ["XShoufeng"].into_iter()), "Shoufeng");
        assert_eq!(fullest("Wan", ["Wang Shoufeng"].into_iter()), "Wan");
        // Two people of one family name: left as the text gives it.
        assert_eq!(fullest("Lee", ["Ann Lee", "Tom Lee"].into_iter()), "Lee");
    }
}
