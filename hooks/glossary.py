"""Renders the glossary (docs/glossary.yml) as a table at <!-- glossary --> in each language."""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from support_kb.content import glossary
from support_kb.data.datafile import DataProblems
from support_kb.mkdocs_adapter.site import render

MARKER = "<!-- glossary -->"


def on_page_markdown(markdown: str, page, config: MkDocsConfig, files) -> str:
    if MARKER not in markdown:
        return markdown
    try:
        terms = glossary.load(Path(config.docs_dir) / "glossary.yml")
    except DataProblems as error:
        raise PluginError(f"The glossary is broken:\n{error}") from None
    return markdown.replace(MARKER, render(config, "partials/glossary.html", {"terms": terms}))
