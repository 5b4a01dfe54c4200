//! The PDF renderer: the [`crate::brief::Brief`] as Typst source (`source`,
//! `markup`, `literal`), compiled in-process by the embedded Typst engine.

pub mod literal;
pub mod markup;
pub mod source;
