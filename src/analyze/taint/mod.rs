//! The intra-procedural taint engine: sources, sinks, sanitizers and propagators are
//! `ast:` matchers (a rule's `taint:` block); the engine follows values through one
//! function at a time.
//!
//! For each outermost function that holds an added line (and the file's top-level code
//! as one pseudo-function), one forward pass in source order keeps a map from access
//! path (`x`, `x.y`, `x.y.z`: at most two fields deep) to the trace that tainted it.
//! Assignments, compound assignments, `for x in tainted` and receiver-filling calls
//! (`sb.append(x)`) move taint; an expression is tainted when it is a source, a tainted
//! path, or holds a tainted part (concatenation, interpolation, `format`, `%`, `join`,
//! template literals and calls all pass taint on) — unless it is a sanitizer, a clean
//! call (`int()`, `parseInt`, `strconv.Atoi`, `len`, …), a comparison or arithmetic, or a
//! constant. Updates inside a branch are weak (both arms are merged by union); loops run
//! to a fixpoint (at most [`LOOP_ROUNDS`] rounds). Nested functions (closures, callbacks)
//! are followed inline. Everything is bounded by counts — [`STEP_BUDGET`] node visits
//! per function and [`MAX_DEPTH`] levels of nesting — never by time, so results are
//! deterministic; a function over budget gets a note.
//!
//! A flow is reported when one of its steps (source, assignment or sink) is on an added
//! line, anchored on the sink line if that was added, else on the last added step; one
//! finding per (rule, sink).

pub mod model;

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use crate::analyze::code::CodeFile;
use crate::analyze::structural::{FileRules, text_of_line, tree_finding};
use crate::coverage::{FileNote, NoteReason};
use crate::finding::{Finding, FlowRole, FlowStep};
use crate::rules::tree::{CLEAN_VAR, FROM_VAR, SINK_VAR, TO_VAR, TaintMatchers};
use crate::rules::{CompiledRule, RuleSet};
use crate::syntax::{Lang, Matcher, Node, Tree, Walker, lines};
use model::{CLEAN_OPERATORS, MUTATORS, Model};

/// Node visits allowed per function and rule.
pub const STEP_BUDGET: u32 = 60_000;
/// Deepest nesting followed (statements and expressions).
pub const MAX_DEPTH: u32 = 200;
/// Most rounds a loop body is run for its fixpoint.
pub const LOOP_ROUNDS: u32 = 3;
/// Most steps kept in a trace (the source and the last ones before the sink).
const MAX_TRACE: usize = 8;
/// Longest code shown for one flow step, in characters.
const STEP_CODE_CHARS: usize = 120;

/// What the taint engine found in one file, and what it could not finish.
#[derive(Debug, Default)]
pub struct Outcome {
    /// One finding per (rule, sink), anchored per DESIGN.md.
    pub findings: Vec<Finding>,
    /// Functions over the step budget and the like.
    pub notes: Vec<FileNote>,
}

/// Taint findings of one parsed file, for the taint rules among `selected`.
pub fn scan(file: &CodeFile, tree: &Tree, rules: &RuleSet, selected: &FileRules<'_>) -> Outcome {
    let taint_rules: Vec<(&CompiledRule, &TaintMatchers)> = selected
        .rules
        .iter()
        .filter_map(|(_, r, m)| m.taint.as_ref().map(|t| (*r, t)))
        .collect();
    let mut out = Outcome::default();
    if taint_rules.is_empty() {
        return out;
    }
    let model = model::model(file.lang);
    let all_matches = match_all(tree, &taint_rules);
    let roots = roots(tree, file, model);
    let mut occurrences = HashMap::new();
    let mut over_budget = false;
    for (k, (rule, _)) in taint_rules.iter().enumerate() {
        let m = &all_matches[k];
        if m.sinks.is_empty() || (m.sources.is_empty() && m.params.is_empty()) {
            continue;
        }
        let mut hits: Vec<SinkHit> = Vec::new();
        let mut seen = HashSet::new();
        for (root, pseudo) in &roots {
            // Hits come only from sinks the walk of this root visits: a function holding
            // none of the rule's sinks cannot report, so it is not walked for the rule.
            let span = root.range();
            if !m
                .sinks
                .keys()
                .any(|&(start, end, _)| start >= span.start && end <= span.end)
            {
                continue;
            }
            let mut cx = Cx {
                file,
                model,
                m,
                root: root.clone(),
                pseudo: *pseudo,
                state: HashMap::new(),
                consts: HashMap::new(),
                weak: 0,
                steps: 0,
                depth: 0,
                over: false,
                hits: Vec::new(),
            };
            cx.enter_params();
            cx.exec(root);
            over_budget |= cx.over;
            for hit in cx.hits {
                if seen.insert(hit.key) {
                    hits.push(hit);
                }
            }
        }
        for hit in hits {
            if let Some(f) = report(rule, file, rules, &hit, &mut occurrences) {
                out.findings.push(f);
            }
        }
    }
    if over_budget {
        out.notes.push(FileNote {
            path: file.path.clone(),
            reason: NoteReason::TaintBudget,
        });
    }
    out
}

/// A node's identity within one tree.
type NodeKey = (usize, usize, u16);

fn key(n: &Node<'_>) -> NodeKey {
    let r = n.range();
    (r.start, r.end, n.kind_id())
}

/// Where one rule's matchers matched in the file.
#[derive(Default)]
struct RuleMatches<'t> {
    sources: HashSet<NodeKey>,
    /// Source matches that are function parameters: tainted from the function's start.
    params: Vec<Node<'t>>,
    /// Sink node → the dangerous argument (`$SINK`), or none (any argument).
    sinks: HashMap<NodeKey, Vec<Option<Node<'t>>>>,
    sanitizers: HashSet<NodeKey>,
    /// Guard node → the variables it makes clean.
    guards: HashMap<NodeKey, Vec<Node<'t>>>,
    /// Propagator node → (from, to).
    propagators: HashMap<NodeKey, Vec<(Node<'t>, Node<'t>)>>,
}

#[derive(Clone, Copy)]
enum Role {
    Source,
    Sink,
    Sanitizer,
    Propagator,
}

/// One walk of the tree for every taint matcher of every rule.
fn match_all<'t>(
    tree: &'t Tree,
    taint_rules: &[(&CompiledRule, &TaintMatchers)],
) -> Vec<RuleMatches<'t>> {
    let mut matchers: Vec<&Matcher> = Vec::new();
    let mut owner: Vec<(usize, Role)> = Vec::new();
    for (k, (_, t)) in taint_rules.iter().enumerate() {
        for (list, role) in [
            (&t.sources, Role::Source),
            (&t.sinks, Role::Sink),
            (&t.sanitizers, Role::Sanitizer),
            (&t.propagators, Role::Propagator),
        ] {
            for m in list {
                matchers.push(m);
                owner.push((k, role));
            }
        }
    }
    let mut out: Vec<RuleMatches<'t>> =
        taint_rules.iter().map(|_| RuleMatches::default()).collect();
    for (i, m) in Walker::new(matchers).scan(tree) {
        let (k, role) = owner[i];
        let node = m.get_node().clone();
        let env = m.get_env();
        let rm = &mut out[k];
        match role {
            Role::Source => {
                if is_parameter(&node) {
                    rm.params.push(node);
                } else {
                    rm.sources.insert(key(&node));
                }
            }
            Role::Sink => rm
                .sinks
                .entry(key(&node))
                .or_default()
                .push(env.get_match(SINK_VAR).cloned()),
            Role::Sanitizer => match env.get_match(CLEAN_VAR) {
                Some(clean) => rm.guards.entry(key(&node)).or_default().push(clean.clone()),
                None => {
                    rm.sanitizers.insert(key(&node));
                }
            },
            Role::Propagator => {
                if let (Some(from), Some(to)) = (env.get_match(FROM_VAR), env.get_match(TO_VAR)) {
                    rm.propagators
                        .entry(key(&node))
                        .or_default()
                        .push((from.clone(), to.clone()));
                }
            }
        }
    }
    out
}

/// Whether a source match is a function parameter (a route handler's argument).
fn is_parameter(node: &Node<'_>) -> bool {
    let own = node.kind();
    if own.contains("parameter") {
        return true;
    }
    node.parent().is_some_and(|p| {
        (p.kind().contains("parameter") && !p.kind().contains("parameters"))
            // A bare name directly in the list: `def h(event)`, `(event) => ...`.
            || (p.kind().ends_with("parameters") && own == "identifier")
    })
}

/// The functions to analyse: every outermost function-like node holding an added
/// line, and the top-level code as one pseudo-function (`true`).
fn roots<'t>(tree: &'t Tree, file: &CodeFile, model: &Model) -> Vec<(Node<'t>, bool)> {
    let mut out = vec![(tree.root(), true)];
    let mut stack = vec![(tree.root(), 0u32)];
    while let Some((node, depth)) = stack.pop() {
        if model.functions.contains(&&*node.kind()) {
            let (first, last) = lines(&node);
            if (first..=last).any(|l| file.is_added(l)) {
                out.push((node, false));
            }
            continue;
        }
        if depth >= MAX_DEPTH {
            continue;
        }
        for c in node.children() {
            stack.push((c, depth + 1));
        }
    }
    out
}

/// One step of a trace (text lines).
#[derive(Clone, Copy, PartialEq, Eq)]
struct Step {
    role: FlowRole,
    line: u32,
}

type Trace = Rc<Vec<Step>>;

fn extend(trace: &Trace, step: Step) -> Trace {
    let mut v: Vec<Step> = trace.as_ref().clone();
    if v.last() == Some(&step) {
        return trace.clone();
    }
    v.push(step);
    if v.len() > MAX_TRACE {
        // Keep the source and the steps nearest the sink.
        v.drain(1..v.len() - (MAX_TRACE - 1));
    }
    Rc::new(v)
}

struct SinkHit {
    key: NodeKey,
    trace: Vec<Step>,
}

struct Cx<'a, 't> {
    file: &'a CodeFile,
    model: &'static Model,
    m: &'a RuleMatches<'t>,
    root: Node<'t>,
    pseudo: bool,
    state: HashMap<String, Trace>,
    /// Paths holding a known integer (assigned a constant outside any branch).
    consts: HashMap<String, i64>,
    weak: u32,
    steps: u32,
    depth: u32,
    over: bool,
    hits: Vec<SinkHit>,
}

impl<'t> Cx<'_, 't> {
    fn tick(&mut self) -> bool {
        self.steps += 1;
        if self.steps > STEP_BUDGET || self.depth > MAX_DEPTH {
            self.over = true;
            return false;
        }
        true
    }

    fn is_function(&self, node: &Node<'_>) -> bool {
        self.model.functions.contains(&&*node.kind())
    }

    /// Parameters named as sources are tainted from the start of their function.
    fn enter_params(&mut self) {
        if self.pseudo {
            return;
        }
        let root = self.root.range();
        for p in &self.m.params {
            let r = p.range();
            // The parameter belongs to this function, not to a nested one.
            let owner = p.ancestors().find(|a| self.is_function(a));
            if r.start < root.start
                || r.end > root.end
                || owner.map(|o| key(&o)) != Some(key(&self.root))
            {
                continue;
            }
            if let Some(name) = self.param_name(p, 0) {
                let line = lines(p).0;
                self.state.insert(
                    name,
                    Rc::new(vec![Step {
                        role: FlowRole::Source,
                        line,
                    }]),
                );
            }
        }
    }

    fn param_name(&self, p: &Node<'_>, depth: u32) -> Option<String> {
        if let Some(path) = self.path_of(p) {
            return Some(path);
        }
        if depth > 8 {
            return None;
        }
        for field in ["name", "pattern"] {
            if let Some(n) = p.field(field)
                && let Some(name) = self.param_name(&n, depth + 1)
            {
                return Some(name);
            }
        }
        p.named_children()
            .filter(|c| !c.kind().contains("type"))
            .filter_map(|c| self.param_name(&c, depth + 1))
            .last()
    }

    /// Runs one statement or expression, updating the state.
    fn exec(&mut self, node: &Node<'t>) {
        if !self.tick() {
            return;
        }
        self.depth += 1;
        self.exec_inner(node);
        self.depth -= 1;
    }

    fn exec_inner(&mut self, node: &Node<'t>) {
        let k = key(node);
        if let Some(sinks) = self.m.sinks.get(&k) {
            for focus in sinks.clone() {
                self.check_sink(node, focus.as_ref());
            }
        }
        let kind = node.kind();
        let kind: &str = &kind;
        if self.is_function(node) && k != key(&self.root) {
            if self.pseudo {
                return;
            }
            self.weak += 1;
            self.children(node);
            self.weak -= 1;
        } else if let Some((_, t, v)) = self.model.assigns.iter().find(|a| a.0 == kind) {
            self.assignment(node, t, v, false);
        } else if self.model.compound.contains(&kind) {
            self.assignment(node, "left", "right", true);
        } else if let Some((_, var, iter)) = self.model.loops.iter().find(|l| l.0 == kind) {
            self.weak += 1;
            if !var.is_empty()
                && let (Some(v), Some(i)) = (node.field(var), node.field(iter))
            {
                self.exec(&i);
                let t = self.taint_of(&i);
                self.assign(&v, t, lines(node).0);
            }
            for _ in 0..LOOP_ROUNDS {
                let before: HashSet<String> = self.state.keys().cloned().collect();
                self.children(node);
                if self.state.len() == before.len() {
                    break;
                }
            }
            self.weak -= 1;
        } else if self.model.branches.contains(&kind) {
            if kind.starts_with("if") && self.constant_if(node) {
                return self.after(&k);
            }
            self.weak += 1;
            self.children(node);
            self.weak -= 1;
        } else {
            self.children(node);
            self.mutator_call(node, kind);
        }
        self.after(&k);
    }

    fn children(&mut self, node: &Node<'t>) {
        for c in node.children() {
            if c.is_named() {
                self.exec(&c);
            }
        }
    }

    /// Guards and propagators take effect once their node has run.
    fn after(&mut self, k: &NodeKey) {
        if let Some(guards) = self.m.guards.get(k) {
            for g in guards.clone() {
                let g = unwrap_argument(g);
                // A wrapper around the variable (PHP's `argument` node): use the variable.
                let mut g = g;
                while self.path_of(&g).is_none() && g.named_children().count() == 1 {
                    let Some(inner) = g.named_children().next() else {
                        break;
                    };
                    g = inner;
                }
                if let Some(path) = self.path_of(&g) {
                    self.kill(&path);
                }
            }
        }
        if let Some(props) = self.m.propagators.get(k) {
            for (from, to) in props.clone() {
                if let Some(t) = self.taint_of(&from) {
                    self.weak += 1;
                    self.assign(&to, Some(t), lines(&to).0);
                    self.weak -= 1;
                }
            }
        }
    }

    fn assignment(&mut self, node: &Node<'t>, target: &str, value: &str, compound: bool) {
        let named: Vec<Node<'t>> = node.named_children().collect();
        let tgt = if target.is_empty() {
            named.first().cloned()
        } else {
            node.field(target).or_else(|| named.first().cloned())
        };
        let val = if value.is_empty() {
            (named.len() > 1).then(|| named[named.len() - 1].clone())
        } else {
            node.field(value)
        };
        let Some(tgt) = tgt else {
            self.children(node);
            return;
        };
        let Some(val) = val else {
            // A declaration without a value (`var x;`) makes the variable clean.
            if !compound {
                self.assign(&tgt, None, lines(node).0);
            }
            return;
        };
        self.exec(&val);
        let mut t = self.taint_of(&val);
        if compound && t.is_none() {
            t = self.taint_of(&tgt);
        }
        let value = (!compound).then_some(&val);
        self.assign_value(&tgt, t, lines(node).0, value);
    }

    /// `recv.append(x)` with a tainted argument taints `recv`; `recv.put("k", x)` sets
    /// the path `recv.k`.
    fn mutator_call(&mut self, node: &Node<'t>, kind: &str) {
        if !self.model.calls.iter().any(|c| c.0 == kind) {
            return;
        }
        let Some(call) = method_call(node) else {
            return;
        };
        let line = lines(node).0;
        if SETTERS.contains(&call.method.as_str())
            && let Some(key) = call.args.first().and_then(literal_key)
            && let Some(base) = self.path_of(&call.recv)
            && let Some(value) = call.args.get(1)
        {
            let t = self.taint_of(value);
            let path = normalise_path(&format!("{base}.{key}")).unwrap_or(base);
            let taint = t.map(|t| {
                extend(
                    &t,
                    Step {
                        role: FlowRole::Step,
                        line,
                    },
                )
            });
            self.set_path(path, taint);
            return;
        }
        if !MUTATORS.contains(&call.method.as_str()) {
            return;
        }
        let mut t = None;
        for a in &call.args {
            if t.is_none() {
                t = self.taint_of(a);
            }
        }
        if let Some(t) = t {
            self.weak += 1;
            self.assign(&call.recv, Some(t), line);
            self.weak -= 1;
        }
    }

    fn set_path(&mut self, path: String, taint: Option<Trace>) {
        match taint {
            Some(t) => {
                self.state.insert(path, t);
            }
            None if self.weak == 0 => self.kill(&path),
            None => {}
        }
    }

    /// A read by literal key, `d["k"]` or `recv.get("k")`: (the path `d.k`, the base `d`).
    fn keyed_read(&self, node: &Node<'t>) -> Option<(String, String)> {
        if let Some(path) = self.keyed_path(node) {
            let base = node
                .named_children()
                .next()
                .and_then(|b| self.path_of(&b))?;
            return Some((path, base));
        }
        let call = method_call(node)?;
        if !GETTERS.contains(&call.method.as_str()) {
            return None;
        }
        let key = call.args.first().and_then(literal_key)?;
        let base = self.path_of(&call.recv)?;
        let path = normalise_path(&format!("{base}.{key}"))?;
        Some((path, base))
    }

    /// The value of an integer expression made of literals, known constants and
    /// `+ - * / %` (Benchmark-style `(7 * 42) - num > 200` conditions).
    fn eval_int(&self, node: &Node<'_>, depth: u32) -> Option<i64> {
        if depth > 16 {
            return None;
        }
        let kind = node.kind();
        let text = node.text();
        if kind.contains("integer") || kind == "number" || kind == "int_literal" {
            return text.trim().trim_end_matches(['L', 'l']).parse().ok();
        }
        if kind.starts_with("parenthesized") {
            return node
                .named_children()
                .next()
                .and_then(|c| self.eval_int(&c, depth + 1));
        }
        if let Some(path) = self.path_of(node) {
            return self.consts.get(&path).copied();
        }
        let op = node.field("operator")?;
        let a = self.eval_int(&node.field("left")?, depth + 1)?;
        let b = self.eval_int(&node.field("right")?, depth + 1)?;
        match op.text().trim() {
            "+" => a.checked_add(b),
            "-" => a.checked_sub(b),
            "*" => a.checked_mul(b),
            "/" => a.checked_div(b),
            "%" => a.checked_rem(b),
            _ => None,
        }
    }

    /// The value of a condition comparing constant integers, if it is one.
    fn eval_bool(&self, node: &Node<'_>) -> Option<bool> {
        let kind = node.kind();
        if kind.starts_with("parenthesized") || kind == "condition_clause" {
            return node
                .named_children()
                .next()
                .and_then(|c| self.eval_bool(&c));
        }
        match node.text().trim() {
            "true" | "True" => return Some(true),
            "false" | "False" => return Some(false),
            _ => {}
        }
        let (op, left, right) = if let (Some(o), Some(l), Some(r)) = (
            node.field("operator"),
            node.field("left"),
            node.field("right"),
        ) {
            (o.text().trim().to_string(), l, r)
        } else {
            {
                // Python's comparison_operator has no fields: `a > b`.
                let kids: Vec<Node<'_>> = node.children().collect();
                if kind != "comparison_operator" || kids.len() != 3 {
                    return None;
                }
                (
                    kids[1].text().trim().to_string(),
                    kids[0].clone(),
                    kids[2].clone(),
                )
            }
        };
        let a = self.eval_int(&left, 0)?;
        let b = self.eval_int(&right, 0)?;
        Some(match op.as_str() {
            ">" => a > b,
            "<" => a < b,
            ">=" => a >= b,
            "<=" => a <= b,
            "==" | "===" => a == b,
            "!=" | "!==" => a != b,
            _ => return None,
        })
    }

    /// An `if` whose condition is a constant: only the arm that runs is followed, with
    /// strong updates. `false` when the condition is not constant.
    fn constant_if(&mut self, node: &Node<'t>) -> bool {
        let Some(cond) = node.field("condition") else {
            return false;
        };
        let Some(taken) = self.eval_bool(&cond) else {
            return false;
        };
        let arm = if taken {
            node.field("consequence")
        } else {
            node.field("alternative")
        };
        if let Some(arm) = arm {
            self.exec(&arm);
        }
        true
    }

    fn check_sink(&mut self, node: &Node<'t>, focus: Option<&Node<'t>>) {
        let target = match focus {
            Some(f) => f.clone(),
            None => node.field("arguments").unwrap_or_else(|| node.clone()),
        };
        if let Some(t) = self.taint_of(&target) {
            let sink_line = lines(&target).0;
            let mut trace = t.as_ref().clone();
            trace.push(Step {
                role: FlowRole::Sink,
                line: sink_line,
            });
            self.hits.push(SinkHit {
                key: key(node),
                trace,
            });
        }
    }

    /// Sets the taint of an assignment target.
    fn assign(&mut self, target: &Node<'t>, taint: Option<Trace>, line: u32) {
        self.assign_value(target, taint, line, None);
    }

    /// [`Cx::assign`] knowing the assigned expression (for integer constants).
    fn assign_value(
        &mut self,
        target: &Node<'t>,
        taint: Option<Trace>,
        line: u32,
        value: Option<&Node<'t>>,
    ) {
        if let Some(path) = self.path_of(target) {
            match value.and_then(|v| self.eval_int(v, 0)) {
                Some(n) if self.weak == 0 => {
                    self.consts.insert(path, n);
                }
                _ => {
                    self.consts.remove(&path);
                }
            }
        }
        let taint = taint.map(|t| {
            extend(
                &t,
                Step {
                    role: FlowRole::Step,
                    line,
                },
            )
        });
        if let Some(path) = self.path_of(target) {
            match taint {
                Some(t) => {
                    self.state.insert(path, t);
                }
                None if self.weak == 0 => self.kill(&path),
                None => {}
            }
            return;
        }
        let kind = target.kind();
        if kind.contains("list") || kind.contains("pattern") || kind.contains("tuple") {
            if !self.tick() {
                return;
            }
            self.depth += 1;
            for c in target.named_children().collect::<Vec<_>>() {
                self.assign(&c, taint.clone(), line);
            }
            self.depth -= 1;
            return;
        }
        // `a[k] = v`, `$arr[] = v`, `a.b().c = v`: the base variable gains the taint.
        if let Some(t) = taint
            && let Some(base) = target
                .dfs()
                .find(|n| n.kind().contains("identifier") || n.kind() == "variable_name")
            && let Some(path) = self.path_of(&base)
        {
            self.state.insert(path, t);
        }
    }

    fn kill(&mut self, path: &str) {
        self.state.remove(path);
        let prefix = format!("{path}.");
        self.state.retain(|k, _| !k.starts_with(&prefix));
    }

    /// The access path a node names, if it is a variable or a field of one.
    fn path_of(&self, node: &Node<'_>) -> Option<String> {
        let kind = node.kind();
        let pathy = matches!(
            &*kind,
            "identifier"
                | "attribute"
                | "member_expression"
                | "selector_expression"
                | "field_access"
                | "member_access_expression"
                | "field_expression"
                | "variable_name"
                | "instance_variable"
                | "class_variable"
                | "global_variable"
                | "simple_expansion"
                | "expansion"
                | "this"
                | "self"
                | "shorthand_property_identifier_pattern"
                | "shorthand_property_identifier"
                | "scoped_identifier"
        );
        if !pathy {
            return self.keyed_path(node);
        }
        let text = node.text();
        if text.len() > 200 {
            return None;
        }
        let mut t: &str = text.trim();
        if self.file.lang == Lang::Bash {
            t = t.trim_start_matches('$').trim_start_matches('{');
            let end = t
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(t.len());
            t = &t[..end];
            return (!t.is_empty()).then(|| t.to_string());
        }
        normalise_path(t)
    }

    /// `d["k"]`, `o['k']`, `params[:k]`: the path `d.k` when the key is a literal.
    fn keyed_path(&self, node: &Node<'_>) -> Option<String> {
        if !matches!(
            &*node.kind(),
            "subscript"
                | "subscript_expression"
                | "element_reference"
                | "element_access_expression"
                | "index_expression"
        ) {
            return None;
        }
        let mut kids = node.named_children();
        let base = kids.next()?;
        let key_node = kids.next()?;
        let key = literal_key(&key_node)?;
        let base = self.path_of(&base)?;
        normalise_path(&format!("{base}.{key}"))
    }

    /// Whether (and how) an expression's value is tainted.
    fn taint_of(&mut self, node: &Node<'t>) -> Option<Trace> {
        if !self.tick() {
            return None;
        }
        self.depth += 1;
        let out = self.taint_inner(node);
        self.depth -= 1;
        out
    }

    fn taint_inner(&mut self, node: &Node<'t>) -> Option<Trace> {
        let k = key(node);
        if self.m.sanitizers.contains(&k) {
            return None;
        }
        if self.m.sources.contains(&k) {
            return Some(Rc::new(vec![Step {
                role: FlowRole::Source,
                line: lines(node).0,
            }]));
        }
        let kind = node.kind();
        if self.model.clean_kinds.contains(&&*kind) || self.is_function(node) {
            return None;
        }
        if let Some((path, base)) = self.keyed_read(node) {
            // `d["k"]`, `m.get("k")`: the key's own taint when it has one; clean when
            // the variable's keys are tracked (a map filled here); else whatever the
            // base is (a source such as `request.args`, a tainted dict).
            if let Some(t) = self.lookup(&path) {
                return Some(t);
            }
            let prefix = format!("{base}.");
            if self.state.keys().any(|k| k.starts_with(&prefix)) {
                return None;
            }
        } else if let Some(path) = self.path_of(node) {
            return self.lookup(&path);
        }
        if let (Some(cond), Some(yes), Some(no)) = (
            node.field("condition"),
            node.field("consequence"),
            node.field("alternative"),
        ) {
            // A conditional expression: its value is one of its arms, never the condition.
            return match self.eval_bool(&cond) {
                Some(true) => self.taint_of(&yes),
                Some(false) => self.taint_of(&no),
                None => self.taint_of(&yes).or_else(|| self.taint_of(&no)),
            };
        }
        if let Some((_, callee)) = self.model.calls.iter().find(|c| c.0 == &*kind)
            && !callee.is_empty()
            && let Some(c) = node.field(callee)
            && self.is_clean_call(&c.text())
        {
            return None;
        }
        if let Some(op) = node.field("operator")
            && CLEAN_OPERATORS.contains(&op.text().trim())
        {
            return None;
        }
        if self.file.lang == Lang::Rust && kind == "string_literal" {
            return self.rust_inline_args(&node.text(), lines(node).0);
        }
        for c in node.named_children() {
            if let Some(t) = self.taint_of(&c) {
                return Some(t);
            }
        }
        None
    }

    /// `format!("{name}")` names its argument inside the string.
    fn rust_inline_args(&self, text: &str, _line: u32) -> Option<Trace> {
        let mut rest = text;
        while let Some(i) = rest.find('{') {
            rest = &rest[i + 1..];
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            let name = &rest[..end];
            if !name.is_empty()
                && !name.starts_with(|c: char| c.is_ascii_digit())
                && let Some(t) = self.lookup(name)
            {
                return Some(t);
            }
        }
        None
    }

    fn is_clean_call(&self, callee: &str) -> bool {
        let callee = callee.trim();
        let last = split_last(callee).map_or(callee, |(_, m)| m);
        let last = last.split("::<").next().unwrap_or(last);
        self.model.clean_calls.contains(&callee) || self.model.clean_calls.contains(&last)
    }

    /// The taint of a path: its own, or a prefix's (`x` tainted taints `x.y`). A local
    /// variable read whole is tainted when one of its keys or fields is (a map holding a
    /// request value); `self`/`this` are not, or every field would taint every other.
    fn lookup(&self, path: &str) -> Option<Trace> {
        let mut p = path;
        loop {
            if let Some(t) = self.state.get(p) {
                return Some(t.clone());
            }
            let Some(cut) = p.rfind('.') else { break };
            p = &p[..cut];
        }
        if path.contains('.') || matches!(path, "self" | "this" | "$this" | "@") {
            return None;
        }
        let prefix = format!("{path}.");
        self.state
            .iter()
            .filter(|(k, _)| k.starts_with(&prefix))
            .min_by(|a, b| a.0.cmp(b.0))
            .map(|(_, t)| t.clone())
    }
}

/// Methods that store a value under a key: `m.put("k", v)`, `m.set("k", v)`.
const SETTERS: &[&str] = &[
    "put",
    "set",
    "setAttribute",
    "store",
    "Add",
    "TryAdd",
    "Set",
];
/// Methods that read a value by key: `m.get("k")`.
const GETTERS: &[&str] = &[
    "get",
    "getOrDefault",
    "getAttribute",
    "fetch",
    "Get",
    "GetValueOrDefault",
];

/// A method call taken apart: receiver, method name, arguments.
struct MethodCall<'t> {
    recv: Node<'t>,
    method: String,
    args: Vec<Node<'t>>,
}

/// `recv.method(args)` in any grammar's shape.
fn method_call<'t>(node: &Node<'t>) -> Option<MethodCall<'t>> {
    let args_node = node.field("arguments")?;
    let (recv, method) = if let (Some(r), Some(m)) = (
        node.field("object").or_else(|| node.field("receiver")),
        node.field("name").or_else(|| node.field("method")),
    ) {
        (r, m.text().to_string())
    } else {
        {
            let callee = node.field("function")?;
            let recv = callee
                .field("object")
                .or_else(|| callee.field("operand"))
                .or_else(|| callee.field("value"))
                .or_else(|| callee.field("expression"))?;
            let method = callee
                .field("attribute")
                .or_else(|| callee.field("property"))
                .or_else(|| callee.field("field"))
                .or_else(|| callee.field("name"))?;
            (recv, method.text().to_string())
        }
    };
    let args = args_node
        .named_children()
        .map(|a| {
            // C# and PHP wrap each argument.
            if a.kind() == "argument" {
                let inner = a.named_children().next();
                inner.unwrap_or(a)
            } else {
                a
            }
        })
        .filter(|a| !a.kind().contains("comment"))
        .collect();
    Some(MethodCall { recv, method, args })
}

/// The text of a literal key (`"k"`, `'k'`, `:k`), if it is a plain name.
fn literal_key(node: &Node<'_>) -> Option<String> {
    let kind = node.kind();
    if !(kind.contains("string") || kind.contains("symbol")) {
        return None;
    }
    let text = node.text();
    let key = text
        .trim()
        .trim_start_matches(':')
        .trim_matches(['"', '\'', '`']);
    (!key.is_empty()
        && key.len() <= 40
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
    .then(|| key.to_string())
}

/// `a.b.c` → (`a.b`, `c`) for any of `.`, `->`, `::`, `?.`.
fn split_last(text: &str) -> Option<(&str, &str)> {
    let text = text.trim();
    let i = text.rfind(['.', '>', ':'])?;
    let method = &text[i + 1..];
    let recv = text[..i].trim_end_matches(['-', ':', '?', '.']);
    (!method.is_empty() && !recv.is_empty()).then_some((recv, method))
}

/// `a . b->c::d?.e` → `a.b.c` (whitespace dropped, separators unified, at most two
/// fields); `None` when it is not a plain access path.
fn normalise_path(text: &str) -> Option<String> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let unified = compact
        .replace("?.", ".")
        .replace("->", ".")
        .replace("::", ".");
    let mut segs = Vec::new();
    for seg in unified.split('.') {
        let body = seg.trim_start_matches(['$', '@']);
        let ok = body
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_')
            && body.chars().all(|c| c.is_alphanumeric() || c == '_');
        if !ok {
            return None;
        }
        segs.push(seg);
    }
    segs.truncate(3);
    Some(segs.join("."))
}

/// The finding for a flow, if one of its steps is on an added line.
fn report(
    rule: &CompiledRule,
    file: &CodeFile,
    rules: &RuleSet,
    hit: &SinkHit,
    occurrences: &mut crate::analyze::structural::Occurrences,
) -> Option<Finding> {
    let sink = hit.trace.last()?;
    let anchor = if file.is_added(sink.line) {
        sink.line
    } else {
        hit.trace.iter().rev().find(|s| file.is_added(s.line))?.line
    };
    let mut flow: Vec<FlowStep> = Vec::new();
    for s in &hit.trace {
        let line = file.file_line(s.line);
        // One entry a line: a step on the line before adds nothing; a sink on the line of
        // the last step replaces it.
        if let Some(last) = flow.last().filter(|f| f.line == line) {
            if s.role == FlowRole::Step || last.role == s.role {
                continue;
            }
            if last.role == FlowRole::Step {
                flow.pop();
            }
        }
        let (shown, _) = crate::analyze::matcher::redacted_line(text_of_line(file, s.line), rules);
        let code: String = shown.chars().take(STEP_CODE_CHARS).collect();
        flow.push(FlowStep {
            role: s.role,
            line,
            code,
        });
    }
    let source_line = flow.first().map_or(0, |s| s.line);
    let sink_code: String = flow
        .last()
        .map(|s| s.code.chars().take(80).collect())
        .unwrap_or_default();
    let sink_line = file.file_line(sink.line);
    // A flow within one line needs no trace: the snippet shows it all.
    let one_line = flow.iter().all(|s| s.line == sink_line);
    let flow = if one_line { Vec::new() } else { flow };
    let mut f = tree_finding(rule, file, anchor, rules, occurrences, flow);
    if !one_line {
        f.message = format!(
            "{} Untrusted data from line {source_line} reaches the sink on line {sink_line}: `{sink_code}`.",
            f.message.trim_end()
        );
    }
    Some(f)
}

#[cfg(test)]
mod tests;

/// A metavariable bound to an argument wrapper (C#'s `argument`, which may carry a
/// `name:`) stands for the argument's expression.
fn unwrap_argument(node: Node<'_>) -> Node<'_> {
    if &*node.kind() == "argument"
        && let Some(expr) = node.named_children().last()
    {
        return expr;
    }
    node
}
