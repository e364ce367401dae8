//! Triage by reply (DESIGN.md, "Configuration and trust"): `!fp <reason>` or
//! `!accept <reason>` in reply to one of the bot's finding threads dismisses that
//! finding for this merge request. Pure: the MR's discussions, the facts read about the
//! people who replied, and the trusted `triage.min_role` in; the dismissals out.
//!
//! A reply counts for the gate only when all of these hold; otherwise it is listed and
//! the thread is collapsed, but the finding still gates:
//! - the finding is a vulnerability pattern: a secret is never dismissed by a reply (a
//!   committed credential stays leaked; only the target branch's baseline accepts it,
//!   as with suppressions), nor is a finding about the run itself (`mrwarden.*`:
//!   policy changed, not scanned);
//! - it gives a reason;
//! - its author is not the MR's author;
//! - its author is a project member (direct or inherited) with at least `min_role`;
//! - its author is not a committer in the MR. Commits carry only names and e-mail
//!   addresses, so the match is deliberately wide ([`is_committer`]): any commit author
//!   or committer whose name equals the person's name or username, whose e-mail equals
//!   their public e-mail, or whose e-mail's local part (less GitLab's `<id>-` no-reply
//!   prefix) equals their username, is taken to be them. When in doubt it does not count.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::config::Role;
use crate::finding::{Finding, FindingKind, Severity};
use crate::thread::{Note, Thread};

/// The two triage commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Command {
    /// `!fp`: a false positive.
    Fp,
    /// `!accept`: a risk accepted for this MR.
    Accept,
}

impl Command {
    /// The command as typed.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Command::Fp => "!fp",
            Command::Accept => "!accept",
        }
    }
}

/// Longest reason kept (characters); the rest is cut.
const MAX_REASON_CHARS: usize = 200;

/// The triage command of a reply body, with its reason (possibly empty): the first
/// non-blank line must start with `!fp` or `!accept` followed by a space or its end.
pub(crate) fn parse_command(text: &str) -> Option<(Command, String)> {
    let line = text.lines().find(|l| !l.trim().is_empty())?.trim();
    let (cmd, rest) = if let Some(r) = line.strip_prefix("!fp") {
        (Command::Fp, r)
    } else if let Some(r) = line.strip_prefix("!accept") {
        (Command::Accept, r)
    } else {
        return None;
    };
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    let reason: String = rest.trim().chars().take(MAX_REASON_CHARS).collect();
    Some((cmd, reason))
}

/// A person who replied, as the API describes them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Person {
    /// Username.
    pub username: String,
    /// Display name.
    pub name: String,
    /// Public e-mail, when they set one.
    pub public_email: Option<String>,
    /// Project access level (direct or inherited); 0 for no membership.
    pub access_level: u32,
}

/// The author or committer of one commit of the MR.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Identity {
    /// Name as recorded in the commit.
    pub name: String,
    /// E-mail as recorded in the commit.
    pub email: String,
}

/// What was read about the MR and the people who replied.
#[derive(Debug, Clone, Default)]
pub(crate) struct Facts {
    /// The bot's user id: only its threads are triaged, its own notes never count.
    pub bot_id: u64,
    /// The MR's author.
    pub mr_author_id: Option<u64>,
    /// Authors and committers of the MR's commits.
    pub committers: Vec<Identity>,
    /// Everyone who replied with a triage command, by user id.
    pub people: BTreeMap<u64, Person>,
}

/// Why a triage reply does not count for the gate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NotCounted {
    /// A secret or a finding about the run: not dismissable by a reply.
    NotDismissable,
    /// No reason after the command.
    NoReason,
    /// The MR's author wrote it.
    MrAuthor,
    /// Not a member, or a role below `triage.min_role`.
    RoleTooLow,
    /// The author matches a commit author or committer of the MR.
    Committer,
}

impl NotCounted {
    /// For the summary and the thread reply.
    pub(crate) fn describe(self) -> &'static str {
        match self {
            NotCounted::NotDismissable => {
                "secrets and findings about the run itself are not dismissed by a reply (rotate the secret; only the target branch's baseline accepts one)"
            }
            NotCounted::NoReason => "no reason was given",
            NotCounted::MrAuthor => "its author is the merge request's author",
            NotCounted::RoleTooLow => "its author's project role is below triage.min_role",
            NotCounted::Committer => "its author is a committer in this merge request",
        }
    }
}

/// One triage reply on a current finding: who dismissed what, why, and whether it
/// counts for the gate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dismissal {
    /// The finding's fingerprint.
    pub fingerprint: String,
    /// Its rule.
    pub rule_id: String,
    /// Its file.
    pub path: String,
    /// Its first line.
    pub line: u32,
    /// Its severity.
    pub severity: Severity,
    /// `fp` or `accept`.
    pub command: Command,
    /// The replier's username.
    pub by: String,
    /// The reason given (untrusted text: rendered only in code spans).
    pub reason: String,
    /// Whether it takes the finding out of the gate.
    pub counts: bool,
    /// Why it does not count, when it does not.
    pub not_counted: Option<NotCounted>,
    /// The bot thread replied to.
    #[serde(skip)]
    pub discussion_id: String,
    /// The triage note.
    #[serde(skip)]
    pub note_id: u64,
}

/// The bot's finding threads with their fingerprint (not the summary, not anybody
/// else's notes carrying our marker).
fn bot_threads(threads: &[Thread], bot_id: u64) -> impl Iterator<Item = (&str, &Thread)> {
    threads
        .iter()
        .filter_map(move |d| match d.bot_marker(bot_id)? {
            (_, fp) if crate::finding::marker::is_summary_key(fp) => None,
            (_, fp) => Some((fp, d)),
        })
}

/// The triage replies of a thread: notes after the first, by someone other than the bot.
fn triage_replies(d: &Thread, bot_id: u64) -> impl Iterator<Item = (&Note, Command, String)> {
    d.notes.iter().skip(1).filter_map(move |n| {
        if n.system || n.author_id == bot_id {
            return None;
        }
        parse_command(&n.body).map(|(c, r)| (n, c, r))
    })
}

/// Whether a thread has any triage reply (such a thread is never reopened by the bot).
pub(crate) fn has_triage_reply(d: &Thread, bot_id: u64) -> bool {
    triage_replies(d, bot_id).next().is_some()
}

/// The user ids whose role and identity must be read: authors of triage replies on the
/// bot's threads of current findings. Empty means nothing else needs reading.
pub(crate) fn people_to_check(
    discussions: &[Thread],
    findings: &[Finding],
    bot_id: u64,
) -> BTreeSet<u64> {
    let current: BTreeSet<&str> = findings.iter().map(|f| f.fingerprint.as_str()).collect();
    bot_threads(discussions, bot_id)
        .filter(|(fp, _)| current.contains(fp))
        .flat_map(|(_, d)| triage_replies(d, bot_id).map(|(n, _, _)| n.author_id))
        .collect()
}

/// Lower-case, whitespace runs collapsed.
fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether `person` may be the author or committer of any of these commits (a wide
/// match on purpose: a false "yes" only keeps a finding gating).
pub(crate) fn is_committer(person: &Person, committers: &[Identity]) -> bool {
    let username = norm(&person.username);
    let name = norm(&person.name);
    let public = person.public_email.as_deref().map(norm).unwrap_or_default();
    committers.iter().any(|c| {
        let cname = norm(&c.name);
        let email = norm(&c.email);
        let local = email.split('@').next().unwrap_or_default();
        let domain = email.split('@').nth(1).unwrap_or_default();
        // GitLab's private commit e-mail: `<id>-<username>@users.noreply.<host>`.
        let local = if domain.starts_with("users.noreply.") {
            local
                .split_once('-')
                .filter(|(id, _)| id.bytes().all(|b| b.is_ascii_digit()))
                .map_or(local, |(_, u)| u)
        } else {
            local
        };
        (!cname.is_empty() && (cname == name || cname == username))
            || (!public.is_empty() && email == public)
            || (!local.is_empty() && local == username)
    })
}

fn verdict(
    f: &Finding,
    n: &Note,
    reason: &str,
    facts: &Facts,
    min_role: Role,
) -> Option<NotCounted> {
    let person = facts.people.get(&n.author_id);
    if f.kind != FindingKind::Vulnerability {
        Some(NotCounted::NotDismissable)
    } else if reason.is_empty() {
        Some(NotCounted::NoReason)
    } else if facts.mr_author_id == Some(n.author_id) {
        Some(NotCounted::MrAuthor)
    } else if person.is_none_or(|p| p.access_level < min_role.access_level()) {
        Some(NotCounted::RoleTooLow)
    } else if person.is_none_or(|p| is_committer(p, &facts.committers)) {
        Some(NotCounted::Committer)
    } else {
        None
    }
}

/// The dismissals of this run: for each current finding with a bot thread holding
/// triage replies, the first reply that counts, else the newest one (which then only
/// collapses the thread). In finding order.
pub(crate) fn decide(
    discussions: &[Thread],
    findings: &[Finding],
    facts: &Facts,
    min_role: Role,
) -> Vec<Dismissal> {
    // The oldest thread of a fingerprint is the one that stays (younger ones are
    // duplicates the publisher deletes).
    let mut threads: BTreeMap<&str, &Thread> = BTreeMap::new();
    for (fp, d) in bot_threads(discussions, facts.bot_id) {
        threads.entry(fp).or_insert(d);
    }
    let mut out = Vec::new();
    for f in findings {
        let Some(d) = threads.get(f.fingerprint.as_str()) else {
            continue;
        };
        let judged: Vec<_> = triage_replies(d, facts.bot_id)
            .map(|(n, cmd, reason)| {
                let why = verdict(f, n, &reason, facts, min_role);
                (n, cmd, reason, why)
            })
            .collect();
        let chosen = judged
            .iter()
            .find(|(_, _, _, why)| why.is_none())
            .or_else(|| judged.last());
        let Some((n, cmd, reason, why)) = chosen else {
            continue;
        };
        out.push(Dismissal {
            fingerprint: f.fingerprint.as_str().to_string(),
            rule_id: f.rule_id.clone(),
            path: f.path.clone(),
            line: f.start_line,
            severity: f.severity,
            command: *cmd,
            by: n.username.clone(),
            reason: reason.clone(),
            counts: why.is_none(),
            not_counted: *why,
            discussion_id: d.id.clone(),
            note_id: n.id,
        });
    }
    out
}

/// Takes the findings that counting dismissals cover out of `findings` (they stay
/// listed in the dismissals); returns how many were taken out.
pub(crate) fn apply(findings: &mut Vec<Finding>, dismissals: &[Dismissal]) -> usize {
    let gone: BTreeSet<&str> = dismissals
        .iter()
        .filter(|d| d.counts)
        .map(|d| d.fingerprint.as_str())
        .collect();
    let before = findings.len();
    findings.retain(|f| !gone.contains(f.fingerprint.as_str()));
    before - findings.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOT: u64 = 77;
    const AUTHOR: u64 = 5;
    const MAINTAINER: u64 = 6;
    const DEVELOPER: u64 = 8;
    const COMMITTER: u64 = 9;

    fn finding(line: u32) -> Finding {
        crate::finding::sample(line)
    }

    use crate::thread::{sample as discussion, sample_note as note};

    fn thread(id: &str, f: &Finding, replies: &[(u64, &str)]) -> Thread {
        let mut notes = vec![note(1, BOT, &crate::publish::body::inline(f, None))];
        for (i, (a, b)) in replies.iter().enumerate() {
            notes.push(note(10 + i as u64, *a, b));
        }
        discussion(id, notes)
    }

    fn person(username: &str, name: &str, level: u32) -> Person {
        Person {
            username: username.into(),
            name: name.into(),
            public_email: None,
            access_level: level,
        }
    }

    fn facts() -> Facts {
        let mut people = BTreeMap::new();
        people.insert(AUTHOR, person("u5", "Ann Author", 40));
        people.insert(MAINTAINER, person("u6", "Max Maintainer", 40));
        people.insert(DEVELOPER, person("u8", "Dev Eloper", 30));
        people.insert(COMMITTER, person("u9", "Cora Committer", 50));
        Facts {
            bot_id: BOT,
            mr_author_id: Some(AUTHOR),
            committers: vec![Identity {
                name: "cora  committer".into(),
                email: "cora@example.com".into(),
            }],
            people,
        }
    }

    #[test]
    fn commands_parse_with_their_reason() {
        assert_eq!(
            parse_command("  !fp test fixture only\nmore"),
            Some((Command::Fp, "test fixture only".into()))
        );
        assert_eq!(
            parse_command("!accept"),
            Some((Command::Accept, String::new()))
        );
        assert_eq!(parse_command("!fpx no"), None);
        assert_eq!(parse_command("I think !fp"), None);
        assert_eq!(parse_command(""), None);
        let long = format!("!fp {}", "x".repeat(500));
        assert_eq!(
            parse_command(&long).map(|(_, r)| r.len()),
            Some(MAX_REASON_CHARS)
        );
    }

    #[test]
    fn only_a_maintainer_who_did_not_commit_counts() {
        let f = finding(1);
        for (who, want) in [
            (AUTHOR, Some(NotCounted::MrAuthor)),
            (DEVELOPER, Some(NotCounted::RoleTooLow)),
            (COMMITTER, Some(NotCounted::Committer)),
            (1234, Some(NotCounted::RoleTooLow)),
            (MAINTAINER, None),
        ] {
            let d = [thread("d", &f, &[(who, "!fp test data")])];
            let got = decide(&d, std::slice::from_ref(&f), &facts(), Role::Maintainer);
            assert_eq!(got.len(), 1, "{who}");
            assert_eq!(got[0].not_counted, want, "{who}");
            assert_eq!(got[0].counts, want.is_none());
            assert_eq!(got[0].reason, "test data");
        }
        // A lower min_role lets the developer count.
        let d = [thread("d", &f, &[(DEVELOPER, "!accept known risk")])];
        let got = decide(&d, std::slice::from_ref(&f), &facts(), Role::Developer);
        assert!(got[0].counts);
        assert_eq!(got[0].command, Command::Accept);
        // Never a secret, never a finding about the run, whoever replies.
        for kind in [FindingKind::Secret, FindingKind::Meta] {
            let mut f = f.clone();
            f.kind = kind;
            let d = [thread("d", &f, &[(MAINTAINER, "!fp test key")])];
            let got = decide(&d, std::slice::from_ref(&f), &facts(), Role::Maintainer);
            assert_eq!(got[0].not_counted, Some(NotCounted::NotDismissable));
        }
    }

    #[test]
    fn the_first_counting_reply_wins_and_no_reason_never_counts() {
        let f = finding(1);
        let d = [thread(
            "d",
            &f,
            &[
                (AUTHOR, "!fp mine"),
                (MAINTAINER, "!fp"),
                (MAINTAINER, "!fp reviewed: dead code"),
                (DEVELOPER, "!fp me too"),
            ],
        )];
        let got = decide(&d, std::slice::from_ref(&f), &facts(), Role::Maintainer);
        assert_eq!(got.len(), 1);
        assert!(got[0].counts);
        assert_eq!(got[0].note_id, 12);
        let d = [thread("d", &f, &[(MAINTAINER, "!fp")])];
        let got = decide(&d, std::slice::from_ref(&f), &facts(), Role::Maintainer);
        assert_eq!(got[0].not_counted, Some(NotCounted::NoReason));
    }

    #[test]
    fn human_threads_spoofed_markers_and_gone_findings_do_nothing() {
        let f = finding(1);
        let mut spoof = thread("s", &f, &[(MAINTAINER, "!fp spoofed")]);
        spoof.notes[0].author_id = AUTHOR;
        let human = discussion(
            "h",
            vec![
                note(1, AUTHOR, "question"),
                note(2, MAINTAINER, "!fp whatever"),
            ],
        );
        let got = decide(
            &[spoof, human],
            std::slice::from_ref(&f),
            &facts(),
            Role::Maintainer,
        );
        assert!(got.is_empty());
        let gone = finding(2);
        let d = [thread("d", &gone, &[(MAINTAINER, "!fp ok")])];
        assert!(decide(&d, std::slice::from_ref(&f), &facts(), Role::Maintainer).is_empty());
        assert!(people_to_check(&d, &[f], BOT).is_empty());
        assert_eq!(
            people_to_check(&d, &[gone], BOT),
            BTreeSet::from([MAINTAINER])
        );
    }

    #[test]
    fn committers_match_widely() {
        let p = Person {
            username: "max".into(),
            name: "Max Mustermann".into(),
            public_email: Some("Max@Corp.example".into()),
            access_level: 40,
        };
        let id = |name: &str, email: &str| Identity {
            name: name.into(),
            email: email.into(),
        };
        assert!(is_committer(&p, &[id("MAX  mustermann", "x@y")]));
        assert!(is_committer(&p, &[id("someone", "max@corp.example")]));
        assert!(is_committer(&p, &[id("someone", "max@elsewhere.example")]));
        assert!(is_committer(
            &p,
            &[id("someone", "123-max@users.noreply.gitlab.example")]
        ));
        assert!(is_committer(&p, &[id("max", "a@b")]));
        assert!(!is_committer(&p, &[id("Erika", "erika@corp.example")]));
        assert!(!is_committer(&p, &[id("", "")]));
    }

    #[test]
    fn apply_takes_out_only_counting_dismissals() {
        let (a, b) = (finding(1), finding(2));
        let d = [
            thread("a", &a, &[(MAINTAINER, "!fp fine")]),
            thread("b", &b, &[(AUTHOR, "!fp fine")]),
        ];
        let dismissals = decide(&d, &[a.clone(), b.clone()], &facts(), Role::Maintainer);
        let mut findings = vec![a, b.clone()];
        assert_eq!(apply(&mut findings, &dismissals), 1);
        assert_eq!(findings, vec![b]);
    }
}
