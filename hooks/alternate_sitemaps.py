"""Material's language lookup, made quiet. On every page Material's bundle fetches `sitemap.xml`
beside each `<link rel="alternate">` of the head (it expects alternates to be language roots, whose
sitemap maps a page to its twin). Our alternates are the twin pages themselves (hreflang per page,
hooks/alternates.py), so every page asked for /<page>/sitemap.xml and /kk/<page>/sitemap.xml: two or
three 404 responses per page view (the 404 page each time, some kilobytes) and as many errors in the
console. This hook, once both languages are built:

- writes beside every page a `sitemap.xml` holding that page's entry of the site's sitemap (its URL
  and its hreflang twins), so each lookup finds a small, valid sitemap;
- marks the language switcher's links `target="_self"`: with a sitemap found, Material would
  otherwise take over their clicks and send the reader to the twin's address without its trailing
  slash, which only some static hosts redirect. The links then simply lead to the twin, as before.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from support_kb.mkdocs_adapter.site import all_languages_built, site_root

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
SWITCHER_LINK = 'class="md-select__link"'


def _keep_switcher_links(html: str, where: str) -> str:
    if SWITCHER_LINK not in html:
        raise PluginError(f"{where}: Material's language switcher markup changed; update hooks/alternate_sitemaps.py")
    return html.replace(SWITCHER_LINK, SWITCHER_LINK + ' target="_self"')


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    return _keep_switcher_links(output, page.file.src_uri)


# Before hooks/not_found.py (0), which writes the Kazakh 404 page from this output.
@event_priority(10)
def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return _keep_switcher_links(output, template_name) if template_name == "404.html" else output


# After the i18n plugin (-100) has built the last language and written the whole sitemap.
@event_priority(-250)
def on_post_build(config: MkDocsConfig):
    if not all_languages_built(config):
        return
    site = Path(config.site_dir)
    root = site_root(config)
    base_path = urlsplit(root).path
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("xhtml", XHTML_NS)
    for url in ET.parse(site / "sitemap.xml").getroot().iter(f"{{{SITEMAP_NS}}}url"):
        location = url.findtext(f"{{{SITEMAP_NS}}}loc", "").strip()
        path = urlsplit(location).path
        if not path.startswith(base_path) or not path.endswith("/"):
            continue
        folder = site / path[len(base_path):]
        if folder == site or not (folder / "index.html").is_file():
            continue  # the site's own sitemap.xml is there already
        single = ET.Element(f"{{{SITEMAP_NS}}}urlset")
        single.append(url)
        ET.indent(single)
        ET.ElementTree(single).write(folder / "sitemap.xml", encoding="UTF-8", xml_declaration=True)
