"""The support rules (30-1 … 30-19): which rules the rules page has, and the editions of the text."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ..data import datafile
from ..data.datafile import DataProblem, DataProblems, Text

# A rule is a paragraph closed by `{: #30-N .rule }` (see docs/<lang>/rules/index.md).
_RULE_ID = re.compile(r"^\{:\s*#(30-\d+)\s+\.rule\s*\}\s*$", re.M)


def rule_ids(rules_page: Path) -> list[str]:
    """The ids of the rules on one language's rules page, in page order."""
    return _RULE_ID.findall(rules_page.read_text(encoding="utf-8"))


def known_rules(docs_dir: Path) -> list[str]:
    """Rules present on the rules page of every language; a rule missing in one is not known."""
    per_language = [rule_ids(docs_dir / lang / "rules" / "index.md") for lang in datafile.LANGUAGES]
    common = set.intersection(*(set(ids) for ids in per_language))
    return [rule for rule in per_language[0] if rule in common]


@dataclass(frozen=True)
class Edition:
    date: dt.date
    rules: tuple[str, ...]
    summary: Text

    @property
    def id(self) -> str:
        return self.date.isoformat()


_EDITION_KEYS = {"date", "rules", "summary"}


def load_editions(path: Path, known: list[str], today: dt.date | None = None) -> list[Edition]:
    """Editions, newest first; every problem of the file is reported at once. An edition takes
    effect when it is published (rule 30-1), so none may be dated after today."""
    today = today or dt.date.today()
    data = datafile.load(path)
    problems: list[DataProblem] = []
    if not isinstance(data, dict) or set(data) != {"editions"} or not isinstance(data["editions"], list):
        raise DataProblems([DataProblem(path, "the file must hold one key, 'editions', with a list")])
    editions = []
    for index, entry in enumerate(data["editions"], start=1):
        node = f"editions[{index}]"
        if not isinstance(entry, dict):
            problems.append(DataProblem(path, "an edition must be a mapping", data["editions"].line, node))
            continue
        line = entry.line
        for key in sorted(set(entry) - _EDITION_KEYS):
            problems.append(DataProblem(path, f"unknown key '{key}'", entry.line_of(key), node))
        date = entry.get("date")
        if not isinstance(date, dt.date):
            problems.append(DataProblem(path, "'date' must be a date written YYYY-MM-DD", entry.line_of("date"), node))
        elif date > today:
            problems.append(DataProblem(path, f"{date} is in the future: add the edition on the day it is published",
                                        entry.line_of("date"), node))
        rules = entry.get("rules")
        if rules == "all":
            rules = list(known)
        elif not isinstance(rules, list) or not rules:
            problems.append(DataProblem(path, "'rules' must be 'all' or a list of rule numbers like \"30-8\"",
                                        entry.line_of("rules"), node))
            rules = []
        for rule in rules:
            if rule not in known:
                problems.append(DataProblem(path, f"rule '{rule}' is not on the rules page in both languages",
                                            entry.line_of("rules"), node))
        summary, text_problems = datafile.read_text(entry.get("summary"), path, node, "summary", entry.line_of("summary"))
        problems += text_problems
        if isinstance(date, dt.date) and summary:
            editions.append((line, Edition(date, tuple(rules), summary)))
    dates = [edition.date for _, edition in editions]
    for line, edition in editions:
        if dates.count(edition.date) > 1:
            problems.append(DataProblem(path, f"two editions have the date {edition.id}", line, f"editions[{edition.id}]"))
    if dates != sorted(dates, reverse=True):
        problems.append(DataProblem(path, "editions must be listed newest first"))
    if not editions and not problems:
        problems.append(DataProblem(path, "there is no edition"))
    if problems:
        raise DataProblems(problems)
    return [edition for _, edition in editions]
