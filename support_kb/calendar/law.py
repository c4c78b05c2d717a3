"""Kazakhstan's public holidays by law, with the moves the law makes, from the `holidays` package.
Importing the package loads every country it knows (half a second), so a build asks a separate
process (`python -m support_kb.calendar.law YEAR…`), which works on the other core meanwhile, and
keeps the answer in its cache folder under the package's version: the next build with the same
`holidays` and the same years reads it back (an upgrade of `holidays`, which brings the law's new
moves, is a new version, so a new answer)."""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path


def law_holidays(years) -> dict[dt.date, str]:
    """{date: English name} for the given years."""
    import holidays

    return dict(sorted(holidays.country_holidays("KZ", years=list(years), language="en_US").items()))


def _as_json(days: dict[dt.date, str]) -> str:
    return json.dumps([[day.isoformat(), name] for day, name in days.items()], ensure_ascii=False)


def _from_json(text: str) -> dict[dt.date, str]:
    return {dt.date.fromisoformat(day): name for day, name in json.loads(text)}


class Pending:
    """law_holidays(years): from the cache folder when an earlier build with this version of
    `holidays` kept it there, else computed by a child process started now (and then kept)."""

    def __init__(self, years, cache: Path | None = None):
        self.years = list(years)
        self._result: dict[dt.date, str] | None = None
        self._process = None
        self._kept = None
        if cache is not None:
            from importlib import metadata  # here: the child process does not need it (60 ms to import)

            years_named = "-".join(map(str, self.years))
            self._kept = cache / f"law-holidays-{metadata.version('holidays')}-{years_named}.json"
            try:
                self._result = _from_json(self._kept.read_text(encoding="utf-8"))
                return
            except (OSError, ValueError, TypeError):
                pass  # not kept yet, or unreadable: computed again
        self._process = subprocess.Popen([sys.executable, "-m", __name__, *map(str, self.years)],
                                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def result(self) -> dict[dt.date, str]:
        if self._result is None:
            out, err = self._process.communicate()
            if self._process.returncode:
                raise RuntimeError(f"support_kb.calendar.law failed:\n{err}")
            self._result = _from_json(out)
            if self._kept is not None:
                _keep(self._kept, out)
        return self._result


def _keep(path: Path, text: str) -> None:
    """Written whole or not at all (another build may read it meanwhile)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        partial.write_text(text, encoding="utf-8")
        partial.replace(path)
    except OSError:
        pass  # a read-only checkout: the next build asks the package again


if __name__ == "__main__":
    print(_as_json(law_holidays(int(year) for year in sys.argv[1:])))
