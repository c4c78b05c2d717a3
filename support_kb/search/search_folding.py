"""How the site's search reads what people type: a word typed with the wrong keyboard layout (Latin or
Russian), Kazakh letters typed on the digit row, a word in Latin letters, endings written as they
sound, and typos within an edit distance. The tables are
data, shared with the search in the browser (support_kb/search/search_folding.json; the JavaScript twin is
overrides/assets/javascripts/search/matching.js); both are tested on tests/data/search-folding.tsv
and tests/data/edit-distance.tsv.

    >>> from_keyboard("gfhjkm"), to_latin_keys("тсфдфнук"), from_digit_row("м2ртебе")
    ('пароль', 'ncalayer', 'мәртебе')
    >>> transliterate("zabyl parol")
    'забыл парол'
"""
from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from . import kazakh_stem

RULES_FILE = Path(__file__).with_name("search_folding.json")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
# Latin letters that look like Cyrillic ones, as they slip into a Cyrillic word (the same as matching.js).
LATIN_LOOK_ALIKES = {"a": "а", "b": "в", "c": "с", "e": "е", "h": "һ", "i": "і", "k": "к", "m": "м",
                     "o": "о", "p": "р", "t": "т", "x": "х", "y": "у"}


DIGIT_ROW_WORD = re.compile(r"(?:[^\W_]|[=-])+")  # letters, digits, "-" and "=" (matching.js: [\p{L}\p{N}=-]+)


def _table(mapping: dict) -> dict[str, str]:
    return {k: v for k, v in mapping.items() if k != "about"}


@lru_cache(maxsize=1)
def rules() -> dict:
    data = json.loads(RULES_FILE.read_text(encoding="utf-8"))
    keyboard = _table(data["keyboard"])
    return {
        "keyboard": keyboard,
        "latin_keys": {cyrillic: latin for latin, cyrillic in keyboard.items() if re.fullmatch("[a-z]", latin)},
        "digit_row": _table(data["kazakh_digit_row"]),
        "passes": [sorted(p.items(), key=lambda kv: -len(kv[0])) for p in data["latin"]["passes"]],
        "endings": {lang: sorted(_table(e).items(), key=lambda kv: -len(kv[0]))
                    for lang, e in _table(data["endings"]).items()},
        "typos": _table(data["typos"]),
    }


def from_keyboard(text: str) -> str:
    """What `text`, typed on the Latin layout, would have been on the Russian one: 'gfhjkm' -> 'пароль'."""
    keyboard = rules()["keyboard"]
    return "".join(keyboard.get(ch, ch) for ch in text.lower())


def to_latin_keys(word: str) -> str | None:
    """What a word, typed on the Russian layout, would have been on the Latin one, when every key of
    it is a Latin letter there ('тсфдфнук' -> 'ncalayer'), else None."""
    latin_keys = rules()["latin_keys"]
    out = [latin_keys.get(ch) for ch in word.lower()]
    return None if None in out else "".join(out)


def from_digit_row(text: str) -> str:
    """Words typed on the Russian layout by the keys of the Kazakh layout's digit row, with those keys
    read as the Kazakh letters ('-т3н3ш м2ртебес3' -> 'өтініш мәртебесі'); words without a Cyrillic
    letter stay as they are ('30-1')."""
    digit_row = rules()["digit_row"]
    return DIGIT_ROW_WORD.sub(
        lambda m: "".join(digit_row.get(ch, ch) for ch in m[0]) if CYRILLIC.search(m[0]) else m[0], text)


def transliterate(text: str) -> str:
    """Latin letters read as Russian or Kazakh ones, pass by pass: 'kupiya soz' -> 'купия соз'."""
    out = text.lower()
    for table in rules()["passes"]:
        done, i = [], 0
        while i < len(out):
            for latin, cyrillic in table:
                if out.startswith(latin, i):
                    done.append(cyrillic)
                    i += len(latin)
                    break
            else:
                done.append(out[i])
                i += 1
        out = "".join(done)
    return out


def normalise(word: str) -> str:
    """Lower case, NFC, ё as е, Latin look-alikes made Cyrillic in a Cyrillic word."""
    w = unicodedata.normalize("NFC", word).lower().replace("ё", "е")
    if CYRILLIC.search(w) and re.search("[a-z]", w):
        w = "".join(LATIN_LOOK_ALIKES.get(ch, ch) for ch in w)
    return w


def fold_ending(word: str, lang: str) -> str:
    for ending, sound in rules()["endings"].get(lang, []):
        if word.endswith(ending) and len(word) > len(ending):
            return word[: -len(ending)] + sound
    return word


def key(word: str, lang: str) -> str:
    """The word as search compares it: normalised, Kazakh letters folded, endings as they sound."""
    return fold_ending(kazakh_stem.fold(normalise(word)), lang)


def allowed_edits(word: str) -> int:
    """How many edits a (folded) word may have and still match."""
    typos = rules()["typos"]
    n = len(word)
    return 2 if n >= typos["two_edits_from"] else 1 if n >= typos["one_edit_from"] else 0


def edit_distance(a: str, b: str, limit: int) -> int:
    """Edits (replace, insert, delete, swap of two neighbours) from a to b; limit + 1 when more."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before, row = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + cost)
            if before is not None and i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        before, row = row, current
    return min(row[-1], limit + 1)
