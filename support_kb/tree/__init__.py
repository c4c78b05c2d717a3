"""The "before you ask" decision tree (docs/triage.yml)."""
