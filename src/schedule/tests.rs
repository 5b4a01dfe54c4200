use chrono::{DateTime, TimeZone, Utc};

use super::*;

fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
}

fn at(expr: &str, tz: Option<&str>) -> Schedule {
    parse(expr, tz).unwrap()
}

/// 2025-03-03 is a Monday.
#[test]
fn weekly_monday_is_due_from_seven_on() {
    let s = at("0 7 * * MON", None);
    let monday = utc(2025, 3, 3, 7, 0);
    let before = utc(2025, 2, 24, 7, 0);
    let cases = [
        // (last edition, now, due for)
        (None, utc(2025, 3, 3, 6, 59), Some(before)),
        (Some(before), utc(2025, 3, 3, 6, 59), None),
        (Some(before), utc(2025, 3, 3, 7, 0), Some(monday)),
        (Some(before), utc(2025, 3, 3, 7, 1), Some(monday)),
        (Some(monday), utc(2025, 3, 3, 7, 1), None),
        (
            Some(utc(2025, 3, 3, 7, 0) + chrono::Duration::seconds(30)),
            utc(2025, 3, 3, 7, 1),
            None,
        ),
        (
            Some(utc(2025, 3, 3, 6, 59)),
            utc(2025, 3, 3, 7, 1),
            Some(monday),
        ),
        // Missed weeks collapse into the latest.
        (
            Some(before),
            utc(2025, 3, 17, 8, 0),
            Some(utc(2025, 3, 17, 7, 0)),
        ),
        // A last edition in the future (a clock set back) is not due.
        (Some(utc(2025, 3, 10, 7, 0)), utc(2025, 3, 3, 7, 1), None),
    ];
    for (last, now, due) in cases {
        assert_eq!(s.is_due(last, now), due, "last {last:?}, now {now}");
    }
}

#[test]
fn latest_and_next_around_the_boundary() {
    let s = at("0 7 * * MON", None);
    for (now, latest, next) in [
        (
            utc(2025, 3, 3, 6, 59),
            utc(2025, 2, 24, 7, 0),
            utc(2025, 3, 3, 7, 0),
        ),
        (
            utc(2025, 3, 3, 7, 0),
            utc(2025, 3, 3, 7, 0),
            utc(2025, 3, 10, 7, 0),
        ),
        (
            utc(2025, 3, 3, 7, 1),
            utc(2025, 3, 3, 7, 0),
            utc(2025, 3, 10, 7, 0),
        ),
    ] {
        assert_eq!(s.latest_at_or_before(now), Some(latest), "latest at {now}");
        assert_eq!(s.next_after(now), Some(next), "next after {now}");
    }
    let mid_second = utc(2025, 3, 3, 7, 0) + chrono::Duration::milliseconds(500);
    assert_eq!(
        s.latest_at_or_before(mid_second),
        Some(utc(2025, 3, 3, 7, 0))
    );
    assert_eq!(s.next_after(mid_second), Some(utc(2025, 3, 10, 7, 0)));
}

#[test]
fn seven_in_new_york_is_noon_utc_in_winter_and_eleven_in_summer() {
    let s = at("0 7 * * *", Some("America/New_York"));
    assert_eq!(
        s.latest_at_or_before(utc(2025, 1, 15, 13, 0)),
        Some(utc(2025, 1, 15, 12, 0))
    );
    assert_eq!(
        s.latest_at_or_before(utc(2025, 7, 15, 13, 0)),
        Some(utc(2025, 7, 15, 11, 0))
    );
    assert_eq!(
        s.next_after(utc(2025, 1, 15, 11, 59)),
        Some(utc(2025, 1, 15, 12, 0))
    );
    assert_eq!(
        s.next_after(utc(2025, 7, 15, 11, 0)),
        Some(utc(2025, 7, 16, 11, 0))
    );
    // Not yet seven in New York at 11:30 UTC in January.
    assert_eq!(
        s.is_due(Some(utc(2025, 1, 14, 12, 0)), utc(2025, 1, 15, 11, 30)),
        None
    );
}

/// Each expression's next runs from Monday 2025-03-03 00:00 UTC on.
#[test]
fn steps_lists_ranges_and_names() {
    let start = utc(2025, 3, 3, 0, 0);
    let cases: &[(&str, &[DateTime<Utc>])] = &[
        (
            "*/15 * * * *",
            &[
                utc(2025, 3, 3, 0, 0),
                utc(2025, 3, 3, 0, 15),
                utc(2025, 3, 3, 0, 30),
            ],
        ),
        (
            "0 9-17/4 * * *",
            &[
                utc(2025, 3, 3, 9, 0),
                utc(2025, 3, 3, 13, 0),
                utc(2025, 3, 3, 17, 0),
                utc(2025, 3, 4, 9, 0),
            ],
        ),
        (
            "30 8 1,15 * *",
            &[utc(2025, 3, 15, 8, 30), utc(2025, 4, 1, 8, 30)],
        ),
        (
            "0 7 * * MON-FRI",
            &[utc(2025, 3, 3, 7, 0), utc(2025, 3, 4, 7, 0)],
        ),
        (
            "0 0 1 JAN,jul *",
            &[utc(2025, 7, 1, 0, 0), utc(2026, 1, 1, 0, 0)],
        ),
        (
            "0 7 * * 7",
            &[utc(2025, 3, 9, 7, 0), utc(2025, 3, 16, 7, 0)],
        ),
        ("0 7 * * sun", &[utc(2025, 3, 9, 7, 0)]),
        ("@weekly", &[utc(2025, 3, 9, 0, 0)]),
        ("@monthly", &[utc(2025, 4, 1, 0, 0)]),
        // Both day fields restricted: either matches (the 15th is a Saturday).
        (
            "0 0 1,15 * MON",
            &[
                utc(2025, 3, 3, 0, 0),
                utc(2025, 3, 10, 0, 0),
                utc(2025, 3, 15, 0, 0),
                utc(2025, 3, 17, 0, 0),
            ],
        ),
        // A day field starting with `*` counts as unrestricted (Vixie): odd
        // days that are Mondays.
        (
            "0 0 */2 * MON",
            &[
                utc(2025, 3, 3, 0, 0),
                utc(2025, 3, 17, 0, 0),
                utc(2025, 3, 31, 0, 0),
            ],
        ),
        ("0 0 29 2 *", &[utc(2028, 2, 29, 0, 0)]),
    ];
    for (expr, expected) in cases {
        let s = at(expr, None);
        let mut t = start - chrono::Duration::seconds(1);
        for want in *expected {
            t = s
                .next_after(t)
                .unwrap_or_else(|| panic!("{expr}: no run after {t}"));
            assert_eq!(t, *want, "{expr}");
        }
    }
}

#[test]
fn an_impossible_schedule_has_no_runs() {
    let s = at("0 0 30 2 *", None);
    assert!(s.never_runs());
    assert_eq!(s.latest_at_or_before(utc(2025, 3, 3, 0, 0)), None);
    assert_eq!(s.next_after(utc(2025, 3, 3, 0, 0)), None);
    assert_eq!(s.is_due(None, utc(2025, 3, 3, 0, 0)), None);
    for possible in ["0 0 29 2 *", "0 0 30 2 MON", "0 0 31 1-2 *"] {
        assert!(!at(possible, None).never_runs(), "{possible}");
    }
    assert!(at("0 0 31 APR,JUN *", None).never_runs());
    assert!(at("0 0 30 2 */2", None).never_runs());
}

/// Europe/London springs forward at 01:00 GMT on 2025-03-30 (to 02:00 BST).
#[test]
fn a_skipped_time_runs_after_the_jump_or_not_at_all() {
    let once = at("30 1 * * *", Some("Europe/London"));
    let jump = utc(2025, 3, 30, 1, 0); // 02:00 BST
    assert_eq!(once.next_after(utc(2025, 3, 29, 12, 0)), Some(jump));
    assert_eq!(once.next_after(jump), Some(utc(2025, 3, 31, 0, 30)));
    assert_eq!(
        once.latest_at_or_before(utc(2025, 3, 30, 1, 10)),
        Some(jump)
    );
    assert_eq!(
        once.latest_at_or_before(utc(2025, 3, 30, 0, 59)),
        Some(utc(2025, 3, 29, 1, 30))
    );
    // Several hours: the skipped one has no run.
    let twice = at("30 1,13 * * *", Some("Europe/London"));
    assert_eq!(
        twice.next_after(utc(2025, 3, 29, 14, 0)),
        Some(utc(2025, 3, 30, 12, 30))
    );
}

/// Europe/London falls back at 01:00 GMT on 2025-10-26: 01:30 happens at
/// 00:30 UTC (BST) and again at 01:30 UTC (GMT).
#[test]
fn a_repeated_time_runs_once_unless_the_hours_are_a_wildcard() {
    let first = utc(2025, 10, 26, 0, 30);
    let second = utc(2025, 10, 26, 1, 30);
    for (expr, after_first) in [
        ("30 1 * * *", utc(2025, 10, 27, 1, 30)),
        ("30 1,13 * * *", utc(2025, 10, 26, 13, 30)),
        ("30 * * * *", second),
        ("30 */1 * * *", second),
    ] {
        let s = at(expr, Some("Europe/London"));
        let wildcard = after_first == second;
        assert_eq!(
            s.next_after(utc(2025, 10, 25, 23, 45)),
            Some(first),
            "{expr}"
        );
        assert_eq!(s.next_after(first), Some(after_first), "{expr}");
        let now = utc(2025, 10, 26, 1, 45);
        assert_eq!(
            s.is_due(Some(first), now),
            wildcard.then_some(second),
            "{expr}"
        );
        let latest = if wildcard { second } else { first };
        assert_eq!(s.latest_at_or_before(now), Some(latest), "{expr}");
    }
}

#[test]
fn invalid_expressions_say_which_field_and_why() {
    let cases: &[(&str, &str, Option<&str>)] = &[
        (
            "0 7 * *",
            "invalid cron expression `0 7 * *`: expected 5 fields (minute hour day-of-month month day-of-week), found 4",
            None,
        ),
        (
            "0 0 7 * * MON",
            "invalid cron expression `0 0 7 * * MON`: expected 5 fields (minute hour day-of-month month day-of-week), found 6",
            Some("seconds and years are not supported: a brief is scheduled to the minute"),
        ),
        (
            "61 * * * *",
            "invalid cron expression `61 * * * *`: minute `61` is out of range 0-59",
            None,
        ),
        (
            "0 7 * * FUNDAY",
            "invalid cron expression `0 7 * * FUNDAY`: day-of-week `FUNDAY` is not a number from 0 to 7 or a day name (SUN-SAT)",
            None,
        ),
        (
            "0 7 * * Monday",
            "invalid cron expression `0 7 * * Monday`: day-of-week `Monday` is not a number from 0 to 7 or a day name (SUN-SAT)",
            Some("did you mean `MON`?"),
        ),
        (
            "0 7 * Janvier *",
            "invalid cron expression `0 7 * Janvier *`: month `Janvier` is not a number from 1 to 12 or a month name (JAN-DEC)",
            Some("did you mean `JAN`?"),
        ),
        (
            "0 25 * * *",
            "invalid cron expression `0 25 * * *`: hour `25` is out of range 0-23",
            None,
        ),
        (
            "0 7 L * *",
            "invalid cron expression `0 7 L * *`: day-of-month `L` is not a number from 1 to 31",
            None,
        ),
        (
            "0 7 * * 5-1",
            "invalid cron expression `0 7 * * 5-1`: day-of-week range `5-1` runs backwards",
            Some("write the smaller value first, as in `1-5`"),
        ),
        (
            "5/15 * * * *",
            "invalid cron expression `5/15 * * * *`: minute `5/15`: a step needs a range",
            Some("write `5-59/15` or `*/15`"),
        ),
        (
            "*/0 * * * *",
            "invalid cron expression `*/0 * * * *`: minute step `0` is not a number from 1 to 59",
            None,
        ),
        (
            "0 7 1,,2 * *",
            "invalid cron expression `0 7 1,,2 * *`: day-of-month `1,,2` has an empty list item",
            None,
        ),
        (
            "  ",
            "invalid cron expression ``: the cron expression is empty",
            Some("five fields: minute hour day-of-month month day-of-week, as in `0 7 * * MON`"),
        ),
        (
            "@wekly",
            "invalid cron expression `@wekly`: unknown nickname `@wekly`",
            Some("did you mean `@weekly`?"),
        ),
        (
            "@reboot",
            "invalid cron expression `@reboot`: unknown nickname `@reboot`",
            Some("nicknames are @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly"),
        ),
    ];
    for (expr, message, hint) in cases {
        let e = parse(expr, None).unwrap_err();
        assert_eq!(e.to_string(), *message);
        assert_eq!(e.hint(), *hint, "{expr}");
    }
}

#[test]
fn unknown_timezones_suggest_the_nearest() {
    for (name, hint) in [
        ("Europe/Berln", "did you mean `Europe/Berlin`?"),
        ("europe/london", "did you mean `Europe/London`?"),
        (
            "Mars/Olympus",
            "a timezone is an IANA name such as `Europe/Berlin`, `America/New_York` or `UTC`",
        ),
    ] {
        let e = parse("0 7 * * MON", Some(name)).unwrap_err();
        assert_eq!(e.to_string(), format!("unknown timezone `{name}`"));
        assert_eq!(e.hint(), Some(hint));
    }
}

#[test]
fn display_gives_the_expression_and_the_zone() {
    assert_eq!(at("0 7 * * MON", None).to_string(), "0 7 * * MON (UTC)");
    assert_eq!(
        at(" 0 7 * * MON ", Some("Europe/Berlin")).to_string(),
        "0 7 * * MON (Europe/Berlin)"
    );
}

/// At both ends of the range `--now` and `BRIEF_NOW` accept, every kind of
/// schedule in zones far east and west answers, without panicking or
/// searching forever, with a latest time at or before now and a next time
/// after it (or none, past croner's last year).
#[test]
fn the_ends_of_the_accepted_range_give_true_answers() {
    let first = Utc
        .with_ymd_and_hms(crate::clock::FIRST_YEAR, 1, 1, 0, 0, 0)
        .unwrap();
    let last = Utc
        .with_ymd_and_hms(crate::clock::LAST_YEAR, 12, 31, 23, 59, 59)
        .unwrap();
    let exprs = [
        "* * * * *",
        "*/15 * * * *",
        "0 7 * * MON",
        "0 0 29 2 *",
        "0 0 1 1 *",
        "59 23 31 12 *",
        "0 7 13 * FRI",
        "30 1 * * *",
        "@yearly",
    ];
    let zones = [
        None,
        Some("Pacific/Kiritimati"),
        Some("Pacific/Pago_Pago"),
        Some("Europe/London"),
        Some("America/St_Johns"),
    ];
    for expr in exprs {
        for tz in zones {
            let s = at(expr, tz);
            for now in [first, last] {
                let case = format!("`{expr}` in {tz:?} at {now}");
                let latest = s.latest_at_or_before(now);
                if let Some(l) = latest {
                    assert!(l <= now, "{case}: latest {l}");
                }
                assert_eq!(s.is_due(None, now), latest, "{case}");
                if let Some(n) = s.next_after(now) {
                    assert!(n > now, "{case}: next {n}");
                }
            }
            // The latest time before the end of the range is within it.
            let l = s.latest_at_or_before(last).expect("a time before 4999");
            assert_eq!(
                l.format("%Y").to_string().len(),
                4,
                "`{expr}` in {tz:?}: {l}"
            );
        }
    }
}
