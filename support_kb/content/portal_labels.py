"""The portal's own labels (buttons, sections, statuses, error messages) as the user sees them,
one data file per language (docs/labels/<lang>.yml). Articles name a label `{{ ui.KEY }}`, so an
editor corrects a label once and every page follows."""
from __future__ import annotations

import re
from pathlib import Path

from ..data import datafile
from . import plain_text
from ..data.datafile import DataProblem, DataProblems

PLACEHOLDER = re.compile(r"\{\{\s*ui\.([a-z0-9-]+)\s*\}\}")
_KEY = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def load(labels_dir: Path, languages=datafile.LANGUAGES) -> dict[str, dict[str, str]]:
    """{lang: {key: label}}, with the same keys in every language."""
    labels, problems = {}, []
    for lang in languages:
        path = labels_dir / f"{lang}.yml"
        data = datafile.load(path)
        if not isinstance(data, dict):
            raise DataProblems([DataProblem(path, "labels-file")])
        check = datafile.Checker(path)
        labels[lang] = {}
        for key, value in data.items():
            if not isinstance(key, str) or not _KEY.match(key):
                check.problem("label-key", data.line_of(key), key=key)
            text = check.check(value, datafile.TEXT, str(key), data.line_of(key))
            if text == "":
                check.problem("empty", data.line_of(key), field=key)
            labels[lang][key] = text or ""
        problems += check.problems
    for lang in languages:
        for other in languages:
            for key in sorted(set(labels[other]) - set(labels[lang])):
                problems.append(DataProblem(labels_dir / f"{lang}.yml", "label-not-here", params={"key": key, "other": other}))
    if problems:
        raise DataProblems(problems)
    return labels


def unknown_labels(markdown: str, labels: dict[str, str], path: str) -> list[DataProblem]:
    """A placeholder naming no label, with its line in the page."""
    return [
        DataProblem(path, "label-unknown", markdown.count("\n", 0, match.start()) + 1, params={"key": match.group(1)})
        for match in PLACEHOLDER.finditer(markdown) if match.group(1) not in labels
    ]


def fill(markdown: str, labels: dict[str, str]) -> str:
    """The page's Markdown with each label as plain text (no Markdown or HTML in it is read)."""
    return PLACEHOLDER.sub(lambda match: plain_text.in_markdown(labels[match.group(1)]), markdown)


def fill_known(markdown: str, labels: dict[str, str]) -> str:
    """Like fill, leaving unknown placeholders as they are (they are reported elsewhere)."""
    return PLACEHOLDER.sub(lambda match: labels.get(match.group(1), match.group(0)), markdown)
