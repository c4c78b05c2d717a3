"""axe-core on the pages every visitor meets, in both languages (the ask page has its own test)."""
import pytest

from browser_helpers import axe_violations

pytestmark = pytest.mark.browser
PAGES = ["", "rules/", "rules/changes/", "faq/", "glossary/", "support/hours/", "account/sms-code/", "404.html"]


@pytest.mark.parametrize("lang", ["ru", "kk"])
@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_violation(new_page, lang, path):
    page = new_page(("" if lang == "ru" else "kk/") + path)
    page.locator("[data-chat-badge][data-chat-state]").wait_for()  # the page's own script has run
    assert axe_violations(page) == []
