"""Names Material's search dialog for assistive technology: Material renders it as
role="dialog" without an accessible name (axe-core's aria-dialog-name, Lighthouse's "dialog has no
accessible name"). Fails the build if Material's markup changes, so the fix is not lost silently.
Also gives the heading anchors (¶) their title in the page's language: Python-Markdown's toc writes
one English "Permanent link" for every language."""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from support_kb.mkdocs_adapter.site import strings

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
PERMALINK = 'title="Permanent link"'


def _name_search_dialog(html: str, config: MkDocsConfig, where: str) -> str:
    if SEARCH_DIALOG not in html:
        raise PluginError(f"{where}: Material's search dialog markup changed; update hooks/accessibility.py")
    label = strings(config)["search.dialog"]
    permalink = strings(config)["heading.permalink"]
    html = html.replace(PERMALINK, f'title="{permalink}"')
    return html.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + f' aria-label="{label}">', 1)


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    return _name_search_dialog(output, config, page.file.src_uri)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return _name_search_dialog(output, config, template_name) if template_name == "404.html" else output
