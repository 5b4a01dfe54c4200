//! Chinese numerals written in characters, without digits: "三万人" (30,000
//! people), "两千名学生", "十二亿元", "一百多万人" (over a million). The
//! corpus holds Chinese, and its writers spell large amounts this way as
//! often as with digits ("116万人" is read with the digits, in `quantity`).
//!
//! Characters that are numerals also make words ("一些" some, "统一"
//! unify, "十分" very, "十万火急" an idiom), so a run is a figure only when
//! it has a scale or a counter: it must hold 百, 千, 万 or 亿 and end the
//! clause, or be followed by a unit ("元", "公里") or a counter ("名",
//! "人"). Ordinals ("第三"), weekdays ("星期三"), dates and durations
//! ("十二月", "三个月") are no figures.

use super::finish;
use crate::extract::figures::cand::{Cand, Support, Unit};
use crate::extract::figures::lex::{Tok, is_cjk};
use crate::extract::figures::one_or_two::OneOrTwo;
use crate::extract::figures::words as w;

/// The digits: "两" is two before a scale or counter ("两千", "两名").
fn digit(c: &str) -> Option<f64> {
    Some(match c {
        "零" => 0.0,
        "一" => 1.0,
        "二" | "两" => 2.0,
        "三" => 3.0,
        "四" => 4.0,
        "五" => 5.0,
        "六" => 6.0,
        "七" => 7.0,
        "八" => 8.0,
        "九" => 9.0,
        _ => return None,
    })
}

/// Units within a section of four digits.
fn small_unit(c: &str) -> Option<f64> {
    Some(match c {
        "十" => 10.0,
        "百" => 100.0,
        "千" => 1000.0,
        _ => return None,
    })
}

/// Whether a Chinese numeral may start at this character: a digit other
/// than zero, or 十 ("十二亿"). A run never starts at 百, 千, 万 or 亿 ("百姓"
/// people, "千万" by all means, "万一" in case).
pub(super) fn starts(c: &str) -> bool {
    c == "十" || digit(c).is_some_and(|d| d > 0.0)
}

/// Whether a token may start a Chinese numeral ([`starts`]).
pub(super) fn may_start(t: &Tok) -> bool {
    is_cjk(t) && starts(t.text)
}

/// Characters before a numeral that make it an ordinal, a weekday or a day
/// of the month: "第三", "星期三", "周五", "初一".
fn not_an_amount_before(c: &str) -> bool {
    matches!(c, "第" | "期" | "周" | "初" | "礼" | "拜")
}

/// The amount written in Chinese numerals from token `i`, if one is.
pub(super) fn in_hanzi(toks: &[Tok], i: usize) -> Option<Cand> {
    if i > 0 && !toks[i].gap && not_an_amount_before(toks[i - 1].text) {
        return None;
    }
    let glued = |m: usize| {
        toks.get(m)
            .filter(|t| m == i || !t.gap)
            .filter(|t| is_cjk(t))
    };
    let (mut total, mut section) = (0.0f64, 0.0f64);
    let mut number: Option<f64> = None;
    // The unit last read, for "一万二" (12,000: a digit after a unit is a tenth of it).
    let mut last_unit: Option<f64> = None;
    let (mut big, mut more) = (false, false);
    let mut k = i;
    let mut end = i;
    while let Some(t) = glued(k) {
        let c = t.text;
        if let Some(d) = digit(c) {
            // "一五一十" (an idiom): digits in a row are no number.
            if number.is_some() {
                return None;
            }
            number = (d > 0.0).then_some(d);
            last_unit = if d == 0.0 { None } else { last_unit };
        } else if let Some(u) = small_unit(c) {
            // "百" alone is no "one hundred" here; "十" is ("十二" is 12).
            let n = number.take().or((u == 10.0).then_some(1.0))?;
            section += n * u;
            big |= u >= 100.0;
            last_unit = Some(u);
        } else if c == "万" || c == "萬" {
            section += number.take().unwrap_or(0.0);
            total += section * 1e4;
            section = 0.0;
            big = true;
            last_unit = Some(1e4);
        } else if c == "亿" || c == "億" {
            section += number.take().unwrap_or(0.0);
            total = (total + section) * 1e8;
            section = 0.0;
            big = true;
            last_unit = Some(1e8);
        } else if (c == "多" || c == "余") && !more && number.is_none() && last_unit.is_some() {
            // "一百多万", "三千余": more than.
            more = true;
        } else {
            break;
        }
        end = k;
        k += 1;
    }
    let trailing = match (number, last_unit) {
        (Some(n), Some(u)) if u >= 100.0 && !more => n * u / 10.0,
        (Some(n), _) => n,
        (None, _) => 0.0,
    };
    let value = total + section + trailing;
    if value < 2.0 {
        return None;
    }
    let text = |m: usize| toks.get(m).filter(|t| !t.gap).map_or("", |t| t.text);
    let next = text(end + 1);
    // "三个月" (three months), "十二月" (December), "三年".
    if w::cjk_not_counted(next) || (next == "个" && w::cjk_not_counted(text(end + 2))) {
        return None;
    }
    let (unit, last, support) = if let Some((name, money, chars)) = w::cjk_unit(next, text(end + 2))
    {
        let unit = if money {
            Unit::Money(name)
        } else {
            Unit::Measure(name)
        };
        (unit, end + chars, Support::Strong)
    } else if w::cjk_classifier(next) || w::cjk_noun_alone(next) {
        // "三名" is a personal detail more often than a statistic, as with digits.
        if value < 10.0 {
            return None;
        }
        (Unit::Count, end, Support::Noun)
    } else if big && !toks.get(end + 1).is_some_and(|t| !t.gap && is_cjk(t)) {
        // "人口达十二亿，": a large amount that ends the clause.
        (Unit::Count, end, Support::Strong)
    } else {
        return None;
    };
    let mut c = finish(toks, i, last, OneOrTwo::one(value), unit, support, false)?;
    if more {
        c.qualifier = Some("more than");
    }
    Some(c)
}

/// The Chinese qualifier glued before an amount at `num` (not reaching back
/// to `floor`): "约" about, "近" nearly, "超过" more than, "不到" less than.
pub(super) fn qualifier_before(
    toks: &[Tok],
    num: usize,
    floor: usize,
) -> Option<(&'static str, usize)> {
    let glued = |m: usize| {
        (m >= floor && m < num && !toks[m + 1].gap && is_cjk(&toks[m])).then(|| toks[m].text)
    };
    let one = glued(num.checked_sub(1)?)?;
    if let Some(two) = num.checked_sub(2).and_then(glued) {
        let q = match (two, one) {
            ("超", "过") | ("多", "于") | ("高", "于") => Some("more than"),
            ("大", "约") => Some("about"),
            ("将", "近") | ("接", "近") | ("几", "近") => Some("nearly"),
            ("不", "到") | ("不", "足") | ("少", "于") | ("低", "于") => Some("less than"),
            ("至", "少") => Some("at least"),
            ("多", "达") | ("高", "达") => Some("up to"),
            _ => None,
        };
        if let Some(q) = q {
            return Some((q, num - 2));
        }
        // "最近" is recently, "附近" nearby.
        if one == "近" && matches!(two, "最" | "附") {
            return None;
        }
    }
    let q = match one {
        "约" => "about",
        "近" => "nearly",
        "逾" | "超" => "more than",
        _ => return None,
    };
    Some((q, num - 1))
}
