//! Which currency a bare "¥" means. China's renminbi and Japan's yen share
//! the sign, and a Japanese company's results ("operating profit of ¥3.4
//! trillion") printed as CNY would be a currency the text never stated.
//! Extraction reads "¥" as [`YEN_SIGN`] and [`settle`] decides per
//! document, from what it names: the currency in words ("2,985 yen", "5
//! billion yuan"), its language tag, and Japanese or Chinese places and
//! institutions in its title, outlet and opening.
//!
//! When unsure it is the renminbi, as before: the shipped corpus is about
//! China.

use super::Figure;
use super::dollar::{Signs, any, mentions, opening, resolve, unit_code};

/// The code a bare "¥" is read as until [`settle`] names it.
pub(super) const YEN_SIGN: &str = "¥";

/// The currency of "¥" when the document says nothing either way.
pub(super) const DEFAULT: &str = "CNY";

/// Words that make a text Japanese or Chinese, by currency. Specific ones
/// only: a name such as "Wang" or "Sato" says nothing of the currency.
const SIGNS: [(&str, &[&str]); 2] = [
    (
        "JPY",
        &[
            "yen", "Japan", "Japanese", "Tokyo", "Osaka", "Nikkei", "Topix", "Yokohama", "Kyoto",
        ],
    ),
    (
        "CNY",
        &[
            "yuan",
            "renminbi",
            "RMB",
            "China",
            "Chinese",
            "Beijing",
            "Shanghai",
            "Shenzhen",
            "Guangzhou",
            "Xinhua",
        ],
    ),
];

/// Names the currency of every figure in [`YEN_SIGN`] by what the document
/// says of itself; a document without one reads nothing more.
pub fn settle(figures: &mut [Figure], signs: &Signs) {
    if any(figures, YEN_SIGN) {
        let code = home(signs, figures);
        resolve(figures, YEN_SIGN, code);
    }
}

/// The currency a bare "¥" of the document means.
fn home(signs: &Signs, figures: &[Figure]) -> &'static str {
    match signs
        .language
        .map(|l| l.split(['-', '_']).next().unwrap_or(l).to_ascii_lowercase())
        .as_deref()
    {
        Some("ja") => return "JPY",
        Some("zh") => return "CNY",
        _ => {}
    }
    let opening = opening(signs.body);
    let mut counts = [0usize; 2];
    for (k, (code, words)) in SIGNS.iter().enumerate() {
        // Amounts the text names in the currency's own word count most.
        counts[k] += 3 * figures
            .iter()
            .filter(|f| f.unit.as_deref().is_some_and(|u| unit_code(u) == *code))
            .count();
        for text in [signs.title, signs.outlet].into_iter().flatten() {
            counts[k] += 2 * mentions(text, words);
        }
        counts[k] += mentions(opening, words);
    }
    if counts[0] > counts[1] {
        "JPY"
    } else {
        DEFAULT
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Para;
    use crate::extract::figures::find_unresolved;

    fn units(title: &str, language: Option<&str>, body: &str) -> Vec<String> {
        let mut figs: Vec<Figure> = body
            .split("\n\n")
            .enumerate()
            .flat_map(|(i, p)| find_unresolved(&Para::new(i + 1, 0, p)))
            .collect();
        let signs = Signs {
            language,
            title: Some(title),
            outlet: None,
            body,
        };
        settle(&mut figs, &signs);
        figs.into_iter().filter_map(|f| f.unit).collect()
    }

    #[test]
    fn a_japanese_company_s_results_are_in_yen() {
        let body = "TOKYO — The automaker raised its operating profit forecast to \
                    ¥3.4 trillion as a weaker yen offset the cost of tariffs.\n\nShares \
                    rose 2.1% to 2,985 yen.";
        let got = units("Automaker raises forecast", None, body);
        assert_eq!(got.first().map(String::as_str), Some("JPY"), "{got:?}");
    }

    #[test]
    fn a_chinese_text_and_a_text_that_says_nothing_keep_the_renminbi() {
        let body = "BEIJING — Retail sales in China reached ¥4.1 trillion in March.";
        assert_eq!(units("Retail sales", None, body), ["CNY"]);
        assert_eq!(
            units("Sales", None, "Sales reached ¥4.1 trillion."),
            ["CNY"]
        );
    }

    #[test]
    fn the_language_tag_decides_first() {
        let body = "Sales in China reached ¥4.1 trillion.";
        assert_eq!(units("Sales", Some("ja-JP"), body), ["JPY"]);
    }
}
