//! Forms of amounts added for issue 14's unseen text: money in words and
//! compounds, Chinese numerals without digits, changes stated beside their
//! level, spaced digit groups, minus signs and slash rates. Every sentence
//! is made up for these tests.

use super::test_support::{run, summary};
use super::*;

/// (text, value, unit, qualifier, subject) of a figure.
type Read<'a> = (
    &'a str,
    f64,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
);

/// The only figure of `input`: its text, values and unit.
fn only(input: &str) -> (String, Vec<f64>, Option<String>) {
    let figs = run(input);
    assert_eq!(figs.len(), 1, "{input:?}: {figs:#?}");
    let f = figs.into_iter().next().unwrap_or_else(|| unreachable!());
    (f.text, f.values, f.unit)
}

fn want(text: &str, values: &[f64], unit: Option<&str>) -> (String, Vec<f64>, Option<String>) {
    (text.to_string(), values.to_vec(), unit.map(str::to_string))
}

#[test]
fn money_in_words_is_one_amount() {
    for (input, expect) in [
        (
            "A coffee cost 3 dollars 50 cents at the kiosk.",
            want("3 dollars 50 cents", &[3.5], Some("USD")),
        ),
        (
            "The fee is now twelve dollars and forty-five cents.",
            want("twelve dollars and forty-five cents", &[12.45], Some("USD")),
        ),
        (
            "Each visit costs five dollars.",
            want("five dollars", &[5.0], Some("USD")),
        ),
        (
            "Officials unveiled a $3.5 billion-dollar rail plan.",
            want("$3.5 billion-dollar", &[3.5e9], Some("USD")),
        ),
        (
            "It is a billion-dollar industry.",
            want("a billion-dollar", &[1e9], Some("USD")),
        ),
        (
            "Congress weighed a $2 trillion plan.",
            want("$2 trillion", &[2e12], Some("USD")),
        ),
        (
            "The dam displaced half a million residents.",
            want("half a million", &[5e5], None),
        ),
        (
            "The fund lost a quarter of a billion dollars.",
            want("a quarter of a billion dollars", &[2.5e8], Some("USD")),
        ),
        (
            "Floods cut off three-quarters of a million households.",
            want("three-quarters of a million", &[7.5e5], None),
        ),
        (
            "The board declared a 12-cent-a-share dividend.",
            want("12-cent-a-share", &[12.0], Some("cents per share")),
        ),
        (
            "Bidders offered a $70-a-share price.",
            want("$70-a-share", &[70.0], Some("USD per share")),
        ),
        (
            "Cleaners now earn $15.40/hour.",
            want("$15.40/hour", &[15.4], Some("USD per hour")),
        ),
    ] {
        assert_eq!(only(input), expect, "{input:?}");
    }
    // Cents need their word: "and 20 people" is something else.
    let got = summary("Entry cost 5 dollars and 20 people came.");
    assert_eq!(got[0].0, "5 dollars");
    assert_eq!(
        run("Entry cost 5 dollars and 20 people came.")[0].subject,
        None
    );
}

#[test]
fn chinese_numerals_without_digits() {
    let figs = run(
        "去年共有三万人申请，学校录取两千名学生，投资十二亿元，一百多万人离开，约两千名工人罢工，损失一万二千元。",
    );
    let got: Vec<Read> = figs
        .iter()
        .map(|f| {
            (
                f.text.as_str(),
                f.values[0],
                f.unit.as_deref(),
                f.qualifier.as_deref(),
                f.subject.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("三万", 3e4, None, None, Some("人")),
            ("两千", 2e3, None, None, Some("名学生")),
            ("十二亿元", 1.2e9, Some("CNY"), None, None),
            ("一百多万", 1e6, None, Some("more than"), Some("人")),
            ("约两千", 2e3, None, Some("about"), Some("名工人")),
            ("一万二千元", 1.2e4, Some("CNY"), None, None),
        ]
    );
    // A large amount that ends the clause needs no counter.
    assert_eq!(only("全国人口达十二亿，").1, [1.2e9]);
    // Words, idioms, ordinals, weekdays, months and durations are no figures.
    for none in [
        "这些统一的规定十分重要，一些人认为十万火急。",
        "这是第三次会议，星期三见，周五再谈。",
        "他花了三个月准备，十二月出发，三年后回来。",
        "两岸关系和三名学生",
        "百姓说千万不要万一出事。",
    ] {
        assert!(run(none).is_empty(), "{none:?}: {:#?}", run(none));
    }
}

#[test]
fn a_change_beside_its_level_is_one_figure() {
    let figs = run("Revenue increased by 40% to $2.1 billion.");
    assert_eq!(figs.len(), 1);
    assert_eq!(figs[0].text, "by 40% to $2.1 billion");
    assert_eq!(figs[0].values, [2.1e9]);
    assert_eq!(figs[0].unit.as_deref(), Some("USD"));
    assert_eq!(
        figs[0].change,
        Some(Change {
            text: "40%".to_string(),
            value: 40.0,
            unit: Some("percent".to_string())
        })
    );
    for (input, text, values) in [
        (
            "Sales rose 6.2% to $1.45 billion from $1.37 billion a year earlier.",
            "6.2% to $1.45 billion from $1.37 billion",
            &[1.37e9, 1.45e9][..],
        ),
        (
            "Membership grew by 500 to 3,000.",
            "by 500 to 3,000",
            &[3000.0],
        ),
        (
            "The fund raised its growth forecast for the region by 0.2 percentage points to 3.1%.",
            "by 0.2 percentage points to 3.1%",
            &[3.1],
        ),
        (
            "Unemployment fell 0.3 percentage points to 4.1%.",
            "0.3 percentage points to 4.1%",
            &[4.1],
        ),
        (
            "Exports were up 3% to £1.2 billion.",
            "up 3% to £1.2 billion",
            &[1.2e9],
        ),
        (
            "The agency reported a 12% increase to 9,400 cases.",
            "a 12% increase to 9,400",
            &[9400.0],
        ),
    ] {
        let figs = run(input);
        assert_eq!(figs.len(), 1, "{input:?}: {figs:#?}");
        assert_eq!((figs[0].text.as_str(), &figs[0].values[..]), (text, values));
        assert!(figs[0].change.is_some());
    }
    // A score is no change: "leads by 46 percent to 42 percent".
    assert!(
        run("The senator leads by 46 percent to 42 percent.")
            .iter()
            .all(|f| f.change.is_none())
    );
    // Without "by" or a change verb, "X to Y" is a range, not a change.
    assert!(
        run("Doses of 40% to 50% were given.")
            .iter()
            .all(|f| f.change.is_none())
    );
}

#[test]
fn from_to_changes_in_every_form() {
    for (input, text, values) in [
        (
            "Arrivals climbed from a low of 3,000 in 2021 to a record 25,000 this year.",
            "from a low of 3,000 in 2021 to a record 25,000",
            [3000.0, 25000.0],
        ),
        (
            "Between 2019 and 2023 the number of nurses doubled from 12,000 to 24,000.",
            "from 12,000 to 24,000",
            [12000.0, 24000.0],
        ),
        (
            "The caseload rose to 25,000 from 3,000.",
            "25,000 from 3,000",
            [3000.0, 25000.0],
        ),
        (
            "The backlog stands at 8,200 cases, up from 3,000.",
            "8,200 cases, up from 3,000",
            [3000.0, 8200.0],
        ),
        (
            "Prices went from $300 to an all-time high of $900.",
            "from $300 to an all-time high of $900",
            [300.0, 900.0],
        ),
    ] {
        let figs = run(input);
        assert_eq!(figs.len(), 1, "{input:?}: {figs:#?}");
        assert_eq!(
            (figs[0].text.as_str(), &figs[0].values[..]),
            (text, &values[..])
        );
    }
    let figs = run("Between 2019 and 2023 the number of nurses doubled from 12,000 to 24,000.");
    assert_eq!(figs[0].period.as_deref(), Some("Between 2019 and 2023"));
    assert_eq!(figs[0].subject.as_deref(), Some("nurses"));
    let figs = run("Prices went from $300 to an all-time high of $900.");
    assert_eq!(figs[0].subject, None, "a level is not what it counts");
}

#[test]
fn spaced_groups_minus_signs() {
    let got = summary(
        "About 40 000 people signed, a fund of 1 234 567.89 euros paid out, and the line \
         555 123 4567 rang.",
    );
    assert_eq!(
        got.iter()
            .map(|g| (g.0.as_str(), g.1[0]))
            .collect::<Vec<_>>(),
        [
            ("About 40 000", 40000.0),
            ("1 234 567.89 euros", 1234567.89)
        ]
    );
    // A no-break or thin space groups too.
    assert_eq!(only("They counted 12\u{a0}500 ballots.").1, [12500.0]);
    assert_eq!(only("They counted 12\u{202f}500 ballots.").1, [12500.0]);
    // A phone number's groups after its leading zero are no number.
    assert!(run("Media contact: Jane Hill 0400 123 456").is_empty());
    assert!(run("Call 02 9876 543 for details.").is_empty());
    let got = summary("Temperatures ranged from -18 °C to -34 °C, and output fell (-4%).");
    assert_eq!(got[0].1, [-18.0, -34.0]);
    assert_eq!(got[1].0, "-4%");
    assert_eq!(got[1].1, [-4.0]);
    // A dash between numbers or inside a name is no minus sign.
    assert!(
        run("COVID-19 closed 10 -20 shops.")
            .iter()
            .all(|f| f.values[0] > 0.0)
    );
}

#[test]
fn subjects_are_never_numbers_letters_or_times() {
    for input in [
        "The bill came to fifty two in total.",
        "Output was 2.33 k overall.",
        "The rate was 1m isn't it.",
        "The peak was 32 degrees Celsius although nights were cool.",
        "Lows reached -18 °C overnight.",
        "They shipped 278,000 t last year.",
    ] {
        for f in run(input) {
            assert_eq!(f.subject, None, "{input:?}: {:?}", f.text);
        }
    }
}

#[test]
fn rates_after_the_noun_and_per_population() {
    let figs = run(
        "The scheme supports around 2,800 jobs a year, with 1,250 new cases per day, a rate of \
         4.5 per 100,000 people; 500 people a year ago.",
    );
    let got: Vec<(&str, Option<&str>)> = figs
        .iter()
        .map(|f| (f.text.as_str(), f.unit.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("around 2,800", Some("per year")),
            ("1,250", Some("per day")),
            ("4.5 per 100,000", Some("per 100,000")),
            ("500", None),
        ]
    );
    assert_eq!(figs[0].subject.as_deref(), Some("jobs"));
    assert_eq!(figs[1].subject.as_deref(), Some("new cases"));
}
