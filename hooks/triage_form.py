"""The "before you ask" form: reads and checks docs/triage.yml once per change of the docs, and
renders the tree into the page that carries the marker (/ask/ in each language), through the
template overrides/partials/triage/form.html. The tree logic lives in support_kb.tree.triage."""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from support_kb.content import articles, notices, rules
from support_kb.data import knowledge_base
from support_kb.serving import modules
from support_kb.data.datafile import DataProblems
from support_kb.content.dates import long_date
from support_kb.tree.triage import MAX_LENGTH
from support_kb.mkdocs_adapter.site import language_of, language_prefix, render, script_json, strings

MARKER = "<!-- triage-form -->"
ENTRY = "assets/javascripts/kb/ask-page.js"
_cache: dict = {}


def _read(config: MkDocsConfig):
    """The knowledge base and its tree, read again only when a page or data file changed."""
    docs = Path(config.docs_dir)
    stamp = knowledge_base.fingerprint(docs)
    if _cache.get("stamp") != stamp:
        try:
            kb = knowledge_base.read(docs)
            tree = kb.tree()
            editions = rules.load_editions(docs / "rules-editions.yml", kb.rules)
        except DataProblems as error:
            raise PluginError(f"The pages, labels, topics or decision tree cannot be read:\n{error}") from None
        _cache.update(stamp=stamp, kb=kb, tree=tree, edition=editions[0])
    return _cache["kb"], _cache["tree"], _cache["edition"]


def on_pre_build(config: MkDocsConfig):
    _read(config)  # a broken tree fails the build even if no page shows it


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if MARKER not in html:
        return html
    kb, tree, edition = _read(config)
    lang = language_of(config)
    pages = kb.pages[lang]
    summaries = {
        node.id: [articles.summarize(pages, path) for path in node.articles]
        for node in tree.nodes.values() if node.kind == "answer"
    }
    prefix = language_prefix(lang)
    shown = config.extra.get("notices_shown", [])
    node_notices = {
        node.id: [n for n in shown if notices.answer_topics(node, tree, pages) & set(n["topics"])]
        for node in tree.nodes.values() if node.kind == "answer"
    }

    def link(site_path: str, anchor: str = "") -> str:
        """From this page to a page of the same language."""
        return get_relative_url(prefix + site_path, page.url) + (f"#{anchor}" if anchor else "")

    suggestions = [
        {"title": s.title, "sentence": s.sentence, "url": link(s.site_path, s.anchor), "keywords": s.keywords}
        for s in articles.index(pages)
    ]
    edition_date = long_date(edition.date, lang)
    form = render(config, "partials/triage/form.html", {
        "tree": tree,
        "summaries": summaries,
        "node_notices": node_notices,
        "topics": kb.topics,
        "contacts": kb.contacts,
        "edition_date": edition_date,
        "max_length": MAX_LENGTH,
        "suggestions_json": script_json(suggestions),
        "data_json": script_json({
            "strings": {key: text for key, text in strings(config).items() if key.startswith(("triage.", "msg."))},
            "edition": edition_date,
            "utcOffsetMinutes": config.extra["support"]["utc_offset_minutes"],
        }),
        "script": get_relative_url(ENTRY, page.url),
        "preload": [get_relative_url(module, page.url)
                    for module in modules.imported_by(Path(config.theme.custom_dir) / "assets", ENTRY)],
        "link": link,
    })
    return html.replace(MARKER, form)
