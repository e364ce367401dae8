//! Endpoints the `gitlab` crate does not have, written against its [`Endpoint`] trait.
//! Paths are relative to the API root (`CI_API_V4_URL`).

use std::borrow::Cow;

use gitlab::api::common::NameOrId;
use gitlab::api::{BodyError, Endpoint, QueryParams};
use http::Method;

/// `GET /projects/:id/merge_requests/:iid/versions`: the MR's diff versions, newest first.
#[derive(Debug, Clone)]
pub struct MergeRequestVersions<'a> {
    /// Project id or full path.
    pub project: NameOrId<'a>,
    /// MR iid.
    pub merge_request: u64,
}

impl Endpoint for MergeRequestVersions<'_> {
    fn method(&self) -> Method {
        Method::GET
    }

    fn endpoint(&self) -> Cow<'static, str> {
        format!(
            "projects/{}/merge_requests/{}/versions",
            self.project, self.merge_request
        )
        .into()
    }
}

/// `GET /projects/:id/merge_requests/:iid/versions/:version_id`: one version with its
/// SHAs, commits and diffs (one response, not paginated).
#[derive(Debug, Clone)]
pub struct MergeRequestVersion<'a> {
    /// Project id or full path.
    pub project: NameOrId<'a>,
    /// MR iid.
    pub merge_request: u64,
    /// Version id (`CI_MERGE_REQUEST_DIFF_ID`).
    pub version: u64,
}

impl Endpoint for MergeRequestVersion<'_> {
    fn method(&self) -> Method {
        Method::GET
    }

    fn endpoint(&self) -> Cow<'static, str> {
        format!(
            "projects/{}/merge_requests/{}/versions/{}",
            self.project, self.merge_request, self.version
        )
        .into()
    }
}

/// `GET /projects/:id/merge_requests/:iid/raw_diffs`: git's plain-text diff of the MR
/// (GitLab ≥ 17.9).
#[derive(Debug, Clone)]
pub struct MergeRequestRawDiffs<'a> {
    /// Project id or full path.
    pub project: NameOrId<'a>,
    /// MR iid.
    pub merge_request: u64,
}

impl Endpoint for MergeRequestRawDiffs<'_> {
    fn method(&self) -> Method {
        Method::GET
    }

    fn endpoint(&self) -> Cow<'static, str> {
        format!(
            "projects/{}/merge_requests/{}/raw_diffs",
            self.project, self.merge_request
        )
        .into()
    }

    fn parameters(&self) -> QueryParams<'_> {
        QueryParams::default()
    }
}

/// `GET /projects/:id/repository/commits/:sha/diff`: one commit's diff against its first
/// parent, one entry per file (`API::Entities::Diff`), paginated.
#[derive(Debug, Clone)]
pub struct CommitDiff<'a> {
    /// Project id or full path.
    pub project: NameOrId<'a>,
    /// Full commit id.
    pub sha: &'a str,
}

impl Endpoint for CommitDiff<'_> {
    fn method(&self) -> Method {
        Method::GET
    }

    fn endpoint(&self) -> Cow<'static, str> {
        format!(
            "projects/{}/repository/commits/{}/diff",
            self.project,
            url::form_urlencoded::byte_serialize(self.sha.as_bytes()).collect::<String>()
        )
        .into()
    }
}

/// `GET /version`: the instance's version (needs authentication).
#[derive(Debug, Clone, Copy)]
pub struct ServerVersion;

impl Endpoint for ServerVersion {
    fn method(&self) -> Method {
        Method::GET
    }

    fn endpoint(&self) -> Cow<'static, str> {
        "version".into()
    }
}

/// A JSON request body.
fn json_body(v: &serde_json::Value) -> Result<Option<(&'static str, Vec<u8>)>, BodyError> {
    Ok(Some(("application/json", serde_json::to_vec(v)?)))
}

/// `POST /projects/:id/merge_requests/:iid/discussions` with a JSON body (a diff
/// `position` object, which the crate's form-encoded builder spells differently).
#[derive(Debug, Clone)]
pub struct CreateDiscussion<'a> {
    /// Project id or full path.
    pub project: NameOrId<'a>,
    /// MR iid.
    pub merge_request: u64,
    /// `{"body": …, "position": {…}}`.
    pub body: serde_json::Value,
}

impl Endpoint for CreateDiscussion<'_> {
    fn method(&self) -> Method {
        Method::POST
    }

    fn endpoint(&self) -> Cow<'static, str> {
        format!(
            "projects/{}/merge_requests/{}/discussions",
            self.project, self.merge_request
        )
        .into()
    }

    fn body(&self) -> Result<Option<(&'static str, Vec<u8>)>, BodyError> {
        json_body(&self.body)
    }
}

/// `POST /projects/:id/merge_requests/:iid/discussions/:discussion_id/notes`: a reply.
#[derive(Debug, Clone)]
pub struct ReplyToDiscussion<'a> {
    /// Project id or full path.
    pub project: NameOrId<'a>,
    /// MR iid.
    pub merge_request: u64,
    /// Thread.
    pub discussion: &'a str,
    /// Reply text.
    pub body: &'a str,
}

impl Endpoint for ReplyToDiscussion<'_> {
    fn method(&self) -> Method {
        Method::POST
    }

    fn endpoint(&self) -> Cow<'static, str> {
        format!(
            "projects/{}/merge_requests/{}/discussions/{}/notes",
            self.project, self.merge_request, self.discussion
        )
        .into()
    }

    fn body(&self) -> Result<Option<(&'static str, Vec<u8>)>, BodyError> {
        json_body(&serde_json::json!({ "body": self.body }))
    }
}

/// `PUT /projects/:id/merge_requests/:iid/discussions/:discussion_id?resolved=…`.
#[derive(Debug, Clone)]
pub struct ResolveDiscussion<'a> {
    /// Project id or full path.
    pub project: NameOrId<'a>,
    /// MR iid.
    pub merge_request: u64,
    /// Thread.
    pub discussion: &'a str,
    /// Resolve (`true`) or reopen (`false`).
    pub resolved: bool,
}

impl Endpoint for ResolveDiscussion<'_> {
    fn method(&self) -> Method {
        Method::PUT
    }

    fn endpoint(&self) -> Cow<'static, str> {
        format!(
            "projects/{}/merge_requests/{}/discussions/{}",
            self.project, self.merge_request, self.discussion
        )
        .into()
    }

    fn parameters(&self) -> QueryParams<'_> {
        let mut p = QueryParams::default();
        p.push("resolved", self.resolved);
        p
    }
}

/// `POST /projects/:id/merge_requests/:iid/notes` (create) or
/// `PUT …/notes/:note_id` (edit): a standalone note with a JSON body.
#[derive(Debug, Clone)]
pub struct WriteNote<'a> {
    /// Project id or full path.
    pub project: NameOrId<'a>,
    /// MR iid.
    pub merge_request: u64,
    /// `None` creates, `Some(id)` edits that note.
    pub note: Option<u64>,
    /// Text.
    pub body: &'a str,
}

impl Endpoint for WriteNote<'_> {
    fn method(&self) -> Method {
        if self.note.is_some() {
            Method::PUT
        } else {
            Method::POST
        }
    }

    fn endpoint(&self) -> Cow<'static, str> {
        let base = format!(
            "projects/{}/merge_requests/{}/notes",
            self.project, self.merge_request
        );
        match self.note {
            Some(id) => format!("{base}/{id}").into(),
            None => base.into(),
        }
    }

    fn body(&self) -> Result<Option<(&'static str, Vec<u8>)>, BodyError> {
        json_body(&serde_json::json!({ "body": self.body }))
    }
}

/// `DELETE /projects/:id/merge_requests/:iid/notes/:note_id`.
#[derive(Debug, Clone)]
pub struct DeleteNote<'a> {
    /// Project id or full path.
    pub project: NameOrId<'a>,
    /// MR iid.
    pub merge_request: u64,
    /// Note.
    pub note: u64,
}

impl Endpoint for DeleteNote<'_> {
    fn method(&self) -> Method {
        Method::DELETE
    }

    fn endpoint(&self) -> Cow<'static, str> {
        format!(
            "projects/{}/merge_requests/{}/notes/{}",
            self.project, self.merge_request, self.note
        )
        .into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths() {
        let v = MergeRequestVersion {
            project: "group/proj".into(),
            merge_request: 7,
            version: 9,
        };
        assert_eq!(
            v.endpoint(),
            "projects/group%2Fproj/merge_requests/7/versions/9"
        );
        let l = MergeRequestVersions {
            project: 5u64.into(),
            merge_request: 7,
        };
        assert_eq!(l.endpoint(), "projects/5/merge_requests/7/versions");
        let r = MergeRequestRawDiffs {
            project: 5u64.into(),
            merge_request: 7,
        };
        assert_eq!(r.endpoint(), "projects/5/merge_requests/7/raw_diffs");
        let c = CommitDiff {
            project: 5u64.into(),
            sha: "ab/c",
        };
        assert_eq!(c.endpoint(), "projects/5/repository/commits/ab%2Fc/diff");
    }
}
