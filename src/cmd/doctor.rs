//! `mrwarden doctor`: the "connect" step as a command. One line per check, each failed
//! or warning line with the fix. Exit codes (DESIGN.md): 0 every needed check passes,
//! 1 a needed check fails, 3 the API cannot be reached.

use std::fmt::Write as _;
use std::time::SystemTime;

use gitlab::api::personal_access_tokens::PersonalAccessTokenSelf;
use gitlab::api::projects::Project as ProjectEndpoint;
use gitlab::api::projects::members::AllProjectMember;
use gitlab::api::projects::merge_requests::MergeRequest as MergeRequestEndpoint;
use gitlab::api::users::CurrentUser;

use crate::cli::DoctorArgs;
use crate::context::{DoctorContext, EnvFn};
use crate::diff::source::api::project_id;
use crate::gitlab::endpoints::ServerVersion;
use crate::gitlab::model::{Member, MergeRequest, Project, ServerVersionInfo, TokenInfo, User};
use crate::gitlab::{ApiFailure, Client, Gitlab};
use crate::sanitize::terminal_line;

use super::Outcome;

/// Days before expiry from which a token is reported.
const EXPIRY_WARN_DAYS: i64 = 14;

/// How a check came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    Ok,
    Info,
    Warn,
    Fail,
}

/// One line of the report.
#[derive(Debug, Clone)]
struct Check {
    level: Level,
    name: &'static str,
    detail: String,
    fix: Option<String>,
}

fn check(level: Level, name: &'static str, detail: impl Into<String>) -> Check {
    Check {
        level,
        name,
        detail: detail.into(),
        fix: None,
    }
}

impl Check {
    fn fix(mut self, fix: impl Into<String>) -> Self {
        self.fix = Some(fix.into());
        self
    }
}

/// Runs `doctor`.
pub fn run(args: &DoctorArgs, env: EnvFn<'_>) -> Outcome {
    let ctx = match DoctorContext::for_doctor(args, env) {
        Ok(c) => c,
        Err(e) => return Outcome::error(&e),
    };
    let (checks, unreachable) = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt.block_on(async {
            let (mut out, unreachable) = checks(&ctx).await;
            out.extend(llm_check(&ctx).await);
            (out, unreachable)
        }),
        Err(e) => (
            vec![check(Level::Fail, "runtime", format!("cannot start: {e}"))],
            true,
        ),
    };
    let mut stdout = String::new();
    for c in &checks {
        let level = match c.level {
            Level::Ok => "ok",
            Level::Info => "info",
            Level::Warn => "warn",
            Level::Fail => "FAIL",
        };
        let _ = write!(
            stdout,
            "{level:<5} {}: {}",
            c.name,
            terminal_line(&c.detail)
        );
        if let Some(fix) = &c.fix {
            let _ = write!(stdout, "; fix: {fix}");
        }
        stdout.push('\n');
    }
    let code = if unreachable {
        3
    } else {
        u8::from(checks.iter().any(|c| c.level == Level::Fail))
    };
    Outcome {
        stdout,
        stderr: Vec::new(),
        code,
    }
}

/// All checks, and whether the API was unreachable.
async fn checks(ctx: &DoctorContext) -> (Vec<Check>, bool) {
    let var = ctx.token_variable.as_str();
    let mut out = vec![pipeline_check(ctx)];
    let settings = match (&ctx.gitlab, &ctx.api_problem) {
        (Some(s), _) => s.clone(),
        (None, problem) => {
            out.push(
                check(Level::Fail, "api url", problem.clone().unwrap_or_default()).fix(
                    "use the CI_API_V4_URL GitLab sets, or MRWARDEN_GITLAB_URL=https://host/api/v4",
                ),
            );
            return (out, false);
        }
    };
    let has_token = settings.token.is_some();
    out.push(match (&ctx.token_problem, has_token) {
        (Some(p), _) => check(Level::Fail, "token", p.clone()),
        (None, false) => check(Level::Fail, "token", format!("{var} is not set")).fix(format!(
            "create a project access token or service-account token (role Developer, scope api) and store it as the masked, hidden, not protected CI/CD variable {var}"
        )),
        (None, true) => check(Level::Ok, "token", format!("{var} is set")),
    });
    let host = settings.api_url.host_str().unwrap_or_default().to_string();
    let api = match Client::new(settings) {
        Ok(c) => Gitlab::new(c),
        Err(e) => {
            out.push(check(Level::Fail, "api reachable", e.to_string()));
            return (out, true);
        }
    };
    match api.get::<ServerVersionInfo>(&ServerVersion).await {
        Ok(v) => out.push(check(
            Level::Ok,
            "api reachable",
            format!("GitLab {} at {host}", v.version),
        )),
        Err(e @ (ApiFailure::Transport(_) | ApiFailure::NotJson { .. })) => {
            out.push(check(Level::Fail, "api reachable", e.to_string()));
            return (out, true);
        }
        // Any JSON answer from GitLab proves reachability; the token checks say the rest.
        Err(_) => out.push(check(
            Level::Ok,
            "api reachable",
            format!("GitLab answered at {host}"),
        )),
    }
    if has_token {
        token_checks(&api, ctx, &mut out).await;
    }
    (out, false)
}

/// The LLM endpoint, when `MRWARDEN_LLM_*` configures one: variables that `review`
/// would stop on fail; an unreachable endpoint only warns (the LLM pass is soft).
async fn llm_check(ctx: &DoctorContext) -> Option<Check> {
    match &ctx.llm {
        Ok(None) => None,
        Err(problem) => Some(check(Level::Fail, "llm", problem.clone())),
        Ok(Some(settings)) => Some(match crate::analyze::llm::http::probe(settings).await {
            Ok(detail) => check(
                Level::Ok,
                "llm",
                format!(
                    "{detail}; model {}, key {}",
                    settings.model,
                    if settings.key.is_some() { "set" } else { "not set" }
                ),
            ),
            Err(e) => check(Level::Warn, "llm", e.to_string()).fix(
                "check MRWARDEN_LLM_URL (the API root), MRWARDEN_LLM_API_KEY and the proxy/CA variables; review runs without the LLM meanwhile",
            ),
        }),
    }
}

fn pipeline_check(ctx: &DoctorContext) -> Check {
    match (&ctx.mr, ctx.pipeline_source.as_deref()) {
        (Some(mr), _) => check(
            Level::Ok,
            "pipeline",
            format!(
                "merge-request pipeline for !{} ({})",
                mr.iid,
                ctx.event_type.as_deref().unwrap_or("detached")
            ),
        ),
        (None, source) => check(
            Level::Warn,
            "pipeline",
            format!(
                "not a merge-request pipeline (CI_PIPELINE_SOURCE={}): review only writes empty reports here",
                source.unwrap_or("unset")
            ),
        )
        .fix("run the job in merge-request pipelines: rules: - if: $CI_PIPELINE_SOURCE == \"merge_request_event\""),
    }
}

async fn token_checks(api: &Gitlab, ctx: &DoctorContext, out: &mut Vec<Check>) {
    let var = ctx.token_variable.as_str();
    // Builders without required fields cannot fail; a failure would skip the check.
    let (Ok(me), Ok(token_self)) = (
        CurrentUser::builder().build(),
        PersonalAccessTokenSelf::builder().build(),
    ) else {
        return;
    };
    let user: User = match api.get(&me).await {
        Ok(u) => u,
        Err(ApiFailure::Unauthorized { .. }) => {
            out.push(
                check(
                    Level::Fail,
                    "token valid",
                    "GitLab token invalid or expired (HTTP 401 from GET user)",
                )
                .fix(format!("create a new token and store it in {var}")),
            );
            return;
        }
        Err(e) => {
            out.push(check(Level::Fail, "token valid", e.to_string()));
            return;
        }
    };
    let kind = if user.bot == Some(true) {
        "bot account"
    } else {
        "user account"
    };
    out.push(check(
        Level::Ok,
        "token valid",
        format!(
            "authenticated as @{} (id {}, {kind})",
            user.username, user.id
        ),
    ));
    match api.get::<TokenInfo>(&token_self).await {
        Ok(info) => out.extend(token_info_checks(&info, var, today())),
        Err(ApiFailure::Forbidden { .. } | ApiFailure::NotFound { .. }) => out.push(check(
            Level::Info,
            "token scopes",
            "skipped: GitLab does not answer GET personal_access_tokens/self here (older GitLab or a narrow scope)",
        )),
        Err(e) => out.push(check(Level::Warn, "token scopes", e.to_string())),
    }
    project_checks(api, ctx, user.id, out).await;
}

/// The project, the bot's role in it, and the merge request.
async fn project_checks(api: &Gitlab, ctx: &DoctorContext, user_id: u64, out: &mut Vec<Check>) {
    let Some(project) = ctx.project.as_deref() else {
        out.push(check(
            Level::Warn,
            "project",
            "CI_PROJECT_ID is not set: project checks skipped",
        ));
        return;
    };
    let Ok(ep) = ProjectEndpoint::builder()
        .project(project_id(project))
        .build()
    else {
        return;
    };
    match api.get::<Project>(&ep).await {
        Ok(p) => out.push(check(
            Level::Ok,
            "project",
            format!("{} (id {})", p.path_with_namespace, p.id),
        )),
        Err(e) => {
            out.push(check(Level::Fail, "project", e.to_string()));
            return;
        }
    }
    if let Ok(ep) = AllProjectMember::builder()
        .project(project_id(project))
        .user(user_id)
        .build()
    {
        out.push(match api.get::<Member>(&ep).await {
            Ok(m) => role_check(m.access_level),
            Err(ApiFailure::NotFound { .. }) => check(
                Level::Fail,
                "role",
                "the bot is not a member of this project",
            )
            .fix("add the bot to this project only, with role Developer"),
            Err(e) => check(Level::Warn, "role", e.to_string()),
        });
    }
    if let Some(mr) = &ctx.mr
        && let Ok(ep) = MergeRequestEndpoint::builder()
            .project(project_id(&mr.project))
            .merge_request(mr.iid)
            .build()
    {
        out.push(match api.get::<MergeRequest>(&ep).await {
            Ok(m) if m.state == "opened" => {
                check(Level::Ok, "merge request", format!("!{} is open", m.iid))
            }
            Ok(m) => check(
                Level::Info,
                "merge request",
                format!("!{} is {}: nothing to review", m.iid, m.state),
            ),
            Err(e) => check(Level::Fail, "merge request", e.to_string()),
        });
    }
}

/// Scopes and expiry of the token (T13, T14).
fn token_info_checks(info: &TokenInfo, var: &str, today: i64) -> Vec<Check> {
    let mut out = Vec::new();
    let rotate = format!("create a new token and store it in {var}");
    if info.active == Some(false) || info.revoked == Some(true) {
        out.push(
            check(
                Level::Fail,
                "token expiry",
                "the token is revoked or expired",
            )
            .fix(rotate.clone()),
        );
    }
    if info.scopes.iter().any(|s| s == "api") {
        out.push(check(Level::Ok, "token scopes", "api"));
    } else {
        out.push(
            check(
                Level::Fail,
                "token scopes",
                format!("api missing (has: {})", info.scopes.join(", ")),
            )
            .fix("create the token with scope api (read_api cannot post comments)"),
        );
    }
    let surplus: Vec<&str> = info
        .scopes
        .iter()
        .map(String::as_str)
        .filter(|s| !matches!(*s, "api" | "read_api"))
        .collect();
    if !surplus.is_empty() {
        out.push(
            check(
                Level::Warn,
                "token scopes",
                format!("more than needed: {}", surplus.join(", ")),
            )
            .fix("create a token with scope api only"),
        );
    }
    match info.expires_at.as_deref() {
        None => out.push(
            check(Level::Warn, "token expiry", "the token never expires")
                .fix("set the shortest practical expiry and rotate it"),
        ),
        Some(date) => match parse_date(date) {
            Some(day) if day < today => {
                out.push(
                    check(Level::Fail, "token expiry", format!("expired on {date}")).fix(rotate),
                );
            }
            Some(day) if day - today <= EXPIRY_WARN_DAYS => out.push(
                check(
                    Level::Warn,
                    "token expiry",
                    format!("expires in {} days ({date})", day - today),
                )
                .fix(rotate),
            ),
            Some(_) => out.push(check(
                Level::Ok,
                "token expiry",
                format!("expires on {date}"),
            )),
            None => out.push(check(
                Level::Warn,
                "token expiry",
                format!("unreadable expiry date {date:?}"),
            )),
        },
    }
    out
}

fn role_check(level: u32) -> Check {
    match level {
        30 => check(Level::Ok, "role", "Developer (30)"),
        l if l >= 40 => check(
            Level::Warn,
            "role",
            format!("access level {l} is more than needed: a leaked token could merge, push to protected branches or change settings"),
        )
        .fix("give the bot role Developer (30)"),
        20 => check(Level::Warn, "role", "Reporter (20): can comment but cannot resolve threads")
            .fix("give the bot role Developer (30)"),
        l => check(Level::Fail, "role", format!("access level {l} cannot comment on merge requests"))
            .fix("give the bot role Developer (30)"),
    }
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date.
fn parse_date(s: &str) -> Option<i64> {
    let mut it = s.get(..10)?.split('-');
    let y: i64 = it.next()?.parse().ok()?;
    let m: i64 = it.next()?.parse().ok()?;
    let d: i64 = it.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

fn today() -> i64 {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs() / 86_400).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(scopes: &[&str], expires: Option<&str>) -> TokenInfo {
        TokenInfo {
            scopes: scopes.iter().map(ToString::to_string).collect(),
            expires_at: expires.map(str::to_string),
            active: Some(true),
            revoked: Some(false),
        }
    }

    fn levels(checks: &[Check]) -> Vec<(Level, String)> {
        checks.iter().map(|c| (c.level, c.detail.clone())).collect()
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("1970-01-01"), Some(0));
        assert_eq!(parse_date("2000-03-01"), Some(11_017));
        assert_eq!(parse_date("2024-02-29"), Some(19_782));
        assert_eq!(parse_date("nope"), None);
    }

    #[test]
    fn expiry_and_scopes() {
        let today = parse_date("2026-01-10").expect("date");
        let c = token_info_checks(&info(&["api"], Some("2026-01-13")), "V", today);
        assert!(
            levels(&c).contains(&(Level::Warn, "expires in 3 days (2026-01-13)".into())),
            "{c:?}"
        );
        let c = token_info_checks(&info(&["api"], Some("2026-01-09")), "V", today);
        assert!(c.iter().any(|c| c.level == Level::Fail), "{c:?}");
        let c = token_info_checks(&info(&["api"], None), "V", today);
        assert!(levels(&c).contains(&(Level::Warn, "the token never expires".into())));
        let c = token_info_checks(&info(&["read_api"], Some("2027-01-01")), "V", today);
        assert!(
            c.iter()
                .any(|c| c.level == Level::Fail && c.detail.starts_with("api missing"))
        );
        let c = token_info_checks(
            &info(&["api", "write_repository", "sudo"], Some("2027-01-01")),
            "V",
            today,
        );
        assert!(levels(&c).contains(&(
            Level::Warn,
            "more than needed: write_repository, sudo".into()
        )));
    }

    #[test]
    fn roles() {
        assert_eq!(role_check(30).level, Level::Ok);
        assert_eq!(role_check(20).level, Level::Warn);
        assert!(role_check(40).detail.contains("40"));
        assert_eq!(role_check(40).level, Level::Warn);
        assert_eq!(role_check(10).level, Level::Fail);
    }
}
