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
    /// The formats to write, by name, in [`FORMATS`]' order.
    pub formats: Vec<&'static str>,
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
    /// Options for a build into `out_dir` with the default formats
    /// (Markdown with its charts, and PDF) and nothing else set.
    pub fn new(out_dir: PathBuf) -> Self {
        BuildOptions {
            out_dir,
            out_named: true,
            audience: None,
            force: false,
            formats: formats(&["svg", "md", "pdf"]),
            pdf_standard: None,
            font_paths: Vec::new(),
            wait: Wait::Block,
            corpus: None,
            command: "brief build",
            mode: Mode::Build,
            timings: false,
        }
    }

    /// Whether the build writes the format `name`.
    pub fn writes(&self, name: &str) -> bool {
        self.formats.contains(&name)
    }

    /// The options that change what is written, recorded with each output:
    /// an output built with others is stale.
    pub fn recorded(&self) -> String {
        let emit: Vec<String> = if self.writes("typ") {
            vec!["typst".into()]
        } else {
            Vec::new()
        };
        let mut recorded = format!(
            "pdf={} standard={:?} emit={:?} fonts={:?}",
            self.writes("pdf"),
            self.pdf_standard,
            emit,
            self.font_paths
        );
        // Formats added since: named only when written, so an output built
        // before they existed, with the same options, stays fresh.
        if self.writes("html") {
            recorded.push_str(" html");
        }
        if self.writes("docx") {
            recorded.push_str(" docx");
        }
        if !self.writes("md") {
            recorded.push_str(" no-md");
        }
        recorded
    }
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
