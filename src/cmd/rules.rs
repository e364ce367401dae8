//! `mrwarden rules list`, `mrwarden rules test` and `mrwarden rules tree`.

use std::fmt::Write;

use crate::analyze::fixtures;
use crate::cli::{RulesCommand, RulesListArgs, RulesTestArgs, RulesTreeArgs};
use crate::error::Error;
use crate::rules;

use super::Outcome;

/// Dispatches the `rules` subcommands.
pub fn run(cmd: &RulesCommand) -> Outcome {
    match cmd {
        RulesCommand::List(a) => list(a).unwrap_or_else(|e| Outcome::error(&e)),
        RulesCommand::Test(a) => test(a).unwrap_or_else(|e| Outcome::error(&e)),
        RulesCommand::Tree(a) => tree(a).unwrap_or_else(|e| Outcome::error(&e)),
    }
}

/// Largest file `rules tree` parses.
const TREE_MAX_BYTES: u64 = 2 << 20;
/// Most nodes it prints.
const TREE_MAX_NODES: usize = 20_000;

fn tree(args: &RulesTreeArgs) -> Result<Outcome, Error> {
    use crate::syntax::Lang;
    let lang = match &args.lang {
        Some(name) => Lang::ALL
            .into_iter()
            .find(|l| l.name() == name || (name == "bash" && *l == Lang::Bash))
            .filter(|l| l.available())
            .ok_or_else(|| Error::Usage(format!("unknown or compiled-out grammar {name:?}")))?,
        None => Lang::for_path(&args.file.to_string_lossy()).ok_or_else(|| {
            Error::Usage(format!(
                "no grammar for {}; pass --lang",
                args.file.display()
            ))
        })?,
    };
    let size = std::fs::metadata(&args.file)
        .map_err(|e| Error::Usage(format!("cannot read {}: {e}", args.file.display())))?
        .len();
    if size > TREE_MAX_BYTES {
        return Err(Error::Usage(format!(
            "{} is {size} bytes; rules tree prints files up to {TREE_MAX_BYTES}",
            args.file.display()
        )));
    }
    let bytes = std::fs::read(&args.file)
        .map_err(|e| Error::Usage(format!("cannot read {}: {e}", args.file.display())))?;
    let text = String::from_utf8_lossy(&bytes);
    let parsed = lang.parse(&text);
    let mut out = String::new();
    let mut count = 0;
    let mut stack = vec![(parsed.root(), 0usize, None::<String>)];
    while let Some((node, depth, field)) = stack.pop() {
        if count >= TREE_MAX_NODES {
            let _ = writeln!(out, "… (stopped after {TREE_MAX_NODES} nodes)");
            break;
        }
        count += 1;
        let (first, _) = crate::syntax::lines(&node);
        let excerpt: String = node.text().chars().take(60).collect();
        let _ = writeln!(
            out,
            "{}{}{} @{first} {}",
            "  ".repeat(depth.min(60)),
            field.map(|f| format!("{f}: ")).unwrap_or_default(),
            node.kind(),
            crate::sanitize::terminal_line(&format!("{excerpt:?}"))
        );
        let kids: Vec<_> = node
            .children()
            .enumerate()
            .filter(|(_, c)| c.is_named())
            .map(|(i, c)| {
                let f = node
                    .get_inner_node()
                    .field_name_for_child(u32::try_from(i).unwrap_or(u32::MAX))
                    .map(str::to_string);
                (c, depth + 1, f)
            })
            .collect();
        stack.extend(kids.into_iter().rev());
    }
    Ok(Outcome {
        stdout: out,
        ..Outcome::default()
    })
}

fn engine(r: &rules::CompiledRule) -> &'static str {
    match (&r.spec.ast, &r.spec.taint) {
        (Some(_), _) => "ast",
        (_, Some(_)) => "taint",
        _ => "line",
    }
}

/// Rules per language (rows) and category (columns: a vulnerability rule's first tag;
/// `secret` for credentials).
fn counts(out: &mut String, set: &rules::RuleSet) {
    use std::collections::{BTreeMap, BTreeSet};
    let mut table: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    let mut cats = BTreeSet::new();
    for r in &set.rules {
        let cat = if r.spec.kind == rules::RuleKind::Secret {
            "secret".to_string()
        } else {
            r.spec
                .tags
                .first()
                .cloned()
                .unwrap_or_else(|| "other".into())
        };
        let langs = if r.spec.languages.is_empty() {
            vec!["any".to_string()]
        } else {
            r.spec.languages.clone()
        };
        for l in langs {
            *table.entry(l).or_default().entry(cat.clone()).or_default() += 1;
        }
        cats.insert(cat);
    }
    let _ = writeln!(out, "\nRules per language and category:");
    for (lang, row) in &table {
        let total: usize = row.values().sum();
        let cells: Vec<String> = cats
            .iter()
            .filter_map(|c| row.get(c).map(|n| format!("{c} {n}")))
            .collect();
        let _ = writeln!(out, "  {lang:<14} {total:>4}  {}", cells.join(", "));
    }
}

fn list(args: &RulesListArgs) -> Result<Outcome, Error> {
    let config = crate::config::load_local(std::path::Path::new("."), args.config.as_deref())?;
    let custom = config
        .config
        .custom_rules
        .iter()
        .map(|p| rules::read_pack(p))
        .collect::<Result<Vec<_>, _>>()?;
    let set = rules::load(&custom)?;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<40} {:<9} {:<6} {:<22} TITLE",
        "ID", "SEVERITY", "ENGINE", "LANGUAGES"
    );
    for r in &set.rules {
        let langs = if r.spec.languages.is_empty() && r.spec.paths.is_empty() {
            "any".to_string()
        } else if r.spec.languages.is_empty() {
            r.spec.paths.join(",")
        } else {
            r.spec.languages.join(",")
        };
        let _ = writeln!(
            out,
            "{:<40} {:<9} {:<6} {:<22} {}",
            r.spec.id,
            r.spec.severity.as_str(),
            engine(r),
            langs,
            r.spec.title
        );
    }
    let _ = writeln!(out, "{} rules", set.rules.len());
    counts(&mut out, &set);
    Ok(Outcome {
        stdout: out,
        ..Outcome::default()
    })
}

fn test(args: &RulesTestArgs) -> Result<Outcome, Error> {
    let (packs, files) = match &args.dir {
        Some(dir) => fixtures::from_dir(dir)?,
        None => fixtures::builtin()?,
    };
    let report = fixtures::run(&packs, &files)?;
    let mut out = String::new();
    for f in &report.failures {
        let _ = writeln!(out, "FAIL {}", crate::sanitize::terminal_line(f));
    }
    let _ = writeln!(
        out,
        "{} rules, {} fixture cases, {} failures",
        report.rules,
        report.cases,
        report.failures.len()
    );
    Ok(Outcome {
        stdout: out,
        stderr: Vec::new(),
        code: u8::from(!report.failures.is_empty()),
    })
}
