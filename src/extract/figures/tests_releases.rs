//! Patterns of government releases, op-eds and news wires (issue 14), one
//! test per pattern, on paragraphs written for these tests.

use super::test_support::{Summary, run, run_all, summary};
use super::*;

/// (text, value, unit, subject, period) of a table cell.
type Cell<'a> = (
    &'a str,
    f64,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
);

fn one(text: &str, values: &[f64], unit: Option<&str>, q: Option<&str>) -> Summary {
    (
        text.to_string(),
        values.to_vec(),
        unit.map(str::to_string),
        q.map(str::to_string),
    )
}

#[test]
fn currencies_as_governments_and_wires_write_them() {
    let got = summary(
        "The Treasurer said wages rose to $US4,100 a month, the fund holds $US95 trillion, \
         exports reached US$2.7 million, A$350 million and C$12 billion, tickets cost £45, €30 \
         and ¥80, a meal costs RM12.40, the ministry paid 250 million yen and 400 dollars, \
         and shares closed at $ 2.75.",
    );
    assert_eq!(
        got,
        [
            one("$US4,100 a month", &[4100.0], Some("USD per month"), None),
            one("$US95 trillion", &[95e12], Some("USD"), None),
            one("US$2.7 million", &[2.7e6], Some("USD"), None),
            one("A$350 million", &[3.5e8], Some("AUD"), None),
            one("C$12 billion", &[1.2e10], Some("CAD"), None),
            one("£45", &[45.0], Some("GBP"), None),
            one("€30", &[30.0], Some("EUR"), None),
            one("¥80", &[80.0], Some("CNY"), None),
            one("RM12.40", &[12.4], Some("MYR"), None),
            one("250 million yen", &[2.5e8], Some("JPY"), None),
            one("400 dollars", &[400.0], Some("USD"), None),
            one("$ 2.75", &[2.75], Some("USD"), None),
        ]
    );
}

#[test]
fn scales_glued_spaced_and_abbreviated() {
    let got = summary(
        "The package is worth $5bn, with $3m for roads, $1.2tn in guarantees, $500k in grants, \
         £20 m for schools and a $2.174T economy; up to 2M households and 2 bn people are covered.",
    );
    let values: Vec<f64> = got.iter().map(|g| g.1[0]).collect();
    assert_eq!(values, [5e9, 3e6, 1.2e12, 5e5, 2e7, 2.174e12, 2e6, 2e9]);
    assert_eq!(got[6].3.as_deref(), Some("up to"));
}

#[test]
fn measures_with_units_and_metres_are_not_millions() {
    let got = summary(
        "The new 20m patrol vessel has a 400 hp engine, 64 GB of storage, a range of 1,500 km, \
         a top speed of 25 mph and carries 5 tonnes; the fire burned 3,000 hectares at 40 °C, \
         while 20m people were affected.",
    );
    assert_eq!(
        got,
        [
            one("20m", &[20.0], Some("m"), None),
            one("400 hp", &[400.0], Some("hp"), None),
            one("64 GB", &[64.0], Some("GB"), None),
            one("1,500 km", &[1500.0], Some("km"), None),
            one("25 mph", &[25.0], Some("mph"), None),
            one("5 tonnes", &[5.0], Some("tonnes"), None),
            one("3,000 hectares", &[3000.0], Some("hectares"), None),
            one("40 °C", &[40.0], Some("°C"), None),
            one("20m", &[2e7], None, None),
        ]
    );
}

#[test]
fn counts_without_separators_plus_and_small_counts() {
    let figs = run(
        "Police impounded 1300 vehicles and 80,000+ people marched; the 23 hijackers were \
         named. In 2019 elections were held, and the 1988 sales figures were lost.",
    );
    let got: Vec<(&str, Option<&str>, Option<&str>)> = figs
        .iter()
        .map(|f| {
            (
                f.text.as_str(),
                f.qualifier.as_deref(),
                f.subject.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("1300", None, Some("vehicles")),
            ("80,000+", Some("more than"), Some("people")),
            ("23", None, Some("hijackers")),
        ]
    );
}

#[test]
fn rates_are_part_of_the_unit() {
    let figs = run(
        "Crossings averaged 2,300 per day, a daily average of 52 boats, and the scheme pays \
         $400 per student, $70 a share and 3,100 a year.",
    );
    let got: Vec<(&str, Option<&str>)> = figs
        .iter()
        .map(|f| (f.text.as_str(), f.unit.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("2,300 per day", Some("per day")),
            ("a daily average of 52", Some("per day")),
            ("$400 per student", Some("USD per student")),
            ("$70 a share", Some("USD per share")),
            ("3,100 a year", Some("per year")),
        ]
    );
    // The boats are the second figure's; the first is the crossings'.
    assert_eq!(figs[0].subject.as_deref(), Some("Crossings"));
    assert_eq!(figs[1].subject.as_deref(), Some("boats"));
}

#[test]
fn fractions_multiples_and_bare_decimals() {
    let got = summary(
        "Two-thirds of voters said prices were 4.5 times higher, a quarter of firms agreed, and \
         the error rate was .002 per cent.",
    );
    assert_eq!(
        got,
        [
            one("Two-thirds", &[2.0 / 3.0 * 100.0], Some("percent"), None),
            one("4.5 times higher", &[4.5], Some("times"), None),
            one("a quarter", &[25.0], Some("percent"), None),
            one(".002 per cent", &[0.002], Some("percent"), None),
        ]
    );
    // Without a comparison a whole number of times is how often.
    assert!(run("The minister visited three times.").is_empty());
}

#[test]
fn a_change_is_one_figure_in_every_form() {
    for (input, text) in [
        (
            "Applications rose from 3,000 in 2021 to over 25,000 this year.",
            "from 3,000 in 2021 to over 25,000",
        ),
        (
            "The regulator fined the bank $1.5bn, up from $900m in 2022.",
            "$1.5bn, up from $900m",
        ),
        (
            "Waiting lists fell to 4,100 in March from 5,200 in January.",
            "4,100 in March from 5,200",
        ),
    ] {
        let figs = run(input);
        assert_eq!(figs.len(), 1, "{input:?}");
        assert_eq!(figs[0].text, text);
        assert!(figs[0].values[0] != figs[0].values[1]);
    }
}

#[test]
fn subjects_are_noun_phrases_never_times_or_fragments() {
    let figs = run(
        "The Minister announced 32 new classrooms today, and the city recorded 48 deaths, \
         12 men and three women among them, and 12 million dollars in total.",
    );
    let subjects: Vec<Option<&str>> = figs.iter().map(|f| f.subject.as_deref()).collect();
    assert_eq!(
        subjects,
        [
            Some("new classrooms"),
            Some("deaths"),
            Some("men"),
            Some("women"),
            None
        ]
    );
}

#[test]
fn chinese_numbers_in_chinese_text() {
    let figs = run(
        "据统计，2023年共有116万人申请庇护，比上年增长12.5%，涉及资金3.5亿元，投资达2万亿美元。",
    );
    let got: Vec<(&str, f64, Option<&str>, Option<&str>)> = figs
        .iter()
        .map(|f| {
            (
                f.text.as_str(),
                f.values[0],
                f.unit.as_deref(),
                f.subject.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("116万", 1.16e6, None, Some("人")),
            ("12.5%", 12.5, Some("percent"), None),
            ("3.5亿元", 3.5e8, Some("CNY"), None),
            ("2万亿美元", 2e12, Some("USD"), None),
        ]
    );
    // Dates, ages and ordinals are no figures.
    assert!(run("2024年4月，第3批人员离开，他35岁。").is_empty());
}

#[test]
fn stated_years_are_resolved_in_extraction() {
    let figs = run("In 2022 the agency approved 4,500 visas.");
    assert_eq!(figs[0].period.as_deref(), Some("In 2022"));
    assert_eq!(figs[0].year, Some(2022));
    let mut figs = run("Last year the agency approved 4,500 visas.");
    assert_eq!(figs[0].year, None);
    let date = crate::corpus::PartialDate {
        year: 2025,
        month: Some(3),
        day: Some(14),
    };
    resolve_years(&mut figs, Some(&date));
    assert_eq!(figs[0].period.as_deref(), Some("Last year"));
    assert_eq!(figs[0].year, Some(2024));
}

#[test]
fn table_cells_carry_their_headers() {
    let table = "| Program | 2023-24 | 2024-25 |\n|---|---:|---:|\n| Housing ($m) | 120.5 | 135 |\n| Visas granted | 1,200 | -4 |";
    let figs = run(table);
    let got: Vec<Cell> = figs
        .iter()
        .map(|f| {
            (
                f.text.as_str(),
                f.values[0],
                f.unit.as_deref(),
                f.subject.as_deref(),
                f.period.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "120.5",
                120.5e6,
                Some("USD"),
                Some("Housing ($m)"),
                Some("2023-24")
            ),
            (
                "135",
                135e6,
                Some("USD"),
                Some("Housing ($m)"),
                Some("2024-25")
            ),
            (
                "1,200",
                1200.0,
                None,
                Some("Visas granted"),
                Some("2023-24")
            ),
            ("-4", -4.0, None, Some("Visas granted"), Some("2024-25")),
        ]
    );
    assert_eq!(figs[1].column.as_deref(), Some("2024-25"));
    assert_eq!(figs[0].row.as_deref(), Some("Housing ($m)"));
}

#[test]
fn plain_text_tables_with_rates_and_shares() {
    let table = "Region\tArrivals per day\tShare (%)\nNorth\t2,300\t35\nSouth\t980\t23.5";
    let figs = run(table);
    let got: Vec<(&str, Option<&str>, Option<&str>)> = figs
        .iter()
        .map(|f| (f.text.as_str(), f.unit.as_deref(), f.subject.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("2,300", Some("per day"), Some("North — Arrivals per day")),
            ("35", Some("percent"), Some("North — Share (%)")),
            ("980", Some("per day"), Some("South — Arrivals per day")),
            ("23.5", Some("percent"), Some("South — Share (%)")),
        ]
    );
}

#[test]
fn numbers_in_words_with_and() {
    let got = summary(
        "Rangers walked two and a half miles to reach a hundred and two stranded hikers, and \
         one hundred and sixty-one volunteers joined.",
    );
    assert_eq!(
        got,
        [
            one("two and a half miles", &[2.5], Some("miles"), None),
            one("a hundred and two", &[102.0], None, None),
            one("one hundred and sixty-one", &[161.0], None, None),
        ]
    );
}

#[test]
fn fraction_signs_in_rates() {
    let got = summary(
        "Unemployment is forecast to rise to 4¼ per cent by June, while inflation eases to \
         2¾ per cent and wages grow by 3½%.",
    );
    assert_eq!(
        got,
        [
            one("4¼ per cent", &[4.25], Some("percent"), None),
            one("2¾ per cent", &[2.75], Some("percent"), None),
            one("3½%", &[3.5], Some("percent"), None),
        ]
    );
    // A mixed number written with a space is one duration, not "½ years".
    let all = super::test_support::run_all("He spent 5 ½ years in prison.");
    let durations: Vec<(&str, &[f64])> = all
        .iter()
        .map(|f| (f.text.as_str(), f.values.as_slice()))
        .collect();
    assert_eq!(durations, [("5 ½ years", &[5.5][..])]);
}

#[test]
fn indian_scales_multiply_and_a_verb_after_and_ends_the_subject() {
    let got = run(
        "The Government has allocated ₹11.21 lakh crore for capital expenditure, Rs 50 \
         thousand crore for roads and Rs 500 crore for research. The scheme will benefit \
         1.7 crore farmers and provide 50 lakh jobs.",
    );
    let values: Vec<(&str, f64)> = got.iter().map(|f| (f.text.as_str(), f.values[0])).collect();
    assert_eq!(
        values,
        [
            ("₹11.21 lakh crore", 11.21e12),
            ("Rs 50 thousand crore", 5e11),
            ("Rs 500 crore", 5e9),
            ("1.7 crore", 1.7e7),
            ("50 lakh", 5e6),
        ]
    );
    assert_eq!(got[3].subject.as_deref(), Some("farmers"));
    assert_eq!(got[4].subject.as_deref(), Some("jobs"));
}

#[test]
fn periods_as_releases_write_them() {
    let cases = [
        (
            "The department will provide $1.5bn over the next five years, including £300m this year.",
            vec![
                ("$1.5bn", Some("over the next five years")),
                ("£300m", Some("this year")),
            ],
        ),
        (
            "More than 1,000 apprentices will start this year, and the Government will train an additional 20,000 nurses by 2030.",
            vec![
                ("More than 1,000", Some("this year")),
                ("20,000", Some("by 2030")),
            ],
        ),
        (
            "The fiscal deficit is estimated at 4.4 per cent of GDP in FY26.",
            vec![("4.4 per cent", Some("in FY26"))],
        ),
        (
            "Hospital waiting lists fell by 12% in the year to March.",
            vec![("12%", Some("in the year to March"))],
        ),
        (
            "Police recorded 6.6 million crimes in the year ending March 2025.",
            vec![("6.6 million", Some("in the year ending March 2025"))],
        ),
        // What is done in the next few years does not date a share.
        (
            "More than 40% of companies plan to move in the next few years.",
            vec![("More than 40%", None)],
        ),
    ];
    for (text, want) in cases {
        let got: Vec<(String, Option<String>)> =
            run(text).into_iter().map(|f| (f.text, f.period)).collect();
        let want: Vec<(String, Option<String>)> = want
            .into_iter()
            .map(|(t, p)| (t.to_string(), p.map(str::to_string)))
            .collect();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn speeds_and_formulas() {
    let got = run(
        "Emissions fell to 7.5 million tonnes of CO2, the average speed was 120 km/h, \
         a car reached 90km/h and the wind 30 m/s.",
    );
    assert_eq!(
        units(&got),
        [
            ("7.5 million tonnes", Some("tonnes")),
            ("120 km/h", Some("km/h")),
            ("90km/h", Some("km/h")),
            ("30 m/s", Some("m/s")),
        ]
    );
    assert_eq!(got[0].subject.as_deref(), Some("CO2"));
}

#[test]
fn ranges_of_ages() {
    let all = super::test_support::run_all(
        "The scheme supports young people aged 16 to 24, adults aged 18-64 and voters ages 18 \
         to 29; she was aged 45.",
    );
    let ages: Vec<(&str, &[f64])> = all
        .iter()
        .map(|f| (f.text.as_str(), f.values.as_slice()))
        .collect();
    assert_eq!(
        ages,
        [
            ("aged 16 to 24", &[16.0, 24.0][..]),
            ("aged 18-64", &[18.0, 64.0][..]),
            ("ages 18 to 29", &[18.0, 29.0][..]),
            ("aged 45", &[45.0][..]),
        ]
    );
}

#[test]
fn basis_points_quarters_and_a_verb_before_money() {
    let got = run(
        "The Reserve Bank cut the cash rate by 25 basis points to 4.10 per cent, a \
         further 50bps is priced in, and GDP grew 0.8% in Q3 2024.",
    );
    assert_eq!(
        units(&got),
        [
            ("25 basis points", Some("basis points")),
            ("4.10 per cent", Some("percent")),
            ("50bps", Some("basis points")),
            ("0.8%", Some("percent")),
        ]
    );
    assert_eq!(got[3].period.as_deref(), Some("in Q3 2024"));
    let got = run("Inflation was 2.4% in the September quarter.");
    assert_eq!(got[0].period.as_deref(), Some("in the September quarter"));
    let got = run("The new office has 40,000 sq ft of space and cost €1.2bn.");
    assert_eq!(got[0].subject.as_deref(), Some("space"));
}

/// Each figure's text and unit, to compare with a list.
fn units(got: &[Figure]) -> Vec<(&str, Option<&str>)> {
    got.iter()
        .map(|f| (f.text.as_str(), f.unit.as_deref()))
        .collect()
}

#[test]
fn ranges_written_with_to_and_results_set_against_each_other() {
    let got = summary(
        "Inflation will return to the target band of 2 to 3 per cent, prices rose 5 to 10 \
         per cent, some 200 to 300 homes were damaged and fines are $5,000 to $10,000.",
    );
    assert_eq!(
        got,
        [
            one(
                "2 to 3 per cent",
                &[2.0, 3.0],
                Some("percent"),
                Some("between")
            ),
            one(
                "5 to 10 per cent",
                &[5.0, 10.0],
                Some("percent"),
                Some("between")
            ),
            one("some 200 to 300", &[200.0, 300.0], None, Some("between")),
            one(
                "$5,000 to $10,000",
                &[5000.0, 10000.0],
                Some("USD"),
                Some("between")
            ),
        ]
    );
    // A change from one level to another is no range, and neither are two
    // results set against each other: a vote, a net rating in brackets.
    let texts = |s: &str| -> Vec<String> { summary(s).into_iter().map(|g| g.0).collect() };
    assert_eq!(
        texts("She favours raising the minimum wage from the current $7.25 to $12."),
        ["from the current $7.25 to $12"]
    );
    assert_eq!(
        texts("She lost the state 36 percent to 51 percent."),
        ["36 percent", "51 percent"]
    );
    assert_eq!(
        texts("Cruz is still a net negative (37 percent to 43 percent) in the poll."),
        ["37 percent", "43 percent"]
    );
}

#[test]
fn hours_counted_in_millions_and_units_of_energy() {
    let got = summary(
        "Total hours worked increased by 8.1 million hours to 1.06 billion hours, while wind \
         farms produced 14.6 terawatt hours and homes used 3,400 kilowatt-hours; the old \
         plant ran for 12 hours.",
    );
    let units: Vec<(String, Option<String>)> = got.into_iter().map(|g| (g.0, g.2)).collect();
    assert_eq!(
        units,
        [
            ("8.1 million".to_string(), None),
            ("1.06 billion".to_string(), None),
            ("14.6 terawatt hours".to_string(), Some("TWh".to_string())),
            ("3,400 kilowatt-hours".to_string(), Some("kWh".to_string())),
        ]
    );
}

#[test]
fn periods_of_statistics_releases() {
    let period = |s: &str| -> Vec<(String, Option<String>)> {
        run(s).into_iter().map(|f| (f.text, f.period)).collect()
    };
    // Months a statistic covers, and the earlier period told by the later.
    assert_eq!(
        period(
            "Earnings growth was 5.9% in June to August 2026, down from 6.1% in the previous three months."
        ),
        [(
            "5.9% in June to August 2026, down from 6.1%".to_string(),
            Some("June to August 2026".to_string())
        )]
    );
    // A level written before its earlier one is dated by the phrase between.
    assert_eq!(
        period(
            "The waiting list stood at 7.4 million in August 2026, down from 7.6 million a year earlier."
        ),
        [(
            "7.4 million in August 2026, down from 7.6 million".to_string(),
            Some("in August 2026".to_string())
        )]
    );
    // Two spans are joined with a dash, not a second "to".
    assert_eq!(
        period(
            "Arrivals rose from 3,000 in the year to March 2021 to 25,000 in the year to March 2025."
        ),
        [(
            "from 3,000 in the year to March 2021 to 25,000".to_string(),
            Some("the year to March 2021 – the year to March 2025".to_string())
        )]
    );
}

#[test]
fn the_span_a_statistic_covers_is_no_duration_of_its_own() {
    // A quantity a news count keeps, of kind "period", not "duration".
    let framed = |s: &str| -> Vec<(String, Option<String>)> {
        run_all(s)
            .into_iter()
            .filter(|f| f.kind.is_some())
            .map(|f| (f.text, f.kind))
            .collect()
    };
    let period = |t: &str| vec![(t.to_string(), Some("period".to_string()))];
    assert_eq!(
        framed("Unemployment was 4.1% in the three months to August."),
        period("three months")
    );
    assert_eq!(
        framed("Prices rose 20% over the past five years."),
        period("five years")
    );
    assert_eq!(
        framed("In the first nine months of this year, 15,000 people crossed."),
        period("nine months")
    );
    // A length of time that is itself the point stays a duration.
    let duration = |t: &str| (t.to_string(), Some("duration".to_string()));
    assert_eq!(
        framed("The trial lasted three months and the sentence is 12 years."),
        [duration("three months"), duration("12 years")]
    );
}

#[test]
fn a_participle_clause_dates_its_own_figure_not_the_one_before() {
    let period = |s: &str| -> Vec<(String, Option<String>)> {
        run(s).into_iter().map(|f| (f.text, f.period)).collect()
    };
    assert_eq!(
        period(
            "The Government has committed a further $1.1bn for roads, bringing total investment to $4.6 billion since 2019."
        ),
        [
            ("$1.1bn".to_string(), None),
            ("$4.6 billion".to_string(), Some("since 2019".to_string())),
        ]
    );
    // The main clause's period still dates the participle's figure, and a
    // source's date ("according to a poll last week") still dates both.
    assert_eq!(
        period("The campaign raised $21 million in January, bringing its total to $95 million."),
        [
            ("$21 million".to_string(), Some("in January".to_string())),
            ("$95 million".to_string(), Some("in January".to_string())),
        ]
    );
    assert_eq!(
        period("Some 59 percent view her unfavourably, according to a poll last week."),
        [("Some 59 percent".to_string(), Some("last week".to_string()))]
    );
}

#[test]
fn number_words_inside_names_count_nothing() {
    let texts = |s: &str| -> Vec<String> { run(s).into_iter().map(|f| f.text).collect() };
    assert!(texts("The 7-Eleven stores and the Big Four banks were mentioned.").is_empty());
    assert_eq!(
        texts("The Russians took control of Uranium One in three separate transactions."),
        ["three"]
    );
    // A number word opening a sentence is still a count.
    assert_eq!(texts("Eleven people were injured."), ["Eleven"]);
}

#[test]
fn over_a_decade_is_the_window_a_budget_figure_is_scored_over() {
    let period =
        |s: &str| -> Vec<Option<String>> { run(s).into_iter().map(|f| f.period).collect() };
    assert_eq!(
        period("The bill would cut taxes by $1.5 trillion over a decade."),
        [Some("over a decade".to_string())]
    );
    // A share, and a span that is no window, are no period.
    assert_eq!(
        period("Just over a quarter, 26 percent, say they will vote for someone else."),
        [None]
    );
    assert_eq!(
        period("Two elections, over a decade apart, cost $3 million."),
        [None, None]
    );
}

#[test]
fn halves_and_shares_of_a_change_in_words() {
    let got = summary(
        "About one and a half million people left, three and a half billion dollars was spent, \
         another half million fled and a half million more stayed.",
    );
    assert_eq!(
        got,
        [
            one(
                "About one and a half million",
                &[1.5e6],
                None,
                Some("about")
            ),
            one(
                "three and a half billion dollars",
                &[3.5e9],
                Some("USD"),
                None
            ),
            one("half million", &[5e5], None, None),
            one("a half million", &[5e5], None, None),
        ]
    );
    // A share as the size of a change, after "by" and a verb of change.
    let got = summary(
        "Crime fell by a fifth, burglaries dropped by a quarter and waiting lists were cut by half.",
    );
    let values: Vec<f64> = got.iter().map(|g| g.1[0]).collect();
    assert_eq!(values, [20.0, 25.0, 50.0]);
    assert!(got.iter().all(|g| g.2.as_deref() == Some("percent")));
    // Not a share: no verb of change, or a noun after the fraction.
    for none in [
        "The case was decided by a third party.",
        "They met by half past nine.",
        "Costs rose by a third party's fee.",
    ] {
        assert_eq!(summary(none), [], "{none}");
    }
}

#[test]
fn a_ratio_counts_the_plural_group_after_it() {
    let figs =
        run("One in five children lives in poverty, and four in 10 voters see the plan as unfair.");
    let subjects: Vec<Option<&str>> = figs.iter().map(|f| f.subject.as_deref()).collect();
    assert_eq!(subjects, [Some("children"), Some("voters")]);
    // No plural after the whole: no group.
    let figs = run("Only one in three understand the plan.");
    assert_eq!(figs[0].subject, None);
}

#[test]
fn the_period_a_release_reports_on() {
    let cases = [
        (
            "GDP grew by 0.3% in the third quarter.",
            Some("in the third quarter"),
        ),
        (
            "Output rose 1.2% in the first half 2025.",
            Some("in the first half 2025"),
        ),
        (
            "Average weekly earnings increased 5.2% over the year.",
            Some("over the year"),
        ),
        (
            "Revenue rose 4% in the quarter, and costs fell.",
            Some("in the quarter"),
        ),
        // More after it: another phrase's, or no period.
        (
            "Prices rose 3% in the year to June.",
            Some("in the year to June"),
        ),
        ("Prices rose 3% over the year before.", None),
    ];
    for (input, period) in cases {
        let got = run(input);
        assert_eq!(got[0].period.as_deref(), period, "{input}");
    }
    // "in fiscal 2024" dates the amount; it is not what the amount is of.
    let got = run("The deficit was $1.8 trillion in fiscal 2024.");
    assert_eq!(got[0].period.as_deref(), Some("in fiscal 2024"));
    assert_eq!(got[0].subject.as_deref(), Some("deficit"));
}

#[test]
fn a_rate_written_once_is_both_amounts() {
    for (input, text, values) in [
        (
            "The wage will rise from £11.44 to £12.21 an hour.",
            "from £11.44 to £12.21 an hour",
            [11.44, 12.21],
        ),
        (
            "Staff earn between $30,000 and $60,000 a year.",
            "between $30,000 and $60,000 a year",
            [30e3, 60e3],
        ),
        (
            "Managers get $10,000 to $20,000 a year.",
            "$10,000 to $20,000 a year",
            [10e3, 20e3],
        ),
    ] {
        let got = run(input);
        assert_eq!(got.len(), 1, "{input}: {got:?}");
        assert_eq!(got[0].text, text);
        assert_eq!(got[0].values, values);
        assert!(
            got[0].unit.as_deref().is_some_and(|u| u.contains(" per ")),
            "{input}"
        );
    }
}

#[test]
fn prices_per_measure_and_flows_per_day() {
    let got = summary(
        "Petrol averaged $3.12 a gallon, Brent fell to $42.46 a barrel, gold settled at $1,349 an \
         ounce and about 3 million barrels of oil a day pass through the strait.",
    );
    let units: Vec<Option<&str>> = got.iter().map(|g| g.2.as_deref()).collect();
    assert_eq!(
        units,
        [
            Some("USD per gallon"),
            Some("USD per barrel"),
            Some("USD per ounce"),
            Some("barrels per day"),
        ]
    );
    // "a" before a measure is a price only after money: "3 litres a day"
    // stays a rate of time.
    let got = summary("Patients drank 3 litres a day.");
    assert_eq!(got[0].2.as_deref(), Some("litres per day"));
}

#[test]
fn fractions_of_a_percentage_point() {
    let got = run("The bank raised rates by a quarter of a percentage point to 5.25%.");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].values, [5.25]);
    let change = got[0].change.as_ref().expect("the change");
    assert_eq!(change.value, 0.25);
    assert_eq!(change.unit.as_deref(), Some("percentage points"));
    for (input, value) in [
        ("Growth slowed by half a percentage point.", 0.5),
        (
            "The gap narrowed by three quarters of a percentage point.",
            0.75,
        ),
    ] {
        let got = run(input);
        assert_eq!(got[0].values, [value], "{input}");
        assert_eq!(got[0].unit.as_deref(), Some("percentage points"), "{input}");
    }
}

#[test]
fn a_subject_after_the_number_stops_at_a_verb_or_another_amount() {
    for (input, subject) in [
        (
            "Police seized 2.5 tonnes of cocaine worth £200m.",
            "cocaine",
        ),
        ("Some 13 million people cast their ballots.", "people"),
        (
            "Nearly two-thirds of Americans oppose the measure.",
            "Americans",
        ),
        (
            "The senator gave two lawmakers the chance to speak.",
            "lawmakers",
        ),
    ] {
        let got = run(input);
        assert_eq!(got[0].subject.as_deref(), Some(subject), "{input}");
    }
    // "above" is no noun: the subject is the clause's.
    let got = run("The tower rose 215 feet above the square.");
    assert_eq!(got[0].subject.as_deref(), Some("tower"));
}

#[test]
fn us_and_australian_statistics_release_forms() {
    let got =
        run("Real GDP increased at an annual rate of 2.3 percent in the fourth quarter of 2024.");
    assert_eq!(got[0].subject.as_deref(), Some("Real GDP"));
    let got = run(
        "Payrolls rose by 256,000 in December, and the unemployment rate changed little at 4.1 percent.",
    );
    assert_eq!(got[1].subject.as_deref(), Some("unemployment rate"));
    // "the December 2024 quarter": the period whole, and its twelve months
    // the span it covers.
    let got = run_all(
        "The Consumer Price Index rose 2.4 per cent in the 12 months to the December 2024 quarter.",
    );
    assert_eq!(
        got[0].period.as_deref(),
        Some("in the 12 months to the December 2024 quarter")
    );
    assert_eq!(got[1].kind.as_deref(), Some("period"));
}

#[test]
fn pence_as_british_releases_write_them() {
    let got = summary(
        "Fuel duty stays at 52.95p per litre, the Chancellor announced a 2p cut in National \
         Insurance, and a pint rose by 15p to £1.05.",
    );
    let texts: Vec<(&str, Option<&str>)> =
        got.iter().map(|g| (g.0.as_str(), g.2.as_deref())).collect();
    assert_eq!(
        texts,
        [
            ("52.95p per litre", Some("pence per litre")),
            ("2p", Some("pence")),
            ("15p", Some("pence")),
            ("£1.05", Some("GBP")),
        ]
    );
    // No pounds about: a letter glued to a number is no money.
    for none in ["The video streams in 1080p.", "The 3p orbital is full."] {
        assert_eq!(summary(none), [], "{none}");
    }
}
