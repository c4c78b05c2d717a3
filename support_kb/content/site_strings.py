"""Interface strings of the project's own templates and scripts, kept in both languages in one file."""
from __future__ import annotations

import os
import re
from pathlib import Path

from ..data import datafile
from ..data.datafile import DataProblem, DataProblems


def load(path: Path, data=None) -> dict[str, dict[str, str]]:
    """{lang: {id: text}}; `data`: the file as datafile.load gives it, when the caller has it."""
    data = datafile.load(path) if data is None else data
    if not isinstance(data, dict):
        raise DataProblems([DataProblem(path, "strings-file")])
    strings: dict[str, dict[str, str]] = {lang: {} for lang in datafile.LANGUAGES}
    check = datafile.Checker(path)
    for key, value in data.items():
        text = check.both_languages(value, "text", data.line_of(key), str(key))
        if text:
            for lang in datafile.LANGUAGES:
                strings[lang][key] = text[lang]
    check.raise_if_any()
    return strings


# How the templates, scripts and Python name a string: `strings[ID]`, `s[ID]` (a template's or
# script's local name for the strings), `strings(config)[ID]`, `….strings[lang][ID]`, with ID a
# quoted literal, and the placeholders filled in right after it: `| replace("{date}", …)`,
# `.replace("{date}", …)`. Ids made at run time (`"glossary." ~ lang`) are not seen.
# (Written to begin with the letter `s`, its word boundary looked back at, so that the regular
# expression engine jumps from one `s` to the next instead of trying every position: 8 times faster.)
_USE = re.compile(r"""s(?<!\ws)(?:trings(?:\(config\))?(?:\[[^\[\]"']+\])?)?\[\s*(["'])([a-z0-9][a-z0-9.-]*)\1\s*\]""")
_FILLED = re.compile(r"""\s*[.|]\s*replace\(\s*(["'])\{([a-z_-]+)\}\1[^)]*\)""")
PLACEHOLDER = re.compile(r"\{([a-z_-]+)\}")
SOURCE_SUFFIXES = (".html", ".js", ".py")


Use = tuple[str, int, set[str]]  # file, line, the placeholders filled in there


def uses(folders: list[Path], root: Path) -> dict[str, list[Use]]:
    """{id: [(file, line, placeholders filled in there)]} for every string named with a literal id in
    the templates, scripts and Python under `folders` (files shown relative to `root`)."""
    found: dict[str, list[Use]] = {}
    for folder in folders:
        for file in sorted(Path(top, name) for top, _, names in os.walk(folder) for name in names
                           if name.endswith(SOURCE_SUFFIXES)):
            text = file.read_text(encoding="utf-8")
            for match in _USE.finditer(text):
                filled, end = set(), match.end()
                while chained := _FILLED.match(text, end):
                    filled.add(chained.group(2))
                    end = chained.end()
                line = text.count("\n", 0, match.start()) + 1
                shown = file.relative_to(root).as_posix() if file.is_relative_to(root) else str(file)
                found.setdefault(match.group(2), []).append((shown, line, filled))
    return found


def check_uses(path: Path, strings: dict[str, dict[str, str]], used: dict[str, list[Use]],
               shown_path: str = "docs/site-strings.yml", data=None) -> list[DataProblem]:
    """A string that a template, script or Python names but the file lacks (deleted or renamed);
    a placeholder that no use fills in (`{data}` for `{date}`), or one that a use fills in but a
    language's text lacks."""
    problems = []
    data = datafile.load(path) if data is None else data
    for string_id, places in sorted(used.items()):
        if string_id not in strings[datafile.LANGUAGES[0]]:
            for file, line, _ in places:
                problems.append(DataProblem(file, "string-unknown", line, params={"id": string_id, "file": shown_path}))
    for string_id, places in sorted(used.items()):
        if string_id not in strings[datafile.LANGUAGES[0]]:
            continue
        filled = set().union(*(placeholders for _, _, placeholders in places))
        for lang in datafile.LANGUAGES:
            written = set(PLACEHOLDER.findall(strings[lang][string_id]))
            line = data.line_of(string_id)
            for name in sorted(written - filled):
                problems.append(DataProblem(shown_path, "placeholder-unfilled", line, string_id,
                                            params={"placeholder": f"{{{name}}}", "lang": lang,
                                                    "filled": ", ".join(f"{{{n}}}" for n in sorted(filled)) or "none"}))
            for name in sorted(filled - written):
                problems.append(DataProblem(shown_path, "placeholder-missing", line, string_id,
                                            params={"placeholder": f"{{{name}}}", "lang": lang}))
    return problems
