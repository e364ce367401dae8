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
use serde_json::Value;

use super::model::{Commit, Member, MergeRequest, User, UserProfile};
use super::{ApiFailure, Gitlab, RestError};
use crate::finding::Finding;
use crate::policy::triage::{Discussion, Facts, Identity, Note, Person};

/// What was read: the discussions and the facts about the people who replied.
pub type Read = (Vec<Discussion>, Facts);

fn setup(what: &str, e: impl std::fmt::Display) -> ApiFailure {
    ApiFailure::Transport(RestError::Setup(format!(
        "cannot build the {what} request: {e}"
    )))
}

/// Reads the discussions and, if any triage reply concerns a current finding, the facts
/// needed to judge it.
pub async fn read(
    api: &Gitlab,
    project: &str,
    iid: u64,
    findings: &[Finding],
) -> Result<Read, ApiFailure> {
    let project = crate::gitlab::project_id(project);
    let me = CurrentUser::builder()
        .build()
        .map_err(|e| setup("user", e))?;
    let bot: User = api.get(&me).await?;
    let ep = MergeRequestDiscussions::builder()
        .project(project.clone())
        .merge_request(iid)
        .build()
        .map_err(|e| setup("discussions", e))?;
    let raw: Vec<Value> = api.get_all(&ep, 100).await?;
    let discussions: Vec<Discussion> = raw.iter().filter_map(discussion_from_json).collect();
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
    let mr: MergeRequest = api.get(&ep).await?;
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

/// One note of a discussion, as triage sees it.
pub fn note_from_json(n: &Value) -> Option<Note> {
    let text = |v: Option<&Value>| v.and_then(Value::as_str).unwrap_or("").to_string();
    Some(Note {
        id: n.get("id")?.as_u64()?,
        author_id: n.pointer("/author/id").and_then(Value::as_u64).unwrap_or(0),
        username: text(n.pointer("/author/username")),
        body: text(n.get("body")),
        system: n.get("system").and_then(Value::as_bool).unwrap_or(false),
    })
}

/// One discussion of `GET …/discussions`, as triage sees it.
pub fn discussion_from_json(d: &Value) -> Option<Discussion> {
    Some(Discussion {
        id: d.get("id")?.as_str()?.to_string(),
        notes: d
            .get("notes")?
            .as_array()?
            .iter()
            .filter_map(note_from_json)
            .collect(),
    })
}
