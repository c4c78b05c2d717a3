"""The Kazakh interface: every key of the installed Material's en.html is translated in kk.html, and
the chrome of Kazakh pages shows the Kazakh strings, not Material's English or Russian ones."""
import json
import re
from pathlib import Path

import material
import pytest

from conftest import ROOT, content_pages

KEY = re.compile(r'^\s*"([a-z.]+)":\s*"(.*)",?$', re.M)
MATERIAL_LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"


def translations(path: Path) -> dict[str, str]:
    return dict(KEY.findall(path.read_text(encoding="utf-8")))


KK = translations(ROOT / "overrides" / "partials" / "languages" / "kk.html")
EN = translations(MATERIAL_LANGUAGES / "en.html")
RU = translations(MATERIAL_LANGUAGES / "ru.html")


def test_every_material_key_is_translated():
    missing = sorted(set(EN) - set(KK))
    assert not missing, f"add these keys of Material's en.html to overrides/partials/languages/kk.html: {missing}"
    assert not sorted(set(KK) - set(EN)), "kk.html has keys Material no longer knows"


# Words Kazakh shares with Russian, checked to be the usual Kazakh interface term.
SAME_IN_KAZAKH = {"nav"}  # «Навигация»


def test_translations_are_kazakh_not_copies():
    kept = {"language", "direction", "search.config.lang", "search.config.pipeline", "search.config.separator"}
    for key in set(EN) - kept:
        assert KK[key] != EN[key], key
        if key not in SAME_IN_KAZAKH:
            assert KK[key] != RU.get(key), key
    assert KK["language"] == "kk"
    # lunr has no Kazakh: the search worker must load the Russian pipeline (see STACK-NOTES).
    assert KK["search.config.lang"] == "ru"


CHROME = {  # where a translation appears in a built page
    "action.skip": "a.md-skip",
    "search.placeholder": "input.md-search__input[placeholder]",
    "toc": "nav.md-nav--secondary label.md-nav__title",
    "top": "button.md-top",
    "select.language": ".md-select button[aria-label]",
}


def chrome_text(soup, selector):
    element = soup.select_one(selector)
    if element is None:
        return None
    return element.get("placeholder") or element.get("aria-label") or element.get_text(" ", strip=True)


def test_kazakh_pages_show_kazakh_chrome(build):
    pages = [p for p in content_pages(build) if p.parts[0] == "kk"]
    assert pages
    for relative in pages:
        soup = build.page(relative.as_posix())
        for key, selector in CHROME.items():
            text = chrome_text(soup, selector)
            if text is None and key == "toc":
                continue  # pages without a table of contents
            assert text is not None and KK[key] in text, (relative, key, text)
            assert EN[key] not in text.replace(KK[key], ""), (relative, key)  # no English beside the Kazakh
        config = json.loads(soup.select_one("#__config").get_text())["translations"]
        for key in ("search.result.placeholder", "search.result.none", "clipboard.copy"):
            assert config[key] == KK[key], key


@pytest.mark.parametrize("admonition, ru, kk", [("warning", "Внимание", "Назар аударыңыз")])
def test_admonition_titles_are_translated(build, admonition, ru, kk):
    for path, title in (("ask/", ru), ("kk/ask/", kk)):
        element = build.page(path).select_one(f"article > .admonition.{admonition} > .admonition-title")
        assert element.get_text(strip=True) == title
