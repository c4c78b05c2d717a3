"""Editors' text as text: a portal label, a page's title or description reaches the page as the
characters the editor wrote, never read as Markdown or HTML (`*.pdf или *.jpg` stays as written, a
`<script>` in a title is shown, not run)."""
from __future__ import annotations

from markupsafe import Markup, escape

# Characters that Python-Markdown or its extensions here (attribute lists, emoji, tables, lists)
# may read as markup; written as character references they show as themselves.
MARKDOWN_MARKS = set("\\`*_{}[]()#+-.!|:~")
HTML_MARKS = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}


def in_markdown(text: str) -> str:
    """`text` to put into Markdown source so that the page shows it as written."""
    return "".join(HTML_MARKS.get(c) or (f"&#{ord(c)};" if c in MARKDOWN_MARKS else c) for c in text)


TEXT_META = ("title", "description")


def meta_as_text(meta: dict) -> None:
    """Escapes the front matter's title and description in place. Material writes them into
    every page (the title in <title>, the header, the navigation of every page, the footer links;
    the description into <meta name="description">) without escaping; as Markup they are written
    escaped, once (Jinja's `e` does not escape Markup again)."""
    for key in TEXT_META:
        value = meta.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            meta[key] = escape(value)
