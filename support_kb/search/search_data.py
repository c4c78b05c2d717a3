"""The data the site's search reads in the browser, apart from MkDocs: the search index split by
language, and the synonyms (docs/search-synonyms.yml) checked and ready to ship."""
from __future__ import annotations

from pathlib import Path

from ..data import datafile
from ..data.datafile import DataProblem, DataProblems


def split_by_language(docs: list[dict], prefixes: dict[str, str]) -> dict[str, list[dict]]:
    """Index entries per language, by the language's folder in their location ('' for the
    default language, 'kk/' for Kazakh)."""
    others = [p for p in prefixes.values() if p]
    out: dict[str, list[dict]] = {lang: [] for lang in prefixes}
    for doc in docs:
        location = doc["location"]
        for lang, prefix in prefixes.items():
            if (location.startswith(prefix) if prefix else not location.startswith(tuple(others))):
                out[lang].append(doc)
                break
    return out


def without_form_steps(docs: list[dict], form_pages: list[str]) -> list[dict]:
    """Drops the sections of the form pages (the steps of the decision tree, which are not
    articles); the page itself stays findable."""
    return [d for d in docs if not any(d["location"].startswith(p + "#") for p in form_pages)]


def boosted(docs: list[dict], boosts: dict[str, float]) -> list[dict]:
    """Entries of the pages in `boosts` (site path -> factor), sections included, with their
    `boost` multiplied by the factor."""
    out = []
    for doc in docs:
        factor = boosts.get(doc["location"].split("#")[0])
        out.append(doc if factor is None else {**doc, "boost": doc.get("boost", 1) * factor})
    return out


def load_synonyms(path: Path) -> dict[str, list[list[str]]]:
    """{lang: [[word or phrase, ...], ...]}: each group lists what people type for one thing.

    The file is a mapping of both languages to lists of groups; a group has two or more
    non-empty strings."""
    data = datafile.load(path)
    if not isinstance(data, dict):
        raise DataProblems([DataProblem(path, "the file must map 'ru' and 'kk' to lists of synonym groups")])
    check = datafile.Checker(path)
    problems = check.problems
    check.keys(data, datafile.LANGUAGES)
    synonyms: dict[str, list[list[str]]] = {}
    for lang in datafile.LANGUAGES:
        groups = check.get(data, lang, datafile.LIST, required=True)
        if groups is None:
            continue
        synonyms[lang] = []
        for group in groups:
            line = getattr(group, "line", None) or data.line_of(lang)
            if not isinstance(group, list) or len(group) < 2:
                problems.append(DataProblem(path, "a group lists two or more words or phrases", line, lang))
                continue
            if not all(isinstance(term, str) and term.strip() for term in group):
                problems.append(DataProblem(path, "every word or phrase of a group must be a non-empty string", line, lang))
                continue
            synonyms[lang].append([term.strip() for term in group])
    if problems:
        raise DataProblems(problems)
    return synonyms
