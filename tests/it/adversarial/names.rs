//! Names that collide (issue 13, items 2 and 11). Every file a build writes
//! has a name no other item of the build can produce: charts of sections
//! `x.y` and `x-y`, or of audience `eu` + section `press-scale` and audience
//! `eu-press` + section `scale`, are two files, each showing its own data in
//! the Markdown and the PDF. Specs that would share an output directory
//! (`x.yaml` and `x.yml`), or whose name is one of brief's own files there
//! (`brief-manifest.json.yaml`, `...yaml`, hidden names), are errors naming
//! the files, in every command that maps specs to directories, and the other
//! specs still build.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Output, Stdio};

use crate::common::{brief, command, fixture, text};

/// A spec whose only output is Markdown and which needs nothing from the
/// corpus beyond loading it.
const PLAIN: &str = "title: T\ndate: 2025-03-03\nsections:\n  - id: s\n    title: S\n    blocks:\n      - text: Hello.\n";

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn pdftotext(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(out.status.success());
    text(&out.stdout)
}

/// A chart block drawing one figure of the charts fixture, titled `title`.
fn chart(figure: &str, title: &str) -> String {
    format!("      - figures: [{figure}]\n        as: bar\n        title: {title}\n")
}

/// The chart file each section's Markdown links, in order, with the
/// section's heading: `(heading, link)`.
fn chart_links(md: &str) -> Vec<(String, String)> {
    let mut heading = String::new();
    let mut links = Vec::new();
    for line in md.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            heading = h.to_string();
        }
        if let Some(rest) = line.strip_prefix("![")
            && let Some((_, link)) = rest.split_once("](<")
        {
            links.push((heading.clone(), link.trim_end_matches(">)").to_string()));
        }
    }
    links
}

/// Each section's chart, read through the Markdown's link: its own title
/// and value, and not the other section's.
fn assert_each_section_shows_its_own_chart(md_path: &Path, expected: &[(&str, &str, &str)]) {
    let md = read(md_path);
    let links = chart_links(&md);
    assert_eq!(links.len(), expected.len(), "{md}");
    for ((heading, link), (section, title, value)) in links.iter().zip(expected) {
        assert_eq!(heading, section, "{md}");
        let svg = read(&md_path.parent().unwrap().join(link));
        assert!(
            svg.contains(&format!("<title>{title}</title>")),
            "{link}:\n{svg}"
        );
        assert!(svg.contains(&format!(">{value}</text>")), "{link}:\n{svg}");
        for (_, other_title, other_value) in expected.iter().filter(|e| e.1 != *title) {
            assert!(!svg.contains(other_title), "{link} shows {other_title}");
            assert!(!svg.contains(other_value), "{link} shows {other_value}");
        }
    }
    let distinct: std::collections::BTreeSet<_> = links.iter().map(|(_, l)| l).collect();
    assert_eq!(
        distinct.len(),
        links.len(),
        "two sections link one file: {links:?}"
    );
}

/// The PDF's text (charts included, Typst keeps an SVG's text as text):
/// each chart title once, under its own section's heading.
fn assert_pdf_shows_each_chart_under_its_section(pdf: &Path, expected: &[(&str, &str, &str)]) {
    let words = pdftotext(pdf);
    let mut from = 0;
    for (section, title, _) in expected {
        assert_eq!(words.matches(title).count(), 1, "{title}:\n{words}");
        let heading = from
            + words[from..]
                .find(section)
                .unwrap_or_else(|| panic!("{section}:\n{words}"));
        let at = words.find(title).unwrap();
        assert!(at > heading, "{title} is not under {section}:\n{words}");
        from = at;
    }
}

#[test]
fn sections_x_dot_y_and_x_dash_y_draw_two_charts_each_with_its_own_data() {
    let dir = fixture("charts");
    let d = dir.path();
    std::fs::remove_file(d.join("briefs/arrivals.yaml")).unwrap();
    std::fs::write(
        d.join("briefs/t.yaml"),
        format!(
            "title: T\ndate: 2025-03-03\nsections:\n  - id: x.y\n    title: First section\n    blocks:\n{}  - id: x-y\n    title: Second section\n    blocks:\n{}",
            chart("arrivals/f-12400", "Alpha counts"),
            chart("arrivals/f-18900", "Beta counts"),
        ),
    )
    .unwrap();
    let out = brief(d, &["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let expected = [
        ("First section", "Alpha counts", "12,400"),
        ("Second section", "Beta counts", "18,900"),
    ];
    assert_each_section_shows_its_own_chart(&d.join("out/t/brief.md"), &expected);
    assert_pdf_shows_each_chart_under_its_section(&d.join("out/t/brief.pdf"), &expected);
}

#[test]
fn audience_and_section_ids_joined_by_a_dash_draw_two_charts() {
    let dir = fixture("charts");
    let d = dir.path();
    std::fs::remove_file(d.join("briefs/arrivals.yaml")).unwrap();
    std::fs::write(
        d.join("briefs/t.yaml"),
        format!(
            "title: T\ndate: 2025-03-03\naudiences:\n  eu: {{label: EU}}\n  eu-press: {{label: EU press}}\nsections:\n  - id: press-scale\n    title: First section\n    audiences: [eu]\n    blocks:\n{}  - id: scale\n    title: Second section\n    audiences: [eu-press]\n    blocks:\n{}",
            chart("arrivals/f-12400", "Alpha counts"),
            chart("arrivals/f-18900", "Beta counts"),
        ),
    )
    .unwrap();
    let out = brief(d, &["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out_dir = d.join("out/t");
    for (audience, section, title, value, other) in [
        (
            "eu",
            "First section",
            "Alpha counts",
            "12,400",
            "Beta counts",
        ),
        (
            "eu-press",
            "Second section",
            "Beta counts",
            "18,900",
            "Alpha counts",
        ),
    ] {
        let md = out_dir.join(format!("{audience}.md"));
        assert_each_section_shows_its_own_chart(&md, &[(section, title, value)]);
        let words = pdftotext(&md.with_extension("pdf"));
        assert!(words.contains(title), "{audience}:\n{words}");
        assert!(!words.contains(other), "{audience}:\n{words}");
    }
    // Two audiences' charts are two files, not one written twice.
    let svgs: Vec<_> = walk(&out_dir)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "svg"))
        .collect();
    assert_eq!(svgs.len(), 2, "{svgs:?}");
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(walk(&path));
        } else {
            found.push(path);
        }
    }
    found
}

/// Section and audience ids that differ only in case would be one file on
/// macOS and Windows; ids that are not file names cannot be charts' names.
#[test]
fn section_ids_follow_the_file_name_rule_and_ids_differing_in_case_are_errors() {
    let dir = fixture("charts");
    let d = dir.path();
    std::fs::remove_file(d.join("briefs/arrivals.yaml")).unwrap();
    std::fs::write(
        d.join("briefs/t.yaml"),
        "title: T\ndate: 2025-03-03\naudiences:\n  eu: {label: a}\n  EU: {label: b}\nsections:\n  - id: ../up\n    title: A\n    blocks:\n      - text: Hi.\n  - id: Scale\n    title: B\n    blocks:\n      - text: Hi.\n  - id: scale\n    title: C\n    blocks:\n      - text: Hi.\n",
    )
    .unwrap();
    let out = brief(d, &["check"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    for expected in [
        "error: audience ids `eu` and `EU` differ only in case\n --> briefs/t.yaml:5:3\n",
        "error: invalid section id `../up`: `/` is not allowed\n --> briefs/t.yaml:7:9\n",
        "error: section ids `Scale` and `scale` differ only in case\n  --> briefs/t.yaml:15:9\n",
    ] {
        assert!(
            stderr.contains(expected),
            "expected {expected:?} in:\n{stderr}"
        );
    }
}

fn project_with(specs: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = fixture("charts");
    std::fs::remove_file(dir.path().join("briefs/arrivals.yaml")).unwrap();
    for (name, spec) in specs {
        std::fs::write(dir.path().join("briefs").join(name), spec).unwrap();
    }
    dir
}

fn run(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let Output {
        status,
        stdout,
        stderr,
    } = brief(dir, args);
    (status.code(), text(&stdout), text(&stderr))
}

const CLASH: &str = "error: `briefs/x.yaml` and `briefs/x.yml` would both write `out/x`, each overwriting the other's outputs\n --> briefs/x.yaml\n";
const CLASH_2: &str = "error: `briefs/x.yml` and `briefs/x.yaml` would both write `out/x`, each overwriting the other's outputs\n --> briefs/x.yml\n";

#[test]
fn x_yaml_and_x_yml_are_both_refused_and_the_other_specs_build() {
    let dir = project_with(&[("x.yaml", PLAIN), ("x.yml", PLAIN), ("y.yaml", PLAIN)]);
    let d = dir.path();
    let (code, stdout, stderr) = run(d, &["build", "--no-pdf"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains(CLASH), "{stderr}");
    assert!(stderr.contains(CLASH_2), "{stderr}");
    assert!(
        stderr.contains("briefs/x.yaml: 1 error; nothing written"),
        "{stderr}"
    );
    assert!(
        stdout.contains("1 rebuilt, 0 up to date, 2 failed"),
        "{stdout}"
    );
    assert!(!d.join("out/x").exists());
    assert!(d.join("out/y/brief.md").is_file());

    // Building one of them alone is refused too: the other still claims
    // the directory, and would overwrite it on its next build.
    let (code, _, stderr) = run(d, &["build", "--no-pdf", "briefs/x.yml"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains(CLASH_2), "{stderr}");
    assert!(!d.join("out/x").exists());

    // A spec named twice, by two paths, is one spec, not a clash.
    let (code, _, stderr) = run(
        d,
        &[
            "build",
            "--no-pdf",
            "briefs/y.yaml",
            "./briefs/../briefs/y.yaml",
        ],
    );
    assert_eq!(code, Some(0), "{stderr}");

    // `check` and `schedule` map specs to the same directories.
    let (code, stdout, stderr) = run(d, &["check"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains(CLASH) && stderr.contains(CLASH_2),
        "{stderr}"
    );
    assert!(stdout.contains("ok briefs/y.yaml"), "{stdout}");
    for name in ["x.yaml", "x.yml", "y.yaml"] {
        std::fs::write(
            d.join("briefs").join(name),
            format!("on_new_data: true\n{PLAIN}"),
        )
        .unwrap();
    }
    let (code, stdout, stderr) = run(
        d,
        &[
            "schedule",
            "--once",
            "--now",
            "2025-03-03T08:00:00Z",
            "--no-pdf",
        ],
    );
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains(CLASH) && stderr.contains(CLASH_2),
        "{stderr}"
    );
    assert!(
        stdout.contains("briefs/y.yaml: new edition out/y/editions/2025-03-03"),
        "{stdout}"
    );
    assert!(!d.join("out/x").exists());
}

/// `brief watch` builds through the same path: its first round refuses
/// the pair and builds the rest.
#[test]
fn watch_refuses_specs_that_share_a_directory() {
    let dir = project_with(&[("x.yaml", PLAIN), ("x.yml", PLAIN), ("y.yaml", PLAIN)]);
    let d = dir.path();
    let mut child = command(d, &["watch", "--no-pdf", "--poll"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = BufReader::new(child.stdout.take().unwrap());
    let mut status = String::new();
    for line in stdout.lines() {
        let line = line.unwrap();
        if line.starts_with('[') {
            status = line;
            break;
        }
    }
    child.kill().unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = text(&out.stderr);
    assert!(
        status.contains("1 rebuilt, 0 up to date, 2 failed"),
        "{status}"
    );
    assert!(
        stderr.contains(CLASH) && stderr.contains(CLASH_2),
        "{stderr}"
    );
    assert!(d.join("out/y/brief.md").is_file());
    assert!(!d.join("out/x").exists());
}

/// A spec named after brief's manifest once made its directory where the
/// manifest goes, and every later build failed with "is a directory".
#[test]
fn a_spec_named_after_brief_s_own_files_is_refused_and_builds_go_on() {
    let dir = project_with(&[
        ("brief-manifest.json.yaml", PLAIN),
        ("Brief-Editions.json.yml", PLAIN),
        ("y.yaml", PLAIN),
    ]);
    let d = dir.path();
    for round in 0..2 {
        let (code, stdout, stderr) = run(d, &["build", "--no-pdf"]);
        assert_eq!(code, Some(1), "round {round}: {stderr}");
        assert!(
            stderr.contains("error: this spec's file name cannot name its output directory: `brief-manifest.json` is the name of brief's own `brief-manifest.json` in the output directory\n --> briefs/brief-manifest.json.yaml\n"),
            "{stderr}"
        );
        assert!(
            stderr
                .contains("`Brief-Editions.json` is the name of brief's own `brief-editions.json`"),
            "{stderr}"
        );
        assert!(!stderr.contains("is a directory"), "{stderr}");
        assert!(stdout.contains(", 2 failed"), "{stdout}");
        assert!(d.join("out/brief-manifest.json").is_file());
        assert!(d.join("out/y/brief.md").is_file());
    }
    let (code, _, stderr) = run(d, &["diff", "brief-manifest.json"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("error: `brief-manifest.json` is not a brief"),
        "{stderr}"
    );
}

/// `...yaml` names `..`, the output directory's parent, and hidden names
/// are brief's (`.brief.lock`, temporaries): each is a spec error (exit 1),
/// not an I/O one, and nothing is written.
#[test]
fn hidden_spec_names_are_spec_errors_and_write_nothing() {
    let dir = project_with(&[
        ("...yaml", PLAIN),
        ("..yml", PLAIN),
        (".brief.lock.yaml", PLAIN),
        ("y.yaml", PLAIN),
    ]);
    let d = dir.path();
    let (code, _, stderr) = run(
        d,
        &[
            "build",
            "--no-pdf",
            "briefs/...yaml",
            "briefs/..yml",
            "briefs/.brief.lock.yaml",
            "briefs/y.yaml",
        ],
    );
    assert_eq!(code, Some(1), "{stderr}");
    for (file, name) in [
        ("...yaml", ".."),
        ("..yml", "."),
        (".brief.lock.yaml", ".brief.lock"),
    ] {
        let expected = format!(
            "error: this spec's file name cannot name its output directory: `{name}` starts with `.`"
        );
        assert!(stderr.contains(&expected), "{file}: {stderr}");
        assert!(
            stderr.contains(&format!("briefs/{file}: 1 error; nothing written")),
            "{stderr}"
        );
    }
    assert!(!stderr.contains("remove the link"), "{stderr}");
    assert!(!d.join("brief.md").exists());
    assert!(!d.join("out/brief.md").exists());
    assert!(d.join("out/.brief.lock").is_file());
    assert!(d.join("out/y/brief.md").is_file());
}

/// An edition keeps each file at its place under `latest/`: flattened, the
/// two audiences' `scale-1.svg` would be one file and the Markdown's links
/// would lead nowhere.
#[test]
fn an_edition_keeps_each_audience_s_charts_where_its_markdown_links_them() {
    let dir = fixture("charts");
    let d = dir.path();
    std::fs::remove_file(d.join("briefs/arrivals.yaml")).unwrap();
    std::fs::write(
        d.join("briefs/t.yaml"),
        format!(
            "title: T\ndate: 2025-03-03\non_new_data: true\naudiences:\n  eu: {{label: EU}}\n  press: {{label: Press}}\nsections:\n  - id: scale\n    title: First section\n    audiences: [eu]\n    blocks:\n{}  - id: scale.b\n    title: Second section\n    audiences: [press]\n    blocks:\n{}",
            chart("arrivals/f-12400", "Alpha counts"),
            chart("arrivals/f-18900", "Beta counts"),
        ),
    )
    .unwrap();
    let (code, stdout, stderr) = run(
        d,
        &[
            "schedule",
            "--once",
            "--now",
            "2025-03-03T08:00:00Z",
            "--no-pdf",
        ],
    );
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stdout.contains("new edition out/t/editions/2025-03-03"),
        "{stdout}"
    );
    let edition = d.join("out/t/editions/2025-03-03");
    assert_each_section_shows_its_own_chart(
        &edition.join("eu.md"),
        &[("First section", "Alpha counts", "12,400")],
    );
    assert_each_section_shows_its_own_chart(
        &edition.join("press.md"),
        &[("Second section", "Beta counts", "18,900")],
    );
    let record = read(&edition.join("edition.json"));
    assert!(record.contains("\"charts/eu/scale-1.svg\""), "{record}");
}

/// Charts live in directories of their own: a planted `charts` link out of
/// the output directory is refused like a link on the Markdown's way, and
/// nothing is written through it.
#[test]
fn no_chart_is_written_through_a_charts_link_out_of_the_output_directory() {
    let dir = fixture("charts");
    let d = dir.path();
    let outside = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(d.join("out/arrivals")).unwrap();
    std::os::unix::fs::symlink(outside.path(), d.join("out/arrivals/charts")).unwrap();
    let (code, _, stderr) = run(d, &["build", "--no-pdf"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains(
            "`out/arrivals/charts` is a symbolic link: brief never writes through a link"
        ),
        "{stderr}"
    );
    assert_eq!(walk(outside.path()), Vec::<std::path::PathBuf>::new());
    assert!(!d.join("out/arrivals/brief.md").exists());
}
