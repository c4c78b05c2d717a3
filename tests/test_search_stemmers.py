"""The stemmers of the search: the light Kazakh one in Python (support_kb/search/kazakh_stem.py) and in the
browser (kazakh-stem.js), both on the rules of support_kb/search/kazakh_suffixes.json and the same word
lists; and the Russian Snowball stemmer of the browser (russian-stem.js)."""
from __future__ import annotations

import json
import time

import pytest

from conftest import ROOT
from support_kb.search import kazakh_stem
from support_kb.search.kazakh_stem import fold, stems

DATA = ROOT / "tests" / "data"


def read_tsv(name: str) -> list[tuple[str, str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, stem = line.split("\t")
            rows.append((word, stem))
    return rows


KK = read_tsv("kk-stems.tsv")
KK_FOLDED = read_tsv("kk-stems-folded.tsv")
RU = read_tsv("ru-stems.tsv")


@pytest.mark.parametrize("word, stem", KK)
def test_kazakh_stem_in_python(word, stem):
    found = stems(word)
    assert found[0] == word.lower()
    assert found[-1] == stem, found
    assert all(len(a) >= len(b) for a, b in zip(found, found[1:])), "longest stem first"


@pytest.mark.parametrize("word, stem", KK_FOLDED)
def test_kazakh_stem_of_words_typed_without_kazakh_letters(word, stem):
    assert stems(word, lenient=True)[-1] == stem


@pytest.mark.parametrize("pair", [("кезекке", "кезекка"), ("балаларға", "балаларге"), ("өтініштер", "өтініштар")])
def test_vowel_harmony_decides(pair):
    """A back ending does not go after a front stem, nor the reverse."""
    right, wrong = pair
    assert len(stems(right)) > 1
    assert stems(wrong) == [wrong]


def test_short_stems_are_kept():
    assert stems("бала") == ["бала"]
    assert stems("ұйымға")[-1] == "ұйым"  # not "ұй": a stem keeps three letters


def test_fold_gives_the_letters_people_type():
    assert fold("Өтініш") == "отиниш"
    assert fold("жұмыс") == "жумыс"
    assert fold("отiнiш") == "отиниш"  # Latin i
    assert fold("ЭЦҚ") == "эцк"


def test_rules_file_is_the_one_the_site_ships(build):
    shipped = build.site / build.asset("assets/javascripts/search/kazakh-suffixes.json")
    assert json.loads(shipped.read_text(encoding="utf-8")) == json.loads(kazakh_stem.RULES_FILE.read_text(encoding="utf-8"))


@pytest.mark.browser
def test_stemmers_in_the_browser_agree(new_page, build):
    """kazakh-stem.js gives the same candidates as Python for every listed word, in both modes;
    russian-stem.js gives Snowball's stems."""
    page = new_page("")
    words = [w for w, _ in KK] + [w for w, _ in KK_FOLDED]
    result = page.evaluate("""async ([modules, words, russian]) => {
        const kk = await import(new URL(modules[0], location.href));
        const ru = await import(new URL(modules[1], location.href));
        await kk.rulesLoaded;
        return {
            strict: words.map((w) => kk.stems(w)),
            lenient: words.map((w) => kk.stems(w, { lenient: true })),
            fold: kk.fold("өтініш жұмыс"),
            russian: russian.map((w) => ru.russianStem(w)),
        };
    }""", [[build.asset("assets/javascripts/search/kazakh-stem.js"), build.asset("assets/javascripts/search/russian-stem.js")],
           words, [w for w, _ in RU]])
    assert result["strict"] == [stems(w) for w in words]
    assert result["lenient"] == [stems(w, lenient=True) for w in words]
    assert result["fold"] == fold("өтініш жұмыс")
    assert result["russian"] == [s for _, s in RU]


# A pasted run of endings, 10 KB: without a bound each of its ~3 400 endings was stripped in turn
# and the search worker stayed busy for seconds.
STACKED = "бала" + "лар" * 3400


def fastest_ms(run, times: int = 5) -> float:
    """The fastest of a few runs, in milliseconds: the work itself, not what else the (shared)
    machine was doing meanwhile."""
    best = float("inf")
    for _ in range(times):
        started = time.perf_counter()
        run()
        best = min(best, (time.perf_counter() - started) * 1000)
    return best


def test_the_work_per_word_is_bounded():
    r = kazakh_stem.rules()
    assert len(stems(STACKED)) <= r.max_endings + 1
    assert stems("ж" * (r.max_word + 1) + "лар") == ["ж" * (r.max_word + 1) + "лар"]
    # The bound leaves the longest real forms whole.
    assert stems("балаларымыздағылардың")[-1] == "бала"
    assert fastest_ms(lambda: (stems(STACKED), stems(STACKED, lenient=True))) < 100


@pytest.mark.browser
def test_the_work_per_word_is_bounded_in_the_browser(new_page, build):
    page = new_page("")
    result = page.evaluate("""async ([module, word]) => {
        const kk = await import(new URL(module, location.href));
        await kk.rulesLoaded;
        let fastest = Infinity, found;
        for (let i = 0; i < 5; i++) {
            const started = performance.now();
            found = [kk.stems(word), kk.stems(word, { lenient: true })];
            fastest = Math.min(fastest, performance.now() - started);
        }
        return { fastest, counts: found.map((s) => s.length), max: kk.currentRules().maxEndings };
    }""", [build.asset("assets/javascripts/search/kazakh-stem.js"), STACKED])
    assert all(count <= result["max"] + 1 for count in result["counts"])
    assert result["fastest"] < 100
