"""The topic registry (docs/topics.yml): ids, both titles, who asks, whether support answers it."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..data import datafile
from ..data.datafile import DataProblem, DataProblems, Text

ROLES = ("parent", "staff", "any")
SCOPES = ("technical", "out-of-scope")


@dataclass(frozen=True)
class Topic:
    id: str
    title: Text
    role: str
    scope: str


def load(path: Path) -> dict[str, Topic]:
    data = datafile.load(path)
    if not isinstance(data, dict) or not isinstance(data.get("topics"), dict):
        raise DataProblems([DataProblem(path, "the file must hold 'topics', a mapping of topic ids")])
    topics, problems = {}, []
    for topic_id, raw in data["topics"].items():
        line = data["topics"].line_of(topic_id)
        if not isinstance(raw, dict):
            problems.append(DataProblem(path, "a topic must be a mapping", line, topic_id))
            continue
        for key in sorted(set(raw) - {"title", "role", "scope"}):
            problems.append(DataProblem(path, f"unknown key '{key}'", raw.line_of(key), topic_id))
        if raw.get("role") not in ROLES:
            problems.append(DataProblem(path, f"'role' must be one of {', '.join(ROLES)}", raw.line_of("role"), topic_id))
        if raw.get("scope") not in SCOPES:
            problems.append(DataProblem(path, f"'scope' must be one of {', '.join(SCOPES)}", raw.line_of("scope"), topic_id))
        title, found = datafile.read_text(raw.get("title"), path, topic_id, "title", raw.line_of("title"))
        problems += found
        if title:
            topics[topic_id] = Topic(topic_id, title, raw.get("role"), raw.get("scope"))
    if problems:
        raise DataProblems(problems)
    return topics
