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
    check = datafile.Checker(path)
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        raise DataProblems([DataProblem(path, "glossary-file")])
    terms = []
    for index, raw in enumerate(data["terms"], 1):
        node = f"terms[{index}]"
        raw = check.check(raw, datafile.MAPPING, node, datafile.line_of(raw, data["terms"].line), node)
        if raw is None:
            continue
        check.keys(raw, TERM_KEYS, node)
        term = check.both_languages({lang: raw.get(lang) for lang in LANGUAGES}, "term", raw.line, node)
        note = check.get_text(raw, "note", node)
        lists = {}
        for key in ("avoid", "allow"):  # {ru: [...], kk: [...]}, lists of phrases
            value = check.get(raw, key, datafile.MAPPING, node, default={}) or {}
            check.keys(value, LANGUAGES, node)
            lists[key] = {lang: tuple(phrase for phrase in check.items(value, lang, datafile.TEXT, node) if phrase)
                          for lang in LANGUAGES}
        if term and note:
            terms.append(Term(term, note, lists["avoid"], lists["allow"]))
    check.raise_if_any()
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
