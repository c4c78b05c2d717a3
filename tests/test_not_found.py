"""A 404 page in each language (the i18n plugin alone leaves one, in the last language built)."""
import pytest

STRINGS = {"ru": "Страница не найдена", "kk": "Бет табылмады"}


@pytest.mark.parametrize("path, lang", [("404.html", "ru"), ("kk/404.html", "kk")])
def test_each_language_has_its_404_that_also_speaks_the_other(build, path, lang):
    soup = build.page(path)
    assert soup.html["lang"] == lang
    assert soup.select_one("article h1").get_text(strip=True) == STRINGS[lang]
    other = "kk" if lang == "ru" else "ru"
    section = soup.select_one(f'section[lang="{other}"]')
    assert section and STRINGS[other] in section.get_text()
    homes = {s["lang"]: s.select_one("a.md-button")["href"] for s in soup.select("section.kb-not-found")}
    assert homes == {"ru": "/", "kk": "/kk/"}
    switcher = {a["hreflang"]: a["href"] for a in soup.select("a.md-select__link")}
    assert switcher == {"ru": "/", "kk": "/kk/"}
