//! Subjects read before the verb a figure completes, as statistics
//! releases and market reports state them (`subject/before_verb.rs`), on
//! sentences written for these tests.

use super::test_support::run;

/// (figure text, subject) of every statistic in `input`.
fn subjects(input: &str) -> Vec<(String, Option<String>)> {
    run(input)
        .into_iter()
        .map(|f| (f.text, f.subject))
        .collect()
}

fn pair(text: &str, subject: Option<&str>) -> (String, Option<String>) {
    (text.to_string(), subject.map(str::to_string))
}

#[test]
fn the_subject_of_a_verb_of_change_or_level() {
    let cases = [
        (
            "The unemployment rate rose to 4.1 per cent in October.",
            "4.1 per cent",
            "unemployment rate",
        ),
        (
            "Inflation was 2.9% in the year to December.",
            "2.9%",
            "Inflation",
        ),
        ("GDP grew by 0.3% in the third quarter.", "0.3%", "GDP"),
        (
            "Net migration fell to 431,000 in the year to June 2025.",
            "431,000",
            "Net migration",
        ),
        (
            "Average weekly earnings increased 5.2% over the year.",
            "5.2%",
            "Average weekly earnings",
        ),
        (
            "House prices in London dropped 3 per cent last month.",
            "3 per cent",
            "House prices in London",
        ),
        (
            "Public sector net debt was £2.8 trillion at the end of November.",
            "£2.8 trillion",
            "Public sector net debt",
        ),
        (
            "Government borrowing has risen to £17.4 billion.",
            "£17.4 billion",
            "Government borrowing",
        ),
        (
            "Manufacturing output stood at $2.1 billion.",
            "$2.1 billion",
            "Manufacturing output",
        ),
        (
            "Support for the bill fell to 38%.",
            "38%",
            "Support for the bill",
        ),
        (
            "The price of this ticket is $45.",
            "$45",
            "price of this ticket",
        ),
        (
            "Figures published on Tuesday showed the claimant count had reached 1.7 million.",
            "1.7 million",
            "claimant count",
        ),
        (
            "In October the jobless rate was 4.3%.",
            "4.3%",
            "jobless rate",
        ),
        (
            "Last year, investors lost 20.5 percent.",
            "20.5 percent",
            "investors",
        ),
        (
            "A new poll shows Garcia has fallen to 27 percent.",
            "27 percent",
            "Garcia",
        ),
        (
            "Tesla's shares fell 5 per cent.",
            "5 per cent",
            "Tesla's shares",
        ),
    ];
    for (input, text, subject) in cases {
        assert_eq!(subjects(input), [pair(text, Some(subject))], "{input}");
    }
}

#[test]
fn each_clause_of_a_sentence_has_its_own_subject() {
    assert_eq!(
        subjects(
            "Exports rose 5% in March, while imports fell 3% and the trade deficit narrowed to $4.2 billion."
        ),
        [
            pair("5%", Some("Exports")),
            pair("3%", Some("imports")),
            pair("$4.2 billion", Some("trade deficit")),
        ]
    );
}

#[test]
fn no_subject_where_the_phrase_before_the_verb_is_unsure() {
    let cases = [
        // Pronouns and their contractions.
        "It rose 5% in the year.",
        "If it’s cut by as much as 12%, prices will follow.",
        "Everyone else is at 2 percent.",
        // A word for a level alone.
        "Among women, the figure is 75 percent.",
        // Part of a longer subject, or an object.
        "A living wage for an adult with no children in Ohio is about $12.",
        "At the heart of the dispute is $1.1 billion.",
        "The share of voters wanting a ban on imports from the United States is as high as 40%.",
        "Enrolment at colleges and universities soared 565 percent.",
        "The group raising money for the convention is $9 million short.",
        // The figure describes the noun after it.
        "The committee raised $100,000 checks from donors.",
        "The country reaches more than 50 percent clean energy use.",
        // A dimension, not what is measured.
        "The minister was 340 miles away.",
        // An ordinal before a name.
        "From the first week to the second Garcia lost 6 percentage points.",
    ];
    for input in cases {
        for (text, subject) in subjects(input) {
            assert_eq!(subject, None, "{text} in {input}");
        }
    }
}

#[test]
fn the_subject_read_around_the_number_comes_first() {
    // "of" after a share and a noun after a count say what they count;
    // the subject before the verb is only asked when they say nothing.
    assert_eq!(
        subjects("Turnout reached 64% of voters, and the count rose to 2,300 ballots."),
        [pair("64%", Some("voters")), pair("2,300", Some("ballots")),]
    );
}

#[test]
fn a_change_with_its_unit_written_twice_is_no_range() {
    let got = run("Exports of goods to the EU fell £1.2 billion to £15.3 billion.");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].values, [15.3e9]);
    assert_eq!(got[0].qualifier, None);
    let change = got[0].change.as_ref().expect("the change beside the level");
    assert_eq!(change.value, 1.2e9);
    assert_eq!(
        got[0].subject.as_deref(),
        Some("Exports of goods to the EU")
    );
    // A range stays a range without a verb of change before it.
    let range = run("The scheme will cost £1.2 billion to £1.5 billion.");
    assert_eq!(range[0].values, [1.2e9, 1.5e9]);
    assert_eq!(range[0].qualifier.as_deref(), Some("between"));
}

#[test]
fn the_subject_past_adverbs_auxiliaries_and_a_rate() {
    let cases = [
        (
            "Hospital admissions were up 8% on the previous year.",
            "8%",
            "Hospital admissions",
        ),
        (
            "Emissions are now 28.5 per cent below 2005 levels.",
            "28.5 per cent",
            "Emissions",
        ),
        (
            "The minimum wage will increase from £11.44 to £12.21 an hour.",
            "from £11.44 to £12.21 an hour",
            "minimum wage",
        ),
        (
            "Funding of $350 million will go to councils.",
            "$350 million",
            "Funding",
        ),
        (
            "The agency processed 98.7% of claims within 30 days.",
            "98.7%",
            "claims",
        ),
    ];
    for (input, text, subject) in cases {
        assert_eq!(subjects(input), [pair(text, Some(subject))], "{input}");
    }
}

#[test]
fn the_object_of_a_verb_of_change_and_an_average_or_a_high() {
    let cases = [
        (
            "The drug reduced the risk of death by 20 per cent.",
            "20 per cent",
            "risk of death",
        ),
        (
            "The reform cut federal assistance by nearly $55 billion.",
            "nearly $55 billion",
            "federal assistance",
        ),
        (
            "Wages have grown by an average of 4% since 2020.",
            "4%",
            "Wages",
        ),
        (
            "Turnout was down an average of almost 30 percent.",
            "almost 30 percent",
            "Turnout",
        ),
        ("Rents hit a high of $2,400 in May.", "$2,400", "Rents"),
    ];
    for (input, text, subject) in cases {
        assert_eq!(subjects(input), [pair(text, Some(subject))], "{input}");
    }
    // Not after a verb that changes nothing: "put the figure at 100,000".
    assert_eq!(
        subjects("Organisers put the crowd at 100,000 people."),
        [pair("100,000", Some("people"))]
    );
}

#[test]
fn what_money_is_for_a_steady_level_and_a_multiple() {
    let cases = [
        (
            "The package includes $45.5m for mental health services.",
            "$45.5m",
            "mental health services",
        ),
        (
            "The unemployment rate remained steady at 4.1 per cent.",
            "4.1 per cent",
            "unemployment rate",
        ),
        (
            "Cases of measles have risen tenfold since last year.",
            "tenfold",
            "Cases of measles",
        ),
        (
            "A friendly bid of 470 pence a share for the company was made.",
            "470 pence a share",
            "bid",
        ),
    ];
    for (input, text, subject) in cases {
        assert_eq!(subjects(input), [pair(text, Some(subject))], "{input}");
    }
    // "for the year" is a time, not what the money is for.
    assert_eq!(subjects("It paid $5m for the year."), [pair("$5m", None)]);
}

#[test]
fn an_amount_that_describes_the_noun_after_it() {
    let cases = [
        (
            "Every household gets a $300 energy rebate.",
            "$300",
            "energy rebate",
        ),
        (
            "Senators blocked a $1.1 billion funding package.",
            "$1.1 billion",
            "funding package",
        ),
        (
            "The Budget returns a surplus of $9.3 billion in 2024-25.",
            "$9.3 billion",
            "surplus",
        ),
    ];
    for (input, text, subject) in cases {
        assert_eq!(subjects(input), [pair(text, Some(subject))], "{input}");
    }
}

#[test]
fn the_object_before_a_change_that_starts_at_its_by() {
    assert_eq!(
        subjects("The central bank raised rates by a quarter of a percentage point to 5.25%."),
        [pair(
            "by a quarter of a percentage point to 5.25%",
            Some("rates")
        )]
    );
}

#[test]
fn the_noun_after_a_count_across_modifiers_and_before_its_verb() {
    let cases = [
        // Two -ing words before the noun.
        (
            "An extra 6,500 nursing training places will be funded.",
            "6,500",
            "nursing training places",
        ),
        // A participle joined to an adjective by "and".
        (
            "The plan delivers 14 new and upgraded hospitals.",
            "14",
            "new and upgraded hospitals",
        ),
        // ... or to a plural before another plural.
        (
            "The 718 party leaders and elected officials have a say.",
            "718",
            "party leaders and elected officials",
        ),
        // After a plural, a word without one before a preposition is the verb.
        (
            "More than 8 million Americans rely on insulin.",
            "More than 8 million",
            "Americans",
        ),
        (
            "Some 90 young conservatives met at the house.",
            "Some 90",
            "young conservatives",
        ),
    ];
    for (input, text, subject) in cases {
        assert_eq!(subjects(input), [pair(text, Some(subject))], "{input}");
    }
}

#[test]
fn a_plural_and_a_verb_are_not_joined_by_and_nor_a_possessive_cut() {
    // "helped" joins a clause, not the noun phrase.
    assert_eq!(
        subjects("Her campaigns galvanized 1,200 volunteers and helped reshape the party."),
        [pair("1,200", Some("volunteers"))]
    );
    // A possessive is no plural: its noun follows.
    assert_eq!(
        subjects("The department released 55,000 pages of Clinton's correspondence for review."),
        [pair("55,000", Some("pages of Clinton's correspondence"))]
    );
}

#[test]
fn a_period_between_a_change_and_its_level() {
    let figs =
        run("Emergency department presentations rose by 7.4 per cent in 2024 to 1.1 million.");
    assert_eq!(figs.len(), 1, "{figs:?}");
    let f = &figs[0];
    assert_eq!(f.text, "by 7.4 per cent in 2024 to 1.1 million");
    assert_eq!(f.values, [1_100_000.0]);
    assert_eq!(f.change.as_ref().map(|c| c.value), Some(7.4));
    assert_eq!(f.period.as_deref(), Some("in 2024"));
    assert_eq!(
        f.subject.as_deref(),
        Some("Emergency department presentations")
    );
    let figs = run("Sales fell 3% last year to $4.1 billion.");
    assert_eq!(figs.len(), 1, "{figs:?}");
    assert_eq!(figs[0].period.as_deref(), Some("last year"));
    // Two amounts a longer phrase keeps apart stay two figures.
    assert_eq!(
        run("Sales fell 3% in the three months before the strike to $4.1 billion.").len(),
        2
    );
}

#[test]
fn a_participle_opening_the_subject_and_nouns_ending_in_ing() {
    assert_eq!(
        subjects("Payrolled employees fell by 93,000 between June and September."),
        [pair("93,000", Some("Payrolled employees"))]
    );
    assert_eq!(
        subjects("The grants leveraged $39 billion in cleanup and redevelopment funding."),
        [pair(
            "$39 billion",
            Some("cleanup and redevelopment funding")
        )]
    );
    let figs = run("The estimated number of vacancies fell by 9,000 on the quarter to 717,000.");
    assert_eq!(figs.len(), 1, "{figs:?}");
    assert_eq!(figs[0].text, "by 9,000 on the quarter to 717,000");
    assert_eq!(figs[0].subject.as_deref(), Some("vacancies"));
}

#[test]
fn millions_before_a_plural_unit_magnitudes_and_irregular_pasts() {
    let figs = run("The tanker was carrying 2.3m barrels of crude.");
    assert_eq!(figs[0].values, [2_300_000.0], "{figs:?}");
    assert_eq!(figs[0].unit.as_deref(), Some("barrels"));
    let figs = run("A 20m vessel sank in the harbour.");
    assert_eq!(figs[0].values, [20.0], "{figs:?}");
    assert_eq!(figs[0].unit.as_deref(), Some("m"));
    assert_eq!(figs[0].subject.as_deref(), Some("vessel"));
    let figs = run("A 7.1-magnitude earthquake struck off the coast.");
    assert_eq!(figs.len(), 1, "{figs:?}");
    assert_eq!(figs[0].unit.as_deref(), Some("magnitude"));
    assert_eq!(figs[0].subject.as_deref(), Some("earthquake"));
    let figs = run("A magnitude 6.4 earthquake hit the region.");
    assert_eq!(figs.len(), 1, "{figs:?}");
    assert_eq!(figs[0].unit.as_deref(), Some("magnitude"));
    assert_eq!(figs[0].text, "6.4");
    assert_eq!(
        subjects("Close to 300 people stood in the rain."),
        [pair("Close to 300", Some("people"))]
    );
}

#[test]
fn the_subject_of_a_forecast_and_of_a_modal_total() {
    assert_eq!(
        subjects("Headline inflation is forecast to be 2¾ per cent in June."),
        [pair("2¾ per cent", Some("Headline inflation"))]
    );
    assert_eq!(
        subjects("Net debt is expected to reach $940 billion."),
        [pair("$940 billion", Some("Net debt"))]
    );
    assert_eq!(
        subjects("Payments to the states will total $190.6 billion."),
        [pair("$190.6 billion", Some("Payments to the states"))]
    );
}
