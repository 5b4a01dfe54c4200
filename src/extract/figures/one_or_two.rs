//! One or two of something, kept inline. A figure has one value, or two for
//! a range or a change, never more; a `Vec` for each amount read cost an
//! allocation per candidate in a loop that runs over every number.

use std::ops::Deref;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct OneOrTwo<T> {
    items: [T; 2],
    len: u8,
}

impl<T: Copy> OneOrTwo<T> {
    pub fn one(a: T) -> OneOrTwo<T> {
        OneOrTwo {
            items: [a, a],
            len: 1,
        }
    }

    pub fn two(a: T, b: T) -> OneOrTwo<T> {
        OneOrTwo {
            items: [a, b],
            len: 2,
        }
    }
}

impl<T> Deref for OneOrTwo<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        &self.items[..usize::from(self.len)]
    }
}
