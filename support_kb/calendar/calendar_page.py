"""The support chat's calendar on the site: the calendar every page reads
(assets/support-calendar.json), the settings the pages' scripts read (assets/page-settings/<lang>.json),
and the coming non-working days listed on the "when support works" page at <!-- support-calendar -->."""
from __future__ import annotations

import datetime as dt
import json

from ..build.context import LANGUAGES, BuildContext
from ..content.dates import long_date

MARKER = "<!-- support-calendar -->"
CALENDAR_FILE = "assets/support-calendar.json"
# The same on every page of a language: a file of its own (content-hashed, kept by browsers), which
# page-settings.js names, rather than a block repeated in every page.
SETTINGS_FILE = "assets/page-settings/{lang}.json"
LISTED_DAYS = 400  # listed at build time; the page shows the next 60 of them (see kb-calendar.js)
SHOWN_DAYS = 60


def fill_marker(ctx: BuildContext, lang: str, markdown: str) -> str:
    if MARKER not in markdown:
        return markdown
    soon = ctx.today + dt.timedelta(days=SHOWN_DAYS)
    days = [{"iso": day.date.isoformat(), "text": long_date(day.date, lang), "name": day.name[lang],
             "later": day.date >= soon} for day in ctx.calendar.non_working_days(ctx.today, LISTED_DAYS)]
    html = ctx.templates.render("partials/support/calendar.html", lang, hours=ctx.calendar.hours, days=days,
                                none_soon=all(day["later"] for day in days))
    return markdown.replace(MARKER, html)


def page_settings(ctx: BuildContext, lang: str) -> dict:
    """What every page's scripts read (the chat state, the notices, the hand-off), in one language."""
    hours = ctx.site.settings.hours
    return {
        "lang": lang,
        "utcOffsetMinutes": hours.utc_offset_minutes,
        "workingWeekdays": list(hours.working_weekdays),
        "opens": hours.opens,
        "closes": hours.closes,
        "chat": ctx.site.settings.chat,
        # Windows in which planned maintenance closes the chat (support_kb.content.notices_site).
        "closures": ctx.notices.closures,
        "strings": {key: text for key, text in ctx.strings[lang].items() if key.startswith(("chat.", "handoff.", "notices.when-"))},
    }


def write_calendar(ctx: BuildContext) -> None:
    path = ctx.site.output / CALENDAR_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(ctx.calendar.to_json(), ensure_ascii=False), encoding="utf-8")


def write_page_settings(ctx: BuildContext) -> None:
    for lang in LANGUAGES:
        path = ctx.site.output / SETTINGS_FILE.format(lang=lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(page_settings(ctx, lang), ensure_ascii=False), encoding="utf-8")
