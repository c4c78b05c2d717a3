"""Every place where the build rewrites Material's markup, in one table: what it changes, why, and
the Material version its target was checked against. Each patch fails the build when its target is
missing, so that an upgrade of Material cannot drop a fix silently (before this table, a missing
worker address fell back to Material's own worker, i.e. to search results in both languages)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape as html_escape
from typing import Callable

from mkdocs.exceptions import PluginError

from ..build.html import splice

CHECKED_WITH = "mkdocs-material 9.8.2"

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
SWITCHER_LINK = 'class="md-select__link"'
# The address of Material's search worker in the page's configuration (base.html, block config).
WORKER = re.compile(r'("search": ")([^"]*?)assets/javascripts/workers/search\.[0-9a-f]+\.min\.js(")')
WORKER_START = '"search": "'  # what WORKER starts with
PROJECT_WORKER = "assets/javascripts/search/worker.js?lang={lang}"


@dataclass(frozen=True)
class Where:
    """The page being patched: its language, its interface strings, and its name for messages."""

    lang: str
    strings: dict[str, str]
    name: str


# Each patch says where it rewrites the page as edits (start, end, new text) on the page as Material
# wrote it, or None when its target is missing; the page is then written once with every edit (a
# thousand-page build patches some 180 MB of HTML: copying each page once per patch cost more than
# finding the targets). The targets are distinct pieces of markup: no two edits overlap.
Edit = tuple[int, int, str]


def _occurrences(html: str, target: str, new: str, count: int = -1) -> list[Edit]:
    edits, start = [], html.find(target)
    while start >= 0 and len(edits) != count:
        edits.append((start, start + len(target), new))
        start = html.find(target, start + len(target))
    return edits


def _name_search_dialog(html: str, where: Where) -> list[Edit] | None:
    named = SEARCH_DIALOG[:-1] + f' aria-label="{html_escape(where.strings["search.dialog"])}">'
    return _occurrences(html, SEARCH_DIALOG, named, 1) or None


def _keep_switcher_links(html: str, where: Where) -> list[Edit] | None:
    return _occurrences(html, SWITCHER_LINK, SWITCHER_LINK + ' target="_self"') or None


def _project_worker(html: str, where: Where) -> list[Edit] | None:
    # WORKER.search(html), from where its start is found by str.find (a regular expression's scan
    # for it cost ten times more on a thousand pages).
    start, found = html.find(WORKER_START), None
    while start >= 0 and not (found := WORKER.match(html, start)):
        start = html.find(WORKER_START, start + 1)
    return [(found.start(), found.end(), found.group(1) + found.group(2) + PROJECT_WORKER.format(lang=where.lang)
             + found.group(3))] if found else None


@dataclass(frozen=True)
class Patch:
    name: str
    target: str  # what must be in the page, as Material writes it
    reason: str
    edits: Callable[[str, Where], list[Edit] | None]


PATCHES = (
    Patch("search dialog name", SEARCH_DIALOG,
          "Material's search dialog has role=dialog and no accessible name (axe-core aria-dialog-name, "
          "Lighthouse); it gets the name search.dialog of docs/site-strings.yml",
          _name_search_dialog),
    Patch("language switcher links", SWITCHER_LINK,
          "each page writes a sitemap.xml beside it for Material's language lookup (support_kb.serving.sitemaps); "
          "with one found, Material would take over the switcher's clicks and drop the twin's trailing slash; "
          "target=_self keeps plain links",
          _keep_switcher_links),
    Patch("search worker address", '"search": "…assets/javascripts/workers/search.HASH.min.js"',
          "Material's worker searches the one index the i18n plugin merges from both languages; the project's "
          "worker (assets/javascripts/search/worker.js) answers the same messages from the page's language only",
          _project_worker),
)
# Not a rewrite of markup, but of what Material renders it from: on the 404 page the i18n plugin
# leaves the last page's twins in config.extra.alternate, which Material's switcher
# (partials/alternate.html) lists; the 404 page gets the languages' home pages instead.
NOT_FOUND_ALTERNATES = Patch(
    "404 page language switcher", "config.extra.alternate while 404.html renders, from the i18n plugin's languages",
    "the i18n plugin leaves the last page's twins there: the switcher would lead from a missing page to an "
    "unrelated one; it leads to the language homes", None)


def not_found_alternates(languages) -> list[dict]:
    """config.extra.alternate for the 404 page: the home page of each language built."""
    homes = [{"name": language.name, "link": language.link, "lang": language.locale}
             for language in languages if language.build]
    if not homes:
        raise PluginError(f"404.html: the patch '{NOT_FOUND_ALTERNATES.name}' finds no languages in the i18n "
                          "plugin's configuration; update support_kb/mkdocs_adapter/material_patches.py")
    return homes


# Not Material's, and not on every page: Python-Markdown's toc titles each heading's anchor (¶) with
# one English "Permanent link" in every language; it gets heading.permalink of the page's language.
PERMALINK = 'title="Permanent link"'


def apply_all(html: str, where: Where) -> str:
    """Every patch of the table; a missing target fails the build, naming the patch."""
    edits = []
    for patch in PATCHES:
        found = patch.edits(html, where)
        if found is None:
            raise PluginError(f"{where.name}: Material's markup changed, the patch '{patch.name}' finds no "
                              f"{patch.target} (checked with {CHECKED_WITH}); update "
                              "support_kb/mkdocs_adapter/material_patches.py")
        edits += found
    if PERMALINK in html:
        edits += _occurrences(html, PERMALINK, f'title="{where.strings["heading.permalink"]}"')
    return splice(html, sorted(edits))
