"""The "before you ask" form: the tree rendered into the page that carries the marker (/ask/ in
each language), through the template overrides/partials/triage/form.html. The page with the
marker is the form page: search leaves its steps out, the security policy may differ there, the
chat bar and every article link to it."""
from __future__ import annotations

from ..build.context import LANGUAGES, BuildContext, language_prefix
from ..build.html import relative_url, script_json
from ..content import articles, notices_site
from ..content.dates import long_date
from . import ask_links
from .triage import MAX_LENGTH

MARKER = "<!-- triage-form -->"
ENTRY = "assets/javascripts/kb/ask-page.js"


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


def fill_marker(ctx: BuildContext, lang: str, page_url: str, html: str, topic: str | None = None) -> str:
    """The form at its marker; on any other page (an article about `topic`), the link to the form."""
    if MARKER not in html:
        return with_form_link(ctx, lang, page_url, html, topic)
    tree, pages = ctx.tree, ctx.kb.pages[lang]
    summaries = {
        node.id: [articles.summarize(pages, path) for path in node.articles]
        for node in tree.nodes.values() if node.kind == "answer"
    }
    prefix = language_prefix(lang)

    def link(site_path: str, anchor: str = "") -> str:
        """From this page to a page of the same language."""
        return relative_url(prefix + site_path, page_url) + (f"#{anchor}" if anchor else "")

    suggestions = [
        {"title": s.title, "sentence": s.sentence, "url": link(s.site_path, s.anchor), "keywords": s.keywords,
         "role": ctx.kb.topics[s.topic].role if s.topic in ctx.kb.topics else "any"}
        for s in articles.index(pages)
    ]
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
        "suggestions_json": script_json(suggestions),
        "data_json": script_json({
            "strings": {key: text for key, text in strings.items() if key.startswith(("triage.", "msg."))},
            "edition": edition_date,
            "utcOffsetMinutes": ctx.site.settings.hours.utc_offset_minutes,
        }),
        "script": relative_url(ENTRY, page_url),
        "link": link,
    })
    return html.replace(MARKER, form)
