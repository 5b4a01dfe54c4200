//! Quantities as news sentences write them, added for issue 14's recall on
//! news: compound numbers in words, decimals in words, signs in words,
//! temperatures, fractions with units and other scales. One test per
//! pattern; every sentence is made up for these tests.

use super::test_support::summary;

/// (text, values, unit) of every figure of `input`.
fn read(input: &str) -> Vec<(String, Vec<f64>, Option<String>)> {
    summary(input)
        .into_iter()
        .map(|(text, values, unit, _)| (text, values, unit))
        .collect()
}

fn one(text: &str, values: &[f64], unit: Option<&str>) -> Vec<(String, Vec<f64>, Option<String>)> {
    vec![(text.to_string(), values.to_vec(), unit.map(str::to_string))]
}

#[test]
fn compound_numbers_in_words_without_a_hyphen() {
    for (input, expect) in [
        (
            "Fifty two people died in the floods.",
            one("Fifty two", &[52.0], None),
        ),
        (
            "The storm killed twenty one villagers.",
            one("twenty one", &[21.0], None),
        ),
        (
            "Police arrested three hundred and thirty one protesters.",
            one("three hundred and thirty one", &[331.0], None),
        ),
        (
            "The town has two thousand and forty five households.",
            one("two thousand and forty five", &[2045.0], None),
        ),
    ] {
        assert_eq!(read(input), expect, "{input:?}");
    }
    // A units word that starts its own compound is not added.
    let figs = read("The council set twenty one-year terms.");
    assert!(figs.iter().all(|f| f.1 != [21.0]), "{figs:?}");
}

#[test]
fn decimals_in_words() {
    for (input, expect) in [
        (
            "Growth slowed to five point five percent.",
            one("five point five percent", &[5.5], Some("percent")),
        ),
        (
            "The region has two point three million residents.",
            one("two point three million", &[2.3e6], None),
        ),
        (
            "Turnout was sixty one point zero four percent.",
            one(
                "sixty one point zero four percent",
                &[61.04],
                Some("percent"),
            ),
        ),
    ] {
        assert_eq!(read(input), expect, "{input:?}");
    }
    // "point" with no digit words after it is no decimal.
    assert_eq!(
        read("At one point forty two delegates walked out."),
        one("forty two", &[42.0], None)
    );
}

#[test]
fn signs_in_words() {
    for (input, expect) in [
        (
            "Overnight lows reached minus 12 degrees Celsius.",
            one("minus 12 degrees Celsius", &[-12.0], Some("°C")),
        ),
        (
            "Core inflation was negative 0.4 per cent.",
            one("negative 0.4 per cent", &[-0.4], Some("percent")),
        ),
        (
            "Real wages grew minus five percent.",
            one("minus five percent", &[-5.0], Some("percent")),
        ),
    ] {
        assert_eq!(read(input), expect, "{input:?}");
    }
    // Arithmetic keeps its sign.
    let figs = read("The tally was 40 minus 3 percent of the votes.");
    assert!(
        figs.iter().any(|f| f.1 == [3.0]) && figs.iter().all(|f| f.1[0] >= 0.0),
        "{figs:?}"
    );
}
