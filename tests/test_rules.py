"""The rules page: rules 30-1 … 30-19 in order, in both languages, each its own element with a
visible number that links to itself, under the original section headings, with the edition named."""
import re

import pytest

from conftest import DOCS, LANGUAGES, ROOT
from support_kb.content import rules
from support_kb.content.dates import long_date

RULES = [f"30-{n}" for n in range(1, 20)]
SECTIONS = {
    "ru": ["Преамбула", "Общие положения", "Регламент работы", "Обязательства и ограничения"],
    "kk": ["Преамбула", "Жалпы ережелер", "Жұмыс регламенті", "Міндеттемелер мен шектеулер"],
}
EDITION_TEXT = {"ru": "Редакция от {date}", "kk": "Редакция: {date}"}


@pytest.fixture(scope="module")
def editions():
    return rules.load_editions(DOCS / "rules-editions.yml", RULES)


def rules_page(build, lang):
    return build.page("rules/" if lang == "ru" else "kk/rules/")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_rule_once_in_order_with_text_and_self_link(build, lang):
    soup = rules_page(build, lang)
    elements = soup.select("article .rule")
    assert [e["id"] for e in elements] == RULES
    for element in elements:
        number = element.select_one("a.rule__number")
        assert number["href"] == f"#{element['id']}" and number.get_text(strip=True) == element["id"]
        text = element.get_text(" ", strip=True).removeprefix(element["id"]).strip()
        assert len(text) > 40, element["id"]
    for rule in RULES:
        assert len(soup.find_all(id=rule)) == 1


@pytest.mark.parametrize("lang", LANGUAGES)
def test_section_headings_of_the_original_are_kept(build, lang):
    headings = [h.get_text(strip=True).rstrip("¶") for h in rules_page(build, lang).select("article h2")]
    assert headings == SECTIONS[lang]


def test_russian_text_is_faithful_to_the_original(build, editions):
    """Wording as in shared/seed-rules-ru.txt, the first edition; only typography (dashes, spaces)
    may differ. Rules that a later edition changed are left out."""
    changed = {rule for edition in editions[:-1] for rule in edition.rules}
    original = ROOT.parent / "shared" / "seed-rules-ru.txt"
    if not original.exists():
        pytest.skip("shared/seed-rules-ru.txt is not beside the checkout")
    source = dict(re.findall(r"^30 - (\d+)\. (.*)$", original.read_text(encoding="utf-8"), re.M))
    soup = rules_page(build, "ru")

    def words(text):
        return re.findall(r"[А-Яа-яЁёA-Za-z0-9]+", text)

    for number, text in source.items():
        if f"30-{number}" in changed:
            continue
        element = soup.find(id=f"30-{number}")
        assert words(element.get_text(" ", strip=True))[2:] == words(text), f"30-{number}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_page_names_its_edition_and_when_changes_take_effect(build, lang, editions):
    edition = rules_page(build, lang).select_one("[data-rules-edition]")
    current = editions[0]
    assert edition["data-rules-edition"] == current.id
    text = edition.get_text(" ", strip=True)
    assert EDITION_TEXT[lang].format(date=long_date(current.date, lang)) in text
    assert edition.select_one('a[href="#30-1"]') and edition.select_one('a[href="changes/"]')


@pytest.mark.parametrize("lang", LANGUAGES)
def test_changes_page_lists_each_edition_with_date_and_rules(build, lang, editions):
    soup = build.page("rules/changes/" if lang == "ru" else "kk/rules/changes/")
    shown = soup.select("section.rules-changes__edition")
    assert [e["id"] for e in shown] == [edition.id for edition in editions]
    for element, edition in zip(shown, editions):
        assert element.select_one("time")["datetime"] == edition.id
        assert edition.summary[lang] in element.get_text(" ", strip=True)
        if len(edition.rules) < len(RULES):
            assert [a.get_text() for a in element.select('a[href^="../#30-"]')] == list(edition.rules)


def test_long_dates_read_naturally():
    import datetime as dt
    assert long_date(dt.date(2027, 3, 15), "ru") == "15 марта 2027 г."
    assert long_date(dt.date(2027, 3, 15), "kk") == "2027 жылғы 15 наурыз"
