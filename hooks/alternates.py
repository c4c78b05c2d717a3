"""Absolute language alternates. The i18n plugin gives each page's twin as a site-relative link,
which Material writes relative; hreflang needs absolute URLs, so the theme gets a filter for them.
On the 404 page the plugin leaves the last page's twins in place: reset them to the home pages."""
from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig

from support_kb.mkdocs_adapter.site import site_root


def absolute_url(link: str, config: MkDocsConfig) -> str:
    root = site_root(config)
    if link.startswith("/"):  # already carries the site's base path
        origin = urlsplit(root)
        return f"{origin.scheme}://{origin.netloc}{link}"
    return urljoin(root, link)


def on_env(env: Environment, config: MkDocsConfig, files):
    env.filters["absolute_url"] = absolute_url
    return env


def on_pre_template(template, template_name: str, config: MkDocsConfig):
    if template_name == "404.html":
        languages = config.plugins["i18n"].config.languages
        # The plugin sets it as an attribute, which the templates read before the item.
        config.extra.alternate = [
            {"name": language.name, "link": language.link, "lang": language.locale}
            for language in languages if language.build
        ]
    return template
