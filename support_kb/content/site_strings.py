"""Interface strings of the project's own templates and scripts, kept in both languages in one file."""
from __future__ import annotations

import functools
from pathlib import Path

from ..data import datafile
from ..data.datafile import DataProblem, DataProblems


@functools.lru_cache(maxsize=4)
def _load(path: Path, mtime: float) -> dict[str, dict[str, str]]:
    data = datafile.load(path)
    if not isinstance(data, dict):
        raise DataProblems([DataProblem(path, "the file must be a mapping of string ids to {ru: ..., kk: ...}")])
    strings: dict[str, dict[str, str]] = {lang: {} for lang in datafile.LANGUAGES}
    check = datafile.Checker(path)
    for key, value in data.items():
        text = check.both_languages(value, "text", data.line_of(key), str(key))
        if text:
            for lang in datafile.LANGUAGES:
                strings[lang][key] = text[lang]
    check.raise_if_any()
    return strings


def load(path: Path) -> dict[str, dict[str, str]]:
    """{lang: {id: text}}; read again only when the file changed (mkdocs serve rebuilds often)."""
    return _load(path, path.stat().st_mtime)
