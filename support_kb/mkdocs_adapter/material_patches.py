"""Every place where the build rewrites Material's markup, in one table: what it changes, why, and
the Material version its target was checked against. Each patch fails the build when its target is
missing, so that an upgrade of Material cannot drop a fix silently (before this table, a missing
worker address fell back to Material's own worker, i.e. to search results in both languages)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from html import escape as html_escape
from typing import Callable

from mkdocs.exceptions import PluginError

from ..build.html import splice
from ..serving import fingerprints

CHECKED_WITH = "mkdocs-material 9.8.2"

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
# Material's bundle as the pages name it (base.html); they get a copy of it without its language
# lookup instead, under a content-hashed name of its own (bundle_without_lookup).
MATERIAL_BUNDLE = re.compile(r"assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js")
BUNDLE_START = "assets/javascripts/bundle."  # what MATERIAL_BUNDLE starts with
BUNDLE = "assets/javascripts/material-bundle.js"
# Material's language lookup (integrations/alternate): on every page it fetches sitemap.xml beside
# each <link rel="alternate"> of the head, expecting language roots, to take over the language
# switcher's clicks. Our alternates are each page's twins (hreflang per page, which search engines
# need), and the i18n plugin's switcher links to the twin already: the lookup only cost two or three
# requests on every new page (1.5-2.4 KB; x-default's is the page's own language's, fetched twice).
# Its selector is replaced by one of the same length that matches nothing (Material's source map
# beside the bundle still fits).
LOOKUP = '"link[rel=alternate]"'
NO_LOOKUP = '"link[rel=kb-lookup]"'
# The address of Material's search worker in the page's configuration (base.html, block config).
WORKER = re.compile(r'("search": ")([^"]*?)assets/javascripts/workers/search\.[0-9a-f]+\.min\.js(")')
WORKER_START = '"search": "'  # what WORKER starts with
PROJECT_WORKER = "assets/javascripts/search/worker.js?lang={lang}"


@dataclass(frozen=True)
class Bundle:
    """Material's bundle without its language lookup: its site path (content-hashed) and its text."""

    path: str
    text: str


def bundle_without_lookup(theme_dirs) -> Bundle:
    """From the theme's bundle; a bundle without the lookup's selector fails the build."""
    found = [file for folder in theme_dirs for file in sorted((Path(folder) / "assets" / "javascripts").glob("bundle.*.min.js"))]
    text = found[0].read_text(encoding="utf-8") if found else ""
    if text.count(LOOKUP) != 1:
        raise PluginError(f"Material's bundle changed: the patch 'language lookup' finds no single {LOOKUP} in "
                          f"{found[0] if found else 'the theme (no assets/javascripts/bundle.*.min.js)'} "
                          f"(checked with {CHECKED_WITH}); update support_kb/mkdocs_adapter/material_patches.py")
    text = text.replace(LOOKUP, NO_LOOKUP)
    return Bundle(fingerprints.hashed_name(BUNDLE, text.encode("utf-8")), text)


def write_bundle(output: Path, bundle: Bundle) -> None:
    """The pages' bundle into the built site, in place of Material's (which no page names now)."""
    (output / bundle.path).write_text(bundle.text, encoding="utf-8")
    for original in (output / "assets" / "javascripts").glob("bundle.*.min.js"):
        original.unlink()


@dataclass(frozen=True)
class Where:
    """The page being patched: its language, its interface strings, its name for messages, and the
    site path of the bundle it loads (Bundle.path)."""

    lang: str
    strings: dict[str, str]
    name: str
    bundle: str


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


def _bundle_without_lookup(html: str, where: Where) -> list[Edit] | None:
    found, start = [], html.find(BUNDLE_START)  # str.find, then the expression where it starts (as WORKER)
    while start >= 0:
        if match := MATERIAL_BUNDLE.match(html, start):
            found.append((match.start(), match.end(), where.bundle))
        start = html.find(BUNDLE_START, start + 1)
    return found if len(found) == 1 else None


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
    # What in mkdocs.yml makes Material write the target: an editor who removes it meets this patch
    # first (`kb check` names it: support_kb.checks.mkdocs_yml).
    written_by: str = "the search plugin (plugins: - search)"


PATCHES = (
    Patch("search dialog name", SEARCH_DIALOG,
          "Material's search dialog has role=dialog and no accessible name (axe-core aria-dialog-name, "
          "Lighthouse); it gets the name search.dialog of docs/site-strings.yml",
          _name_search_dialog),
    Patch("language lookup", '<script src="…assets/javascripts/bundle.HASH.min.js">, once',
          "Material's bundle fetches sitemap.xml beside each hreflang alternate on every page; the pages load "
          f"{BUNDLE} (content-hashed), the same bundle without that lookup (bundle_without_lookup)",
          _bundle_without_lookup, "Material's theme (theme: name: material)"),
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
    "unrelated one; it leads to the language homes", None, "the i18n plugin's languages (plugins: - i18n)")


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
            raise PluginError(f"{where.name}: the patch '{patch.name}' finds no {patch.target}: mkdocs.yml lost "
                              f"{patch.written_by} (put it back), or Material's markup changed (checked with "
                              f"{CHECKED_WITH}; update support_kb/mkdocs_adapter/material_patches.py)")
        edits += found
    if PERMALINK in html:
        edits += _occurrences(html, PERMALINK, f'title="{where.strings["heading.permalink"]}"')
    return splice(html, sorted(edits))
