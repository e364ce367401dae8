//! Files at one revision of the repository: the one way any stage reads a whole file
//! (the trusted policy at the base commit, the LLM's function context and the structural
//! engine at the head commit). The diff sources implement it over local git
//! (`diff::source::git::GitFiles`) and the GitLab API (`diff::source::api::ApiFiles`);
//! the working tree is never read through it.

use std::fmt;

use crate::error::Error;

/// Read-only access to the files of one revision.
pub trait FileAt: fmt::Debug {
    /// The file's bytes, `Ok(None)` if it does not exist at the revision (or is over the
    /// reader's size cap); `Err` when the source could not be asked.
    fn read(&self, path: &str) -> Result<Option<Vec<u8>>, Error>;

    /// Where the files come from, for messages (e.g. `revision 1a2b3c4d5e6f`).
    fn describe(&self) -> String;

    /// Many files at once, answers in the order of `paths`. Readers that can do better
    /// than one [`FileAt::read`] after another override it (git: one `cat-file --batch`
    /// process; the API: a bounded number of requests in flight).
    fn read_many(&self, paths: &[&str]) -> Vec<Result<Option<Vec<u8>>, Error>> {
        paths.iter().map(|p| self.read(p)).collect()
    }

    /// The file as UTF-8 text, `None` when it is absent, unreadable or not UTF-8.
    fn read_text(&self, path: &str) -> Option<String> {
        let bytes = self.read(path).ok().flatten()?;
        String::from_utf8(bytes).ok()
    }
}

/// A short form of a commit id for messages.
pub fn short(rev: &str) -> &str {
    rev.get(..12).unwrap_or(rev)
}
