//! What a build is asked to do: one plain value, which the command line
//! makes from its arguments, the environment and the defaults in one place
//! (`cli::build`), and which `brief build`, `watch` and `schedule` hand to
//! the same [`super::Engine`].

use std::path::PathBuf;

use crate::regen::lock::Wait;
use crate::regen::manifest;
use crate::regen::plan::build_layout;
use crate::render::FORMATS;
use crate::render::typst::PdfStandard;
use crate::spec::Spec;

#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Where the outputs go.
    pub out_dir: PathBuf,
    /// Whether the analyst named `out_dir` (`--out`). The default `out/`
    /// must be the project's own, not a link elsewhere (a project from
    /// someone else could link it anywhere); a named one may be anywhere.
    pub out_named: bool,
    /// Build only this audience.
    pub audience: Option<String>,
    /// Rebuild every output, fresh or not.
    pub force: bool,
    /// The formats the command line chose (`--format`, `--no-pdf`), by
    /// name, for every spec; `None`: each spec's own `formats:`, else
    /// [`DEFAULT_FORMATS`].
    pub formats: Option<Vec<&'static str>>,
    /// `--emit typst`: the Typst source beside each PDF.
    pub emit_typst: bool,
    pub pdf_standard: Option<PdfStandard>,
    /// More font directories, searched before the system's.
    pub font_paths: Vec<PathBuf>,
    /// Wait for another process writing the output directory, or fail.
    pub wait: Wait,
    /// `--corpus`: for every spec that does not name its own.
    pub corpus: Option<PathBuf>,
    /// The command named to others waiting for the output directory.
    pub command: &'static str,
    pub mode: Mode,
    /// Report how long each phase took (`BRIEF_TIMINGS`).
    pub timings: bool,
}

impl BuildOptions {
    /// Options for a build into `out_dir`, each spec in its own formats,
    /// and nothing else set.
    pub fn new(out_dir: PathBuf) -> Self {
        BuildOptions {
            out_dir,
            out_named: true,
            audience: None,
            force: false,
            formats: None,
            emit_typst: false,
            pdf_standard: None,
            font_paths: Vec::new(),
            wait: Wait::Block,
            corpus: None,
            command: "brief build",
            mode: Mode::Build,
            timings: false,
        }
    }

    /// The formats one spec's outputs are written in, in the registry's
    /// order: the command line's, else the spec's, else the default. The
    /// chart SVGs come with the Markdown that links them, the Typst source
    /// with `--emit typst`.
    pub fn formats_for(&self, spec: &Spec) -> Vec<&'static str> {
        let mut names: Vec<&str> = match &self.formats {
            Some(chosen) => chosen.clone(),
            None if !spec.formats.is_empty() => {
                spec.formats.iter().map(|f| f.value.as_str()).collect()
            }
            None => DEFAULT_FORMATS.to_vec(),
        };
        if names.contains(&"md") {
            names.push("svg");
        }
        if self.emit_typst {
            names.push("typ");
        }
        formats(&names)
    }

    /// The options that change what is written for an output in
    /// `formats`, recorded with it: an output built with others is stale.
    pub fn recorded(&self, formats: &[&str]) -> String {
        let writes = |name: &str| formats.contains(&name);
        let emit: Vec<String> = if writes("typ") {
            vec!["typst".into()]
        } else {
            Vec::new()
        };
        let mut recorded = format!(
            "pdf={} standard={:?} emit={:?} fonts={:?}",
            writes("pdf"),
            self.pdf_standard,
            emit,
            self.font_paths
        );
        // Formats added since: named only when written, so an output built
        // before they existed, with the same options, stays fresh.
        for name in formats {
            if !["svg", "md", "pdf", "typ"].contains(name) {
                recorded.push(' ');
                recorded.push_str(name);
            }
        }
        if !writes("md") {
            recorded.push_str(" no-md");
        }
        recorded
    }
}

/// What a build writes when neither the command line nor the spec names
/// formats: Markdown (with its chart SVGs) and PDF.
pub const DEFAULT_FORMATS: &[&str] = &["md", "pdf"];

/// Whether any of `formats` typesets, so the build loads fonts.
pub fn needs_fonts(formats: &[&str]) -> bool {
    FORMATS
        .iter()
        .any(|f| f.needs_fonts() && formats.contains(&f.name()))
}

/// The registered formats among `names`, in the registry's order (the
/// order their files are written). Names that are not formats are dropped:
/// the command line and the spec check names before they get here.
pub fn formats(names: &[&str]) -> Vec<&'static str> {
    FORMATS
        .iter()
        .map(|f| f.name())
        .filter(|n| names.contains(n))
        .collect()
}

/// `brief build` writes `<spec>/<audience>.md`; `brief schedule` writes
/// `<spec>/latest/<audience>.md` and files it as an edition. Each has its own
/// manifest, so a build never makes a scheduled brief look fresh.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Build,
    Latest,
}

impl Mode {
    pub(super) fn layout(self) -> fn(&str, &str) -> String {
        match self {
            Mode::Build => build_layout,
            Mode::Latest => |spec, audience| format!("{spec}/latest/{audience}.md"),
        }
    }

    pub(super) fn manifest(self) -> &'static str {
        match self {
            Mode::Build => manifest::FILE_NAME,
            Mode::Latest => manifest::EDITIONS_FILE_NAME,
        }
    }
}
