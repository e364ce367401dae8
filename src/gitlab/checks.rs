//! Checks of the bot's token and role, shared by `doctor` (one line each) and `review`
//! (warnings in the summary). Pure: API answers in, verdicts out.

use std::time::SystemTime;

use super::model::TokenInfo;

/// Days before expiry from which a token is reported.
pub const EXPIRY_WARN_DAYS: i64 = 14;

/// How a check came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Passed.
    Ok,
    /// Nothing to fix.
    Info,
    /// Works, but should be fixed.
    Warn,
    /// A needed check failed.
    Fail,
}

/// One line of the report.
#[derive(Debug, Clone)]
pub struct Check {
    /// Outcome.
    pub level: Level,
    /// What was checked.
    pub name: &'static str,
    /// What was found.
    pub detail: String,
    /// What to do about it.
    pub fix: Option<String>,
}

/// A check without a fix hint.
pub fn check(level: Level, name: &'static str, detail: impl Into<String>) -> Check {
    Check {
        level,
        name,
        detail: detail.into(),
        fix: None,
    }
}

impl Check {
    /// Adds the fix hint.
    #[must_use]
    pub fn fix(mut self, fix: impl Into<String>) -> Self {
        self.fix = Some(fix.into());
        self
    }
}

/// Scopes and expiry of the token (T13, T14).
pub fn token_info_checks(info: &TokenInfo, var: &str, today: i64) -> Vec<Check> {
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

/// The bot's access level: Developer is right, Reporter cannot resolve threads,
/// Maintainer and above is more power than a branch-pusher's token should carry.
pub fn role_check(level: u32) -> Check {
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
pub fn parse_date(s: &str) -> Option<i64> {
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

/// Days since 1970-01-01, today (UTC).
pub fn today() -> i64 {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs() / 86_400).unwrap_or(0))
}

/// T13/T14 at the start of a run: the token's expiry and scopes and the bot's role,
/// as warnings for the summary. A 401 stops the run ("GitLab token invalid or
/// expired"), as does an unusable API; 403, 404 or an unknown shape only skip the
/// check (older GitLab, narrow scopes).
pub async fn token_warnings(
    api: &super::Gitlab,
    project: &str,
    token_variable: &str,
) -> Result<Vec<String>, super::ApiFailure> {
    use crate::gitlab::checks::{Level, role_check, today, token_info_checks};
    use crate::gitlab::model::{Member, TokenInfo, User};
    use gitlab::api::personal_access_tokens::PersonalAccessTokenSelf;
    use gitlab::api::projects::members::AllProjectMember;
    use gitlab::api::users::CurrentUser;

    let mut out = Vec::new();
    let mut push = |c: crate::gitlab::checks::Check| {
        if matches!(c.level, Level::Warn | Level::Fail) {
            let fix = c.fix.map(|f| format!("; fix: {f}")).unwrap_or_default();
            out.push(format!("{}: {}{fix}", c.name, c.detail));
        }
    };
    if let Ok(ep) = PersonalAccessTokenSelf::builder().build() {
        match api.get::<TokenInfo>(&ep).await {
            Ok(info) if info.active == Some(false) || info.revoked == Some(true) => {
                return Err(super::ApiFailure::Unauthorized {
                    what: crate::gitlab::request_name(&ep),
                });
            }
            Ok(info) => token_info_checks(&info, token_variable, today())
                .into_iter()
                .for_each(&mut push),
            // Forbidden, not found or an unknown shape: older GitLab or narrow scopes.
            Err(
                super::ApiFailure::Forbidden { .. }
                | super::ApiFailure::NotFound { .. }
                | super::ApiFailure::BadJson { .. },
            ) => {}
            // 401, or GitLab unusable: the diff reads would fail the same way.
            Err(e) => return Err(e),
        }
    }
    let user = match CurrentUser::builder().build() {
        Ok(ep) => api.get_shared::<User>(&ep).await.ok(),
        Err(_) => None,
    };
    if let Some(user) = user
        && let Ok(ep) = AllProjectMember::builder()
            .project(super::project_id(project))
            .user(user.id)
            .build()
        && let Ok(m) = api.get_shared::<Member>(&ep).await
    {
        push(role_check(m.access_level));
    }
    Ok(out)
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
