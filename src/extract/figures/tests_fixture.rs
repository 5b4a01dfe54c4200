//! A fixture of government texts written for this test (media releases,
//! budget statements, statistics bulletins, a table, a Chinese communiqué)
//! with every core figure listed: issue 14 asks that at least 95% of them
//! are found, and that at least 95% of what is extracted is one of them.
//! Each paragraph is made up; none is copied from a real release.

use super::test_support::run_all;
use super::*;

/// A paragraph and its figures: (text, first value). `optional` figures are
/// no error either way (a small count a brief would rarely print).
struct Case {
    text: &'static str,
    core: &'static [(&'static str, f64)],
    optional: &'static [(&'static str, f64)],
}

#[rustfmt::skip]
const CASES: &[Case] = &[
    Case {
        text: "The Minister for Housing today announced a $1.2 billion package to build 4,500 new social homes over the next four years, with $350 million set aside for regional towns. Construction is expected to support around 2,800 jobs a year.",
        core: &[("$1.2 billion", 1.2e9), ("4,500", 4500.0), ("$350 million", 3.5e8), ("around 2,800", 2800.0)],
        optional: &[],
    },
    Case {
        text: "Unemployment fell to 3.9 per cent in March, down from 4.1 per cent a year earlier, while the participation rate rose 0.2 percentage points to 66.8 per cent.",
        core: &[("3.9 per cent in March, down from 4.1 per cent", 4.1), ("0.2 percentage points to 66.8 per cent", 66.8)],
        optional: &[],
    },
    Case {
        text: "In the 2023-24 financial year, 212,000 permanent visas were granted, an increase of 8% on the previous year. Skilled migrants accounted for 68 per cent of places, and the average processing time was 94 days.",
        // A processing time is a statistic: a duration stated as one.
        core: &[("212,000", 212000.0), ("8%", 8.0), ("68 per cent", 68.0), ("94 days", 94.0)],
        optional: &[],
    },
    Case {
        text: "The Budget provides £2.4bn over three years for school buildings and a further £650m for teacher training. Around 1.3m pupils in 2,100 schools will benefit, and per-pupil funding rises by 3.4% in real terms.",
        core: &[("£2.4bn", 2.4e9), ("£650m", 6.5e8), ("Around 1.3m", 1.3e6), ("2,100", 2100.0), ("3.4%", 3.4)],
        optional: &[],
    },
    Case {
        text: "Police recorded 48,210 offences in the quarter, 6.5% fewer than in the same quarter last year. The clearance rate was 41%, and the number of burglaries fell from 3,950 to 3,310.",
        core: &[("48,210", 48210.0), ("6.5% fewer", 6.5), ("41%", 41.0), ("from 3,950 to 3,310", 3950.0)],
        optional: &[],
    },
    Case {
        text: "Health authorities reported an average of 1,250 new cases per day last week, and 312 people remain in hospital, 27 of them in intensive care. More than 9.6 million vaccine doses have now been given.",
        core: &[("1,250", 1250.0), ("312", 312.0), ("More than 9.6 million", 9.6e6)],
        optional: &[("27", 27.0)],
    },
    Case {
        text: "The Government will invest A$780 million to upgrade 14 regional hospitals, and the hourly minimum wage will rise by 3.75% to $24.10 from 1 July.",
        core: &[("A$780 million", 7.8e8), ("14", 14.0), ("by 3.75% to $24.10", 24.1)],
        optional: &[],
    },
    Case {
        text: "Exports of goods reached a record $US412.6 billion in the year to June, up from $US389.1 billion, while imports grew 4 per cent to $US301.7 billion.",
        core: &[("$US412.6 billion in the year to June, up from $US389.1 billion", 389.1e9), ("4 per cent to $US301.7 billion", 301.7e9)],
        optional: &[],
    },
    Case {
        text: "The program has helped nearly 35,000 households since its launch, at a cost of about $4,200 per household, and two-thirds of participants are women.",
        core: &[("nearly 35,000", 35000.0), ("about $4,200 per household", 4200.0), ("two-thirds", 200.0 / 3.0)],
        optional: &[],
    },
    Case {
        text: "The state's population grew by 1.9% to 8.48 million people, the fastest rate in 15 years, driven by net overseas migration of 143,000.",
        core: &[("by 1.9% to 8.48 million", 8.48e6), ("143,000", 143000.0)],
        // A comparison's span: a quantity, though not the release's figure.
        optional: &[("15 years", 15.0)],
    },
    Case {
        text: "| Program | 2022-23 ($m) | 2023-24 ($m) |\n|---|---:|---:|\n| Roads | 1,450 | 1,612 |\n| Rail | 980.5 | 1,105 |\n| Ports | 212 | 240 |",
        core: &[("1,450", 1.45e9), ("1,612", 1.612e9), ("980.5", 9.805e8), ("1,105", 1.105e9), ("212", 2.12e8), ("240", 2.4e8)],
        optional: &[],
    },
    Case {
        text: "2023年全年全国居民人均可支配收入39218元，比上年增长6.3%。全年出生人口902万人，城镇新增就业一千二百四十四万人，年末全国就业人员七亿四千零四十一万人。",
        core: &[("39218元", 39218.0), ("6.3%", 6.3), ("902万", 9.02e6), ("一千二百四十四万", 1.244e7), ("七亿四千零四十一万", 7.4041e8)],
        optional: &[],
    },
    Case {
        text: "Road deaths fell to 1,194 last year, a rate of 4.5 per 100,000 people, and fines worth $38 million were issued to 210,000 drivers.",
        core: &[("1,194", 1194.0), ("4.5 per 100,000", 4.5), ("$38 million", 3.8e7), ("210,000", 210000.0)],
        optional: &[("100,000", 100000.0)],
    },
];

/// Whether an extracted figure is the listed one: its text holds the
/// listed words and one of its values is the listed value.
fn is(f: &Figure, (text, value): (&str, f64)) -> bool {
    f.text.contains(text)
        && f.values
            .iter()
            .any(|v| (v - value).abs() <= 1e-6 * value.abs().max(1.0))
}

#[test]
fn government_texts_recall_and_precision() {
    let (mut core, mut found, mut extracted, mut right) = (0, 0, 0, 0);
    let mut report = String::new();
    for case in CASES {
        // Every figure, framing quantities (a `kind`) too: what a quantity
        // count reads.
        let figs = run_all(case.text);
        for &want in case.core {
            core += 1;
            if figs.iter().any(|f| is(f, want)) {
                found += 1;
            } else {
                report.push_str(&format!("missed {want:?}\n"));
            }
        }
        for f in &figs {
            extracted += 1;
            if case.core.iter().chain(case.optional).any(|&w| is(f, w)) {
                right += 1;
            } else {
                report.push_str(&format!("extra {:?} {:?}\n", f.text, f.values));
            }
        }
    }
    let recall = f64::from(found) / f64::from(core);
    let precision = f64::from(right) / f64::from(extracted);
    assert!(
        recall >= 0.95 && precision >= 0.95,
        "recall {recall:.3} ({found}/{core}), precision {precision:.3} ({right}/{extracted})\n{report}"
    );
}
