"""Spelling with hunspell (Debian's hunspell-ru and hunspell-kk) against the project's word lists
(spelling/*.txt). Kazakh needs two more things: hunspell-kk misses many correct inflected forms, so a
word also passes when one of its stems (support_kb.search.kazakh_stem) is known; and the commonest error,
Kazakh typed without its letters (`отініш` for `өтініш`), gets a message that says so."""
from __future__ import annotations

import itertools
import os
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..search.kazakh_stem import stems
from .problems import Problem

DICTIONARIES = {"ru": "ru_RU", "kk": "kk_KZ"}
WORD = re.compile(r"[A-Za-zА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]+")
CYRILLIC = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")
LATIN = re.compile(r"[A-Za-z]")
# A Russian (or Latin) letter typed where Kazakh has its own.
KAZAKH_FOR = {"а": "ә", "г": "ғ", "к": "қ", "н": "ң", "о": "ө", "у": "ұү", "х": "һ", "и": "і", "i": "і"}
# Latin letters that look Cyrillic; i is і in Kazakh and и in Russian.
LATIN_LOOK_ALIKES = {
    lang: str.maketrans("aceopxyABCEHKMOPTX" + "i", "асеорхуАВСЕНКМОРТХ" + ("і" if lang == "kk" else "и"))
    for lang in ("ru", "kk")
}
KAZAKH_LETTERS = "ә ғ қ ң ө ұ ү һ і"


@dataclass(frozen=True)
class Misspelling:
    where: str  # file:line
    word: str
    lang: str
    suggestion: str | None = None
    mixed_alphabets: bool = False

    def __str__(self) -> str:
        if self.mixed_alphabets:
            return (f"{self.where}: '{self.word}' mixes Latin and Cyrillic letters"
                    + (f": write '{self.suggestion}'" if self.suggestion else ""))
        if self.suggestion:
            return (f"{self.where}: '{self.word}' looks like Kazakh typed without its own letters "
                    f"({KAZAKH_LETTERS}): did you mean '{self.suggestion}'? If '{self.word}' is right, "
                    f"add it to spelling/{self.lang}.txt")
        return (f"{self.where}: unknown {self.lang} word '{self.word}': fix its spelling, or, if it is a correct "
                f"term, name or abbreviation, add it to spelling/{self.lang}.txt")

    def problem(self) -> Problem:
        """The same, for `kb check` to say in the editor's language."""
        file, _, line = self.where.rpartition(":")
        if self.mixed_alphabets:
            key, values = ("mixed-alphabets", {"suggestion": self.suggestion}) if self.suggestion else \
                ("mixed-alphabets-retype", {})
        elif self.suggestion:
            key, values = "kazakh-without-letters", {"suggestion": self.suggestion}
        else:
            key, values = "unknown-word", {"dictionary": self.lang}
        return Problem(str(self), file, int(line), key, word=self.word, word_list=f"spelling/{self.lang}.txt", **values)


class Hunspell:
    def __init__(self, lang: str, word_lists: list[Path]):
        self.lang = lang
        words = [line.strip() for path in word_lists if path.exists()
                 for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
        self.personal = tempfile.NamedTemporaryFile("w", suffix=".dic", encoding="utf-8", delete=False)
        self.personal.write("\n".join(words) + "\n")
        self.personal.close()
        self.cache: dict[str, bool] = {}

    def known(self, words) -> dict[str, bool]:
        """Ask hunspell once for every word not asked before."""
        new = sorted({w for w in words if w not in self.cache})
        if new:
            # A locale the machine lacks (kk_KZ.UTF-8 where it was never generated) makes hunspell read
            # the word lists as ASCII, whatever -i says: every project word would be unknown.
            result = subprocess.run(
                ["hunspell", "-i", "utf-8", "-d", DICTIONARIES[self.lang], "-p", self.personal.name, "-l"],
                input="\n".join(new) + "\n", capture_output=True, text=True, encoding="utf-8", check=True,
                env=dict(os.environ, LC_ALL="C.UTF-8"))
            unknown = set(result.stdout.split())
            self.cache.update({w: w not in unknown for w in new})
        return {w: self.cache[w] for w in words}


# A case ending written after an abbreviation or a number: ЭЦҚ-ны, ЖСН-іңіз, 18:00-ге.
ENDING_AFTER_HYPHEN = re.compile(r"(?<=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ\d])-[а-яёәғқңөұүһі]{1,6}\b")


def words_of(text: str):
    """Words with letters only; numbers, punctuation and hyphens separate them."""
    return WORD.findall(ENDING_AFTER_HYPHEN.sub("", text))


def look_alikes(word: str):
    """The word with one or two Russian letters replaced by their Kazakh counterparts. A final н
    stays: -ын/-ін is the accusative, as correct as -ың/-ің. Short words (abbreviations) have none."""
    lower = word.lower()
    if len(lower) < 4:
        return
    places = [(i, kazakh) for i, letter in enumerate(lower) for kazakh in KAZAKH_FOR.get(letter, "")
              if not (letter == "н" and i == len(lower) - 1)]
    for count in (1, 2):
        for chosen in itertools.combinations(places, count):
            if len({i for i, _ in chosen}) < count:
                continue
            letters = list(lower)
            for i, kazakh in chosen:
                letters[i] = kazakh
            yield "".join(letters)


def check(lang: str, texts: list[tuple[str, str]], word_lists: list[Path]) -> list[Misspelling]:
    """texts: (where, text) pairs; returns each unknown word once per place."""
    speller = Hunspell(lang, word_lists)
    found = [(where, word) for where, text in texts for word in words_of(text)]
    problems: list[Misspelling] = []
    cyrillic = []
    for where, word in found:
        if CYRILLIC.search(word) and LATIN.search(word):
            fixed = word.translate(LATIN_LOOK_ALIKES[lang])
            problems.append(Misspelling(where, word, lang, fixed if not LATIN.search(fixed) else None, True))
        elif CYRILLIC.search(word) and len(word) > 1:
            cyrillic.append((where, word))
    known = speller.known([w for _, w in cyrillic])
    unknown = sorted({w for _, w in cyrillic if not known[w]})
    if lang == "kk" and unknown:
        by_stem = {w: stems(w.lower())[1:] for w in unknown}
        stem_known = speller.known([s for candidates in by_stem.values() for s in candidates])
        unknown = [w for w in unknown if not any(stem_known[s] for s in by_stem[w])]
    suggestions = {}
    if lang == "kk" and unknown:
        variants = {w: list(look_alikes(w)) for w in unknown}
        variant_known = speller.known([v for vs in variants.values() for v in vs])
        for word, candidates in variants.items():
            match = next((v for v in candidates if variant_known[v]), None)
            if match is None:  # the fixed word may itself be an inflected form
                stemmed = {v: stems(v)[1:] for v in candidates}
                known_stems = speller.known([s for ss in stemmed.values() for s in ss])
                match = next((v for v in candidates if any(known_stems[s] for s in stemmed[v])), None)
            suggestions[word] = match
    missing = set(unknown)
    seen = set()
    for where, word in cyrillic:
        if word in missing and (where, word) not in seen:
            seen.add((where, word))
            problems.append(Misspelling(where, word, lang, suggestions.get(word)))
    return problems
