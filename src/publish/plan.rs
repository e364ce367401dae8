//! The publishing plan: a pure function from this run's findings and the MR's existing
//! discussions to the writes that make the MR show exactly this run's result.
//!
//! Only the bot's own notes carrying our marker are ever touched; a note with the marker
//! written by anybody else is ignored. Running the plan twice gives no second write.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::body;
use super::position::{DiffRefs, Position, Unplaceable, locate};
use crate::diff::Diff;
use crate::finding::Finding;
use crate::policy::triage::{Dismissal, has_triage_reply};
use crate::thread::Thread;

pub(crate) use crate::config::CommentMode as Mode;

/// What the plan needs to know about this run.
#[derive(Debug, Clone)]
pub(crate) struct Settings {
    /// The bot's user id (`GET /user`).
    pub bot_id: u64,
    /// Comment mode.
    pub mode: Mode,
    /// Most inline discussions created per run.
    pub max_inline: usize,
    /// Inline writes are allowed: the pipeline's version is the newest and this is
    /// not a merge-train pipeline.
    pub inline_allowed: bool,
    /// The bot may resolve threads (Developer or above).
    pub can_resolve: bool,
    /// The head commit analysed.
    pub head_sha: String,
    /// Paths that were not fully scanned in this run: their threads are never resolved.
    pub partially_scanned: BTreeSet<String>,
    /// Triage replies judged before the gate (empty when they could not be read).
    pub dismissals: Vec<Dismissal>,
    /// The marker key of this include's summary note ([`body::summary_key`]); other
    /// includes' summary notes are neither edited nor taken for finding threads.
    pub summary_key: String,
}

/// One write.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub(crate) enum Action {
    /// Start a diff thread.
    CreateDiscussion {
        /// The finding's fingerprint.
        fingerprint: String,
        /// Where.
        position: Position,
        /// Body.
        body: String,
    },
    /// Reply to a bot thread whose finding is gone, and resolve it if allowed.
    MarkFixed {
        /// Thread.
        discussion_id: String,
        /// Reply text.
        reply: String,
        /// Also resolve.
        resolve: bool,
    },
    /// Answer a triage reply on a bot thread (once per reply) and collapse the thread.
    Acknowledge {
        /// Thread.
        discussion_id: String,
        /// Reply text.
        reply: String,
        /// Also resolve (the bot may, and the thread is open).
        resolve: bool,
    },
    /// Reopen a thread the bot itself resolved, because the finding came back.
    Reopen {
        /// Thread.
        discussion_id: String,
        /// Reply text.
        reply: String,
    },
    /// Delete a younger duplicate of the bot's own note (concurrent runs).
    DeleteDuplicate {
        /// Thread.
        discussion_id: String,
        /// Note.
        note_id: u64,
    },
    /// Create the summary note.
    CreateSummary,
    /// Edit the existing summary note in place.
    UpdateSummary {
        /// The note.
        note_id: u64,
    },
}

/// A finding that is not posted inline, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct NotInline {
    /// Fingerprint.
    pub fingerprint: String,
    /// Reason, for the summary.
    pub reason: &'static str,
}

/// The plan.
#[derive(Debug, Clone, Default, Serialize)]
pub(crate) struct Plan {
    /// Writes, in order.
    pub actions: Vec<Action>,
    /// Findings that appear only in the summary.
    pub not_inline: Vec<NotInline>,
    /// Findings that already have an open bot thread.
    pub already_posted: usize,
    /// Threads resolved by a person whose finding is still present (it still gates).
    pub human_resolved: usize,
}

const FIXED_PREFIX: &str = "Fixed in ";
const TRIAGE_PREFIX: &str = "Triage: ";

/// A finding's suggestion, when the finding is on the one line the suggestion replaces.
fn one_line_suggestion(f: &Finding) -> Option<&str> {
    f.suggestion
        .as_deref()
        .filter(|_| f.start_line == f.end_line)
}

/// Builds the plan.
pub(crate) fn plan(
    findings: &[Finding],
    diff: &Diff,
    refs: &DiffRefs,
    existing: &[Thread],
    s: &Settings,
) -> Plan {
    let mut out = Plan::default();
    if s.mode == Mode::Off {
        return out;
    }
    let (threads, summary) = index(existing, s, &mut out);

    // A finding dismissed by triage is not in `findings` but is not fixed either.
    let present: BTreeSet<&str> = findings
        .iter()
        .map(|f| f.fingerprint.as_str())
        .chain(
            s.dismissals
                .iter()
                .filter(|d| d.counts)
                .map(|d| d.fingerprint.as_str()),
        )
        .collect();
    let mut created = 0usize;
    for f in findings {
        let fp = f.fingerprint.as_str();
        if let Some(d) = threads.get(fp) {
            if !d.resolved || has_triage_reply(d, s.bot_id) {
                // A triaged thread the bot collapsed stays collapsed.
                out.already_posted += 1;
            } else if d.resolved_by == Some(s.bot_id) && s.inline_allowed {
                out.actions.push(Action::Reopen {
                    discussion_id: d.id.clone(),
                    reply: body::finalise(&format!(
                        "Found again in {}.",
                        crate::report::markdown::code_span(&s.head_sha)
                    )),
                });
            } else {
                out.human_resolved += 1;
            }
            continue;
        }
        let reason = if s.mode == Mode::Summary {
            Some("comments.mode is summary")
        } else if !s.inline_allowed {
            Some("the pipeline's diff version is not the newest, or this is a merge train")
        } else if created >= s.max_inline {
            Some("more than max_inline findings")
        } else {
            None
        };
        if let Some(reason) = reason {
            out.not_inline.push(NotInline {
                fingerprint: fp.to_string(),
                reason,
            });
            continue;
        }
        match locate(diff, f, refs) {
            Ok(position) => {
                created += 1;
                out.actions.push(Action::CreateDiscussion {
                    fingerprint: fp.to_string(),
                    position,
                    body: body::inline(f, one_line_suggestion(f)),
                });
            }
            Err(why) => out.not_inline.push(NotInline {
                fingerprint: fp.to_string(),
                reason: match why {
                    Unplaceable::FileNotInDiff => "its file is not in the diff",
                    Unplaceable::LineNotAdded => "its line is not an added line of the diff",
                    Unplaceable::HistoryOnly => {
                        "it is in a commit of the change, not in the final diff"
                    }
                },
            }),
        }
    }

    if s.inline_allowed {
        resolve_gone(&threads, &present, s, &mut out);
        acknowledge(&threads, s, &mut out);
    }

    out.actions.push(match summary {
        Some(note_id) => Action::UpdateSummary { note_id },
        None => Action::CreateSummary,
    });
    out
}

/// The bot's oldest summary note with marker key `key` ([`body::summary_key`]), for a
/// run that writes only the summary.
pub(crate) fn summary_note(existing: &[Thread], bot_id: u64, key: &str) -> Option<u64> {
    existing
        .iter()
        .filter_map(|d| d.bot_marker(bot_id))
        .filter(|(_, fp)| *fp == key)
        .map(|(n, _)| n.id)
        .min()
}

/// The bot's threads by fingerprint (oldest first) and its summary note; younger
/// duplicates of either become deletions.
fn index<'a>(
    existing: &'a [Thread],
    s: &Settings,
    out: &mut Plan,
) -> (BTreeMap<String, &'a Thread>, Option<u64>) {
    let mut threads: BTreeMap<String, &Thread> = BTreeMap::new();
    let mut summary: Option<u64> = None;
    for d in existing {
        let Some((first, fp)) = d.bot_marker(s.bot_id) else {
            continue;
        };
        match fp {
            fp if fp == s.summary_key => match summary {
                None => summary = Some(first.id),
                Some(_) => out.actions.push(Action::DeleteDuplicate {
                    discussion_id: d.id.clone(),
                    note_id: first.id,
                }),
            },
            // Another include's summary: not ours to touch.
            fp if body::is_summary_key(fp) => {}
            fp => {
                if threads.contains_key(fp) {
                    out.actions.push(Action::DeleteDuplicate {
                        discussion_id: d.id.clone(),
                        note_id: first.id,
                    });
                } else {
                    threads.insert(fp.to_string(), d);
                }
            }
        }
    }

    (threads, summary)
}

/// The bot's own younger duplicates, as concurrent runs leave them: every summary note
/// and every finding thread beyond the oldest (lowest first-note id) of its marker, and
/// every bot reply that repeats the bot's previous note in the same thread. Note ids,
/// to delete. Each run keeps the oldest, which every later listing also sees, so runs
/// deleting at the same time agree and at least one of each is always left.
pub(crate) fn duplicates(existing: &[Thread], bot_id: u64) -> Vec<u64> {
    let mut by_marker: BTreeMap<&str, Vec<u64>> = BTreeMap::new();
    let mut out = Vec::new();
    for d in existing {
        let Some((first, fp)) = d.bot_marker(bot_id) else {
            continue;
        };
        by_marker.entry(fp).or_default().push(first.id);
        let mut previous: &str = &first.body;
        for n in d.notes.iter().skip(1) {
            if n.system || n.author_id != bot_id {
                continue;
            }
            if n.body == previous {
                out.push(n.id);
            }
            previous = &n.body;
        }
    }
    for mut ids in by_marker.into_values() {
        ids.sort_unstable();
        out.extend(ids.into_iter().skip(1));
    }
    out.sort_unstable();
    out
}

/// Answers each triage reply once (no bot `Triage:` note after it yet) and collapses
/// the thread: a counting dismissal and one that does not count alike (the latter
/// still gates, and the answer says why).
fn acknowledge(threads: &BTreeMap<String, &Thread>, s: &Settings, out: &mut Plan) {
    use crate::report::markdown::code_span;
    for dis in &s.dismissals {
        let Some(d) = threads.get(&dis.fingerprint) else {
            continue;
        };
        let answered = d.notes.iter().any(|n| {
            n.id > dis.note_id && n.author_id == s.bot_id && n.body.starts_with(TRIAGE_PREFIX)
        });
        if answered {
            continue;
        }
        let who = format!(
            "{} by {}",
            code_span(dis.command.as_str()),
            code_span(&dis.by)
        );
        let reply = match dis.not_counted {
            None => format!(
                "{TRIAGE_PREFIX}{who} counts: this finding is dismissed for this merge request and no longer gates it."
            ),
            Some(why) => format!(
                "{TRIAGE_PREFIX}{who} does not count for the gate: {}. The finding still gates; a reply counts from a member with at least the role `triage.min_role` who is neither the author nor a committer of this merge request.",
                why.describe()
            ),
        };
        out.actions.push(Action::Acknowledge {
            discussion_id: d.id.clone(),
            reply: body::finalise(&reply),
            resolve: s.can_resolve && !d.resolved,
        });
    }
}

/// Bot threads whose finding is gone from a fully scanned file: reply and resolve.
fn resolve_gone(
    threads: &BTreeMap<String, &Thread>,
    present: &BTreeSet<&str>,
    s: &Settings,
    out: &mut Plan,
) {
    for (fp, d) in threads {
        if present.contains(fp.as_str()) || d.resolved {
            continue;
        }
        let is_llm = d.notes.first().is_some_and(|n| is_llm_body(&n.body));
        let path_scanned = d
            .path
            .as_ref()
            .is_none_or(|p| !s.partially_scanned.contains(p));
        let already_replied = d
            .notes
            .iter()
            .any(|n| n.author_id == s.bot_id && n.body.starts_with(FIXED_PREFIX));
        if is_llm || !path_scanned || (already_replied && !s.can_resolve) {
            continue;
        }
        out.actions.push(Action::MarkFixed {
            discussion_id: d.id.clone(),
            reply: body::finalise(&format!(
                "{FIXED_PREFIX}{}.",
                crate::report::markdown::code_span(&s.head_sha)
            )),
            resolve: s.can_resolve,
        });
    }
}

/// Whether a bot thread's first note is about an LLM finding: its heading line names a
/// `mrwarden.llm.*` rule id in a code span (`body::inline`). Only the heading is looked
/// at: titles are escaped (no backticks), so code in the snippet cannot fake it.
fn is_llm_body(body: &str) -> bool {
    body.lines()
        .next()
        .is_some_and(|heading| heading.contains(&format!("(`{}", crate::finding::LLM_RULE_PREFIX)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::thread::sample_note as note;

    const BOT: u64 = 7;

    fn diff() -> Diff {
        crate::diff::parse(b"--- a/a.py\n+++ b/a.py\n@@ -0,0 +1,3 @@\n+x\n+y\n+z\n")
            .expect("diff parses")
    }

    fn finding(line: u32) -> Finding {
        crate::finding::sample(line)
    }

    fn settings() -> Settings {
        Settings {
            bot_id: BOT,
            mode: Mode::Inline,
            max_inline: 25,
            inline_allowed: true,
            can_resolve: true,
            head_sha: "abc".into(),
            partially_scanned: BTreeSet::new(),
            dismissals: Vec::new(),
            summary_key: "summary".into(),
        }
    }

    fn refs() -> DiffRefs {
        DiffRefs {
            base_sha: "b".into(),
            start_sha: "s".into(),
            head_sha: "h".into(),
        }
    }

    fn thread(id: &str, author: u64, f: &Finding, resolved_by: Option<u64>) -> Thread {
        let first = note(id.len() as u64, author, &body::inline(f, None));
        Thread {
            resolved: resolved_by.is_some(),
            resolved_by,
            path: Some("a.py".into()),
            ..crate::thread::sample(id, vec![first])
        }
    }

    fn count(p: &Plan, pred: impl Fn(&Action) -> bool) -> usize {
        p.actions.iter().filter(|a| pred(a)).count()
    }

    #[test]
    fn first_run_posts_each_finding_and_a_summary() {
        let f = [finding(1), finding(2)];
        let p = plan(&f, &diff(), &refs(), &[], &settings());
        assert_eq!(
            count(&p, |a| matches!(a, Action::CreateDiscussion { .. })),
            2
        );
        assert_eq!(p.actions.last(), Some(&Action::CreateSummary));
    }

    #[test]
    fn rerun_posts_nothing_new_and_edits_the_summary() {
        let f = [finding(1)];
        let existing = [thread("d1", BOT, &f[0], None)];
        let p = plan(&f, &diff(), &refs(), &existing, &settings());
        assert_eq!(
            count(&p, |a| matches!(a, Action::CreateDiscussion { .. })),
            0
        );
        assert_eq!(p.already_posted, 1);
    }

    #[test]
    fn fixed_findings_are_resolved_and_regressions_reopen_only_bot_resolutions() {
        let gone = finding(3);
        let back = finding(1);
        let human = finding(2);
        let existing = [
            thread("gone", BOT, &gone, None),
            thread("back", BOT, &back, Some(BOT)),
            thread("human", BOT, &human, Some(99)),
        ];
        let p = plan(
            &[back.clone(), human.clone()],
            &diff(),
            &refs(),
            &existing,
            &settings(),
        );
        assert!(p.actions.contains(&Action::MarkFixed {
            discussion_id: "gone".into(),
            reply: "Fixed in `abc`.".into(),
            resolve: true
        }));
        assert_eq!(
            count(
                &p,
                |a| matches!(a, Action::Reopen { discussion_id, .. } if discussion_id == "back")
            ),
            1
        );
        assert_eq!(p.human_resolved, 1);
    }

    #[test]
    fn others_notes_with_our_marker_are_ignored_and_duplicates_deleted() {
        let f = [finding(1)];
        let existing = [
            thread("mine", BOT, &f[0], None),
            thread("dup", BOT, &f[0], None),
            thread("spoof", 99, &f[0], None),
        ];
        let p = plan(&f, &diff(), &refs(), &existing, &settings());
        assert_eq!(
            count(
                &p,
                |a| matches!(a, Action::DeleteDuplicate { discussion_id, .. } if discussion_id == "dup")
            ),
            1
        );
        assert_eq!(
            count(
                &p,
                |a| matches!(a, Action::DeleteDuplicate { discussion_id, .. } if discussion_id == "spoof")
            ),
            0
        );
        assert_eq!(
            count(&p, |a| matches!(a, Action::CreateDiscussion { .. })),
            0
        );
    }

    #[test]
    fn llm_threads_are_never_resolved_on_absence_alone() {
        let mut llm = finding(2);
        llm.rule_id = "mrwarden.llm.idor".into();
        llm.fingerprint = crate::finding::Fingerprint::compute(&llm.rule_id, "a.py", "2", 0);
        // A rule finding whose snippet quotes an LLM rule id is still an ordinary thread.
        let mut rule = finding(3);
        rule.snippet = "x = \"(`mrwarden.llm.idor`)\"".into();
        let existing = [
            thread("llm", BOT, &llm, None),
            thread("rule", BOT, &rule, None),
        ];
        let p = plan(&[], &diff(), &refs(), &existing, &settings());
        let fixed: Vec<&str> = p
            .actions
            .iter()
            .filter_map(|a| match a {
                Action::MarkFixed { discussion_id, .. } => Some(discussion_id.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(fixed, vec!["rule"]);
    }

    #[test]
    fn limits_stale_versions_and_partial_scans() {
        let f: Vec<Finding> = (1..=3).map(finding).collect();
        let mut s = settings();
        s.max_inline = 1;
        let p = plan(&f, &diff(), &refs(), &[], &s);
        assert_eq!(
            count(&p, |a| matches!(a, Action::CreateDiscussion { .. })),
            1
        );
        assert_eq!(p.not_inline.len(), 2);
        s.inline_allowed = false;
        let gone = finding(3);
        let p = plan(
            &[],
            &diff(),
            &refs(),
            &[thread("gone", BOT, &gone, None)],
            &s,
        );
        assert_eq!(
            count(&p, |a| matches!(a, Action::MarkFixed { .. })),
            0,
            "no thread writes on a superseded version"
        );
        let mut s = settings();
        s.partially_scanned.insert("a.py".into());
        let p = plan(
            &[],
            &diff(),
            &refs(),
            &[thread("gone", BOT, &gone, None)],
            &s,
        );
        assert_eq!(
            count(&p, |a| matches!(a, Action::MarkFixed { .. })),
            0,
            "not fully scanned: not resolved"
        );
    }
    fn dismissal(f: &Finding, counts: bool) -> Dismissal {
        Dismissal {
            fingerprint: f.fingerprint.as_str().to_string(),
            rule_id: f.rule_id.clone(),
            path: f.path.clone(),
            line: f.start_line,
            severity: f.severity,
            command: crate::policy::triage::Command::Fp,
            by: "maya".into(),
            reason: "test data".into(),
            counts,
            not_counted: (!counts).then_some(crate::policy::triage::NotCounted::MrAuthor),
            discussion_id: "t".into(),
            note_id: 50,
        }
    }

    fn triaged(f: &Finding, resolved_by: Option<u64>) -> Thread {
        let mut d = thread("t", BOT, f, resolved_by);
        d.notes.push(note(50, 99, "!fp test data"));
        d
    }

    #[test]
    fn triage_is_answered_once_never_reopened_and_never_called_fixed() {
        let f = finding(1);
        // A counting dismissal: the finding is gone from the list but not fixed.
        let mut s = settings();
        s.dismissals = vec![dismissal(&f, true)];
        let p = plan(&[], &diff(), &refs(), &[triaged(&f, None)], &s);
        assert_eq!(count(&p, |a| matches!(a, Action::MarkFixed { .. })), 0);
        let acks: Vec<&Action> = p
            .actions
            .iter()
            .filter(|a| matches!(a, Action::Acknowledge { .. }))
            .collect();
        assert_eq!(acks.len(), 1);
        let Action::Acknowledge { reply, resolve, .. } = acks[0] else {
            unreachable!()
        };
        assert!(
            reply.starts_with(TRIAGE_PREFIX) && reply.contains(" counts:"),
            "{reply}"
        );
        assert!(*resolve);
        // Once answered (and collapsed by the bot), nothing more happens.
        let mut answered = triaged(&f, Some(BOT));
        answered.notes.push(note(51, BOT, reply));
        let p = plan(&[], &diff(), &refs(), &[answered.clone()], &s);
        assert_eq!(p.actions, vec![Action::CreateSummary]);
        // A reply that does not count: the finding is still present and gates; the
        // bot-collapsed thread is not reopened.
        let mut s = settings();
        s.dismissals = vec![dismissal(&f, false)];
        let p = plan(std::slice::from_ref(&f), &diff(), &refs(), &[answered], &s);
        assert_eq!(p.actions, vec![Action::CreateSummary]);
        let p = plan(
            std::slice::from_ref(&f),
            &diff(),
            &refs(),
            &[triaged(&f, None)],
            &s,
        );
        assert!(p.actions.iter().any(|a| matches!(
            a,
            Action::Acknowledge { reply, .. } if reply.contains("does not count")
        )));
        assert_eq!(
            count(&p, |a| matches!(a, Action::CreateDiscussion { .. })),
            0
        );
    }

    #[test]
    fn duplicates_keep_the_oldest_of_each_and_drop_repeated_bot_replies() {
        let f = finding(1);
        let mut older = thread("older", BOT, &f, None);
        older.notes[0].id = 3;
        let reply = note;
        older.notes.push(reply(10, BOT, "Fixed in `abc`."));
        older.notes.push(reply(11, 99, "thanks"));
        older.notes.push(reply(12, BOT, "Fixed in `abc`."));
        let mut younger = thread("younger", BOT, &f, None);
        younger.notes[0].id = 8;
        let spoof = thread("spoof", 99, &f, None);
        let summary = |id: u64, author: u64| Thread {
            individual_note: true,
            ..crate::thread::sample(
                &format!("s{id}"),
                vec![reply(id, author, body::SUMMARY_MARKER)],
            )
        };
        // Listed out of id order on purpose: the lowest id is the one kept.
        let existing = [
            younger,
            summary(9, BOT),
            spoof,
            older,
            summary(4, BOT),
            summary(2, 99),
        ];
        assert_eq!(duplicates(&existing, BOT), vec![8, 9, 12]);
        assert!(duplicates(&existing[3..4], BOT) == vec![12]);
    }

    #[test]
    fn each_include_edits_only_its_own_summary() {
        let note = |id: u64, key: &str| Thread {
            individual_note: true,
            ..crate::thread::sample(
                &format!("s{id}"),
                vec![crate::thread::sample_note(
                    id,
                    BOT,
                    &body::summary_marker(key),
                )],
            )
        };
        let existing = [note(3, "summary"), note(5, "summary.sec-app")];
        let mut s = settings();
        s.summary_key = body::summary_key(Some("sec-app"));
        let p = plan(&[], &diff(), &refs(), &existing, &s);
        assert_eq!(
            p.actions,
            vec![Action::UpdateSummary { note_id: 5 }],
            "not the default instance's note, not a thread, not a duplicate"
        );
        let p = plan(&[], &diff(), &refs(), &existing, &settings());
        assert_eq!(p.actions, vec![Action::UpdateSummary { note_id: 3 }]);
        let p = plan(&[], &diff(), &refs(), &existing[..1], &s);
        assert_eq!(p.actions, vec![Action::CreateSummary]);
        // Duplicates are counted per marker: one note of each is no duplicate.
        assert!(duplicates(&existing, BOT).is_empty());
    }
}
