//! The parts of GitLab's API entities mrwarden reads (shapes from GitLab's JSON schemas;
//! unknown fields are ignored, missing optional ones default).

use serde::Deserialize;

use crate::thread::{Note, Thread};

/// One MR diff version (`GET …/versions` element).
#[derive(Debug, Clone, Deserialize)]
pub struct Version {
    /// Version id (`CI_MERGE_REQUEST_DIFF_ID`).
    pub id: u64,
    /// Head of the source branch for this version.
    pub head_commit_sha: Option<String>,
    /// Merge-base of source and target.
    pub base_commit_sha: Option<String>,
    /// Head of the target branch when the version was made.
    pub start_commit_sha: Option<String>,
    /// `collected`, `overflow`, `without_files`, …
    #[serde(default)]
    pub state: Option<String>,
    /// Files changed in this version, a string that may end in `+` (`"1000+"`).
    #[serde(default)]
    pub real_size: Option<String>,
}

/// One version with its diffs (`GET …/versions/:id`).
#[derive(Debug, Clone, Deserialize)]
pub struct VersionDetail {
    /// The version's SHAs and state.
    #[serde(flatten)]
    pub version: Version,
    /// One entry per changed file.
    #[serde(default)]
    pub diffs: Vec<DiffEntry>,
}

/// One file of a GitLab diff (`API::Entities::Diff`).
#[derive(Debug, Clone, Deserialize)]
pub struct DiffEntry {
    /// Path before.
    pub old_path: String,
    /// Path after.
    pub new_path: String,
    /// Mode before (`"0"` when absent).
    #[serde(default)]
    pub a_mode: Option<String>,
    /// Mode after (`"0"` when absent).
    #[serde(default)]
    pub b_mode: Option<String>,
    /// Hunk text starting at `@@` (empty when collapsed or too large).
    #[serde(default)]
    pub diff: String,
    /// Added file.
    #[serde(default)]
    pub new_file: bool,
    /// Renamed file.
    #[serde(default)]
    pub renamed_file: bool,
    /// Deleted file.
    #[serde(default)]
    pub deleted_file: bool,
    /// Generated file (GitLab ≥ 16.9).
    #[serde(default)]
    pub generated_file: Option<bool>,
    /// GitLab left the content out: too big to show expanded.
    #[serde(default)]
    pub collapsed: Option<bool>,
    /// GitLab left the content out: over the diff limits.
    #[serde(default)]
    pub too_large: Option<bool>,
}

/// `GET /version`.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct ServerVersionInfo {
    /// e.g. `17.5.0-ee`.
    pub version: String,
}

/// `GET /user`: the bot itself.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct User {
    /// User id (own notes are recognised by it).
    pub id: u64,
    /// Username.
    pub username: String,
    /// A project/group bot or service account.
    #[serde(default)]
    pub bot: Option<bool>,
}

/// `GET /personal_access_tokens/self`.
#[derive(Debug, Clone, Deserialize)]
pub struct TokenInfo {
    /// Scopes, e.g. `["api"]`.
    #[serde(default)]
    pub scopes: Vec<String>,
    /// `YYYY-MM-DD`, or `null` when the instance allows tokens without expiry.
    #[serde(default)]
    pub expires_at: Option<String>,
    /// False once expired or revoked.
    #[serde(default)]
    pub active: Option<bool>,
    /// Revoked.
    #[serde(default)]
    pub revoked: Option<bool>,
}

/// `GET /projects/:id/members/all/:user_id`.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Member {
    /// 10 guest, 20 reporter, 30 developer, 40 maintainer, 50 owner.
    pub access_level: u32,
    /// Username.
    #[serde(default)]
    pub username: String,
    /// Display name.
    #[serde(default)]
    pub name: String,
    /// `active`, `blocked`, … (absent on older GitLab).
    #[serde(default)]
    pub state: Option<String>,
}

/// `GET /users/:id`: the parts triage compares with commit identities.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct UserProfile {
    /// The e-mail the user chose to show, if any (empty or absent otherwise).
    #[serde(default)]
    pub public_email: Option<String>,
}

/// A user as the merge request embeds it (`author`): the id is required.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct UserRef {
    /// User id.
    pub id: u64,
}

/// One commit of `GET /projects/:id/merge_requests/:iid/commits`.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Commit {
    /// Author name as recorded.
    #[serde(default)]
    pub author_name: Option<String>,
    /// Author e-mail as recorded.
    #[serde(default)]
    pub author_email: Option<String>,
    /// Committer name as recorded.
    #[serde(default)]
    pub committer_name: Option<String>,
    /// Committer e-mail as recorded.
    #[serde(default)]
    pub committer_email: Option<String>,
}

/// `GET /projects/:id`.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Project {
    /// Numeric id.
    pub id: u64,
    /// `group/project`.
    pub path_with_namespace: String,
}

/// `GET /projects/:id/merge_requests/:iid`.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct MergeRequest {
    /// MR iid.
    pub iid: u64,
    /// `opened`, `closed`, `locked`, `merged`.
    pub state: String,
    /// Current head of the MR.
    #[serde(default)]
    pub sha: Option<String>,
    /// Who opened the MR.
    #[serde(default)]
    pub author: Option<UserRef>,
    /// Files changed in the newest version, a string that may end in `+` (`"1000+"`).
    #[serde(default)]
    pub changes_count: Option<String>,
}

/// One commit (`GET …/merge_requests/:iid/commits` element, `GET …/repository/commits/:sha`).
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct CommitInfo {
    /// Full commit id.
    pub id: String,
    /// Parents: more than one for a merge commit. GitLab's docs do not promise it in the
    /// MR commit list, so it may be absent there (then the commit itself is read).
    #[serde(default)]
    pub parent_ids: Option<Vec<String>>,
}

/// One discussion of `GET …/merge_requests/:iid/discussions`: what triage and the
/// comment plan read. Every field may be missing or `null` (GitLab leaves some out on
/// older versions and on system notes); [`Discussion::into_thread`] decides what that means.
#[derive(Debug, Clone, Default, Deserialize)]
pub(crate) struct Discussion {
    /// Discussion id (40 hex).
    #[serde(default)]
    pub id: Option<String>,
    /// A standalone comment rather than a thread.
    #[serde(default)]
    pub individual_note: Option<bool>,
    /// Notes, oldest first.
    #[serde(default)]
    pub notes: Option<Vec<DiscussionNote>>,
}

/// One note of a [`Discussion`].
#[derive(Debug, Clone, Default, Deserialize)]
pub(crate) struct DiscussionNote {
    /// Note id.
    #[serde(default)]
    pub id: Option<u64>,
    /// Who wrote it.
    #[serde(default)]
    pub author: Option<NoteUser>,
    /// Body text.
    #[serde(default)]
    pub body: Option<String>,
    /// GitLab's own event note.
    #[serde(default)]
    pub system: Option<bool>,
    /// Whether the thread is resolved (on resolvable notes).
    #[serde(default)]
    pub resolved: Option<bool>,
    /// Who resolved it.
    #[serde(default)]
    pub resolved_by: Option<NoteUser>,
    /// Where a diff note sits.
    #[serde(default)]
    pub position: Option<NotePosition>,
}

/// A user as a note embeds it (`author`, `resolved_by`); fields may be missing.
#[derive(Debug, Clone, Default, Deserialize)]
pub(crate) struct NoteUser {
    /// User id.
    #[serde(default)]
    pub id: Option<u64>,
    /// Username.
    #[serde(default)]
    pub username: Option<String>,
}

/// The part of a diff note's position mrwarden reads.
#[derive(Debug, Clone, Default, Deserialize)]
pub(crate) struct NotePosition {
    /// The file, on the new side.
    #[serde(default)]
    pub new_path: Option<String>,
}

impl Discussion {
    /// The plain thread triage and the plan share. A discussion without an id, or
    /// without a list of notes, is dropped; so is a note without an id. Resolution and
    /// path are the first note's; a missing author is user 0 (never the bot).
    pub(crate) fn into_thread(self) -> Option<Thread> {
        let id = self.id?;
        let notes = self.notes?;
        let first = notes.first();
        let resolved = first.and_then(|n| n.resolved).unwrap_or(false);
        let resolved_by = first
            .and_then(|n| n.resolved_by.as_ref())
            .and_then(|u| u.id);
        let path = first
            .and_then(|n| n.position.as_ref())
            .and_then(|p| p.new_path.clone());
        Some(Thread {
            id,
            individual_note: self.individual_note.unwrap_or(false),
            notes: notes
                .into_iter()
                .filter_map(DiscussionNote::into_note)
                .collect(),
            resolved,
            resolved_by,
            path,
        })
    }
}

impl DiscussionNote {
    fn into_note(self) -> Option<Note> {
        let author = self.author.unwrap_or_default();
        Some(Note {
            id: self.id?,
            author_id: author.id.unwrap_or(0),
            username: author.username.unwrap_or_default(),
            body: self.body.unwrap_or_default(),
            system: self.system.unwrap_or(false),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discussions_map_once_into_threads_tolerating_gaps() {
        // Shapes as GitLab sends them: a diff thread, a standalone system note with
        // nulls, one note without an id, and entries without an id or notes.
        let json = r#"[
          {"id": "6a9c1750b37d513a43987b574953fceb50b03ce7", "individual_note": false,
           "notes": [
             {"id": 1126, "type": "DiffNote", "body": "first", "system": false,
              "author": {"id": 7, "username": "bot", "name": "Bot"},
              "resolvable": true, "resolved": true, "resolved_by": {"id": 9, "username": "max"},
              "position": {"base_sha": "a", "new_path": "app.py", "old_path": "app.py", "new_line": 2}},
             {"id": 1127, "body": "!fp ok", "author": {"username": "anon"}},
             {"body": "no id", "author": {"id": 3}}
           ]},
          {"id": "87805b7c09016a7058e91bdbe7b29d1f284a39e6", "individual_note": null,
           "notes": [{"id": 5, "body": null, "system": true, "author": null,
                      "resolved_by": null, "position": null}]},
          {"individual_note": true, "notes": []},
          {"id": "e2a1", "notes": null}
        ]"#;
        let raw: Vec<Discussion> = serde_json::from_str(json).expect("GitLab's shape parses");
        let threads: Vec<Thread> = raw
            .into_iter()
            .filter_map(Discussion::into_thread)
            .collect();
        assert_eq!(threads.len(), 2);
        let diff = &threads[0];
        assert_eq!(diff.id, "6a9c1750b37d513a43987b574953fceb50b03ce7");
        assert!(!diff.individual_note);
        assert!(diff.resolved);
        assert_eq!(diff.resolved_by, Some(9));
        assert_eq!(diff.path.as_deref(), Some("app.py"));
        assert_eq!(
            diff.notes,
            vec![
                Note {
                    id: 1126,
                    author_id: 7,
                    username: "bot".into(),
                    body: "first".into(),
                    system: false,
                },
                Note {
                    id: 1127,
                    author_id: 0,
                    username: "anon".into(),
                    body: "!fp ok".into(),
                    system: false,
                },
            ]
        );
        let system = &threads[1];
        assert!(!system.individual_note && !system.resolved);
        assert_eq!((system.resolved_by, system.path.as_deref()), (None, None));
        assert_eq!(
            (system.notes[0].body.as_str(), system.notes[0].system),
            ("", true)
        );
    }
}
