//! One GitLab session per run: one async runtime, one client (one time budget, one
//! request count) and the reads every step shares (the bot user, the diff versions,
//! the discussions before this run writes: [`Gitlab::get_shared`]). Diff loading,
//! history, triage, publishing and `doctor` all go through it.

use std::future::Future;

use super::{ApiFailure, Client, Gitlab, Settings, project_id};
use crate::error::Error;
use gitlab::api::projects::merge_requests::{MergeRequestState, MergeRequests};

/// The merge request a pipeline belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeRequestRef {
    /// `CI_MERGE_REQUEST_PROJECT_ID` (the target project), else `CI_PROJECT_ID`.
    pub project: String,
    /// `CI_MERGE_REQUEST_IID`.
    pub iid: u64,
    /// `CI_MERGE_REQUEST_DIFF_ID`: the pipeline's own diff version.
    pub diff_id: Option<u64>,
    /// `CI_MERGE_REQUEST_SOURCE_PROJECT_ID` (differs from `project` for fork MRs).
    pub source_project: Option<String>,
}

/// An element of `GET /projects/:id/merge_requests` (the fields branch mode reads).
#[derive(Debug, serde::Deserialize)]
struct BranchMr {
    iid: u64,
    state: String,
    #[serde(default)]
    project_id: Option<u64>,
    #[serde(default)]
    source_project_id: Option<u64>,
    #[serde(default)]
    source_branch: Option<String>,
}

/// The runtime, the API and what error messages need to know.
#[derive(Debug)]
pub struct Session {
    rt: tokio::runtime::Runtime,
    api: Gitlab,
    token_variable: String,
}

impl Session {
    /// Builds the client and the runtime; a missing API URL or a bad CA/proxy setting is
    /// a usage error.
    pub fn connect(settings: Option<&Settings>, token_variable: &str) -> Result<Self, Error> {
        let Some(settings) = settings else {
            return Err(Error::Usage(
                "CI_API_V4_URL is not set; set MRWARDEN_GITLAB_URL to the API root".into(),
            ));
        };
        let client = Client::new(settings.clone()).map_err(|e| Error::Usage(e.to_string()))?;
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| Error::Analysis(format!("cannot start the async runtime: {e}")))?;
        Ok(Session {
            rt,
            api: Gitlab::new(client),
            token_variable: token_variable.to_owned(),
        })
    }

    /// The API.
    pub fn api(&self) -> &Gitlab {
        &self.api
    }

    /// Runs one async step of the run to its end.
    pub fn block_on<F: Future>(&self, f: F) -> F::Output {
        self.rt.block_on(f)
    }

    /// Whether a token is configured.
    pub fn has_token(&self) -> bool {
        self.api.client().has_token()
    }

    /// Requests sent so far in this run, retries included.
    pub fn requests_sent(&self) -> u64 {
        self.api.client().requests_sent()
    }

    /// One clear line per failure, saying what to fix; the token is never part of it.
    pub fn error(&self, e: &ApiFailure) -> Error {
        let var = &self.token_variable;
        match e {
            ApiFailure::Unauthorized { what } if self.has_token() => Error::Analysis(format!(
                "GitLab token invalid or expired (HTTP 401 from {what}); create a new token (scope api, role Developer) and store it in the masked CI/CD variable {var}"
            )),
            ApiFailure::Unauthorized { what }
            | ApiFailure::Forbidden { what }
            | ApiFailure::NotFound { what }
                if !self.has_token() =>
            {
                Error::Analysis(format!(
                    "cannot read the merge request without a token ({what} refused); set the masked CI/CD variable {var} (scope api, role Developer; see docs/review.md)"
                ))
            }
            other => Error::Analysis(other.to_string()),
        }
    }

    /// Branch-pipeline mode: the open MR of `project` whose source branch, in
    /// `project` itself (a fork's branch of the same name is not it), is `branch`.
    /// Never "any MR containing this commit": an environment branch's commits are in
    /// many MRs. With several (one branch, several targets), the newest, and a warning.
    pub fn find_branch_mr(
        &self,
        project: &str,
        branch: &str,
        warnings: &mut Vec<String>,
    ) -> Result<Option<MergeRequestRef>, Error> {
        let Ok(ep) = MergeRequests::builder()
            .project(project_id(project))
            .state(MergeRequestState::Opened)
            .source_branch(branch)
            .build()
        else {
            return Ok(None);
        };
        let mrs: Vec<BranchMr> = self
            .block_on(self.api.get_all(&ep, 100))
            .map_err(|e| self.error(&e))?;
        let mut ours = mrs.iter().filter(|m| {
            m.state == "opened"
                && m.source_branch.as_deref() == Some(branch)
                && m.source_project_id
                    .is_some_and(|p| p.to_string() == project)
        });
        let chosen = ours.next();
        let others: Vec<String> = ours.map(|m| format!("!{}", m.iid)).collect();
        if let (Some(m), false) = (chosen, others.is_empty()) {
            warnings.push(format!(
                "branch {branch} is the source of several open merge requests; reviewing the newest, !{} (not {})",
                m.iid,
                others.join(", ")
            ));
        }
        Ok(chosen.map(|m| MergeRequestRef {
            project: m
                .project_id
                .map_or_else(|| project.to_owned(), |p| p.to_string()),
            iid: m.iid,
            diff_id: None,
            source_project: m.source_project_id.map(|p| p.to_string()),
        }))
    }
}

impl Session {
    /// The `!fp`/`!accept` replies on the bot's threads that count, judged under the
    /// trusted `min_role` ([`crate::policy::triage::decide`]); any failed read is an
    /// error and the caller applies no dismissal (fail closed).
    pub fn triage(
        &self,
        project: &str,
        iid: u64,
        findings: &[crate::finding::Finding],
        min_role: crate::config::Role,
    ) -> Result<Vec<crate::policy::triage::Dismissal>, String> {
        let (discussions, facts) = self
            .block_on(super::triage::read(&self.api, project, iid, findings))
            .map_err(|e| e.to_string())?;
        Ok(crate::policy::triage::decide(
            &discussions,
            findings,
            &facts,
            min_role,
        ))
    }
}
