"""A page's contents at its top (support_kb.content.page_contents): the FAQ's questions where its
marker is, and a long page's sections right after its title."""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from support_kb.content import page_contents
from support_kb.mkdocs_adapter.site import render


def on_page_content(html: str, page, config: MkDocsConfig, files) -> str:
    sections = page_contents.sections(page.toc)
    if page_contents.FAQ_MARKER in html:
        return html.replace(page_contents.FAQ_MARKER, render(config, "partials/page-contents.html", {"faq": True, "sections": sections}))
    if len(sections) >= page_contents.LONG_PAGE_SECTIONS and "toc" not in (page.meta.get("hide") or ()):
        return page_contents.after_title(html, render(config, "partials/page-contents.html", {"faq": False, "sections": sections}))
    return html
