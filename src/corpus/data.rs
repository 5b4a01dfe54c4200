//! Data files: a table of numbers in the corpus, with its own source.
//!
//! A `.csv` file in the corpus is a document like any other (front matter
//! between `---` lines: title, outlet, url, published, …, plus `unit`), so it
//! is cited, hashed for incremental builds and listed like one; its body is
//! a table, not prose, so nothing is extracted from it. A chart reads it:
//! the first column labels each row (its period), the others are series.
//!
//! ```text
//! ---
//! title: Asylum applications by year
//! outlet: Example Statistics Office
//! ---
//! year,applications
//! 2021,"12,400"
//! 2022,18900
//! ```

use crate::decimal::{self, Decimal};

/// A data file's table, read from its body.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The header row: the label column's name, then each series'.
    pub columns: Vec<String>,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub label: String,
    /// One per series; `None` where the cell is empty.
    pub values: Vec<Option<f64>>,
    /// The cells as written, for the chart's notes.
    pub cells: Vec<String>,
    /// 1-based line in the body.
    pub line: usize,
}

/// Reads `body` as CSV (RFC 4180, read by the `csv` crate: a quoted cell
/// may hold commas, `""` and line breaks): a header, then rows of a label
/// and numbers (`12400`, `"12,400"`, `12.5`, `64%`). Blank lines are
/// skipped. Errors give the body line on which the row starts.
pub fn table(body: &str) -> Result<Table, (usize, String)> {
    let mut records = records(body)?.into_iter();
    let Some((header_line, columns)) = records.next() else {
        return Err((1, "the data file has no header row".into()));
    };
    if columns.len() < 2 {
        return Err((
            header_line,
            "a data file needs a label column and at least one column of numbers".into(),
        ));
    }
    let mut rows = Vec::new();
    for (line, cells) in records {
        if cells.len() != columns.len() {
            let mut why = format!(
                "this row has {} cells; the header has {}",
                cells.len(),
                columns.len()
            );
            // `a, "1,2"`: CSV reads a quote only at the start of a cell.
            if cells.iter().any(|c| c.starts_with('"')) {
                why.push_str(" (a quoted cell starts right after its comma, without a space)");
            }
            return Err((line, why));
        }
        let values = cells[1..]
            .iter()
            .map(|c| number(c).map_err(|e| (line, e)))
            .collect::<Result<Vec<_>, _>>()?;
        rows.push(Row {
            label: cells[0].clone(),
            values,
            cells: cells[1..].to_vec(),
            line,
        });
    }
    Ok(Table { columns, rows })
}

/// A row as read: the body line it starts on, and its cells trimmed.
type Record = (usize, Vec<String>);

/// The non-blank records.
fn records(body: &str) -> Result<Vec<Record>, (usize, String)> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes());
    let mut out = Vec::new();
    let mut record = csv::StringRecord::new();
    let mut last_start = 0;
    // Lines are counted from byte offsets: the reader's own line count
    // leaves out the empty lines it skips.
    let (mut line, mut counted) = (1, 0);
    let mut line_at = |byte: usize| {
        let byte = byte.min(body.len());
        line += memchr::memchr_iter(b'\n', &body.as_bytes()[counted..byte]).count();
        counted = byte;
        line
    };
    loop {
        let at = line_at(reader.position().byte() as usize);
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err((at, format!("not readable as CSV ({e})"))),
        }
        // The reader's position is before the empty lines it skipped.
        last_start = record.position().map_or(0, |p| p.byte() as usize);
        while matches!(body.as_bytes().get(last_start), Some(b'\n' | b'\r')) {
            last_start += 1;
        }
        let start = line_at(last_start);
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        out.push((start, record.iter().map(|c| c.trim().to_string()).collect()));
    }
    // A quote left open reads to the end of the file as one cell: said so,
    // rather than as a row with too few cells.
    let last = body.get(last_start..).unwrap_or_default();
    let opens = last.starts_with('"') || last.contains(",\"");
    if opens && last.matches('"').count() % 2 == 1 {
        let line = out.last().map_or(1, |r| r.0);
        return Err((
            line,
            "a quoted cell is not closed: its closing `\"` is missing".into(),
        ));
    }
    Ok(out)
}

/// A cell as a number: digits with thousands commas or spaces, a decimal
/// point, a leading minus, an exponent (`1e20`), a trailing `%`. Empty is
/// no value. A number an `f64` does not carry exactly is an error, since
/// the chart would print another number than the file's.
fn number(cell: &str) -> Result<Option<f64>, String> {
    let t = cell.trim().trim_end_matches('%').trim();
    if t.is_empty() {
        return Ok(None);
    }
    let digits: String = t.chars().filter(|c| *c != ',' && *c != ' ').collect();
    let Some(decimal) = Decimal::parse(&digits) else {
        return Err(format!("`{}` is not a number", cell.trim()));
    };
    match decimal::exact(&decimal) {
        Ok(v) => Ok(Some(v)),
        Err(why) => Err(format!(
            "`{}` {why}; write it with at most {} significant digits, between 10⁻³⁰⁰ and 10³⁰⁸",
            cell.trim(),
            decimal::MAX_DIGITS
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_labels_and_numbers_as_written() {
        let t = table("year,applications,share\n2021,\"12,400\",61%\n\n2022,18900,\n").unwrap();
        assert_eq!(t.columns, ["year", "applications", "share"]);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].label, "2021");
        assert_eq!(t.rows[0].values, [Some(12_400.0), Some(61.0)]);
        assert_eq!(t.rows[0].cells, ["12,400", "61%"]);
        assert_eq!(t.rows[1].values, [Some(18_900.0), None]);
        assert_eq!(t.rows[1].line, 4);
        let q = table("a,b\n\"say \"\"x\"\", then\",1\n").unwrap();
        assert_eq!(q.rows[0].label, "say \"x\", then");
    }

    /// A quoted cell may hold a line break; the rows after it keep their
    /// own line numbers, and an error names the line its row starts on.
    #[test]
    fn a_quoted_line_break_stays_in_its_cell() {
        let t = table("region,n\n\"North\nand East\",1\n\n  \nSouth,2\n").unwrap();
        let labels: Vec<_> = t.rows.iter().map(|r| (r.label.as_str(), r.line)).collect();
        assert_eq!(labels, [("North\nand East", 2), ("South", 6)]);
        assert_eq!(
            table("region,n\n\"a\nb\",1\nc,x\n").unwrap_err(),
            (4, "`x` is not a number".to_string())
        );
        let (line, why) = table("region,n\n\"a\nb\",1\nc, \"1,2\"\n").unwrap_err();
        assert_eq!(line, 4);
        assert!(why.ends_with("without a space)"), "{why}");
    }

    #[test]
    fn broken_tables_say_which_line() {
        assert_eq!(table("").unwrap_err().0, 1);
        assert_eq!(
            table("year\n2021\n").unwrap_err().1,
            "a data file needs a label column and at least one column of numbers"
        );
        assert_eq!(
            table("year,n\n2021,12\n2022,many\n").unwrap_err(),
            (3, "`many` is not a number".to_string())
        );
        assert_eq!(table("year,n\n2021,1,2\n").unwrap_err().0, 2);
        assert_eq!(table("year,n\n\"2021,1\n").unwrap_err().0, 2);
        assert_eq!(
            table("year,n\n\"2021,1\n").unwrap_err().1,
            "a quoted cell is not closed: its closing `\"` is missing"
        );
        assert!(table("year,n\n2021,inf\n").is_err());
        let t = table("year,n\n2021,1e20\n2022,-1.7e308\n2023,\"1,000.5\"\n").unwrap();
        let values: Vec<_> = t.rows.iter().map(|r| r.values[0]).collect();
        assert_eq!(values, [Some(1e20), Some(-1.7e308), Some(1000.5)]);
        let (line, why) = table("year,n\n2021,1\n2022,9007199254740993\n").unwrap_err();
        assert_eq!(line, 3);
        assert!(
            why.starts_with("`9007199254740993` has 16 significant digits"),
            "{why}"
        );
        assert!(
            table("year,n\n2021,1e400\n")
                .unwrap_err()
                .1
                .contains("larger than")
        );
        assert!(
            table("year,n\n2021,1e-400\n")
                .unwrap_err()
                .1
                .contains("closer to zero")
        );
    }
}
