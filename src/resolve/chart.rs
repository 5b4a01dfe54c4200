//! A figures block drawn as a chart: each selected figure becomes one point
//! per value, labelled with its period, checked for comparability.
//!
//! A chart puts numbers side by side, so it refuses what would make that
//! comparison false: points in different units are an error, and points
//! that count different things (a mid-year stock beside a whole year's
//! count) each carry their measure on the chart.

use crate::brief::{Block, Chart, ChartKind, ChartPoint};
use crate::corpus::{Format, data};
use crate::decimal::number;
use crate::period;
use crate::spec::{self, ChartLabels, FigureLayout};

use super::index::Kind;
use super::select;
use super::{Match, Walk};

/// A point before measures are settled.
struct Candidate {
    point: ChartPoint,
    unit: Option<String>,
    /// The measure given in the spec, which wins over the period's words.
    given_measure: Option<String>,
    /// What the point's figure counts (the analyst's `label`, else the
    /// extracted subject); `None` for a data file's row.
    counts: Option<String>,
}

impl Walk<'_, '_> {
    pub(super) fn chart(
        &mut self,
        layout: FigureLayout,
        labels: &ChartLabels,
        selectors: &[spec::Selector],
        at: (usize, usize),
    ) -> Option<Block> {
        let mut candidates = Vec::new();
        // (figure, value) pairs already placed: a figure named twice is one point.
        let mut placed = Vec::new();
        for selector in selectors {
            if let spec::SelectorKind::Data { doc, column } = &selector.kind {
                candidates.extend(self.data_points(doc, column.as_ref())?);
                continue;
            }
            let found = select::select(
                self.index,
                Kind::Figure,
                selector,
                self.date,
                &self.fixes,
                &mut self.cx,
            );
            self.matches.push(Match {
                line: selector.line,
                column: selector.column,
                noun: Kind::Figure.noun(),
                ids: found
                    .iter()
                    .map(|&p| self.item_id(Kind::Figure, p))
                    .collect(),
                inline: false,
                named: super::named(selector),
            });
            for pick in found {
                let Some(item) = self.figure(pick) else {
                    continue;
                };
                let figure = &self.index.extracted[pick.0].figures[pick.1];
                let values = self.chosen_values(selector, &figure.values, &figure.id)?;
                let periods =
                    labels_for(selector, figure.period.as_deref(), &figure.values, &values);
                let Some(periods) = periods else {
                    self.no_label(selector, &figure.id, values.len());
                    return None;
                };
                for ((index, value), label) in values.into_iter().zip(periods) {
                    if placed.contains(&(pick, index)) {
                        continue;
                    }
                    placed.push((pick, index));
                    candidates.push(Candidate {
                        point: ChartPoint {
                            label,
                            measure: None,
                            value,
                            id: item.id.clone(),
                            text: item.text.clone(),
                            note: item.note,
                        },
                        unit: figure.unit.clone(),
                        given_measure: selector.point.measure.clone(),
                        counts: item.counts().map(str::to_owned),
                    });
                }
            }
        }
        if candidates.is_empty() {
            return None;
        }
        let unit = self.one_unit(&candidates, at)?;
        let y_label = labels
            .y_label
            .clone()
            .or_else(|| shared_counts(&candidates));
        let points = settle_measures(candidates);
        let kind = match layout {
            FigureLayout::Line => ChartKind::Line,
            _ => ChartKind::Bar,
        };
        self.charts += 1;
        Some(Block::Chart(Chart {
            kind,
            file: self.chart_file(),
            title: labels.title.clone(),
            x_label: labels.x_label.clone(),
            y_label,
            unit,
            points,
        }))
    }

    /// A data file's rows as points: one series (the `column`, or the only
    /// one), each row labelled by its first cell, all under one note.
    fn data_points(
        &mut self,
        doc_id: &spec::At<String>,
        column: Option<&spec::At<String>>,
    ) -> Option<Vec<Candidate>> {
        let (line, col) = (doc_id.line, doc_id.column);
        let Some(d) = self.index.doc_index(&doc_id.value) else {
            let ids = self
                .index
                .corpus
                .documents
                .iter()
                .filter(|d| d.format == Format::Data)
                .map(|d| d.id.as_str());
            let hint = crate::suggest::hint(&doc_id.value, ids, || {
                "data files are `.csv` files in the corpus".into()
            });
            self.cx
                .error_at(
                    line,
                    col,
                    format!("no data file `{}` in the corpus", doc_id.value),
                )
                .hints
                .push(hint);
            return None;
        };
        let doc = self.index.doc(d);
        if doc.format != Format::Data {
            self.cx
                .error_at(
                    line,
                    col,
                    format!("`{}` is a document, not a data file", doc_id.value),
                )
                .hints
                .push("chart a document's figures by id; `data` reads a `.csv` file".into());
            return None;
        }
        let table = match data::table(&doc.body) {
            Ok(t) => t,
            // Loading checked the table, so this is not reached in a build.
            Err((row, why)) => {
                let message = format!("`{}`, line {row} of its table: {why}", doc.path.display());
                self.cx.error_at(line, col, message);
                return None;
            }
        };
        let series = &table.columns[1..];
        let index = match column {
            Some(c) => match series.iter().position(|s| *s == c.value) {
                Some(i) => i,
                None => {
                    self.cx
                        .error_at(
                            c.line,
                            c.column,
                            format!("`{}` has no column `{}`", doc_id.value, c.value),
                        )
                        .hints
                        .push(format!("its columns are: {}", series.join(", ")));
                    return None;
                }
            },
            None if series.len() == 1 => 0,
            None => {
                self.cx
                    .error_at(
                        line,
                        col,
                        format!(
                            "`{}` has {} columns of numbers; say which",
                            doc_id.value,
                            series.len()
                        ),
                    )
                    .hints
                    .push(format!("add `column:` with one of: {}", series.join(", ")));
                return None;
            }
        };
        let note = self.notes.note(&doc.id, d, None);
        let id = format!("{}#{}", doc.id, series[index]);
        Some(
            table
                .rows
                .iter()
                .filter_map(|row| {
                    let value = row.values[index]?;
                    Some(Candidate {
                        point: ChartPoint {
                            label: row.label.clone(),
                            measure: None,
                            value,
                            id: id.clone(),
                            text: row.cells[index].clone(),
                            note,
                        },
                        unit: doc.meta.unit.clone(),
                        given_measure: None,
                        counts: None,
                    })
                })
                .collect(),
        )
    }

    /// The values a selector places: the one `value:` names, or all.
    fn chosen_values(
        &mut self,
        selector: &spec::Selector,
        values: &[f64],
        id: &str,
    ) -> Option<Vec<(usize, f64)>> {
        let all: Vec<(usize, f64)> = values.iter().copied().enumerate().collect();
        let Some(n) = &selector.point.value else {
            return Some(all);
        };
        match all.get(n.value - 1) {
            Some(&v) => Some(vec![v]),
            None => {
                let listed: Vec<String> = values.iter().map(|v| number(*v)).collect();
                self.cx.error_at(
                    n.line,
                    n.column,
                    format!(
                        "`{id}` has {} value{} ({}); there is no value {}",
                        values.len(),
                        if values.len() == 1 { "" } else { "s" },
                        listed.join(", "),
                        n.value
                    ),
                );
                None
            }
        }
    }

    fn no_label(&mut self, selector: &spec::Selector, id: &str, values: usize) {
        let (message, hint) = if values > 1 && selector.point.label.is_some() {
            (
                format!("`label` names one point, but `{id}` has {values} values"),
                "say which value it labels: `{id: …, value: 1, label: \"end of 2012\"}`",
            )
        } else if values > 1 {
            (
                format!("`{id}` has {values} values and its period does not say which is when"),
                "place each value on its own line: `{id: …, value: 1, label: \"end of 2012\"}`",
            )
        } else {
            (
                format!("`{id}` states no period to label its point with"),
                "give the point a label: `{id: …, label: \"2023\"}`",
            )
        };
        self.cx
            .error_at(selector.line, selector.column, message)
            .hints
            .push(hint.into());
    }

    /// The unit all points share, or an error naming two that differ.
    fn one_unit(&mut self, candidates: &[Candidate], at: (usize, usize)) -> Option<Option<String>> {
        let first = &candidates[0];
        let Some(other) = candidates.iter().find(|c| c.unit != first.unit) else {
            return Some(first.unit.clone());
        };
        let describe = |u: &Option<String>| match u {
            Some(u) => format!("in {u}"),
            None => "a count".to_string(),
        };
        self.cx
            .error_at(
                at.0,
                at.1,
                format!(
                    "a chart cannot mix units: `{}` is {}, `{}` is {}",
                    first.point.id,
                    describe(&first.unit),
                    other.point.id,
                    describe(&other.unit)
                ),
            )
            .hints
            .push("chart figures of one unit, or show these with `as: table`".into());
        None
    }

    /// `charts/<audience>/<section>-<n>.svg`, relative to the Markdown (the
    /// audience is `brief` for a spec without audiences). The name is one
    /// no other chart of the build can have: the output directory is the
    /// spec's, each output has its own directory, and neither an audience
    /// nor a section id can hold `/` (the spec reader refuses it), so the
    /// section is everything before the last `-`. Joining the ids with `-`
    /// in one name, as charts once were, let `eu` + `press-scale` and
    /// `eu-press` + `scale` write one file.
    fn chart_file(&self) -> String {
        let output = match self.view {
            super::View::Audience(a) => a.id.value.as_str(),
            _ => "brief",
        };
        format!("charts/{output}/{}-{}.svg", self.section_id, self.charts)
    }
}

/// Each chosen value's label: the analyst's, the figure's period, or for a
/// figure of several values ("from 15,362 at the end of 2012 to 116,868 in
/// mid-2022") its part of the period split at "to". `None` when nothing
/// labels them.
fn labels_for(
    selector: &spec::Selector,
    period: Option<&str>,
    all: &[f64],
    chosen: &[(usize, f64)],
) -> Option<Vec<String>> {
    if let Some(label) = &selector.point.label {
        return (chosen.len() == 1).then(|| vec![label.clone()]);
    }
    let period = period?.trim();
    if all.len() == 1 {
        return Some(vec![short(period).to_string()]);
    }
    // Extraction orders a from/to figure's values from → to, as its period
    // reads ("the end of 2012 to mid-2022"), whatever order the sentence
    // gives them in.
    let parts: Vec<&str> = period.split(" to ").map(str::trim).collect();
    if parts.len() != all.len() {
        return None;
    }
    Some(
        chosen
            .iter()
            .map(|(i, _)| short(parts[*i]).to_string())
            .collect(),
    )
}

/// A period as an axis label: "in 2021" → "2021". Only a leading
/// preposition goes; the rest is the source's words.
fn short(period: &str) -> &str {
    for lead in [
        "in ", "In ", "during ", "During ", "as of ", "As of ", "by ", "By ",
    ] {
        if let Some(rest) = period.strip_prefix(lead)
            && !rest.trim().is_empty()
        {
            return rest.trim();
        }
    }
    period
}

/// What every point counts, when they all count the same thing: the
/// y-axis title a spec gives no `y_label` for. An analyst's `label`
/// correction reaches the chart this way, as it reaches a table.
fn shared_counts(candidates: &[Candidate]) -> Option<String> {
    let first = candidates.first()?.counts.as_ref()?;
    candidates
        .iter()
        .all(|c| c.counts.as_ref() == Some(first))
        .then(|| first.clone())
}

/// Shows each point's measure only when the points do not all share one.
fn settle_measures(candidates: Vec<Candidate>) -> Vec<ChartPoint> {
    let measures: Vec<Option<String>> = candidates
        .iter()
        .map(|c| {
            c.given_measure
                .clone()
                .or_else(|| period::measure_of(&c.point.label).map(|m| m.describe().to_string()))
        })
        .collect();
    let same = measures.windows(2).all(|w| w[0] == w[1]);
    candidates
        .into_iter()
        .zip(measures)
        .map(|(c, measure)| ChartPoint {
            measure: if same {
                None
            } else {
                Some(measure.unwrap_or_else(|| over(&c.point.label).to_string()))
            },
            ..c.point
        })
        .collect()
}

/// The measure of a point whose period names no time within it: a count
/// over a year ("2023", "last year"), or over the period as stated.
fn over(label: &str) -> &'static str {
    if period::year_of(label).is_some() || label.to_lowercase().contains("year") {
        "whole year"
    } else {
        "whole period"
    }
}
