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

    /// Many files at once, in order: one batch where the source can (a single
    /// `git cat-file --batch`, concurrent API requests), else one read each.
    fn read_many(&self, paths: &[String]) -> Vec<Result<Option<Vec<u8>>, Error>> {
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

/// A [`FileAt`] that remembers what it read, so the tree engines and the LLM context
/// read each file once. With `fetch_on_miss` false it answers only from what was read
/// already (in `review`'s API mode every read is a request the budget counts).
#[derive(Debug)]
pub struct Cached<'a> {
    inner: &'a dyn FileAt,
    fetch_on_miss: bool,
    cache: std::cell::RefCell<std::collections::HashMap<String, Option<Vec<u8>>>>,
}

impl<'a> Cached<'a> {
    /// Wraps `inner`.
    pub fn new(inner: &'a dyn FileAt, fetch_on_miss: bool) -> Self {
        Cached {
            inner,
            fetch_on_miss,
            cache: std::cell::RefCell::default(),
        }
    }
}

impl FileAt for Cached<'_> {
    fn read(&self, path: &str) -> Result<Option<Vec<u8>>, Error> {
        if let Some(hit) = self.cache.borrow().get(path) {
            return Ok(hit.clone());
        }
        if !self.fetch_on_miss {
            return Ok(None);
        }
        let got = self.inner.read(path)?;
        self.cache
            .borrow_mut()
            .insert(path.to_string(), got.clone());
        Ok(got)
    }

    fn describe(&self) -> String {
        self.inner.describe()
    }

    fn read_many(&self, paths: &[String]) -> Vec<Result<Option<Vec<u8>>, Error>> {
        let missing: Vec<String> = paths
            .iter()
            .filter(|p| !self.cache.borrow().contains_key(*p))
            .cloned()
            .collect();
        let mut fetched: std::collections::HashMap<String, Result<Option<Vec<u8>>, Error>> =
            missing
                .iter()
                .cloned()
                .zip(self.inner.read_many(&missing))
                .collect();
        paths
            .iter()
            .map(|p| {
                if let Some(hit) = self.cache.borrow().get(p) {
                    return Ok(hit.clone());
                }
                let got = fetched.remove(p).unwrap_or(Ok(None));
                if let Ok(v) = &got {
                    self.cache.borrow_mut().insert(p.clone(), v.clone());
                }
                got
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Default)]
    struct Counting {
        reads: std::cell::Cell<usize>,
    }

    impl FileAt for Counting {
        fn read(&self, path: &str) -> Result<Option<Vec<u8>>, Error> {
            self.reads.set(self.reads.get() + 1);
            Ok((path != "absent").then(|| path.as_bytes().to_vec()))
        }
        fn describe(&self) -> String {
            "test".into()
        }
    }

    #[test]
    fn cached_reads_each_file_once() {
        let inner = Counting::default();
        let cached = Cached::new(&inner, false);
        let paths = vec!["a.py".to_string(), "absent".to_string()];
        let got = cached.read_many(&paths);
        assert_eq!(got[0].as_ref().ok(), Some(&Some(b"a.py".to_vec())));
        assert_eq!(got[1].as_ref().ok(), Some(&None));
        assert_eq!(inner.reads.get(), 2);
        assert_eq!(cached.read("a.py").ok().flatten(), Some(b"a.py".to_vec()));
        // Not read before and no fetching on a miss: nothing asked.
        assert_eq!(cached.read("b.py").ok().flatten(), None);
        let _ = cached.read_many(&paths);
        assert_eq!(inner.reads.get(), 2);
    }
}
