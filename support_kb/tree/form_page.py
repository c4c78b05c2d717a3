"""The "before you ask" form: the tree rendered into the page that carries the marker (/ask/ in
each language), through the template overrides/partials/triage/form.html. The page with the
marker is the form page: search leaves its steps out, and the security policy may differ there."""
from __future__ import annotations

from ..build.context import BuildContext, language_prefix
from ..build.html import relative_url, script_json
from ..content import articles, notices_site
from ..content.dates import long_date
from ..serving import modules
from .triage import MAX_LENGTH

MARKER = "<!-- triage-form -->"
ENTRY = "assets/javascripts/kb/ask-page.js"


def note_form_page(ctx: BuildContext, lang: str, site_path: str, markdown: str) -> None:
    """Remembers the page of each language that carries the form."""
    if MARKER in markdown:
        ctx.form_pages[lang] = site_path


def fill_marker(ctx: BuildContext, lang: str, page_url: str, html: str) -> str:
    if MARKER not in html:
        return html
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
        {"title": s.title, "sentence": s.sentence, "url": link(s.site_path, s.anchor), "keywords": s.keywords}
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
        "preload": [relative_url(module, page_url) for module in modules.imported_by(ctx.site.overrides / "assets", ENTRY)],
        "link": link,
    })
    return html.replace(MARKER, form)
