"""The editors' checks: parity, front matter, untranslated paragraphs, glossary, spelling, navigation,
the tree's rules, links; run_all runs them all (`kb check`, and the plugin during `mkdocs serve`)."""
from .problems import Problem
from .run import run_all

__all__ = ["Problem", "run_all"]
