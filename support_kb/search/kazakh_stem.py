"""A light Kazakh stemmer: strips inflectional endings (plural, possessive, case, a few verb forms)
while vowel harmony and the stem's last letter allow it. The rules are data, shared with the site's
search in the browser: support_kb/search/kazakh_suffixes.json. The JavaScript twin is
overrides/assets/javascripts/search/kazakh-stem.js; both are tested on tests/data/kk-stems.tsv.

    >>> stems("балаларға")
    ['балаларға', 'балалар', 'бала']
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

RULES_FILE = Path(__file__).with_name("kazakh_suffixes.json")


@dataclass(frozen=True)
class Ending:
    form: str
    harmony: str  # back | front | any
    after: str  # vowel | consonant | voiceless | any


class Rules:
    """kazakh_suffixes.json, ready to use."""

    def __init__(self, data: dict):
        vowels = data["vowels"]
        self.min_stem = int(data["min_stem_letters"])
        self.max_endings = int(data["max_endings"])
        self.max_word = int(data["max_word_letters"])
        self.back, self.front = set(vowels["back"]), set(vowels["front"])
        # A Latin i typed for і counts as a vowel too.
        self.vowels = self.back | self.front | set(vowels["neutral"]) | {"i"}
        self.voiceless = set(data["letters"]["voiceless"])
        self.consonantal = set(data["letters"]["consonantal_vowels"])
        self.final_letters = dict(data["final_letters"])
        self.alternations = dict(data["alternations"])
        self.look_alikes = {k: v for k, v in data["look_alikes"].items() if k != "about"}
        # Letters whose harmony survives folding (а may stand for ә, о for ө, у for ұ or ү, и for і).
        folded = set(self.look_alikes.values())
        self.sure_back = self.back - folded
        self.sure_front = self.front - folded
        endings = {Ending(form, harmony, group.get("after", "any"))
                   for group in data["suffixes"]
                   for harmony in ("back", "front", "any") for form in group.get(harmony, [])}
        # Longest first: the first ending that may go is the one stripped.
        self.endings = sorted(endings, key=lambda e: (-len(e.form), e.form, e.harmony, e.after))

    def fold(self, text: str) -> str:
        return "".join(self.look_alikes.get(ch, ch) for ch in text)

    def harmony(self, stem: str, lenient: bool) -> str | None:
        """'back' or 'front' by the stem's last vowel that decides it; None when none decides."""
        back, front = (self.sure_back, self.sure_front) if lenient else (self.back, self.front)
        for ch in reversed(stem):
            if ch in back:
                return "back"
            if ch in front:
                return "front"
            if lenient and ch in self.vowels:
                return None  # a vowel that may stand for either: do not judge
        return None

    def ends_as_required(self, stem: str, after: str) -> bool:
        last = stem[-1]
        vowel = last in self.vowels and last not in self.consonantal
        if after == "vowel":
            return vowel
        if after == "consonant":
            return not vowel
        if after == "voiceless":
            return last in self.voiceless
        return True

    def strip_once(self, word: str, lenient: bool) -> str | None:
        if word and word[-1] in self.final_letters:  # қою: қой + у
            word = word[:-1] + self.final_letters[word[-1]]
        compare = self.fold(word) if lenient else word
        for ending in self.endings:
            if not compare.endswith(self.fold(ending.form) if lenient else ending.form):
                continue
            stem = word[: len(word) - len(ending.form)]
            if len(stem) < self.min_stem or not any(ch in self.vowels for ch in stem):
                continue
            if not self.ends_as_required(stem, ending.after):
                continue
            if ending.harmony != "any" and self.harmony(stem, lenient) not in (None, ending.harmony):
                continue
            if ending.form[0] in self.vowels and stem[-1] in self.alternations:
                stem = stem[:-1] + self.alternations[stem[-1]]
            return stem
        return None


@lru_cache(maxsize=1)
def rules() -> Rules:
    return Rules(json.loads(RULES_FILE.read_text(encoding="utf-8")))


def fold(word: str) -> str:
    """The word lower-cased, with Kazakh letters replaced by the look-alikes people type instead:
    'Өтініш' -> 'отиниш', 'жұмыс' -> 'жумыс'."""
    return rules().fold(word.lower())


def stems(word: str, lenient: bool = False) -> list[str]:
    """The word (lower-cased) and each stem left after one more ending is stripped, longest first:
    stems('кезектегі') == ['кезектегі', 'кезек'].

    lenient=True also accepts words typed without Kazakh letters ('балаларга', 'отиништер'):
    endings are compared folded, and a vowel that folding makes ambiguous does not decide harmony.

    The work is bounded (the rules' max_endings, max_word_letters): a stacked run of endings
    pasted into a search costs no more than a long word."""
    r = rules()
    current = word.lower()
    found = [current]
    if len(current) > r.max_word:
        return found
    while len(found) <= r.max_endings and (stem := r.strip_once(current, lenient)) is not None:
        found.append(stem)
        current = stem
    return found
