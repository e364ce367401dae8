//! Triage by reply, the HTTP half: reads what [`crate::policy::triage::decide`] needs
//! before the gate is decided: the bot (`GET /user`), the MR's discussions, and only
//! when a triage reply on a current finding exists, the MR's author, its commits and
//! each replier's membership (`GET /projects/:id/members/all/:user_id`) and public
//! e-mail (`GET /users/:id`). Any failure is returned whole: the caller warns and
//! applies no dismissal (fail closed).

use gitlab::api::projects::members::AllProjectMember;
use gitlab::api::projects::merge_requests::MergeRequest as MergeRequestEp;
use gitlab::api::projects::merge_requests::MergeRequestCommits;
use gitlab::api::projects::merge_requests::discussions::MergeRequestDiscussions;
use gitlab::api::users::{CurrentUser, User as UserEp};

use super::model::{Commit, Discussion, Member, MergeRequest, User, UserProfile};
use super::{ApiFailure, Gitlab, RestError};
use crate::finding::Finding;
use crate::policy::triage::{Facts, Identity, Person};
use crate::thread::Thread;

/// What was read: the discussions and the facts about the people who replied.
pub(crate) type Read = (Vec<Thread>, Facts);

fn setup(what: &str, e: impl std::fmt::Display) -> ApiFailure {
    ApiFailure::Transport(RestError::Setup(format!(
        "cannot build the {what} request: {e}"
    )))
}

/// Reads the discussions and, if any triage reply concerns a current finding, the facts
/// needed to judge it.
pub(crate) async fn read(
    api: &Gitlab,
    project: &str,
    iid: u64,
    findings: &[Finding],
) -> Result<Read, ApiFailure> {
    let me = CurrentUser::builder()
        .build()
        .map_err(|e| setup("user", e))?;
    let bot: User = api.get_shared(&me).await?;
    let discussions = threads(api, project, iid, Listing::BeforeWrites).await?;
    let project = crate::gitlab::project_id(project);
    let mut facts = Facts {
        bot_id: bot.id,
        ..Facts::default()
    };
    let people = crate::policy::triage::people_to_check(&discussions, findings, bot.id);
    if people.is_empty() {
        return Ok((discussions, facts));
    }
    let ep = MergeRequestEp::builder()
        .project(project.clone())
        .merge_request(iid)
        .build()
        .map_err(|e| setup("merge request", e))?;
    let mr: MergeRequest = api.get_shared(&ep).await?;
    facts.mr_author_id = mr.author.map(|a| a.id);
    let ep = MergeRequestCommits::builder()
        .project(project.clone())
        .merge_request(iid)
        .build()
        .map_err(|e| setup("commits", e))?;
    let commits: Vec<Commit> = api.get_all(&ep, 100).await?;
    for c in commits {
        for (name, email) in [
            (c.author_name, c.author_email),
            (c.committer_name, c.committer_email),
        ] {
            facts.committers.push(Identity {
                name: name.unwrap_or_default(),
                email: email.unwrap_or_default(),
            });
        }
    }
    for id in people {
        let ep = AllProjectMember::builder()
            .project(project.clone())
            .user(id)
            .build()
            .map_err(|e| setup("member", e))?;
        let member = match api.get::<Member>(&ep).await {
            Ok(m) => m,
            // Not a member of the project or its groups: no role.
            Err(ApiFailure::NotFound { .. }) => continue,
            Err(e) => return Err(e),
        };
        let ep = UserEp::builder()
            .user(id)
            .build()
            .map_err(|e| setup("user", e))?;
        let public_email = match api.get::<UserProfile>(&ep).await {
            Ok(p) => p.public_email.filter(|e| !e.trim().is_empty()),
            Err(ApiFailure::NotFound { .. }) => None,
            Err(e) => return Err(e),
        };
        facts.people.insert(
            id,
            Person {
                username: member.username,
                name: member.name,
                public_email,
                // A blocked or deactivated account has no say.
                access_level: if member.state.as_deref().is_none_or(|s| s == "active") {
                    member.access_level
                } else {
                    0
                },
            },
        );
    }
    Ok((discussions, facts))
}

/// When a discussions list is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Listing {
    /// Before this run writes: once per session, shared by triage and the plan.
    BeforeWrites,
    /// After writes (the reconcile pass): always from GitLab.
    Fresh,
}

/// The MR's discussions (`GET …/discussions`, every page), as the plain threads triage
/// and the comment plan share. [`Listing`] says whether the list read before
/// this run writes is shared.
pub(super) async fn threads(
    api: &Gitlab,
    project: &str,
    iid: u64,
    when: Listing,
) -> Result<Vec<Thread>, ApiFailure> {
    let ep = MergeRequestDiscussions::builder()
        .project(crate::gitlab::project_id(project))
        .merge_request(iid)
        .build()
        .map_err(|e| setup("discussions", e))?;
    let raw: Vec<Discussion> = match when {
        Listing::BeforeWrites => api.get_all_shared(&ep, 100).await?,
        Listing::Fresh => api.get_all(&ep, 100).await?,
    };
    Ok(raw
        .into_iter()
        .filter_map(Discussion::into_thread)
        .collect())
}
