"""The glossary (docs/glossary.yml): the portal's terms in Russian and Kazakh, and the variants
the pages must not use.

A variant is matched at the start of a word, case-insensitively, so a stem catches its inflected
forms («нысан» catches «нысанға»). Where a word is right in one sense and wrong in another, the
variant names the wrong sense by its neighbours (a collocation such as «өтініштердің ортақ кезегі»:
a support request, not the queue application), and `allow` lists the phrases where a variant is
right (the portal's own label «Жолдаманың қолданылу мерзімі»): a match that overlaps an allowed
phrase is not reported."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..data import datafile
from ..data.datafile import LANGUAGES, DataProblem, DataProblems, Text

TERM_KEYS = {"ru", "kk", "note", "avoid", "allow"}


@dataclass(frozen=True)
class Term:
    term: Text
    note: Text
    avoid: dict[str, tuple[str, ...]]
    allow: dict[str, tuple[str, ...]]


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
        lists = {}
        for key in ("avoid", "allow"):
            value = raw.get(key) or {}
            if not isinstance(value, dict) or set(value) - set(LANGUAGES) or \
                    not all(isinstance(v, list) and all(isinstance(s, str) and s.strip() for s in v) for v in value.values()):
                problems.append(DataProblem(path, f"'{key}' must be {{ru: [...], kk: [...]}}, lists of phrases", raw.line_of(key), node))
                value = {}
            lists[key] = {lang: tuple(value.get(lang) or ()) for lang in LANGUAGES}
        if term and note:
            terms.append(Term(term, note, lists["avoid"], lists["allow"]))
    if problems:
        raise DataProblems(problems)
    return terms


def avoided_variants(terms: list[Term], lang: str, text: str) -> list[tuple[str, Term]]:
    """Variants to avoid that the text uses, with the term to use instead."""
    found = []
    for term in terms:
        allowed = [m.span() for phrase in term.allow[lang] for m in _matches(phrase, text)]
        for variant in term.avoid[lang]:
            if any(not any(start < end_ok and start_ok < end for start_ok, end_ok in allowed)
                   for start, end in (m.span() for m in _matches(variant, text))):
                found.append((variant, term))
    return found


def _matches(phrase: str, text: str):
    return re.finditer(rf"(?<!\w){re.escape(phrase)}", text, re.IGNORECASE)
