//! Diff stage: the parsed model of a change ([`model`]), the pure parser ([`parse`]) and
//! the sources that fetch diff text ([`source`]). Only `source` does I/O.

pub mod commits;
pub mod model;
pub mod parse;
pub mod revision;
pub mod source;

pub use model::{Diff, FileDiff, FileStatus, Hunk, Line, LineKind};
pub use parse::{ParseError, parse};
pub use revision::FileAt;
