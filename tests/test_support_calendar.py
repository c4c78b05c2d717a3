"""The support calendar: Kazakhstan's holidays with the law's moves, the editors' decreed days, and
every mistake an editor can make in docs/support-calendar.yml."""
import datetime as dt
import shutil
import textwrap

import pytest

from conftest import DOCS
from support_kb.calendar import support_calendar as sc
from support_kb.data.datafile import DataProblem, DataProblems

HOURS = sc.Hours(300, (1, 2, 3, 4, 5), "09:00", "18:00")
D = dt.date


@pytest.fixture(scope="module")
def real():
    return sc.build(DOCS / "support-calendar.yml", HOURS, range(2026, 2028))


def write(tmp_path, days: str, checked="2027-12-31"):
    names = (DOCS / "support-calendar.yml").read_text(encoding="utf-8")
    names = names[names.index("\nholiday_names:") + 1:names.index("\ndays:") + 1]
    path = tmp_path / "support-calendar.yml"
    path.write_text(f"decrees_checked_until: {checked}\n{names}days:\n{textwrap.indent(textwrap.dedent(days), '  ')}",
                    encoding="utf-8")
    return path


def test_nauryz_and_its_moved_days_2026(real):
    # 21 and 22 March 2026 fall on Saturday and Sunday: the law moves them to 24 and 25 March.
    for day in (D(2026, 3, 21), D(2026, 3, 22), D(2026, 3, 23), D(2026, 3, 24), D(2026, 3, 25)):
        assert not real.is_working_day(day), day
    assert real.days[D(2026, 3, 23)].name.ru == "Наурыз мейрамы"
    assert real.days[D(2026, 3, 24)].name.kk == "Наурыз мейрамы (ауыстырылған демалыс)"
    # The chat's state says "a holiday" on the holiday itself, "a day off" on the moved day.
    assert (real.days[D(2026, 3, 23)].kind, real.days[D(2026, 3, 24)].kind) == ("holiday", "day-off")
    assert real.is_working_day(D(2026, 3, 26))


def test_independence_day_kurban_ait_and_constitution_day_2027(real):
    assert not real.is_working_day(D(2026, 12, 16))
    assert real.days[D(2026, 12, 16)].name.ru == "День Независимости"
    assert not real.is_working_day(D(2026, 5, 27))
    assert real.days[D(2026, 5, 27)].name.ru.startswith("Курбан айт")
    assert not real.is_working_day(D(2027, 3, 15))  # Constitution Day, 15 March from 2027
    assert real.days[D(2027, 3, 15)].name.kk == "Қазақстан Республикасының Конституциясы күні"
    assert real.is_working_day(D(2026, 11, 26)) and not real.is_working_day(D(2026, 11, 28))


def test_decreed_working_saturday_and_day_off_from_the_data_file(tmp_path):
    path = write(tmp_path, """\
        - date: 2027-07-03
          kind: working-day
          name: {ru: "Рабочая суббота (перенос на 5 июля)", kk: "Жұмыс істейтін сенбі (5 шілдеге ауыстыру)"}
          source: "Test decree No. 1"
        - date: 2027-07-05
          kind: day-off
          name: {ru: "Выходной (перенесён с 3 июля)", kk: "Демалыс (3 шілдеден ауыстырылды)"}
          source: "Test decree No. 1"
        """)
    calendar = sc.build(path, HOURS, range(2026, 2028))
    assert calendar.is_working_day(D(2027, 7, 3))  # a Saturday
    assert not calendar.is_working_day(D(2027, 7, 5))  # a Monday
    assert calendar.to_json()["days"]["2027-07-05"]["kind"] == "day-off"
    assert calendar.to_json()["days"]["2027-07-03"] == {
        "off": False, "kind": "working-day", "name": {"ru": "Рабочая суббота (перенос на 5 июля)", "kk": "Жұмыс істейтін сенбі (5 шілдеге ауыстыру)"}}
    listed = [day.date for day in calendar.non_working_days(D(2027, 7, 1), 10)]
    assert D(2027, 7, 5) in listed and D(2027, 7, 6) in listed and D(2027, 7, 3) not in listed


def test_json_covers_the_current_and_next_year_and_the_90_day_warning(real):
    data = real.to_json()
    assert (data["first"], data["last"]) == ("2026-01-01", "2027-12-31")
    assert data["utcOffsetMinutes"] == 300 and data["opens"] == "09:00" and data["closes"] == "18:00"
    assert real.warnings(D(2026, 11, 25)) == []
    assert real.warnings(D(2027, 10, 10)) and "less than 90 days" in real.warnings(D(2027, 10, 10))[0].message


ENTRY = '- date: {date}\n  kind: {kind}\n  name: {{ru: "Название", kk: "Атауы"}}\n  source: "Decree"\n'
CASES = {
    "bad date": (ENTRY.format(date="2027-02-30", kind="day-off"), "'2027-02-30' is not a real date"),
    "not a date": (ENTRY.format(date="soon", kind="day-off"), "'date' must be a date written YYYY-MM-DD"),
    "unknown key": (ENTRY.format(date="2027-07-05", kind="day-off") + "  note: x\n", "unknown key 'note'"),
    "unknown kind": (ENTRY.format(date="2027-07-05", kind="holiday"), "'kind' must be one of day-off, working-day, closure"),
    "declared twice": (ENTRY.format(date="2027-07-05", kind="day-off") * 2, "2027-07-05 is already declared on line"),
    "holiday twice": (ENTRY.format(date="2027-03-15", kind="day-off"), "2027-03-15 is already a holiday by law"),
    "working day already": (ENTRY.format(date="2027-07-07", kind="working-day"), "is a Wednesday and already a working day"),
    "weekend day off": (ENTRY.format(date="2027-07-03", kind="day-off"), "is a Saturday, already a day off"),
    "missing translation": ('- date: 2027-07-05\n  kind: day-off\n  name: {ru: "Выходной"}\n  source: "Decree"\n',
                            "'name' is missing or empty in 'kk'"),
    "missing source": ('- date: 2027-07-05\n  kind: day-off\n  name: {ru: "В", kk: "Д"}\n', "'source' must name the decree"),
    # Values of the wrong type: a located line, never a TypeError.
    "time in a date": (ENTRY.format(date="2027-07-05 10:00:00", kind="day-off"),
                       "days[1]: 'date' must be a date written YYYY-MM-DD, not a date and time"),
    "entry given as a text": ("- 2027-07-05\n", "days[1]: 'days[1]' must be a mapping, not a date"),
    "name given as a text": (ENTRY.format(date="2027-07-05", kind="day-off").replace('{ru: "Название", kk: "Атауы"}', "Выходной"),
                             "days[2027-07-05]: 'name' must be a mapping {ru: ..., kk: ...}, not a text"),
}


def test_wrong_types_of_whole_sections_are_located_lines(tmp_path):
    path = write(tmp_path, "[]\n")
    text = path.read_text(encoding="utf-8")
    names = text[text.index("holiday_names:"):text.index("\ndays:")]
    path.write_text(text.replace(names, "holiday_names: [Victory Day]").replace("\ndays:\n", "\ndays: 5\n#")
                    .replace("decrees_checked_until: 2027-12-31", "decrees_checked_until: 2027-12-31 12:00:00"), encoding="utf-8")
    with pytest.raises(DataProblems) as error:
        sc.build(path, HOURS, range(2026, 2028))
    lines = str(error.value).splitlines()
    where = str(path)
    assert f"{where}:1: 'decrees_checked_until' must be a date written YYYY-MM-DD, not a date and time without its UTC offset" in lines
    assert f"{where}:2: 'holiday_names' must be a mapping, not a list" in lines
    assert f"{where}:3: 'days' must be a list, not a number" in lines
    assert len(lines) == 3  # the package's holidays are not each reported as having no name


@pytest.mark.parametrize("case", CASES)
def test_a_broken_data_file_fails_with_a_clear_line(tmp_path, case):
    days, expected = CASES[case]
    with pytest.raises((DataProblem, DataProblems)) as error:
        sc.build(write(tmp_path, days), HOURS, range(2026, 2028))
    message = str(error.value)
    assert expected in message
    assert message.startswith(str(tmp_path / "support-calendar.yml") + ":")


def test_a_holiday_without_translation_is_named(tmp_path):
    path = write(tmp_path, "[]\n").read_text(encoding="utf-8").replace('  "Victory Day": {ru: "День Победы", kk: "Жеңіс күні"}\n', "")
    (tmp_path / "support-calendar.yml").write_text(path, encoding="utf-8")
    with pytest.raises(DataProblems) as error:
        sc.build(tmp_path / "support-calendar.yml", HOURS, range(2026, 2028))
    assert "holiday 'Victory Day' from the holidays package has no name" in str(error.value)


def test_the_hours_page_lists_the_coming_non_working_days(build):
    for path, name in (("support/hours/", "День Независимости"), ("kk/support/hours/", "Тәуелсіздік күні")):
        days = build.page(path).select("[data-kb-calendar] [data-date]")
        assert days and all(day.get("data-date") for day in days)
        assert any(name in day.get_text() for day in days)
