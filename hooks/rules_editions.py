"""Rules editions: the current edition on /rules/, the list on /rules/changes/, and the feeds
(rules/editions.json with both languages, an Atom feed per language) the portal reads to post a
notice in the personal account's event feed (rule 30-2). The data is docs/rules-editions.yml."""
from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from support_kb.content import rules
from support_kb.data.datafile import DataProblems
from support_kb.content.dates import long_date
from support_kb.mkdocs_adapter.site import DEFAULT_LANGUAGE, language_of, language_prefix, render, site_root

EDITION_MARKER = "<!-- rules-edition -->"
CHANGES_MARKER = "<!-- rules-changes -->"
FEED_DIR = "rules"

_editions: list[rules.Edition] = []
_all_rules: list[str] = []


def on_config(config: MkDocsConfig):
    global _editions, _all_rules
    docs_dir = Path(config.docs_dir)
    try:
        _all_rules = rules.known_rules(docs_dir)
        _editions = rules.load_editions(docs_dir / "rules-editions.yml", _all_rules)
    except DataProblems as error:
        raise PluginError(f"Rules editions are broken:\n{error}") from None


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if EDITION_MARKER not in markdown and CHANGES_MARKER not in markdown:
        return markdown
    # The JSON feed lives once, under the root language's rules/ (see on_post_build).
    json_url = "../editions.json" if language_of(config) == DEFAULT_LANGUAGE else "../../../rules/editions.json"
    context = {"editions": _editions, "current": _editions[0], "all_rules": _all_rules,
               "long_date": long_date, "json_url": json_url}
    markdown = markdown.replace(EDITION_MARKER, render(config, "partials/rules-edition.html", context))
    return markdown.replace(CHANGES_MARKER, render(config, "partials/rules-changes.html", context))


def on_post_build(config: MkDocsConfig):
    lang = language_of(config)
    root = site_root(config)
    site_dir = Path(config.site_dir)
    context = {"editions": _editions, "root": root, "prefix": language_prefix(lang), "long_date": long_date}
    atom = site_dir / language_prefix(lang) / FEED_DIR / "editions.xml"
    atom.parent.mkdir(parents=True, exist_ok=True)
    atom.write_text(render(config, "feeds/rules-editions-atom.html", context), encoding="utf-8")
    if lang == DEFAULT_LANGUAGE:  # one JSON for both languages, written by the root language's build
        feed = {
            "version": 1,
            "current": _editions[0].id,
            "editions": [
                {
                    "id": edition.id,
                    "date": edition.id,
                    "rules": list(edition.rules),
                    "summary": {lang: edition.summary[lang] for lang in ("ru", "kk")},
                    "url": {lang: f"{root}{language_prefix(lang)}rules/changes/#{edition.id}" for lang in ("ru", "kk")},
                }
                for edition in _editions
            ],
        }
        path = site_dir / FEED_DIR / "editions.json"
        path.write_text(json.dumps(feed, ensure_ascii=False, indent=1), encoding="utf-8")
