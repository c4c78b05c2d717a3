"""The data the site's search reads in the browser, apart from MkDocs: the search index split by
language, the synonyms (docs/search-synonyms.yml) and the ranking (docs/search-ranking.yml),
checked and ready to ship."""
from __future__ import annotations

import json
from pathlib import Path

from ..data import datafile
from ..data.datafile import DataProblem, DataProblems
from . import search_folding


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
        raise DataProblems([DataProblem(path, "synonyms-file")])
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
                problems.append(DataProblem(path, "synonym-group-size", line, lang))
                continue
            if not all(isinstance(term, str) and term.strip() for term in group):
                problems.append(DataProblem(path, "synonym-group-words", line, lang))
                continue
            synonyms[lang].append([term.strip() for term in group])
    if problems:
        raise DataProblems(problems)
    return synonyms


def _numbers(value, count: int | None = None) -> bool:
    values = value if isinstance(value, list) else [value]
    return (count is None or len(values) == count) and all(
        isinstance(v, (int, float)) and not isinstance(v, bool) and 0 < v <= 10 for v in values)


RANKING_NUMBERS = {"weights": {"title": None, "text": None},
                   "matches": {"same": None, "stem_of": None, "same_stem": None, "typo": 2, "retyped": None}}


def load_ranking(path: Path) -> dict:
    """docs/search-ranking.yml, checked: weights and match qualities (positive numbers), the weak
    words' weight, the pages that rank lower (path -> factor), and per language its stop words and
    weak words (lists of words; a word is not both)."""
    data = datafile.load(path)
    if not isinstance(data, dict):
        raise DataProblems([DataProblem(path, "ranking-file")])
    problems = []
    known = {*RANKING_NUMBERS, "weak", "pages", *datafile.LANGUAGES}
    for key in data:
        if key not in known:
            problems.append(DataProblem(path, "unknown-key-here", data.line_of(key), params={"key": key}))
    for section, numbers in RANKING_NUMBERS.items():
        given = data.get(section)
        if not isinstance(given, dict):
            problems.append(DataProblem(path, "ranking-section", data.line_of(section), params={"section": section, "names": ", ".join(numbers)}))
            continue
        for name, count in numbers.items():
            if not _numbers(given.get(name), count):
                problems.append(DataProblem(path, "ranking-numbers" if count else "ranking-number", given.line_of(name),
                                            section, {"name": name, "count": count}))
    if not _numbers(data.get("weak")):
        problems.append(DataProblem(path, "ranking-number", data.line_of("weak"), params={"name": "weak"}))
    pages = data.get("pages", {})
    if not isinstance(pages, dict) or not all(isinstance(p, str) and _numbers(b) for p, b in pages.items()):
        problems.append(DataProblem(path, "ranking-pages", data.line_of("pages")))
    for lang in datafile.LANGUAGES:
        own = data.get(lang)
        if not isinstance(own, dict) or set(own) - {"stop_words", "weak_words"}:
            problems.append(DataProblem(path, "ranking-lists", data.line_of(lang), params={"lang": lang}))
            continue
        lists = {}
        for name in ("stop_words", "weak_words"):
            words = own.get(name, [])
            if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
                problems.append(DataProblem(path, "ranking-words", own.line_of(name), lang, {"name": name}))
                words = []
            lists[name] = {search_folding.key(w, lang): w for w in words}
        for word_key in lists["stop_words"].keys() & lists["weak_words"].keys():
            problems.append(DataProblem(path, "ranking-both", own.line_of("weak_words"), lang,
                                        {"word": lists["weak_words"][word_key]}))
    if problems:
        raise DataProblems(problems)
    return json.loads(json.dumps(data))  # plain dicts and lists, as the browser gets them


def load_search_words(docs: Path) -> dict[str, dict]:
    """What the search reads besides the pages, checked, by the name the build ships it under
    (search/<name>.json): the synonyms and the ranking; every problem of both files at once."""
    out, problems = {}, []
    for name, load, file in (("synonyms", load_synonyms, "search-synonyms.yml"), ("ranking", load_ranking, "search-ranking.yml")):
        try:
            out[name] = load(docs / file)
        except DataProblems as error:
            problems.extend(error.problems)
    if problems:
        raise DataProblems(problems)
    return out
