//! Endpoints the `gitlab` crate does not have, written against its [`Endpoint`] trait.
//! Paths are relative to the API root (`CI_API_V4_URL`).

use std::borrow::Cow;

use gitlab::api::common::NameOrId;
use gitlab::api::{Endpoint, QueryParams};
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
    }
}
