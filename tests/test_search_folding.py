"""How search reads what people type, in Python (support_kb/search/search_folding.py) and in the
browser (matching.js), on the same tables and the same word lists: the wrong keyboard layout (either
way), the Kazakh layout's digit row, Latin letters, words as search compares them, and edit distance
for typos."""
from __future__ import annotations

import json

import pytest

from conftest import ROOT
from support_kb.search import search_folding
from support_kb.search.search_folding import (allowed_edits, edit_distance, from_digit_row, from_keyboard, key,
                                              to_latin_keys, transliterate)

DATA = ROOT / "tests" / "data"


def read_tsv(name: str) -> list[list[str]]:
    return [line.split("\t") for line in (DATA / name).read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


FOLDING = read_tsv("search-folding.tsv")
DISTANCES = [(a, b, int(limit), int(d)) for a, b, limit, d in read_tsv("edit-distance.tsv")]
FOLD = {
    "keyboard": from_keyboard,
    "latin-keys": lambda word: to_latin_keys(word) or "",
    "digit-row": from_digit_row,
    "latin": transliterate,
    "key-ru": lambda word: key(word, "ru"),
    "key-kk": lambda word: key(word, "kk"),
}


@pytest.mark.parametrize("kind, typed, compared", FOLDING)
def test_folding_in_python(kind, typed, compared):
    assert FOLD[kind](typed) == compared


@pytest.mark.parametrize("a, b, limit, distance", DISTANCES)
def test_edit_distance_in_python(a, b, limit, distance):
    assert edit_distance(a, b, limit) == distance
    assert edit_distance(b, a, limit) == distance


def test_longer_words_may_have_more_typos():
    assert [allowed_edits("x" * n) for n in (3, 4, 5, 8, 9, 15)] == [0, 0, 1, 1, 2, 2]


def test_folding_tables_are_the_ones_the_site_ships(build):
    shipped = build.site / build.asset("assets/javascripts/search/search-folding.json")
    assert json.loads(shipped.read_text(encoding="utf-8")) == json.loads(search_folding.RULES_FILE.read_text(encoding="utf-8"))


@pytest.mark.browser
def test_folding_in_the_browser_agrees(new_page, build):
    page = new_page("")
    result = page.evaluate("""async ([module, folding, distances]) => {
        const m = await import(new URL(module, location.href));
        await m.ready;
        const fold = { keyboard: m.fromKeyboard, "latin-keys": (w) => m.toLatinKeys(w) ?? "",
                       "digit-row": m.fromDigitRow, latin: m.transliterate,
                       "key-ru": (w) => m.key(w, "ru"), "key-kk": (w) => m.key(w, "kk") };
        return {
            folding: folding.map(([kind, typed]) => fold[kind](typed)),
            distances: distances.map(([a, b, limit]) => [m.editDistance(a, b, limit), m.editDistance(b, a, limit)]),
            edits: [3, 4, 5, 8, 9, 15].map((n) => m.allowedEdits("x".repeat(n))),
        };
    }""", [build.asset("assets/javascripts/search/matching.js"), FOLDING, [[a, b, limit] for a, b, limit, _ in DISTANCES]])
    assert result["folding"] == [compared for _, _, compared in FOLDING]
    assert result["distances"] == [[d, d] for *_, d in DISTANCES]
    assert result["edits"] == [allowed_edits("x" * n) for n in (3, 4, 5, 8, 9, 15)]
