"""The glossary (docs/glossary.yml): the portal's terms in Russian and Kazakh, and the variants
the pages must not use."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..data import datafile
from ..data.datafile import LANGUAGES, DataProblem, DataProblems, Text

TERM_KEYS = {"ru", "kk", "note", "avoid"}


@dataclass(frozen=True)
class Term:
    term: Text
    note: Text
    avoid: dict[str, tuple[str, ...]]


def load(path: Path) -> list[Term]:
    data = datafile.load(path)
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        raise DataProblems([DataProblem(path, "the file must hold 'terms', a list")])
    terms, problems = [], []
    for index, raw in enumerate(data["terms"], 1):
        node = f"terms[{index}]"
        if not isinstance(raw, dict):
            problems.append(DataProblem(path, "a term must be a mapping", data["terms"].line, node))
            continue
        for key in sorted(set(raw) - TERM_KEYS):
            problems.append(DataProblem(path, f"unknown key '{key}'", raw.line_of(key), node))
        term, found = datafile.read_text({lang: raw.get(lang) for lang in LANGUAGES}, path, node, "term", raw.line)
        note, more = datafile.read_text(raw.get("note"), path, node, "note", raw.line_of("note"))
        problems += found + more
        avoid = raw.get("avoid") or {}
        if not isinstance(avoid, dict) or set(avoid) - set(LANGUAGES):
            problems.append(DataProblem(path, "'avoid' must be {ru: [...], kk: [...]}", raw.line_of("avoid"), node))
            avoid = {}
        if term and note:
            terms.append(Term(term, note, {lang: tuple(avoid.get(lang, ())) for lang in LANGUAGES}))
    if problems:
        raise DataProblems(problems)
    return terms


def avoided_variants(terms: list[Term], lang: str, text: str) -> list[tuple[str, Term]]:
    """Variants to avoid that the text uses, with the term to use instead."""
    found = []
    for term in terms:
        for variant in term.avoid[lang]:
            if re.search(rf"(?<!\w){re.escape(variant)}", text, re.IGNORECASE):
                found.append((variant, term))
    return found
