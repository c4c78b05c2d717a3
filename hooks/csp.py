"""Content-Security-Policy without 'unsafe-inline'. Each page's content (what editors write, with
what the other hooks put in it) must have nothing the policy would block silently: an inline event
handler, a `style` attribute or a `javascript:` URL fails the build. Once every page is written,
the hook hashes each inline script that runs (Material's own) and writes the policy as an nginx
snippet beside the pages, `.nginx-csp.conf` in the site folder, which deploy/nginx/help-centre.conf
includes (nginx serves no dot-file). The logic lives in support_kb.serving.csp."""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from support_kb.serving import csp
from support_kb.mkdocs_adapter.site import all_languages_built

SNIPPET = ".nginx-csp.conf"


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    problems = csp.scan_page(page.content or "").problems
    if problems:
        raise PluginError(f"docs/{page.file.src_uri}: the Content-Security-Policy would block these (lines of "
                          "the page's HTML content); use a class in overrides/assets/stylesheets/kb.css or a "
                          "module in overrides/assets/javascripts/ instead:\n" + "\n".join(problems))
    return output


# Last of all: after the other hooks have written their files (kk/404.html among them), once the
# i18n plugin has built every language into the site folder.
@event_priority(-300)
def on_post_build(config: MkDocsConfig):
    if not all_languages_built(config):
        return
    site = Path(config.site_dir)
    found = csp.scan_site(site)
    general = csp.policy(found.scripts, found.styles)
    form_pages = csp.policy(found.scripts, found.styles, csp.form_page_extra(config.extra["support"]["chat"]))
    (site / SNIPPET).write_text(csp.nginx_map(general, form_pages, f"{found.pages} pages"), encoding="utf-8")
