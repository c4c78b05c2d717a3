"""No English on the pages: what a person sees and what a screen reader reads (visible text and
the title, aria-label, alt and placeholder attributes) has no Latin word outside the reviewed
names of spelling/latin.txt; and every <title> names the site once."""
import copy
import re

from bs4 import Comment, Doctype

from conftest import ROOT, language_of_path

ATTRIBUTES = ("title", "aria-label", "alt", "placeholder")
# Not read out or shown as text: scripts, styles, and code an editor quotes literally.
SILENT = ["script", "style", "template", "code", "svg"]
# One letter is a key (Win + Shift + S) or a mark, not a word.
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def names() -> re.Pattern:
    """The reviewed names as one pattern, longest first, each matched as whole words."""
    lines = (ROOT / "spelling" / "latin.txt").read_text(encoding="utf-8").splitlines()
    listed = sorted({line.strip() for line in lines if line.strip() and not line.startswith("#")}, key=len, reverse=True)
    return re.compile("|".join(rf"(?<![A-Za-z]){re.escape(name)}(?![A-Za-z])" for name in listed), re.IGNORECASE)


# An address (egov.kz, a file name such as чат.ics) is not a word of any language.
ADDRESS = re.compile(r"[\w-]*(\.[A-Za-z]{2,})+")


def english(text: str, allowed: re.Pattern) -> bool:
    return bool(LATIN_WORD.search(allowed.sub(" ", ADDRESS.sub(" ", text))))


def english_words(soup, allowed: re.Pattern) -> list[tuple[str, str]]:
    """(where, text) of every text or attribute of the page with a Latin word that is no listed name."""
    soup = copy.copy(soup)  # the built pages are parsed once and shared (conftest.Build.page): not cut here
    for element in soup(SILENT):
        element.decompose()
    found = []
    for text in soup.find_all(string=True):
        if not isinstance(text, (Comment, Doctype)) and english(text, allowed):
            found.append((f"<{text.parent.name}>", text.strip()))
    for element in soup.find_all(True):
        for attribute in ATTRIBUTES:
            value = element.get(attribute)
            if value and english(value, allowed):
                found.append((f"<{element.name} {attribute}>", value))
    return found


def test_no_english_word_on_any_page_in_either_language(build):
    allowed, problems = names(), []
    for page in build.html_pages():
        relative = page.relative_to(build.site).as_posix()
        problems += [f"{relative} {where}: {text[:80]!r}" for where, text in english_words(build.page(relative), allowed)]
    assert problems == [], "translate these, or add a real name to spelling/latin.txt:\n" + "\n".join(problems[:40])


def test_the_scan_finds_english_material_puts_on_a_page(build):
    """The scan itself: Material's own English strings are caught where they would appear."""
    from bs4 import BeautifulSoup
    soup = BeautifulSoup('<footer>Made with <a href="#">Material for MkDocs</a></footer>'
                         '<h2>Вход<a class="headerlink" href="#x" title="Permanent link">¶</a></h2>'
                         '<input placeholder="Search"><code>AUTH_RSA_ключ.p12</code>', "lxml")
    found = english_words(soup, names())
    assert [where for where, _ in found] == ["<footer>", "<a title>", "<input placeholder>"]


def test_every_title_names_the_site_once(build):
    site_names = {"ru": "Помощь по порталу очереди в детский сад", "kk": "Балабақша кезегі порталы бойынша көмек"}
    problems = []
    for relative in (p.relative_to(build.site) for p in build.html_pages()):
        if relative.name != "index.html":
            continue
        title = build.page(relative.as_posix()).title.get_text()
        name = site_names[language_of_path(relative)]
        if title.count(name) != 1 or not title.endswith(name):
            problems.append(f"{relative}: {title!r}")
    assert problems == []
    assert build.page("").title.get_text() == site_names["ru"]
    assert build.page("kk/").title.get_text() == site_names["kk"]
    assert build.page("kk/faq/").title.get_text() == "Жиі қойылатын сұрақтар - " + site_names["kk"]


def test_strings_the_scripts_show_have_no_english(build):
    """What the scripts write into the page later: the project's interface strings and Material's
    translations in each page's configuration."""
    import json

    from support_kb.content import site_strings
    allowed = names()
    problems = [f"docs/site-strings.yml {key} ({lang}): {text!r}"
                for lang, texts in site_strings.load(ROOT / "docs" / "site-strings.yml").items()
                for key, text in texts.items() if english(re.sub(r"\{\w+\}", " ", text), allowed)]
    for path in ("faq/", "kk/faq/"):
        config = json.loads(build.page(path).select_one("#__config").get_text())
        problems += [f"{path} Material's {key}: {text!r}" for key, text in config["translations"].items() if english(text, allowed)]
    assert problems == []
