"""The support chat's calendar in Astana time: working weekdays minus Kazakhstan's public holidays
(the `holidays` package, which knows the law's weekend moves), adjusted by the editors' data file
for what the package lags behind: days off and working weekend days decreed each year, and extra
closures. Produces the JSON the pages read and the list the "when support works" page shows."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ..data import datafile
from ..data.datafile import DataProblem, DataProblems, Text
from .law import law_holidays

KINDS = ("day-off", "working-day", "closure")
ENTRY_KEYS = {"date", "kind", "name", "source"}
FILE_KEYS = {"decrees_checked_until", "holiday_names", "days"}
WARN_DAYS = 90
_QUALIFIER = re.compile(r"^(?P<base>.*?) \((?P<what>observed|estimated)\)$")
_SUBSTITUTED = re.compile(r"^Day off \(substituted from (\d\d)/(\d\d)/(\d{4})\)$")
QUALIFIERS = {
    "observed": Text("перенесённый выходной", "ауыстырылған демалыс"),
    "estimated": Text("дата по расчёту", "болжамды күн"),
}


@dataclass(frozen=True)
class Day:
    """A day that differs from the weekly pattern, or a holiday that falls on a weekend."""

    date: dt.date
    off: bool
    name: Text
    source: str  # "law" for the holidays package, else the editors' reference
    # holiday (a public holiday on its own date), day-off (a moved or decreed one), closure,
    # working-day: the chat's state says why it is closed today.
    kind: str = "holiday"


@dataclass(frozen=True)
class Hours:
    """When the chat is open (the support-kb plugin's `hours` and `calendar` settings); the defaults
    are the plugin's."""

    utc_offset_minutes: int = 300  # Astana: UTC+5 all year
    working_weekdays: tuple[int, ...] = (1, 2, 3, 4, 5)  # ISO: Monday 1 … Sunday 7
    opens: str = "09:00"
    closes: str = "18:00"
    years_ahead: int = 1

    @classmethod
    def from_settings(cls, settings: dict) -> "Hours":
        """From the plugin's settings as mkdocs.yml writes them ({hours: {...}, calendar: {...}});
        what is not given (or not known) keeps its default."""
        hours, calendar = settings.get("hours") or {}, settings.get("calendar") or {}
        given = {key: hours[key] for key in ("utc_offset_minutes", "opens", "closes") if key in hours}
        return cls(**given, working_weekdays=tuple(hours.get("working_weekdays", cls.working_weekdays)),
                   years_ahead=calendar.get("years_ahead", cls.years_ahead))

    def years(self, today: dt.date) -> range:
        """The current year and the years ahead."""
        return range(today.year, today.year + self.years_ahead + 1)


@dataclass
class Calendar:
    first: dt.date
    last: dt.date
    decrees_checked_until: dt.date
    days: dict[dt.date, Day]
    hours: Hours

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.days:
            return not self.days[day].off
        return day.isoweekday() in self.hours.working_weekdays

    def non_working_days(self, start: dt.date, count: int) -> list[Day]:
        """Named days off in [start, start + count): holidays, moved days, closures (not plain weekends)."""
        end = start + dt.timedelta(days=count)
        return [day for date, day in sorted(self.days.items()) if start <= date < end and day.off]

    def warnings(self, today: dt.date) -> list[DataProblem]:
        """The calendar must reach at least 90 days past the build, or pages soon lose the holidays
        (a problem of the plugin's settings in mkdocs.yml)."""
        if (self.last - today).days < WARN_DAYS:
            return [DataProblem("mkdocs.yml", "calendar-ends-soon", params={"last": self.last, "days": WARN_DAYS})]
        return []

    def notices(self, today: dt.date) -> list[str]:
        """Reminders for editors that do not stop the build."""
        if self.decrees_checked_until < self.last:
            return [f"decreed days off and working days are entered until {self.decrees_checked_until}: when the "
                    f"Government publishes the transfers for {self.decrees_checked_until.year + 1}, add them to "
                    "docs/support-calendar.yml and move decrees_checked_until"]
        return []

    def to_json(self) -> dict:
        return {
            "version": 1,
            "first": self.first.isoformat(),
            "last": self.last.isoformat(),
            "utcOffsetMinutes": self.hours.utc_offset_minutes,
            "workingWeekdays": list(self.hours.working_weekdays),
            "opens": self.hours.opens,
            "closes": self.hours.closes,
            "days": {
                date.isoformat(): {"off": day.off, "kind": day.kind, "name": {"ru": day.name.ru, "kk": day.name.kk}}
                for date, day in sorted(self.days.items())
            },
        }


def _law_name(name: str, names: dict[str, Text], path: Path) -> Text:
    substituted = _SUBSTITUTED.match(name)
    if substituted:
        month, day, year = substituted.groups()
        return Text(f"Выходной день, перенесённый с {day}.{month}.{year}", f"{day}.{month}.{year} күнінен ауыстырылған демалыс")
    qualified = _QUALIFIER.match(name)
    base = qualified.group("base") if qualified else name
    if base not in names:
        raise DataProblems([DataProblem(path, "holiday-unnamed", params={"name": base})])
    text = names[base]
    if qualified:
        what = QUALIFIERS[qualified.group("what")]
        return Text(f"{text.ru} ({what.ru})", f"{text.kk} ({what.kk})")
    return text


def build(path: Path, hours: Hours, years: range, law: dict[dt.date, str] | None = None) -> Calendar:
    """The calendar for the given years; every problem of the data file is raised at once. `law`:
    law_holidays(years), when the caller has it already."""
    data = datafile.load(path)
    check = datafile.Checker(path)
    problems = check.problems
    if not isinstance(data, dict):
        raise DataProblems([DataProblem(path, "calendar-file")])
    check.keys(data, FILE_KEYS)
    checked = check.get(data, "decrees_checked_until", datafile.DATE, required=True)
    names: dict[str, Text] = {}
    raw_names = check.get(data, "holiday_names", datafile.MAPPING, default={})
    for name, value in (raw_names or {}).items():
        text = check.both_languages(value, "name", raw_names.line_of(name), str(name))
        if text:
            names[name] = text

    law = law_holidays(years) if law is None else law
    days: dict[dt.date, Day] = {}
    for date, name in sorted(law.items()):
        try:
            moved = bool(_SUBSTITUTED.match(name)) or name.endswith("(observed)")
            days[date] = Day(date, True, _law_name(name, names, path), "law", "day-off" if moved else "holiday")
        except DataProblems as missing:
            if raw_names is None:  # reported once above, not once per holiday
                continue
            problems += [p for p in missing.problems if str(p) not in map(str, problems)]

    seen: dict[dt.date, int] = {}
    for index, entry in enumerate(check.get(data, "days", datafile.LIST, default=[]) or [], 1):
        node = f"days[{index}]"
        entry = check.check(entry, datafile.MAPPING, node, datafile.line_of(entry, data.line_of("days")), node)
        if entry is None:
            continue
        check.keys(entry, ENTRY_KEYS, node)
        date = check.get(entry, "date", datafile.DATE, node, required=True)
        if date is None:
            continue
        node = f"days[{date}]"
        kind = check.one_of(entry, "kind", KINDS, node)
        if kind is None:
            continue
        name = check.get_text(entry, "name", node)
        source = check.get(entry, "source", datafile.TEXT, node)
        if not source and "source" not in entry or source == "":
            check.problem("day-source", entry.line, node)
        if date in seen:
            check.problem("day-twice", entry.line, node, date=date, first=seen[date])
            continue
        seen[date] = entry.line
        weekday = date.isoweekday() in hours.working_weekdays
        if kind == "working-day" and weekday and date not in days:
            check.problem("day-working-already", entry.line_of("kind"), node, date=date, weekday=date.isoweekday())
        if kind != "working-day" and date in days:
            check.problem("day-holiday-already", entry.line_of("date"), node, date=date, name_ru=days[date].name.ru,
                          name_kk=days[date].name.kk)
        if kind != "working-day" and not weekday:
            check.problem("day-off-already", entry.line_of("date"), node, date=date, weekday=date.isoweekday())
        if name and years.start <= date.year < years.stop:
            days[date] = Day(date, kind != "working-day", name, source or "", kind)
    if problems:
        raise DataProblems(problems)
    return Calendar(dt.date(years.start, 1, 1), dt.date(years.stop - 1, 12, 31), checked, days, hours)
