"""Today is counted in Astana (UTC+5), whatever the machine's zone: the day turns at 19:00 UTC."""
import datetime as dt

from support_kb.content.dates import today_in_astana

UTC = dt.timezone.utc


def test_the_day_turns_at_midnight_in_astana():
    assert today_in_astana(dt.datetime(2026, 12, 31, 18, 59, 59, tzinfo=UTC)) == dt.date(2026, 12, 31)
    assert today_in_astana(dt.datetime(2026, 12, 31, 19, 0, tzinfo=UTC)) == dt.date(2027, 1, 1)


def test_a_clock_in_another_zone_gives_the_same_day():
    almaty_old = dt.timezone(dt.timedelta(hours=6))  # what tz data older than 2024 says for Almaty
    assert today_in_astana(dt.datetime(2027, 1, 1, 0, 30, tzinfo=almaty_old)) == dt.date(2026, 12, 31)
