"""What the build does to each page, in this order: its Markdown gets the portal's labels and the
rules, calendar and glossary markers filled in; its HTML gets the link to the form, the notices'
history and the contacts of those who answer what support does not, then (once the search has read
it) the form;
its frame gets what the templates show (interface strings, chat hours, absolute alternates, the
notices, the date it last changed); the scripts' settings are a file per language (calendar_page);
the page is written without the templates' indentation between tags."""
from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from ..calendar import calendar_page
from ..content import contacts, glossary_page, notices_site, page_contents, portal_labels, rules_editions
from ..content.dates import long_date
from ..serving import csp
from ..tree import form_page
from .context import DEFAULT_LANGUAGE, LANGUAGES, BuildContext, language_prefix
from .html import collapse_whitespace


def page_markdown(ctx: BuildContext, lang: str, path: str, site_path: str, markdown: str) -> str:
    """`path` inside the language folder (account/login.md), `site_path` where it is published."""
    markdown = portal_labels.fill(markdown, ctx.kb.labels[lang])
    markdown = rules_editions.fill_markers(ctx, lang, markdown)
    markdown = calendar_page.fill_marker(ctx, lang, markdown)
    return glossary_page.fill_marker(ctx, lang, markdown)


def page_html(ctx: BuildContext, lang: str, path: str, site_path: str, html: str, sections: list = ()) -> str:
    """The page's HTML content as the site's search reads it: an article's link to the form, the
    notices' history, the contacts, the page's contents; the form page still with the form's
    marker (page_with_form). `sections`: its headings as support_kb.content.page_contents.sections
    gives them."""
    if form_page.MARKER not in html:
        html = form_page.with_form_link(ctx, lang, site_path, html, ctx.kb.pages[lang][path].meta.get("topic"))
    html = notices_site.fill_marker(ctx, lang, site_path, html)
    html = contacts.fill_marker(ctx, lang, html)
    return page_contents_step(ctx, lang, path, html, list(sections))


def page_with_form(ctx: BuildContext, lang: str, path: str, site_path: str, html: str) -> str:
    """page_html's content as the theme frames it: the form at its marker, once the search has read
    the page (the tree's steps are not articles, and a thousand of their lines are not parsed for an
    index that leaves them out); what the policy would block fails."""
    html = form_page.fill_marker(ctx, lang, site_path, html)
    csp.page_problems(ctx, html, ctx.kb.pages[lang][path].source, f"docs/{lang}/{path}")
    return html


def page_contents_step(ctx: BuildContext, lang: str, path: str, html: str, sections: list) -> str:
    """A page's contents at its top: the FAQ's questions where its marker is, and a long page's
    sections right after its title."""
    if page_contents.FAQ_MARKER in html:
        return html.replace(page_contents.FAQ_MARKER, ctx.templates.render("partials/page-contents.html", lang,
                                                                           faq=True, sections=sections))
    if len(sections) >= page_contents.LONG_PAGE_SECTIONS and "toc" not in (ctx.kb.pages[lang][path].meta.get("hide") or ()):
        return page_contents.after_title(html, ctx.templates.render("partials/page-contents.html", lang,
                                                                    faq=False, sections=sections))
    return html


def last_updated(ctx: BuildContext, lang: str, path: str) -> dict | None:
    """The date the page last changed (from git), as the page frame shows it."""
    date = ctx.changes.get(f"{lang}/{path}")
    return {"iso": date.isoformat(), "text": long_date(date, lang)} if date else None


def absolute_url(ctx: BuildContext, link: str) -> str:
    """A site link (with the site's base path, or relative to the site's root) as a full URL."""
    if link.startswith("/"):
        origin = urlsplit(ctx.site.url)
        return f"{origin.scheme}://{origin.netloc}{link}"
    return urljoin(ctx.site.url, link)


def alternates(ctx: BuildContext, twins: list[tuple[str, str]]) -> list[dict]:
    """hreflang alternates from the page's twins (lang, site link), the first one the default."""
    found = [{"lang": lang, "href": absolute_url(ctx, link)} for lang, link in twins]
    return found + [{"lang": "x-default", "href": found[0]["href"]}] if found else []


def page_parts(ctx: BuildContext, lang: str, site_path: str, twins: list[tuple[str, str]], topic: str | None) -> dict:
    """What the page frame shows of this page: its absolute alternates, the notices' banner and
    the notices of its topic."""
    return {"kb_alternates": alternates(ctx, twins), **notices_site.page_parts(ctx, lang, site_path, topic)}


def frame(ctx: BuildContext, lang: str) -> dict:
    """What the page frame (overrides/main.html, 404.html) shows in one language."""
    base = urlsplit(ctx.site.url).path
    base = base if base.endswith("/") else base + "/"
    return {
        "strings": ctx.strings[lang],
        "opens": ctx.site.settings.hours.opens,
        "closes": ctx.site.settings.hours.closes,
        "form_page": ctx.form_pages.get(lang, language_prefix(lang)),
        # The 404 page: the page's language first, then the others, each with its home page.
        "not_found": [{"lang": code, "strings": ctx.strings[code], "home": base + language_prefix(code)}
                      for code in [lang] + [other for other in LANGUAGES if other != lang]],
    }


def written_page(html: str) -> str:
    """A page as it is written, once the theme and the patches are done: without the runs of
    indentation the templates leave between tags."""
    return collapse_whitespace(html)


def keep_not_found(ctx: BuildContext, lang: str, html: str) -> str:
    """The i18n build writes each language's 404.html to the same root file, so the last language
    built would win: keep the root language's page at the root (returned here for every language)
    and each other language's for its own folder (kk/404.html, written with the site outputs)."""
    ctx.not_found[lang] = html
    return ctx.not_found.get(DEFAULT_LANGUAGE, html)
