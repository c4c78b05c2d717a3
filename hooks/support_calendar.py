"""The support chat's calendar: checks docs/support-calendar.yml, writes the calendar every page
reads (assets/support-calendar.json), and lists the coming non-working days on the "when support
works" page at <!-- support-calendar -->. The calendar logic lives in support_kb.calendar.support_calendar."""
from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from support_kb.calendar import support_calendar
from support_kb.content.dates import long_date
from support_kb.data.datafile import DataProblems
from support_kb.mkdocs_adapter.site import DEFAULT_LANGUAGE, language_of, render, script_json, strings

MARKER = "<!-- support-calendar -->"
CALENDAR_FILE = "assets/support-calendar.json"
LISTED_DAYS = 400  # listed at build time; the page shows the next 60 of them (see kb-calendar.js)
log = logging.getLogger("mkdocs.hooks.support_calendar")
_state: dict = {}


def _today() -> dt.date:
    return dt.datetime.now(dt.timezone.utc).date()


def on_config(config: MkDocsConfig):
    path = Path(config.docs_dir) / "support-calendar.yml"
    hours = support_calendar.Hours.from_config(config.extra["support"])
    today = _today()
    key = (path.stat().st_mtime_ns, hours, today)
    if _state.get("key") != key:  # once per build, not once per language
        try:
            calendar = support_calendar.build(path, hours, hours.years(today))
        except DataProblems as error:
            raise PluginError(f"The support calendar is broken:\n{error}") from None
        for warning in calendar.warnings(today):
            log.warning(warning)
        for notice in calendar.notices(today):
            log.info(notice)
        _state.update(key=key, calendar=calendar)


def on_env(env, config: MkDocsConfig, files):
    """What the pages' scripts need, in the language being built (after the i18n plugin's config)."""
    support = config.extra["support"]
    config.extra["support_page_json"] = script_json({
        "lang": language_of(config),
        "calendarUrl": CALENDAR_FILE,
        "utcOffsetMinutes": support["utc_offset_minutes"],
        "workingWeekdays": support["working_weekdays"],
        "opens": support["opens"],
        "closes": support["closes"],
        "chat": support["chat"],
        # Windows in which planned maintenance closes the chat (hooks/notices.py).
        "closures": config.extra.get("notice_closures", []),
        "strings": {key: text for key, text in strings(config).items() if key.startswith(("chat.", "handoff.", "notices.when-"))},
    })
    return env


def on_page_markdown(markdown: str, page, config: MkDocsConfig, files) -> str:
    if MARKER not in markdown:
        return markdown
    calendar = _state["calendar"]
    today = _today()
    days = calendar.non_working_days(today, LISTED_DAYS)
    html = render(config, "partials/support/calendar.html", {
        "calendar": calendar, "days": days, "long_date": long_date,
        "soon": today + dt.timedelta(days=60),
    })
    return markdown.replace(MARKER, html)


def on_post_build(config: MkDocsConfig):
    if language_of(config) == DEFAULT_LANGUAGE:
        path = Path(config.site_dir) / CALENDAR_FILE
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(_state["calendar"].to_json(), ensure_ascii=False), encoding="utf-8")
