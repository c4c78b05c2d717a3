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

from support_kb.content import plain_text
from support_kb.serving import csp
from support_kb.mkdocs_adapter.site import all_languages_built

SNIPPET = ".nginx-csp.conf"
_state: dict = {}


def _known(config: MkDocsConfig) -> list[csp.KnownScript]:
    """The <script> elements of the theme's templates (overrides/ and Material's), read once per build."""
    dirs = tuple(config.theme.dirs)
    if _state.get("dirs") != dirs:
        _state.update(dirs=dirs, known=csp.known_scripts([Path(d) for d in dirs]))
    return _state["known"]


def on_page_markdown(markdown: str, page, config: MkDocsConfig, files) -> str:
    plain_text.meta_as_text(page.meta)  # the title and description are the editor's text, not HTML
    return markdown


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    problems = csp.scan_page(page.content or "", known=_known(config)).problems
    if problems:
        source = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig")
        where = f"docs/{page.file.src_uri}"
        raise PluginError("The Content-Security-Policy would block these; write text, use a class in "
                          "overrides/assets/stylesheets/kb.css or a module in overrides/assets/javascripts/:\n"
                          + "\n".join(f"{where}:{line}" for line in csp.source_lines(problems, source)))
    return output


# Last of all: after the other hooks have written their files (kk/404.html among them), once the
# i18n plugin has built every language into the site folder.
@event_priority(-300)
def on_post_build(config: MkDocsConfig):
    if not all_languages_built(config):
        return
    site = Path(config.site_dir)
    found = csp.scan_site(site, _known(config))
    if found.problems:
        raise PluginError("Built pages carry scripts that no template of the theme writes (site folder's "
                          "file:line); the policy allows only the theme's own:\n" + "\n".join(found.problems))
    general = csp.policy(found.scripts, found.styles)
    form_pages = csp.policy(found.scripts, found.styles, csp.form_page_extra(config.extra["support"]["chat"]))
    (site / SNIPPET).write_text(csp.nginx_map(general, form_pages, f"{found.pages} pages"), encoding="utf-8")
