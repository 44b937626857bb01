//! Session behaviour: state carried across lines, budgets, plug-in programs.
