//! Editions: dated regenerations of a brief, each knowing what it shows
//! ([`inventory`]) and what is new since the one before ([`changes`]).

pub mod changes;
pub mod inventory;
pub mod store;

pub use changes::{ChangeSet, Moved, diff};
pub use inventory::Inventory;
pub use store::Edition;
