"""Known problems and planned work (docs/notices.yml): checks the file, puts the notices not over
yet into every page (a banner under the chat bar, above the articles of their topics, in the form's
answer nodes), lists them all on /notices/ at <!-- notices -->, gives the chat's state the windows
in which maintenance closes the chat, and writes notices/notices.json and an Atom feed per language.
The logic lives in support_kb.content.notices; the timing runs in the browser (notices.js)."""
from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from support_kb.content import notices, topics
from support_kb.data.datafile import DataProblems
from support_kb.mkdocs_adapter.site import DEFAULT_LANGUAGE, language_of, language_prefix, render, site_root

MARKER = "<!-- notices -->"
PAGE = "notices/"
JSON_FILE = "notices/notices.json"
FEED_FILE = "notices/feed.xml"
_state: dict = {}


def build_time() -> dt.datetime:
    """Now, or SOURCE_DATE_EPOCH for a reproducible build."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch else dt.datetime.now(dt.timezone.utc)


def on_config(config: MkDocsConfig):
    docs = Path(config.docs_dir)
    offset = config.extra["support"]["utc_offset_minutes"]
    try:
        loaded = notices.load(docs / "notices.yml", set(topics.load(docs / "topics.yml")), offset)
    except DataProblems as error:
        raise PluginError(f"The notices are broken:\n{error}") from None
    now = notices.astana_now(offset, build_time())
    shown = notices.shown_on_pages(loaded, now)
    _state.update(all=loaded, shown=shown, now=now, offset=offset)
    # For the chat's state (hooks/support_calendar.py) and the form (hooks/triage_form.py).
    config.extra["notice_closures"] = notices.chat_closures(loaded, now, offset)
    config.extra["notices_shown"] = [notices.view(n, now, offset) for n in shown]


def on_page_context(context, page, config: MkDocsConfig, nav):
    """The banner of every page and the notices of the article's topic, rendered escaped."""
    shown = config.extra["notices_shown"]
    context["kb_notices_banner"] = context["kb_notices_article"] = ""
    if not shown:
        return context
    url = get_relative_url(language_prefix(language_of(config)) + PAGE, page.url)
    visible = any(n["state"] in ("announced", "active") for n in shown)
    context["kb_notices_banner"] = render(config, "partials/notices/banner.html",
                                          {"notices": shown, "visible": visible, "notices_url": url})
    topic = page.meta.get("topic")
    own = [n for n in shown if topic in n["topics"]]
    if own:
        context["kb_notices_article"] = render(config, "partials/notices/article.html", {"notices": own, "notices_url": url})
    return context


def on_page_content(html: str, page, config: MkDocsConfig, files) -> str:
    if MARKER not in html:
        return html
    now, offset = _state["now"], _state["offset"]
    sections = {name: [notices.view(n, now, offset) for n in found]
                for name, found in notices.history(_state["all"], now).items()}
    lang = language_of(config)
    return html.replace(MARKER, render(config, "partials/notices/history.html", {
        "sections": sections,
        "json_url": get_relative_url(JSON_FILE, page.url),  # one JSON, under the root language
        "atom_url": get_relative_url(language_prefix(lang) + FEED_FILE, page.url),
    }))


def on_post_build(config: MkDocsConfig):
    lang = language_of(config)
    root = site_root(config)
    site = Path(config.site_dir)
    now, offset = _state["now"], _state["offset"]
    entries, updated = notices.feed(_state["all"], now, offset)
    feed = site / language_prefix(lang) / FEED_FILE
    feed.parent.mkdir(parents=True, exist_ok=True)
    feed.write_text(render(config, "feeds/notices-atom.html", {
        "entries": entries,
        "page_url": f"{root}{language_prefix(lang)}{PAGE}",
        "feed_url": f"{root}{language_prefix(lang)}{FEED_FILE}",
        "updated": updated,
    }), encoding="utf-8")
    if lang == DEFAULT_LANGUAGE:
        urls = {code: f"{root}{language_prefix(code)}{PAGE}" for code in ("ru", "kk")}
        (site / JSON_FILE).write_text(json.dumps(notices.to_json(_state["all"], urls, offset), ensure_ascii=False, indent=1),
                                      encoding="utf-8")
