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
    // An adjective is no sign.
    let figs = read("He has a negative 42% rating.");
    assert!(figs.iter().all(|f| f.1 == [42.0]), "{figs:?}");
    // A margin of error is no negative.
    let figs = read("The poll has a margin of error of plus or minus 4 percentage points.");
    assert!(figs.iter().all(|f| f.1 == [4.0]), "{figs:?}");
    // Arithmetic keeps its sign.
    let figs = read("The tally was 40 minus 3 percent of the votes.");
    assert!(
        figs.iter().any(|f| f.1 == [3.0]) && figs.iter().all(|f| f.1[0] >= 0.0),
        "{figs:?}"
    );
}

#[test]
fn temperatures_without_the_degree_sign() {
    for (input, expect) in [
        (
            "Forecasters expect highs of 38C on Friday.",
            one("38C", &[38.0], Some("°C")),
        ),
        (
            "Overnight it fell to -15C in the north.",
            one("-15C", &[-15.0], Some("°C")),
        ),
        (
            "A 5C drop is likely by Monday.",
            one("5C", &[5.0], Some("°C")),
        ),
        (
            "Phoenix reached 115F, a record.",
            one("115F", &[115.0], Some("°F")),
        ),
    ] {
        assert_eq!(read(input), expect, "{input:?}");
    }
    // Labels: a flat, a floor, a rating.
    for input in [
        "She lives in Flat 5C near the station.",
        "The meeting is in Room 4F.",
        "It carries a 3CX badge.",
    ] {
        assert_eq!(read(input), vec![], "{input:?}");
    }
}

#[test]
fn scales_hyphenated_as_adjectives() {
    for (input, expect) in [
        (
            "Lawmakers passed a $1.5-trillion spending plan.",
            one("$1.5-trillion", &[1.5e12], Some("USD")),
        ),
        (
            "The agency reported a 2.3-million increase in visitors.",
            one("2.3-million", &[2.3e6], None),
        ),
        (
            "It is a 40-billion-dollar industry.",
            one("40-billion-dollar", &[4e10], Some("USD")),
        ),
    ] {
        assert_eq!(read(input), expect, "{input:?}");
    }
    // An age written with a scale is no amount.
    assert_eq!(read("They found a 100-million-year-old fossil."), vec![]);
}

#[test]
fn mil_as_a_scale() {
    for (input, expect) in [
        (
            "The flat sold for 2mil SEK last spring.",
            one("2mil SEK", &[2e6], Some("SEK")),
        ),
        (
            "The club paid $40mil for the striker.",
            one("$40mil", &[4e7], Some("USD")),
        ),
        ("The app has 3 mil users.", one("3 mil", &[3e6], None)),
    ] {
        assert_eq!(read(input), expect, "{input:?}");
    }
}

#[test]
fn decimals_spaced_by_a_tokenizer_are_not_two_amounts() {
    let figs = read("the deficit was 1 . 6 billion marks , up 0 . 95 .");
    assert!(
        figs.iter().all(|f| f.1 != [6e9] && f.1 != [95.0]),
        "{figs:?}"
    );
}

#[test]
fn currency_codes_and_names_after_the_amount() {
    for (input, expect) in [
        (
            "The deal is worth 500 million SEK.",
            one("500 million SEK", &[5e8], Some("SEK")),
        ),
        (
            "Fines of 10,000 CHF apply to late filers.",
            one("10,000 CHF", &[1e4], Some("CHF")),
        ),
        (
            "The farm sold for 4.2 million ZAR.",
            one("4.2 million ZAR", &[4.2e6], Some("ZAR")),
        ),
        (
            "Ticket prices rose to 250 lira.",
            one("250 lira", &[250.0], Some("TRY")),
        ),
        (
            "Kyiv budgeted UAH 1,200 for the scheme.",
            one("UAH 1,200", &[1200.0], Some("UAH")),
        ),
    ] {
        assert_eq!(read(input), expect, "{input:?}");
    }
}

#[test]
fn fractions_before_a_unit() {
    for (input, expect) in [
        (
            "The new tunnel runs 2 1/2 miles under the bay.",
            one("2 1/2 miles", &[2.5], Some("miles")),
        ),
        (
            "Rain left 1/4 inch of ice on roads.",
            one("1/4 inch", &[0.25], Some("inches")),
        ),
        (
            "The recipe calls for 4½ cups of flour.",
            one("4½ cups", &[4.5], Some("cups")),
        ),
        (
            "The fire spread approximately one-half mile east.",
            one("approximately one-half mile", &[0.5], Some("miles")),
        ),
    ] {
        assert_eq!(read(input), expect, "{input:?}");
    }
    // Dates, schedules and durations are no fractions.
    for input in [
        "After 9/11 the rules changed.",
        "The clinic is open 24/7 now.",
        "It took 2 1/2 years to build.",
    ] {
        assert_eq!(read(input), vec![], "{input:?}");
    }
}

#[test]
fn bare_counts_in_news_reports() {
    for (input, value) in [
        ("The attack wounded 30 and killed 7.", 30.0),
        ("Authorities released 90 on Sunday.", 90.0),
        ("The plant, which employs 400, will close.", 400.0),
        ("The death toll rose to 40 overnight.", 40.0),
        ("Officials gave a toll of 17 by noon.", 17.0),
        ("Two of the victims were children.", 2.0),
        ("Five of them were later freed.", 5.0),
    ] {
        let figs = read(input);
        assert!(figs.iter().any(|f| f.1 == [value]), "{input:?}: {figs:?}");
    }
    // "one of" refers; a rank is no count.
    for input in ["One of them came back.", "The two of them met."] {
        assert_eq!(read(input), vec![], "{input:?}");
    }
}

#[test]
fn dozens_with_a_number() {
    for (input, expect) in [
        (
            "Volunteers packed 3 dozen boxes of food.",
            one("3 dozen", &[36.0], None),
        ),
        (
            "Police questioned three dozen witnesses.",
            one("three dozen", &[36.0], None),
        ),
    ] {
        assert_eq!(read(input), expect, "{input:?}");
    }
    // Without a number a dozen is vague.
    for input in [
        "Police questioned a dozen witnesses.",
        "Dozens of witnesses came forward.",
        "Several dozen people waited.",
        "About half a dozen people waited.",
    ] {
        assert_eq!(read(input), vec![], "{input:?}");
    }
}

#[test]
fn counts_with_a_describing_word_before_the_noun() {
    for (input, text, value) in [
        ("The town has 41 registered voters.", "41", 41.0),
        ("He came in with 300 pledged delegates.", "300", 300.0),
        (
            "Pollsters visited 35 randomly selected precincts.",
            "35",
            35.0,
        ),
        ("The firm rehired 40 furloughed workers.", "40", 40.0),
        (
            "Among the 578 likely voters polled, most agreed.",
            "578",
            578.0,
        ),
        (
            "Pollsters reached 600 likely Republican primary voters.",
            "600",
            600.0,
        ),
    ] {
        assert_eq!(read(input), one(text, &[value], None), "{input:?}");
    }
    // Without a plural after it the word is the verb, and a preposition in
    // -ing starts a phrase: no count.
    for input in [
        "Of the jurors, 10 voted yes.",
        "By the end, 12 remained seated.",
        "Of those, 30 including engineers left.",
        "Of the staff, 12 according reports left.",
    ] {
        assert_eq!(read(input), vec![], "{input:?}");
    }
}

#[test]
fn counts_of_capitalised_groups() {
    for (input, text, value) in [
        ("The attack killed four Americans.", "four", 4.0),
        ("So far only two Democrats opposed the bill.", "two", 2.0),
        (
            "He has won 139 Super Tuesday delegates so far.",
            "139",
            139.0,
        ),
        (
            "Investigators named four U.N. peacekeepers in the report.",
            "four",
            4.0,
        ),
        ("She won 12 Grand Slam singles titles.", "12", 12.0),
    ] {
        assert_eq!(read(input), one(text, &[value], None), "{input:?}");
    }
    // A title in capitals, a name and a team are no counts.
    for input in [
        "Read 3 Important Things To Know.",
        "The museum moved to 115 Spring St. last year.",
        "He praised the Windows 11 Pro release.",
        "The only two Democrats left early.",
    ] {
        assert_eq!(read(input), vec![], "{input:?}");
    }
}

#[test]
fn parts_of_someones_group() {
    for (input, text, value) in [
        ("Investigators flagged 22 of Smith’s emails.", "22", 22.0),
        ("He brought four of his children along.", "four", 4.0),
        ("The paper interviewed 20 of Jones' colleagues.", "20", 20.0),
    ] {
        assert_eq!(read(input), one(text, &[value], None), "{input:?}");
    }
    // A part of a named thing is a label.
    for input in [
        "Read Article 3 of the treaty.",
        "Part 2 of his memoir is out.",
    ] {
        assert_eq!(read(input), vec![], "{input:?}");
    }
}

#[test]
fn poll_shares_without_a_noun() {
    for (input, text, value) in [
        ("Six in 10 say the economy is weak.", "Six in 10", 60.0),
        (
            "On average, about 4 in 10 are angry.",
            "about 4 in 10",
            40.0,
        ),
        (
            "Taxes were picked by nearly three in 10.",
            "nearly three in 10",
            30.0,
        ),
        (
            "Nearly three in four say they buy local.",
            "Nearly three in four",
            75.0,
        ),
    ] {
        let figs = read(input);
        assert_eq!(figs.len(), 1, "{input:?}: {figs:?}");
        assert_eq!(figs[0].0, text, "{input:?}");
        assert!((figs[0].1[0] - value).abs() < 1e-9, "{input:?}: {figs:?}");
        assert_eq!(figs[0].2.as_deref(), Some("percent"), "{input:?}");
    }
    // A time unit after the whole, or a small whole without a verb, is no share.
    for input in [
        "The team scored 3 in 10 minutes.",
        "The odds were two in three at best.",
    ] {
        assert!(
            read(input)
                .iter()
                .all(|f| f.2.as_deref() != Some("percent")),
            "{input:?}"
        );
    }
}

/// (text, values, unit, kind) of a figure.
type Kinded = (String, Vec<f64>, Option<String>, Option<String>);

/// (text, values, unit, kind) of every figure of `input`.
fn kinds(input: &str) -> Vec<Kinded> {
    super::test_support::run_all(input)
        .into_iter()
        .map(|f| (f.text, f.values, f.unit, f.kind))
        .collect()
}

fn framed(text: &str, value: f64, unit: Option<&str>, kind: &str) -> Kinded {
    (
        text.to_string(),
        vec![value],
        unit.map(str::to_string),
        Some(kind.to_string()),
    )
}

#[test]
fn durations_have_their_own_kind() {
    for (input, expect) in [
        (
            "He served three years in prison.",
            framed("three years", 3.0, Some("years"), "duration"),
        ),
        (
            "She got a 10-year sentence.",
            framed("10-year", 10.0, Some("years"), "duration"),
        ),
        (
            "Talks ran for 48 hours.",
            framed("48 hours", 48.0, Some("hours"), "duration"),
        ),
        (
            "They met twenty-five days later.",
            framed("twenty-five days", 25.0, Some("days"), "duration"),
        ),
    ] {
        assert_eq!(kinds(input), vec![expect], "{input:?}");
    }
    // "one year" is left out; a stated figure keeps no kind.
    assert_eq!(kinds("It took one year."), vec![]);
    let stated = kinds("Some 40 people waited two hours.");
    assert_eq!(stated[0].3, None, "{stated:?}");
    assert_eq!(stated[1].3.as_deref(), Some("duration"), "{stated:?}");
}

#[test]
fn ages_have_their_own_kind() {
    for (input, expect) in [
        (
            "A 45-year-old man was arrested.",
            framed("45-year-old", 45.0, Some("years"), "age"),
        ),
        (
            "The driver, Jane Roe, 52, was unhurt.",
            framed("52", 52.0, Some("years"), "age"),
        ),
        (
            "She died on Sunday aged 94.",
            framed("aged 94", 94.0, Some("years"), "age"),
        ),
        (
            "He was 14 years old then.",
            framed("14 years old", 14.0, Some("years"), "age"),
        ),
        (
            "A 12-week-old puppy was found.",
            framed("12-week-old", 12.0, Some("weeks"), "age"),
        ),
    ] {
        assert_eq!(kinds(input), vec![expect], "{input:?}");
    }
    // A date after a month, a code or a count after a name is no age.
    for input in [
        "The vote is on March 15, 2024.",
        "A girl was born Sept, 26, 2014, in Ohio.",
        "The F-16 jets flew over.",
        "Trump won 30 delegates.",
    ] {
        assert!(
            kinds(input).iter().all(|f| f.3.as_deref() != Some("age")),
            "{input:?}"
        );
    }
}

#[test]
fn attributive_counts_have_their_own_kind() {
    for (input, expect) in [
        (
            "A 12-member panel will decide.",
            framed("12-member", 12.0, None, "attributive"),
        ),
        (
            "A 2,000-strong crowd gathered.",
            framed("2,000-strong", 2000.0, None, "attributive"),
        ),
        (
            "The three-judge panel ruled.",
            framed("three-judge", 3.0, None, "attributive"),
        ),
    ] {
        assert_eq!(kinds(input), vec![expect], "{input:?}");
    }
    // Scores, labels and "-plus" are no attributive counts.
    for input in [
        "The court ruled 5-4 on Monday.",
        "Sales of the AR-15 rifle rose.",
        "There are 90-plus parties.",
    ] {
        assert!(
            kinds(input)
                .iter()
                .all(|f| f.3.as_deref() != Some("attributive")),
            "{input:?}"
        );
    }
}

#[test]
fn the_time_a_stated_amount_is_spread_over_is_its_period_not_a_duration() {
    for input in [
        "The council will spend $40 million on parks over the next five years.",
        "The grant gives €2.5m across three years.",
        "Some 600 nurses will be hired within two years.",
    ] {
        // The amount is a statistic; the time, a quantity of kind "period".
        let found = kinds(input);
        assert!(
            found.iter().any(|f| f.3.is_none())
                && found
                    .iter()
                    .all(|f| f.3.is_none() || f.3.as_deref() == Some("period")),
            "{input:?}: {found:?}"
        );
    }
    // With no amount before it, the duration is a quantity of its own.
    let alone = kinds("Talks went on over three days.");
    assert_eq!(alone.len(), 1, "{alone:?}");
    assert_eq!(alone[0].3.as_deref(), Some("duration"), "{alone:?}");
    // An amount after it does not take it.
    let after = kinds("Over two years, 300 firms closed.");
    assert!(
        after.iter().any(|f| f.3.as_deref() == Some("duration")),
        "{after:?}"
    );
    // "the past two years" is when, not how long: a period, no duration
    // (tests_releases: the span a statistic covers).
    let past = kinds("Over the past two years, 300 firms closed.");
    assert!(
        past.iter().all(|f| f.3.as_deref() != Some("duration")),
        "{past:?}"
    );
}

#[test]
fn parts_of_a_stated_whole() {
    // A part of a whole that names what it counts is a count of the part;
    // the whole stays a figure of its own.
    for (input, expect) in [
        (
            "The slate took 18 of 25 seats on the board.",
            vec![("18", 18.0), ("25", 25.0)],
        ),
        (
            "Turnout fell in eight of nine counties this year.",
            vec![("eight", 8.0), ("nine", 9.0)],
        ),
    ] {
        let got: Vec<(String, f64)> = read(input)
            .into_iter()
            .map(|(t, v, u)| {
                assert_eq!(u, None, "{input:?}");
                (t, v[0])
            })
            .collect();
        let want: Vec<(String, f64)> = expect.iter().map(|(t, v)| (t.to_string(), *v)).collect();
        assert_eq!(got, want, "{input:?}");
    }
    // The part says what it counts through the whole's noun.
    let figs = super::test_support::run("The slate took 18 of 25 seats on the board.");
    assert_eq!(figs[0].subject.as_deref(), Some("seats"));
    // A whole of 10 or 100 is a poll's base: a share, as "nine in 10" is.
    assert_eq!(
        read("Nearly nine of 10 farmers backed the plan."),
        one("Nearly nine of 10", &[90.0], Some("percent"))
    );
    // No part of a year, of a time, or in a numbered series; "one of" refers.
    for input in [
        "He signed 3 of 2016 bills.",
        "They won 3 of 4 days.",
        "Game 7 of 10 finals went long.",
        "He was one of 12 jurors.",
    ] {
        let figs = read(input);
        assert!(
            figs.iter()
                .all(|f| f.1 != [3.0] && f.1 != [7.0] && f.2.is_none() && f.1 != [1.0]),
            "{input:?}: {figs:?}"
        );
    }
}

#[test]
fn shares_before_a_hyphenated_name() {
    assert_eq!(
        read("Almost two in three Labour-leaning voters agree."),
        one("Almost two in three", &[2.0 / 3.0 * 100.0], Some("percent"))
    );
}

#[test]
fn fractions_of_a_group_without_of() {
    for (input, text, value) in [
        ("Nearly half said they want change.", "Nearly half", 50.0),
        (
            "More than half the mayors backed the plan.",
            "More than half",
            50.0,
        ),
        (
            "Less than a third agreed with him.",
            "Less than a third",
            100.0 / 3.0,
        ),
        ("Shares sank to about half their value.", "about half", 50.0),
    ] {
        let figs = read(input);
        assert_eq!(figs.len(), 1, "{input:?}: {figs:?}");
        assert_eq!(figs[0].0, text, "{input:?}");
        assert!((figs[0].1[0] - value).abs() < 1e-9, "{input:?}: {figs:?}");
        assert_eq!(figs[0].2.as_deref(), Some("percent"), "{input:?}");
    }
    let figs = super::test_support::run("More than half the mayors backed the plan.");
    assert_eq!(figs[0].subject.as_deref(), Some("mayors"));
    // Halves of a time, an ordinal "third", and "half a dozen" are no shares.
    for input in [
        "Half the year was lost.",
        "He spent the second half of the season abroad.",
        "A third source said so.",
        "It took half an hour.",
        "Half a dozen voters came.",
    ] {
        assert_eq!(read(input), vec![], "{input:?}");
    }
}

#[test]
fn subjects_of_reports_and_parallel_clauses() {
    for (input, expect) in [
        (
            "Two people were killed and more than 40 were injured.",
            vec![("Two", 2.0), ("more than 40", 40.0)],
        ),
        ("Officials said 35 have been deported.", vec![("35", 35.0)]),
        (
            "The blast left 9 people dead and roughly 60 wounded.",
            vec![("9", 9.0), ("roughly 60", 60.0)],
        ),
        (
            "Smith has 14 delegates, Jones has 9 and Brown has three.",
            vec![("14", 14.0), ("9", 9.0), ("three", 3.0)],
        ),
        (
            "The storms killed 120 in Texas and 45 in Ohio.",
            vec![("120", 120.0), ("45", 45.0)],
        ),
    ] {
        let got: Vec<(String, f64)> = read(input).into_iter().map(|(t, v, _)| (t, v[0])).collect();
        let want: Vec<(String, f64)> = expect.iter().map(|(t, v)| (t.to_string(), *v)).collect();
        assert_eq!(got, want, "{input:?}");
    }
    // A partner's subject is shared along the clauses.
    let subjects: Vec<Option<String>> =
        super::test_support::run("Smith has 14 delegates, Jones has 9 and Brown has three.")
            .into_iter()
            .map(|f| f.subject)
            .collect();
    assert_eq!(subjects, vec![Some("delegates".to_string()); 3]);
    let subjects: Vec<Option<String>> = super::test_support::run(
        "Jones has 8 delegates and Brown has 6. Nine local and Muslim groups are angry.",
    )
    .into_iter()
    .map(|f| f.subject)
    .collect();
    assert_eq!(
        subjects,
        [
            Some("delegates"),
            Some("delegates"),
            Some("local and Muslim groups")
        ]
        .map(|s| s.map(str::to_string))
    );
    // A partner takes its unit along.
    assert_eq!(
        read("She drew 13 percentage points from Smith and 7 from Jones.")[1],
        (
            "7".to_string(),
            vec![7.0],
            Some("percentage points".to_string())
        )
    );
    // No partner in a year or a date, and a guess "two or three" is no count.
    for input in [
        "He won 12 delegates in 2008 and in 10 he lost.",
        "He hired two or three aides.",
        "They need seven or eight thousand votes.",
    ] {
        let figs = read(input);
        assert!(
            figs.iter()
                .all(|f| f.1 != [10.0] && f.1 != [2.0] && f.1 != [7.0]),
            "{input:?}: {figs:?}"
        );
    }
}
