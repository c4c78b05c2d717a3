"""Known problems and planned work (docs/notices.yml) on the site: the notices not over yet in every
page (a banner under the chat bar, above the articles of their topics, in the form's answer
nodes), all of them on /notices/ at <!-- notices -->, the windows in which maintenance closes the
chat (for the chat's state), and notices/notices.json with an Atom feed per language. The logic
lives in support_kb.content.notices; the timing runs in the browser (notices.js)."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from ..build.context import LANGUAGES, BuildContext, language_prefix
from ..build.html import relative_url
from . import notices
from .dates import build_time

MARKER = "<!-- notices -->"
PAGE = "notices/"
JSON_FILE = "notices/notices.json"
FEED_FILE = "notices/feed.xml"


@dataclass(frozen=True)
class Notices:
    all: list[notices.Notice]
    now: dt.datetime  # Astana time of the build
    offset: int
    shown: list[dict]  # views of the notices not over yet
    closures: list[dict]  # when maintenance closes the chat


def load(docs, topics: set[str], offset: int) -> Notices:
    found = notices.load(docs / "notices.yml", topics, offset)
    now = notices.astana_now(offset, build_time())
    return Notices(found, now, offset, [notices.view(n, now, offset) for n in notices.shown_on_pages(found, now)],
                   notices.chat_closures(found, now, offset))


def page_parts(ctx: BuildContext, lang: str, page_url: str, topic: str | None) -> dict[str, str]:
    """The banner of every page and the notices of the article's topic, rendered escaped."""
    shown = ctx.notices.shown
    parts = {"kb_notices_banner": "", "kb_notices_article": ""}
    if not shown:
        return parts
    url = relative_url(language_prefix(lang) + PAGE, page_url)
    visible = any(n["state"] in ("announced", "active") for n in shown)
    parts["kb_notices_banner"] = ctx.templates.render("partials/notices/banner.html", lang, notices=shown,
                                                      visible=visible, notices_url=url)
    own = [n for n in shown if topic in n["topics"]]
    if own:
        parts["kb_notices_article"] = ctx.templates.render("partials/notices/article.html", lang, notices=own, notices_url=url)
    return parts


def fill_marker(ctx: BuildContext, lang: str, page_url: str, html: str) -> str:
    if MARKER not in html:
        return html
    now, offset = ctx.notices.now, ctx.notices.offset
    sections = {name: [notices.view(n, now, offset) for n in found]
                for name, found in notices.history(ctx.notices.all, now).items()}
    return html.replace(MARKER, ctx.templates.render("partials/notices/history.html", lang, **{
        "sections": sections,
        "json_url": relative_url(JSON_FILE, page_url),  # one JSON, under the root language
        "atom_url": relative_url(language_prefix(lang) + FEED_FILE, page_url),
    }))


def for_answers(ctx: BuildContext, lang: str) -> dict[str, list[dict]]:
    """The notices shown in each answer node of the form, by the topics of its articles."""
    tree, pages = ctx.tree, ctx.kb.pages[lang]
    return {node.id: [n for n in ctx.notices.shown if notices.answer_topics(node, tree, pages) & set(n["topics"])]
            for node in tree.nodes.values() if node.kind == "answer"}


def write_feeds(ctx: BuildContext) -> None:
    root, site = ctx.site.url, ctx.site.output
    entries, updated = notices.feed(ctx.notices.all, ctx.notices.now, ctx.notices.offset)
    for lang in LANGUAGES:
        feed = site / language_prefix(lang) / FEED_FILE
        feed.parent.mkdir(parents=True, exist_ok=True)
        feed.write_text(ctx.templates.render("feeds/notices-atom.html", lang, **{
            "entries": entries,
            "page_url": f"{root}{language_prefix(lang)}{PAGE}",
            "feed_url": f"{root}{language_prefix(lang)}{FEED_FILE}",
            "updated": updated,
        }), encoding="utf-8")
    urls = {code: f"{root}{language_prefix(code)}{PAGE}" for code in LANGUAGES}
    (site / JSON_FILE).write_text(json.dumps(notices.to_json(ctx.notices.all, urls, ctx.notices.offset),
                                             ensure_ascii=False, indent=1), encoding="utf-8")

