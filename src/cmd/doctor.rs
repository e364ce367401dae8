//! `mrwarden doctor`: the "connect" step as a command. One line per check, each failed
//! or warning line with the fix. Exit codes (DESIGN.md): 0 every needed check passes,
//! 1 a needed check fails, 3 the API cannot be reached.

use std::fmt::Write as _;

use gitlab::api::personal_access_tokens::PersonalAccessTokenSelf;
use gitlab::api::projects::Project as ProjectEndpoint;
use gitlab::api::projects::members::AllProjectMember;
use gitlab::api::projects::merge_requests::MergeRequest as MergeRequestEndpoint;
use gitlab::api::users::CurrentUser;

use crate::cli::DoctorArgs;
use crate::context::{DoctorContext, EnvFn};
use crate::gitlab::checks::{Check, Level, check, role_check, today, token_info_checks};
use crate::gitlab::endpoints::ServerVersion;
use crate::gitlab::model::{Member, MergeRequest, Project, ServerVersionInfo, TokenInfo, User};
use crate::gitlab::project_id;
use crate::gitlab::{ApiFailure, Gitlab, Session};
use crate::sanitize::terminal_line;

use super::Outcome;

/// Runs `doctor`.
pub fn run(args: &DoctorArgs, env: EnvFn<'_>) -> Outcome {
    let ctx = match DoctorContext::for_doctor(args, env) {
        Ok(c) => c,
        Err(e) => return Outcome::error(&e),
    };
    // One GitLab session for every check (its runtime runs the LLM probe too).
    let session = ctx
        .gitlab
        .as_ref()
        .map(|s| Session::connect(Some(s), &ctx.token_variable).map_err(|e| e.to_string()));
    let work = async {
        let (mut out, unreachable) = checks(&ctx, session.as_ref()).await;
        out.extend(llm_check(&ctx).await);
        (out, unreachable)
    };
    let (checks, unreachable) = match &session {
        Some(Ok(s)) => s.block_on(work),
        _ => match tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
        {
            Ok(rt) => rt.block_on(work),
            Err(e) => (
                vec![check(Level::Fail, "runtime", format!("cannot start: {e}"))],
                true,
            ),
        },
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
async fn checks(
    ctx: &DoctorContext,
    session: Option<&Result<Session, String>>,
) -> (Vec<Check>, bool) {
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
    let api = match session {
        Some(Ok(s)) => s.api(),
        Some(Err(e)) => {
            out.push(check(Level::Fail, "api reachable", e.clone()));
            return (out, true);
        }
        None => return (out, true),
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
        token_checks(api, ctx, &mut out).await;
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
