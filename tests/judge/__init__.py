"""An independent judge of mtcl targets, written from RULES.md (the rule book) alone (no mtcl code)."""
