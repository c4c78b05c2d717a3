"""Known problems and planned work (docs/notices.yml): what editors publish so that people see it
before they ask. Plain Python: load and check the file (in the data files' vocabulary,
datafile.Checker), say which notices a page built at a given moment carries, and write the JSON
the portal reads. Times in the file are Astana wall-clock time;
the pages time them in the browser from the clock (notices.js), like the chat's hours."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ..data import datafile
from ..data.datafile import Text
from .dates import build_time

KINDS = ("incident", "maintenance", "info")
NOTICE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
NOTICE_KEYS = {"id", "kind", "title", "text", "starts", "ends", "topics", "closes_chat", "updates", "announce_days"}
UPDATE_KEYS = {"at", "text"}
ANNOUNCE_DAYS = 3  # planned maintenance is shown this many days before it starts, unless the notice says
_TIME = re.compile(r"^(\d{4})-(\d\d)-(\d\d)[ T](\d\d?):(\d\d)$")


@dataclass(frozen=True)
class Update:
    at: dt.datetime  # Astana wall-clock time
    text: Text


@dataclass(frozen=True)
class Notice:
    id: str
    kind: str
    title: Text
    text: Text
    starts: dt.datetime
    ends: dt.datetime | None
    topics: tuple[str, ...]
    closes_chat: bool = False
    updates: tuple[Update, ...] = ()  # newest first
    announce_days: int = 0

    @property
    def shown_from(self) -> dt.datetime:
        """From when pages show it: its start, or its announcement for planned maintenance."""
        return self.starts - dt.timedelta(days=self.announce_days)

    def state_at(self, now: dt.datetime) -> str:
        """'coming' (not shown yet), 'announced', 'active' or 'over', at an Astana wall-clock time."""
        if self.ends is not None and now >= self.ends:
            return "over"
        if now >= self.starts:
            return "active"
        return "announced" if now >= self.shown_from else "coming"

    def updates_at(self, now: dt.datetime) -> list[Update]:
        return [update for update in self.updates if update.at <= now]


def to_epoch_ms(when: dt.datetime, offset_minutes: int) -> int:
    """An Astana wall-clock time as the instant the browser's clock compares with."""
    utc = when.replace(tzinfo=dt.timezone(dt.timedelta(minutes=offset_minutes)))
    return int(utc.timestamp() * 1000)


def astana_now(offset_minutes: int, instant: dt.datetime | None = None) -> dt.datetime:
    """The Astana wall-clock time of an instant (now by default), naive like the file's times."""
    instant = instant or build_time()
    return instant.astimezone(dt.timezone(dt.timedelta(minutes=offset_minutes))).replace(tzinfo=None)


def load(path: Path, topics: set[str], offset_minutes: int = 300) -> list[Notice]:
    """The notices, in file order; every problem of the file is raised at once. A missing or empty
    file, or `notices: []`, means no notices."""
    if not path.exists():
        return []
    data = datafile.load(path)
    if data is None:
        return []
    check = datafile.Checker(path)
    if not isinstance(data, dict):
        check.check(data, datafile.MAPPING, "the file", 1)
        check.raise_if_any()
    check.keys(data, {"notices"})
    found: list[Notice] = []
    seen: dict[str, int] = {}
    listed = check.items(data, "notices", datafile.MAPPING) if data.get("notices") is not None else []
    for index, raw in enumerate(listed, 1):
        notice = _read_notice(check, raw, f"notices[{index}]", topics, offset_minutes)
        notice_id = raw.get("id")
        if isinstance(notice_id, str) and notice_id in seen:
            check.problem("notice-id-twice", raw.line_of("id"), notice_id, id=notice_id, other=seen[notice_id])
        elif isinstance(notice_id, str):
            seen[notice_id] = raw.line_of("id")
        if notice:
            found.append(notice)
    check.raise_if_any()
    return found


def _read_time(check, record, key, node, offset_minutes) -> dt.datetime | None:
    """An Astana wall-clock time written YYYY-MM-DD HH:MM (YAML reads one with seconds or a zone
    as a timestamp: taken too, a zone converted to Astana's)."""
    if key not in record:
        return None  # a missing required key is reported with the record's other keys
    value, line = record[key], record.line_of(key)
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = astana_now(offset_minutes, value)
        return value.replace(second=0, microsecond=0)
    match = _TIME.match(value.strip()) if isinstance(value, str) else None
    if match:
        try:
            return dt.datetime(*map(int, match.groups()))
        except ValueError:
            check.problem("notice-impossible-time", line, node, field=key, value=value)
            return None
    check.problem("notice-time", line, node, field=key)
    return None


def _read_notice(check, raw, node, topics, offset_minutes) -> Notice | None:
    before = len(check.problems)
    check.keys(raw, NOTICE_KEYS, node, required=("id", "kind", "title", "text", "starts"))
    notice_id = check.get(raw, "id", datafile.TEXT, node)
    if notice_id is not None and not NOTICE_ID.match(notice_id):
        check.problem("notice-id", raw.line_of("id"), node, value=notice_id)
    elif notice_id is not None:
        node = notice_id
    kind = check.one_of(raw, "kind", KINDS, node, required=False)
    title = check.get_text(raw, "title", node, required=False)
    text = check.get_text(raw, "text", node, required=False)
    starts = _read_time(check, raw, "starts", node, offset_minutes)
    ends = _read_time(check, raw, "ends", node, offset_minutes) if raw.get("ends") is not None else None
    if starts and ends and ends <= starts:
        check.problem("notice-ends-first", raw.line_of("ends"), node, ends=f"{ends:%Y-%m-%d %H:%M}",
                      starts=f"{starts:%Y-%m-%d %H:%M}")
    notice_topics = check.items(raw, "topics", datafile.TEXT, node)
    for topic in notice_topics:
        if topic not in topics:
            check.problem("topic-missing", raw.line_of("topics"), node, topic=topic)
    closes_chat = check.get(raw, "closes_chat", datafile.BOOLEAN, node, default=False)
    if closes_chat and raw.get("ends") is None:
        check.problem("notice-closes-chat-without-end", raw.line_of("closes_chat"), node)
    announce_days = ANNOUNCE_DAYS if kind == "maintenance" else 0
    if "announce_days" in raw and kind != "maintenance":
        check.problem("notice-announce-kind", raw.line_of("announce_days"), node)
    elif "announce_days" in raw:
        announce_days = check.get(raw, "announce_days", datafile.NUMBER, node)
        if announce_days is not None and not 0 <= announce_days <= 60:
            check.problem("notice-announce-days", raw.line_of("announce_days"), node)
    updates: list[Update] = []
    for number, item in enumerate(check.items(raw, "updates", datafile.MAPPING, node), 1):
        where = f"{node} updates[{number}]"
        check.keys(item, UPDATE_KEYS, where, required=("at", "text"))
        at = _read_time(check, item, "at", where, offset_minutes)
        update_text = check.get_text(item, "text", where, required=False)
        if at and starts and (at < starts or (ends and at > ends)):
            check.problem("notice-update-outside" if ends else "notice-update-before", item.line_of("at"), where,
                          at=f"{at:%Y-%m-%d %H:%M}", starts=f"{starts:%Y-%m-%d %H:%M}",
                          ends=f"{ends:%Y-%m-%d %H:%M}" if ends else "")
        elif at and update_text:
            updates.append(Update(at, update_text))
    if len(check.problems) > before:
        return None
    return Notice(notice_id, kind, title, text, starts, ends, tuple(notice_topics), closes_chat,
                  tuple(sorted(updates, key=lambda u: u.at, reverse=True)), announce_days)


def shown_on_pages(notices: list[Notice], now: dt.datetime) -> list[Notice]:
    """The notices a page built now carries: every one not over yet, so that the browser shows each
    from its announcement or start to its end without a rebuild. Soonest first."""
    return sorted((n for n in notices if n.state_at(now) != "over"), key=lambda n: n.starts)


def chat_closures(notices: list[Notice], now: dt.datetime, offset_minutes: int) -> list[dict]:
    """The windows in which the chat is closed for maintenance, as instants for the chat's state."""
    return [{"id": n.id, "from": to_epoch_ms(n.starts, offset_minutes), "to": to_epoch_ms(n.ends, offset_minutes)}
            for n in shown_on_pages(notices, now) if n.closes_chat]


def history(notices: list[Notice], now: dt.datetime) -> dict[str, list[Notice]]:
    """The /notices/ page's sections at build time: current, planned (announced or coming), past."""
    sections: dict[str, list[Notice]] = {"current": [], "planned": [], "past": []}
    for notice in sorted(notices, key=lambda n: n.starts, reverse=True):
        state = notice.state_at(now)
        sections["current" if state == "active" else "past" if state == "over" else "planned"].append(notice)
    sections["planned"].reverse()  # the soonest first
    return sections


def feed(notices: list[Notice], now: dt.datetime, offset_minutes: int) -> tuple[list[dict], str]:
    """The Atom feed at build time: every notice shown so far, the latest change first, and the
    feed's own updated time (the build's when there is none)."""
    entries = [view(n, now, offset_minutes) for n in notices if n.state_at(now) != "coming"]
    entries.sort(key=lambda n: n["updated"], reverse=True)
    return entries, entries[0]["updated"] if entries else _iso(now.replace(second=0, microsecond=0), offset_minutes)


def _iso(when: dt.datetime | None, offset_minutes: int) -> str | None:
    if when is None:
        return None
    return when.replace(tzinfo=dt.timezone(dt.timedelta(minutes=offset_minutes))).isoformat()


def to_json(notices: list[Notice], urls: dict[str, str], offset_minutes: int) -> dict:
    """notices.json, for the portal's event feed: both languages, times with Astana's offset.
    `urls` gives the /notices/ page's absolute address per language."""
    both = lambda text: {lang: text[lang] for lang in datafile.LANGUAGES}  # noqa: E731
    return {
        "version": 1,
        "notices": [
            {
                "id": n.id,
                "kind": n.kind,
                "title": both(n.title),
                "text": both(n.text),
                "starts": _iso(n.starts, offset_minutes),
                "ends": _iso(n.ends, offset_minutes),
                "shownFrom": _iso(n.shown_from, offset_minutes),
                "topics": list(n.topics),
                "closesChat": n.closes_chat,
                "updates": [{"at": _iso(u.at, offset_minutes), "text": both(u.text)} for u in n.updates],
                "url": {lang: f"{url}#{n.id}" for lang, url in urls.items()},
            }
            for n in sorted(notices, key=lambda n: n.starts, reverse=True)
        ],
    }


def answer_topics(node, tree, pages: dict) -> set[str]:
    """The topics an answer node of the tree is about: its form's topic and its articles' topics."""
    found = {tree.nodes[node.unresolved].topic} if node.unresolved in tree.nodes else set()
    for article in node.articles:
        page = pages.get(article.partition("#")[0])
        if page is not None:
            found.add(page.meta.get("topic"))
    return found - {None}


def _when(when: dt.datetime) -> str:
    """25.11.2026 16:40, as the pages' scripts write it (astana-clock.js formatDateTime)."""
    return f"{when:%d.%m.%Y %H:%M}"


def view(notice: Notice, now: dt.datetime, offset_minutes: int) -> dict:
    """What the templates show of a notice at build time, every value ready (no logic in templates)."""
    shown = notice.updates_at(now)
    reached = [moment for moment in (notice.shown_from, notice.starts, notice.ends) if moment and moment <= now]
    return {
        "id": notice.id,
        "kind": notice.kind,
        "title": notice.title,
        "text": notice.text,
        "closes_chat": notice.closes_chat,
        "state": notice.state_at(now),
        "window": notice.kind == "maintenance" and notice.ends is not None,
        "shown_from_ms": to_epoch_ms(notice.shown_from, offset_minutes),
        "starts_ms": to_epoch_ms(notice.starts, offset_minutes),
        "ends_ms": to_epoch_ms(notice.ends, offset_minutes) if notice.ends else None,
        "starts": _when(notice.starts),
        "ends": _when(notice.ends) if notice.ends else "",
        "topics": list(notice.topics),
        "published": _iso(notice.shown_from, offset_minutes),
        "updated": _iso(max(reached + [u.at for u in shown], default=notice.shown_from), offset_minutes),
        "updates": [
            {"at_ms": to_epoch_ms(update.at, offset_minutes), "at": _when(update.at), "text": update.text,
             "shown": update.at <= now, "latest": bool(shown) and update is shown[0]}
            for update in notice.updates
        ],
    }
