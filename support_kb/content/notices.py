"""Known problems and planned work (docs/notices.yml): what editors publish so that people see it
before they ask. Plain Python: load and check the file, say which notices a page built at a given
moment carries, and write the JSON the portal reads. Times in the file are Astana wall-clock time;
the pages time them in the browser from the clock (notices.js), like the chat's hours."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ..data import datafile
from ..data.datafile import DataProblem, DataProblems, Text

KINDS = ("incident", "maintenance", "info")
NOTICE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
NOTICE_KEYS = {"id", "kind", "title", "text", "starts", "ends", "topics", "closes_chat", "updates", "announce_days"}
UPDATE_KEYS = {"at", "text"}
ANNOUNCE_DAYS = 3  # planned maintenance is shown this many days before it starts, unless the notice says
_TIME = re.compile(r"^(\d{4})-(\d\d)-(\d\d)[ T](\d\d?):(\d\d)$")
_TIME_HINT = "written YYYY-MM-DD HH:MM (Astana time), e.g. 2026-12-08 10:00"


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
    instant = instant or dt.datetime.now(dt.timezone.utc)
    return instant.astimezone(dt.timezone(dt.timedelta(minutes=offset_minutes))).replace(tzinfo=None)


def _read_time(value, path, node, field, line, offset_minutes) -> tuple[dt.datetime | None, list[DataProblem]]:
    if isinstance(value, dt.datetime):  # YAML reads a time with seconds (or a zone) as a timestamp
        if value.tzinfo is not None:
            value = astana_now(offset_minutes, value)
        return value.replace(second=0, microsecond=0), []
    match = _TIME.match(value.strip()) if isinstance(value, str) else None
    if not match:
        return None, [DataProblem(path, f"'{field}' must be a date and time {_TIME_HINT}", line, node)]
    try:
        return dt.datetime(*map(int, match.groups())), []
    except ValueError:
        return None, [DataProblem(path, f"'{field}' '{value}' is not a real date and time", line, node)]


def load(path: Path, topics: set[str], offset_minutes: int = 300) -> list[Notice]:
    """The notices, in file order; every problem of the file is raised at once. A missing or empty
    file, or `notices: []`, means no notices."""
    if not path.exists():
        return []
    data = datafile.load(path)
    if data is None:
        return []
    if not isinstance(data, dict) or not isinstance(data.get("notices") or [], list):
        raise DataProblems([DataProblem(path, "the file must hold 'notices', a list of notices")])
    problems: list[DataProblem] = []
    for key in sorted(set(data) - {"notices"}):
        problems.append(DataProblem(path, f"unknown key '{key}'", data.line_of(key)))
    notices: list[Notice] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(data.get("notices") or [], 1):
        node = f"notices[{index}]"
        if not isinstance(raw, dict):
            problems.append(DataProblem(path, "a notice must be a mapping", data.line_of("notices"), node))
            continue
        notice, found = _read_notice(raw, path, node, topics, offset_minutes)
        problems += found
        if isinstance(raw.get("id"), str):
            if raw["id"] in seen:
                problems.append(DataProblem(path, f"two notices have the id '{raw['id']}' (the other is on line "
                                                  f"{seen[raw['id']]}): give each notice its own id",
                                            raw.line_of("id"), raw["id"]))
            seen.setdefault(raw["id"], raw.line_of("id"))
        if notice:
            notices.append(notice)
    if problems:
        raise DataProblems(problems)
    return notices


def _read_notice(raw, path, node, topics, offset_minutes) -> tuple[Notice | None, list[DataProblem]]:
    problems: list[DataProblem] = []
    for key in sorted(set(raw) - NOTICE_KEYS):
        problems.append(DataProblem(path, f"unknown key '{key}'", raw.line_of(key), node))
    notice_id = raw.get("id")
    if not isinstance(notice_id, str) or not NOTICE_ID.match(notice_id):
        problems.append(DataProblem(path, "'id' must be lower-case letters, digits and '-', e.g. sms-delay-2026-12-08",
                                    raw.line_of("id"), node))
    else:
        node = notice_id
    kind = raw.get("kind")
    if kind not in KINDS:
        problems.append(DataProblem(path, f"'kind' must be one of {', '.join(KINDS)}", raw.line_of("kind"), node))
    title, found = datafile.read_text(raw.get("title"), path, node, "title", raw.line_of("title"))
    problems += found
    text, found = datafile.read_text(raw.get("text"), path, node, "text", raw.line_of("text"))
    problems += found
    starts, found = _read_time(raw.get("starts"), path, node, "starts", raw.line_of("starts"), offset_minutes)
    problems += found
    ends = None
    if raw.get("ends") is not None:
        ends, found = _read_time(raw["ends"], path, node, "ends", raw.line_of("ends"), offset_minutes)
        problems += found
    if starts and ends and ends <= starts:
        problems.append(DataProblem(path, f"'ends' ({ends:%Y-%m-%d %H:%M}) must be after 'starts' ({starts:%Y-%m-%d %H:%M})",
                                    raw.line_of("ends"), node))
    raw_topics = raw.get("topics", [])
    if not isinstance(raw_topics, list) or not all(isinstance(t, str) for t in raw_topics):
        problems.append(DataProblem(path, "'topics' must be a list of topic ids from docs/topics.yml, e.g. [sms-code]",
                                    raw.line_of("topics"), node))
        raw_topics = []
    for topic in raw_topics:
        if topic not in topics:
            problems.append(DataProblem(path, f"topic '{topic}' is not in docs/topics.yml", raw.line_of("topics"), node))
    closes_chat = raw.get("closes_chat", False)
    if not isinstance(closes_chat, bool):
        problems.append(DataProblem(path, "'closes_chat' must be true or false", raw.line_of("closes_chat"), node))
    elif closes_chat and raw.get("ends") is None:
        problems.append(DataProblem(path, "a notice that closes the chat needs 'ends', when the chat opens again",
                                    raw.line_of("closes_chat"), node))
    announce_days = raw.get("announce_days", ANNOUNCE_DAYS if kind == "maintenance" else 0)
    if "announce_days" in raw and kind != "maintenance":
        problems.append(DataProblem(path, "'announce_days' is for planned maintenance only", raw.line_of("announce_days"), node))
    elif not isinstance(announce_days, int) or isinstance(announce_days, bool) or not 0 <= announce_days <= 60:
        problems.append(DataProblem(path, "'announce_days' must be a whole number of days from 0 to 60",
                                    raw.line_of("announce_days"), node))
    updates: list[Update] = []
    raw_updates = raw.get("updates") or []
    if not isinstance(raw_updates, list):
        problems.append(DataProblem(path, "'updates' must be a list of {at, text}", raw.line_of("updates"), node))
        raw_updates = []
    for number, item in enumerate(raw_updates, 1):
        where = f"{node} update {number}"
        if not isinstance(item, dict):
            problems.append(DataProblem(path, "an update must be a mapping with 'at' and 'text'", raw.line_of("updates"), where))
            continue
        for key in sorted(set(item) - UPDATE_KEYS):
            problems.append(DataProblem(path, f"unknown key '{key}'", item.line_of(key), where))
        at, found = _read_time(item.get("at"), path, where, "at", item.line_of("at"), offset_minutes)
        problems += found
        update_text, found = datafile.read_text(item.get("text"), path, where, "text", item.line_of("text"))
        problems += found
        if at and starts and (at < starts or (ends and at > ends)):
            window = f"{starts:%Y-%m-%d %H:%M} … {ends:%Y-%m-%d %H:%M}" if ends else f"from {starts:%Y-%m-%d %H:%M}"
            problems.append(DataProblem(path, f"the update at {at:%Y-%m-%d %H:%M} is outside the notice's time ({window})",
                                        item.line_of("at"), where))
        elif at and update_text:
            updates.append(Update(at, update_text))
    if problems:
        return None, problems
    return Notice(notice_id, kind, title, text, starts, ends, tuple(raw_topics), closes_chat,
                  tuple(sorted(updates, key=lambda u: u.at, reverse=True)), announce_days), []


def shown_on_pages(notices: list[Notice], now: dt.datetime) -> list[Notice]:
    """The notices a page built now carries: every one not over yet, so that the browser shows each
    from its announcement or start to its end without a rebuild. Soonest first."""
    return sorted((n for n in notices if n.state_at(now) != "over"), key=lambda n: n.starts)


def for_topics(notices: list[Notice], topics) -> list[Notice]:
    wanted = set(topics)
    return [notice for notice in notices if wanted & set(notice.topics)]


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
