"""The support rules (30-1 … 30-19): which rules the rules page has, and the editions of the text."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ..data import datafile
from ..data.datafile import DataProblem, DataProblems, Text
from .dates import today_in_astana

# A rule is a paragraph closed by `{: #30-N .rule }` (see docs/<lang>/rules/index.md).
_RULE_ID = re.compile(r"^\{:\s*#(30-\d+)\s+\.rule\s*\}\s*$", re.M)


RULES_PAGE = "rules/index.md"


def common_rules(rules_pages: list[str]) -> list[str]:
    """Rules present on the rules page (its text) of every language, in the first one's order;
    a rule missing in one is not known."""
    per_language = [_RULE_ID.findall(text) for text in rules_pages]
    common = set.intersection(*(set(ids) for ids in per_language))
    return [rule for rule in per_language[0] if rule in common]


def known_rules(docs_dir: Path) -> list[str]:
    """common_rules of the rules pages in docs_dir."""
    return common_rules([(docs_dir / lang / RULES_PAGE).read_text(encoding="utf-8-sig") for lang in datafile.LANGUAGES])


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
    effect when it is published (rule 30-1), so none may be dated after today (in Astana)."""
    today = today or today_in_astana()
    data = datafile.load(path)
    check = datafile.Checker(path)
    problems = check.problems
    if not isinstance(data, dict) or set(data) != {"editions"} or not isinstance(data["editions"], list):
        raise DataProblems([DataProblem(path, "editions-file")])
    editions = []
    for index, entry in enumerate(data["editions"], start=1):
        node = f"editions[{index}]"
        entry = check.check(entry, datafile.MAPPING, node, datafile.line_of(entry, data["editions"].line), node)
        if entry is None:
            continue
        line = entry.line
        check.keys(entry, _EDITION_KEYS, node)
        date = check.get(entry, "date", datafile.DATE, node, required=True)
        if date is not None and date > today:
            problems.append(DataProblem(path, "edition-future", entry.line_of("date"), node, {"date": date}))
        rules = entry.get("rules")
        if rules == "all":
            rules = list(known)
        elif not isinstance(rules, list) or not rules:
            problems.append(DataProblem(path, "edition-rules", entry.line_of("rules"), node))
            rules = []
        for rule in rules:
            if not isinstance(rule, str) or rule not in known:
                problems.append(DataProblem(path, "edition-rule-missing", entry.line_of("rules"), node, {"rule": rule}))
        summary = check.get_text(entry, "summary", node)
        if date is not None and summary:
            editions.append((line, Edition(date, tuple(rules), summary)))
    dates = [edition.date for _, edition in editions]
    for line, edition in editions:
        if dates.count(edition.date) > 1:
            problems.append(DataProblem(path, "edition-date-twice", line, f"editions[{edition.id}]", {"date": edition.id}))
    if dates != sorted(dates, reverse=True):
        problems.append(DataProblem(path, "editions-order"))
    if not editions and not problems:
        problems.append(DataProblem(path, "editions-none"))
    if problems:
        raise DataProblems(problems)
    return [edition for _, edition in editions]
