//! What an amount is read as: its unit, how sure we are it is a
//! statistic, and the amount itself. Below every reader of amounts (the
//! number reader in `quantity/` and the counts, rates, pairs and tables
//! that take its amounts), so they share these without importing each
//! other.

use super::one_or_two::OneOrTwo;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Unit {
    Count,
    Percent,
    Points,
    Times,
    Money(&'static str),
    Measure(&'static str),
}

/// How sure we are that the amount is a statistic. Units, separators and
/// scales make it certain; a bare "11" needs a counted noun after it or a
/// counting verb before it, or a list partner that has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Support {
    Weak,
    Verb,
    Noun,
    Strong,
}

/// One amount as read from the tokens (token indices are inclusive).
#[derive(Debug, Clone)]
pub(super) struct Cand {
    /// First token of the figure's text: the qualifier if there is one.
    pub first: usize,
    /// First token of the amount itself (a currency prefix, or the number).
    pub num: usize,
    /// Last token of the figure's text.
    pub last: usize,
    pub values: OneOrTwo<f64>,
    pub unit: Unit,
    pub rate: Option<&'static str>,
    pub qualifier: Option<&'static str>,
    pub support: Support,
    /// Bare digits: may take the unit of a pair or list partner ("from 10 to 15%").
    pub plain: bool,
}
