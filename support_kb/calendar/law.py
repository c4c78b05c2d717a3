"""Kazakhstan's public holidays by law, with the moves the law makes, from the `holidays` package.
Importing the package loads every country it knows (half a second), so a build asks a separate
process (`python -m support_kb.calendar.law YEAR…`), which works on the other core meanwhile."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys


def law_holidays(years) -> dict[dt.date, str]:
    """{date: English name} for the given years."""
    import holidays

    return dict(sorted(holidays.country_holidays("KZ", years=list(years), language="en_US").items()))


class Pending:
    """law_holidays(years), computed by a child process started now."""

    def __init__(self, years):
        self.years = list(years)
        self._process = subprocess.Popen([sys.executable, "-m", __name__, *map(str, self.years)],
                                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self._result: dict[dt.date, str] | None = None

    def result(self) -> dict[dt.date, str]:
        if self._result is None:
            out, err = self._process.communicate()
            if self._process.returncode:
                raise RuntimeError(f"support_kb.calendar.law failed:\n{err}")
            self._result = {dt.date.fromisoformat(day): name for day, name in json.loads(out)}
        return self._result


if __name__ == "__main__":
    print(json.dumps([[day.isoformat(), name] for day, name in law_holidays(int(year) for year in sys.argv[1:]).items()]))
