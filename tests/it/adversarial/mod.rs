//! The standing adversarial suite: every way found to break `brief` (issue
//! 13 and after), each kept as a test through the real binary. One module a
//! topic; SECURITY.md names the test behind each promise.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod cli;
mod linear;
mod names;
mod numbers;
mod schedule;
mod writes;
