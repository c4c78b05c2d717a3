"""Every loader of an editor's file speaks one vocabulary (support_kb.datafile.Checker) and raises one
exception type (DataProblems): a value of the wrong type is one located line, `file:line: node: what`,
never a TypeError. Each case is made on a copy of the docs, as the other checks are."""
import shutil

import pytest

from conftest import DOCS
from support_kb.checks import checks
from support_kb.content import glossary, texts, portal_labels, rules, site_strings, topics
from support_kb.data import datafile, knowledge_base
from support_kb.data.datafile import DataProblems
from support_kb.search import search_data


@pytest.fixture
def docs(tmp_path):
    shutil.copytree(DOCS, tmp_path / "docs")
    return tmp_path / "docs"


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path, text):
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def problems(load, *args) -> list[str]:
    with pytest.raises(DataProblems) as error:
        load(*args)
    return str(error.value).splitlines()


def test_the_vocabulary_names_what_was_given_and_what_is_expected(tmp_path):
    path = tmp_path / "x.yml"
    path.write_text("a: [1, 2]\nb: 2027-01-01 10:00:00\nc: {ru: x}\nd: red\n", encoding="utf-8")
    data = datafile.load(path)
    check = datafile.Checker(path)
    assert check.get(data, "a", datafile.TEXT, "n") is None
    assert check.get(data, "b", datafile.DATE, "n") is None
    assert check.get_text(data, "c", "n") is None
    assert check.one_of(data, "d", ("green", "blue"), "n") is None
    check.keys(data, {"a", "b", "c"}, "n", required=("e",))
    assert [str(p) for p in check.problems] == [
        f"{path}:1: n: 'a' must be a text, not a list",
        f"{path}:2: n: 'b' must be a date written YYYY-MM-DD, not a date and time without its UTC offset",
        f"{path}:3: n: 'c' is missing or empty in 'kk'",
        f"{path}:4: n: 'd' must be one of green, blue, not 'red'",
        f"{path}:4: n: unknown key 'd' (allowed: a, b, c)",
        f"{path}:1: n: 'e' is missing",
    ]
    # What `kb check` needs to say the same in Russian or Kazakh.
    assert (check.problems[0].code, check.problems[0].params) == (
        "wrong-type", {"field": "a", "expected": "text", "given": "list"})
    with pytest.raises(DataProblems):
        check.raise_if_any()
    path.write_text("at: 2027-01-04 09:00:00+05:00\ntitle: {ru: 5, kk: x}\n", encoding="utf-8")
    data, check = datafile.load(path), datafile.Checker(path)
    assert check.get(data, "at", datafile.DATETIME).utcoffset().total_seconds() == 5 * 3600
    assert check.get_text(data, "title") is None
    assert [str(p) for p in check.problems] == [f"{path}:2: 'title.ru' must be a text, not a number"]


def test_a_string_given_for_a_list_is_one_line_not_one_per_character(docs):
    path = docs / "glossary.yml"
    text = path.read_text(encoding="utf-8")
    first_avoid = next(line for line in text.splitlines() if line.strip().startswith("avoid: {"))  # one line
    edit(path, first_avoid, first_avoid.split("avoid:")[0] + 'avoid: {kk: "бала бақша", ru: 5}')
    lines = problems(glossary.load, path)
    line = line_of(path, 'avoid: {kk: "бала бақша", ru: 5}')
    assert len(lines) == 2, lines
    assert all(text.startswith(f"{path}:{line}: terms[") for text in lines)
    assert {line.split("]: ", 1)[1] for line in lines} == {"'kk' must be a list, not a text", "'ru' must be a list, not a number"}


def test_a_label_given_as_a_mapping_is_not_reported_empty(docs):
    path = docs / "labels" / "ru.yml"
    key = next(line.split(":")[0] for line in path.read_text(encoding="utf-8").splitlines()
               if line and not line.startswith("#"))
    edit(path, f"{key}:", f"{key}: {{ru: x}}\n_old-{key}:")
    lines = problems(portal_labels.load, docs / "labels")
    assert f"{path}:{line_of(path, key + ': {ru: x}')}: '{key}' must be a text, not a mapping" in lines
    assert not any("empty" in line for line in lines)


def test_a_page_with_a_byte_order_mark_keeps_its_front_matter(docs):
    page = docs / "ru" / "account" / "login.md"
    page.write_bytes(b"\xef\xbb\xbf" + page.read_bytes())
    kb = knowledge_base.read(docs)
    assert kb.pages["ru"]["account/login.md"].meta["topic"] == kb.pages["kk"]["account/login.md"].meta["topic"]
    assert checks.front_matter(kb) == [] and kb.pages["ru"]["account/login.md"].body_line > 1
    # The spelling check reads its title as text, not its front matter's --- as a word.
    where = [w for w, _ in texts.page_texts(kb.pages["ru"], "ru") if w.startswith("docs/ru/account/login.md:")]
    assert where[0] == "docs/ru/account/login.md:2"


def test_an_impossible_date_and_wrong_types_in_front_matter_are_located(docs):
    page = docs / "ru" / "account" / "login.md"
    edit(page, "\ntitle:", "\nreviewed: 2027-02-30\ntitle:")
    assert problems(knowledge_base.read, docs) == ["docs/ru/account/login.md:2: '2027-02-30' is not a real date"]
    edit(page, "reviewed: 2027-02-30", "reviewed: soon\nkeywords: {a: b}\ntitel: x")
    assert problems(knowledge_base.read, docs) == [
        "docs/ru/account/login.md:4: unknown key 'titel' (allowed: description, hide, icon, keywords, reviewed, "
        "search, status, tags, template, title, topic)",
        "docs/ru/account/login.md:2: 'reviewed' must be a date written YYYY-MM-DD, not a text",
        "docs/ru/account/login.md:3: 'keywords' must be a list, not a mapping",
    ]


def test_two_headings_with_one_explicit_id_fail(docs):
    page = docs / "kk" / "faq.md"
    text = page.read_text(encoding="utf-8")
    headings = [n for n, line in enumerate(text.splitlines(), 1) if line.startswith("## ")]
    lines = text.splitlines()
    for n in headings[:2]:
        lines[n - 1] += " {#same}"
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert problems(knowledge_base.read, docs) == [
        f"docs/kk/faq.md:{headings[1]}: the id '#same' is given twice (first on line {headings[0]}): give each its own"]


def test_topics_strings_editions_and_synonyms_of_the_wrong_type(docs, tmp_path):
    edit(docs / "topics.yml", "role: parent", "role: [parent]")
    assert any("'role' must be one of parent, staff, any, not '['parent']'" in line
               for line in problems(topics.load, docs / "topics.yml"))
    edit(docs / "site-strings.yml", "rules.rule:\n", "rules.rule: правило\nrules.rule-old:\n")
    assert any(line.endswith("rules.rule: 'text' must be a mapping {ru: ..., kk: ...}, not a text")
               for line in problems(site_strings.load, docs / "site-strings.yml"))
    editions = docs / "rules-editions.yml"
    text = editions.read_text(encoding="utf-8")
    date = next(line for line in text.splitlines() if line.strip().startswith(("date:", "- date:")))
    edit(editions, date, date + " 10:00:00")
    assert any("'date' must be a date written YYYY-MM-DD, not a date and time" in line
               for line in problems(rules.load_editions, editions, rules.known_rules(docs)))
    synonyms = tmp_path / "s.yml"
    synonyms.write_text("ru: пароль, логин\nkk: [[a, b]]\n", encoding="utf-8")
    assert problems(search_data.load_synonyms, synonyms) == [f"{synonyms}:1: 'ru' must be a list, not a text"]


def test_strings_named_by_templates_scripts_and_python_and_their_placeholders(docs):
    root = DOCS.parent
    used = site_strings.uses([root / "overrides", root / "support_kb"], root)
    path = docs / "site-strings.yml"
    assert site_strings.check_uses(path, site_strings.load(DOCS / "site-strings.yml"), used) == []
    assert any(file.endswith(".py") for file, _, _ in used["search.dialog"])  # Python reads it
    edit(path, "rules.history:", "rules.story:")  # renamed while a template uses it
    text = path.read_text(encoding="utf-8")
    kk = text.splitlines()[line_of(path, "rules.edition:") + 1]
    assert kk.startswith("  kk:") and "{date}" in kk
    edit(path, kk, kk.replace("{date}", "{data}"))  # a typo in one language
    line = line_of(path, "rules.edition:")
    problems = [str(p) for p in site_strings.check_uses(path, site_strings.load(path), used)]
    history = next(n for n, l in enumerate((root / "overrides/partials/rules-edition.html").read_text().splitlines(), 1)
                   if "rules.history" in l)
    assert problems == [
        f"overrides/partials/rules-edition.html:{history}: interface string 'rules.history' is not in "
        "docs/site-strings.yml: add it (ru and kk) or correct the id",
        f"docs/site-strings.yml:{line}: rules.edition: '{{data}}' in kk is filled in by no template or script "
        "(they fill in: {date})",
        f"docs/site-strings.yml:{line}: rules.edition: the kk text lacks '{{date}}', which its template or script fills in",
    ]
    assert "rules.story" in text
