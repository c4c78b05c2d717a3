"""A light Kazakh stemmer: strips inflectional endings (plural, possessive, case, a few verb forms)
while vowel harmony allows it. The rules are data, shared with the site's search in the browser:
support_kb/kazakh_suffixes.json. The JavaScript twin is overrides/assets/javascripts/search/kazakh-stem.js;
both are tested on tests/data/kk-stems.tsv.

    >>> stems("балаларға")
    ['балаларға', 'балалар', 'бала']
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

RULES_FILE = Path(__file__).with_name("kazakh_suffixes.json")


class _Rules:
    def __init__(self, data: dict):
        self.min_stem = int(data["min_stem_letters"])
        self.back = set(data["vowels"]["back"])
        self.front = set(data["vowels"]["front"])
        # A Latin i typed for і counts as a vowel too.
        self.vowels = self.back | self.front | set(data["vowels"]["neutral"]) | {"i"}
        self.alternations = dict(data["alternations"])
        self.look_alikes = {k: v for k, v in data["look_alikes"].items() if k != "about"}
        endings = [(form, harmony) for group in data["suffixes"]
                   for harmony in ("back", "front", "any") for form in group.get(harmony, [])]
        # Longest first: the first ending that may go is the one stripped.
        self.endings = sorted(set(endings), key=lambda e: (-len(e[0]), e[0], e[1]))
        # Letters whose harmony survives folding (а may stand for ә, о for ө, у for ұ/ү, и for і).
        folded = set(self.look_alikes.values())
        self.sure_back = {v for v in self.back if v not in folded}
        self.sure_front = {v for v in self.front if v not in folded}


@lru_cache(maxsize=1)
def rules() -> _Rules:
    return _Rules(json.loads(RULES_FILE.read_text(encoding="utf-8")))


def fold(word: str) -> str:
    """The word with Kazakh letters replaced by the Russian (or Latin) look-alikes people type:
    'өтініш' -> 'отиниш', 'жұмыс' -> 'жумыс'."""
    table = rules().look_alikes
    return "".join(table.get(ch, ch) for ch in word.lower())


def _harmony(stem: str, r: _Rules, lenient: bool) -> str | None:
    """'back' or 'front' by the stem's last vowel that decides it; None when nothing decides."""
    back, front = (r.sure_back, r.sure_front) if lenient else (r.back, r.front)
    for ch in reversed(stem):
        if ch in back:
            return "back"
        if ch in front:
            return "front"
        if lenient and ch in r.vowels:
            return None  # a vowel that may stand for either: do not judge
    return None


def _strip_once(word: str, r: _Rules, lenient: bool) -> str | None:
    compare = fold(word) if lenient else word
    for form, harmony in r.endings:
        ending = fold(form) if lenient else form
        if not compare.endswith(ending):
            continue
        stem = word[: len(word) - len(form)]
        if len(stem) < r.min_stem or not any(ch in r.vowels for ch in stem):
            continue
        if harmony != "any":
            found = _harmony(stem, r, lenient)
            if found is not None and found != harmony:
                continue
        if form[0] in r.vowels and stem[-1] in r.alternations:
            stem = stem[:-1] + r.alternations[stem[-1]]
        return stem
    return None


def stems(word: str, lenient: bool = False) -> list[str]:
    """The word (lower-cased) and each stem left after one more ending is stripped, longest first:
    stems('кезектегі') == ['кезектегі', 'кезек'].

    lenient=True also accepts words typed without Kazakh letters ('балаларга', 'отиништер'):
    endings are compared folded and a vowel that folding makes ambiguous does not decide harmony."""
    r = rules()
    current = word.lower()
    found = [current]
    while (stem := _strip_once(current, r, lenient)) is not None:
        found.append(stem)
        current = stem
    return found
