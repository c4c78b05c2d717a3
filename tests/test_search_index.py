"""What the build gives the search: one index per language, the synonyms, the worker's address."""
from __future__ import annotations

import json
import re

import pytest

from conftest import DOCS
from support_kb.content import site_strings
from support_kb.search import search_data
from support_kb.data.datafile import DataProblems


def read_json(build, path):
    """A data file of the build by its plain name: all but Material's index get content-hashed names."""
    return json.loads((build.site / (path if path == "search/search_index.json" else build.asset(path))).read_text(encoding="utf-8"))


def test_each_language_has_its_own_index(build):
    ru = read_json(build, "search/ru.json")["docs"]
    kk = read_json(build, "search/kk.json")["docs"]
    assert ru and kk
    assert not [d["location"] for d in ru if d["location"].startswith("kk/")]
    assert all(d["location"].startswith("kk/") for d in kk)
    # the same articles in both
    assert {d["location"] for d in ru if "#" not in d["location"]} == \
        {d["location"].removeprefix("kk/") for d in kk if "#" not in d["location"]}


def test_the_form_steps_are_not_search_results(build):
    strings = site_strings.load(DOCS / "site-strings.yml")
    for lang, ask in (("ru", "ask/"), ("kk", "kk/ask/")):
        docs = read_json(build, f"search/{lang}.json")["docs"]
        locations = [d["location"] for d in docs]
        assert ask in locations
        assert not [loc for loc in locations if loc.startswith(ask + "#")]
        # The page is found by its own words, not by the form's buttons and labels.
        page = next(d for d in docs if d["location"] == ask)
        assert strings[lang]["triage.restart"] not in page["text"] and strings[lang]["triage.back"] not in page["text"]
        assert build.page(ask).select_one("[data-triage-restart]")  # while the page has them


def test_materials_merged_index_keeps_only_its_configuration(build):
    index = read_json(build, "search/search_index.json")
    assert index["docs"] == []
    assert index["config"]["separator"]  # Material's page highlighting still reads it


def test_every_page_names_the_worker_of_its_language(build):
    for page in build.html_pages():
        relative = page.relative_to(build.site).as_posix()
        config = json.loads(build.page(relative).select_one("#__config").get_text())
        lang = "kk" if relative.startswith("kk/") else "ru"
        assert re.search(rf"assets/javascripts/search/worker\.[0-9a-f]{{8}}\.js\?lang={lang}$", config["search"]), (relative, config["search"])


def test_synonyms_are_shipped_for_both_languages(build):
    synonyms = read_json(build, "search/synonyms.json")
    assert set(synonyms) == {"ru", "kk"}
    assert ["ИИН", "ЖСН", "ИНН"] in synonyms["ru"]
    assert synonyms == search_data.load_synonyms(DOCS / "search-synonyms.yml")


@pytest.mark.parametrize("text, problem", [
    ("ru: [[a, b]]\n", "'kk' is missing"),
    ("ru: [[a, b]]\nkk: a, b\n", "search-synonyms.yml:2: 'kk' must be a list, not a text"),
    ("ru: [[a]]\nkk: [[a, b]]\n", "two or more"),
    ("ru: [[a, '']]\nkk: [[a, b]]\n", "non-empty string"),
    ("ru: [[a, b]]\nkk: [[a, b]]\nen: [[a, b]]\n", "unknown key 'en' (allowed: kk, ru)"),
    ("ru: [[a, b]]\nru: [[c, d]]\nkk: [[a, b]]\n", "given twice"),
])
def test_a_broken_synonyms_file_is_reported(tmp_path, text, problem):
    path = tmp_path / "search-synonyms.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(Exception) as error:
        search_data.load_synonyms(path)
    assert problem in str(error.value)
    assert isinstance(error.value, (DataProblems, search_data.DataProblem))


def test_the_ranking_is_shipped_as_checked(build):
    ranking = read_json(build, "search/ranking.json")
    assert ranking == search_data.load_ranking(DOCS / "search-ranking.yml")
    assert "какой" in ranking["ru"]["stop_words"] and "кетті" in ranking["kk"]["weak_words"]


def test_low_pages_of_the_ranking_rank_lower(build):
    ranking = search_data.load_ranking(DOCS / "search-ranking.yml")
    for lang, prefix in (("ru", ""), ("kk", "kk/")):
        boosts = {d["location"]: d.get("boost", 1) for d in read_json(build, f"search/{lang}.json")["docs"]}
        for page, factor in ranking["pages"].items():
            assert boosts[prefix + page] == factor


RANKING = """weights: {title: 1.5, text: 1}
matches: {same: 1, stem_of: 0.95, same_stem: 0.9, typo: [0.6, 0.45], retyped: 0.9}
weak: 0.3
ru: {stop_words: [и], weak_words: [видит]}
kk: {stop_words: [мен], weak_words: [кетті]}
"""


@pytest.mark.parametrize("change, problem", [
    (("weak: 0.3", "weak: many"), "'weak' must be a number above 0"),
    (("typo: [0.6, 0.45]", "typo: [0.6]"), "'typo' must be a list of 2 numbers"),
    (("title: 1.5", "title: -1"), "'title' must be a number above 0"),
    (("weak_words: [видит]", "weak_words: [видит, И]"), "'И' is both a stop word and a weak word"),
    (("kk: {stop_words: [мен], weak_words: [кетті]}", "kk: [мен]"), "'kk' must map stop_words and weak_words"),
    (("weak: 0.3", "weak: 0.3\nweigths: {}"), "unknown key 'weigths'"),
])
def test_a_broken_ranking_file_is_reported_with_its_line(tmp_path, change, problem):
    path = tmp_path / "search-ranking.yml"
    path.write_text(RANKING.replace(*change), encoding="utf-8")
    with pytest.raises(DataProblems) as error:
        search_data.load_ranking(path)
    assert problem in str(error.value)
    assert re.search(r"search-ranking\.yml:\d+: ", str(error.value)), str(error.value)


def test_a_good_ranking_file_loads(tmp_path):
    path = tmp_path / "search-ranking.yml"
    path.write_text(RANKING, encoding="utf-8")
    assert search_data.load_ranking(path)["kk"]["weak_words"] == ["кетті"]
