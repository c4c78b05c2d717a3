"""A page's contents at its top: the FAQ's questions as links grouped by its sections (always), and
a long article's sections (for phones, where Material hides its side table of contents). Both come
from the page's own headings, so they cannot drift from the text."""
from __future__ import annotations

from dataclasses import dataclass, field

FAQ_MARKER = "<!-- faq-questions -->"
# An article with this many sections or more gets its contents at the top.
LONG_PAGE_SECTIONS = 4


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    questions: list["Section"] = field(default_factory=list)


def sections(toc) -> list[Section]:
    """The second-level headings (and their third-level ones) of a table of contents: items with
    .id, .title and .children, the page title at the top level as Python-Markdown's toc makes it."""
    top = [child for item in toc for child in item.children] if len(toc) == 1 else list(toc)
    return [Section(item.id, item.title, [Section(q.id, q.title) for q in item.children]) for item in top]


def after_title(html: str, block: str) -> str:
    """The page's HTML with the block right after its first heading (the title)."""
    end = html.find("</h1>")
    return html if end < 0 else html[:end + 5] + block + html[end + 5:]
