"""Today in Astana, and dates written as people read them in Russian and in Kazakh."""
from __future__ import annotations

import datetime as dt
import os

# Astana time is UTC+5 all year (one zone for Kazakhstan since 1 March 2024, no daylight saving),
# computed from the clock, never from a time-zone database that may still say UTC+6.
ASTANA = dt.timezone(dt.timedelta(hours=5), "Astana")


def build_time() -> dt.datetime:
    """Now, or SOURCE_DATE_EPOCH for a reproducible build: the one clock the build reads."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch else dt.datetime.now(dt.timezone.utc)


def today_in_astana(now: dt.datetime | None = None) -> dt.date:
    """The date in Astana now (or at `now`, an aware time): the support calendar, the editions
    check and the pages' last-update dates all count days by it."""
    return (now or build_time()).astimezone(ASTANA).date()

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
