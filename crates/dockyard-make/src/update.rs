//! The run: setting up variables, reading the makefiles, choosing goals, updating
//! targets by their mtimes (explicit, pattern and built-in rules), and running recipes
//! with make's echo, prefixes, error messages and options.

use std::collections::{BTreeMap, HashMap};

use crate::expand::{pattern_match, words};
use crate::functions::exec_error_text;
use crate::options::{self, Options};
use crate::read::MissingInclude;
use crate::vars::{Export, Flavor, Op, Origin, Var};
use crate::{Limits, Loc, Make, PatternRule, RecipeLine, RecipeRunner, Stop, R};

/// How updating a target ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    Running,
    /// Done; `true` if it was remade (or would be, under `-n`/`-q`).
    Done(bool),
    Failed,
}

/// A failure that ends the run at once (no `-k`), after its message.
struct Abort;

const BUILTIN_VARS: &[(&str, &str)] = &[
    ("AR", "ar"),
    ("ARFLAGS", "rv"),
    ("AS", "as"),
    ("CC", "cc"),
    ("CXX", "g++"),
    ("CPP", "$(CC) -E"),
    ("FC", "f77"),
    ("LD", "ld"),
    ("LEX", "lex"),
    ("YACC", "yacc"),
    ("RM", "rm -f"),
    ("MAKEINFO", "makeinfo"),
    ("TEX", "tex"),
    ("COMPILE.c", "$(CC) $(CFLAGS) $(CPPFLAGS) $(TARGET_ARCH) -c"),
    (
        "LINK.c",
        "$(CC) $(CFLAGS) $(CPPFLAGS) $(LDFLAGS) $(TARGET_ARCH)",
    ),
    ("LINK.o", "$(CC) $(LDFLAGS) $(TARGET_ARCH)"),
    (
        "COMPILE.cc",
        "$(CXX) $(CXXFLAGS) $(CPPFLAGS) $(TARGET_ARCH) -c",
    ),
    ("OUTPUT_OPTION", "-o $@"),
];

impl<'r> Make<'r> {
    pub fn new(
        r: &'r mut dyn RecipeRunner,
        opts: Options,
        env: &[(String, String)],
        cwd: &str,
        level: u32,
        prefix: String,
        limits: Limits,
    ) -> Make<'r> {
        Make {
            r,
            opts,
            level,
            prefix,
            cwd: cwd.to_string(),
            limits,
            steps: 0,
            depth: 0,
            env: env.to_vec(),
            vars: HashMap::new(),
            layers: Vec::new(),
            target_vars: HashMap::new(),
            pattern_vars: Vec::new(),
            files: HashMap::new(),
            patterns: Vec::new(),
            special: HashMap::new(),
            export_all: false,
            expanding: Vec::new(),
            loc: None,
            makefile_list: Vec::new(),
            state: BTreeMap::new(),
            commands_started: 0,
            intermediates: Vec::new(),
            call_depth: 0,
            export_marks: Vec::new(),
            unexport_marks: Vec::new(),
            no_makefile: false,
            own_failures: Vec::new(),
        }
    }

    fn setup_vars(&mut self) {
        let simple = |v: &str, o| Var::new(v, Flavor::Simple, o);
        let rec = |v: &str, o| Var::new(v, Flavor::Recursive, o);
        if !self.opts.no_builtin_vars {
            for (k, v) in BUILTIN_VARS {
                self.vars.insert(k.to_string(), rec(v, Origin::Default));
            }
        }
        self.vars
            .insert("MAKE".into(), rec("$(MAKE_COMMAND)", Origin::Default));
        self.vars
            .insert("MAKE_COMMAND".into(), rec("make", Origin::Default));
        self.vars
            .insert("MAKE_VERSION".into(), rec("4.3", Origin::Default));
        self.vars
            .insert("SHELL".into(), rec("/bin/sh", Origin::File));
        self.vars
            .insert(".SHELLFLAGS".into(), rec("-c", Origin::Default));
        self.vars
            .insert(".RECIPEPREFIX".into(), rec("", Origin::Default));
        self.vars
            .insert("CURDIR".into(), simple(&self.cwd.clone(), Origin::File));
        self.vars.insert(
            "MAKELEVEL".into(),
            rec(&self.level.to_string(), Origin::Environment),
        );
        self.vars
            .insert("MAKEFILES".into(), rec("", Origin::Default));
        self.vars
            .insert("SUFFIXES".into(), rec("", Origin::Default));
        for (k, v) in self.env.clone() {
            if k == "SHELL" || k == "MAKELEVEL" || k == "MAKEFLAGS" || k.is_empty() {
                continue;
            }
            let origin = if self.opts.env_override {
                Origin::EnvOverride
            } else {
                Origin::Environment
            };
            let mut var = rec(&v, origin);
            var.export = Export::Yes;
            self.vars.insert(k, var);
        }
        for a in self.opts.assignments.clone() {
            if let Some((name, op, value)) = crate::read::split_assignment(&a) {
                let var = match op {
                    Op::Simple => {
                        let v = self.expand(&value).unwrap_or_default();
                        simple(&v, Origin::CommandLine)
                    }
                    _ => rec(&value, Origin::CommandLine),
                };
                let mut var = var;
                var.export = Export::Yes;
                self.vars.insert(name, var);
            }
        }
        self.set_makeflags();
        let goals = self.opts.goals.join(" ");
        self.vars
            .insert("MAKECMDGOALS".into(), simple(&goals, Origin::Default));
    }

    fn print_dir(&self) -> bool {
        !self.opts.no_print_dir
            && (self.opts.print_dir
                || ((self.level > 0 || !self.opts.dirs.is_empty()) && !self.opts.silent))
    }

    fn set_makeflags(&mut self) {
        let assignments = self.opts.assignments.clone();
        let flags = self.opts.makeflags(
            &assignments,
            self.print_dir() && self.level > 0 || self.opts.print_dir,
        );
        let mut v = Var::new(flags, Flavor::Recursive, Origin::File);
        v.export = Export::Yes;
        self.vars.insert("MAKEFLAGS".into(), v);
    }

    pub fn main(&mut self) -> i32 {
        for d in self.opts.dirs.clone() {
            let path = dockyard_vfs::join(&self.cwd, &d);
            if !self.r.vfs().is_dir(&path) {
                let text = format!(
                    "{}: *** {d}: No such file or directory.  Stop.\n",
                    self.prefix
                );
                self.r.err(&text);
                return 2;
            }
            self.cwd = crate::functions::normalize(&path);
        }
        let print_dir = self.print_dir();
        if print_dir {
            let text = format!("{}: Entering directory '{}'\n", self.prefix, self.cwd);
            self.r.out(&text);
        }
        let status = self.run_all().unwrap_or(2);
        if print_dir {
            let text = format!("{}: Leaving directory '{}'\n", self.prefix, self.cwd);
            self.r.out(&text);
        }
        status
    }

    fn reset(&mut self) {
        self.vars.clear();
        self.layers.clear();
        self.target_vars.clear();
        self.pattern_vars.clear();
        self.files.clear();
        self.patterns.clear();
        self.special.clear();
        self.export_all = false;
        self.makefile_list.clear();
        self.state.clear();
        self.export_marks.clear();
        self.unexport_marks.clear();
    }

    fn read_all(&mut self) -> R<Vec<MissingInclude>> {
        self.reset();
        self.setup_vars();
        let mut missing = Vec::new();
        let names: Vec<String> = if self.opts.makefiles.is_empty() {
            ["GNUmakefile", "makefile", "Makefile"]
                .iter()
                .find(|n| {
                    let p = dockyard_vfs::join(&self.cwd, n);
                    self.r.vfs().is_file(&p)
                })
                .map(|n| vec![n.to_string()])
                .unwrap_or_default()
        } else {
            self.opts.makefiles.clone()
        };
        for (k, e) in self.opts.evals.clone().iter().enumerate() {
            let _ = k;
            self.loc = None;
            self.read_text(e, "", 1, true, &mut missing)?;
        }
        for name in &names {
            let path = dockyard_vfs::join(&self.cwd, name);
            let text = match self.r.vfs().read(&path) {
                Ok(t) => String::from_utf8_lossy(&t).into_owned(),
                Err(_) => {
                    missing.push(MissingInclude {
                        name: name.clone(),
                        loc: Loc::default(),
                        optional: false,
                    });
                    continue;
                }
            };
            self.add_makefile(name);
            self.read_text(&text, name, 1, false, &mut missing)?;
        }
        if names.is_empty() && self.opts.makefiles.is_empty() {
            self.no_makefile = true;
        }
        self.loc = None;
        Ok(missing)
    }

    pub fn add_makefile(&mut self, name: &str) {
        self.makefile_list.push(name.to_string());
        let list = self.makefile_list.join(" ");
        self.vars.insert(
            "MAKEFILE_LIST".into(),
            Var::new(list, Flavor::Simple, Origin::File),
        );
    }

    fn run_all(&mut self) -> R<i32> {
        let mut restarts = 0;
        let missing = loop {
            let missing = self.read_all()?;
            // Try to make missing included makefiles, then read everything again.
            let mut remade = false;
            for m in &missing {
                if self.has_rule(&m.name) {
                    self.apply_makefile_flags();
                    let mut started = self.commands_started;
                    match self.update(&m.name, None) {
                        Ok(_) => {}
                        Err(Abort) => return Ok(2),
                    }
                    std::mem::swap(&mut started, &mut self.commands_started);
                    self.commands_started = started;
                    let p = dockyard_vfs::join(&self.cwd, &m.name);
                    if self.r.vfs().exists(&p) {
                        remade = true;
                    }
                }
            }
            if remade && restarts < 5 {
                restarts += 1;
                continue;
            }
            break missing;
        };
        for m in &missing {
            if m.optional {
                continue;
            }
            if m.loc.file.is_empty() {
                let text = format!("{}: {}: No such file or directory\n", self.prefix, m.name);
                self.r.err(&text);
            } else {
                let text = format!(
                    "{}:{}: {}: No such file or directory\n",
                    m.loc.file, m.loc.line, m.name
                );
                self.r.err(&text);
            }
            let text = format!(
                "{}: *** No rule to make target '{}'.  Stop.\n",
                self.prefix, m.name
            );
            self.r.err(&text);
            return Ok(2);
        }
        self.apply_makefile_flags();
        let goals = if self.opts.goals.is_empty() {
            let g = self.expand("$(.DEFAULT_GOAL)")?;
            let g: Vec<String> = words(&g).iter().map(|s| s.to_string()).collect();
            if g.len() > 1 {
                return self.fatal(".DEFAULT_GOAL contains more than one target");
            }
            if g.is_empty() {
                if self.no_makefile {
                    return self.fatal("No targets specified and no makefile found");
                }
                return self.fatal("No targets");
            }
            g
        } else {
            self.opts.goals.clone()
        };
        let mut status = 0;
        for goal in &goals {
            let before = self.commands_started;
            match self.update(goal, None) {
                Err(Abort) => {
                    status = 2;
                    break;
                }
                Ok(State::Failed) => {
                    status = 2;
                    if self.opts.keep_going
                        && !self.opts.question
                        && !self.own_failures.contains(goal)
                    {
                        let text = format!(
                            "{}: Target '{goal}' not remade because of errors.\n",
                            self.prefix
                        );
                        self.r.err(&text);
                    }
                    if !self.opts.keep_going {
                        break;
                    }
                }
                Ok(State::Done(remade)) => {
                    if self.opts.question {
                        if remade {
                            status = status.max(1);
                        }
                        continue;
                    }
                    if self.commands_started == before && !self.opts.silent {
                        let f = self.files.get(goal);
                        let phony = self.is_phony(goal);
                        let no_recipe = f.is_none_or(|f| {
                            f.recipe.is_none() && f.double_colon.iter().all(|r| r.recipe.is_none())
                        }) && self.implicit_recipe(goal).is_none();
                        let text = if phony || no_recipe {
                            format!("{}: Nothing to be done for '{goal}'.\n", self.prefix)
                        } else {
                            format!("{}: '{goal}' is up to date.\n", self.prefix)
                        };
                        self.r.out(&text);
                    }
                }
                Ok(State::Running) => {}
            }
        }
        self.delete_intermediates();
        Ok(status)
    }

    fn apply_makefile_flags(&mut self) {
        if let Some(v) = self.vars.get("MAKEFLAGS").cloned() {
            if v.origin == Origin::File || v.origin == Origin::Override {
                let value = self.expand(&v.value).unwrap_or_default();
                let mut o = self.opts.clone();
                if options::apply_makeflags(&mut o, &value).is_ok() {
                    o.assignments = self.opts.assignments.clone();
                    self.opts = o;
                }
            }
        }
        self.set_makeflags();
    }

    fn delete_intermediates(&mut self) {
        let mut removed = Vec::new();
        for f in std::mem::take(&mut self.intermediates) {
            if self.is_special_member(".PRECIOUS", &f) || self.is_special_member(".SECONDARY", &f) {
                continue;
            }
            let p = dockyard_vfs::join(&self.cwd, &f);
            if self.r.vfs().exists(&p) {
                if !self.opts.dry_run {
                    let _ = self.r.vfs().remove_file(&p);
                }
                removed.push(f);
            }
        }
        if !removed.is_empty() && !self.opts.silent {
            let text = format!("rm {}\n", removed.join(" "));
            self.r.out(&text);
        }
    }

    pub fn is_special_member(&self, special: &str, name: &str) -> bool {
        self.special
            .get(special)
            .is_some_and(|v| v.iter().any(|x| x == name))
    }

    fn is_phony(&self, name: &str) -> bool {
        self.is_special_member(".PHONY", name)
    }

    fn has_rule(&self, name: &str) -> bool {
        self.files.get(name).is_some_and(|f| f.is_target) || self.implicit_recipe(name).is_some()
    }

    fn mtime(&mut self, name: &str) -> Option<u64> {
        if self.opts.old_files.iter().any(|f| f == name) {
            let p = dockyard_vfs::join(&self.cwd, name);
            return self.r.vfs().stat(&p).ok().map(|_| 0);
        }
        let p = dockyard_vfs::join(&self.cwd, name);
        self.r.vfs().stat(&p).ok().map(|m| m.mtime)
    }

    fn exists_or_target(&mut self, name: &str) -> bool {
        self.files.get(name).is_some_and(|f| f.is_target) || {
            let p = dockyard_vfs::join(&self.cwd, name);
            self.r.vfs().exists(&p)
        }
    }

    /// Finds a pattern rule for `name`: (rule, stem, deps); chains one level.
    fn find_implicit(
        &mut self,
        name: &str,
        depth: usize,
    ) -> Option<(PatternRule, String, Vec<String>)> {
        let mut rules: Vec<PatternRule> = self.patterns.clone();
        if !self.opts.no_builtin_rules {
            rules.extend(builtin_rules());
        }
        for pass in 0..2 {
            for rule in &rules {
                if rule.recipe.is_empty() {
                    continue;
                }
                for t in &rule.targets {
                    let (dir, base) = if t.contains('/') {
                        ("", name)
                    } else {
                        match name.rfind('/') {
                            Some(p) => (&name[..=p], &name[p + 1..]),
                            None => ("", name),
                        }
                    };
                    let Some(stem) = pattern_match(t, base) else {
                        continue;
                    };
                    if t == "%" && rule.builtin && stem.contains('.') && pass == 1 {
                        continue;
                    }
                    let stem = format!("{dir}{stem}");
                    let deps: Vec<String> = rule
                        .deps
                        .iter()
                        .map(|d| {
                            if d.contains('/') || dir.is_empty() {
                                d.replacen('%', &stem, 1)
                            } else {
                                format!("{dir}{}", d.replacen('%', &stem[dir.len()..], 1))
                            }
                        })
                        .collect();
                    let ok = deps.iter().all(|d| {
                        self.exists_or_target(d)
                            || (pass == 1
                                && depth < 2
                                && d != name
                                && self.find_implicit(d, depth + 1).is_some())
                    });
                    if ok {
                        return Some((rule.clone(), stem, deps));
                    }
                }
            }
        }
        None
    }

    fn implicit_recipe(&self, name: &str) -> Option<()> {
        let f = self.files.get(name);
        if f.is_some_and(|f| f.recipe.is_some() || !f.double_colon.is_empty())
            || self.is_phony(name)
        {
            return None;
        }
        let mut rules: Vec<&PatternRule> = self.patterns.iter().collect();
        let b = builtin_rules();
        if !self.opts.no_builtin_rules {
            rules.extend(b.iter());
        }
        for rule in rules {
            if rule.recipe.is_empty() {
                continue;
            }
            for t in &rule.targets {
                let base = if t.contains('/') {
                    name
                } else {
                    name.rsplit('/').next().unwrap_or(name)
                };
                if let Some(stem) = pattern_match(t, base) {
                    let deps_ok = rule.deps.iter().all(|d| {
                        let dep = d.replacen('%', stem, 1);
                        let dep = match name.rfind('/') {
                            Some(p) if !d.contains('/') && !t.contains('/') => {
                                format!("{}{dep}", &name[..=p])
                            }
                            _ => dep,
                        };
                        self.files.get(&dep).is_some_and(|f| f.is_target)
                    });
                    if deps_ok && !rule.deps.is_empty() {
                        return Some(());
                    }
                }
            }
        }
        None
    }

    /// Builds the target-specific variable layer for `name` on top of the current one.
    fn target_layer(&mut self, name: &str) -> R<HashMap<String, Var>> {
        let mut specs = Vec::new();
        for (pat, tv) in self.pattern_vars.clone() {
            if pattern_match(&pat, name).is_some() {
                specs.push(tv);
            }
        }
        if let Some(v) = self.target_vars.get(name) {
            specs.extend(v.iter().cloned());
        }
        let mut layer: HashMap<String, Var> = HashMap::new();
        for tv in specs {
            let outer = layer
                .get(&tv.name)
                .cloned()
                .or_else(|| self.lookup(&tv.name).cloned());
            if let Some(o) = &outer {
                if o.origin >= Origin::CommandLine
                    && o.origin != Origin::Automatic
                    && !tv.over
                    && tv.op != Op::Append
                {
                    continue;
                }
            }
            let origin = if tv.over {
                Origin::Override
            } else {
                Origin::File
            };
            let mut var = match tv.op {
                Op::Recursive => Var::new(tv.value.clone(), Flavor::Recursive, origin),
                Op::Simple => Var::new(tv.value.clone(), Flavor::Simple, origin),
                Op::Shell => {
                    let cmd = self.expand(&tv.value)?;
                    Var::new(self.shell_function(&cmd)?, Flavor::Simple, origin)
                }
                Op::Conditional => {
                    if outer.is_some() {
                        continue;
                    }
                    Var::new(tv.value.clone(), Flavor::Recursive, origin)
                }
                Op::Append => match &outer {
                    Some(o) => {
                        let base = if o.flavor == Flavor::Recursive {
                            self.expand(&o.value)?
                        } else {
                            o.value.clone()
                        };
                        let add = self.expand(&tv.value)?;
                        let v = if base.is_empty() {
                            add
                        } else {
                            format!("{base} {add}")
                        };
                        Var::new(v, Flavor::Simple, o.origin.max(origin))
                    }
                    None => Var::new(tv.value.clone(), Flavor::Recursive, origin),
                },
            };
            var.export = if tv.export == Export::Default {
                outer.as_ref().map_or(Export::Default, |o| o.export)
            } else {
                tv.export
            };
            layer.insert(tv.name.clone(), var);
        }
        Ok(layer)
    }

    /// Updates `name` (depth first); `parent` names who needs it, for messages.
    fn update(&mut self, name: &str, parent: Option<&str>) -> Result<State, Abort> {
        if let Some(s) = self.state.get(name) {
            if *s == State::Running {
                let text = format!(
                    "{}: Circular {} <- {name} dependency dropped.\n",
                    self.prefix,
                    parent.unwrap_or(name)
                );
                self.r.err(&text);
                return Ok(State::Done(false));
            }
            return Ok(*s);
        }
        if self.step().is_err() || self.layers.len() > self.limits.depth {
            return Err(Abort);
        }
        self.state.insert(name.to_string(), State::Running);
        let result = self.update_inner(name, parent);
        let state = match result {
            Ok(s) => s,
            Err(Abort) => {
                self.state.insert(name.to_string(), State::Failed);
                return Err(Abort);
            }
        };
        self.state.insert(name.to_string(), state);
        Ok(state)
    }

    fn update_inner(&mut self, name: &str, parent: Option<&str>) -> Result<State, Abort> {
        let info = self.files.get(name).cloned().unwrap_or_default();
        let phony = self.is_phony(name);
        let layer = self.target_layer(name).map_err(|_| Abort)?;
        self.layers.push(layer);
        let result = self.update_with_layer(name, parent, info, phony);
        self.layers.pop();
        result
    }

    fn update_with_layer(
        &mut self,
        name: &str,
        parent: Option<&str>,
        info: crate::FileInfo,
        phony: bool,
    ) -> Result<State, Abort> {
        // Double-colon rules: each one on its own.
        if !info.double_colon.is_empty() {
            let mut any = false;
            for rule in &info.double_colon {
                let mut failed = false;
                let mut newer = Vec::new();
                let t = self.mtime(name);
                for d in &rule.deps {
                    match self.update(d, Some(name))? {
                        State::Failed => failed = true,
                        State::Done(ch) => {
                            let dm = self.mtime(d);
                            if ch || t.is_none() || dm.zip(t).is_some_and(|(a, b)| a > b) {
                                newer.push(d.clone());
                            }
                        }
                        State::Running => {}
                    }
                }
                if failed {
                    return Ok(State::Failed);
                }
                let must = phony
                    || t.is_none()
                    || !newer.is_empty()
                    || self.opts.always
                    || rule.deps.is_empty();
                if must {
                    if let Some(recipe) = &rule.recipe {
                        let auto = self.automatics(
                            name,
                            &rule.deps,
                            &rule.order_only,
                            &newer,
                            rule.stem.clone().unwrap_or_default(),
                        );
                        if !self.run_recipe(name, recipe, auto, phony)? {
                            return Ok(State::Failed);
                        }
                        any = true;
                    }
                }
            }
            return Ok(State::Done(any));
        }
        let mut deps = info.deps.clone();
        let mut order_only = info.order_only.clone();
        let mut recipe = info.recipe.clone();
        let mut stem = info.stem.clone().unwrap_or_default();
        let mut intermediate_deps = Vec::new();
        if recipe.is_none() && !phony {
            if let Some((rule, s, rdeps)) = self.find_implicit(name, 0) {
                for d in &rdeps {
                    if !self.exists_or_target(d) {
                        intermediate_deps.push(d.clone());
                    }
                }
                let mut all = rdeps;
                all.extend(deps);
                deps = all;
                order_only.extend(rule.order_only.iter().map(|d| d.replacen('%', &s, 1)));
                recipe = Some(rule.recipe.clone());
                stem = s;
            }
        }
        if stem.is_empty() && info.stem.is_none() {
            if let Some(dot) = name.rfind('.') {
                if crate::read::SUFFIXES.contains(&&name[dot..]) {
                    stem = name[..dot].to_string();
                }
            }
        }
        let target_time = if phony { None } else { self.mtime(name) };
        let exists = target_time.is_some() || (!phony && self.mtime(name).is_some());
        // No rule and no file.
        if recipe.is_none() && !info.is_target && deps.is_empty() {
            if exists && !phony {
                return Ok(State::Done(false));
            }
            if phony {
                return Ok(State::Done(true));
            }
            let text = match parent {
                Some(p) => format!(
                    "{}: *** No rule to make target '{name}', needed by '{p}'.",
                    self.prefix
                ),
                None => format!("{}: *** No rule to make target '{name}'.", self.prefix),
            };
            if self.opts.keep_going {
                self.r.err(&format!("{text}\n"));
                return Ok(State::Failed);
            }
            self.r.err(&format!("{text}  Stop.\n"));
            return Err(Abort);
        }
        let mut failed = false;
        let mut newer = Vec::new();
        let mut forced = false;
        for d in &deps {
            match self.update(d, Some(name))? {
                State::Failed => {
                    failed = true;
                    if !self.opts.keep_going {
                        break;
                    }
                }
                State::Done(changed) => {
                    let dm = self.mtime(d);
                    let dep_phony = self.is_phony(d);
                    let newer_than = match (dm, target_time) {
                        (Some(a), Some(b)) => a > b,
                        _ => true,
                    };
                    if changed || dep_phony || newer_than || dm.is_none() {
                        if !newer.contains(d) {
                            newer.push(d.clone());
                        }
                        if changed || dep_phony || dm.is_none() {
                            forced = true;
                        }
                    }
                }
                State::Running => {}
            }
        }
        if !failed {
            for d in &order_only {
                if let State::Failed = self.update(d, Some(name))? {
                    failed = true;
                    if !self.opts.keep_going {
                        break;
                    }
                }
            }
        }
        if failed {
            return Ok(State::Failed);
        }
        for d in intermediate_deps {
            if !self.intermediates.contains(&d)
                && self.mtime(&d).is_some()
                && self.state.get(&d) == Some(&State::Done(true))
            {
                self.intermediates.push(d);
            }
        }
        let newer_files = self.opts.new_files.iter().any(|f| deps.contains(f));
        let must = phony
            || target_time.is_none()
            || !newer.is_empty()
            || forced
            || newer_files
            || (self.opts.always && !self.opts.old_files.iter().any(|f| f == name));
        if !must {
            return Ok(State::Done(false));
        }
        let Some(recipe) = recipe else {
            // A rule without a recipe: "remade" when it does not exist.
            return Ok(State::Done(target_time.is_none() || !newer.is_empty()));
        };
        if self.opts.question {
            return Ok(State::Done(true));
        }
        let newer_list = if target_time.is_none() {
            dedup(&deps)
        } else {
            newer
        };
        let auto = self.automatics(name, &deps, &order_only, &newer_list, stem);
        if !self.run_recipe(name, &recipe, auto, phony)? {
            return Ok(State::Failed);
        }
        Ok(State::Done(true))
    }

    fn automatics(
        &self,
        name: &str,
        deps: &[String],
        order_only: &[String],
        newer: &[String],
        stem: String,
    ) -> HashMap<String, Var> {
        let mut m = HashMap::new();
        let mut set = |k: &str, v: String| {
            m.insert(
                k.to_string(),
                Var::new(v, Flavor::Simple, Origin::Automatic),
            );
        };
        set("@", name.to_string());
        set("<", deps.first().cloned().unwrap_or_default());
        set("^", dedup(deps).join(" "));
        set("+", deps.join(" "));
        set("?", dedup(newer).join(" "));
        set("|", dedup(order_only).join(" "));
        set("*", stem);
        set("%", String::new());
        m
    }

    /// The environment a recipe runs with.
    fn recipe_env(&mut self) -> R<Vec<(String, String)>> {
        let mut names: Vec<String> = self.vars.keys().cloned().collect();
        for l in &self.layers {
            names.extend(l.keys().cloned());
        }
        names.sort();
        names.dedup();
        let mut env = Vec::new();
        for n in names {
            let Some(v) = self.lookup(&n).cloned() else {
                continue;
            };
            if v.origin == Origin::Automatic || n == "MAKELEVEL" {
                continue;
            }
            let export = match v.export {
                Export::Yes => true,
                Export::No => false,
                Export::Default => {
                    n == "MAKEFLAGS"
                        || (self.export_all && v.origin != Origin::Default && is_name(&n))
                        || (v.origin == Origin::CommandLine && is_name(&n))
                }
            };
            if !export {
                continue;
            }
            if n == "SHELL" {
                if let Some((_, s)) = self.env.iter().find(|(k, _)| k == "SHELL") {
                    env.push((n, s.clone()));
                }
                continue;
            }
            let value = if v.flavor == Flavor::Recursive {
                self.expand(&v.value)?
            } else {
                v.value
            };
            env.push((n, value));
        }
        if !env.iter().any(|(k, _)| k == "SHELL") {
            if let Some((_, s)) = self.env.iter().find(|(k, _)| k == "SHELL") {
                env.push(("SHELL".into(), s.clone()));
            }
        }
        env.push(("MAKELEVEL".into(), (self.level + 1).to_string()));
        env.sort();
        Ok(env)
    }

    /// The argv for one command: the shell, or a direct exec when it needs none.
    pub fn command_argv(&mut self, line: &str, oneshell: bool) -> R<Vec<String>> {
        let shell = self.expand("$(SHELL)")?;
        let flags = self.expand("$(.SHELLFLAGS)")?;
        if !oneshell && shell == "/bin/sh" {
            if let Some(argv) = direct_argv(line) {
                return Ok(argv);
            }
        }
        let mut argv = vec![shell];
        argv.extend(words(&flags).iter().map(|s| s.to_string()));
        argv.push(line.to_string());
        Ok(argv)
    }

    /// Runs a target's recipe; false when it failed (and the failure was not ignored).
    fn run_recipe(
        &mut self,
        name: &str,
        recipe: &[RecipeLine],
        auto: HashMap<String, Var>,
        phony: bool,
    ) -> Result<bool, Abort> {
        self.layers.push(auto);
        let result = self.run_recipe_inner(name, recipe, phony);
        self.layers.pop();
        result
    }

    fn run_recipe_inner(
        &mut self,
        name: &str,
        recipe: &[RecipeLine],
        phony: bool,
    ) -> Result<bool, Abort> {
        // Expand every line first: an error stops make before any line runs.
        let mut lines: Vec<(String, Loc, bool)> = Vec::new();
        for l in recipe {
            self.loc = Some(l.loc.clone());
            let text = self.expand(&l.text).map_err(|_| Abort)?;
            let recursive = l.text.contains("$(MAKE)") || l.text.contains("${MAKE}");
            lines.push((text, l.loc.clone(), recursive));
        }
        self.loc = None;
        let silent_target = self.is_special_member(".SILENT", name)
            || (self.special.contains_key(".SILENT") && self.special[".SILENT"].is_empty());
        let ignore_target = self.opts.ignore;
        let before = self.mtime(name);
        if self.opts.touch && !phony {
            self.commands_started += 1;
            let mut touched = false;
            for (text, loc, recursive) in &lines {
                let (flags, _) = prefixes(text);
                if *recursive || flags.contains('+') {
                    let _ = loc;
                    touched = true;
                }
            }
            let _ = touched;
            if !self.opts.silent {
                self.r.out(&format!("touch {name}\n"));
            }
            let p = dockyard_vfs::join(&self.cwd, name);
            let vfs = self.r.vfs();
            if vfs.exists(&p) {
                let now = vfs.tick();
                let _ = vfs.set_mtime(&p, now);
            } else {
                let _ = vfs.write(&p, b"");
            }
            return Ok(true);
        }
        let env = self.recipe_env().map_err(|_| Abort)?;
        let oneshell = self.special.contains_key(".ONESHELL");
        let mut units: Vec<(String, Loc, bool)> = Vec::new();
        if oneshell && !lines.is_empty() {
            let first_loc = lines[0].1.clone();
            let recursive = lines.iter().any(|l| l.2);
            let (flags, _) = prefixes(&lines[0].0);
            let mut body = Vec::new();
            for (t, _, _) in lines.iter() {
                let (_, rest) = prefixes(t);
                body.push(rest.to_string());
            }
            units.push((format!("{flags}{}", body.join("\n")), first_loc, recursive));
        } else {
            for (text, loc, recursive) in lines {
                // A multi-line value (a define) gives one command per line.
                for part in split_define_lines(&text) {
                    units.push((part, loc.clone(), recursive));
                }
            }
        }
        let cwd = self.cwd.clone();
        for (text, loc, recursive) in units {
            let (flags, cmd) = prefixes(&text);
            let silent = flags.contains('@') || self.opts.silent || silent_target;
            let ignore = flags.contains('-') || ignore_target;
            let force = flags.contains('+') || recursive;
            let cmd = cmd.to_string();
            if self.opts.dry_run || (!silent && !cmd.trim().is_empty()) {
                self.r.out(&format!(
                    "{cmd}
"
                ));
            }
            self.commands_started += 1;
            if self.opts.dry_run && !force {
                continue;
            }
            if cmd.trim().is_empty() {
                continue;
            }
            self.loc = Some(loc.clone());
            let argv = match self.command_argv(&cmd, oneshell) {
                Ok(a) => a,
                Err(Stop) => return Err(Abort),
            };
            self.loc = None;
            let status = match self.r.exec(&argv, &env, &cwd, false) {
                Ok((s, _)) => s,
                Err(e) => {
                    let text = format!("{}: {}: {}\n", self.prefix, argv[0], exec_error_text(e));
                    self.r.err(&text);
                    127
                }
            };
            if status != 0 {
                if ignore {
                    let text = format!(
                        "{}: [{}:{}: {name}] Error {status} (ignored)\n",
                        self.prefix, loc.file, loc.line
                    );
                    self.r.err(&text);
                    continue;
                }
                let text = format!(
                    "{}: *** [{}:{}: {name}] Error {status}\n",
                    self.prefix, loc.file, loc.line
                );
                self.r.err(&text);
                let delete = (self.special.contains_key(".DELETE_ON_ERROR"))
                    && !phony
                    && !self.is_special_member(".PRECIOUS", name);
                if delete {
                    let after = self.mtime(name);
                    if after.is_some() && after != before {
                        let p = dockyard_vfs::join(&self.cwd, name);
                        let _ = self.r.vfs().remove_file(&p);
                        let text = format!("{}: *** Deleting file '{name}'\n", self.prefix);
                        self.r.err(&text);
                    }
                }
                self.own_failures.push(name.to_string());
                if self.opts.keep_going {
                    return Ok(false);
                }
                return Err(Abort);
            }
        }
        Ok(true)
    }
}

fn is_name(n: &str) -> bool {
    !n.is_empty()
        && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !n.starts_with(|c: char| c.is_ascii_digit())
}

fn dedup(v: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for x in v {
        if !out.contains(x) {
            out.push(x.clone());
        }
    }
    out
}

/// Splits an expanded recipe line into commands: a newline not escaped by a backslash
/// ends one (lines from a `define`).
fn split_define_lines(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut prev_backslash = false;
    for ch in text.chars() {
        if ch == '\n' && !prev_backslash {
            out.push(std::mem::take(&mut cur));
            prev_backslash = false;
            continue;
        }
        prev_backslash = ch == '\\' && !prev_backslash;
        cur.push(ch);
    }
    out.push(cur);
    if out.len() > 1 {
        out.iter()
            .map(|l| l.strip_prefix('\t').unwrap_or(l).to_string())
            .collect()
    } else {
        out
    }
}

/// The `@ - +` prefixes (and blanks among them) and the command after them.
fn prefixes(text: &str) -> (String, &str) {
    let mut flags = String::new();
    let mut rest = text;
    loop {
        let t = rest.trim_start_matches([' ', '\t']);
        match t.chars().next() {
            Some(c @ ('@' | '-' | '+')) => {
                flags.push(c);
                rest = &t[1..];
            }
            _ => {
                rest = t;
                break;
            }
        }
    }
    (flags, rest)
}

const SH_CHARS: &str = "#;\"*?[]&|<>(){}$`^~!\n\\";
const SH_CMDS: &[&str] = &[
    ".", ":", "alias", "bg", "break", "case", "cd", "command", "continue", "eval", "exec", "exit",
    "export", "fc", "fg", "for", "getopts", "hash", "if", "jobs", "login", "read", "readonly",
    "return", "set", "shift", "test", "times", "trap", "type", "ulimit", "umask", "unalias",
    "unset", "wait", "while", "until", "do", "done", "then", "fi", "elif", "else", "esac",
    "function", "local", "[",
];

/// The words of a simple command make can exec without a shell, if it is one.
pub fn direct_argv(line: &str) -> Option<Vec<String>> {
    let mut argv = Vec::new();
    let mut cur = String::new();
    let mut in_word = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if SH_CHARS.contains(c) {
            return None;
        }
        match c {
            '\'' => {
                in_word = true;
                loop {
                    match chars.next() {
                        Some('\'') => break,
                        Some(x) => cur.push(x),
                        None => return None,
                    }
                }
            }
            ' ' | '\t' => {
                if in_word {
                    argv.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            '=' if argv.is_empty() => return None,
            _ => {
                cur.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        argv.push(cur);
    }
    if argv.is_empty() || SH_CMDS.contains(&argv[0].as_str()) {
        return None;
    }
    Some(argv)
}

fn builtin_rules() -> Vec<PatternRule> {
    let rule = |t: &str, d: &str, r: &str| PatternRule {
        targets: vec![t.to_string()],
        deps: vec![d.to_string()],
        order_only: vec![],
        recipe: vec![RecipeLine {
            text: r.to_string(),
            loc: Loc {
                file: "<builtin>".into(),
                line: 0,
            },
        }],
        builtin: true,
    };
    vec![
        rule("%", "%.o", "$(LINK.o) $^ $(LOADLIBES) $(LDLIBS) -o $@"),
        rule("%", "%.c", "$(LINK.c) $^ $(LOADLIBES) $(LDLIBS) -o $@"),
        rule("%.o", "%.c", "$(COMPILE.c) $(OUTPUT_OPTION) $<"),
        rule("%", "%.sh", "cat $< >$@ \n chmod a+x $@"),
    ]
}
