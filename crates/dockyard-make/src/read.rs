//! Reading makefiles: logical lines, comments, conditionals, `define`, `include`,
//! assignments, rules and their recipes, with make's parse errors.

use crate::expand::{pattern_match, words};
use crate::vars::{Export, Flavor, Op, Origin, TargetVar, Var};
use crate::{FileInfo, Loc, Make, PatternRule, RecipeLine, Rule, R};

struct Cond {
    /// This branch is being read.
    active: bool,
    /// Some branch of this conditional was taken.
    taken: bool,
    seen_else: bool,
    /// The enclosing conditionals are all active.
    outer: bool,
}

struct Pending {
    targets: Vec<String>,
    deps: Vec<String>,
    order_only: Vec<String>,
    double_colon: bool,
    static_pattern: Option<(String, Vec<String>, Vec<String>)>,
    recipe: Vec<RecipeLine>,
    has_recipe: bool,
    loc: Loc,
}

/// A missing included file.
pub struct MissingInclude {
    pub name: String,
    pub loc: Loc,
    pub optional: bool,
}

pub const SUFFIXES: &[&str] = &[
    ".out", ".a", ".ln", ".o", ".c", ".cc", ".C", ".cpp", ".p", ".f", ".F", ".m", ".r", ".y", ".l",
    ".ym", ".yl", ".s", ".S", ".mod", ".sym", ".def", ".h", ".info", ".dvi", ".tex", ".texinfo",
    ".texi", ".txinfo", ".w", ".ch", ".web", ".sh", ".elc", ".el",
];

/// Ends with an odd number of backslashes.
fn continues(line: &str) -> bool {
    let n = line.len() - line.trim_end_matches('\\').len();
    n % 2 == 1
}

/// Removes a comment (`#` not escaped); `\#` becomes `#`.
pub fn strip_comment(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' && i + 1 < b.len() && b[i + 1] == b'#' {
            out.push('#');
            i += 2;
            continue;
        }
        if b[i] == b'#' {
            break;
        }
        let ch = line[i..].chars().next().unwrap_or(' ');
        out.push(ch);
        i += ch.len_utf8();
    }
    out
}

/// The first top-level `=` or `:` (or `;` when asked), skipping `$(...)` references.
pub fn find_top(line: &str, set: &[u8]) -> Option<usize> {
    let b = line.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'$' if i + 1 < b.len() && (b[i + 1] == b'(' || b[i + 1] == b'{') => {
                depth += 1;
                i += 2;
                continue;
            }
            b'$' => {
                i += 2;
                continue;
            }
            b'(' | b'{' if depth > 0 => depth += 1,
            b')' | b'}' if depth > 0 => depth -= 1,
            c if depth == 0 && set.contains(&c) => return Some(i),
            _ => {}
        }
        i += 1;
    }
    None
}

/// An assignment `NAME op VALUE` if the line is one: (name, op, value).
pub fn split_assignment(line: &str) -> Option<(String, Op, String)> {
    let p = find_top(line, b"=:")?;
    let b = line.as_bytes();
    let (name_end, op, value_start) = if b[p] == b'=' {
        match p.checked_sub(1).map(|k| b[k]) {
            Some(b'+') => (p - 1, Op::Append, p + 1),
            Some(b'?') => (p - 1, Op::Conditional, p + 1),
            Some(b'!') => (p - 1, Op::Shell, p + 1),
            _ => (p, Op::Recursive, p + 1),
        }
    } else if line[p..].starts_with(":=") {
        (p, Op::Simple, p + 2)
    } else if line[p..].starts_with("::=") {
        (p, Op::Simple, p + 3)
    } else {
        return None;
    };
    let name = line[..name_end].trim().to_string();
    let value = line[value_start..]
        .trim_start_matches([' ', '\t'])
        .to_string();
    Some((name, op, value))
}

fn is_special(name: &str) -> bool {
    name.starts_with('.')
        && name.len() > 1
        && name[1..]
            .chars()
            .all(|c| c.is_ascii_uppercase() || c == '_')
}

impl Make<'_> {
    /// Reads one makefile's text, as `NAME`.
    pub fn read_text(
        &mut self,
        text: &str,
        file: &str,
        first_line: usize,
        eval: bool,
        missing: &mut Vec<MissingInclude>,
    ) -> R<()> {
        if self.depth + self.call_depth >= self.limits.depth {
            return self.fatal("makefiles nest too deeply for the sandbox (include or eval loop?)");
        }
        self.depth += 1;
        let result = self.read_lines(text, file, first_line, eval, missing);
        self.depth -= 1;
        result
    }

    fn read_lines(
        &mut self,
        text: &str,
        file: &str,
        first_line: usize,
        eval: bool,
        missing: &mut Vec<MissingInclude>,
    ) -> R<()> {
        let lines: Vec<&str> = text
            .split('\n')
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
            .collect();
        let count = if text.ends_with('\n') {
            lines.len() - 1
        } else {
            lines.len()
        };
        let mut conds: Vec<Cond> = Vec::new();
        let mut pending: Option<Pending> = None;
        let mut i = 0;
        let saved_loc = self.loc.clone();
        let loc_of = |i: usize| Loc {
            file: file.to_string(),
            line: if eval { first_line } else { first_line + i },
        };
        while i < count {
            self.step()?;
            let start = i;
            let raw = lines[i];
            i += 1;
            let loc = loc_of(start);
            self.loc = Some(loc.clone());
            let ignoring = conds.iter().any(|c| !c.active);
            if raw.starts_with('\t') && pending.is_some() {
                let mut text = raw[1..].to_string();
                while continues(&text) && i < count {
                    text.push('\n');
                    let next = lines[i];
                    text.push_str(next.strip_prefix('\t').unwrap_or(next));
                    i += 1;
                }
                if !ignoring {
                    if let Some(p) = pending.as_mut() {
                        p.recipe.push(RecipeLine { text, loc });
                    }
                }
                continue;
            }
            // A logical line: continuations collapse to one space.
            let mut line = raw.to_string();
            while continues(&line) && i < count {
                line.pop();
                let trimmed = line.trim_end_matches([' ', '\t']).len();
                line.truncate(trimmed);
                line.push(' ');
                line.push_str(lines[i].trim_start_matches([' ', '\t']));
                i += 1;
            }
            let stripped = strip_comment(&line);
            let body = stripped.trim_start_matches([' ', '\t']);
            if body.trim().is_empty() {
                continue;
            }
            let (word, rest) = match body.find([' ', '\t', '(']) {
                Some(k) => (&body[..k], &body[k..]),
                None => (body, ""),
            };
            let rest_trim = rest.trim_start_matches([' ', '\t']);
            // Conditionals are seen even while skipping.
            match word {
                "ifdef" | "ifndef" | "ifeq" | "ifneq" => {
                    let outer = !ignoring;
                    let value = if outer {
                        self.condition(word, rest_trim)?
                    } else {
                        false
                    };
                    conds.push(Cond {
                        active: outer && value,
                        taken: value,
                        seen_else: false,
                        outer,
                    });
                    continue;
                }
                "else" => {
                    let Some(c) = conds.last_mut() else {
                        return self.fatal("extraneous 'else'");
                    };
                    if c.seen_else {
                        return self.fatal("only one 'else' per conditional");
                    }
                    let (w2, r2) = match rest_trim.find([' ', '\t', '(']) {
                        Some(k) => (&rest_trim[..k], rest_trim[k..].trim_start()),
                        None => (rest_trim, ""),
                    };
                    if matches!(w2, "ifdef" | "ifndef" | "ifeq" | "ifneq") {
                        let outer = c.outer;
                        let taken = c.taken;
                        let value = if outer && !taken {
                            self.condition(w2, r2)?
                        } else {
                            false
                        };
                        let c = conds.last_mut().expect("conditional");
                        c.active = outer && !taken && value;
                        c.taken = taken || value;
                    } else {
                        if !rest_trim.trim().is_empty() {
                            let text =
                                format!("{}extraneous text after 'else' directive\n", self.here());
                            self.r.err(&text);
                        }
                        let c = conds.last_mut().expect("conditional");
                        c.seen_else = true;
                        c.active = c.outer && !c.taken;
                        c.taken = true;
                    }
                    continue;
                }
                "endif" => {
                    if conds.pop().is_none() {
                        return self.fatal("extraneous 'endif'");
                    }
                    if !rest_trim.trim().is_empty() {
                        let text =
                            format!("{}extraneous text after 'endif' directive\n", self.here());
                        self.r.err(&text);
                    }
                    continue;
                }
                _ => {}
            }
            if word == "define"
                || (word == "override" || word == "export")
                    && rest_trim.starts_with("define")
                    && rest_trim[6..].starts_with([' ', '\t'])
            {
                // Collect the body up to the matching endef.
                let mut depth = 1;
                let mut body_lines = Vec::new();
                while i < count {
                    let l = lines[i];
                    i += 1;
                    let t = l.trim_start_matches([' ', '\t']);
                    let first = t.split([' ', '\t']).next().unwrap_or("");
                    if first == "define" {
                        depth += 1;
                    } else if first == "endef" {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    body_lines.push(l);
                }
                if depth > 0 {
                    return self.fatal_at(&loc, "missing 'endef', unterminated 'define'");
                }
                if ignoring {
                    continue;
                }
                self.flush(&mut pending)?;
                let (over, export, decl) = if word == "define" {
                    (false, false, rest_trim)
                } else {
                    (
                        word == "override",
                        word == "export",
                        rest_trim[6..].trim_start(),
                    )
                };
                let decl = decl.trim_end();
                let (name, op) = if let Some(n) = decl.strip_suffix("::=") {
                    (n, Op::Simple)
                } else if let Some(n) = decl.strip_suffix(":=") {
                    (n, Op::Simple)
                } else if let Some(n) = decl.strip_suffix("+=") {
                    (n, Op::Append)
                } else if let Some(n) = decl.strip_suffix("?=") {
                    (n, Op::Conditional)
                } else if let Some(n) = decl.strip_suffix('=') {
                    (n, Op::Recursive)
                } else {
                    (decl, Op::Recursive)
                };
                let name = self.expand(name.trim())?;
                let value = body_lines.join("\n");
                self.assign(
                    &name,
                    op,
                    &value,
                    over,
                    if export { Export::Yes } else { Export::Default },
                )?;
                continue;
            }
            if ignoring {
                continue;
            }
            match word {
                "include" | "-include" | "sinclude" => {
                    self.flush(&mut pending)?;
                    let names = self.expand(rest_trim)?;
                    for name in words(&names) {
                        let path = dockyard_vfs::join(&self.cwd, name);
                        let text = if self.r.vfs().is_file(&path) {
                            self.r.vfs().read(&path).ok()
                        } else {
                            None
                        };
                        match text {
                            Some(t) => {
                                let t = String::from_utf8_lossy(&t).into_owned();
                                self.add_makefile(name);
                                self.read_text(&t, name, 1, false, missing)?;
                                self.loc = Some(loc.clone());
                            }
                            None => missing.push(MissingInclude {
                                name: name.to_string(),
                                loc: loc.clone(),
                                optional: word != "include",
                            }),
                        }
                    }
                    continue;
                }
                "vpath" => {
                    self.flush(&mut pending)?;
                    continue;
                }
                "undefine" => {
                    self.flush(&mut pending)?;
                    let name = self.expand(rest_trim.trim())?;
                    self.vars.remove(name.trim());
                    continue;
                }
                "override" | "export" | "unexport"
                    if split_assignment(rest_trim).is_some() || word != "override" =>
                {
                    self.flush(&mut pending)?;
                    if let Some((name, op, value)) = split_assignment(rest_trim) {
                        if word == "unexport" {
                            continue;
                        }
                        let name = self.expand(&name)?;
                        if name.is_empty() {
                            return self.fatal("empty variable name");
                        }
                        let export = if word == "export" {
                            Export::Yes
                        } else {
                            Export::Default
                        };
                        self.assign(&name, op, &value, word == "override", export)?;
                    } else {
                        let names = self.expand(rest_trim)?;
                        let names = words(&names);
                        if names.is_empty() {
                            self.export_all = word == "export";
                        }
                        for n in names {
                            let e = if word == "export" {
                                Export::Yes
                            } else {
                                Export::No
                            };
                            match self.vars.get_mut(n) {
                                Some(v) => v.export = e,
                                None => {
                                    let mut v = Var::new("", Flavor::Recursive, Origin::File);
                                    v.export = e;
                                    if e == Export::Yes {
                                        self.export_marks.push(n.to_string());
                                    } else {
                                        self.unexport_marks.push(n.to_string());
                                    }
                                }
                            }
                        }
                    }
                    continue;
                }
                _ => {}
            }
            if let Some((name, op, value)) = split_assignment(body) {
                self.flush(&mut pending)?;
                let name = self.expand(&name)?;
                if name.is_empty() {
                    return self.fatal("empty variable name");
                }
                self.assign(&name, op, &value, false, Export::Default)?;
                continue;
            }
            if raw.starts_with('\t') {
                return self.fatal("recipe commences before first target");
            }
            self.flush(&mut pending)?;
            // A rule, or something that expands to nothing, or an error.
            let rule_text = if find_top(&stripped, b":").is_some() {
                stripped.clone()
            } else {
                let e = self.expand(&stripped)?;
                if e.trim().is_empty() {
                    continue;
                }
                if !e.contains(':') {
                    if raw.starts_with("        ") {
                        return self
                            .fatal("missing separator (did you mean TAB instead of 8 spaces?)");
                    }
                    return self.fatal("missing separator");
                }
                e.replace('$', "$$")
            };
            // Inline recipe after ';' (searched in the raw line, so comments survive).
            let (rule_part, inline) = match find_top(&line, b";") {
                Some(k) if find_top(&line, b":").is_some_and(|c| c < k) => (
                    strip_comment(&line[..k]),
                    Some(line[k + 1..].trim_start_matches([' ', '\t']).to_string()),
                ),
                _ => (rule_text, None),
            };
            let colon = find_top(&rule_part, b":").unwrap_or(0);
            let targets_text = self.expand(&rule_part[..colon])?;
            let mut after = &rule_part[colon + 1..];
            let double_colon = after.starts_with(':');
            if double_colon {
                after = &after[1..];
            }
            let targets: Vec<String> = words(&targets_text).iter().map(|s| s.to_string()).collect();
            // Target-specific variable?
            let mut spec = after.trim_start_matches([' ', '\t']);
            let mut over = false;
            let mut export = Export::Default;
            loop {
                if let Some(r) = spec.strip_prefix("override ") {
                    over = true;
                    spec = r.trim_start();
                } else if let Some(r) = spec.strip_prefix("export ") {
                    export = Export::Yes;
                    spec = r.trim_start();
                } else {
                    break;
                }
            }
            if let Some(p) = find_top(spec, b"=:") {
                if let Some((name, op, value)) = split_assignment(spec).filter(|_| {
                    spec.as_bytes()[p] == b'='
                        || spec[p..].starts_with(":=")
                        || spec[p..].starts_with("::=")
                }) {
                    let name = self.expand(&name)?;
                    let tv = TargetVar {
                        name,
                        op,
                        value: if op == Op::Simple {
                            self.expand(&value)?
                        } else {
                            value
                        },
                        over,
                        export,
                    };
                    for t in &targets {
                        if t.contains('%') {
                            self.pattern_vars.push((t.clone(), tv.clone()));
                        } else {
                            self.target_vars
                                .entry(t.clone())
                                .or_default()
                                .push(tv.clone());
                        }
                    }
                    continue;
                }
            }
            let mut static_pattern = None;
            let prereq_text;
            if let Some(q) = find_top(after, b":") {
                let tpat = self.expand(&after[..q])?;
                let tpat = tpat.trim().to_string();
                let ptext = self.expand(&after[q + 1..])?;
                let (normal, order) = split_order_only(&ptext);
                if !tpat.contains('%') {
                    return self.fatal("target pattern contains no '%'");
                }
                static_pattern = Some((tpat, normal, order));
                prereq_text = String::new();
            } else {
                prereq_text = self.expand(after)?;
            }
            let (deps, order_only) = split_order_only(&prereq_text);
            let mut p = Pending {
                targets,
                deps,
                order_only,
                double_colon,
                static_pattern,
                recipe: Vec::new(),
                has_recipe: false,
                loc: loc.clone(),
            };
            if let Some(cmd) = inline {
                p.has_recipe = true;
                p.recipe.push(RecipeLine {
                    text: cmd,
                    loc: loc.clone(),
                });
            }
            pending = Some(p);
        }
        self.loc = Some(loc_of(count));
        if !conds.is_empty() {
            return self.fatal("missing 'endif'");
        }
        self.flush(&mut pending)?;
        self.loc = saved_loc;
        Ok(())
    }

    fn condition(&mut self, word: &str, rest: &str) -> R<bool> {
        if word == "ifdef" || word == "ifndef" {
            let name = self.expand(rest)?;
            let name = name.trim();
            let defined = self.lookup(name).is_some_and(|v| !v.value.is_empty());
            return Ok(defined == (word == "ifdef"));
        }
        let invalid = |m: &mut Self| m.fatal::<bool>("invalid syntax in conditional");
        let (a, b) = if let Some(inner) = rest.strip_prefix('(') {
            let bytes = inner.as_bytes();
            let mut depth = 0usize;
            let mut comma = None;
            let mut end = None;
            for (k, &c) in bytes.iter().enumerate() {
                match c {
                    b'(' => depth += 1,
                    b')' if depth == 0 => {
                        end = Some(k);
                        break;
                    }
                    b')' => depth -= 1,
                    b',' if depth == 0 && comma.is_none() => comma = Some(k),
                    _ => {}
                }
            }
            let (Some(comma), Some(end)) = (comma, end) else {
                return invalid(self);
            };
            if !inner[end + 1..].trim().is_empty() {
                let text = format!("{}extraneous text after '{word}' directive\n", self.here());
                self.r.err(&text);
            }
            (
                inner[..comma].trim_end_matches([' ', '\t']).to_string(),
                inner[comma + 1..end]
                    .trim_start_matches([' ', '\t'])
                    .to_string(),
            )
        } else {
            let mut parts = Vec::new();
            let mut s = rest.trim();
            for _ in 0..2 {
                let Some(q) = s.chars().next().filter(|c| *c == '"' || *c == '\'') else {
                    return invalid(self);
                };
                let Some(close) = s[1..].find(q) else {
                    return invalid(self);
                };
                parts.push(s[1..1 + close].to_string());
                s = s[close + 2..].trim_start();
            }
            if !s.is_empty() {
                return invalid(self);
            }
            (parts[0].clone(), parts[1].clone())
        };
        let a = self.expand(&a)?;
        let b = self.expand(&b)?;
        Ok((a == b) == (word == "ifeq"))
    }

    /// Assigns a global variable from a makefile (or `$(eval)`).
    pub fn assign(&mut self, name: &str, op: Op, value: &str, over: bool, export: Export) -> R<()> {
        let Some(origin) = self.file_origin(name, over) else {
            if export != Export::Default {
                if let Some(v) = self.vars.get_mut(name) {
                    v.export = export;
                }
            }
            return Ok(());
        };
        let old = self.vars.get(name).cloned();
        let var = match op {
            Op::Recursive => Var::new(value, Flavor::Recursive, origin),
            Op::Simple => {
                let v = self.expand(value)?;
                Var::new(v, Flavor::Simple, origin)
            }
            Op::Shell => {
                let cmd = self.expand(value)?;
                let v = self.shell_function(&cmd)?;
                Var::new(v, Flavor::Recursive, origin)
            }
            Op::Conditional => {
                if old.is_some() {
                    return Ok(());
                }
                Var::new(value, Flavor::Recursive, origin)
            }
            Op::Append => match &old {
                Some(o) => {
                    let add = if o.flavor == Flavor::Simple {
                        self.expand(value)?
                    } else {
                        value.to_string()
                    };
                    let v = if o.value.is_empty() {
                        add
                    } else {
                        format!("{} {add}", o.value)
                    };
                    Var::new(
                        v,
                        o.flavor,
                        if o.origin > origin { o.origin } else { origin },
                    )
                }
                None => Var::new(value, Flavor::Recursive, origin),
            },
        };
        let mut var = var;
        var.export = export;
        if var.export == Export::Default {
            if self.export_marks.iter().any(|n| n == name) {
                var.export = Export::Yes;
            } else if self.unexport_marks.iter().any(|n| n == name) {
                var.export = Export::No;
            }
        }
        self.set_var(name, var);
        Ok(())
    }

    pub fn eval(&mut self, text: &str) -> R<()> {
        let loc = self.loc.clone().unwrap_or_default();
        let mut missing = Vec::new();
        let saved = std::mem::take(&mut self.expanding);
        let result = self.read_text(text, &loc.file, loc.line, true, &mut missing);
        self.expanding = saved;
        self.loc = Some(loc);
        result?;
        for m in missing {
            if !m.optional {
                let text = format!(
                    "{}:{}: {}: No such file or directory\n",
                    m.loc.file, m.loc.line, m.name
                );
                self.r.err(&text);
                return self
                    .fatal(&format!("No rule to make target '{}'", m.name))
                    .map(|_: ()| ());
            }
        }
        Ok(())
    }

    fn flush(&mut self, pending: &mut Option<Pending>) -> R<()> {
        let Some(p) = pending.take() else {
            return Ok(());
        };
        let has_recipe = p.has_recipe || !p.recipe.is_empty();
        let recipe = has_recipe.then(|| p.recipe.clone());
        let recipe_loc = p.recipe.first().map_or(p.loc.clone(), |l| l.loc.clone());
        let saved = self.loc.replace(p.loc.clone());
        let patterns = p.targets.iter().filter(|t| t.contains('%')).count();
        if p.static_pattern.is_none() && patterns > 0 {
            if patterns != p.targets.len() {
                return self.fatal("mixed implicit and normal rules");
            }
            self.patterns.push(PatternRule {
                targets: p.targets.clone(),
                deps: p.deps.clone(),
                order_only: p.order_only.clone(),
                recipe: p.recipe.clone(),
                builtin: false,
            });
            self.loc = saved;
            return Ok(());
        }
        for target in &p.targets {
            let (mut deps, mut order_only, mut stem) = (p.deps.clone(), p.order_only.clone(), None);
            if let Some((tpat, pdeps, porder)) = &p.static_pattern {
                match pattern_match(tpat, target) {
                    Some(s) => {
                        deps = pdeps.iter().map(|d| d.replacen('%', s, 1)).collect();
                        order_only = porder.iter().map(|d| d.replacen('%', s, 1)).collect();
                        stem = Some(s.to_string());
                    }
                    None => {
                        let text = format!(
                            "{}target '{target}' doesn't match the target pattern\n",
                            self.here()
                        );
                        self.r.err(&text);
                        deps = Vec::new();
                        order_only = Vec::new();
                    }
                }
            }
            if is_special(target) {
                if let Some(rule) = self.suffix_rule(target, &deps, recipe.as_ref()) {
                    self.patterns.push(rule);
                    continue;
                }
                let entry = self.special.entry(target.clone()).or_default();
                entry.extend(deps.iter().cloned());
                if target != ".PHONY" && target != ".SUFFIXES" {
                    let f = self.files.entry(target.clone()).or_default();
                    f.is_target = true;
                }
                continue;
            }
            if let Some(rule) = self.suffix_rule(target, &deps, recipe.as_ref()) {
                self.patterns.push(rule);
                continue;
            }
            let goal_unset = self
                .vars
                .get(".DEFAULT_GOAL")
                .is_none_or(|v| v.value.is_empty());
            if goal_unset && (!target.starts_with('.') || target.contains('/')) {
                self.vars.insert(
                    ".DEFAULT_GOAL".into(),
                    Var::new(target.clone(), Flavor::Recursive, Origin::Default),
                );
            }
            let f: &mut FileInfo = self.files.entry(target.clone()).or_default();
            if p.double_colon {
                if f.single_colon {
                    return self
                        .fatal(&format!("target file '{target}' has both : and :: entries"));
                }
                f.is_target = true;
                f.double_colon.push(Rule {
                    deps,
                    order_only,
                    recipe: recipe.clone(),
                    stem,
                });
                continue;
            }
            if !f.double_colon.is_empty() {
                return self.fatal(&format!("target file '{target}' has both : and :: entries"));
            }
            f.is_target = true;
            f.single_colon = true;
            for d in deps {
                f.deps.push(d);
            }
            for d in order_only {
                f.order_only.push(d);
            }
            if stem.is_some() {
                f.stem = stem;
            }
            if let Some(r) = &recipe {
                if let Some(_old) = &f.recipe {
                    let old_loc = f.recipe_loc.clone();
                    let text = format!(
                        "{}:{}: warning: overriding recipe for target '{target}'\n{}:{}: warning: ignoring old recipe for target '{target}'\n",
                        recipe_loc.file, recipe_loc.line, old_loc.file, old_loc.line
                    );
                    let f = self.files.get_mut(target).expect("file");
                    f.recipe = Some(r.clone());
                    f.recipe_loc = recipe_loc.clone();
                    self.r.err(&text);
                    continue;
                }
                f.recipe = Some(r.clone());
                f.recipe_loc = recipe_loc.clone();
            }
        }
        self.loc = saved;
        Ok(())
    }

    /// `.c.o:` / `.c:` as the pattern rule they stand for.
    fn suffix_rule(
        &self,
        target: &str,
        deps: &[String],
        recipe: Option<&Vec<RecipeLine>>,
    ) -> Option<PatternRule> {
        if !deps.is_empty() || !target.starts_with('.') || target.contains('/') {
            return None;
        }
        let known = |s: &str| {
            SUFFIXES.contains(&s)
                || self
                    .special
                    .get(".SUFFIXES")
                    .is_some_and(|v| v.iter().any(|x| x == s))
        };
        let recipe = recipe?.clone();
        if known(target) {
            return Some(PatternRule {
                targets: vec!["%".into()],
                deps: vec![format!("%{target}")],
                order_only: vec![],
                recipe,
                builtin: false,
            });
        }
        let k = target[1..].find('.')? + 1;
        let (a, b) = (&target[..k], &target[k..]);
        (known(a) && known(b)).then(|| PatternRule {
            targets: vec![format!("%{b}")],
            deps: vec![format!("%{a}")],
            order_only: vec![],
            recipe,
            builtin: false,
        })
    }
}

fn split_order_only(text: &str) -> (Vec<String>, Vec<String>) {
    match text.find('|') {
        Some(k) => (
            words(&text[..k]).iter().map(|s| s.to_string()).collect(),
            words(&text[k + 1..])
                .iter()
                .map(|s| s.to_string())
                .collect(),
        ),
        None => (
            words(text).iter().map(|s| s.to_string()).collect(),
            Vec::new(),
        ),
    }
}
