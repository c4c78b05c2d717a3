"""The site builds in both languages (in strict mode: the `build` fixture fails on any warning)."""
from conftest import LANGUAGES, content_pages


def test_both_languages_are_built_with_the_same_pages(build):
    pages = content_pages(build)
    kk = {p.relative_to("kk") for p in pages if p.parts[0] == "kk"}
    ru = {p for p in pages if p.parts[0] != "kk"}
    assert ru and ru == kk
    for path in ("index.html", "rules/index.html", "rules/changes/index.html", "ask/index.html"):
        for lang in LANGUAGES:
            assert (build.site / ("" if lang == "ru" else "kk") / path).is_file(), (lang, path)
