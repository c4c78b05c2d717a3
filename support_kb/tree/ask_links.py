"""Every article leads to the form: the article's "when to write to support" section ends with a
link to the form's step for the article's topic (`ask/#NODE`), taken from the decision tree, so that
no editor types or updates these links by hand."""
from __future__ import annotations

import html as html_lib
import re

from .triage import Tree

_H2 = re.compile(r"<h2\b[^>]*>(.*?)</h2>", re.S)
_TAGS = re.compile(r"<[^>]+>")


def form_nodes(tree: Tree) -> dict[str, str]:
    """topic id -> the form node that composes a question about it (the first, in the tree's order)."""
    forms: dict[str, str] = {}
    for node in tree.nodes.values():
        if node.kind == "form" and node.topic:
            forms.setdefault(node.topic, node.id)
    return forms


def with_form_link(content: str, heading_words: str, href: str, label: str) -> str:
    """The article's HTML with the link at the end of the section whose heading has `heading_words`
    (at the end of the article when it has no such section)."""
    link = (f'<p class="kb-ask-link"><a class="md-button" href="{html_lib.escape(href)}">'
            f"{html_lib.escape(label)}</a></p>\n")
    headings = list(_H2.finditer(content))
    for i, heading in enumerate(headings):
        text = html_lib.unescape(_TAGS.sub("", heading.group(1)))
        if heading_words.casefold() in text.casefold():
            end = headings[i + 1].start() if i + 1 < len(headings) else len(content)
            return content[:end] + link + content[end:]
    return content + link
