//! Charts as pictures: the same SVG the other formats use, drawn as a PNG
//! at print resolution (resvg) with the build's fonts, and the DrawingML
//! that places it in a paragraph with its alternative text.

use std::sync::{Arc, Mutex, PoisonError};

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{self, fontdb};

use super::body::Body;
use super::xml::escape;
use crate::render::fonts::Fonts;

/// How wide a chart is set: 15 cm of the A4 page's 16 cm text width.
const WIDTH_EMU: u64 = 5_400_000;

/// Pixels per inch of the picture: print resolution.
const DPI: f64 = 300.0;

/// EMUs per inch.
const EMU_PER_INCH: f64 = 914_400.0;

/// A drawn chart.
#[derive(Debug, Clone)]
pub struct Png {
    pub bytes: Vec<u8>,
    /// Its size on the page, in EMUs.
    pub cx: u64,
    pub cy: u64,
}

/// Font databases made for the chart pictures, per set of fonts and
/// families: building one parses every face of the chart's families, so
/// a build makes it once and every output shares it.
type Cache = Mutex<Vec<(usize, Vec<String>, Arc<fontdb::Database>)>>;
static DATABASES: Cache = Mutex::new(Vec::new());

/// The faces of `families` from `fonts` as resvg's font database.
pub fn database(fonts: Option<&Arc<Fonts>>, families: &[String]) -> Arc<fontdb::Database> {
    let key = fonts.map_or(0, |f| Arc::as_ptr(f) as usize);
    let mut cache = DATABASES.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((_, _, db)) = cache.iter().find(|(k, f, _)| *k == key && f == families) {
        return Arc::clone(db);
    }
    let mut db = fontdb::Database::new();
    if let Some(fonts) = fonts {
        for data in fonts.files_of(families) {
            db.load_font_source(fontdb::Source::Binary(Arc::new(data)));
        }
    }
    let db = Arc::new(db);
    cache.push((key, families.to_vec(), Arc::clone(&db)));
    db
}

/// `svg` drawn as a PNG, or why not.
pub fn png(svg: &str, db: Arc<fontdb::Database>, family: Option<&str>) -> Result<Png, String> {
    let mut options = usvg::Options {
        fontdb: db,
        ..usvg::Options::default()
    };
    if let Some(family) = family {
        options.font_family = family.to_string();
    }
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| e.to_string())?;
    let size = tree.size();
    let (w, h) = (f64::from(size.width()), f64::from(size.height()));
    if !(w > 0.0 && h > 0.0) {
        return Err("the chart has no size".into());
    }
    let inches = WIDTH_EMU as f64 / EMU_PER_INCH;
    let scale = inches * DPI / w;
    let (pw, ph) = ((w * scale).ceil() as u32, (h * scale).ceil() as u32);
    let mut pixmap = Pixmap::new(pw, ph).ok_or("the chart is too large to draw")?;
    pixmap.fill(resvg::tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        Transform::from_scale(scale as f32, scale as f32),
        &mut pixmap.as_mut(),
    );
    let bytes = pixmap.encode_png().map_err(|e| e.to_string())?;
    Ok(Png {
        bytes,
        cx: WIDTH_EMU,
        cy: (WIDTH_EMU as f64 * h / w).round() as u64,
    })
}

/// The runs placing chart `n`'s picture inline, its title and
/// `description` as the alternative text a screen reader speaks.
pub fn drawing(body: &mut Body, png: &Png, n: usize, title: &str, description: &str) -> String {
    let file = format!("chart{n}.png");
    let id = format!("chart{n}");
    body.rels.part(&id, "image", &format!("media/{file}"));
    body.images.push((file.clone(), png.bytes.clone()));
    let (cx, cy) = (png.cx, png.cy);
    format!(
        "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:docPr id=\"{n}\" name=\"Chart {n}\" title=\"{t}\" descr=\"{d}\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr><a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic><pic:nvPicPr><pic:cNvPr id=\"{n}\" name=\"{file}\" descr=\"{d}\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"{id}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>",
        t = escape(title),
        d = escape(description),
    )
}
