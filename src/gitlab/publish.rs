//! Publishing to the merge request, the HTTP half: reads the bot's identity, the MR's
//! versions and discussions, asks [`crate::publish::plan`] for the writes and runs them,
//! then writes the one summary note and deletes the bot's own younger duplicates of it
//! (concurrent runs). Every failure is collected as a warning; the caller decides
//! whether that changes the exit code (`--on-publish-error`).

use std::collections::BTreeSet;
use std::fmt::Write as _;

use gitlab::api::projects::members::AllProjectMember;
use gitlab::api::users::CurrentUser;
use serde_json::{Value, json};

use super::endpoints::{
    CreateDiscussion, DeleteNote, MergeRequestVersions, ReplyToDiscussion, ResolveDiscussion,
    WriteNote,
};
use super::model::{Member, User, Version};
use super::{ApiFailure, Gitlab};
use crate::diff::Diff;
use crate::finding::Finding;
use crate::publish::body;
use crate::publish::plan::{self, Action, Mode, NotInline};
use crate::publish::position::DiffRefs;
use crate::report::RunInfo;
use crate::report::markdown::code_span;
use crate::thread::Thread;

/// What one publish needs.
#[derive(Debug)]
pub(crate) struct Input<'a> {
    /// Project id or path.
    pub project: &'a str,
    /// MR iid.
    pub iid: u64,
    /// This run's findings.
    pub findings: &'a [Finding],
    /// This run's facts.
    pub run: &'a RunInfo,
    /// The diff analysed.
    pub diff: &'a Diff,
    /// The diff version analysed.
    pub version: &'a Version,
    /// `comments.mode` after flags.
    pub mode: Mode,
    /// `comments.max_inline` after flags.
    pub max_inline: usize,
    /// A merge-train pipeline: gate, post no inline comments.
    pub merge_train: bool,
    /// This include's job prefix, unless the default (`--instance`): its summary note
    /// is its own.
    pub instance: Option<&'a str>,
}

/// What happened.
#[derive(Debug, Default)]
pub(crate) struct Published {
    /// One line per failed write or read.
    pub errors: Vec<String>,
    /// Discussions created.
    pub created: usize,
    /// The summary note was written.
    pub summary_written: bool,
}

/// Posts the review. Never panics on API answers; failures land in `errors`.
#[allow(
    clippy::too_many_lines,
    reason = "one linear sequence of reads, the plan's writes, then the summary"
)]
pub(crate) async fn publish(api: &Gitlab, input: &Input<'_>) -> Published {
    let mut out = Published::default();
    if input.mode == Mode::Off {
        return out;
    }
    let project = crate::gitlab::project_id(input.project);
    // A builder without required fields cannot fail.
    let Ok(me) = CurrentUser::builder().build() else {
        return out;
    };
    let user: User = match api.get_shared(&me).await {
        Ok(u) => u,
        Err(e) => {
            out.errors.push(format!("cannot read the bot user: {e}"));
            return out;
        }
    };
    let versions: Vec<Version> = match api
        .get_all_shared(
            &MergeRequestVersions {
                project: project.clone(),
                merge_request: input.iid,
            },
            100,
        )
        .await
    {
        Ok(v) => v,
        Err(e) => {
            out.errors.push(format!("cannot list the MR versions: {e}"));
            return out;
        }
    };
    let newest = versions.iter().max_by_key(|v| v.id);
    let is_newest = newest.is_none_or(|v| v.id == input.version.id);
    let can_resolve = match AllProjectMember::builder()
        .project(project.clone())
        .user(user.id)
        .build()
    {
        Ok(ep) => api
            .get_shared::<Member>(&ep)
            .await
            .is_ok_and(|m| m.access_level >= 30),
        Err(_) => false,
    };
    let existing = match list_discussions(api, input, super::triage::Listing::BeforeWrites).await {
        Ok(d) => d,
        Err(e) => {
            out.errors
                .push(format!("cannot list the MR discussions: {e}"));
            return out;
        }
    };
    let head_sha = input.version.head_commit_sha.clone().unwrap_or_default();
    let refs = DiffRefs {
        base_sha: input.version.base_commit_sha.clone().unwrap_or_default(),
        start_sha: input.version.start_commit_sha.clone().unwrap_or_default(),
        head_sha: head_sha.clone(),
    };
    let settings = plan::Settings {
        bot_id: user.id,
        mode: input.mode,
        max_inline: input.max_inline,
        inline_allowed: is_newest && !input.merge_train,
        can_resolve,
        head_sha,
        partially_scanned: input
            .run
            .notes
            .iter()
            .map(|n| n.path.clone())
            .collect::<BTreeSet<_>>(),
        dismissals: input.run.dismissals.clone(),
        summary_key: body::summary_key(input.instance),
    };
    let the_plan = plan::plan(input.findings, input.diff, &refs, &existing, &settings);
    let mut not_inline = the_plan.not_inline.clone();
    let mut summary_action = None;
    for action in &the_plan.actions {
        match action {
            Action::CreateDiscussion {
                fingerprint,
                position,
                body: text,
            } => {
                let ep = CreateDiscussion {
                    project: project.clone(),
                    merge_request: input.iid,
                    body: json!({ "body": body::finalise(text), "position": position }),
                };
                match api.write(&ep).await {
                    Ok(rsp) if first_note_type(&rsp) == Some("DiffNote") => out.created += 1,
                    Ok(rsp) => {
                        // GitLab kept the note but not its position: take it back.
                        if let Some(id) = rsp.pointer("/notes/0/id").and_then(Value::as_u64) {
                            let del = DeleteNote {
                                project: project.clone(),
                                merge_request: input.iid,
                                note: id,
                            };
                            if let Err(e) = api.write(&del).await {
                                out.errors.push(write_error("delete a misplaced note", &e));
                            }
                        }
                        not_inline.push(NotInline {
                            fingerprint: fingerprint.clone(),
                            reason: "GitLab did not accept its diff position",
                        });
                    }
                    Err(ApiFailure::Status { status: 400, .. }) => not_inline.push(NotInline {
                        fingerprint: fingerprint.clone(),
                        reason: "GitLab did not accept its diff position",
                    }),
                    Err(e) => {
                        out.errors.push(write_error("start a discussion", &e));
                        not_inline.push(NotInline {
                            fingerprint: fingerprint.clone(),
                            reason: "posting the discussion failed",
                        });
                    }
                }
            }
            Action::MarkFixed {
                discussion_id,
                reply,
                resolve,
            }
            | Action::Acknowledge {
                discussion_id,
                reply,
                resolve,
            } => {
                if let Err(e) = reply_to(api, input, discussion_id, reply).await {
                    out.errors.push(write_error("reply to a thread", &e));
                    continue;
                }
                if *resolve && let Err(e) = resolve_thread(api, input, discussion_id, true).await {
                    out.errors.push(write_error("resolve a thread", &e));
                }
            }
            Action::Reopen {
                discussion_id,
                reply,
            } => {
                if let Err(e) = resolve_thread(api, input, discussion_id, false).await {
                    out.errors.push(write_error("reopen a thread", &e));
                    continue;
                }
                if let Err(e) = reply_to(api, input, discussion_id, reply).await {
                    out.errors.push(write_error("reply to a thread", &e));
                }
            }
            Action::DeleteDuplicate { note_id, .. } => {
                let del = DeleteNote {
                    project: project.clone(),
                    merge_request: input.iid,
                    note: *note_id,
                };
                if let Err(e) = api.write(&del).await {
                    out.errors.push(write_error("delete a duplicate note", &e));
                }
            }
            Action::CreateSummary => summary_action = Some(None),
            Action::UpdateSummary { note_id } => summary_action = Some(Some(*note_id)),
        }
    }
    let Some(note) = summary_action else {
        return out;
    };
    let superseded = (!is_newest)
        .then(|| newest.and_then(|v| v.head_commit_sha.clone()))
        .flatten();
    // The note counts the API requests of this run up to its own write.
    let mut run = input.run.clone();
    run.api_requests = Some(api.client().requests_sent() + 1);
    let text = summary_body_marked(
        &body::summary_marker(&settings.summary_key),
        input.findings,
        &run,
        &not_inline,
        superseded.as_deref(),
    );
    let ep = WriteNote {
        project: project.clone(),
        merge_request: input.iid,
        note,
        body: &text,
    };
    match api.write(&ep).await {
        Ok(_) => out.summary_written = true,
        Err(e) => out.errors.push(write_error("write the summary note", &e)),
    }
    // Anything created may race another run: re-list and drop our younger duplicates.
    if note.is_none() || the_plan.actions.len() > 1 {
        reconcile(api, input, user.id, &mut out).await;
    }
    out
}

/// The summary note: the markdown report, the findings not posted inline, whether a
/// newer version superseded this run, and the marker; through [`body::finalise`].
pub(crate) fn summary_body(
    findings: &[Finding],
    run: &RunInfo,
    not_inline: &[NotInline],
    superseded_by: Option<&str>,
) -> String {
    summary_body_marked(
        body::SUMMARY_MARKER,
        findings,
        run,
        not_inline,
        superseded_by,
    )
}

/// [`summary_body`] under a given summary marker ([`body::summary_marker`]).
pub(crate) fn summary_body_marked(
    marker: &str,
    findings: &[Finding],
    run: &RunInfo,
    not_inline: &[NotInline],
    superseded_by: Option<&str>,
) -> String {
    // The marker goes first so a size cut can never remove it.
    let mut s = format!("{marker}\n\n");
    if let Some(sha) = superseded_by {
        let _ = writeln!(
            s,
            "**Superseded by {}**: a newer version of this merge request exists; no inline comments were posted for this run.\n",
            code_span(sha)
        );
    }
    s.push_str(&crate::report::markdown::render(findings, run));
    if !not_inline.is_empty() {
        s.push_str("\n\n### Not posted inline\n\n");
        for n in not_inline {
            let Some(f) = findings
                .iter()
                .find(|f| f.fingerprint.as_str() == n.fingerprint)
            else {
                continue;
            };
            let _ = writeln!(
                s,
                "- {}:{} {} ({})",
                code_span(&f.path),
                f.start_line,
                code_span(&f.rule_id),
                n.reason
            );
        }
    }
    body::finalise(&s)
}

fn first_note_type(rsp: &Value) -> Option<&str> {
    rsp.pointer("/notes/0/type").and_then(Value::as_str)
}

fn write_error(what: &str, e: &ApiFailure) -> String {
    let locked = matches!(
        e,
        ApiFailure::Forbidden { .. } | ApiFailure::Status { status: 405, .. }
    );
    if locked {
        format!(
            "cannot {what}: GitLab refused the write (the discussion or MR is locked, or the bot lacks the role Developer): {e}"
        )
    } else {
        format!("cannot {what}: {e}")
    }
}

async fn reply_to(
    api: &Gitlab,
    input: &Input<'_>,
    discussion: &str,
    text: &str,
) -> Result<Value, ApiFailure> {
    let text = body::finalise(text);
    api.write(&ReplyToDiscussion {
        project: crate::gitlab::project_id(input.project),
        merge_request: input.iid,
        discussion,
        body: &text,
    })
    .await
}

async fn resolve_thread(
    api: &Gitlab,
    input: &Input<'_>,
    discussion: &str,
    resolved: bool,
) -> Result<Value, ApiFailure> {
    api.write(&ResolveDiscussion {
        project: crate::gitlab::project_id(input.project),
        merge_request: input.iid,
        discussion,
        resolved,
    })
    .await
}

async fn list_discussions(
    api: &Gitlab,
    input: &Input<'_>,
    when: super::triage::Listing,
) -> Result<Vec<Thread>, ApiFailure> {
    super::triage::threads(api, input.project, input.iid, when).await
}

/// Concurrent runs may each have created a summary, the same threads or the same
/// replies: keep the oldest of each, delete the bot's own younger ones
/// ([`plan::duplicates`]). A note another run deleted first is no error.
async fn reconcile(api: &Gitlab, input: &Input<'_>, bot: u64, out: &mut Published) {
    let existing = match list_discussions(api, input, super::triage::Listing::Fresh).await {
        Ok(d) => d,
        Err(e) => {
            out.errors.push(format!(
                "cannot re-list the MR discussions to remove duplicates: {e}"
            ));
            return;
        }
    };
    for id in plan::duplicates(&existing, bot) {
        let del = DeleteNote {
            project: crate::gitlab::project_id(input.project),
            merge_request: input.iid,
            note: id,
        };
        match api.write(&del).await {
            Ok(_) | Err(ApiFailure::NotFound { .. }) => {}
            Err(e) => out.errors.push(write_error("delete a duplicate note", &e)),
        }
    }
}
