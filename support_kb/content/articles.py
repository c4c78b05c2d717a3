"""What the rest of the site shows of an article: its title, first sentence, topic and address."""
from __future__ import annotations

from dataclasses import dataclass

from .pages import Page


@dataclass(frozen=True)
class Summary:
    path: str  # inside the language folder, may end in #anchor
    title: str
    sentence: str
    topic: str | None
    keywords: str

    @property
    def site_path(self) -> str:
        """Where MkDocs publishes it inside the language's folder, e.g. 'account/login/'."""
        path = self.path.partition("#")[0].removesuffix(".md")
        return "" if path == "index" else path.removesuffix("/index") + "/"

    @property
    def anchor(self) -> str:
        return self.path.partition("#")[2]


def summarize(pages: dict[str, Page], path: str) -> Summary:
    """An article, or one section of it when the path carries an anchor."""
    page_path, _, anchor = path.partition("#")
    page = pages[page_path]
    title = (page.heading(anchor) or page.title) if anchor else page.title
    keywords = page.meta.get("keywords") or []
    keywords = keywords if isinstance(keywords, str) else " ".join(str(k) for k in keywords)
    return Summary(path, title, page.first_sentence(anchor), page.meta.get("topic"), keywords)


def index(pages: dict[str, Page]) -> list[Summary]:
    """Every article of one language (pages with a topic), for the form's suggestions."""
    return [summarize(pages, path) for path, page in sorted(pages.items()) if page.meta.get("topic")]
