"""Content-Security-Policy without 'unsafe-inline': once the pages are written, hashes every inline
script that runs (Material's own) and writes the policy as an nginx snippet beside the pages,
`.nginx-csp.conf` in the site folder, which deploy/nginx/help-centre.conf includes (nginx serves
no dot-file). A page with an inline event handler, a `style` attribute or a `javascript:` URL fails
the build: the policy would drop it silently. The logic lives in support_kb.csp."""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from support_kb import csp

SNIPPET = ".nginx-csp.conf"


# Last of all: after the other hooks have written their pages (kk/404.html among them). Each
# language's build writes it again; the last one has seen every page of both languages.
@event_priority(-300)
def on_post_build(config: MkDocsConfig):
    site = Path(config.site_dir)
    found = csp.scan_site(site)
    if found.problems:
        raise PluginError("The Content-Security-Policy would block these; move them to a file of "
                          "overrides/assets/:\n" + "\n".join(found.problems))
    general = csp.policy(found.scripts, found.styles)
    form_pages = csp.policy(found.scripts, found.styles, csp.form_page_extra(config.extra["support"]["chat"]))
    (site / SNIPPET).write_text(csp.nginx_map(general, form_pages, f"{found.pages} pages"), encoding="utf-8")
