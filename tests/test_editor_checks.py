"""The editors' checks. Each failure is a list of lines that say what to fix; each check is also
shown catching the mistake it exists for, on a copy of the docs with that mistake made."""
import datetime as dt
import shutil
from pathlib import Path

import pytest

from conftest import DOCS, ROOT, SITE_URL
from support_kb.checks import checks, mkdocs_yml, run, spelling
from support_kb.content import glossary, texts
from support_kb.content.dates import long_date
from support_kb.data import knowledge_base

WORD_LISTS = {lang: [ROOT / "spelling" / f"{lang}.txt"] for lang in ("ru", "kk")}


def russian_words(words):
    known = spelling.Hunspell("ru", WORD_LISTS["ru"]).known(words)
    return [known[w] for w in words]


@pytest.fixture(scope="module")
def kb():
    return knowledge_base.read(DOCS)


@pytest.fixture
def broken_docs(tmp_path):
    """A copy of the docs (and the word lists) to break."""
    shutil.copytree(DOCS, tmp_path / "docs")
    shutil.copytree(ROOT / "spelling", tmp_path / "spelling")
    shutil.copytree(ROOT / "overrides" / "partials" / "languages", tmp_path / "overrides" / "partials" / "languages")
    return tmp_path


def edit(path: Path, old: str, new: str):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# --- the site as it is passes every check ----------------------------------------------------

def test_every_page_has_its_twin_with_the_same_topic_headings_and_steps(kb):
    assert checks.parity(kb) == []


def test_front_matter_is_complete_and_every_topic_has_its_article(kb):
    assert checks.front_matter(kb) == []


def test_no_kazakh_page_keeps_a_russian_paragraph(kb):
    assert checks.untranslated(kb, russian_words) == []


def test_pages_and_data_use_the_glossarys_terms(kb):
    data = [(lang, where, text) for lang in ("ru", "kk")
            for where, text in texts.data_texts(DOCS, lang) + texts.interface_texts(ROOT / "overrides", lang)]
    assert checks.avoided_terms(kb, glossary.load(DOCS / "glossary.yml"), data) == []


def test_every_page_is_in_the_navigation_and_every_section_is_translated(kb):
    config = mkdocs_yml.read(ROOT)
    assert config.problems == []  # and mkdocs.yml's plugins and settings are right
    assert run.navigation(ROOT, kb, config.config) == []


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_spelling(lang):
    problems = spelling.check(lang, texts.all_texts(ROOT, lang), WORD_LISTS[lang])
    assert [str(p) for p in problems] == []


def test_every_internal_link_and_anchor_resolves_in_both_languages(build):
    """On the built site, so that links written by the build and templates are checked too."""
    assert run.broken_links(ROOT, build.site, SITE_URL) == []


def test_every_page_shows_its_last_update(build):
    for lang, prefix in (("ru", ""), ("kk", "kk/")):
        for path in ("", "rules/", "account/login/", "ask/", "glossary/"):
            updated = build.page(prefix + path).select_one(".kb-updated time")
            assert updated is not None and updated["datetime"][:4].isdigit(), (lang, path)
    assert "Соңғы жаңартылған күні" in build.page("kk/faq/").select_one(".kb-updated").get_text()
    for lang, prefix in (("ru", ""), ("kk", "kk/")):
        time = build.page(prefix + "faq/").select_one(".kb-updated time")
        assert time.get_text() == long_date(dt.date.fromisoformat(time["datetime"]), lang)


# --- each check catches its mistake ----------------------------------------------------------

def test_parity_catches_a_step_added_in_one_language(broken_docs):
    edit(broken_docs / "docs/ru/account/login.md", "\n1. ", "\n1. Лишний шаг только по-русски.\n1. ")
    problems = checks.parity(knowledge_base.read(broken_docs / "docs"))
    assert any("docs/kk/account/login.md has" in p and "numbered steps" in p for p in problems)


def test_parity_catches_a_missing_twin_and_a_different_topic(broken_docs):
    (broken_docs / "docs/kk/staff/reports.md").unlink()
    edit(broken_docs / "docs/kk/staff/places.md", "topic: staff-places", "topic: staff-reports")
    problems = checks.parity(knowledge_base.read(broken_docs / "docs"))
    assert "docs/ru/staff/reports.md has no twin: write docs/kk/staff/reports.md (same file name in both languages)" in problems
    assert any("docs/kk/staff/places.md: topic 'staff-reports' differs" in p for p in problems)


def test_front_matter_catches_a_missing_description_and_an_unknown_topic(broken_docs):
    edit(broken_docs / "docs/kk/account/sms-code.md", "\ndescription:", "\n# description:")
    edit(broken_docs / "docs/ru/account/sms-code.md", "topic: sms-code", "topic: sms")
    problems = checks.front_matter(knowledge_base.read(broken_docs / "docs"))
    assert any(p.startswith("docs/kk/account/sms-code.md: the front matter has no 'description'") for p in problems)
    assert any("docs/ru/account/sms-code.md: topic 'sms' is not in docs/topics.yml" in p for p in problems)
    assert "topic 'sms-code' has no article in docs/ru/: write one with `topic: sms-code`" in problems


def test_untranslated_catches_a_russian_paragraph_on_a_kazakh_page(broken_docs):
    edit(broken_docs / "docs/kk/account/login.md", "\n## ",
         "\nЕсли не получается войти, проверьте правильность ввода данных и повторите попытку позже.\n\n## ")
    problems = checks.untranslated(knowledge_base.read(broken_docs / "docs"), russian_words)
    assert len(problems) == 1 and problems[0].startswith("docs/kk/account/login.md:")
    assert "is Russian" in problems[0] and "translate it" in problems[0]


def test_spelling_names_kazakh_typed_without_its_letters(broken_docs):
    edit(broken_docs / "docs/kk/faq.md", "\n## ", "\nОтініш беру үшін жумыс күндері жазыңыз, ал отiнiш нөмірін сақтаңыз.\n\n## ")
    problems = [str(p) for p in spelling.check("kk", texts.all_texts(broken_docs, "kk"), WORD_LISTS["kk"])]
    assert any("'Отініш' looks like Kazakh typed without its own letters" in p and "'өтініш'" in p for p in problems)
    assert any("'жумыс'" in p and "did you mean 'жұмыс'" in p for p in problems)
    assert any("'отiнiш' mixes Latin and Cyrillic letters" in p for p in problems)
    assert all(p.startswith("docs/kk/faq.md:") for p in problems)


def test_spelling_catches_a_russian_typo_and_the_tree_texts(broken_docs):
    edit(broken_docs / "docs/triage.yml", 'ru: "Кто вы?"', 'ru: "Кто вы таккие?"')
    problems = [str(p) for p in spelling.check("ru", texts.all_texts(broken_docs, "ru"), WORD_LISTS["ru"])]
    assert len(problems) == 1 and problems[0].startswith("docs/triage.yml:")
    assert "unknown ru word 'таккие'" in problems[0] and "spelling/ru.txt" in problems[0]


def test_glossary_catches_an_avoided_variant(broken_docs):
    edit(broken_docs / "docs/kk/faq.md", "Баланы балабақша кезегіне", "Баланы бала бақша кезегіне")
    problems = checks.avoided_terms(knowledge_base.read(broken_docs / "docs"), glossary.load(broken_docs / "docs/glossary.yml"))
    assert any("docs/kk/faq.md: uses «бала бақша»; the glossary says «балабақша»" in p for p in problems)


def glossary_problems(root: Path) -> list[str]:
    data = [(lang, where, text) for lang in ("ru", "kk")
            for where, text in texts.data_texts(root / "docs", lang) + texts.interface_texts(root / "overrides", lang)]
    return checks.avoided_terms(knowledge_base.read(root / "docs"), glossary.load(root / "docs/glossary.yml"), data)


# One row per line of the second reading's terminology table: a sentence with the replaced
# variant, put where an editor might write it, and the variant the check must name.
TERMINOLOGY_ROWS = [
    ("support request, not өтініш", "docs/kk/support/hours.md", "Өтініштер қалай қаралады: кезегімен.", "өтініштер қалай қаралады"),
    ("support request, not сұрау", "docs/kk/faq.md", "Сұрау салуыңыз кезекке түседі.", "сұрау"),
    ("форма, not нысан", "docs/kk/account/browser.md", "Нысанды қайта толтырыңыз.", "нысан"),
    ("формат, not пішім", "docs/kk/application/priority-documents.md", "Файлдың пішімін тексеріңіз.", "пішім"),
    ("қолданба, not қосымша", "docs/kk/account/sms-code.md", "Банк қосымшасын жабыңыз.", "қосымшас"),
    ("түйме for a phone's key", "docs/kk/support/screenshots.md", "Қуат батырмасын басыңыз.", "қуат батырма"),
    ("кіру құқығы, not қолжетімділік", "docs/kk/staff/access.md", "Қолжетімділікті басшы береді.", "қолжетімділік"),
    ("жарамдылық мерзімі, not қолданылу мерзімі", "docs/kk/account/digital-signature.md", "Кілттің қолданылу мерзімі өтті.", "қолданылу мерзім"),
    ("жарамдылық мерзімі, not әрекет ету уақыты", "docs/kk/account/sms-code.md", "Кодтың әрекет ету уақыты бітті.", "әрекет ету уақыт"),
    ("кезектің реті, not кезек тәртібі", "docs/kk/application/queue-position.md", "Кезек тәртібі өзгерді.", "кезек тәртіб"),
    ("кезектің реті, not кезектілік", "docs/kk/application/queue-position.md", "Кезектілік сақталады.", "кезектілік"),
    ("the heading «Техникалық қолдауға қашан жазу керек»", "docs/kk/staff/places.md", "## Қолдауға қашан жазу керек", "қолдауға қашан жазу"),
    ("the link «Скриншотты қалай түсіруге болады»", "docs/kk/account/login.md",
     "[Скриншотты қалай жасауға болады](../support/screenshots.md).", "скриншотты қалай жасау"),
]


@pytest.mark.parametrize("row, page, sentence, variant", TERMINOLOGY_ROWS, ids=[row[0] for row in TERMINOLOGY_ROWS])
def test_glossary_catches_each_replaced_variant_of_the_terminology_table(broken_docs, row, page, sentence, variant):
    edit(broken_docs / page, "\n## ", f"\n{sentence}\n\n## ")
    problems = glossary_problems(broken_docs)
    assert len(problems) == 1 and problems[0].startswith(f"{page}: uses «{variant}»"), problems


def test_glossary_catches_a_variant_in_the_tree_and_in_the_kazakh_interface(broken_docs):
    edit(broken_docs / "docs/triage.yml", 'kk: "Скриншотты қалай түсіруге болады"', 'kk: "Скриншотты қалай жасау керек"')
    edit(broken_docs / "overrides/partials/languages/kk.html", '"footer": "Беттің төменгі бөлігі"', '"footer": "Беттің төменгі нысаны"')
    problems = glossary_problems(broken_docs)
    assert any(p.startswith("docs/triage.yml:") and "«скриншотты қалай жасау»" in p for p in problems), problems
    assert any(p.startswith("overrides/partials/languages/kk.html:") and "«нысан»" in p for p in problems), problems


def test_glossary_keeps_the_words_where_they_are_right(broken_docs):
    """өтініш for the queue application, қосымша as "additional", the portal's own label for a
    referral's validity, and the rules' published translation stay allowed."""
    edit(broken_docs / "docs/kk/faq.md", "\n## ", "\nЧатқа өтініш нөмірін жазыңыз, қосымша ақпаратты да қосыңыз. "
         "Жолдаманың қолданылу мерзімі карточкада көрсетілген.\n\n## ")
    edit(broken_docs / "docs/kk/rules/index.md", "құзыретінің ауқымы", "құзыретінің қолжетімділік ауқымы")
    assert glossary_problems(broken_docs) == []
