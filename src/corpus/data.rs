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

/// Reads `body` as CSV: a header, then rows of a label and numbers
/// (`12400`, `"12,400"`, `12.5`, `64%`). Errors give the body line.
pub fn table(body: &str) -> Result<Table, (usize, String)> {
    let mut lines = body
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty());
    let Some((header_line, header)) = lines.next() else {
        return Err((1, "the data file has no header row".into()));
    };
    let columns = fields(header).map_err(|e| (header_line, e))?;
    if columns.len() < 2 {
        return Err((
            header_line,
            "a data file needs a label column and at least one column of numbers".into(),
        ));
    }
    let mut rows = Vec::new();
    for (line, text) in lines {
        let cells = fields(text).map_err(|e| (line, e))?;
        if cells.len() != columns.len() {
            return Err((
                line,
                format!(
                    "this row has {} cells; the header has {}",
                    cells.len(),
                    columns.len()
                ),
            ));
        }
        let values = cells[1..]
            .iter()
            .map(|c| number(c).map_err(|e| (line, e)))
            .collect::<Result<Vec<_>, _>>()?;
        rows.push(Row {
            label: cells[0].trim().to_string(),
            values,
            cells: cells[1..].iter().map(|c| c.trim().to_string()).collect(),
            line,
        });
    }
    Ok(Table { columns, rows })
}

/// One CSV line's fields: comma-separated, a field in double quotes may hold
/// commas, and `""` inside quotes is one quote.
fn fields(line: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut field = String::new();
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.trim().is_empty() => {
                field.clear();
                quoted = true;
            }
            (false, ',') => out.push(std::mem::take(&mut field)),
            (false, c) => field.push(c),
        }
    }
    if quoted {
        return Err("a quoted cell is not closed on its line".into());
    }
    out.push(field);
    Ok(out.into_iter().map(|f| f.trim().to_string()).collect())
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
