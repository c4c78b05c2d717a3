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
    check = datafile.Checker(path)
    if not isinstance(data, dict) or not isinstance(data.get("topics"), dict):
        raise DataProblems([DataProblem(path, "topics-file")])
    topics = {}
    for topic_id, raw in data["topics"].items():
        raw = check.check(raw, datafile.MAPPING, str(topic_id), data["topics"].line_of(topic_id))
        if raw is None:
            continue
        check.keys(raw, {"title", "role", "scope"}, topic_id)
        role = check.one_of(raw, "role", ROLES, topic_id)
        scope = check.one_of(raw, "scope", SCOPES, topic_id)
        title = check.get_text(raw, "title", topic_id)
        if title and role and scope:
            topics[topic_id] = Topic(topic_id, title, role, scope)
    check.raise_if_any()
    return topics
