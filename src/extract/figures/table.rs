//! Figures in a table: every cell that holds an amount is a figure, described
//! by its row and column headers (the first cell of its row, the cell above
//! it in the first row). A header that names a period ("2024", "Q3 2023",
//! "March") becomes the figure's period; the other header says what it
//! counts. A header can carry what its cells leave out: a unit ("Share (%)",
//! "Spending ($m)"), a scale ("Population (millions)") or a rate ("Arrivals
//! per day"), so that a daily rate never sits beside an annual total as if
//! they were alike.
//!
//! The shape of the table (rows and cell spans) comes from
//! [`crate::extract::sections::table`].

use std::ops::Range;

use super::lex::{Kind, Tok, number_value, tokenize};
use super::quantity::{self, Unit};
use super::words as w;
use super::{Figure, Para, unit_name_of};

/// The figures of a table paragraph, row by row.
pub(super) fn figures(para: &Para, rows: &[Vec<Range<usize>>]) -> Vec<Figure> {
    let text = para.text;
    let Some((header, body)) = rows.split_first() else {
        return Vec::new();
    };
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    // A header without a corner cell names the columns after the first.
    let shift = width.saturating_sub(header.len());
    let mut out = Vec::new();
    for row in body {
        let row_head = row.first().map(|r| &text[r.clone()]);
        for (c, cell) in row.iter().enumerate().skip(1) {
            let column = c
                .checked_sub(shift)
                .and_then(|h| header.get(h))
                .map(|r| &text[r.clone()]);
            let heads = Heads {
                row: row_head.filter(|h| !h.is_empty()),
                column: column.filter(|h| !h.is_empty()),
            };
            if let Some(f) = cell_figure(para, cell.clone(), heads) {
                out.push(f);
            }
        }
    }
    out
}

#[derive(Clone, Copy)]
struct Heads<'a> {
    row: Option<&'a str>,
    column: Option<&'a str>,
}

/// The amount a cell holds, if the whole cell is one amount ("1,200",
/// "12.5%", "$3.2m", "-4.1", "about 300"); a year in a "Year" column is not.
fn cell_figure(para: &Para, cell: Range<usize>, heads: Heads) -> Option<Figure> {
    let text = &para.text[cell.clone()];
    let toks = tokenize(text);
    let negative = toks.first().is_some_and(|t| matches!(t.text, "-" | "−"))
        && toks.get(1).is_some_and(|t| !t.gap && t.kind != Kind::Word);
    let from = usize::from(negative || toks.first().is_some_and(|t| t.text == "+"));
    let year_column = heads.column.is_some_and(|h| {
        let l = h.to_ascii_lowercase();
        l.contains("year") || l.contains("date")
    });
    let cands = quantity::scan(&toks[from..]);
    let (values, unit, rate, qualifier) = match (&cands[..], &toks[from..]) {
        ([c], _) if c.first == 0 && c.last + from + 1 == toks.len() => {
            (c.values.to_vec(), c.unit, c.rate, c.qualifier)
        }
        ([], [n]) if n.kind == Kind::Num && !year_column => {
            (vec![number_value(n.text, 0)?], Unit::Count, None, None)
        }
        _ => return None,
    };
    let header = [heads.column, heads.row];
    let (unit, scale) = if unit == Unit::Count {
        header
            .iter()
            .flatten()
            .find_map(|h| header_unit(h))
            .unwrap_or((Unit::Count, 1.0))
    } else {
        (unit, 1.0)
    };
    let rate = rate.or_else(|| header.iter().flatten().find_map(|h| header_rate(h)));
    let sign = if negative { -1.0 } else { 1.0 };
    let values: Vec<f64> = values.iter().map(|v| v * scale * sign).collect();
    let (period, subject) = match (heads.row, heads.column) {
        (r, Some(c)) if is_period(c) => (Some(c), r.map(str::to_string)),
        (Some(r), c) if is_period(r) => (Some(r), c.map(str::to_string)),
        (Some(r), Some(c)) => (None, Some(format!("{r} — {c}"))),
        (r, c) => (None, r.or(c).map(str::to_string)),
    };
    let line_start = para.text[..cell.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = para.text[cell.end..]
        .find('\n')
        .map_or(para.text.len(), |i| cell.end + i);
    Some(Figure {
        id: String::new(),
        doc: String::new(),
        text: text.to_string(),
        values,
        unit: unit_name_of(unit, rate),
        qualifier: qualifier.map(str::to_string),
        subject,
        period: period.map(str::to_string),
        sentence: para.text[line_start..line_end].to_string(),
        start: para.offset + cell.start,
        end: para.offset + cell.end,
        paragraph: para.number,
        row: heads.row.map(str::to_string),
        column: heads.column.map(str::to_string),
        year: period.and_then(|p| super::year::period_year(p, None)),
        label: None,
        change: None,
        kind: None,
    })
}

/// A unit and scale a header gives its cells: "Share (%)", "Spending ($m)",
/// "Population (millions)", "Cost (A$ billion)".
fn header_unit(h: &str) -> Option<(Unit, f64)> {
    let toks = tokenize(h);
    let mut unit = None;
    let mut scale = 1.0;
    for (k, t) in toks.iter().enumerate() {
        let lw = t.lower();
        let l = lw.as_str();
        if t.is_mark("%") || l == "percent" || (l == "cent" && k > 0 && toks[k - 1].is_word("per"))
        {
            unit = Some(Unit::Percent);
        } else if let Some(code) = w::currency_symbol(t.text).or_else(|| w::currency_code(t.text)) {
            let code = match (t.text, k.checked_sub(1).map(|p| &toks[p])) {
                ("$", Some(p)) if !t.gap => w::DOLLAR_PREFIXES
                    .iter()
                    .find(|(pre, _)| p.text == pre.trim_end_matches('.'))
                    .map_or(code, |(_, c)| c),
                _ => code,
            };
            unit = Some(Unit::Money(code));
        } else if let Some(s) = w::scale(l)
            .or_else(|| plural_scale(l))
            .or_else(|| w::scale_abbreviation(l))
            .or_else(|| matches!(l, "m" | "bn" | "b" | "k").then(|| w::money_suffix_scale(l))?)
        {
            scale = s;
        } else if t.kind == Kind::Word
            && let Some(m) = w::measure(l)
            && m != "m"
        {
            unit = Some(Unit::Measure(m));
        }
    }
    if unit.is_none() && scale == 1.0 {
        return None;
    }
    Some((unit.unwrap_or(Unit::Count), scale))
}

fn plural_scale(l: &str) -> Option<f64> {
    w::scale(l.strip_suffix('s')?)
}

/// "Arrivals per day", "Daily average", "Annual total".
fn header_rate(h: &str) -> Option<&'static str> {
    let toks = tokenize(h);
    toks.iter().enumerate().find_map(|(k, t)| {
        let lw = t.lower();
        let l = lw.as_str();
        if l == "per" {
            toks.get(k + 1)
                .and_then(|n| w::rate_unit(n.lower().as_str()))
        } else {
            w::rate_adverb(l).or_else(|| (l == "annual").then_some("year"))
        }
    })
}

/// A header that says when: a year ("2024", "2023-24", "FY2023"), a quarter
/// ("Q3"), a month.
fn is_period(h: &str) -> bool {
    let toks: Vec<Tok> = tokenize(h);
    toks.iter().enumerate().any(|(k, t)| {
        let numbered = toks
            .get(k + 1)
            .is_some_and(|n| !n.gap && n.kind == Kind::Num);
        (t.kind == Kind::Num && super::count::is_year(t.text))
            || (t.kind == Kind::Word && w::month(t.lower().as_str()))
            || (matches!(t.text, "Q" | "H" | "FY") && numbered)
    })
}
