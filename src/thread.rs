//! One discussion (thread) of a merge request, as mrwarden reads it back: the plain type
//! that triage by reply (`policy::triage`) and the comment plan (`publish::plan`) both
//! use. `gitlab` maps GitLab's JSON into it once. A leaf: it knows only the note marker
//! of `finding`.

use crate::finding::marker::marker_fingerprint;

/// One note of a thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Note {
    /// Note id (grows with time).
    pub id: u64,
    /// Author's user id (0 when GitLab left it out).
    pub author_id: u64,
    /// Author's username.
    pub username: String,
    /// Body text.
    pub body: String,
    /// GitLab's own event note.
    pub system: bool,
}

/// One thread of the MR, notes oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Thread {
    /// Discussion id (40 hex).
    pub id: String,
    /// A standalone comment rather than a thread.
    pub individual_note: bool,
    /// Notes, oldest first.
    pub notes: Vec<Note>,
    /// Whether the thread is resolved (as its first note says).
    pub resolved: bool,
    /// Who resolved it.
    pub resolved_by: Option<u64>,
    /// The file of a diff thread.
    pub path: Option<String>,
}

impl Thread {
    /// The first note and the fingerprint of its marker (`summary` for the summary
    /// note), when the thread was started by the bot: a note with our marker written by
    /// anybody else, or a system note, gives `None`.
    pub(crate) fn bot_marker(&self, bot_id: u64) -> Option<(&Note, &str)> {
        let first = self.notes.first()?;
        if first.system || first.author_id != bot_id {
            return None;
        }
        marker_fingerprint(&first.body).map(|fp| (first, fp))
    }
}

/// A note by user `author` (username `u<author>`), for unit tests.
#[cfg(test)]
pub(crate) fn sample_note(id: u64, author: u64, body: &str) -> Note {
    Note {
        id,
        author_id: author,
        username: format!("u{author}"),
        body: body.into(),
        system: false,
    }
}

/// An open thread of `notes` on no file, for unit tests.
#[cfg(test)]
pub(crate) fn sample(id: &str, notes: Vec<Note>) -> Thread {
    Thread {
        id: id.into(),
        individual_note: false,
        notes,
        resolved: false,
        resolved_by: None,
        path: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::marker::SUMMARY_MARKER;

    fn thread(author: u64, system: bool, body: &str) -> Thread {
        let mut note = sample_note(3, author, body);
        note.system = system;
        sample("d", vec![note])
    }

    #[test]
    fn only_the_bots_own_marked_first_note_counts() {
        let got = thread(7, false, SUMMARY_MARKER);
        assert_eq!(
            got.bot_marker(7).map(|(n, fp)| (n.id, fp)),
            Some((3, "summary"))
        );
        assert_eq!(thread(8, false, SUMMARY_MARKER).bot_marker(7), None);
        assert_eq!(thread(7, true, SUMMARY_MARKER).bot_marker(7), None);
        assert_eq!(thread(7, false, "no marker").bot_marker(7), None);
        let empty = Thread {
            notes: Vec::new(),
            ..thread(7, false, "")
        };
        assert_eq!(empty.bot_marker(7), None);
    }
}
