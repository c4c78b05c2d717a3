"""Dates written as people read them in Russian and in Kazakh."""
from __future__ import annotations

import datetime as dt

_MONTHS = {
    # Russian needs the genitive after a day number.
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря"],
    "kk": ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз",
           "қыркүйек", "қазан", "қараша", "желтоқсан"],
}


def long_date(day: dt.date, lang: str) -> str:
    """25 ноября 2026 г. / 2026 жылғы 25 қараша."""
    month = _MONTHS[lang][day.month - 1]
    if lang == "kk":
        return f"{day.year} жылғы {day.day} {month}"
    return f"{day.day} {month} {day.year} г."
