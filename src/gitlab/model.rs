//! The parts of GitLab's API entities mrwarden reads (shapes from GitLab's JSON schemas;
//! unknown fields are ignored, missing optional ones default).

use serde::Deserialize;

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
pub struct ServerVersionInfo {
    /// e.g. `17.5.0-ee`.
    pub version: String,
}

/// `GET /user`: the bot itself.
#[derive(Debug, Clone, Deserialize)]
pub struct User {
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
pub struct Member {
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
pub struct UserProfile {
    /// The e-mail the user chose to show, if any (empty or absent otherwise).
    #[serde(default)]
    pub public_email: Option<String>,
}

/// A user as other entities embed it (`author`, `resolved_by`).
#[derive(Debug, Clone, Deserialize)]
pub struct UserRef {
    /// User id.
    pub id: u64,
    /// Username.
    #[serde(default)]
    pub username: String,
}

/// One commit of `GET /projects/:id/merge_requests/:iid/commits`.
#[derive(Debug, Clone, Deserialize)]
pub struct Commit {
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
pub struct Project {
    /// Numeric id.
    pub id: u64,
    /// `group/project`.
    pub path_with_namespace: String,
}

/// `GET /projects/:id/merge_requests/:iid`.
#[derive(Debug, Clone, Deserialize)]
pub struct MergeRequest {
    /// MR iid.
    pub iid: u64,
    /// `opened`, `closed`, `locked`, `merged`.
    pub state: String,
    /// Target project.
    #[serde(default)]
    pub project_id: Option<u64>,
    /// Source project (differs for fork MRs).
    #[serde(default)]
    pub source_project_id: Option<u64>,
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
pub struct CommitInfo {
    /// Full commit id.
    pub id: String,
    /// Parents: more than one for a merge commit. GitLab's docs do not promise it in the
    /// MR commit list, so it may be absent there (then the commit itself is read).
    #[serde(default)]
    pub parent_ids: Option<Vec<String>>,
}
