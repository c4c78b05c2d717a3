"""The "before you ask" form: the tree rendered into the page that carries the marker (/ask/ in
each language), through the template overrides/partials/triage/form.html. The page with the
marker is the form page: search leaves its steps out, the security policy may differ there, the
chat bar and every article link to it.

What only a question's form needs stays out of the page: the articles it suggests while she types
are a file of their own (SUGGESTIONS, one per language), which the form's script fetches with its
later modules once she has left the first step."""
from __future__ import annotations

import json

from ..build.context import LANGUAGES, BuildContext, language_prefix
from ..build.html import relative_url, script_json
from ..content import articles, notices_site
from ..content.dates import long_date
from . import ask_links
from .triage import MAX_LENGTH

MARKER = "<!-- triage-form -->"
ENTRY = "assets/javascripts/kb/ask-page.js"
SUGGESTIONS = "assets/suggestions/{lang}.json"


def form_pages(pages: dict[str, dict]) -> dict[str, str]:
    """lang -> site path of the page that carries the form's marker (pages: lang -> path -> Page)."""
    found = {}
    for lang in LANGUAGES:
        for path, page in pages[lang].items():
            if MARKER in page.source:
                folder = path.removesuffix(".md").removesuffix("index")
                found[lang] = language_prefix(lang) + (folder if folder.endswith("/") or not folder else folder + "/")
    return found


def with_form_link(ctx: BuildContext, lang: str, page_url: str, html: str, topic: str | None) -> str:
    """An article's "when to write to support" section ends with a link to its topic's step of the form."""
    node = ask_links.form_nodes(ctx.tree).get(topic)
    if not node or lang not in ctx.form_pages:
        return html
    strings = ctx.strings[lang]
    href = relative_url(ctx.form_pages[lang], page_url) + f"#{node}"
    return ask_links.with_form_link(html, strings["article.when-to-write"], href, strings["article.ask-link"])


def _link(lang: str, page_url: str, site_path: str, anchor: str = "") -> str:
    """From the form page to a page of its language."""
    return relative_url(language_prefix(lang) + site_path, page_url) + (f"#{anchor}" if anchor else "")


def suggestions(ctx: BuildContext, lang: str, page_url: str) -> list[dict]:
    """Every article of a language, as the form suggests them (with its topic's role), linked from the form page."""
    topics = ctx.kb.topics
    return [
        {"title": s.title, "sentence": s.sentence, "url": _link(lang, page_url, s.site_path, s.anchor), "keywords": s.keywords,
         "role": topics[s.topic].role if s.topic in topics else "any"}
        for s in articles.index(ctx.kb.pages[lang])
    ]


def write_suggestions(ctx: BuildContext) -> None:
    """The suggested articles of each language that has the form (a whole-site output)."""
    for lang, page_url in ctx.form_pages.items():
        path = ctx.site.output / SUGGESTIONS.format(lang=lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(suggestions(ctx, lang, page_url), ensure_ascii=False), encoding="utf-8")


def fill_marker(ctx: BuildContext, lang: str, page_url: str, html: str) -> str:
    """The form at its marker (any other page as it is)."""
    if MARKER not in html:
        return html
    tree, pages = ctx.tree, ctx.kb.pages[lang]
    summaries = {
        node.id: [articles.summarize(pages, path) for path in node.articles]
        for node in tree.nodes.values() if node.kind == "answer"
    }
    edition_date = long_date(ctx.editions[0].date, lang)
    strings = ctx.strings[lang]
    form = ctx.templates.render("partials/triage/form.html", lang, **{
        "tree": tree,
        "nodes": list(tree.nodes.values()),
        "summaries": summaries,
        "node_notices": notices_site.for_answers(ctx, lang),
        "topics": ctx.kb.topics,
        "edition_date": edition_date,
        "max_length": MAX_LENGTH,
        "contacts": ctx.kb.contacts,
        "data_json": script_json({
            "strings": {key: text for key, text in strings.items() if key.startswith(("triage.", "msg."))},
            "edition": edition_date,
            "utcOffsetMinutes": ctx.site.settings.hours.utc_offset_minutes,
            "suggestions": relative_url(SUGGESTIONS.format(lang=lang), page_url),
        }),
        "script": relative_url(ENTRY, page_url),
        "link": lambda site_path, anchor="": _link(lang, page_url, site_path, anchor),
    })
    return html.replace(MARKER, form)
