"""The whole-site outputs, written once every language is built, in this order: the feeds (rules
editions, notices), the support calendar and the pages' settings, the search data, the form's suggested articles, the
other languages' 404 pages, the pages' scripts bundled, the content-hashed names of our assets (every file that refers
to one is written by then), every page rewritten once for those two, and the security policy last (it hashes the
scripts of every page as written)."""
from __future__ import annotations

from ..calendar import calendar_page
from ..content import notices_site, rules_editions
from ..search import site_index
from ..serving import bundles, csp, fingerprints
from ..tree import form_page
from .context import DEFAULT_LANGUAGE, BuildContext, language_prefix
from .html import rewrite_pages


def write_not_found_pages(ctx: BuildContext) -> None:
    for lang, html in ctx.not_found.items():
        if lang != DEFAULT_LANGUAGE:
            page = ctx.site.output / language_prefix(lang) / "404.html"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(html, encoding="utf-8")


def rewrite_built_pages(ctx: BuildContext) -> None:
    """Every built page read and written once, not once per step that changes or reads it (a thousand
    pages are some 180 MB): the chunks its scripts import announced (bundles), its references to our
    assets given their hashed names (fingerprints), and what the policy needs from it as written (csp)."""
    ctx.page_scan = csp.SiteScan(ctx.known_scripts)

    def rewrite(where: str, html: str) -> str:
        html = ctx.asset_names.rewrite_page(where, html, bundles.preloads(html, ctx.chunk_imports))
        ctx.page_scan.scan(where, html)
        return html

    rewrite_pages(ctx.site.output, rewrite)
    ctx.asset_names.check()


SITE_OUTPUTS = (
    rules_editions.write_feeds,
    notices_site.write_feeds,
    calendar_page.write_calendar,
    calendar_page.write_page_settings,
    site_index.write_search,
    form_page.write_suggestions,
    write_not_found_pages,
    bundles.write_bundles,
    fingerprints.write_fingerprints,
    rewrite_built_pages,
    csp.write_policy,
)


def write_site_outputs(ctx: BuildContext) -> None:
    for write in SITE_OUTPUTS:
        write(ctx)
