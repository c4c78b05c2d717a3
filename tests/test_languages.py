"""Every page says its language, links its twin in the other language, and the switcher keeps the page."""
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import SITE_URL, content_pages, language_of_path




def page_url(relative) -> str:
    """Absolute URL of a built page, e.g. kk/rules/index.html -> https://…/kk/rules/."""
    path = relative.as_posix().removesuffix("index.html")
    return SITE_URL + path


def twin(relative):
    parts = relative.parts
    return type(relative)(*parts[1:]) if parts[0] == "kk" else type(relative)("kk", *parts)


@pytest.fixture(scope="module")
def pages(build):
    return content_pages(build)


def test_html_lang_is_the_page_language(build, pages):
    for relative in pages + [build.site.joinpath("404.html").relative_to(build.site)]:
        soup = build.page(relative.as_posix())
        assert soup.html["lang"] == language_of_path(relative), relative


def test_alternates_are_absolute_and_link_the_twin(build, pages):
    for relative in pages:
        soup = build.page(relative.as_posix())
        alternates = {link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"][hreflang]')}
        own = language_of_path(relative)
        other = "ru" if own == "kk" else "kk"
        assert alternates[own] == page_url(relative), relative
        assert alternates[other] == page_url(twin(relative)), relative
        assert alternates["x-default"] == page_url(relative if own == "ru" else twin(relative))


def test_language_switcher_points_to_the_same_page(build, pages):
    for relative in pages:
        soup = build.page(relative.as_posix())
        here = page_url(relative)
        links = {a["hreflang"]: urljoin(here, a["href"]) for a in soup.select("a.md-select__link[hreflang]")}
        other = "ru" if language_of_path(relative) == "kk" else "kk"
        assert links[other] == page_url(twin(relative)), relative
        assert links[language_of_path(relative)] == here, relative


def test_sitemap_carries_absolute_urls(build):
    sitemap = (build.site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{SITE_URL}kk/rules/</loc>" in sitemap
    assert f"<loc>{SITE_URL}rules/</loc>" in sitemap
    assert urlsplit(SITE_URL).netloc in sitemap
