"""One 404 page per language. The i18n plugin renders 404.html in each language to the same root
file, so the last language built would win: keep the root language's page at the root and write
each other language's to its own folder (kk/404.html), which the server maps to /kk/ paths."""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from support_kb.mkdocs_adapter.site import DEFAULT_LANGUAGE, language_of, language_prefix

_root_page: str | None = None


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    global _root_page
    if template_name != "404.html":
        return output
    lang = language_of(config)
    if lang == DEFAULT_LANGUAGE:
        _root_page = output
        return output
    page = Path(config.site_dir) / language_prefix(lang) / "404.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(output, encoding="utf-8")
    return _root_page or output
