"""Long pages on a phone: the FAQ opens with every question as a link, grouped by its sections;
a long page shows its sections at the top where Material hides its side table of contents."""
import pytest
from playwright.sync_api import expect

from conftest import content_pages, language_of_path

FAQ = {"ru": "faq/", "kk": "kk/faq/"}
LONG_PAGE_SECTIONS = 4


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_faq_opens_with_a_link_to_every_question_grouped_by_section(build, lang):
    page = build.page(FAQ[lang])
    article = page.select_one("article")
    contents = article.select_one("nav.kb-contents--faq")
    assert contents is not None and contents.find_previous("h1") is not None and contents.find_next("h2") is not None
    expected = [(h2["id"], [h3["id"] for h3 in h2.find_all_next("h3") if h3.find_previous("h2") is h2])
                for h2 in article.select("h2[id]")]
    listed = [(group.a["href"].removeprefix("#"), [a["href"].removeprefix("#") for a in group.select(":scope > ul a")])
              for group in contents.select(":scope > ul > li")]
    assert listed == expected and sum(len(q) for _, q in listed) == len(article.select("h3[id]")) > 20


def test_every_long_page_starts_with_its_sections(build):
    checked = 0
    for relative in content_pages(build):
        page = build.page(relative.as_posix())
        sections = [h2["id"] for h2 in page.select("article h2[id]:has(> a.headerlink)")]  # the text's, not the form's
        contents = page.select_one("article nav.kb-contents")
        if len(sections) < LONG_PAGE_SECTIONS or "faq" in relative.parts:
            # A short page has none; the FAQ has its questions' contents, not a long page's.
            expected = [["kb-contents", "kb-contents--faq"]] if "faq" in relative.parts else []
            assert [nav["class"] for nav in page.select("article nav.kb-contents")] == expected, relative
            continue
        assert contents is not None, relative
        assert contents.find_previous_sibling("h1") is not None, relative
        assert [a["href"].removeprefix("#") for a in contents.select("a")] == sections, relative
        checked += 1
    assert checked > 20


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_contents_show_on_a_phone_and_give_way_to_materials_on_a_wide_screen(new_page, lang):
    path = "account/login/" if lang == "ru" else "kk/account/login/"
    phone = new_page(path, viewport={"width": 390, "height": 844})
    contents = phone.locator("article nav.kb-contents")
    expect(contents).to_be_visible()
    first = contents.get_by_role("link").first
    target = phone.locator(f"[id='{first.get_attribute('href').removeprefix('#')}']")
    first.click()
    expect(target).to_be_in_viewport()
    wide = new_page(path, viewport={"width": 1440, "height": 900})
    expect(wide.locator("article nav.kb-contents")).to_be_hidden()
    expect(wide.locator(".md-sidebar--secondary")).to_be_visible()
