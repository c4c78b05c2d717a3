"""Material's language lookup, made quiet. On every page Material's bundle fetches `sitemap.xml`
beside each `<link rel="alternate">` of the head (it expects alternates to be language roots, whose
sitemap maps a page to its twin). Our alternates are the twin pages themselves (hreflang per page),
so every page asked for /<page>/sitemap.xml and /kk/<page>/sitemap.xml: two or three 404 responses
per page view (the 404 page each time, some kilobytes) and as many errors in the console. So, once
every language is built, the build writes beside every page a `sitemap.xml` holding that page's
entry of the site's sitemap (its URL and its hreflang twins), and each lookup finds a small, valid
sitemap. (The language switcher's links keep `target="_self"`: see
support_kb.mkdocs_adapter.material_patches.)"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

from ..build.context import BuildContext

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def write_page_sitemaps(ctx: BuildContext) -> None:
    site = ctx.site.output
    base_path = urlsplit(ctx.site.url).path
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
