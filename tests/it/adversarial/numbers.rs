//! Issue 13, items 4 and 14: numbers past what `u64` or `f64` hold, and a
//! crafted font file.
//!
//! Item 4: "30,000,000,000,000,000,000,000 dollars" in a document, or
//! `1e20` in a data file, printed as 18,446,744,073,709,551,615 (the value
//! went through `as u64`), footnoted to the source; ±1.7e308 gave `NaN`
//! coordinates in the SVG. Each now prints as the source writes it, every
//! SVG coordinate is a finite number on the canvas, and a number an `f64`
//! cannot carry exactly is refused (a data cell with an error at its line).
//!
//! Item 14: a 12-byte `.ttc` claiming 2³² − 1 faces in `--font-path` stalled
//! the build for 47 s; now it is skipped with a warning naming it.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::common::{brief, text, write_spec};

const DOCUMENT: &str = "---
title: Sovereign fund report
outlet: Example Herald
published: 2025-01-10
---

The fund held 30,000,000,000,000,000,000,000 dollars in 2024.

A ledger listed 9,007,199,254,740,993 dollars in 2023.
";

const DATA: &str = "---
title: Extreme values (test)
outlet: Example Statistics Office
published: 2025-01
---
year,value
2021,1e20
2022,1.7e308
2023,-1.7e308
";

const SPEC: &str = "title: Numbers
date: 2025-03-03
sections:
  - id: fund
    title: Fund
    blocks:
      - figures: [{doc: fund}]
        as: bar
        title: Fund
  - id: extreme
    title: Extreme
    blocks:
      - figures: [{data: extreme}]
        as: line
        title: Extreme
";

fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(corpus.join("fund.md"), DOCUMENT).unwrap();
    std::fs::write(corpus.join("extreme.csv"), DATA).unwrap();
    write_spec(dir.path(), SPEC);
    dir
}

/// Every number in the SVG's coordinates (and any `NaN`/`inf` at all)
/// checked: finite, and on or near the 640 × 360 canvas.
fn assert_drawable(svg: &str, name: &str) {
    for bad in ["NaN", "nan", "inf"] {
        assert!(!svg.contains(bad), "{name} holds `{bad}`:\n{svg}");
    }
    let mut checked = 0;
    for attr in [
        "x", "y", "x1", "y1", "x2", "y2", "width", "height", "cx", "cy", "points",
    ] {
        let needle = format!(" {attr}=\"");
        for part in svg.split(&needle).skip(1) {
            let value = part.split('"').next().unwrap();
            for number in value.split([' ', ',']).filter(|s| !s.is_empty()) {
                let v: f64 = number
                    .parse()
                    .unwrap_or_else(|_| panic!("{name}: `{attr}=\"{value}\"` is not a number"));
                assert!(
                    v.is_finite() && (-100.0..=1000.0).contains(&v),
                    "{name}: `{attr}=\"{value}\"` is off the canvas"
                );
                checked += 1;
            }
        }
    }
    assert!(
        checked > 20,
        "{name}: only {checked} coordinates found:\n{svg}"
    );
}

#[test]
fn numbers_past_u64_and_f64_extremes_print_as_the_source_writes_them() {
    let dir = project();
    let out = brief(dir.path(), &["build"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("no font can draw"), "{stderr}");
    let built = dir.path().join("out/t");
    let md = std::fs::read_to_string(built.join("brief.md")).unwrap();
    assert!(!md.contains("18,446,744,073,709,551,615"), "{md}");
    for line in [
        "- 2024: 30,000,000,000,000,000,000,000[^1]",
        "- 2021: 100,000,000,000,000,000,000[^2]",
        // `1\.`: the Markdown escaper's guard against a numbered list.
        "- 2022: 1\\.7 × 10³⁰⁸[^2]",
        "- 2023: −1.7 × 10³⁰⁸[^2]",
    ] {
        assert!(md.contains(line), "`{line}` missing:\n{md}");
    }
    // 2^53 + 1 has no f64: it is not read as a figure rather than printed
    // as 9,007,199,254,740,992.
    assert!(!md.contains("9,007,199,254,740,99"), "{md}");

    let fund = std::fs::read_to_string(built.join("charts/brief/fund-1.svg")).unwrap();
    assert_drawable(&fund, "charts/brief/fund-1.svg");
    assert!(
        fund.contains(">30,000,000,000,000,000,000,000</text>"),
        "{fund}"
    );
    let extreme = std::fs::read_to_string(built.join("charts/brief/extreme-1.svg")).unwrap();
    assert_drawable(&extreme, "charts/brief/extreme-1.svg");
    for label in [
        "1.7 × 10³⁰⁸",
        "−1.7 × 10³⁰⁸",
        "100,000,000,000,000,000,000",
        "−2 × 10³⁰⁸",
        "2 × 10³⁰⁸",
    ] {
        assert!(
            extreme.contains(&format!(">{label}</text>")),
            "{label}:\n{extreme}"
        );
    }
    assert!(built.join("brief.pdf").is_file());
}

#[test]
fn a_data_cell_f64_cannot_carry_is_an_error_at_its_line() {
    let dir = project();
    let path = dir.path().join("corpus/extreme.csv");
    for (cell, why) in [
        (
            "9007199254740993",
            "has 16 significant digits; brief keeps at most 15 exactly",
        ),
        ("1e400", "is larger than brief can hold"),
        ("1e-400", "is closer to zero than brief can hold exactly"),
    ] {
        std::fs::write(&path, format!("{DATA}2024,{cell}\n")).unwrap();
        let out = brief(dir.path(), &["build", "--no-pdf"]);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{cell}: {stderr}");
        assert!(
            stderr.contains(&format!("error: `{cell}` {why}")),
            "{cell}: {stderr}"
        );
        assert!(
            stderr.contains(" --> corpus/extreme.csv:10:1\n"),
            "{cell}: {stderr}"
        );
        assert!(
            stderr.contains("at most 15 significant digits"),
            "{cell}: {stderr}"
        );
    }
}

/// A collection header (`ttcf`, version 1.0) claiming 2³² − 1 faces, and
/// nothing else: the 12 bytes of the issue.
fn crafted_ttc(dir: &Path) -> std::path::PathBuf {
    let fonts = dir.join("fonts");
    std::fs::create_dir_all(&fonts).unwrap();
    let path = fonts.join("evil.ttc");
    let mut bytes = b"ttcf".to_vec();
    bytes.extend_from_slice(&0x0001_0000u32.to_be_bytes());
    bytes.extend_from_slice(&u32::MAX.to_be_bytes());
    assert_eq!(bytes.len(), 12);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn a_crafted_font_collection_is_skipped_with_a_warning_in_bounded_time() {
    let dir = project();
    crafted_ttc(dir.path());
    let started = Instant::now();
    let out = brief(dir.path(), &["build", "--font-path", "fonts"]);
    let took = started.elapsed();
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        took < Duration::from_secs(15),
        "the build took {took:?} with a 12-byte font file"
    );
    assert!(
        stderr.contains(
            "warning: font file skipped: it is a font collection claiming 4294967295 faces, which its 12 bytes cannot hold\n --> fonts/evil.ttc\n"
        ),
        "{stderr}"
    );
    assert_eq!(stderr.matches("evil.ttc").count(), 1, "{stderr}");
    assert!(dir.path().join("out/t/brief.pdf").is_file());
}

/// A minimal font (head, hhea, maxp, a name, and a character map of one
/// format-12 range from U+0 to U+FFFFFFFF) that fontdb and Typst both
/// accept: Typst would list four billion code points (16 GiB) for it.
fn font_claiming_every_code_point() -> Vec<u8> {
    let be16 = |v: u16| v.to_be_bytes().to_vec();
    let be32 = |v: u32| v.to_be_bytes().to_vec();
    let cmap = [
        be16(0),
        be16(1),
        be16(3),
        be16(10),
        be32(12),
        be16(12),
        be16(0),
        be32(28),
        be32(0),
        be32(1),
        be32(0),
        be32(u32::MAX),
        be32(0),
    ]
    .concat();
    let head = [
        be32(0x0001_0000),
        be32(0),
        be32(0),
        be32(0x5F0F_3CF5),
        be16(0),
        be16(1000),
        vec![0; 16 + 8],
        be16(0),
        be16(0),
        be16(2),
        be16(0),
        be16(0),
    ]
    .concat();
    let hhea = [be32(0x0001_0000), be16(800), be16(0xFF38), vec![0; 28]].concat();
    let maxp = [be32(0x0000_5000), be16(1)].concat();
    let evil: Vec<u8> = "Evil".encode_utf16().flat_map(u16::to_be_bytes).collect();
    let mut name = [be16(0), be16(2), be16(30)].concat();
    for id in [1, 6] {
        name.extend([be16(3), be16(1), be16(0x409), be16(id), be16(8), be16(0)].concat());
    }
    name.extend(evil);
    let tables: [(&[u8; 4], Vec<u8>); 5] = [
        (b"cmap", cmap),
        (b"head", head),
        (b"hhea", hhea),
        (b"maxp", maxp),
        (b"name", name),
    ];
    let mut font = [be32(0x0001_0000), be16(5), be16(64), be16(2), be16(16)].concat();
    let mut offset = 12 + 16 * tables.len();
    let mut data = Vec::new();
    for (tag, table) in &tables {
        font.extend(
            [
                tag.to_vec(),
                be32(0),
                be32(offset as u32),
                be32(table.len() as u32),
            ]
            .concat(),
        );
        let mut padded = table.clone();
        padded.resize(table.len().div_ceil(4) * 4, 0);
        offset += padded.len();
        data.extend(padded);
    }
    font.extend(data);
    font
}

#[test]
fn a_font_claiming_every_code_point_is_skipped() {
    let dir = project();
    let fonts = dir.path().join("fonts");
    std::fs::create_dir_all(&fonts).unwrap();
    std::fs::write(fonts.join("all.ttf"), font_claiming_every_code_point()).unwrap();
    let started = Instant::now();
    let out = brief(dir.path(), &["build", "--font-path", "fonts"]);
    let took = started.elapsed();
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(took < Duration::from_secs(15), "took {took:?}");
    assert!(
        stderr.contains(
            "warning: font file skipped: the character maps of face 0 are larger than any real font's (damaged or crafted)\n --> fonts/all.ttf\n"
        ),
        "{stderr}"
    );
    assert!(dir.path().join("out/t/brief.pdf").is_file());
}
