//! Variables: flavour, origin, export state, and target- or pattern-specific values.

/// How a variable is expanded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flavor {
    Recursive,
    Simple,
}

/// Where a value came from, as `$(origin)` names it; later variants win.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Origin {
    Default,
    Environment,
    File,
    EnvOverride,
    CommandLine,
    Override,
    Automatic,
}

impl Origin {
    pub fn name(self) -> &'static str {
        match self {
            Origin::Default => "default",
            Origin::Environment => "environment",
            Origin::File => "file",
            Origin::EnvOverride => "environment override",
            Origin::CommandLine => "command line",
            Origin::Override => "override",
            Origin::Automatic => "automatic",
        }
    }
}

/// `export` / `unexport` state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    Default,
    Yes,
    No,
}

#[derive(Clone, Debug)]
pub struct Var {
    pub value: String,
    pub flavor: Flavor,
    pub origin: Origin,
    pub export: Export,
}

impl Var {
    pub fn new(value: impl Into<String>, flavor: Flavor, origin: Origin) -> Var {
        Var {
            value: value.into(),
            flavor,
            origin,
            export: Export::Default,
        }
    }
}

/// The assignment operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Recursive,
    Simple,
    Conditional,
    Append,
    Shell,
}

/// `target: NAME op VALUE`.
#[derive(Clone, Debug)]
pub struct TargetVar {
    pub name: String,
    pub op: Op,
    pub value: String,
    pub over: bool,
    pub export: Export,
}
