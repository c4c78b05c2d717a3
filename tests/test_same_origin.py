"""Nothing is loaded from another origin: no web fonts, CDN scripts or analytics."""
import re
from urllib.parse import urlsplit

from conftest import SITE_URL

SITE_HOST = urlsplit(SITE_URL).netloc
LOADING = {"link": "href", "script": "src", "img": "src", "iframe": "src", "source": "src",
           "video": "src", "audio": "src", "embed": "src", "object": "data"}
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""")


def foreign(url: str) -> bool:
    if url.startswith("//"):
        url = "https:" + url
    parts = urlsplit(url)
    return bool(parts.scheme in ("http", "https") and parts.netloc != SITE_HOST)


def test_no_page_loads_from_another_origin(build):
    problems = []
    for page in build.html_pages():
        soup = build.page(page.relative_to(build.site).as_posix())
        for tag, attribute in LOADING.items():
            for element in soup.find_all(tag):
                if tag == "link" and element.get("rel") and {"alternate", "canonical"} & set(element["rel"]):
                    continue  # references for search engines, never fetched by the browser
                for url in [element.get(attribute, "")] + element.get("srcset", "").split(","):
                    if url and foreign(url.strip().split(" ")[0]):
                        problems.append(f"{page.relative_to(build.site)}: <{tag}> {url}")
        for style in soup.find_all("style") + soup.select("[style]"):
            css = style.get_text() if style.name == "style" else style["style"]
            problems += [f"{page}: style {u}" for u in CSS_URL.findall(css) if foreign(u)]
    for css in build.site.rglob("*.css"):
        problems += [f"{css.name}: {u}" for u in CSS_URL.findall(css.read_text(encoding="utf-8")) if foreign(u)]
    assert problems == []


def test_no_web_fonts(build):
    for page in build.html_pages():
        assert "fonts.googleapis" not in page.read_text(encoding="utf-8")
