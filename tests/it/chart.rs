//! Charts (`as: bar` / `as: line`): the SVG beside the Markdown (a
//! snapshot), the same chart in the PDF (its labels found by pdftotext),
//! each point footnoted, and the refusals: mixed units and points a chart
//! cannot place. Fixture: tests/fixtures/charts (one document of counts by
//! year, a from/to pair and a percentage).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use std::path::Path;
use std::process::Command;

use crate::common::{brief, copy_dir, fixture, repo, text, write_spec};

fn build(dir: &Path, args: &[&str]) -> String {
    let mut all = vec!["build"];
    all.extend_from_slice(args);
    let out = brief(dir, &all);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    text(&out.stdout)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn the_shipped_chart_is_one_svg_in_the_markdown_and_the_pdf() {
    let dir = tempfile::tempdir().unwrap();
    for part in ["briefs", "corpus"] {
        copy_dir(&repo().join(part), &dir.path().join(part));
    }
    build(dir.path(), &["briefs/asylum-under-xi.yaml"]);
    let out = dir.path().join("out/asylum-under-xi");
    let svg = read(&out.join("charts/press/scale-1.svg"));
    insta::assert_snapshot!("asylum-under-xi-press-scale-1.svg", svg);
    // The README shows this chart from a committed copy: keep it current.
    assert_eq!(
        read(&repo().join("docs/asylum-seekers-chart.svg")),
        svg,
        "docs/asylum-seekers-chart.svg is stale: copy the built chart over it"
    );

    let md = read(&out.join("press.md"));
    assert!(md.contains("![Chinese asylum seekers worldwide](<charts/press/scale-1.svg>)"));
    // Every point is listed with a footnote to its source.
    for point in [
        "- the end of 2012 (end of year): 15,362[^",
        "- mid-2022 (mid-year): 116,868[^",
        "- 2023 (whole year): 176,239[^",
        // One source line for the chart, each document once, as short notes.
        "\nSources: Essay on low-income Chinese; Huang, “Mass Exodus?”\n",
    ] {
        assert!(md.contains(point), "{point}\n{md}");
    }

    let pdf = common::pdftotext_layout(&out.join("press.pdf"));
    for label in [
        "Chinese asylum seekers worldwide",
        "Asylum seekers (UNHCR, as reported)",
        "15,362",
        "116,868",
        "176,239",
        "the end of 2012",
        "mid-2022",
        "(end of year)",
        "(mid-year)",
        "(whole year)",
        "200,000",
    ] {
        assert!(
            pdf.contains(label),
            "`{label}` not in the PDF's text:\n{pdf}"
        );
    }
}

#[test]
fn lines_by_year_and_pairs_split_into_points_with_hostile_titles_kept_literal() {
    let dir = fixture("charts");
    build(dir.path(), &[]);
    let out = dir.path().join("out/arrivals");
    let md = read(&out.join("brief.md"));
    assert!(
        md.contains("![Arrivals \\<by year\\> \\& \"period\"](<charts/brief/numbers-1.svg>)"),
        "{md}"
    );
    assert!(md.contains("- 2021 (whole year): 12,400[^1]"), "{md}");
    assert!(md.contains("- mid-2023 (mid-year): 9,700[^3]"), "{md}");
    // The from/to figure named whole and by `value: 2` gives two points, not three.
    assert!(md.contains("![Registrations](<charts/brief/numbers-2.svg>)\n\n- mid-2021 (mid-year): 7,800[^4]\n- the end of 2019 (end of year): 3,100[^4]\n\nSource: “Arrivals at the northern”\n\n"), "{md}");

    // A data file's rows, one series, all under the data file's own note.
    assert!(md.contains("![Applications](<charts/brief/numbers-3.svg>)\n\n- 2019: 3,100[^5]\n- 2020: 2,800[^5]\n- 2021: 12,400[^5]\n- 2022: 18,900[^5]\n\nSource: “Applications by year”\n"), "{md}");
    assert!(md.contains(
        "[^5]: “Applications by year (test fixture),” *Example Statistics Office*, January 2025."
    ));

    let line = read(&out.join("charts/brief/numbers-1.svg"));
    assert!(line.contains("<polyline "));
    assert!(line.contains("Arrivals &lt;by year&gt; &amp; &quot;period&quot;"));
    assert!(!line.contains("<by year>"));
    let pdf = common::pdftotext_layout(&out.join("brief.pdf"));
    assert!(pdf.contains("Arrivals <by year> & \"period\""), "{pdf}");
    assert!(pdf.contains("18,900"));
}

#[test]
fn data_files_are_checked_when_loaded_and_when_charted() {
    let dir = fixture("charts");
    let d = dir.path();
    std::fs::write(
        d.join("corpus/bad.csv"),
        "---\ntitle: Bad\n---\nyear,n\n2021,12\n2022,many\n",
    )
    .unwrap();
    let out = brief(d, &["build", "--no-pdf"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("error: `many` is not a number\n --> corpus/bad.csv:6:1\n"),
        "{}",
        text(&out.stderr)
    );
    // The rest of the corpus still built.
    assert!(d.join("out/arrivals/charts/brief/numbers-3.svg").exists());
    std::fs::remove_file(d.join("corpus/bad.csv")).unwrap();

    let cases = [
        (
            "      - figures: [{data: applications}]\n        as: bar\n",
            "error: `applications` has 2 columns of numbers; say which\n --> briefs/t.yaml:7:26\n",
        ),
        (
            "      - figures: [{data: applications, column: share}]\n        as: bar\n",
            "error: `applications` has no column `share`\n --> briefs/t.yaml:7:48\n",
        ),
        (
            "      - figures: [{data: applications, column: applications}]\n",
            "error: a data file's rows are chart points: this block is not a chart\n --> briefs/t.yaml:7:19\n",
        ),
        (
            "      - figures: [{data: arrivals}]\n        as: bar\n",
            "error: `arrivals` is a document, not a data file\n --> briefs/t.yaml:7:26\n",
        ),
        (
            "      - figures: [{data: aplications}]\n        as: bar\n",
            "error: no data file `aplications` in the corpus\n --> briefs/t.yaml:7:26\n",
        ),
    ];
    for (blocks, expected) in cases {
        let stderr = failing(&format!("{HEAD}{blocks}"));
        assert!(
            stderr.contains(expected),
            "expected:\n{expected:?}\ngot:\n{stderr:?}"
        );
    }
}

fn failing(spec: &str) -> String {
    let dir = fixture("charts");
    std::fs::remove_file(dir.path().join("briefs/arrivals.yaml")).unwrap();
    write_spec(dir.path(), spec);
    let out = brief(dir.path(), &["build", "--no-pdf"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    assert!(!dir.path().join("out/t/brief.md").exists());
    text(&out.stderr)
}

const HEAD: &str = "title: T\ndate: 2025-03-03\nsections:\n  - id: s\n    title: S\n    blocks:\n";

#[test]
fn a_chart_refuses_to_mix_units() {
    let stderr = failing(&format!(
        "{HEAD}      - figures: [arrivals/f-12400, arrivals/f-about-64-percent]\n        as: bar\n"
    ));
    assert_eq!(
        stderr,
        "error: a chart cannot mix units: `arrivals/f-12400` is a count, `arrivals/f-about-64-percent` is in percent\n --> briefs/t.yaml:7:9\n  |\n7 |       - figures: [arrivals/f-12400, arrivals/f-about-64-percent]\n  |         ^\n  = help: chart figures of one unit, or show these with `as: table`\nbriefs/t.yaml: 1 error; nothing written\n"
    );
}

#[test]
fn points_a_chart_cannot_place_are_errors_at_their_line() {
    let cases = [
        (
            "      - figures: [{id: arrivals/f-from-3100-at-the-end-of, value: 3}]\n        as: bar\n",
            "error: `arrivals/f-from-3100-at-the-end-of` has 2 values (3,100, 7,800); there is no value 3\n --> briefs/t.yaml:7:67\n",
        ),
        (
            "      - figures: [{id: arrivals/f-from-3100-at-the-end-of, label: then}]\n        as: bar\n",
            "error: `label` names one point, but `arrivals/f-from-3100-at-the-end-of` has 2 values\n --> briefs/t.yaml:7:19\n",
        ),
        (
            "      - figures: [arrivals/f-9700]\n        as: line\n",
            "error: `arrivals/f-9700` states no period to label its point with\n --> briefs/t.yaml:7:19\n",
        ),
        (
            "      - figures: [{id: arrivals/f-9700, label: x}]\n",
            "error: `label` places a figure on a chart; this block is not one\n --> briefs/t.yaml:7:41\n",
        ),
        (
            "      - figures: [arrivals/f-9700]\n        title: T\n",
            "error: `title` applies to charts only\n --> briefs/t.yaml:8:9\n",
        ),
        (
            "      - figures: [{doc: arrivals, value: 1}]\n        as: bar\n",
            "error: `value` places one figure on a chart: it goes beside an `id`, not a query\n --> briefs/t.yaml:7:35\n",
        ),
    ];
    for (blocks, expected) in cases {
        let stderr = failing(&format!("{HEAD}{blocks}"));
        assert!(
            stderr.contains(expected),
            "expected:\n{expected:?}\ngot:\n{stderr:?}"
        );
    }
}

#[test]
fn chart_text_is_set_in_the_briefs_fonts_cjk_included() {
    let dir = fixture("charts");
    let d = dir.path();
    std::fs::remove_file(d.join("briefs/arrivals.yaml")).unwrap();
    write_spec(
        d,
        &format!(
            "{HEAD}      - figures: [{{id: arrivals/f-12400, label: 二〇二一年}}, arrivals/f-18900]\n        as: bar\n        title: 边境抵达人数\n"
        ),
    );
    build(d, &[]);
    let pdf = d.join("out/t/brief.pdf");
    let words = common::pdftotext_layout(&pdf);
    assert!(words.contains("边境抵达人数"), "{words}");
    assert!(words.contains("二〇二一年"), "{words}");
    let fonts = Command::new("pdffonts").arg(&pdf).output().unwrap();
    let fonts = text(&fonts.stdout);
    assert!(fonts.contains("CJK"), "no CJK font embedded:\n{fonts}");
    assert!(fonts.contains("Libertinus"), "{fonts}");
}

#[test]
fn a_chart_taken_out_of_the_spec_takes_its_svg_with_it_and_nothing_else() {
    let dir = fixture("charts");
    let d = dir.path();
    build(d, &["--no-pdf"]);
    let out = d.join("out/arrivals");
    assert!(out.join("charts/brief/numbers-3.svg").exists());
    // A manifest that names a file outside the output directory (damaged or
    // hostile) must not make the build delete it.
    let outside = d.join("outside.txt");
    std::fs::write(&outside, "keep me").unwrap();
    let manifest_path = d.join("out/brief-manifest.json");
    // Even with the hash of what it holds: a path out is never removed.
    let keep_hash = blake3::hash(b"keep me").to_hex().to_string();
    let mut manifest: serde_json::Value = serde_json::from_str(&read(&manifest_path)).unwrap();
    let files = manifest["outputs"]["arrivals/brief.md"]["files"]
        .as_array_mut()
        .unwrap();
    for path in ["../outside.txt", "/tmp/brief-never-there"] {
        files.push(serde_json::json!({"path": path, "hash": keep_hash}));
    }
    std::fs::write(&manifest_path, manifest.to_string()).unwrap();

    let spec = d.join("briefs/arrivals.yaml");
    let text = read(&spec);
    let cut = text.find("      - figures: [{data: applications").unwrap();
    std::fs::write(&spec, &text[..cut]).unwrap();
    let stdout = build(d, &["--no-pdf"]);
    assert!(
        stdout.contains("removed out/arrivals/charts/brief/numbers-3.svg (no longer built)"),
        "{stdout}"
    );
    assert!(!out.join("charts/brief/numbers-3.svg").exists());
    assert!(out.join("charts/brief/numbers-1.svg").exists());
    assert!(out.join("charts/brief/numbers-2.svg").exists());
    assert_eq!(read(&outside), "keep me");
}
