//! Stage 5: renderers. Each reads the same [`crate::brief::Brief`].

pub mod escape;
pub mod markdown;
pub mod typst;
