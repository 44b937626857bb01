//! Property test: random scripts built from fragments never panic and end within the budget.
